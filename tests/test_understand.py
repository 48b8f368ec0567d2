"""Plans in the words counties really use (issue 13): parts, domains and targets found by meaning,
on small plans written for each phenomenon. Each plan is made with `children_plan`/`women_plan`
from the parts that differ; the rest is a plain, complete plan."""

from __future__ import annotations

from pathlib import Path

from plans import docx_with_table

from checker.load import load
from checker.models import DocumentReport, PlanReport
from checker.normalize import normalize
from checker.pipeline import check_file
from checker.reference import load_reference
from checker.rules import load_rules
from checker.structure import split_plans

GENERAL = [
    "二、总体思路",
    "（一）指导思想",
    "以习近平新时代中国特色社会主义思想为指导，坚持以人民为中心的发展思想。",
    "（二）基本原则",
    "坚持党的全面领导，坚持统筹兼顾。",
    "（三）主要目标",
    "到2030年，发展环境更加优化，合法权益得到更好保障。",
]
CLOSING = [
    "四、保障措施",
    "（一）加强组织领导",
    "县政府负责规划实施，各成员单位按职责分工落实。",
    "五、统计监测与评估",
    "（一）开展年度监测",
    "建立健全统计监测制度。",
]
CHILDREN_TASKS = {
    "（一）提升儿童健康服务水平": "新生儿、婴儿和5岁以下儿童死亡率分别控制在3.0‰、5.0‰和6.0‰以下。"
    "（牵头单位：县卫生健康局）",
    "（二）织密未成年人保护网，守护儿童平安成长": "儿童伤害死亡率以2020年为基数下降20%。加强防溺水、交通安全教育，"
    "预防和处置学生欺凌，防止网络沉迷。（牵头单位：县教育局）",
    "（三）办好人民满意的教育": "九年义务教育巩固率保持在97%以上。（牵头单位：县教育局）",
    "（四）完善儿童关爱服务体系": "健全孤儿、事实无人抚养儿童保障制度，城乡社区儿童之家覆盖率进一步提高，"
    "开通儿童保护热线。（牵头单位：县民政局）",
    "（五）营造和睦家庭环境，促进儿童健康成长": "发挥家庭立德树人第一所学校作用，注重家教家风，"
    "80%的村（社区）建立家长学校。（牵头单位：县妇联）",
    "（六）推进儿童友好城市建设": "建设儿童友好社区，增加公益性儿童校外活动场所。（牵头单位：县发展改革局）",
    "（七）强化儿童权益司法保护": "落实儿童监护制度，预防未成年人违法犯罪，禁止使用童工。（牵头单位：县法院）",
}
PAST = [
    "一、发展基础",
    "（一）儿童健康水平稳步提高",
    "2020年，全县婴儿死亡率为4.5‰。",
    "（二）儿童教育事业全面发展",
    "全县学前教育毛入园率达到88%。",
    "（三）儿童安全环境不断改善",
    "儿童伤害死亡率有所下降。",
]


def children_plan(tasks: dict[str, str] | None = None, title: str = "某某县儿童发展规划（2021—2030年）") -> str:
    """A children's plan whose domains are action phrases under 三、重点任务, after a 发展基础 part."""
    lines = [title, *PAST, *GENERAL, "三、重点任务"]
    for heading, body in (tasks or CHILDREN_TASKS).items():
        lines += [heading, body]
    return "\n".join([*lines, *CLOSING]) + "\n"


WOMEN_DOMAINS = {
    "妇女与健康": "孕产妇死亡率控制在10/10万以下。",
    "妇女与教育": "九年义务教育巩固率达到97%以上。",
    "妇女与经济": "就业人员中的女性比例保持在45%左右。",
    "妇女参与决策和管理": "村委会成员中女性比例达到30%以上。",
    "妇女与社会保障": "妇女基本养老保险参保率达到95%以上。",
    "妇女与家庭建设": "倡导男女共担家务，弘扬家庭美德。",
    "妇女与环境": "农村自来水普及率达到92%。",
    "妇女与法律": "有效预防和制止家庭暴力。",
}


