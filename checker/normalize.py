"""Document → Text: clean every line and re-join paragraphs that the source broke across lines.

PDF lines, and text copied from PDFs, end mid-sentence; web copies put a whole plan on one line.
Both are repaired here so that later steps see one paragraph per paragraph."""

from __future__ import annotations

import re

from .models import Document, Paragraph, SourceLine, Text
from .patterns import JUNK, NUMBERING, PLAN_TITLE, TERMINAL
from .textclean import clean

# Words that stand alone on a line as a heading of their own (主要目标：, 策略措施, 目录 …).
KEYWORD_LINE = re.compile(
    r"^(?:主要目标|具体目标|发展目标|策略措施|工作措施|主要措施|重点任务|目录|序言|前言|引言|附件\d*)[:：]?$"
)

# Where a one-line web copy is cut into paragraphs: before a numbering that follows a sentence end.
_RUN_SPLIT = re.compile(
    r"(?<=[。；！？：])(?=(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）|（\d{1,2}）"
    r"|\d{1,2}[、.](?!\d)|主要目标[:：]|策略措施[:：]))"
)
_LONG_LINE = 400
# Characters a heading never ends with: the sentence goes on in the next line.
_OPEN_ENDS = "，、的和与及至到在为达于对把将向从按由比较（(“《"


# Paragraph breaks of a web copy that lost its newlines: full-width indents, runs of spaces, and
# single spaces between words (never inside numbers such as "12 / 10 万").
_WEB_BREAK = re.compile(r"(?:\s*\u3000\s*)+|\s{2,}|(?<=[^\d\s%‰/])\s(?=[^\d\s%‰/])")


def normalize(doc: Document) -> Text:
    lines = [piece for line in doc.lines for piece in _pieces(line) if piece.text and not JUNK.search(piece.text)]
    return Text(path=doc.path, format=doc.format, paragraphs=_rejoin(lines, doc.format))


def _pieces(line: SourceLine) -> list[SourceLine]:
    """The cleaned paragraphs of one source line: one, unless the line holds a whole web page."""
    if line.cells is not None or len(line.text) < _LONG_LINE:
        return [_clean_line(line)]
    out = []
    for part in _WEB_BREAK.split(line.text):
        cleaned = clean(part)[0]
        out.extend(line.model_copy(update={"text": p.strip()}) for p in _RUN_SPLIT.split(cleaned))
    return out


def _clean_line(line: SourceLine) -> SourceLine:
    cells = [clean(c)[0] for c in line.cells] if line.cells is not None else None
    text = "\t".join(cells) if cells is not None else clean(line.text)[0]
    return line.model_copy(update={"text": text, "cells": cells})


def _rejoin(lines: list[SourceLine], fmt: str) -> list[Paragraph]:
    paragraphs: list[Paragraph] = []
    previous: SourceLine | None = None
    for line in lines:
        if previous is not None and paragraphs and _continues(previous, line, fmt):
            last = paragraphs[-1]
            paragraphs[-1] = last.model_copy(update={"text": last.text + line.text})
        else:
            paragraphs.append(Paragraph(text=line.text, location=line.location, style=line.style, cells=line.cells))
        previous = line.model_copy(update={"text": paragraphs[-1].text})
    return paragraphs


def _continues(a: SourceLine, b: SourceLine, fmt: str) -> bool:
    """Does line b continue the paragraph that line a ends?"""
    if a.cells is not None or b.cells is not None or _is_styled_heading(a) or _is_styled_heading(b):
        return False
    if a.text.count("（") > a.text.count("）"):
        return True  # inside a bracket: （牵头单位：… goes on
    if a.text[-1] in TERMINAL or (a.text.endswith("”") and a.text[-2:-1] in TERMINAL):
        return False
    if starts_numbered(b.text) or KEYWORD_LINE.match(b.text) or PLAN_TITLE.match(b.text):
        return False
    sentence_like = bool(re.search(r"[，、]", a.text))
    if a.text[-1] in _OPEN_ENDS or b.text[0] in "，。、；：%‰）)”" or (sentence_like and b.text[0].isdigit()):
        return True  # a sentence cut after 降至, 的, 、 … or before its number
    if fmt == "pdf" and a.runs_to_margin:
        return True
    if _heading_like(a.text):
        # A heading is followed by its body; a broken sentence (it has commas) by a short tail
        # such as 率上升趋势减缓。
        tail = re.split(r"[。；]", b.text, maxsplit=1)[0]
        return bool(re.search(r"[，、]", a.text)) and len(tail) <= 12 and b.text[:1] not in "（("
    return True


def _is_styled_heading(line: SourceLine) -> bool:
    return bool(line.style) and line.style.lower().startswith(("heading", "title"))


def _heading_like(text: str) -> bool:
    return len(text) <= 40 and "。" not in text


def starts_numbered(text: str) -> bool:
    return any(p.match(text) for p in NUMBERING)
