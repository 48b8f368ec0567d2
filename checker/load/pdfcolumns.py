"""Reading order on a PDF page set in two (or more) columns.

A PDF holds characters and their positions, not columns: sorted by height alone, the lines of a
two-column page interleave ("…发展取得 | 了历史性…"). The columns are found from the positions: a
gutter is a vertical strip in the middle of the page that (nearly) no text row crosses, with text
on both sides. Rows that do cross it (a title or a note set across the page) cut the page into
bands; in each band the left column is read before the right one."""

from __future__ import annotations

import itertools
from operator import itemgetter

Char = tuple[str, float, float, float, float, float]  # text, left, right, top, bottom, baseline

_BIN = 2.0  # points
_MIN_GUTTER = 6.0  # points: narrower gaps are word spaces or table cells
_CROSSING_SHARE = 0.15  # of the rows may run across the gutter (titles, notes set across)
_MIN_ROWS = 5  # on each side


def rows(chars: list[Char]) -> list[list[Char]]:
    """Characters sharing a baseline (a superscript stays with its row), top to bottom."""
    out: list[list[Char]] = []
    row: list[Char] = []
    base = reach = 0.0  # the row's first character's baseline, and how far below it a character still joins
    for char in sorted(chars, key=itemgetter(5, 1)):
        if row and char[5] - base <= reach:
            row.append(char)
        else:
            row = [char]
            out.append(row)
            base, reach = char[5], 0.4 * max(char[4] - char[3], 1.0)
    return out


def reading_groups(chars: list[Char], left: float, right: float) -> tuple[list[list[list[Char]]], int]:
    """The page's characters in groups to be read one after the other, each group as its rows, and
    how many columns the page has (1 when it has no gutter)."""
    page_rows = rows(chars)
    gutters = _gutters(page_rows, left, right)
    if not gutters:
        return [page_rows], 1
    edges = [g for gutter in gutters for g in gutter]
    groups: list[list[Char]] = []
    columns: list[list[Char]] = [[] for _ in range(len(gutters) + 1)]
    for row in page_rows:
        if any(c[1] < (g0 + g1) / 2 < c[2] for c in row for g0, g1 in gutters):  # set across the page
            groups += [col for col in columns if col]
            columns = [[] for _ in range(len(gutters) + 1)]
            groups.append(row)
            continue
        for c in row:
            middle = (c[1] + c[2]) / 2
            columns[sum(middle > e for e in edges[::2])].append(c)
    groups += [col for col in columns if col]
    return [rows(group) for group in groups], len(gutters) + 1


def _gutters(page_rows: list[list[Char]], left: float, right: float) -> list[tuple[float, float]]:
    """Vertical strips between 20% and 80% of the page width that few rows cross."""
    if len(page_rows) < 2 * _MIN_ROWS or right - left < 10 * _MIN_GUTTER:
        return []
    bins = int((right - left) / _BIN) + 1
    change = [0] * (bins + 1)  # how many more rows cross bin b than bin b - 1
    for row in page_rows:
        start = end = -1
        for x0, x1 in _spans(row):  # the bins the row covers, as runs
            a, b = max(int((x0 - left) / _BIN), 0), min(int((x1 - left) / _BIN) + 1, bins)
            if a >= b:
                continue
            if a > end:
                if end > start:
                    change[start] += 1
                    change[end] -= 1
                start = a
            end = max(end, b)
        if end > start:
            change[start] += 1
            change[end] -= 1
    crossing = list(itertools.accumulate(change[:bins]))
    lo, hi = int(0.2 * bins), int(0.8 * bins)
    # The gutter is where the fewest rows cross (only rows set across the page); a strip where
    # somewhat more cross is the ragged end of a column's short lines, not the gutter.
    fewest = min(crossing[lo:hi])
    if fewest > _CROSSING_SHARE * len(page_rows):
        return []
    limit = fewest + max(1, 0.02 * len(page_rows))
    found: list[tuple[float, float]] = []
    start = None
    for b in range(lo, hi + 1):
        free = b < hi and crossing[b] <= limit
        if free and start is None:
            start = b
        elif not free and start is not None:
            if (b - start) * _BIN >= _MIN_GUTTER:
                found.append((left + start * _BIN, left + b * _BIN))
            start = None
    return [g for g in found if _columns_of_text(page_rows, g)]


def _spans(row: list[Char]) -> list[tuple[float, float]]:
    """The stretches of the row that touching characters cover, left to right (a line of text is
    one or a few: far fewer than its characters, which the bins then need not see one by one)."""
    spans: list[tuple[float, float]] = []
    for c in sorted(row, key=itemgetter(1)):
        if spans and c[1] <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], c[2]))
        else:
            spans.append((c[1], c[2]))
    return spans


def _columns_of_text(page_rows: list[list[Char]], gutter: tuple[float, float]) -> bool:
    """Text on both sides, set as columns of text are: the left side's lines running up to the
    gutter, or some of them while most lines on the right fill their column. (The columns of a
    table, whose names end anywhere and whose values are short, are not columns of text.)"""
    g0, g1 = gutter
    ems = sorted(c[2] - c[1] for row in page_rows for c in row)
    em = max(ems[len(ems) // 2], 1.0)
    ends = [max(c[2] for c in row if c[2] <= g0) for row in page_rows if any(c[2] <= g0 for c in row)]
    right = [[c for c in row if c[1] >= g1] for row in page_rows]
    right = [side for side in right if side]
    if len(ends) < _MIN_ROWS or len(right) < _MIN_ROWS:
        return False
    full = sum(end >= g0 - 2.5 * em for end in ends)
    if full >= 0.4 * len(ends):
        return True
    edge = max(c[2] for side in right for c in side)
    filled = sum(max(c[2] for c in side) - g1 >= 0.7 * (edge - g1) for side in right)
    return full >= 3 and filled >= 0.5 * len(right)
