//! Page readers: from a page (captured text or HTML) to an [`Article`]: the
//! metadata and the body paragraphs, portal chrome left out.
//!
//! Only [`html`] sees HTML; everything after the readers works on the
//! [`Article`].

pub mod byline;
pub mod chrome;
pub mod html;
pub mod site;
pub mod stamp;
pub mod text;

use crate::record::{Site, Warning};

/// `text.split_whitespace().take(cap).count()`, counted over the bytes:
/// Unicode's whitespace outside ASCII is U+0085, U+00A0, U+1680,
/// U+2000–U+200A, U+2028, U+2029, U+202F, U+205F and U+3000, told apart by
/// their bytes (pinned to `char::is_whitespace` by a test).
pub(crate) fn count_words(text: &str, cap: usize) -> usize {
    let b = text.as_bytes();
    // continuation bytes of a valid &str; 0 stands for "none"
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    let mut words = 0;
    let mut in_word = false;
    let mut i = 0;
    while i < b.len() {
        // the length of the whitespace character at i, or 0
        let space = match b[i] {
            b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' => 1,
            0xC2 if matches!(at(i + 1), 0x85 | 0xA0) => 2,
            0xE1 if (at(i + 1), at(i + 2)) == (0x9A, 0x80) => 3,
            0xE2 if matches!(
                (at(i + 1), at(i + 2)),
                (0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF) | (0x81, 0x9F)
            ) =>
            {
                3
            }
            0xE3 if (at(i + 1), at(i + 2)) == (0x80, 0x80) => 3,
            // other ASCII, other first bytes, continuation bytes
            _ => 0,
        };
        if space > 0 {
            in_word = false;
            i += space;
            continue;
        }
        if !in_word {
            in_word = true;
            words += 1;
            if words >= cap {
                return cap;
            }
        }
        i += 1;
    }
    words
}

/// `char::is_alphanumeric`, without std's table search for ASCII and the
/// Latin blocks Vietnamese is written with (all letters but × and ÷;
/// pinned by a test).
pub(crate) fn is_alphanumeric(c: char) -> bool {
    match c {
        '\0'..='\x7f' => c.is_ascii_alphanumeric(),
        '×' | '÷' => false,
        '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}' => true,
        _ => c.is_alphanumeric(),
    }
}

/// Whether the tone key of `text` can open with one of `letters` (ASCII,
/// lower case). It cannot when the text opens with a letter or digit whose
/// lower case is none of them: normalizing keeps a leading letter or digit
/// first (composed at most with the marks after it, which makes it a letter
/// outside ASCII), and tone placement only moves marks between vowels.
pub(crate) fn key_may_open_with(text: &str, letters: &[char]) -> bool {
    match text.chars().next() {
        Some(c) if is_alphanumeric(c) => c.to_lowercase().next().is_some_and(|l| letters.contains(&l)),
        _ => true,
    }
}

/// What a page reader gives: the article's metadata and its body.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct Article {
    /// The article's heading.
    pub title: Option<String>,
    /// ISO 8601 publication time from the article's own date line.
    pub published: Option<String>,
    /// The portal's category label.
    pub section: Option<String>,
    /// Byline names.
    pub authors: Vec<String>,
    /// Where the article was taken from ("Theo …", "Nguồn: …").
    pub source_credit: Option<String>,
    /// The portal.
    pub site: Site,
    /// The page's own URL, when the page gives it (canonical link, og:url).
    pub url: Option<String>,
    /// Body paragraphs, each normalized (see [`crate::normalize::paragraph`]).
    pub paragraphs: Vec<String>,
    /// What the reader noticed (an empty body, a fallback).
    pub warnings: Vec<Warning>,
    /// Set by a reader whose paragraphs are already normalized and
    /// non-empty, so that the pipeline does not check them again.
    pub(crate) normalized: bool,
}

impl Article {
    /// Fills the site's domain and province from a URL when the page itself
    /// did not give them.
    pub(crate) fn complete_site_from_url(&mut self, url: Option<&str>) {
        let Some(host) = url.and_then(site::host_of) else { return };
        if self.site.province.is_none() {
            self.site.province = site::province_of_domain(&host).map(str::to_owned);
        }
        if self.site.domain.is_none() {
            self.site.domain = Some(host);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_counted_as_split_whitespace_does() {
        let spaces: Vec<char> =
            (0..0x3001u32).filter_map(char::from_u32).filter(|c| c.is_whitespace()).collect();
        let mut texts = vec![
            String::new(),
            "Một".to_owned(),
            "  Đồng chí  Hồ\u{a0}Chí Minh ".to_owned(),
            "a\u{1680}b\u{3000}c\u{85}d\u{2029}e\u{202f}f\u{205f}g".to_owned(),
            "ả\u{2010}ẻ\u{2030}ỏ\u{301}x ® ©".to_owned(),
        ];
        for &sp in &spaces {
            texts.push(format!("{sp}từ{sp}{sp}ngữ ạ{sp}"));
        }
        for t in &texts {
            for cap in [1, 2, 3, 30] {
                assert_eq!(count_words(t, cap), t.split_whitespace().take(cap).count(), "{t:?} {cap}");
            }
        }
    }

    #[test]
    fn alphanumeric_as_std() {
        for c in ('\0'..='\u{2ff}').chain('\u{1e00}'..='\u{1fff}') {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn key_openings() {
        assert!(key_may_open_with("Cổng thông tin", &['c']));
        assert!(!key_may_open_with("Ủy ban", &['c', 't']));
        assert!(!key_may_open_with("Xã", &['c', 't']));
        assert!(key_may_open_with("  Cổng", &['x']));
        assert!(key_may_open_with("“Cổng", &['x']));
    }
}
