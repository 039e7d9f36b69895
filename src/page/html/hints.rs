//! What an element's class and id names say about it (the word list
//! `hints.txt`): content container, chrome, title, section label, date,
//! author, breadcrumb.

use aho_corasick::{AhoCorasick, MatchKind};
use std::sync::LazyLock;

/// A set of hints, one bit each.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Hints(u8);

impl Hints {
    pub const CONTENT: Hints = Hints(1);
    pub const CHROME: Hints = Hints(2);
    pub const TITLE: Hints = Hints(4);
    pub const SECTION: Hints = Hints(8);
    pub const DATE: Hints = Hints(16);
    pub const AUTHOR: Hints = Hints(32);
    pub const BREADCRUMB: Hints = Hints(64);

    pub fn has(self, other: Hints) -> bool {
        self.0 & other.0 != 0
    }

    pub fn with(self, other: Hints) -> Hints {
        Hints(self.0 | other.0)
    }

    /// The union, usable in constants.
    pub const fn or(self, other: Hints) -> Hints {
        Hints(self.0 | other.0)
    }

    /// The hints both have.
    pub fn and(self, other: Hints) -> Hints {
        Hints(self.0 & other.0)
    }
}

impl std::ops::BitOr for Hints {
    type Output = Hints;

    fn bitor(self, other: Hints) -> Hints {
        self.with(other)
    }
}

struct Lists {
    matcher: AhoCorasick,
    /// The hint and the length of each entry, by pattern index.
    entries: Vec<(Hints, usize)>,
}

static LISTS: LazyLock<Lists> = LazyLock::new(|| {
    let file = include_str!("hints.txt");
    let mut patterns = Vec::new();
    let mut entries = Vec::new();
    for (name, hint) in [
        ("content", Hints::CONTENT),
        ("chrome", Hints::CHROME),
        ("title", Hints::TITLE),
        ("section", Hints::SECTION),
        ("date", Hints::DATE),
        ("author", Hints::AUTHOR),
        ("breadcrumb", Hints::BREADCRUMB),
    ] {
        for entry in crate::wordlist::section(file, name) {
            patterns.push(entry.to_ascii_lowercase());
            entries.push((hint, entry.len()));
        }
    }
    // patterns in lower case, matched whatever the case of the name: the
    // same as matching the name lower-cased (ASCII case keeps offsets)
    let matcher = AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .ascii_case_insensitive(true)
        .build(&patterns)
        .expect("class-name hint matcher");
    Lists { matcher, entries }
});

/// Whether a word of a class or id name starts at byte `i` of `name`:
/// after a separator, a digit/letter change, or a lower-to-upper case change.
fn word_starts(name: &[u8], i: usize) -> bool {
    let Some(&c) = name.get(i) else { return false };
    let Some(&p) = i.checked_sub(1).and_then(|j| name.get(j)) else { return true };
    !p.is_ascii_alphanumeric()
        || (p.is_ascii_lowercase() && c.is_ascii_uppercase())
        || (p.is_ascii_digit() != c.is_ascii_digit())
}

/// Whether a word of a class or id name ends at byte `i` (exclusive).
fn word_ends(name: &[u8], i: usize) -> bool {
    i >= name.len() || word_starts(name, i)
}

/// The hints of an element's class and id attributes.
pub(super) fn of(class: Option<&str>, id: Option<&str>) -> Hints {
    let mut hints = Hints::default();
    for name in [class, id].into_iter().flatten() {
        if name.is_empty() || name.len() > 200 {
            continue;
        }
        let raw = name.as_bytes();
        let lists = &*LISTS;
        for m in lists.matcher.find_overlapping_iter(raw) {
            let Some(&(hint, len)) = lists.entries.get(m.pattern().as_usize()) else { continue };
            let (s, e) = (m.start(), m.end());
            let ok = if len >= 4 { word_starts(raw, s) || word_ends(raw, e) } else { word_starts(raw, s) };
            if ok {
                hints = hints.with(hint);
            }
        }
    }
    hints
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_give_hints() {
        assert!(of(Some("sidebar-left"), None).has(Hints::CHROME));
        assert!(of(Some("leftSidebar"), None).has(Hints::CHROME));
        assert!(of(Some("tbtinkhac"), None).has(Hints::CHROME));
        assert!(of(Some("OtherTitle"), None).has(Hints::CHROME));
        assert!(of(Some("navList"), None).has(Hints::CHROME));
        assert!(of(Some("asset-content"), None).has(Hints::CONTENT));
        assert!(of(Some("ExternalClassD44D9F9779FB424380767EC8F35A4E72"), None).has(Hints::CONTENT));
        assert!(of(None, Some("postMain")).has(Hints::CONTENT));
        assert!(of(Some("entry-title"), None).has(Hints::TITLE));
        assert!(of(Some("FolderTitle"), None).has(Hints::SECTION));
        assert!(of(Some("breadcrumbs"), None).has(Hints::BREADCRUMB));
        assert!(of(Some("post-date"), None).has(Hints::DATE));
    }

    #[test]
    fn words_inside_other_words_do_not() {
        assert_eq!(of(None, Some("tableforprint")), Hints::default());
        assert_eq!(of(Some("canvas"), None), Hints::default());
        assert!(!of(Some("container_top_mid2"), None).has(Hints::CHROME));
        assert!(!of(Some("s4-wpTopTable"), None).has(Hints::CHROME));
        assert!(!of(Some("snCenter"), None).has(Hints::CHROME));
    }
}
