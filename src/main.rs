//! `vnarticle`: Vietnamese government and party news pages to JSON Lines.

use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};
use vnarticle::batch::{self, InputFormat, Inputs, RunOptions, Summary};
use vnarticle::{Extractor, Options};

#[derive(Parser)]
#[command(
    name = "vnarticle",
    version,
    about = "Vietnamese government and party news pages to structured records"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract one record per document, as JSON Lines, in input order.
    ///
    /// PATHs are files or directories (walked recursively, in sorted order):
    /// `.txt` files are pages captured as text, `.html`/`.htm` HTML pages,
    /// `.jsonl`/`.ndjson` JSON Lines with one document a line
    /// ({"id"?, "url"?, "html"? | "text"?}), `.warc`/`.warc.gz` web archives
    /// (HTML responses and HTML or text resources are documents; other
    /// records are skipped); `-` reads JSON Lines (or WARC with
    /// `--input-format warc`) from standard input. A document that cannot
    /// be read gives an error record and the run goes on: lines out =
    /// documents in, in input order, the same bytes whatever `--jobs`.
    ///
    /// A progress bar is drawn on standard error when it is a terminal; a
    /// one-line summary is always written there at the end. Exit code: 0
    /// when every document gave a record, 1 when some gave error records, 2
    /// for bad arguments or an unwritable output.
    Extract {
        /// Files, directories, or `-` for standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Write the records to FILE instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Worker threads (default: one per core).
        #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
        jobs: Option<u16>,
        /// How to read the PATHs: by extension (auto), or every named file
        /// as pages, JSON Lines or WARC (directories then give only the
        /// files of that kind).
        #[arg(long, value_enum, default_value_t = Format::Auto, value_name = "FORMAT")]
        input_format: Format,
        /// Largest document read, in bytes, or with a unit: 500K, 16M, 1G.
        /// A larger one gives an error record of kind `too_large`.
        #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = parse_size)]
        max_size: usize,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Auto,
    Files,
    Jsonl,
    Warc,
}

impl From<Format> for InputFormat {
    fn from(f: Format) -> Self {
        match f {
            Format::Auto => InputFormat::Auto,
            Format::Files => InputFormat::Files,
            Format::Jsonl => InputFormat::Jsonl,
            Format::Warc => InputFormat::Warc,
        }
    }
}

fn main() -> ExitCode {
    // A panic inside a document is caught at the document's boundary and
    // becomes its error record (kind `panic`, with the message); the
    // default hook would also print a backtrace note amid the output. Say
    // it once, briefly, as the bug it is.
    std::panic::set_hook(Box::new(|info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let at = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        eprintln!(
            "vnarticle: internal error{at}: {what} (a bug: the document gets an error record of kind panic)"
        );
    }));
    let cli = Cli::parse();
    match cli.command {
        Command::Extract { paths, output, jobs, input_format, max_size } => {
            extract(paths, output, jobs, input_format.into(), max_size)
        }
    }
}

/// `123`, `500K`, `16M`, `1G` (powers of 1024).
fn parse_size(s: &str) -> Result<usize, String> {
    let s = s.trim();
    let (digits, shift) = match s.as_bytes().last().map(u8::to_ascii_uppercase) {
        Some(b'K') => (&s[..s.len() - 1], 10),
        Some(b'M') => (&s[..s.len() - 1], 20),
        Some(b'G') => (&s[..s.len() - 1], 30),
        _ => (s, 0),
    };
    let n: usize = digits.trim().parse().map_err(|_| format!("not a size: {s:?} (e.g. 500K, 16M, 1G)"))?;
    n.checked_mul(1 << shift).filter(|&n| n > 0).ok_or_else(|| format!("size out of range: {s:?}"))
}

