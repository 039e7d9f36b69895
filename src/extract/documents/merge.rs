//! Merging mentions into documents.
//!
//! Two mentions name one document when they agree on the kind and the
//! number (as an integer) and nothing they say tells them apart:
//!
//! - codes, when both carry one, must be equal (a slip is compared as the
//!   code it likely means: "CT/WT" as "CT/TW");
//! - years, when both give one (the year in the symbol or of the issue
//!   date), must be equal: "19/2019/NĐ-CP" is not "19/2011/NĐ-CP";
//! - issue dates written after the mentions ("Chỉ thị 05 ngày
//!   15/5/2016") and terms, when both give one, must be equal (a date
//!   read from a clause that issues the document is only shown);
//! - issuers must be compatible: a codeless "Nghị quyết số 18 của Trung
//!   ương Đảng" (…/TW) is not "18-NQ/TU". A code that is no listed one (a
//!   local board's "HD/TG") is compatible with any but the central bodies,
//!   which have fixed codes.
//!
//! Mentions are taken in order of evidence: those with a code first, then
//! those naming an issuer, a term or a date, then bare ones ("Chỉ thị
//! 05"). A bare mention that fits several documents goes to one the
//! article also cites in short form (a writer who gives the code of one of
//! two same-numbered documents shortens the other), else to the one last
//! mentioned before it, else to the first.
//!
//! Plenum resolutions merge on (plenum, term), a mention without a term
//! joining one with; congress resolutions on (congress, local party
//! organisation). A numbered resolution and a plenum's are never merged:
//! a plenum may issue several (reference/documents.md §2.3).

use super::context::{After, to_roman};
use super::find::{Body, Found};
use super::lexicon::{Family, Issuer, Lexicon, is_central, issuer_family};
use super::symbol::Code;
use crate::normalize::tone_key;
use crate::record::{Document, Mention};
use std::collections::{BTreeSet, HashMap};

/// A document being built.
#[derive(Debug, Clone)]
struct Unit {
    kind: &'static str,
    kind_from_code: bool,
    number: Option<String>,
    /// `number` as an integer.
    number_value: Option<u64>,
    code: Option<Code>,
    /// Written after the number without a symbol ("Nghị định 100/2019").
    year_written: Option<i32>,
    issuer: Option<Issuer>,
    issuer_shared: bool,
    term: Option<u32>,
    plenum: Option<u32>,
    congress: Option<u32>,
    local: Option<String>,
    /// Written after a mention: tells documents apart.
    date: Option<String>,
    /// Given by a clause that issues the document: only shown.
    issued: Option<String>,
    /// Spans, in text order.
    mentions: BTreeSet<(usize, usize)>,
    /// Created by a mention without a code.
    short: bool,
}

impl Unit {
    fn new(kind: &'static str) -> Self {
        Unit {
            kind,
            kind_from_code: false,
            number: None,
            number_value: None,
            code: None,
            year_written: None,
            issuer: None,
            issuer_shared: false,
            term: None,
            plenum: None,
            congress: None,
            local: None,
            date: None,
            issued: None,
            mentions: BTreeSet::new(),
            short: false,
        }
    }

    fn number(&self) -> Option<u64> {
        self.number_value
    }

    fn year(&self) -> Option<i32> {
        self.code
            .as_ref()
            .and_then(|c| c.year)
            .or(self.year_written)
            .or_else(|| year_of(self.date.as_deref()))
    }

    /// The issuer family and whether it is a listed one.
    fn family(&self) -> Option<(String, bool)> {
        match &self.code {
            Some(c) => c.issuer.as_deref().map(|i| (issuer_family(i), c.issuer_known)),
            None => self.issuer.map(|i| (issuer_family(i.code), true)),
        }
    }

    /// The last mention before `at`.
    fn last_before(&self, at: usize) -> Option<usize> {
        self.mentions.range(..(at, 0)).next_back().map(|m| m.0)
    }

    fn first(&self) -> usize {
        self.mentions.first().map_or(usize::MAX, |m| m.0)
    }
}

fn year_of(date: Option<&str>) -> Option<i32> {
    date.and_then(|d| d.get(..4)).and_then(|y| y.parse().ok())
}

fn family_of(f: &Found) -> Option<(String, bool)> {
    match f.code() {
        Some(c) => c.issuer.as_deref().map(|i| (issuer_family(i), c.issuer_known)),
        None => f.after.issuer.map(|i| (issuer_family(i.code), true)),
    }
}

/// The year written after a number without a symbol ("Nghị định 100/2019").
fn written_year(f: &Found) -> Option<i32> {
    match &f.body {
        Body::Numbered { year, .. } => *year,
        _ => None,
    }
}

fn both_differ<T: PartialEq>(a: Option<T>, b: Option<T>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if a != b)
}

