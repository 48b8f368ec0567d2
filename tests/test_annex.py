"""Gaps a trial on unseen plans left (issues 13 and 14), each on a small plan made for it: lead units
named only in an annex breakdown table (附件：目标任务分解表), as a Word table or as lines of text; a
figure whose unit is written only after the indicator's name (孕产妇死亡率（1/10万）控制在10以下);
a suggestion written from a province's bare stage value, labelled as written, not as a quote."""

from __future__ import annotations

import json
from pathlib import Path

import docx
from plans import REGION, docx_with_table, write_docx
from plans import plan_lines as outline_plan
from test_report_html import TreeBuilder
from test_understand import women_plan

from checker.accept import AUTHOR
from checker.extract.quantities import parse_quantities
from checker.models import Document, Location, PlanReport, SourceLine
from checker.normalize import normalize
from checker.pipeline import check_file, report_for
from checker.reference import load_reference
from checker.report.annotate import annotate_document
from checker.report.html import render_html
from checker.rules import load_rules

TITLE = "青河镇妇女发展规划（2021—2030年）"
GENERAL = [
    "一、指导思想",
    "以习近平新时代中国特色社会主义思想为指导，坚持男女平等基本国策，推动全镇妇女全面发展。",
    "二、基本原则",
    "坚持党的全面领导，坚持男女平等，坚持共建共享。",
    "三、总体目标",
    "到2030年，妇女平等享有全方位全生命周期健康服务，妇女合法权益得到切实保障。",
    "四、发展领域、主要目标和策略措施",
]
# the domains' main targets, none with a unit beside it
DOMAINS = {
    "妇女与健康": ["孕产妇死亡率稳定控制在10/10万以下。", "适龄妇女宫颈癌人群筛查率达到70%以上。"],
    "妇女与教育": ["九年义务教育巩固率保持在97%以上。", "妇女终身学习意识不断增强。"],
    "妇女与经济": ["就业人员中的女性比例保持在45%左右。"],
    "妇女参与决策和管理": ["村委会成员中女性比例达到30%以上。"],
    "妇女与社会保障": ["城乡居民基本医疗保险参保率稳定在95%以上。", "妇女城乡居民基本养老保险参保率达到95%。"],
    "妇女与家庭建设": ["男女共担家务，婚姻家庭关系健康和谐。"],
    "妇女与环境": ["农村自来水普及率达到93%。"],
    "妇女与法律": ["预防和制止家庭暴力，依法打击拐卖、性侵害妇女违法犯罪行为。"],
}
CLOSING = [
    "五、组织实施",
    "镇妇儿工委负责规划实施的组织、协调和督促，各成员单位按职责分工落实。",
    "六、监测评估",
    "镇妇儿工委办公室每年对规划实施情况进行监测，2025年开展中期评估，2030年开展终期评估。",
]
ANNEX = "附件：青河镇妇女发展规划目标任务分解表"
HEADER = ["序号", "主要目标", "牵头单位", "配合单位"]
# the table restates each target in its own words (without 稳定, 九年, 妇女 …)
ROWS = [
    ["孕产妇死亡率控制在10/10万以下", "镇卫生院", "镇妇联"],
    ["宫颈癌人群筛查率达到70%以上", "镇卫生院", "镇妇联"],
    ["义务教育巩固率保持在97%以上", "镇中心学校", "镇妇联"],
    ["妇女终身学习意识不断增强", "镇成人文化技术学校", "镇妇联、镇中心学校"],
    ["就业人员中的女性比例保持在45%左右", "镇社会事务办", "镇总工会"],
    ["村委会成员中女性比例达到30%以上", "镇党委组织办", "镇民政办"],
    ["城乡居民基本医疗保险参保率稳定在95%以上", "镇医保所", "镇卫生院"],
    ["城乡居民基本养老保险参保率达到95%", "镇社会事务办", "镇妇联"],
    ["男女共担家务，婚姻家庭关系健康和谐", "镇妇联", "镇司法所"],
    ["农村自来水普及率达到93%", "镇农业农村办", "镇生态环境办"],
    ["预防和制止家庭暴力", "镇派出所", "镇司法所、镇妇联"],
]
TARGETS = sum(len(t) for t in DOMAINS.values())


