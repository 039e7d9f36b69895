//! From people found with a trigger to officials: every other mention of a
//! known name, then one [`Official`] per person.

use super::rules::{Found, Rules};
use super::vocab::Map;
use crate::normalize::tone_key;
use crate::record::{Mention, Official};
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

/// First and last code point of the table of [`untone`].
const UNTONE_FROM: u32 = 0xc0;
const UNTONE_TO: u32 = 0x1ef9;

/// Lower-case vowels with a tone mark → the vowel without it (quality marks
/// kept: "ễ" → "ê", "ạ" → "a", "ự" → "ư"), indexed from `UNTONE_FROM`.
static UNTONE: LazyLock<Vec<char>> = LazyLock::new(|| {
    let tones = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
    (UNTONE_FROM..=UNTONE_TO)
        .map(|u| {
            let Some(c) = char::from_u32(u) else { return '\0' };
            let bare: String = c.to_string().nfd().filter(|d| !tones.contains(d)).nfc().collect();
            let mut chars = bare.chars();
            match (chars.next(), chars.next()) {
                (Some(b), None) if c.is_lowercase() => b,
                _ => c,
            }
        })
        .collect()
});

fn untone(c: char) -> char {
    let u = c as u32;
    if (UNTONE_FROM..=UNTONE_TO).contains(&u) { UNTONE[(u - UNTONE_FROM) as usize] } else { c }
}

/// Whether two folded syllables differ at most by tone marks.
fn same_but_tones(a: &str, b: &str) -> bool {
    a.chars().map(untone).eq(b.chars().map(untone))
}

/// A title as it should be reported: whitespace collapsed, no space around
/// "&" ("GD& ĐT" → "GD&ĐT"), no punctuation at the ends.
fn clean_title(s: &str) -> String {
    let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
    joined.replace("& ", "&").replace(" &", "&").trim_matches(|c: char| ",;:.-–— ".contains(c)).to_owned()
}

/// Mentions by the given name alone after an honorific ("Theo ông Dũng",
/// "đồng chí Hương"), for a given name that only one of the people found
/// bears.
fn given_names(r: &Rules, all: &[(Found, String)]) -> Vec<(Found, String)> {
    let d = r.d;
    let mut by_given: Map<&str, Option<&str>> = Map::default();
    for (_, key) in all {
        let given = key.rsplit(' ').next().unwrap_or("");
        by_given
            .entry(given)
            .and_modify(|k| {
                if *k != Some(key.as_str()) {
                    *k = None;
                }
            })
            .or_insert(Some(key.as_str()));
    }
    let taken = |i: usize| all.iter().any(|(f, _)| f.ms <= i && i < f.e);
    let mut out = Vec::new();
    for i in 1..d.toks.len() {
        if !d.is_cap_word(i) || d.is_cap_word(i + 1) || !r.v.honorific_ends.contains(d.key(i - 1)) {
            continue;
        }
        let Some(Some(key)) = by_given.get(d.key(i)) else { continue };
        let Some((hs, val, list)) = r.honorific_ending_at(i) else { continue };
        if list || taken(i) {
            continue;
        }
        let f =
            Found { s: i, e: i + 1, ms: hs, honorific: Some(val), titles: Vec::new(), rule: "given_name" };
        out.push((f, (*key).to_owned()));
    }
    out
}

