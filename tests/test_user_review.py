"""What a drafter and a reviewing office receive, tried on plans made here the way a county writes
them: the bar shown is the bar applied and the suggestion is never weaker than it; a subgroup's rate
is never taken for the indicator's own; a combined 妇女儿童发展规划 is reviewed whole; the copy button
copies only the text to paste; the summary counts what the plan states."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import docx
import pytest
from plans import REGION, plan_lines, write_docx
from test_report_html import TreeBuilder
from test_verdict import FIGURE

from checker.accept import AUTHOR
from checker.models import DocumentReport
from checker.pipeline import check_file, report_for
from checker.reference import load_reference
from checker.report.annotate import annotate_document
from checker.report.html import render_html
from checker.rules import load_rules

# A province file that only adds 2025 stages: its bars are not in the national wording
# (“下降到12/10万以下” states 12, not 10, though “10” appears in “/10万”).
PROVINCE = """\
name: linhe-province
version: '2022'
description: 某省妇女儿童发展规划主要目标
extends: national-2021-2030
sources: {women: 某省妇女发展规划（2021—2030年）}
plans:
  women:
    domains:
      - id: health
        name: 妇女与健康
        indicators:
          - {id: women.health.maternal-mortality, stages: {2025: 10}}
          - {id: women.health.hiv-mtct, stages: {2025: 1.5}}
"""
SOURCE = "某省妇女发展规划（2021—2030年）"
NATIONAL = "中国妇女发展纲要（2021—2030年）"


def check(path: Path, *references: str) -> DocumentReport:
    return check_file(path, load_reference(*references), load_rules())


def cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "checker", *map(str, args)], capture_output=True, text=True, timeout=120
    )


def fourteenth(edit) -> list[str]:
    """A “十四五” women's plan of 青河区, its targets rewritten by `edit`."""
    return plan_lines("women", title=f"{REGION}“十四五”妇女发展规划", edit=edit)


@pytest.fixture
def province(tmp_path: Path) -> str:
    path = tmp_path / "province.yaml"
    path.write_text(PROVINCE, encoding="utf-8")
    return str(path)


def weakened(sentence: str) -> str:
    return {"孕产妇": "孕产妇死亡率控制在11/10万以下。", "艾滋病": "艾滋病母婴传播率下降到2%以下。"}.get(
        sentence[:3], sentence
    )


def test_a_stage_bar_the_wording_does_not_state_is_suggested_from_its_value(tmp_path: Path, province: str) -> None:
    """11/10万 meets the national 12 by 2030 but not the province's 10 by 2025: the suggestion to
    paste says 10/10万 by 2025, never the national 12, and is not presented as the national wording."""
    path = tmp_path / "plan.docx"
    write_docx(fourteenth(weakened), path)
    (plan,) = check(path, province).plans
    weaker = {f.indicator: f for f in plan.findings if f.rule == "weaker-target"}
    mmr = weaker["women.health.maternal-mortality"]
    assert (mmr.severity, mmr.expected, mmr.source) == ("error", "≤10/10万（2025年）", SOURCE)
    assert mmr.paste == mmr.wording == "到2025年，孕产妇死亡率控制在10/10万以下。"
    assert "12/10万" not in (mmr.suggestion or "")
    assert weaker["women.health.hiv-mtct"].paste == "到2025年，艾滋病母婴传播率控制在1.5%以下。"


def test_the_documents_the_bars_come_from_are_all_named(tmp_path: Path, province: str) -> None:
    """A province file that adds stages only: the review names the province's document and the
    national outline the other bars still come from — in the HTML header and on the Word title."""
    path = tmp_path / "plan.docx"
    write_docx(fourteenth(weakened), path)
    doc = check(path, province)
    report = report_for([doc], load_reference(province))
    assert f"《{SOURCE}》" in report.reference.sources and f"《{NATIONAL}》" in report.reference.sources
    header = render_html(report, timestamp=False).split("</header>")[0]
    assert f"《{SOURCE}》" in header and f"《{NATIONAL}》" in header
    out = tmp_path / "out"
    out.mkdir()
    annotate_document(report, 0, out)
    comments = [c for c in docx.Document(str(out / "plan.reviewed.docx")).comments if c.author == AUTHOR]
    summary = next(c.text for c in comments if c.text.startswith("【衔接审核】"))
    against = next(line for line in summary.splitlines() if line.startswith("对照："))
    assert SOURCE in against and NATIONAL in against and "儿童" not in against


@pytest.mark.parametrize(
    "sentence",
    [
        "农村适龄妇女宫颈癌人群筛查率达到70%以上，乳腺癌人群筛查率逐步提高。",
        "农村适龄妇女宫颈癌人群筛查率达到75%以上，乳腺癌人群筛查率逐步提高。",
    ],
)
def test_a_subgroup_whose_subject_the_next_clause_carries_is_not_the_indicator(tmp_path: Path, sentence: str) -> None:
    """The next clause (乳腺癌人群筛查率…) carries the subject 宫颈癌 on: it is still the rural
    women's rate, 待人工确认, never 与上级一致 or 严于上级."""
    lines = plan_lines("women", edit=lambda s: sentence if s.startswith("适龄妇女宫颈癌") else s)
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    (plan,) = check(path).plans
    cervical = next(i for i in plan.indicators if i.indicator == "women.health.cervical-screening")
    assert cervical.status == "uncertain" and "农村" in (cervical.note or "")
    assert plan.verdict != "pass"


