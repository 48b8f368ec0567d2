"""Terminal output: a short summary per plan (default) or every finding as a line (--format text):
`path:line:col: severity [rule] message`, the numbers for editors and problem matchers."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from ..labels import KIND_NAMES, SEVERITY_NAMES, VERDICT_NAMES
from ..models import Finding, Location, Report, stated
from ..verdict import plan_doubts

_COLOURS = {"pass": "green", "pass-with-warnings": "yellow", "fail": "red", "incomplete": "red"}
EXCERPT_LENGTH = 50


def print_summary(report: Report, written: list[Path]) -> None:
    from rich.console import Console
    from rich.markup import escape  # a `[` in a path or title is text, not markup

    console = Console(highlight=False, soft_wrap=True)
    for doc, path in zip(report.documents, written, strict=True):
        console.print(f"[bold]{escape(doc.path)}[/bold]  {_verdict(doc.verdict)}")
        for note in doc.reading:
            where = f"（{note.location.describe()}）" if note.location else ""
            console.print(f"  阅读说明：{note.message}{where}", markup=False)
        for doubt in plan_doubts(doc):
            console.print(f"  阅读说明：{doubt}", markup=False)
        for plan in doc.plans:
            counts = {s: sum(1 for f in plan.findings if f.severity == s and not f.accepted) for s in SEVERITY_NAMES}
            accepted = sum(1 for f in plan.findings if f.accepted)
            verdict = _verdict(plan.verdict)
            domains = sum(d.found for d in plan.domains)
            console.print(
                f"  {KIND_NAMES[plan.kind]}规划《{escape(plan.title)}》 {verdict}  "
                f"领域 {domains}/{len(plan.domains)}  上级指标有数值 {stated(plan.indicators)}/{len(plan.indicators)}  "
                + "  ".join(f"{SEVERITY_NAMES[s]} {n}" for s, n in counts.items())
                + (f"  已接受 {accepted}" if accepted else "")
            )
        if doc.stale_acceptances:
            console.print(f"  [yellow]过期的接受声明 {len(doc.stale_acceptances)} 项[/yellow]（已不对应任何审核意见）")
        console.print(f"  审核意见：{escape(str(path))}")


def _verdict(verdict: str) -> str:
    return f"[{_COLOURS[verdict]}]{VERDICT_NAMES[verdict]}[/{_COLOURS[verdict]}]"


def print_total(report: Report, out: Path) -> None:
    """One line for a batch: how many plans, how they stand, and where the index is."""
    verdicts = Counter(plan.verdict for doc in report.documents for plan in doc.plans)
    plans = sum(verdicts.values())
    parts = "，".join(f"{VERDICT_NAMES[v]} {verdicts[v]}" for v in VERDICT_NAMES if verdicts[v])
    failed = f"，{len(report.failed)} 个文件未能检查" if report.failed else ""
    print(f"共检查 {len(report.documents)} 个文件、{plans} 个规划（{parts}）{failed}")
    print(f"汇总：{out / 'index.html'}")


def position(location: Location | None) -> tuple[int, int]:
    """Line and column for tools: the text line; else the paragraph (or PDF text line) counted from 1; the
    table cell as the column. Where a Word or PDF finding really is, the message says in words."""
    if location is None:
        return 1, 1
    if location.line is not None:
        line = location.line
    elif location.paragraph is not None:
        line = location.paragraph + 1
    else:
        line = location.row + 1 if location.row is not None else location.page or 1
    return line, location.cell + 1 if location.cell is not None else 1


def described(kind: str, finding: Finding) -> str:
    """The message with the plan kind, the place in words and the excerpt, on one line."""
    text = f"{KIND_NAMES[kind]}规划：{finding.message}"
    if finding.location:
        text += f"（{finding.location.describe()}）"
        if finding.location.excerpt:
            excerpt = " ".join(finding.location.excerpt.split())
            text += f"「{excerpt[:EXCERPT_LENGTH]}{'…' if len(excerpt) > EXCERPT_LENGTH else ''}」"
    return " ".join(text.splitlines())


def finding_lines(report: Report) -> Iterator[str]:
    for doc in report.documents:
        for note in doc.reading:  # what could not be read: a warning where it leaves the review incomplete
            line, col = position(note.location)
            where = f"（{note.location.describe()}）" if note.location else ""
            severity = "warning" if note.incomplete else "info"
            yield f"{doc.path}:{line}:{col}: {severity} [reading:{note.kind}] 阅读说明：{note.message}{where}"
        for plan in doc.plans:
            for f in plan.findings:
                if f.accepted:  # accepted deviations are listed in the HTML and JSON, not here
                    continue
                line, col = position(f.location)
                yield f"{doc.path}:{line}:{col}: {f.severity} [{f.rule}] {described(plan.kind, f)}"
        for a in doc.stale_acceptances:
            line, col = position(a.location)
            where = a.location.describe() if a.location else a.source
            message = f"接受声明 {a.rule}（{a.reason}）{a.note}（{where}）"
            yield f"{doc.path}:{line}:{col}: warning [stale-acceptance] {message}"
