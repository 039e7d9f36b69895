//! The patterns that find candidate dates, built from named fragments
//! (DESIGN.md habit 6), one pattern per construction. The numbers inside a
//! match are read back in Rust, and the context (cue words before, what
//! follows) is checked in Rust too.
//!
//! The patterns are searched together as one multi-pattern regex
//! ([`regex_automata::meta::Regex`], the engine of the `regex` crate), which
//! reports which pattern matched without a capture pass. Patterns that match
//! at the same place are tried in order (leftmost-first, as an alternation),
//! so lists and ranges come before the single dates they begin with.

use regex_automata::{Input, meta::Regex, nfa::thompson::WhichCaptures};

/// The construction a candidate was matched by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Days sharing a month: "23, 24/02/2017", "2, 3 và 4 tháng 5 năm 2019".
    DayList,
    /// Two days sharing a month: "2 - 6/4/2019", "1 đến ngày 5/8/2019".
    DayRange,
    /// A full date: "15/5/2016", "7-11-1948", "15.5.2016".
    DayMonthYear,
    /// The long form: "15 tháng 5 năm 2016", "3 tháng 3".
    DayWordMonth,
    /// Day and month: "20/8", "29-3".
    DayMonth,
    /// "quý I/2019", "quý II năm 2020".
    Quarter,
    /// "tháng 5-2018", "tháng 10 năm 2019", "tháng 3, 4/2019", "tháng 3".
    Month,
    /// "năm 2017", "năm 2019-2021", "năm 2015, 2016 và 2017".
    YearWord,
    /// A bare year span: "1969 - 2024".
    YearSpan,
    /// A bare four-digit number.
    Year,
}

/// Finds candidate dates.
#[derive(Debug)]
pub(super) struct Finder {
    re: Regex,
    kinds: Vec<Kind>,
}

impl Finder {
    /// Compiles the patterns.
    pub(super) fn new() -> Self {
        let (kinds, patterns): (Vec<Kind>, Vec<String>) = patterns().into_iter().unzip();
        // no literal prefilter: the candidates start with digits or common
        // words, so it would stop everywhere; the lazy DFA alone is faster
        let re = Regex::builder()
            .configure(Regex::config().auto_prefilter(false).which_captures(WhichCaptures::Implicit))
            .build_many(&patterns)
            .expect("the dates patterns compile");
        Finder { re, kinds }
    }

    /// The first candidate at or after byte `at` (which must be a character
    /// boundary): its construction and byte range. What stands before `at`
    /// still counts for word boundaries.
    pub(super) fn find_at(&self, text: &str, at: usize) -> Option<(Kind, usize, usize)> {
        let m = self.re.search(&Input::new(text).range(at..))?;
        let kind = *self.kinds.get(m.pattern().as_usize())?;
        Some((kind, m.start(), m.end()))
    }
}

