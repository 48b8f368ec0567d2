"""What every check kind is given and gives back: a Rule (one rules/*.yaml file, its parameters
validated into its kind's model when it loads), the facts of one plan, and findings."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from string import Formatter
from typing import Any, Generic, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from ..labels import WORDING_NAMES
from ..models import Classified, DomainResult, Evidence, Finding, IndicatorResult, Plan, SectionResult, Severity, Target


class Parameters(BaseModel):
    """The parameters of a check kind; each kind subclasses it. A key the kind does not know is an
    error when rules load (a misspelt parameter must not silently fall back to a default)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


P = TypeVar("P", bound=Parameters)


class Rule(BaseModel, Generic[P]):
    """One rules/*.yaml file. `params` holds the kind's own Params model (the loader validates it;
    the generic is for type checkers only, so that a Rule stays picklable)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")  # kebab-case, never renamed
    title: str  # the rule's Chinese name, shown to drafters beside its id
    extends: str  # the check kind
    severity: Severity
    message: str
    suggestion: str | None = None
    # The rule's one documentation (README table, `check explain`): what it checks, why it matters,
    # a plan snippet that fails and one that passes.
    description: str
    why: str = ""
    example_fail: str = ""
    example_pass: str = ""
    params: P

    @field_validator("message", "suggestion")
    @classmethod
    def _kind_placeholders(cls, text: str | None, info: ValidationInfo) -> str | None:
        """Only the placeholders the kind fills in (the loader passes them as context)."""
        allowed = (info.context or {}).get("placeholders")
        return text if text is None or allowed is None else check_placeholders(text, allowed)

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
        at = min((i for p in PASTE if (i := (suggestion or "").find(p)) >= 0), default=None)
        return Finding(
            rule=self.id,
            title=self.title or None,
            severity=severity or self.severity,
            message=(message or self.message).format(**values),
            suggestion=suggestion.format(**values) if suggestion else None,
            paste=suggestion[at:].format(**values) if suggestion and at is not None else None,
            **fields,
        )


# Placeholders that begin the text a drafter puts into the plan (the upper level's wording, the
# target with its units); what a suggestion says before them is advice.
PASTE = ("{wording}", "{text}")


def check_placeholders(text: str, allowed: Iterable[str]) -> str:
    """`text` as a str.format template that names only `allowed` placeholders, else a validation
    error naming the first unknown one (a typo would otherwise fail only when the rule fires)."""
    try:
        fields = [field for _, field, _, _ in Formatter().parse(text) if field is not None]
    except ValueError as e:
        raise PydanticCustomError("template", f"花括号不成对（{e}）") from None
    for field in fields:
        name = re.split(r"[.\[!:]", field, maxsplit=1)[0]
        if name not in allowed:
            known = "、".join(f"{{{a}}}" for a in sorted(allowed)) or "无"
            raise PydanticCustomError("placeholder", f"未知的占位符 {{{field}}}（可用：{known}）")
    return text


def placeholders(*names: str) -> AfterValidator:
    """For a message or suggestion among a kind's parameters: `Annotated[str, placeholders("count")]`."""
    return AfterValidator(lambda text: check_placeholders(text, names))


@dataclass(frozen=True)
class PlanFacts:
    """Everything the checks may look at for one plan."""

    plan: Plan
    classified: Classified
    targets: list[Target]
    indicators: list[IndicatorResult]


def absent_parts(
    rule: Rule, facts: PlanFacts, parts: list[SectionResult] | list[DomainResult], key: str
) -> Iterator[Finding]:
    """A finding for each required part (a section or a domain) not found, pointing at the plan's title."""
    for part in parts:
        if not part.found:
            yield rule.finding(
                {"name": part.name, "title": facts.plan.title},
                expected=part.name,
                actual="未找到",
                location=Evidence.at(facts.plan.location, facts.plan.title),
                **{key: part.id},
            )


PART_PLACEHOLDERS = frozenset({"name", "title"})
INDICATOR_PLACEHOLDERS = frozenset({"name", "expected", "actual", "wording", "wording_label", "source", "note"})


def indicator_finding(rule: Rule, result: IndicatorResult, **overrides: Any) -> Finding:
    """A finding about one upper-level indicator: the result's fields carried over, the message
    filled in with INDICATOR_PLACEHOLDERS (an unsure upper value says so)."""
    caveat = "（上级数值存疑，仅供参考）" if result.certainty == "unsure" else ""
    values = {
        "name": result.name,
        "expected": result.expected + caveat,
        "actual": result.actual or "未量化",
        "wording": result.wording,
        "wording_label": WORDING_NAMES[result.wording_quoted],  # 上级表述, or 按上级数值拟写的表述
        "source": result.source,
        "note": result.note or "",
    }
    carried = ("domain", "indicator", "expected", "actual", "wording", "wording_quoted", "source", "location")
    return rule.finding(values, **({name: getattr(result, name) for name in carried} | overrides))
