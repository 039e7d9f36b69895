//! Properties over generated input (proptest): spans lie on character
//! boundaries and give back their mentions; NFC and NFD input give the
//! same record; no reader or extractor panics on arbitrary strings, bytes
//! or markup; the paragraph normalizer is idempotent and gives NFC.
//!
//! Generated texts are built from fragments of the genre (dates, document
//! numbers, names with titles, counts, chrome phrases, odd spaces, NFD
//! letters) mixed with arbitrary characters, so the rules are exercised,
//! not only skipped. A failing case is shrunk and saved by proptest under
//! `proptest-regressions/`, which is committed: it replays first ever after.

mod common;

use proptest::prelude::*;
use unicode_normalization::{UnicodeNormalization, is_nfc};
use vnarticle::{Extractor, Format, Input, normalize};

/// Pieces of portal news, including the traps of the genre.
const FRAGMENTS: &[&str] = &[
    "Sáng ngày 20/8, ",
    "ngày 23, 24/02/2017",
    "từ ngày 1 đến ngày 5/8/2019",
    "30/02/2017",
    "(1969 - 2024)",
    "quý I/2019",
    "tháng 5-2018",
    "năm 2017",
    "Thứ hai ngày 17/05/2021",
    "Thứ hai: ",
    "Chỉ thị số 05-CT/TW",
    "Chỉ thị 05",
    "05 - CT/TW",
    "04 –NQ/TW",
    "30/2020/NĐ-CP",
    "Nghị quyết Trung ương 4 khóa XII",
    "Nghị quyết Đại hội XII của Đảng",
    "Chỉ thị 05-CT/WT",
    " của Bộ Chính trị",
    "đồng chí Nguyễn Văn Thủy",
    "Đồng chí Hà Quốc Trị:",
    "Phó Chủ tịch UBND tỉnh Trương Thanh Tùng",
    "Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh",
    "các đồng chí: Lê Văn A - Bí thư; Trần Thị B - Phó Bí thư",
    "tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "73/73 tổ chức cơ sở đảng",
    "đạt 98,5%",
    "gần 3 tỷ đồng",
    "1.500 đảng viên",
    "2 lần/tháng",
    "01-02 ngày",
    "03 năm",
    "lần thứ 6",
    "Một là, ",
    "(1) ",
    "08:14",
    "ĐT: 0261.3543.227",
    "Bình chọn",
    "Xem với cỡ chữAA",
    "Giấy phép số 99/GP-TTĐT",
    "Hôm nay, ",
    "\u{a0}",
    "\u{200b}",
    "\u{ad}",
    "\t",
    "  ",
    "\n",
    "\n\n",
    ", ",
    ". ",
    "; ",
    " - ",
    "– ",
    "\"",
    "(",
    ")",
    "hoa\u{301} ",
    "uy\u{309} ban ",
    "Tie\u{302}\u{301}ng Vie\u{323}\u{302}t",
    "😀",
    "中文",
    "𝔘",
    "\u{301}",
    "9999",
    "31/12/9999",
    "000000000000000000000",
    "99999999999999999999999 tỷ đồng",
];

/// Text of the genre: fragments and stray characters.
fn genre_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        8 => prop::sample::select(FRAGMENTS).prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
        1 => "[0-9]{1,4}[/.-][0-9]{1,4}([/.-][0-9]{1,4})?",
        1 => "[A-ZĐ][a-zàáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]{1,6} ",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

/// Markup soup: tags of every kind, open or not, around genre text.
fn markup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        prop::sample::select(
            &[
                "<div>",
                "</div>",
                "<p>",
                "</p>",
                "<h1>",
                "</h1>",
                "<table><tr><td>",
                "</td></tr></table>",
                "<br>",
                "<script>",
                "</script>",
                "<!--",
                "-->",
                "<a href=\"/x\">",
                "</a>",
                "<title>",
                "</title>",
                "<meta charset=\"windows-1258\">",
                "<meta property=\"og:title\" content=\"T\">",
                "<ul class=\"menu\"><li>",
                "<div class=\"news-detail\">",
                "<span class=\"date\">",
                "<",
                ">",
                "&nbsp;",
                "&#x1EA1;",
                "&amp",
                "<svg><path/>",
                "<style>",
                "</style>",
                "<b>",
                "<font face=.VnTime>",
            ][..]
        )
        .prop_map(str::to_owned),
        genre_text(),
    ];
    prop::collection::vec(piece, 0..30).prop_map(|v| v.concat())
}

