//! Known portal chrome: whole lines of menus, widgets, list headings and
//! footers (the word list `chrome.txt`), matched whatever the case and tone
//! placement.

use crate::normalize::tone_key;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// What a chrome line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chrome {
    /// Furniture that may stand anywhere ("Quảng cáo", "Xem với cỡ chữ").
    Furniture,
    /// A heading of what follows an article ("Các tin khác", "Bình chọn"):
    /// the article is over.
    End,
    /// Site footer ("Giấy phép số …", "Cơ quan chủ quản: …"): the article is
    /// over.
    Footer,
}

struct Lists {
    exact: HashSet<String>,
    /// The first word of each `exact` key: a toolbar opens with one.
    exact_openers: HashSet<String>,
    end: HashSet<String>,
    /// Footer and furniture prefixes (their keys keep their punctuation:
    /// "Email:"), by their first word, footer ones first.
    prefixes: HashMap<String, Vec<(String, Chrome)>>,
}

static LISTS: LazyLock<Lists> = LazyLock::new(|| {
    let file = include_str!("chrome.txt");
    let keys = |name| crate::wordlist::section(file, name).map(key).collect::<HashSet<_>>();
    let mut prefixes: HashMap<String, Vec<(String, Chrome)>> = HashMap::new();
    for (name, kind) in [("footer", Chrome::Footer), ("prefix", Chrome::Furniture)] {
        for phrase in crate::wordlist::section(file, name).map(tone_key) {
            prefixes.entry(first_word(&phrase).to_owned()).or_default().push((phrase, kind));
        }
    }
    let exact = keys("exact");
    let exact_openers = exact.iter().filter_map(|k| k.split(' ').next()).map(str::to_owned).collect();
    Lists { exact, exact_openers, end: keys("end"), prefixes }
});

/// The leading run of letters and digits of a key, or its first character
/// when it opens with something else ("©", "...").
fn first_word(key: &str) -> &str {
    let end = key.find(|c: char| !super::is_alphanumeric(c)).unwrap_or(key.len());
    if end > 0 {
        return &key[..end];
    }
    key.chars().next().map_or("", |c| &key[..c.len_utf8()])
}

/// The key a whole line is matched on: tone key, trailing punctuation
/// dropped (unless nothing else is left: "...").
fn key(line: &str) -> String {
    trim_key(&tone_key(line)).to_owned()
}

fn trim_key(k: &str) -> &str {
    let trimmed = k.trim_end_matches([':', '.', ' ', '»', '>', '›']);
    if trimmed.is_empty() { k } else { trimmed }
}

fn starts_with_phrase(key: &str, phrase: &str) -> bool {
    if !key.starts_with(phrase) {
        return false;
    }
    // a one-word phrase needs a word boundary after it
    phrase.contains(' ')
        || !phrase.chars().last().is_some_and(char::is_alphanumeric)
        || !key[phrase.len()..].chars().next().is_some_and(char::is_alphanumeric)
}

/// Classifies a normalized line; `None` when it is not known chrome.
///
/// ```
/// use vnarticle::page::chrome::{classify, Chrome};
/// assert_eq!(classify("Xem với cỡ chữAA"), Some(Chrome::Furniture));
/// assert_eq!(classify("CÁC TIN KHÁC"), Some(Chrome::End));
/// assert_eq!(classify("Cơ quan chủ quản: Ủy ban nhân dân tỉnh Đắk Lắk"), Some(Chrome::Footer));
/// assert_eq!(classify("Bình chọn là việc của cử tri."), None);
/// ```
pub fn classify(line: &str) -> Option<Chrome> {
    let lists = &*LISTS;
    // Every list entry is shorter than HEAD characters: only a line that
    // short can equal an entry, and only a line's head can start with one.
    let head_end = |line: &str| line.char_indices().nth(HEAD).map_or(line.len(), |(i, _)| i);
    // a line of more than 4 × HEAD bytes has more than HEAD characters: its
    // head is only looked for when its first word calls for it
    let short_end = (line.len() <= 4 * HEAD).then(|| head_end(line));
    let whole = short_end == Some(line.len());
    if !whole {
        // A long line (most of a page's text) can only be a prefix line:
        // fold its first word alone, and the head only when a phrase
        // starts with that word.
        let first = first_word(line);
        if !lists.prefixes.contains_key(&tone_key(first)) {
            return None;
        }
    }
    // prefixes are matched on the raw key, which keeps their punctuation
    let raw = tone_key(&line[..short_end.unwrap_or_else(|| head_end(line))]);
    let k = if whole { trim_key(&raw) } else { "" };
    if whole && lists.end.contains(k) {
        return Some(Chrome::End);
    }
    let prefixed = lists
        .prefixes
        .get(first_word(&raw))
        .and_then(|candidates| candidates.iter().find(|(p, _)| starts_with_phrase(&raw, p)))
        .map(|&(_, kind)| kind);
    if prefixed == Some(Chrome::Footer) {
        return prefixed;
    }
    if whole && lists.exact.contains(k) {
        return Some(Chrome::Furniture);
    }
    if prefixed.is_none() && whole && is_toolbar(k, lists) {
        return Some(Chrome::Furniture);
    }
    prefixed
}

