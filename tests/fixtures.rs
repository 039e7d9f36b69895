//! The bundled fixture pages (written for this project in the style of real
//! portals) against their expected metadata and body, as data:
//! `fixtures/expected/<name>.json` describes `fixtures/text/<name>.txt`, or
//! the file its `"input"` names (`"html/<name>.html"`, read as bytes with
//! whatever encoding the page has).

use serde_json::Value;
use std::path::Path;
use vnarticle::{Extractor, Format, Input, Record};

struct Fixture {
    name: String,
    /// The page's bytes.
    bytes: Vec<u8>,
    html: bool,
    expected: Value,
}

fn fixtures() -> Vec<Fixture> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut out = Vec::new();
    let mut entries: Vec<_> =
        std::fs::read_dir(root.join("expected")).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let expected: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let input = expected["input"].as_str().map_or_else(|| format!("text/{name}.txt"), str::to_owned);
        let bytes = std::fs::read(root.join(&input)).unwrap_or_else(|e| panic!("fixtures/{input}: {e}"));
        out.push(Fixture { name, bytes, html: input.ends_with(".html"), expected });
    }
    assert!(out.iter().filter(|f| !f.html).count() >= 5, "expected at least five described text fixtures");
    assert!(out.iter().filter(|f| f.html).count() >= 6, "expected at least six described HTML fixtures");
    out
}

fn extract(extractor: &Extractor, f: &Fixture, bytes: &[u8]) -> Record {
    if f.html {
        extractor.extract(&Input::new(f.name.clone(), Format::Html, bytes)).unwrap()
    } else {
        extractor.extract_text(std::str::from_utf8(bytes).unwrap(), Some(&f.name)).unwrap()
    }
}

#[test]
fn fixtures_give_their_expected_metadata_and_body() {
    let extractor = Extractor::new();
    let mut failures = Vec::new();
    for f in fixtures() {
        let (name, want) = (&f.name, &f.expected);
        let record = extract(&extractor, &f, &f.bytes);
        let got = serde_json::to_value(&record).unwrap();
        for field in ["title", "published", "section", "authors", "source_credit", "site"] {
            // every field a text fixture describes; those an HTML one names
            if (!f.html || want.get(field).is_some()) && got[field] != want[field] {
                failures.push(format!("{name}: {field} = {}, expected {}", got[field], want[field]));
            }
        }
        let paragraphs: Vec<&str> = record.text.split("\n\n").filter(|p| !p.is_empty()).collect();
        if let Some(n) = want["paragraphs"].as_u64() {
            if paragraphs.len() as u64 != n {
                failures
                    .push(format!("{name}: {} paragraphs, expected {n}: {paragraphs:#?}", paragraphs.len()));
            }
        }
        if let Some(s) = want["body_starts"].as_str() {
            if !record.text.starts_with(s) {
                failures.push(format!("{name}: body starts «{}»", paragraphs.first().unwrap_or(&"")));
            }
        }
        if let Some(s) = want["body_ends"].as_str() {
            if !record.text.ends_with(s) {
                failures.push(format!("{name}: body ends «{}»", paragraphs.last().unwrap_or(&"")));
            }
        }
        for s in want["body_has"].as_array().into_iter().flatten().filter_map(Value::as_str) {
            if !record.text.contains(s) {
                failures.push(format!("{name}: body lacks «{s}»"));
            }
        }
        for s in want["body_lacks"].as_array().into_iter().flatten().filter_map(Value::as_str) {
            if record.text.contains(s) {
                failures.push(format!("{name}: chrome «{s}» left in the body"));
            }
        }
        for kind in want["warnings"].as_array().into_iter().flatten().filter_map(Value::as_str) {
            if !record.warnings.iter().any(|w| w.kind == kind) {
                failures.push(format!("{name}: no {kind} warning in {:?}", record.warnings));
            }
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn the_body_is_normalized() {
    let extractor = Extractor::new();
    for f in fixtures() {
        let name = &f.name;
        let record = extract(&extractor, &f, &f.bytes);
        assert!(!record.text.contains('\u{a0}'), "{name}: NBSP in body");
        assert!(!record.text.contains("  "), "{name}: double space in body");
        assert!(!record.text.contains("\n\n\n"), "{name}: empty paragraph in body");
        for p in record.text.split("\n\n") {
            assert_eq!(p, p.trim(), "{name}: paragraph not trimmed");
            assert!(!p.contains('\n'), "{name}: newline inside a paragraph");
        }
        use unicode_normalization::UnicodeNormalization;
        let nfc: String = record.text.nfc().collect();
        assert_eq!(record.text, nfc, "{name}: body not NFC");
        // NFD input gives the same record (pages stored as UTF-8)
        if let Ok(page) = std::str::from_utf8(&f.bytes) {
            let nfd: String = page.nfd().collect();
            let again = extract(&extractor, &f, nfd.as_bytes());
            assert_eq!(again, record, "{name}: NFD page gives another record");
        }
    }
}