def combined(edit=None) -> list[str]:
    """One 妇女儿童发展规划: a title, the women's half and the children's half under it."""
    women = plan_lines("women", edit=edit)[1:]
    children = plan_lines("children")[1:]
    return [f"{REGION}妇女儿童发展规划（2021—2030年）", "第一部分　妇女发展", *women, "第二部分　儿童发展", *children]


@pytest.mark.parametrize("layout", ["txt", "docx"])
def test_a_combined_plan_under_one_title_is_reviewed_whole(tmp_path: Path, layout: str) -> None:
    """Both halves found under the one title: neither is “outside the plan”, the review is complete
    — 符合 as written, 需修改 with a weakened target, never 无法完整审核 for want of a reading."""
    for name, edit in (("good", None), ("weak", lambda s: s.replace("12/10万", "15/10万"))):
        path = tmp_path / f"{name}.{layout}"
        if layout == "txt":
            path.write_text("\n".join(combined(edit)), encoding="utf-8")
        else:
            write_docx(combined(edit), path)
        doc = check(path)
        assert sorted(p.kind for p in doc.plans) == ["children", "women"]
        assert [n for n in doc.reading if n.kind == "outside-plan"] == []
        women = next(p for p in doc.plans if p.kind == "women")
        if name == "good":
            assert (doc.verdict, women.verdict) == ("pass", "pass")
        else:
            assert (doc.verdict, women.verdict) == ("fail", "fail")
            assert any(f.rule == "weaker-target" and f.severity == "error" for f in women.findings)


def test_the_copy_button_copies_only_the_text_to_paste(tmp_path: Path) -> None:
    """建议修改为不低于上级要求的表述 is advice to read; the copy button copies the sentence after it.
    A suggestion with nothing to paste (增加“监测评估”部分) has no copy button."""
    lines = plan_lines("women", edit=lambda s: s.replace("12/10万", "15/10万"))
    lines = lines[: lines.index("六、监测评估")]
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    doc = check(path)
    builder = TreeBuilder()
    builder.feed(render_html(report_for([doc], load_reference()), timestamp=False))
    cards = {c.attrs["data-rule"]: c for c in builder.root.find_all("article", "finding")}
    weaker = cards["weaker-target"].find("div", "suggestion")
    assert weaker.find("p", "suggest-text").text() == "孕产妇死亡率下降到12/10万以下，城乡、区域差距缩小。"
    assert weaker.find("p", "advice").text().startswith("建议修改为")
    assert weaker.find_all("button", "copy")
    section = cards["missing-section"].find("div", "suggestion")
    assert "监测评估" in section.find("p", "advice").text()
    assert not section.find_all("button", "copy") and not section.find_all("p", "suggest-text")
    # a part that is missing has no sentence: the plan's title is not quoted as 规划原文
    assert not cards["missing-section"].find_all("blockquote", "excerpt")
    assert cards["weaker-target"].find("blockquote", "excerpt").find("mark").text() == "15/10万"


def test_the_summary_counts_the_targets_stated_with_a_number(tmp_path: Path) -> None:
    """Numbers replaced by words: the terminal says 0 of 14 stated, as few-upper-targets counts —
    not 14 “matched” because the names are there."""
    lines = plan_lines("women", edit=lambda s: FIGURE.sub("稳步改善", s))
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    run = cli(path, "--out", tmp_path / "out")
    assert run.returncode == 1
    assert "上级指标有数值 0/14" in run.stdout and "需修改" in run.stdout


def test_a_plan_read_in_part_says_so_before_anything_else(tmp_path: Path) -> None:
    """Only three of its targets read as targets (the rest gone): no reading note of the file, yet the
    plan is 无法完整审核 — the review opens with why, and the terminal says it too."""
    lines, kept = [], 0
    for line in plan_lines("women"):
        if "牵头单位" in line:
            kept += 1
            if kept > 3:
                continue
        lines.append(line)
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    doc = check(path)
    assert (doc.verdict, doc.reading) == ("incomplete", [])
    html = render_html(report_for([doc], load_reference()), timestamp=False)
    main = html[html.index('<main class="page">') :]
    opening = main[: main.index("<header")]
    assert 'class="reading reading-incomplete"' in opening and "只读出3项主要目标" in opening
    run = cli(path, "--out", tmp_path / "out")
    assert run.returncode == 1
    summary = run.stdout.splitlines()
    assert "阅读说明" in summary[1] and "只读出3项主要目标" in summary[1]
