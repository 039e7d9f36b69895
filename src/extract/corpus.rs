//! The example-corpus harness (DESIGN.md habit 1, in the manner of Duckling's
//! corpus tests and regex's `testdata/`).
//!
//! Each extractor keeps a `corpus.toml` next to its rules:
//!
//! ```toml
//! # optional: how every positive and negative text is also checked inside a
//! # sentence (the expected spans shift by the prefix)
//! [wrap]
//! prefix = "Theo báo cáo, "
//! suffix = " được ghi nhận."
//!
//! [[example]]                      # every text gives exactly `expect`,
//! texts = ["ngày 15/5/2016", "15-5-2016"]   # each item spanning the whole text
//! published = "2019-08-21"         # optional: the article's publication date
//! expect = [{ value = "2016-05-15", precision = "day" }]
//! wrap = false                     # optional: skip the in-a-sentence check
//!
//! [[negative]]                     # no item of this extractor's kind
//! texts = ["2 năm", "Thứ hai:"]
//!
//! [[in_context]]                   # exactly these items, in order
//! text = "Ngày 15/5/2016, Bộ Chính trị ban hành Chỉ thị 05."
//! expect = [{ text = "Ngày 15/5/2016", value = "2016-05-15" }]
//! ```
//!
//! An expected item is a subset of the record's JSON item: only the keys it
//! lists are compared (numbers as numbers). Documents and officials cover the
//! whole text when one of their mentions does. Every text is also run in NFD
//! and must give the same items. All failures are collected and printed with
//! their names (`dates/example[3]/text[1]`) before the test fails once.

use crate::Extractor;
use serde::Deserialize;
use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Corpus {
    #[serde(default)]
    wrap: Option<Wrap>,
    #[serde(default)]
    example: Vec<Example>,
    #[serde(default)]
    negative: Vec<Negative>,
    #[serde(default)]
    in_context: Vec<InContext>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Wrap {
    prefix: String,
    suffix: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Example {
    texts: Vec<String>,
    #[serde(default)]
    published: Option<String>,
    expect: Vec<toml::Table>,
    #[serde(default = "yes")]
    wrap: bool,
    /// The part of each text the mention spans (default: the whole text),
    /// for entities written with words around them that are not part of
    /// the mention (an official's titles).
    #[serde(default)]
    covers: Option<String>,
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Negative {
    texts: Vec<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default = "yes")]
    wrap: bool,
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct InContext {
    text: String,
    #[serde(default)]
    published: Option<String>,
    expect: Vec<toml::Table>,
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
}

fn yes() -> bool {
    true
}

/// How many texts a corpus holds, for the issues' minimum counts.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Stats {
    pub positive_texts: usize,
    pub negative_texts: usize,
    pub in_context: usize,
}

/// Which list of the record an extractor fills.
#[derive(Debug, Clone, Copy)]
#[allow(dead_code)] // each extractor's corpus test uses its own variant
pub(crate) enum Field {
    Dates,
    Documents,
    Officials,
    Quantities,
}

impl Field {
    fn name(self) -> &'static str {
        match self {
            Field::Dates => "dates",
            Field::Documents => "documents",
            Field::Officials => "officials",
            Field::Quantities => "quantities",
        }
    }

    fn has_mentions(self) -> bool {
        matches!(self, Field::Documents | Field::Officials)
    }
}

struct Run<'a> {
    extractor: &'a Extractor,
    field: Field,
    failures: Vec<String>,
}

impl Run<'_> {
    fn items(&self, text: &str, published: Option<&str>) -> Vec<Value> {
        let record = self.extractor.extract_body(text, published);
        match serde_json::to_value(&record) {
            Ok(Value::Object(mut m)) => match m.remove(self.field.name()) {
                Some(Value::Array(items)) => items,
                _ => Vec::new(),
            },
            _ => Vec::new(),
        }
    }

    fn fail(&mut self, name: &str, text: &str, why: String) {
        self.failures.push(format!("{name}: «{text}»: {why}"));
    }

    /// Checks `items` against `expect`, in order; with `whole` = the span
    /// (in code points) each item must cover.
    fn check(
        &mut self,
        name: &str,
        text: &str,
        items: &[Value],
        expect: &[toml::Table],
        whole: Option<(usize, usize)>,
    ) {
        if items.len() != expect.len() {
            let got: Vec<String> = items.iter().map(short).collect();
            self.fail(
                name,
                text,
                format!("expected {} items, got {}: {}", expect.len(), items.len(), got.join(" | ")),
            );
            return;
        }
        for (i, (item, want)) in items.iter().zip(expect).enumerate() {
            for (key, want) in want {
                let want = toml_to_json(want);
                let got = item.get(key).unwrap_or(&Value::Null);
                if !same(got, &want) {
                    self.fail(
                        name,
                        text,
                        format!("item {i}: {key} = {got}, expected {want} (item: {})", short(item)),
                    );
                }
            }
            if let Some((start, end)) = whole {
                let spans: Vec<(u64, u64)> = if self.field.has_mentions() {
                    item["mentions"].as_array().into_iter().flatten().map(span_of).collect()
                } else {
                    vec![span_of(item)]
                };
                if !spans.contains(&(start as u64, end as u64)) {
                    self.fail(name, text, format!("item {i}: spans {spans:?} do not cover {start}..{end}"));
                }
            }
        }
    }
}

