//! The word lists of the documents extractor, loaded once: type words
//! (`kinds.txt`), symbol codes (`codes.txt`), issuing bodies
//! (`issuers.txt`) and the words allowed after a bare number
//! (`after_number.txt`); and what is derived from them: the canonical form
//! of a code, the likely code behind a misspelt one, the family of an
//! issuer.

use crate::normalize::{Folded, tone_key};
use crate::wordlist;

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
    /// The folded spelling matched in text.
    folded: String,
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
        for (section, need) in [("bare", Need::Bare), ("numbered", Need::Numbered), ("coded", Need::Coded)] {
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
                    issuers.push(IssuerName { folded: tone_key(spelling), canonical, code });
                }
            }
        }
        issuers.sort_by_key(|b| std::cmp::Reverse(b.folded.len()));
        Lexicon {
            kinds,
            party_types: pairs("party-types"),
            state_types: pairs("state-types"),
            party_issuers: wordlist::section(CODES, "party-issuers").collect(),
            state_issuers: wordlist::section(CODES, "state-issuers").collect(),
            issuers,
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
        let key = abbr.to_lowercase();
        list.iter().find(|(a, _)| a.to_lowercase() == key).copied()
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
        let key = code.to_lowercase();
        if let Some(c) = list.iter().find(|c| c.to_lowercase() == key) {
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
        let head = prefix(text, 90);
        let folded = Folded::new(head);
        for name in &self.issuers {
            if !folded.text.starts_with(&name.folded) {
                continue;
            }
            let end = name.folded.len();
            let next = folded.text.get(end..).and_then(|r| r.chars().next());
            if next.is_some_and(|c| c.is_alphanumeric()) {
                continue;
            }
            let (_, len) = folded.original_range(0, end);
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

/// The longest prefix of `s` of at most `max` bytes that ends on a char
/// boundary.
pub(crate) fn prefix(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while end > 0 && !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or("")
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
    fn families() {
        assert_eq!(issuer_family("ThU"), "TU");
        assert_eq!(issuer_family("UBTVQH14"), "UBTVQH");
        assert_eq!(issuer_family("QH15"), "QH");
        assert!(is_central(&issuer_family("TTg")));
        assert!(!is_central(&issuer_family("TG")));
    }
}
