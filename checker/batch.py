"""Many plans at once: folders walked, files checked in parallel, failures listed while the batch goes on.

Each worker process loads the reference and rules once (initializer) and then checks many files. The
outputs mirror the input folders (see `output_names`), so that 县A/规划.docx and 县B/规划.docx never collide.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InputError
from .load import SUPPORTED
from .models import CheckOptions, DocumentReport, Failure
from .output import Reviews
from .report.json import document_json

if TYPE_CHECKING:
    from .reference import Reference
    from .rules import Rule

# What a folder is searched for: the formats the loader reads, and those an office also receives.
PLAN_SUFFIXES = frozenset(SUPPORTED) | {".rtf", ".odt"}
STDIN = "-"


@dataclass(frozen=True)
class Input:
    path: Path  # the file read (a temporary copy for standard input)
    shown: str  # the path as reports name it


def collect(args: list[str], stdin: Callable[[], bytes], scratch: Path) -> list[Input]:
    """The files named and those in the folders named, in a stable order; `-` is standard input."""
    inputs: list[Input] = []
    for arg in args:
        if arg == STDIN:
            inputs.append(Input(_stdin_copy(stdin(), scratch), STDIN))
        elif Path(arg).is_dir():
            inputs.extend(Input(p, str(p)) for p in _walk(Path(arg)))
        else:
            inputs.append(Input(Path(arg), arg))
    return inputs


def _walk(folder: Path) -> Iterator[Path]:
    """Plan files under `folder`, sorted; hidden files and folders and Word's `~$` lock files skipped."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith((".", "~$")) or Path(name).suffix.lower() not in PLAN_SUFFIXES:
                continue
            yield Path(root) / name


def _stdin_copy(data: bytes, scratch: Path) -> Path:
    """Standard input saved to a file named for what its first bytes say it is."""
    if not data:
        raise InputError("标准输入（-）为空：没有读到任何内容 (empty standard input)")
    if data.startswith(b"PK"):
        suffix = ".docx"
    elif data.startswith(b"%PDF"):
        suffix = ".pdf"
    elif data.startswith(b"\xd0\xcf\x11\xe0"):
        suffix = ".doc"
    elif data.startswith(b"{\\rtf"):
        suffix = ".rtf"
    elif re.match(rb"(?:\xef\xbb\xbf)?\s*<(?:!doctype\s+html|html|head|body|meta)\b", data[:1024], re.IGNORECASE):
        suffix = ".html"
    elif re.search(rb"^MIME-Version:", data[:4096], re.MULTILINE) and b"multipart/related" in data[:4096].lower():
        suffix = ".mht"  # a web archive, as Word or a browser saves a page
    else:
        suffix = ".txt"
    path = scratch / f"stdin{suffix}"
    path.write_bytes(data)
    return path


def output_names(inputs: list[Input]) -> list[Path]:
    """Each input's place under the output folder: its path relative to the folder all inputs share, so the
    output mirrors the input folders. Two inputs differing only in their suffix keep it in the name."""
    if not inputs:
        return []
    real = [Path(os.path.abspath(i.path)) if i.shown != STDIN else Path(os.getcwd(), "stdin") for i in inputs]
    common = Path(os.path.commonpath([p.parent for p in real]))
    names: list[Path] = []
    for path in real:
        relative = path.relative_to(common)
        name = relative.parent / relative.stem
        if name in names:
            name = relative
        names.append(name)
    return names


# ---- checking ----

_worker: dict[str, object] = {}


@dataclass(frozen=True)
class Checked:
    """One file checked: its report, whole or without its target lists (see `run`), and with `as_json`
    the whole report as the JSON report holds it."""

    report: DocumentReport
    json: str | None = None


def _start(
    reference: Reference,
    rules: tuple[Rule, ...],
    options: CheckOptions,
    reviews: Reviews | None,
    whole: bool,
    as_json: bool,
) -> None:
    _worker.update(reference=reference, rules=rules, options=options, reviews=reviews, whole=whole, as_json=as_json)


