//! Document symbols: "05-CT/TW" (party: NUMBER-TYPE/ISSUER) and
//! "30/2020/NĐ-CP" (state: NUMBER[/YEAR]/TYPE-ISSUER), found by one regex
//! and read into a [`Code`] with the codes of `codes.txt`: canonical case
//! for listed parts, slips kept as written with the likely code beside
//! them (reference/documents.md §1, §5).

use super::lexicon::{Family, Lexicon, legislature};
use regex::Regex;

/// Any dash a writer puts between number and type (reference §5.1).
const DASH: &str = r"[-\u{2010}-\u{2015}\u{2212}]";
/// A party type abbreviation as written ("CT", "Ctr", "QĐi"); checked
/// against `codes.txt` after the match.
const PARTY_TYPE: &str = r"[A-ZĐ][A-Za-zĐđ]{0,4}";
/// Party issuers, several joined by "-" ("TW", "BTCTU-BDVTU"); "Ư" for the
/// "NQ/TƯ" slip. A body known by a number keeps it after its letters: the
/// steering committee of a resolution ("02-KH/BCĐ57", "BCĐ 57" for 57-NQ/TW).
const PARTY_ISSUER: &str = r"[A-ZĐƯ][A-Za-zĐđƯư]*[0-9]{0,3}(?:-[A-ZĐƯ][A-Za-zĐđƯư]*[0-9]{0,3})*";
const YEAR: &str = r"(?:19|20)[0-9]{2}";
/// A state symbol after the number (and year): "NĐ-CP", "QĐ-TTg",
/// "TT-BGDĐT", "UBND-KT", or the legislature "QH14", "UBTVQH14".
/// A space may stand on one side of a hyphen ("QĐ- UBND"). "Ư" spells
/// "Trung ương" in some bodies' codes ("NQLT-CP-UBTƯMTTQVN").
const STATE_SYMBOL: &str =
    r"(?:UBTVQH|QH)[0-9]{2}|[A-ZĐ][A-Za-zĐđƯư]*(?:(?:-[\ ]?|[\ ]-)[A-ZĐƯ0-9][A-Za-zĐđƯư0-9]*)+";

/// A parsed symbol code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Code {
    pub family: Family,
    /// As written, spaces removed, dashes unified, known parts in their
    /// canonical case: "CT/TW", "NĐ-CP", "UBTVQH14", "CT/WT".
    pub text: String,
    /// Upper case, slips replaced by the likely code: for comparing.
    pub key: String,
    pub year: Option<i32>,
    /// The (lead) issuer code, slips replaced ("TW" for "WT").
    pub issuer: Option<String>,
    /// Whether that issuer is a listed code.
    pub issuer_known: bool,
    /// The type abbreviation, canonical, when listed.
    pub abbr: Option<&'static str>,
    /// The kind the code names, when it names one.
    pub kind: Option<&'static str>,
    /// Parts that are not listed codes but a slip away from one:
    /// (as written, likely).
    pub slips: Vec<(String, String)>,
}

/// The symbol regex (party and state forms).
pub(crate) fn regex() -> Regex {
    let symbol = format!(
        r"(?x)
        (?P<num>[0-9]{{1,5}})
        (?:
            # party: 05-CT/TW · 05 - CT/TW · 04 –NQ/TW · 65-Ctr/TU · 05-QC/BTCTU-BDVTU
            [\ ]?{DASH}[\ ]?(?P<ptype>{PARTY_TYPE})[\ ]?/[\ ]?(?P<pissuer>{PARTY_ISSUER})
          | # state with a year: 30/2020/NĐ-CP · 19-2018/NQ-CP · 653/2019-UBTVQH14 · 45/2019/QH14
            [\ ]?[/-][\ ]?(?P<year>{YEAR})[\ ]?[/-][\ ]?(?P<ysym>{STATE_SYMBOL})
          | # state without a year: 1254/QĐ-TTg · 5973/UBND-KT · 1206 /QĐ-HVTC
            [\ ]?/[\ ]?(?P<sym>{STATE_SYMBOL})
        )"
    );
    Regex::new(&symbol).expect("symbol regex")
}

