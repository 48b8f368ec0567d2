"""Word .docx: body paragraphs and table rows in document order, with their styles."""

from __future__ import annotations

import io
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ..errors import unreadable
from ..models import Document, Location, SourceLine

if TYPE_CHECKING:
    import docx.document

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Text of a paragraph: the runs it shows, wherever they nest (hyperlinks, fields, content
# controls, tracked insertions), but not deleted runs, text boxes or the fallback copies of
# drawings. python-docx's Paragraph.text skips runs nested in w:ins, w:sdt, w:fldSimple …
_RUN_CONTENT = (
    ".//w:r[not(ancestor::w:del or ancestor::w:moveFrom or ancestor::w:txbxContent"
    " or ancestor::mc:Fallback)]/*[self::w:t or self::w:tab or self::w:br or self::w:cr"
    " or self::w:noBreakHyphen]"
)


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
    return Document(path=str(path), format=fmt, lines=lines)


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
    paragraph = table = 0
    for element, counted in _body_blocks(document.element.body):
        if element.tag == f"{_W}p":
            text = _paragraph_text(element)
            if text.strip():
                style_ref = element.find(f"{_W}pPr/{_W}pStyle")
                style = styles.get(style_ref.get(f"{_W}val")) if style_ref is not None else None
                yield SourceLine(text=text, location=Location(paragraph=paragraph), style=style or default_name)
            if counted:
                paragraph += 1
        else:
            yield from _table_lines(Table(element, document), table)
            table += 1


def _body_blocks(container: Any) -> Iterator[tuple[Any, bool]]:
    for child in container.iterchildren(f"{_W}p", f"{_W}tbl", f"{_W}sdt"):
        if child.tag == f"{_W}sdt":
            for content in child.iterchildren(f"{_W}sdtContent"):
                yield from ((element, False) for element, _ in _body_blocks(content))
        else:
            yield child, True


def _table_lines(table: Any, index: int) -> Iterator[SourceLine]:
    for row_index, row in enumerate(table.rows):
        cells: list[Any] = []
        for cell in row.cells:  # python-docx repeats a merged cell once per grid column it spans
            if not any(cell is seen for seen in cells):
                cells.append(cell)
        texts = [_cell_text(cell._tc) for cell in cells]
        if any(t.strip() for t in texts):
            yield SourceLine(text="\t".join(texts), location=Location(table=index, row=row_index), cells=texts)


def _cell_text(tc: Any) -> str:
    parts = []
    for element, _ in _body_blocks(tc):
        if element.tag == f"{_W}p":
            parts.append(_paragraph_text(element))
        else:  # a nested table: its rows, cells separated by tabs
            parts.extend(
                "\t".join(_cell_text(cell) for cell in tr.iterchildren(f"{_W}tc"))
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


def _paragraph_text(p: Any) -> str:
    parts = []
    for element in _run_content_xpath()(p):
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