def annex_plan(rows: list[list[str]] | None = None, table_text: bool = True) -> list[str]:
    """The plan, its annex's rows as lines of text (序号 主要目标 牵头单位 配合单位) when `table_text`."""
    lines = [TITLE, *GENERAL]
    for n, (name, targets) in enumerate(DOMAINS.items()):
        lines += [f"（{'一二三四五六七八'[n]}）{name}", "1.主要目标"]
        lines += [f"（{i}）{t}" for i, t in enumerate(targets, start=1)]
        lines += ["2.策略措施", "（1）加强组织领导，落实工作责任。"]
    lines += CLOSING
    if table_text:
        lines += [ANNEX, " ".join(HEADER), *(" ".join([str(k), *r]) for k, r in enumerate(rows or [], start=1))]
    return lines


def check_lines(tmp_path: Path, lines: list[str], name: str = "plan.txt") -> PlanReport:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (plan,) = check_file(path, load_reference(), load_rules()).plans
    return plan


def check_docx(tmp_path: Path, rows: list[list[str]]) -> PlanReport:
    """The plan in Word, its annex a real table."""
    document = docx.Document()
    for line in [*annex_plan(table_text=False), ANNEX]:
        document.add_paragraph(line)
    table = document.add_table(rows=len(rows) + 1, cols=len(HEADER))
    for r, cells in enumerate([HEADER, *([str(k), *row] for k, row in enumerate(rows, start=1))]):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    path = tmp_path / "plan.docx"
    document.save(str(path))
    (plan,) = check_file(path, load_reference(), load_rules()).plans
    return plan


def lead_findings(plan: PlanReport) -> list:
    return [f for f in plan.findings if f.rule == "missing-lead-unit"]


def units(plan: PlanReport) -> dict[str, list[str]]:
    """Each main target of a domain (its first 6 characters) and its lead units."""
    return {t.text[:6]: t.lead_units for t in plan.targets if t.main and t.domain}


# ---- lead units in an annex breakdown table


def test_units_in_the_annex_count_for_the_targets_they_restate(tmp_path: Path) -> None:
    """Every target restated in the annex (in the annex's own words) takes the row's units, and says
    where they come from; in a .txt (the table as lines) as in Word (a real table)."""
    for plan in (check_lines(tmp_path, annex_plan(ROWS)), check_docx(tmp_path, ROWS)):
        got = units(plan)
        assert got["孕产妇死亡率"] == ["镇卫生院"]
        assert got["妇女终身学习"] == ["镇成人文化技术学校"]
        # 医疗 and 养老 resemble each other: each takes its own row
        assert (got["城乡居民基本"], got["妇女城乡居民"]) == (["镇医保所"], ["镇社会事务办"])
        assert got["预防和制止家"] == ["镇派出所"]  # the row states only part of the target
        assert got["就业人员中的"] == ["镇社会事务办"]
        assert all(got.values()), got
        education = next(t for t in plan.targets if t.text.startswith("九年义务教育"))
        assert education.units_from is not None and education.units_from.heading == ANNEX
        assert education.units_from.excerpt == "义务教育巩固率保持在97%以上"
        assert education.responsible_units == ["镇妇联"]


def test_a_target_the_annex_leaves_out_is_named_alone(tmp_path: Path) -> None:
    rows = [r for r in ROWS if not r[0].startswith("宫颈癌")]
    for plan in (check_lines(tmp_path, annex_plan(rows)), check_docx(tmp_path, rows)):
        (finding,) = lead_findings(plan)
        assert (finding.severity, finding.actual) == ("info", "未注明")
        assert finding.location.excerpt.startswith("适龄妇女宫颈癌人群筛查率")
        assert finding.suggestion == f"请在{ANNEX}中为该目标补充一行，注明牵头单位和责任单位。"


def test_an_annex_for_every_target_leaves_nothing_to_say(tmp_path: Path) -> None:
    plan = check_lines(tmp_path, annex_plan(ROWS))
    assert lead_findings(plan) == []
    assert all(units(plan).values())


def test_an_annex_for_a_few_targets_says_so_in_its_one_finding(tmp_path: Path) -> None:
    """Two rows for eleven targets: one note, not “均未注明”, naming the annex and listing the rest."""
    plan = check_lines(tmp_path, annex_plan(ROWS[:2]))
    (finding,) = lead_findings(plan)
    assert finding.severity == "info" and finding.actual == f"{TARGETS - 2}/{TARGETS}项未注明"
    assert finding.message.startswith(f"全篇{TARGETS}项主要目标中，2项的牵头单位见{ANNEX}，其余{TARGETS - 2}项未注明")
    assert "孕产妇死亡率" not in finding.message and "九年义务教育巩固率" in finding.message


