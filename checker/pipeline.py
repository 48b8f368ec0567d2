"""The whole check, one way: load → normalize → structure → classify → extract → match → compare → rules."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from . import __version__
from .classify import classify
from .compare import compare
from .errors import InputError
from .extract import extract
from .load import load
from .match import match
from .models import (
    CheckOptions,
    Classified,
    DocumentReport,
    Evidence,
    Finding,
    IndicatorResult,
    Plan,
    PlanReport,
    ReferenceInfo,
    Report,
    Statement,
    Target,
    TargetResult,
    ToolInfo,
)
from .normalize import normalize
from .reference import Reference
from .reference.from_plan import derive_reference
from .rules import PlanFacts, Rule, run_rules
from .structure import split_plans

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
    reports = [check_plan(plan, reference, rules, options) for plan in plans]
    if not any(d.found for r in reports for d in r.domains) and not any(s.found for r in reports for s in r.sections):
        raise InputError(f"{path.name} 看起来不是妇女或儿童发展规划：没有找到任何必备部分或发展领域")
    return DocumentReport(path=str(path), format=doc.format, plans=reports, reading=text.reading)


def check_plan(
    plan: Plan, reference: Reference, rules: tuple[Rule, ...], options: CheckOptions | None = None
) -> PlanReport:
    options = options or CheckOptions()
    if plan.level is None and options.level:  # the level configured for plans whose title does not say
        plan = plan.model_copy(update={"level": options.level})
    classified, targets, _, indicators = analyse(plan, reference)
    findings = run_rules(PlanFacts(plan, classified, targets, indicators), rules)
    accepted: list[Finding] = []
    if options.policy:
        findings, accepted = options.policy(plan.kind, findings)
    # A target naming several indicators is listed once per indicator but counted once.
    counts = Counter(domain for _, _, domain in {(t.location, t.text, t.domain) for t in targets if t.main})
    return PlanReport(
        kind=plan.kind,
        title=plan.title,
        period=plan.period,
        level=plan.level,
        region=plan.region,
        location=plan.location,
        sections=classified.sections,
        domains=[d.model_copy(update={"targets": counts.get(d.id, 0)}) for d in classified.domains],
        targets=[
            TargetResult(
                text=t.text,
                main=t.main,
                domain=t.domain,
                indicator=t.indicator,
                match_score=t.match_score,
                quantities=t.quantities,
                lead_units=t.lead_units,
                responsible_units=t.responsible_units,
                location=Evidence.at(t.location, None, t.heading_path),
            )
            for t in targets
        ],
        indicators=indicators,
        findings=findings,
        accepted=accepted,
    )


def analyse(
    plan: Plan, reference: Reference
) -> tuple[Classified, list[Target], dict[str, Statement], list[IndicatorResult]]:
    """classify → extract → match → compare for one plan against its kind's reference."""
    ref = reference.for_kind(plan.kind)
    classified = classify(plan, ref)
    targets, best = match(extract(plan, classified), ref)
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
