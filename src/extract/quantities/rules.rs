//! The rules: word lists loaded once, and the candidates (runs of digits,
//! number words, fraction signs) that [`super::read`] reads.

use super::lexicon::{Lexicon, fold, is_word_char, next_word, prev_word, word_at};
use super::number::{NumberWord, words_value};
use crate::record::{Quantity, Warning};
use crate::wordlist;
use regex::Regex;

const UNITS: &str = include_str!("units.txt");
const NUMBERS: &str = include_str!("numbers.txt");
const QUALIFIERS: &str = include_str!("qualifiers.txt");
const CONTEXT: &str = include_str!("context.txt");

/// The words a number in words starts with, in lower case; the first
/// letter may be a capital.
fn starts_number_word(rest: &str) -> Option<usize> {
    let b = rest.as_bytes();
    let candidates: &[&str] = match b.first()? | 0x20 {
        b'h' => &["hai"],
        b'b' => &["ba", "bốn", "bảy", "bẩy"],
        b's' => &["sáu"],
        b't' => &["tám"],
        b'c' => &["chín"],
        b'm' => &["mười", "một"],
        b'n' => &["năm"],
        _ => return None,
    };
    let tail = b.get(1..)?;
    candidates.iter().find_map(|w| {
        let w = w.as_bytes().get(1..)?;
        let after = rest.get(1 + w.len()..)?;
        (tail.starts_with(w) && !after.starts_with(is_word_char)).then_some(1 + w.len())
    })
}

/// Byte classes for [`word_starts`]: 1 = a space or line break, 2 = a letter
/// a number word starts with.
const CLASS: [u8; 256] = {
    let mut c = [0u8; 256];
    c[b' ' as usize] = 1;
    c[b'\n' as usize] = 1;
    let starts = b"bchmnstBCHMNST";
    let mut i = 0;
    while i < starts.len() {
        c[starts[i] as usize] = 2;
        i += 1;
    }
    c
};

/// Where words may start a number in words: the text's start and after a
/// space or a line break, before one of the letters such a word starts with.
fn word_starts(t: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut prev = 1u8;
    for (i, &b) in t.as_bytes().iter().enumerate() {
        let class = CLASS[usize::from(b)];
        if prev & (class >> 1) != 0 {
            out.push(i);
        }
        prev = class;
    }
    out
}

/// What a unit phrase is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Unit {
    /// A counted noun ("đảng viên", "xã").
    Count,
    /// A measure ("ha", "kWh"), reported as a count of it.
    Measure,
    /// A time unit: a duration.
    Time,
    /// "lần": a multiplier, only a rate with "/".
    Times,
    /// A currency, with its code.
    Currency(String),
}

/// Every word list and pattern of the extractor, compiled once.
#[derive(Debug)]
pub(super) struct Rules {
    pub(super) units: Lexicon<Unit>,
    pub(super) per: Lexicon<()>,
    pub(super) tail_phrases: Lexicon<()>,
    pub(super) tail_proper: Lexicon<()>,
    /// Offices counted with their body after them ("5 Ủy viên UBND huyện").
    pub(super) office: Lexicon<()>,
    pub(super) scale: Lexicon<f64>,
    pub(super) words: Lexicon<NumberWord>,
    pub(super) percent_words: Lexicon<()>,
    pub(super) before: Lexicon<()>,
    pub(super) after: Lexicon<()>,
    pub(super) percent_head: Lexicon<()>,
    /// `true` for a label, `false` for the exceptions ("tổng số").
    pub(super) label: Lexicon<bool>,
    /// Labels only when capitalised or after a number ("Điều 6").
    pub(super) label_capital: Lexicon<()>,
    pub(super) year_context: Lexicon<()>,
    pub(super) date_context: Lexicon<()>,
    pub(super) time_prev: Lexicon<()>,
    pub(super) time_of_day: Lexicon<()>,
    pub(super) stop: Lexicon<()>,
    pub(super) range: Lexicon<()>,
    pub(super) change: Lexicon<()>,
    pub(super) money_cue: Lexicon<()>,
    pub(super) bare_link: Lexicon<()>,
    pub(super) digits: Regex,
}

/// A place in the text that may start a quantity.
#[derive(Debug, Clone, Copy)]
pub(super) enum Candidate {
    /// Digits, maybe joined by `.`, `,`, `/`, `-`.
    Digits { start: usize, end: usize },
    /// Number words and their value.
    Words { start: usize, end: usize, value: f64 },
    /// A fraction sign ("½").
    Fraction { start: usize, end: usize, num: f64, den: f64 },
}

