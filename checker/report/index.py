"""The batch index (OUT/index.html) and its tables for spreadsheets (summary.json, summary.csv).

The index compares the plans of a batch: a plans × parts/domains matrix and, per plan kind, a plans ×
indicators table with each plan's value (weaker ones marked), sortable and filterable by level and
verdict, printable, self-contained like the review (inline CSS/JS under a hash-pinned CSP).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePath

from ..labels import KIND_NAMES, SEVERITIES, SEVERITY_NAMES, STATUS_NAMES, VERDICT_NAMES
from ..models import DocumentReport, IndicatorResult, PlanReport, Report, stated
from .html import _environment, inline_assets

TEMPLATE = "index.html.j2"


@dataclass(frozen=True)
class PlanRow:
    document: DocumentReport
    plan: PlanReport
    review: str | None  # the review's path relative to the index
    file: str  # the document's path within the batch's folder (named once, at the top of the index)

    @property
    def level(self) -> str:
        return self.plan.level or "未注明"


@dataclass(frozen=True)
class Column:
    id: str
    name: str


@dataclass(frozen=True)
class KindTable:
    kind: str
    name: str
    rows: list[PlanRow]
    parts: list[Column]  # sections, then domains
    indicators: list[Column]


def plan_rows(report: Report, reviews: dict[str, PurePath]) -> list[PlanRow]:
    folder = batch_folder(report)
    return [
        PlanRow(
            doc,
            plan,
            reviews[doc.path].as_posix() if doc.path in reviews else None,
            os.path.relpath(doc.path, folder) if folder else doc.path,
        )
        for doc in report.documents
        for plan in doc.plans
    ]


def batch_folder(report: Report) -> str | None:
    """The folder that holds every file of the batch, if they share one."""
    try:
        return os.path.commonpath([os.path.dirname(d.path) for d in report.documents]) or None
    except ValueError:  # absolute and relative paths mixed (or standard input)
        return None


def _tables(rows: list[PlanRow]) -> list[KindTable]:
    tables = []
    for kind, name in KIND_NAMES.items():
        mine = [r for r in rows if r.plan.kind == kind]
        if not mine:
            continue
        first = mine[0].plan
        parts = [Column(f"section:{s.id}", s.name) for s in first.sections]
        parts += [Column(f"domain:{d.id}", d.name) for d in first.domains]
        indicators = [Column(i.indicator, i.name) for i in first.indicators]
        tables.append(KindTable(kind, name, mine, parts, indicators))
    return tables


def part_found(plan: PlanReport, column: Column) -> bool | None:
    group, _, id_ = column.id.partition(":")
    items = plan.sections if group == "section" else plan.domains
    return next((item.found for item in items if item.id == id_), None)


def indicator_cell(plan: PlanReport, column: Column) -> tuple[str, str, str, str]:
    """(status, what to show, sort key: the value's number, the status in words) for one plan and one
    upper-level indicator."""
    result = next((i for i in plan.indicators if i.indicator == column.id), None)
    if result is None:
        return "missing", "—", "", STATUS_NAMES["missing"]
    number = re.search(r"\d+(?:\.\d+)?", result.actual or "")
    return (
        result.status,
        result.actual or STATUS_NAMES[result.status],
        number[0] if number else "",
        status_words(plan, result),
    )


def status_words(plan: PlanReport, result: IndicatorResult) -> str:
    """弱于上级, or 弱于上级（警告） where the plan's finding on it is only a warning (a 2025 stage on the way to a
    2030 value, a bar the upper level itself is unsure of): an office tells the two apart at a glance."""
    words = STATUS_NAMES[result.status]
    said = [f.severity for f in plan.findings if f.indicator == result.indicator]
    return f"{words}（警告）" if result.status == "weaker" and said and "error" not in said else words


def render_index(report: Report, reviews: dict[str, PurePath], generated: datetime | None) -> str:
    rows = plan_rows(report, reviews)
    return (
        _environment()
        .get_template(TEMPLATE)
        .render(
            tool=report.tool,
            reference=report.reference,
            rows=rows,
            tables=_tables(rows),
            failed=report.failed,
            folder=batch_folder(report),
            levels=sorted({r.level for r in rows}),
            verdicts=[v for v in VERDICT_NAMES if any(r.plan.verdict == v for r in rows)],
            verdict_names=VERDICT_NAMES,
            severities=SEVERITIES,
            severity_names=SEVERITY_NAMES,
            status_names=STATUS_NAMES,
            kind_names=KIND_NAMES,
            documents=len(report.documents),
            generated=f"{generated.year}年{generated.month}月{generated.day}日 {generated:%H:%M}"
            if generated
            else None,
            part_found=part_found,
            indicator_cell=indicator_cell,
            stated=stated,
            **inline_assets("index.css", "index.js"),
        )
    )


def summary(report: Report, reviews: dict[str, PurePath]) -> dict:
    """summary.json: one entry per plan, the values an office compares, and the files that failed."""
    return {
        "schema_version": report.schema_version,
        "tool": report.tool.model_dump(),
        "reference": report.reference.name,
        "plans": [
            {
                "path": r.document.path,
                "review": r.review,
                "kind": r.plan.kind,
                "title": r.plan.title,
                "level": r.plan.level,
                "region": r.plan.region,
                "verdict": r.plan.verdict,
                "counts": r.plan.counts,
                "sections": {s.id: s.found for s in r.plan.sections},
                "domains": {d.id: d.found for d in r.plan.domains},
                "indicators": {i.indicator: {"status": i.status, "actual": i.actual} for i in r.plan.indicators},
            }
            for r in plan_rows(report, reviews)
        ],
        "failed": [f.model_dump() for f in report.failed],
    }


def summary_json(report: Report, reviews: dict[str, PurePath]) -> str:
    return json.dumps(summary(report, reviews), ensure_ascii=False, indent=2) + "\n"


def summary_csv(report: Report, reviews: dict[str, PurePath]) -> str:
    """summary.csv: a row per plan, a column per indicator; written UTF-8 with a BOM so that Excel and WPS
    open the Chinese correctly."""
    rows = plan_rows(report, reviews)
    indicators = [c for table in _tables(rows) for c in table.indicators]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(
        ["文件", "规划", "标题", "层级", "地区", "审核结论", *(SEVERITY_NAMES[s] for s in SEVERITIES), "领域"]
        + [c.name for c in indicators]
    )
    for r in rows:
        plan = r.plan
        values = {i.indicator: f"{i.actual or ''}（{status_words(plan, i)}）" for i in plan.indicators}
        writer.writerow(
            [
                _cell(r.document.path),
                KIND_NAMES[plan.kind],
                _cell(plan.title),
                plan.level or "",
                _cell(plan.region or ""),
            ]
            + [VERDICT_NAMES[plan.verdict], *(plan.counts[s] for s in SEVERITIES)]
            + [f"{sum(d.found for d in plan.domains)}/{len(plan.domains)}"]
            + [values.get(c.id, "") for c in indicators]
        )
    for failure in report.failed:
        writer.writerow([_cell(failure.path), "", "", "", "", f"未能检查：{failure.reason}"])
    return "\ufeff" + buffer.getvalue()


def _cell(text: str) -> str:
    """Text from a document never starts a spreadsheet formula (=, +, -, @)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
