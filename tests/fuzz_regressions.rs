//! Replays every input under `tests/fuzz-regressions/`: inputs that once
//! crashed a reader or broke an invariant (found by the fuzz targets, the
//! property tests or the hostile-input test), each kept as a file named
//! after what it broke. Each goes through the whole pipeline as the
//! `pipeline` fuzz target checks it: no panic, a record that serializes,
//! normalized paragraphs, spans that give back their mentions.

mod common;

use std::path::Path;
use vnarticle::{Extractor, Format, Input, normalize};

#[test]
fn every_saved_crash_input_is_handled() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut paths: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    assert!(!paths.is_empty());
    let extractor = Extractor::new();
    let mut failures = Vec::new();
    for path in &paths {
        let bytes = std::fs::read(path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        for format in [Format::Auto, Format::Text, Format::Html] {
            let Ok(record) = extractor.extract(&Input::new(name.clone(), format, bytes.clone())) else {
                continue;
            };
            assert!(serde_json::to_string(&record).is_ok(), "{name}");
            if record.text.split("\n\n").any(|p| !p.is_empty() && normalize::paragraph(p) != p) {
                failures
                    .push(format!("{name} ({format:?}): a paragraph is not normalized: {:?}", record.text));
            }
            failures.extend(common::span_failures(&record));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
