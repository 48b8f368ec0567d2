"""The HTML report: one self-contained review page (衔接审核意见) for one checked document.

The page is a single file that opens from disk and prints on A4: the stylesheet, the script and the
charts are inline, and a Content-Security-Policy that only admits those exact inline blocks (by hash)
keeps the page off the network. Document text is never trusted: the template autoescapes everything,
and highlighting splits a sentence into escaped parts instead of inserting markup into it.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import cache

import jinja2
from markupsafe import Markup

from ..labels import (
    CERTAINTY_NAMES,
    CHANGE_NAMES,
    KIND_NAMES,
    SEVERITIES,
    SEVERITY_NAMES,
    STATUS_NAMES,
    STATUSES,
    VERDICT_NAMES,
    WORDING_NAMES,
)
from ..models import (
    DocumentReport,
    Evidence,
    Finding,
    IndicatorResult,
    PlanReport,
    Report,
    SectionResult,
)
from ..resources import data_dir
from ..verdict import plan_doubts

TEMPLATE = "review.html.j2"
STYLESHEET = "review.css"
SCRIPT = "review.js"

GENERAL_GROUP = "结构与综合"  # findings that belong to no domain: missing sections, whole-plan checks


@dataclass(frozen=True)
class ChartBucket:
    key: str
    name: str
    statuses: tuple[str, ...]
    color: str


# Stronger and equal both meet the upper level, so the chart shows them as one colour.
CHART_BUCKETS = (
    ChartBucket("met", "达到或严于上级", ("stronger", "equal"), "#2f6b4f"),
    ChartBucket("weaker", "弱于上级", ("weaker",), "#b0261e"),
    ChartBucket("unquantified", "未量化", ("unquantified",), "#c8922a"),
    ChartBucket("missing", "缺失", ("missing",), "#56595e"),
    ChartBucket("uncertain", "待人工确认", ("uncertain",), "#8ea3b8"),
)

# Chart geometry in SVG user units (the SVG scales to the page width).
CHART_WIDTH = 720
CHART_LABEL_WIDTH = 190
CHART_BAR_WIDTH = 440
CHART_ROW_HEIGHT = 30
CHART_BAR_HEIGHT = 16
CHART_TOP = 8


@dataclass(frozen=True)
class Excerpt:
    """A sentence split around the text to highlight; each part is escaped on its own."""

    before: str
    match: str
    after: str


@dataclass(frozen=True)
class Segment:
    bucket: ChartBucket
    count: int
    x: float
    width: float


@dataclass(frozen=True)
class ChartRow:
    domain: str
    name: str
    found: bool | None
    total: int
    y: int
    segments: list[Segment]


@dataclass(frozen=True)
class Chart:
    rows: list[ChartRow]
    width: int
    height: int
    label_width: int
    bar_height: int
    summary: str


@dataclass(frozen=True)
class FindingView:
    anchor: str
    finding: Finding
    excerpt: Excerpt | None
    place: str | None
    advice: str | None  # what the suggestion says to do, before the text to paste
    paste: str | None  # the text a drafter puts into the plan: what 复制 copies


@dataclass(frozen=True)
class FindingGroup:
    domain: str | None
    name: str
    findings: list[FindingView]


@dataclass(frozen=True)
class IndicatorView:
    index: int
    result: IndicatorResult
    domain_name: str
    domain_order: int
    status_name: str
    status_order: int
    sentence: Excerpt | None
    place: str | None
    certainty: str | None
    finding: str | None  # anchor of the first finding about this indicator


@dataclass(frozen=True)
class PlanView:
    anchor: str
    plan: PlanReport
    kind_name: str
    verdict: str  # 符合 / 基本符合 / 需修改 / 无法完整审核, from plan.verdict
    counts: dict[str, int]
    sections: list[tuple[str, SectionResult]]
    chart: Chart
    groups: list[FindingGroup]
    indicators: list[IndicatorView]
    domain_options: list[tuple[str, str]]


@cache
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(data_dir("reports")),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["value_parts"] = value_parts
    return environment


@cache
def inline_assets(stylesheet: str, script: str) -> dict[str, Markup | str]:
    """A self-contained page's inline CSS and JS and the Content-Security-Policy that admits exactly
    them (hash-pinned), as the template values `css`, `js` and `csp`."""
    css, css_hash = _asset(stylesheet)
    js, js_hash = _asset(script)
    csp = (
        f"default-src 'none'; style-src {css_hash}; script-src {js_hash}; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )
    return {"css": css, "js": js, "csp": csp}


def _asset(name: str) -> tuple[Markup, str]:
    """An inline asset (our own CSS or JS, never document text) and its CSP hash source."""
    text, _, _ = _environment().loader.get_source(_environment(), name)
    closing = "</style" if name.endswith(".css") else "</script"
    if closing in text.lower():
        raise ValueError(f"{name} must not contain {closing}>")
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return Markup(text), f"'sha256-{digest}'"


def render_html(
    report: Report, document_index: int = 0, generated: datetime | None = None, timestamp: bool = True
) -> str:
    """Render the review of `report.documents[document_index]` as one self-contained HTML page; without
    `timestamp` the page is the same byte for byte on every run (--no-timestamp)."""
    if not 0 <= document_index < len(report.documents):
        raise IndexError(f"the report has {len(report.documents)} document(s), no index {document_index}")
    document = report.documents[document_index]
    plans = [_plan_view(plan, number) for number, plan in enumerate(document.plans, start=1)]
    generated = generated or datetime.now()
    return (
        _environment()
        .get_template(TEMPLATE)
        .render(
            tool=report.tool,
            reference=report.reference,
            document=document,
            plans=plans,
            totals=_document_totals(document),
            doubts=plan_doubts(document),
            verdict_names=VERDICT_NAMES,
            generated=f"{generated.year}年{generated.month}月{generated.day}日 {generated:%H:%M}"
            if timestamp
            else None,
            generated_iso=generated.isoformat(timespec="minutes"),
            **inline_assets(STYLESHEET, SCRIPT),
            severities=SEVERITIES,
            severity_names=SEVERITY_NAMES,
            statuses=STATUSES,
            status_names=STATUS_NAMES,
            buckets=CHART_BUCKETS,
            change_names=CHANGE_NAMES,
            kind_names=KIND_NAMES,
            wording_names=WORDING_NAMES,
        )
    )


def split_excerpt(text: str, actual: str | None) -> Excerpt:
    """Split `text` around the first occurrence of the quantity written in `actual`.

    `actual` is written for people ("≤15/10万（2025年）"), so the search tries it whole, then without
    comparator and year ("15/10万"), then its first number alone; a number only matches as a whole
    number, so 3 is not found inside 2030 or 13%. When nothing matches, nothing is highlighted.
    """
    for candidate in _candidates(actual):
        pattern = re.escape(candidate)
        if candidate[0].isdigit():
            pattern = r"(?<![\d.])" + pattern
        if candidate[-1].isdigit():
            pattern += r"(?![\d.])"
        found = re.search(pattern, text)
        if found:
            return Excerpt(text[: found.start()], found.group(), text[found.end() :])
    return Excerpt(text, "", "")


def value_parts(text: str) -> list[str]:
    """A value cut before each bracket, so that "≥96%（2030年）" can wrap before its year only."""
    return [part for part in re.split(r"(?=[（(])", text) if part]


def _candidates(actual: str | None) -> Iterable[str]:
    if not actual or not actual.strip():
        return []
    whole = actual.strip()
    core = re.sub(r"[（(][^）)]*[）)]", "", whole)
    core = re.sub(r"^(?:[≤≥<>=≈~～]|约|不低于|不高于|不超过|达到)+", "", core.strip()).strip()
    number = re.search(r"\d+(?:\.\d+)?", whole)
    found = [whole, core, number.group() if number else ""]
    return [c for i, c in enumerate(found) if c and c not in found[:i]]


def _advice(finding: Finding) -> tuple[str | None, str | None]:
    """(the advice, the text to paste): 建议修改为不低于上级要求的表述 is read, only the sentence after
    it is copied; a suggestion with nothing to paste (增加“监测评估”部分) is advice only."""
    suggestion, paste = finding.suggestion, finding.paste
    if not suggestion or not paste or not suggestion.endswith(paste):
        return suggestion, None
    return suggestion.removesuffix(paste).rstrip("：: ") or None, paste


def _place(evidence: Evidence | None) -> str | None:
    """Where a finding points, for people: the heading path and the position in the file."""
    if evidence is None:
        return None
    parts = [evidence.heading] if evidence.heading else []
    parts.append(evidence.describe())
    return " · ".join(parts)


def _domain_name(kind: str, domain: str, plan: PlanReport) -> str:
    for result in plan.domains:
        if result.id == domain and result.name:
            return result.name
    return domain


def _domain_order(plan: PlanReport) -> list[str]:
    """The plan's domains: the canonical order first, then any others the report mentions."""
    order: list[str] = []
    mentioned = [d.id for d in plan.domains] + [i.domain for i in plan.indicators]
    mentioned += [f.domain for f in plan.findings if f.domain]
    for domain in mentioned:
        if domain not in order:
            order.append(domain)
    return order


