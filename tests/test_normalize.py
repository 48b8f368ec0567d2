"""Normalization and structure on arbitrary text: never a crash, only plans or a clear InputError."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.errors import InputError
from checker.models import Document, Location, SourceLine
from checker.normalize import normalize
from checker.normalize.webpage import page_paragraphs
from checker.structure import split_plans

# Text made of the pieces plans are made of, so the interesting paths are reached.
PIECES = [
    "一、",
    "（二）",
    "3.",
    "（4）",
    "①",
    "主要目标：",
    "策略措施",
    "目录",
    "妇女与健康",
    "儿童与安全",
    "指导思想",
    "某某县妇女发展规划（2021—2030年）",
    "某某区儿童发展“十四五”规划",
    "孕产妇死亡率",
    "控制在",
    "12/10万",
    "以下",
    "达到",
    "95%",
    "分别",
    "和",
    "、",
    "，",
    "。",
    "；",
    "（牵头单位：区卫生健康局）",
    "　　",
    "  ",
    "\t",
    "８５％",
    "(",
    ")",
    "序号",
    "2025年",
]
texts = st.lists(st.sampled_from(PIECES) | st.text(max_size=5), max_size=40).map("".join)


@settings(max_examples=150, deadline=None)
@given(st.lists(texts, max_size=30), st.booleans())
def test_normalize_and_structure_never_crash(lines: list[str], as_table: bool) -> None:
    doc = Document(
        path="x.txt",
        format="txt",
        lines=[
            SourceLine(text=t, location=Location(line=i + 1), cells=t.split("、") if as_table and i % 3 == 0 else None)
            for i, t in enumerate(lines)
        ],
    )
    text = normalize(doc)
    assert all(p.text or p.cells is not None for p in text.paragraphs)
    try:
        plans = split_plans(text)
    except InputError as e:
        assert str(e) and "\n" not in str(e)
    else:
        assert plans and all(p.kind in ("women", "children") for p in plans)


@settings(max_examples=150, deadline=None)
@given(texts)
def test_page_paragraphs_lose_no_words(line: str) -> None:
    """Cutting a one-line page apart keeps every character of the cleaned text, in order. (Half-width
    ，；：！？ become full-width beside Chinese, so a cut may change their width, never drop them.)"""
    from checker.text.chars import clean

    width = str.maketrans("，；：！？", ",;:!?")
    joined = "".join(page_paragraphs(line)).replace(" ", "").translate(width)
    assert joined == clean(line)[0].replace(" ", "").translate(width)


FURNITURE = [
    "当前位置：首页 > 政务公开 > 规划计划",
    "发布时间：2022-03-18 10:21",
    "来源：县妇儿工委办公室",
    "浏览次数：1024",
    "字号：大 中 小",
    "【字体：大 中 小】",
    "分享到：",
    "【打印】【关闭】",
    "扫一扫在手机打开当前页",
]
PLAN_LINES = ["某某县妇女发展规划（2021—2030年）", "一、指导思想", "坚持男女平等基本国策。"]


def test_web_furniture_dropped_as_lines_and_cut_out_of_one_line_pages() -> None:
    """The same furniture words, one list: a line of its own is dropped; inside a page that lost its line
    breaks the word and what follows it (a breadcrumb, a date, a count) are cut out, the plan's words kept."""
    lines = [*FURNITURE, *PLAN_LINES]
    doc = Document(
        path="x.txt",
        format="txt",
        lines=[SourceLine(text=t, location=Location(line=i + 1)) for i, t in enumerate(lines)],
    )
    assert [p.text for p in normalize(doc).paragraphs] == PLAN_LINES
    page = "\u3000\u3000".join([*FURNITURE[:5], *PLAN_LINES, *FURNITURE[5:]])
    assert page_paragraphs(page) == PLAN_LINES


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=6).map("".join))
def test_one_pattern_for_the_line_openers(line: str) -> None:
    """The line openers tried as one pattern answer as each of them tried in turn (the same flags)."""
    from checker.normalize import _OPENERS, _OPENS

    assert bool(_OPENS.match(line)) == any(p.match(line) for p in _OPENERS)
    assert len({p.flags for p in _OPENERS}) == 1


def test_a_heading_that_ends_several_pages_of_a_pdf_copy_is_no_running_foot() -> None:
    """In text copied out of a PDF, a line recurring beside the page numbers is a running head, but not a
    heading such as 策略措施： that happened to end three pages: the measures under it stay measures. A
    running head above a table is dropped, and so is the same head where it breaks a table, and the header
    set as 2025 年 (a digit and an ideograph spaced apart) is still the table's header."""
    text = []
    for page in (3, 4, 5):
        text += ["（1）孕产妇死亡率控制在10/10万以下。", "策略措施：", f"— {page} —", "某某县人民政府办公室文件"]
    text += ["附件", "序号 指标名称 单位 2025 年 2030 年 牵头单位", "1 婴儿死亡率 ‰ 5.5 5 县卫生健康局"]
    text += ["— 6 —", "某某县人民政府办公室文件", "2 新生儿死亡率 ‰ 3.5 3 县卫生健康局"]
    lines = [SourceLine(text=t, location=Location(line=k + 1)) for k, t in enumerate(text)]
    paragraphs = normalize(Document(path="t.txt", format="txt", lines=lines)).paragraphs
    assert [p.text for p in paragraphs].count("策略措施：") == 3
    assert not any("办公室文件" in p.text for p in paragraphs)
    assert [p.cells for p in paragraphs if p.cells] == [
        ["序号", "指标名称", "单位", "2025年", "2030年", "牵头单位"],
        ["1", "婴儿死亡率", "‰", "5.5", "5", "县卫生健康局"],
        ["2", "新生儿死亡率", "‰", "3.5", "3", "县卫生健康局"],
    ]
