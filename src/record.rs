//! The article record: the types of `../shared/SCHEMA.md` (version 1), which
//! serialize to exactly that JSON.
//!
//! Field names are a contract with researchers' scripts: never rename or
//! remove one; new fields may be added.
//!
//! Spans (`start`, `end`) in a [`Record`] are offsets into [`Record::text`]
//! counted in Unicode scalar values (what Python's `text[start:end]` expects).
//! Use [`Record::slice`] to get a mention back from Rust.

use serde::{Deserialize, Serialize, Serializer};

/// One article: metadata, clean body and the entities found in the body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Record {
    /// The input's name: a path, a URL or a WARC-Record-ID.
    pub id: String,
    /// The page's URL when known (input, canonical link, `og:url`).
    pub url: Option<String>,
    /// The portal that published the page.
    pub site: Site,
    /// The article's title.
    pub title: Option<String>,
    /// ISO 8601 publication time (`2017-05-19T08:14:00+07:00`), the date only
    /// when no time is given, or `None` when the page does not say.
    pub published: Option<String>,
    /// The portal's category label, or `None`.
    pub section: Option<String>,
    /// Byline names.
    #[serde(default)]
    pub authors: Vec<String>,
    /// A credit naming where the article was taken from ("Theo
    /// vpubnd.kiengiang.gov.vn" gives `vpubnd.kiengiang.gov.vn`).
    #[serde(default)]
    pub source_credit: Option<String>,
    /// The article body: NFC, paragraphs joined by `"\n\n"`, no chrome.
    pub text: String,
    /// Every date in the body.
    #[serde(default)]
    pub dates: Vec<Date>,
    /// Official documents referred to in the body, merged across mentions.
    #[serde(default)]
    pub documents: Vec<Document>,
    /// Named people with an honorific or a role, merged across mentions.
    #[serde(default)]
    pub officials: Vec<Official>,
    /// Counts, ratios, percentages, money, durations, rates and ranges.
    #[serde(default)]
    pub quantities: Vec<Quantity>,
    /// Things worth a look: impossible dates, misspelt codes, empty bodies.
    #[serde(default)]
    pub warnings: Vec<Warning>,
}

impl Record {
    /// The part of [`Record::text`] between two code-point offsets, as the
    /// JSON spans count them; `None` when the offsets are out of range.
    ///
    /// ```
    /// let extractor = vnarticle::Extractor::new();
    /// let page = "Tiêu đề bài viết\n\nNgày 15/5/2016, Bộ Chính trị ban hành Chỉ thị 05.";
    /// let record = extractor.extract_text(page, Some("demo")).unwrap();
    /// for date in &record.dates {
    ///     assert_eq!(record.slice(date.start, date.end), Some(date.text.as_str()));
    /// }
    /// ```
    pub fn slice(&self, start: usize, end: usize) -> Option<&str> {
        if start > end {
            return None;
        }
        let mut indices = self.text.char_indices().map(|(i, _)| i).chain([self.text.len()]);
        let from = indices.nth(start)?;
        let to = if end == start { from } else { indices.nth(end - start - 1)? };
        self.text.get(from..to)
    }
}

/// The portal that published the page; each field `None` when unknown.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Site {
    /// "Cổng Thông tin điện tử tỉnh Đắk Lắk".
    pub name: Option<String>,
    /// "daklak.gov.vn".
    pub domain: Option<String>,
    /// Canonical province name ("Đắk Lắk"), for the unit that existed when
    /// the page was published.
    pub province: Option<String>,
}

/// How precise a [`Date`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// "ngày 15/5/2016"
    Day,
    /// "tháng 5-2018"
    Month,
    /// "năm 2017"
    Year,
}