def women_plan(targets: dict[str, list[str]] | None = None, title: str = "某某县妇女发展规划（2021—2030年）") -> str:
    """A women's plan with the usual 发展领域 part; `targets` replaces a domain's 主要目标 items."""
    lines = [title, *GENERAL, "三、发展领域、主要目标和策略措施"]
    for n, (name, target) in enumerate(WOMEN_DOMAINS.items()):
        lines += [f"（{'一二三四五六七八'[n]}）{name}", "1.主要目标"]
        items = (targets or {}).get(name, [target])
        lines += [f"（{i}）{t}（牵头单位：县妇联）" for i, t in enumerate(items, start=1)]
        lines += ["2.策略措施", "（1）加强组织领导。"]
    return "\n".join([*lines, *CLOSING]) + "\n"


def review(tmp_path: Path, text: str) -> DocumentReport:
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return check_file(path, load_reference(), load_rules())


def headings(plan: PlanReport) -> tuple[dict[str, str | None], dict[str, str | None]]:
    return {s.id: s.heading for s in plan.sections}, {d.id: d.heading for d in plan.domains}


def indicator(plan: PlanReport, indicator_id: str):
    return next(i for i in plan.indicators if i.indicator == indicator_id)


# ---- parts and domains


def test_action_phrase_domains_under_key_tasks(tmp_path: Path) -> None:
    """Domains named by action phrases under 三、重点任务 are found by what they speak of; the
    sub-headings of 发展基础 describe the past and are not the plan's domains; 主要目标 in the
    general part is the 总体目标, 保障措施 the 组织实施, 统计监测与评估 the 监测评估."""
    plan = review(tmp_path, children_plan()).plans[0]
    sections, domains = headings(plan)
    assert sections == {
        "guiding-ideology": "（一）指导思想",
        "principles": "（二）基本原则",
        "overall-goals": "（三）主要目标",
        "implementation": "四、保障措施",
        "monitoring": "五、统计监测与评估",
    }
    assert domains == dict(
        zip(["health", "safety", "education", "welfare", "family", "environment", "law"], CHILDREN_TASKS, strict=True)
    )
    assert not [f for f in plan.findings if f.rule in ("missing-domain", "missing-section")]


def test_a_body_about_drowning_and_bullying_is_safety_whatever_its_title(tmp_path: Path) -> None:
    tasks = dict(CHILDREN_TASKS)
    tasks.pop("（二）织密未成年人保护网，守护儿童平安成长")
    tasks = {
        "（二）筑牢成长防线": "排查消除溺水隐患，推广使用儿童安全座椅，预防和处置学生欺凌，防止网络沉迷。",
        **tasks,
    }
    _, domains = headings(review(tmp_path, children_plan(tasks)).plans[0])
    assert domains["safety"] == "（二）筑牢成长防线"
    assert domains["law"] == "（七）强化儿童权益司法保护"


def test_the_past_part_alone_is_not_taken_for_domains(tmp_path: Path) -> None:
    """Without real domains, the 发展基础 sub-headings naming 健康, 教育, 安全 are still not domains."""
    text = children_plan({"（一）加强组织建设": "建立工作机制。", "（二）完善工作制度": "健全工作制度。"})
    plan = review(tmp_path, text).plans[0]
    assert not any(d.found for d in plan.domains)


def test_overall_goals_as_only_an_indicator_table(tmp_path: Path) -> None:
    """A plan whose goals are only an indicator table of the whole plan has its 总体目标 there; the
    table's 指标属性 is carried into the review, and the table's row wins over a sentence."""

    text = women_plan().replace(
        "（三）主要目标\n到2030年，发展环境更加优化，合法权益得到更好保障。\n", "（三）主要指标\n"
    )
    text = text.replace("孕产妇死亡率控制在10/10万以下。", "孕产妇死亡率控制在11/10万以下。")
    rows = [("指标名称", "2030年目标值", "指标属性"), ("孕产妇死亡率（1/10万）", "<9", "约束性")]
    path = tmp_path / "plan.docx"
    docx_with_table(text, "（三）主要指标", rows, path)
    plan = check_file(path, load_reference(), load_rules()).plans[0]
    sections, _ = headings(plan)
    assert sections["overall-goals"] == "（三）主要指标（指标表）"
    result = indicator(plan, "women.health.maternal-mortality")
    assert (result.status, result.actual, result.binding) == ("stronger", "<9/10万", "约束性")


