"""Each check kind on small crafted plans: what passes and what fails (one case per behaviour)."""

from __future__ import annotations

from pathlib import Path

import pytest
from plans import docx_with_table

from checker.models import PlanReport
from checker.pipeline import check_file
from checker.reference import load_reference
from checker.rules import load_rules

DOMAINS = [
    "妇女与健康",
    "妇女与教育",
    "妇女与经济",
    "妇女参与决策和管理",
    "妇女与社会保障",
    "妇女与家庭建设",
    "妇女与环境",
    "妇女与法律",
]
CN = "一二三四五六七八"


def plan(
    health_targets: list[str],
    *,
    title: str = "某某区妇女发展规划（2021—2030年）",
    units: str = "（牵头单位：区妇联）",
    other: dict[str, list[str]] | None = None,
) -> str:
    """A small but complete women's plan whose 妇女与健康 targets are the given sentences (and
    other domains' targets as given in `other`)."""
    lines = [
        title,
        "一、指导思想、基本原则和总体目标",
        "（一）指导思想",
        "坚持以人民为中心。",
        "（二）基本原则",
        "坚持男女平等。",
        "（三）总体目标",
        "妇女全面发展。",
        "二、发展领域、主要目标和策略措施",
    ]
    targets = {DOMAINS[0]: health_targets, **(other or {})}
    for i, name in enumerate(DOMAINS):
        lines += [f"（{CN[i]}）{name}", "1. 主要目标"]
        lines += [f"（{n}）{t}" for n, t in enumerate(targets.get(name, [f"发展水平不断提高。{units}"]), start=1)]
        lines += ["2. 策略措施", "（1）加强组织领导。"]
    lines += ["三、组织实施", "（一）加强组织领导。各级政府负责。", "四、监测评估", "（一）开展年度监测。"]
    return "\n".join(lines) + "\n"


def findings(tmp_path: Path, text: str, reference: str = "national-2021-2030") -> list[tuple]:
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    doc = check_file(path, load_reference(reference), load_rules())
    return [(f.rule, f.severity, f.indicator, f.actual) for f in doc.plans[0].findings]


def plan_with_table(tmp_path: Path, text: str, after: str, rows: list[tuple[str, ...]]) -> PlanReport:
    """The plan as a Word file with a table after the line `after`, checked."""
    path = tmp_path / "plan.docx"
    docx_with_table(text, after, rows, path)
    return check_file(path, load_reference(), load_rules()).plans[0]


def test_stricter_and_equal_targets_are_not_findings(tmp_path: Path) -> None:
    text = plan(
        [
            "孕产妇死亡率控制在10/10万以下。（牵头单位：区卫生健康局）",
            "适龄妇女宫颈癌人群筛查率达到70%以上。（牵头单位：区卫生健康局）",
            "艾滋病母婴传播率下降到2%以下。（牵头单位：区卫生健康局）",
        ]
    )
    assert [f for f in findings(tmp_path, text) if f[0] in ("weaker-target", "missing-lead-unit")] == []


def test_weaker_target_in_either_direction(tmp_path: Path) -> None:
    text = plan(
        [
            "孕产妇死亡率控制在15/10万以下。（牵头单位：区卫生健康局）",
            "适龄妇女宫颈癌人群筛查率达到60%以上。（牵头单位：区卫生健康局）",
        ]
    )
    weaker = {(f[2], f[1], f[3]) for f in findings(tmp_path, text) if f[0] == "weaker-target"}
    assert weaker == {
        ("women.health.maternal-mortality", "error", "≤15/10万"),
        ("women.health.cervical-screening", "error", "≥60%"),
    }


def test_units_convert_between_rates_never_across_kinds(tmp_path: Path) -> None:
    text = plan(["孕产妇死亡率控制在0.15‰以下。（牵头单位：区卫生健康局）"])  # 0.15‰ = 15/10万
    assert ("weaker-target", "error", "women.health.maternal-mortality", "≤0.15‰") in findings(tmp_path, text)


