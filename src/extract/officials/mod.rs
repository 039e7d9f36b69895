//! Named officials with honorifics and titles (issue 5).
//!
//! A person is a name (2–5 capitalised syllables starting with a family
//! name of `surnames.txt`) with a trigger: an honorific right before it
//! ("đồng chí", "đ/c", "ông", "bà", "các đồng chí: …"), a title before it
//! ("Phó Chủ tịch UBND tỉnh Tôn Thị Ngọc Hạnh", "Đại tá …", "Giáo sư, Tiến
//! sĩ …") or a title after it ("…, Trưởng Ban Tuyên giáo …", "… - Bí thư
//! Đảng ủy, Tổng Biên tập Báo …"). Titles are read from a vocabulary of
//! title heads (`titles.txt`) over their organisation (`orgs.txt`) and end
//! at a verb or clause word (`stops.txt`), at punctuation or at a name; a
//! comma followed by another head splits them.
//!
//! A name found once is then recognised in all its other mentions, even
//! without a trigger and even when a mention differs from it only by case
//! ("Trương Thanh tùng") or by tone marks ("Lễ Mạnh Hùng" for "Lê Mạnh
//! Hùng", when the misspelt form is not itself a well-formed name), except
//! where it stands in a place, an organisation or a fixed phrase ("tư
//! tưởng, đạo đức, phong cách Hồ Chí Minh", "Thành phố Hồ Chí Minh"). After
//! an honorific, the given name alone is a mention of the one person found
//! who bears it ("Theo ông Dũng").
//!
//! Files: `tokens.rs` (tokens and folded keys), `vocab.rs` (the word lists,
//! compiled once), `rules.rs` (names, titles, triggers), `merge.rs` (later
//! mentions, one official per person); word lists `surnames.txt`,
//! `honorifics.txt`, `titles.txt`, `orgs.txt`, `stops.txt`; examples
//! `corpus.toml`.

mod merge;
mod rules;
mod tokens;
mod vocab;

use super::Ctx;
use crate::record::{Official, Warning};
use rules::Rules;
use tokens::Doc;
use vocab::Vocab;

/// Finds people named with an honorific or a role, merged across mentions.
#[derive(Debug)]
pub struct Officials {
    vocab: Vocab,
}

impl Default for Officials {
    fn default() -> Self {
        Officials::new()
    }
}

impl Officials {
    /// Compiles the rules and word lists.
    pub fn new() -> Self {
        Officials { vocab: Vocab::new() }
    }

    /// The officials of `ctx.text` (mentions with byte offsets), in order of
    /// first mention.
    pub fn extract(&self, ctx: &Ctx, warnings: &mut Vec<Warning>) -> Vec<Official> {
        let _ = warnings;
        if ctx.text.is_empty() {
            return Vec::new();
        }
        let doc = Doc::filtered(ctx.text, |p| self.may_name_someone(p));
        let rules = Rules { v: &self.vocab, d: &doc };
        let found = rules.find();
        merge::merge(&rules, found)
    }

    /// Whether a paragraph may name someone, by a quick look at its words:
    /// two capitalised words in a row, the first a family name or after an
    /// honorific. Every rule needs that much; the other paragraphs are not
    /// tokenized.
    fn may_name_someone(&self, p: &str) -> bool {
        // only a capitalised word after another one is looked up: the
        // word lists are consulted for a handful of pairs a paragraph
        let mut key = String::new();
        // the two words before the current one (as split; "" for none) and
        // whether each is capitalised
        let (mut before, mut before_cap) = ("", false);
        let (mut prev, mut prev_cap) = ("", false);
        // words between single spaces (one pass over the bytes: most words
        // are short, a searcher per word costs more than it saves)
        let bytes = p.as_bytes();
        let mut start = 0;
        for end in (0..=bytes.len()).filter(|&i| bytes.get(i).is_none_or(|&b| b == b' ')) {
            let raw = p.get(start..end).unwrap_or("");
            start = end + 1;
            let cap = starts_with_capital(raw);
            if cap && prev_cap && self.starts_name(before, before_cap, prev, &mut key) {
                return true;
            }
            (before, before_cap, prev, prev_cap) = (prev, prev_cap, raw, cap);
        }
        false
    }

    /// Whether the capitalised word `w` may start a name: a family name, a
    /// minority name ("H'Nghia", "K'Bình") or any word after an honorific
    /// (`before`, capitalised or not). Words are trimmed of what is not a
    /// letter.
    fn starts_name(&self, before: &str, before_cap: bool, w: &str, key: &mut String) -> bool {
        let v = &self.vocab;
        let before = before.trim_matches(|c: char| !tokens::is_letter(c));
        let after_honorific = if before_cap {
            key.clear();
            tokens::fold_word(before, key);
            v.honorific_ends.contains(key.as_str())
        } else {
            // lower-case honorifics are written in their canonical form
            !before.is_empty() && before.len() <= 6 && v.honorific_end_list.iter().any(|h| h == before)
        };
        if after_honorific {
            return true;
        }
        key.clear();
        tokens::fold_word(w.trim_matches(|c: char| !tokens::is_letter(c)), key);
        v.surnames.contains(key.as_str()) || key.starts_with("h'") || key.starts_with("k'")
    }
}

