"""Layouts a fresh review of the readers found unread, each on the small plan of test_layouts.py: a
table row whose lead unit is written in its target cell, a sign set apart from its figure in a
table copied as text, a 专栏 table drawn in a text box, a value cell merged across 2025/2030, a Word
paragraph typed as lines (Shift+Enter), and Word's automatic numbering."""

from __future__ import annotations

import random
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from test_layouts import LINES, PLAN, same_review
from variants import review
from variants_office import docx_breaks, docx_numbering, drawing_textbox_xml, indicator_table_xml

from checker.load import load
from checker.load.numbering import _chinese, _format
from checker.pipeline import check_file
from checker.reference import load_reference
from checker.rules import load_rules

GOALS = slice(10, 13)  # the three health targets of the small plan
ROWS = [  # (name, value, 指标属性, 牵头单位) stating what LINES[GOALS] state
    ("孕产妇死亡率（1/10万）", "≤10", "约束性", "县卫生健康局"),
    ("适龄妇女宫颈癌人群筛查率", "≥70%", "预期性", "县卫生健康局"),
    ("艾滋病母婴传播率（%）", "≤2", "约束性", "县卫生健康局"),
]


@pytest.fixture(scope="module")
def expected(tmp_path_factory: pytest.TempPathFactory) -> dict:
    path = tmp_path_factory.mktemp("plain") / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    result = review(path)
    assert ("women.health.hiv-mtct", "equal", "≤2%") in result[("women", "2021—2030")]["indicators"]
    return result


def _docx(before: list[str], xml: str | None, after: list[str], path: Path, in_box: bool = False) -> Path:
    document = docx.Document()
    for line in before:
        document.add_paragraph(line)
    if xml and in_box:
        document.add_paragraph()._p.append(parse_xml(drawing_textbox_xml(xml, "专栏1 妇女与健康主要指标")))
    elif xml:
        document.element.body.sectPr.addprevious(parse_xml(xml))
    for line in after:
        document.add_paragraph(line)
    document.save(path)
    return path


def _targets(path: Path) -> list:
    report = check_file(path, load_reference("national-2021-2030"), load_rules())
    return [t for plan in report.plans for t in plan.targets]


def test_lead_unit_note_in_the_target_cell_of_a_table(tmp_path: Path, expected: dict) -> None:
    """序号 | 主要目标 | 牵头单位, the unit column left empty and the note written after the target."""
    document = docx.Document()
    for line in LINES[: GOALS.start]:
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ("序号", "主要目标", "牵头单位"), strict=True):
        cell.text = text
    for n, line in enumerate(LINES[GOALS], start=1):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = str(n), line.split("）", 1)[1]  # the note stays in the target cell
    for line in LINES[GOALS.stop :]:
        document.add_paragraph(line)
    path = tmp_path / "note-in-cell.docx"
    document.save(path)
    same_review(path, expected)
    row = next(t for t in _targets(path) if "宫颈癌" in t.text)
    assert row.lead_units == ["县卫生健康局"] and row.responsible_units == ["县妇联"]
    assert "牵头" not in row.text


def test_indicator_table_unit_in_name_and_note_in_name_cell(tmp_path: Path) -> None:
    """…巩固率（%）（牵头单位：…） | ≥96: the unit from the name, the lead unit from its note."""
    xml = indicator_table_xml([("九年义务教育巩固率（%）（牵头单位：县教育局）", "≥96", "约束性", "")], False)
    path = _docx(LINES[:17], xml, LINES[19:], tmp_path / "unit-in-name.docx")
    row = next(t for t in _targets(path) if "巩固率" in t.text)
    assert row.lead_units == ["县教育局"]
    assert [(q.comparator, q.value, q.unit) for q in row.quantities] == [(">=", 96, "%")]


