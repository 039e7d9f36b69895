//! Tokens of a body for the officials rules: syllables (words) and
//! punctuation, each with its range in the folded text (lower case, one
//! tone placement: what word lists are matched against) and in the original
//! text (what mentions and titles are cut from).

use crate::normalize::Folded;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// A syllable, an abbreviation ("UBND", "GD&ĐT", "PGS.TS", "đ/c") or a
    /// number.
    Word,
    /// One punctuation character.
    Punct(char),
    /// A paragraph break.
    Break,
}

/// One token.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    pub kind: Kind,
    /// Byte range in the folded text.
    pub fs: usize,
    pub fe: usize,
    /// Byte range in the original text.
    pub os: usize,
    pub oe: usize,
    /// Starts with an upper-case letter in the original.
    pub cap: bool,
    /// Two or more letters, all upper case ("UBND", "BTV").
    pub all_caps: bool,
    /// Holds a digit.
    pub digit: bool,
    /// Separated from the previous token by exactly one space.
    pub one_space_before: bool,
    /// Separated from the previous token by any whitespace.
    pub space_before: bool,
}

/// A body cut into tokens.
pub(super) struct Doc<'a> {
    pub text: &'a str,
    pub folded: Folded,
    pub toks: Vec<Tok>,
}

fn joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '&' | '/' | '.')
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str) -> Self {
        let folded = Folded::new(text);
        let f = folded.text.as_str();
        let mut toks = Vec::with_capacity(f.len() / 4);
        let mut chars = f.char_indices().peekable();
        let mut gap = String::new();
        while let Some((i, c)) = chars.next() {
            if c == '\n' {
                toks.push(Tok::new(Kind::Break, i, i + 1, &folded, text, &gap));
                gap.clear();
                // blank lines are one break
                while let Some(&(_, '\n')) = chars.peek() {
                    chars.next();
                }
                continue;
            }
            if c.is_whitespace() {
                gap.push(c);
                continue;
            }
            if c.is_alphanumeric() {
                let mut end = i + c.len_utf8();
                let mut prev = c;
                while let Some(&(j, d)) = chars.peek() {
                    if d.is_alphanumeric() {
                        end = j + d.len_utf8();
                        prev = d;
                        chars.next();
                        continue;
                    }
                    // "GD&ĐT", "H'Nghia", "đ/c", "PGS.TS": a joiner between
                    // two letters; "GD& ĐT" keeps "&" on the left
                    if joiner(d) && prev.is_alphanumeric() {
                        let next = f.get(j + d.len_utf8()..).and_then(|r| r.chars().next());
                        let joins = match d {
                            '&' => true,
                            '.' => next.is_some_and(char::is_alphabetic) && prev.is_alphabetic(),
                            _ => next.is_some_and(char::is_alphanumeric),
                        };
                        if joins {
                            end = j + d.len_utf8();
                            prev = d;
                            chars.next();
                            continue;
                        }
                    }
                    break;
                }
                toks.push(Tok::new(Kind::Word, i, end, &folded, text, &gap));
            } else {
                toks.push(Tok::new(Kind::Punct(c), i, i + c.len_utf8(), &folded, text, &gap));
            }
            gap.clear();
        }
        Doc { text, folded, toks }
    }

    /// The folded form of token `i` ("" out of range).
    pub fn key(&self, i: usize) -> &str {
        self.toks.get(i).and_then(|t| self.folded.text.get(t.fs..t.fe)).unwrap_or("")
    }

    /// The original text of tokens `a..b`.
    pub fn span(&self, a: usize, b: usize) -> &'a str {
        match (self.toks.get(a), b.checked_sub(1).and_then(|l| self.toks.get(l))) {
            (Some(s), Some(e)) if a < b => self.text.get(s.os..e.oe).unwrap_or(""),
            _ => "",
        }
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    pub fn is_cap_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Word && t.cap)
    }

    pub fn is_lower_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Word && !t.cap && !t.digit)
    }

    pub fn punct(&self, i: usize) -> Option<char> {
        match self.toks.get(i)?.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }

    /// Whether token `i` begins a sentence: the first of its paragraph, or
    /// after a full stop, a colon or a question or exclamation mark.
    pub fn sentence_start(&self, i: usize) -> bool {
        i == 0
            || matches!(
                self.toks.get(i - 1).map(|t| t.kind),
                Some(Kind::Break | Kind::Punct('.' | ':' | '?' | '!' | '…'))
            )
    }
}

impl Tok {
    fn new(kind: Kind, fs: usize, fe: usize, folded: &Folded, text: &str, gap: &str) -> Tok {
        let (os, oe) = folded.original_range(fs, fe);
        let orig = text.get(os..oe).unwrap_or("");
        let cap = orig.chars().next().is_some_and(char::is_uppercase);
        let letters = orig.chars().filter(|c| c.is_alphabetic()).count();
        let all_caps = letters >= 2 && orig.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
        let digit = orig.chars().any(|c| c.is_ascii_digit());
        Tok {
            kind,
            fs,
            fe,
            os,
            oe,
            cap,
            all_caps,
            digit,
            one_space_before: gap == " ",
            space_before: !gap.is_empty(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_abbreviations_and_punctuation() {
        let d = Doc::new("đ/c Phan Văn Hợp,Tỉnh ủy viên; Sở GD& ĐT, PGS.TS H'Nghia –\n\nBà");
        let keys: Vec<&str> = (0..d.toks.len()).map(|i| d.key(i)).collect();
        assert_eq!(
            keys,
            [
                "đ/c", "phan", "văn", "hợp", ",", "tỉnh", "ủy", "viên", ";", "sở", "gd&", "đt", ",",
                "pgs.ts", "h'nghia", "–", "\n", "bà"
            ]
        );
        assert!(d.toks[1].cap && !d.toks[0].cap);
        assert!(!d.toks[5].space_before);
        assert_eq!(d.span(1, 4), "Phan Văn Hợp");
        assert!(d.sentence_start(17));
        assert_eq!(d.punct(4), Some(','));
    }
}