def test_rows_added_to_the_annex_never_raise_the_severity(tmp_path: Path) -> None:
    seen = []
    for count in range(0, len(ROWS) + 1, 2):
        found = lead_findings(check_lines(tmp_path, annex_plan(ROWS[:count])))
        seen.append(max((f.severity == "warning" for f in found), default=False))
        assert all(f.severity == "info" for f in found), count
    assert not any(seen)


def test_a_row_that_restates_no_target_is_no_error(tmp_path: Path) -> None:
    """A row of the general goal, or of a target the text does not have, gives no one its units and
    raises nothing; nor does a row that only resembles a target (养老 for 医疗) give it its units."""
    rows = [["男女平等基本国策深入贯彻落实", "镇党委宣传办", "镇妇联"], ROWS[7]]
    plan = check_lines(tmp_path, annex_plan(rows))
    got = units(plan)
    assert got["妇女城乡居民"] == ["镇社会事务办"]
    assert got["城乡居民基本"] == []
    assert sum(bool(u) for u in got.values()) == 1
    (finding,) = lead_findings(plan)  # the one note of a plan that names few units; the rows raise nothing
    assert finding.severity == "info" and finding.actual == f"{TARGETS - 1}/{TARGETS}项未注明"


# ---- the breakdown table as lines of text


def _rows(text: str) -> list[list[str] | None]:
    lines = [SourceLine(text=t, location=Location(line=k + 1)) for k, t in enumerate(text.splitlines())]
    return [p.cells for p in normalize(Document(path="t.txt", format="txt", lines=lines)).paragraphs]


def test_a_breakdown_table_as_text_lines_becomes_rows() -> None:
    """序号 主要目标 牵头单位 配合单位 is a header: the rows' unit names go to the unit columns (several
    配合单位 set apart by spaces joined), a target wrapped over two lines is one row, and the heading
    after the table is not swallowed by its last row."""
    rows = _rows(
        "附件：目标任务分解表\n"
        "序号 主要目标 牵头单位 配合单位\n"
        "1 孕产妇死亡率稳定控制在10/10万以下 镇卫生院 镇妇联\n"
        "2 适龄妇女宫颈癌人群筛查率 镇卫生院 镇妇联 镇民政办\n"
        "3 城乡居民基本养老保险参保率\n"
        "达到95% 镇社会事务办 镇妇联\n"
        "4 男女共担家务，婚姻家庭关系健康和谐 镇妇联 团镇委、各村（社区）\n"
        "二、工作要求\n"
        "各单位按分工落实。"
    )
    assert rows == [
        None,
        ["序号", "主要目标", "牵头单位", "配合单位"],
        ["1", "孕产妇死亡率稳定控制在10/10万以下", "镇卫生院", "镇妇联"],
        ["2", "适龄妇女宫颈癌人群筛查率", "镇卫生院", "镇妇联、镇民政办"],
        ["3", "城乡居民基本养老保险参保率达到95%", "镇社会事务办", "镇妇联"],
        ["4", "男女共担家务，婚姻家庭关系健康和谐", "镇妇联", "团镇委、各村（社区）"],
        None,
        None,
    ]


def test_an_indicator_table_with_unit_columns_and_no_attribute() -> None:
    rows = _rows("序号 指标名称 2030年目标值 牵头单位 责任单位\n1 婴儿死亡率 ≤5‰ 县卫生健康局 县妇联\n（二）儿童与安全")
    assert rows == [
        ["序号", "指标名称", "2030年目标值", "牵头单位", "责任单位"],
        ["1", "婴儿死亡率", "≤5‰", "县卫生健康局", "县妇联"],
        None,
    ]


def test_lines_of_short_words_are_not_a_table() -> None:
    """Words that are no column names, a header without the name column, or a header with no row under
    it stay lines of text."""
    text = (
        "妇女 儿童 家庭 社会\n1 关爱 服务\n"
        "序号 牵头单位 配合单位\n1 镇卫生院 镇妇联\n"
        "序号 主要目标 牵头单位 配合单位\n"
        "各成员单位要按照职责分工，认真抓好落实。"
    )
    assert _rows(text) == [None] * 6


# ---- a unit written only after the indicator's name


