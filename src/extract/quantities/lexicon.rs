//! Word lists matched syllable by syllable against the body, whatever the
//! case and the tone placement ("uỷ"/"ủy"), plus the small word-level
//! helpers the rules use to look left and right of a number.
//!
//! A phrase is syllables joined by one space, `-` or `/` ("tổ dân phố",
//! "héc-ta", "đ/c"); the key of a phrase folds each syllable (lower case,
//! one tone placement) and keeps the separators.

use std::collections::HashMap;

/// A table of phrases, each with a value; longest match wins.
#[derive(Debug)]
pub(super) struct Lexicon<V> {
    map: HashMap<String, V>,
    /// The most syllables in any phrase.
    max: usize,
}

impl<V> Lexicon<V> {
    pub(super) fn new() -> Self {
        Lexicon { map: HashMap::new(), max: 0 }
    }

    /// Adds a phrase as written in a word list.
    pub(super) fn insert(&mut self, phrase: &str, value: V) {
        let mut key = String::new();
        let mut n = 0;
        let mut p = 0;
        while let Some(w) = word_at(phrase, p) {
            if n > 0 {
                key.push_str(phrase.get(p.saturating_sub(1)..p).unwrap_or(" "));
            }
            fold_into(w.text, &mut key);
            n += 1;
            p = w.end + 1;
            if p > phrase.len() {
                break;
            }
        }
        if n > 0 {
            self.max = self.max.max(n);
            self.map.insert(key, value);
        }
    }

    /// The longest phrase starting at byte `pos` (a word start): its end and
    /// value.
    pub(super) fn longest_at(&self, text: &str, pos: usize) -> Option<(usize, &V)> {
        let mut key = String::new();
        let mut best = None;
        let mut p = pos;
        for n in 0..self.max {
            let Some(w) = word_at(text, p) else { break };
            fold_into(w.text, &mut key);
            if let Some(v) = self.map.get(&key) {
                best = Some((w.end, v));
            }
            if n + 1 == self.max {
                break;
            }
            // the next syllable, after exactly one joining character
            match text.get(w.end..).and_then(|r| r.chars().next()) {
                Some(c @ (' ' | '-' | '/')) => {
                    key.push(c);
                    p = w.end + 1;
                }
                _ => break,
            }
        }
        best
    }

    /// The longest phrase ending at byte `end` and separated from it by
    /// nothing but one space (`end` is where a number starts): its start and
    /// value.
    pub(super) fn longest_before(&self, text: &str, end: usize) -> Option<(usize, &V)> {
        let before = text.get(..end)?;
        let before = before.strip_suffix(' ')?;
        self.longest_ending(text, before.len())
    }

    /// The longest phrase ending exactly at byte `end` (a word end).
    pub(super) fn longest_ending(&self, text: &str, end: usize) -> Option<(usize, &V)> {
        let mut starts: [usize; 8] = [0; 8];
        let mut n = 0;
        let mut e = end;
        while n < self.max.min(8) {
            let Some(w) = word_before(text, e) else { break };
            if w.end != e {
                break;
            }
            starts[n] = w.start;
            n += 1;
            match text.get(..w.start).and_then(|r| r.chars().next_back()) {
                Some(' ' | '-' | '/') => e = w.start - 1,
                _ => break,
            }
        }
        let mut key = String::new();
        for k in (0..n).rev() {
            let from = starts[k];
            key.clear();
            let mut p = from;
            while let Some(w) = word_at(text, p) {
                if w.start >= end {
                    break;
                }
                if p != from {
                    key.push_str(text.get(w.start - 1..w.start).unwrap_or(" "));
                }
                fold_into(w.text, &mut key);
                p = w.end + 1;
                if w.end >= end {
                    break;
                }
            }
            if let Some(v) = self.map.get(&key) {
                return Some((from, v));
            }
        }
        None
    }
}

