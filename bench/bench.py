"""Benchmark: how long a check takes, cold and warm, and how much memory it needs.

Not a test: run `make bench` (or `.venv/bin/python bench/bench.py [--repeat N]`) and read the table.
  floor        Python start + the imports a check needs (spaCy, pydantic, python-docx …) + reading the file
  cold json    `check FILE --format json` in a new process (what CI pays per document)
  cold html    `check FILE --out DIR` in a new process (what a drafter pays)
  load         reading the file into lines, in a warm process
  structure    normalize + plans + heading tree + sections/domains, in a warm process
  batch        `check FOLDER --jobs N`: plans per second over the corpus copied 20 times into 20 folders, with
               1 and 2 workers, JSON and HTML (reviews + index); the CPU seconds it took (what the rate would be
               on cores nobody else uses); the peak memory of the command and of its largest worker; and the
               load average while it ran (the machine is shared: read the rate with it)
"""

from __future__ import annotations

import argparse
import json
import os
import re
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


def batch(repeat: int, workers: int, fmt: str) -> dict[str, float]:
    """`check FOLDER --jobs N` over the corpus copied `repeat` times (one folder per copy, same file names): plans
    per second, plans, CPU seconds of the command and its workers, and the peak memory (VmHWM) of the command
    and of its largest worker, MB; the load average over the run (other people's work on the machine)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "plans"
        for i in range(repeat):
            county = folder / f"county{i:02d}"
            county.mkdir(parents=True)
            for path in CORPUS:
                shutil.copy(path, county / path.name)
        out = Path(tmp) / "out"
        command = [PYTHON, "-m", "checker", str(folder), "--jobs", str(workers), "--out", str(out), "--no-timestamp"]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        load = os.getloadavg()[0]
        start = time.perf_counter()
        process = subprocess.Popen([*command, "--format", fmt], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        peaks = _watch(process)
        elapsed = time.perf_counter() - start
        load = (load + os.getloadavg()[0]) / 2
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if fmt == "html":
            plans = len(json.loads((out / "summary.json").read_text(encoding="utf-8"))["plans"])
        else:
            plans = sum(
                len(d["plans"]) for d in json.loads((out / "report.json").read_text(encoding="utf-8"))["documents"]
            )
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    workers_peak = max((mb for pid, mb in peaks.items() if pid != process.pid), default=0.0)
    return {
        "rate": plans / elapsed,
        "plans": plans,
        "seconds": elapsed,
        "cpu": cpu,
        "parent_mb": peaks.get(process.pid, 0.0),
        "worker_mb": workers_peak,
        "load": load,
    }


def _watch(process: subprocess.Popen[bytes]) -> dict[int, float]:
    """Until the process ends: the peak resident memory (VmHWM, MB) of it and of each of its worker processes."""
    peaks: dict[int, float] = {}
    while process.poll() is None:
        for pid in [process.pid, *_children(process.pid)]:
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            if found := re.search(r"VmHWM:\s+(\d+) kB", status):
                peaks[pid] = max(peaks.get(pid, 0.0), int(found[1]) / 1024)
        time.sleep(0.2)
    return peaks


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20, help="corpus copies in the batch run")
    parser.add_argument("--batch", action="store_true", help="only the batch run")
    parser.add_argument("--single", action="store_true", help="only the single-file table")
    parser.add_argument("--workers", default="1,2", help="worker counts of the batch runs, comma-separated")
    args = parser.parse_args()
    workers = [int(w) for w in args.workers.split(",")]
    if args.batch:
        batch_only(args.repeat, workers)
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
    if not args.single:
        batch_only(args.repeat, workers)


def batch_only(repeat: int, worker_counts: list[int]) -> None:
    files = len(CORPUS) * repeat
    for workers in worker_counts:
        for fmt in ("json", "html"):
            r = batch(repeat, workers, fmt)
            print(
                f"batch ×{repeat} ({files} files, {r['plans']} plans), {workers} worker(s), {fmt}:"
                f" {r['rate']:.1f} plans/s"
                f" ({r['seconds']:.0f} s, load average {r['load']:.1f}); {r['cpu']:.0f} CPU s,"
                f" {r['cpu'] / r['plans']:.3f} CPU s per plan; command {r['parent_mb']:.0f} MB"
                + (f", largest worker {r['worker_mb']:.0f} MB" if r["worker_mb"] else " (it checks the files itself)")
            )


if __name__ == "__main__":
    main()