/// The patterns, in priority order.
fn patterns() -> Vec<(Kind, String)> {
    // day 1–31 and month 1–12, zero-padded or not
    let d = r"(?:0?[1-9]|[12][0-9]|3[01])";
    let m = r"(?:0?[1-9]|1[0-2])";
    // a year: four digits
    let y = r"[0-9][0-9][0-9][0-9]";
    // hyphen, the Unicode dashes and minus
    let dash = r"[\-\u{2010}-\u{2015}\u{2212}]";
    // an ASCII word boundary: digits next to digits or ASCII letters are not
    // dates; Vietnamese letters are checked in Rust after the match
    let b = r"(?-u:\b)";
    // a slash, with at most one careless space on either side
    let slash = r"\x20?/\x20?";
    // between the days of a list: "23, 24", "2 và 3", "1 và ngày 2"
    let list_sep = r"(?:\x20?,\x20?|\x20(?:và|&)\x20(?:ngày\x20)?)";
    // between the two ends of a range of days: "2 - 6", "1 đến hết ngày 5"
    let range_sep = format!(r"(?:\x20?{dash}\x20?|\x20(?:đến|tới)\x20(?:hết\x20)?(?:ngày\x20)?)");
    // a month named in words (solar: "tháng Giêng" and "tháng Chạp" are
    // lunar months); read back by `month_word`
    let month_word = r"(?:mười\x20một|mười\x20hai|mười|một|hai|ba|tư|năm|sáu|bảy|bẩy|tám|chín)";
    // the same, in words only: "20 đến 22-8-2019"
    let range_word = r"\x20(?:đến|tới)\x20(?:hết\x20)?(?:ngày\x20)?";
    // between the months of a list or range: "3, 4", "3 - 5", "3 và 4"
    let month_sep = format!(r"(?:\x20?,\x20?|\x20?{dash}\x20?|\x20(?:và|đến|tới)\x20)");
    // between the years of a list or span: "2019-2021", "2015, 2016 và 2017"
    let year_sep = format!(r"(?:\x20?{dash}\x20?|\x20?,\x20?|\x20(?:và|đến|tới)\x20)");
    // the month (and year) closing a list or range of days
    let day_tail =
        format!(r"(?:/{m}(?:/{y}|\x20năm\x20{y})?|\.{m}\.{y}|\x20tháng\x20{m}(?:\x20năm\x20{y})?)");
    let day_list_tail = format!(r"(?:{day_tail}|{dash}{m}(?:{dash}{y})?)");
    // the year closing a month: "tháng 5/2018", "tháng 5-2018", "tháng 5 năm 2018"
    let month_year = format!(r"(?:\x20?(?:/|{dash})\x20?{y}|\.{y}|\x20năm\x20{y})");

    let branches = [
        // days sharing a month: 23, 24/02/2017 · 2, 3 và 4 tháng 5 năm 2019
        (Kind::DayList, format!(r"{b}{d}(?:{list_sep}{d})+{day_list_tail}{b}")),
        // two days sharing a month: 2 - 6/4/2019 · 1 đến ngày 5/8/2019;
        // in the party style only after a word: 20 đến 22-8-2019
        // ("2-6-4-2019" would be unreadable)
        (
            Kind::DayRange,
            format!(r"{b}{d}(?:{range_sep}{d}{day_tail}|{range_word}{d}{dash}{m}(?:{dash}{y})?){b}"),
        ),
        // a full date, one separator kind: 15/5/2016 · 7-11-1948 · 15.5.2016;
        // or day-month and the word năm: 20/8 năm 2019
        // (a careless space around a slash is tolerated: 12 /3/2020)
        (
            Kind::DayMonthYear,
            format!(
                r"{b}(?:{d}{slash}{m}{slash}{y}|{d}{dash}{m}{dash}{y}|{d}\.{m}\.{y}|{d}(?:/|{dash}){m}\x20năm\x20{y}){b}"
            ),
        ),
        // the long form: 15 tháng 5 năm 2016 · 3 tháng 3 · 15 tháng 5/2016
        // and a month in words, with its year: 30 tháng Tư năm 1975
        (
            Kind::DayWordMonth,
            format!(r"{b}{d}\x20tháng\x20(?:{m}(?:\x20năm\x20{y}|/{y})?|{month_word}\x20năm\x20{y}){b}"),
        ),
        // day and month: 20/8 · 29-3 (needs a cue or a range partner)
        (Kind::DayMonth, format!(r"{b}{d}(?:/|{dash}){m}{b}")),
        // a quarter with its year: quý I/2019 · quý 2 năm 2020
        (Kind::Quarter, format!(r"quý\x20(?:IV|III|II|I|[1-4]){month_year}{b}")),
        // a month, or months, with or without a year: tháng 5-2018 · tháng 3, 4/2019 · tháng 3
        (Kind::Month, format!(r"tháng\x20{m}(?:{month_sep}{m})*{month_year}?{b}")),
        // the word năm and one or more years: năm 2017 · năm 2019-2021
        (Kind::YearWord, format!(r"năm\x20{y}(?:{year_sep}{y})*{b}")),
        // a bare year span: 1969 - 2024 · 2019/2020 (needs context)
        (Kind::YearSpan, format!(r"{b}{y}(?:\x20?{dash}\x20?|/){y}{b}")),
        // a bare four-digit number (needs context)
        (Kind::Year, format!(r"{b}{y}{b}")),
    ];
    branches.into_iter().map(|(k, p)| (k, format!("(?i){p}"))).collect()
}

