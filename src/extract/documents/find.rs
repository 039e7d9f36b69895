//! Finding document mentions: the rules.
//!
//! - `symbol`: a document symbol, party ("05-CT/TW") or state
//!   ("30/2020/NĐ-CP"), wherever it stands;
//! - `kind`: a type word and a number ("Chỉ thị số 05-CT/TW", "Chỉ thị
//!   05"), with lists ("Nghị quyết số 18, 19") and the checks that tell a
//!   bare document number from a count ("Kế hoạch 5 năm");
//! - `plenum`: "Nghị quyết Trung ương 4 (khóa XI, khóa XII)", "Nghị quyết
//!   Hội nghị lần thứ 4 BCH TW (khoá XII)", "Nghị quyết Trung ương 7,
//!   Trung ương 8";
//! - `congress`: "Nghị quyết Đại hội XII của Đảng", "Nghị quyết Đại hội
//!   Đảng bộ tỉnh lần thứ XI".
//!
//! Every position is a byte offset into the body.

use super::context::{After, ordinal, roman, terms};
use super::lexicon::{Family, Lexicon, Need, issuer_family, legislature, same_letters};
use super::symbol::{self, Code};
use crate::normalize::tone_key;
use crate::record::Date;
use regex::Regex;

/// What a mention names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Body {
    /// A document with a number; `year` is written after the number when
    /// no symbol is ("Nghị định 100/2019").
    Numbered { number: String, code: Option<Code>, year: Option<i32> },
    /// Resolutions of Central Committee plenums: each plenum with its own
    /// span, the terms shared.
    Plenum { plenums: Vec<(u32, usize, usize)>, terms: Vec<u32> },
    /// The resolution of a congress; `local` names a local party
    /// organisation ("Đảng bộ tỉnh Đắk Nông").
    Congress { congress: u32, local: Option<String> },
}

/// One mention found in the body.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub kind: &'static str,
    /// The kind was read from the code, no type word.
    pub kind_from_code: bool,
    pub body: Body,
    pub after: After,
    /// The issue date of a clause that opens with a date and issues this
    /// document ("Ngày 15/5/2016, Bộ Chính trị ban hành Chỉ thị 05"): less
    /// sure than one written after the mention, so it never keeps two
    /// mentions apart.
    pub issued: Option<String>,
    /// The issuer came from a coordinated mention ("Nghị quyết số 18 và
    /// Nghị quyết số 19 của Trung ương Đảng").
    pub shared_issuer: bool,
    /// Which rule found it (for debugging).
    #[allow(dead_code)]
    pub rule: &'static str,
}

impl Found {
    /// The number as an integer, for numbered documents.
    pub(crate) fn number(&self) -> Option<u64> {
        match &self.body {
            Body::Numbered { number, .. } => number.parse().ok(),
            _ => None,
        }
    }

    /// The mention's span: the reference and what was read after it
    /// ("Kết luận số 01 của Bộ Chính trị").
    pub(crate) fn span(&self) -> (usize, usize) {
        (self.start, self.end.max(self.after.end))
    }

    pub(crate) fn code(&self) -> Option<&Code> {
        match &self.body {
            Body::Numbered { code, .. } => code.as_ref(),
            _ => None,
        }
    }
}

/// A symbol match.
#[derive(Debug, Clone)]
struct Symbol {
    start: usize,
    end: usize,
    number: String,
    code: Code,
}

/// The compiled rules.
#[derive(Debug)]
pub(crate) struct Finder {
    symbol: Regex,
    /// The type words of kinds.txt (index, lower case) by their last word.
    by_last: Vec<(String, Vec<(usize, String)>)>,
    more: Regex,
    /// "Nghị quyết ", where plenum and congress resolutions start.
    resolution: Regex,
    /// Anchored at the start of a slice.
    plenum: Regex,
    plenum_more: Regex,
    /// Anchored at the start of a slice.
    congress: Regex,
}