# ---- order and framing


def test_combined_plan_is_reviewed_as_both_kinds(tmp_path: Path) -> None:
    """《…妇女儿童发展纲要》 holding both kinds of domain: two reviews from the one document, each with
    its own domains; the umbrella 指导思想、基本原则和主要目标 stands for all three parts."""
    women = [
        f"{'一二三四五六七八'[n]}、{name}\n（一）主要目标\n1.{t}" for n, (name, t) in enumerate(WOMEN_DOMAINS.items())
    ]
    children = [
        "一、儿童与健康\n（一）主要目标\n1.新生儿、婴儿和5岁以下儿童死亡率分别控制在3.0‰、5.0‰和6.0‰以下。",
        "二、儿童与安全\n（一）主要目标\n1.儿童伤害死亡率以2020年为基数下降20%。",
        "三、儿童与教育\n（一）主要目标\n1.学前教育毛入园率达到92%。",
        "四、儿童与福利\n（一）主要目标\n1.城乡社区儿童之家覆盖率进一步提高。",
        "五、儿童与家庭\n（一）主要目标\n1.90%的城市社区和85%的农村社区建立家长学校。",
        "六、儿童与环境\n（一）主要目标\n1.建设儿童友好社区。",
        "七、儿童与法律保护\n（一）主要目标\n1.落实儿童监护制度。",
    ]
    text = "\n".join(
        [
            "《某某县妇女儿童发展纲要（2021—2030年）》",
            "第一部分 总体要求",
            "一、指导思想、基本原则和主要目标",
            "坚持男女平等基本国策和儿童优先原则，到2030年，妇女儿童全面发展。",
            "第二部分 妇女发展",
            *women,
            "第三部分 儿童发展",
            *children,
            "第四部分 组织实施",
            "一、加强组织领导",
            "县政府负责。",
            "第五部分 监测评估",
            "一、开展监测",
            "建立监测制度。",
        ]
    )
    doc = review(tmp_path, text + "\n")
    assert [(p.kind, p.title, p.period) for p in doc.plans] == [
        ("women", "某某县妇女儿童发展纲要（2021—2030年）", "2021—2030"),
        ("children", "某某县妇女儿童发展纲要（2021—2030年）", "2021—2030"),
    ]
    women_plan_, children_plan_ = doc.plans
    assert all(s.found for p in doc.plans for s in p.sections)
    assert [d.heading for d in women_plan_.domains] == [
        f"{'一二三四五六七八'[n]}、{name}" for n, name in enumerate(WOMEN_DOMAINS)
    ]
    assert all(d.heading and "儿童" in d.heading for d in children_plan_.domains)
    assert indicator(women_plan_, "women.health.maternal-mortality").actual == "≤10/10万"
    assert indicator(children_plan_, "children.family.parent-school-urban").actual == "≥90%"  # item 1., not 1.90%


def test_children_first_notice_last_and_a_title_over_two_lines(tmp_path: Path) -> None:
    notice = [
        "某某县人民政府关于印发某某县妇女发展规划和儿童发展规划的通知",
        "各乡镇人民政府，县政府各部门：",
        "现将《某某县妇女发展规划》《某某县儿童发展规划》印发给你们，请认真贯彻执行。",
        "某某县人民政府",
        "2022年1月5日",
    ]
    women = women_plan(title="某某县妇女发展规划\n（2021—2030年）")
    path = tmp_path / "plans.txt"
    path.write_text(children_plan() + women + "\n".join(notice) + "\n", encoding="utf-8")
    plans = split_plans(normalize(load(path)))
    assert [(p.kind, p.title, p.period) for p in plans] == [
        ("children", "某某县儿童发展规划（2021—2030年）", "2021—2030"),
        ("women", "某某县妇女发展规划（2021—2030年）", "2021—2030"),
    ]
    last = plans[1].root.children[-1]
    assert not any("通知" in p.text or "贯彻执行" in p.text for n in (last, *last.children) for p in n.paragraphs)


