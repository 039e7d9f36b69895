//! Tokens of a body for the officials rules: syllables (words) and
//! punctuation, each with its range in the original text (what mentions and
//! titles are cut from) and a folded key (lower case, one tone placement:
//! what word lists are matched against, as [`crate::normalize::tone_key`]
//! folds them).
//!
//! One pass over the text, one buffer for every key: no allocation per
//! token.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// A syllable, an abbreviation ("UBND", "GD&ĐT", "PGS.TS", "đ/c") or a
    /// number.
    Word,
    /// One punctuation character.
    Punct(char),
    /// A paragraph break.
    Break,
}

/// One token.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    pub kind: Kind,
    /// Byte range in the original text.
    pub os: u32,
    pub oe: u32,
    /// Byte range of the folded key in [`Doc::keys`]; `ks` is `u32::MAX`
    /// when the key is the original text.
    ks: u32,
    ke: u32,
    /// Starts with an upper-case letter in the original.
    pub cap: bool,
    /// Two or more letters, all upper case ("UBND", "BTV").
    pub all_caps: bool,
    /// Holds a digit.
    pub digit: bool,
    /// Separated from the previous token by exactly one space.
    pub one_space_before: bool,
    /// Separated from the previous token by any whitespace.
    pub space_before: bool,
}

/// A body cut into tokens.
pub(super) struct Doc<'a> {
    pub text: &'a str,
    keys: String,
    pub toks: Vec<Tok>,
}

/// `char::is_alphanumeric` with a fast path for ASCII and the Latin blocks
/// Vietnamese is written in.
pub(super) fn is_letter(c: char) -> bool {
    match c as u32 {
        0..=0x7f => c.is_ascii_alphanumeric(),
        0xc0..=0x24f => c != '×' && c != '÷',
        0x1e00..=0x1eff => true,
        _ => c.is_alphanumeric(),
    }
}

/// The lower case of a letter of the alphabets Vietnamese is written in
/// (`Ð` read as `đ`), without the general Unicode tables; `None` for other
/// characters.
#[inline]
pub(super) fn lower(c: char) -> Option<char> {
    let u = c as u32;
    let l = match u {
        0x41..=0x5a => u + 0x20,
        0..=0x7f => u,
        0xd0 | 0xf0 => 0x111,
        0xc0..=0xde if u != 0xd7 => u + 0x20,
        0xdf..=0xff => u,
        // Ă ă … Đ đ … Ĩ ĩ … Ũ ũ: upper case even, lower case odd
        0x100..=0x12f | 0x132..=0x137 | 0x14a..=0x177 => u | 1,
        0x1a0 | 0x1a1 => 0x1a1,
        0x1af | 0x1b0 => 0x1b0,
        // Latin Extended Additional: Ạ ạ … Ỹ ỹ
        0x1e00..=0x1e95 | 0x1ea0..=0x1ef9 => u | 1,
        _ => return None,
    };
    char::from_u32(l)
}

/// What a letter of a word says about the word: whether folding changes it
/// (`lower` does), whether it is alphabetic and whether it is upper case (as
/// `char::is_alphabetic` and `char::is_uppercase` say), by arithmetic for
/// ASCII and the Latin letters [`lower`] knows: the Unicode tables cost a
/// search for every character.
#[inline]
fn letter_case(c: char) -> (bool, bool, bool) {
    if c.is_ascii() {
        let upper = c.is_ascii_uppercase();
        return (upper, c.is_ascii_alphabetic(), upper);
    }
    // the toned vowels Ạ ạ … Ỹ ỹ, most of Vietnamese's non-ASCII letters:
    // upper case even, lower case odd
    let u = c as u32;
    if (0x1ea0..=0x1ef9).contains(&u) {
        let upper = u & 1 == 0;
        return (upper, true, upper);
    }
    match lower(c) {
        // `lower` passes "÷" through and reads "ð" as "đ"
        Some(l) => (l != c, c != '÷', l != c && c != 'ð'),
        None => (true, c.is_alphabetic(), c.is_uppercase()),
    }
}

/// The case of a word's letters, gathered while it is read.
#[derive(Default)]
struct WordCase {
    /// Whether folding changes one of the letters.
    changes: bool,
    first_upper: bool,
    /// Alphabetic characters, and how many are upper case.
    letters: usize,
    upper: usize,
    digit: bool,
}

