//! The whole pipeline on any bytes (sniffed as text or HTML): no panic,
//! the record serializes, and every span gives back its mention.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vnarticle::{Extractor, Format, Input};

static EXTRACTOR: std::sync::LazyLock<Extractor> = std::sync::LazyLock::new(Extractor::new);

fuzz_target!(|data: &[u8]| {
    let Ok(record) = EXTRACTOR.extract(&Input::new("fuzz", Format::Auto, data)) else { return };
    assert!(serde_json::to_string(&record).is_ok());
    let mut spans: Vec<(usize, usize, &str)> = Vec::new();
    spans.extend(record.dates.iter().map(|d| (d.start, d.end, d.text.as_str())));
    spans.extend(record.quantities.iter().map(|q| (q.start, q.end, q.text.as_str())));
    for d in &record.documents {
        spans.extend(d.mentions.iter().map(|m| (m.start, m.end, m.text.as_str())));
    }
    for o in &record.officials {
        spans.extend(o.mentions.iter().map(|m| (m.start, m.end, m.text.as_str())));
    }
    for (start, end, text) in spans {
        assert_eq!(record.slice(start, end), Some(text), "span {start}..{end}");
    }
});
