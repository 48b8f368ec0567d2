"""Document → Text: clean every line and re-join paragraphs that the source broke across lines.

PDF lines, and text copied from PDFs, end mid-sentence; web copies put a whole plan on one line.
Both are repaired here so that later steps see one paragraph per paragraph."""

from __future__ import annotations

import re

from ..models import Document, Paragraph, SourceLine, Text
from ..text.chars import clean, one_line
from ..text.patterns import (
    DOMAIN_NAME,
    JUNK,
    KEYWORD_LINE,
    NUMBERING,
    PART_NAME,
    PLAN_TITLE,
    TERMINAL,
    target_body,
    unnumbered,
)
from . import pdfcopy
from .tabletext import tables_from_text
from .webpage import CHROME_LINE, page_paragraphs

_NUMBER_COLUMN = ("序号", "编号", "序")
_UNIT_COLUMN = re.compile(r"牵头|责任|配合|参与")
_LONG_LINE = 400
# Characters a heading never ends with: the sentence goes on in the next line.
_OPEN_ENDS = "，、的和与及至到在为达于对把将向从按由比较（(“《"
# What a line opens with when it starts a part of its own (a numbered heading, a keyword line, a title, a
# part's or a domain's name): those patterns as one, since every line is tried against them.
_OPENERS = (*NUMBERING, KEYWORD_LINE, PLAN_TITLE, PART_NAME, DOMAIN_NAME)
_OPENS = re.compile("|".join(f"(?:{p.pattern})" for p in _OPENERS))


def normalize(doc: Document) -> Text:
    lines = tables_from_text([piece for line in doc.lines for piece in _broken(line)])
    if doc.format != "pdf":  # a PDF's pages are known to its loader; a copy's are found here
        lines = pdfcopy.drop_running_heads(lines)
    lines = [piece for line in lines for piece in _pieces(line) if piece.text]
    if doc.format != "pdf":
        lines = pdfcopy.mark_hard_wraps(lines)
    lines = [line for line in lines if not JUNK.search(line.text) and not CHROME_LINE.match(line.text)]
    return Text(path=doc.path, format=doc.format, paragraphs=_rejoin(lines, doc.format), reading=doc.reading)


def _broken(line: SourceLine) -> list[SourceLine]:
    """A paragraph typed as lines (Shift+Enter in Word, w:br) as those lines, each a line of its own
    as in a text file; a sentence that runs on over a break is re-joined like any broken line."""
    if line.cells is not None or "\n" not in line.text:
        return [line]
    return [line.model_copy(update={"text": t}) for t in line.text.split("\n") if t.strip()]


def _pieces(line: SourceLine) -> list[SourceLine]:
    """The cleaned paragraphs of one source line: one, unless the line holds a whole web page."""
    if line.cells is not None or len(line.text) < _LONG_LINE:
        return [_clean_line(line)]
    return [line.model_copy(update={"text": text}) for text in page_paragraphs(line.text)]


def _clean_line(line: SourceLine) -> SourceLine:
    # a cell's lines (its paragraphs in Word) cleaned one by one: 县卫生健康局⏎县妇联 is two units, not one name
    cells = (
        ["\n".join(clean(part)[0] for part in c.split("\n")) for c in line.cells] if line.cells is not None else None
    )
    text = "\t".join(map(one_line, cells)) if cells is not None else clean(line.text)[0]
    if text == line.text and cells == line.cells:
        return line  # most lines are clean already
    return line.model_copy(update={"text": text, "cells": cells})


def _rejoin(lines: list[SourceLine], fmt: str) -> list[Paragraph]:
    paragraphs: list[Paragraph] = []
    previous: SourceLine | None = None
    headers: dict[int, list[str]] = {}  # the latest numbered table header, by column count
    for line in lines:
        if line.cells and line.cells[0] in _NUMBER_COLUMN:
            headers[len(line.cells)] = line.cells
        header = headers.get(len(line.cells or []))
        if paragraphs and header and line.cells and not line.cells[0] and line.cells[1:] != header[1:]:
            # A target table broken at a page: the row without a number continues the one before
            # (across the header the new page repeats).
            if paragraphs[-1].cells and paragraphs[-1].cells[0] in _NUMBER_COLUMN and len(paragraphs) > 1:
                paragraphs.pop()
            paragraphs[-1] = _continue_row(paragraphs[-1], line.cells, header)
        elif previous is not None and paragraphs and _continues(previous, paragraphs[-1].text, line, fmt):
            last = paragraphs[-1]
            paragraphs[-1] = last.model_copy(update={"text": last.text + line.text})
        else:
            paragraphs.append(Paragraph(text=line.text, location=line.location, style=line.style, cells=line.cells))
        previous = line
    return paragraphs


def _continue_row(last: Paragraph, cells: list[str], header: list[str]) -> Paragraph:
    """Append a continuation row to the table row before it, or to the numbered paragraph that a
    page break cut off from its table (its lead units then follow as a bracket)."""
    if last.cells is not None and len(last.cells) == len(cells):
        merged = [a + b for a, b in zip(last.cells, cells, strict=True)]
        return last.model_copy(update={"cells": merged, "text": "\t".join(merged)})
    body = "".join(c for c, h in zip(cells, header, strict=True) if c and not _UNIT_COLUMN.search(h))
    units = "；".join(f"{h}：{c}" for c, h in zip(cells, header, strict=True) if c and _UNIT_COLUMN.search(h))
    return last.model_copy(update={"text": last.text + body + (f"（{units}）" if units else "")})


def _continues(a: SourceLine, text: str, b: SourceLine, fmt: str) -> bool:
    """Does line b continue the paragraph `text` that line a ends?"""
    if a.cells is not None or b.cells is not None or _is_styled_heading(a) or _is_styled_heading(b):
        return False
    if PLAN_TITLE.match(text + b.text) and not PLAN_TITLE.match(text) and not PLAN_TITLE.match(b.text):
        return True  # a title set in large type over two lines: 某某县“十四五”妇女 / 发展规划
    if text.count("（") > text.count("）"):
        return True  # inside a bracket: （牵头单位：… goes on
    if b.text[:1] in "（(【〔" and not target_body(b.text) and not _heading_like(text):
        return True  # （牵头单位：…） on a line of its own: the note of the sentence before, wrapped
    if text[-1] in TERMINAL or (text.endswith("”") and text[-2:-1] in TERMINAL):
        return False
    if _OPENS.match(b.text):
        return False
    if PART_NAME.match(text) or DOMAIN_NAME.match(text) or PLAN_TITLE.match(text):
        return False
    # Commas, not counting the 、 of a heading number (一、), mark a sentence rather than a heading.
    sentence_like = ("，" in text or "、" in text) and bool(re.search(r"[，、]", unnumbered(text)))
    if text[-1] in _OPEN_ENDS or b.text[0] in "，。、；：%‰）)”" or (sentence_like and b.text[0].isdigit()):
        return True  # a sentence cut after 降至, 的, 、 … or before its number
    if a.runs_to_margin:
        return True
    if _heading_like(text):
        # A heading is followed by its body; a broken sentence (it has commas) by a short tail
        # such as 率上升趋势减缓。
        tail = re.split(r"[。；]", b.text, maxsplit=1)[0]
        return sentence_like and len(tail) <= 12 and b.text[:1] not in "（("
    return True


def _is_styled_heading(line: SourceLine) -> bool:
    return bool(line.style) and line.style.lower().startswith(("heading", "title"))


def _heading_like(text: str) -> bool:
    return len(text) <= 40 and "。" not in text
