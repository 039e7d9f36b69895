//! Word lists matched syllable by syllable against the body, whatever the
//! case and the tone placement ("uỷ"/"ủy"), plus the small word-level
//! helpers the rules use to look left and right of a number.
//!
//! A phrase is syllables joined by one space, `-` or `/` ("tổ dân phố",
//! "héc-ta", "đ/c"); the key of a phrase folds each syllable (lower case,
//! one tone placement) and keeps the separators.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: keys are a few bytes long and come from the program's own word
/// lists, so a fast hash without flooding resistance serves.
#[derive(Default)]
pub(super) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Map<V> = HashMap<String, V, BuildHasherDefault<Fnv>>;

/// A table of phrases, each with a value; longest match wins. Every proper
/// prefix and suffix of a phrase (in syllables) is known too, so that a
/// lookup stops at the first syllable no phrase continues with.
#[derive(Debug)]
pub(super) struct Lexicon<V> {
    /// Phrases and their proper prefixes.
    map: Map<Slot<V>>,
    /// Proper suffixes of the phrases.
    suffixes: Map<()>,
    /// The most syllables in any phrase.
    max: usize,
}

#[derive(Debug)]
struct Slot<V> {
    /// The value when the key is a whole phrase.
    value: Option<V>,
    /// Some phrase goes on after the key.
    prefix: bool,
}

impl<V> Lexicon<V> {
    pub(super) fn new() -> Self {
        Lexicon { map: Map::default(), suffixes: Map::default(), max: 0 }
    }

    /// Adds a phrase as written in a word list.
    pub(super) fn insert(&mut self, phrase: &str, value: V) {
        // (separator before, folded syllable)
        let mut syllables: Vec<(String, String)> = Vec::new();
        let mut p = 0;
        while let Some(w) = word_at(phrase, p) {
            let sep =
                if syllables.is_empty() { "" } else { phrase.get(p.saturating_sub(1)..p).unwrap_or(" ") };
            syllables.push((sep.to_owned(), fold(w.text)));
            p = w.end + 1;
            if p > phrase.len() {
                break;
            }
        }
        let n = syllables.len();
        if n == 0 {
            return;
        }
        let join = |from: usize, to: usize| {
            let mut key = String::new();
            for (k, (sep, syl)) in syllables.iter().enumerate().take(to).skip(from) {
                if k > from {
                    key.push_str(sep);
                }
                key.push_str(syl);
            }
            key
        };
        for k in 1..n {
            self.map.entry(join(0, k)).or_insert(Slot { value: None, prefix: false }).prefix = true;
            self.suffixes.insert(join(k, n), ());
        }
        self.map.entry(join(0, n)).or_insert(Slot { value: None, prefix: false }).value = Some(value);
        self.max = self.max.max(n);
    }

    /// The longest phrase starting at byte `pos` (a word start): its end and
    /// value.
    pub(super) fn longest_at(&self, text: &str, pos: usize) -> Option<(usize, &V)> {
        with_key(|key, _| self.longest_at_with(text, pos, key))
    }

    fn longest_at_with(&self, text: &str, pos: usize, key: &mut String) -> Option<(usize, &V)> {
        let mut best = None;
        let mut p = pos;
        while let Some(w) = word_at(text, p) {
            fold_into(w.text, key);
            let Some(slot) = self.map.get(key.as_str()) else { break };
            if let Some(v) = &slot.value {
                best = Some((w.end, v));
            }
            if !slot.prefix {
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
        with_key(|key, syllable| {
            let mut best = None;
            let mut e = end;
            while let Some(w) = word_before(text, e) {
                // key = this syllable + separator + key
                syllable.clear();
                fold_into(w.text, syllable);
                if e != end {
                    syllable.push_str(text.get(e..e + 1).unwrap_or(" "));
                }
                syllable.push_str(key);
                std::mem::swap(key, syllable);
                if let Some(Slot { value: Some(v), .. }) = self.map.get(key.as_str()) {
                    best = Some((w.start, v));
                }
                if !self.suffixes.contains_key(key.as_str()) {
                    break;
                }
                match text.get(..w.start).and_then(|r| r.chars().next_back()) {
                    Some(' ' | '-' | '/') => e = w.start - 1,
                    _ => break,
                }
            }
            best
        })
    }
}

thread_local! {
    /// Buffers for the key being built by a lookup, reused across lookups.
    static KEYS: RefCell<(String, String)> = RefCell::new((String::with_capacity(64), String::with_capacity(64)));
}

/// Runs `f` with the reusable key buffers (fresh ones if they are in use).
fn with_key<R>(f: impl FnOnce(&mut String, &mut String) -> R) -> R {
    KEYS.with(|k| match k.try_borrow_mut() {
        Ok(mut keys) => {
            let (key, other) = &mut *keys;
            key.clear();
            other.clear();
            f(key, other)
        }
        Err(_) => f(&mut String::new(), &mut String::new()),
    })
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
        self.text.chars().all(is_letter)
    }
}

/// Whether a character is a letter, quickly for the Latin letters
/// Vietnamese is written with.
pub(super) fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    match c {
        '\u{c0}'..='\u{ff}' => c != '×' && c != '÷',
        '\u{100}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}' => true,
        _ => c.is_alphabetic(),
    }
}

/// Letters and digits make words.
pub(super) fn is_word_char(c: char) -> bool {
    c.is_ascii_digit() || is_letter(c) || (!c.is_ascii() && c.is_numeric())
}

/// The word starting at `pos`, if `pos` is at a word character.
pub(super) fn word_at(text: &str, pos: usize) -> Option<Word<'_>> {
    let rest = text.get(pos..)?;
    let mut len = 0;
    let mut chars = rest.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if is_word_char(c) {
            len = i + c.len_utf8();
        } else if c == '\'' && len > 0 && len == i && chars.peek().is_some_and(|&(_, n)| is_word_char(n)) {
            len = i + 1;
        } else {
            break;
        }
    }
    (len > 0).then(|| Word { start: pos, end: pos + len, text: rest.get(..len).unwrap_or("") })
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
            c => match fast_lower(c) {
                Some(l) => out.push(l),
                None => out.extend(c.to_lowercase()),
            },
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

/// The lower case of a Vietnamese letter without the Unicode tables:
/// Latin-1 capitals are 0x20 below, Latin Extended Additional (ạ … ỹ) and
/// the Latin Extended-A letters Vietnamese uses (ă, đ, ĩ, ũ) pair an even
/// capital with the odd small letter after it; "ơ", "ư" likewise.
fn fast_lower(c: char) -> Option<char> {
    let u = c as u32;
    let lower = match u {
        0xc0..=0xde if u != 0xd7 => u + 0x20,
        0xdf..=0xff => u,
        0x102 | 0x110 | 0x128 | 0x168 | 0x1a0 | 0x1af => u + 1,
        0x103 | 0x111 | 0x129 | 0x169 | 0x1a1 | 0x1b0 => u,
        0x1ea0..=0x1ef9 => u | 1,
        _ => return None,
    };
    char::from_u32(lower)
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
    fn fast_lower_agrees_with_unicode() {
        for c in ('\u{c0}'..='\u{24f}').chain('\u{1ea0}'..='\u{1ef9}') {
            if let Some(l) = fast_lower(c) {
                assert_eq!(Some(l), c.to_lowercase().next(), "{c}");
                assert_eq!(c.to_lowercase().count(), 1, "{c}");
            }
        }
    }

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
