"""Text copied out of a PDF (as .txt, or pasted into Word): hard line breaks at the page's width,
page numbers, and the running header that each new page repeats, wherever the page break fell
(mid-sentence, inside a （牵头单位：…） note). The PDF loader finds these by position; a copy has
lost the positions, so they are found here by what they are: a line that recurs beside the page
numbers is a running head, and lines as wide as the widest lines run on."""

from __future__ import annotations

import re
from collections import Counter

from ..models import SourceLine
from ..text.patterns import KEYWORD_LINE, PAGE_NUMBER

_MIN_PAGES = 2
_WRAPPED_SHARE = 0.4  # of the lines that reach the text's width, in hard-wrapped text
_MIN_LINES = 20
_NARROW = re.compile(r"[\x00-\u2e7f]")  # characters set half an em wide


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def drop_running_heads(lines: list[SourceLine]) -> list[SourceLine]:
    """The lines without page numbers and the running head or foot beside them."""
    drop = running_lines(lines)
    return [line for i, line in enumerate(lines) if i not in drop] if drop else lines


def running_lines(lines: list[SourceLine]) -> set[int]:
    """Where the page numbers are, and the running head or foot beside them."""
    numbers = [i for i, line in enumerate(lines) if line.cells is None and PAGE_NUMBER.match(line.text.strip())]
    if len(numbers) < _MIN_PAGES:
        return set()
    drop = set(numbers)
    # A running head sits on one side of the page number (a head after it, a foot before it):
    # a title that happens to end a page, on the other side, is kept.
    for side in (-1, 1):
        beside = [i + side for i in numbers if 0 <= i + side < len(lines) and i + side not in numbers]
        counts = Counter(_key(lines[j].text) for j in beside)
        # (a heading such as 主要目标： may happen to end several pages: it is no running head)
        heads = {
            k
            for k, n in counts.items()
            if n >= max(_MIN_PAGES, len(numbers) // 3) and len(k) <= 60 and not KEYWORD_LINE.match(k)
        }
        drop |= {j for j in beside if _key(lines[j].text) in heads}
    return drop


def width(text: str) -> float:
    """How wide a line is set: a Chinese character is one em, a Latin letter or digit half."""
    return len(text) - 0.5 * len(_NARROW.findall(text))


def mark_hard_wraps(lines: list[SourceLine]) -> list[SourceLine]:
    """Hard-wrapped text (most lines as wide as the widest): lines that wide run on."""
    each = [width(line.text) if line.cells is None else None for line in lines]
    widths = sorted(w for w in each if w is not None)
    if len(widths) < _MIN_LINES:
        return lines
    full = widths[int(0.9 * (len(widths) - 1))]
    reaching = sum(w >= full - 1.5 for w in widths)
    if full > 60 or reaching < _WRAPPED_SHARE * len(widths):
        return lines  # paragraphs a line each, as text files and Word files hold them
    return [
        line.model_copy(update={"runs_to_margin": True}) if w is not None and w >= full - 1.5 else line
        for line, w in zip(lines, each, strict=True)
    ]