/// Whether the first letter of a word (after quotes, brackets …) is a
/// capital.
fn starts_with_capital(w: &str) -> bool {
    match w.as_bytes().first() {
        Some(b) if b.is_ascii_alphanumeric() => b.is_ascii_uppercase(),
        None => false,
        _ => w
            .chars()
            .find(|&c| tokens::is_letter(c))
            .is_some_and(|c| tokens::lower(c).map_or_else(|| c.is_uppercase(), |l| l != c)),
    }
}

#[cfg(test)]
mod tests {
    use super::tokens::Doc;
    use super::vocab::{SURNAMES, TITLES};
    use crate::extract::corpus::{Field, run};
    use crate::normalize::tone_key;
    use crate::wordlist;

    /// The texts of the corpus's positive examples and in-context sentences,
    /// and the names they expect.
    fn corpus_texts() -> (Vec<String>, Vec<String>) {
        let corpus: toml::Table = toml::from_str(include_str!("corpus.toml")).unwrap();
        let (mut texts, mut names) = (Vec::new(), Vec::new());
        for (list, field) in [("example", "texts"), ("in_context", "text")] {
            for item in corpus[list].as_array().unwrap() {
                match &item[field] {
                    toml::Value::Array(a) => {
                        texts.extend(a.iter().filter_map(|t| t.as_str()).map(str::to_owned))
                    }
                    t => texts.extend(t.as_str().map(str::to_owned)),
                }
                for e in item["expect"].as_array().unwrap() {
                    names.extend(e.get("name").and_then(|n| n.as_str()).map(str::to_owned));
                }
            }
        }
        (texts, names)
    }

    /// A text as its folded syllables, padded with spaces for whole-word
    /// search.
    fn syllables(text: &str) -> String {
        let d = Doc::new(text);
        let keys: Vec<&str> = (0..d.toks.len()).map(|i| d.key(i)).collect();
        format!(" {} ", keys.join(" "))
    }

    /// Odd inputs (fragments of the genre shuffled with punctuation, case
    /// and spacing) never panic, and every mention's span gives back its
    /// text.
    #[test]
    fn spans_hold_on_shuffled_fragments() {
        let pieces = [
            "đồng chí ",
            "Đ/c ",
            "ông ",
            "Bà ",
            "các đồng chí: ",
            "Nguyễn ",
            "Văn ",
            "An",
            "Lễ ",
            "Thị ",
            "tùng ",
            "Phó ",
            "Chủ tịch ",
            "UBND ",
            "tỉnh ",
            "huyện ",
            "Huyện ủy ",
            "Lâm Hà ",
            "TP. ",
            "Hồ Chí Minh ",
            "Giáo sư",
            ", ",
            " - ",
            "– ",
            ";",
            ":",
            "(",
            ")",
            ".",
            "\n\n",
            "GD& ĐT ",
            "PGS.TS. ",
            "H'Nghia ",
            "Êban ",
            "phát biểu ",
            "và ",
            "Sở Văn hóa, Thể thao và Du lịch ",
            "Đại tá ",
            "được bổ nhiệm làm ",
            "Trưởng thôn ",
            "3 ",
            "kiêm ",
            "hoà ",
            "UỶ ",
            "\u{301}",
            "Ð",
            "Y ",
            "’",
            "&",
        ];
        let extractor = crate::Extractor::new();
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..400 {
            let mut text = String::new();
            for _ in 0..40 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            let record = extractor.extract_body(&text, None);
            for o in &record.officials {
                // one word only for a name with its gender prefix ("K'Broih")
                let prefixed = o.name.starts_with("K'") || o.name.starts_with("H'");
                assert!(o.name.split(' ').count() >= 2 || prefixed, "{o:?} in «{text}»");
                for m in &o.mentions {
                    assert_eq!(record.slice(m.start, m.end), Some(m.text.as_str()), "«{text}»");
                }
            }
        }
    }

    #[test]
    fn every_title_word_and_family_name_is_exercised_by_the_corpus() {
        let (texts, names) = corpus_texts();
        let texts: Vec<String> = texts.iter().map(|t| syllables(t)).collect();
        let mut missing = Vec::new();
        for section in ["head", "prefix", "modifier", "appointment"] {
            for entry in wordlist::section(TITLES, section) {
                let key = syllables(entry);
                if !texts.iter().any(|t| t.contains(&key)) {
                    missing.push(format!("[{section}] {entry}"));
                }
            }
        }
        let first: Vec<String> = names.iter().filter_map(|n| n.split(' ').next()).map(tone_key).collect();
        for surname in wordlist::section(SURNAMES, "common").chain(wordlist::section(SURNAMES, "other")) {
            let k = tone_key(surname);
            if !first.contains(&k) {
                missing.push(format!("[surname] {surname}"));
            }
        }
        assert!(missing.is_empty(), "word-list entries no corpus example uses:\n{}", missing.join("\n"));
    }

    #[test]
    fn corpus() {
        let s = run(Field::Officials, include_str!("corpus.toml"));
        assert!(s.positive_texts >= 100, "{} positive texts", s.positive_texts);
        assert!(s.negative_texts >= 60, "{} negative texts", s.negative_texts);
        assert!(s.in_context >= 30, "{} in-context sentences", s.in_context);
    }
}