def test_the_unit_in_brackets_after_the_name_is_the_figures() -> None:
    """孕产妇死亡率（1/10万）控制在10以下: 10 is 10/10万; the bracket still gives no figure of its own, and
    its unit goes to no figure of another name."""
    assert [(q.comparator, q.value, q.unit) for q in parse_quantities("孕产妇死亡率（1/10万）控制在10以下")] == [
        ("<=", 10, "1/10万")
    ]
    staged = parse_quantities("孕产妇死亡率（1/10万）：2025年控制在11以下，2030年控制在10以下。")
    assert [(q.value, q.unit, q.year) for q in staged] == [(11, "1/10万", 2025), (10, "1/10万", 2030)]
    assert [q.unit for q in parse_quantities("九年义务教育巩固率（%）保持在96以上")] == ["%"]
    other = parse_quantities("孕产妇死亡率（1/10万）控制在10以下，婴儿死亡率控制在5以下。")
    assert [(q.value, q.unit) for q in other] == [(10, "1/10万"), (5, "")]
    assert parse_quantities("孕产妇死亡率（1/10万） 11 10") == []


def test_a_figure_with_its_unit_in_the_name_compares_honestly(tmp_path: Path) -> None:
    text = women_plan(
        {
            "妇女与健康": ["孕产妇死亡率（1/10万）控制在10以下。"],
            "妇女与教育": ["九年义务教育巩固率（%）保持在95以上。"],
        }
    )
    plan = check_lines(tmp_path, text.splitlines())
    status = {i.indicator: (i.status, i.actual) for i in plan.indicators}
    assert status["women.health.maternal-mortality"] == ("stronger", "≤10/10万")
    assert status["women.education.compulsory-retention"] == ("weaker", "≥95%")


# ---- wording written from a province's stage value is labelled as written, not as a quote

PROVINCE = """\
name: linhe-province
version: '2022'
extends: national-2021-2030
sources: {women: 某省妇女发展规划（2021—2030年）}
plans:
  women:
    domains:
      - id: health
        name: 妇女与健康
        indicators:
          - {id: women.health.maternal-mortality, stages: {2025: 10}}
"""


def test_wording_composed_from_a_stage_value_is_not_labelled_a_quote(tmp_path: Path) -> None:
    """The province gives only a 2025 value (10/10万) for 孕产妇死亡率: the suggestion is written from it
    and says so (JSON, HTML, Word); the national wording quoted for 艾滋病母婴传播率 stays 上级表述."""
    province = tmp_path / "province.yaml"
    province.write_text(PROVINCE, encoding="utf-8")
    weakened = {"孕产妇死亡率": "孕产妇死亡率控制在11/10万以下。", "艾滋病母婴传播率": "艾滋病母婴传播率下降到3%以下。"}
    lines = outline_plan(
        "women",
        title=f"{REGION}“十四五”妇女发展规划",
        edit=lambda s: next((new for name, new in weakened.items() if name in s), s),
    )
    path = tmp_path / "plan.docx"
    write_docx(lines, path)
    reference = load_reference(str(province))
    doc = check_file(path, reference, load_rules())
    (plan,) = doc.plans
    weaker = {f.indicator: f for f in plan.findings if f.rule == "weaker-target"}
    composed, quoted = weaker["women.health.maternal-mortality"], weaker["women.health.hiv-mtct"]
    assert (composed.wording, composed.wording_quoted) == ("到2025年，孕产妇死亡率控制在10/10万以下。", False)
    assert quoted.wording_quoted is True and "2%" in (quoted.wording or "")
    results = {i.indicator: i for i in plan.indicators}
    assert results["women.health.maternal-mortality"].wording_quoted is False
    assert results["women.health.hiv-mtct"].wording_quoted is True
    report = report_for([doc], reference)
    as_json = json.loads(report.model_dump_json())["documents"][0]["plans"][0]
    assert {f["indicator"]: f["wording_quoted"] for f in as_json["findings"] if f["rule"] == "weaker-target"} == {
        "women.health.maternal-mortality": False,
        "women.health.hiv-mtct": True,
    }

    page = TreeBuilder()
    page.feed(render_html(report, timestamp=False))
    cards = [c for c in page.root.find_all("article", "finding") if c.attrs["data-rule"] == "weaker-target"]
    card = next(c for c in cards if "孕产妇死亡率" in c.find("p", "message").text())
    wording = card.find("p", "wording")
    assert wording.find("span", "label").text() == "按上级数值拟写的表述"
    assert "数值依据《某省妇女发展规划（2021—2030年）》" in wording.text() and "——" not in wording.text()
    other = next(c for c in cards if "艾滋病母婴传播率" in c.find("p", "message").text()).find("p", "wording")
    assert other.find("span", "label").text() == "上级表述"

    out = tmp_path / "out"
    out.mkdir()
    annotate_document(report, 0, out)
    comments = [c.text for c in docx.Document(str(out / "plan.reviewed.docx")).comments if c.author == AUTHOR]
    mmr = next(c for c in comments if "weaker-target" in c and "孕产妇死亡率" in c)
    assert "按上级数值拟写的表述：到2025年，孕产妇死亡率控制在10/10万以下。（数值依据《某省妇女发展规划" in mmr
    assert "上级依据" not in mmr
    hiv = next(c for c in comments if "weaker-target" in c and "艾滋病母婴传播率" in c)
    assert "上级依据：" in hiv and "按上级数值拟写" not in hiv