def test_two_stage_target_compares_2030_with_2030(tmp_path: Path) -> None:
    text = plan(["到2025年和2030年，适龄妇女宫颈癌人群筛查率分别达到60%和75%以上。（牵头单位：区卫生健康局）"])
    assert not [f for f in findings(tmp_path, text) if f[0] == "weaker-target"]


def test_a_lead_unit_of_another_level(tmp_path: Path) -> None:
    text = plan(["孕产妇死亡率控制在10/10万以下。（牵头单位：市卫生健康委；责任单位：区妇联）"])
    assert [f for f in findings(tmp_path, text) if f[0] == "lead-unit-level"] == [
        ("lead-unit-level", "warning", None, "市卫生健康委")
    ]


def test_lead_units_per_target_or_once_per_plan(tmp_path: Path) -> None:
    """A plan that names lead units for most targets: each one left out is a finding, a warning where
    its bracket names only 责任单位, a note where it names no unit at all (its severity is its own)."""
    some = plan(
        [
            "孕产妇死亡率控制在10/10万以下。（牵头单位：区卫生健康局）",
            "艾滋病母婴传播率下降到2%以下。",
            "适龄妇女宫颈癌人群筛查率达到70%以上。（责任单位：区卫生健康局）",
        ]
    )
    per_target = [f for f in findings(tmp_path, some) if f[0] == "missing-lead-unit"]
    assert sorted(per_target) == [
        ("missing-lead-unit", "info", None, "未注明"),
        ("missing-lead-unit", "warning", None, "未注明"),
    ]
    none = plan(["孕产妇死亡率控制在10/10万以下。", "艾滋病母婴传播率下降到2%以下。"], units="")
    plan_wide = [f for f in findings(tmp_path, none) if f[0] == "missing-lead-unit"]
    assert plan_wide == [("missing-lead-unit", "info", None, "全篇未注明")]


def test_responsible_units_alone_are_read(tmp_path: Path) -> None:
    text = plan(["孕产妇死亡率控制在10/10万以下。（责任单位：区卫生健康局、区妇联）"])
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    target = next(t for t in check_file(path, load_reference(), load_rules()).plans[0].targets if t.indicator)
    assert (target.lead_units, target.responsible_units) == ([], ["区卫生健康局", "区妇联"])


def test_stage_value_in_a_province_file(tmp_path: Path) -> None:
    province = tmp_path / "province.yaml"
    province.write_text(
        "name: p\nversion: '1'\nextends: national-2021-2030\nplans:\n  women:\n    domains:\n"
        "      - id: health\n        name: 妇女与健康\n        indicators:\n"
        "          - {id: women.health.cervical-screening, name: 宫颈癌人群筛查率, comparator: '>=', value: 70,\n"
        "             unit: '%', stages: {2025: 65}, wording: 到2025年达到65%以上。}\n",
        encoding="utf-8",
    )
    text = plan(["适龄妇女宫颈癌人群筛查率达到60%以上。（牵头单位：区卫生健康局）"], title="某某区妇女发展“十四五”规划")
    weaker = [f for f in findings(tmp_path, text, str(province)) if f[0] == "weaker-target"]
    assert weaker == [("weaker-target", "error", "women.health.cervical-screening", "≥60%")]  # below the 2025 stage


def _weaker_or_unquantified(found: list[tuple]) -> list[tuple]:
    return [f for f in found if f[0] == "weaker-target"]


def test_respectively_pairs_each_listed_subject(tmp_path: Path) -> None:
    """宫颈癌和乳腺癌…分别达到75%和60%: 乳腺癌 is no upper indicator, yet 75% is 宫颈癌's number."""
    text = plan(["适龄妇女宫颈癌和乳腺癌人群筛查率分别达到75%和60%以上。（牵头单位：区卫生健康局）"])
    assert _weaker_or_unquantified(findings(tmp_path, text)) == []
    text = plan(["艾滋病、梅毒母婴传播率分别下降到3%和5%以下。（牵头单位：区卫生健康局）"])
    assert ("weaker-target", "error", "women.health.hiv-mtct", "≤3%") in findings(tmp_path, text)


