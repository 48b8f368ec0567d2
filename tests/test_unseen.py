"""Plans nobody tuned the checker to (tests/fixtures/unseen, issue 13): a 县, a 乡镇 and a 街道, women's
and children's, 2021—2030 and “十四五”, in other heading systems and other words. Each is checked
against its hand-written answer key (expected.yaml): the parts and domains with their real headings,
every national indicator's status and value, and exactly the accusations a careful reviewer would
make — none on the plans that meet every national value, only the planted ones on the others."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import yaml

from checker.models import DocumentReport
from checker.pipeline import check_file
from checker.reference import load_reference
from checker.rules import load_rules

UNSEEN = Path(__file__).parent / "fixtures" / "unseen"
KEY = yaml.safe_load((UNSEEN / "expected.yaml").read_text(encoding="utf-8"))
ACCUSATIONS = {"missing-section", "missing-domain", "missing-target", "weaker-target"}
FILES = sorted([*KEY["files"], *KEY["docx"]])


@cache
def _review(name: str) -> DocumentReport:
    return check_file(UNSEEN / name, load_reference(), load_rules())


def _key(name: str) -> dict:
    return KEY["files"][KEY["docx"].get(name, name)]


@pytest.mark.parametrize("name", FILES)
def test_the_plan_and_its_parts(name: str) -> None:
    key = _key(name)
    (plan,) = _review(name).plans
    assert (plan.kind, plan.title, plan.period, plan.level) == (key["kind"], key["title"], key["period"], key["level"])
    assert {s.id: s.heading for s in plan.sections} == key["sections"]
    assert {d.id: d.heading for d in plan.domains} == key["domains"]


@pytest.mark.parametrize("name", FILES)
def test_every_national_indicator(name: str) -> None:
    (plan,) = _review(name).plans
    read = {i.indicator: [i.status, i.actual] for i in plan.indicators}
    assert read == _key(name)["indicators"]


@pytest.mark.parametrize("name", FILES)
def test_exactly_the_accusations_a_reviewer_would_make(name: str) -> None:
    (plan,) = _review(name).plans
    made = [f for f in plan.findings if f.rule in ACCUSATIONS]
    assert sorted((f.rule, f.section or f.indicator or f.domain) for f in made) == sorted(
        (f["rule"], f["id"]) for f in _key(name)["findings"]
    )
    assert all(f.certainty == "confirmed" for f in made)
