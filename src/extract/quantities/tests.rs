//! Unit tests of the quantities extractor; the example corpus is
//! `corpus.toml`, run by the first test.

use super::*;
use crate::normalize::tone_key;
use crate::record::{Mention, Precision, QuantityKind};
use crate::wordlist;

const CORPUS: &str = include_str!("corpus.toml");

fn run(text: &str) -> Vec<Quantity> {
    run_with(text, &[], &[])
}

fn run_with(text: &str, dates: &[Date], documents: &[Document]) -> Vec<Quantity> {
    static EXTRACTOR: std::sync::LazyLock<Quantities> = std::sync::LazyLock::new(Quantities::new);
    EXTRACTOR.extract(&Ctx { text, published: None }, dates, documents, &mut Vec::new())
}

fn date(text: &str, whole: &str) -> Date {
    let start = whole.find(text).expect("the date is in the text");
    Date {
        text: text.to_owned(),
        start,
        end: start + text.len(),
        value: None,
        precision: Precision::Day,
        as_written: String::new(),
        valid: true,
        year_inferred: false,
        rule: "test",
    }
}

fn document(text: &str, whole: &str) -> Document {
    let start = whole.find(text).expect("the mention is in the text");
    Document {
        id: text.to_owned(),
        kind: "Kế hoạch".to_owned(),
        number: None,
        code: None,
        year: None,
        issuer: None,
        term: None,
        plenum: None,
        congress: None,
        date: None,
        mentions: vec![Mention { text: text.to_owned(), start, end: start + text.len() }],
    }
}

#[test]
fn the_corpus_passes_and_is_large_enough() {
    let s = crate::extract::corpus::run(crate::extract::corpus::Field::Quantities, CORPUS);
    assert!(s.positive_texts >= 150, "{} positive texts", s.positive_texts);
    assert!(s.negative_texts >= 60, "{} negative texts", s.negative_texts);
    assert!(s.in_context >= 20, "{} sentences in context", s.in_context);
    eprintln!(
        "corpus: {} positive texts, {} negatives, {} in context",
        s.positive_texts, s.negative_texts, s.in_context
    );
}

#[test]
fn numbers_inside_dates_and_documents_are_skipped() {
    // the rules alone read "6/7 xã" as a ratio; a date found there wins
    let text = "Kết quả có 6/7 xã tổ chức cho 45 hộ.";
    assert_eq!(run(text).len(), 2);
    let got = run_with(text, &[date("6/7", text)], &[]);
    assert_eq!(got.len(), 1);
    assert_eq!((got[0].value, got[0].text.as_str()), (45.0, "45 hộ"));

    // a document mention covers its number, wherever the mention ends (a
    // made-up mention: the rules alone read a count there)
    let text = "Huyện hỗ trợ 12 tổ chức và 30 hộ nghèo.";
    assert_eq!(run(text).iter().map(|q| q.value).collect::<Vec<_>>(), [12.0, 30.0]);
    let got = run_with(text, &[], &[document("trợ 12 tổ", text)]);
    assert_eq!(got.iter().map(|q| q.value).collect::<Vec<_>>(), [30.0]);

    // a span that ends where a number starts, or starts after it, skips nothing
    let text = "Đến 30/4, 120 hộ đã nhận 2 tỷ đồng (ngày 5/5).";
    let got = run_with(text, &[date("Đến 30/4", text), date("ngày 5/5", text)], &[]);
    assert_eq!(got.iter().map(|q| q.value).collect::<Vec<_>>(), [120.0, 2e9]);

    // overlapping and nested spans are merged
    let text = "Từ ngày 2 - 6/4/2019, 15 học viên.";
    let got = run_with(text, &[date("ngày 2 - 6/4/2019", text), date("6/4/2019", text)], &[]);
    assert_eq!(got.iter().map(|q| q.value).collect::<Vec<_>>(), [15.0]);
}

#[test]
fn spans_and_order() {
    let text = "Gần 1 vạn quần chúng (đạt trên 98%) và 73/73 tổ chức cơ sở đảng.";
    let got = run(text);
    let spans: Vec<&str> = got.iter().map(|q| &text[q.start..q.end]).collect();
    assert_eq!(spans, ["Gần 1 vạn quần chúng", "đạt trên 98%", "73/73 tổ chức cơ sở đảng"]);
    for q in &got {
        assert_eq!(q.text, &text[q.start..q.end]);
    }
    assert!(got.windows(2).all(|w| w[0].end <= w[1].start));
    assert_eq!(got[0].value, 10000.0);
    assert_eq!(got[1].qualifier.as_deref(), Some("trên"));
    assert_eq!((got[2].kind, got[2].total), (QuantityKind::Ratio, Some(73.0)));
}

#[test]
fn an_english_thousands_comma_in_a_count_is_read_and_flagged() {
    let text = "Có 1,500 người tham gia, đạt 1,5%; giá 2,500 đồng.";
    let mut warnings = Vec::new();
    let got = Quantities::new().extract(&Ctx { text, published: None }, &[], &[], &mut warnings);
    let values: Vec<f64> = got.iter().map(|q| q.value).collect();
    assert_eq!(values, [1500.0, 1.5, 2.5]);
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].kind, "ambiguous_number");
    assert_eq!((warnings[0].start, warnings[0].end), (Some(4), Some(9)));
    // a score is no count, and no thousands either
    assert!(run("đạt 9,5 điểm").is_empty());
}

