//! The word lists of the documents extractor, loaded once: type words
//! (`kinds.txt`), symbol codes (`codes.txt`), issuing bodies
//! (`issuers.txt`) and the words allowed after a bare number
//! (`after_number.txt`); and what is derived from them: the canonical form
//! of a code, the likely code behind a misspelt one, the family of an
//! issuer.

use crate::normalize::tone_key;
use crate::wordlist;
use unicode_normalization::UnicodeNormalization;

pub(crate) const KINDS: &str = include_str!("kinds.txt");
pub(crate) const CODES: &str = include_str!("codes.txt");
pub(crate) const ISSUERS: &str = include_str!("issuers.txt");
pub(crate) const AFTER_NUMBER: &str = include_str!("after_number.txt");

/// What a type word needs besides itself to be a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Need {
    /// "Chỉ thị 05"
    Bare,
    /// "Báo cáo số 12" or a code
    Numbered,
    /// a code
    Coded,
    /// a code, which gives the kind ("văn bản số 102/SYT-NVY")
    Generic,
    /// an abbreviation written as listed (capitals) and a number, glued
    /// or not: "NQ57", "NĐ 178"
    Glued,
}

/// A type word of `kinds.txt`.
#[derive(Debug, Clone)]
pub(crate) struct KindWord {
    pub surface: &'static str,
    pub kind: &'static str,
    pub need: Need,
}

/// Party or state symbol.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Family {
    /// NUMBER-TYPE/ISSUER
    Party,
    /// NUMBER[/YEAR]/TYPE-ISSUER
    State,
}

/// An issuing body of `issuers.txt`.
#[derive(Debug, Clone)]
pub(crate) struct IssuerName {
    /// The folded spelling.
    folded: String,
    /// It, and it with the other tone placement ("ủy" / "uỷ"), lower case:
    /// what is matched in text.
    spellings: Vec<String>,
    pub canonical: &'static str,
    pub code: &'static str,
}

/// A body named in the text: its canonical name and code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Issuer {
    pub name: &'static str,
    pub code: &'static str,
}

/// Every word list, parsed.
#[derive(Debug)]
pub(crate) struct Lexicon {
    pub kinds: Vec<KindWord>,
    party_types: Vec<(&'static str, &'static str)>,
    state_types: Vec<(&'static str, &'static str)>,
    party_issuers: Vec<&'static str>,
    state_issuers: Vec<&'static str>,
    /// Longest spelling first.
    issuers: Vec<IssuerName>,
    /// `issuers` by the first word of their spellings (both tone
    /// placements), longest spelling first.
    issuers_by_first: Vec<(Vec<String>, Vec<usize>)>,
    after_number: Vec<String>,
}

fn pairs(section: &'static str) -> Vec<(&'static str, &'static str)> {
    wordlist::section(CODES, section)
        .filter_map(|l| l.split_once('=').map(|(a, k)| (a.trim(), k.trim())))
        .collect()
}

impl Lexicon {
    pub(crate) fn new() -> Self {
        let mut kinds = Vec::new();
        let sections = [
            ("bare", Need::Bare),
            ("numbered", Need::Numbered),
            ("coded", Need::Coded),
            ("generic", Need::Generic),
            ("glued", Need::Glued),
        ];
        for (section, need) in sections {
            for line in wordlist::section(KINDS, section) {
                let (surface, kind) = match line.split_once('=') {
                    Some((s, k)) => (s.trim(), k.trim()),
                    None => (line, line),
                };
                kinds.push(KindWord { surface, kind, need });
            }
        }
        let mut issuers = Vec::new();
        for line in wordlist::lines(ISSUERS) {
            let mut parts = line.split('|').map(str::trim);
            let (Some(canonical), Some(code)) = (parts.next(), parts.next()) else { continue };
            let others = parts.next().unwrap_or("");
            for spelling in std::iter::once(canonical).chain(others.split(';').map(str::trim)) {
                if !spelling.is_empty() {
                    let folded = tone_key(spelling);
                    let spellings = placements(&folded);
                    issuers.push(IssuerName { folded, spellings, canonical, code });
                }
            }
        }
        issuers.sort_by_key(|b| std::cmp::Reverse(b.folded.len()));
        let mut issuers_by_first: Vec<(Vec<String>, Vec<usize>)> = Vec::new();
        for (i, name) in issuers.iter().enumerate() {
            let first = name.folded.split(' ').next().unwrap_or("");
            match issuers_by_first.iter_mut().find(|(w, _)| w.first().is_some_and(|w| w == first)) {
                Some((_, v)) => v.push(i),
                None => issuers_by_first.push((placements(first), vec![i])),
            }
        }
        Lexicon {
            kinds,
            party_types: pairs("party-types"),
            state_types: pairs("state-types"),
            party_issuers: wordlist::section(CODES, "party-issuers").collect(),
            state_issuers: wordlist::section(CODES, "state-issuers").collect(),
            issuers,
            issuers_by_first,
            after_number: wordlist::lines(AFTER_NUMBER).map(tone_key).collect(),
        }
    }

