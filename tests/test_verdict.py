"""An honest verdict (issue 14): what was read is accounted for, absences need evidence, and a partial
review is never 符合 — each case on a document made here (tests/plans.py), asserting the verdict, the
exit code, the reading notes and the findings."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from plans import REGION, notice, plan_lines, soffice, targets, write_docx

from checker.models import SEVERITY_RANK, DocumentReport, ReadingNote
from checker.pipeline import check_file, report_for
from checker.reference import load_reference
from checker.report.html import render_html
from checker.rules import load_rules
from checker.verdict import settle, settle_document

# A figure with its unit and the words that set it: what "numbers removed" takes out of a target.
FIGURE = re.compile(
    r"(?:分别)?(?:下降到|降至|控制在|达到并保持在|达到|提高到|保持在|稳定在)?"
    r"(?:[\d.]+(?:%|‰|/10万)[、和]?)+(?:以上|以下|左右)?"
)


def check(path: Path, reference: str = "national-2021-2030") -> DocumentReport:
    return check_file(path, load_reference(reference), load_rules())


def cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "checker", *map(str, args)], capture_output=True, text=True, timeout=120
    )


def write(tmp_path: Path, lines: list[str], name: str = "plans.txt") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def kinds_without_plan(doc: DocumentReport) -> set[str]:
    return {"women", "children"} - {p.kind for p in doc.plans}


def assert_honest(doc: DocumentReport, content_kinds: set[str]) -> None:
    """A kind of plan whose content is in the file but which was not found as a plan makes the review
    incomplete, with an outside-plan note naming it; only a review of every plan can pass."""
    lost = content_kinds - {p.kind for p in doc.plans}
    outside = [n for n in doc.reading if n.kind == "outside-plan"]
    for kind in lost:
        word = "妇女" if kind == "women" else "儿童"
        assert any(f"未识别出{word}发展规划" in n.message for n in outside), doc.reading
        assert doc.verdict == "incomplete"
    if doc.verdict == "pass":
        assert not lost and not doc.reading


def test_a_whole_pair_of_plans_is_pass(tmp_path: Path) -> None:
    """The crafted plans state every national target at its value: 符合, nothing to note, exit 0."""
    path = write(tmp_path, notice() + plan_lines("women") + plan_lines("children"))
    doc = check(path)
    assert (doc.verdict, [p.verdict for p in doc.plans], doc.reading) == ("pass", ["pass", "pass"], [])
    assert cli(path, "--format", "json", "--fail-on", "warning").returncode == 0


@pytest.fixture(scope="session")
def two_column_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Both plans set in two newspaper columns, printed to PDF by LibreOffice."""
    work = tmp_path_factory.mktemp("twocol")
    write_docx(notice() + plan_lines("women") + plan_lines("children"), work / "plans.docx", columns=2)
    return soffice(work / "plans.docx", "pdf")


def test_two_column_pdf(two_column_pdf: Path, tmp_path: Path) -> None:
    """Read column by column, both plans are reviewed and the multi-column pages are noted; read
    across the columns, a lost plan or buried headings make the review incomplete — never 符合, exit 1."""
    result = cli(two_column_pdf, "--format", "json")
    report = json.loads(result.stdout)
    (doc,) = report["documents"]
    notes = doc["reading"]
    assert notes and all({"kind", "message", "location"} <= set(n) for n in notes)
    checked = check(two_column_pdf)
    assert_honest(checked, {"women", "children"})
    if doc["verdict"] == "incomplete":
        assert result.returncode == 1
        assert cli(two_column_pdf, "--format", "json", "--fail-on", "never").returncode == 0
        # The review says what was not read before anything else.
        html = render_html(report_for([checked], load_reference()))
        main = html[html.index('<main class="page">') :]
        assert main.index('class="reading reading-incomplete"') < main.index("<header")
        assert "无法完整审核" in main[: main.index("<header")]
    else:  # the loader read the columns: every plan is there and the pages are noted
        assert not kinds_without_plan(checked)
        assert any("栏" in n["message"] for n in notes)