def test_a_number_after_a_trend_phrase_belongs_to_the_indicator(tmp_path: Path) -> None:
    text = plan(["孕产妇死亡率持续下降，控制在10/10万以下。（牵头单位：区卫生健康局）"])
    assert _weaker_or_unquantified(findings(tmp_path, text)) == []
    text = plan(["孕产妇死亡率持续下降，控制在14/10万以下。（牵头单位：区卫生健康局）"])
    assert ("weaker-target", "error", "women.health.maternal-mortality", "≤14/10万") in findings(tmp_path, text)


def test_elliptical_subject_and_ranges(tmp_path: Path) -> None:
    other = {
        "妇女参与决策和管理": [
            "社区居委会成员中女性比例保持在50%左右，主任中女性比例达到45%以上。（牵头单位：区民政局）"
        ],
        "妇女与经济": ["就业人员中的女性比例保持在44%—46%。（牵头单位：区人社局）"],
    }
    found = findings(tmp_path, plan([], other=other))
    concerned = {
        "women.decision.community-committee-female-share",
        "women.decision.community-director-female-share",
        "women.economy.employed-female-share",
    }
    assert [f for f in found if f[2] in concerned] == []


def test_an_explicit_2030_value_in_a_2025_plan_is_judged_as_final(tmp_path: Path) -> None:
    text = plan(
        ["到2030年，孕产妇死亡率控制在15/10万以下。（牵头单位：区卫生健康局）"], title="某某区妇女发展“十四五”规划"
    )
    assert ("weaker-target", "error", "women.health.maternal-mortality", "≤15/10万（2030年）") in findings(
        tmp_path, text
    )


def test_unit_names_that_merely_start_with_a_level_character(tmp_path: Path) -> None:
    text = plan(["孕产妇死亡率控制在10/10万以下。（牵头单位：市场监管局；责任单位：乡村振兴局）"])
    assert [f for f in findings(tmp_path, text) if f[0] == "lead-unit-level"] == []


def test_other_ways_of_naming_the_lead_unit(tmp_path: Path) -> None:
    text = plan(
        [
            "孕产妇死亡率控制在10/10万以下。（区卫生健康局牵头，区妇联配合）",
            "艾滋病母婴传播率下降到2%以下。【牵头单位：区卫生健康局】",
        ]
    )
    assert [f for f in findings(tmp_path, text) if f[0] == "missing-lead-unit"] == []


def test_baseline_column_of_an_indicator_table_is_not_a_target(tmp_path: Path) -> None:
    """A “十四五” indicator table with 2020年基期值 | 2025年目标值: only the 2025 column is a target."""
    rows = [
        ("指标名称", "2020年基期值", "2025年目标值"),
        ("孕产妇死亡率", "14/10万", "≤10/10万"),
        ("适龄妇女宫颈癌人群筛查率", "50%", "≥72%"),
    ]
    text = plan(["主要指标见下表。"], title="某某区妇女发展“十四五”规划")
    report = plan_with_table(tmp_path, text, "1. 主要目标", rows)
    statuses = {i.indicator: (i.status, i.actual) for i in report.indicators if "health" in i.indicator}
    assert statuses["women.health.maternal-mortality"] == ("stronger", "≤10/10万")
    assert statuses["women.health.cervical-screening"] == ("stronger", "≥72%")


def test_indicator_table_with_a_unit_column(tmp_path: Path) -> None:
    """指标名称 | 单位 | 2020年 | 2025年 | 2030年: the unit column gives the values their unit."""
    rows = [
        ("指标名称", "单位", "2020年", "2025年", "2030年", "指标属性"),
        ("孕产妇死亡率", "1/10万", "14", "≤13", "≤11", "约束性"),
        ("适龄妇女宫颈癌人群筛查率", "%", "50", "60以上", "65以上", "预期性"),
    ]
    report = plan_with_table(tmp_path, plan(["主要指标见下表。"]), "1. 主要目标", rows)
    statuses = {i.indicator: (i.status, i.actual) for i in report.indicators if "health" in i.indicator}
    assert statuses["women.health.maternal-mortality"] == ("stronger", "≤11/10万（2030年）")
    assert statuses["women.health.cervical-screening"] == ("weaker", "≥65%（2030年）")


