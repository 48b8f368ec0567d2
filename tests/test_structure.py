"""Every corpus file, in every format: both plans, their titles, all required sections and all
domains, each with its real heading. The answer key was written by reading the plans."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.classify import classify
from checker.load import load
from checker.normalize import normalize
from checker.reference import load_reference
from checker.structure import split_plans

FIXTURES = Path(__file__).parent / "fixtures"

WOMEN_DOMAINS = ["妇女与健康", "妇女与教育", "妇女与经济", "妇女参与决策和管理", "妇女与社会保障"]
CN = "一二三四五六七八"


def _numbered(names: list[str]) -> list[str]:
    return [f"（{CN[i]}）{n}" for i, n in enumerate(names)]


EXPECTED = {
    "dongchangfu": [
        (
            "women",
            "东昌府区“十四五”妇女发展规划",
            "十四五",
            "区",
            ["（一）指导思想", "（二）基本原则", "三、总体目标", "五、组织实施", "六、监测评估"],
            _numbered([*WOMEN_DOMAINS, "妇女与法律", "妇女与家庭建设", "妇女与环境"]),
        ),
        (
            "children",
            "东昌府区“十四五”儿童发展规划",
            "十四五",
            "区",
            ["（一）指导思想", "（二）基本原则", "三、总体目标", "五、组织实施", "六、监测评估"],
            _numbered(
                ["儿童与健康", "儿童与安全", "儿童与教育", "儿童与福利", "儿童与法律保护", "儿童与家庭", "儿童与环境"]
            ),
        ),
    ],
    "ruzhou": [
        (
            "women",
            "汝州市妇女发展规划（2021—2030年）",
            "2021—2030",
            "市",
            ["（一）指导思想", "（二）基本原则", "（三）总体目标", "三、组织实施", "四、监测评估"],
            _numbered([*WOMEN_DOMAINS, "妇女与家庭建设", "妇女与环境", "妇女与法律"]),
        ),
        (
            "children",
            "汝州市儿童发展规划（2021—2030年）",
            "2021—2030",
            "市",
            ["（一）指导思想", "（二）基本原则", "（三）总体目标", "三、组织实施", "四、监测评估"],
            _numbered(
                ["儿童与健康", "儿童与安全", "儿童与教育", "儿童与福利", "儿童与家庭", "儿童与环境", "儿童与法律保护"]
            ),
        ),
    ],
    "wuqing": [
        (
            "women",
            "天津市武清区妇女发展“十四五”规划",
            "十四五",
            "区",
            ["（一）指导思想", "（二）基本原则", "（三）总体目标", "三、组织实施", "四、监测评估"],
            _numbered([*WOMEN_DOMAINS, "妇女与家庭建设", "妇女与环境", "妇女与法律"]),
        ),
        (
            "children",
            "天津市武清区儿童发展“十四五”规划",
            "十四五",
            "区",
            ["（一）指导思想", "（二）基本原则", "（三）总体目标", "三、组织实施", "四、监测评估"],
            _numbered(
                ["儿童与健康", "儿童与安全", "儿童与教育", "儿童与福利", "儿童与家庭", "儿童与环境", "儿童与法律保护"]
            ),
        ),
    ],
}

SECTION_IDS = ["guiding-ideology", "principles", "overall-goals", "implementation", "monitoring"]
DOMAIN_ID = {
    "妇女与健康": "health",
    "妇女与教育": "education",
    "妇女与经济": "economy",
    "妇女参与决策和管理": "decision",
    "妇女与社会保障": "social-security",
    "妇女与家庭建设": "family",
    "妇女与环境": "environment",
    "妇女与法律": "law",
    "儿童与健康": "health",
    "儿童与安全": "safety",
    "儿童与教育": "education",
    "儿童与福利": "welfare",
    "儿童与家庭": "family",
    "儿童与环境": "environment",
    "儿童与法律保护": "law",
}


@pytest.mark.parametrize("fmt", ["txt", "docx", "pdf"])
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_structure(name: str, fmt: str) -> None:
    plans = split_plans(normalize(load(FIXTURES / f"{name}.{fmt}")))
    ref = load_reference()
    assert [(p.kind, p.title) for p in plans] == [(e[0], e[1]) for e in EXPECTED[name]]
    for plan, (kind, _, period, level, sections, domains) in zip(plans, EXPECTED[name], strict=True):
        assert (plan.period, plan.level) == (period, level)
        classified = classify(plan, ref.for_kind(kind))
        assert {s.id: s.heading for s in classified.sections} == dict(zip(SECTION_IDS, sections, strict=True))
        expected = {DOMAIN_ID[h[3:]]: h for h in domains}
        assert {d.id: d.heading for d in classified.domains} == expected


def test_word_automatic_numbering_and_no_title(tmp_path) -> None:
    """Word's automatic numbering keeps the numbers out of the text, and a draft may lack its title
    line: headings that are just a part's or a domain's name still make the structure."""
    import re

    import docx
    from test_rules import DOMAINS, plan

    text = plan(["孕产妇死亡率控制在10/10万以下。（牵头单位：区卫生健康局）"])
    lines = [
        re.sub(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\. |（\d+）)", "", ln)
        for ln in text.splitlines()
    ]
    d = docx.Document()
    for line in lines[1:]:  # no title
        d.add_paragraph(line)
    path = tmp_path / "draft.docx"
    d.save(str(path))
    (plan_,) = split_plans(normalize(load(path)))
    classified = classify(plan_, load_reference().for_kind("women"))
    assert plan_.kind == "women"
    assert all(s.found for s in classified.sections), classified.sections
    assert [d.heading for d in classified.domains] == DOMAINS


@pytest.mark.parametrize(
    ("title", "period"),
    [
        ("某某县妇女发展规划(2021-2030)", "2021—2030"),
        ("某某县妇女发展规划（2021年—2030年）", "2021—2030"),
        ("某某市儿童发展规划（2021—2030年）（征求意见稿）", "2021—2030"),
        ("某某区“十四五”妇女发展规划", "十四五"),
        ("某某镇妇女发展规划（2021—2025年）", "十四五"),
    ],
)
def test_title_variants(title: str, period: str, tmp_path) -> None:
    from test_rules import plan

    path = tmp_path / "plan.txt"
    path.write_text(plan([], title=title), encoding="utf-8")
    (found,) = split_plans(normalize(load(path)))
    assert found.period == period
    assert found.title.startswith("某某")


def test_table_of_contents_with_leaders_and_page_numbers(tmp_path) -> None:
    from test_rules import plan

    text = plan([])
    title, body = text.split("\n", 1)
    toc = (
        "目录\n一、指导思想、基本原则和总体目标……1\n二、发展领域、主要目标和策略措施……3\n"
        "三、组织实施……9\n四、监测评估……10\n"
    )
    path = tmp_path / "plan.txt"
    path.write_text(f"{title}\n{toc}{body}", encoding="utf-8")
    (found,) = split_plans(normalize(load(path)))
    assert [c.heading.title for c in found.root.children] == [
        "指导思想、基本原则和总体目标",
        "发展领域、主要目标和策略措施",
        "组织实施",
        "监测评估",
    ]


def test_domains_as_top_level_headings(tmp_path) -> None:
    """一、指导思想 … 四、妇女与健康 … 十三、监测评估: domains beside the parts, each heading on its own."""
    from test_rules import DOMAINS

    numbers = ["四", "五", "六", "七", "八", "九", "十", "十一"]
    lines = [
        "某某县妇女发展规划（2021—2030年）",
        "一、指导思想",
        "坚持以人民为中心。",
        "二、基本原则",
        "坚持男女平等。",
    ]
    lines += ["三、总体目标", "妇女全面发展。"]
    for number, name in zip(numbers, DOMAINS, strict=True):
        lines += [f"{number}、{name}", "（一）主要目标", "1．发展水平不断提高。", "（二）策略措施", "1．加强领导。"]
    lines += ["十二、组织实施", "各级政府负责。", "十三、监测评估", "开展年度监测。"]
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    (found,) = split_plans(normalize(load(path)))
    classified = classify(found, load_reference().for_kind("women"))
    assert [s.heading for s in classified.sections] == [
        "一、指导思想",
        "二、基本原则",
        "三、总体目标",
        "十二、组织实施",
        "十三、监测评估",
    ]
    assert [d.heading for d in classified.domains] == [f"{n}、{d}" for n, d in zip(numbers, DOMAINS, strict=True)]


def test_title_broken_over_two_lines(tmp_path) -> None:
    from test_rules import plan

    path = tmp_path / "plan.txt"
    path.write_text(plan([], title="某某县“十四五”妇女\n发展规划"), encoding="utf-8")
    (found,) = split_plans(normalize(load(path)))
    assert (found.title, found.period) == ("某某县“十四五”妇女发展规划", "十四五")
