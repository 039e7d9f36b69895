//! The article's head as the page prints it: its title, the category label
//! above the title, the date line, the breadcrumb.
//!
//! Candidates are the blocks just before the article's first paragraph. A
//! label or date line counts only when it sits *with* the title in the page
//! structure (their common container holds little else): a header clock, a
//! sidebar heading or a menu above the article does not.

use super::content::{Kind, ends_sentence, words};
use super::dom::{self, Page};
use super::hints::Hints;
use crate::normalize::tone_key;
use crate::page::stamp::{self, Stamp};
use crate::page::{chrome::Chrome, site};

/// How far before the first paragraph the title is looked for, in blocks.
const TITLE_WINDOW: usize = 15;

/// A comparison key: lower case, tone placement unified, letters and digits
/// only.
pub(super) fn key(s: &str) -> String {
    let folded = tone_key(s);
    let mut out = String::with_capacity(folded.len());
    // runs of what is not a letter or digit become one space between words
    let mut gap = false;
    for c in folded.chars() {
        if is_alphanumeric(c) {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c);
        } else {
            gap = true;
        }
    }
    out
}

/// `char::is_alphanumeric`, without the Unicode tables for the Latin
/// letters Vietnamese is written with (Latin-1 to Latin Extended-B, Latin
/// Extended Additional: all letters but `×` and `÷`).
#[inline]
fn is_alphanumeric(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        '×' | '÷' => false,
        '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}' => true,
        _ => c.is_alphanumeric(),
    }
}

/// Whether two headings are the same text, give or take a site suffix, a
/// date in brackets or a closing quote.
pub(super) fn same_heading(a: &str, b: &str) -> bool {
    same_key(&key(a), &key(b))
}

/// [`same_heading`] on texts already folded with [`key`].
fn same_key(a: &str, b: &str) -> bool {
    quick_same_key(a, b).unwrap_or_else(|| same_words(&sorted_words(a), &sorted_words(b)))
}

