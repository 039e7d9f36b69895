//! Finding the article's text among the page's blocks, whatever the skin.
//!
//! Each block gets a kind from its own text (prose, a short line, a link
//! list entry, known chrome, a date stamp) and a weight: prose counts for
//! its length, link text and chrome against it, short lines a little. The
//! article's region is the block-level element whose blocks weigh most: the
//! smallest element that holds the article's prose before menus, lists of
//! other articles and sidebars make its ancestors lighter. Class and id
//! names ([`super::hints`]) tilt the weights (content containers up, chrome
//! down) without deciding alone.

use super::dom::{self, Block, Page};
use super::hints::Hints;
use crate::page::chrome::{self, Chrome};
use crate::page::stamp;

/// What a block is, from its text and place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// A sentence or more of running text.
    Prose,
    /// A short line without a sentence: heading, label, caption, byline.
    Short,
    /// Mostly link text: a menu entry, a related article.
    Link,
    /// Known chrome ([`crate::page::chrome`]).
    Chrome(Chrome),
    /// A line that is only a date stamp.
    Stamp,
}

/// Sentence-final punctuation, after closing quotes and brackets.
pub(super) fn ends_sentence(text: &str) -> bool {
    let last = text.trim_end_matches(['"', '”', '’', '»', ')', ']', '\'', ' ', '*']).chars().last();
    matches!(last, Some('.' | '!' | '?' | '…' | ':' | ';'))
}

/// Words of a text.
pub(super) fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// "Hôm nay, Thứ hai ngày 17/05/2021", "Thứ hai, 8/4/2019-13:1 PM": a
/// clock or today-widget line.
fn is_clock(text: &str) -> bool {
    let head: String = text.chars().take(7).flat_map(char::to_lowercase).collect();
    if head != "hôm nay" {
        return false;
    }
    let lower = text.to_lowercase();
    let rest = lower.strip_prefix("hôm nay").map(|r| r.trim_start_matches([',', ':', ' ']));
    let rest = rest.map(|r| r.strip_prefix("là").unwrap_or(r));
    match rest {
        Some(r) => words(r) <= 8 && r.contains('/'),
        None => false,
    }
}

/// The kind of a block.
pub(super) fn classify(b: &Block) -> Kind {
    let n = words(&b.text);
    if n <= 30 {
        if let Some(c) = chrome::classify(&b.text) {
            return Kind::Chrome(c);
        }
        if n <= 12 && crate::page::text::labelled_section(&b.text).is_some() {
            // "Danh mục: Tin tức - Sự kiện": the section, read apart
            return Kind::Chrome(Chrome::Furniture);
        }
    }
    if b.link_density() >= 0.5 {
        return Kind::Link;
    }
    if n <= 20
        && b.text.bytes().any(|c| c.is_ascii_digit())
        && (stamp::find_in_line(&b.text).is_some() || is_clock(&b.text))
    {
        return Kind::Stamp;
    }
    let prose = (n >= 4 && ends_sentence(&b.text)) || n >= 25;
    if prose { Kind::Prose } else { Kind::Short }
}

/// The weight of a block in the search for the article's region.
fn weight(b: &Block, kind: Kind) -> f32 {
    let chars = b.chars as f32;
    let own = (b.chars - b.link_chars) as f32;
    let links = b.link_chars as f32;
    let mut w = match kind {
        Kind::Prose => own - links,
        Kind::Short => 0.3 * own - links,
        Kind::Link => -chars,
        Kind::Chrome(_) => -chars.max(10.0),
        Kind::Stamp => 0.0,
    };
    if w > 0.0 {
        if b.has(dom::CHROME_TAG) || b.hints.has(Hints::CHROME) {
            w *= 0.2;
        } else if b.hints.has(Hints::CONTENT) || b.has(dom::ARTICLE) {
            w *= 1.25;
        }
    }
    w
}

/// The article's region: the block-level element whose blocks weigh most
/// (the deepest of equal ones), as a block range; `None` on a page without
/// text.
pub(super) fn region(page: &Page, kinds: &[Kind]) -> Option<(usize, usize)> {
    region_within(page, kinds, 0, page.blocks.len())
}

/// The heaviest element among those whose blocks start in `from..to`.
pub(super) fn region_within(page: &Page, kinds: &[Kind], from: usize, to: usize) -> Option<(usize, usize)> {
    let mut prefix = Vec::with_capacity(page.blocks.len() + 1);
    let mut sum = 0.0f64;
    prefix.push(0.0);
    for (b, &k) in page.blocks.iter().zip(kinds) {
        sum += f64::from(weight(b, k));
        prefix.push(sum);
    }
    let mut best: Option<(f64, usize, usize)> = None;
    for e in &page.elems {
        let (first, end) = (e.first as usize, e.end as usize);
        if first >= end || first < from || first >= to {
            continue;
        }
        let (Some(a), Some(z)) = (prefix.get(first), prefix.get(end)) else { continue };
        let score = z - a;
        if best.is_none_or(|(s, _, _)| score >= s) {
            best = Some((score, first, end));
        }
    }
    best.filter(|(s, _, _)| *s > 0.0).map(|(_, a, z)| (a, z))
}