def test_a_unit_column_in_an_indicator_table_as_text_lines() -> None:
    """序号 指标名称 单位 2025年 2030年 牵头单位: the unit word is the 单位 cell, not the end of the name, whether
    the figures carry a sign or not, and whether the column stands before the values or after them."""
    rows = _rows(
        "序号 指标名称 单位 2025年 2030年 牵头单位\n"
        "1 适龄儿童免疫规划疫苗接种率 % ≥90 ≥90 县卫生健康局\n"
        "2 婴儿死亡率 ‰ 5.5 5 县卫生健康局\n"
        "3 孕产妇死亡率 1/10万 ≤12 ≤10 县卫生健康局\n"
        "4 学前教育毛入园率 95 % 以上 县教育局\n"
    )
    assert rows[1:] == [
        ["1", "适龄儿童免疫规划疫苗接种率", "%", "≥90", "≥90", "县卫生健康局"],
        ["2", "婴儿死亡率", "‰", "5.5", "5", "县卫生健康局"],
        ["3", "孕产妇死亡率", "1/10万", "≤12", "≤10", "县卫生健康局"],
        ["4", "学前教育毛入园率", "", "95%以上", "", "县教育局"],  # no unit word: “95 %” is one figure
    ]
    after = _rows("序号 指标名称 2025年 2030年 单位\n1 婴儿死亡率 5.5 5 ‰\n2 平均受教育年限 11 11.5 年\n")
    assert after[1:] == [["1", "婴儿死亡率", "5.5", "5", "‰"], ["2", "平均受教育年限", "11", "11.5", "年"]]


def test_figures_in_a_text_table_take_the_unit_column(tmp_path: Path) -> None:
    """The same rows in a children's plan's annex: compared as the Word table's would be, not left unsure."""
    from test_understand import children_plan

    annex = [
        "附件",
        "序号 指标名称 单位 2025年 2030年 牵头单位",
        "1 适龄儿童免疫规划疫苗接种率 % ≥90 ≥90 县卫生健康局",
        "2 5岁以下儿童死亡率 ‰ 6.5 5.5 县卫生健康局",
    ]
    plan = check_lines(tmp_path, [*children_plan().splitlines(), *annex])
    read = {i.indicator: (i.status, i.actual) for i in plan.indicators}
    assert read["children.health.immunization"] == ("equal", "≥90%")  # one value for both stages
    assert read["children.health.under5-mortality"] == ("stronger", "5.5‰（2030年）")


