//! Text normalization: the body every extractor reads, and keys for matching
//! words and names whatever the tone-mark placement.
//!
//! The body is NFC, with every kind of space folded to U+0020, runs of
//! whitespace collapsed inside a paragraph, invisible characters (soft
//! hyphen, zero-width space, BOM) dropped, the Icelandic eth `Ð` read as `Đ`,
//! and paragraphs joined by one blank line. Offsets of entities are offsets
//! into that text and stay valid because no stage changes it afterwards.

use unicode_normalization::{UnicodeNormalization, is_nfc_quick};

/// Normalizes one paragraph: NFC, `Ð`→`Đ`, invisible characters dropped,
/// whitespace (NBSP, tabs, newlines, thin spaces) folded to single spaces,
/// trimmed.
///
/// ```
/// use vnarticle::normalize::paragraph;
/// assert_eq!(paragraph("  Đồng\u{a0}chí \t Đào Viết Hồ\u{ad} "), "Đồng chí Đào Viết Hồ");
/// // NFD input gives NFC output
/// assert_eq!(paragraph("Tie\u{302}\u{301}n"), "Tiến");
/// ```
pub fn paragraph(s: &str) -> String {
    simple_paragraph(s).unwrap_or_else(|| full_paragraph(s))
}

/// What a character of a text is to [`simple_paragraph`].
enum Byte {
    /// A character [`is_normal`] accepts (but the space), so many bytes long.
    Kept(usize),
    /// Whitespace or a control character, so many bytes long.
    Space(usize),
    /// An invisible character, so many bytes long.
    Dropped(usize),
    /// `Ð` or `ð`, read as this.
    Eth(char),
    /// Anything else.
    Other,
}

/// The character of valid UTF-8 `b` that starts at `i`, for the characters
/// [`simple_paragraph`] handles.
#[inline]
fn byte_at(b: &[u8], i: usize) -> Byte {
    let Some(&c) = b.get(i) else { return Byte::Other };
    // continuation bytes of a valid &str; 0 stands for "none" and is never
    // accepted where a continuation is tested
    let at = |k: usize| b.get(i + k).copied().unwrap_or(0);
    match c {
        0x21..=0x7e => Byte::Kept(1),
        0x00..=0x20 | 0x7f => Byte::Space(1),
        0xC2 => match at(1) {
            // C1 controls, no-break space
            0x80..=0xA0 => Byte::Space(2),
            0xAD => Byte::Dropped(2),
            _ => Byte::Kept(2),
        },
        0xC3 => match at(1) {
            0x90 => Byte::Eth('Đ'),
            0xB0 => Byte::Eth('đ'),
            _ => Byte::Kept(2),
        },
        0x80.. => match kept_len(b, i) {
            0 => match (c, at(1), at(2)) {
                // U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000
                (0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF) | (0xE2, 0x81, 0x9F) | (0xE3, 0x80, 0x80) => {
                    Byte::Space(3)
                }
                // U+200B–U+200D, U+2060, U+FEFF, U+FFFE
                (0xE2, 0x80, 0x8B..=0x8D) | (0xE2, 0x81, 0xA0) | (0xEF, 0xBB, 0xBF) | (0xEF, 0xBF, 0xBE) => {
                    Byte::Dropped(3)
                }
                _ => Byte::Other,
            },
            n => Byte::Kept(n),
        },
    }
}