impl WordCase {
    fn first(c: char) -> Self {
        let (changes, alphabetic, upper) = letter_case(c);
        WordCase {
            changes,
            first_upper: upper,
            letters: usize::from(alphabetic),
            upper: usize::from(alphabetic && upper),
            digit: c.is_ascii_digit(),
        }
    }

    #[inline]
    fn add_ascii(&mut self, b: u8) {
        let upper = b.is_ascii_uppercase();
        self.changes |= upper;
        self.letters += usize::from(b.is_ascii_alphabetic());
        self.upper += usize::from(upper);
        self.digit |= b.is_ascii_digit();
    }

    #[inline]
    fn add(&mut self, c: char) {
        let (changes, alphabetic, upper) = letter_case(c);
        self.changes |= changes;
        self.letters += usize::from(alphabetic);
        self.upper += usize::from(alphabetic && upper);
        self.digit |= c.is_ascii_digit();
    }
}

/// The character at byte `i` of `s` (`None` at the end), with a fast path
/// for ASCII.
#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => s.get(i..).and_then(|r| r.chars().next()),
        None => None,
    }
}

fn joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '&' | '/' | '.')
}

/// A toned "a", "e" or "y" (the second vowel of "oa", "oe", "uy"): the
/// vowel and its tone (0–4: grave, acute, hook, tilde, dot).
fn second_vowel_tone(c: char) -> Option<(char, usize)> {
    Some(match c {
        'à' => ('a', 0),
        'á' => ('a', 1),
        'ả' => ('a', 2),
        'ã' => ('a', 3),
        'ạ' => ('a', 4),
        'è' => ('e', 0),
        'é' => ('e', 1),
        'ẻ' => ('e', 2),
        'ẽ' => ('e', 3),
        'ẹ' => ('e', 4),
        'ỳ' => ('y', 0),
        'ý' => ('y', 1),
        'ỷ' => ('y', 2),
        'ỹ' => ('y', 3),
        'ỵ' => ('y', 4),
        _ => return None,
    })
}

/// "o" or "u" with a tone (0–4).
fn first_vowel_toned(base: char, tone: usize) -> char {
    let o = ['ò', 'ó', 'ỏ', 'õ', 'ọ'];
    let u = ['ù', 'ú', 'ủ', 'ũ', 'ụ'];
    match base {
        'o' => o[tone.min(4)],
        _ => u[tone.min(4)],
    }
}

