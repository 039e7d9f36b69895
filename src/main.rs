//! `vnarticle`: Vietnamese government and party news pages to JSON Lines.

use clap::{Parser, Subcommand};
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use vnarticle::Extractor;
use vnarticle::batch;

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
    /// PATHs are files or directories (walked recursively): `.txt` files are
    /// pages captured as text, `.html`/`.htm` HTML pages. A document that
    /// cannot be read gives an error record and the run goes on. Exit code:
    /// 0 when every document gave a record, 1 when some gave error records,
    /// 2 for bad arguments or an unwritable output.
    Extract {
        /// Files or directories.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Write the records to FILE instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Worker threads (default: one per core).
        #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
        jobs: Option<u16>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Extract { paths, output, jobs } => extract(paths, output, jobs),
    }
}

fn extract(paths: Vec<PathBuf>, output: Option<PathBuf>, jobs: Option<u16>) -> ExitCode {
    let mut out: Box<dyn Write> = match &output {
        Some(path) => match std::fs::File::create(path) {
            Ok(f) => Box::new(BufWriter::new(f)),
            Err(e) => {
                eprintln!("vnarticle: cannot write {}: {e}", path.display());
                return ExitCode::from(2);
            }
        },
        None => Box::new(BufWriter::new(io::stdout().lock())),
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
    let extractor = Extractor::new();
    let result = batch::run(&extractor, batch::sources(paths), &pool, &mut out);
    match result {
        Ok(summary) if summary.errors > 0 => {
            eprintln!("vnarticle: {} of {} documents gave error records", summary.errors, summary.documents);
            ExitCode::from(1)
        }
        Ok(_) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("vnarticle: cannot write output: {e}");
            ExitCode::from(2)
        }
    }
}