/// A word of the body: a maximal run of letters and digits (and the
/// apostrophe inside names such as "N'Jang").
#[derive(Debug, Clone, Copy)]
pub(super) struct Word<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

impl Word<'_> {
    /// Whether the word starts with a capital letter.
    pub(super) fn capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether the word starts with a capital and goes on in lower case
    /// ("Sở", not "TCCS").
    pub(super) fn title_case(&self) -> bool {
        let mut cs = self.text.chars();
        cs.next().is_some_and(char::is_uppercase) && cs.any(char::is_lowercase)
    }

    /// Whether the word is made of letters only (no digits).
    pub(super) fn alphabetic(&self) -> bool {
        self.text.chars().all(char::is_alphabetic)
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The word starting at `pos`, if `pos` is at a word character.
pub(super) fn word_at(text: &str, pos: usize) -> Option<Word<'_>> {
    let rest = text.get(pos..)?;
    let mut end = pos;
    for (i, c) in rest.char_indices() {
        if is_word_char(c)
            || (c == '\''
                && i > 0
                && rest.get(i + 1..).and_then(|r| r.chars().next()).is_some_and(is_word_char))
        {
            end = pos + i + c.len_utf8();
        } else {
            break;
        }
    }
    (end > pos).then(|| Word { start: pos, end, text: text.get(pos..end).unwrap_or("") })
}

/// The word ending at `end`, if the character before `end` is a word
/// character.
pub(super) fn word_before(text: &str, end: usize) -> Option<Word<'_>> {
    let head = text.get(..end)?;
    let mut start = end;
    for (i, c) in head.char_indices().rev() {
        if is_word_char(c) || (c == '\'' && i + 1 < end && start == i + 1) {
            start = i;
        } else {
            break;
        }
    }
    // an apostrophe cannot start a word
    while text.get(start..).is_some_and(|r| r.starts_with('\'')) {
        start += 1;
    }
    (start < end).then(|| Word { start, end, text: text.get(start..end).unwrap_or("") })
}

/// The next word after `pos` when only one space separates them.
pub(super) fn next_word(text: &str, pos: usize) -> Option<Word<'_>> {
    let rest = text.get(pos..)?;
    if !rest.starts_with(' ') {
        return None;
    }
    word_at(text, pos + 1)
}

/// The word before `pos` when only one space separates them.
pub(super) fn prev_word(text: &str, pos: usize) -> Option<Word<'_>> {
    let head = text.get(..pos)?;
    let head = head.strip_suffix(' ')?;
    word_before(text, head.len())
}

/// Whether a word at `start` begins a sentence or a clause set off by
/// punctuation: the paragraph start, or after `.`, `:`, `;`, `!`, `?`, an
/// opening bracket or quote, a dash or an ellipsis.
pub(super) fn sentence_initial(text: &str, start: usize) -> bool {
    let head = text.get(..start).unwrap_or("");
    let head = head.trim_end_matches(' ');
    match head.chars().next_back() {
        None | Some('\n') => true,
        Some(c) => matches!(
            c,
            '.' | ':'
                | ';'
                | '!'
                | '?'
                | '('
                | '['
                | '"'
                | '“'
                | '”'
                | '\''
                | '‘'
                | '-'
                | '–'
                | '—'
                | '…'
                | '•'
                | '*'
                | '+'
        ),
    }
}

