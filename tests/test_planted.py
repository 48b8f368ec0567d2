"""Planted defects: each change to a real plan yields exactly the expected new finding and nothing
else. The plans are mutated as text (.txt) and as Word (.docx, edited with python-docx)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from checker.models import DocumentReport
from checker.pipeline import check_file
from checker.reference import load_reference
from checker.rules import load_rules

FIXTURES = Path(__file__).parent / "fixtures"


def _check(path: Path) -> DocumentReport:
    return check_file(path, load_reference(), load_rules())


def _keys(doc: DocumentReport) -> set[tuple]:
    return {
        (p.kind, f.rule, f.severity, f.domain, f.section, f.indicator, f.location.excerpt if f.location else None)
        for p in doc.plans
        for f in p.findings
    }


def _new_findings(original: Path, mutated: Path) -> set[tuple]:
    before, after = _keys(_check(original)), _keys(_check(mutated))
    assert before - after == set(), "a planted defect must not make other findings disappear"
    return {k[:6] for k in after - before}


# ---- .txt: ruzhou (national wording, no lead units) and dongchangfu (lead units) ----


def _between(text: str, start: str, end: str) -> str:
    """text without the part from `start` up to (not including) `end`."""
    i = text.index(start)
    return text[:i] + text[text.index(end, i) :]


TXT_CASES: dict[str, tuple[str, Callable[[str], str], set[tuple]]] = {
    "delete a domain": (
        "ruzhou.txt",
        lambda t: _between(t, "（七）妇女与环境。", "（八）妇女与法律。"),
        {("women", "missing-domain", "error", "environment", None, None)},
    ),
    "delete a numeric target": (
        "ruzhou.txt",
        lambda t: t.replace("5. 减少艾滋病、梅毒和乙肝母婴传播，艾滋病母婴传播率下降到 2% 以下。", ""),
        {("women", "missing-target", "warning", "health", None, "women.health.hiv-mtct")},
    ),
    "weaken a number": (
        "ruzhou.txt",
        lambda t: t.replace("孕产妇死亡率下降到 12 / 10 万", "孕产妇死亡率下降到 15 / 10 万"),
        {("women", "weaker-target", "error", "health", None, "women.health.maternal-mortality")},
    ),
    "turn a number into 逐步提高": (
        "ruzhou.txt",
        lambda t: t.replace("适龄妇女宫颈癌人群筛查率达到 70% 以上", "适龄妇女宫颈癌人群筛查率逐步提高"),
        {("women", "weaker-target", "warning", "health", None, "women.health.cervical-screening")},
    ),
    "delete 监测评估": (
        "ruzhou.txt",
        lambda t: _between(t, "四、监测评估", "汝州市儿童发展规划（2021—2030年）\n"),
        {("women", "missing-section", "error", None, "monitoring", None)},
    ),
    "delete 基本原则": (
        "ruzhou.txt",
        lambda t: _between(t, "（二）基本原则。", "（三）总体目标。"),
        {("women", "missing-section", "error", None, "principles", None)},
    ),
    "strip one lead unit": (
        "dongchangfu.txt",
        lambda t: t.replace("城乡、区域差距逐步缩小。（牵头单位：区卫生健康局）", "城乡、区域差距逐步缩小。"),
        # No unit bracket left at all: a note (a bracket naming only 责任单位 would be a warning).
        {("women", "missing-lead-unit", "info", "health", None, None)},
    ),
}


@pytest.mark.parametrize("case", sorted(TXT_CASES))
def test_planted_in_text(case: str, tmp_path: Path) -> None:
    name, mutate, expected = TXT_CASES[case]
    original = FIXTURES / name
    text = original.read_text(encoding="utf-8")
    changed = mutate(text)
    assert changed != text, "the mutation must apply"
    mutated = tmp_path / name
    mutated.write_text(changed, encoding="utf-8")
    assert _new_findings(original, mutated) == expected


# ---- .docx: the same defects edited into the Word files ----


def _paragraphs_between(d: docx.document.Document, start: str, end: str) -> None:
    paragraphs = d.paragraphs
    i = next(n for n, p in enumerate(paragraphs) if p.text.strip().startswith(start))
    j = next(n for n, p in enumerate(paragraphs) if n > i and p.text.strip().startswith(end))
    for p in paragraphs[i:j]:
        p._element.getparent().remove(p._element)


def _replace(d: docx.document.Document, old: str, new: str) -> None:
    hits = [p for p in d.paragraphs if old in p.text]
    assert hits, f"{old} not found"
    for p in hits:
        p.text = p.text.replace(old, new)


DOCX_CASES: dict[str, tuple[str, Callable, set[tuple]]] = {
    "delete a domain": (
        "ruzhou.docx",
        lambda d: _paragraphs_between(d, "（七）妇女与环境", "（八）妇女与法律"),
        {("women", "missing-domain", "error", "environment", None, None)},
    ),
    "delete a numeric target": (
        "ruzhou.docx",
        lambda d: _paragraphs_between(d, "5. 减少艾滋病", "6. 提升妇女心理健康"),
        {("women", "missing-target", "warning", "health", None, "women.health.hiv-mtct")},
    ),
    "weaken a number": (
        "ruzhou.docx",
        lambda d: _replace(d, "孕产妇死亡率下降到 12 / 10 万", "孕产妇死亡率下降到 15 / 10 万"),
        {("women", "weaker-target", "error", "health", None, "women.health.maternal-mortality")},
    ),
    "turn a number into 逐步提高": (
        "ruzhou.docx",
        lambda d: _replace(d, "适龄妇女宫颈癌人群筛查率达到 70% 以上", "适龄妇女宫颈癌人群筛查率逐步提高"),
        {("women", "weaker-target", "warning", "health", None, "women.health.cervical-screening")},
    ),
    "delete 监测评估": (
        "ruzhou.docx",
        lambda d: _paragraphs_between(d, "四、监测评估", "汝州市儿童发展规划"),
        {("women", "missing-section", "error", None, "monitoring", None)},
    ),
    "delete 基本原则": (
        "ruzhou.docx",
        lambda d: _paragraphs_between(d, "（二）基本原则", "（三）总体目标"),
        {("women", "missing-section", "error", None, "principles", None)},
    ),
    "strip one lead unit": (
        "dongchangfu.docx",
        lambda d: _replace(
            d, "学前3年毛入园率达到95%以上。（牵头单位：区教育和体育局；", "学前3年毛入园率达到95%以上。（"
        ),
        {("women", "missing-lead-unit", "warning", "education", None, None)},
    ),
}


@pytest.mark.parametrize("case", sorted(DOCX_CASES))
def test_planted_in_word(case: str, tmp_path: Path) -> None:
    name, mutate, expected = DOCX_CASES[case]
    original = FIXTURES / name
    mutated = tmp_path / name
    shutil.copy(original, mutated)
    d = docx.Document(str(mutated))
    mutate(d)
    d.save(str(mutated))
    assert _new_findings(original, mutated) == expected
