"""The `check` command: parse arguments, run the checker, write the reports, set the exit code.

Exit codes: 0 no finding at or above --fail-on; 1 such findings, or a review that could not be completed
(unless --fail-on never); 2 an input or argument could not be used (one line on stderr)."""

from __future__ import annotations

import enum
import json
import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer

from .errors import InputError

app = typer.Typer(
    add_completion=False, help="检查妇女/儿童发展规划与上级规划的衔接（check local plans against upper-level plans）."
)


class Format(enum.StrEnum):
    html = "html"
    json = "json"
    text = "text"


class FailOn(enum.StrEnum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


@app.command()
def check(
    files: Annotated[list[Path], typer.Argument(help="Plan files: .docx .doc .wps .pdf .txt", metavar="FILE...")],
    format: Annotated[
        Format,
        typer.Option(
            "--format",
            "-f",
            help="html: a review file per document; json: one JSON object on stdout; text: findings on stdout",
        ),
    ] = Format.html,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the HTML reviews")] = Path("."),
    reference: Annotated[
        str, typer.Option("--reference", "-r", help="Upper-level targets: a bundled name or a YAML path")
    ] = "national-2021-2030",
    against: Annotated[
        Path | None,
        typer.Option("--against", help="Derive the upper-level targets from this upper-level plan document"),
    ] = None,
    fail_on: Annotated[
        FailOn, typer.Option("--fail-on", help="Lowest severity that makes the exit code 1")
    ] = FailOn.error,
    rules_dir: Annotated[Path | None, typer.Option("--rules", hidden=True)] = None,
    annotate: Annotated[
        bool, typer.Option("--annotate", help="Also write <name>.reviewed.docx into --out: findings as Word comments")
    ] = False,
) -> None:
    """Check plan FILES against the upper-level targets and write a review (衔接审核意见)."""
    from .accept import apply_acceptances
    from .pipeline import check_file, report_for
    from .reference import load_reference
    from .rules import load_rules

    try:
        ref = load_reference(reference)
        if against is not None:
            from .pipeline import reference_from_plan

            ref = reference_from_plan(against, ref)
        rules = load_rules(rules_dir)
    except InputError as e:
        _fail(str(e))
    documents, failed = [], False
    for path in files:
        try:
            documents.append(apply_acceptances(check_file(path, ref, rules), path))
        except InputError as e:
            print(f"check: {e}", file=sys.stderr)
            failed = True
    report = report_for(documents, ref)
    if format is Format.json:
        sys.stdout.write(json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n")
    elif format is Format.text:
        from .report.text import print_findings

        print_findings(report)
    else:
        from .report.html import render_html
        from .report.text import print_summary

        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            _fail(f"无法创建输出目录 {out}：{e.strerror}")
        written: list[Path] = []
        now = datetime.now()
        for i, doc in enumerate(report.documents):
            target = out / f"{Path(doc.path).stem}.review.html"
            if target in written:  # plan.docx and plan.pdf checked together
                target = out / f"{Path(doc.path).name}.review.html"
            _write_atomic(target, render_html(report, i, now))
            written.append(target)
        print_summary(report, written)
    if annotate:
        failed |= _annotate(report, out)
    if failed:
        raise typer.Exit(2)
    raise typer.Exit(1 if _fails(report, fail_on) else 0)


def _annotate(report, out: Path) -> bool:
    """Write each document's reviewed .docx (a line each on stderr); True when one could not be written."""
    from .report.annotate import annotate_document

    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        _fail(f"无法创建输出目录 {out}：{e.strerror}")
    failed = False
    for i in range(len(report.documents)):
        try:
            print(annotate_document(report, i, out), file=sys.stderr)
        except InputError as e:
            print(f"check: {e}", file=sys.stderr)
            failed = True
    return failed


def _fails(report, fail_on: FailOn) -> bool:
    from .models import SEVERITY_RANK

    if fail_on is FailOn.never:
        return False
    if any(d.verdict == "incomplete" for d in report.documents):  # a partial review never passes a gate
        return True
    floor = SEVERITY_RANK[fail_on.value]
    findings = (f for d in report.documents for p in d.plans for f in p.findings if f.accepted is None)
    return any(SEVERITY_RANK[f.severity] >= floor for f in findings)


def _write_atomic(target: Path, content: str) -> None:
    """Write to a temporary file beside the target, then rename: never a half-written report."""
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(content)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a report is meant to be shared
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _fail(message: str) -> None:
    print(f"check: {message}", file=sys.stderr)
    raise typer.Exit(2)


def main() -> None:
    """Run the command; a usage error is one line on stderr and exit code 2, like any bad input."""
    try:
        code = app(standalone_mode=False)
    except typer.Exit as e:
        code = e.exit_code
    except (KeyboardInterrupt, typer.Abort):
        code = 130
    except Exception as e:
        if not hasattr(e, "format_message"):  # not a usage error (click's, vendored by typer or not)
            raise
        print(f"check: {e.format_message()}（用法：check --help）", file=sys.stderr)
        code = 2
    sys.exit(code or 0)
