"""Benchmark: how long a check takes, cold and warm, and how much memory it needs.

Not a test: run `make bench` (or `.venv/bin/python bench/bench.py [--repeat N]`) and read the table.
  floor        Python start + the imports a check needs (spaCy, pydantic, python-docx …) + reading the file
  cold json    `check FILE --format json` in a new process (what CI pays per document)
  cold html    `check FILE --out DIR` in a new process (what a drafter pays)
  load         reading the file into lines, in a warm process
  structure    normalize + plans + heading tree + sections/domains, in a warm process
  batch        `check FOLDER --jobs N`: plans per second over the corpus copied N times into N folders, with
               1 and 2 workers, JSON and HTML (reviews + index); and the largest process's peak memory
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = [
    ROOT / "tests" / "fixtures" / f"{name}.{fmt}"
    for name in ("dongchangfu", "ruzhou", "wuqing")
    for fmt in ("txt", "docx", "pdf")
]
PYTHON = sys.executable
FLOOR = "import sys, spacy, pydantic, rapidfuzz, yaml, docx; open(sys.argv[1], 'rb').read()"


def timed(cmd: list[str], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=False, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def warm_steps(path: Path) -> tuple[float, float]:
    from checker.classify import classify
    from checker.load import load
    from checker.normalize import normalize
    from checker.reference import load_reference
    from checker.structure import split_plans

    ref = load_reference()
    load(path)  # first call pays the lazy imports
    start = time.perf_counter()
    doc = load(path)
    loaded = time.perf_counter()
    for plan in split_plans(normalize(doc)):
        classify(plan, ref.for_kind(plan.kind))
    return loaded - start, time.perf_counter() - loaded


def batch(repeat: int, workers: int, fmt: str) -> tuple[float, int, float]:
    """`check FOLDER --jobs N` over the corpus copied `repeat` times (one folder per copy, same file names):
    plans per second, plans, and the peak memory of the largest process (the command or one worker), MB."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "plans"
        for i in range(repeat):
            county = folder / f"county{i:02d}"
            county.mkdir(parents=True)
            for path in CORPUS:
                shutil.copy(path, county / path.name)
        out = Path(tmp) / "out"
        command = [PYTHON, "-m", "checker", str(folder), "--jobs", str(workers), "--out", str(out), "--no-timestamp"]
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        subprocess.run([*command, "--format", fmt], check=False, capture_output=True)
        elapsed = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        if fmt == "html":
            plans = len(json.loads((out / "summary.json").read_text(encoding="utf-8"))["plans"])
        else:
            plans = sum(
                len(d["plans"]) for d in json.loads((out / "report.json").read_text(encoding="utf-8"))["documents"]
            )
    return plans / elapsed, plans, max(peak, before) / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20, help="corpus copies in the batch run")
    parser.add_argument("--batch", action="store_true", help="only the batch run")
    args = parser.parse_args()
    if args.batch:
        batch_only(args.repeat)
        return
    check = [PYTHON, "-m", "checker"]
    print(f"{'file':20} {'floor':>7} {'json':>7} {'html':>7} {'×floor':>7} {'load':>7} {'struct':>7}")
    with tempfile.TemporaryDirectory() as out:
        for path in CORPUS:
            floor = timed([PYTHON, "-c", FLOOR, str(path)])
            cold_json = timed([*check, str(path), "--format", "json"])
            cold_html = timed([*check, str(path), "--out", out])
            load_s, structure_s = warm_steps(path)
            print(
                f"{path.name:20} {floor:7.2f} {cold_json:7.2f} {cold_html:7.2f} {cold_html / floor:7.2f}"
                f" {load_s:7.3f} {structure_s:7.3f}"
            )
    help_s = timed([*check, "--help"])
    print(f"check --help: {help_s:.2f} s")
    print(f"peak memory of one process so far: {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MB")
    batch_only(args.repeat)


def batch_only(repeat: int) -> None:
    files = len(CORPUS) * repeat
    for workers in (1, 2):
        for fmt in ("json", "html"):
            rate, plans, peak = batch(repeat, workers, fmt)
            print(
                f"batch ×{repeat} ({files} files, {plans} plans), {workers} worker(s), {fmt}: {rate:.1f} plans/s;"
                f" largest process {peak:.0f} MB"
            )


if __name__ == "__main__":
    main()
