//! The `vnarticle extract` command: one line per document in input order,
//! error records for bad documents, exit codes 0 / 1 / 2.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn vnarticle(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vnarticle")).args(args).output().expect("run vnarticle")
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn lines(out: &[u8]) -> Vec<Value> {
    String::from_utf8(out.to_vec()).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn extract_fixtures_gives_one_record_per_page_in_order() {
    let out = vnarticle(&["extract", fixtures().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let recs = lines(&out.stdout);
    let mut pages: Vec<PathBuf> =
        std::fs::read_dir(fixtures().join("text")).unwrap().map(|e| e.unwrap().path()).collect();
    pages.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    assert!(recs.len() >= pages.len());
    let ids: Vec<&str> = recs.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted, "records are not in sorted input order");
    for r in &recs {
        assert!(r.get("error").is_none(), "{r}");
        // every article has a title; a listing of articles has none
        let listing = r["warnings"].as_array().unwrap().iter().any(|w| w["kind"] == "listing_page");
        assert!(r["title"].is_string() != listing, "{r}");
    }
}

#[test]
fn a_binary_file_gives_an_error_record_and_the_rest_are_intact() {
    let dir = scratch("mixed");
    let text = fixtures().join("text");
    for name in ["hard-wrapped.txt", "tinh-stamp-on-title.txt"] {
        std::fs::copy(text.join(name), dir.join(name)).unwrap();
    }
    std::fs::write(dir.join("image.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0").unwrap();
    let alone = lines(&vnarticle(&["extract", text.join("hard-wrapped.txt").to_str().unwrap()]).stdout);

    let out = vnarticle(&["extract", "--jobs", "2", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let recs = lines(&out.stdout);
    assert_eq!(recs.len(), 3, "lines out = documents in");
    assert!(recs[0]["id"].as_str().unwrap().ends_with("hard-wrapped.txt"));
    assert_eq!(recs[1]["error"]["kind"], "decode");
    assert!(recs[1]["id"].as_str().unwrap().ends_with("image.txt"));
    assert!(recs[2]["id"].as_str().unwrap().ends_with("tinh-stamp-on-title.txt"));
    // the good record is the same as when extracted alone, but for its id
    let (mut a, mut b) = (recs[0].clone(), alone[0].clone());
    a["id"] = Value::Null;
    b["id"] = Value::Null;
    assert_eq!(a, b);
}

#[test]
fn a_missing_path_gives_an_error_record() {
    let out = vnarticle(&[
        "extract",
        "no/such/page.txt",
        fixtures().join("text/hard-wrapped.txt").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let recs = lines(&out.stdout);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["error"]["kind"], "io");
    assert!(recs[1]["title"].is_string());
}

#[test]
fn output_file_and_jobs_give_the_same_bytes() {
    let dir = scratch("output");
    let one = dir.join("one.jsonl");
    let two = dir.join("two.jsonl");
    let f = fixtures();
    let a = vnarticle(&["extract", "-o", one.to_str().unwrap(), "--jobs", "1", f.to_str().unwrap()]);
    let b = vnarticle(&["extract", "--output", two.to_str().unwrap(), "-j", "2", f.to_str().unwrap()]);
    assert_eq!((a.status.code(), b.status.code()), (Some(0), Some(0)));
    assert!(a.stdout.is_empty());
    let (one, two) = (std::fs::read(one).unwrap(), std::fs::read(two).unwrap());
    assert!(!one.is_empty());
    assert_eq!(one, two);
}

#[test]
fn bad_arguments_and_unwritable_output_exit_2() {
    assert_eq!(vnarticle(&["extract"]).status.code(), Some(2));
    assert_eq!(vnarticle(&["extract", "--jobs", "0", "x"]).status.code(), Some(2));
    assert_eq!(vnarticle(&["frobnicate"]).status.code(), Some(2));
    let out = vnarticle(&["extract", "-o", "/no/such/dir/out.jsonl", fixtures().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot write"));
}
