#!/usr/bin/env python3
"""Corpus benchmark of `vnarticle extract`: throughput, speedup, peak memory.

Builds, under a scratch directory (not in the repository):

- a large corpus (>= 200 MB by default): the pages of ../shared/corpus and
  the project's fixtures/text, repeated with varied file names and lightly
  perturbed text (years and day numbers shifted per copy), split into
  text/ and html/;
- the issue's check set: a 60x copy of ../shared/corpus (text and html),
  and a JSON Lines file and a WARC.gz (one gzip member per record, with
  warcinfo and request records around the responses) of its HTML pages.

Then runs the release CLI (timed by /usr/bin/time -v) and reports:

- MB/s and documents/s for --jobs 1 and --jobs 2 on the whole corpus, on
  its text part and on its HTML part; the speedup; MB per CPU-second
  (user + system time: the per-core rate, which holds on a loaded machine);
- peak RSS, on a quarter of the corpus and on the whole (flat in size?);
- the 60x checks: same bytes for --jobs 1 and 2, lines out = documents in,
  speedup, RSS; per worker thread, time on a CPU, waiting for one, and
  blocked (from /proc schedstat: workers rarely blocked = the runner keeps
  the cores busy, whatever else runs on the machine); the JSON Lines and WARC.gz give one record per page, with
  the same text as the files;
- trafilatura (PyPI; measurement only) on the same HTML pages in the same
  run: documents/s, and our documents/s over theirs (both one core).

Re-run after the merges (from the worktree root):

    cargo build --release
    python3 benches/corpus_bench.py                      # everything
    python3 benches/corpus_bench.py --mb 200 --skip-trafilatura --repeat 3
    python3 benches/corpus_bench.py --trafilatura-python /tmp/venv/bin/python3

trafilatura: `python3 -m venv /tmp/venv && /tmp/venv/bin/pip install
trafilatura`, then pass --trafilatura-python (or have it importable by
python3). The machine is shared: wall-clock speedups are only meaningful
when nothing else runs (the report prints the load average before and
after). Exit status 1 when a check fails (bytes differ, lines != documents,
error records in the 60x run), not when a speed target is missed.
"""

import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
CLI = ROOT / "target" / "release" / "vnarticle"

DATE = re.compile(rb"\b(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)\b")


def perturb(data: bytes, k: int) -> bytes:
    """Copy k of a page: the years and days of its d/m/yyyy dates shifted
    (so copies are not byte-identical, and the dates stay valid)."""
    if k == 0:
        return data

    def shift(m):
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        day = (day - 1 + k) % 28 + 1
        year = 1995 + (year - 1995 + k) % 30
        return b"%d/%d/%d" % (day, month, year)

    return DATE.sub(shift, data)


def sources():
    """(kind, name, bytes) of every page we may copy."""
    pages = []
    for kind, dirs in (("text", [SHARED / "text", ROOT / "fixtures" / "text"]), ("html", [SHARED / "html"])):
        for d in dirs:
            if d.is_dir():
                for p in sorted(d.iterdir()):
                    if p.suffix in (".txt", ".html"):
                        pages.append((kind, p.stem, p.read_bytes()))
    return pages


def build_corpus(out: Path, mb: float, text_share: float):
    """Repeats pages until text/ and html/ reach their byte targets."""
    if out.exists():
        shutil.rmtree(out)
    pages = sources()
    targets = {"text": mb * 1e6 * text_share, "html": mb * 1e6 * (1 - text_share)}
    counts = {}
    for kind in ("text", "html"):
        kind_pages = [p for p in pages if p[0] == kind]
        total, k, n = 0, 0, 0
        while total < targets[kind] and kind_pages:
            sub = out / kind / f"{k // 20:04d}"  # 20 copies a directory
            sub.mkdir(parents=True, exist_ok=True)
            for _, stem, data in kind_pages:
                body = perturb(data, k)
                ext = "txt" if kind == "text" else "html"
                (sub / f"c{k:05d}_{stem}.{ext}").write_bytes(body)
                total += len(body)
                n += 1
            k += 1
        counts[kind] = (n, total)
    return counts


