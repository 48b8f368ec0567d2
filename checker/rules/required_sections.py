"""Kind `required-sections`: a finding for each part every plan must have (指导思想, 基本原则,
总体目标, 组织实施, 监测评估) that classify did not find. Which parts are required, and the heading
aliases that count for them (保障措施, 统计监测与评估 …), come from the reference data, so the kind
takes no parameters. Findings carry `section`; messages may name the part and the plan's title."""

from __future__ import annotations

from collections.abc import Iterator

from ..models import Finding
from .base import PART_PLACEHOLDERS, Parameters, PlanFacts, Rule, absent_parts

KIND = "required-sections"
PLACEHOLDERS = PART_PLACEHOLDERS


class Params(Parameters):
    """No parameters."""


def check(rule: Rule[Params], facts: PlanFacts) -> Iterator[Finding]:
    yield from absent_parts(rule, facts, facts.classified.sections, "section")
