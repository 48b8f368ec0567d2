"""Kind `target-strength`: a finding for each upper-level indicator the plan states weaker (in the
comparator's direction: for ≤ a larger value, for ≥ a smaller one) or only qualitatively (逐步提高
where the upper level sets a number). Stricter targets are never findings.

The rule's own severity and message are for a plain weaker target; the parameters grade the
softer cases: a number stated only qualitatively, a stage on the way (a “十四五” 2025 value below
a 2030-only upper value), an upper value that is itself unsure, or only “X左右”."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from ..models import Finding, Severity
from .base import INDICATOR_PLACEHOLDERS, Parameters, PlanFacts, Rule, indicator_finding, placeholders

KIND = "target-strength"
PLACEHOLDERS = INDICATOR_PLACEHOLDERS
_Template = Annotated[str, placeholders(*PLACEHOLDERS)]


class Params(Parameters):
    unquantified_message: _Template
    unquantified_severity: Severity | None = None  # None: the rule's severity
    stage_message: _Template
    stage_suggestion: _Template | None = None  # None: the rule's suggestion
    stage_severity: Severity | None = None
    unsure_severity: Severity | None = None
    about_severity: Severity | None = None


def check(rule: Rule[Params], facts: PlanFacts) -> Iterator[Finding]:
    p = rule.params
    for result in facts.indicators:
        if result.status not in ("weaker", "unquantified"):
            continue
        severity, message, suggestion = rule.severity, rule.message, rule.suggestion
        if result.status == "unquantified":
            severity = p.unquantified_severity or severity
            message = p.unquantified_message
        elif result.note:  # a stage on the way
            severity = p.stage_severity or severity
            message = p.stage_message
            suggestion = p.stage_suggestion or suggestion
        if result.certainty == "unsure":
            severity = p.unsure_severity or severity
        if result.comparator == "about":
            severity = p.about_severity or severity
        yield indicator_finding(
            rule, result, message=message, suggestion=suggestion, severity=severity, actual=result.actual or "未量化"
        )
