"""Meaning keys for findings, and baselines of accepted findings (--write-baseline / --baseline).

A key says what a finding is about, never where it sits: rule, plan kind, domain/section/indicator and,
when those do not tell two findings apart (a target without a lead unit), the target's text normalized
(widths, spaces and punctuation dropped). Editing elsewhere in the plan moves line numbers, not keys.
Keys are unique within a plan: a repeat gets `#2`, `#3` in the order the rules report them.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError

from .errors import InputError
from .models import SEVERITY_RANK, BaselineEntry, BaselineResult, Finding, PlanKind, Report, Severity

_NOT_MEANING = re.compile(r"[\s\W_]+")
_HEADING_NUMBER = re.compile(r"^(?:[（(]?[一二三四五六七八九十\d]+[）)、.．]|[①-⑳])+")
DISCRIMINATOR_LENGTH = 40


def normalized(text: str) -> str:
    """Text reduced to what it says: full-width folded, heading numbers, spaces and punctuation dropped."""
    text = _HEADING_NUMBER.sub("", unicodedata.normalize("NFKC", text).strip())
    return _NOT_MEANING.sub("", text)


def finding_key(kind: PlanKind, finding: Finding) -> str:
    parts = [finding.rule, kind, finding.domain or "", finding.section or "", finding.indicator or ""]
    if not (finding.indicator or finding.section) and finding.location and finding.location.excerpt:
        parts.append(normalized(finding.location.excerpt)[:DISCRIMINATOR_LENGTH])
    return ":".join(parts)


def with_keys(kind: PlanKind, findings: list[Finding]) -> list[Finding]:
    """The findings of one plan, each with its key; repeats numbered so that keys stay unique."""
    seen: Counter[str] = Counter()
    keyed = []
    for f in findings:
        key = finding_key(kind, f)
        seen[key] += 1
        keyed.append(f.model_copy(update={"key": key if seen[key] == 1 else f"{key}#{seen[key]}"}))
    return keyed


class BaselineFile(BaseModel):
    version: int = 1
    entries: list[BaselineEntry] = Field(default_factory=list)


@dataclass(frozen=True)
class Baseline:
    path: str
    entries: tuple[BaselineEntry, ...]

    def lookup(self, document: str, kind: PlanKind, key: str) -> BaselineEntry | None:
        """The entry accepting this finding. A baseline of one file applies to its next revision under any
        name; a baseline of many files matches on the path too."""
        one_file = len({e.path for e in self.entries}) <= 1
        for e in self.entries:
            if e.kind == kind and e.key == key and (one_file or e.path == document):
                return e
        return None


def read_baseline(path: Path) -> Baseline:
    try:
        data = BaselineFile.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        raise InputError(f"找不到基线文件 {path}") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, ValidationError) as e:
        raise InputError(f"基线文件 {path} 格式错误：{str(e).splitlines()[0]}") from None
    return Baseline(str(path), tuple(data.entries))


def baseline_text(report: Report, previous: Baseline | None) -> str:
    """The baseline accepting every finding of `report` (reported or already accepted); reasons kept."""
    entries = []
    for doc in report.documents:
        for plan in doc.plans:
            for f in plan.findings + plan.accepted:
                if f.key is None:
                    continue
                old = previous.lookup(doc.path, plan.kind, f.key) if previous else None
                reason = (old.reason if old else "") or f.reason or ""
                entries.append(
                    BaselineEntry(
                        path=doc.path, kind=plan.kind, key=f.key, rule=f.rule, message=f.message, reason=reason
                    )
                )
    entries.sort(key=lambda e: (e.path, e.kind, e.key))
    return json.dumps(BaselineFile(entries=entries).model_dump(), ensure_ascii=False, indent=2) + "\n"


def baseline_result(report: Report, baseline: Baseline) -> BaselineResult:
    """Entries still accepting a finding, and those fixed since (no finding of theirs is left)."""
    used = {(doc.path, plan.kind, f.key) for doc in report.documents for plan in doc.plans for f in plan.accepted}
    one_file = len({e.path for e in baseline.entries}) <= 1
    fixed = [
        e
        for e in baseline.entries
        if not any(k == e.kind and key == e.key and (one_file or p == e.path) for p, k, key in used)
    ]
    return BaselineResult(path=baseline.path, accepted=len(used), fixed=fixed)


@dataclass(frozen=True)
class Policy:
    """What happens to a plan's findings before they are reported: severity overrides, keys, the baseline.
    A picklable value, so that batch workers apply the same one."""

    severity: dict[str, Severity] = field(default_factory=dict)
    baseline: Baseline | None = None
    document: str = ""  # the path the baseline matches on; set per file by the batch

    def __call__(self, kind: PlanKind, findings: list[Finding]) -> tuple[list[Finding], list[Finding]]:
        if self.severity:
            findings = [
                f.model_copy(update={"severity": self.severity[f.rule]}) if f.rule in self.severity else f
                for f in findings
            ]
            findings.sort(key=lambda f: -SEVERITY_RANK[f.severity])  # stable: the rules' order otherwise
        findings = with_keys(kind, findings)
        if self.baseline is None:
            return findings, []
        new, accepted = [], []
        for f in findings:
            entry = self.baseline.lookup(self.document, kind, f.key or "")
            if entry is None:
                new.append(f)
            else:
                accepted.append(f.model_copy(update={"reason": entry.reason or None}))
        return new, accepted
