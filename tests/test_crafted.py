"""Layouts the corpus does not show (tests/fixtures/crafted, answer key in expected.yaml): a one-line
web copy, indicator tables, reworded headings, a GBK township plan, an old .doc with the children's
plan first and a table of contents."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from checker.classify import classify
from checker.load import load
from checker.normalize import normalize
from checker.pipeline import check_file
from checker.reference import load_reference
from checker.rules import load_rules
from checker.structure import split_plans
from checker.text.chars import clean

CRAFTED = Path(__file__).parent / "fixtures" / "crafted"
KEY = yaml.safe_load((CRAFTED / "expected.yaml").read_text(encoding="utf-8"))


def _plans(name: str):
    return split_plans(normalize(load(CRAFTED / name)))


@pytest.mark.parametrize("name", sorted(KEY["files"]))
def test_crafted_structure(name: str) -> None:
    expected = KEY["files"][name]["plans"]
    plans = _plans(name)
    assert [(p.kind, p.title) for p in plans] == [(e["kind"], e["title"]) for e in expected]
    ref = load_reference()
    for plan, e in zip(plans, expected, strict=True):
        assert (plan.period, plan.level) == (e["period"], e["level"])
        classified = classify(plan, ref.for_kind(plan.kind))
        sections = {s.id: s.heading for s in classified.sections}
        assert sections == {k: _heading(v) for k, v in e["sections"].items()}
        domains = {d.id: d.heading for d in classified.domains}
        assert domains == {k: _heading(v) for k, v in e["domains"].items()}


def _heading(entry: dict) -> str:
    """The key writes numbering as printed ("(一)"); the checker reports it normalized ("（一）")."""
    return clean(entry["number"] + entry["title"])[0]


@pytest.mark.parametrize("name", sorted(KEY["files"]))
def test_crafted_targets(name: str) -> None:
    """Every numeric main target of the answer key is read with its comparator, value, unit and
    stage year, under the right domain and indicator; no strategy figure is taken for a main target."""
    doc = check_file(CRAFTED / name, load_reference(), load_rules())
    for plan, e in zip(doc.plans, KEY["files"][name]["plans"], strict=True):
        for domain_id, domain in e["domains"].items():
            main = [t for t in plan.targets if t.main and t.domain == domain_id]
            read = {(t.indicator, q.comparator, q.value, q.unit, q.year) for t in main for q in t.quantities}
            unmatched = {(None, *k[1:]) for k in read}
            for target in domain.get("targets", []):
                key = (target["indicator"], target["comparator"], target["value"], target["unit"], target["year"])
                assert key in (read if target["indicator"] else read | unmatched), (domain_id, target)
            for figure in domain.get("strategy_figures", []):
                assert not any(clean(figure)[0] in t.text for t in main), figure


def test_planted_deviations_are_found() -> None:
    """The answer key's planted deviations: one weaker number, one number turned into 逐步提高."""
    planted = KEY["planted"]
    doc = check_file(CRAFTED / planted["file"], load_reference(), load_rules())
    found = {
        (f.indicator, f.severity, f.actual)
        for p in doc.plans
        if p.kind == planted["plan"]
        for f in p.findings
        if f.rule == "weaker-target"
    }
    weaker, vague = planted["weaker"][0], planted["qualitative_only"][0]
    assert found == {(weaker["indicator"], "error", "≤15/10万"), (vague["indicator"], "warning", "未量化")}