/// The length of the character of valid UTF-8 `b` starting at byte `i`
/// (not ASCII) when it is one [`is_normal`] accepts, else 0.
#[inline(always)]
fn kept_len(b: &[u8], i: usize) -> usize {
    // continuation bytes of a valid &str; 0 stands for "none" and is never
    // accepted where a continuation is tested
    let at = |k: usize| b.get(i + k).copied().unwrap_or(0);
    match b.get(i).copied().unwrap_or(0) {
        // U+00A1–U+00BF but the soft hyphen (C1 controls and NBSP below)
        0xC2 if at(1) >= 0xA1 && at(1) != 0xAD => 2,
        // U+00C0–U+00FF but Ð and ð
        0xC3 if !matches!(at(1), 0x90 | 0xB0) => 2,
        // Latin Extended-A and -B up to U+024F
        0xC4..=0xC8 => 2,
        0xC9 if at(1) <= 0x8F => 2,
        // Latin Extended Additional, U+1E00–U+1EFF
        0xE1 if (0xB8..=0xBB).contains(&at(1)) => 3,
        // U+2010–U+2027 and U+2030–U+205E
        0xE2 => match (at(1), at(2)) {
            (0x80, n) if (0x90..=0xA7).contains(&n) || n >= 0xB0 => 3,
            (0x81, n) if (0x80..=0x9E).contains(&n) => 3,
            _ => 0,
        },
        _ => 0,
    }
}

/// [`paragraph`] in one pass, for a text made of the characters
/// [`is_normal`] accepts, whitespace and control characters (ASCII, C1, the
/// no-break space and the other Unicode spaces), the invisible characters
/// and `Ð`/`ð` — a page's lines nearly always are. None of these decomposes
/// or composes with a neighbour under NFC (but U+2000 and U+2001, which
/// turn into other spaces), so the full path comes down to: invisible
/// characters dropped, `Ð`/`ð` read as `Đ`/`đ`, each run of whitespace and
/// controls between two words one space, none at the ends. Runs of text
/// already in that shape are copied whole. `None` for a text with any other
/// character (pinned to [`full_paragraph`] by a test).
fn simple_paragraph(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < b.len() {
        // between runs: whitespace, controls and invisible characters
        let mut space = false;
        loop {
            match byte_at(b, i) {
                Byte::Space(n) => {
                    space = true;
                    i += n;
                }
                Byte::Dropped(n) => i += n,
                _ => break,
            }
        }
        let start = i;
        let kept = match byte_at(b, i) {
            _ if i >= b.len() => break,
            Byte::Kept(n) => n,
            Byte::Eth(c) => {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                out.push(c);
                i += c.len_utf8();
                continue;
            }
            _ => return None,
        };
        if space && !out.is_empty() {
            out.push(' ');
        }
        // a run of kept characters with single spaces between them
        i += kept;
        let mut end = i;
        while i < b.len() {
            let c = b[i];
            if (0x21..0x7f).contains(&c) {
                i += 1;
            } else if c == b' ' && end == i {
                i += 1;
                continue;
            } else if c < 0x80 {
                break;
            } else {
                match kept_len(b, i) {
                    0 => break,
                    n => i += n,
                }
            }
            end = i;
        }
        out.push_str(s.get(start..end)?);
        i = end;
    }
    Some(out)
}

/// [`paragraph`] for any text.
fn full_paragraph(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    let mut push = |c: char, out: &mut String| {
        if c.is_whitespace() || c.is_control() {
            pending_space = !out.is_empty();
            return;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(match c {
            '\u{d0}' => 'Đ',
            '\u{f0}' => 'đ',
            c => c,
        });
    };
    // invisible characters go before composition: one between a letter and
    // its combining mark would otherwise keep them apart
    let visible = s.chars().filter(|&c| !is_invisible(c));
    if s.is_ascii() || matches!(is_nfc_quick(visible.clone()), unicode_normalization::IsNormalized::Yes) {
        for c in visible {
            push(c, &mut out);
        }
    } else {
        for c in visible.nfc() {
            push(c, &mut out);
        }
    }
    out
}

/// Whether a paragraph is already what [`paragraph`] makes of it, judged in
/// one cheap pass: single inner spaces only, no control or invisible
/// characters, and every other character from ranges that are NFC-stable
/// precomposed letters and common punctuation (ASCII, Latin-1 letters and
/// signs, Latin Extended-A/B, Latin Extended Additional — where Vietnamese
/// lives —, general punctuation). Anything else takes the full path.
pub(crate) fn is_normal(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let mut i = 0;
    let mut prev_space = false;
    while i < b.len() {
        let c = b[i];
        if c < 0x80 {
            if c == b' ' {
                if prev_space {
                    return false;
                }
                prev_space = true;
            } else if c < 0x21 || c == 0x7f {
                return false; // controls, tabs, newlines
            } else {
                prev_space = false;
            }
            i += 1;
            continue;
        }
        prev_space = false;
        match kept_len(b, i) {
            0 => return false,
            n => i += n,
        }
    }
    true
}

/// Characters that carry nothing in running text.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{fffe}')
}