def test_a_title_in_book_marks_and_a_development_outline(tmp_path: Path) -> None:
    doc = review(tmp_path, women_plan(title="《某某县妇女发展纲要（2021—2030年）》"))
    assert [(p.kind, p.title) for p in doc.plans] == [("women", "某某县妇女发展纲要（2021—2030年）")]


# ---- names and values


def test_names_that_differ_from_the_outline(tmp_path: Path) -> None:
    targets = {
        "妇女与教育": ["女童九年义务教育巩固率达到97%以上。"],
        "妇女与经济": ["从业人员中女性比例保持在45%左右。"],
        "妇女参与决策和管理": ["村委成员中女性比例达到30%以上。"],
    }
    plan = review(tmp_path, women_plan(targets)).plans[0]
    assert indicator(plan, "women.education.compulsory-retention").actual == "≥97%"
    assert indicator(plan, "women.economy.employed-female-share").status == "equal"
    assert indicator(plan, "women.decision.village-committee-female-share").status == "equal"
    tasks = dict(CHILDREN_TASKS)
    tasks["（一）提升儿童健康服务水平"] = (
        "5岁以下儿童贫血患病率控制在8%以下，以乡镇（街道）为单位纳入国家免疫规划的疫苗接种率保持在95%以上。"
    )
    tasks["（三）办好人民满意的教育"] = "学前三年毛入园率达到92%，普惠性幼儿园覆盖率达到85%以上。"
    plan = review(tmp_path, children_plan(tasks)).plans[0]
    assert indicator(plan, "children.health.anemia").actual == "≤8%"
    assert indicator(plan, "children.health.immunization").actual == "≥95%"
    # another indicator's figure in the same sentence is not the 毛入园率's
    assert indicator(plan, "children.education.preschool-enrollment").actual == "≥92%"


def test_a_typo_in_a_name_is_read_but_never_accused(tmp_path: Path) -> None:
    plan = review(tmp_path, women_plan({"妇女与健康": ["孕产妇死忙率控制在10/10万以下。"]})).plans[0]
    result = indicator(plan, "women.health.maternal-mortality")
    assert (result.status, result.actual) == ("stronger", "≤10/10万")
    assert "相近" in (result.note or "")
    plan = review(tmp_path, women_plan({"妇女与健康": ["孕产妇死忙率控制在15/10万以下。"]})).plans[0]
    assert indicator(plan, "women.health.maternal-mortality").status == "uncertain"
    assert not [f for f in plan.findings if f.rule == "weaker-target"]


def test_not_the_indicators_own_value_is_uncertain_with_the_reason(tmp_path: Path) -> None:
    """A subgroup (农村适龄妇女, 公有制事业单位), another measure (参保人数) or an absolute rate against a
    reduction: never meeting, beating or falling short of the national value."""
    targets = {
        "妇女与健康": ["农村适龄妇女宫颈癌筛查率达到60%以上。"],
        "妇女与经济": ["就业人员中的女性比例保持在45%左右。", "公有制事业单位高级专业技术人员女性比例达到35%。"],
        "妇女与社会保障": ["妇女基本养老保险参保人数达到50万人。"],
    }
    plan = review(tmp_path, women_plan(targets)).plans[0]
    for indicator_id, why in [
        ("women.health.cervical-screening", "部分人群"),
        ("women.economy.senior-professional-female-share", "部分人群"),
        ("women.social-security.pension-insurance", "单位"),
    ]:
        result = indicator(plan, indicator_id)
        assert result.status == "uncertain" and why in (result.note or ""), indicator_id
    assert not [f for f in plan.findings if f.rule == "weaker-target"]
    tasks = dict(CHILDREN_TASKS)
    tasks["（二）织密未成年人保护网，守护儿童平安成长"] = "儿童意外伤害死亡率控制在15/10万以下，防止溺水和交通事故。"
    plan = review(tmp_path, children_plan(tasks)).plans[0]
    assert indicator(plan, "children.safety.injury-mortality-reduction").status == "uncertain"