/// Folds one word into `out`: lower case, `Ð` read as `Đ`, the tone of a
/// syllable-final "oa", "oe", "uy" on the first vowel ("hoà" → "hòa",
/// "uỷ" → "ủy"; not after "q"), as `normalize::Folded` does.
pub(super) fn fold_word(word: &str, out: &mut String) {
    if word.is_ascii() {
        out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        return;
    }
    let start = out.len();
    let (mut p2, mut p1, mut last) = ('\0', '\0', '\0');
    for c in word.chars() {
        match lower(c) {
            Some(l) => {
                out.push(l);
                (p2, p1, last) = (p1, last, l);
            }
            None => {
                for l in c.to_lowercase() {
                    out.push(l);
                    (p2, p1, last) = (p1, last, l);
                }
            }
        }
    }
    // the tone of a final "oa", "oe", "uy" goes on the first vowel
    let Some((second, tone)) = second_vowel_tone(last) else { return };
    let pair_ok = matches!((p1, second), ('o', 'a') | ('o', 'e') | ('u', 'y'));
    if !pair_ok || p2 == 'q' || out.len() < start + p1.len_utf8() + last.len_utf8() {
        return;
    }
    out.truncate(out.len() - p1.len_utf8() - last.len_utf8());
    out.push(first_vowel_toned(p1, tone));
    out.push(second);
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str) -> Self {
        Doc::filtered(text, |_| true)
    }

    /// The tokens of the paragraphs (lines) of `text` that `keep` accepts,
    /// a break between two of them; offsets stay those of `text`.
    pub fn filtered(text: &'a str, keep: impl Fn(&str) -> bool) -> Self {
        // about a token per six bytes of running text (capped: a huge page
        // grows its vector as usual)
        let toks = Vec::with_capacity((text.len() / 6).min(1 << 16));
        let mut d = Doc { text, keys: String::new(), toks };
        let mut start = 0;
        for line in text.split('\n') {
            let end = start + line.len();
            if !line.trim().is_empty() && keep(line) {
                if let Some(nl) = start.checked_sub(1).filter(|_| !d.toks.is_empty()) {
                    d.toks.push(Tok {
                        kind: Kind::Break,
                        os: u32_of(nl),
                        oe: u32_of(start),
                        ks: u32::MAX,
                        ke: 0,
                        cap: false,
                        all_caps: false,
                        digit: false,
                        one_space_before: false,
                        space_before: false,
                    });
                }
                d.tokenize(start, end);
            }
            start = end + 1;
        }
        d
    }

    /// Appends the tokens of `text[from..to]` (no line break inside).
    ///
    /// One pass over the characters: a word's flags (capital, digits, all
    /// capitals) are gathered while it is read, with the Unicode tables
    /// consulted only outside the Latin blocks ([`letter_case`]).
    fn tokenize(&mut self, from: usize, to: usize) {
        let text = self.text;
        let Some(slice) = text.get(from..to) else { return };
        let mut prev_end = from;
        let mut pos = 0;
        while let Some(c) = char_at(slice, pos) {
            let i = from + pos;
            pos += c.len_utf8();
            if c == ' ' || c.is_whitespace() {
                continue;
            }
            // the whitespace since the previous token: one space, or any
            let one_space_before = i == prev_end + 1 && text.as_bytes().get(prev_end) == Some(&b' ');
            let space_before = i > prev_end;
            if !is_letter(c) {
                let end = i + c.len_utf8();
                let cap = if c.is_ascii() { c.is_ascii_uppercase() } else { c.is_uppercase() };
                self.toks.push(Tok {
                    kind: Kind::Punct(c),
                    os: u32_of(i),
                    oe: u32_of(end),
                    ks: u32::MAX,
                    ke: 0,
                    cap,
                    all_caps: false,
                    digit: false,
                    one_space_before,
                    space_before,
                });
                prev_end = end;
                continue;
            }
            let bytes = slice.as_bytes();
            let mut prev = c;
            let mut word = WordCase::first(c);
            loop {
                // ASCII letters and digits, the most frequent, without
                // decoding
                if let Some(&x) = bytes.get(pos).filter(|x| x.is_ascii_alphanumeric()) {
                    word.add_ascii(x);
                    prev = char::from(x);
                    pos += 1;
                    continue;
                }
                let Some(d) = char_at(slice, pos) else { break };
                if is_letter(d) {
                    word.add(d);
                    prev = d;
                    pos += d.len_utf8();
                    continue;
                }
                // "GD&ĐT", "H'Nghia", "đ/c", "PGS.TS": a joiner between
                // two letters; "GD& ĐT" keeps "&" on the left
                if joiner(d) && is_letter(prev) {
                    let after = pos + d.len_utf8();
                    let next = char_at(slice, after);
                    let joins = match d {
                        '&' => true,
                        '.' => next.is_some_and(char::is_alphabetic) && prev.is_alphabetic(),
                        _ => next.is_some_and(is_letter),
                    };
                    if joins {
                        prev = d;
                        pos = after;
                        continue;
                    }
                    // "K' Mák", "H' Nghia": a gender prefix written apart
                    // from the capitalised given name is a word of its own
                    let prefix = matches!(d, '\'' | '’')
                        && matches!(c, 'K' | 'H')
                        && from + pos == i + 1
                        && next == Some(' ')
                        && char_at(slice, after + 1).is_some_and(char::is_uppercase);
                    if prefix {
                        pos = after;
                    }
                }
                break;
            }
            let end = from + pos;
            // whether folding changes the word: a capital, "ð", a final
            // "oà", "uỷ" … (most words are their own key)
            // (a word ending in an ASCII byte has no toned final vowel)
            let changes = word.changes
                || text.as_bytes().get(end.wrapping_sub(1)).is_some_and(|&b| !b.is_ascii()) && {
                    let mut last = text.get(i..end).unwrap_or("").chars().rev();
                    let (prev, p1, p2) = (last.next(), last.next(), last.next());
                    match prev.and_then(second_vowel_tone) {
                        Some((second, _)) => {
                            matches!((p1, second), (Some('o'), 'a' | 'e') | (Some('u'), 'y'))
                                && p2 != Some('q')
                        }
                        None => false,
                    }
                };
            let ks = self.keys.len();
            let (ks, ke) = if changes {
                fold_word(text.get(i..end).unwrap_or(""), &mut self.keys);
                (ks, self.keys.len())
            } else {
                (usize::MAX, 0)
            };
            self.toks.push(Tok {
                kind: Kind::Word,
                os: u32_of(i),
                oe: u32_of(end),
                ks: u32_of(ks),
                ke: u32_of(ke),
                cap: word.first_upper,
                // only a capitalised word can be all capitals
                all_caps: word.first_upper && word.letters >= 2 && word.upper == word.letters,
                digit: word.digit,
                one_space_before,
                space_before,
            });
            prev_end = end;
        }
    }

    /// The folded form of token `i` ("" out of range).
    pub fn key(&self, i: usize) -> &str {
        let Some(t) = self.toks.get(i) else { return "" };
        let key = if t.ks == u32::MAX {
            self.text.get(t.os as usize..t.oe as usize)
        } else {
            self.keys.get(t.ks as usize..t.ke as usize)
        };
        key.unwrap_or("")
    }

    /// The original text of tokens `a..b`.
    pub fn span(&self, a: usize, b: usize) -> &'a str {
        match (self.toks.get(a), b.checked_sub(1).and_then(|l| self.toks.get(l))) {
            (Some(s), Some(e)) if a < b => self.text.get(s.os as usize..e.oe as usize).unwrap_or(""),
            _ => "",
        }
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    pub fn is_cap_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Word && t.cap)
    }

    pub fn is_lower_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Word && !t.cap && !t.digit)
    }

    pub fn punct(&self, i: usize) -> Option<char> {
        match self.toks.get(i)?.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }

    /// Whether token `i` begins a sentence: the first of its paragraph, or
    /// after a full stop, a colon or a question or exclamation mark.
    pub fn sentence_start(&self, i: usize) -> bool {
        i == 0
            || matches!(
                self.toks.get(i - 1).map(|t| t.kind),
                Some(Kind::Break | Kind::Punct('.' | ':' | '?' | '!' | '…'))
            )
    }
}

