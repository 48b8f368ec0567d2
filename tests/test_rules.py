"""Each check kind on small crafted plans: what passes and what fails (one case per behaviour)."""

from __future__ import annotations

from pathlib import Path

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
    health_targets: list[str], *, title: str = "某某区妇女发展规划（2021—2030年）", units: str = "（牵头单位：区妇联）"
) -> str:
    """A small but complete women's plan whose 妇女与健康 targets are the given sentences."""
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
    for i, name in enumerate(DOMAINS):
        lines += [f"（{CN[i]}）{name}", "1. 主要目标"]
        targets = health_targets if i == 0 else [f"发展水平不断提高。{units}"]
        lines += [f"（{n}）{t}" for n, t in enumerate(targets, start=1)]
        lines += ["2. 策略措施", "（1）加强组织领导。"]
    lines += ["三、组织实施", "（一）加强组织领导。各级政府负责。", "四、监测评估", "（一）开展年度监测。"]
    return "\n".join(lines) + "\n"


def findings(tmp_path: Path, text: str, reference: str = "national-2021-2030") -> list[tuple]:
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    doc = check_file(path, load_reference(reference), load_rules())
    return [(f.rule, f.severity, f.indicator, f.actual) for f in doc.plans[0].findings]


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
    some = plan(["孕产妇死亡率控制在10/10万以下。（牵头单位：区卫生健康局）", "艾滋病母婴传播率下降到2%以下。"])
    per_target = [f for f in findings(tmp_path, some) if f[0] == "missing-lead-unit"]
    assert per_target == [("missing-lead-unit", "warning", None, "未注明")]
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
