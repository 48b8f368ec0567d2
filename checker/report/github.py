"""GitHub Actions workflow commands: one `::error file=…,line=…::message` per finding, shown on the
pull request's files and in the run's summary."""

from __future__ import annotations

from collections.abc import Iterator

from ..models import Report
from .text import described, position

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def github_lines(report: Report) -> Iterator[str]:
    for doc in report.documents:
        for plan in doc.plans:
            for f in plan.findings:
                line, col = position(f.location)
                title = f"{f.rule} {f.title}" if f.title else f.rule
                yield (
                    f"::{LEVELS[f.severity]} file={_property(doc.path)},line={line},col={col},"
                    f"title={_property(title)}::{_data(described(plan.kind, f))}"
                )
    for failure in report.failed:
        yield f"::error file={_property(failure.path)},title=plancheck::{_data(failure.reason)}"
