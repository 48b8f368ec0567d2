"""Rules are data: each YAML file in rules/ names the check kind it `extends`, its severity, its
Chinese message and its typed parameters, and documents itself. The kinds are implemented once,
one module each in this package, each declaring KIND (its id), Params (a model of its parameters),
PLACEHOLDERS (what its messages may name) and check(rule, facts). Every rule file is validated
against its kind when rules load; a broken one is an InputError naming the file and the field."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any, Protocol

import yaml
from pydantic import ValidationError

from ..errors import InputError
from ..models import SEVERITY_RANK, Finding
from ..resources import data_dir, read_yaml
from . import (
    domain_coverage,
    lead_unit,
    lead_unit_level,
    required_sections,
    target_coverage,
    target_share,
    target_strength,
)
from .base import Parameters, PlanFacts, Rule

__all__ = ["KINDS", "PlanFacts", "Rule", "load_rules", "run_rules"]


class Kind(Protocol):
    KIND: str
    Params: type[Parameters]
    PLACEHOLDERS: frozenset[str]

    def check(self, rule: Rule, facts: PlanFacts) -> Iterator[Finding]: ...


KINDS: dict[str, Kind] = {
    kind.KIND: kind
    for kind in (
        required_sections,
        domain_coverage,
        target_coverage,
        target_strength,
        target_share,
        lead_unit,
        lead_unit_level,
    )
}


@cache
def load_rules(folder: Path | None = None) -> tuple[Rule, ...]:
    """Every rule file of `folder` (the bundled rules/ by default), validated against its kind."""
    folder = folder or data_dir("rules")
    paths = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    if not paths:  # no rules would pass every plan
        raise InputError(f"规则目录 {folder} 中没有规则文件（*.yaml） (no rule files)")
    rules: dict[str, tuple[Rule, Path]] = {}
    for path in paths:
        rule = _load(path)
        if rule.id in rules:
            raise _bad(path, f"“{rule.id}”与 {rules[rule.id][1].name} 重复 (duplicate rule id)", "id")
        rules[rule.id] = (rule, path)
    return tuple(rule for rule, _ in rules.values())


def run_rules(facts: PlanFacts, rules: tuple[Rule, ...]) -> list[Finding]:
    findings = [f for rule in rules for f in KINDS[rule.extends].check(rule, facts)]
    return sorted(findings, key=lambda f: (-SEVERITY_RANK[f.severity], f.rule))


def _load(path: Path) -> Rule:
    try:
        data = read_yaml(path)
    except yaml.MarkedYAMLError as e:
        mark = e.context_mark or e.problem_mark  # where the construct began: the line a person edited
        where = f"第{mark.line + 1}行第{mark.column + 1}列" if mark else ""
        raise _bad(path, f"{where}不是有效的 YAML（{e.problem}） (invalid YAML)") from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        raise _bad(path, f"无法读取（{type(e).__name__}）") from None
    if not isinstance(data, dict):
        raise _bad(path, "应为“字段: 值”的映射 (not a mapping)")
    extends = data.get("extends")
    kind = KINDS.get(extends) if isinstance(extends, str) else None
    if kind is None and "extends" in data:
        raise _bad(path, f"未知的检查类型 {extends!r}（可用：{'、'.join(KINDS)}） (unknown kind)", "extends")
    try:
        params = kind.Params.model_validate(data.get("params") or {}) if kind else None
    except ValidationError as e:
        raise _invalid(path, e, "params") from None
    try:
        return Rule.model_validate({**data, "params": params}, context={"placeholders": kind and kind.PLACEHOLDERS})
    except ValidationError as e:
        raise _invalid(path, e) from None


_REASONS = {
    "missing": "缺少此项",
    "extra_forbidden": "不认识的字段（拼写有误？）",
    "literal_error": "取值无效",
    "string_pattern_mismatch": "格式不对（应为小写英文和连字符，如 missing-target）",
    "too_short": "不能为空",
}


def _invalid(path: Path, error: ValidationError, prefix: str | None = None) -> InputError:
    """The first error of a validation, as one line: the file, the field, the reason."""
    first = error.errors()[0]
    field = ".".join(str(part) for part in (prefix, *first["loc"]) if part is not None)
    if first["type"] in ("placeholder", "template"):  # ours, already in Chinese
        return _bad(path, first["msg"], field)
    given: Any = first.get("input")  # shown when it is a value the person wrote, not a whole mapping
    scalar = first["type"] not in ("missing", "extra_forbidden") and isinstance(given, str | int | float | bool)
    shown = f" {given!r}"[:40] if scalar else ""
    reason = _REASONS.get(first["type"], "类型或取值不对")
    return _bad(path, f"{reason}{shown} ({first['msg']})", field)


def _bad(path: Path, reason: str, field: str = "") -> InputError:
    where = f" 字段 {field}" if field else ""
    return InputError(f"规则文件 {path}{where}：{reason}".replace("\n", " "))
