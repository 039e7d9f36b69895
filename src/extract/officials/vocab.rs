//! The word lists of the officials rules, compiled once: phrases of whole
//! syllables matched on the folded tokens of a body.

use super::tokens::{Doc, Kind};
use crate::wordlist;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A small multiplicative hasher (the Fx hash of rustc) for the word-list
/// maps: keys are short syllables looked up once per token, where SipHash's
/// protection against flooding buys nothing (the keys are our lists').
#[derive(Default, Clone, Copy)]
pub(super) struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A map keyed by word-list syllables.
pub(super) type Map<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;
/// A set of word-list syllables.
pub(super) type Set<K> = HashSet<K, BuildHasherDefault<Fx>>;

pub(super) const SURNAMES: &str = include_str!("surnames.txt");
const HONORIFICS: &str = include_str!("honorifics.txt");
pub(super) const TITLES: &str = include_str!("titles.txt");
const ORGS: &str = include_str!("orgs.txt");
const STOPS: &str = include_str!("stops.txt");
const PROVINCES: &str = include_str!("../../page/provinces.txt");

/// Phrases of syllables, looked up by their first syllable; the longest
/// match wins. Each phrase carries a value (an index into a side table, or
/// 0).
#[derive(Debug, Default)]
pub(super) struct Phrases {
    by_first: Map<String, Vec<(Vec<String>, usize, bool)>>,
    /// Whether the case of a phrase's first letter must match the text's.
    cased: bool,
}

/// Splits a word-list entry into folded syllables the way the tokenizer
/// does ("GS.TS" stays one syllable, "Thể thao và Du lịch" is five).
fn syllables(entry: &str) -> Vec<String> {
    let doc = Doc::new(entry);
    (0..doc.toks.len()).map(|i| doc.key(i).to_owned()).collect()
}

impl Phrases {
    fn add(&mut self, entry: &str, value: usize) {
        let sy = syllables(entry);
        let Some(first) = sy.first().cloned() else { return };
        let cap = entry.chars().next().is_some_and(char::is_uppercase);
        let list = self.by_first.entry(first).or_default();
        list.push((sy, value, cap));
        list.sort_by_key(|p| std::cmp::Reverse(p.0.len()));
    }

    fn from_lines<'a>(lines: impl Iterator<Item = &'a str>) -> Self {
        let mut p = Phrases::default();
        for l in lines {
            p.add(l, 0);
        }
        p
    }

    /// The longest phrase starting at token `i`: its length in tokens and
    /// its value. Tokens of a phrase are consecutive and separated by
    /// whitespace (or by nothing, for punctuation inside a phrase).
    pub fn at(&self, d: &Doc, i: usize) -> Option<(usize, usize)> {
        let list = self.by_first.get(d.key(i))?;
        let cap = d.toks.get(i).is_some_and(|t| t.cap);
        'phrase: for (sy, value, first_cap) in list {
            if self.cased && *first_cap != cap {
                continue;
            }
            for (k, s) in sy.iter().enumerate().skip(1) {
                let j = i + k;
                match d.toks.get(j) {
                    Some(t) if t.kind != Kind::Break && d.key(j) == s => {}
                    _ => continue 'phrase,
                }
            }
            return Some((sy.len(), *value));
        }
        None
    }

    /// Whether a phrase ends exactly at token `end` (exclusive), looking
    /// back at most `max` tokens; gives the phrase's start.
    pub fn ending_at(&self, d: &Doc, end: usize, max: usize) -> Option<usize> {
        (1..=max.min(end))
            .rev()
            .map(|n| end - n)
            .find(|&s| self.at(d, s).is_some_and(|(len, _)| s + len == end))
    }
}

/// Every list the rules read.
#[derive(Debug)]
pub(super) struct Vocab {
    pub surnames: Set<String>,
    /// The most frequent family names.
    pub common_surnames: Set<String>,
    /// Honorifics before one name; the value indexes `honorific_forms`.
    pub honorifics: Phrases,
    /// "các đồng chí": honorifics opening a list of people.
    pub list_honorifics: Phrases,
    pub honorific_forms: Vec<&'static str>,
    /// The last syllable of every honorific ("chí", "ông", "đ/c").
    pub honorific_ends: Set<String>,
    /// The same, as a list (a handful: quicker to scan than to hash).
    pub honorific_end_list: Vec<String>,
    pub heads: Phrases,
    pub prefixes: Phrases,
    pub modifiers: Phrases,
    pub appointment: Phrases,
    /// "sinh năm 1929", "vào Đảng ngày …": a record clause before an office.
    pub biography: Phrases,
    pub named_orgs: Phrases,
    /// Organisation heads mostly named after a person ("Trường THCS …").
    pub namesake_orgs: Phrases,
    /// Heads that continue a title after a comma (", Trường Chính trị tỉnh").
    pub after_comma: Phrases,
    /// Historical figures that name places ("phường Lê Hồng Phong").
    pub namesake_people: Phrases,
    /// "phụ trách" before the organisation an office is in charge of.
    pub in_charge: Phrases,
    pub compound_orgs: Phrases,
    pub stoppers: Phrases,
    pub closed_units: Phrases,
    pub open_units: Phrases,
    pub after_unit: Phrases,
    pub comma_orgs: Phrases,
    /// "(mới)", "(cũ)" after a unit: the merged or the former one, part of
    /// the title ("Phó Chủ tịch UBND tỉnh Lâm Đồng (mới)").
    pub era: Phrases,
    /// "chức danh", "chức vụ": an office named before the person it
    /// concerns ("miễn nhiệm chức danh … đối với ông …").
    pub office_word: Phrases,
    /// "đối với": what links such an office to the person.
    pub office_holder: Phrases,
    pub dotted: Set<String>,
    /// "anh", "chị": informal address before a full name.
    pub informal: Phrases,
    pub stops: Phrases,
    pub fixed: Phrases,
    pub place_prepositions: Phrases,
    pub provinces: Phrases,
}