# Sentences real plans write whose first figure is the indicator's own: later figures about a
# subgroup, another indicator or another level must not be judged as the target (no finding).
OWN_FIGURE_FIRST = {
    "适龄妇女宫颈癌人群筛查率达到70%以上、乳腺癌人群筛查率达到50%以上。": "women.health.cervical-screening",
    "孕产妇死亡率控制在12/10万以下，农村孕产妇死亡率控制在15/10万以下。": "women.health.maternal-mortality",
    "适龄妇女宫颈癌人群筛查率达到70%以上，农村适龄妇女宫颈癌人群筛查率达到60%以上。": "women.health.cervical-screening",
    "孕产妇死亡率控制在10/10万以下（基期值：15/10万）。": "women.health.maternal-mortality",
    "孕产妇死亡率控制在10/10万以下（省级目标为14/10万以下）。": "women.health.maternal-mortality",
    "孕产妇死亡率控制在14/10万以下（2025年），12/10万以下（2030年）。": "women.health.maternal-mortality",
    "孕产妇死亡率到2025年控制在14/10万以下；到2030年，控制在12/10万以下。": "women.health.maternal-mortality",
    "孕产妇和婴儿死亡率分别控制在10/10万和5‰以下。": "women.health.maternal-mortality",
    "“两癌”筛查率达到80%。": "women.health.cervical-screening",
    "孕产妇死亡率近期控制在14/10万以下，远期控制在12/10万以下。": "women.health.maternal-mortality",
    "适龄妇女宫颈癌人群筛查率稳定在七成以上。": "women.health.cervical-screening",
}


@pytest.mark.parametrize("sentence", sorted(OWN_FIGURE_FIRST))
def test_the_indicators_own_figure_is_judged(tmp_path: Path, sentence: str) -> None:
    found = findings(tmp_path, plan([sentence + "（牵头单位：区卫生健康局）"]))
    indicator = OWN_FIGURE_FIRST[sentence]
    assert [f for f in found if f[2] == indicator and f[0] in ("weaker-target", "missing-target")] == []


def test_a_later_stricter_figure_does_not_hide_a_weaker_one(tmp_path: Path) -> None:
    text = plan(["孕产妇死亡率控制在15/10万以下，力争控制在10/10万以下。（牵头单位：区卫生健康局）"])
    assert ("weaker-target", "error", "women.health.maternal-mortality", "≤15/10万") in findings(tmp_path, text)


def test_village_figures_are_not_the_community_directors(tmp_path: Path) -> None:
    other = {"妇女参与决策和管理": ["村（居）委会主任中女性比例达到20%以上。（牵头单位：区民政局）"]}
    found = findings(tmp_path, plan([], other=other))
    assert not [f for f in found if f[0] == "weaker-target" and f[2] and "director" in f[2]]


def test_members_and_directors_in_one_sentence(tmp_path: Path) -> None:
    other = {"妇女参与决策和管理": ["社区居委会成员和主任中女性比例分别保持在50%左右和40%以上。（牵头单位：区民政局）"]}
    found = findings(tmp_path, plan([], other=other))
    assert not [f for f in found if f[2] and "community" in f[2]]


def test_an_annex_repeating_domain_headings_is_not_the_plan(tmp_path: Path) -> None:
    annex = (
        "附件\n主要目标任务分解表\n一、妇女与健康\n孕产妇死亡率控制在10/10万以下。\n"
        "二、妇女与教育\n九年义务教育巩固率达到96%以上。\n"
    )
    path = tmp_path / "plan.txt"
    path.write_text(plan(["孕产妇死亡率控制在10/10万以下。（牵头单位：区卫生健康局）"]) + annex, encoding="utf-8")
    report = check_file(path, load_reference(), load_rules()).plans[0]
    assert [d.heading for d in report.domains][:2] == ["（一）妇女与健康", "（二）妇女与教育"]