    /// The canonical type abbreviation and its kind ("ctr" → `CTr`,
    /// Chương trình).
    pub(crate) fn doc_type(&self, family: Family, abbr: &str) -> Option<(&'static str, &'static str)> {
        let list = match family {
            Family::Party => &self.party_types,
            Family::State => &self.state_types,
        };
        list.iter().find(|(a, _)| same_letters(a, abbr)).copied()
    }

    /// The party type abbreviation of a kind ("Nghị quyết" → `NQ`).
    pub(crate) fn party_abbr(&self, kind: &str) -> Option<&'static str> {
        self.party_types.iter().find(|(_, k)| *k == kind).map(|(a, _)| *a)
    }

    /// The canonical spelling of a known issuer code ("tw" → `TW`), with
    /// the National Assembly's legislature codes ("QH14", "UBTVQH15").
    pub(crate) fn issuer_code(&self, family: Family, code: &str) -> Option<String> {
        let list = match family {
            Family::Party => &self.party_issuers,
            Family::State => &self.state_issuers,
        };
        if let Some(c) = list.iter().find(|c| same_letters(c, code)) {
            return Some((*c).to_owned());
        }
        (family == Family::State && legislature(code).is_some()).then(|| code.to_uppercase())
    }

    /// Whether `code` is a listed issuer code of either family.
    pub(crate) fn is_issuer_code(&self, code: &str) -> bool {
        self.issuer_code(Family::Party, code).is_some() || self.issuer_code(Family::State, code).is_some()
    }

    /// The listed code that a small slip in `code` hides: two neighbouring
    /// letters swapped ("WT"), "Ư" written for "W" ("TƯ"), "D" for "Đ"
    /// ("QD"). `known` says whether a candidate is listed.
    pub(crate) fn likely(code: &str, known: impl Fn(&str) -> bool) -> Option<String> {
        let chars: Vec<char> = code.chars().collect();
        let mut candidates = Vec::new();
        for i in 0..chars.len().saturating_sub(1) {
            let mut c = chars.clone();
            c.swap(i, i + 1);
            candidates.push(c.into_iter().collect::<String>());
        }
        candidates.push(code.replace(['Ư', 'ư'], "W"));
        candidates.push(code.replace('D', "Đ"));
        candidates.into_iter().find(|c| c != code && known(c))
    }

    /// The issuing body named at the start of `text` (a slice of the body),
    /// with the byte length of its spelling there.
    pub(crate) fn issuer_at(&self, text: &str) -> Option<(Issuer, usize)> {
        // bodies are named with a capital ("Bộ Chính trị", "BCH TW")
        if !text.starts_with(char::is_uppercase) {
            return None;
        }
        let first = text.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        let (_, candidates) =
            self.issuers_by_first.iter().find(|(words, _)| words.iter().any(|w| same_letters(w, first)))?;
        for name in candidates.iter().filter_map(|&i| self.issuers.get(i)) {
            let Some(len) = name.spellings.iter().find_map(|sp| match_folded(text, sp)) else { continue };
            if text.get(len..).is_some_and(|r| r.starts_with(char::is_alphanumeric)) {
                continue;
            }
            return Some((Issuer { name: name.canonical, code: name.code }, len));
        }
        None
    }

    /// Whether `word` (any case) may follow a bare document number.
    pub(crate) fn may_follow_number(&self, word: &str) -> bool {
        let key = tone_key(word);
        self.after_number.contains(&key)
    }

    /// Every listed code, for the corpus checks.
    #[cfg(test)]
    pub(crate) fn all_codes(&self) -> Vec<&'static str> {
        let mut v: Vec<&'static str> =
            self.party_types.iter().chain(&self.state_types).map(|(a, _)| *a).collect();
        v.extend(self.party_issuers.iter().chain(&self.state_issuers));
        v
    }

    /// Every canonical issuer name, for the corpus checks.
    #[cfg(test)]
    pub(crate) fn all_issuers(&self) -> Vec<&'static str> {
        let mut v: Vec<&'static str> = self.issuers.iter().map(|i| i.canonical).collect();
        v.sort_unstable();
        v.dedup();
        v
    }
}

