"""PDF: text lines from pdfium with their positions, running heads and page numbers dropped,
ruled tables by pdfplumber's table finder.

Everything is read from pdfium (pypdfium2, which pdfplumber itself depends on): it is some 25 times
faster than pdfminer, which takes several seconds for a 90-page plan. pdfplumber only finds the
cells among the ruling lines pdfium read, on the few pages that draw enough lines to hold a table."""

from __future__ import annotations

import ctypes
import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import Any

from ..errors import unreadable
from ..models import Document, Location, ReadingNote, SourceLine
from ..text.patterns import PAGE_NUMBER
from .pdfcolumns import Char, reading_groups, rows
from .pdftables import Box, ToPage, drawing, find_tables, ruling_edges
from .txt import mostly_bad

MAX_PDF_PAGES = 2000

_ASCII_ALNUM = re.compile(r"[A-Za-z0-9]")
_BAND = 0.12  # share of the page height at the top and the bottom where running heads/feet sit
# A line ending this many characters short of the right margin still fills it: lines are not
# always justified, and a quotation mark or a number that may not be split leaves up to 2.5
# characters of space (measured on the corpus PDFs, which LibreOffice typeset).
_MARGIN_CHARS = 2.5
# A line that starts further in than this from the text's left edge is set apart (centred, or set to the right
# as a signature and its date are): reaching the right margin, it still does not run on. A paragraph's first
# line is indented two characters, a list item's a few more.
_SET_APART_CHARS = 6


_Drawn = tuple[str, float, float, float, float, float, float]  # text, box left bottom right top, origin x y (PDF space)


@dataclass
class _PdfLine:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    em: float  # the size of one character (median glyph box)
    runs_to_margin: bool = False
    column: int = 0  # on a page set in columns: 1, 2 … for a column's lines, 0 for lines across


@dataclass
class _PdfTable:
    bbox: Box
    rows: list[list[str]]


@dataclass
class _PdfPage:
    number: int
    width: float
    top: float
    bottom: float
    lines: list[_PdfLine]
    ruled: bool
    tables: list[_PdfTable]
    columns: int = 1
    blank: bool = False  # no text, but images: a scanned page among text pages


def load_pdf(path: Path, data: bytes) -> Document:
    if b"%PDF" not in data[:1024]:
        raise unreadable(path, "不是有效的 PDF 文件（缺少 %PDF 文件头），可能已损坏或扩展名有误", "not a PDF")
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        if e.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            raise unreadable(path, "PDF 已加密（受密码保护），请先取消密码后再检查", "encrypted PDF") from None
        raise unreadable(path, "PDF 文件已损坏，无法打开", "corrupt PDF") from None
    try:
        if len(pdf) > MAX_PDF_PAGES:
            raise unreadable(path, f"PDF 页数过多（超过 {MAX_PDF_PAGES} 页）", "too many pages")
        pages = [_pdfium_page(pdf, i) for i in range(len(pdf))]
    except pdfium.PdfiumError:
        raise unreadable(path, "PDF 文件已损坏，无法读取", "corrupt PDF") from None
    finally:
        pdf.close()
    _drop_running_lines(pages)
    text = "".join(line.text for page in pages for line in page.lines)
    text += "".join(cell for page in pages for table in page.tables for row in table.rows for cell in row)
    if not re.search(r"\w", text):
        raise unreadable(
            path,
            "PDF 没有文字层（可能是扫描件），请先做文字识别（OCR）或提供 Word 版",
            "no text layer; OCR needed",
        )
    if mostly_bad(text, 0.3, private_use=True):
        raise unreadable(path, "PDF 的文字无法正确提取（字体缺少编码映射），请提供 Word 版", "undecodable PDF text")
    _mark_margin_lines(pages)
    return Document(path=str(path), format="pdf", lines=_pdf_source_lines(pages), reading=_reading_notes(pages))


def _reading_notes(pages: list[_PdfPage]) -> list[ReadingNote]:
    notes = []
    if blank := [page.number for page in pages if page.blank]:
        notes.append(
            ReadingNote(
                kind="no-text-layer",
                message=f"第 {_page_list(blank)} 页没有文字层（可能是扫描页），未能读取；其余各页已读取",
                location=Location(page=blank[0]),
            )
        )
    if columns := [page.number for page in pages if page.columns > 1]:
        notes.append(
            ReadingNote(
                kind="multi-column",
                message=f"第 {_page_list(columns)} 页为多栏排版，已按先左栏后右栏的顺序读取",
                location=Location(page=columns[0]),
                incomplete=False,
            )
        )
    return notes


