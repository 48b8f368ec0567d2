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
from test_understand import CHILDREN_TASKS, children_plan, women_plan

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


@pytest.mark.parametrize("name", [n for n in FILES if "lead_units_from" in _key(n)])
def test_lead_units_from_an_annex(name: str) -> None:
    """Every main target takes its lead unit from the annex row that restates it: no missing-lead-unit."""
    (plan,) = _review(name).plans
    main = [t for t in plan.targets if t.main and t.domain]
    assert main and all(t.lead_units for t in main)
    assert {t.units_from.heading for t in main if t.units_from} == {_key(name)["lead_units_from"]}
    assert [f for f in plan.findings if f.rule == "missing-lead-unit"] == []


# ---- the phenomena behind the misreadings, each on a small plan


def _plan(tmp_path: Path, text: str):
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return check_file(path, load_reference(), load_rules()).plans[0]


def _status(plan, indicator_id: str) -> tuple[str, str | None]:
    found = next(i for i in plan.indicators if i.indicator == indicator_id)
    return found.status, found.actual


def test_a_domain_heading_with_a_sections_word_is_still_a_domain(tmp_path: Path) -> None:
    """健全儿童福利保障机制 names 福利 and the children: a domain, though 保障机制 is also a name of 组织实施."""
    tasks = dict(CHILDREN_TASKS)
    tasks.pop("（四）完善儿童关爱服务体系")
    tasks.pop("（七）强化儿童权益司法保护")
    tasks["（四）健全儿童福利保障机制"] = "健全孤儿、事实无人抚养儿童保障制度，城乡社区儿童之家覆盖率进一步提高。"
    tasks["（七）完善儿童权益保障机制"] = "落实儿童监护制度，预防未成年人违法犯罪，禁止使用童工。"
    plan = _plan(tmp_path, children_plan(tasks))
    domains = {d.id: d.heading for d in plan.domains}
    assert (domains["welfare"], domains["law"]) == ("（四）健全儿童福利保障机制", "（七）完善儿童权益保障机制")
    assert {s.id: s.heading for s in plan.sections}["implementation"] == "四、保障措施"


def test_chapters_and_sections_nest_above_their_own_numbering(tmp_path: Path) -> None:
    """第一章 > 第一节 > 一、: a plan in chapters keeps its domains (第一节…) and their 一、主要目标 apart."""
    text = children_plan().replace("三、重点任务", "第三章 主要任务")
    for n, heading in enumerate(CHILDREN_TASKS):
        text = text.replace(heading, f"第{'一二三四五六七'[n]}节 {heading[3:]}\n一、主要目标")
    plan = _plan(tmp_path, text)
    assert {d.id: d.heading for d in plan.domains}["safety"] == "第二节织密未成年人保护网，守护儿童平安成长"
    assert _status(plan, "children.education.compulsory-retention") == ("stronger", "≥97%")


def test_female_shares_in_the_words_of_province_plans(tmp_path: Path) -> None:
    targets = {
        "妇女与经济": [
            "女性就业人数占全部就业人数的比例保持在45%左右。",
            "城镇单位女职工占职工总数的比例保持在40%左右。",
            "女性高级专业技术人员占比达到40%以上。",
        ],
        "妇女参与决策和管理": ["女性村委会成员比例达到30%以上。", "社区居委会女性成员比例保持在50%左右。"],
    }
    plan = _plan(tmp_path, women_plan(targets))
    assert _status(plan, "women.economy.employed-female-share") == ("equal", "约45%")
    assert _status(plan, "women.economy.urban-employed-female-share") == ("equal", "约40%")
    assert _status(plan, "women.economy.senior-professional-female-share") == ("equal", "≥40%")
    assert _status(plan, "women.decision.village-committee-female-share") == ("equal", "≥30%")
    assert _status(plan, "women.decision.community-committee-female-share") == ("equal", "约50%")


def test_run_in_goals_and_measures_and_units_that_answer_for_them(tmp_path: Path) -> None:
    """主要目标：…；… and 策略措施：… as paragraphs of a domain without sub-headings: the measures are not
    main targets; （县卫生健康局负责） names the lead unit."""
    tasks = dict(CHILDREN_TASKS)
    tasks["（一）提升儿童健康服务水平"] = (
        "主要目标：婴儿死亡率控制在5‰以下；适龄儿童免疫规划疫苗接种率保持在95%以上。（县卫生健康局负责）\n"
        "策略措施：加强儿童保健门诊建设，每个乡镇卫生院配备2名儿童保健医生。"
    )
    plan = _plan(tmp_path, children_plan(tasks))
    health = [t for t in plan.targets if t.domain == "health"]
    assert {t.main for t in health if t.text.startswith("策略措施")} == {False}
    assert {tuple(t.lead_units) for t in health if t.text.startswith("主要目标")} == {("县卫生健康局",)}
    assert _status(plan, "children.health.immunization") == ("stronger", "≥95%")


def test_far_term_figure_is_the_final_one(tmp_path: Path) -> None:
    plan = _plan(tmp_path, women_plan({"妇女与健康": ["适龄妇女宫颈癌人群筛查率近期达到60%，远期达到70%以上。"]}))
    assert _status(plan, "women.health.cervical-screening") == ("equal", "≥70%（2030年）")


def test_a_unit_in_brackets_after_a_name_is_no_figure() -> None:
    """孕产妇死亡率（1/10万） labels the unit: it is not a target of 1/10万 (a row of an unruled table)."""
    from checker.extract.quantities import parse_quantities

    assert parse_quantities("孕产妇死亡率（1/10万） 11 10") == []
    assert [q.value for q in parse_quantities("孕产妇死亡率（1/10万）控制在10/10万以下")] == [10]
