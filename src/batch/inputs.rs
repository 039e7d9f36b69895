//! From paths to documents: page files, directories, JSON Lines, WARC,
//! standard input. Lazy: a directory is listed when the walk reaches it, a
//! container is read one document at a time.

use super::gz;
use super::jsonl::JsonLines;
use super::warc::WarcRecords;
use super::{Source, format_of};
use crate::error::Error;
use crate::pipeline::{Format, Options};
use std::collections::HashSet;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// How to read the paths given.
///
/// - **files**: each file is one page: `.txt` (and `.text`) a page captured
///   as text, `.html`, `.htm`, `.xhtml`, `.shtml` an HTML page; a file named
///   on the command line with another extension is sniffed.
/// - **jsonl**: JSON Lines, one document a line:
///   `{"id"?, "url"?, "html"? | "text"?}` (`html` wins when both are
///   given; other fields are ignored). Blank lines are not documents. A
///   line that does not parse or has neither field gives an error record,
///   with the line's `id` or `<file>:<line number>`. Extensions `.jsonl`,
///   `.ndjson`, and the same with `.gz`.
/// - **warc**: WARC files (1.0, 1.1), plain or gzip (`.warc`, `.warc.gz`).
///   A document is a `response` record whose HTTP status is 2xx and whose
///   HTTP `Content-Type` is `text/html` or `application/xhtml+xml` (or
///   absent, with a payload that looks like HTML), or a `resource` record
///   of type HTML or `text/plain`. Its id is the `WARC-Record-ID` as
///   written, its URL the `WARC-Target-URI`; the HTTP headers are stripped
///   and their charset used; a payload stored gzip- or deflate-encoded or
///   chunked is decoded. Other records (`warcinfo`, `request`, `metadata`,
///   `revisit`, non-HTML or non-2xx responses) give no line. A broken
///   record (header that does not parse, no `Content-Length`, body cut
///   short, corrupt gzip member, wrong length) gives an error record, with
///   its `WARC-Record-ID` when it was read, else `<file>@<offset>` (the
///   offset in the uncompressed stream); reading goes on at the next
///   `WARC/` line and, in a WARC.gz, at the next gzip member.
///
/// Gzip is recognized by its magic bytes, whatever the extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum InputFormat {
    /// By extension: pages, JSON Lines and WARC files side by side; `-` is
    /// JSON Lines.
    #[default]
    Auto,
    /// Only page files.
    Files,
    /// Named files (and `-`) are JSON Lines; directories give their
    /// `.jsonl`/`.ndjson` files.
    Jsonl,
    /// Named files (and `-`) are WARC; directories give their `.warc` and
    /// `.warc.gz` files.
    Warc,
}

/// What a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Page(Format),
    Jsonl,
    Warc,
}

/// The kind of a file by its extension (`x.warc.gz` is WARC).
fn kind_of(path: &Path) -> Option<Kind> {
    if let Some(format) = format_of(path) {
        return Some(Kind::Page(format));
    }
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    match name.rsplit_once('.')?.1 {
        "jsonl" | "ndjson" => Some(Kind::Jsonl),
        "warc" => Some(Kind::Warc),
        _ => None,
    }
}

impl InputFormat {
    /// What a file is read as: `named` on the command line, or found in a
    /// directory. `None`: not an input (skipped).
    fn kind(self, path: &Path, named: bool) -> Option<Kind> {
        let by_ext = kind_of(path);
        match self {
            InputFormat::Auto if named => by_ext.or(Some(Kind::Page(Format::Auto))),
            InputFormat::Auto => by_ext,
            InputFormat::Files if named => Some(Kind::Page(format_of(path).unwrap_or(Format::Auto))),
            InputFormat::Files => by_ext.filter(|k| matches!(k, Kind::Page(_))),
            InputFormat::Jsonl if named => Some(Kind::Jsonl),
            InputFormat::Jsonl => by_ext.filter(|k| *k == Kind::Jsonl),
            InputFormat::Warc if named => Some(Kind::Warc),
            InputFormat::Warc => by_ext.filter(|k| *k == Kind::Warc),
        }
    }