/// Whether a numbered mention may be a mention of `u`.
fn fits(f: &Found, number: Option<u64>, u: &Unit) -> bool {
    if u.number.is_none() || u.number() != number {
        return false;
    }
    let code = f.code();
    match (code, &u.code) {
        (Some(a), Some(b)) => {
            if !a.agrees(b) {
                return false;
            }
        }
        _ => {
            if u.kind != f.kind {
                return false;
            }
        }
    }
    if u.kind != f.kind && !(f.kind_from_code || u.kind_from_code) {
        return false;
    }
    let year = code.and_then(|c| c.year).or(written_year(f)).or_else(|| year_of(f.after.date.as_deref()));
    if both_differ(year, u.year())
        || both_differ(f.after.date.as_deref(), u.date.as_deref())
        || both_differ(f.after.term, u.term)
        || both_differ(f.after.plenum, u.plenum)
    {
        return false;
    }
    match (family_of(f), u.family()) {
        (Some((a, ka)), Some((b, kb))) => a == b || (!ka && !is_central(&b)) || (!kb && !is_central(&a)),
        _ => true,
    }
}

/// How much a numbered mention says: 0 = a code, 1 = an issuer, term or
/// date, 2 = nothing but kind and number.
fn tier(f: &Found) -> u8 {
    let After { issuer, term, plenum, date, .. } = &f.after;
    if f.code().is_some() {
        0
    } else if issuer.is_some() || term.is_some() || plenum.is_some() || date.is_some() {
        1
    } else {
        2
    }
}

/// Picks among the units that fit a mention at `at`.
fn choose(units: &[Unit], fitting: &[usize], at: usize, prefer_short: bool) -> Option<usize> {
    let mut pool: Vec<usize> = fitting.to_vec();
    if prefer_short && pool.iter().any(|&i| units[i].short) {
        pool.retain(|&i| units[i].short);
    }
    let before = pool.iter().copied().filter_map(|i| units[i].last_before(at).map(|s| (s, i))).max();
    before.map(|(_, i)| i).or_else(|| pool.iter().copied().min_by_key(|&i| units[i].first()))
}

/// Merges the mentions (in text order) into documents, in order of first
/// mention. `text` is the body the spans point into.
pub(crate) fn merge(lx: &Lexicon, text: &str, found: &[Found]) -> Vec<Document> {
    let mut units: Vec<Unit> = Vec::new();
    // the numbered units by number: a mention can only fit those with its
    // number, so a page citing thousands of documents stays linear
    let mut by_number: HashMap<Option<u64>, Vec<usize>> = HashMap::new();

    // numbered documents, by tier
    for t in 0..3u8 {
        for f in found.iter().filter(|f| f.number().is_some() && tier(f) == t) {
            let number = f.number();
            let same_number = by_number.entry(number).or_default();
            let fitting: Vec<usize> =
                same_number.iter().copied().filter(|&i| fits(f, number, &units[i])).collect();
            let at = match choose(&units, &fitting, f.start, t == 2) {
                Some(i) => i,
                None => {
                    let mut u = Unit::new(f.kind);
                    u.kind_from_code = f.kind_from_code;
                    u.short = f.code().is_none();
                    units.push(u);
                    same_number.push(units.len() - 1);
                    units.len() - 1
                }
            };
            let u = &mut units[at];
            if let Body::Numbered { number, code, year } = &f.body {
                if u.number.is_none() || (u.code.is_none() && code.is_some()) {
                    u.number = Some(number.clone());
                    u.number_value = number.parse().ok();
                }
                u.year_written = u.year_written.or(*year);
                let better = match (&u.code, code) {
                    (None, Some(_)) => true,
                    // a slip, or a type without its issuer ("159-TB"), gives way
                    (Some(old), Some(new)) => {
                        (!old.slips.is_empty() && new.slips.is_empty())
                            || (old.issuer.is_none() && new.issuer.is_some())
                    }
                    _ => false,
                };
                if better {
                    u.code = code.clone();
                }
            }
            if u.kind_from_code && !f.kind_from_code {
                u.kind = f.kind;
                u.kind_from_code = false;
            }
            // a body named next to a mention wins over one shared along a list
            if f.after.issuer.is_some() && (u.issuer.is_none() || (u.issuer_shared && !f.shared_issuer)) {
                u.issuer = f.after.issuer;
                u.issuer_shared = f.shared_issuer;
            }
            u.term = u.term.or(f.after.term);
            u.plenum = u.plenum.or(f.after.plenum);
            u.date = u.date.take().or_else(|| f.after.date.clone());
            u.issued = u.issued.take().or_else(|| f.issued.clone());
            u.mentions.insert(f.span());
        }
    }

    // plenum and congress units, by plenum and by congress
    let mut by_plenum: HashMap<u32, Vec<usize>> = HashMap::new();
    let mut by_congress: HashMap<(u32, Option<String>), usize> = HashMap::new();

    // plenum resolutions: with a term first
    let plenum_mentions = || {
        found.iter().filter_map(|f| match &f.body {
            Body::Plenum { plenums, terms } => Some((f, plenums, terms)),
            _ => None,
        })
    };
    for with_term in [true, false] {
        for (f, plenums, terms) in plenum_mentions().filter(|(_, _, t)| t.is_empty() != with_term) {
            let shared = plenums.len() == 1;
            for &(p, s, e) in plenums.iter() {
                let span = if shared { f.span() } else { (s, e) };
                let ts: Vec<Option<u32>> =
                    if terms.is_empty() { vec![None] } else { terms.iter().copied().map(Some).collect() };
                for t in ts {
                    let same_plenum = by_plenum.entry(p).or_default();
                    let fitting: Vec<usize> = same_plenum
                        .iter()
                        .copied()
                        .filter(|&i| {
                            let u = &units[i];
                            t.is_none() || u.term.is_none() || u.term == t
                        })
                        .collect();
                    let at = match choose(&units, &fitting, span.0, false) {
                        Some(i) => i,
                        None => {
                            let mut u = Unit::new(f.kind);
                            u.plenum = Some(p);
                            units.push(u);
                            same_plenum.push(units.len() - 1);
                            units.len() - 1
                        }
                    };
                    let u = &mut units[at];
                    u.term = u.term.or(t);
                    u.issuer = u.issuer.or(f.after.issuer);
                    u.mentions.insert(span);
                }
            }
        }
    }

    // congress resolutions
    for f in found {
        let Body::Congress { congress, local } = &f.body else { continue };
        let key = (*congress, local.as_deref().map(tone_key));
        let at = *by_congress.entry(key).or_insert_with(|| {
            let mut u = Unit::new(f.kind);
            u.congress = Some(*congress);
            u.local = local.clone();
            units.push(u);
            units.len() - 1
        });
        units[at].mentions.insert(f.span());
    }

    let mut units: Vec<Unit> = units.into_iter().filter(|u| !u.mentions.is_empty()).collect();
    units.sort_by_key(Unit::first);
    units.into_iter().map(|u| document(lx, text, u)).collect()
}