impl Candidate {
    pub(super) fn span(&self) -> (usize, usize) {
        match *self {
            Candidate::Digits { start, end }
            | Candidate::Words { start, end, .. }
            | Candidate::Fraction { start, end, .. } => (start, end),
        }
    }
}

/// A quantity read, and how far the text is used up (a range uses its
/// second number).
#[derive(Debug)]
pub(super) struct Found {
    pub q: Quantity,
    pub consumed: usize,
    /// Something a reader should check ("1,500 người" read as 1500).
    pub warning: Option<Warning>,
}

fn lexicon<V>(entries: impl Iterator<Item = (String, V)>) -> Lexicon<V> {
    let mut lx = Lexicon::new();
    for (k, v) in entries {
        lx.insert(&k, v);
    }
    lx
}

fn plain(file: &'static str, section: &'static str) -> impl Iterator<Item = (String, ())> {
    wordlist::section(file, section).map(|l| (l.to_owned(), ()))
}

/// "phrase = value" lines of a section.
fn pairs(file: &'static str, section: &'static str) -> impl Iterator<Item = (String, String)> {
    wordlist::section(file, section).filter_map(|l| {
        let (k, v) = l.split_once(" = ")?;
        Some((k.trim().to_owned(), v.trim().to_owned()))
    })
}

impl Rules {
    pub(super) fn new() -> Self {
        let units = lexicon(
            plain(UNITS, "count")
                .chain(plain(UNITS, "office"))
                .map(|(k, ())| (k, Unit::Count))
                .chain(plain(UNITS, "measure").map(|(k, ())| (k, Unit::Measure)))
                .chain(plain(UNITS, "time").map(|(k, ())| (k, Unit::Time)))
                .chain(plain(UNITS, "nonunit").map(|(k, ())| (k, Unit::Times)))
                .chain(pairs(UNITS, "currency").map(|(k, v)| (k, Unit::Currency(v)))),
        );
        let words = lexicon(pairs(NUMBERS, "words").filter_map(|(k, v)| {
            let w = match v.as_str() {
                "ten" => NumberWord::Ten,
                "tens" => NumberWord::Tens,
                "hundred" => NumberWord::Hundred,
                "zero" => NumberWord::Zero,
                v => match v.strip_prefix("after ") {
                    Some(d) => NumberWord::AfterTen(d.parse().ok()?),
                    None => NumberWord::Digit(v.parse().ok()?),
                },
            };
            Some((k, w))
        }));
        // single-syllable scale words also continue a number in words
        let mut words = words;
        for (k, v) in pairs(NUMBERS, "scale") {
            if !k.contains(' ') && k != "trăm" {
                if let Ok(v) = v.parse() {
                    words.insert(&k, NumberWord::Scale(v));
                }
            }
        }
        Rules {
            units,
            per: lexicon(plain(UNITS, "per").chain(plain(UNITS, "time"))),
            tail_phrases: lexicon(plain(UNITS, "tail")),
            tail_proper: lexicon(plain(UNITS, "tail_proper")),
            office: lexicon(plain(UNITS, "office")),
            scale: lexicon(pairs(NUMBERS, "scale").filter_map(|(k, v)| Some((k, v.parse().ok()?)))),
            words,
            percent_words: lexicon([("phần trăm".to_owned(), ())].into_iter()),
            before: lexicon(plain(QUALIFIERS, "before")),
            after: lexicon(plain(QUALIFIERS, "after")),
            percent_head: lexicon(plain(QUALIFIERS, "percent_head")),
            label: lexicon(
                plain(CONTEXT, "label")
                    .map(|(k, ())| (k, true))
                    .chain(plain(CONTEXT, "not_label").map(|(k, ())| (k, false))),
            ),
            label_capital: lexicon(plain(CONTEXT, "label_capital")),
            year_context: lexicon(plain(CONTEXT, "year_context")),
            date_context: lexicon(plain(CONTEXT, "date_context")),
            time_prev: lexicon(plain(CONTEXT, "time_prev")),
            time_of_day: lexicon(plain(CONTEXT, "time_of_day")),
            stop: lexicon(plain(CONTEXT, "stop")),
            range: lexicon(plain(CONTEXT, "range")),
            change: lexicon(plain(CONTEXT, "change")),
            money_cue: lexicon(plain(CONTEXT, "money_cue")),
            bare_link: lexicon(plain(CONTEXT, "bare_link")),
            digits: Regex::new(
                r"(?x)
                  [0-9]+ (?: [.,] [0-9]+ )*                  # a number: 3.754, 98,5, 02
                  (?: [/\-–] [0-9]+ (?: [.,] [0-9]+ )* )*     # joined: 73/73, 01-02, 20/8/2019
                | [½⅓⅔¼¾]                                   # a fraction sign
                ",
            )
            .expect("the digits pattern compiles"),
        }
    }