/// Appends the folded form of a word (lower case; a final "oa", "oe", "uy"
/// carries its tone on the first vowel, as [`crate::normalize::tone_key`]
/// does) to `out`.
pub(super) fn fold_into(word: &str, out: &mut String) {
    let from = out.len();
    for c in word.chars() {
        match c {
            '\u{d0}' | '\u{f0}' => out.push('đ'),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
    // move the tone of a syllable-final "oa", "oe", "uy" onto the first vowel
    let folded = out.get(from..).unwrap_or("");
    let mut it = folded.char_indices().rev();
    let (Some((i2, second)), Some((i1, first))) = (it.next(), it.next()) else { return };
    let after_q = it.next().is_some_and(|(_, c)| c == 'q');
    if after_q {
        return;
    }
    let Some((base, tone)) = tone_of(second) else { return };
    if !matches!((first, base), ('o', 'a') | ('o', 'e') | ('u', 'y')) {
        return;
    }
    let moved = with_tone(first, tone);
    out.truncate(from + i1);
    out.push(moved);
    out.push(base);
    let _ = i2;
}

/// Tone variants of a vowel: grave, acute, hook, tilde, dot.
const TONED: [(char, [char; 5]); 5] = [
    ('a', ['à', 'á', 'ả', 'ã', 'ạ']),
    ('e', ['è', 'é', 'ẻ', 'ẽ', 'ẹ']),
    ('y', ['ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ']),
    ('o', ['ò', 'ó', 'ỏ', 'õ', 'ọ']),
    ('u', ['ù', 'ú', 'ủ', 'ũ', 'ụ']),
];

fn tone_of(c: char) -> Option<(char, usize)> {
    TONED.iter().find_map(|(base, toned)| toned.iter().position(|&t| t == c).map(|i| (*base, i)))
}

fn with_tone(base: char, tone: usize) -> char {
    TONED.iter().find(|(b, _)| *b == base).map_or(base, |(_, toned)| toned[tone])
}

/// The folded form of a word.
pub(super) fn fold(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    fold_into(word, &mut s);
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::tone_key;

    #[test]
    fn folding_agrees_with_tone_key() {
        for w in ["Uỷ", "ủy", "HOÀ", "hóa", "khoẻ", "quý", "thuỷ", "Đảng", "TCCS", "hoàn", "kWh", "Ð"]
        {
            assert_eq!(fold(w), tone_key(w), "{w}");
        }
    }

    #[test]
    fn longest_match_both_ways() {
        let mut lx = Lexicon::new();
        lx.insert("tổ chức", 1);
        lx.insert("tổ chức cơ sở đảng", 2);
        lx.insert("đảng ủy", 3);
        lx.insert("héc-ta", 4);
        let text = "có 22 tổ chức cơ sở Đảng và 5 Đảng uỷ, 3 héc-ta";
        let at = text.find("tổ").unwrap();
        assert_eq!(lx.longest_at(text, at).map(|(e, v)| (&text[at..e], *v)), Some(("tổ chức cơ sở Đảng", 2)));
        let at = text.find("Đảng uỷ").unwrap();
        assert_eq!(lx.longest_at(text, at).map(|(e, v)| (&text[at..e], *v)), Some(("Đảng uỷ", 3)));
        let at = text.find("héc").unwrap();
        assert_eq!(lx.longest_at(text, at).map(|(_, v)| *v), Some(4));
        let five = text.find(" 5 ").unwrap();
        assert!(lx.longest_before(text, five + 1).is_none());
        let mut lx2 = Lexicon::new();
        lx2.insert("chỉ thị", ());
        lx2.insert("số", ());
        let t = "theo Chỉ thị 05 và Kế hoạch số 08";
        let at = t.find("05").unwrap();
        assert_eq!(lx2.longest_before(t, at).map(|(s, _)| &t[s..at]), Some("Chỉ thị "));
        let at = t.find("08").unwrap();
        assert_eq!(lx2.longest_before(t, at).map(|(s, _)| &t[s..at]), Some("số "));
    }

    #[test]
    fn words_and_sentences() {
        let t = "Xã Nâm N'Jang, có 3 xã.";
        let w = word_at(t, t.find("N'").unwrap()).unwrap();
        assert_eq!(w.text, "N'Jang");
        assert!(sentence_initial(t, 0));
        assert!(!sentence_initial(t, t.find("có").unwrap()));
        assert_eq!(prev_word(t, t.find('3').unwrap()).map(|w| w.text), Some("có"));
        assert_eq!(next_word(t, t.find('3').unwrap() + 1).map(|w| w.text), Some("xã"));
    }
}
