//! What the words around a mention say about the document: the issuing
//! body ("của Bộ Chính trị"), the term ("khóa XII"), the plenum ("Hội nghị
//! Trung ương 6"), the issue date ("ngày 15/5/2016", or a clause that opens
//! with a date and says the body "ban hành" the document).
//!
//! Dates come from the dates extractor ([`Date`] with byte spans); nothing
//! here parses a date.

use super::lexicon::{Issuer, Lexicon, same_letters, suffix};
use crate::normalize::tone_key;
use crate::record::{Date, Precision};

/// What the right context of a mention gave.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct After {
    pub issuer: Option<Issuer>,
    pub term: Option<u32>,
    pub plenum: Option<u32>,
    pub date: Option<String>,
    /// Byte offset where the parsed context ends.
    pub end: usize,
}

/// A Roman numeral I–L, strictly formed ("XII" → 12; "IIII", "VX" → None).
pub(crate) fn roman(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 8 {
        return None;
    }
    let value = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        _ => None,
    };
    let digits: Vec<i32> = s.chars().map(value).collect::<Option<_>>()?;
    let mut total = 0i32;
    for (i, &d) in digits.iter().enumerate() {
        match digits.get(i + 1) {
            Some(&next) if next > d => total -= d,
            _ => total += d,
        }
    }
    let total = u32::try_from(total).ok()?;
    (to_roman(total) == s && (1..=50).contains(&total)).then_some(total)
}

/// The Roman numeral of `n` ("XII" for 12).
pub(crate) fn to_roman(mut n: u32) -> String {
    let mut out = String::new();
    for (v, r) in [(50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
        while n >= v {
            out.push_str(r);
            n -= v;
        }
    }
    out
}

/// An ordinal written in words after "lần thứ" ("tư" → 4, "mười hai" → 12).
pub(crate) fn number_word(s: &str) -> Option<u32> {
    const UNITS: [(&str, u32); 10] = [
        ("nhất", 1),
        ("hai", 2),
        ("ba", 3),
        ("tư", 4),
        ("bốn", 4),
        ("năm", 5),
        ("sáu", 6),
        ("bảy", 7),
        ("tám", 8),
        ("chín", 9),
    ];
    let key = tone_key(s);
    let unit = |w: &str| UNITS.iter().find(|(u, _)| *u == w).map(|(_, v)| *v);
    match key.split(' ').collect::<Vec<_>>().as_slice() {
        ["mười"] => Some(10),
        ["mười", "một"] => Some(11),
        ["mười", "lăm"] => Some(15),
        ["mười", w] => unit(w).filter(|&v| v > 1).map(|v| 10 + v),
        [w] => unit(w),
        _ => None,
    }
}

/// The word (letters only) at the start of `s`.
fn word(s: &str) -> &str {
    // most words end at an ASCII space or mark: no Unicode lookup for those
    let end = s
        .char_indices()
        .find(|&(_, c)| if c.is_ascii() { !c.is_ascii_alphanumeric() } else { !c.is_alphanumeric() })
        .map_or(s.len(), |(i, _)| i);
    s.get(..end).unwrap_or("")
}

/// `s` without a leading word equal (by tone key) to `w`, and the space
/// after it.
fn strip_word<'a>(s: &'a str, w: &str) -> Option<&'a str> {
    let first = word(s);
    // the one word here whose tone moves: "khóa" / "khoá"
    let same = same_letters(first, w) || (w == "khóa" && same_letters(first, "khoá"));
    same.then(|| s.get(first.len()..).unwrap_or(""))
}

fn strip_words<'a>(mut s: &'a str, words: &[&str]) -> Option<&'a str> {
    for (i, w) in words.iter().enumerate() {
        s = strip_word(s, w)?;
        if i + 1 < words.len() {
            s = s.strip_prefix(' ')?;
        }
    }
    Some(s)
}

