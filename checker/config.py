"""Configuration: `check.toml`, or `[tool.plancheck]` in `pyproject.toml`, found from the working directory
upward (the first folder holding either wins; check.toml before pyproject.toml). Flags override it.

    reference = ["shandong-2021-2030.yaml"]   # extra reference files, layered over the national one
    level = "县"                              # the plan's level when its title does not say
    select = ["missing-domain", "weaker-target"]
    ignore = ["lead-unit-level"]
    fail-on = "warning"
    rules = "my-rules/"                       # a rules folder that adds or overrides rules by id
    [severity]
    missing-lead-unit = "error"

Paths are relative to the file that names them.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import InputError

if TYPE_CHECKING:  # `check --help` stays light
    from .models import Severity

FAIL_LEVELS = ("error", "warning", "info", "never")
SEVERITIES = ("error", "warning", "info")
LEVELS = ("省", "市", "县", "区", "旗", "乡", "镇", "乡镇", "街道")


@dataclass
class Config:
    source: Path | None = None  # the file it was read from
    reference: list[str] = field(default_factory=list)
    level: str | None = None
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)
    fail_on: str = "error"
    rules: Path | None = None


def find_config(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        if (folder / "check.toml").is_file():
            return folder / "check.toml"
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "plancheck" in _read(pyproject).get("tool", {}):
            return pyproject
    return None


def load_config(path: Path | None) -> Config:
    """The configuration in `path` (None: none). Any mistake is one line naming the file and the key."""
    if path is None:
        return Config()
    data = _read(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("plancheck", {})
    return _parse(path, data)


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"找不到配置文件 {path}") from None
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"无法读取配置文件 {path}：{e}") from None
    except tomllib.TOMLDecodeError as e:
        raise InputError(f"配置文件 {path} 不是有效的 TOML：{e}") from None


def _parse(path: Path, data: dict[str, Any]) -> Config:
    def bad(key: str, what: str) -> InputError:
        return InputError(f"配置文件 {path} 中 {key} 的值无效：应为{what}")

    here = path.parent
    config = Config(source=path)
    for key, value in data.items():
        if key == "reference":
            values = [value] if isinstance(value, str) else value
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                raise bad(key, "文件名或文件名列表")
            config.reference = [_relative(here, v) for v in values]
        elif key == "level":
            if value not in LEVELS:
                raise bad(key, "、".join(LEVELS) + " 之一")
            config.level = value
        elif key in ("select", "ignore"):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise bad(key, "规则编号列表")
            setattr(config, key, value)
        elif key == "fail-on":
            if value not in FAIL_LEVELS:
                raise bad(key, " / ".join(FAIL_LEVELS) + " 之一")
            config.fail_on = value
        elif key == "rules":
            if not isinstance(value, str):
                raise bad(key, "规则文件夹路径")
            config.rules = here / value
        elif key == "severity":
            if not isinstance(value, dict) or not all(v in SEVERITIES for v in value.values()):
                raise bad(key, "“规则编号 = error/warning/info”的表")
            config.severity = dict(value)
        else:
            known = "reference, level, select, ignore, fail-on, rules, severity"
            raise InputError(f"配置文件 {path} 中有未知的键 {key}（可用：{known}）")
    return config


def _relative(here: Path, name: str) -> str:
    """A reference file relative to the config file; a bundled name (no suffix) stays a name."""
    return str(here / name) if Path(name).suffix else name


def parse_severity(items: list[str]) -> dict[str, Severity]:
    """--severity RULE=LEVEL, repeated or comma-separated."""
    result: dict[str, Severity] = {}
    for item in (part for value in items for part in value.split(",") if part):
        rule, _, level = item.partition("=")
        if level not in SEVERITIES or not rule:
            raise InputError(f"--severity 的值 {item} 无效：应为 规则编号=error/warning/info")
        result[rule.strip()] = level  # type: ignore[assignment]
    return result
