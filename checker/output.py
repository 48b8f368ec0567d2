"""Where a run's results go: the reviews (mirroring the input folders), the batch index and summaries,
and the machine formats, to files under --out or to standard output. Every file is written atomically;
any failure to write is an OutputError, one line for the user (exit 2), never a traceback."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from .errors import InputError

if TYPE_CHECKING:  # `check --help` reads FORMATS without loading the models and rules
    from .models import Report
    from .rules import Rule

STDOUT_FORMATS = ("json", "text", "sarif", "junit", "github")
FORMATS = ("html", *STDOUT_FORMATS)
FILE_NAMES = {"json": "report.json", "text": "findings.txt", "sarif": "report.sarif", "junit": "junit.xml"}


class OutputError(InputError):
    """A result could not be written (read-only folder, full disk, a name the system refuses)."""


def write_atomic(target: Path, content: str | Iterable[str]) -> None:
    """Write to a temporary file beside the target, then rename: never a half-written file. The content
    may come in pieces (a large JSON report), written as they come."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as e:
        raise OutputError(f"无法写入 {target}：{e.strerror or e} (cannot write)") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.writelines([content] if isinstance(content, str) else content)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a report is meant to be shared
        os.replace(tmp, target)
    except OSError as e:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"无法写入 {target}：{e.strerror or e} (cannot write)") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_stdout(content: str | Iterable[str]) -> None:
    try:
        sys.stdout.writelines([content] if isinstance(content, str) else content)
        sys.stdout.flush()
    except BrokenPipeError:  # `check … | head`: the reader has gone, which is not an error
        _silence_stdout()
    except OSError as e:
        _silence_stdout()
        raise OutputError(f"无法写入标准输出：{e.strerror or e} (cannot write to stdout)") from None


def _silence_stdout() -> None:
    """Point stdout at devnull so that Python's flush at exit does not fail a second time."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def render(
    format: str, report: Report, rules: tuple[Rule, ...], fail_on: str, documents_json: list[str] | None = None
) -> str | Iterable[str]:
    """One machine format of the report; JSON in pieces from `documents_json`, its documents as the batch
    workers wrote them, when given."""
    if format == "json":
        from .report.json import json_pieces, render_json

        return json_pieces(report, documents_json) if documents_json else render_json(report)
    if format == "sarif":
        from .report.sarif import render_sarif

        return render_sarif(report, rules)
    if format == "junit":
        from .report.junit import render_junit

        return render_junit(report, rules, fail_on)
    if format == "github":
        from .report.github import github_lines

        return "".join(line + "\n" for line in github_lines(report))
    from .report.text import finding_lines

    return "".join(line + "\n" for line in finding_lines(report))


@dataclass(frozen=True)
class Reviews:
    """Where the review pages go: OUT/<each input's mirrored name>.review.html, showing the time they were
    generated (None with --no-timestamp: then the pages are the same byte for byte on every run)."""

    out: Path
    names: dict[str, PurePath]  # input as shown → its mirrored name
    generated: datetime | None

    def path(self, document: str) -> Path:
        name = self.names[document]
        return self.out / name.parent / f"{name.name}.review.html"

    def write(self, report: Report, index: int) -> Path:
        """Render and write the review of `report.documents[index]`; where it was written."""
        from .report.html import render_html

        target = self.path(report.documents[index].path)
        write_atomic(target, render_html(report, index, self.generated, timestamp=self.generated is not None))
        return target


def write_reviews(report: Report, reviews: Reviews, index: bool, rendered: bool = False) -> list[Path]:
    """A review per document (unless the workers already wrote them: `rendered`); for a batch also
    OUT/index.html, summary.json and summary.csv. The reviews' paths, in document order."""
    documents = report.documents
    written = [reviews.path(doc.path) if rendered else reviews.write(report, i) for i, doc in enumerate(documents)]
    if index:
        from .report.index import render_index, summary_csv, summary_json

        out = reviews.out
        links = {doc.path: PurePath(os.path.relpath(path, out)) for doc, path in zip(documents, written, strict=True)}
        write_atomic(out / "index.html", render_index(report, links, reviews.generated))
        write_atomic(out / "summary.json", summary_json(report, links))
        write_atomic(out / "summary.csv", summary_csv(report, links))
    return written