impl Finder {
    pub(crate) fn new(lx: &Lexicon) -> Self {
        // type words by their last word ("quyết" → "nghị quyết", "nghị
        // quyết liên tịch" ends "tịch"), longest first
        let mut by_last: Vec<(String, Vec<(usize, String)>)> = Vec::new();
        for (i, k) in lx.kinds.iter().enumerate() {
            let lower = k.surface.to_lowercase();
            let last = lower.rsplit(' ').next().unwrap_or("").to_owned();
            match by_last.iter_mut().find(|(l, _)| *l == last) {
                Some((_, v)) => v.push((i, lower)),
                None => by_last.push((last, vec![(i, lower)])),
            }
        }
        for (_, v) in &mut by_last {
            v.sort_by_key(|(_, w)| std::cmp::Reverse(w.len()));
        }
        // a further number of a list: 'số 18, 19', 'số 154 & 201/KH-ĐHHV'
        let more = r"(?x)
            ^(?:[\ ]?[,;&][\ ]?|[\ ](?i:và|cùng)[\ ])
            (?:(?i:số)[\ ]?)?
            (?P<num>[0-9])";
        let plenum = r"(?xi)
            ^nghị[\ ]quyết[\ ](?:của[\ ])?
            (?:
                # Trung ương 4 · TW 4 · Hội nghị Trung ương 4 · Hội nghị BCH TW lần thứ 4
                (?:hội[\ ]nghị[\ ])?(?:(?:ban[\ ]chấp[\ ]hành|bch)[\ ])?(?:trung[\ ]ương|tw|tư)(?:[\ ]đảng)?
                (?P<nth1>[\ ]lần[\ ]thứ[\ ]|[\ ]?)
              | # Hội nghị lần thứ 4 BCH TW (the body is checked after the match)
                hội[\ ]nghị[\ ](?P<nth2>lần[\ ]thứ[\ ])
            )";
        // 'Nghị quyết Trung ương 7, Trung ương 8' · 'Trung ương 4 và 5'
        let plenum_more = r"(?xi)
            ^(?:[\ ]?,[\ ]?|[\ ]và[\ ])
            (?P<again>
                (?:hội[\ ]nghị[\ ])?(?:(?:trung[\ ]ương|tw)[\ ]?)?(?:lần[\ ]thứ[\ ])?
            )";
        let congress = r"(?xi)
            ^nghị[\ ]quyết[\ ](?:của[\ ])?đại[\ ]hội[\ ]
            (?:
                # Đại hội XII (của Đảng) · Đại hội đại biểu toàn quốc lần thứ XIII
                (?:đại[\ ]biểu[\ ])?(?:đảng[\ ])?(?:toàn[\ ]quốc[\ ])?(?:lần[\ ]thứ[\ ])?
                (?P<n>(?-i:[IVXL]+)|[0-9]{1,2})
                (?P<cua>[\ ]của[\ ]đảng(?:[\ ]cộng[\ ]sản[\ ]việt[\ ]nam)?)?
              | # Đại hội Đảng bộ tỉnh (Đắk Nông) lần thứ XI
                (?:đại[\ ]biểu[\ ])?(?P<local>đảng[\ ]bộ(?:[\ ][^\s,.;:()]+){0,5}?)
                [\ ]lần[\ ]thứ[\ ](?P<ln>(?-i:[IVXL]+)|[0-9]{1,2})
            )";
        Finder {
            symbol: symbol::regex(),
            by_last,
            more: Regex::new(more).expect("list regex"),
            resolution: Regex::new(r"(?i)nghị[ ]quyết[ ]").expect("resolution regex"),
            plenum: Regex::new(plenum).expect("plenum regex"),
            plenum_more: Regex::new(plenum_more).expect("plenum list regex"),
            congress: Regex::new(congress).expect("congress regex"),
        }
    }

    /// Every mention of `text`, in text order, with its right context read.
    pub(crate) fn find(&self, lx: &Lexicon, text: &str, dates: &[Date]) -> Vec<Found> {
        let mut symbols = self.symbols(lx, text);
        let mut used = vec![false; symbols.len()];
        let mut out = Vec::new();
        self.kind_led(lx, text, dates, &symbols, &mut used, &mut out);
        // symbols without a type word: the code names the kind
        for (sym, used) in symbols.drain(..).zip(used) {
            if used {
                continue;
            }
            let (kind, mut start) = match sym.code.kind {
                Some(kind) => (kind, sym.start),
                None => match named_before(lx, text, sym.start) {
                    Some(found) => found,
                    None => continue,
                },
            };
            // an abbreviated type word before it: 'NQ 10-NQ/TW', 'CV 5973/UBND-KT',
            // 'QĐ số 1254/QĐ-TTg'
            if let Some(before) = text.get(..sym.start).and_then(|b| b.strip_suffix(' ')) {
                let before = ["số", "Số"]
                    .iter()
                    .find_map(|w| before.strip_suffix(w).and_then(|b| b.strip_suffix(' ')))
                    .unwrap_or(before);
                let w = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
                let matches = sym.code.abbr.is_some_and(|a| a == w) || (kind == "Công văn" && w == "CV");
                if !w.is_empty() && matches {
                    start = before.len() - w.len();
                }
            }
            let after = lx.after(text, sym.end, dates);
            out.push(Found {
                start,
                end: sym.end,
                kind,
                kind_from_code: true,
                body: Body::Numbered { number: sym.number, code: Some(sym.code), year: None },
                after,
                shared_issuer: false,
                issued: None,
                rule: "symbol",
            });
        }
        let starts: Vec<usize> =
            self.resolution.find_iter(text).map(|m| m.start()).filter(|&h| word_start(text, h)).collect();
        self.plenums(lx, text, &starts, &mut out);
        self.congresses(text, &starts, &mut out);
        out.sort_by_key(|f| (f.start, f.end));
        share_along_lists(text, &mut out);
        out
    }