def _page_list(numbers: list[int]) -> str:
    """1、3、5—9"""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return "、".join(str(r[0]) if len(r) == 1 else f"{r[0]}—{r[-1]}" for r in runs)


def _pdfium_page(pdf: Any, index: int) -> _PdfPage:
    page = pdf[index]
    textpage = page.get_textpage()
    try:
        left, bottom, right, top = page.get_mediabox()
        height = top - bottom
        chars, turn = _characters(textpage, height)
        to_page = _reader(turn, height)
        if turn:  # text set at a right angle (a landscape table turned on the page): read it upright
            _, left, right, page_top, page_bottom, _ = _placed(("", left, bottom, right, top, 0, 0), to_page)
        else:
            page_top, page_bottom = height - top, height - bottom
        drawn = drawing(page.raw)
        # A table needs at least two cells; two rectangles take ten path segments.
        ruled = drawn.segments >= 8
        tables = find_tables(ruling_edges(drawn.paths, to_page), chars) if ruled else []
    finally:
        textpage.close()
        page.close()
    # The columns of a ruled table are the table reader's, not columns of text.
    groups, columns = reading_groups(chars, left, right) if not ruled else ([rows(chars)], 1)
    lines = []
    for number, group in enumerate(groups):
        column = number + 1 if columns > 1 and len(group) > 1 else 0
        for line in _group_lines(group):
            line.column = column
            lines.append(line)
    read = [table for box, cells in tables if (table := _table(box, cells))]
    lines = [line for line in lines if not any(_inside(line, table.bbox) for table in read)]
    blank = not chars and drawn.images > 0
    return _PdfPage(index + 1, right - left, page_top, page_bottom, lines, ruled, read, columns, blank)


def _characters(textpage: Any, height: float) -> tuple[list[Char], int]:
    """The page's characters as read (y measured down from the top of the media box; turned upright when
    most of the text is turned by a right angle), and that turn (0–3).

    Raw pdfium calls, as few as will do: a 90-page plan has some 60 000 characters. The text comes in
    one call; only a space may be one pdfium generated (it also adds line breaks, below 32)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    tp, count = textpage.raw, textpage.count_chars()
    buffer = (ctypes.c_ushort * (count + 1))()
    if pdfium_c.FPDFText_GetText(tp, 0, count, buffer) == count + 1:  # one UTF-16 unit a character
        codes = list(buffer)[:count]
    else:
        codes = [pdfium_c.FPDFText_GetUnicode(tp, k) for k in range(count)]
    # How the text is turned, from some hundred characters spread over the page. pdfium measures the
    # angle clockwise; turns here are counter-clockwise, as in PDF space.
    quarter = math.pi / 2
    sample = (k for k in range(0, count, count // 100 + 1) if codes[k] > 32 and not 0xD800 <= codes[k] <= 0xDFFF)
    turns = Counter(-round(pdfium_c.FPDFText_GetCharAngle(tp, k) / quarter) % 4 for k in sample)
    turn, most = turns.most_common(1)[0] if turns else (0, 0)
    turn = turn if most >= 0.6 * turns.total() else 0
    to_page = _reader(turn, height)
    generated, box, origin = (
        pdfium_c.FPDFText_IsGenerated,
        _unchecked(pdfium_c.FPDFText_GetLooseCharBox),
        _unchecked(pdfium_c.FPDFText_GetCharOrigin),
    )
    rect, x, y = pdfium_c.FS_RECTF(), ctypes.c_double(), ctypes.c_double()
    rect_p, x_p, y_p = ctypes.byref(rect), ctypes.byref(x), ctypes.byref(y)
    chars: list[Char] = []
    for k, code in enumerate(codes):
        if code < 32 or 0xD800 <= code <= 0xDFFF or (code == 32 and generated(tp, k) == 1):
            continue
        if not box(tp, k, rect_p):
            raise pdfium.PdfiumError("Failed to get charbox.")
        origin(tp, k, x_p, y_p)
        if turn:
            chars.append(_placed((chr(code), rect.left, rect.bottom, rect.right, rect.top, x.value, y.value), to_page))
        else:  # the same, quicker
            chars.append((chr(code), rect.left, rect.right, height - rect.top, height - rect.bottom, height - y.value))
    return chars, turn


def _unchecked(function: Any) -> Any:
    """The same pdfium function (same library, same calling convention) without its argument types: ctypes
    then passes the arguments as they are instead of converting each one, which halves the cost of a call
    made twice for each of a plan's 60 000 characters. Only for a function that returns an int, called with
    the right arguments."""
    return type(function)(ctypes.cast(function, ctypes.c_void_p).value)


def _reader(turn: int, height: float) -> ToPage:
    """PDF space → the page as read, y measured downwards: turned back by `turn` right angles."""
    if not turn:
        return lambda px, py: (px, height - py)
    cos, sin = ((1, 0), (0, 1), (-1, 0), (0, -1))[turn]
    return lambda px, py: (px * cos + py * sin, px * sin - py * cos)


def _placed(c: _Drawn, to_page: ToPage) -> Char:
    """A character's box and baseline on the page as read: (text, left, right, top, bottom, baseline)."""
    (x0, y0), (x1, y1) = to_page(c[1], c[2]), to_page(c[3], c[4])
    return c[0], min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1), to_page(c[5], c[6])[1]


