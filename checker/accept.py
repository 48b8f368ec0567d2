"""Accepted deviations: findings the drafting office keeps on purpose, each with its reason.

Two sources, applied to a document's findings after the rules:

* a sidecar next to the draft, `<name>.accepted.toml` (for `x.reviewed.docx` also `x.accepted.toml`),
  one table per acceptance::

      [[accepted]]
      rule = "weaker-target"
      plan = "women"                                  # or "children"; left out: either plan
      indicator = "women.health.maternal-mortality"   # or domain = "…" or section = "…"
      reason = "本区2020年孕产妇死亡率基数为0，以绝对数考核"
      who = "区妇儿工委办 张三"
      date = 2024-05-20

* a Word comment in the draft whose text starts with `check:ignore RULE` and goes on with the
  reason; it accepts the findings of RULE that sit where the comment is anchored (also as a reply to
  the checker's own comment in `<name>.reviewed.docx`).

An accepted finding stays in the report, marked with its acceptance, and no longer counts for the
exit code or the verdict. An acceptance that matches no finding any more is stale and reported, as
ruff reports an unused `noqa`."""

from __future__ import annotations

import datetime as dt
import io
import re
import tomllib
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from .errors import InputError
from .load.word import Place, locate, places, word_package
from .models import Acceptance, DocumentReport, Evidence, Finding, PlanKind, PlanReport, Verdict

AUTHOR = "规划衔接审查"  # the checker's own comments in a reviewed copy
IGNORE = re.compile(r"\s*check\s*[:：]\s*ignore\b\s*([A-Za-z0-9_.-]*)[\s:：,，;；]*(.*)", re.IGNORECASE | re.DOTALL)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
_W15 = "{http://schemas.microsoft.com/office/word/2012/wordml}"
# Where a draft can hold comments. (A web page has none, and LibreOffice cannot even make a .docx of one.)
WORD_FORMATS = ("docx", "doc")


class _Entry(BaseModel):
    """One `[[accepted]]` table; unknown keys are refused, so that a typo is not a silent no-op."""

    model_config = ConfigDict(extra="forbid")

    rule: str
    plan: PlanKind | None = None
    indicator: str | None = None
    domain: str | None = None
    section: str | None = None
    reason: str
    who: str
    date: dt.date | str | None = None


@dataclass
class _Comment:
    """A check:ignore comment and the paragraphs it is anchored on."""

    acceptance: Acceptance
    elements: set[Any]

    @property
    def rule(self) -> str:
        return self.acceptance.rule


def apply_acceptances(doc: DocumentReport, path: Path) -> DocumentReport:
    """Mark the findings of `doc` that the sidecar or the draft's comments accept; list stale ones."""
    listed = sidecar(path)
    comments, found = _comments(path) if doc.format in WORD_FORMATS else ([], [])
    if not listed and not comments:
        return doc
    used: set[int] = set()
    plans = []
    for plan in doc.plans:
        findings = []
        for finding in plan.findings:
            match = next((a for a in listed if _matches(a, plan, finding)), None)
            if match is None and comments:
                spots = _spots(found, plan, finding)
                match = next((c.acceptance for c in comments if c.rule == finding.rule and spots & c.elements), None)
            if match is not None:
                used.add(id(match))
                finding = finding.model_copy(update={"accepted": match})
            findings.append(finding)
        plan = plan.model_copy(update={"findings": findings})
        if any(f.accepted for f in findings):
            plan = plan.model_copy(update={"verdict": open_verdict(plan)})
        plans.append(plan)
    stale = [
        a.model_copy(update={"note": a.note or "不再对应任何审核意见，可删除"})
        for a in [*listed, *(c.acceptance for c in comments)]
        if id(a) not in used
    ]
    verdict = doc.verdict
    if used and verdict != "incomplete":
        verdict = max((p.verdict for p in plans), key=_VERDICT_ORDER.index, default=verdict)
    return doc.model_copy(update={"plans": plans, "verdict": verdict, "stale_acceptances": stale})


