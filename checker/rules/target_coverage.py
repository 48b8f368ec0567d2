"""Kind `target-coverage`: a finding for each upper-level indicator whose status (from compare) is
one of `statuses` — `missing` (no counterpart among the plan's targets) or `uncertain` (a
counterpart a person should confirm: a fuzzy name, a number that could not be read or compared).
An indicator of a domain the plan lacks altogether is not reported as missing: the missing domain
is reported once. A missing target points at its domain's heading, having nothing to quote."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import Field

from ..models import Evidence, Finding
from .base import INDICATOR_PLACEHOLDERS, Parameters, PlanFacts, Rule, indicator_finding

KIND = "target-coverage"
PLACEHOLDERS = INDICATOR_PLACEHOLDERS


class Params(Parameters):
    statuses: list[Literal["missing", "uncertain"]] = Field(default=["missing"], min_length=1)


def check(rule: Rule[Params], facts: PlanFacts) -> Iterator[Finding]:
    domains = {d.id: d for d in facts.classified.domains}
    for result in facts.indicators:
        domain = domains[result.domain]
        if result.status not in rule.params.statuses or (result.status == "missing" and not domain.found):
            continue
        where = result.location or (
            Evidence.at(domain.location, None, [domain.heading or ""]) if domain.location else None
        )
        yield indicator_finding(rule, result, location=where)
