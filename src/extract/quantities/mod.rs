//! Counts, ratios, percentages, money, durations, rates, ranges (issue 6).

use super::Ctx;
use crate::record::{Date, Document, Quantity, Warning};

/// Finds quantities with their units and qualifiers.
#[derive(Debug, Default)]
pub struct Quantities {}

impl Quantities {
    /// Compiles the rules and word lists.
    pub fn new() -> Self {
        Quantities {}
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
        let _ = (ctx, dates, documents, warnings);
        Vec::new()
    }
}
