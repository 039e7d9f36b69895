//! Development aid: runs the extractors on the gold bodies of
//! `../shared/corpus` (`gold/<id>.body.txt`, with the gold's publication date)
//! and prints one record per article, so that entity extraction can be scored
//! apart from the page readers:
//!
//! ```sh
//! cargo run --release --example gold_bodies -- ../shared/corpus/gold > /tmp/bodies.jsonl
//! python3 ../shared/tools/score.py ../shared/corpus/gold /tmp/bodies.jsonl --detail
//! ```
//! (title, published and body are not meaningful in that output.)

use std::path::PathBuf;

fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "../shared/corpus/gold".into()));
    let extractor = vnarticle::Extractor::new();
    let mut bodies: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.to_string_lossy().ends_with(".body.txt"))
            .collect(),
        Err(e) => {
            eprintln!("gold_bodies: cannot list {}: {e}", dir.display());
            std::process::exit(2);
        }
    };
    bodies.sort();
    for path in bodies {
        let name = path.file_name().map(|n| n.to_string_lossy().replace(".body.txt", "")).unwrap_or_default();
        let Ok(body) = std::fs::read_to_string(&path) else { continue };
        let gold: serde_json::Value = std::fs::read_to_string(dir.join(format!("{name}.json")))
            .ok()
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or_default();
        let published = gold["published"].as_str();
        let mut record = extractor.extract_body(&body, published);
        record.id = name;
        match serde_json::to_string(&record) {
            Ok(line) => println!("{line}"),
            Err(e) => eprintln!("gold_bodies: {e}"),
        }
    }
}