def test_sign_set_apart_from_its_figure_in_a_table_copied_as_text(tmp_path: Path, expected: dict) -> None:
    table = ["类别 序号 指标名称 2030年规划值 指标属性 牵头单位"]
    table += [
        f"{n} {name} {value[0]} {value[1:]} {attr} {units}" for n, (name, value, attr, units) in enumerate(ROWS, 1)
    ]
    path = tmp_path / "apart.txt"
    path.write_text("\n".join(LINES[: GOALS.start] + table + LINES[GOALS.stop :]), encoding="utf-8")
    assert "≥ 70%" in path.read_text(encoding="utf-8")
    same_review(path, expected)


def test_indicator_table_in_a_text_box(tmp_path: Path, expected: dict) -> None:
    """A 专栏 drawn in a DrawingML text box, with the VML copy Word keeps beside it: read once."""
    xml = indicator_table_xml(ROWS, two_stages=False)
    path = _docx(LINES[: GOALS.start], xml, LINES[GOALS.stop :], tmp_path / "box.docx", in_box=True)
    rows = [line.cells for line in load(path).lines if line.cells]
    assert [r[1] for r in rows] == ["指标名称"] + [name for name, *_ in ROWS]  # once, not twice
    same_review(path, expected)


def test_value_cell_merged_across_both_stages_is_one_target(tmp_path: Path, expected: dict) -> None:
    """目标值 over 2025年 | 2030年, each value cell merged across both: one value, not staged."""
    xml = indicator_table_xml(ROWS, two_stages=True)
    path = _docx(LINES[: GOALS.start], xml, LINES[GOALS.stop :], tmp_path / "grid.docx")
    assert [line.cells for line in load(path).lines if line.cells][1][2:4] == ["≤10", "≤10"]
    same_review(path, expected)
    row = next(t for t in _targets(path) if "孕产妇" in t.text)
    assert [(q.value, q.year) for q in row.quantities] == [(10, None)]


def test_word_paragraph_typed_as_lines(tmp_path: Path, expected: dict) -> None:
    path = tmp_path / "breaks.docx"
    docx_breaks(LINES, random.Random(3), path)
    assert len(docx.Document(path).paragraphs) < len(LINES) / 2
    same_review(path, expected)


def test_word_automatic_numbering(tmp_path: Path, expected: dict) -> None:
    path = tmp_path / "numbering.docx"
    docx_numbering(LINES, path)
    assert all(not p.text.startswith(("一、", "（", "1.")) for p in docx.Document(path).paragraphs)
    texts = [line.text for line in load(path).lines]
    assert texts[1] == "一、\t指导思想" and "（二）\t妇女与教育" in texts
    assert "（3）\t艾滋病母婴传播率下降到2%以下。（牵头单位：县卫生健康局）" in texts
    assert "2.\t策略措施" in texts
    same_review(path, expected)


def test_numbering_formats() -> None:
    assert [_chinese(n) for n in (1, 10, 11, 20, 21, 99)] == ["一", "十", "十一", "二十", "二十一", "九十九"]
    assert [_format(3, f) for f in ("decimal", "chineseCountingThousand", "ideographTraditional", "lowerLetter")] == [
        "3",
        "三",
        "丙",
        "c",
    ]
    assert _format(4, "upperRoman") == "IV" and _format(2, "decimalEnclosedCircle") == "②"


def test_big_web_archive_refused_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A web archive past its size, or whose page is past a page's, is refused before it is parsed
    (a 90 MB archive holding a 66 MB page took 2 GB and a minute)."""
    import base64

    import checker.load
    import checker.load.html
    from checker.errors import InputError

    page = base64.encodebytes(
        ("<html><body>" + "<p>孕产妇死亡率控制在10/10万以下。</p>" * 400 + "</body></html>").encode()
    )
    path = tmp_path / "plan.mht"
    path.write_bytes(
        b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="B"\r\n\r\n--B\r\n'
        b"Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" + page + b"\r\n--B--\r\n"
    )
    assert load(path).lines  # read at the real limits
    monkeypatch.setattr(checker.load.html, "MAX_PAGE_BYTES", 10_000)
    with pytest.raises(InputError, match="网页存档中的网页过大"):
        load(path)
    monkeypatch.setattr(checker.load, "MAX_ARCHIVE_BYTES", 10_000)
    with pytest.raises(InputError, match="文件过大"):
        load(path)