/// What [`same_key`] decides without comparing word sets: `None` when the
/// words must be compared.
fn quick_same_key(a: &str, b: &str) -> Option<bool> {
    if a.is_empty() || b.is_empty() {
        return Some(false);
    }
    if a == b {
        return Some(true);
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.starts_with(short) && short.len() * 10 >= long.len() * 6 {
        return Some(true);
    }
    None
}

/// The words of a key, sorted, without repeats.
fn sorted_words(s: &str) -> Vec<&str> {
    let mut w: Vec<&str> = s.split(' ').collect();
    w.sort_unstable();
    w.dedup();
    w
}

/// Whether two sorted word sets share 80% of their union.
fn same_words(wa: &[&str], wb: &[&str]) -> bool {
    let common = wa.iter().filter(|w| wb.binary_search(w).is_ok()).count();
    common * 10 >= (wa.len() + wb.len() - common) * 8
}

/// The title's block, if one of the blocks before `first_prose` is shaped
/// and marked like the article's heading.
pub(super) fn title(
    page: &Page,
    kinds: &[Kind],
    first_prose: usize,
    meta_titles: &[String],
) -> Option<usize> {
    best_title(page, kinds, first_prose.saturating_sub(TITLE_WINDOW), first_prose, meta_titles)
        .filter(|(s, _)| *s >= 1.0)
        .map(|(_, i)| i)
}

/// A heading anywhere on the page that its metadata names as the article's
/// title and that is marked as a heading: the anchor of the article when
/// the heaviest text of the page lies elsewhere (a page whose article is
/// only an attached file, next to a sidebar of prose).
pub(super) fn strong_title(page: &Page, kinds: &[Kind], meta_titles: &[String]) -> Option<usize> {
    let last = page.blocks.len().checked_sub(1)?;
    best_title(page, kinds, 0, last, meta_titles).filter(|(s, _)| *s >= 6.0).map(|(_, i)| i)
}

fn best_title(
    page: &Page,
    kinds: &[Kind],
    from: usize,
    to: usize,
    meta_titles: &[String],
) -> Option<(f32, usize)> {
    // the meta titles' keys and word sets, made once for every block
    let meta_keys: Vec<String> = meta_titles.iter().map(|t| key(t)).collect();
    let meta_words: Vec<Vec<&str>> = meta_keys.iter().map(|m| sorted_words(m)).collect();
    let mut best: Option<(f32, usize)> = None;
    for i in from..=to {
        let (Some(b), Some(&k)) = (page.blocks.get(i), kinds.get(i)) else { continue };
        if matches!(k, Kind::Stamp | Kind::Chrome(_)) {
            continue;
        }
        let n = words(&b.text);
        if !(2..=60).contains(&n) || b.text.chars().count() > 350 || site::is_site_name(&b.text) {
            continue;
        }
        let matches_meta = !meta_keys.is_empty() && {
            let k = key(&b.text);
            let mut words: Option<Vec<&str>> = None;
            // the shared words are at most the block's words, the union at
            // least the meta title's: too few words cannot share 80%
            let count = k.split(' ').count();
            meta_keys.iter().zip(&meta_words).any(|(m, mw)| {
                quick_same_key(m, &k).unwrap_or_else(|| {
                    count * 10 >= mw.len() * 8
                        && same_words(mw, words.get_or_insert_with(|| sorted_words(&k)))
                })
            })
        };
        if b.has(dom::CHROME_TAG) && !matches_meta {
            continue;
        }
        let mut s = match b.heading {
            1 => 3.0,
            2 => 2.0,
            3 | 4 => 1.0,
            _ => 0.0,
        };
        if b.hints.has(Hints::TITLE) && !b.hints.has(Hints::SECTION) {
            s += 3.0;
        }
        if matches_meta {
            s += 5.0;
        }
        if k == Kind::Link && !matches_meta {
            s -= 3.0;
        }
        if b.hints.has(Hints::CHROME) {
            s -= 2.0;
        }
        if b.bold_chars * 10 >= b.chars * 8 {
            s += 1.0;
        }
        if n >= 4 {
            s += 0.5;
            // a heading-shaped line right over the date line
            if kinds.get(i + 1) == Some(&Kind::Stamp) && !ends_sentence(&b.text) {
                s += 1.5;
            }
        }
        if n > 35 && ends_sentence(&b.text) {
            s -= 2.0;
        }
        s -= 0.15 * (to - i).min(20) as f32;
        if best.is_none_or(|(bs, _)| s > bs) {
            best = Some((s, i));
        }
    }
    best
}

/// The text of the blocks of a block-level element and its ancestors, as
/// a chain of element indices from the innermost up.
fn ancestors(page: &Page, block: usize) -> Vec<u32> {
    let mut chain = Vec::new();
    let mut e = page.blocks.get(block).map_or(u32::MAX, |b| b.elem);
    while let Some(el) = page.elems.get(e as usize) {
        chain.push(e);
        e = el.parent;
        if chain.len() > 512 {
            break;
        }
    }
    chain
}

/// Whether block `a` (before the article) belongs with the article that
/// spans blocks `start..end`: their lowest common container holds at most a
/// little text outside `a..end`.
pub(super) fn near(page: &Page, a: usize, start: usize, end: usize) -> bool {
    let chain = ancestors(page, start);
    let mut e = page.blocks.get(a).map_or(u32::MAX, |b| b.elem);
    while let Some(el) = page.elems.get(e as usize) {
        if chain.contains(&e) {
            let outside: u32 = page
                .blocks
                .get(el.first as usize..a)
                .into_iter()
                .flatten()
                .chain(page.blocks.get(end..el.end as usize).into_iter().flatten())
                .map(|b| b.chars)
                .sum();
            return outside <= 250;
        }
        e = el.parent;
    }
    false
}

/// Whether block `a`, after the article that spans blocks `start..end`,
/// belongs with it: their lowest common container holds at most a little
/// text besides the article and `a` (the title, a share bar).
pub(super) fn near_after(page: &Page, a: usize, start: usize, end: usize) -> bool {
    let chain = ancestors(page, start);
    let mut e = page.blocks.get(a).map_or(u32::MAX, |b| b.elem);
    while let Some(el) = page.elems.get(e as usize) {
        if chain.contains(&e) {
            let outside: u32 = page
                .blocks
                .get(el.first as usize..start)
                .into_iter()
                .flatten()
                .chain(page.blocks.get(end.min(a)..a).into_iter().flatten())
                .chain(page.blocks.get(a + 1..el.end as usize).into_iter().flatten())
                .map(|b| b.chars)
                .sum();
            return outside <= 250;
        }
        e = el.parent;
    }
    false
}

/// Whether the lowest common container of block `a` and the title holds at
/// most a little text before `a`.
fn little_before(page: &Page, a: usize, title: usize) -> bool {
    let chain = ancestors(page, title);
    let mut e = page.blocks.get(a).map_or(u32::MAX, |b| b.elem);
    while let Some(el) = page.elems.get(e as usize) {
        if chain.contains(&e) {
            let before: u32 =
                page.blocks.get(el.first as usize..a).into_iter().flatten().map(|b| b.chars).sum();
            return before <= 250;
        }
        e = el.parent;
    }
    false
}

/// A short heading shaped like a category name.
fn section_shaped(text: &str) -> bool {
    let n = words(text);
    (1..=10).contains(&n)
        && text.chars().count() <= 80
        && !text.chars().any(|c| c.is_ascii_digit())
        && !text.ends_with(['.', ':', ';', '!', '?'])
        && !site::is_site_name(text)
}

/// The category label printed just above the title.
pub(super) fn label_above(page: &Page, kinds: &[Kind], title: usize, end: usize) -> Option<String> {
    let mut i = title;
    let mut steps = 0;
    while i > 0 && steps < 4 {
        i -= 1;
        steps += 1;
        let (b, k) = (page.blocks.get(i)?, *kinds.get(i)?);
        match k {
            Kind::Stamp => continue,
            Kind::Short | Kind::Link => {}
            _ => return None,
        }
        if b.hints.has(Hints::BREADCRUMB | Hints::CHROME) || b.has(dom::CHROME_TAG | dom::LIST_ITEM) {
            return None;
        }
        // an entry of a menu: links one after another
        let parent =
            |j: usize| page.blocks.get(j).and_then(|x| page.elems.get(x.elem as usize)).map(|e| e.parent);
        let in_menu = k == Kind::Link
            && i > 0
            && kinds.get(i - 1) == Some(&Kind::Link)
            && parent(i - 1).is_some()
            && parent(i - 1) == parent(i);
        // the label right above the title may share its container with what
        // follows the article (comments, related lists): only the text before
        // it there must be little
        let right_above = kinds.get(i + 1..title).is_some_and(|ks| ks.iter().all(|k| *k == Kind::Stamp));
        let with_title = near(page, i, title, end) || (right_above && little_before(page, i, title));
        if section_shaped(&b.text) && !b.text.contains('|') && !in_menu && with_title {
            // a trail printed above the title: its last entry
            if let Some(last) = crate::page::text::breadcrumb_last(&b.text) {
                return Some(last.to_owned());
            }
            return Some(b.text.trim_end_matches(['>', '»', '›', ' ']).to_owned());
        }
        return None;
    }
    None
}

/// The section named by a breadcrumb ("Trang chủ > Tin tức > Xây dựng
/// Đảng", or one entry a block in an element marked as a breadcrumb): its
/// last entry that is not the title nor the home page.
pub(super) fn breadcrumb(page: &Page, title: Option<&str>) -> Option<String> {
    let usable = |s: &str| {
        let k = key(s);
        !s.is_empty()
            && !matches!(k.as_str(), "trang chủ" | "home" | "trang chu" | "trang nhất")
            && title.is_none_or(|t| !same_heading(t, s))
            && section_shaped(s)
    };
    // entries in blocks of a marked breadcrumb
    let marked: Vec<&str> = page
        .blocks
        .iter()
        .filter(|b| b.hints.has(Hints::BREADCRUMB) && words(&b.text) <= 30)
        .flat_map(|b| b.text.split(['>', '»', '›', '/', '|']))
        .map(str::trim)
        .collect();
    if let Some(s) = marked.iter().rev().find(|s| usable(s)) {
        return Some((*s).to_owned());
    }
    // a trail written in one line
    page.blocks.iter().filter(|b| words(&b.text) <= 30).find_map(|b| {
        let parts: Vec<&str> = b.text.split(['>', '»', '›']).map(str::trim).collect();
        // three entries or more, before the first one is folded
        if parts.len() < 3 {
            return None;
        }
        let home =
            parts.first().is_some_and(|p| matches!(key(p).as_str(), "trang chủ" | "home" | "trang chu"));
        home.then(|| parts.iter().rev().find(|s| usable(s)).map(|s| (*s).to_owned()))?
    })
}

/// A date stamp found in a block, with where and how it is written.
#[derive(Debug, Clone, Copy)]
pub(super) struct Dated {
    pub block: usize,
    pub stamp: Stamp,
    pub notation: Option<char>,
}

/// Every stamp on the page: lines that are a stamp, lines that end with one
/// in brackets (list entries "Tiêu đề (04/04/2019)").
pub(super) fn page_stamps(page: &Page) -> Vec<Dated> {
    page.blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| words(&b.text) <= 40 && b.text.bytes().any(|c| c.is_ascii_digit()))
        .filter_map(|(i, b)| {
            let s =
                stamp::find_in_line(&b.text).or_else(|| stamp::split_trailing(&b.text).map(|(_, s)| s))?;
            Some(Dated { block: i, stamp: s, notation: stamp::notation(&b.text) })
        })
        .collect()
}

