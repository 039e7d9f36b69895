//! Counts, ratios, percentages, money, durations, rates, ranges (issue 6).
//!
//! A quantity starts at a number: digits (Vietnamese separators: "3.754",
//! "98,5"; an English decimal point before `%` or a scale word: "96.4%"),
//! a number in words ("ba nội dung") or a fraction sign ("½"). What stands
//! left of it says whether it is a quantity at all ("Chỉ thị 05", "lần thứ
//! 6", "ngày 20/8", "Ủy ban 1899" are not) and gives the qualifier ("gần",
//! "hơn", "ít nhất", "đạt" before a percentage); what stands right of it
//! gives the kind and the unit: `%`, a scale word and a currency ("gần 3 tỷ
//! đồng"), a time unit (a duration), a counted noun phrase cut at a sensible
//! boundary ("170 đồng chí cán bộ chủ chốt", "3.754 cán bộ, đảng viên"), a
//! "/denominator" (a rate), "trở lên". Two numbers make a ratio ("73/73
//! TCCS Đảng", but "20/8" is a date), a range ("01-02 ngày", "từ 5 đến 7
//! người") or a change ("từ 215 xuống còn 117 hội nghị": two counts).
//!
//! The word lists are plain text next to the rules: `units.txt` (counted
//! nouns, measures, time units, currencies), `qualifiers.txt`,
//! `numbers.txt` (number and scale words) and `context.txt` (labels, stop
//! words of a noun phrase, the words of dates, ranges and money). Numbers
//! inside the dates and documents found by the other extractors are skipped;
//! the rules also stand on their own against dates, codes, ordinals,
//! telephone numbers and addresses.

mod breakdown;
mod lexicon;
mod number;
mod read;
mod rules;
mod tail;

use super::Ctx;
use crate::record::{Date, Document, Quantity, Warning};
use rules::Rules;

/// Finds quantities with their units and qualifiers.
#[derive(Debug)]
pub struct Quantities {
    rules: Rules,
}

impl Default for Quantities {
    fn default() -> Self {
        Quantities::new()
    }
}

impl Quantities {
    /// Compiles the rules and word lists.
    pub fn new() -> Self {
        Quantities { rules: Rules::new() }
    }

    /// The quantities of `ctx.text`, byte offsets, in text order. Numbers
    /// inside `dates` and `documents` are not quantities.
    pub fn extract(
        &self,
        ctx: &Ctx,
        dates: &[Date],
        documents: &[Document],
        warnings: &mut Vec<Warning>,
    ) -> Vec<Quantity> {
        let t = ctx.text;
        let taken = merged(
            dates
                .iter()
                .map(|d| (d.start, d.end))
                .chain(documents.iter().flat_map(|d| d.mentions.iter().map(|m| (m.start, m.end)))),
        );
        let mut out = Vec::new();
        let mut used_to = 0;
        for c in self.rules.candidates(t) {
            let (start, end) = c.span();
            if start < used_to || overlaps(&taken, start, end) {
                continue;
            }
            if let Some(found) = self.rules.read(t, c) {
                if found.q.start < used_to {
                    continue;
                }
                used_to = found.consumed.max(end);
                warnings.extend(found.warning);
                out.push(found.q);
            }
        }
        breakdown::add(t, &mut out);
        out
    }
}

/// The spans sorted and merged into disjoint ones.
fn merged(spans: impl Iterator<Item = (usize, usize)>) -> Vec<(usize, usize)> {
    let mut v: Vec<(usize, usize)> = spans.filter(|(s, e)| s < e).collect();
    v.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(v.len());
    for (s, e) in v {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// Whether `start..end` overlaps one of the disjoint sorted spans.
fn overlaps(spans: &[(usize, usize)], start: usize, end: usize) -> bool {
    // the first span ending after `start` is the only one that may overlap
    let i = spans.partition_point(|&(_, e)| e <= start);
    spans.get(i).is_some_and(|&(s, _)| s < end)
}

#[cfg(test)]
mod tests;