/// Later mentions of the names found, then the officials.
pub(super) fn merge(r: &Rules, mut found: Vec<Found>) -> Vec<Official> {
    let d = r.d;
    let n = d.toks.len();
    // names known from a triggered mention, longest first
    let mut known: Vec<Vec<&str>> = Vec::new();
    for f in &found {
        let k: Vec<&str> = (f.s..f.e).map(|i| d.key(i)).collect();
        if !known.contains(&k) {
            known.push(k);
        }
    }
    known.sort_by_key(|k| std::cmp::Reverse(k.len()));
    // which found name covers a token
    let mut owner: Vec<Option<usize>> = vec![None; n];
    for (fi, f) in found.iter().enumerate() {
        for o in owner.iter_mut().take(f.e).skip(f.s) {
            *o = Some(fi);
        }
    }
    let mut extra: Vec<(Found, usize)> = Vec::new();
    // known names by their first syllable without tone marks
    let mut by_first: Map<String, Vec<usize>> = Map::default();
    for (ki, k) in known.iter().enumerate() {
        by_first.entry(k[0].chars().map(untone).collect()).or_default().push(ki);
    }
    let mut buf = String::new();
    for i in 0..n {
        if !d.is_cap_word(i) {
            continue;
        }
        buf.clear();
        buf.extend(d.key(i).chars().map(untone));
        let Some(candidates) = by_first.get(buf.as_str()) else { continue };
        for &ki in candidates {
            let k = &known[ki];
            let len = k.len();
            let mut exact = true;
            let matched = (0..len).all(|j| {
                let t = i + j;
                d.is_word(t)
                    && (j == 0 || d.toks[t].one_space_before)
                    && (d.key(t) == k[j] || {
                        exact = false;
                        same_but_tones(d.key(t), k[j])
                    })
            });
            if !matched {
                continue;
            }
            let end = i + len;
            // part of a longer capitalised run: another name
            if d.is_cap_word(end) && d.toks[end].one_space_before && r.title_start(end).is_none() {
                continue;
            }
            if let Some(fi) = owner[i] {
                // the found name is a shorter reading of a known name
                // ("Trương Thanh" of "Trương Thanh tùng")
                if found[fi].s == i && end > found[fi].e && (found[fi].e..end).all(|t| owner[t].is_none()) {
                    for o in owner.iter_mut().take(end).skip(found[fi].e) {
                        *o = Some(fi);
                    }
                    found[fi].e = end;
                }
                break;
            }
            if (i..end).any(|t| owner[t].is_some()) || extra.iter().any(|(f, _)| f.s < end && i < f.e) {
                continue;
            }
            // a misspelling joins a known name only when it is not a
            // well-formed name of its own
            if !exact && r.name_at(i) == Some(end) {
                continue;
            }
            if !r.bare_mention_context(i) {
                continue;
            }
            let (ms, honorific) = match r.honorific_ending_at(i) {
                Some((hs, val, list)) => (if list { i } else { hs }, Some(val)),
                None => (i, None),
            };
            let rule = if exact { "known_name" } else { "known_name_toneless" };
            extra.push((Found { s: i, e: end, ms, honorific, titles: Vec::new(), rule }, ki));
            break;
        }
    }

    // every mention with the key of the person it names
    let key_of = |f: &Found| (f.s..f.e).map(|i| d.key(i)).collect::<Vec<_>>().join(" ");
    // a name read after an honorific that is not well-formed itself
    // ("đồng chí Lễ Văn Khánh") and differs from a well-formed one only by
    // tone marks is that person
    let well_formed = |f: &Found| r.name_at(f.s) == Some(f.e);
    let formed: Vec<Vec<&str>> =
        found.iter().filter(|f| well_formed(f)).map(|f| (f.s..f.e).map(|i| d.key(i)).collect()).collect();
    let mut all: Vec<(Found, String)> = found
        .iter()
        .map(|f| {
            let mut key = key_of(f);
            if !well_formed(f) {
                let sy: Vec<&str> = (f.s..f.e).map(|i| d.key(i)).collect();
                if let Some(k) = formed
                    .iter()
                    .find(|k| k.len() == sy.len() && k.iter().zip(&sy).all(|(a, b)| same_but_tones(a, b)))
                {
                    key = k.join(" ");
                }
            }
            (f.clone(), key)
        })
        .collect();
    all.extend(extra.into_iter().map(|(f, ki)| (f, known[ki].join(" "))));
    all.extend(given_names(r, &all));
    all.sort_by_key(|(f, _)| f.s);

    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    for (ix, (_, key)) in all.iter().enumerate() {
        match groups.iter_mut().find(|(k, _)| k == key) {
            Some((_, v)) => v.push(ix),
            None => groups.push((key.clone(), vec![ix])),
        }
    }

    let mut out = Vec::with_capacity(groups.len());
    for (key, members) in groups {
        let proper = |f: &Found| (f.s..f.e).all(|i| d.is_cap_word(i)) && key_of(f) == key;
        let named = members.iter().map(|&m| &all[m].0).find(|f| proper(f)).unwrap_or(&all[members[0]].0);
        let name = d.span(named.s, named.e).to_owned();
        let honorific = members
            .iter()
            .find_map(|&m| all[m].0.honorific)
            .and_then(|h| r.v.honorific_forms.get(h))
            .map(|h| (*h).to_owned());
        let mut titles: Vec<String> = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        for &m in &members {
            for &(a, b) in &all[m].0.titles {
                let t = clean_title(d.span(a, b));
                let k = tone_key(&t);
                if !t.is_empty() && !seen.contains(&k) {
                    seen.push(k);
                    titles.push(t);
                }
            }
        }
        let mentions = members
            .iter()
            .map(|&m| {
                let f = &all[m].0;
                let (start, end) = (d.toks[f.ms].os as usize, d.toks[f.e - 1].oe as usize);
                Mention { text: d.text.get(start..end).unwrap_or("").to_owned(), start, end }
            })
            .collect();
        out.push(Official { name, honorific, titles, mentions });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tones_only() {
        assert!(same_but_tones("lễ", "lê"));
        assert!(same_but_tones("hùng", "hung"));
        assert!(!same_but_tones("hưng", "hùng"));
        assert!(!same_but_tones("lê", "le"));
        assert_eq!(clean_title("đảng viên Đảng bộ Sở GD& ĐT"), "đảng viên Đảng bộ Sở GD&ĐT");
    }
}