/// Whether a stamp next to the title is a time of the page's build or
/// system, not the article's: the very same date and time stands on two or
/// more other items of the page (every link of a static build carries the
/// build time); or it is written in dotted notation (dd.mm.yyyy, a system
/// timestamp format) while the page dates its other items, two or more, in
/// another notation only.
pub(super) fn is_system_stamp(d: &Dated, all: &[Dated], article: (usize, usize)) -> bool {
    let others = || all.iter().filter(|o| o.block != d.block);
    if d.stamp.time.is_some() && others().filter(|o| o.stamp == d.stamp).count() >= 2 {
        return true;
    }
    let listed: Vec<&Dated> = others().filter(|o| o.block < article.0 || o.block >= article.1).collect();
    d.notation == Some('.')
        && listed.len() >= 2
        && listed.iter().all(|o| o.notation.is_some_and(|n| n != '.'))
}

/// The article's own date line: a stamp between the head window's start
/// and the first paragraph, next to the title, that is not a system stamp;
/// or a `<time datetime>` there.
pub(super) fn date_line(
    page: &Page,
    kinds: &[Kind],
    window: (usize, usize),
    article: (usize, usize),
    all: &[Dated],
) -> Option<String> {
    let (from, to) = window;
    // the title's own line first, then lines under it, then those above it
    let title = article.0.clamp(from, to);
    for i in (title..to).chain((from..title).rev()) {
        let Some(b) = page.blocks.get(i) else { continue };
        if b.has(dom::CHROME_TAG) || (!near(page, i, article.0, article.1) && i < article.0) {
            continue;
        }
        if let Some(d) = all.iter().find(|d| d.block == i) {
            let line_like =
                matches!(kinds.get(i), Some(Kind::Stamp | Kind::Short | Kind::Chrome(Chrome::Furniture)))
                    || b.hints.has(Hints::DATE);
            if line_like && !is_system_stamp(d, all, article) {
                let visible = d.stamp.to_iso();
                // "<time datetime='2021-03-16T08:30:12+07:00'>16/03/2021</time>":
                // the attribute gives the time of the day shown
                if d.stamp.time.is_none()
                    && let Some(dt) = b.datetime.as_deref().and_then(super::meta::iso_time)
                    && dt.starts_with(&visible)
                {
                    return Some(dt);
                }
                return Some(visible);
            }
        }
        if let Some(dt) = b.datetime.as_deref().and_then(super::meta::iso_time) {
            return Some(dt);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_alphanumeric_agrees_with_std() {
        for c in (0..0x2100u32).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn headings_compare_loosely() {
        assert!(same_heading("Sắp xếp tổ chức bộ máy", "SẮP XẾP TỔ CHỨC BỘ MÁY"));
        assert!(same_heading(
            "Ban chỉ huy tổ chức lễ phát động thi đua “luyện quân, lập công , quyết thắng chào mừng",
            "Ban chỉ huy tổ chức lễ phát động thi đua “luyện quân, lập công , quyết thắng” chào mừng (07/05/1954 – 07/5/2019)"
        ));
        assert!(!same_heading("Hội nghị", "Sơ kết công tác quý III"));
    }
}
