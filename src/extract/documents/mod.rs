//! Party and state document references (issue 4).

use super::Ctx;
use crate::record::{Date, Document, Warning};

/// Finds document references and merges them across mentions.
#[derive(Debug, Default)]
pub struct Documents {}

impl Documents {
    /// Compiles the rules.
    pub fn new() -> Self {
        Documents {}
    }

    /// The documents of `ctx.text` (mentions with byte offsets), in order of
    /// first mention. `dates` are the body's dates, for issue dates.
    pub fn extract(&self, ctx: &Ctx, dates: &[Date], warnings: &mut Vec<Warning>) -> Vec<Document> {
        let _ = (ctx, dates, warnings);
        Vec::new()
    }
}
