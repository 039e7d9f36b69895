#!/usr/bin/env python3
"""Compares vnarticle with trafilatura on the HTML pages of the shared corpus.

Runs trafilatura (when it is installed: `pip install trafilatura`; it is a
measuring stick, not a dependency) over ../shared/corpus/html, writes its
output as records of our schema (id, title, published, text, site) and
scores them with ../shared/tools/score.py, next to vnarticle's own records
(from target/release/vnarticle, built with `cargo build --release`).

Usage: python3 benches/trafilatura_compare.py [SHARED_DIR] [--detail]
"""
import json
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 and not sys.argv[1].startswith("-") else ROOT.parent / "shared"
DETAIL = "--detail" in sys.argv
HTML = SHARED / "corpus" / "html"
GOLD = SHARED / "corpus" / "gold"
SCORE = SHARED / "tools" / "score.py"
FIELDS = ("body.f1", "body.p", "body.r", "boilerplate.left", "title.acc", "published.acc", "province.acc", "authors.acc")


def score(records):
    args = [sys.executable, str(SCORE), str(GOLD), str(records), "--only", "html/"]
    if DETAIL:
        print(subprocess.run(args + ["--detail"], capture_output=True, text=True).stdout)
    out = subprocess.run(args + ["--json"], capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def trafilatura_records(path):
    try:
        import trafilatura
    except ImportError:
        return None
    with open(path, "w", encoding="utf-8") as out:
        for page in sorted(HTML.glob("*.html")):
            raw = page.read_bytes()
            doc = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False,
                                              include_tables=True, deduplicate=False)
            if doc is not None and not isinstance(doc, dict):
                doc = doc.as_dict()
            doc = doc or {}
            text = doc.get("text") or ""
            # one paragraph a line in trafilatura's output; ours: blank lines between
            text = "\n\n".join(p.strip() for p in text.splitlines() if p.strip())
            rec = {"id": f"html/{page.name}", "title": doc.get("title"), "published": doc.get("date"),
                   "text": text, "authors": [a.strip() for a in (doc.get("author") or "").split(";") if a.strip()],
                   "site": {"name": doc.get("sitename"), "domain": doc.get("hostname"), "province": None}}
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return trafilatura.__version__


def main():
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="vnarticle-compare-"))
    rows = []
    binary = ROOT / "target" / "release" / "vnarticle"
    if binary.exists():
        ours = tmp / "vnarticle.jsonl"
        with open(ours, "w") as f:
            subprocess.run([str(binary), "extract", str(HTML)], stdout=f, check=True)
        rows.append(("vnarticle", score(ours)))
    else:
        print(f"{binary} not built: run `cargo build --release` first", file=sys.stderr)
    theirs = tmp / "trafilatura.jsonl"
    version = trafilatura_records(theirs)
    if version is None:
        print("trafilatura is not installed (pip install trafilatura): skipped", file=sys.stderr)
    else:
        rows.append((f"trafilatura {version}", score(theirs)))
    print(f"{'system':<20}" + "".join(f"{f:>17}" for f in FIELDS))
    for name, m in rows:
        print(f"{name:<20}" + "".join(f"{m.get(f, float('nan')):>17.3f}" for f in FIELDS))


if __name__ == "__main__":
    main()
