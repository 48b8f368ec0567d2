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
from checker.reference import load_reference
from checker.structure import split_plans
from checker.textclean import clean

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
