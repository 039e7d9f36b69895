//! Many documents: inputs (files, directories walked in sorted order, JSON
//! Lines, WARC and WARC.gz, standard input), extraction in parallel on a
//! rayon pool, one JSON line per document written in input order whatever
//! the number of threads.
//!
//! A document that cannot be read, decoded or extracted gives an error
//! record and the batch goes on: lines out = documents in.
//!
//! - [`inputs`] turns paths into a lazy stream of [`Source`]s (see
//!   [`InputFormat`] for what a document is in each kind of input);
//! - [`run`] / [`run_with`] extract them on a rayon pool and write JSON
//!   Lines; [`stream`] and [`feed`] hand the [`Outcome`]s to an embedding
//!   tool as an iterator, in input order;
//! - memory is bounded by a read-ahead window ([`RunOptions::window`]),
//!   never by the size of the corpus.

mod gz;
mod inputs;
mod jsonl;
mod lines;
mod runner;
mod warc;

pub use inputs::{InputFormat, Inputs, inputs};
pub use runner::{Batch, Feeder, RunOptions, feed, stream};

use crate::error::{Error, ErrorKind, ErrorRecord};
use crate::pipeline::{Extractor, Format, Input};
use crate::record::Record;
use std::io::{self, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

/// A document waiting to be extracted.
#[derive(Debug)]
#[non_exhaustive]
pub enum Source {
    /// A file, read by the worker that extracts it.
    File {
        /// Its path (also its id).
        path: PathBuf,
        /// How to read it.
        format: Format,
    },
    /// A document already in memory.
    Ready(Input),
    /// One line of a JSON Lines file, parsed by the worker that extracts it.
    JsonLine {
        /// The file's name as given (`-` for standard input).
        file: String,
        /// The line number, from 1.
        line: u64,
        /// The line's bytes, without the newline.
        bytes: Vec<u8>,
    },
    /// A document that could not even be taken out of its container; it
    /// still gives its error record.
    Failed {
        /// Its id.
        id: String,
        /// What went wrong.
        error: Error,
    },
}

impl Source {
    /// The id the document's line will carry (for a JSON line, the id used
    /// when the line cannot be parsed: `<file>:<line>`).
    pub fn id(&self) -> String {
        match self {
            Source::File { path, .. } => path.to_string_lossy().into_owned(),
            Source::Ready(input) => input.id.clone(),
            Source::JsonLine { file, line, .. } => format!("{file}:{line}"),
            Source::Failed { id, .. } => id.clone(),
        }
    }
}

/// What one document gave.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// A record.
    Record(Box<Record>),
    /// An error record.
    Error(ErrorRecord),
}

impl Outcome {
    /// The JSON line (without the newline).
    pub fn to_json(&self) -> String {
        let json = match self {
            Outcome::Record(r) => serde_json::to_string(r),
            Outcome::Error(e) => serde_json::to_string(e),
        };
        json.unwrap_or_else(|e| {
            let err = Error::new(ErrorKind::Panic, format!("record could not be serialized: {e}"));
            serde_json::to_string(&ErrorRecord::new(self.id(), &err)).unwrap_or_default()
        })
    }

    /// The document's id.
    pub fn id(&self) -> &str {
        match self {
            Outcome::Record(r) => &r.id,
            Outcome::Error(e) => &e.id,
        }
    }

    /// Whether this is an error record.
    pub fn is_error(&self) -> bool {
        matches!(self, Outcome::Error(_))
    }
}

/// Format of a page file by its extension: `.txt` text, `.html`/`.htm`
/// HTML.
pub fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" => Some(Format::Text),
        "html" | "htm" | "xhtml" | "shtml" => Some(Format::Html),
        _ => None,
    }
}

/// The documents named by `paths`, every kind of input recognized by its
/// extension: the same as `inputs(paths)` with [`InputFormat::Auto`]. A
/// path that cannot be read gives a [`Source::Failed`].
pub fn sources<I>(paths: I) -> Inputs
where
    I: IntoIterator<Item = PathBuf>,
{
    inputs(paths)
}

/// Extracts one document; a panic inside the extractor becomes the
/// document's error record.
pub fn process(extractor: &Extractor, source: Source) -> Outcome {
    process_counted(extractor, source).0
}