def _counts(findings: Iterable[Finding]) -> dict[str, int]:
    counts = dict.fromkeys(SEVERITIES, 0)
    for finding in findings:
        if finding.accepted is None:  # an accepted deviation no longer counts against the plan
            counts[finding.severity] += 1
    return counts


def _document_totals(document: DocumentReport) -> dict[str, int]:
    return _counts(f for plan in document.plans for f in plan.findings)


def _plan_view(plan: PlanReport, number: int) -> PlanView:
    anchor = f"plan-{number}"
    order = _domain_order(plan)
    counts = _counts(plan.findings)
    severity_rank = {s: i for i, s in enumerate(SEVERITIES)}

    views: dict[str | None, list[FindingView]] = {}
    first_finding: dict[str, str] = {}
    ranked = sorted(enumerate(plan.findings), key=lambda item: severity_rank[item[1].severity])
    for index, finding in ranked:
        finding_anchor = f"{anchor}-finding-{index + 1}"
        excerpt = None
        # A finding about the whole plan (a part missing) points at its title: that is no sentence to quote.
        if finding.location is not None and finding.location.excerpt not in (None, "", plan.title):
            excerpt = split_excerpt(finding.location.excerpt, finding.actual)
        views.setdefault(finding.domain, []).append(
            FindingView(finding_anchor, finding, excerpt, _place(finding.location), *_advice(finding))
        )
        if finding.indicator:
            first_finding.setdefault(finding.indicator, finding_anchor)
    groups = [FindingGroup(None, GENERAL_GROUP, views[None])] if None in views else []
    groups += [
        FindingGroup(domain, _domain_name(plan.kind, domain, plan), views[domain])
        for domain in order
        if domain in views
    ]

    indicators = []
    for index, result in enumerate(plan.indicators):
        sentence = split_excerpt(result.target, result.actual) if result.target else None
        indicators.append(
            IndicatorView(
                index=index,
                result=result,
                domain_name=_domain_name(plan.kind, result.domain, plan),
                domain_order=order.index(result.domain),
                status_name=STATUS_NAMES[result.status],
                status_order=STATUSES.index(result.status),
                sentence=sentence,
                place=_place(result.location),
                certainty=CERTAINTY_NAMES.get(result.certainty),
                finding=first_finding.get(result.indicator),
            )
        )
    present = {i.domain for i in plan.indicators}
    domain_options = [(d, _domain_name(plan.kind, d, plan)) for d in order if d in present]

    sections = [(s.name, s) for s in plan.sections]
    return PlanView(
        anchor=anchor,
        plan=plan,
        kind_name=KIND_NAMES.get(plan.kind, plan.kind),
        verdict=VERDICT_NAMES[plan.verdict],
        counts=counts,
        sections=sections,
        chart=_chart(plan, order),
        groups=groups,
        indicators=indicators,
        domain_options=domain_options,
    )