/// A term or a list of terms at the start of `s`: "khóa XII", " (khoá XII)",
/// "khóa XI, XII", "(khóa XI, khóa XII)", "khóa XI và khóa XII". Returns
/// the terms and the bytes read.
pub(crate) fn terms(s: &str) -> Option<(Vec<u32>, usize)> {
    let total = s.len();
    let mut rest = s.strip_prefix(' ').unwrap_or(s);
    let paren = rest.starts_with('(');
    if paren {
        rest = rest.get(1..)?.trim_start_matches(' ');
    }
    rest = strip_word(rest, "khóa")?.strip_prefix(' ')?;
    let mut out = Vec::new();
    loop {
        let w = word(rest);
        let n = roman(w).or_else(|| w.parse().ok().filter(|n| (1..=50).contains(n)))?;
        out.push(n);
        rest = rest.get(w.len()..).unwrap_or("");
        // another one: ", XII", " và khóa XII", " - XII"
        let t = rest.trim_start_matches(' ');
        let t = if let Some(t) = t.strip_prefix([',', '-', '–']) {
            t
        } else if let Some(t) = strip_word(t, "và") {
            t
        } else {
            break;
        };
        let t = t.trim_start_matches(' ');
        let t = strip_word(t, "khóa").map_or(t, |t| t.trim_start_matches(' '));
        let w = word(t);
        if roman(w).is_none() {
            break;
        }
        rest = t;
    }
    if paren {
        let t = rest.trim_start_matches(' ');
        if let Some(t) = t.strip_prefix(')') {
            rest = t;
        }
    }
    Some((out, total - rest.len()))
}

/// A plenum named at the start of `s` after a numbered resolution:
/// "Hội nghị Trung ương 6", "(của) Hội nghị lần thứ sáu Ban Chấp hành
/// Trung ương Đảng". Returns the plenum, the issuer and the bytes read.
fn plenum_after(lx: &Lexicon, s: &str) -> Option<(u32, Option<Issuer>, usize)> {
    let total = s.len();
    let rest = strip_word(s, "của").map_or(s, |r| r.trim_start_matches(' '));
    let rest = strip_words(rest, &["hội", "nghị"])?.strip_prefix(' ')?;
    let (n, rest) = if let Some(r) = strip_words(rest, &["lần", "thứ"]) {
        let r = r.strip_prefix(' ')?;
        ordinal(r)?
    } else {
        let r =
            strip_words(rest, &["trung", "ương"]).or_else(|| strip_word(rest, "tw"))?.trim_start_matches(' ');
        let r = strip_words(r, &["lần", "thứ"]).map_or(r, |r| r.trim_start_matches(' '));
        ordinal(r)?
    };
    let mut end = total - rest.len();
    let mut issuer = None;
    if let Some(r) = rest.strip_prefix(' ') {
        let r = strip_word(r, "của").map_or(r, |r| r.trim_start_matches(' '));
        if let Some((i, len)) = lx.issuer_at(r).filter(|(i, _)| i.code == "TW") {
            issuer = Some(i);
            end = total - r.len() + len;
        }
    }
    Some((n, issuer, end))
}

/// A plenum ordinal at the start of `s`: digits ("4") or words ("tư",
/// "mười hai"); returns it and the rest.
pub(crate) fn ordinal(s: &str) -> Option<(u32, &str)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 {
        if digits > 2 {
            return None;
        }
        let n: u32 = s.get(..digits)?.parse().ok()?;
        let rest = s.get(digits..)?;
        if rest.chars().next().is_some_and(|c| c.is_alphanumeric()) {
            return None;
        }
        return (1..=30).contains(&n).then_some((n, rest));
    }
    let first = word(s);
    let after_first = s.get(first.len()..)?;
    // "mười hai": two words
    if tone_key(first) == "mười" {
        if let Some(r) = after_first.strip_prefix(' ') {
            let second = word(r);
            if let Some(n) = number_word(&format!("mười {second}")) {
                return Some((n, r.get(second.len()..)?));
            }
        }
    }
    number_word(first).map(|n| (n, after_first))
}

