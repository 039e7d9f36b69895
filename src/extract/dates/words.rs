//! The word lists of `words.txt` and the small look-around checks made with
//! them after a regex match: which words stand right before or right after a
//! candidate date.
//!
//! Words are compared by [`tone_key`] (case and tone-mark placement
//! ignored). Only the few words next to a candidate are keyed, so the cost is
//! per candidate, not per character of the body.

use crate::normalize::{Folded, tone_key};
use crate::wordlist;

pub(super) const FILE: &str = include_str!("words.txt");

/// The names of the sections of `words.txt`, for the test that every entry
/// appears in the corpus.
#[cfg(test)]
pub(super) const SECTIONS: &[&str] = &[
    "day_cue",
    "part_of_day",
    "weekday_0",
    "weekday_1",
    "weekday_2",
    "weekday_3",
    "weekday_4",
    "weekday_5",
    "weekday_6",
    "label",
    "relative_day",
    "past_after",
    "year_that",
    "days_before_parenthesis",
    "lunar",
    "period",
    "preposition",
    "follower",
    "festival",
    "can",
    "chi",
    "rate",
    "month_blocker_before",
    "count_after",
    "count_after_month",
    "recurring",
    "year_this",
    "year_last",
    "year_next",
];

/// A list of phrases, each a sequence of word keys.
#[derive(Debug, Default)]
pub(super) struct Phrases(Vec<Vec<String>>);

impl Phrases {
    fn section(name: &str) -> Self {
        let phrases: Vec<Vec<String>> = wordlist::section(FILE, name)
            .map(|entry| entry.split_whitespace().map(tone_key).collect())
            .collect();
        assert!(!phrases.is_empty(), "dates/words.txt: section [{name}] is missing or empty");
        Phrases(phrases)
    }

    /// The longest phrase whose words are the last words of `before`
    /// (nearest word first); returns the number of words it takes.
    pub(super) fn ends(&self, before: &[Word]) -> Option<usize> {
        self.0
            .iter()
            .filter(|p| p.len() <= before.len() && p.iter().rev().zip(before).all(|(want, got)| got.is(want)))
            .map(Vec::len)
            .max()
    }

    /// The longest phrase whose words are the first words of `after`;
    /// returns the number of words it takes.
    pub(super) fn starts(&self, after: &[Word]) -> Option<usize> {
        self.0
            .iter()
            .filter(|p| p.len() <= after.len() && p.iter().zip(after).all(|(want, got)| got.is(want)))
            .map(Vec::len)
            .max()
    }
}

/// Every list the extractor consults.
#[derive(Debug)]
pub(super) struct Lists {
    pub(super) day_cue: Phrases,
    pub(super) part_of_day: Phrases,
    /// Index = weekday, 0 = Monday.
    pub(super) weekdays: [Phrases; 7],
    pub(super) label: Phrases,
    pub(super) relative_day: Phrases,
    pub(super) past_after: Phrases,
    pub(super) days_before_parenthesis: Phrases,
    pub(super) lunar: Phrases,
    pub(super) period: Phrases,
    pub(super) preposition: Phrases,
    pub(super) follower: Phrases,
    /// Festival words and every can-chi year name.
    pub(super) year_name: Phrases,
    /// Every can-chi year name ("Kỷ Hợi", "Canh Tý").
    pub(super) can_chi: Phrases,
    pub(super) rate: Phrases,
    pub(super) month_blocker_before: Phrases,
    pub(super) count_after: Phrases,
    pub(super) count_after_month: Phrases,
    pub(super) recurring: Phrases,
    /// Index 0: this year, 1: last year, 2: next year.
    pub(super) relative_year: [Phrases; 3],
    /// "năm ấy": a past year named before.
    pub(super) year_that: Phrases,
}

impl Lists {
    pub(super) fn new() -> Self {
        let can = Phrases::section("can");
        let chi = Phrases::section("chi");
        let mut can_chi = Phrases::default();
        for stem in &can.0 {
            for branch in &chi.0 {
                can_chi.0.push(stem.iter().chain(branch).cloned().collect());
            }
        }
        let mut year_name = Phrases::section("festival");
        year_name.0.extend(can_chi.0.iter().cloned());
        Lists {
            day_cue: Phrases::section("day_cue"),
            part_of_day: Phrases::section("part_of_day"),
            weekdays: std::array::from_fn(|i| Phrases::section(&format!("weekday_{i}"))),
            label: Phrases::section("label"),
            relative_day: Phrases::section("relative_day"),
            past_after: Phrases::section("past_after"),
            days_before_parenthesis: Phrases::section("days_before_parenthesis"),
            lunar: Phrases::section("lunar"),
            period: Phrases::section("period"),
            preposition: Phrases::section("preposition"),
            follower: Phrases::section("follower"),
            year_name,
            can_chi,
            rate: Phrases::section("rate"),
            month_blocker_before: Phrases::section("month_blocker_before"),
            count_after: Phrases::section("count_after"),
            count_after_month: Phrases::section("count_after_month"),
            recurring: Phrases::section("recurring"),
            relative_year: [
                Phrases::section("year_this"),
                Phrases::section("year_last"),
                Phrases::section("year_next"),
            ],
            year_that: Phrases::section("year_that"),
        }
    }