def test_two_stage_targets_and_comparators(tmp_path: Path) -> None:
    targets = {
        "妇女与健康": [
            "到2025年和2030年，孕产妇死亡率分别控制在11/10万以下和10/10万以下。",
            "适龄妇女宫颈癌人群筛查率不低于70%。",
            "艾滋病母婴传播率<2%。",
        ],
        "妇女与教育": ["九年义务教育巩固率＞96%。", "高中阶段毛入学率达到92%。"],
        "妇女与经济": ["就业人员中的女性比例45%左右。"],
    }
    plan = review(tmp_path, women_plan(targets)).plans[0]
    read = {i.indicator: (i.status, i.actual) for i in plan.indicators if i.status != "missing"}
    assert read["women.health.maternal-mortality"] == ("stronger", "≤10/10万（2030年）")
    assert read["women.health.cervical-screening"] == ("equal", "≥70%")
    assert read["women.health.hiv-mtct"] == ("equal", "<2%")
    assert read["women.education.compulsory-retention"] == ("equal", ">96%")
    assert read["women.education.high-school-enrollment"] == ("equal", "≥92%")  # a bare value is "at least"
    assert read["women.economy.employed-female-share"] == ("equal", "约45%")


def test_a_share_of_villages_covers_urban_and_rural(tmp_path: Path) -> None:
    plan = review(tmp_path, children_plan()).plans[0]
    for indicator_id in ("children.family.parent-school-urban", "children.family.parent-school-rural"):
        assert (indicator(plan, indicator_id).status, indicator(plan, indicator_id).actual) == ("weaker", "≥80%")


def _children_docx(tmp_path: Path, after: str, rows: list[tuple[str, ...]]) -> PlanReport:
    """`children_plan()` as a Word file with a table after the line `after`, checked."""
    path = tmp_path / "plan.docx"
    docx_with_table(children_plan(), after, rows, path)
    return check_file(path, load_reference(), load_rules()).plans[0]


def test_a_change_named_once_holds_for_every_stage_column(tmp_path: Path) -> None:
    """儿童伤害死亡率较2020年下降（%） | 10 | 20: both stages are changes from 2020, and the 2030 one meets the
    outline; the 2025 one is no reason to call the target weaker."""
    header = ("指标名称", "2025年", "2030年", "牵头单位")
    row = ("儿童伤害死亡率较2020年下降（%）", "10", "20", "县应急管理局")
    plan = _children_docx(tmp_path, "（二）织密未成年人保护网，守护儿童平安成长", [header, row])
    result = indicator(plan, "children.safety.injury-mortality-reduction")
    assert (result.status, result.actual) == ("equal", "比2020年下降20%以上（2030年）")
    assert not [f for f in plan.findings if f.indicator == result.indicator]


def test_a_final_value_not_compared_leaves_the_stage_unjudged() -> None:
    """A plan's 2030 value in a unit that cannot be compared: the target is uncertain, not judged weaker by
    its 2025 stage (which the 2030 value may well meet)."""
    from checker.compare import _judge
    from checker.models import Quantity

    indicators = load_reference().for_kind("children").indicators()
    ind = next(i for i in indicators if i.id == "children.safety.injury-mortality-reduction")
    stage = Quantity(comparator=">=", value=10, unit="% below 2020", year=2025, text="10%", span=(0, 3))
    final = Quantity(comparator="=", value=20, unit="人", year=2030, text="20人", span=(4, 7))
    status, judged, note, _ = _judge(ind, [stage, final], 2030)
    assert (status, judged) == ("uncertain", final) and "未作比较" in note