def _group_lines(group: list[list[Char]]) -> list[_PdfLine]:
    """Each row of characters sharing a baseline is a line (a superscript stays with its line)."""
    return [line for line in map(_make_line, group) if line.text]


def _make_line(chars: list[Char]) -> _PdfLine:
    chars.sort(key=itemgetter(1))
    # a Chinese character is em wide (list comprehensions, not max() per character: a plan has 60 000)
    sizes = sorted([w if (w := c[2] - c[1]) > (h := c[4] - c[3]) else h for c in chars])
    em = max(sizes[len(sizes) // 2], 1.0)
    # a visible gap is a word space the PDF doesn't spell out; any run of white space is one space
    wide = 0.3 * em
    text = chars[0][0] + "".join(" " + b[0] if b[1] - a[2] > wide else b[0] for a, b in itertools.pairwise(chars))
    ink = [c for c in chars if not c[0].isspace()] or chars
    return _PdfLine(
        text=" ".join(text.split()),
        x0=ink[0][1],
        x1=max([c[2] for c in ink]),
        top=min([c[3] for c in ink]),
        bottom=max([c[4] for c in ink]),
        em=em,
    )


def _drop_running_lines(pages: list[_PdfPage]) -> None:
    """Drop page numbers and running heads/feet: lines set apart at the top or bottom of a page
    that look like a page number or recur (digits aside) on at least half of the pages."""

    def key(text: str) -> str:
        return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))

    gaps = sorted(b.top - a.bottom for page in pages for a, b in itertools.pairwise(page.lines))
    spacing = max(gaps[len(gaps) // 2], 0.0) if gaps else 0.0
    edges = {page.number: _edge_lines(page, spacing) for page in pages}
    counts = Counter(k for lines in edges.values() for k in {key(line.text) for line in lines})
    enough = max(2, (len(pages) + 1) // 2)
    for page in pages:
        drop = [line for line in edges[page.number] if PAGE_NUMBER.match(line.text) or counts[key(line.text)] >= enough]
        page.lines = [line for line in page.lines if not any(line is d for d in drop)]


def _edge_lines(page: _PdfPage, spacing: float) -> list[_PdfLine]:
    """The lines in the top or bottom band of the page that a wider gap than the text's usual
    line spacing separates from the body, as a running head or foot is."""
    band = _BAND * (page.bottom - page.top)
    head, foot = page.top + band, page.bottom - band
    found: list[_PdfLine] = []
    for lines, in_band in (
        (page.lines, lambda line: line.bottom <= head),
        (page.lines[::-1], lambda line: line.top >= foot),
    ):
        for i, line in enumerate(lines):
            if not in_band(line):
                break
            following = lines[i + 1] if i + 1 < len(lines) else None
            gap = max(following.top - line.bottom, line.top - following.bottom) if following else band
            if gap > spacing + 0.5 * line.em:
                found.extend(x for x in lines[: i + 1] if not any(x is f for f in found))
    return found


def _table(box: Box, cells: list[list[list[Char]]]) -> _PdfTable | None:
    rows = [[_cell_text(cell) for cell in row] for row in cells]
    rows = [row for row in rows if any(row)]
    if sum(len(row) for row in rows) < 2:  # a lone framed box is text, not a table
        return None
    return _PdfTable(box, rows)


def _cell_text(chars: list[Char]) -> str:
    """A cell's lines, re-joined where the cell wrapped them: no space between Chinese characters."""
    out = ""
    for line in _group_lines(rows(chars)):
        if _ASCII_ALNUM.match(out[-1:]) and _ASCII_ALNUM.match(line.text):
            out += " "
        out += line.text
    return out


def _inside(line: _PdfLine, bbox: Box) -> bool:
    x0, top, x1, bottom = bbox
    middle = (line.top + line.bottom) / 2
    return top <= middle <= bottom and line.x0 < x1 and line.x1 > x0


def _mark_margin_lines(pages: list[_PdfPage]) -> None:
    """A line that reaches the text's right margin, and does not start far in from its left edge, is
    continued by the next line.

    The margin is the right end of the page's longest line, or of a document-wide high
    percentile for pages of that width, whichever is further right, so a page of short
    lines (a list, the end of a chapter) isn't mistaken for full lines; the left edge likewise."""
    ends: dict[int, list[float]] = {}
    starts: dict[int, list[float]] = {}
    for page in pages:
        ends.setdefault(round(page.width), []).extend(line.x1 for line in page.lines if not line.column)
        starts.setdefault(round(page.width), []).extend(line.x0 for line in page.lines if not line.column)
    high = {width: sorted(xs)[int(0.9 * (len(xs) - 1))] for width, xs in ends.items() if xs}
    low = {width: sorted(xs)[int(0.1 * (len(xs) - 1))] for width, xs in starts.items() if xs}
    for page in pages:
        for column in {line.column for line in page.lines}:
            lines = [line for line in page.lines if line.column == column]
            margin, edge = max(line.x1 for line in lines), min(line.x0 for line in lines)
            if not column:
                margin = max(margin, high.get(round(page.width), margin))
                edge = min(edge, low.get(round(page.width), edge))
            for line in lines:
                line.runs_to_margin = (
                    line.x1 >= margin - _MARGIN_CHARS * line.em and line.x0 <= edge + _SET_APART_CHARS * line.em
                )


def _pdf_source_lines(pages: list[_PdfPage]) -> list[SourceLine]:
    out: list[SourceLine] = []
    paragraph = table_index = 0
    ending: _PdfTable | None = None  # the table that ended the page before, its rows the last lines out
    for page in pages:
        # Lines in reading order; each table before the first line below its top.
        blocks: list[_PdfLine | _PdfTable] = list(page.lines)
        for table in sorted(page.tables, key=lambda t: t.bbox[1]):
            below = (k for k, b in enumerate(blocks) if isinstance(b, _PdfLine) and b.top >= table.bbox[1])
            at = next(below, len(blocks))
            blocks.insert(at, table)
        for k, block in enumerate(blocks):
            if isinstance(block, _PdfLine):
                location = Location(page=page.number, paragraph=paragraph)
                out.append(SourceLine(text=block.text, location=location, runs_to_margin=block.runs_to_margin))
                paragraph += 1
                continue
            rows, start = block.rows, 0
            last = out[-1] if out else None
            if k == 0 and ending and last and last.cells and _goes_on(ending.bbox, last.cells, block):
                table_index, start = table_index - 1, (last.location.row or 0) + 1  # the table the page broke
                if _broken_row(last.cells, rows[0]):
                    cells = [_joined(a, b) for a, b in zip(last.cells, rows[0], strict=True)]
                    out[-1] = last.model_copy(update={"text": "\t".join(cells), "cells": cells})
                    rows = rows[1:]
            for row_index, row in enumerate(rows, start=start):
                location = Location(page=page.number, table=table_index, row=row_index)
                out.append(SourceLine(text="\t".join(row), location=location, cells=row))
            table_index += 1
        ending = blocks[-1] if blocks and isinstance(blocks[-1], _PdfTable) else None
    return out


def _goes_on(above: Box, last: list[str], below: _PdfTable) -> bool:
    """Whether the table opening a page is the rest of the table at `above` that ended the page before, its
    last row `last`: the same columns, at the same place."""
    return len(last) == len(below.rows[0]) and abs(above[0] - below.bbox[0]) <= 3 and abs(above[2] - below.bbox[2]) <= 3


def _broken_row(last: list[str], first: list[str]) -> bool:
    """Whether a table's first row on a page is the rest of its last row on the page before (Word and
    LibreOffice let a row break across pages): no cell filled that was empty above, nor the row's number
    (序号) again; at least half of the cells filled above left empty (their text fitted above)."""
    if any(b and not a for a, b in zip(last, first, strict=True)) or (re.fullmatch(r"\d{1,3}", last[0]) and first[0]):
        return False
    filled = [b for a, b in zip(last, first, strict=True) if a]
    return any(first) and 2 * sum(not b for b in filled) >= len(filled)


def _joined(top: str, rest: str) -> str:
    """A cell's text and its rest on the next page (no space between Chinese characters)."""
    space = " " if _ASCII_ALNUM.match(top[-1:]) and _ASCII_ALNUM.match(rest) else ""
    return f"{top}{space}{rest}"