/// `cases` per property, or `PROPTEST_CASES` when set (a longer hunt:
/// `PROPTEST_CASES=5000 cargo test --release --test properties`).
fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(cases);
    ProptestConfig { cases, ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(config(192))]

    #[test]
    fn spans_give_back_their_mentions(body in genre_text()) {
        let extractor = Extractor::new();
        for published in [Some("2019-08-21"), None] {
            let record = extractor.extract_body(&body, published);
            let failures = common::span_failures(&record);
            prop_assert!(failures.is_empty(), "{}", failures.join("\n"));
            prop_assert!(is_nfc(&record.text));
        }
        let record = extractor.extract_text(&body, Some("p")).expect("text within the size cap");
        let failures = common::span_failures(&record);
        prop_assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn nfc_and_nfd_input_give_the_same_record(page in genre_text()) {
        let extractor = Extractor::new();
        let nfc: String = page.nfc().collect();
        let nfd: String = page.nfd().collect();
        let a = extractor.extract_text(&nfc, Some("p")).expect("within the cap");
        let b = extractor.extract_text(&nfd, Some("p")).expect("within the cap");
        prop_assert_eq!(serde_json::to_value(&a).ok(), serde_json::to_value(&b).ok());
        // the text escaped: NFD of raw markup may turn "<Ủ" (text) into "<U"
        // (a tag), a change of the markup, not of its text
        let html = |s: &str| {
            let s = s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
            format!("<html><body><h1>Tiêu đề</h1><p>{s}</p></body></html>")
        };
        let a = extractor.extract_html(html(&nfc).as_bytes(), Some("p"), None).map(|r| r.text);
        let b = extractor.extract_html(html(&nfd).as_bytes(), Some("p"), None).map(|r| r.text);
        prop_assert_eq!(a.ok(), b.ok());
    }

    #[test]
    fn paragraphs_are_nfc_and_normalizing_is_idempotent(s in prop_oneof![genre_text(), any::<String>()]) {
        let once = normalize::paragraph(&s);
        prop_assert!(is_nfc(&once), "{:?}", once);
        prop_assert_eq!(normalize::paragraph(&once), once.clone());
        prop_assert!(!once.starts_with(' ') && !once.ends_with(' ') && !once.contains("  "));
        prop_assert_eq!(normalize::tone_key(&once), normalize::tone_key(&normalize::paragraph(&once)));
    }

    #[test]
    fn no_panic_on_arbitrary_strings(s in any::<String>()) {
        let extractor = Extractor::new();
        let record = extractor.extract_body(&s, Some("2020-01-01"));
        prop_assert!(common::span_failures(&record).is_empty());
        let _ = extractor.extract_text(&s, None);
        let _ = extractor.extract_html(s.as_bytes(), None, Some(&s));
    }

    #[test]
    fn no_panic_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..3000)) {
        let extractor = Extractor::new();
        for format in [Format::Auto, Format::Text, Format::Html] {
            let input = Input::new("b", format, bytes.clone()).with_charset("windows-1258");
            let _ = extractor.extract(&input);
            let _ = extractor.extract(&Input::new("b", format, bytes.clone()));
        }
    }

    #[test]
    fn no_panic_on_markup(page in markup()) {
        let extractor = Extractor::new();
        let record = extractor.extract_html(page.as_bytes(), Some("m"), Some("https://x.daknong.gov.vn/a"));
        if let Ok(record) = record {
            let failures = common::span_failures(&record);
            prop_assert!(failures.is_empty(), "{}", failures.join("\n"));
        }
    }
}