fn extract(
    paths: Vec<PathBuf>,
    output: Option<PathBuf>,
    jobs: Option<u16>,
    format: InputFormat,
    max_size: usize,
) -> ExitCode {
    let stdin = paths.iter().any(|p| p.as_os_str() == "-");
    if stdin && format == InputFormat::Files {
        eprintln!("vnarticle: standard input (-) holds JSON Lines or WARC, not --input-format files");
        return ExitCode::from(2);
    }
    let mut out: Box<dyn Write> = match &output {
        Some(path) => match std::fs::File::create(path) {
            Ok(f) => Box::new(BufWriter::with_capacity(1 << 18, f)),
            Err(e) => {
                eprintln!("vnarticle: cannot write {}: {e}", path.display());
                return ExitCode::from(2);
            }
        },
        None => Box::new(BufWriter::with_capacity(1 << 18, io::stdout().lock())),
    };
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(n) = jobs {
        pool = pool.num_threads(usize::from(n));
    }
    let pool = match pool.build() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("vnarticle: cannot start worker threads: {e}");
            return ExitCode::from(2);
        }
    };
    let extractor = Extractor::with_options(Options::default().max_bytes(max_size));
    let sources = batch::inputs(paths.clone()).format(format).max_bytes(extractor.options().max_bytes);
    let mut progress = Progress::new(sources.progress(), (!stdin).then_some((paths, format)));
    let started = Instant::now();
    let result =
        batch::run_with(&extractor, sources, &pool, &RunOptions::default(), &mut out, |s| progress.update(s));
    progress.finish();
    let summary = match result {
        Ok(summary) => summary,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("vnarticle: cannot write output: {e}");
            return ExitCode::from(2);
        }
    };
    eprintln!("vnarticle: {}", summary_line(&summary, started.elapsed()));
    if summary.errors > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS }
}

/// `1234 documents, 5 errors, 120.3 MB in 4.10 s (29.3 MB/s, 301 documents/s)`
fn summary_line(s: &Summary, elapsed: Duration) -> String {
    let secs = elapsed.as_secs_f64().max(1e-9);
    let mb = s.bytes as f64 / 1e6;
    format!(
        "{} documents, {} errors, {mb:.1} MB in {secs:.2} s ({:.1} MB/s, {:.0} documents/s)",
        s.documents,
        s.errors,
        mb / secs,
        s.documents as f64 / secs
    )
}

/// The progress bar on standard error, when it is a terminal.
struct Progress {
    bar: Option<ProgressBar>,
    read: Arc<AtomicU64>,
    last: Instant,
    started: Instant,
}

impl Progress {
    /// `total`: the paths whose size is the bar's length (walked in the
    /// background), or none (standard input: no length, no ETA).
    fn new(read: Arc<AtomicU64>, total: Option<(Vec<PathBuf>, InputFormat)>) -> Self {
        let now = Instant::now();
        let bar = io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr_with_hz(4));
            let style = ProgressStyle::with_template(
                "{spinner} {elapsed_precise} [{wide_bar}] {binary_bytes}/{binary_total_bytes} \
                 {binary_bytes_per_sec} ETA {eta} {msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            if let Some((paths, format)) = total {
                let weak = bar.downgrade();
                std::thread::spawn(move || {
                    let n = Inputs::total_bytes(paths, format);
                    if let Some(bar) = weak.upgrade() {
                        bar.set_length(n);
                    }
                });
            }
            bar
        });
        Progress { bar, read, last: now, started: now }
    }

    fn update(&mut self, s: &Summary) {
        let Some(bar) = &self.bar else { return };
        let now = Instant::now();
        if now.duration_since(self.last) < Duration::from_millis(100) {
            return;
        }
        self.last = now;
        bar.set_position(self.read.load(Ordering::Relaxed));
        let secs = now.duration_since(self.started).as_secs_f64().max(1e-9);
        bar.set_message(format!(
            "{} docs ({:.0}/s), {} errors",
            s.documents,
            s.documents as f64 / secs,
            s.errors
        ));
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