    /// The weekday named by the last words of `before`, and how many words.
    pub(super) fn weekday_before(&self, before: &[Word]) -> Option<(u32, usize)> {
        (0u32..)
            .zip(&self.weekdays)
            .filter_map(|(day, p)| p.ends(before).map(|n| (day, n)))
            .max_by_key(|&(_, n)| n)
    }

    /// The weekday named by the first words of `after`, and how many words.
    pub(super) fn weekday_after(&self, after: &[Word]) -> Option<(u32, usize)> {
        (0u32..)
            .zip(&self.weekdays)
            .filter_map(|(day, p)| p.starts(after).map(|n| (day, n)))
            .max_by_key(|&(_, n)| n)
    }
}

/// A word of the body next to a candidate.
#[derive(Debug, Clone, Copy)]
pub(super) struct Word<'a> {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) text: &'a str,
    key: Key,
}

/// A word's [`tone_key`], held inline (no list entry is longer than a
/// syllable, so a longer word is given a key that matches nothing).
#[derive(Debug, Clone, Copy)]
struct Key {
    buf: [u8; Key::CAP],
    len: usize,
}

impl Key {
    const CAP: usize = 24;

    fn new(word: &str) -> Key {
        let mut key = Key { buf: [0; Key::CAP], len: 0 };
        if tone_movable(word) {
            key.push_str(&word_key(word));
            return key;
        }
        for c in word.chars() {
            if c.is_ascii() {
                key.push(c.to_ascii_lowercase());
            } else {
                c.to_lowercase().for_each(|l| key.push(if l == '\u{f0}' { 'đ' } else { l }));
            }
        }
        key
    }

    fn push(&mut self, c: char) {
        let n = c.len_utf8();
        match self.buf.get_mut(self.len..self.len + n) {
            Some(slot) if self.len <= Key::CAP => {
                c.encode_utf8(slot);
                self.len += n;
            }
            _ => self.len = Key::CAP + 1, // too long: matches nothing
        }
    }

    fn push_str(&mut self, s: &str) {
        s.chars().for_each(|c| self.push(c));
    }

    fn bytes(&self) -> Option<&[u8]> {
        self.buf.get(..self.len)
    }
}

impl<'a> Word<'a> {
    fn new(start: usize, end: usize, text: &'a str) -> Self {
        Word { start, end, text, key: Key::new(text) }
    }

    /// Whether the word's [`tone_key`] is `key`.
    pub(super) fn is(&self, key: &str) -> bool {
        self.key.bytes() == Some(key.as_bytes())
    }

    /// Whether the word is a number written in digits.
    pub(super) fn is_digits(&self) -> bool {
        !self.text.is_empty() && self.text.bytes().all(|b| b.is_ascii_digit())
    }
}

/// Whether a syllable ends in "oa", "oe", "uy" with the tone on the second
/// vowel (the placement a key moves).
fn tone_movable(word: &str) -> bool {
    let mut rev = word.chars().rev();
    let Some(last) = rev.next().filter(|c| !c.is_ascii()) else { return false };
    let lower = |c: char| c.to_lowercase().next().unwrap_or(c);
    matches!(rev.next().map(lower), Some('o' | 'u'))
        && matches!(
            lower(last),
            'à' | 'á'
                | 'ả'
                | 'ã'
                | 'ạ'
                | 'è'
                | 'é'
                | 'ẻ'
                | 'ẽ'
                | 'ẹ'
                | 'ỳ'
                | 'ý'
                | 'ỷ'
                | 'ỹ'
                | 'ỵ'
        )
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The key of one word of the (NFC) body, equal to its [`tone_key`]: lower
/// case, and the tone of a final "oa", "oe", "uy" on the first vowel. Cheaper
/// than `tone_key`, which also normalizes a whole paragraph.
fn word_key(word: &str) -> String {
    Folded::new(word).text
}

/// Up to `n` words that end at byte `end` of `text`, nearest first, with
/// only spaces between them (punctuation or a paragraph break stops).
pub(super) fn words_before(text: &str, end: usize, n: usize) -> Vec<Word<'_>> {
    let mut out = Vec::with_capacity(n);
    let Some(head) = text.get(..end) else { return out };
    let mut chars = head.char_indices().rev().peekable();
    while out.len() < n {
        // spaces, then a word
        let mut spaces = 0;
        while chars.next_if(|&(_, c)| c == ' ').is_some() {
            spaces += 1;
        }
        if !out.is_empty() && spaces == 0 {
            break;
        }
        let mut start = None;
        let mut word_end = None;
        while let Some((i, c)) = chars.next_if(|&(_, c)| is_word_char(c)) {
            start = Some(i);
            word_end.get_or_insert(i + c.len_utf8());
        }
        match (start, word_end) {
            (Some(s), Some(e)) => out.push(Word::new(s, e, &head[s..e])),
            _ => break,
        }
    }
    out
}