    /// What `-` (standard input) is read as.
    fn stdin_kind(self) -> Kind {
        if self == InputFormat::Warc { Kind::Warc } else { Kind::Jsonl }
    }
}

/// One step of the walk over the paths.
enum Found {
    File { path: PathBuf, kind: Kind, size: u64 },
    Stdin,
    Failed(Source),
}

/// Paths, with directories expanded recursively in sorted order (hidden
/// entries skipped). Inside a directory, only regular files are documents
/// (a FIFO or a device would block or never end), and a directory reached
/// again through a symbolic link is not walked twice (a link to a parent
/// would repeat every file).
struct Walk {
    pending: Vec<(PathBuf, bool)>,
    format: InputFormat,
    walked: HashSet<PathBuf>,
}

impl Walk {
    fn new(paths: impl IntoIterator<Item = PathBuf>, format: InputFormat) -> Self {
        let mut pending: Vec<(PathBuf, bool)> = paths.into_iter().map(|p| (p, true)).collect();
        pending.reverse();
        Walk { pending, format, walked: HashSet::new() }
    }
}

impl Iterator for Walk {
    type Item = Found;

    fn next(&mut self) -> Option<Found> {
        while let Some((path, named)) = self.pending.pop() {
            if named && path.as_os_str() == "-" {
                return Some(Found::Stdin);
            }
            let failed = |e: &io::Error, what: &str| {
                let id = path.to_string_lossy().into_owned();
                Some(Found::Failed(Source::Failed { id, error: Error::io(e, what) }))
            };
            match std::fs::metadata(&path) {
                Ok(meta) if meta.is_dir() => {
                    let real = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
                    if !self.walked.insert(real) {
                        continue;
                    }
                    match sorted_entries(&path) {
                        Ok(entries) => self.pending.extend(entries.into_iter().rev().map(|p| (p, false))),
                        Err(e) => return failed(&e, "cannot list directory"),
                    }
                }
                Ok(meta) if !named && !meta.is_file() => {}
                Ok(meta) => {
                    if let Some(kind) = self.format.kind(&path, named) {
                        return Some(Found::File { path, kind, size: meta.len() });
                    }
                }
                Err(e) => return failed(&e, "cannot read"),
            }
        }
        None
    }
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

/// A reader that counts the bytes it gives (input read so far, for a
/// progress display).
struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

type Documents = Box<dyn Iterator<Item = Source> + Send>;

const BUFFER: usize = 256 << 10;

/// The documents named by paths: a lazy iterator of [`Source`]s for
/// [`super::run`] or [`super::stream`]. Built by [`inputs`].
///
/// ```
/// use vnarticle::batch::{self, InputFormat};
/// let sources = batch::inputs(vec!["corpus/".into(), "more.jsonl".into()]).format(InputFormat::Auto);
/// # drop(sources);
/// ```
pub struct Inputs {
    walk: Walk,
    max_bytes: usize,
    current: Option<Documents>,
    consumed: Arc<AtomicU64>,
}

impl std::fmt::Debug for Inputs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Inputs").field("format", &self.walk.format).finish_non_exhaustive()
    }
}

/// The documents named by `paths` (files, directories walked recursively in
/// sorted order, `-` for standard input), every kind recognized by its
/// extension; see [`InputFormat`]. Nothing is read until iterated.
pub fn inputs<I: IntoIterator<Item = PathBuf>>(paths: I) -> Inputs {
    let paths: Vec<PathBuf> = paths.into_iter().collect();
    Inputs {
        walk: Walk::new(paths, InputFormat::Auto),
        max_bytes: Options::default().max_bytes,
        current: None,
        consumed: Arc::new(AtomicU64::new(0)),
    }
}

impl Inputs {
    /// Reads the paths as `format` instead of by extension.
    pub fn format(mut self, format: InputFormat) -> Self {
        self.walk.format = format;
        self
    }

    /// The per-document size cap containers enforce while reading (default:
    /// [`Options::max_bytes`]'s default; give the extractor's).
    pub fn max_bytes(mut self, n: usize) -> Self {
        self.max_bytes = n;
        self
    }