def where(plan: PlanReport, finding: Finding) -> tuple[Evidence | None, str | None]:
    """Where in the document a finding belongs, and a note when that is not its own sentence: a
    missing section or domain goes on the heading of the part before it (in the reference's
    order), after which it belongs, or on the plan's title when no part before it was found."""
    parts = plan.sections if finding.section else plan.domains if finding.domain and not finding.indicator else []
    key = finding.section or finding.domain
    missing = next((p for p in parts if p.id == key and not p.found), None)
    if missing is None:
        return finding.location, None
    part = next((p for p in reversed(parts[: parts.index(missing)]) if p.found and p.location is not None), None)
    if part is not None and part.location is not None:
        note = f"此处“{part.heading or part.name}”部分之后，应有“{missing.name}”"
        return Evidence.at(part.location, part.heading), note
    return Evidence.at(plan.location, plan.title), None


def sidecar(path: Path) -> list[Acceptance]:
    """The acceptances listed next to the draft (InputError for a file that cannot be used)."""
    names = [f"{path.stem}.accepted.toml"]
    if path.stem.endswith(".reviewed"):  # the annotated copy keeps the draft's acceptances
        names.append(f"{path.stem.removesuffix('.reviewed')}.accepted.toml")
    found = next((path.with_name(n) for n in names if path.with_name(n).is_file()), None)
    if found is None:
        return []
    try:
        data = tomllib.loads(found.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise InputError(f"接受清单 {found.name} 无法读取：{str(e).splitlines()[0]}") from None
    entries = data.get("accepted", [])
    if set(data) - {"accepted"} or not isinstance(entries, list):
        raise InputError(f"接受清单 {found.name} 格式错误：每项应写在 [[accepted]] 表中")
    acceptances = []
    for number, entry in enumerate(entries, start=1):
        try:
            item = _Entry.model_validate(entry)
        except ValidationError as e:
            error = e.errors()[0]
            field = ".".join(str(x) for x in error["loc"])
            raise InputError(f"接受清单 {found.name} 第{number}项 {field}：{error['msg']}") from None
        fields = item.model_dump(exclude={"date"})
        stamp = str(item.date) if item.date is not None else None
        acceptances.append(Acceptance(**fields, date=stamp, source=found.name))
    return acceptances


def _matches(acceptance: Acceptance, plan: PlanReport, finding: Finding) -> bool:
    if acceptance.rule != finding.rule:
        return False
    if acceptance.plan is not None and acceptance.plan != plan.kind:
        return False
    keys = ("indicator", "domain", "section")
    return all(getattr(acceptance, k) in (None, getattr(finding, k)) for k in keys)


def _spots(found: list[Place], plan: PlanReport, finding: Finding) -> set[Any]:
    """The paragraphs a finding sits on: its sentence, or for a missing part the heading the
    checker comments on, and its own location (the plan's title)."""
    evidence, _ = where(plan, finding)
    spots = (locate(found, spot, spot.excerpt) for spot in (evidence, finding.location) if spot is not None)
    return {place.element for place in spots if place is not None}


def _relates_comments(data: bytes) -> bool:
    """Whether a relationship of the package may point to comments: most drafts have none, and then the
    whole document need not be parsed again to find so."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            return any(b"/comments" in package.read(n) for n in package.namelist() if n.endswith(".rels"))
    except (zipfile.BadZipFile, OSError):
        return True  # python-docx decides


def _comments(path: Path) -> tuple[list[_Comment], list[Place]]:
    """The draft's check:ignore comments, with the paragraphs each is anchored on."""
    import docx

    data, _ = word_package(path)
    if not _relates_comments(data):
        return [], []
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception:  # the loader has read it; a package it could read but this cannot has no comments
        return [], []
    if not any(r.reltype.endswith("/comments") for r in document.part.rels.values()):
        return [], []
    found = places(document)
    ranges = _ranges(document.element.body, {p.element for p in found})
    parents = _parents(document)
    result = []
    for comment in document.comments:
        if comment.author == AUTHOR or not (m := IGNORE.match(comment.text)):
            continue
        rule, reason = m[1], " ".join(m[2].split())
        elements = ranges.get(comment.comment_id) or ranges.get(parents.get(comment.comment_id, -1), set())
        first = next((p for p in found if p.element in elements), None)
        try:
            stamp = comment.timestamp
        except ValueError:
            stamp = None
        acceptance = Acceptance(
            rule=rule or "（未写规则）",
            reason=reason or "（未写理由）",
            who=comment.author or None,
            date=stamp.date().isoformat() if stamp else None,
            source="批注",
            location=first.location if first else None,
            note=None if rule and reason else "批注应写为“check:ignore 规则编号 理由”，未写规则或理由，未采纳",
        )
        result.append(_Comment(acceptance, elements if rule and reason else set()))
    return result, found


def _ranges(body: Any, paragraphs: set[Any]) -> dict[int, set[Any]]:
    """Comment id → the paragraphs between its range start and end (or holding its reference)."""
    order = {p: i for i, p in enumerate(body.iter(f"{_W}p"))}
    ordered = list(order)

    def paragraph(marker: Any, forward: bool) -> int | None:
        holder = next((a for a in marker.iterancestors(f"{_W}p")), None)
        if holder is None:  # a marker between paragraphs: the next (start) or previous (end) one
            axis = "following" if forward else "preceding"
            nearest = marker.xpath(f"{axis}::w:p[1]", namespaces={"w": _W[1:-1]})
            holder = nearest[0] if nearest else None
        return order.get(holder) if holder is not None else None

    starts: dict[int, int] = {}
    ends: dict[int, int] = {}
    for marker in body.iter(f"{_W}commentRangeStart", f"{_W}commentRangeEnd", f"{_W}commentReference"):
        try:
            number = int(marker.get(f"{_W}id"))
        except (TypeError, ValueError):
            continue
        at = paragraph(marker, marker.tag == f"{_W}commentRangeStart")
        if at is None:
            continue
        if marker.tag == f"{_W}commentRangeStart":
            starts.setdefault(number, at)
        elif marker.tag == f"{_W}commentRangeEnd" or number not in ends:
            ends[number] = at
    ranges = {}
    for number in starts.keys() | ends.keys():
        first, last = starts.get(number, ends.get(number, 0)), ends.get(number, starts.get(number, 0))
        ranges[number] = {p for p in ordered[min(first, last) : max(first, last) + 1] if p in paragraphs}
    return ranges


def _parents(document: Any) -> dict[int, int]:
    """Reply comment id → the id of the comment it answers (Word's commentsExtended part), for
    replies written without a range of their own."""
    from lxml import etree

    part = next((r.target_part for r in document.part.rels.values() if r.reltype.endswith("/commentsExtended")), None)
    if part is None:
        return {}
    try:
        extended = etree.fromstring(part.blob, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return {}
    by_para: dict[str, int] = {}
    for comment in document.comments:
        paragraphs = comment._comment_elm.findall(f"{_W}p")
        if paragraphs and (para := paragraphs[-1].get(f"{_W14}paraId")):
            by_para[para] = comment.comment_id
    parents = {}
    for entry in extended.iter(f"{_W15}commentEx"):
        child, parent = by_para.get(entry.get(f"{_W15}paraId", "")), by_para.get(entry.get(f"{_W15}paraIdParent", ""))
        if child is not None and parent is not None:
            parents[child] = parent
    return parents


_VERDICT_ORDER: list[Verdict] = ["pass", "pass-with-warnings", "fail", "incomplete"]


def open_verdict(plan: PlanReport) -> Verdict:
    """The plan's verdict from the findings still open (not accepted); incomplete stays incomplete."""
    if plan.verdict == "incomplete":
        return plan.verdict
    open_severities = {f.severity for f in plan.findings if f.accepted is None}
    return "fail" if "error" in open_severities else "pass-with-warnings" if "warning" in open_severities else "pass"
