//! Byte offsets (what extractors and `regex` give) to code-point offsets
//! (what the record's JSON promises).

use crate::record::{Record, Warning};

/// Converts byte offsets of one text to code-point offsets: the offsets to
/// convert are collected first, sorted, and counted in one forward pass
/// (a per-byte table costs more than the rest of the conversion).
pub(crate) struct CharIndex<'a> {
    text: &'a str,
    /// `(byte offset, code points before it)`, sorted, for the offsets
    /// registered; empty for ASCII text, where both offsets agree.
    known: Vec<(usize, usize)>,
    ascii: bool,
}

impl<'a> CharIndex<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        CharIndex { text, known: Vec::new(), ascii: text.is_ascii() }
    }

    /// Prepares the conversion of the given byte offsets.
    fn prepare(&mut self, mut offsets: Vec<usize>) {
        if self.ascii {
            return;
        }
        offsets.sort_unstable();
        offsets.dedup();
        let bytes = self.text.as_bytes();
        let (mut at, mut chars) = (0usize, 0usize);
        self.known = offsets
            .into_iter()
            .map(|b| {
                let b = b.min(bytes.len());
                // code points start at every byte that is not a continuation
                chars += bytes[at..b].iter().filter(|&&x| (x & 0xC0) != 0x80).count();
                at = b;
                (b, chars)
            })
            .collect();
    }

    /// The code-point offset of byte offset `b` (clamped to the text).
    pub(crate) fn chars(&self, b: usize) -> usize {
        let b = b.min(self.text.len());
        if self.ascii {
            return b;
        }
        match self.known.binary_search_by_key(&b, |&(byte, _)| byte) {
            Ok(i) => self.known[i].1,
            // not registered: count from the start (only tests get here)
            Err(_) => self.text.as_bytes()[..b].iter().filter(|&&x| (x & 0xC0) != 0x80).count(),
        }
    }

    /// Converts every span of `record` (entities hold byte offsets into the
    /// text this index was built on) and of `warnings`.
    pub(crate) fn convert(&mut self, record: &mut Record, warnings: &mut [Warning]) {
        let mut offsets = Vec::new();
        offsets.extend(record.dates.iter().flat_map(|d| [d.start, d.end]));
        offsets.extend(record.quantities.iter().flat_map(|q| [q.start, q.end]));
        let mentions = record.documents.iter().flat_map(|d| &d.mentions);
        offsets.extend(
            mentions.chain(record.officials.iter().flat_map(|o| &o.mentions)).flat_map(|m| [m.start, m.end]),
        );
        offsets.extend(warnings.iter().flat_map(|w| w.start.into_iter().chain(w.end)));
        self.prepare(offsets);
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

    #[test]
    fn prepared_offsets_agree_with_counting() {
        let text = "Ngày 15/5/2016, Bộ Chính trị ban hành Chỉ thị 05 — “học tập” 98,5%";
        let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        let mut ix = CharIndex::new(text);
        ix.prepare(boundaries.iter().rev().copied().collect());
        for (n, &b) in boundaries.iter().enumerate() {
            assert_eq!(ix.chars(b), n, "byte {b}");
        }
    }
}