    fn symbols(&self, lx: &Lexicon, text: &str) -> Vec<Symbol> {
        let mut out = Vec::new();
        // the regex finds them; the parts are read by hand, cheaper than
        // capture groups
        for all in self.symbol.find_iter(text) {
            if !free_before(text, all.start()) || !free_after(text, all.end()) {
                continue;
            }
            if let Some((number, code)) = symbol::parse(lx, all.as_str()) {
                out.push(Symbol { start: all.start(), end: all.end(), number: number.to_owned(), code });
            }
        }
        out
    }

    /// The type word before a number starting at `num_start`: "Chỉ thị
    /// 05", "Chỉ thị số 05", "Chỉ thị số: 35-CT/TW", any case. Returns the
    /// kind's index in `Lexicon::kinds`, where the word starts and whether
    /// "số" stands between.
    fn kind_before(&self, text: &str, num_start: usize) -> Option<(usize, usize, bool)> {
        let mut before = text.get(..num_start)?;
        before = before.strip_suffix(' ').unwrap_or(before);
        before = before.strip_suffix(':').unwrap_or(before);
        before = before.strip_suffix(' ').unwrap_or(before);
        let mut so = false;
        if let Some(b) = ["số", "Số", "SỐ"].iter().find_map(|w| before.strip_suffix(w)) {
            if let Some(b) = b.strip_suffix(' ') {
                before = b;
                so = true;
            }
        }
        let last_start = before.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |i| i + 1);
        let last = before.get(last_start..)?;
        if last.is_empty() {
            return None;
        }
        let (_, words) = self.by_last.iter().find(|(l, _)| same_letters(l, last))?;
        for (k, w) in words {
            let Some(start) = before.len().checked_sub(w.len()) else { continue };
            let Some(cand) = before.get(start..) else { continue };
            if same_letters(cand, w) && word_start(text, start) {
                return Some((*k, start, so));
            }
        }
        None
    }

    fn kind_led(
        &self,
        lx: &Lexicon,
        text: &str,
        dates: &[Date],
        symbols: &[Symbol],
        used: &mut [bool],
        out: &mut Vec<Found>,
    ) {
        let symbol_at = |p: usize| symbols.binary_search_by_key(&p, |s| s.start).ok();
        // every mention with a type word has a number: look back from each
        let bytes = text.as_bytes();
        let mut at = 0;
        while let Some(off) = bytes.get(at..).and_then(next_digit) {
            let num_start = at + off;
            at = num_start
                + bytes.get(num_start..).map_or(1, |b| b.iter().take_while(|d| d.is_ascii_digit()).count());
            let Some((k, kind_start, so)) = self.kind_before(text, num_start) else { continue };
            let Some(word) = lx.kinds.get(k) else { continue };
            let all = kind_start..kind_start + word.surface.len();
            let lower = !text.get(all.clone()).is_some_and(|w| w.starts_with(char::is_uppercase));
            // "Luật Ban hành văn bản quy phạm pháp luật số 80/2015/QH13":
            // the lower-case word is part of a name that a capitalised type
            // word starts, and the symbol itself names no kind
            let named = symbol_at(num_start)
                .filter(|&i| lower && symbols[i].code.kind.is_none())
                .and_then(|_| named_before(lx, text, num_start))
                .filter(|&(_, start)| start < all.start);
            let (mut kind, start) = named.unwrap_or((word.kind, all.start));
            // "văn bản số 102/SYT-NVY": a generic word, the symbol says the
            // kind; a state symbol with no type is an official letter
            if word.need == Need::Generic {
                let Some(sym) = symbol_at(num_start).and_then(|i| symbols.get(i)) else { continue };
                kind = match (sym.code.kind, sym.code.family) {
                    (Some(k), _) => k,
                    (None, Family::State) if legislature(&sym.code.text).is_none() => "Công văn",
                    _ => continue,
                };
            }
            let head = if let Some(i) = symbol_at(num_start) {
                used[i] = true;
                let s = &symbols[i];
                Some((
                    s.end,
                    Body::Numbered { number: s.number.clone(), code: Some(s.code.clone()), year: None },
                ))
            } else {
                // "Chương trình hành động 35" after "Chương trình hành
                // động số 35-CTr/TU": the short form of a document the
                // article has cited with its code
                let cited = || {
                    let n = text.get(num_start..at).and_then(|d| d.parse::<u64>().ok());
                    symbols.iter().take_while(|s| s.start < num_start).any(|s| {
                        s.code.kind == Some(word.kind) && n.is_some() && s.number.parse::<u64>().ok() == n
                    })
                };
                let ok = match word.need {
                    Need::Bare => true,
                    Need::Numbered => so || cited(),
                    Need::Glued => text.get(all.clone()) == Some(word.surface),
                    Need::Coded | Need::Generic => false,
                };
                let capitals = !lower;
                bare_number(lx, text, num_start, !so, capitals)
                    .filter(|_| ok)
                    .map(|b| (b.end, Body::Numbered { number: b.number, code: b.code, year: b.year }))
            };
            let Some((end, body)) = head else { continue };
            let after = lx.after(text, end, dates);
            let mut list_end = after.end;
            let rule = if named.is_some() {
                "named"
            } else if so {
                "kind+số"
            } else {
                "kind"
            };
            out.push(Found {
                start,
                end,
                kind,
                kind_from_code: false,
                body,
                after,
                shared_issuer: false,
                issued: None,
                rule,
            });
            let head_index = out.len() - 1;
            // the list that goes on: 'số 18, 19 của …', 'số 154 & 201/KH-ĐHHV'
            while let Some(m) = text.get(list_end..).and_then(|r| self.more.captures(r)) {
                let Some(n) = m.name("num") else { break };
                let at = list_end + n.start();
                let (end, body) = if let Some(i) = symbol_at(at) {
                    let s = &symbols[i];
                    if s.code.kind.is_some_and(|k| k != word.kind) && s.code.kind != Some("Công văn") {
                        break;
                    }
                    used[i] = true;
                    (
                        s.end,
                        Body::Numbered { number: s.number.clone(), code: Some(s.code.clone()), year: None },
                    )
                } else if let Some(b) = bare_number(lx, text, at, true, true) {
                    (b.end, Body::Numbered { number: b.number, code: b.code, year: b.year })
                } else {
                    break;
                };
                let after = lx.after(text, end, dates);
                list_end = after.end;
                out.push(Found {
                    start: at,
                    end,
                    kind: word.kind,
                    kind_from_code: false,
                    body,
                    after,
                    shared_issuer: false,
                    issued: None,
                    rule: "kind list",
                });
            }
            share_code(text, &mut out[head_index..]);
        }
    }

    fn plenums(&self, lx: &Lexicon, text: &str, starts: &[usize], out: &mut Vec<Found>) {
        for &h in starts {
            let Some(caps) = text.get(h..).and_then(|r| self.plenum.captures(r)) else { continue };
            let Some(all) = caps.get(0) else { continue };
            let (start, all_end) = (h, h + all.end());
            let Some(rest) = text.get(all_end..) else { continue };
            // the number may be glued to the next word: 'Trung ương 4Về …'
            let glued = caps.name("nth1").is_some_and(|m| !m.as_str().contains(char::is_alphabetic));
            let Some((n, after_n)) = plenum_number(rest, glued) else { continue };
            let mut end = text.len() - after_n.len();
            let mut plenums = vec![(n, start, end)];
            // more plenums: ', Trung ương 8', ' và 5', ', lần thứ tám'
            while let Some(m) = text.get(end..).and_then(|r| self.plenum_more.captures(r)) {
                let (Some(again), Some(whole)) = (m.name("again"), m.get(0)) else { break };
                let at = end + whole.end();
                let rest = text.get(at..).unwrap_or("");
                let words = again.as_str().contains(char::is_alphabetic);
                let next = if again.as_str().to_lowercase().contains("lần") {
                    ordinal(rest)
                } else {
                    plenum_number(rest, false)
                };
                let Some((n, r)) = next else { break };
                let num_end = text.len() - r.len();
                if !words && !followed_well(lx, text, num_end, true) {
                    break;
                }
                plenums.push((n, end + again.start(), num_end));
                end = num_end;
            }
            if caps.name("nth2").is_some() {
                // 'Hội nghị lần thứ 4' must name the Central Committee
                let Some(r) = text.get(end..).and_then(|r| r.strip_prefix(' ')) else { continue };
                let r2 = r.strip_prefix("của ").unwrap_or(r);
                let Some((_, len)) = lx.issuer_at(r2).filter(|(i, _)| i.code == "TW") else { continue };
                end = text.len() - r2.len() + len;
            }
            let mut ts = Vec::new();
            if let Some((t, len)) = terms(text.get(end..).unwrap_or("")) {
                ts = t;
                end += len;
            }
            if plenums.len() == 1 {
                plenums[0].2 = end;
            } else if let Some(last) = plenums.last_mut() {
                last.2 = end;
            }
            out.push(Found {
                start,
                end,
                kind: "Nghị quyết",
                kind_from_code: false,
                body: Body::Plenum { plenums, terms: ts },
                after: After { end, ..After::default() },
                shared_issuer: false,
                issued: None,
                rule: "plenum",
            });
        }
    }

    fn congresses(&self, text: &str, starts: &[usize], out: &mut Vec<Found>) {
        for &h in starts {
            let Some(caps) = text.get(h..).and_then(|r| self.congress.captures(r)) else { continue };
            let Some(all) = caps.get(0) else { continue };
            let (n, local) = match (caps.name("n"), caps.name("ln")) {
                (Some(n), _) => (n, None),
                (None, Some(n)) => (n, caps.name("local").map(|l| l.as_str().to_owned())),
                _ => continue,
            };
            let value =
                roman(n.as_str()).or_else(|| n.as_str().parse().ok().filter(|v| (1..=50).contains(v)));
            let Some(value) = value else { continue };
            if !free_after(text, h + n.end()) {
                continue;
            }
            let mut end = h + all.end();
            if let Some(c) = caps.name("cua") {
                if !free_after(text, h + c.end()) {
                    end = h + c.start();
                }
            }
            out.push(Found {
                start: h,
                end,
                kind: "Nghị quyết",
                kind_from_code: false,
                body: Body::Congress { congress: value, local },
                after: After { end, ..After::default() },
                shared_issuer: false,
                issued: None,
                rule: "congress",
            });
        }
    }
}

