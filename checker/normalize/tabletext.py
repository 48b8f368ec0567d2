"""Indicator tables (专栏) that arrive as lines of text, turned back into table rows.

Copied out of a PDF or pasted into Word, a table such as

    类别 序号 指标名称 2030年规划值 指标属性
    儿童
    与健
    1 婴儿死亡率（‰） <5 约束性
    2 5岁以下儿童死亡
    率（‰） <6 约束性

keeps its cells only as words set apart by spaces: the header repeated after each page break, the
类别 cell in fragments of two or three characters on lines of their own, a long name wrapped, a
row number alone on its line, two indicators under one number. The header names the columns; the
rows are read by what their cells are (a number, the name, values, 约束性/预期性), and become the
rows a Word table gives (SourceLine.cells), so the one table reader in extract reads both."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..models import SourceLine
from ..text.patterns import KEYWORD_LINE, NUMBERING, PAGE_NUMBER, PART_NAME, PLAN_TITLE

_HEADER_WORD = re.compile(
    r"^(?:类别|领域|分类|序号|编号|指标名称|指标|主要指标|具体指标|(?:\d{4}年)?(?:规划|目标|预期|基期|现状)?值"
    r"|\d{4}年|指标属性|属性|(?:计量)?单位|牵头(?:单位|部门)|责任(?:单位|部门)|备注)$"
)
_NAME = re.compile(r"指标")
_VALUE = re.compile(r"值$|^\d{4}年$")
_ATTRIBUTE = re.compile(r"^(?:约束性|预期性)$")
# Words that belong to the figure before them when a copy set them apart: 40 左右, 95 %.
_VALUE_TAIL = re.compile(r"^(?:左右|以上|以下|%|‰|％)$")
# A sign set apart from the figure after it: ≥ 95, ＜ 6.
_VALUE_HEAD = re.compile(r"^(?:[≥≤<>＜＞=＝≮≯]|不低于|不高于|不少于|不超过|大于|小于|低于|高于)$")
_FRAGMENT = re.compile(r"^[\u4e00-\u9fff（）()]{1,3}$")
_MAX_ROW_LINES = 6  # a row that has not ended after this many lines was not a row


@dataclass
class _Columns:
    header: list[str]
    number: int | None
    category: int | None
    name: int
    values: list[int]
    attribute: int | None
    after: list[int]  # columns after the attribute (牵头单位, 备注 …), filled from what follows it


@dataclass
class _Row:
    number: str
    line: SourceLine
    category: str
    tokens: list[str] = field(default_factory=list)
    done: bool = False
    lines: int = 1


def tables_from_text(lines: list[SourceLine]) -> list[SourceLine]:
    """The lines, with each indicator table laid out as text replaced by its header and rows."""
    out: list[SourceLine] = []
    i = 0
    while i < len(lines):
        header = _header_at(lines, i)
        if header is None:
            out.append(lines[i])
            i += 1
            continue
        columns, i = header
        rows, i = _read_rows(lines, i, columns)
        out.append(lines[i - 1].model_copy(update={"text": "\t".join(columns.header), "cells": columns.header}))
        out.extend(rows)
    return out


def _words(line: SourceLine) -> list[str]:
    return line.text.split() if line.cells is None else []


def _header_at(lines: list[SourceLine], i: int) -> tuple[_Columns, int] | None:
    """The table header starting at line i (on one line, or a word a line), and the line after it."""
    words: list[str] = []
    j = i
    while j < len(lines) and (w := _words(lines[j])) and all(_HEADER_WORD.match(x) for x in w) and len(words) < 10:
        words += w
        j += 1
        if len(w) > 1:
            break
    columns = _columns(words)
    return (columns, j) if columns is not None else None


def _columns(words: list[str]) -> _Columns | None:
    name = next((k for k, w in enumerate(words) if _NAME.search(w) and not _VALUE.search(w)), None)
    values = [k for k, w in enumerate(words) if _VALUE.search(w) and not re.search(r"基期|现状", w)]
    if name is None or not values or len(words) < 3:
        return None
    attribute = next((k for k, w in enumerate(words) if "属性" in w), None)
    return _Columns(
        header=words,
        number=next((k for k, w in enumerate(words) if w in ("序号", "编号")), None),
        category=next((k for k, w in enumerate(words) if w in ("类别", "领域", "分类")), None),
        name=name,
        values=values,
        attribute=attribute,
        after=[k for k in range(len(words)) if attribute is not None and k > attribute],
    )


def _read_rows(lines: list[SourceLine], i: int, columns: _Columns) -> tuple[list[SourceLine], int]:
    rows: list[_Row] = []
    category = ""
    row: _Row | None = None
    while i < len(lines):
        line, words = lines[i], _words(lines[i])
        next_number = str(int(rows[-1].number) + 1) if rows else "1"
        if PAGE_NUMBER.match(line.text.strip()) and words != [next_number]:  # a page break in the table
            i += 1
            if i < len(lines) and PLAN_TITLE.match("".join(_words(lines[i]))):  # and the running head
                i += 1
            continue
        if (repeated := _header_at(lines, i)) is not None:  # the header a new page repeats
            i, category = repeated[1], ""
            continue
        open_row = row is not None and not row.done
        if not words or (not open_row and _ends_table(line.text.strip(), words)):
            break
        if not open_row and len(words) == 1 and _FRAGMENT.match(words[0]) and columns.category is not None:
            category += words[0]
        elif re.fullmatch(r"\d{1,2}", words[0]) and (row is None or row.done or columns.attribute is None):
            row = _Row(number=words[0], line=line, category=category, tokens=words[1:])
            rows.append(row)
        elif row is not None and open_row:
            row.tokens += words
            row.lines += 1
            if row.lines > _MAX_ROW_LINES:
                break
        elif row is not None:  # a second indicator under the same number
            row = _Row(number=row.number, line=line, category=category, tokens=words)
            rows.append(row)
        else:
            break
        if row is not None and columns.attribute is not None:
            row.done = any(_ATTRIBUTE.match(t) for t in row.tokens)
        i += 1
    return [line for r in rows for line in _cells(r, columns)], i


def _ends_table(text: str, words: list[str]) -> bool:
    """A heading or a sentence after the table."""
    if re.fullmatch(r"\d{1,2}", words[0]):
        return False
    return any(p.match(text) for p in (*NUMBERING, KEYWORD_LINE, PART_NAME)) or "。" in text or len(words[0]) > 30


def _cells(row: _Row, columns: _Columns) -> list[SourceLine]:
    """The row's cells; two indicators set on one line under one number give two rows."""
    tokens: list[str] = []
    for t in row.tokens:
        if tokens and (_VALUE_TAIL.match(t) or _VALUE_HEAD.match(tokens[-1])):
            tokens[-1] += t
        else:
            tokens.append(t)
    at = next((k for k, t in enumerate(tokens) if _ATTRIBUTE.match(t)), len(tokens))
    before, attribute, after = tokens[:at], tokens[at : at + 1], tokens[at + 1 :]
    rest: list[SourceLine] = []
    if after and not columns.after:
        rest = _cells(_Row(row.number, row.line, row.category, after), columns)
    return [_row_line(row, columns, before, attribute, after if columns.after else []), *rest]


def _row_line(row: _Row, columns: _Columns, before: list[str], attribute: list[str], after: list[str]) -> SourceLine:
    k = min(len(columns.values), max(len(before) - 1, 0))
    name, values = before[: len(before) - k], before[len(before) - k :]
    cells = [""] * len(columns.header)
    cells[columns.name] = "".join(name)
    for col, value in zip(columns.values, values, strict=False):
        cells[col] = value
    if columns.number is not None:
        cells[columns.number] = row.number
    if columns.category is not None:
        cells[columns.category] = row.category
    if columns.attribute is not None and attribute:
        cells[columns.attribute] = attribute[0]
    if columns.after and after:
        cells[columns.after[0]] = "".join(after)
    return row.line.model_copy(update={"text": "\t".join(cells), "cells": cells})