    /// Every place that may start a quantity, in text order.
    pub(super) fn candidates(&self, t: &str) -> Vec<Candidate> {
        let mut out = Vec::new();
        for m in self.digits.find_iter(t) {
            let (start, end) = (m.start(), m.end());
            let fraction = match m.as_str() {
                "½" => Some((1.0, 2.0)),
                "⅓" => Some((1.0, 3.0)),
                "⅔" => Some((2.0, 3.0)),
                "¼" => Some((1.0, 4.0)),
                "¾" => Some((3.0, 4.0)),
                _ => None,
            };
            out.push(match fraction {
                Some((num, den)) => Candidate::Fraction { start, end, num, den },
                None => Candidate::Digits { start, end },
            });
        }
        let mut words_from = 0;
        for start in word_starts(t) {
            if start < words_from {
                continue;
            }
            let Some(rest) = t.get(start..) else { continue };
            let Some(len) = starts_number_word(rest) else { continue };
            let (read, lone_five) =
                self.may_start_number(t, rest.get(..len).unwrap_or(""), start, start + len);
            if !read {
                continue;
            }
            let Some((end, value)) = self.number_in_words(t, start, lone_five) else { continue };
            words_from = end;
            out.push(Candidate::Words { start, end, value });
        }
        out.sort_by_key(|c| c.span().0);
        out
    }

    /// A quick test before reading a number in words: "năm" (year, five)
    /// and "một" (a, one) start one before a multiplier ("năm mươi", "một
    /// trăm"); "năm" also before a counted noun of the list, unless a word
    /// of time or quantity before it makes it "year" ("năm nhiệm vụ", but
    /// "cuối năm đơn vị …", "mỗi năm hộ …"). The other words always may.
    /// Returns whether to read, and whether a lone "năm" is five.
    fn may_start_number(&self, t: &str, word: &str, start: usize, end: usize) -> (bool, bool) {
        const MULTIPLIERS: [&str; 8] = ["mươi", "trăm", "nghìn", "ngàn", "vạn", "triệu", "tỷ", "tỉ"];
        if !matches!(word, "năm" | "Năm" | "một" | "Một") {
            return (true, false);
        }
        let next = t.get(end..).and_then(|r| r.strip_prefix(' ')).unwrap_or("");
        if MULTIPLIERS
            .iter()
            .any(|m| next.starts_with(m) && !next.get(m.len()..).is_some_and(|r| r.starts_with(is_word_char)))
        {
            return (true, false);
        }
        if !matches!(word, "năm" | "Năm") {
            return (false, false);
        }
        let counted = next_word(t, end).is_some_and(|n| {
            matches!(self.units.longest_at(t, n.start), Some((_, Unit::Count)))
                && self.stop.longest_at(t, n.start).is_none()
        });
        let year_before = self.year_context.longest_before(t, start).is_some()
            || self.stop.longest_before(t, start).is_some_and(|(s, _)| {
                matches!(
                    fold(t.get(s..start).unwrap_or("").trim_end()).as_str(),
                    "mỗi" | "các" | "những" | "từng" | "nhiều" | "ít"
                )
            })
            || prev_word(t, start).is_some_and(|w| {
                matches!(fold(w.text).as_str(), "hằng" | "hàng" | "cả" | "một" | "mấy" | "vài")
            });
        (counted && !year_before, counted && !year_before)
    }

    /// A number written in words starting at `start` (a word start): its
    /// end and value.
    fn number_in_words(&self, t: &str, start: usize, lone_five: bool) -> Option<(usize, f64)> {
        if t.get(..start)?.chars().next_back().is_some_and(char::is_alphanumeric) {
            return None;
        }
        let mut ws = Vec::new();
        let mut ends = Vec::new();
        let mut w = word_at(t, start)?;
        loop {
            let (e, nw) = self.words.longest_at(t, w.start)?;
            if e != w.end {
                break;
            }
            ws.push((*nw, fold(w.text) == "năm"));
            ends.push(w.end);
            match next_word(t, w.end) {
                Some(n) if ws.len() < 8 && self.words.longest_at(t, n.start).is_some() => w = n,
                _ => break,
            }
        }
        if lone_five {
            return Some((ends.first().copied()?, 5.0));
        }
        let (value, used) = words_value(&ws)?;
        Some((*ends.get(used.checked_sub(1)?)?, value))
    }
}
