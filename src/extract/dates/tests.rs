//! Unit tests of the dates extractor: the example corpus and the checks
//! derived from it, warnings, what TOML cannot say (null values), spans.

use super::words;
use crate::Extractor;
use crate::extract::corpus::{Field, run as run_corpus};
use crate::normalize::tone_key;
use crate::record::Record;

const CORPUS: &str = include_str!("corpus.toml");

fn run(body: &str, published: Option<&str>) -> Record {
    Extractor::new().extract_body(body, published)
}

fn kinds(r: &Record) -> Vec<&str> {
    r.warnings.iter().map(|w| w.kind.as_str()).collect()
}

#[test]
fn corpus() {
    let s = run_corpus(Field::Dates, CORPUS);
    eprintln!("dates corpus: {s:?}");
    assert!(s.positive_texts >= 150, "{} positive texts, the issue asks for 150", s.positive_texts);
    assert!(s.negative_texts >= 60, "{} negative texts, the issue asks for 60", s.negative_texts);
    assert!(s.in_context >= 20, "{} in-context sentences, the issue asks for 20", s.in_context);
}

/// Every text of the corpus, as tone keys with spaces around each word.
fn corpus_texts() -> Vec<String> {
    let corpus: toml::Table = toml::from_str(CORPUS).unwrap();
    let mut texts = Vec::new();
    for (_, list) in corpus.iter().filter(|(k, _)| *k != "wrap") {
        for entry in list.as_array().into_iter().flatten() {
            let many = entry.get("texts").and_then(|t| t.as_array()).into_iter().flatten();
            let one = entry.get("text").into_iter();
            for t in many.chain(one).filter_map(|t| t.as_str()) {
                let words: Vec<String> =
                    tone_key(t).split(|c: char| !c.is_alphanumeric()).map(str::to_owned).collect();
                texts.push(format!(" {} ", words.join(" ")));
            }
        }
    }
    texts
}

#[test]
fn every_word_list_entry_appears_in_the_corpus() {
    // habit 2 of DESIGN.md: a word-list entry no example uses is untested
    let texts = corpus_texts();
    let mut missing = Vec::new();
    for section in words::SECTIONS {
        for entry in crate::wordlist::section(words::FILE, section) {
            let key = format!(" {} ", tone_key(entry));
            if !texts.iter().any(|t| t.contains(&key)) {
                missing.push(format!("[{section}] {entry}"));
            }
        }
    }
    assert!(missing.is_empty(), "word-list entries that no corpus text uses:\n{}", missing.join("\n"));
}

#[test]
fn every_word_list_section_is_known() {
    for line in crate::wordlist::lines(words::FILE) {
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            assert!(words::SECTIONS.contains(&name), "section [{name}] of words.txt is not in SECTIONS");
        }
    }
}

#[test]
fn an_impossible_date_has_no_value_and_warns_at_its_span() {
    let body =
        "Đến ngày 30/02/2017, kết quả có 73/73 tổ chức cơ sở đảng hoàn thành; ngày 31/4/2019 cũng vậy.";
    let r = run(body, None);
    assert_eq!(r.dates.len(), 2);
    for d in &r.dates {
        assert_eq!(d.value, None);
        assert!(!d.valid);
    }
    assert_eq!(r.dates[0].as_written, "2017-02-30");
    assert_eq!(r.dates[1].as_written, "2019-04-31");
    assert_eq!(kinds(&r), ["invalid_date", "invalid_date"]);
    let w = &r.warnings[0];
    assert_eq!((w.start, w.end), (Some(r.dates[0].start), Some(r.dates[0].end)));
    assert_eq!(r.slice(r.dates[0].start, r.dates[0].end), Some("ngày 30/02/2017"));
}

#[test]
fn an_implausible_year_keeps_its_value_and_warns() {
    let r =
        run("Thông tư có hiệu lực đến ngày 10/6/3013; hạn cuối ghi 31/12/9999; năm 2019 bình thường.", None);
    let values: Vec<_> = r.dates.iter().map(|d| d.value.as_deref()).collect();
    assert_eq!(values, [Some("3013-06-10"), Some("9999-12-31"), Some("2019")]);
    assert_eq!(kinds(&r), ["implausible_year", "implausible_year"]);
    assert_eq!(r.warnings[1].start, Some(r.dates[1].start));
}

#[test]
fn a_weekday_that_disagrees_warns() {
    let r = run("Thứ hai, ngày 18/5/2021, Ban Thường vụ họp; Thứ hai ngày 17/05/2021 họp lại.", None);
    assert_eq!(r.dates.len(), 2);
    assert_eq!(r.dates[0].text, "Thứ hai, ngày 18/5/2021");
    assert_eq!(kinds(&r), ["weekday_mismatch"]);
    assert_eq!(r.warnings[0].end, Some(r.dates[0].end));
    assert!(r.warnings[0].message.contains("thứ Ba"), "{}", r.warnings[0].message);
}

