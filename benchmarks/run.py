#!/usr/bin/env python3
"""Benchmarks: start-up, throughput, memory, and dateparser as the reference.

    .venv/bin/python benchmarks/run.py [--docs 2400] [--big-mb 20] [--quick]

Prints, for this machine:
  - cold start: `newsfacts extract <sample> --format json`, median of several
    runs, against `python -c pass`;
  - throughput (MB/s, documents/s) and peak memory with --jobs 1 and --jobs 2
    on a records corpus of at least 2 MB built from the samples and the test
    fixtures (each document a different mix of their paragraphs);
  - dateparser's `search_dates(languages=['ar'])` alone over the same texts;
  - one large text file (20 MB by default): time and peak memory.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def newsfacts_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("newsfacts")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "newsfacts"]


def run_measured(cmd: list[str]) -> tuple[float, float, int]:
    """Wall seconds, peak RSS in MB (the process and its workers), exit code."""
    t0 = time.perf_counter()
    with open(os.devnull, "wb") as devnull:
        proc = subprocess.Popen(cmd, stdout=devnull, stderr=subprocess.PIPE)
        _, status, rusage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if proc.returncode not in (0, 1):
        sys.exit(f"benchmark command failed ({proc.returncode}): {' '.join(cmd)}\n{err[-2000:]}")
    return elapsed, rusage.ru_maxrss / 1024, proc.returncode


def paragraphs() -> list[str]:
    """Paragraphs of the sample articles and the tests' fixture texts."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
    for f in sorted((ROOT / "tests" / "fixtures").rglob("*.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(rec, dict) and isinstance(rec.get("text"), str):
                texts.append(rec["text"])
    paras = [p.strip() for t in texts for p in t.split("\n") if len(p.strip()) > 40]
    return paras


def build_corpus(n_docs: int, min_bytes: int) -> list[str]:
    """``n_docs`` articles (title line + 4-12 paragraphs), at least ``min_bytes`` in all."""
    rng = random.Random(19122022)
    paras = paragraphs()
    docs: list[str] = []
    total = 0
    while len(docs) < n_docs or total < min_bytes:
        k = rng.randint(4, 12)
        body = "\n\n".join(rng.choice(paras) for _ in range(k))
        doc = f"{rng.choice(paras)[:80]}\n\nالإثنين 19 ديسمبر 2022\n\n{body}"
        docs.append(doc)
        total += len(doc.encode("utf-8"))
    return docs


def median_time(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def machine() -> str:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count()
    mem = ""
    try:
        kb = int(next(l for l in Path("/proc/meminfo").read_text().splitlines() if l.startswith("MemTotal")).split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, StopIteration, ValueError):
        pass
    return f"{cpu}, {cores} cores{mem}, Python {platform.python_version()}, {platform.system()}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2400, help="documents in the batch corpus (default 2400)")
    ap.add_argument("--big-mb", type=float, default=20.0, help="size of the large single file (default 20)")
    ap.add_argument("--runs", type=int, default=7, help="runs for the cold-start median (default 7)")
    ap.add_argument("--dateparser-docs", type=int, default=300,
                    help="documents given to search_dates (it is slow; MB/s is what is compared)")
    ap.add_argument("--quick", action="store_true", help="a small run to check that the script works")
    args = ap.parse_args()
    if args.quick:
        args.docs, args.big_mb, args.runs, args.dateparser_docs = 200, 1.0, 3, 20
    nf = newsfacts_cmd()
    sample = str(ROOT / "samples" / "putin-minsk-2022-12-19.txt")
    print(f"machine: {machine()}")
    print(f"newsfacts: {' '.join(nf)}")

    pass_t = median_time([sys.executable, "-c", "pass"], args.runs)
    cold = median_time([*nf, "extract", sample, "--format", "json"], args.runs)
    print(f"cold start, one article (median of {args.runs}): {cold:.3f} s   (python -c pass: {pass_t:.3f} s)")

    tmp = Path(tempfile.mkdtemp(prefix="newsfacts-bench-"))
    try:
        docs = build_corpus(args.docs, 2_000_000 if not args.quick else 100_000)
        corpus = tmp / "corpus.jsonl"
        with corpus.open("w", encoding="utf-8") as fh:
            for i, d in enumerate(docs):
                fh.write(json.dumps({"id": f"d{i:05d}", "text": d}, ensure_ascii=False) + "\n")
        mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
        print(f"corpus: {len(docs)} documents, {mb:.2f} MB of text")
        rates = {}
        for jobs in (1, 2):
            secs, peak, _ = run_measured([*nf, "extract", str(corpus), "--format", "jsonl", "--quiet",
                                          "--jobs", str(jobs)])
            rates[jobs] = mb / secs
            print(f"--jobs {jobs}: {secs:.2f} s, {mb / secs:.2f} MB/s, {len(docs) / secs:.0f} documents/s, "
                  f"peak memory {peak:.0f} MB")
        print(f"--jobs 2 speed-up over --jobs 1: {rates[2] / rates[1]:.2f}x")

        from dateparser.search import search_dates

        subset = docs[: args.dateparser_docs]
        sub_mb = sum(len(d.encode("utf-8")) for d in subset) / 1e6
        search_dates("الإثنين 19 ديسمبر 2022", languages=["ar"])  # load its data outside the timing
        t0 = time.perf_counter()
        for d in subset:
            search_dates(d, languages=["ar"])
        dp = time.perf_counter() - t0
        print(f"dateparser search_dates(languages=['ar']) alone: {sub_mb / dp:.3f} MB/s "
              f"({len(subset)} of the same documents, {dp:.1f} s)")
        print(f"newsfacts --jobs 1 vs search_dates: {rates[1] / (sub_mb / dp):.1f}x")

        big = tmp / "big.txt"
        target = int(args.big_mb * 1e6)
        with big.open("w", encoding="utf-8") as fh:
            written, i = 0, 0
            while written < target:
                piece = docs[i % len(docs)] + "\n\n"
                fh.write(piece)
                written += len(piece.encode("utf-8"))
                i += 1
        size = big.stat().st_size / 1e6
        secs, peak, _ = run_measured([*nf, "extract", str(big), "--format", "json", "--quiet"])
        print(f"one {size:.1f} MB text file: {secs:.1f} s, {size / secs:.2f} MB/s, peak memory {peak:.0f} MB")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
