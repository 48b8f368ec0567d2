"""Kind `lead-unit`: every main target of a domain names a lead unit (牵头单位), judged by the plan's
own practice. A target's lead unit may stand beside it or in a breakdown table of the plan
(附件：目标任务分解表; extract gives the target the row's units and `units_from`). A plan that names
lead units for fewer than half of its main targets (none at all: the units may sit in a separate
breakdown table) gets ONE finding — `plan_message` when none names one, `some_message` listing the
targets without one otherwise (`annex_message` when some take theirs from a breakdown table); a
plan that names them for most gets one finding per target left out (`annex_suggestion` when the
plan's units are mostly in its breakdown table). A target's severity is its own: the rule's
severity where its bracket names 责任单位 but no 牵头单位 (a slip in the bracket, answered by
`suggestion_add`), `plan_severity` where it names no unit at all. So adding a lead unit, beside a
target or in the table, never raises the severity of what is left."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Annotated

from ..models import SEVERITY_RANK, Evidence, Finding, Severity, Target, unique_targets
from ..text.patterns import target_body
from .base import Parameters, PlanFacts, Rule, placeholders

KIND = "lead-unit"
PLACEHOLDERS = frozenset({"text", "units"})  # the target's sentence; its 责任单位
_PLAN = ("count", "missing", "targets")  # main targets; those without a lead unit; their sentences
_ANNEX = (*_PLAN, "annexed", "annex")  # and those whose lead unit is in the breakdown table; its heading
_LISTED = 10  # targets named in the one finding; the rest are counted


class Params(Parameters):
    suggestion_add: Annotated[str, placeholders(*PLACEHOLDERS)] | None = None  # None: the rule's suggestion
    plan_message: Annotated[str, placeholders(*_PLAN)]
    some_message: Annotated[str, placeholders(*_PLAN)]
    plan_suggestion: Annotated[str, placeholders(*_PLAN)] | None = None
    plan_severity: Severity | None = None  # None: the rule's severity
    annex_message: Annotated[str, placeholders(*_ANNEX)] | None = None  # None: some_message
    annex_suggestion: Annotated[str, placeholders(*PLACEHOLDERS, "annex")] | None = None  # None: the rule's
    row_suggestion: Annotated[str, placeholders(*PLACEHOLDERS)] | None = None  # a table row's (None: as a target's)
    # after the one finding's message when some of the targets name their 责任单位, only not the lead one
    responsible_note: Annotated[str, placeholders("responsible")] | None = None


def check(rule: Rule[Params], facts: PlanFacts) -> Iterator[Finding]:
    p = rule.params
    targets = _asked(unique_targets(facts.targets))
    left = [t for t in targets if not t.lead_units]
    if not left:
        return
    annexed = [t for t in targets if t.units_from is not None]
    annex = Counter(t.units_from.heading or "目标任务分解表" for t in annexed if t.units_from).most_common(1)
    values = {"annexed": len(annexed), "annex": annex[0][0] if annex else ""}
    if 2 * (len(targets) - len(left)) < len(targets):  # the plan's practice: lead units not in the text
        everywhere = len(left) == len(targets)
        names = "；".join(_body(t)[:30] for t in left[:_LISTED]) + (f"等{len(left)}项" if len(left) > _LISTED else "")
        message = p.plan_message if everywhere else (annexed and p.annex_message) or p.some_message
        responsible = sum(bool(t.responsible_units) for t in left)
        if responsible and p.responsible_note:
            message += p.responsible_note
        yield rule.finding(
            {"count": len(targets), "missing": len(left), "targets": names, "responsible": responsible, **values},
            message=message,
            suggestion=p.plan_suggestion or "",  # never the per-target one: it names {text}
            severity=max((_severity(rule, t) for t in left), key=SEVERITY_RANK.__getitem__),
            expected="每项主要目标注明牵头单位",
            actual="全篇未注明" if everywhere else f"{len(left)}/{len(targets)}项未注明",
            location=Evidence.at(facts.plan.location, facts.plan.title),
        )
        return
    # most units in the breakdown table: a target left out is added there, not beside it
    in_annex = 2 * len(annexed) > len(targets) and p.annex_suggestion
    for t in left:
        if t.location.cell is not None and p.row_suggestion:  # a table's row: its cell is there to fill in
            suggestion = p.row_suggestion
        else:
            suggestion = p.suggestion_add if t.responsible_units else (p.annex_suggestion if in_annex else None)
        yield rule.finding(
            {"text": _body(t), "units": "、".join(t.responsible_units), **values},
            suggestion=suggestion,
            severity=_severity(rule, t),
            domain=t.domain,
            expected="注明牵头单位",
            actual="未注明",
            location=Evidence.at(t.location, t.text, t.heading_path),
        )


def _asked(targets: list[Target]) -> list[Target]:
    """The targets asked for a lead unit: the domains' main targets, and the rows of a table outside them with a
    unit column (a target table of the whole plan), unless the table is a breakdown of the domains' targets
    (some row lends its units to one of them: its rows restate targets counted already). An indicator table
    without unit columns is asked for none."""
    breakdowns = {(t.units_from.heading, t.units_from.table) for t in targets if t.units_from is not None}

    def own_row(t: Target) -> bool:  # a table is told by its heading and its number (text tables have none)
        return t.unit_columns and (" > ".join(t.heading_path) or None, t.location.table) not in breakdowns

    return [t for t in targets if t.main and (t.domain or own_row(t))]


def _severity(rule: Rule[Params], target: Target) -> Severity:
    return rule.severity if target.responsible_units else (rule.params.plan_severity or rule.severity)


def _body(target: Target) -> str:
    return target_body(target.text).rstrip("。")
