"""Benchmark: how long a check takes, cold and warm, and how much memory it needs.

Not a test: run `make bench` (or `.venv/bin/python bench/bench.py [--repeat N]`) and read the table.
  floor        Python start + the imports a check needs (spaCy, pydantic, python-docx …) + reading the file
  cold json    `check FILE --format json` in a new process (what CI pays per document)
  cold html    `check FILE --out DIR` in a new process (what a drafter pays)
  load         reading the file into lines, in a warm process
  structure    normalize + plans + heading tree + sections/domains, in a warm process
  batch        plans per second over the corpus repeated N times, with 1 and 2 worker processes
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = [
    ROOT / "tests" / "fixtures" / f"{name}.{fmt}"
    for name in ("dongchangfu", "ruzhou", "wuqing")
    for fmt in ("txt", "docx", "pdf")
]
PYTHON = sys.executable
FLOOR = "import sys, spacy, pydantic, typer, rapidfuzz, yaml, docx; open(sys.argv[1], 'rb').read()"


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


def _check_many(paths: list[Path]) -> int:
    from checker.pipeline import check_file
    from checker.reference import load_reference
    from checker.rules import load_rules

    ref, rules = load_reference(), load_rules()
    return sum(len(check_file(p, ref, rules).plans) for p in paths)


def batch(paths: list[Path], workers: int) -> float:
    chunks = [paths[i::workers] for i in range(workers)]
    start = time.perf_counter()
    with ProcessPoolExecutor(workers) as pool:
        plans = sum(pool.map(_check_many, chunks))
    return plans / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20, help="corpus copies in the batch run")
    args = parser.parse_args()
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
    paths = CORPUS * args.repeat
    for workers in (1, 2):
        print(f"batch ×{args.repeat} ({len(paths)} files), {workers} worker(s): {batch(paths, workers):.1f} plans/s")
    peak = max(
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    )
    print(f"peak memory of one process: {peak / 1024:.0f} MB")


if __name__ == "__main__":
    main()
