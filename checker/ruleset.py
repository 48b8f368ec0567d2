"""The rules a run uses (the bundled ones, a rules folder's, --select/--ignore), and what `check rules`
and `check explain RULE` print about them."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .errors import InputError
from .labels import SEVERITY_NAMES
from .resources import data_dir, read_yaml
from .rules import Rule, load_rules

EXPLAIN_FIELDS = (
    ("title", "名称"),
    ("extends", "检查类型"),
    ("severity", "级别"),
    ("description", "说明"),
    ("why", "为什么"),
    ("example_fail", "不符合的例子"),
    ("example_pass", "符合的例子"),
    ("message", "意见措辞"),
    ("suggestion", "修改建议"),
)


def active_rules(
    folder: Path | None, select: list[str], ignore: list[str], named_in: tuple[str, str] = ("select", "ignore")
) -> tuple[Rule, ...]:
    """The bundled rules, then a rules folder's (adding or overriding by id), then select/ignore (`named_in`:
    where each list was given, for the message when it names no rule)."""
    rules = {rule.id: rule for rule in load_rules()}
    if folder is not None:
        if not folder.is_dir():
            raise InputError(f"找不到规则文件夹 {folder}")
        rules.update({rule.id: rule for rule in load_rules(folder.resolve())})
    require_known(select, rules.values(), named_in[0])
    require_known(ignore, rules.values(), named_in[1])
    return tuple(r for r in rules.values() if (not select or r.id in select) and r.id not in ignore)


def require_known(ids: Iterable[str], rules: Iterable[Rule], where: str) -> None:
    known = {r.id for r in rules}
    for rule_id in ids:
        if rule_id not in known:
            raise InputError(f"{where} 中的规则 {rule_id} 不存在（check rules 列出全部规则）")


def rule_table(rules: tuple[Rule, ...], severity: dict[str, str]) -> list[str]:
    """A line per rule: id, severity (as configured), its Chinese name, title."""
    width = max(len(r.id) for r in rules)
    lines = []
    for rule in rules:
        level = severity.get(rule.id, rule.severity)
        lines.append(f"{rule.id:<{width}}  {level:<7}  {SEVERITY_NAMES[level]}  {rule.title}")
    return lines


def explain(rule_id: str, folder: Path | None) -> str:
    """The rule's documentation, read from its YAML file (a rules folder's first, then the bundled one):
    the fields it has, in a fixed order."""
    for source in (f for f in (folder, data_dir("rules")) if f is not None):
        for path in sorted(Path(source).glob("*.yaml")):
            data = read_yaml(path)
            if isinstance(data, dict) and data.get("id") == rule_id:
                parts = [f"{rule_id}（{path.name}）"]
                parts += [f"\n{label}：\n{_indented(data[key])}" for key, label in EXPLAIN_FIELDS if data.get(key)]
                if data.get("params"):
                    parts += ["\n参数：", *(f"  {key}: {value}" for key, value in data["params"].items())]
                return "\n".join(parts)
    raise InputError(f"规则 {rule_id} 不存在（check rules 列出全部规则）")


def _indented(value: object) -> str:
    lines = value if isinstance(value, list) else str(value).strip().splitlines()
    return "\n".join(f"  {line}" for line in lines)