/// The offset of the first ASCII digit of `b`, skipping 32-byte blocks
/// without one (the test vectorizes).
fn next_digit(b: &[u8]) -> Option<usize> {
    let mut base = 0;
    for chunk in b.chunks(32) {
        if chunk.iter().fold(false, |any, &c| any | (c.wrapping_sub(b'0') < 10)) {
            return chunk.iter().position(u8::is_ascii_digit).map(|i| base + i);
        }
        base += chunk.len();
    }
    None
}

/// For a symbol that names no kind ("80/2015/QH13"), the type word of a
/// named reference before it in the same clause: "Luật Ban hành văn bản
/// quy phạm pháp luật số 80/2015/QH13". Returns the kind and where the
/// mention starts.
fn named_before(lx: &Lexicon, text: &str, at: usize) -> Option<(&'static str, usize)> {
    let before = text.get(..at)?;
    let before = before.strip_suffix(' ').unwrap_or(before);
    let before = before.strip_suffix(':').unwrap_or(before).trim_end_matches(' ');
    let head = before.strip_suffix("số").or_else(|| before.strip_suffix("Số"))?;
    // the clause: back to punctuation that ends one, at most 150 bytes
    let floor = head.len().saturating_sub(150);
    let mut from = floor;
    while from < head.len() && !head.is_char_boundary(from) {
        from += 1;
    }
    let window = head.get(from..)?;
    let cut = window.rfind(['.', ';', ':', '(', ')', '\n', '“', '”', '"']).map_or(0, |i| i + 1);
    let window = window.get(cut..)?;
    let offset = head.len() - window.len();
    // a capitalised type word starts a name ("Luật Ban hành văn bản quy
    // phạm pháp luật số …"); else one in any case ("luật An ninh mạng số
    // 24/2018/QH14"), where lower-casing keeps the offsets
    let lower = window.to_lowercase();
    let last = |hay: &str, lowered: bool| {
        let mut best: Option<(usize, &'static str)> = None;
        for k in lx.kinds.iter().filter(|k| !matches!(k.need, Need::Generic | Need::Glued)) {
            let w = if lowered { k.surface.to_lowercase() } else { k.surface.to_owned() };
            if let Some(i) = hay.rfind(&w) {
                if word_start(window, i) && best.is_none_or(|(b, _)| i > b) {
                    best = Some((i, k.kind));
                }
            }
        }
        best
    };
    let best =
        last(window, false).or_else(|| (lower.len() == window.len()).then(|| last(&lower, true)).flatten());
    best.map(|(i, kind)| (kind, offset + i))
}

/// A plenum number at the start of `s`; `glued` allows a capitalised word
/// right after the digits ('4Về').
fn plenum_number(s: &str, glued: bool) -> Option<(u32, &str)> {
    if let Some(r) = ordinal(s) {
        return Some(r);
    }
    if !glued {
        return None;
    }
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let rest = s.get(digits..)?;
    let next = rest.chars().next()?;
    if digits == 0 || digits > 2 || !next.is_uppercase() {
        return None;
    }
    let n: u32 = s.get(..digits)?.parse().ok()?;
    (1..=30).contains(&n).then_some((n, rest))
}

/// A document number read without a symbol.
struct Bare {
    number: String,
    end: usize,
    /// "Nghị định 100/2019": the year written after the number.
    year: Option<i32>,
    /// "159-TB": a party type written without its issuer.
    code: Option<Code>,
}

/// A bare number at `at`, if it reads as a document number: its digits and
/// end, and a year ("Nghị định 100/2019") or a party type without issuer
/// ("Thông báo kết luận số 159-TB") written after it. With `strict` (no
/// "số" before it), a year-like number ("Kế hoạch 2020") is refused and
/// the number must be followed by the end, punctuation, a capitalised word
/// or a word of `after_number.txt` — else it counts something ("Kế hoạch 5
/// năm").
fn bare_number(lx: &Lexicon, text: &str, at: usize, strict: bool, capitals: bool) -> Option<Bare> {
    let rest = text.get(at..)?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 5 {
        return None;
    }
    let number = rest.get(..digits)?.to_owned();
    let end = at + digits;
    let after = text.get(end..)?;
    let year_like = digits == 4 && matches!(number.parse::<u32>(), Ok(1900..=2100));
    if let Some(year) = year_after_number(after).filter(|_| !(strict && year_like)) {
        // "Nghị định 100/2019", "Thông tư 02/2019 của Bộ …": the symbol left out
        return Some(Bare { number, end: end + 5, year: Some(year), code: None });
    }
    let mut chars = after.chars();
    match (chars.next(), chars.next()) {
        (Some(c), _) if c.is_alphanumeric() => return None,
        // a date, a decimal, a ratio: '15/5', '3.754', '2,5', '2016-2020'
        (Some('/' | '.' | ',' | '-' | '–' | ':'), Some(d)) if d.is_ascii_digit() => return None,
        _ => {}
    }
    // a party type with no issuer: "Thông báo kết luận số 159-TB"
    if let Some(t) = after.strip_prefix('-') {
        let w: &str = t.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        let next = t.get(w.len()..).and_then(|r| r.chars().next());
        if next.is_none_or(|c| c != '/' && !c.is_alphanumeric()) {
            if let Some(code) = symbol::type_only(lx, w) {
                return Some(Bare { number, end: end + 1 + w.len(), year: None, code: Some(code) });
            }
        }
    }
    if strict && (year_like || !followed_well(lx, text, end, capitals)) {
        return None;
    }
    Some(Bare { number, end, year: None, code: None })
}

/// "/2019" right after a document number, ending there (not "/2019/NĐ-CP",
/// a symbol, nor "/2019-2020"): the year of a state document cited without
/// its symbol. Returns the year.
fn year_after_number(after: &str) -> Option<i32> {
    let year = after.strip_prefix('/')?.get(..4)?;
    if !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let tail = after.get(5..)?;
    let mut chars = tail.chars();
    let ends = match (chars.next(), chars.next()) {
        (None, _) => true,
        (Some(c), _) if c.is_alphanumeric() || c == '/' => false,
        (Some('-' | '–' | '.' | ','), Some(d)) if d.is_alphanumeric() => false,
        _ => true,
    };
    let y: i32 = year.parse().ok()?;
    (ends && (1945..=2100).contains(&y)).then_some(y)
}

/// Whether what follows a bare number at `end` lets it be a document's.
/// `capitals`: a capitalised word will do (an issuer: "Chỉ thị 05 Bộ
/// Chính trị"); not after a type word written in lower case, which is
/// often a verb ("hướng dẫn 20 Hội viên").
fn followed_well(lx: &Lexicon, text: &str, end: usize, capitals: bool) -> bool {
    let Some(after) = text.get(end..) else { return false };
    let Some(c) = after.chars().next() else { return true };
    if c != ' ' {
        return matches!(
            c,
            '\n' | ',' | '.' | ';' | ':' | ')' | '(' | '”' | '"' | '’' | '\'' | '?' | '!' | '…'
        );
    }
    let rest = after.get(1..).unwrap_or("");
    let Some(c) = rest.chars().next() else { return true };
    // what comes after the next word: a number makes a range or a date
    let next_word: &str = rest.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    let then_digit = || {
        let r = rest.get(next_word.len()..).unwrap_or("").trim_start_matches([' ', '-', '–']);
        r.starts_with(|c: char| c.is_ascii_digit())
    };
    if matches!(c, '-' | '–' | '—') {
        return !then_digit(); // "5 - 7 hộ" is a range
    }
    if matches!(c, '(' | '“' | '"') {
        return true;
    }
    if next_word.is_empty() {
        return false;
    }
    match tone_key(next_word).as_str() {
        // "ngày 15/5/2016" dates the document; "2 ngày làm việc" counts days
        "ngày" => return then_digit(),
        // "từ 5 đến 7", "30 trên 40": ranges and ratios
        "đến" | "tới" | "trên" | "từ" if then_digit() => return false,
        _ => {}
    }
    (capitals && c.is_uppercase()) || lx.may_follow_number(next_word)
}

/// Whether a symbol may start at `at`: not inside a word or a number.
fn free_before(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or("");
    // glued to "số": "Quyết định số1254/QĐ-TTg"
    if let Some(b) = ["số", "Số", "SỐ"].iter().find_map(|w| before.strip_suffix(w)) {
        return b.chars().next_back().is_none_or(|c| !c.is_alphanumeric());
    }
    let mut rev = before.chars().rev();
    match (rev.next(), rev.next()) {
        (Some(c), _) if c.is_alphanumeric() || c == '/' => false,
        (Some('.' | ',' | '-'), Some(d)) if d.is_ascii_digit() => false,
        _ => true,
    }
}

/// Whether a match may end at `at`: not inside a word.
fn free_after(text: &str, at: usize) -> bool {
    text.get(at..).and_then(|r| r.chars().next()).is_none_or(|c| !c.is_alphanumeric())
}

/// Whether a word starts at `at`.
fn word_start(text: &str, at: usize) -> bool {
    text.get(..at).and_then(|b| b.chars().next_back()).is_none_or(|c| !c.is_alphanumeric())
}

/// In a list whose last number carries the code and whose others are bare
/// ('Kế hoạch số 154 & 201/KH-ĐHHV', 'Nghị quyết số 01, 02, 03/NQ-HĐND'),
/// the bare ones share it.
fn share_code(text: &str, list: &mut [Found]) {
    if list.len() < 2 {
        return;
    }
    let Some(code) = list.last().and_then(|f| f.code().cloned()) else { return };
    // only numbers directly joined by '&', 'và' or a comma share a symbol
    for i in 0..list.len() - 1 {
        let (a, b) = (&list[i], &list[i + 1]);
        let sep = text.get(a.end..b.start).unwrap_or("").trim();
        let joined = matches!(sep, "&" | "và" | ",");
        if !joined {
            return;
        }
    }
    for f in list.iter_mut() {
        if let Body::Numbered { code: c @ None, .. } = &mut f.body {
            *c = Some(code.clone());
        }
    }
}

/// Coordinated mentions of one kind share the body named after the last
/// ("Nghị quyết số 18 và Nghị quyết số 19 của Trung ương Đảng", "Nghị
/// quyết số 18, 19 của …"), and its term, where their own codes agree.
fn share_along_lists(text: &str, found: &mut [Found]) {
    for i in (0..found.len().saturating_sub(1)).rev() {
        let (head, tail) = found.split_at_mut(i + 1);
        let (a, b) = (&mut head[i], &tail[0]);
        if a.kind != b.kind
            || !matches!(a.body, Body::Numbered { .. })
            || !matches!(b.body, Body::Numbered { .. })
        {
            continue;
        }
        let sep = text.get(a.after.end..b.start).unwrap_or("x").trim();
        if sep.len() > 8 {
            continue;
        }
        let sep = tone_key(sep);
        if !matches!(sep.as_str(), "," | "và" | ", và" | ";" | "&" | "cùng") {
            continue;
        }
        if a.after.issuer.is_none() {
            if let Some(issuer) = b.after.issuer {
                let fits = a
                    .code()
                    .and_then(|c| c.issuer.as_deref())
                    .is_none_or(|ci| issuer_family(ci) == issuer_family(issuer.code));
                if fits {
                    a.after.issuer = Some(issuer);
                    a.shared_issuer = true;
                }
            }
        }
        let party = a.code().is_none_or(|c| c.family == Family::Party);
        if party {
            a.after.term = a.after.term.or(b.after.term);
            a.after.plenum = a.after.plenum.or(b.after.plenum);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str) -> Vec<Found> {
        let lx = Lexicon::new();
        Finder::new(&lx).find(&lx, text, &[])
    }

    fn codes(text: &str) -> Vec<(String, String, Option<i32>)> {
        find(text)
            .into_iter()
            .filter_map(|f| match f.body {
                Body::Numbered { number, code, .. } => code.map(|c| (number, c.text, c.year)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn symbols_of_both_families() {
        assert_eq!(codes("số 05 - CT/TW"), [("05".into(), "CT/TW".into(), None)]);
        assert_eq!(codes("số 04 –NQ/TW"), [("04".into(), "NQ/TW".into(), None)]);
        assert_eq!(codes("số 65-Ctr/TU"), [("65".into(), "CTr/TU".into(), None)]);
        assert_eq!(codes("theo 30/2020/NĐ-CP"), [("30".into(), "NĐ-CP".into(), Some(2020))]);
        assert_eq!(codes("theo 19-2018/NQ-CP"), [("19".into(), "NQ-CP".into(), Some(2018))]);
        assert_eq!(codes("Nghị quyết 653/2019-UBTVQH14"), [("653".into(), "UBTVQH14".into(), Some(2019))]);
        assert_eq!(codes("số 1206 /QĐ-HVTC"), [("1206".into(), "QĐ-HVTC".into(), None)]);
        assert_eq!(codes("Công văn 5973/UBND-KT"), [("5973".into(), "UBND-KT".into(), None)]);
    }

    #[test]
    fn not_symbols() {
        for text in ["ngày 15/5/2016", "73/73 TCCS Đảng", "giai đoạn 2016-2020", "6/7 xã", "lúc 7/8 giờ"]
        {
            assert!(codes(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn slips_are_kept_as_written() {
        let f = find("Chỉ thị 05-CT/WT của Bộ Chính trị");
        let code = f[0].code().unwrap();
        assert_eq!((code.text.as_str(), code.key.as_str()), ("CT/WT", "CT/TW"));
        assert_eq!(code.slips, [("WT".to_owned(), "TW".to_owned())]);
        // a local board's code is no slip
        assert!(find("Hướng dẫn số 23 - HD/TG")[0].code().unwrap().slips.is_empty());
    }

    #[test]
    fn bare_numbers_that_count() {
        for text in
            ["Kế hoạch 5 năm", "hướng dẫn 50 hộ dân", "Kế hoạch 2020", "Chỉ thị 3,5 điểm", "Quyết định 15/5"]
        {
            assert!(find(text).is_empty(), "{text}");
        }
        assert_eq!(find("Chỉ thị 05 của Bộ Chính trị").len(), 1);
        assert_eq!(find("Chỉ thị 05.").len(), 1);
    }

    #[test]
    fn lists_share_issuer() {
        let f = find("thực hiện Nghị quyết số 18 và Nghị quyết số 19 của Trung ương Đảng");
        assert_eq!(f.len(), 2);
        assert!(f.iter().all(|f| f.after.issuer.map(|i| i.code) == Some("TW")));
        let f = find("thực hiện Nghị quyết số 18, 19 của Trung ương Đảng");
        assert_eq!(f.len(), 2);
        assert!(f.iter().all(|f| f.after.issuer.map(|i| i.code) == Some("TW")));
        // another kind does not share
        let f = find("thực hiện Chỉ thị 05 và Kế hoạch số 08 của Tỉnh ủy");
        assert_eq!(f[0].after.issuer, None);
    }

    #[test]
    fn plenum_lists() {
        let f = find("Nghị quyết Trung ương 7, Trung ương 8 về");
        let Body::Plenum { plenums, terms } = &f[0].body else { panic!() };
        let text = "Nghị quyết Trung ương 7, Trung ương 8 về";
        let spans: Vec<&str> = plenums.iter().map(|(_, s, e)| &text[*s..*e]).collect();
        assert_eq!(spans, ["Nghị quyết Trung ương 7", "Trung ương 8"]);
        assert!(terms.is_empty());
    }
}
