"""target-strength: no target is weaker than the upper level, and no numeric upper-level target is
stated only qualitatively.

Parameters: `unquantified_severity` and `unquantified_message` (逐步提高 in place of a number);
`stage_severity`, `stage_message` and `stage_suggestion` (a “十四五” 2025 value weaker than a
2030-only upper value: a stage on the way); `unsure_severity` (the upper value itself is
uncertain); `about_severity` (the upper value is only "X左右").
Fails: 孕产妇死亡率控制在15/10万以下 against ≤12/10万.
Passes: 孕产妇死亡率控制在8.2/10万以下 (stricter: recorded as `stronger`, not a finding)."""

from __future__ import annotations

from collections.abc import Iterator

from ..models import Finding
from .base import PlanFacts, Rule, indicator_values


def check(rule: Rule, facts: PlanFacts) -> Iterator[Finding]:
    for result in facts.indicators:
        if result.status not in ("weaker", "unquantified"):
            continue
        severity, message, suggestion = rule.severity, rule.message, rule.suggestion
        if result.status == "unquantified":
            severity = rule.params.get("unquantified_severity", severity)
            message = rule.params["unquantified_message"]
        elif result.note:  # a stage on the way
            severity = rule.params.get("stage_severity", severity)
            message = rule.params["stage_message"]
            suggestion = rule.params.get("stage_suggestion", suggestion)
        if result.certainty == "unsure":
            severity = rule.params.get("unsure_severity", severity)
        if result.comparator == "about":
            severity = rule.params.get("about_severity", severity)
        yield rule.finding(
            indicator_values(result),
            message=message,
            suggestion=suggestion,
            severity=severity,
            domain=result.domain,
            indicator=result.indicator,
            expected=result.expected,
            actual=result.actual or "未量化",
            wording=result.wording,
            source=result.source,
            location=result.location,
        )