fn u32_of(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::tone_key;

    #[test]
    fn words_abbreviations_and_punctuation() {
        let d = Doc::new("đ/c Phan Văn Hợp,Tỉnh uỷ viên; Sở GD& ĐT, PGS.TS H'Nghia –\n\nBà HOÀ");
        let keys: Vec<&str> = (0..d.toks.len()).map(|i| d.key(i)).collect();
        assert_eq!(
            keys,
            [
                "đ/c", "phan", "văn", "hợp", ",", "tỉnh", "ủy", "viên", ";", "sở", "gd&", "đt", ",",
                "pgs.ts", "h'nghia", "–", "\n", "bà", "hòa"
            ]
        );
        assert!(d.toks[1].cap && !d.toks[0].cap);
        assert!(!d.toks[5].space_before && d.toks[6].one_space_before);
        assert!(d.toks[18].all_caps && !d.toks[17].all_caps);
        assert_eq!(d.span(1, 4), "Phan Văn Hợp");
        assert!(d.sentence_start(17));
        assert_eq!(d.punct(4), Some(','));
    }

    #[test]
    fn paragraphs_can_be_skipped() {
        let text = "Một\n\nhai ba\n\nBốn";
        let d = Doc::filtered(text, |p| p != "hai ba");
        let keys: Vec<&str> = (0..d.toks.len()).map(|i| d.key(i)).collect();
        assert_eq!(keys, ["một", "\n", "bốn"]);
        assert_eq!(d.span(2, 3), "Bốn");
        assert!(d.sentence_start(2));
    }

    #[test]
    fn fast_lower_case_agrees_with_unicode() {
        for u in 0..0x1f00u32 {
            let Some(c) = char::from_u32(u) else { continue };
            if let Some(l) = lower(c) {
                let want =
                    if matches!(c, '\u{d0}' | '\u{f0}') { 'đ' } else { c.to_lowercase().next().unwrap() };
                assert_eq!(l, want, "{c} U+{u:04X}");
            }
        }
    }

    #[test]
    fn fast_case_agrees_with_unicode() {
        for u in 0..0x2000u32 {
            let Some(c) = char::from_u32(u) else { continue };
            let changes = lower(c) != Some(c);
            assert_eq!(letter_case(c), (changes, c.is_alphabetic(), c.is_uppercase()), "{c} U+{u:04X}");
        }
    }

    #[test]
    fn keys_fold_like_tone_key() {
        for w in ["Hoà", "THUỶ", "Quý", "khoẻ", "Ðảng", "Nguyễn"] {
            let d = Doc::new(w);
            assert_eq!(d.key(0), tone_key(w), "{w}");
        }
    }
}