def test_a_summary_indicator_table_outside_the_domains(tmp_path: Path) -> None:
    """主要指标 in a table under 总体目标: its rows are main targets, judged like any other."""
    rows = [
        ("指标名称", "2030年目标值", "属性"),
        ("孕产妇死亡率", "≤14/10万", "约束性"),
        ("农村自来水普及率", "≥95%", "预期性"),
    ]
    report = plan_with_table(tmp_path, plan([]), "妇女全面发展。", rows)
    statuses = {i.indicator: (i.status, i.actual) for i in report.indicators}
    assert statuses["women.health.maternal-mortality"] == ("weaker", "≤14/10万")
    assert statuses["women.environment.rural-tap-water"] == ("stronger", "≥95%")
    assert not [f for f in report.findings if f.rule == "missing-lead-unit" and f.severity == "warning"]


def test_the_subject_in_the_clause_before(tmp_path: Path) -> None:
    """高中阶段教育普及水平进一步提高，毛入学率达到95%以上: the figure is the 高中阶段毛入学率 — but a clause
    with a subject of its own (高中阶段学生近视率) never borrows the one before (初中生)."""
    other = {"妇女与教育": ["高中阶段教育普及水平进一步提高，毛入学率达到95%以上。（牵头单位：区教育局）"]}
    found = findings(tmp_path, plan([], other=other))
    assert not [f for f in found if f[2] == "women.education.high-school-enrollment"]


def test_a_range_is_held_to_its_worse_end(tmp_path: Path) -> None:
    """95%—97% meets ≥95%; 10—12/10万 meets ≤12/10万; a range only one end of which meets the bar is left for a
    person to confirm, saying so (never an empty reason), and one wholly short of it is weaker."""
    other = {
        "妇女与社会保障": ["妇女基本养老保险参保率达到95%—97%。（牵头单位：区人社局）"],
        "妇女与教育": ["高中阶段毛入学率稳定在90%—95%。（牵头单位：区教育局）"],
    }
    text = plan(["孕产妇死亡率控制在10—12/10万。（牵头单位：区卫生健康局）"], other=other)
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    report = check_file(path, load_reference(), load_rules()).plans[0]
    status = {i.indicator: (i.status, i.note) for i in report.indicators}
    assert status["women.social-security.pension-insurance"] == ("equal", None)
    assert status["women.health.maternal-mortality"][0] == "equal"
    high_school = status["women.education.high-school-enrollment"]
    assert high_school[0] == "uncertain" and "区间" in high_school[1]
    (finding,) = [f for f in report.findings if f.indicator == "women.education.high-school-enrollment"]
    assert finding.rule == "uncertain-target" and "区间" in finding.message
    weaker = findings(tmp_path, plan(["孕产妇死亡率控制在13—15/10万。（牵头单位：区卫生健康局）"]))
    assert ("weaker-target", "error", "women.health.maternal-mortality", "13/10万—15/10万") in weaker


def _lead_units(tmp_path: Path, text: str) -> dict[str, list[str]]:
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    report = check_file(path, load_reference(), load_rules()).plans[0]
    return {t.text[:6]: t.lead_units for t in report.targets if t.main and t.domain == "health"}


def test_lead_units_written_as_a_sentence_without_brackets(tmp_path: Path) -> None:
    text = plan(["孕产妇死亡率控制在10/10万以下。牵头单位：区卫生健康局；责任单位：区妇幼保健院。"])
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    report = check_file(path, load_reference(), load_rules()).plans[0]
    (target,) = [t for t in report.targets if t.main and t.domain == "health"]
    assert (target.lead_units, target.responsible_units) == (["区卫生健康局"], ["区妇幼保健院"])
    assert [(q.comparator, q.value) for q in target.quantities] == [("<=", 10.0)]
    assert not [f for f in report.findings if f.rule == "missing-lead-unit"]