/// Reads a match of the symbol regex: the number, and the code.
pub(crate) fn parse<'a>(lx: &Lexicon, m: &'a str) -> Option<(&'a str, Code)> {
    let digits = m.bytes().take_while(u8::is_ascii_digit).count();
    let number = m.get(..digits)?;
    let rest = m.get(digits..)?.trim_start_matches(' ');
    let sep = rest.chars().next()?;
    let after = rest.get(sep.len_utf8()..)?.trim_start_matches(' ');
    let is_dash = sep == '-' || ('\u{2010}'..='\u{2015}').contains(&sep) || sep == '\u{2212}';
    if is_dash && after.starts_with(|c: char| !c.is_ascii_digit()) {
        // party: 05-CT/TW
        let (ptype, issuer) = after.split_once('/')?;
        return party_code(lx, ptype.trim_end_matches(' '), issuer.trim_start_matches(' '))
            .map(|c| (number, c));
    }
    // state: /2020/NĐ-CP, -2018/NQ-CP, /2019-UBTVQH14, /QĐ-TTg
    let year_digits = after.bytes().take_while(u8::is_ascii_digit).count();
    let (year, sym) = if year_digits == 4 {
        let r = after.get(4..)?.trim_start_matches(' ');
        let r = r.strip_prefix(['/', '-'])?.trim_start_matches(' ');
        (after.get(..4).and_then(|y| y.parse().ok()), r)
    } else {
        (None, after)
    };
    state_code(lx, sym, year).map(|c| (number, c))
}

/// A party type written after the number without its issuer ("159-TB").
pub(crate) fn type_only(lx: &Lexicon, ptype: &str) -> Option<Code> {
    let (abbr, kind) = lx.doc_type(Family::Party, ptype)?;
    Some(Code {
        family: Family::Party,
        text: abbr.to_owned(),
        key: abbr.to_uppercase(),
        year: None,
        issuer: None,
        issuer_known: false,
        abbr: Some(abbr),
        kind: Some(kind),
        slips: Vec::new(),
    })
}

impl Code {
    /// Whether two codes may name one document: equal, or one is a party
    /// type written without its issuer ("TB") and the other that type with
    /// one ("TB/TW").
    pub(crate) fn agrees(&self, other: &Code) -> bool {
        let type_only = |a: &Code, b: &Code| {
            a.issuer.is_none()
                && a.family == Family::Party
                && b.key.strip_prefix(&a.key).is_some_and(|r| r.starts_with('/'))
        };
        self.key == other.key || type_only(self, other) || type_only(other, self)
    }
}

fn party_code(lx: &Lexicon, ptype: &str, issuers: &str) -> Option<Code> {
    let mut slips = Vec::new();
    let (abbr, kind) = match lx.doc_type(Family::Party, ptype) {
        Some((a, k)) => (Some(a), Some(k)),
        None => {
            let likely = Lexicon::likely(ptype, |c| lx.doc_type(Family::Party, c).is_some())?;
            let (_, k) = lx.doc_type(Family::Party, &likely)?;
            slips.push((ptype.to_owned(), likely));
            (None, Some(k))
        }
    };
    let mut parts = Vec::new();
    let mut key_parts = Vec::new();
    for part in issuers.split('-') {
        // "BCĐ57": the listed body "BCĐ" and its number, kept as written
        let stem = part.trim_end_matches(|c: char| c.is_ascii_digit());
        if stem.len() < part.len() {
            let known = lx.issuer_code(Family::Party, stem);
            let numbered = known.map_or_else(|| part.to_owned(), |c| format!("{c}{}", &part[stem.len()..]));
            parts.push(numbered.clone());
            key_parts.push(numbered);
            continue;
        }
        match lx.issuer_code(Family::Party, part) {
            Some(c) => {
                parts.push(c.clone());
                key_parts.push(c);
            }
            None => {
                parts.push(part.to_owned());
                match Lexicon::likely(part, |c| lx.issuer_code(Family::Party, c).is_some()) {
                    Some(l) => {
                        slips.push((part.to_owned(), l.clone()));
                        key_parts.push(l);
                    }
                    None => key_parts.push(part.to_owned()),
                }
            }
        }
    }
    let lead = key_parts.first().cloned();
    let issuer_known = lead.as_deref().is_some_and(|l| {
        lx.issuer_code(Family::Party, l.trim_end_matches(|c: char| c.is_ascii_digit())).is_some()
    });
    let shown_type = abbr.map_or_else(|| ptype.to_owned(), str::to_owned);
    let key_type =
        slips.iter().find(|(w, _)| w == ptype).map_or_else(|| shown_type.clone(), |(_, l)| l.clone());
    Some(Code {
        family: Family::Party,
        text: format!("{shown_type}/{}", parts.join("-")),
        key: format!("{key_type}/{}", key_parts.join("-")).to_uppercase(),
        year: None,
        issuer: lead,
        issuer_known,
        abbr,
        kind,
        slips,
    })
}