/// A portal's toolbar written on one line: known chrome phrases side by
/// side, with separators or font-size glyphs between them ("Chia sẻ  Cỡ
/// chữ  In bài", "Chia sẻ | Cỡ chữ | In bài", "Cỡ chữ A- A A+", "Chia sẻ
/// Facebook Zalo"). Every word must belong to a phrase or be a glyph, and
/// at least one phrase must stand there.
fn is_toolbar(key: &str, lists: &Lists) -> bool {
    let words = || {
        key.split(|c: char| c.is_whitespace() || matches!(c, '|' | '•' | '·' | '/'))
            .map(|w| w.trim_end_matches([':', ',']))
            .filter(|w| !w.is_empty())
    };
    let glyph = |w: &str| matches!(w, "a" | "a-" | "a+" | "aa" | "aaa" | "-" | "+" | "–" | "a−");
    // the first word is a glyph or opens a phrase, or nothing past it is
    // reached
    if !words().next().is_some_and(|w| glyph(w) || lists.exact_openers.contains(w)) {
        return false;
    }
    let exact = &lists.exact;
    let words: Vec<&str> = words().collect();
    if words.len() < 2 || words.len() > 16 {
        return false;
    }
    // reach[i]: the first i words split into phrases and glyphs; the value
    // says whether a phrase was among them
    let mut reach: Vec<Option<bool>> = vec![None; words.len() + 1];
    reach[0] = Some(false);
    for i in 0..words.len() {
        let Some(had) = reach[i] else { continue };
        if glyph(words[i]) {
            reach[i + 1] = reach[i + 1].or(Some(had));
        }
        for j in i + 1..=words.len().min(i + 5) {
            if exact.contains(&words[i..j].join(" ")) {
                reach[j] = Some(true);
            }
        }
    }
    reach[words.len()] == Some(true)
}

/// Characters of a line's head that are folded and compared.
const HEAD: usize = 64;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toolbars_on_one_line_are_furniture() {
        for line in [
            "Chia sẻ  Cỡ chữ  In bài",
            "Chia sẻ | Cỡ chữ | In bài",
            "Cỡ chữ A- A A+",
            "Chia sẻ Facebook Zalo",
            "In bài • Gửi email • Chia sẻ:",
        ] {
            assert_eq!(classify(line), Some(Chrome::Furniture), "{line}");
        }
        for line in
            ["Chia sẻ kinh nghiệm", "In bài phát biểu", "A A A", "Zalo và Facebook", "Facebook tỉnh ủy"]
        {
            assert_eq!(classify(line), None, "{line}");
        }
    }

    #[test]
    fn every_list_entry_classifies() {
        let file = include_str!("chrome.txt");
        for (section, want) in [
            ("exact", Chrome::Furniture),
            ("end", Chrome::End),
            ("prefix", Chrome::Furniture),
            ("footer", Chrome::Footer),
        ] {
            let entries: Vec<&str> = crate::wordlist::section(file, section).collect();
            assert!(entries.len() >= 10, "[{section}] has only {} entries", entries.len());
            for entry in entries {
                assert!(entry.chars().count() < HEAD, "[{section}] {entry} is longer than the folded head");
                assert_eq!(classify(entry), Some(want), "[{section}] {entry}");
            }
        }
    }

    #[test]
    fn one_word_prefixes_need_a_boundary() {
        assert_eq!(classify("Copyright © 2019 Sở Tư pháp"), Some(Chrome::Footer));
        assert_eq!(classify("Copyrighted material is discussed here"), None);
        assert_eq!(classify("Email: banbientap@daklak.gov.vn"), Some(Chrome::Footer));
    }

    #[test]
    fn long_lines_are_judged_by_their_head() {
        let long =
            format!("Giấy phép số 99/GP-TTĐT do Cục QL Phát thanh, Truyền hình cấp {}", "và ".repeat(40));
        assert_eq!(classify(&long), Some(Chrome::Footer));
        let prose = format!("Bình chọn {}", "là việc của cử tri ".repeat(10));
        assert_eq!(classify(&prose), None);
    }
}