fn span_of(v: &Value) -> (u64, u64) {
    (v["start"].as_u64().unwrap_or(u64::MAX), v["end"].as_u64().unwrap_or(u64::MAX))
}

fn short(v: &Value) -> String {
    let mut v = v.clone();
    if let Value::Object(m) = &mut v {
        m.remove("start");
        m.remove("end");
    }
    v.to_string()
}

fn same(got: &Value, want: &Value) -> bool {
    match (got.as_f64(), want.as_f64()) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * b.abs().max(1.0),
        _ => got == want,
    }
}

fn toml_to_json(v: &toml::Value) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}

/// Runs a corpus file against the whole pipeline; panics with every failure
/// listed. Returns the corpus's size.
pub(crate) fn run(field: Field, source: &str) -> Stats {
    let corpus: Corpus = match toml::from_str(source) {
        Ok(c) => c,
        Err(e) => panic!("{}/corpus.toml does not parse: {e}", field.name()),
    };
    let extractor = Extractor::new();
    let mut run = Run { extractor: &extractor, field, failures: Vec::new() };
    let mut stats = Stats::default();
    let f = field.name();
    let wrap = corpus.wrap.as_ref();

    for (e, ex) in corpus.example.iter().enumerate() {
        for (t, text) in ex.texts.iter().enumerate() {
            stats.positive_texts += 1;
            let name = format!("{f}/example[{e}]/text[{t}]");
            let published = ex.published.as_deref();
            let (at, len) = match &ex.covers {
                None => (0, text.chars().count()),
                Some(part) => match text.find(part.as_str()) {
                    Some(b) => (text[..b].chars().count(), part.chars().count()),
                    None => {
                        run.fail(&name, text, format!("covers «{part}» is not in the text"));
                        continue;
                    }
                },
            };
            let items = run.items(text, published);
            run.check(&name, text, &items, &ex.expect, Some((at, at + len)));
            let nfd: String = text.nfd().collect();
            if run.items(&nfd, published) != items {
                run.fail(&format!("{name}/nfd"), text, "NFD input gives other items".into());
            }
            if let (Some(w), true) = (wrap, ex.wrap) {
                let wrapped = format!("{}{text}{}", w.prefix, w.suffix);
                let shift = w.prefix.chars().count() + at;
                let items = run.items(&wrapped, published);
                run.check(
                    &format!("{name}/wrapped"),
                    &wrapped,
                    &items,
                    &ex.expect,
                    Some((shift, shift + len)),
                );
            }
        }
    }
    for (n, neg) in corpus.negative.iter().enumerate() {
        for (t, text) in neg.texts.iter().enumerate() {
            stats.negative_texts += 1;
            let name = format!("{f}/negative[{n}]/text[{t}]");
            let mut variants = vec![(name.clone(), text.clone())];
            variants.push((format!("{name}/nfd"), text.nfd().collect()));
            if let (Some(w), true) = (wrap, neg.wrap) {
                variants.push((format!("{name}/wrapped"), format!("{}{text}{}", w.prefix, w.suffix)));
            }
            for (name, variant) in variants {
                let items = run.items(&variant, neg.published.as_deref());
                if !items.is_empty() {
                    let got: Vec<String> = items.iter().map(short).collect();
                    run.fail(&name, &variant, format!("expected nothing, got {}", got.join(" | ")));
                }
            }
        }
    }
    for (c, ctx) in corpus.in_context.iter().enumerate() {
        stats.in_context += 1;
        let name = format!("{f}/in_context[{c}]");
        let items = run.items(&ctx.text, ctx.published.as_deref());
        run.check(&name, &ctx.text, &items, &ctx.expect, None);
    }
    if !run.failures.is_empty() {
        panic!("{} corpus failures:\n{}", run.failures.len(), run.failures.join("\n"));
    }
    stats
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[should_panic(expected = "corpus failures")]
    fn a_wrong_expectation_fails() {
        // no extractor finds a date in a sentence without one
        run(
            Field::Dates,
            r#"
            [[example]]
            texts = ["không có ngày nào ở đây"]
            expect = [{ value = "2016-05-15" }]
            "#,
        );
    }

    #[test]
    #[should_panic(expected = "does not parse")]
    fn unknown_keys_are_refused() {
        run(Field::Dates, "[[example]]\ntexts = []\nexpect = []\nexpected = 1\n");
    }

    #[test]
    #[should_panic(expected = "is not in the text")]
    fn covers_must_be_in_the_text() {
        run(
            Field::Officials,
            "[[example]]\ntexts = [\"không có ai\"]\ncovers = \"Lê Văn An\"\nexpect = []\n",
        );
    }

    #[test]
    fn an_empty_corpus_passes_and_counts() {
        let s = run(Field::Quantities, "[[negative]]\ntexts = [\"không\"]\n");
        assert_eq!((s.positive_texts, s.negative_texts, s.in_context), (0, 1, 0));
    }
}
