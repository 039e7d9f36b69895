//! Every entity's span gives back its mention: `text[start..end]` (in code
//! points) equals the mention's `text`, on every fixture and, when
//! `../shared/corpus` is present, on every real article.

use std::path::{Path, PathBuf};
use vnarticle::{Extractor, Record, batch};

fn check(record: &Record, failures: &mut Vec<String>) {
    let mut spans: Vec<(usize, usize, &str, &str)> = Vec::new();
    spans.extend(record.dates.iter().map(|d| (d.start, d.end, d.text.as_str(), "date")));
    spans.extend(record.quantities.iter().map(|q| (q.start, q.end, q.text.as_str(), "quantity")));
    for d in &record.documents {
        spans.extend(d.mentions.iter().map(|m| (m.start, m.end, m.text.as_str(), "document")));
    }
    for o in &record.officials {
        spans.extend(o.mentions.iter().map(|m| (m.start, m.end, m.text.as_str(), "official")));
    }
    for (start, end, text, what) in spans {
        let got = record.slice(start, end);
        if got != Some(text) {
            failures.push(format!("{}: {what} «{text}» at {start}..{end} reads {got:?}", record.id));
        }
    }
    for w in &record.warnings {
        if let (Some(s), Some(e)) = (w.start, w.end) {
            if record.slice(s, e).is_none() {
                failures.push(format!("{}: warning {} at {s}..{e} outside the text", record.id, w.kind));
            }
        }
    }
}

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
    let mut failures = Vec::new();
    for r in &recs {
        check(r, &mut failures);
    }
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
    let mut failures = Vec::new();
    for r in &recs {
        check(r, &mut failures);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
