"""Terminal output: a short summary per plan (default) or every finding as a line (--format text)."""

from __future__ import annotations

from pathlib import Path

from ..models import Report
from .labels import KIND_NAMES, SEVERITY_NAMES


def print_summary(report: Report, written: list[Path]) -> None:
    from rich.console import Console

    console = Console(highlight=False, soft_wrap=True)
    for doc, path in zip(report.documents, written, strict=True):
        console.print(f"[bold]{doc.path}[/bold]")
        for plan in doc.plans:
            counts = {s: sum(1 for f in plan.findings if f.severity == s) for s in SEVERITY_NAMES}
            verdict = "[red]需修改[/red]" if counts["error"] else "[green]符合[/green]"
            domains = sum(d.found for d in plan.domains)
            matched = sum(i.status != "missing" for i in plan.indicators)
            console.print(
                f"  {KIND_NAMES[plan.kind]}规划《{plan.title}》 {verdict}  "
                f"领域 {domains}/{len(plan.domains)}  上级指标 {matched}/{len(plan.indicators)}  "
                + "  ".join(f"{SEVERITY_NAMES[s]} {n}" for s, n in counts.items())
            )
        console.print(f"  审核意见：{path}")


def print_findings(report: Report) -> None:
    for doc in report.documents:
        for plan in doc.plans:
            for f in plan.findings:
                where = f.location.describe() if f.location else ""
                print(f"{doc.path}:{where}: {f.severity}: [{f.rule}] {KIND_NAMES[plan.kind]}规划: {f.message}")
