//! Helpers shared by the integration tests.

use vnarticle::Record;

/// Every entity span and warning span of a record that does not read back
/// its mention (code-point offsets into `text`), as messages.
pub fn span_failures(record: &Record) -> Vec<String> {
    let mut failures = Vec::new();
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
    failures
}
