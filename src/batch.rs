//! Many documents: inputs from paths (files, directories walked in sorted
//! order), extraction in parallel on a rayon pool, one JSON line per
//! document written in input order whatever the number of threads.
//!
//! A document that cannot be read, decoded or extracted gives an error
//! record and the batch goes on: lines out = documents in.

use crate::error::{Error, ErrorKind, ErrorRecord};
use crate::pipeline::{Extractor, Format, Input};
use crate::record::Record;
use rayon::prelude::*;
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
    /// The id the document's line will carry.
    pub fn id(&self) -> String {
        match self {
            Source::File { path, .. } => path.to_string_lossy().into_owned(),
            Source::Ready(input) => input.id.clone(),
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
            let id = match self {
                Outcome::Record(r) => r.id.clone(),
                Outcome::Error(err) => err.id.clone(),
            };
            let err = Error::new(ErrorKind::Panic, format!("record could not be serialized: {e}"));
            serde_json::to_string(&ErrorRecord::new(id, &err)).unwrap_or_default()
        })
    }

    /// Whether this is an error record.
    pub fn is_error(&self) -> bool {
        matches!(self, Outcome::Error(_))
    }
}

/// Format of a file by its extension: `.txt` text, `.html`/`.htm` HTML.
pub fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" => Some(Format::Text),
        "html" | "htm" | "xhtml" | "shtml" => Some(Format::Html),
        _ => None,
    }
}

/// The documents named by `paths`: files as given (format by extension,
/// else sniffed), directories walked recursively in sorted order keeping
/// the files of known formats and skipping hidden entries. A path that
/// cannot be read gives a [`Source::Failed`].
pub fn sources<I>(paths: I) -> impl Iterator<Item = Source>
where
    I: IntoIterator<Item = PathBuf>,
{
    let mut pending: Vec<(PathBuf, bool)> = paths.into_iter().map(|p| (p, true)).collect();
    pending.reverse();
    std::iter::from_fn(move || {
        while let Some((path, named)) = pending.pop() {
            match std::fs::metadata(&path) {
                Ok(meta) if meta.is_dir() => match sorted_entries(&path) {
                    Ok(entries) => pending.extend(entries.into_iter().rev().map(|p| (p, false))),
                    Err(e) => {
                        let id = path.to_string_lossy().into_owned();
                        return Some(Source::Failed { id, error: Error::io(&e, "cannot list directory") });
                    }
                },
                Ok(_) => {
                    let format = format_of(&path);
                    if named || format.is_some() {
                        return Some(Source::File { path, format: format.unwrap_or(Format::Auto) });
                    }
                }
                Err(e) => {
                    let id = path.to_string_lossy().into_owned();
                    return Some(Source::Failed { id, error: Error::io(&e, "cannot read") });
                }
            }
        }
        None
    })
}

fn sorted_entries(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.path())
        .collect();
    entries.sort();
    Ok(entries)
}

/// Extracts one document; a panic inside the extractor becomes the
/// document's error record.
pub fn process(extractor: &Extractor, source: Source) -> Outcome {
    let id = source.id();
    let result = catch_unwind(AssertUnwindSafe(|| match source {
        Source::File { path, format } => {
            let bytes = read_capped(&path, extractor.options().max_bytes)?;
            extractor.extract(&Input::new(id.clone(), format, bytes))
        }
        Source::Ready(input) => extractor.extract(&input),
        Source::Failed { error, .. } => Err(error),
    }));
    match result {
        Ok(Ok(record)) => Outcome::Record(Box::new(record)),
        Ok(Err(error)) => Outcome::Error(ErrorRecord::new(id, &error)),
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            Outcome::Error(ErrorRecord::new(
                id,
                &Error::new(ErrorKind::Panic, format!("extractor panicked: {what}")),
            ))
        }
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

/// Counts of a finished run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Lines written.
    pub documents: u64,
    /// Of which error records.
    pub errors: u64,
}

/// Extracts every source on `pool` and writes one JSON line each to `out`,
/// in input order. Sources are taken in chunks, so memory stays bounded
/// whatever their number.
pub fn run<W: Write>(
    extractor: &Extractor,
    sources: impl Iterator<Item = Source>,
    pool: &rayon::ThreadPool,
    out: &mut W,
) -> io::Result<Summary> {
    let chunk = 64 * pool.current_num_threads().max(1);
    let mut sources = sources.peekable();
    let mut summary = Summary::default();
    while sources.peek().is_some() {
        let batch: Vec<Source> = sources.by_ref().take(chunk).collect();
        let lines: Vec<(String, bool)> = pool.install(|| {
            batch
                .into_par_iter()
                .map(|s| {
                    let outcome = process(extractor, s);
                    (outcome.to_json(), outcome.is_error())
                })
                .collect()
        });
        for (line, is_error) in lines {
            out.write_all(line.as_bytes())?;
            out.write_all(b"\n")?;
            summary.documents += 1;
            summary.errors += u64::from(is_error);
        }
    }
    out.flush()?;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panics_become_error_records() {
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
}