/// [`process`], and the size in bytes of the document read.
pub(crate) fn process_counted(extractor: &Extractor, source: Source) -> (Outcome, u64) {
    let id = source.id();
    let mut bytes = 0u64;
    let result = catch_unwind(AssertUnwindSafe(|| -> Result<Record, Failure> {
        match source {
            Source::File { path, format } => {
                let data = read_capped(&path, extractor.options().max_bytes)?;
                bytes = data.len() as u64;
                Ok(extractor.extract(&Input::new(id.clone(), format, data))?)
            }
            Source::Ready(input) => {
                bytes = input.bytes.len() as u64;
                Ok(extractor.extract(&input)?)
            }
            Source::JsonLine { file, line, bytes: json } => {
                bytes = json.len() as u64;
                let input = jsonl::parse_line(&file, line, json).map_err(|(id, e)| Failure(id, e))?;
                extractor.extract(&input).map_err(|e| Failure(Some(input.id.clone()), e))
            }
            Source::Failed { error, .. } => Err(error.into()),
        }
    }));
    let outcome = match result {
        Ok(Ok(record)) => Outcome::Record(Box::new(record)),
        Ok(Err(Failure(better_id, error))) => {
            Outcome::Error(ErrorRecord::new(better_id.unwrap_or(id), &error))
        }
        Err(panic) => Outcome::Error(ErrorRecord::new(
            id,
            &Error::new(ErrorKind::Panic, format!("extractor panicked: {}", runner::message(&*panic))),
        )),
    };
    (outcome, bytes)
}

/// An error and, when the document named itself (a JSON line's `id`), the
/// id its error record should carry.
struct Failure(Option<String>, Error);

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure(None, e)
    }
}

/// Reads a file, refusing one over `cap` bytes without reading it all.
fn read_capped(path: &Path, cap: usize) -> Result<Vec<u8>, Error> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|e| Error::io(&e, "cannot open"))?;
    let mut bytes = Vec::new();
    let limit = u64::try_from(cap).unwrap_or(u64::MAX).saturating_add(1);
    file.take(limit).read_to_end(&mut bytes).map_err(|e| Error::io(&e, "cannot read"))?;
    if bytes.len() > cap {
        return Err(Error::new(ErrorKind::TooLarge, format!("over the limit of {cap} bytes per document")));
    }
    Ok(bytes)
}

/// Counts of a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Summary {
    /// Lines written.
    pub documents: u64,
    /// Of which error records.
    pub errors: u64,
    /// Bytes of the documents read (pages, JSON lines, WARC payloads).
    pub bytes: u64,
}

/// Extracts every source on `pool` and writes one JSON line each to `out`,
/// in input order, the same bytes whatever the number of threads. Memory
/// stays bounded whatever the number of sources.
pub fn run<W: Write>(
    extractor: &Extractor,
    sources: impl Iterator<Item = Source> + Send,
    pool: &rayon::ThreadPool,
    out: &mut W,
) -> io::Result<Summary> {
    run_with(extractor, sources, pool, &RunOptions::default(), out, |_| {})
}

/// [`run`], with options and a callback after each line written (for a
/// progress display).
pub fn run_with<W: Write>(
    extractor: &Extractor,
    sources: impl Iterator<Item = Source> + Send,
    pool: &rayon::ThreadPool,
    options: &RunOptions,
    out: &mut W,
    mut progress: impl FnMut(&Summary),
) -> io::Result<Summary> {
    let finish = |outcome: Outcome| {
        let mut line = outcome.to_json();
        line.push('\n');
        line
    };
    let summary = runner::for_each_ordered(extractor, sources, pool, options, finish, |line, summary| {
        out.write_all(line.as_bytes())?;
        progress(summary);
        Ok::<(), io::Error>(())
    })?;
    out.flush()?;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failed_sources_become_error_records() {
        let ex = Extractor::new();
        let outcome =
            process(&ex, Source::Failed { id: "x".into(), error: Error::new(ErrorKind::Parse, "bad line") });
        assert!(outcome.is_error());
        assert_eq!(outcome.to_json(), r#"{"id":"x","error":{"kind":"parse","message":"bad line"}}"#);
    }

    #[test]
    fn formats_by_extension() {
        assert_eq!(format_of(Path::new("a/b.TXT")), Some(Format::Text));
        assert_eq!(format_of(Path::new("a/b.htm")), Some(Format::Html));
        assert_eq!(format_of(Path::new("a/b.pdf")), None);
    }

    #[test]
    fn json_lines_take_their_own_id() {
        let ex = Extractor::new();
        let line =
            |s: &str| Source::JsonLine { file: "f.jsonl".into(), line: 7, bytes: s.as_bytes().to_vec() };
        let o = process(&ex, line(r#"{"id":"a1","text":"Tiêu đề\nNgày 20/8, họp."}"#));
        assert_eq!(o.id(), "a1");
        assert!(!o.is_error());
        let o = process(&ex, line(r#"{"id":"a2"}"#));
        assert_eq!((o.id(), o.is_error()), ("a2", true));
        let o = process(&ex, line(r#"{"id":"a3", "text": "#));
        assert_eq!((o.id(), o.is_error()), ("f.jsonl:7", true));
    }
}