/// Up to `n` words that start at byte `start` of `text`, in order, with
/// only spaces between them.
pub(super) fn words_after(text: &str, start: usize, n: usize) -> Vec<Word<'_>> {
    let mut out = Vec::with_capacity(n);
    let Some(tail) = text.get(start..) else { return out };
    let mut chars = tail.char_indices().peekable();
    while out.len() < n {
        let mut spaces = 0;
        while chars.next_if(|&(_, c)| c == ' ').is_some() {
            spaces += 1;
        }
        if !out.is_empty() && spaces == 0 {
            break;
        }
        let mut first = None;
        let mut last = None;
        while let Some((i, c)) = chars.next_if(|&(_, c)| is_word_char(c)) {
            first.get_or_insert(i);
            last = Some(i + c.len_utf8());
        }
        match (first, last) {
            (Some(s), Some(e)) => out.push(Word::new(start + s, start + e, &tail[s..e])),
            _ => break,
        }
    }
    out
}

/// The first character before byte `at` that is not a space, with its
/// offset.
pub(super) fn char_before(text: &str, at: usize) -> Option<(usize, char)> {
    text.get(..at)?.char_indices().rev().find(|&(_, c)| c != ' ')
}

/// The first character at or after byte `at` that is not a space, with its
/// offset.
pub(super) fn char_after(text: &str, at: usize) -> Option<(usize, char)> {
    let tail = text.get(at..)?;
    tail.char_indices().find(|&(_, c)| c != ' ').map(|(i, c)| (at + i, c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_around_a_position() {
        let text = "Sáng thứ Hai, ngày 17/5/2021 (thứ hai)";
        let at = text.find("17").unwrap();
        let before = words_before(text, at, 3);
        assert_eq!(before.len(), 1, "the comma stops: {before:?}");
        assert!(before[0].is("ngày"));
        let comma = text.find(',').unwrap();
        let before = words_before(text, comma, 3);
        let keys: Vec<&str> = before.iter().map(|w| w.text).collect();
        assert_eq!(keys, ["Hai", "thứ", "Sáng"]);
        let after = words_after(text, text.find("thứ hai").unwrap(), 3);
        let keys: Vec<&str> = after.iter().map(|w| w.text).collect();
        assert_eq!(keys, ["thứ", "hai"]);
    }

    #[test]
    fn word_keys_are_tone_keys() {
        for w in ["Ngày", "THÁNG", "khoá", "khóa", "Thuỷ", "quý", "Hoà", "Đêm", "ĐẢNG", "2019", "hoàn"]
        {
            assert_eq!(word_key(w), tone_key(w), "{w}");
            let word = Word::new(0, w.len(), w);
            assert!(word.is(&tone_key(w)), "{w}");
        }
    }

    #[test]
    fn a_long_word_matches_nothing() {
        let w = "nghiêngnghiêngnghiêngnghiêng";
        assert!(!Word::new(0, w.len(), w).is(&tone_key(w)));
    }

    #[test]
    fn phrases_match_longest_and_ignore_tone_placement() {
        let lists = Lists::new();
        let text = "Tết Nguyên đán Kỷ Hợi";
        let before = words_before(text, text.len(), 4);
        assert_eq!(lists.year_name.ends(&before), Some(2));
        let text = "niên khoá";
        assert_eq!(lists.period.ends(&words_before(text, text.len(), 3)), Some(2));
        let text = "thứ Sáu";
        assert_eq!(lists.weekday_before(&words_before(text, text.len(), 3)), Some((4, 2)));
    }
}
