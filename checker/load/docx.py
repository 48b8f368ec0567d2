"""Word .docx: body paragraphs, text boxes and table rows in document order, with their styles.

The text is read as it reads with tracked changes accepted (insertions in, deletions out); a file
that still holds pending revisions gets a reading note saying how many and by whom. Comments are
not plan text and are not read. Automatic numbering is written before the text it numbers
(numbering.py). Table cells are read on the table's grid, so a cell merged
across columns (gridSpan) or a header set over two rows does not shift the columns."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ..errors import unreadable
from ..models import Document, Location, ReadingNote, SourceLine
from .numbering import Numbering

if TYPE_CHECKING:
    import docx.document

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# Text of a paragraph: the runs it shows, wherever they nest (hyperlinks, fields, content
# controls, tracked insertions), but not deleted runs, the text boxes it anchors (read after it,
# where they stand) or the fallback copies of drawings. $depth is how many text boxes hold the
# paragraph itself. python-docx's Paragraph.text skips runs nested in w:ins, w:sdt, w:fldSimple …
_RUN_CONTENT = (
    ".//w:r[not(ancestor::w:del or ancestor::w:moveFrom or ancestor::mc:Fallback)]"
    "[count(ancestor::w:txbxContent) = $depth]/*[self::w:t or self::w:tab or self::w:br or self::w:cr"
    " or self::w:noBreakHyphen]"
)
_REVISIONS = (f"{_W}ins", f"{_W}del", f"{_W}moveFrom", f"{_W}moveTo")


def load_docx(path: Path, data: bytes, fmt: Literal["docx", "doc"]) -> Document:
    from .zipguard import ZipRefused, check_docx

    try:
        check_docx(data)
    except ZipRefused as e:
        raise unreadable(path, e.cn, e.en) from None
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        lines = list(_docx_lines(document))
    except Exception as e:
        raise unreadable(
            path, "文件已损坏或不是 Word 文档，无法打开", f"unreadable .docx: {type(e).__name__}"
        ) from None
    if not lines:
        raise unreadable(path, "文件为空（文档中没有文字）", "empty document")
    return Document(path=str(path), format=fmt, lines=lines, reading=_revision_notes(document.element.body))


def _revision_notes(body: Any) -> list[ReadingNote]:
    """A note on the tracked changes still pending: how many, and by whom."""
    revisions = [e for e in body.iter(*_REVISIONS)]
    if not revisions:
        return []
    authors = sorted({e.get(f"{_W}author") or "未署名" for e in revisions})
    return [
        ReadingNote(
            kind="tracked-changes",
            message=f"文件中还有 {len(revisions)} 处未处理的修订（修订人：{'、'.join(authors)}），"
            "已按接受全部修订后的文字审核；定稿前请处理修订",
            incomplete=False,
        )
    ]


def _docx_lines(document: docx.document.Document) -> Iterator[SourceLine]:
    """Body paragraphs and table rows in document order.

    `paragraph` counts the body's own paragraphs, as `document.paragraphs` does. Paragraphs
    inside a block content control (w:sdt) are not counted there; they get the index of the
    next counted paragraph, which is where a reader finds them."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.table import Table

    styles = {s.style_id: s.name for s in document.styles if s.type == WD_STYLE_TYPE.PARAGRAPH}
    default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    default_name = default.name if default is not None else None

    def blocks(container: Any, depth: int, body: bool = True) -> Iterator[SourceLine]:
        """`depth`: text boxes around; `body`: paragraphs counted as the body's (not those of a boxed cell)."""
        nonlocal paragraph, table
        for element, counted in _body_blocks(container):
            if element.tag == f"{_W}p":
                number = numbering.label(element)  # counted even on an empty paragraph, as Word does
                text = _paragraph_text(element, depth)
                if text.strip():
                    text = number + text
                    style_ref = element.find(f"{_W}pPr/{_W}pStyle")
                    style = styles.get(style_ref.get(f"{_W}val")) if style_ref is not None else None
                    yield SourceLine(text=text, location=Location(paragraph=paragraph), style=style or default_name)
                for box in _text_boxes(element):  # what a text box or shape anchored here holds
                    yield from blocks(box, depth + 1)
                if counted and depth == 0 and body:
                    paragraph += 1
            else:
                cells = element.findall(f"{_W}tr/{_W}tc")
                if len(cells) == 1:  # a box drawn as a one-cell table (专栏): its paragraphs are text, as a text box's
                    yield from blocks(cells[0], depth, body=False)
                else:
                    yield from _table_lines(Table(element, document), table, depth)
                table += 1

    paragraph = table = 0
    numbering = Numbering.of(document)
    yield from blocks(document.element.body, 0)


def _text_boxes(p: Any) -> list[Any]:
    """The text boxes anchored in paragraph p (not those nested in them, not fallback copies)."""
    boxes = []
    for box in p.iter(f"{_W}txbxContent"):
        parent = box.getparent()
        while parent is not None and parent is not p and parent.tag not in (f"{_W}txbxContent", f"{_MC}Fallback"):
            parent = parent.getparent()
        if parent is p:
            boxes.append(box)
    return boxes


