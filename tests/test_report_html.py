"""The HTML review page, read back with the standard library's HTML parser."""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime
from html.parser import HTMLParser

import jinja2
import pytest
from report_sample import ATTRIBUTE_BREAKER, SCRIPT, hostile_report, sample_report

from checker.labels import VERDICT_NAMES
from checker.models import DocumentReport, Location, PlanReport, Report
from checker.report.html import (
    Excerpt,
    _environment,
    render_html,
    split_excerpt,
)
from checker.resources import data_dir

GENERATED = datetime(2025, 11, 23, 14, 5)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str | None]
    parent: Element | None = None
    children: list[Element | str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self):
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Element]:
        return [e for e in self.iter() if (tag is None or e.tag == tag) and (cls is None or cls in e.classes)]

    def find(self, tag: str | None = None, cls: str | None = None) -> Element:
        found = self.find_all(tag, cls)
        assert found, f"no <{tag or '*'} class={cls}>"
        return found[0]


class TreeBuilder(HTMLParser):
    """Builds a tree and insists on well-formed markup: every element closed, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]
        self.doctype: str | None = None

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = [name for name, _ in attrs]
        assert len(names) == len(set(names)), f"duplicate attribute in <{tag} {attrs}>"
        element = Element(tag, dict(attrs), self.stack[-1])
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        assert tag not in VOID, f"</{tag}>"
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(html: str) -> Element:
    builder = TreeBuilder()
    builder.feed(html)
    builder.close()
    assert builder.stack == [builder.root], "unclosed elements: " + ", ".join(e.tag for e in builder.stack[1:])
    assert builder.doctype is not None and builder.doctype.lower() == "doctype html"
    return builder.root


@pytest.fixture(scope="module")
def report() -> Report:
    return sample_report()


@pytest.fixture(scope="module")
def html(report: Report) -> str:
    return render_html(report, generated=GENERATED)


@pytest.fixture(scope="module")
def page(html: str) -> Element:
    return parse(html)


@pytest.fixture(scope="module")
def hostile_html() -> str:
    return render_html(hostile_report(), generated=GENERATED)


def plan_sections(page: Element) -> list[Element]:
    return page.find_all("section", "plan")


def test_one_html_document(page: Element) -> None:
    assert len(page.find_all("html")) == 1
    assert len(page.find_all("head")) == 1
    assert len(page.find_all("body")) == 1
    root = page.find("html")
    assert root.attrs["lang"] == "zh-CN"
    assert page.find("meta").attrs.get("charset") == "utf-8"
    assert page.find("title").text().startswith("衔接审核意见")


def test_self_contained(html: str, page: Element) -> None:
    external = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
    for element in page.iter():
        for name in ("src", "href", "action", "xlink:href", "srcset", "poster", "data"):
            value = element.attrs.get(name)
            if value is not None:
                assert not external.match(value), f"<{element.tag} {name}={value!r}>"
                assert value.startswith("#"), f"<{element.tag} {name}={value!r}> leaves the page"
    assert not page.find_all("link")
    assert not page.find_all("img")
    assert not page.find_all("iframe")
    scripts = page.find_all("script")
    assert len(scripts) == 1 and "src" not in scripts[0].attrs
    assert scripts[0].text().strip(), "the script is inlined"
    styles = page.find_all("style")
    assert len(styles) == 1
    assert "@import" not in styles[0].text()
    assert not re.search(r"url\(\s*['\"]?(?!data:)", styles[0].text())
    assert "http://" not in styles[0].text() + scripts[0].text()
    assert "https://" not in html


def test_csp_admits_exactly_the_inline_blocks(page: Element) -> None:
    csp = next(
        m.attrs["content"] for m in page.find_all("meta") if m.attrs.get("http-equiv") == "Content-Security-Policy"
    )
    assert "default-src 'none'" in csp

    def source(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    assert f"script-src {source(page.find('script').text())}" in csp
    assert f"style-src {source(page.find('style').text())}" in csp


def test_header(page: Element, report: Report) -> None:
    header = page.find("header", "doc-header")
    text = header.text()
    assert report.documents[0].path in text
    assert report.reference.name in text and report.reference.version in text
    for source in report.reference.sources:
        assert source in text
    assert "2025年11月23日 14:05" in text
    assert page.find("time").attrs["datetime"] == "2025-11-23T14:05"
    assert f"{report.tool.name} {report.tool.version}" in text
    rows = header.find_all("tr", "plan-summary")
    assert [r.find("a").text() for r in rows] == [p.title for p in report.documents[0].plans]
    cells = [[c.text() for c in r.find_all("td")] for r in rows]
    assert cells[0][1:] == ["妇女", "2021—2030", "区", "需修改", "2", "4", "1"]
    assert cells[1][1:] == ["儿童", "2021—2030", "区", "符合", "0", "0", "1"]
    assert "错误 2" in header.find("caption").text()


def test_verdict_per_plan(page: Element) -> None:
    sections = plan_sections(page)
    assert len(sections) == 2
    verdicts = [s.find("div", "verdict-box") for s in sections]
    assert [v.find("strong", "verdict").text() for v in verdicts] == ["需修改", "符合"]
    assert "verdict-fail" in verdicts[0].classes and "verdict-pass" in verdicts[1].classes


def test_finding_cards_match_findings(page: Element, report: Report) -> None:
    plans = report.documents[0].plans
    cards = page.find_all("article", "finding")
    assert len(cards) == sum(len(p.findings) for p in plans)
    for section, plan in zip(plan_sections(page), plans, strict=True):
        section_cards = section.find_all("article", "finding")
        assert sorted(c.attrs["data-rule"] for c in section_cards) == sorted(f.rule for f in plan.findings)
        for card in section_cards:
            severity = card.attrs["data-severity"]
            assert card.find("span", "badge").text() == {"error": "错误", "warning": "警告", "info": "提示"}[severity]
    ids = [c.attrs["id"] for c in cards]
    assert len(ids) == len(set(ids))


def test_findings_grouped_by_domain(page: Element) -> None:
    women = plan_sections(page)[0]
    groups = women.find_all("section", "finding-group")
    names = [g.find("h4").children[0] for g in groups]
    assert names == ["结构与综合", "妇女与健康", "妇女与经济", "妇女参与决策和管理", "妇女与社会保障"]
    general = groups[0].find_all("article", "finding")
    assert [c.attrs["data-rule"] for c in general] == ["missing-section"]
    health = [c.attrs["data-severity"] for c in groups[1].find_all("article", "finding")]
    assert health == ["error", "warning"], "errors first within a group"
    children = plan_sections(page)[1]
    assert [g.find("h4").children[0] for g in children.find_all("section", "finding-group")] == ["儿童与健康"]


def test_finding_card_content(page: Element) -> None:
    card = next(c for c in page.find_all("article", "finding") if "孕产妇死亡率" in c.find("p", "message").text())
    assert card.find("code", "rule").text() == "weaker-target"
    assert card.find("div", "expected").find("span", "value").text() == "≤12/10万（2030年）"
    assert card.find("div", "actual-value").find("span", "value").text() == "≤15/10万（2030年）"
    location = card.find("p", "location").text()
    assert "（一）妇女与健康" in location and "第15段" in location
    assert "中国妇女发展纲要（2021—2030年）" in card.find("p", "wording").text()
    suggestion = card.find("div", "suggestion")
    assert suggestion.find("p", "suggest-text").text() == "孕产妇死亡率下降到12/10万以下，城乡、区域差距缩小。"
    button = suggestion.find("button", "copy")
    assert button.text() == "复制" and button.attrs.get("type") == "button"

    table_cell = next(c for c in page.find_all("article", "finding") if c.attrs["data-rule"] == "missing-lead-unit")
    assert "表3第5行第2列" in table_cell.find("p", "location").text()


def test_highlight_wraps_the_actual_number(page: Element) -> None:
    cards = {c.find("p", "message").text()[:6]: c for c in page.find_all("article", "finding")}
    mmr = cards["孕产妇死亡率"].find("blockquote", "excerpt")
    assert [m.text() for m in mmr.find_all("mark")] == ["15/10万"]
    assert mmr.text() == "规划原文孕产妇死亡率控制在15/10万以下，城乡、区域差距缩小。"
    hiv = cards["艾滋病母婴传"].find("blockquote", "excerpt")
    assert [m.text() for m in hiv.find_all("mark")] == ["3%"], "3 inside 2025 is not the quantity"
    unquantified = next(c for c in page.find_all("article", "finding") if c.attrs["data-rule"] == "unquantified-target")
    assert not unquantified.find_all("mark"), "nothing to highlight without an actual value"


def test_target_table_has_one_row_per_indicator(page: Element, report: Report) -> None:
    for section, plan in zip(plan_sections(page), report.documents[0].plans, strict=True):
        rows = section.find("table", "targets").find_all("tr", "target-row")
        assert len(rows) == len(plan.indicators)
        assert [r.attrs["data-status"] for r in rows] == [i.status for i in plan.indicators]
        assert [r.attrs["data-domain"] for r in rows] == [i.domain for i in plan.indicators]
        for row, indicator in zip(rows, plan.indicators, strict=True):
            cells = row.find_all("td")
            assert len(cells) == 6
            assert indicator.name in cells[1].text()
            assert cells[2].text() == indicator.expected
            assert cells[3].text() == (indicator.actual or "—")
        no_match = section.find("tr", "no-match")
        assert "hidden" in no_match.attrs


def test_target_table_labels_and_controls(page: Element) -> None:
    women = plan_sections(page)[0]
    rows = women.find_all("tr", "target-row")
    statuses = {r.attrs["data-status"]: r.find_all("td")[4].text() for r in rows}
    assert statuses == {
        "weaker": "弱于上级",
        "equal": "与上级一致",
        "uncertain": "待人工确认",
        "stronger": "严于上级",
        "unquantified": "未量化",
        "missing": "缺失",
    }
    filters = women.find("div", "filters")
    assert "hidden" in filters.attrs, "controls appear only when the script runs"
    status_options = [o.attrs["value"] for o in filters.find("select", "filter-status").find_all("option")]
    assert status_options == ["", "stronger", "equal", "weaker", "unquantified", "missing", "uncertain"]
    domain_options = [o.text() for o in filters.find("select", "filter-domain").find_all("option")]
    assert domain_options == [
        "全部",
        "妇女与健康",
        "妇女与教育",
        "妇女与经济",
        "妇女参与决策和管理",
        "妇女与社会保障",
        "妇女与环境",
    ]
    assert filters.find("input", "filter-text").attrs["type"] == "search"
    headers = women.find("table", "targets").find_all("button", "sort")
    assert [h.text() for h in headers] == ["领域", "指标", "上级要求", "本规划", "状态", "规划原文"]
    weaker = next(r for r in rows if r.attrs["data-status"] == "weaker")
    assert weaker.find("mark").text() == "15/10万"
    assert weaker.find("a", "to-finding").attrs["href"] == "#plan-1-finding-1"


def test_coverage_chart(page: Element) -> None:
    women, children = plan_sections(page)
    svg = women.find("svg")
    assert svg.attrs["role"] == "img"
    assert svg.find("title").text().endswith("各领域上级量化指标衔接情况")
    assert "上级量化指标共14项" in svg.find("desc").text()
    health = next(g for g in svg.find_all("g", "chart-row") if g.attrs["data-domain"] == "health")
    segments = {r.attrs["class"].split()[1]: r.find("title").text() for r in health.find_all("rect")}
    assert segments == {
        "seg-met": "妇女与健康 · 达到或严于上级：1项",
        "seg-weaker": "妇女与健康 · 弱于上级：1项",
        "seg-uncertain": "妇女与健康 · 待人工确认：1项",
    }
    family = next(g for g in svg.find_all("g", "chart-row") if g.attrs["data-domain"] == "family")
    assert "无上级量化指标" in family.text()
    assert [li.text() for li in women.find("ul", "legend").find_all("li")] == [
        "达到或严于上级",
        "弱于上级",
        "未量化",
        "缺失",
        "待人工确认",
    ]
    sections = {li.text() for li in women.find("ul", "sections").find_all("li", "absent")}
    assert sections == {"✗监测评估：未设"}
    assert not children.find("ul", "sections").find_all("li", "absent")


def test_hostile_text_is_escaped(hostile_html: str) -> None:
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in hostile_html
    assert "<script>alert" not in hostile_html
    assert "<img" not in hostile_html
    page = parse(hostile_html)
    assert len(page.find_all("script")) == 1
    for element in page.iter():
        assert not any(name.startswith("on") for name in element.attrs), f"<{element.tag} {element.attrs}>"
    women = plan_sections(page)[0]
    assert women.find("h2").text() == f"{SCRIPT}青河区妇女发展规划（2021—2030年）"
    card = women.find_all("article", "finding")[1]
    assert card.find("blockquote", "excerpt").text().startswith(f"规划原文{SCRIPT}孕产妇死亡率")
    assert card.find("mark").text() == "15/10万"
    assert card.find("p", "location").text() == f"位置{ATTRIBUTE_BREAKER} · 第15段"
    rows = women.find_all("tr", "target-row")
    assert rows[0].find("span", "quote").text().startswith(SCRIPT)
    assert rows[-1].attrs["data-domain"] == ATTRIBUTE_BREAKER
    assert rows[-1].attrs["data-indicator"] == SCRIPT
    options = [o.attrs["value"] for o in women.find("select", "filter-domain").find_all("option")]
    assert ATTRIBUTE_BREAKER in options


def test_empty_document() -> None:
    report = sample_report()
    report.documents.append(DocumentReport(path="通知.txt", format="txt", plans=[]))
    page = parse(render_html(report, document_index=1, generated=GENERATED))
    assert "未在本文件中识别出" in page.find("p", "notice").text()
    assert not plan_sections(page)


def test_plan_without_indicators_or_findings() -> None:
    plan = PlanReport(
        kind="children",
        title="某镇儿童发展规划",
        location=Location(line=1),
        sections=[],
        domains=[],
        targets=[],
        indicators=[],
        findings=[],
    )
    report = sample_report()
    report.documents[0].plans = [plan]
    page = parse(render_html(report, generated=GENERATED))
    section = plan_sections(page)[0]
    assert section.find("strong", "verdict").text() == "符合"
    assert "未发现问题" in section.find("p", "notice").text()
    assert not section.find_all("tr", "target-row")
    no_match = section.find("tr", "no-match")
    assert "hidden" not in no_match.attrs and "无对应的上级量化指标" in no_match.text()
    assert "期限：未注明" in section.find("p", "plan-meta").text()


def test_document_index_out_of_range(report: Report) -> None:
    with pytest.raises(IndexError):
        render_html(report, document_index=1)


def test_generated_defaults_to_now(report: Report) -> None:
    html = render_html(report)
    assert f"{datetime.now().year}年" in html


@pytest.mark.parametrize(
    ("text", "actual", "expected"),
    [
        (
            "孕产妇死亡率控制在15/10万以下",
            "≤15/10万（2030年）",
            Excerpt("孕产妇死亡率控制在", "15/10万", "以下"),
        ),
        ("到2025年下降到3%以下", "≤3%（2025年）", Excerpt("到2025年下降到", "3%", "以下")),
        ("到2025年降至13%和3%", "≤3%", Excerpt("到2025年降至13%和", "3%", "")),
        ("城镇比例达到40%左右。", "40%左右（2030年）", Excerpt("城镇比例达到", "40%左右", "。")),
        ("参保率稳定在95以上", "≥95%", Excerpt("参保率稳定在", "95", "以上")),
        ("2030年达到30%", "30", Excerpt("2030年达到", "30", "%")),
        ("持续下降。", "持续下降", Excerpt("", "持续下降", "。")),
        ("女性就业比例保持合理水平", None, Excerpt("女性就业比例保持合理水平", "", "")),
        ("比例达到12.5%", "≥2.5%", Excerpt("比例达到12.5%", "", "")),
    ],
)
def test_split_excerpt(text: str, actual: str | None, expected: Excerpt) -> None:
    result = split_excerpt(text, actual)
    assert result == expected
    assert result.before + result.match + result.after == text


def test_templates_and_environment() -> None:
    folder = data_dir("reports")
    assert (folder / "review.html.j2").is_file()
    assert (folder / "review.css").is_file() and (folder / "review.js").is_file()
    environment = _environment()
    assert environment is _environment()
    assert environment.autoescape is True
    template = environment.from_string("{{ value }}")
    assert template.render(value="<b>") == "&lt;b&gt;"
    with pytest.raises(jinja2.UndefinedError):
        template.render()


@pytest.mark.parametrize("name", ["dongchangfu.docx", "crafted/reworded_headings.docx"])
def test_review_of_a_real_plan(name: str) -> None:
    """The review of a checked corpus file: one card per finding, one row per indicator, verdicts."""
    from pathlib import Path

    from checker.pipeline import check_file, report_for
    from checker.reference import load_reference
    from checker.rules import load_rules

    ref = load_reference()
    doc = check_file(Path(__file__).parent / "fixtures" / name, ref, load_rules())
    page = parse(render_html(report_for([doc], ref), 0, GENERATED))
    assert len(page.find_all("article", "finding")) == sum(len(p.findings) for p in doc.plans)
    assert len(page.find_all("tr", "target-row")) == sum(len(p.indicators) for p in doc.plans)
    verdicts = [v.text() for v in page.find_all("strong", "verdict")]
    assert verdicts == [VERDICT_NAMES[p.verdict] for p in doc.plans]
    assert [p.verdict for p in doc.plans] == (["fail"] if "crafted" in name else ["pass-with-warnings"] * 2)