def _check(item: Input) -> Checked | Failure:
    """One file in a worker: its report, or why it could not be checked (the batch goes on). With `reviews`
    the worker writes the file's review itself, with `as_json` its part of the JSON report; unless the run
    needs `whole` reports it sends back only what the index, the summaries and the exit code read (all but
    the target lists, the bulk of a report)."""
    from .pipeline import check_file, report_for

    options: CheckOptions = _worker["options"]  # type: ignore[assignment]
    if options.policy is not None and hasattr(options.policy, "document"):
        options = replace(options, policy=replace(options.policy, document=item.shown))  # type: ignore[type-var]
    from .accept import apply_acceptances

    try:
        report = check_file(item.path, _worker["reference"], _worker["rules"], options)  # type: ignore[arg-type]
        report = apply_acceptances(report, item.path)
    except InputError as e:
        return Failure(path=item.shown, reason=str(e))
    except (RecursionError, MemoryError):
        return Failure(path=item.shown, reason="文件结构过深或过大，无法检查 (too deep or too large)")
    except Exception as e:  # a bug on one file must not stop a batch of forty; it is listed, not hidden
        return Failure(
            path=item.shown, reason=f"检查时出现内部错误，请报告此问题 (internal error: {type(e).__name__}: {e})"
        )
    report = report.model_copy(update={"path": item.shown})
    reviews: Reviews | None = _worker["reviews"]  # type: ignore[assignment]
    if reviews is not None:
        reviews.write(report_for([report], _worker["reference"]), 0)  # type: ignore[arg-type]  # OutputError ends the run
    text = document_json(report) if _worker["as_json"] else None
    if not _worker["whole"]:
        report = report.model_copy(update={"plans": [p.model_copy(update={"targets": []}) for p in report.plans]})
    return Checked(report, text)


def run(
    inputs: list[Input],
    reference: Reference,
    rules: tuple[Rule, ...],
    options: CheckOptions,
    jobs: int,
    progress: bool,
    reviews: Reviews | None = None,
    whole: bool = True,
    as_json: bool = False,
) -> tuple[list[Checked], list[Failure]]:
    """Check every input, `jobs` at a time; the files checked in input order, failures listed. With
    `reviews` each review is written by the worker that checked the file, as soon as it is checked; with
    `as_json` each file's part of the JSON report too. The reports sent back are `whole` or without their
    target lists, so that the command need not hold every whole report of a large batch."""
    results: list[Checked | Failure | None] = [None] * len(inputs)
    jobs = max(1, min(jobs, len(inputs)))
    setup = (reference, rules, options, reviews, whole, as_json)
    with _progress(len(inputs), progress) as advance:
        if jobs == 1:
            _start(*setup)
            for i, item in enumerate(inputs):
                results[i] = _check(item)
                advance(item.shown)
        else:
            _warm(reviews is not None)
            with ProcessPoolExecutor(jobs, initializer=_start, initargs=setup) as pool:
                # Largest files first, so that no worker is left alone with a long file at the end.
                order = sorted(range(len(inputs)), key=lambda i: -_size(inputs[i].path))
                futures = {pool.submit(_check, inputs[i]): i for i in order}
                try:
                    for future in as_completed(futures):
                        i = futures[future]
                        results[i] = future.result()
                        advance(inputs[i].shown)
                except BaseException:  # an output error or ^C: the files not yet started are not checked
                    pool.shutdown(cancel_futures=True)
                    raise
    documents = [r for r in results if isinstance(r, Checked)]
    failures = [r for r in results if isinstance(r, Failure)]
    return documents, failures


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:  # it fails in its worker, with its reason
        return 0


def _warm(reviews: bool) -> None:
    """Where workers are forked, load what every check needs (spaCy, the review template) once, before the
    fork, instead of once in each worker."""
    import multiprocessing

    if multiprocessing.get_start_method() != "fork":
        return
    from .text.nlp import pipeline

    pipeline()
    if reviews:
        from .report.html import TEMPLATE, _environment

        _environment().get_template(TEMPLATE)


class _progress:
    """A rich progress bar on stderr when it is a terminal and there is more than one file; else nothing."""

    def __init__(self, total: int, wanted: bool) -> None:
        self.bar = None
        if wanted and total > 1 and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(
                TextColumn("检查中"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                TextColumn("{task.description}", markup=False),
                console=Console(stderr=True),
                transient=True,
            )
            self.task = self.bar.add_task("", total=total)

    def __enter__(self) -> Callable[[str], None]:
        if self.bar is None:
            return lambda _name: None
        self.bar.__enter__()
        return lambda name: self.bar.update(self.task, advance=1, description=name)  # type: ignore[union-attr]

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)


def compared(
    new: DocumentReport, old_path: Path, reference: Reference, rules: tuple[Rule, ...], options: CheckOptions
) -> DocumentReport:
    """`new` with its revision against the old draft at `old_path`, checked with `options`."""
    from .revision import revision

    old, failed = run([Input(old_path, str(old_path))], reference, rules, options, 1, False)
    if failed:
        raise InputError(f"{failed[0].path}：{failed[0].reason}")
    return new.model_copy(update={"revision": revision(old[0].report, new)})


def scratch_dir() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="plancheck-")


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
