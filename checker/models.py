"""The data that flows through the checker, one model per step.

load → Document → normalize → Text → structure → Plan → classify/extract/match → rules → Report.
Every model carries a Location so that a finding can always point back to its source.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field

# The reference data (the checker's knowledge) sits below every step, and below these models.
from .reference import Comparator, Indicator, PlanKind

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}
Verdict = Literal["pass", "pass-with-warnings", "fail", "incomplete"]


class Location(BaseModel):
    """Where something sits in the source file.

    `line` for text files (1-based); `paragraph` for Word (0-based index among body paragraphs,
    as python-docx counts them) and PDF (index of the text line); `table`/`row`/`cell` for Word
    and PDF tables (0-based); `page` for PDF (1-based). Only the fields that apply are set.
    """

    model_config = ConfigDict(frozen=True)

    line: int | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    page: int | None = None

    def describe(self) -> str:
        """A short Chinese description for people: 第3页 表1第2行第3列 …"""
        parts = []
        if self.page is not None:
            parts.append(f"第{self.page}页")
        if self.table is not None:
            cell = f"第{self.cell + 1}列" if self.cell is not None else ""
            parts.append(f"表{self.table + 1}第{(self.row or 0) + 1}行{cell}")
        elif self.paragraph is not None and self.page is None:  # a PDF's line index means nothing to a reader
            parts.append(f"第{self.paragraph + 1}段")
        if self.line is not None:
            parts.append(f"第{self.line}行")
        return " ".join(parts) or "位置不详"


class ReadingNote(BaseModel):
    """Something the checker could not read, or read with doubt: a page without a text layer,
    multi-column pages, a table that gave no targets, pending tracked changes, plan-like text
    outside any plan. Any step may add one; they decide whether a review is complete."""

    kind: str  # e.g. "no-text-layer", "multi-column", "tracked-changes", "outside-plan"
    message: str  # for people, in Chinese
    location: Location | None = None
    incomplete: bool = True  # False for notes that inform but do not make the review partial


class SourceLine(BaseModel):
    """One unit of text as the loader found it: a text line, a Word paragraph, a PDF text line,
    or a table row (then `cells` holds the row's cell texts and `text` joins them with tabs)."""

    text: str
    location: Location
    style: str | None = None  # Word paragraph style name ("Heading 1", "Title" …), a hint only
    cells: list[str] | None = None
    runs_to_margin: bool = False  # PDF: the line reaches the right margin, so the paragraph goes on


class Document(BaseModel):
    path: str
    format: Literal["txt", "docx", "pdf", "doc", "html"]  # doc: converted by LibreOffice (.doc .wps .rtf .odt)
    lines: list[SourceLine]
    reading: list[ReadingNote] = Field(default_factory=list)


class Paragraph(BaseModel):
    """A normalized paragraph: broken lines re-joined, widths and spaces cleaned.

    `location` is the location of its first source line. (Character-level cleanup keeps a monotone
    map back to the source text: textclean.clean returns it.)"""

    text: str
    location: Location
    style: str | None = None
    cells: list[str] | None = None


class Text(BaseModel):
    path: str
    format: str
    paragraphs: list[Paragraph]
    reading: list[ReadingNote] = Field(default_factory=list)


class Quantity(BaseModel):
    """A number a target sets: 孕产妇死亡率控制在12/10万以下 → <= 12 1/10万."""

    comparator: Comparator
    value: float
    unit: str
    year: int | None = None  # the stage year of a staged target ("到2025年…")
    value_max: float | None = None  # upper end of a range ("90%—95%")
    text: str = ""  # the exact text of the quantity in the paragraph
    span: tuple[int, int] = (0, 0)  # character span of `text` in the paragraph
    phrase: str = ""  # what the quantity is about, as written before it in its clause


class Heading(BaseModel):
    level: int  # 1 = top (一、), 2 = （一）, 3 = 1., 4 = （1）, 5 = ①; 0 = a plan title
    number: str  # the numbering as written: "（一）"; "" for keyword lines such as 主要目标：
    title: str  # the heading text without numbering or run-in body
    location: Location


class Node(BaseModel):
    """A heading with what it covers: its own run-in body, paragraphs and child nodes."""

    heading: Heading
    paragraphs: list[Paragraph] = Field(default_factory=list)
    children: list[Node] = Field(default_factory=list)


class Plan(BaseModel):
    kind: PlanKind
    title: str
    period: str | None = None  # "2021—2030" or "十四五"
    level: str | None = None  # 省 市 县 区 乡镇 街道
    region: str | None = None
    location: Location
    root: Node  # level-0 node whose children are the plan's top headings


class Target(BaseModel):
    text: str
    quantities: list[Quantity] = Field(default_factory=list)
    lead_units: list[str] = Field(default_factory=list)
    responsible_units: list[str] = Field(default_factory=list)
    location: Location
    heading_path: list[str] = Field(default_factory=list)
    domain: str | None = None
    main: bool = True  # a 主要目标; False for figures in 策略措施
    indicator: str | None = None  # set by match
    match_score: float | None = None
    table: bool = False  # a row of an indicator table (指标名称 | 2030年目标值 …)
    binding: str | None = None  # 约束性 / 预期性, from the table's 指标属性 column
    units_from: Evidence | None = None  # the breakdown-table row (附件：目标任务分解表) the lead units come from
    unit_columns: bool = False  # a row of a table with a 牵头单位 or 责任单位 column: its units are asked of it


def unique_targets(targets: list[Target]) -> list[Target]:
    """Each target once: match lists a target naming several indicators once per indicator."""
    seen: set[tuple[Location, str]] = set()
    out = []
    for t in targets:
        if (t.location, t.text) not in seen:
            seen.add((t.location, t.text))
            out.append(t)
    return out


# ---- results: what the JSON report carries (README "JSON report"; fields may be added, never renamed) ----

Status = Literal["stronger", "equal", "weaker", "unquantified", "missing", "uncertain"]


class Evidence(Location):
    """A Location with the sentence it points at, and the heading path above it."""

    excerpt: str | None = None
    heading: str | None = None

    @classmethod
    def at(cls, location: Location, excerpt: str | None = None, path: list[str] | None = None) -> Evidence:
        return cls(**location.model_dump(), excerpt=excerpt, heading=" > ".join(path or []) or None)


class SectionResult(BaseModel):
    id: str
    name: str
    found: bool
    heading: str | None = None
    location: Location | None = None


class DomainResult(BaseModel):
    id: str
    name: str
    found: bool
    heading: str | None = None
    targets: int = 0  # main targets found under the domain
    location: Location | None = None


class TargetResult(BaseModel):
    text: str
    main: bool = True  # a 主要目标; False for a figure found in 策略措施
    domain: str | None
    indicator: str | None
    match_score: float | None = None
    quantities: list[Quantity]
    lead_units: list[str]
    responsible_units: list[str]
    location: Evidence
    units_from: Evidence | None = None  # where the lead units were read when not in the target's own text

    @classmethod
    def of(cls, target: Target) -> TargetResult:
        """The one way a Target is reported: every field it shares, its location with its heading path."""
        fields = target.model_dump(exclude={"location", "heading_path"})
        return cls(**fields, location=Evidence.at(target.location, None, target.heading_path))


class IndicatorResult(BaseModel):
    """One upper-level indicator and what the plan makes of it."""

    indicator: str
    name: str
    domain: str
    status: Status
    comparator: Comparator  # the upper level's: >=, <=, about (X左右) …
    expected: str  # "<= 12 1/10万 (2030)" written for people: "≤12/10万（2030年）"
    actual: str | None = None
    binding: str | None = None  # 约束性 / 预期性, where known
    certainty: str = "confirmed"  # confirmed / likely / unsure, from the reference
    wording: str  # the upper-level target sentence
    # False: the upper level's own sentence does not state the bar applied (a province file giving only
    # a stage value), so `wording` is written from the value, not quoted
    wording_quoted: bool = True
    source: str  # the upper-level document
    target: str | None = None  # the plan's sentence
    location: Evidence | None = None
    note: str | None = None


class Acceptance(BaseModel):
    """A deviation the drafting office accepts, with its reason: a `[[accepted]]` table of the
    sidecar `<name>.accepted.toml`, or a Word comment `check:ignore RULE reason` in the draft.
    Keys left out match any finding of the rule (a comment: any finding of the rule where it sits)."""

    rule: str
    plan: PlanKind | None = None
    indicator: str | None = None
    domain: str | None = None
    section: str | None = None
    reason: str
    who: str | None = None
    date: str | None = None
    source: str  # the sidecar's file name, or "批注" for a comment in the draft
    location: Location | None = None  # where a comment sits
    note: str | None = None  # why an acceptance applies to nothing (stale)


class Finding(BaseModel):
    rule: str
    title: str | None = None  # the rule's Chinese name
    severity: Severity
    message: str
    domain: str | None = None
    section: str | None = None
    indicator: str | None = None
    expected: str | None = None
    actual: str | None = None
    wording: str | None = None  # the upper-level wording
    wording_quoted: bool | None = None  # False: `wording` written from the upper level's value, not quoted
    source: str | None = None  # the upper-level document
    suggestion: str | None = None  # what to do, for people
    paste: str | None = None  # the part of the suggestion to put into the plan as it stands (复制 copies it)
    location: Evidence | None = None
    accepted: Acceptance | None = None  # set when the office accepted this deviation: it no longer fails
    certainty: Literal["confirmed", "uncertain"] = "confirmed"  # uncertain: 待人工确认, the reading was doubtful
    uncertain_reason: str | None = None
    key: str | None = None  # meaning key, unique within its plan (checker/baseline.py): baselines, SARIF
    reason: str | None = None  # why it was accepted, on findings a baseline accepted


# ---- a run over many files: failures, baselines, revisions, options (checker/batch.py and friends) ----

SCHEMA_VERSION = "1.1"  # of the JSON report: 1.1 added schema_version, counts, failed, baseline, revision, key


class Failure(BaseModel):
    path: str
    reason: str  # one line, in Chinese


class BaselineEntry(BaseModel):
    """One accepted finding in a baseline file, matched on `key` (and `path` when the file holds several)."""

    path: str
    kind: PlanKind
    key: str
    rule: str
    message: str = ""
    reason: str = ""


class BaselineResult(BaseModel):
    path: str  # the baseline file
    accepted: int  # findings it still accepts
    fixed: list[BaselineEntry]  # entries no finding matches any more


class TargetChange(BaseModel):
    change: Literal["weakened", "strengthened", "added", "removed", "changed"]
    kind: PlanKind
    indicator: str | None = None
    name: str  # the indicator's name, or the target's text
    old: str | None = None  # the value as written for people, or the old sentence
    new: str | None = None


class FindingChange(BaseModel):
    change: Literal["new", "fixed"]
    kind: PlanKind
    finding: Finding


class Revision(BaseModel):
    """check NEW --compare OLD: how the targets and findings moved between two versions of a plan."""

    old_path: str
    targets: list[TargetChange]
    findings: list[FindingChange]


FindingPolicy = Callable[[PlanKind, list[Finding]], tuple[list[Finding], list[Finding]]]


@dataclass(frozen=True)
class CheckOptions:
    """What a run asks of each plan's check (configuration and flags): the level of a plan whose title does
    not say, and a policy over each plan's findings (severity overrides, keys, a baseline) that returns the
    findings to report and those accepted, before the verdict is drawn."""

    level: str | None = None
    policy: FindingPolicy | None = None


def stated(indicators: list[IndicatorResult]) -> int:
    """How many upper-level indicators a plan states a number for, whatever its strength (上级指标有数值)."""
    return sum(1 for r in indicators if r.actual is not None)


class PlanReport(BaseModel):
    kind: PlanKind
    title: str
    period: str | None = None
    level: str | None = None
    region: str | None = None
    location: Location
    sections: list[SectionResult]
    domains: list[DomainResult]
    targets: list[TargetResult]
    indicators: list[IndicatorResult]
    findings: list[Finding]
    verdict: Verdict = "pass"
    verdict_reasons: list[str] = Field(default_factory=list)  # why the verdict is not 符合, for people
    reading: list[ReadingNote] = Field(default_factory=list)  # the reading notes that bear on this plan
    accepted: list[Finding] = Field(default_factory=list)  # findings a baseline accepted (--baseline)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def counts(self) -> dict[str, int]:
        """Findings per severity, for summaries and integrations."""
        return {s: sum(f.severity == s for f in self.findings) for s in ("error", "warning", "info")}


class DocumentReport(BaseModel):
    path: str
    format: str
    plans: list[PlanReport]
    verdict: Verdict = "pass"
    reading: list[ReadingNote] = Field(default_factory=list)
    stale_acceptances: list[Acceptance] = Field(default_factory=list)  # acceptances matching no finding
    revision: Revision | None = None  # --compare OLD: what changed since the old version


class ReferenceInfo(BaseModel):
    name: str
    version: str
    sources: list[str]
    description: str = ""


class ToolInfo(BaseModel):
    name: str
    version: str


class Report(BaseModel):
    schema_version: str = SCHEMA_VERSION
    tool: ToolInfo
    reference: ReferenceInfo
    documents: list[DocumentReport]
    failed: list[Failure] = Field(default_factory=list)  # files that could not be checked
    baseline: BaselineResult | None = None


# ---- passed between steps inside one plan's check (not part of the JSON report) ----


@dataclass(frozen=True)
class Classified:
    """classify → extract and rules: the required parts and domains found in a plan."""

    sections: list[SectionResult]
    domains: list[DomainResult]
    domain_nodes: dict[str, tuple[Node, tuple[Node, ...]]]  # domain id → (node, ancestors)
    section_nodes: dict[str, Node] = field(default_factory=dict)  # section id → its heading's node


@dataclass
class Statement:
    """match → compare: what one target says about one indicator."""

    indicator: Indicator
    target: Target
    quantities: list[Quantity] = field(default_factory=list)
    score: float = 1.0
    qualitative: bool = False  # named without a number, with 逐步提高 and the like
    uncertain: bool = False  # only a fuzzy resemblance
    resembles: bool = False  # named by a close resemblance (a typo): its figure is compared, never accused
    reason: str | None = None  # why the figure is not the indicator's own value (a subgroup …): never compared