/// The day-precision, valid date starting at `pos`, or after a "ngày"
/// there.
fn date_at<'d>(text: &str, pos: usize, dates: &'d [Date]) -> Option<&'d Date> {
    let find = |p: usize| {
        let i = dates.partition_point(|d| d.start < p);
        dates.get(i).filter(|d| d.start == p)
    };
    let d = find(pos).or_else(|| {
        let rest = text.get(pos..)?;
        // "ngày …", "ban hành ngày …", "ký ngày …"
        let rest = strip_words(rest, &["ban", "hành"])
            .or_else(|| strip_word(rest, "ký"))
            .and_then(|r| r.strip_prefix(' '))
            .unwrap_or(rest);
        if let Some(d) = find(text.len() - rest.len()) {
            return Some(d);
        }
        let after = strip_word(rest, "ngày")?.strip_prefix(' ')?;
        find(text.len() - after.len())
    })?;
    (d.precision == Precision::Day && d.valid && d.value.is_some()).then_some(d)
}

impl Lexicon {
    /// Reads the right context of a numbered mention ending at `pos`:
    /// "ngày 15/5/2016", "của Bộ Chính trị", "BCH TW Đảng", "khóa XII",
    /// "(khóa XII)", "Hội nghị Trung ương 6", in any order. A comma is
    /// crossed only before an issue date that is itself followed by the
    /// end of the phrase ("Công văn số 59-CV/TU, ngày 28/12/2020 của …").
    pub(crate) fn after(&self, text: &str, pos: usize, dates: &[Date]) -> After {
        let mut out = After { end: pos, ..After::default() };
        let mut p = pos;
        for _ in 0..6 {
            let Some(rest) = text.get(p..) else { break };
            let (comma, q) = if let Some(r) = rest.strip_prefix(", ") {
                (true, p + rest.len() - r.len())
            } else if let Some(r) = rest.strip_prefix(' ') {
                (false, p + rest.len() - r.len())
            } else if rest.starts_with(" (") || rest.starts_with('(') {
                (false, p)
            } else {
                break;
            };
            let Some(r) = text.get(q..) else { break };
            // one look at the next word decides which readings to try
            let first = word(r);
            let is = |w: &str| same_letters(first, w);
            let dated = is("ngày") || is("ban") || is("ký");
            // an issue date
            if out.date.is_none() && (dated || r.starts_with(|c: char| c.is_ascii_digit())) {
                if let Some(d) = date_at(text, q, dates) {
                    if !comma || ends_phrase(text.get(d.end..).unwrap_or("")) {
                        out.date = d.value.clone();
                        p = d.end;
                        out.end = p;
                        continue;
                    }
                }
            }
            // a date the dates extractor did not give: step over it to what
            // follows ("ngày 18/3/2019 của Ban Bí thư")
            if let Some(len) = is("ngày").then(|| unread_date(r)).flatten() {
                if !comma || ends_phrase(r.get(len..).unwrap_or("")) {
                    p = q + len;
                    out.end = p;
                    continue;
                }
            }
            if comma {
                break;
            }
            let cua = is("của");
            // "của" + a body
            if let Some(after_cua) = r.get(first.len()..).and_then(|x| x.strip_prefix(' ')).filter(|_| cua) {
                if let Some((issuer, len)) = self.issuer_at(after_cua) {
                    out.issuer.get_or_insert(issuer);
                    p = text.len() - after_cua.len() + len;
                    out.end = p;
                    continue;
                }
            }
            // the party centre right after the number: "Nghị quyết 04 BCH TW Đảng"
            if let Some((issuer, len)) = self.issuer_at(r).filter(|(i, _)| i.code == "TW") {
                out.issuer.get_or_insert(issuer);
                p = q + len;
                out.end = p;
                continue;
            }
            if let Some((n, issuer, len)) = (cua || is("hội")).then(|| plenum_after(self, r)).flatten() {
                out.plenum.get_or_insert(n);
                if let Some(i) = issuer {
                    out.issuer.get_or_insert(i);
                }
                p = q + len;
                out.end = p;
                continue;
            }
            let term_like = r.starts_with('(') || is("khóa") || is("khoá");
            if let Some((ts, len)) = term_like.then(|| terms(text.get(p..).unwrap_or(""))).flatten() {
                if out.term.is_none() && ts.len() == 1 {
                    out.term = ts.first().copied();
                }
                p += len;
                out.end = p;
                continue;
            }
            break;
        }
        out
    }