def test_a_paragraph_labelled_as_measures_sets_no_main_target(tmp_path: Path) -> None:
    """Under a domain heading with no headings for its parts: the goal paragraph is its main target, a
    paragraph opening 措施：… a measure whose figures are secondary; neither repeats the domain in its path."""
    heading = "（一）提升儿童健康服务水平"
    tasks = {
        **CHILDREN_TASKS,
        heading: CHILDREN_TASKS[heading] + "\n措施：加强社区儿童健康管理，0—6岁儿童健康管理率保持在95%以上。",
    }
    plan = review(tmp_path, children_plan(tasks)).plans[0]
    health = [t for t in plan.targets if t.domain == "health"]
    assert {t.text[:3]: t.main for t in health} == {"新生儿": True, "措施：": False}
    assert all(t.location.heading == f"三、重点任务 > {heading}" for t in health)


def test_a_figure_in_the_indicators_unit_is_preferred_to_a_table_row_without_one(tmp_path: Path) -> None:
    """A summary table's row wins over a sentence, unless its figure carries no unit the indicator's converts
    to (a bare ≥96 in a table without a unit column): then the sentence saying 97% is the reading compared."""

    text = women_plan().replace(
        "（三）主要目标\n到2030年，发展环境更加优化，合法权益得到更好保障。\n", "（三）主要指标\n"
    )
    rows = [("指标名称", "2030年目标值"), ("九年义务教育巩固率", "≥96")]
    path = tmp_path / "plan.docx"
    docx_with_table(text, "（三）主要指标", rows, path)
    plan = check_file(path, load_reference(), load_rules()).plans[0]
    result = indicator(plan, "women.education.compulsory-retention")
    assert (result.status, result.actual) == ("stronger", "≥97%")


def test_main_targets_beside_the_overall_goals_under_one_heading(tmp_path: Path) -> None:
    """二、总体要求 > （三）总体目标 （四）主要目标: the general 总体目标 is a slogan, the figures are under 主要目标
    beside it; they are read (a plan stating every figure there had been failed with 0/18)."""
    figures = "到2030年，学前教育毛入园率达到92%以上，高中阶段毛入学率达到93%以上。"
    text = children_plan().replace(
        "（三）主要目标\n到2030年，发展环境更加优化，合法权益得到更好保障。\n",
        f"（三）总体目标\n到2030年，发展环境更加优化，合法权益得到更好保障。\n（四）主要目标\n{figures}\n",
    )
    plan = review(tmp_path, text).plans[0]
    read = {i.indicator: (i.status, i.actual) for i in plan.indicators}
    assert read["children.education.preschool-enrollment"] == ("stronger", "≥92%（2030年）")
    assert read["children.education.high-school-enrollment"] == ("stronger", "≥93%（2030年）")


def test_the_indicators_named_before_pair_with_the_figures_after_and_a_stage_is_not_judged_alone(
    tmp_path: Path,
) -> None:
    """到2025年…88%…91%；到2030年，上述指标分别达到92%和93%以上: 上述指标 are the indicators named before, paired
    with the figures in order, and judged by their 2030 values. Where they cannot be paired (a figure fewer),
    the 2025 stage is not judged weaker in their stead: the target is left uncertain."""
    heading = "（三）办好人民满意的教育"
    stages = "到2025年，学前教育毛入园率达到88%，高中阶段毛入学率达到91%；"

    def education(final: str) -> PlanReport:
        tasks = {**CHILDREN_TASKS, heading: f"{stages}{final}（牵头单位：县教育局）"}
        return review(tmp_path, children_plan(tasks)).plans[0]

    plan = education("到2030年，上述指标分别达到92%和93%以上。")
    assert indicator(plan, "children.education.preschool-enrollment").actual == "≥92%（2030年）"
    assert indicator(plan, "children.education.high-school-enrollment").actual == "≥93%（2030年）"
    plan = education("到2030年，上述两项指标分别达到92%以上。")  # one figure for two names: not paired
    preschool = indicator(plan, "children.education.preschool-enrollment")
    assert preschool.status == "uncertain" and "2030年" in (preschool.note or "")
    assert not [f for f in plan.findings if f.rule == "weaker-target" and "education" in (f.indicator or "")]
