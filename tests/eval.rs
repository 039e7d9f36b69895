//! The evaluation gate (after trafilatura's `tests/eval_gate.py`): runs the
//! whole pipeline over the real articles of `../shared/corpus`, scores the
//! records with the project's scorer `../shared/tools/score.py`, and fails
//! when a metric falls below its floor in `tests/eval_floors.toml`.
//!
//! Floors only go up: raise one when a change earns it, never lower one
//! silently. Skipped, with a message, when the corpus or python3 is absent.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;
use vnarticle::{Extractor, batch};

fn corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    (dir.join("corpus/gold").is_dir() && dir.join("tools/score.py").is_file()).then_some(dir)
}

fn score(shared: &Path, records: &Path, only: Option<&str>) -> Value {
    let mut cmd = Command::new("python3");
    cmd.arg(shared.join("tools/score.py")).arg(shared.join("corpus/gold")).arg(records).arg("--json");
    if let Some(prefix) = only {
        cmd.args(["--only", prefix]);
    }
    let out = cmd.output().expect("python3 runs");
    assert!(out.status.success(), "score.py failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("score.py --json prints one JSON object")
}

#[test]
fn scores_on_the_shared_corpus_stay_above_their_floors() {
    let Some(shared) = corpus() else {
        eprintln!(
            "SKIPPED: ../shared/corpus or ../shared/tools/score.py is absent (a fresh clone elsewhere)"
        );
        return;
    };
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("SKIPPED: python3 is not installed; the evaluation gate needs it to run score.py");
        return;
    }
    let extractor = Extractor::new();
    let pool = rayon::ThreadPoolBuilder::new().build().unwrap();
    let mut out = Vec::new();
    let inputs = vec![shared.join("corpus/text"), shared.join("corpus/html")];
    let summary = batch::run(&extractor, batch::sources(inputs), &pool, &mut out).unwrap();
    assert_eq!(summary.errors, 0, "error records on the corpus");
    let records = Path::new(env!("CARGO_TARGET_TMPDIR")).join("eval-records.jsonl");
    std::fs::write(&records, &out).unwrap();

    let floors: toml::Table = toml::from_str(include_str!("eval_floors.toml")).unwrap();
    let mut failures = Vec::new();
    for (scope, only) in [("all", None), ("text", Some("text/")), ("html", Some("html/"))] {
        let metrics = score(&shared, &records, only);
        eprintln!("{scope}: {metrics}");
        let Some(bounds) = floors.get(scope).and_then(|t| t.as_table()) else { continue };
        for (name, bound) in bounds.get("min").and_then(|t| t.as_table()).into_iter().flatten() {
            let (got, want) =
                (metrics[name].as_f64(), bound.as_float().or(bound.as_integer().map(|i| i as f64)));
            match (got, want) {
                (Some(g), Some(w)) if g + 1e-9 >= w => {}
                _ => failures.push(format!("{scope}: {name} = {got:?}, floor {want:?}")),
            }
        }
        for (name, bound) in bounds.get("max").and_then(|t| t.as_table()).into_iter().flatten() {
            let (got, want) =
                (metrics[name].as_f64(), bound.as_float().or(bound.as_integer().map(|i| i as f64)));
            match (got, want) {
                (Some(g), Some(w)) if g <= w + 1e-9 => {}
                _ => failures.push(format!("{scope}: {name} = {got:?}, ceiling {want:?}")),
            }
        }
    }
    assert!(failures.is_empty(), "below the evaluation floors:\n{}", failures.join("\n"));
}
