"""Ruled tables in a PDF: the ruling lines are read from what the page draws, wherever the drawing is
placed (inside a form, scaled, turned a quarter on a landscape sheet), and each cell holds the text
written in it; the text around the table stays plain lines."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from plans import soffice

from checker.load import load

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

ROWS = [
    ["指标", "目标值", "牵头单位"],
    ["孕产妇死亡率", "控制在10/10万以下", "县卫生健康局"],
    ["婴儿死亡率", "控制在5‰以下", "县卫生健康局"],
    ["九年义务教育巩固率", "保持在96%以上，高中阶段教育毛入学率达到92%以上", "县教育局"],
]
BEFORE, AFTER = "专栏1 主要指标", "以上指标由各牵头单位负责落实。"


@pytest.fixture(scope="module")
def table_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A Word page with a ruled table (Table Grid) between two paragraphs, printed by LibreOffice."""
    assert SOFFICE, "LibreOffice (soffice) is needed for these tests"
    work = tmp_path_factory.mktemp("table")
    document = docx.Document()
    document.add_paragraph(BEFORE)
    table = document.add_table(rows=len(ROWS), cols=3)
    table.style = "Table Grid"
    for r, row in enumerate(ROWS):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.add_paragraph(AFTER)
    document.save(work / "table.docx")
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(work), str(work / "table.docx")],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return work / "table.pdf"


def _read(path: Path) -> tuple[list[list[str]], list[str]]:
    """The table rows (cells) and the plain lines of the file."""
    lines = load(path).lines
    return [line.cells for line in lines if line.cells], [line.text for line in lines if not line.cells]


def _placed(source: Path, target: Path, turned: bool) -> Path:
    """Each page of `source` drawn as a form on a new page, as PDF printers and imposition tools place
    pages: scaled down and moved, or turned a quarter counter-clockwise on a landscape sheet."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument(source)
    out = pdfium.PdfDocument.new()
    for index in range(len(pdf)):
        width, height = pdf[index].get_size()
        xobject = raw.FPDF_NewXObjectFromPage(out.raw, pdf.raw, index)
        form = raw.FPDF_NewFormObjectFromXObject(xobject)
        raw.FPDFPageObj_Transform(form, *((0, 1, -1, 0, height, 0) if turned else (0.8, 0, 0, 0.8, 40, 60)))
        page = out.new_page(*((height, width) if turned else (width, height)))
        raw.FPDFPage_InsertObject(page.raw, form)
        page.gen_content()
        raw.FPDF_CloseXObject(xobject)
    out.save(target)
    out.close()
    pdf.close()
    return target


def test_ruled_table_read_cell_by_cell(table_pdf: Path) -> None:
    cells, plain = _read(table_pdf)
    assert cells == ROWS  # the long cell wrapped in the PDF is one cell again, with no space put in
    assert plain == [BEFORE, AFTER]  # the table's text is not repeated as plain lines


@pytest.mark.parametrize("turned", [False, True], ids=["scaled-form", "turned-form"])
def test_ruled_table_read_wherever_the_page_is_placed(table_pdf: Path, tmp_path: Path, turned: bool) -> None:
    cells, plain = _read(_placed(table_pdf, tmp_path / "placed.pdf", turned))
    assert cells == ROWS
    assert plain == [BEFORE, AFTER]


def test_characters_read_one_by_one_when_the_bulk_text_does_not_match(
    table_pdf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page text comes in one call when it holds one unit per character; otherwise each character's
    code is asked for: the same file reads the same either way."""
    import pypdfium2.raw as pdfium_c

    expected = [(line.text, line.cells) for line in load(table_pdf).lines]
    monkeypatch.setattr(pdfium_c, "FPDFText_GetText", lambda *args: 0)
    assert [(line.text, line.cells) for line in load(table_pdf).lines] == expected


def test_a_row_broken_across_pages_is_one_row(tmp_path: Path) -> None:
    """A long Word table printed by LibreOffice, whose rows may break across pages: the rows read from the PDF
    are the Word table's rows, each whole, numbered on as one table; a row that the page ends is one of them."""
    names = [f"第{n}项指标名称写得较长需要在单元格中折成几行才能排下" * 2 for n in range(1, 31)]
    rows = [["指标名称", "2025年", "2030年", "牵头单位"]]
    rows += [[name, f"≥{60 + n}", f"≥{70 + n}", "县卫生健康局、县妇联"] for n, name in enumerate(names)]
    document = docx.Document()
    document.add_paragraph("专栏1 主要指标")
    table = document.add_table(rows=len(rows), cols=4)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.save(tmp_path / "long.docx")
    lines = [line for line in load(soffice(tmp_path / "long.docx", "pdf")).lines if line.cells]
    assert len({line.location.page for line in lines}) >= 3  # the table runs over several pages
    assert [line.cells for line in lines] == rows
    assert [(line.location.table, line.location.row) for line in lines] == [(0, k) for k in range(len(rows))]
