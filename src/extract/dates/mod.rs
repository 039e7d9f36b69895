//! Dates in the body (issue 3).

use super::Ctx;
use crate::record::{Date, Warning};

/// Finds dates: day, month and year precision, lists, ranges, inferred
/// years, impossible dates flagged.
#[derive(Debug, Default)]
pub struct Dates {}

impl Dates {
    /// Compiles the rules.
    pub fn new() -> Self {
        Dates {}
    }

    /// The dates of `ctx.text`, byte offsets, in text order.
    pub fn extract(&self, ctx: &Ctx, warnings: &mut Vec<Warning>) -> Vec<Date> {
        let _ = (ctx, warnings);
        Vec::new()
    }
}