fn state_code(lx: &Lexicon, sym: &str, year: Option<i32>) -> Option<Code> {
    let mut slips = Vec::new();
    if legislature(sym).is_some() {
        let text = sym.to_uppercase();
        return Some(Code {
            family: Family::State,
            key: text.clone(),
            issuer: Some(text.clone()),
            text,
            year,
            issuer_known: true,
            abbr: None,
            kind: None,
            slips,
        });
    }
    let sym = sym.replace(' ', "");
    let parts: Vec<&str> = sym.split('-').collect();
    let first = *parts.first()?;
    // a party symbol written with the state's separators ("05/CT-TW")
    if let [ptype, issuer, ..] = parts.as_slice() {
        let party_issuer = lx.issuer_code(Family::Party, issuer).is_some();
        let state_issuer = lx.issuer_code(Family::State, issuer).is_some();
        if party_issuer && !state_issuer && lx.doc_type(Family::Party, ptype).is_some() {
            return party_code(lx, ptype, &parts[1..].join("-"));
        }
    }
    let mut shown: Vec<String> = parts.iter().map(|p| (*p).to_owned()).collect();
    let mut key: Vec<String> = shown.clone();
    let (abbr, kind, issuer_at) = if let Some((a, k)) = lx.doc_type(Family::State, first) {
        shown[0] = a.to_owned();
        key[0] = a.to_owned();
        (Some(a), Some(k), 1)
    } else if lx.is_issuer_code(first) {
        // an official letter: issuer and unit, no type ('5973/UBND-KT')
        (None, Some("Công văn"), 0)
    } else if let Some(l) = Lexicon::likely(first, |c| lx.doc_type(Family::State, c).is_some()) {
        let k = lx.doc_type(Family::State, &l).map(|(_, k)| k);
        slips.push((first.to_owned(), l.clone()));
        key[0] = l;
        (None, k, 1)
    } else {
        (None, None, 1)
    };
    let mut issuer = None;
    let mut issuer_known = false;
    if let Some(part) = parts.get(issuer_at) {
        match lx.issuer_code(Family::State, part).or_else(|| lx.issuer_code(Family::Party, part)) {
            Some(c) => {
                shown[issuer_at] = c.clone();
                key[issuer_at] = c.clone();
                issuer = Some(c);
                issuer_known = true;
            }
            None => match Lexicon::likely(part, |c| lx.issuer_code(Family::State, c).is_some()) {
                Some(l) => {
                    slips.push(((*part).to_owned(), l.clone()));
                    key[issuer_at] = l.clone();
                    issuer = Some(l);
                }
                None => issuer = Some((*part).to_owned()),
            },
        }
    }
    Some(Code {
        family: Family::State,
        text: shown.join("-"),
        key: key.join("-").to_uppercase(),
        year,
        issuer,
        issuer_known,
        abbr,
        kind,
        slips,
    })
}