def build_60x(out: Path):
    if out.exists():
        shutil.rmtree(out)
    n = 0
    for k in range(60):
        for kind in ("text", "html"):
            src = SHARED / kind
            if not src.is_dir():
                continue
            dst = out / f"copy{k:02d}" / kind
            dst.mkdir(parents=True)
            for p in sorted(src.iterdir()):
                shutil.copyfile(p, dst / p.name)
                n += 1
    return n


def html_pages(root: Path):
    return sorted(p for p in root.rglob("*.html"))


def write_jsonl(pages, path: Path):
    with open(path, "w", encoding="utf-8") as f:
        for p in pages:
            html = p.read_bytes().decode("utf-8", errors="replace")
            f.write(json.dumps({"id": str(p), "url": f"https://example.gov.vn/{p.stem}.html", "html": html},
                               ensure_ascii=False) + "\n")


def warc_record(kind, uri, content_type, block: bytes, record_id=None):
    rid = record_id or f"<urn:uuid:{uuid.uuid4()}>"
    head = (f"WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: {rid}\r\n"
            f"WARC-Date: 2024-03-13T02:15:00Z\r\n")
    if uri:
        head += f"WARC-Target-URI: {uri}\r\n"
    head += f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n"
    return head.encode() + block + b"\r\n\r\n"


def write_warc_gz(pages, path: Path):
    """One gzip member per record, as crawlers write them."""
    with open(path, "wb") as f:
        info = b"software: corpus_bench.py\r\nformat: WARC File Format 1.1\r\n"
        f.write(gzip.compress(warc_record("warcinfo", None, "application/warc-fields", info), 6))
        for i, p in enumerate(pages):
            uri = f"https://example.gov.vn/{p.stem}.html"
            req = f"GET /{p.stem}.html HTTP/1.1\r\nHost: example.gov.vn\r\n\r\n".encode()
            f.write(gzip.compress(warc_record("request", uri, "application/http; msgtype=request", req), 6))
            body = p.read_bytes()
            resp = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                    b"Content-Length: %d\r\n\r\n" % len(body)) + body
            f.write(gzip.compress(warc_record("response", uri, "application/http; msgtype=response", resp,
                                              f"<urn:page:{i}>"), 6))


def run_cli(args, out: Path):
    """Runs the CLI under /usr/bin/time -v; returns wall seconds, peak RSS
    in MB, exit code, and the summary line."""
    cmd = ["/usr/bin/time", "-v", str(CLI), "extract", "-o", str(out)] + [str(a) for a in args]
    t0 = time.perf_counter()
    r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t0
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr)
    user = re.search(r"User time \(seconds\): ([\d.]+)", r.stderr)
    system = re.search(r"System time \(seconds\): ([\d.]+)", r.stderr)
    summary = next((l for l in r.stderr.splitlines() if l.startswith("vnarticle:")), "")
    return {
        "wall": wall,
        "cpu": float(user.group(1)) + float(system.group(1)) if user and system else None,
        "rss_mb": int(rss.group(1)) / 1024 if rss else None,
        "code": r.returncode,
        "summary": summary,
    }