impl Vocab {
    pub fn new() -> Self {
        let mut honorifics = Phrases::default();
        let mut list_honorifics = Phrases::default();
        let mut honorific_forms = Vec::new();
        let mut honorific_ends = Set::default();
        for (section, target) in [("single", &mut honorifics), ("list", &mut list_honorifics)] {
            for line in wordlist::section(HONORIFICS, section) {
                let (form, canonical) = line.split_once('|').unwrap_or((line, line));
                honorific_ends.extend(syllables(form).pop());
                honorific_forms.push(canonical.trim());
                target.add(form.trim(), honorific_forms.len() - 1);
            }
        }
        let mut provinces = Phrases::default();
        for line in wordlist::lines(PROVINCES) {
            for name in line.split('|') {
                // the ASCII spellings ("Hanoi", "Daklak") are for domains
                if !name.is_ascii() || name.contains(' ') {
                    provinces.add(name.trim(), 0);
                }
            }
        }
        // the country and the capital's other name are places too
        for extra in ["Việt Nam", "Hồ Chí Minh", "Sài Gòn"] {
            provinces.add(extra, 0);
        }
        let sec = |file: &'static str, name: &'static str| Phrases::from_lines(wordlist::section(file, name));
        Vocab {
            surnames: wordlist::section(SURNAMES, "common")
                .chain(wordlist::section(SURNAMES, "other"))
                .map(|s| syllables(s).join(" "))
                .collect(),
            common_surnames: wordlist::section(SURNAMES, "common").map(|s| syllables(s).join(" ")).collect(),
            honorifics,
            list_honorifics,
            honorific_forms,
            honorific_end_list: honorific_ends.iter().cloned().collect(),
            honorific_ends,
            heads: sec(TITLES, "head"),
            prefixes: sec(TITLES, "prefix"),
            modifiers: sec(TITLES, "modifier"),
            appointment: sec(TITLES, "appointment"),
            biography: sec(TITLES, "biography"),
            named_orgs: Phrases { cased: true, ..sec(ORGS, "named") },
            namesake_orgs: Phrases { cased: true, ..sec(ORGS, "namesake") },
            after_comma: Phrases { cased: true, ..sec(ORGS, "after_comma") },
            namesake_people: sec(ORGS, "namesake_person"),
            in_charge: sec(ORGS, "in_charge"),
            compound_orgs: sec(ORGS, "compound"),
            stoppers: sec(ORGS, "stopper"),
            closed_units: sec(ORGS, "closed"),
            open_units: sec(ORGS, "open"),
            after_unit: sec(ORGS, "after_unit"),
            comma_orgs: sec(ORGS, "comma"),
            era: sec(ORGS, "era"),
            office_word: sec(TITLES, "office_word"),
            office_holder: sec(TITLES, "office_holder"),
            dotted: wordlist::section(ORGS, "dotted").map(|s| syllables(s).join(" ")).collect(),
            informal: sec(HONORIFICS, "informal"),
            stops: Phrases::from_lines(
                wordlist::section(STOPS, "verb").chain(wordlist::section(STOPS, "clause")),
            ),
            fixed: sec(STOPS, "fixed"),
            place_prepositions: sec(STOPS, "place_preposition"),
            provinces,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_phrase_wins() {
        let v = Vocab::new();
        let d = Doc::new("Phó Giáo sư Tiến sĩ khoa học");
        assert_eq!(v.prefixes.at(&d, 1).map(|m| m.0), Some(2));
        assert_eq!(v.prefixes.at(&d, 0).map(|m| m.0), Some(3));
        assert_eq!(v.prefixes.at(&d, 3).map(|m| m.0), Some(4));
        assert!(v.surnames.contains("nguyễn"));
        let d = Doc::new("tỉnh Đắk Lắk, Thừa Thiên - Huế");
        assert_eq!(v.provinces.at(&d, 1).map(|m| m.0), Some(2));
        assert_eq!(v.provinces.at(&d, 4).map(|m| m.0), Some(4));
    }
}