/// Normalizes each paragraph and joins the non-empty ones with a blank line.
///
/// ```
/// let body = vnarticle::normalize::body(["Đoạn một.", "  ", "Đoạn\nhai."]);
/// assert_eq!(body, "Đoạn một.\n\nĐoạn hai.");
/// ```
pub fn body<I, S>(paragraphs: I) -> String
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let mut out = String::new();
    for p in paragraphs {
        let p = p.as_ref();
        let owned;
        let p = if is_normal(p) {
            p
        } else {
            owned = paragraph(p);
            &owned
        };
        if p.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(p);
    }
    out
}

/// A key for comparing words and names: lower case, NFC, one tone-mark
/// placement ("uỷ"/"ủy", "hoá"/"hóa", "khoẻ"/"khỏe" give the same key),
/// `Ð` read as `Đ`, whitespace collapsed.
///
/// ```
/// use vnarticle::normalize::tone_key;
/// assert_eq!(tone_key("Uỷ ban"), tone_key("ủy ban"));
/// assert_eq!(tone_key("Khánh Hoà"), tone_key("khánh hòa"));
/// assert_ne!(tone_key("hòa"), tone_key("hóa"));
/// assert_eq!(tone_key("quý"), "quý"); // after q the u belongs to the consonant
/// ```
pub fn tone_key(s: &str) -> String {
    let owned;
    let s = if is_normal(s) {
        s
    } else {
        owned = paragraph(s);
        &owned
    };
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut key = String::with_capacity(s.len());
    // whether an "o" or "u" stands before a vowel with a tone mark: only
    // then can a tone move
    let mut moves = false;
    let mut prev = ' ';
    for c in s.chars() {
        if c.is_ascii() {
            // no tone mark on an ASCII letter: nothing to move to
            let l = c.to_ascii_lowercase();
            key.push(l);
            prev = l;
            continue;
        }
        push_lower(c, |l| {
            moves = moves || (matches!(prev, 'o' | 'u') && tone_of(l).is_some());
            key.push(l);
            prev = l;
        });
    }
    if !moves {
        return key;
    }
    let mut chars: Vec<char> = key.chars().collect();
    canonical_tone_placement(&mut chars, |c| *c, |c, v| *c = v);
    chars.into_iter().collect()
}

/// Pushes the lower case of `c` (`Ð`, `ð` read as `đ`).
#[inline]
fn push_lower(c: char, mut push: impl FnMut(char)) {
    if c.is_ascii() {
        push(c.to_ascii_lowercase());
    } else if matches!(c, '\u{d0}' | '\u{f0}') {
        push('đ');
    } else if let Some(l) = vietnamese_lower(c) {
        push(l);
    } else {
        c.to_lowercase().for_each(push);
    }
}

/// The lower case of the letters Vietnamese is written with, by arithmetic
/// on their code points (std's `to_lowercase` searches a table for every
/// character); `None` for anything else. Pinned to std by a test.
#[inline]
fn vietnamese_lower(c: char) -> Option<char> {
    let cp = c as u32;
    let lower = match cp {
        // À–Þ but ×
        0xC0..=0xDE if cp != 0xD7 => cp + 0x20,
        0xDF..=0xFF => cp,
        // Ă ă Đ đ Ĩ ĩ Ũ ũ (pairs: upper even, lower odd)
        0x100..=0x12F | 0x168..=0x177 => cp | 1,
        // Ơ ơ, Ư ư
        0x1A0 | 0x1A1 => 0x1A1,
        0x1AF | 0x1B0 => 0x1B0,
        // Latin Extended Additional, upper even, lower odd
        0x1E00..=0x1E95 | 0x1EA0..=0x1EFF => cp | 1,
        _ => return None,
    };
    char::from_u32(lower)
}

