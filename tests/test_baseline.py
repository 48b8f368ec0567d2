"""Baselines of accepted findings, and the revision diff between two versions of a plan."""

from __future__ import annotations

import json
from pathlib import Path

from offices import FIXTURES, check

RUZHOU = (FIXTURES / "ruzhou.txt").read_text(encoding="utf-8")
MATERNAL = "下降到 12 / 10 万"


def _findings(stdout: str) -> list[dict]:
    return [f for p in json.loads(stdout)["documents"][0]["plans"] for f in p["findings"]]


def test_keys_are_unique_within_each_plan() -> None:
    report = json.loads(check(FIXTURES / "dongchangfu.txt", "--format", "json", cwd=FIXTURES).stdout)
    for plan in report["documents"][0]["plans"]:
        keys = [f["key"] for f in plan["findings"]]
        assert len(keys) == len(set(keys)) and len(keys) > 3


def test_baseline_round_trip(tmp_path: Path) -> None:
    draft = tmp_path / "草案.txt"
    draft.write_text(RUZHOU.replace(MATERNAL, "下降到 15 / 10 万"), encoding="utf-8")
    accepted = tmp_path / "accepted.json"
    first = check(draft, "--format", "json", "--write-baseline", accepted, cwd=tmp_path)
    assert first.code == 1  # the weaker rate is an error
    entries = json.loads(accepted.read_text(encoding="utf-8"))["entries"]
    assert len(entries) == len(_findings(first.stdout))
    # an office accepts the weaker rate with a reason
    for e in entries:
        if e["rule"] == "weaker-target":
            e["reason"] = "市卫健委同意：本县基数高，分两步达到"
    accepted.write_text(json.dumps({"version": 1, "entries": entries}, ensure_ascii=False), encoding="utf-8")

    # the next draft: text added at the top, a target made weaker, another fixed
    second_draft = tmp_path / "草案第二稿.txt"
    second_draft.write_text(
        "（第二稿，征求意见）\n\n" + draft.read_text(encoding="utf-8").replace("90%以上", "85%以上", 1),
        encoding="utf-8",
    )
    second = check(second_draft, "--format", "json", "--baseline", accepted, cwd=tmp_path)
    report = json.loads(second.stdout)
    new = _findings(second.stdout)
    assert all(f["rule"] != "weaker-target" or "孕产妇" not in f["message"] for f in new)
    assert any(f["rule"] == "weaker-target" and "85%" in (f["actual"] or "") for f in new)  # the new weakening
    accepted_now = [f for p in report["documents"][0]["plans"] for f in p["accepted"]]
    maternal = next(f for f in accepted_now if f["indicator"] == "women.health.maternal-mortality")
    assert maternal["reason"] == "市卫健委同意：本县基数高，分两步达到"
    assert report["baseline"]["accepted"] == len(accepted_now)
    before = {(e["kind"], e["key"]) for e in entries}
    assert all((p["kind"], f["key"]) not in before for p in report["documents"][0]["plans"] for f in p["findings"])
    # fixing the rate lists the entry as fixed, and the exit code no longer sees it
    fixed_draft = tmp_path / "草案第三稿.txt"
    fixed_draft.write_text(RUZHOU, encoding="utf-8")
    third = json.loads(check(fixed_draft, "--format", "json", "--baseline", accepted, cwd=tmp_path).stdout)
    assert any("maternal-mortality" in e["key"] for e in third["baseline"]["fixed"])
    # re-writing the baseline keeps the reasons
    check(second_draft, "--format", "json", "--baseline", accepted, "--write-baseline", accepted, cwd=tmp_path)
    kept = json.loads(accepted.read_text(encoding="utf-8"))["entries"]
    assert any(e["reason"].startswith("市卫健委同意") for e in kept)


def test_a_broken_baseline_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "accepted.json"
    bad.write_text("{not json", encoding="utf-8")
    result = check(FIXTURES / "wuqing.txt", "--baseline", bad, "--format", "json", cwd=tmp_path)
    assert result.code == 2 and len(result.stderr.splitlines()) == 1 and "基线文件" in result.stderr


def test_compare_two_versions(tmp_path: Path) -> None:
    old = tmp_path / "第一稿.txt"
    old.write_text(RUZHOU, encoding="utf-8")
    new = tmp_path / "第二稿.txt"
    new.write_text(RUZHOU.replace(MATERNAL, "下降到 15 / 10 万").replace("90%以上", "95%以上", 1), encoding="utf-8")
    result = check(new, "--compare", old, "--format", "json,html", "--out", tmp_path / "out", cwd=tmp_path)
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    revision = report["documents"][0]["revision"]
    assert revision["old_path"] == str(old)
    changes = {(c["indicator"], c["change"]) for c in revision["targets"]}
    assert ("women.health.maternal-mortality", "weakened") in changes
    assert any(change == "strengthened" for _, change in changes)
    maternal = next(c for c in revision["targets"] if c["indicator"] == "women.health.maternal-mortality")
    assert (maternal["old"], maternal["new"]) == ("≤12/10万", "≤15/10万")
    assert any(c["change"] == "new" and c["finding"]["rule"] == "weaker-target" for c in revision["findings"])
    page = (tmp_path / "out" / "第二稿.review.html").read_text(encoding="utf-8")
    assert "与上一稿对照" in page and "减弱" in page and "≤15/10万" in page
    assert result.code == 1
    back = json.loads(check(old, "--compare", new, "--format", "json", cwd=tmp_path).stdout)
    assert any(c["change"] == "fixed" for c in back["documents"][0]["revision"]["findings"])
