//! Every entity's span gives back its mention: `text[start..end]` (in code
//! points) equals the mention's `text`, on every fixture and, when
//! `../shared/corpus` is present, on every real article.

use std::path::{Path, PathBuf};
mod common;

use vnarticle::{Extractor, Record, batch};

fn records(dirs: &[PathBuf]) -> Vec<Record> {
    let extractor = Extractor::new();
    let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
    let mut out = Vec::new();
    batch::run(&extractor, batch::sources(dirs.to_vec()), &pool, &mut out).unwrap();
    String::from_utf8(out).unwrap().lines().filter_map(|l| serde_json::from_str::<Record>(l).ok()).collect()
}

#[test]
fn spans_give_back_mentions_on_fixtures() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let recs = records(&[fixtures]);
    assert!(recs.len() >= 5);
    let failures: Vec<String> = recs.iter().flat_map(common::span_failures).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn spans_give_back_mentions_on_the_shared_corpus() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if !corpus.join("gold").is_dir() {
        eprintln!(
            "SKIPPED: ../shared/corpus is absent (a fresh clone elsewhere); span checks ran on fixtures only"
        );
        return;
    }
    let recs = records(&[corpus.join("text"), corpus.join("html")]);
    assert!(recs.len() >= 13, "expected the 13 corpus pages, got {}", recs.len());
    let failures: Vec<String> = recs.iter().flat_map(common::span_failures).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