/// A lower-cased, tone-placement-canonical view of a text with a map back to
/// the original's byte offsets, for matching word lists (with Aho-Corasick
/// or regex) against a body without caring about case or tone placement.
///
/// ```
/// use vnarticle::normalize::Folded;
/// let text = "Phó Chủ tịch Uỷ ban nhân dân tỉnh";
/// let folded = Folded::new(text);
/// let at = folded.text.find("ủy ban").unwrap();
/// let (start, end) = folded.original_range(at, at + "ủy ban".len());
/// assert_eq!(&text[start..end], "Uỷ ban");
/// ```
#[derive(Debug, Clone)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// `map[i]` is the byte offset in the original of the character that
    /// produced folded byte `i`; one extra entry maps the end.
    map: Vec<u32>,
}

impl Folded {
    /// Folds `original` (which should already be normalized).
    pub fn new(original: &str) -> Self {
        let mut chars: Vec<(usize, char)> = Vec::with_capacity(original.len());
        for (i, c) in original.char_indices() {
            push_lower(c, |l| chars.push((i, l)));
        }
        canonical_tone_placement(&mut chars, |c| c.1, |c, v| c.1 = v);
        let mut text = String::with_capacity(original.len());
        let mut map = Vec::with_capacity(original.len() + 1);
        for (i, c) in chars {
            text.push(c);
            let offset = u32::try_from(i).unwrap_or(u32::MAX);
            map.extend(std::iter::repeat_n(offset, c.len_utf8()));
        }
        map.push(u32::try_from(original.len()).unwrap_or(u32::MAX));
        Folded { text, map }
    }

    /// The byte range in the original of the folded range `start..end`
    /// (which must lie on character boundaries of the folded text).
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.map.get(start).copied().unwrap_or(u32::MAX) as usize;
        // the end maps to the start of the next original character
        let e = if end >= self.map.len() - 1 {
            self.map[self.map.len() - 1] as usize
        } else {
            self.map[end] as usize
        };
        (s.min(e), e)
    }
}

/// Tone variants of a vowel: index 0..5 = grave, acute, hook, tilde, dot.
const TONED: [(char, [char; 5]); 5] = [
    ('a', ['à', 'á', 'ả', 'ã', 'ạ']),
    ('e', ['è', 'é', 'ẻ', 'ẽ', 'ẹ']),
    ('y', ['ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ']),
    ('o', ['ò', 'ó', 'ỏ', 'õ', 'ọ']),
    ('u', ['ù', 'ú', 'ủ', 'ũ', 'ụ']),
];

fn tone_of(c: char) -> Option<(char, usize)> {
    if c.is_ascii() {
        return None;
    }
    TONED.iter().find_map(|(base, toned)| toned.iter().position(|&t| t == c).map(|i| (*base, i)))
}

fn with_tone(base: char, tone: usize) -> char {
    TONED.iter().find(|(b, _)| *b == base).map_or(base, |(_, toned)| toned[tone])
}