@pytest.mark.parametrize(
    "title",
    [
        f"《{REGION}妇女发展规划（2021—2030年）》",
        f"{REGION}妇女发展纲要（2021—2030年）",
        f"《{REGION}妇女发展纲要（2021—2030年）》",
    ],
)
@pytest.mark.parametrize("women_first", [True, False])
def test_titles_not_recognised_are_never_skipped_silently(tmp_path: Path, title: str, women_first: bool) -> None:
    women = plan_lines("women", title=title)
    children = plan_lines("children")
    doc = check(write(tmp_path, notice() + (women + children if women_first else children + women)))
    assert_honest(doc, {"women", "children"})
    if "women" in {p.kind for p in doc.plans}:
        assert doc.verdict == "pass"
    else:
        assert doc.verdict == "incomplete"
        assert next(p for p in doc.plans if p.kind == "children").verdict == "pass"  # the plan that was read


def test_a_combined_plan(tmp_path: Path) -> None:
    """One 妇女儿童发展规划 holding both: reviewed as two plans, or incomplete — never a 符合 children's
    plan with the women's half unread."""
    women = plan_lines("women")[1:]
    children = plan_lines("children")[1:]
    lines = [f"{REGION}妇女儿童发展规划（2021—2030年）", "第一部分　妇女发展", *women, "第二部分　儿童发展", *children]
    path = write(tmp_path, lines)
    doc = check(path)
    assert_honest(doc, {"women", "children"})
    assert doc.verdict in ("pass", "incomplete")
    if doc.verdict == "incomplete":
        assert cli(path, "--format", "json").returncode == 1


def test_a_plan_with_its_numbers_removed_is_not_pass(tmp_path: Path) -> None:
    """Every figure taken out (持续改善 in its place): the plan was read well, so the absences stand —
    few-upper-targets is an error, each missing number a warning, and the verdict 需修改."""
    stripped = plan_lines("women", edit=lambda s: FIGURE.sub("持续改善", s))
    assert not any(re.search(r"\d+%", line) for line in stripped)
    path = write(tmp_path, stripped)
    (plan,) = check(path).plans
    assert plan.verdict == "fail" and plan.reading == []
    few = [f for f in plan.findings if f.rule == "few-upper-targets"]
    assert [(f.severity, f.certainty, f.actual) for f in few] == [("error", "confirmed", "0/14")]
    assert all(f.certainty == "confirmed" for f in plan.findings)
    assert any(f.rule == "weaker-target" and f.severity == "warning" for f in plan.findings)  # 只作定性表述
    assert cli(path, "--format", "json").returncode == 1


def _lead_unit_findings(tmp_path: Path, lines: list[str]) -> list[tuple[str, str]]:
    plan = check(write(tmp_path, lines)).plans[0]
    return [(f.severity, f.actual or "") for f in plan.findings if f.rule == "missing-lead-unit"]


def _with_lead_units(lines: list[str], count: int, bracket: str) -> list[str]:
    """The first `count` targets (the numbered items under 主要目标) given a lead unit."""
    out, given = [], 0
    for line in lines:
        if re.match(r"（\d+）", line) and "组织领导" not in line and given < count:
            line = line.removesuffix(bracket) + "（牵头单位：区卫生健康局）"
            given += 1
        out.append(line)
    return out


