"""The whole check, one way: load → normalize → structure → (coverage) → classify → extract → match → compare
→ rules → verdict."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from . import __version__
from .against import derive_reference
from .classify import classify
from .compare import compare
from .coverage import account, unread_tables
from .errors import InputError
from .extract import extract
from .extract.breakdown import with_indicator_units
from .load import load
from .match import match
from .models import (
    CheckOptions,
    Classified,
    DocumentReport,
    Finding,
    IndicatorResult,
    Plan,
    PlanReport,
    ReadingNote,
    ReferenceInfo,
    Report,
    Statement,
    Target,
    TargetResult,
    ToolInfo,
    unique_targets,
)
from .normalize import normalize
from .reference import Reference
from .rules import PlanFacts, Rule, run_rules
from .structure import split_plans
from .verdict import settle, settle_document

TOOL = ToolInfo(name="plancheck", version=__version__)


def report_for(documents: list[DocumentReport], reference: Reference) -> Report:
    return Report(
        tool=TOOL,
        reference=ReferenceInfo(
            name=reference.name,
            version=reference.version,
            sources=reference.source_list(),
            description=reference.description,
        ),
        documents=documents,
    )


def check_file(
    path: Path, reference: Reference, rules: tuple[Rule, ...], options: CheckOptions | None = None
) -> DocumentReport:
    doc = load(path)
    text = normalize(doc)
    plans = split_plans(text)
    reading, notes = account(text, plans, reference)
    options = options or CheckOptions()
    reports = [check_plan(plan, reference, rules, n, options) for plan, n in zip(plans, notes, strict=True)]
    if not any(d.found for r in reports for d in r.domains) and not any(s.found for r in reports for s in r.sections):
        raise InputError(f"{path.name} 看起来不是妇女或儿童发展规划：没有找到任何必备部分或发展领域")
    reading += [n for r in reports for n in r.reading if n not in reading]
    return settle_document(DocumentReport(path=str(path), format=doc.format, plans=reports, reading=reading))


def check_plan(
    plan: Plan, reference: Reference, rules: tuple[Rule, ...], notes: list[ReadingNote], options: CheckOptions
) -> PlanReport:
    """One plan: read it, run the rules, apply the run's policy (severity overrides, baseline), then weigh
    the findings against how well the plan was read."""
    if plan.level is None and options.level:  # the level configured for plans whose title does not say
        plan = plan.model_copy(update={"level": options.level})
    classified, targets, _, indicators = analyse(plan, reference)
    facts = PlanFacts(plan, classified, targets, indicators)
    findings, accepted = run_rules(facts, rules), []
    if options.policy:
        findings, accepted = options.policy(plan.kind, findings)
    report = plan_report(facts, findings).model_copy(update={"accepted": accepted})
    return settle(report, [*notes, *unread_tables(plan, targets)])


def plan_report(facts: PlanFacts, findings: list[Finding]) -> PlanReport:
    """The one way a plan's facts become its report."""
    counts = Counter(t.domain for t in unique_targets(facts.targets) if t.main)
    return PlanReport(
        **facts.plan.model_dump(exclude={"root"}),
        sections=facts.classified.sections,
        domains=[d.model_copy(update={"targets": counts.get(d.id, 0)}) for d in facts.classified.domains],
        targets=[TargetResult.of(t) for t in facts.targets],
        indicators=facts.indicators,
        findings=findings,
    )


def analyse(
    plan: Plan, reference: Reference
) -> tuple[Classified, list[Target], dict[str, Statement], list[IndicatorResult]]:
    """classify → extract → match → compare for one plan against its kind's reference."""
    ref = reference.for_kind(plan.kind)
    classified = classify(plan, ref)
    targets, best = match(extract(plan, classified), ref)
    targets = with_indicator_units(targets)  # a breakdown row's units reach a sentence naming several indicators
    return classified, targets, best, compare(ref, best, plan_end(plan))


def reference_from_plan(path: Path, base: Reference) -> Reference:
    """--against: the upper-level plan document read with the same steps as a draft, as a reference."""
    plans = split_plans(normalize(load(path)))
    read = [(plan, plan_end(plan), *analyse(plan, base)[2:]) for plan in plans]
    return derive_reference(path.name, base, read)


def plan_end(plan: Plan) -> int | None:
    """The year a plan's own targets are set for: 2025 for a “十四五” plan, 2030 for 2021—2030."""
    if plan.period == "十四五":
        return 2025
    if plan.period and (m := re.search(r"—(\d{4})", plan.period)):
        return int(m[1])
    return None