/// The byte length of the prefix of `text` that reads `folded` (lower
/// case) whatever its case, without allocating.
fn match_folded(text: &str, folded: &str) -> Option<usize> {
    let mut t = text.char_indices();
    for f in folded.chars() {
        let (_, c) = t.next()?;
        if c != f && c.to_lowercase().next() != Some(f) {
            return None;
        }
    }
    Some(t.next().map_or(text.len(), |(i, _)| i))
}

/// A folded spelling and the one with the tone of a syllable-final "oa",
/// "oe", "uy" on the second vowel ("ủy ban" → also "uỷ ban"), as old-style
/// text writes it.
fn placements(folded: &str) -> Vec<String> {
    const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{309}', '\u{303}', '\u{323}'];
    let mut chars: Vec<char> = folded.chars().collect();
    for i in 0..chars.len().saturating_sub(1) {
        let syllable_end = chars.get(i + 2).is_none_or(|c| !c.is_alphanumeric());
        let after_q = i > 0 && chars[i - 1] == 'q';
        if !syllable_end || after_q {
            continue;
        }
        let first: Vec<char> = chars[i].to_string().nfd().collect();
        let (base, tone) = match first.as_slice() {
            [b, t] if TONES.contains(t) => (*b, *t),
            _ => continue,
        };
        let second = chars[i + 1];
        if !matches!((base, second), ('o', 'a') | ('o', 'e') | ('u', 'y')) {
            continue;
        }
        let toned: String = [second, tone].iter().collect::<String>().nfc().collect();
        if let Some(t) = toned.chars().next() {
            chars[i] = base;
            chars[i + 1] = t;
        }
    }
    let alt: String = chars.into_iter().collect();
    if alt == folded { vec![alt] } else { vec![folded.to_owned(), alt] }
}

/// Whether two words are the same but for case, without allocating.
pub(crate) fn same_letters(a: &str, b: &str) -> bool {
    if a.len() != b.len() {
        return false;
    }
    if a.as_bytes().eq_ignore_ascii_case(b.as_bytes()) {
        return true;
    }
    // the last letters differ in more than case: not the same word
    let last = |s: &str| s.as_bytes().last().map(u8::to_ascii_lowercase);
    if last(a) != last(b) && a.as_bytes().last().is_some_and(u8::is_ascii) {
        return false;
    }
    let lower = |c: char| c.to_lowercase().next().unwrap_or(c);
    a.chars().map(lower).eq(b.chars().map(lower))
}

/// The legislature number of a National Assembly code ("QH14" → 14,
/// "UBTVQH15" → 15).
pub(crate) fn legislature(code: &str) -> Option<u32> {
    let upper = code.to_uppercase();
    let digits = upper.strip_prefix("UBTVQH").or_else(|| upper.strip_prefix("QH"))?;
    if digits.len() == 2 && digits.bytes().all(|b| b.is_ascii_digit()) { digits.parse().ok() } else { None }
}

/// The family an issuer code belongs to, for telling documents apart:
/// a provincial and a city committee both issue `…/TU`, a district and an
/// urban-district committee `…/HU` and `…/QU`, a bloc committee is a party
/// committee (`ĐUK`, `ĐU`), and the legislature number is dropped.
pub(crate) fn issuer_family(code: &str) -> String {
    let upper = code.to_uppercase();
    match upper.as_str() {
        "TU" | "THU" => "TU".into(),
        "HU" | "QU" => "HU".into(),
        "ĐU" | "ĐUK" => "ĐU".into(),
        _ if legislature(&upper).is_some() => upper.trim_end_matches(|c: char| c.is_ascii_digit()).into(),
        _ => upper,
    }
}

