"""Document → Text: clean every line and re-join paragraphs that the source broke across lines.

PDF lines, and text copied from PDFs, end mid-sentence; web copies put a whole plan on one line.
Both are repaired here so that later steps see one paragraph per paragraph."""

from __future__ import annotations

import itertools
import re

from .models import Document, Paragraph, SourceLine, Text
from .patterns import DOMAIN_NAME, JUNK, KEYWORD_LINE, NUMBERING, PART_NAME, PLAN_TITLE, TERMINAL
from .textclean import clean

# Where a line holding a whole web page is cut into paragraphs: at heading numbers, keyword lines,
# the table of contents and plan titles (see _cut_glued).
_MARKER = re.compile(
    r"(?P<l1>[一二三四五六七八九十]{1,3})、|（(?P<l2>[一二三四五六七八九十]{1,3})）"
    r"|(?<![\d.])(?P<l3>\d{1,2})[、.](?!\d)|（(?P<l4>\d{1,2})）"
    r"|(?P<kw>主要目标[:：]|策略措施[:：]|目录)"
)
# A plan title inside such a line: after a sentence end, a bracket or a date, never inside 《》.
_TITLE_IN = re.compile(
    r"(?:^|(?<=[。；！？）)”」』\s\d日]))(?:[\u4e00-\u9fff]{2,10}?(?:省|市|县|区|镇|乡|街道|旗))?(?:“?十四五”?)?(?:妇女|儿童)发展"
    r"(?:“?十四五”?|（\d{4}—\d{4}年）)?规划(?:（\d{4}—\d{4}年）)?(?![》的和])"
)
_NUMBER_COLUMN = ("序号", "编号", "序")
_UNIT_COLUMN = re.compile(r"牵头|责任|配合|参与")
_CN_VALUE = {c: i for i, c in enumerate("一二三四五六七八九十", start=1)}
_SENTENCE_END = "。；！？："
# Words that end in 一、 without being numbered (统一、规范): no cut there.
_NOT_NUMBERED = "统第唯单同万之合专逐划归"
_LONG_LINE = 400
# Characters a heading never ends with: the sentence goes on in the next line.
_OPEN_ENDS = "，、的和与及至到在为达于对把将向从按由比较（(“《"


# Paragraph breaks of a web copy that lost its newlines: full-width indents and runs of spaces.
_WEB_BREAK = re.compile(r"(?:\s*\u3000\s*)+|\s{2,}")
# Web page furniture inside such a line.
_CHROME = re.compile(
    r"首页\s*(?:>\s*[^\s>]+\s*)+|字号[:：]\s*大\s*中\s*小|打印本页|关闭窗口|【打印】|【关闭】|扫一扫在手机打开当前页"
    r"|发布时间[:：]\s*[\d\-:/ ]+|来源[:：]\s*\S+|浏览次数[:：]\s*\d+"
)


def normalize(doc: Document) -> Text:
    lines = [piece for line in doc.lines for piece in _pieces(line) if piece.text and not JUNK.search(piece.text)]
    return Text(path=doc.path, format=doc.format, paragraphs=_rejoin(lines, doc.format))


def _pieces(line: SourceLine) -> list[SourceLine]:
    """The cleaned paragraphs of one source line: one, unless the line holds a whole web page."""
    if line.cells is not None or len(line.text) < _LONG_LINE:
        return [_clean_line(line)]
    out = []
    for part in _WEB_BREAK.split(_CHROME.sub("  ", line.text)):
        cleaned = clean(part)[0]
        out.extend(line.model_copy(update={"text": p.strip()}) for p in _cut_glued(cleaned))
    return out


def _cut_glued(text: str) -> list[str]:
    """Paragraphs of text whose line breaks were lost: cut before a plan title, 目录 and keyword
    lines, and before a heading number that follows a sentence end or continues the numbering
    (after 二、 comes 三、; 1. and （1） may restart), so glued headings come apart."""
    cuts = {0}
    for m in _TITLE_IN.finditer(text):
        cuts |= {m.start(), m.end()}
    last = [0, 0, 0, 0]
    for m in _MARKER.finditer(text):
        if m["kw"]:
            cuts.add(m.start())
            continue
        level = next(i for i, g in enumerate(("l1", "l2", "l3", "l4")) if m[g])
        value = _number(m[("l1", "l2", "l3", "l4")[level]])
        before = text[m.start() - 1] if m.start() else "。"
        follows = value == last[level] + 1 or value == 1
        if level == 0 and before in _NOT_NUMBERED:
            follows = False
        if before in _SENTENCE_END or follows:
            cuts.add(m.start())
            last[level] = value
            last[level + 1 :] = [0] * (3 - level)
    bounds = [*sorted(cuts), len(text)]
    return [text[a:b] for a, b in itertools.pairwise(bounds) if text[a:b].strip()]


def _number(token: str) -> int:
    if token.isdigit():
        return int(token)
    if len(token) == 1:
        return _CN_VALUE[token]
    tens, _, ones = token.partition("十")
    return _CN_VALUE.get(tens, 1) * 10 + _CN_VALUE.get(ones, 0)


def _clean_line(line: SourceLine) -> SourceLine:
    cells = [clean(c)[0] for c in line.cells] if line.cells is not None else None
    text = "\t".join(cells) if cells is not None else clean(line.text)[0]
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
        elif previous is not None and paragraphs and _continues(previous, line, fmt):
            last = paragraphs[-1]
            paragraphs[-1] = last.model_copy(update={"text": last.text + line.text})
        else:
            paragraphs.append(Paragraph(text=line.text, location=line.location, style=line.style, cells=line.cells))
        previous = line.model_copy(update={"text": paragraphs[-1].text})
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


def _continues(a: SourceLine, b: SourceLine, fmt: str) -> bool:
    """Does line b continue the paragraph that line a ends?"""
    if a.cells is not None or b.cells is not None or _is_styled_heading(a) or _is_styled_heading(b):
        return False
    if a.text.count("（") > a.text.count("）"):
        return True  # inside a bracket: （牵头单位：… goes on
    if a.text[-1] in TERMINAL or (a.text.endswith("”") and a.text[-2:-1] in TERMINAL):
        return False
    if any(p.match(b.text) for p in (KEYWORD_LINE, PLAN_TITLE, PART_NAME, DOMAIN_NAME)) or starts_numbered(b.text):
        return False
    if PART_NAME.match(a.text) or DOMAIN_NAME.match(a.text):
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
