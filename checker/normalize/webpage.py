"""A whole web page on one line, cut back into paragraphs.

Web copies of plans lose their line breaks: paragraphs survive as full-width indents or runs of
spaces, and sometimes not at all, so headings glue to the text around them. They are cut apart
at plan titles, at 目录 and keyword lines, and at heading numbers that continue the numbering."""

from __future__ import annotations

import itertools
import re

from ..text.chars import clean
from ..text.numerals import small_numeral
from ..text.patterns import FIVE_YEAR, PERIOD, WEB_FURNITURE

# Paragraph breaks of a web copy that lost its newlines: full-width indents and runs of spaces.
_WEB_BREAK = re.compile(r"(?:\s*\u3000\s*)+|\s{2,}")
# Whole lines a document-sharing site sets around its copy: the page count and size, download
# prompts, the file name repeated.
CHROME_LINE = re.compile(
    r"^(?:\d+\s*页\s*[\d.]+\s*[KM]B.{0,6}|当前文档共\s*\d+\s*页|(?:点击|免费)?下载(?:后继续阅读|文档|全文|完整版)|"
    r"继续阅读|(?P<name>.{4,80}?)(?P=name){2,})$",
    re.IGNORECASE,
)

# Heading numbers, keyword lines and the table of contents, where glued text is cut (see _cut_glued).
_MARKER = re.compile(
    r"(?P<l1>[一二三四五六七八九十]{1,3})、|（(?P<l2>[一二三四五六七八九十]{1,3})）"
    r"|(?<![\d.])(?P<l3>\d{1,2})[、.](?!\d)|（(?P<l4>\d{1,2})）"
    r"|(?P<kw>主要目标[:：]|策略措施[:：]|目录)"
)
# A plan title inside such a line: after a sentence end, a bracket or a date, never inside 《》.
_TITLE_IN = re.compile(
    r"(?:^|(?<=[。；！？）)”」』\s\d日]))(?:[\u4e00-\u9fff]{2,10}?(?:省|市|县|区|镇|乡|街道|旗))?(?:“?十四五”?)?(?:妇女|儿童)(?:事业)?发展"
    rf"(?:{FIVE_YEAR}|{PERIOD})?规划(?:{PERIOD})?(?![》的和])"
)
_SENTENCE_END = "。；！？："
# Words that end in 一、 without being numbered (统一、规范): no cut there.
_NOT_NUMBERED = "统第唯单同万之合专逐划归"


def page_paragraphs(line: str) -> list[str]:
    """The cleaned paragraphs of a line that holds a whole web page."""
    out = []
    for part in _WEB_BREAK.split(WEB_FURNITURE.sub("  ", line)):
        out.extend(p.strip() for p in _cut_glued(clean(part)[0]))
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
    return int(token) if token.isdigit() else int(small_numeral(token) or 0)