def _body_blocks(container: Any) -> Iterator[tuple[Any, bool]]:
    for child in container.iterchildren(f"{_W}p", f"{_W}tbl", f"{_W}sdt"):
        if child.tag == f"{_W}sdt":
            for content in child.iterchildren(f"{_W}sdtContent"):
                yield from ((element, False) for element, _ in _body_blocks(content))
        else:
            yield child, True


def _table_lines(table: Any, index: int, depth: int = 0) -> Iterator[SourceLine]:
    """One SourceLine a row, one cell a column of the table's grid. A cell merged across columns
    gives its text to each of them; columns that no row divides are one column; a header over
    two rows (目标值 above 2025年 | 2030年) becomes one row (目标值2025年 | 目标值2030年). `depth`: how
    many text boxes hold the table (a 专栏 drawn in a text box)."""
    grid: list[list[tuple[str, Any, bool]]] = []
    for tr in table._tbl.iterchildren(f"{_W}tr"):
        grid.append(_grid_row(tr, grid[-1] if grid else [], depth))
    width = max((len(row) for row in grid), default=0)
    for row in grid:
        row.extend([("", None, False)] * (width - len(row)))
    # A boundary between grid columns c-1 and c is kept if some row has a cell starting at c.
    starts = [0] + [c for c in range(1, width) if any(row[c][1] is not row[c - 1][1] for row in grid)]
    rows = [[row[c] for c in starts] for row in grid]
    row_index = 0
    while row_index < len(rows):
        cells, used = rows[row_index], 1
        below = rows[row_index + 1] if row_index + 1 < len(rows) else None
        if below is not None and _two_row_header(cells, below):
            texts = [
                top if cont or not bottom or bottom == top else top + bottom
                for (top, _, _), (bottom, _, cont) in zip(cells, below, strict=True)
            ]
            used = 2
        else:
            texts = [text for text, _, _ in cells]
        if len({id(tc) for _, tc, _ in cells}) == 1 and len(cells) > 1:
            texts = texts[:1]  # one cell across the table: a caption or a category line
        if any(t.strip() for t in texts):
            yield SourceLine(text="\t".join(texts), location=Location(table=index, row=row_index), cells=texts)
        row_index += used


def _grid_row(tr: Any, above: list[tuple[str, Any, bool]], depth: int = 0) -> list[tuple[str, Any, bool]]:
    """(text, the w:tc it comes from, whether it continues the cell above) per grid column; a
    cell merged with the one above (vMerge) repeats its text, as a reader sees it."""
    out: list[tuple[str, Any, bool]] = []
    before = tr.find(f"{_W}trPr/{_W}gridBefore")
    out += [("", None, False)] * int(before.get(f"{_W}val", "0") if before is not None else 0)
    for tc in tr.iterchildren(f"{_W}tc"):
        span = tc.find(f"{_W}tcPr/{_W}gridSpan")
        merge = tc.find(f"{_W}tcPr/{_W}vMerge")
        continues = merge is not None and merge.get(f"{_W}val", "continue") == "continue"
        text = above[len(out)][0] if continues and len(out) < len(above) else _cell_text(tc, depth)
        out += [(text, tc, continues)] * max(int(span.get(f"{_W}val", "1")) if span is not None else 1, 1)
    return out


def _two_row_header(top: list[tuple[str, Any, bool]], below: list[tuple[str, Any, bool]]) -> bool:
    """A header row with a cell over several columns that the row below divides into headings,
    the other columns of that row continuing the cells above or empty."""
    split = False
    for k in range(1, len(top)):
        if top[k][1] is top[k - 1][1] and top[k][1] is not None and below[k][1] is not below[k - 1][1]:
            split = True
    if not split or any(re.search(r"\d", t) and "年" not in t for t, _, _ in below):
        return False
    spans = {
        id(tc)
        for k, (_, tc, _) in enumerate(top)
        if tc is not None and any(top[j][1] is tc for j in range(len(top)) if j != k)
    }
    return all(cont or not text or id(top[k][1]) in spans for k, (text, _, cont) in enumerate(below))


def _cell_text(tc: Any, depth: int = 0) -> str:
    parts = []
    for element, _ in _body_blocks(tc):
        if element.tag == f"{_W}p":
            parts.append(_paragraph_text(element, depth))
        else:  # a nested table: its rows, cells separated by tabs
            parts.extend(
                "\t".join(_cell_text(cell, depth) for cell in tr.iterchildren(f"{_W}tc"))
                for tr in element.iterchildren(f"{_W}tr")
            )
    return "\n".join(parts)


@cache
def _run_content_xpath() -> Any:
    from lxml import etree

    return etree.XPath(
        _RUN_CONTENT,
        namespaces={
            "w": _W[1:-1],
            "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
        },
    )


def _paragraph_text(p: Any, depth: int = 0) -> str:
    parts = []
    for element in _run_content_xpath()(p, depth=depth):
        tag = element.tag
        if tag == f"{_W}t":
            parts.append(element.text or "")
        elif tag == f"{_W}tab":
            parts.append("\t")
        elif tag == f"{_W}noBreakHyphen":
            parts.append("-")
        elif element.get(f"{_W}type") not in ("page", "column"):  # w:br, w:cr
            parts.append("\n")
    return "".join(parts)