/// Whether an issuer family is a body with one fixed code, so that a
/// document with another code cannot be its.
pub(crate) fn is_central(family: &str) -> bool {
    matches!(family, "TW" | "CP" | "TTG" | "QH" | "UBTVQH" | "CTN")
}

/// The shortest suffix of `s` of at most `max` bytes that starts on a char
/// boundary.
pub(crate) fn suffix(s: &str, max: usize) -> &str {
    let mut start = s.len().saturating_sub(max);
    while start < s.len() && !s.is_char_boundary(start) {
        start += 1;
    }
    s.get(start..).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_parse() {
        let lx = Lexicon::new();
        assert!(lx.kinds.iter().any(|k| k.surface == "Thông báo kết luận" && k.kind == "Thông báo"));
        assert_eq!(lx.doc_type(Family::Party, "ctr"), Some(("CTr", "Chương trình")));
        assert_eq!(lx.doc_type(Family::Party, "TT"), Some(("TT", "Thông tri")));
        assert_eq!(lx.doc_type(Family::State, "TT"), Some(("TT", "Thông tư")));
        assert_eq!(lx.issuer_code(Family::State, "ttg").as_deref(), Some("TTg"));
        assert_eq!(lx.issuer_code(Family::State, "UBTVQH14").as_deref(), Some("UBTVQH14"));
        assert_eq!(lx.issuer_code(Family::Party, "WT"), None);
    }

    #[test]
    fn likely_codes() {
        let lx = Lexicon::new();
        let party = |c: &str| lx.issuer_code(Family::Party, c).is_some();
        assert_eq!(Lexicon::likely("WT", party).as_deref(), Some("TW"));
        assert_eq!(Lexicon::likely("TƯ", party).as_deref(), Some("TW"));
        assert_eq!(Lexicon::likely("DUK", party).as_deref(), Some("ĐUK"));
        // a local board's own code is no slip
        assert_eq!(Lexicon::likely("TG", party), None);
        let types = |c: &str| lx.doc_type(Family::State, c).is_some();
        assert_eq!(Lexicon::likely("QD", types).as_deref(), Some("QĐ"));
    }

    #[test]
    fn issuers_match_whatever_the_case_and_tone_placement() {
        let lx = Lexicon::new();
        let (i, len) = lx.issuer_at("Bộ chính trị khóa XII").unwrap();
        assert_eq!((i.name, i.code, len), ("Bộ Chính trị", "TW", "Bộ chính trị".len()));
        let (i, _) = lx.issuer_at("Ban Thường vụ Tỉnh uỷ về").unwrap();
        assert_eq!(i.code, "TU");
        let (i, _) = lx.issuer_at("BCH TW Đảng khóa XII").unwrap();
        assert_eq!(i.name, "Ban Chấp hành Trung ương Đảng");
        // a word that only starts like a name is not it
        assert!(lx.issuer_at("Trung ươngx").is_none());
        assert!(lx.issuer_at("các cơ quan").is_none());
    }

    #[test]
    fn both_tone_placements_are_matched() {
        assert_eq!(placements("ủy ban nhân dân"), ["ủy ban nhân dân", "uỷ ban nhân dân"]);
        assert_eq!(placements("bộ văn hóa"), ["bộ văn hóa", "bộ văn hoá"]);
        assert_eq!(placements("bộ y tế"), ["bộ y tế"]);
        assert_eq!(match_folded("UỶ BAN nhân", "uỷ ban"), Some("UỶ BAN".len()));
        assert_eq!(match_folded("Uỷ", "uỷ ban"), None);
    }

    #[test]
    fn families() {
        assert_eq!(issuer_family("ThU"), "TU");
        assert_eq!(issuer_family("UBTVQH14"), "UBTVQH");
        assert_eq!(issuer_family("QH15"), "QH");
        assert!(is_central(&issuer_family("TTg")));
        assert!(!is_central(&issuer_family("TG")));
    }
}
