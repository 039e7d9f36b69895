//! The four extractors. Each reads the normalized body (never HTML) and
//! returns entities with **byte** offsets into [`Ctx::text`]; the pipeline
//! converts them to the code-point offsets of the record.
//!
//! They run in this order, each seeing what the earlier ones found:
//! dates, documents (attach issue dates), quantities (skip dates and
//! document numbers), officials.
//!
//! Each extractor keeps a corpus of examples next to its rules
//! (`corpus.toml`, run by the `corpus` test harness) and its word lists as
//! plain text files.

pub mod dates;
pub mod documents;
pub mod officials;
pub mod quantities;

#[cfg(test)]
pub(crate) mod corpus;

use crate::civil::Ymd;

/// What every extractor reads.
#[derive(Debug, Clone, Copy)]
pub struct Ctx<'a> {
    /// The normalized body (see [`crate::normalize`]).
    pub text: &'a str,
    /// The article's publication date, for dates written without a year.
    pub published: Option<Ymd>,
}