#[test]
fn rules_are_named() {
    let got = run("có 14 xuồng, 3 tỷ đồng, 2/3 số xã và hai tập thể");
    let rules: Vec<&str> = got.iter().map(|q| q.rule).collect();
    assert_eq!(rules, ["count_noun", "money", "ratio", "count_in_words"]);
}

#[test]
fn odd_input_does_not_panic() {
    for text in [
        "",
        "5",
        "%",
        "½",
        "từ 5",
        "từ 5 đến",
        "5 - ",
        "1.2.3.4.5.6.7.8.9.0",
        "99999999999999999999 người",
        "3,",
        "hai mươi",
        "mười lăm năm",
        "1/0 xã",
        "0/0 xã",
        "12₫",
        "5 triệu ₫",
        "Tổ 5 ",
        "N'Jang 3 xã",
        "x\u{301}5 hộ",
        "5\u{a0}hộ",
    ] {
        let _ = run(text);
    }
}

/// Lines of a word-list section, without "= value".
fn entries(file: &'static str, section: &'static str) -> Vec<&'static str> {
    wordlist::section(file, section).map(|l| l.split(" = ").next().unwrap_or(l).trim()).collect()
}

const UNITS: &str = include_str!("units.txt");
const QUALIFIERS: &str = include_str!("qualifiers.txt");
const NUMBERS: &str = include_str!("numbers.txt");

/// DESIGN.md habit 2, derived from the word lists: every counted noun and
/// measure is read as the unit of a count, every time unit as a duration,
/// every currency as money in its code, every rate denominator as a rate,
/// every qualifier as the qualifier, every scale word as its factor.
#[test]
fn every_word_list_entry_reads_as_what_its_list_says() {
    let mut failures = Vec::new();
    let mut check = |text: String, ok: &dyn Fn(&Quantity) -> bool| {
        let got = run(&text);
        if got.len() != 1 || !ok(&got[0]) {
            failures.push(format!("«{text}»: {got:?}"));
        }
    };
    for unit in entries(UNITS, "count").into_iter().chain(entries(UNITS, "measure")) {
        check(format!("Năm nay có 12 {unit}."), &|q| {
            q.kind == QuantityKind::Count && q.value == 12.0 && q.unit.as_deref() == Some(unit)
        });
    }
    for unit in entries(UNITS, "time") {
        check(format!("Sau 12 {unit}, kết quả tốt."), &|q| {
            q.kind == QuantityKind::Duration && q.unit.as_deref() == Some(unit)
        });
    }
    for line in wordlist::section(UNITS, "currency") {
        let (word, code) = line.split_once(" = ").unwrap_or((line, ""));
        check(format!("Kinh phí là 12 triệu {word}."), &|q| {
            q.kind == QuantityKind::Money && q.value == 12e6 && q.unit.as_deref() == Some(code)
        });
    }
    for per in entries(UNITS, "per") {
        check(format!("Mức hỗ trợ là 12 triệu đồng/{per}."), &|q| {
            q.kind == QuantityKind::Rate && q.unit.as_deref() == Some(&format!("VND/{per}"))
        });
    }
    for modifier in entries(UNITS, "tail").into_iter().chain(entries(UNITS, "tail_proper")) {
        check(format!("Có 12 đơn vị {modifier} tham gia."), &|q| {
            q.unit.as_deref() == Some(&format!("đơn vị {modifier}"))
        });
    }
    check("Có 12 lần/tháng.".to_owned(), &|q| q.kind == QuantityKind::Rate);
    for qualifier in entries(QUALIFIERS, "before") {
        check(format!("Có {qualifier} 12 hộ tham gia."), &|q| q.qualifier.as_deref() == Some(qualifier));
    }
    for qualifier in entries(QUALIFIERS, "after") {
        check(format!("Có 12 hộ {qualifier} tham gia."), &|q| q.qualifier.as_deref() == Some(qualifier));
    }
    for head in entries(QUALIFIERS, "percent_head") {
        check(format!("Kết quả {head} 12% kế hoạch."), &|q| q.text == format!("{head} 12%"));
    }
    for line in wordlist::section(NUMBERS, "scale") {
        let (word, value) = line.split_once(" = ").unwrap_or((line, "0"));
        let value: f64 = value.parse().unwrap_or(0.0);
        check(format!("Thu được 12 {word} đồng."), &|q| q.value == 12.0 * value);
    }
    assert!(failures.is_empty(), "{} entries misread:\n{}", failures.len(), failures.join("\n"));
}

/// DESIGN.md habit 2: the small word lists (qualifiers, time units,
/// currencies, scale and number words) appear in the corpus, so that the
/// corpus shows each in use.
#[test]
fn every_small_list_entry_appears_in_the_corpus() {
    let corpus = tone_key(CORPUS);
    let mut missing = Vec::new();
    let lists = [
        (QUALIFIERS, "before"),
        (QUALIFIERS, "after"),
        (QUALIFIERS, "percent_head"),
        (UNITS, "time"),
        (UNITS, "currency"),
        (UNITS, "measure"),
        (UNITS, "per"),
        (UNITS, "tail"),
        (UNITS, "tail_proper"),
        (NUMBERS, "scale"),
        (NUMBERS, "words"),
    ];
    for (file, section) in lists {
        for entry in entries(file, section) {
            let key = tone_key(entry);
            let found = corpus.match_indices(&key).any(|(i, _)| {
                let before = corpus[..i].chars().next_back();
                let after = corpus[i + key.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
            });
            if !found {
                missing.push(format!("[{section}] {entry}"));
            }
        }
    }
    assert!(missing.is_empty(), "not in corpus.toml: {}", missing.join(", "));
}
