"""What every check kind is given and gives back: a Rule (one rules/*.yaml file), the facts of one
plan, and findings."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, Field

from ..models import Classified, Finding, IndicatorResult, Plan, Severity, Target


class Rule(BaseModel):
    id: str
    title: str = ""  # the rule's Chinese name, shown to drafters beside its id
    extends: str
    severity: Severity
    message: str
    suggestion: str | None = None
    description: str = ""
    params: dict[str, Any] = Field(default_factory=dict)

    def finding(
        self,
        values: dict[str, Any],
        *,
        message: str | None = None,
        suggestion: str | None = None,
        severity: Severity | None = None,
        **fields: Any,
    ) -> Finding:
        """A finding of this rule, its message and suggestion filled in with `values`."""
        suggestion = suggestion if suggestion is not None else self.suggestion
        return Finding(
            rule=self.id,
            title=self.title or None,
            severity=severity or self.severity,
            message=(message or self.message).format(**values),
            suggestion=suggestion.format(**values) if suggestion else None,
            **fields,
        )


@dataclass(frozen=True)
class PlanFacts:
    """Everything the checks may look at for one plan."""

    plan: Plan
    classified: Classified
    targets: list[Target]
    indicators: list[IndicatorResult]


Check = Callable[[Rule, PlanFacts], Iterator[Finding]]


def indicator_values(result: IndicatorResult) -> dict[str, Any]:
    """What rule messages about an upper-level indicator may name; an unsure upper value says so."""
    caveat = "（上级数值存疑，仅供参考）" if result.certainty == "unsure" else ""
    return {
        "name": result.name,
        "expected": result.expected + caveat,
        "actual": result.actual or "未量化",
        "wording": result.wording,
        "source": result.source,
        "note": result.note or "",
    }