def thread_times(args):
    """Runs the CLI (no /usr/bin/time) and samples /proc/PID/task/*/schedstat
    until it ends: per thread, seconds on a CPU, waiting for a CPU (other
    processes), and neither (blocked: idle, locks, I/O). A diagnostic that
    holds on a loaded machine: workers that are rarely blocked keep their
    cores busy whatever the load."""
    proc = subprocess.Popen([str(CLI), "extract", "-o", os.devnull] + [str(a) for a in args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    t0 = time.perf_counter()
    last, last_t = {}, t0
    while proc.poll() is None:
        snap = {}
        for task in Path(f"/proc/{proc.pid}/task").glob("*"):
            try:
                on, wait, _ = (int(x) for x in (task / "schedstat").read_text().split())
                snap[task.name] = (on / 1e9, wait / 1e9)
            except (OSError, ValueError):
                pass
        if snap:
            last, last_t = snap, time.perf_counter()
        time.sleep(0.05)
    wall = last_t - t0
    return wall, sorted(last.values(), reverse=True)


def dir_stats(root: Path):
    files = [p for p in root.rglob("*") if p.is_file() and p.suffix in (".txt", ".html")]
    return len(files), sum(p.stat().st_size for p in files)


def line_count(path: Path):
    with open(path, "rb") as f:
        return sum(1 for _ in f)


REPEAT = 1


def measure(label, inputs, docs, size, scratch: Path, jobs_list=(1, 2)):
    """Runs jobs 1 and 2 (alternating, REPEAT times each) and keeps each
    one's fastest run: the least disturbed by other processes."""
    rows = {}
    runs = {jobs: [] for jobs in jobs_list}
    for _ in range(REPEAT):
        for jobs in jobs_list:
            out = scratch / f"out-{label}-j{jobs}.jsonl"
            runs[jobs].append(run_cli(["--jobs", jobs] + inputs, out))
    for jobs in jobs_list:
        out = scratch / f"out-{label}-j{jobs}.jsonl"
        r = min(runs[jobs], key=lambda x: x["wall"])
        r["rss_mb"] = max(x["rss_mb"] or 0 for x in runs[jobs])
        r["lines"] = line_count(out)
        r["mb_s"] = size / 1e6 / r["wall"]
        r["docs_s"] = docs / r["wall"]
        r["mb_per_cpu_s"] = size / 1e6 / r["cpu"] if r["cpu"] else None
        rows[jobs] = r
        print(f"  {label:<10} jobs {jobs}: {r['wall']:7.2f} s  {r['mb_s']:7.1f} MB/s  {r['docs_s']:8.0f} docs/s  "
              f"CPU {r['cpu']:.2f} s ({r['mb_per_cpu_s']:.1f} MB per CPU-second)  peak RSS {r['rss_mb']:.0f} MB  "
              f"lines {r['lines']}/{docs}  exit {r['code']}")
    if 1 in rows and 2 in rows:
        same = (scratch / f"out-{label}-j1.jsonl").read_bytes() == (scratch / f"out-{label}-j2.jsonl").read_bytes()
        speedup = rows[1]["wall"] / rows[2]["wall"]
        print(f"  {label:<10} speedup {speedup:.2f}, same bytes for jobs 1 and 2: {same}")
        rows["speedup"], rows["same"] = speedup, same
    return rows


def trafilatura_rate(python, pages, limit):
    """documents/s of trafilatura.extract on `pages` (one process, one core)."""
    script = r"""
import sys, time, json
import trafilatura
paths = [l.strip() for l in sys.stdin if l.strip()]
docs = [open(p, 'rb').read().decode('utf-8', 'replace') for p in paths]
t0, c0 = time.perf_counter(), time.process_time()
n = 0
for d in docs:
    r = trafilatura.extract(d, output_format='json', with_metadata=True)
    n += r is not None
dt, dc = time.perf_counter() - t0, time.process_time() - c0
print(json.dumps({'docs': len(docs), 'extracted': n, 'seconds': dt, 'cpu': dc, 'version': trafilatura.__version__}))
"""
    listing = "\n".join(str(p) for p in pages[:limit])
    r = subprocess.run([python, "-c", script], input=listing, capture_output=True, text=True)
    if r.returncode != 0:
        return None, r.stderr.strip().splitlines()[-1:] or ["failed"]
    return json.loads(r.stdout), None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dir", default="/tmp/vnarticle-corpus-bench", help="scratch directory (default %(default)s)")
    ap.add_argument("--mb", type=float, default=200, help="size of the large corpus in MB (default %(default)s)")
    ap.add_argument("--text-share", type=float, default=0.25, help="share of text pages by bytes (default %(default)s)")
    ap.add_argument("--keep", action="store_true", help="keep the scratch directory")
    ap.add_argument("--skip-large", action="store_true", help="only the 60x checks and trafilatura")
    ap.add_argument("--skip-trafilatura", action="store_true")
    ap.add_argument("--trafilatura-python", default=sys.executable, help="a python with trafilatura installed")
    ap.add_argument("--trafilatura-pages", type=int, default=240, help="HTML pages given to both tools")
    ap.add_argument("--repeat", type=int, default=1,
                    help="runs of each measurement, the fastest kept (default %(default)s; 3 on a busy machine)")
    ap.add_argument("--json", help="write the results to this file")
    a = ap.parse_args()
    global REPEAT
    REPEAT = max(1, a.repeat)

    if not CLI.exists():
        sys.exit(f"{CLI} is missing: run `cargo build --release` first")
    if not SHARED.is_dir():
        sys.exit(f"{SHARED} is missing")
    scratch = Path(a.dir)
    scratch.mkdir(parents=True, exist_ok=True)
    results = {"load_before": os.getloadavg(), "cores": os.cpu_count()}
    print(f"load average before: {results['load_before']}, cores: {results['cores']}")
    failures = []

    if not a.skip_large:
        corpus = scratch / "large"
        counts = build_corpus(corpus, a.mb, a.text_share)
        docs, size = dir_stats(corpus)
        print(f"large corpus: {docs} documents, {size / 1e6:.1f} MB "
              f"(text {counts['text'][0]} docs {counts['text'][1] / 1e6:.1f} MB, "
              f"html {counts['html'][0]} docs {counts['html'][1] / 1e6:.1f} MB) in {corpus}")
        results["large"] = {"docs": docs, "mb": size / 1e6}
        results["large"]["all"] = measure("all", [corpus], docs, size, scratch)
        for kind in ("text", "html"):
            n, s = counts[kind]
            rows = measure(kind, [corpus / kind], n, s, scratch)
            results["large"][kind] = rows
        # memory flat in corpus size: a quarter of the corpus, one job
        subdirs = sorted((corpus / "html").iterdir()) + sorted((corpus / "text").iterdir())
        quarter = subdirs[::4]
        qdocs = sum(dir_stats(d)[0] for d in quarter)
        qsize = sum(dir_stats(d)[1] for d in quarter)
        q = measure("quarter", quarter, qdocs, qsize, scratch, jobs_list=(2,))
        results["large"]["quarter"] = q
        print(f"  peak RSS, jobs 2: quarter ({qsize / 1e6:.0f} MB) {q[2]['rss_mb']:.0f} MB, "
              f"whole ({size / 1e6:.0f} MB) {results['large']['all'][2]['rss_mb']:.0f} MB")
        for key in ("all", "text", "html"):
            rows = results["large"][key]
            if not rows.get("same", True):
                failures.append(f"large/{key}: outputs differ between jobs 1 and 2")
            for j in (1, 2):
                if rows[j]["lines"] != (docs if key == "all" else counts[key][0]):
                    failures.append(f"large/{key} jobs {j}: lines out != documents in")

    # the checks
    c60 = scratch / "c60"
    n60 = build_60x(c60)
    _, s60 = dir_stats(c60)
    print(f"60x copy of ../shared/corpus: {n60} documents, {s60 / 1e6:.1f} MB")
    rows = measure("60x", [c60], n60, s60, scratch)
    results["c60"] = rows
    for j in (1, 2):
        if rows[j]["lines"] != n60:
            failures.append(f"60x jobs {j}: {rows[j]['lines']} lines for {n60} documents")
        if rows[j]["code"] != 0:
            failures.append(f"60x jobs {j}: exit {rows[j]['code']} ({rows[j]['summary']})")
    if not rows["same"]:
        failures.append("60x: outputs differ between jobs 1 and 2")
    wall, threads = thread_times(["--jobs", 2, c60])
    workers = threads[:2]
    print("  60x jobs 2, per worker thread (schedstat, sampled until the end): " + "; ".join(
        f"on CPU {on:.2f} s, waiting for a CPU {wait:.2f} s, blocked {max(wall - on - wait, 0):.2f} s"
        for on, wait in workers) + f" of {wall:.2f} s")
    results["c60"]["workers"] = [{"on_cpu": on, "runqueue": wait, "blocked": max(wall - on - wait, 0)}
                                 for on, wait in workers]
    pages = html_pages(c60)
    jsonl, warc = scratch / "html-pages.jsonl", scratch / "html-pages.warc.gz"
    write_jsonl(pages, jsonl)
    write_warc_gz(pages, warc)
    by_file = {}
    for line in open(scratch / "out-60x-j2.jsonl", encoding="utf-8"):
        r = json.loads(line)
        by_file[r["id"]] = r
    for label, path in (("jsonl", jsonl), ("warc.gz", warc)):
        out = scratch / f"out-{label}.jsonl"
        r = run_cli(["--jobs", 2, path], out)
        recs = [json.loads(l) for l in open(out, encoding="utf-8")]
        errors = sum("error" in x for x in recs)
        same_text = sum(1 for x, p in zip(recs, pages) if by_file.get(str(p), {}).get("text") == x.get("text"))
        ok = len(recs) == len(pages) and errors == 0 and same_text == len(pages)
        print(f"  {label:<8}: {len(recs)} records for {len(pages)} HTML pages, {errors} errors, "
              f"{same_text} with the same text as the files, {r['wall']:.2f} s, peak RSS {r['rss_mb']:.0f} MB "
              f"[{'ok' if ok else 'FAIL'}]")
        results[label] = {"records": len(recs), "pages": len(pages), "errors": errors, "same_text": same_text,
                          "wall": r["wall"], "rss_mb": r["rss_mb"]}
        if not ok:
            failures.append(f"{label}: {len(recs)} records, {errors} errors, {same_text} same text, "
                            f"for {len(pages)} pages")

    if not a.skip_trafilatura:
        subset = pages[: a.trafilatura_pages]
        sub_dir = scratch / "trafilatura-pages"
        if sub_dir.exists():
            shutil.rmtree(sub_dir)
        sub_dir.mkdir()
        for i, p in enumerate(subset):
            shutil.copyfile(p, sub_dir / f"{i:05d}_{p.name}")
        ours = run_cli(["--jobs", 1, sub_dir], scratch / "out-traf-ours.jsonl")
        theirs, err = trafilatura_rate(a.trafilatura_python, sorted(sub_dir.iterdir()), len(subset))
        ours_rate = len(subset) / ours["wall"]
        if theirs is None:
            print(f"  trafilatura: not measured ({' '.join(err)}); "
                  f"install it and pass --trafilatura-python")
        else:
            their_rate = theirs["docs"] / theirs["seconds"]
            ours_cpu_rate = len(subset) / ours["cpu"]
            their_cpu_rate = theirs["docs"] / theirs["cpu"]
            print(f"  same {len(subset)} HTML pages, one core: vnarticle {ours_rate:.1f} docs/s "
                  f"(whole process, wall), trafilatura {theirs['version']} {their_rate:.1f} docs/s "
                  f"(extract() calls only, wall) -> ratio {ours_rate / their_rate:.2f}; per CPU-second: "
                  f"{ours_cpu_rate:.1f} vs {their_cpu_rate:.1f} -> ratio {ours_cpu_rate / their_cpu_rate:.2f}")
            results["trafilatura"] = {"pages": len(subset), "ours_docs_s": ours_rate,
                                      "theirs_docs_s": their_rate, "ratio": ours_rate / their_rate,
                                      "ours_docs_per_cpu_s": ours_cpu_rate,
                                      "theirs_docs_per_cpu_s": their_cpu_rate,
                                      "cpu_ratio": ours_cpu_rate / their_cpu_rate,
                                      "version": theirs["version"]}

    results["load_after"] = os.getloadavg()
    results["failures"] = failures
    print(f"load average after: {results['load_after']}")
    if a.json:
        Path(a.json).write_text(json.dumps(results, indent=2))
    if not a.keep:
        shutil.rmtree(scratch, ignore_errors=True)
    for f in failures:
        print("FAIL:", f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
