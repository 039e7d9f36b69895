//! Byte offsets (what extractors and `regex` give) to code-point offsets
//! (what the record's JSON promises).

use crate::record::{Record, Warning};

/// Converts byte offsets of one text to code-point offsets.
pub(crate) struct CharIndex<'a> {
    text: &'a str,
    /// `None` for ASCII text, where both offsets agree.
    table: Option<Vec<u32>>,
}

impl<'a> CharIndex<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        if text.is_ascii() {
            return CharIndex { text, table: None };
        }
        // table[b] = number of chars before byte b (for char boundaries)
        let mut table = vec![0u32; text.len() + 1];
        let mut n = 0u32;
        for (i, c) in text.char_indices() {
            for slot in &mut table[i..i + c.len_utf8()] {
                *slot = n;
            }
            n += 1;
        }
        table[text.len()] = n;
        CharIndex { text, table: Some(table) }
    }

    /// The code-point offset of byte offset `b` (clamped to the text).
    pub(crate) fn chars(&self, b: usize) -> usize {
        let b = b.min(self.text.len());
        match &self.table {
            None => b,
            Some(t) => t[b] as usize,
        }
    }

    /// Converts every span of `record` (entities hold byte offsets into the
    /// text this index was built on) and of `warnings`.
    pub(crate) fn convert(&self, record: &mut Record, warnings: &mut [Warning]) {
        let conv = |s: &mut usize, e: &mut usize| {
            *s = self.chars(*s);
            *e = self.chars(*e);
        };
        for d in &mut record.dates {
            conv(&mut d.start, &mut d.end);
        }
        for q in &mut record.quantities {
            conv(&mut q.start, &mut q.end);
        }
        for m in record.documents.iter_mut().flat_map(|d| d.mentions.iter_mut()) {
            conv(&mut m.start, &mut m.end);
        }
        for m in record.officials.iter_mut().flat_map(|o| o.mentions.iter_mut()) {
            conv(&mut m.start, &mut m.end);
        }
        for w in warnings {
            if let (Some(s), Some(e)) = (w.start.as_mut(), w.end.as_mut()) {
                conv(s, e);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_to_char() {
        let text = "Đắk Lắk 2019";
        let ix = CharIndex::new(text);
        let b = text.find("2019").unwrap();
        assert_eq!(ix.chars(b), 8);
        assert_eq!(ix.chars(text.len()), 12);
        assert_eq!(CharIndex::new("abc").chars(2), 2);
    }
}