fn document(lx: &Lexicon, text: &str, u: Unit) -> Document {
    let id = id(lx, &u);
    let mentions = u
        .mentions
        .iter()
        .map(|&(start, end)| Mention { text: text.get(start..end).unwrap_or("").to_owned(), start, end })
        .collect();
    let issuer = match (&u.local, u.issuer) {
        (Some(local), _) => Some(local.clone()),
        (None, Some(i)) => Some(i.name.to_owned()),
        _ => None,
    };
    Document {
        id,
        kind: u.kind.to_owned(),
        number: u.number.clone(),
        code: u.code.as_ref().map(|c| c.text.clone()),
        year: u.code.as_ref().and_then(|c| c.year).or(u.year_written),
        issuer,
        // "khóa" after a state body is its own term (HĐND tỉnh khóa IX), not
        // a party congress term
        term: u.term.filter(|_| !state_body(lx, &u)),
        plenum: u.plenum.filter(|_| u.number.is_some() || u.congress.is_none()),
        congress: u.congress,
        date: u.date.or(u.issued),
        mentions,
    }
}

/// Whether a document is a state body's: a state symbol, or a state
/// issuer named.
fn state_body(lx: &Lexicon, u: &Unit) -> bool {
    match &u.code {
        Some(c) => c.family == Family::State,
        None => u.issuer.is_some_and(|i| lx.issuer_code(Family::Party, i.code).is_none()),
    }
}

/// The canonical id (SCHEMA.md): `number-code` for party documents,
/// `number[/year]/code` for state ones; for a codeless party document
/// whose issuer is named, the code its issuer gives it ("Nghị quyết số 18
/// của Trung ương Đảng" → `18-NQ/TW`); otherwise a descriptive id
/// ("Chỉ thị 05", "Nghị quyết Trung ương 4 khóa XII", "Nghị quyết Đại
/// hội XII").
fn id(lx: &Lexicon, u: &Unit) -> String {
    if let Some(number) = &u.number {
        if let Some(c) = &u.code {
            let party = u.issuer.and_then(|i| lx.issuer_code(Family::Party, i.code));
            if let (Family::Party, None, Some(issuer)) = (c.family, &c.issuer, party) {
                // "159-TB" of the Politburo: the issuer gives the code's end
                return format!("{number}-{}/{issuer}", c.text);
            }
            return match (c.family, c.year) {
                (Family::Party, _) => format!("{number}-{}", c.text),
                (Family::State, Some(y)) => format!("{number}/{y}/{}", c.text),
                (Family::State, None) => format!("{number}/{}", c.text),
            };
        }
        let party = u.issuer.and_then(|i| lx.issuer_code(Family::Party, i.code));
        if let (Some(issuer), Some(abbr)) = (party, lx.party_abbr(u.kind)) {
            return format!("{number}-{abbr}/{issuer}");
        }
        return match u.year_written {
            Some(y) => format!("{} {number}/{y}", u.kind),
            None => format!("{} {number}", u.kind),
        };
    }
    if let Some(p) = u.plenum {
        return match u.term {
            Some(t) => format!("{} Trung ương {p} khóa {}", u.kind, to_roman(t)),
            None => format!("{} Trung ương {p}", u.kind),
        };
    }
    match (u.congress, &u.local) {
        (Some(c), Some(local)) => format!("{} Đại hội {local} lần thứ {}", u.kind, to_roman(c)),
        (Some(c), None) => format!("{} Đại hội {}", u.kind, to_roman(c)),
        _ => u.kind.to_owned(),
    }
}