def test_rows_of_an_indicator_annex_give_their_units_to_a_sentence_naming_several(tmp_path: Path) -> None:
    """新生儿、婴儿和5岁以下儿童死亡率分别… resembles none of the annex rows, one for each rate, by its text; by
    the indicators it names it is theirs, and takes their lead unit. The running head a text copy repeats
    after each page number, here inside the table, is no row."""
    from test_understand import CHILDREN_TASKS, children_plan

    tasks = {h: t.replace("（牵头单位：县卫生健康局）", "") for h, t in CHILDREN_TASKS.items()}
    annex = [
        "附件",
        "序号 指标名称 单位 2030年 牵头单位",
        "1 新生儿死亡率 ‰ 3.0 县卫生健康局",
        "2 婴儿死亡率 ‰ 5.0 县卫生健康局",
        "— 7 —",
        "某某县人民政府办公室文件",
        "3 5岁以下儿童死亡率 ‰ 6.0 县卫生健康局",
        "4 九年义务教育巩固率 % 97 县教育局",
        "— 8 —",
        "某某县人民政府办公室文件",
        "5 儿童伤害死亡率较2020年下降 % 20 县应急管理局",
    ]
    body = children_plan(tasks).splitlines()
    body.insert(len(body) // 2, "— 6 —")  # a page break in the text, the head after it as in the annex
    body.insert(len(body) // 2 + 1, "某某县人民政府办公室文件")
    plan = check_lines(tmp_path, [*body, *annex])
    (health,) = {t.text: t for t in plan.targets if t.domain == "health" and t.main}.values()
    assert health.lead_units == ["县卫生健康局"] and health.units_from is not None
    assert not [t for t in plan.targets if "办公室文件" in t.text]
    rows = [t for t in plan.targets if t.domain is None and t.location.cell is not None]
    assert len(rows) == 5
    assert not [f for f in plan.findings if f.rule == "missing-lead-unit"]


def test_a_target_table_of_the_whole_plan_asks_each_row_for_its_lead_unit(tmp_path: Path) -> None:
    """A table of the plan's targets outside the domains (序号 | 指标名称 | 目标值 | 牵头单位) whose rows name their
    lead units: a row whose cell is empty lacks one, like a target in the text. A table without a unit column
    asks for none."""
    goals = "（三）主要目标\n到2030年，发展环境更加优化，合法权益得到更好保障。\n"
    text = women_plan().replace(goals, "（三）主要指标\n")
    tables = {
        "with": [
            ("序号", "指标名称", "2030年目标值", "牵头单位"),
            ("1", "孕产妇死亡率（1/10万）", "≤10", "县卫生健康局"),
            ("2", "城镇单位就业人员中的女性比例（%）", "40左右", ""),
        ],
        "without": [("序号", "指标名称", "2030年目标值"), ("1", "城镇单位就业人员中的女性比例（%）", "40左右")],
    }
    found = {}
    for name, rows in tables.items():
        path = tmp_path / f"{name}.docx"
        docx_with_table(text, "（三）主要指标", rows, path)
        (plan,) = check_file(path, load_reference(), load_rules()).plans
        found[name] = [f for f in plan.findings if f.rule == "missing-lead-unit"]
    (missing,) = found["with"]
    assert (missing.location.table, missing.location.row) == (0, 2) and "女性比例" in (missing.location.excerpt or "")
    assert missing.suggestion == "请在该行的牵头单位一栏填写牵头单位。"  # the row is there: its cell is to fill in
    assert found["without"] == []


def test_cells_a_pdf_copy_wrapped_in_a_text_table() -> None:
    """A PDF copy of a table with narrow columns: the name and the unit cell wrapped over lines (新生儿死 /
    亡率, 县卫生健 / 康局). The pieces of a unit name are one unit; a name and the unit after it stay two."""
    rows = _rows(
        "序号 指标名称 单位 2025 年 2030 年 牵头单位\n"
        "1 新生儿死\n亡率\n‰ ≤3.5 ≤3.0 县卫生健\n康局\n"
        "2 婴儿死亡率 ‰ ≤6.0 ≤5.0 县人力资源和社\n会保障局\n"
        "3 孕产妇死亡率 1/10万 ≤12 ≤10 镇卫生院\n"
    )
    assert rows[1:] == [
        ["1", "新生儿死亡率", "‰", "≤3.5", "≤3.0", "县卫生健康局"],
        ["2", "婴儿死亡率", "‰", "≤6.0", "≤5.0", "县人力资源和社会保障局"],
        ["3", "孕产妇死亡率", "1/10万", "≤12", "≤10", "镇卫生院"],
    ]


def test_units_a_line_each_in_a_word_cell_are_several_units(tmp_path: Path) -> None:
    """A 牵头单位 cell with one unit a line (县卫生健康局⏎县妇联 as Word shows it) names two units, each judged for
    its level; glued into one name, the county unit in a town plan was not seen."""
    rows = [["孕产妇死亡率控制在10/10万以下", "镇卫生院\n县卫生健康局", "镇妇联"], *ROWS[1:]]
    plan = check_docx(tmp_path, rows)
    assert units(plan)["孕产妇死亡率"] == ["镇卫生院", "县卫生健康局"]
    level = [f.actual for f in plan.findings if f.rule == "lead-unit-level"]
    assert level == ["县卫生健康局"]