/// The month named in words after "tháng " in a matched text ("30 tháng
/// Tư năm 1975" → 4), when it is not written in digits.
pub(super) fn month_word(s: &str) -> Option<u32> {
    let lower = s.to_lowercase();
    let (_, rest) = lower.split_once("tháng ")?;
    let word = rest.rsplit_once(" năm ").map_or(rest, |(w, _)| w);
    let names =
        ["một", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười", "mười một", "mười hai"];
    match word {
        "bẩy" => Some(7),
        _ => (1u32..).zip(names).find_map(|(n, name)| (name == word).then_some(n)),
    }
}

/// The digit runs of a matched text, in order: (value, number of digits,
/// byte offset of the run in the text).
pub(super) fn numbers(s: &str) -> Vec<(u32, usize, usize)> {
    let mut out = Vec::new();
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let start = i;
            let mut v: u32 = 0;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                v = v.saturating_mul(10).saturating_add(u32::from(bytes[i] - b'0'));
                i += 1;
            }
            out.push((v, i - start, start));
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(Kind, &str)> {
        let finder = Finder::new();
        let mut out = Vec::new();
        let mut at = 0;
        while let Some((k, s, e)) = finder.find_at(text, at) {
            out.push((k, &text[s..e]));
            at = e;
        }
        out
    }

    #[test]
    fn branches() {
        assert_eq!(kinds("ngày 23, 24/02/2017"), [(Kind::DayList, "23, 24/02/2017")]);
        assert_eq!(kinds("từ 2 - 6/4/2019"), [(Kind::DayRange, "2 - 6/4/2019")]);
        assert_eq!(
            kinds("(7-11-1948 – 7-11-2018)"),
            [(Kind::DayMonthYear, "7-11-1948"), (Kind::DayMonthYear, "7-11-2018")]
        );
        assert_eq!(kinds("Sáng 29-3"), [(Kind::DayMonth, "29-3")]);
        assert_eq!(kinds("tháng 5-2018"), [(Kind::Month, "tháng 5-2018")]);
        assert_eq!(kinds("Tháng 3, 4/2019"), [(Kind::Month, "Tháng 3, 4/2019")]);
        assert_eq!(kinds("quý I/2019"), [(Kind::Quarter, "quý I/2019")]);
        assert_eq!(kinds("NĂM 2019-2021"), [(Kind::YearWord, "NĂM 2019-2021")]);
        assert_eq!(kinds("(1969 - 2024)"), [(Kind::YearSpan, "1969 - 2024")]);
        assert_eq!(kinds("ngày 01 tháng 01 năm 2019"), [(Kind::DayWordMonth, "01 tháng 01 năm 2019")]);
        assert_eq!(kinds("ngày 30 tháng Tư năm 1975"), [(Kind::DayWordMonth, "30 tháng Tư năm 1975")]);
        assert_eq!(kinds("ngày 2 tháng Năm năm 2019"), [(Kind::DayWordMonth, "2 tháng Năm năm 2019")]);
        // a month in words needs its year
        assert_eq!(kinds("ngày 30 tháng Tư"), []);
        assert_eq!(kinds("ngày 1 đến ngày 5/8/2019"), [(Kind::DayRange, "1 đến ngày 5/8/2019")]);
        assert_eq!(kinds("ngày 12 /3/2020"), [(Kind::DayMonthYear, "12 /3/2020")]);
        assert_eq!(kinds("từ 20 đến 22-8-2019"), [(Kind::DayRange, "20 đến 22-8-2019")]);
        assert_eq!(kinds("từ ngày 20 đến hết ngày 22-8"), [(Kind::DayRange, "20 đến hết ngày 22-8")]);
    }

    #[test]
    fn not_inside_numbers() {
        assert!(kinds("30/2020/NĐ-CP").iter().all(|(k, _)| *k == Kind::Year));
        assert_eq!(kinds("73/73 18/19"), []);
        assert_eq!(kinds("3.754 người, 08:14"), []);
        // the context before the search start counts for boundaries
        let finder = Finder::new();
        assert_eq!(finder.find_at("12019", 1), None);
    }

    #[test]
    fn month_words() {
        assert_eq!(month_word("30 tháng Tư năm 1975"), Some(4));
        assert_eq!(month_word("2 tháng Năm năm 2019"), Some(5));
        assert_eq!(month_word("1 tháng Mười Hai năm 2019"), Some(12));
        assert_eq!(month_word("1 tháng Mười năm 2019"), Some(10));
        assert_eq!(month_word("15 tháng 5 năm 2016"), None);
    }

    #[test]
    fn digit_runs() {
        assert_eq!(numbers("23, 24/02/2017"), [(23, 2, 0), (24, 2, 4), (2, 2, 7), (2017, 4, 10)]);
    }
}