/// Moves the tone of a syllable-final "oa", "oe", "uy" onto the first vowel
/// (lower-case input), as the old style writes it: "hoà"→"hòa", "uỷ"→"ủy".
fn canonical_tone_placement<T>(chars: &mut [T], get: impl Fn(&T) -> char, set: impl Fn(&mut T, char)) {
    for i in 0..chars.len().saturating_sub(1) {
        let first = get(&chars[i]);
        if !matches!(first, 'o' | 'u') {
            continue;
        }
        let Some((second_base, tone)) = tone_of(get(&chars[i + 1])) else { continue };
        let pair_ok = matches!((first, second_base), ('o', 'a') | ('o', 'e') | ('u', 'y'));
        let at_end = chars.get(i + 2).is_none_or(|c| !get(c).is_alphanumeric());
        let after_q = i > 0 && get(&chars[i - 1]) == 'q';
        if pair_ok && at_end && !after_q {
            set(&mut chars[i], with_tone(first, tone));
            set(&mut chars[i + 1], second_base);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraph_folds_every_space_and_invisible() {
        let s = "A\u{a0}\u{2003}B\u{200b}C\u{feff} \r\n D\u{202f}E";
        assert_eq!(paragraph(s), "A BC D E");
        assert_eq!(paragraph("\u{a0}\t "), "");
        assert_eq!(paragraph("Ðảng"), "Đảng");
    }

    #[test]
    fn the_fast_path_agrees_with_the_full_one() {
        let samples = [
            "Đồng chí Đào Viết Hồ, Trưởng Ban Tuyên giáo – “học tập” … 98,5% ©",
            " leading",
            "trailing ",
            "double  space",
            "",
            "tab\there",
            "NBSP\u{a0}here",
            "Ðảng",
            "soft\u{ad}hyphen",
            "Tie\u{302}\u{301}n",
            "ủy ban Ω Å",
            "zero\u{200b}width",
        ];
        for s in samples {
            if is_normal(s) {
                let mut slow = String::new();
                for c in s.nfc() {
                    slow.push(c);
                }
                assert_eq!(slow, s, "{s:?} judged normal but is not NFC");
                assert_eq!(s.split(' ').filter(|w| w.is_empty()).count(), usize::from(s.is_empty()), "{s:?}");
            }
        }
        assert!(is_normal("Đồng chí Đào Viết Hồ, Trưởng Ban Tuyên giáo – “học tập” … 98,5%"));
        assert!(!is_normal(" leading") && !is_normal("trailing ") && !is_normal("double  space"));
        assert!(!is_normal("NBSP\u{a0}here") && !is_normal("Ðảng") && !is_normal("Tie\u{302}\u{301}n"));
    }

    /// The character-level statement of what [`is_normal`] accepts.
    fn is_normal_reference(s: &str) -> bool {
        let mut prev_space = true;
        for c in s.chars() {
            let ok = match c {
                ' ' => !prev_space,
                '!'..='~' => true,
                '\u{a1}'..='\u{ac}' | '\u{ae}'..='\u{cf}' | '\u{d1}'..='\u{ef}' | '\u{f1}'..='\u{24f}' => {
                    true
                }
                '\u{1e00}'..='\u{1eff}' | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205e}' => true,
                _ => false,
            };
            if !ok {
                return false;
            }
            prev_space = c == ' ';
        }
        !prev_space || s.is_empty()
    }

    #[test]
    fn is_normal_agrees_with_its_character_level_statement() {
        // every character around the accepted ranges, alone and in words
        let ranges =
            [(0u32, 0x300u32), (0x1dff, 0x1f00), (0x2000, 0x2070), (0xfeff, 0xff00), (0x1f600, 0x1f601)];
        for (lo, hi) in ranges {
            for cp in lo..hi {
                let Some(c) = char::from_u32(cp) else { continue };
                for s in [
                    format!("{c}"),
                    format!("a{c}b"),
                    format!("Đảng {c} ủy"),
                    format!("{c} x"),
                    format!("x {c}"),
                ] {
                    assert_eq!(is_normal(&s), is_normal_reference(&s), "U+{cp:04X} in {s:?}");
                }
            }
        }
    }

    #[test]
    fn the_one_pass_paragraph_agrees_with_the_full_one() {
        let ranges = [
            (0u32, 0x300u32),
            (0x1dff, 0x1f00),
            (0x2000, 0x2070),
            (0x3000, 0x3001),
            (0xfeff, 0xff00),
            (0xfffe, 0xffff),
            (0x1f600, 0x1f601),
        ];
        let mut simple = 0;
        for (lo, hi) in ranges {
            for cp in lo..hi {
                let Some(c) = char::from_u32(cp) else { continue };
                for s in [
                    format!("{c}"),
                    format!("a{c}b"),
                    format!("Đảng {c} ủy"),
                    format!(" {c}  x\t"),
                    format!("x\u{a0}{c}\u{ad} y"),
                    format!("\u{ad}{c}\u{2003}"),
                    format!("{c}\u{301}ể"),
                    format!("Ð{c}ð {c}{c}"),
                    format!("u\u{ad}\u{31b}{c}"),
                ] {
                    assert_eq!(paragraph(&s), full_paragraph(&s), "U+{cp:04X} in {s:?}");
                    simple += usize::from(simple_paragraph(&s).is_some());
                }
            }
        }
        assert!(simple > 5000, "{simple}");
        assert_eq!(
            simple_paragraph("\u{feff} Đồng\u{a0}\u{a0}chí\t Hồ\u{ad}  ").as_deref(),
            Some("Đồng chí Hồ")
        );
        assert_eq!(simple_paragraph("Tie\u{302}\u{301}n"), None);
    }

    #[test]
    fn vietnamese_lower_agrees_with_std() {
        for cp in 0..0x2000u32 {
            let Some(c) = char::from_u32(cp) else { continue };
            if let Some(l) = vietnamese_lower(c) {
                let std: Vec<char> = c.to_lowercase().collect();
                assert_eq!(std, [l], "U+{cp:04X}");
            }
        }
        // every letter of the alphabet takes the fast path
        for c in "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ".chars()
        {
            assert!(vietnamese_lower(c).is_some(), "{c}");
            assert!(vietnamese_lower(c.to_lowercase().next().unwrap()).is_some(), "{c}");
        }
    }

    #[test]
    fn tone_key_matches_the_folded_view() {
        for s in [
            "Uỷ ban Nhân dân",
            "KHÁNH HOÀ",
            "Ðảng ủy",
            "quý I",
            "hoà\u{a0}bình",
            "Tie\u{302}\u{301}n",
            "ASCII Only",
        ] {
            assert_eq!(tone_key(s), Folded::new(&paragraph(s)).text, "{s:?}");
        }
    }

    #[test]
    fn paragraph_is_nfc() {
        let nfd: String = "Ủy ban nhân dân tỉnh Đắk Lắk".nfd().collect();
        assert_ne!(nfd, "Ủy ban nhân dân tỉnh Đắk Lắk");
        assert_eq!(paragraph(&nfd), "Ủy ban nhân dân tỉnh Đắk Lắk");
    }

    #[test]
    fn tone_key_unifies_placement_only() {
        for (a, b) in [("hoá", "hóa"), ("khoẻ", "khỏe"), ("thuỷ", "thủy"), ("Uỷ", "ủy"), ("HOÀ", "hòa")]
        {
            assert_eq!(tone_key(a), tone_key(b), "{a} / {b}");
        }
        // a final consonant fixes the placement: nothing to move
        assert_eq!(tone_key("hoàn"), "hoàn");
        assert_eq!(tone_key("thuyết"), "thuyết");
        assert_ne!(tone_key("hoà"), tone_key("hoá"));
        assert_eq!(tone_key("quý"), "quý");
    }

    #[test]
    fn folded_maps_back_through_case_and_tone_changes() {
        let text = "ỦY BAN tỉnh Khánh Hoà, Đảng ủy";
        let f = Folded::new(text);
        for needle in ["ủy ban", "khánh hòa", "đảng ủy"] {
            let at = f.text.find(needle).unwrap_or_else(|| panic!("{needle} in {}", f.text));
            let (s, e) = f.original_range(at, at + needle.len());
            assert_eq!(tone_key(&text[s..e]), tone_key(needle));
        }
        let (s, e) = f.original_range(0, f.text.len());
        assert_eq!((s, e), (0, text.len()));
    }
}