def _chart(plan: PlanReport, order: list[str]) -> Chart:
    """A stacked bar per domain of how the plan meets the upper-level indicators."""
    found = {d.id: d.found for d in plan.domains}
    tallies = {domain: dict.fromkeys((b.key for b in CHART_BUCKETS), 0) for domain in order}
    bucket_of = {status: b.key for b in CHART_BUCKETS for status in b.statuses}
    for result in plan.indicators:
        tallies[result.domain][bucket_of[result.status]] += 1
    # A domain row appears when the plan or the reference knows it; reference-only rows with no
    # indicators and no DomainResult would be noise.
    shown = [d for d in order if d in found or sum(tallies[d].values())]
    widest = max((sum(tallies[d].values()) for d in shown), default=0) or 1
    unit = CHART_BAR_WIDTH / widest

    rows = []
    for position, domain in enumerate(shown):
        x = float(CHART_LABEL_WIDTH)
        segments = []
        for bucket in CHART_BUCKETS:
            count = tallies[domain][bucket.key]
            if count:
                segments.append(Segment(bucket, count, x, count * unit))
                x += count * unit
        rows.append(
            ChartRow(
                domain=domain,
                name=_domain_name(plan.kind, domain, plan),
                found=found.get(domain),
                total=sum(tallies[domain].values()),
                y=CHART_TOP + position * CHART_ROW_HEIGHT,
                segments=segments,
            )
        )
    totals = {b.key: sum(tallies[d][b.key] for d in order) for b in CHART_BUCKETS}
    summary = "；".join(f"{b.name}{totals[b.key]}项" for b in CHART_BUCKETS)
    return Chart(
        rows=rows,
        width=CHART_WIDTH,
        height=CHART_TOP * 2 + max(len(rows), 1) * CHART_ROW_HEIGHT,
        label_width=CHART_LABEL_WIDTH,
        bar_height=CHART_BAR_HEIGHT,
        summary=f"上级量化指标共{len(plan.indicators)}项：{summary}。",
    )