    /// The issue date given by a clause that opens with a date and says a
    /// body issued the document: "Ngày 15/5/2016, Bộ Chính trị đã ban hành
    /// Chỉ thị 05", "…, ngày 07/11/2016 Ban Thường vụ Đảng ủy khối đã xây
    /// dựng và ban hành Kế hoạch số 08". Returns the date and the body
    /// named between, if any. `floor` is where the previous mention ends:
    /// the clause may not reach back over it.
    pub(crate) fn opening_date(
        &self,
        text: &str,
        start: usize,
        floor: usize,
        dates: &[Date],
    ) -> Option<(String, Option<Issuer>)> {
        let i = dates.partition_point(|d| d.end <= start);
        let d = dates.get(i.checked_sub(1)?)?;
        if d.precision != Precision::Day || !d.valid || d.start < floor {
            return None;
        }
        let between = text.get(d.end..start)?;
        if between.len() > 160 || between.contains(['\n', '.', ';', '?', '!', ':']) {
            return None;
        }
        // the clause ends with an issuing verb, a word of its own
        let key = tone_key(suffix(between.trim_end(), 24));
        let verb_ok = ISSUING_VERBS
            .iter()
            .any(|v| key.strip_suffix(v).is_some_and(|head| head.is_empty() || head.ends_with([' ', ','])));
        if !verb_ok || !opens_clause(text.get(..d.start)?) {
            return None;
        }
        let value = d.value.clone()?;
        // the body named between the date and the verb
        let mut issuer = None;
        let mut at = 0;
        while at < between.len() {
            let rest = between.get(at..).unwrap_or("");
            if let Some((i, _)) = self.issuer_at(rest) {
                issuer = Some(i);
                break;
            }
            match rest.find(' ') {
                Some(sp) => at += sp + 1,
                None => break,
            }
        }
        Some((value, issuer))
    }
}

/// The length of "ngày" and a numeric date at the start of `s`
/// ("ngày 18/3/2019", "ngày 05-4-2019"), which the dates extractor did not
/// report (an impossible date, or a form it does not read).
fn unread_date(s: &str) -> Option<usize> {
    let rest = strip_word(s, "ngày")?.strip_prefix(' ')?;
    // "ngày 01 tháng 01 năm 2019"
    let digits = |r: &str| r.bytes().take_while(u8::is_ascii_digit).count();
    let words = (|| {
        let mut r = rest;
        for (i, w) in ["tháng", "năm"].iter().enumerate() {
            let n = digits(r);
            r = r.get(n..)?.strip_prefix(' ')?;
            r = strip_word(r, w)?.strip_prefix(' ')?;
            if n == 0 || (i == 1 && n > 2) {
                return None;
            }
        }
        let n = digits(r);
        (n == 4).then(|| s.len() - r.len() + n)
    })();
    if words.is_some() {
        return words;
    }
    let len = rest.bytes().take_while(|b| b.is_ascii_digit() || matches!(b, b'/' | b'-' | b'.')).count();
    let token = rest.get(..len)?.trim_end_matches(['.', '-']);
    let groups = token.split(['/', '-', '.']).filter(|g| !g.is_empty()).count();
    (groups == 3 && token.bytes().next().is_some_and(|b| b.is_ascii_digit()))
        .then(|| s.len() - rest.len() + token.len())
}

/// Verbs that say a body issued a document (tone keys).
const ISSUING_VERBS: [&str; 6] = ["ban hành", "thông qua", "xây dựng", "ký", "ra", "phê duyệt"];