/// A date named in the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Date {
    /// The surface form: items of one list or range share it.
    pub text: String,
    /// Start offset of `text` in the record's body.
    pub start: usize,
    /// End offset of `text` in the record's body.
    pub end: usize,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY` by precision; `None` when the date
    /// cannot exist or its year is unknown.
    pub value: Option<String>,
    /// Day, month or year.
    pub precision: Precision,
    /// The components as written, even when impossible (`2017-02-30`); the
    /// year is `????` when it is neither written nor inferable.
    pub as_written: String,
    /// `false` for a date that cannot exist (30 February).
    pub valid: bool,
    /// `true` when the year came from the publication date.
    pub year_inferred: bool,
    /// The rule that found it (for `explain`; not serialized).
    #[serde(skip)]
    pub rule: &'static str,
}

/// A span of the body naming an entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The surface form.
    pub text: String,
    /// Start offset in the record's body.
    pub start: usize,
    /// End offset in the record's body.
    pub end: usize,
}

/// A party or state document, merged across its mentions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Document {
    /// Canonical id: `05-CT/TW` (party), `30/2020/NĐ-CP` (state), or a
    /// descriptive id for plenum and congress resolutions.
    pub id: String,
    /// The document type in Vietnamese ("Chỉ thị", "Nghị quyết").
    pub kind: String,
    /// The number as written, leading zeros kept.
    pub number: Option<String>,
    /// Type and issuer code, spaces removed and dashes unified ("CT/TW").
    pub code: Option<String>,
    /// The year of a state document ("30/2020/NĐ-CP" gives 2020).
    pub year: Option<i32>,
    /// The issuing body when the text names it.
    pub issuer: Option<String>,
    /// Party congress term ("khóa XII" gives 12).
    pub term: Option<u32>,
    /// Central Committee plenum ("Nghị quyết Trung ương 4" gives 4).
    pub plenum: Option<u32>,
    /// Party congress ("Nghị quyết Đại hội XII" gives 12).
    pub congress: Option<u32>,
    /// Issue date (`YYYY-MM-DD`) when the text attaches one.
    pub date: Option<String>,
    /// Every mention in the body, in order.
    pub mentions: Vec<Mention>,
}

/// A named person with an honorific or a role, merged across mentions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Official {
    /// Full name as written ("Đào Viết Hồ").
    pub name: String,
    /// "đồng chí", "ông", "bà", or `None`.
    pub honorific: Option<String>,
    /// Roles written next to the name, each its own string.
    pub titles: Vec<String>,
    /// Every mention in the body, in order.
    pub mentions: Vec<Mention>,
}

/// What kind of number a [`Quantity`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuantityKind {
    /// "170 đồng chí"
    Count,
    /// "73/73 TCCS Đảng"
    Ratio,
    /// "98,5%"
    Percent,
    /// "gần 3 tỷ đồng"
    Money,
    /// "2 năm"
    Duration,
    /// "2 lần/tháng"
    Rate,
    /// "01-02 ngày"
    Range,
}

/// A number in the body with what it counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Quantity {
    /// The surface form.
    pub text: String,
    /// Start offset in the record's body.
    pub start: usize,
    /// End offset in the record's body.
    pub end: usize,
    /// Count, ratio, percent, money, duration, rate or range.
    pub kind: QuantityKind,
    /// The number itself ("3.754" gives 3754, "3 tỷ đồng" 3000000000).
    #[serde(serialize_with = "number")]
    pub value: f64,
    /// Ratio: the denominator; range: the upper bound.
    #[serde(serialize_with = "optional_number", default)]
    pub total: Option<f64>,
    /// What is counted; "VND" for money in đồng.
    pub unit: Option<String>,
    /// "gần", "hơn", "trên", "dưới", "khoảng", "trở lên", … as written.
    pub qualifier: Option<String>,
    /// The rule that found it (for `explain`; not serialized).
    #[serde(skip)]
    pub rule: &'static str,
}

/// Something the extractor noticed: an impossible date, a misspelt code, an
/// empty body. Known kinds are listed on [`Warning::kind`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// A short snake_case name: `invalid_date`, `implausible_year`,
    /// `weekday_mismatch`, `unknown_code`, `empty_body`, `decode_fallback`, …
    pub kind: String,
    /// What was seen, for a reader.
    pub message: String,
    /// Start offset in the body of what the warning is about, if anything.
    pub start: Option<usize>,
    /// End offset in the body.
    pub end: Option<usize>,
}

impl Warning {
    /// A warning about the whole document (no span).
    pub fn new(kind: &str, message: impl Into<String>) -> Self {
        Warning { kind: kind.to_owned(), message: message.into(), start: None, end: None }
    }

    /// A warning about the body text between two offsets.
    pub fn at(kind: &str, message: impl Into<String>, start: usize, end: usize) -> Self {
        Warning { kind: kind.to_owned(), message: message.into(), start: Some(start), end: Some(end) }
    }
}

/// Whole numbers print without a fraction ("73", not "73.0").
fn number<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    if v.fract() == 0.0 && v.abs() < EXACT { s.serialize_i64(*v as i64) } else { s.serialize_f64(*v) }
}

fn optional_number<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => number(v, s),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantity_values_print_as_integers_when_whole() {
        let q = Quantity {
            text: "73/73 TCCS Đảng".into(),
            start: 0,
            end: 15,
            kind: QuantityKind::Ratio,
            value: 73.0,
            total: Some(73.0),
            unit: Some("TCCS Đảng".into()),
            qualifier: None,
            rule: "test",
        };
        let json = serde_json::to_string(&q).unwrap();
        assert!(json.contains(r#""value":73,"#), "{json}");
        assert!(json.contains(r#""total":73,"#), "{json}");
        let half = Quantity { value: 98.5, total: None, ..q };
        let json = serde_json::to_string(&half).unwrap();
        assert!(json.contains(r#""value":98.5,"#), "{json}");
        assert!(json.contains(r#""total":null"#), "{json}");
    }

    #[test]
    fn record_has_every_schema_field() {
        let json = serde_json::to_value(Record::default()).unwrap();
        for field in [
            "id",
            "url",
            "site",
            "title",
            "published",
            "section",
            "authors",
            "text",
            "dates",
            "documents",
            "officials",
            "quantities",
            "warnings",
        ] {
            assert!(json.get(field).is_some(), "missing {field}");
        }
        for field in ["name", "domain", "province"] {
            assert!(json["site"].get(field).is_some(), "missing site.{field}");
        }
    }

    #[test]
    fn slice_counts_code_points() {
        let r = Record { text: "Đắk Lắk 2019".into(), ..Record::default() };
        assert_eq!(r.slice(0, 3), Some("Đắk"));
        assert_eq!(r.slice(8, 12), Some("2019"));
        assert_eq!(r.slice(4, 4), Some(""));
        assert_eq!(r.slice(8, 13), None);
        assert_eq!(r.slice(3, 2), None);
    }
}
