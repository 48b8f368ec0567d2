"""Kind `domain-coverage`: a finding for each development domain of the plan's kind (8 for women,
7 for children, from the reference data) that classify found neither by heading nor by body
vocabulary. Takes no parameters. Findings carry `domain`; messages may name the domain and the
plan's title."""

from __future__ import annotations

from collections.abc import Iterator

from ..models import Finding
from .base import PART_PLACEHOLDERS, Parameters, PlanFacts, Rule, absent_parts

KIND = "domain-coverage"
PLACEHOLDERS = PART_PLACEHOLDERS


class Params(Parameters):
    """No parameters."""


def check(rule: Rule[Params], facts: PlanFacts) -> Iterator[Finding]:
    yield from absent_parts(rule, facts, facts.classified.domains, "domain")