/// Whether the text before a date leaves the date at the start of a clause:
/// the paragraph's start, or after punctuation or "và", allowing "ngày" /
/// "vào ngày" before the date.
fn opens_clause(before: &str) -> bool {
    let mut b = before.trim_end_matches(' ');
    for w in ["ngày", "vào"] {
        let last = b.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        if !last.is_empty() && tone_key(last) == w {
            b = b.get(..b.len() - last.len()).unwrap_or("").trim_end_matches(' ');
        }
    }
    if b.is_empty() || b.ends_with(['\n', ',', '.', ';', ':', '(', '-', '–']) {
        return true;
    }
    let last = b.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    tone_key(last) == "và"
}

/// Whether `s` (what follows an issue date after a comma) ends the
/// document's phrase: end of text, punctuation, or "của" / "về" / "ban
/// hành" / "do" — not a new clause with its own subject.
fn ends_phrase(s: &str) -> bool {
    let s = s.trim_start_matches(' ');
    if s.is_empty() || s.starts_with(['\n', ',', '.', ';', ':', ')', '(']) {
        return true;
    }
    let w = tone_key(word(s));
    match w.as_str() {
        "của" | "về" | "do" | "quy" | "sửa" | "hướng" => true,
        // "ban hành", not "Ban Thường vụ …": a body opening the next clause
        "ban" => strip_words(s, &["ban", "hành"]).is_some(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_numerals() {
        for (s, n) in
            [("I", 1), ("IV", 4), ("IX", 9), ("XI", 11), ("XII", 12), ("XIV", 14), ("XIX", 19), ("XL", 40)]
        {
            assert_eq!(roman(s), Some(n), "{s}");
        }
        for s in ["", "IIII", "VX", "IC", "xii", "ABC", "IIV"] {
            assert_eq!(roman(s), None, "{s}");
        }
    }

    #[test]
    fn number_words() {
        assert_eq!(number_word("tư"), Some(4));
        assert_eq!(number_word("Bảy"), Some(7));
        assert_eq!(number_word("mười hai"), Some(12));
        assert_eq!(number_word("mười lăm"), Some(15));
        assert_eq!(number_word("mười"), Some(10));
        assert_eq!(number_word("mười bốn"), Some(14));
        assert_eq!(number_word("trăm"), None);
    }

    #[test]
    fn term_lists() {
        assert_eq!(terms(" khóa XII về"), Some((vec![12], " khóa XII".len())));
        assert_eq!(terms(" (khoá XII)"), Some((vec![12], " (khoá XII)".len())));
        assert_eq!(terms(" khóa XI, XII về"), Some((vec![11, 12], " khóa XI, XII".len())));
        assert_eq!(terms(" (khóa XI, khóa XII)"), Some((vec![11, 12], " (khóa XI, khóa XII)".len())));
        assert_eq!(terms(" khóa XI và khóa XII"), Some((vec![11, 12], " khóa XI và khóa XII".len())));
        // a comma that does not go on to a term stays outside
        assert_eq!(terms(" khóa XII, Đảng ủy"), Some((vec![12], " khóa XII".len())));
        assert_eq!(terms(" khóa học"), None);
        assert_eq!(terms(" về"), None);
    }

    #[test]
    fn ordinals() {
        assert_eq!(ordinal("4 khóa"), Some((4, " khóa")));
        assert_eq!(ordinal("4Về"), None);
        assert_eq!(ordinal("tư Ban"), Some((4, " Ban")));
        assert_eq!(ordinal("mười hai Ban"), Some((12, " Ban")));
        assert_eq!(ordinal("2019"), None);
    }

    fn date(text: &str, needle: &str, value: &str) -> Date {
        let start = text.find(needle).unwrap();
        Date {
            text: needle.into(),
            start,
            end: start + needle.len(),
            value: Some(value.into()),
            precision: Precision::Day,
            as_written: value.into(),
            valid: true,
            year_inferred: false,
            rule: "test",
        }
    }

    #[test]
    fn right_context() {
        let lx = Lexicon::new();
        let text = "thực hiện Chỉ thị 05 ngày 15/5/2016 của Bộ Chính trị khóa XII về việc";
        let dates = [date(text, "15/5/2016", "2016-05-15")];
        let pos = text.find(" ngày").unwrap();
        let a = lx.after(text, pos, &dates);
        assert_eq!(a.date.as_deref(), Some("2016-05-15"));
        assert_eq!(a.issuer.map(|i| i.name), Some("Bộ Chính trị"));
        assert_eq!(a.term, Some(12));
        assert_eq!(text.get(a.end..), Some(" về việc"));

        // the date extractor may include "ngày" in the date's text
        let dates = [date(text, "ngày 15/5/2016", "2016-05-15")];
        assert_eq!(lx.after(text, pos, &dates).date.as_deref(), Some("2016-05-15"));

        let text = "Nghị quyết 04 BCH TW Đảng khóa XII về";
        let a = lx.after(text, "Nghị quyết 04".len(), &[]);
        assert_eq!((a.issuer.map(|i| i.code), a.term), (Some("TW"), Some(12)));

        let text = "Nghị quyết số 18-NQ/TW của Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XII";
        let a = lx.after(text, "Nghị quyết số 18-NQ/TW".len(), &[]);
        assert_eq!((a.plenum, a.term), (Some(6), Some(12)));
        assert_eq!(a.issuer.map(|i| i.code), Some("TW"));
    }

    #[test]
    fn a_date_not_reported_is_stepped_over() {
        let lx = Lexicon::new();
        let text = "Chỉ thị số 33-CT/TW ngày 18/3/2019 của Ban Bí thư về";
        let a = lx.after(text, "Chỉ thị số 33-CT/TW".len(), &[]);
        assert_eq!((a.date, a.issuer.map(|i| i.name)), (None, Some("Ban Bí thư")));
        // but not a count of days
        let text = "Nghị quyết 02/2019/NQ-CP ngày 01 tháng 01 năm 2019 của Chính phủ về";
        let a = lx.after(text, "Nghị quyết 02/2019/NQ-CP".len(), &[]);
        assert_eq!(a.issuer.map(|i| i.name), Some("Chính phủ"));
        let text = "Chỉ thị 05 ngày 3 lần của";
        assert_eq!(lx.after(text, "Chỉ thị 05".len(), &[]).end, "Chỉ thị 05".len());
    }

    #[test]
    fn a_date_that_opens_the_next_clause_is_not_crossed_to() {
        // the date after the comma dates what "Ban Thường vụ" issues next
        let text = "Để thực hiện Chỉ thị số 12-CT/TW của Ban Bí thư, ngày 03/4/2021 Ban Thường vụ Huyện ủy \
                    đã ban hành Kế hoạch số 40-KH/HU.";
        let at = text.find("12-CT/TW").unwrap() + "12-CT/TW".len();
        let dates = [date(text, "03/4/2021", "2021-04-03")];
        let lx = Lexicon::new();
        let after = lx.after(text, at, &dates);
        assert_eq!(after.date, None);
        // but "…, ngày … ban hành …" still is its own issue date
        let text = "Chỉ thị số 12-CT/TW, ngày 03/4/2021 ban hành kèm theo quy chế.";
        let at = text.find("12-CT/TW").unwrap() + "12-CT/TW".len();
        let dates = [date(text, "03/4/2021", "2021-04-03")];
        assert_eq!(lx.after(text, at, &dates).date.as_deref(), Some("2021-04-03"));
    }

    #[test]
    fn a_comma_is_crossed_only_for_an_issue_date() {
        let lx = Lexicon::new();
        let text = "Công văn số 59-CV/TU, ngày 28/12/2020 của Thường trực Tỉnh ủy";
        let dates = [date(text, "28/12/2020", "2020-12-28")];
        let a = lx.after(text, "Công văn số 59-CV/TU".len(), &dates);
        assert_eq!(a.date.as_deref(), Some("2020-12-28"));
        assert_eq!(a.issuer.map(|i| i.code), Some("TU"));

        // a new clause that opens with a date is an event, not the issue date
        let text = "Thực hiện Chỉ thị 05, ngày 20/2/2017 Đảng ủy khối tổ chức hội nghị";
        let dates = [date(text, "20/2/2017", "2017-02-20")];
        let a = lx.after(text, "Thực hiện Chỉ thị 05".len(), &dates);
        assert_eq!(a.date, None);
        // nor is the issuer of another clause its issuer
        let text = "Thực hiện Chỉ thị 05, Tỉnh ủy đã chỉ đạo";
        assert_eq!(lx.after(text, "Thực hiện Chỉ thị 05".len(), &[]).issuer, None);
    }

    #[test]
    fn month_and_invalid_dates_are_not_issue_dates() {
        let lx = Lexicon::new();
        let text = "Chỉ thị 05 ngày 30/02/2017 của Bộ Chính trị";
        let mut d = date(text, "30/02/2017", "2017-02-30");
        d.valid = false;
        d.value = None;
        assert_eq!(lx.after(text, "Chỉ thị 05".len(), &[d]).date, None);
        let text = "Kế hoạch 08 tháng 5/2016 của Đảng ủy";
        let mut d = date(text, "tháng 5/2016", "2016-05");
        d.precision = Precision::Month;
        assert_eq!(lx.after(text, "Kế hoạch 08".len(), &[d]).date, None);
    }

    #[test]
    fn a_clause_opening_with_a_date_dates_the_document_it_issues() {
        let lx = Lexicon::new();
        let text = "Ngày 15/5/2016, Bộ Chính trị đã ban hành Chỉ thị 05 về đẩy mạnh";
        let dates = [date(text, "Ngày 15/5/2016", "2016-05-15")];
        let start = text.find("Chỉ thị").unwrap();
        let (d, issuer) = lx.opening_date(text, start, 0, &dates).unwrap();
        assert_eq!(d, "2016-05-15");
        assert_eq!(issuer.map(|i| i.name), Some("Bộ Chính trị"));

        let text = "Để triển khai, ngày 07/11/2016 Ban Thường vụ Đảng ủy khối đã xây dựng và ban hành Kế hoạch số 08";
        let dates = [date(text, "07/11/2016", "2016-11-07")];
        let start = text.find("Kế hoạch").unwrap();
        let (d, issuer) = lx.opening_date(text, start, 0, &dates).unwrap();
        assert_eq!((d.as_str(), issuer.map(|i| i.code)), ("2016-11-07", Some("ĐUK")));

        // an event, not an issue
        let text = "Ngày 20/2/2016, Đảng ủy khối tổ chức hội nghị quán triệt Chỉ thị 05";
        let dates = [date(text, "20/2/2016", "2016-02-20")];
        assert_eq!(lx.opening_date(text, text.find("Chỉ thị").unwrap(), 0, &dates), None);
        // a date inside a clause, not opening it
        let text = "Hội nghị diễn ra sáng 15/5/2016 đã thông qua Kế hoạch số 10";
        let dates = [date(text, "15/5/2016", "2016-05-15")];
        assert_eq!(lx.opening_date(text, text.find("Kế hoạch").unwrap(), 0, &dates), None);
        // another sentence
        let text = "Ngày 15/5/2016, hội nghị khai mạc. Tỉnh ủy ban hành Kế hoạch số 10";
        let dates = [date(text, "15/5/2016", "2016-05-15")];
        assert_eq!(lx.opening_date(text, text.find("Kế hoạch").unwrap(), 0, &dates), None);
        // "ra" inside a word is no verb
        let text = "Ngày 15/5/2016, tỉnh kiểm tra Kế hoạch số 10";
        let dates = [date(text, "15/5/2016", "2016-05-15")];
        assert_eq!(lx.opening_date(text, text.find("Kế hoạch").unwrap(), 0, &dates), None);
    }
}
