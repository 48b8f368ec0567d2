"""A checked Word file as a package, and where each of its paragraphs is.

Acceptances read the drafter's comments from it and annotation writes the checker's comments into a
copy of it; both need the paragraphs at the locations the loader gave (counted as `docx.py` counts
them), and a way to find a sentence when a location alone does not say where it is."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from ..errors import unreadable
from ..models import Location
from ..text.chars import clean
from .docx import _W, _body_blocks, _paragraph_text

_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
MAX_BYTES = 100 * 1024 * 1024


@dataclass(frozen=True)
class Place:
    """One w:p element and the location the loader gives its text."""

    element: Any
    location: Location
    text: str
    in_textbox: bool = False

    @cached_property
    def key(self) -> str:
        return text_key(self.text)


def word_package(path: Path) -> tuple[bytes, bool]:
    """The file's Word package: the .docx itself, or (True) the .docx LibreOffice makes of a
    .doc/.wps/.rtf/.odt (the loader's conversion of the same bytes, cached, so not made twice)."""
    from . import office
    from .zipguard import ZipRefused, check_docx

    try:
        if path.stat().st_size > MAX_BYTES:
            raise unreadable(path, "文件过大", "file too large")
        data = path.read_bytes()
    except OSError as e:
        raise unreadable(path, "读取文件时出错", f"read error: {e.strerror}") from None
    converted = not data.startswith(b"PK") or path.suffix.lower() == ".odt"
    if converted:
        data = office.to_docx(path, data)
    try:
        check_docx(data)
    except ZipRefused as e:
        raise unreadable(path, e.cn, e.en) from None
    return data, converted


def places(document: Any) -> list[Place]:
    """Every paragraph of a python-docx Document's body, in document order, with its location:
    body paragraphs by their index, table cells by table/row/cell, text boxes by the paragraph
    that holds them (flagged, since their text is not that paragraph's)."""
    from docx.table import Table

    found: list[Place] = []
    paragraph = table = 0
    for element, counted in _body_blocks(document.element.body):
        if element.tag == f"{_W}p":
            found.append(Place(element, Location(paragraph=paragraph), _paragraph_text(element)))
            found.extend(_textboxes(element, Location(paragraph=paragraph)))
            paragraph += counted
            continue
        for row_index, row in enumerate(Table(element, document).rows):
            cells: list[Any] = []
            for cell in row.cells:  # as the loader counts: a merged cell once per row
                if not any(cell is seen for seen in cells):
                    cells.append(cell)
            for cell_index, cell in enumerate(cells):
                where = Location(table=table, row=row_index, cell=cell_index)
                for p in cell._tc.iter(f"{_W}p"):
                    if not _in_textbox(p, cell._tc):
                        found.append(Place(p, where, _paragraph_text(p)))
                found.extend(_textboxes(cell._tc, where))
        table += 1
    return found


def _textboxes(container: Any, where: Location) -> Iterator[Place]:
    """Paragraphs of the text boxes drawn in `container` (the drawing's copy, not the VML fallback)."""
    for box in container.iter(f"{_W}txbxContent"):
        if any(a.tag == _MC_FALLBACK for a in box.iterancestors()):
            continue
        for p in box.iter(f"{_W}p"):
            if _in_textbox(p, box):  # a box inside the box: reached on its own
                continue
            yield Place(p, where, "".join(t.text or "" for t in p.iter(f"{_W}t")), in_textbox=True)


def _in_textbox(p: Any, container: Any) -> bool:
    """Whether `p` lies in a text box below `container`."""
    for ancestor in p.iterancestors():
        if ancestor is container:
            return False
        if ancestor.tag == f"{_W}txbxContent":
            return True
    return False


def text_key(text: str) -> str:
    """Text as compared with an excerpt: normalized as the pipeline does, without any whitespace."""
    return re.sub(r"\s+", "", clean(text)[0])


def locate(candidates: list[Place], where: Location | None, excerpt: str | None) -> Place | None:
    """The paragraph a location and its excerpt point at.

    The paragraphs at the location come first, the one holding the excerpt among them; when none
    there holds it (a location kind this code does not know, a text box, text moved by a
    re-joined line), the excerpt is looked for everywhere."""
    key = text_key(excerpt) if excerpt else ""
    near = [p for p in candidates if where is not None and _at(p.location, where)] if where else []
    if key:
        best = _holding(near, key) or _holding(candidates, key)
        if best is not None:
            return best
    shown = [p for p in near if p.text.strip()]
    return min(shown or near, key=lambda p: p.in_textbox, default=None)


def _at(place: Location, where: Location) -> bool:
    if where.table is not None:
        return (place.table, place.row) == (where.table, where.row) and where.cell in (None, place.cell)
    return where.paragraph is not None and place.table is None and place.paragraph == where.paragraph


def _holding(candidates: list[Place], key: str) -> Place | None:
    """The candidate that holds the excerpt best: all of it, else its start, else the longest
    paragraph (of some length) that is part of it, as a table row's cells are of the row."""
    best, best_score = None, 0.0
    for place in candidates:
        text = place.key
        if not text:
            continue
        if key in text:
            score = 3 + len(key) / len(text)
        elif len(key) >= 12 and key[:12] in text:
            score = 2.0
        elif len(text) >= 6 and text in key:
            score = 1 + len(text) / len(key)
        else:
            continue
        if score > best_score:
            best, best_score = place, score
    return best