#[test]
fn no_year_and_no_publication_date_gives_no_value() {
    let r = run("Sáng ngày 20/8, Hội nghị trực tuyến khai mạc; trong tháng 9 sẽ sơ kết.", None);
    assert_eq!(r.dates.len(), 2);
    assert_eq!(r.dates[0].value, None);
    assert_eq!(r.dates[0].as_written, "????-08-20");
    assert!(r.dates[0].valid && !r.dates[0].year_inferred);
    assert_eq!(r.dates[1].value, None);
    assert_eq!(r.dates[1].as_written, "????-09");
    assert!(r.warnings.is_empty());
}

#[test]
fn an_inferred_date_that_cannot_exist_warns() {
    let r = run("Ngày 29/2, đoàn công tác làm việc tại huyện.", Some("2019-03-05"));
    // no leap year among 2018–2020 nearer than 2020 ... 2020 is a neighbour
    assert_eq!(r.dates[0].value.as_deref(), Some("2020-02-29"));
    let r = run("Ngày 30/2, đoàn công tác làm việc tại huyện.", Some("2019-03-05"));
    assert_eq!(r.dates[0].value, None);
    assert_eq!(r.dates[0].as_written, "2019-02-30");
    assert_eq!(kinds(&r), ["invalid_date"]);
}

#[test]
fn spans_are_tight_for_the_documents_and_quantities_extractors() {
    let body = "Thực hiện Chỉ thị 05 ngày 15/5/2016 của Bộ Chính trị, đến nay 73/73 TCCS Đảng đã triển khai.";
    let r = run(body, None);
    assert_eq!(r.dates.len(), 1);
    assert_eq!(r.dates[0].text, "ngày 15/5/2016");
    assert_eq!(r.slice(r.dates[0].start, r.dates[0].end), Some("ngày 15/5/2016"));
}

#[test]
fn dates_come_in_text_order_and_spans_read_back() {
    let body = "Năm 2018, từ ngày 27/3 đến ngày 09/4/2019, quý I/2019 và (1969 - 2024).\n\nSáng 29-3, giai đoạn 2013-2018.";
    let r = run(body, Some("2019-04-04"));
    let starts: Vec<usize> = r.dates.iter().map(|d| d.start).collect();
    let mut sorted = starts.clone();
    sorted.sort();
    assert_eq!(starts, sorted);
    for d in &r.dates {
        assert_eq!(r.slice(d.start, d.end), Some(d.text.as_str()));
    }
    assert_eq!(r.dates.len(), 9);
}

#[test]
fn any_prefix_of_a_tricky_text_is_safe() {
    // cut at every character boundary: no panic, every span reads back
    let text = "Thứ hai, ngày 17/05/2021 (thứ Hai), từ 2 - 6/4/2019 đến tháng 3, 4/2019; Kỷ Hợi 2019 – mùng 3 tháng 3 âm lịch (1969 - 2024) năm 2015, 2016 và";
    let ex = Extractor::new();
    for (i, _) in text.char_indices() {
        let r = ex.extract_body(&text[..i], Some("2019-08-21"));
        for d in &r.dates {
            assert_eq!(r.slice(d.start, d.end), Some(d.text.as_str()), "prefix {i}");
        }
    }
}

#[test]
fn token_soup_never_panics_and_spans_read_back() {
    // a small deterministic generator over the pieces dates are made of
    const PIECES: &[&str] = &[
        "ngày ",
        "Ngày ",
        "tháng ",
        "năm ",
        "quý ",
        "IV",
        "I",
        "/",
        "-",
        "–",
        ".",
        ",",
        " ",
        " và ",
        " đến ",
        "(",
        ")",
        "Sáng ",
        "thứ ",
        "Hai",
        "2",
        "3",
        "12",
        "29",
        "30",
        "31",
        "02",
        "2019",
        "1969",
        "9999",
        "âm lịch",
        "Kỷ Hợi ",
        "giai đoạn ",
        "Đ",
        "ả",
        "\n\n",
        "số ",
        "lần ",
    ];
    let ex = Extractor::new();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..1500 {
        let mut text = String::new();
        for _ in 0..12 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push_str(PIECES[(seed % PIECES.len() as u64) as usize]);
        }
        for published in [None, Some("2019-08-21")] {
            let r = ex.extract_body(&text, published);
            let mut last = 0;
            for d in &r.dates {
                assert_eq!(r.slice(d.start, d.end), Some(d.text.as_str()), "«{text}»");
                assert!(d.start >= last, "out of order in «{text}»");
                last = d.start;
                assert_eq!(d.value.is_some(), d.valid && !d.as_written.starts_with('?'), "«{text}»");
            }
        }
    }
}