    /// A counter of the input bytes read so far (compressed bytes for gzip
    /// files; page files count when they are handed out), for a progress
    /// display.
    pub fn progress(&self) -> Arc<AtomicU64> {
        Arc::clone(&self.consumed)
    }

    /// The total size of the files `paths` name in `format` (what
    /// [`Inputs::progress`] reaches at the end, standard input aside),
    /// walking the directories without reading the files.
    pub fn total_bytes<I: IntoIterator<Item = PathBuf>>(paths: I, format: InputFormat) -> u64 {
        Walk::new(paths, format)
            .map(|found| match found {
                Found::File { size, .. } => size,
                _ => 0,
            })
            .sum()
    }

    fn open(&self, reader: Box<dyn Read + Send>, name: String, kind: Kind) -> io::Result<Documents> {
        let counted = Counting { inner: reader, count: Arc::clone(&self.consumed) };
        let mut raw = BufReader::with_capacity(BUFFER, counted);
        let gzip = gz::is_gzip(raw.fill_buf()?);
        let reader: Box<dyn BufRead + Send> = if gzip {
            Box::new(BufReader::with_capacity(BUFFER, gz::Members::new(raw)))
        } else {
            Box::new(raw)
        };
        let line_cap = self.max_bytes.saturating_mul(2).saturating_add(1 << 20);
        Ok(match kind {
            Kind::Jsonl => Box::new(JsonLines::new(reader, name, line_cap)),
            _ => Box::new(WarcRecords::new(reader, name, self.max_bytes, gzip)),
        })
    }
}

impl Iterator for Inputs {
    type Item = Source;

    fn next(&mut self) -> Option<Source> {
        loop {
            if let Some(documents) = &mut self.current {
                if let Some(source) = documents.next() {
                    return Some(source);
                }
                self.current = None;
            }
            let (reader, name, kind): (io::Result<Box<dyn Read + Send>>, String, Kind) = match self
                .walk
                .next()?
            {
                Found::Failed(source) => return Some(source),
                Found::Stdin => (Ok(Box::new(io::stdin())), "-".to_owned(), self.walk.format.stdin_kind()),
                Found::File { path, kind: Kind::Page(format), size } => {
                    self.consumed.fetch_add(size, Ordering::Relaxed);
                    return Some(Source::File { path, format });
                }
                Found::File { path, kind, .. } => {
                    let name = path.to_string_lossy().into_owned();
                    let file = std::fs::File::open(&path).map(|f| Box::new(f) as Box<dyn Read + Send>);
                    (file, name, kind)
                }
            };
            match reader.and_then(|r| self.open(r, name.clone(), kind)) {
                Ok(documents) => self.current = Some(documents),
                Err(e) => return Some(Source::Failed { id: name, error: Error::io(&e, "cannot read") }),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_extension_and_format() {
        let p = Path::new;
        assert_eq!(kind_of(p("a/b.warc.gz")), Some(Kind::Warc));
        assert_eq!(kind_of(p("a/b.WARC")), Some(Kind::Warc));
        assert_eq!(kind_of(p("b.ndjson.gz")), Some(Kind::Jsonl));
        assert_eq!(kind_of(p("b.html")), Some(Kind::Page(Format::Html)));
        assert_eq!(kind_of(p("b.gz")), None);
        assert_eq!(kind_of(p("b.pdf")), None);
        assert_eq!(InputFormat::Auto.kind(p("b.pdf"), true), Some(Kind::Page(Format::Auto)));
        assert_eq!(InputFormat::Auto.kind(p("b.pdf"), false), None);
        assert_eq!(InputFormat::Jsonl.kind(p("b.txt"), true), Some(Kind::Jsonl));
        assert_eq!(InputFormat::Jsonl.kind(p("b.txt"), false), None);
        assert_eq!(InputFormat::Files.kind(p("b.warc"), false), None);
        assert_eq!(InputFormat::Warc.kind(p("dump"), true), Some(Kind::Warc));
    }
}