fn chrome_marked(b: &Block) -> bool {
    b.has(dom::CHROME_TAG) || b.hints.has(Hints::CHROME)
}

/// The article's paragraphs among blocks `start..end`, and the block where
/// the article ends: known chrome, date lines and link entries are left
/// out; a list heading or footer line after the text, or a run of three
/// link entries, ends it. Blocks in elements marked as chrome are left out
/// too, unless the region's prose itself is so marked (then the marks say
/// nothing).
pub(super) fn body(page: &Page, kinds: &[Kind], start: usize, end: usize) -> (Vec<usize>, usize) {
    let (mut marked, mut total) = (0u32, 0u32);
    for (b, k) in
        page.blocks.get(start..end).unwrap_or_default().iter().zip(kinds.get(start..end).unwrap_or_default())
    {
        if *k == Kind::Prose {
            total += b.chars;
            if chrome_marked(b) {
                marked += b.chars;
            }
        }
    }
    let use_marks = marked * 2 < total;
    let mut kept = Vec::new();
    let mut seen_prose = false;
    let mut links = 0;
    let mut stop = end;
    let mut skip_to = start;
    for i in start..end {
        if i < skip_to {
            continue;
        }
        let (Some(b), Some(&k)) = (page.blocks.get(i), kinds.get(i)) else { break };
        match k {
            Kind::Chrome(Chrome::End)
                if seen_prose && inline_box_end(page, kinds, &kept, i, end).is_some() =>
            {
                skip_to = inline_box_end(page, kinds, &kept, i, end).unwrap_or(i);
                links = 0;
            }
            Kind::Chrome(Chrome::End | Chrome::Footer) if seen_prose => {
                stop = i;
                break;
            }
            Kind::Chrome(_) | Kind::Stamp => {}
            Kind::Link => {
                links += 1;
                if seen_prose && links >= 3 {
                    stop = i + 1 - links;
                    break;
                }
            }
            Kind::Prose | Kind::Short => {
                if (use_marks && chrome_marked(b)) || !b.text.chars().any(char::is_alphabetic) {
                    continue;
                }
                links = 0;
                seen_prose |= k == Kind::Prose;
                kept.push(i);
            }
        }
    }
    (kept, stop)
}

/// A box of links to other articles set inside the article's text ("Tin
/// liên quan:" and its entries between two paragraphs): the block where the
/// article resumes after it, when the article's own paragraphs go on there
/// (prose in the same container as paragraphs already kept). A list heading
/// after the article's last paragraph closes the article instead.
fn inline_box_end(page: &Page, kinds: &[Kind], kept: &[usize], heading: usize, end: usize) -> Option<usize> {
    let mut j = heading + 1;
    while j < end && matches!(kinds.get(j), Some(Kind::Link | Kind::Stamp | Kind::Chrome(Chrome::Furniture)))
    {
        j += 1;
    }
    if j == heading + 1 || j >= end {
        return None;
    }
    // the article's paragraphs go on: prose soon after the box, and enough
    // of it before the next list heading or footer
    let resumes = (j..(j + 3).min(end)).any(|x| kinds.get(x) == Some(&Kind::Prose));
    let prose_after: u32 = (j..end)
        .take_while(|&x| !matches!(kinds.get(x), Some(Kind::Chrome(Chrome::End | Chrome::Footer))))
        .filter(|&x| kinds.get(x) == Some(&Kind::Prose))
        .filter_map(|x| page.blocks.get(x))
        .map(|b| b.chars)
        .sum();
    // …in the container of the paragraphs before the box
    let container =
        |x: usize| page.blocks.get(x).and_then(|b| page.elems.get(b.elem as usize)).map(|e| e.parent);
    let same = container(j)
        .is_some_and(|c| kept.iter().any(|&k| kinds.get(k) == Some(&Kind::Prose) && container(k) == Some(c)));
    (resumes && prose_after >= 150 && same).then_some(j)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_shape() {
        assert!(ends_sentence("Hội nghị đã thành công tốt đẹp."));
        assert!(ends_sentence("“Luyện quân - Lập công - Quyết thắng”."));
        assert!(!ends_sentence("Sửa đổi thủ tục xuất nhập khẩu"));
        assert!(is_clock("Hôm nay, Thứ hai ngày 17/05/2021"));
        assert!(!is_clock("Hôm nay, hội nghị đã thông qua nghị quyết về công tác cán bộ."));
    }
}