def test_a_units_line_closing_a_list_names_the_units_of_the_list(tmp_path: Path) -> None:
    """牵头单位：… on a line of its own after a domain's targets holds for those since the last target naming
    its own units (all of them when none does), not for the last target alone; a domain without such a line
    is still found wanting."""
    first, last = "孕产妇死亡率控制在10/10万以下。", "艾滋病母婴传播率下降到2%以下。"
    text = plan([first, "适龄妇女宫颈癌人群筛查率达到70%以上。", last], units="")
    text = text.replace(f"（3）{last}\n", f"（3）{last}\n牵头单位：区卫生健康局、区妇联\n")
    assert set(map(tuple, _lead_units(tmp_path, text).values())) == {("区卫生健康局", "区妇联")}
    mixed = text.replace(f"（1）{first}", f"（1）{first}（牵头单位：区医保局）")
    assert _lead_units(tmp_path, mixed) == {
        "孕产妇死亡率": ["区医保局"],
        "适龄妇女宫颈": ["区卫生健康局", "区妇联"],
        "艾滋病母婴传": ["区卫生健康局", "区妇联"],
    }
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    report = check_file(path, load_reference(), load_rules()).plans[0]
    (finding,) = [f for f in report.findings if f.rule == "missing-lead-unit"]  # the other domains name none
    assert "发展水平不断提高" in finding.message and "孕产妇" not in finding.message and "7/10" in finding.actual


def test_the_one_finding_of_a_plan_naming_few_lead_units_says_how_many_name_their_other_units(tmp_path: Path) -> None:
    """A plan whose targets name their 责任单位 but (nearly) none a 牵头单位: the one finding says so, instead of
    reading as if no unit were named at all."""
    health = [
        "孕产妇死亡率控制在10/10万以下。（责任单位：区卫生健康局）",
        "艾滋病母婴传播率下降到2%以下。（责任单位：区妇联）",
    ]
    path = tmp_path / "plan.txt"
    path.write_text(plan(health, units=""), encoding="utf-8")
    (finding,) = [
        f for f in check_file(path, load_reference(), load_rules()).plans[0].findings if f.rule == "missing-lead-unit"
    ]
    assert finding.message == "全篇9项主要目标均未注明牵头单位（其中2项只注明了责任单位）"  # 2 + 7 domains
    assert finding.severity == "warning"


def test_a_bracket_on_a_line_of_its_own_is_the_note_of_the_target_before(tmp_path: Path) -> None:
    """（牵头单位：…） set on the line after its target (a PDF breaks it there when the sentence fills the line):
    it is that target's, not the units of the targets before it that name none."""
    first, last = "孕产妇死亡率控制在10/10万以下。（牵头单位：区卫生健康局）", "艾滋病母婴传播率下降到2%以下。"
    text = plan([first, "适龄妇女宫颈癌人群筛查率达到70%以上。", last])
    text = text.replace(f"（3）{last}\n", f"（3）{last}\n（牵头单位：区疾控中心）\n")
    assert _lead_units(tmp_path, text) == {
        "孕产妇死亡率": ["区卫生健康局"],
        "适龄妇女宫颈": [],
        "艾滋病母婴传": ["区疾控中心"],
    }


def test_few_numbers_read_where_the_plan_names_the_indicators_is_a_doubt(tmp_path: Path) -> None:
    """A plan that names most indicators beside numbers that were not read (a table read badly, its units
    lost: 孕产妇死亡率：10) is not accused of stating too few: the finding is a doubt for a person to confirm.
    A plan that names none stays an error."""
    named = lambda *names: [f"{n}：10。（牵头单位：区妇联）" for n in names]  # noqa: E731
    other = {
        "妇女与教育": named("九年义务教育巩固率", "高中阶段毛入学率"),
        "妇女与经济": named("就业人员中的女性比例", "城镇单位就业人员中的女性比例", "高级专业技术人员中的女性比例"),
        "妇女参与决策和管理": named("村委会成员中女性比例", "社区居委会成员中女性比例", "社区居委会主任中女性比例"),
    }
    health = named("孕产妇死亡率", "适龄妇女宫颈癌人群筛查率", "艾滋病母婴传播率")
    found = findings(tmp_path, plan(health, other=other))
    assert [f[:2] for f in found if f[0] == "few-upper-targets"] == [("few-upper-targets", "info")]
    bare = findings(tmp_path, plan(["健康水平不断提高。（牵头单位：区卫生健康局）"]))
    assert [f[:2] for f in bare if f[0] == "few-upper-targets"] == [("few-upper-targets", "error")]


