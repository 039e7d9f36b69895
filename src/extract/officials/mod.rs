//! Named officials with honorifics and titles (issue 5).

use super::Ctx;
use crate::record::{Official, Warning};

/// Finds people named with an honorific or a role, merged across mentions.
#[derive(Debug, Default)]
pub struct Officials {}

impl Officials {
    /// Compiles the rules and word lists.
    pub fn new() -> Self {
        Officials {}
    }

    /// The officials of `ctx.text` (mentions with byte offsets), in order of
    /// first mention.
    pub fn extract(&self, ctx: &Ctx, warnings: &mut Vec<Warning>) -> Vec<Official> {
        let _ = (ctx, warnings);
        Vec::new()
    }
}