@pytest.mark.parametrize("bracket", ["", "（责任单位：区妇联）"])
def test_adding_lead_units_never_raises_the_severity(tmp_path: Path, bracket: str) -> None:
    """A plan without lead units, then one added, then more: one finding while few name them, and
    the severity of what is left never rises (a CI gate on warnings never turns red for it)."""
    base = plan_lines("women", units=bracket)
    total = sum(len(s) for s in targets("women").values())
    seen = []
    for count in sorted({0, 1, 2, total // 2 - 1, total // 2, total // 2 + 1, total - 1}):
        found = _lead_unit_findings(tmp_path, _with_lead_units(base, count, bracket))
        assert found, count
        worst = max(SEVERITY_RANK[s] for s, _ in found)
        seen.append(worst)
        if 2 * count < total:
            assert len(found) == 1, (count, found)  # one finding listing the targets, not dozens
    assert seen == sorted(seen, reverse=True), seen
    expected = "info" if bracket == "" else "warning"  # no unit at all / a bracket naming only 责任单位
    assert max(seen) == SEVERITY_RANK[expected]


def test_one_lead_unit_added_keeps_one_note_and_exit_0(tmp_path: Path) -> None:
    none = write(tmp_path, plan_lines("women", units=""), "none.txt")
    one = write(tmp_path, _with_lead_units(plan_lines("women", units=""), 1, ""), "one.txt")
    for path in (none, one):
        findings = [f for f in check(path).plans[0].findings if f.rule == "missing-lead-unit"]
        assert [f.severity for f in findings] == ["info"]
        assert cli(path, "--format", "json", "--fail-on", "warning").returncode == 0
    (listed,) = [f for f in check(one).plans[0].findings if f.rule == "missing-lead-unit"]
    assert "孕产妇死亡率" not in listed.message and "九年义务教育巩固率" in listed.message


def test_a_subgroup_rate_does_not_meet_the_national_rate(tmp_path: Path) -> None:
    """A rural-only rate is not the indicator's own value: never 与上级一致 or 严于上级, never 符合
    (missing, or 待人工确认 — either keeps the plan from 符合)."""
    subgroup = "农村孕产妇死亡率控制在10/10万以下，城乡、区域差距缩小。"
    lines = plan_lines("women", edit=lambda s: subgroup if "孕产妇" in s else s)
    (plan,) = check(write(tmp_path, lines)).plans
    maternal = next(i for i in plan.indicators if i.indicator == "women.health.maternal-mortality")
    assert maternal.status in ("missing", "uncertain")
    assert plan.verdict == "pass-with-warnings"
    assert any(f.indicator == maternal.indicator for f in plan.findings)


PROVINCE = """\
name: qinghe-province-2021-2030
version: '2022'
description: 某某省妇女儿童发展规划的主要目标
extends: national-2021-2030
{sources}
plans:
  women:
    domains:
      - id: health
        name: 妇女与健康
        indicators:
          - {{id: women.health.cervical-screening, stages: {{2025: 75}}}}
"""


@pytest.mark.parametrize("sources", ["sources: {women: 某某省妇女发展规划（2021—2030年）}", ""])
def test_a_province_stage_is_the_bar_shown(tmp_path: Path, sources: str) -> None:
    """A “十四五” plan's 72% meets the national 70% by 2030 but not the province's 75% by 2025: the
    review shows ≥75%（2025年）, names the province's document, and suggests no less than 75%."""
    province = tmp_path / "province.yaml"
    province.write_text(PROVINCE.format(sources=sources), encoding="utf-8")
    lines = plan_lines(
        "women",
        title=f"{REGION}“十四五”妇女发展规划",
        edit=lambda s: "适龄妇女宫颈癌人群筛查率达到72%以上。" if "宫颈癌" in s else s,
    )
    path = write(tmp_path, lines)
    (plan,) = check(path, str(province)).plans
    cervical = next(i for i in plan.indicators if i.indicator == "women.health.cervical-screening")
    document = "某某省妇女发展规划（2021—2030年）" if sources else "某某省妇女儿童发展规划的主要目标"
    assert (cervical.status, cervical.expected, cervical.source) == ("weaker", "≥75%（2025年）", document)
    (weaker,) = [f for f in plan.findings if f.rule == "weaker-target"]
    assert (weaker.severity, weaker.expected, weaker.source) == ("error", "≥75%（2025年）", document)
    assert "75%" in weaker.wording and "75%" in (weaker.suggestion or "") and "70%" not in (weaker.suggestion or "")
    assert "province" not in weaker.source and ".yaml" not in weaker.source
    html = render_html(report_for([check(path, str(province))], load_reference(str(province))))
    assert "≥75%（2025年）" in html and f"《{document}》" in html
    # the national bar is untouched where the province adds nothing
    maternal = next(i for i in plan.indicators if i.indicator == "women.health.maternal-mortality")
    assert (maternal.expected, maternal.source) == ("≤12/10万（2030年）", "中国妇女发展纲要（2021—2030年）")


def test_a_missing_domain_in_a_plan_read_well_is_an_error(tmp_path: Path) -> None:
    lines = plan_lines("women")
    start = lines.index("（七）妇女与环境")
    lines = lines[:start] + lines[lines.index("（八）妇女与法律") :]
    (plan,) = check(write(tmp_path, lines)).plans
    missing = [(f.rule, f.severity, f.certainty) for f in plan.findings if f.domain == "environment"]
    assert ("missing-domain", "error", "confirmed") in missing
    assert plan.verdict == "fail"


def test_a_domain_with_no_targets_read_makes_its_missing_targets_uncertain(tmp_path: Path) -> None:
    """妇女与健康 found, but nothing under it read as a target: its indicators' absence is 未能确认."""
    lines = plan_lines("women")
    start = lines.index("（一）妇女与健康")
    end = lines.index("（二）妇女与教育")
    lines[start + 1 : end] = ["1.主要目标", "2.策略措施", "（1）加强妇女健康服务，提高妇女健康水平。"]
    (plan,) = check(write(tmp_path, lines)).plans
    health = [f for f in plan.findings if f.domain == "health" and f.rule == "missing-target"]
    assert len(health) == 3
    for f in health:
        assert (f.severity, f.certainty) == ("info", "uncertain")
        assert f.message.startswith("未能确认") and "妇女与健康" in (f.uncertain_reason or "")
    assert plan.verdict == "incomplete"


def test_a_table_that_gave_no_targets_is_a_reading_note(tmp_path: Path) -> None:
    """A table of figures whose columns are not recognised: the review says it was not read."""
    import docx

    lines = plan_lines("women")
    d = docx.Document()
    for line in lines:
        d.add_paragraph(line)
        if line == "（一）妇女与健康":
            rows = [("项目", "近期", "远期"), ("孕产妇死亡率", "10/10万", "9/10万"), ("宫颈癌筛查", "75%", "80%")]
            table = d.add_table(rows=3, cols=3)
            for r, cells in enumerate(rows):
                for c, text in enumerate(cells):
                    table.cell(r, c).text = text
    path = tmp_path / "plan.docx"
    d.save(str(path))
    doc = check(path)
    notes = [n for n in doc.reading if n.kind == "table-no-targets"]
    assert len(notes) == 1 and notes[0].location is not None and notes[0].location.table == 0
    assert doc.plans[0].verdict == "incomplete" and doc.verdict == "incomplete"


def test_table_like_lines_that_gave_no_targets_are_a_reading_note(tmp_path: Path) -> None:
    """An indicator table without rules, as a PDF's text gives it (name and figures side by side)."""
    lines = plan_lines("women")
    at = lines.index("三、总体目标") + 2
    lines[at:at] = ["主要指标", "指标名称 2025年 2030年", "孕产妇死亡率（1/10万） 11 10", "宫颈癌人群筛查率（%） 72 75"]
    doc = check(write(tmp_path, lines))
    (note,) = [n for n in doc.reading if n.kind == "table-no-targets"]
    assert "2行" in note.message and note.location is not None and note.location.line == at + 3
    assert doc.verdict == "incomplete"


def test_notes_that_only_inform_keep_the_review_complete(tmp_path: Path) -> None:
    """A note with incomplete=False: 基本符合, listed under the header, exit 0 under the default gate."""
    doc = check(write(tmp_path, plan_lines("women")))
    note = ReadingNote(kind="multi-column", message="第2页为双栏排版，已按栏读取", incomplete=False)
    plan = settle(doc.plans[0].model_copy(update={"findings": []}), [note])
    doc = settle_document(doc.model_copy(update={"plans": [plan], "reading": [note]}))
    assert (plan.verdict, doc.verdict) == ("pass-with-warnings", "pass-with-warnings")
    html = render_html(report_for([doc], load_reference()))
    main = html[html.index('<main class="page">') :]
    assert "reading-incomplete" not in main
    assert main.index("<header") < main.index('class="reading "') < main.index('class="summary"')
    assert "第2页为双栏排版" in main


def test_text_summary_and_lines_carry_the_verdict_and_notes(two_column_pdf: Path, tmp_path: Path) -> None:
    summary = cli(two_column_pdf, "--out", tmp_path).stdout
    doc = check(two_column_pdf)
    assert f"{two_column_pdf}" in summary.replace("\n", "")
    assert ("无法完整审核" in summary) == (doc.verdict == "incomplete")
    assert ("阅读说明" in summary) == bool(doc.reading)
    lines = cli(two_column_pdf, "--format", "text").stdout.splitlines()
    assert sum(" [reading:" in line for line in lines) == len(doc.reading)