def test_a_units_line_after_a_paragraph_of_targets(tmp_path: Path) -> None:
    """Targets written as a paragraph, then 牵头单位：… 责任单位：… on a line of its own, the two set apart by a
    space (or by nothing, once the space between Chinese characters is cleaned away): the paragraph's units."""
    for gap in ("　", " ", ""):
        text = plan([]).replace(
            "（一）妇女与健康\n1. 主要目标\n",
            "（一）妇女与健康\n1. 主要目标\n孕产妇死亡率控制在10/10万以下，适龄妇女宫颈癌人群筛查率达到70%以上。\n"
            f"牵头单位：区卫生健康局{gap}责任单位：区妇联、区医保局\n",
        )
        path = tmp_path / "plan.txt"
        path.write_text(text, encoding="utf-8")
        report = check_file(path, load_reference(), load_rules()).plans[0]
        health = [t for t in report.targets if t.main and t.domain == "health"]
        assert {(t.text[:5], tuple(t.lead_units), tuple(t.responsible_units)) for t in health} == {
            ("孕产妇死亡", ("区卫生健康局",), ("区妇联", "区医保局"))
        }, gap


def test_a_box_of_projects_sets_no_target_and_a_box_of_indicators_does(tmp_path: Path) -> None:
    """专栏3 巾帼创业就业工程 and its numbered projects after the targets: the projects are no targets (no lead
    unit asked of them) nor evidence for one (就业人员中女性占比达到30%的示范企业 is no employment share); the
    indicator stays missing. A box named for indicators (专栏1 主要指标) holds targets."""
    box = (
        "（1）孕产妇死亡率控制在10/10万以下。（牵头单位：区卫生健康局）\n专栏3 巾帼创业就业工程\n"
        "1.建设100个妇女之家、50个巾帼创业示范基地。\n"
        "2.每年培训农村妇女2000人次，培育就业人员中女性占比达到30%的巾帼示范企业20家。\n"
    )
    text = plan([]).replace("（一）妇女与健康\n1. 主要目标\n", "（一）妇女与健康\n1. 主要目标\n" + box)
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    report = check_file(path, load_reference(), load_rules()).plans[0]
    assert [t.text[:6] for t in report.targets if t.domain == "health"] == ["孕产妇死亡率"]
    share = next(i for i in report.indicators if i.indicator == "women.economy.employed-female-share")
    assert share.status == "missing"
    indicators = text.replace("专栏3 巾帼创业就业工程", "专栏1 妇女健康主要指标").replace(
        "1.建设100个妇女之家、50个巾帼创业示范基地。", "1.适龄妇女宫颈癌人群筛查率达到75%以上。"
    )
    path.write_text(indicators, encoding="utf-8")
    report = check_file(path, load_reference(), load_rules()).plans[0]
    cervical = next(i for i in report.indicators if i.indicator == "women.health.cervical-screening")
    assert (cervical.status, cervical.actual) == ("stronger", "≥75%")


def test_what_the_plan_commits_to_is_judged_before_what_it_strives_for(tmp_path: Path) -> None:
    """力争达到80%，确保不低于65%: the 65% the plan commits to is judged (weaker than 70%), not the 80% it strives
    for, whichever comes first."""
    found = findings(tmp_path, plan(["适龄妇女宫颈癌人群筛查率力争达到80%，确保不低于65%。（牵头单位：区卫生健康局）"]))
    assert ("weaker-target", "error", "women.health.cervical-screening", "≥65%") in found
