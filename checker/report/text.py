"""Terminal output: a short summary per plan (default) or every finding as a line (--format text)."""

from __future__ import annotations

from pathlib import Path

from ..labels import KIND_NAMES, SEVERITY_NAMES, VERDICT_NAMES
from ..models import Report

_COLOURS = {"pass": "green", "pass-with-warnings": "yellow", "fail": "red", "incomplete": "red"}


def print_summary(report: Report, written: list[Path]) -> None:
    from rich.console import Console

    console = Console(highlight=False, soft_wrap=True)
    for doc, path in zip(report.documents, written, strict=True):
        console.print(f"[bold]{doc.path}[/bold]  {_verdict(doc.verdict)}")
        for note in doc.reading:
            where = f"（{note.location.describe()}）" if note.location else ""
            console.print(f"  阅读说明：{note.message}{where}", markup=False)
        for plan in doc.plans:
            counts = {s: sum(1 for f in plan.findings if f.severity == s and not f.accepted) for s in SEVERITY_NAMES}
            accepted = sum(1 for f in plan.findings if f.accepted)
            verdict = _verdict(plan.verdict)
            domains = sum(d.found for d in plan.domains)
            matched = sum(i.status != "missing" for i in plan.indicators)
            console.print(
                f"  {KIND_NAMES[plan.kind]}规划《{plan.title}》 {verdict}  "
                f"领域 {domains}/{len(plan.domains)}  上级指标 {matched}/{len(plan.indicators)}  "
                + "  ".join(f"{SEVERITY_NAMES[s]} {n}" for s, n in counts.items())
                + (f"  已接受 {accepted}" if accepted else "")
            )
        if doc.stale_acceptances:
            console.print(f"  [yellow]过期的接受声明 {len(doc.stale_acceptances)} 项[/yellow]（已不对应任何审核意见）")
        console.print(f"  审核意见：{path}")


def _verdict(verdict: str) -> str:
    return f"[{_COLOURS[verdict]}]{VERDICT_NAMES[verdict]}[/{_COLOURS[verdict]}]"


def print_findings(report: Report) -> None:
    for doc in report.documents:
        for note in doc.reading:
            where = note.location.describe() if note.location else ""
            print(f"{doc.path}:{where}: reading: [{note.kind}] {note.message}")
        for plan in doc.plans:
            for f in plan.findings:
                if f.accepted:  # accepted deviations are listed in the HTML and JSON, not here
                    continue
                where = f.location.describe() if f.location else ""
                print(f"{doc.path}:{where}: {f.severity}: [{f.rule}] {KIND_NAMES[plan.kind]}规划: {f.message}")
        for a in doc.stale_acceptances:
            where = a.location.describe() if a.location else a.source
            print(f"{doc.path}:{where}: warning: [stale-acceptance] 接受声明 {a.rule}（{a.reason}）{a.note}")
