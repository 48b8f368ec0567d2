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
rows are read by what their cells are (a number, the name, values, 约束性/预期性, unit names such as
县卫生健康局), and become the rows a Word table gives (SourceLine.cells), so the one table reader in
extract reads both.

A header is a line of three or more column names, each known by its role (序号, 类别, a name column
such as 指标名称/主要目标, a value column such as 2030年目标值, 指标属性, 牵头单位/配合单位 …), among
them a name column and a value or unit (牵头/责任) column: so a breakdown table (序号 主要目标 牵头单位
配合单位) is read like an indicator table, and a line of ordinary words is never a header."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..models import SourceLine
from ..text.patterns import KEYWORD_LINE, NUMBERING, PAGE_NUMBER, PART_NAME, PLAN_TITLE
from .pdfcopy import running_lines

# The roles a column name may have; a header is made of these words only.
_ROLES = {
    "number": r"序号|编号|序",
    "category": r"类别|领域|分类|类型",
    "attribute": r"(?:指标)?属性",
    "measure": r"(?:计量|指标)?单位",
    "unit": r"(?:牵头|责任|配合|参与|协办|主办|协同|协助)(?:单位|部门)?|责任主体",
    "value": r"(?:\d{4}年)?(?:规划|目标|预期|基期|现状|基线)?值|\d{4}年(?:目标|规划|预期)?",
    "name": r"(?:主要|具体|重点|发展)?(?:指标|目标)(?:名称|内容|任务)?|目标任务",
    "other": r"备注|说明|完成时限|时限|完成时间",
}
_ROLE = {role: re.compile(f"^(?:{words})$") for role, words in _ROLES.items()}
_ANY_ROLE = re.compile("^(?:{})$".format("|".join(f"(?:{words})" for words in _ROLES.values())))
_BASELINE = re.compile(r"基期|现状|基线")
_ATTRIBUTE = re.compile(r"^(?:约束性|预期性)$")
# A cell naming units: 县卫生健康局, 镇妇联、镇民政办, 团县委, 各村（社区）, 县直有关单位.
_UNIT_NAME = re.compile(
    r"^[\u4e00-\u9fff（）()]{2,20}?(?:局|委|办|院|会|联|协|部|所|处|站|队|厅|室|社|馆|中心|学校|公司|政府|单位|部门|机构"
    r"|街道|乡镇|[（(](?:社区|街道|乡镇)[）)])$"
)


_LEVELS = ("县", "区", "市", "镇", "乡", "街道", "团", "共青团", "各")  # how a unit name starts


def _units_cell(word: str) -> bool:
    return all(_UNIT_NAME.match(name) for name in word.split("、"))


# A value cell: a figure, or words a target is set in (逐年下降, 稳步提高, 保持).
_VALUE_CELL = re.compile(r"\d|[≥≤<>]|下降|降低|提高|提升|增长|保持|稳定|达到|不低于|不高于|左右")
# Words that belong to the figure before them when a copy set them apart: 40 左右, 95 %.
_VALUE_TAIL = re.compile(r"^(?:左右|以上|以下|%|‰|％)$")
# What a 单位 column holds: the unit of the row's figures.
_MEASURE = re.compile(
    r"^(?:%|％|‰|‱|1?/(?:10)?万|个百分点|岁|年|个|人|人次|万人|名|张|所|家|座|次|倍|天|小时|分钟|元|米|平方米|公斤|千克)$"
)
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
    measure: int | None  # the 单位 column
    attribute: int | None
    # columns filled from what follows the attribute or, without one, the unit columns (牵头单位,
    # 配合单位 …) and those after them
    after: list[int]
    units: list[int]  # the unit columns among them


@dataclass
class _Row:
    number: str
    line: SourceLine
    category: str
    tokens: list[str] = field(default_factory=list)
    done: bool = False
    lines: int = 1


def tables_from_text(lines: list[SourceLine]) -> list[SourceLine]:
    """The lines, with each table laid out as text replaced by its header and rows."""
    out: list[SourceLine] = []
    furniture = running_lines(lines)  # a text copy's page numbers and running heads, also inside a table
    i = 0
    while i < len(lines):
        header = _header_at(lines, i)
        rows, end, skipped = _read_rows(lines, header[1], header[0], furniture) if header else ([], i, [])
        if header is None or not rows:  # a header with no row under it was a line of words
            out.append(lines[i])
            i += 1
            continue
        columns, i = header[0], end
        out.append(lines[i - 1].model_copy(update={"text": "\t".join(columns.header), "cells": columns.header}))
        out.extend(rows)
        out.extend(skipped)  # page numbers and running heads, dropped with the others (normalize)
    return out


def _words(line: SourceLine) -> list[str]:
    return line.text.split() if line.cells is None else []


def _role(word: str) -> str | None:
    return next((role for role, pattern in _ROLE.items() if pattern.match(word)), None)


def _header_words(line: SourceLine) -> list[str]:
    """A line's words as column names: a year set apart from its 年 (2025 年, as a PDF copy spaces a digit
    and an ideograph) is one."""
    words: list[str] = []
    for word in _words(line):
        if words and re.fullmatch(r"\d{4}", words[-1]) and word.startswith("年"):
            words[-1] += word
        else:
            words.append(word)
    return words


def _header_at(lines: list[SourceLine], i: int) -> tuple[_Columns, int] | None:
    """The table header starting at line i (on one line, or a word a line), and the line after it."""
    words: list[str] = []
    j = i
    while j < len(lines) and (w := _header_words(lines[j])) and all(_ANY_ROLE.match(x) for x in w) and len(words) < 10:
        words += w
        j += 1
        if len(w) > 1:
            break
    columns = _columns(words)
    return (columns, j) if columns is not None else None


def _columns(words: list[str]) -> _Columns | None:
    """The columns a header names: at least three, among them a name column and a value or unit column."""
    if len(words) < 3:
        return None
    roles = [_role(w) for w in words]
    name = next((k for k, r in enumerate(roles) if r == "name"), None)
    values = [k for k, r in enumerate(roles) if r == "value" and not _BASELINE.search(words[k])]
    units = [k for k, r in enumerate(roles) if r == "unit" and name is not None and k > name]
    if name is None or not (values or units):
        return None
    attribute = next((k for k, r in enumerate(roles) if r == "attribute"), None)
    if attribute is not None:
        after = [k for k in range(len(words)) if k > attribute]
    else:  # the unit columns and what follows them, when no value column comes after them
        after = list(range(units[0], len(words))) if units and not any(v > units[0] for v in values) else []
    return _Columns(
        header=words,
        number=next((k for k, r in enumerate(roles) if r == "number"), None),
        category=next((k for k, r in enumerate(roles) if r == "category"), None),
        name=name,
        values=values,
        measure=next((k for k, r in enumerate(roles) if r == "measure"), None),
        attribute=attribute,
        after=after,
        units=[k for k in units if k in after],
    )


def _read_rows(
    lines: list[SourceLine], i: int, columns: _Columns, furniture: set[int]
) -> tuple[list[SourceLine], int, list[SourceLine]]:
    """The table's rows, the line after it, and the page furniture (page numbers, running heads) stepped over."""
    rows: list[_Row] = []
    skipped: list[SourceLine] = []
    category = ""
    row: _Row | None = None
    while i < len(lines):
        line, words = lines[i], _words(lines[i])
        next_number = str(int(rows[-1].number) + 1) if rows else "1"
        if PAGE_NUMBER.match(line.text.strip()) and words != [next_number]:  # a page break in the table
            skipped.append(line)
            i += 1
            if i < len(lines) and (i in furniture or PLAN_TITLE.match("".join(_words(lines[i])))):  # the running head
                skipped.append(lines[i])
                i += 1
            continue
        if (repeated := _header_at(lines, i)) is not None:  # the header a new page repeats
            i, category = repeated[1], ""
            continue
        open_row = row is not None and not row.done
        if not words or (not open_row and _ends_table(line.text.strip(), words)) or _heading(line.text.strip()):
            break
        glued = row is not None and _wrapped_unit(row.tokens, words[0])
        if not open_row and len(words) == 1 and _FRAGMENT.match(words[0]) and columns.category is not None:
            category += words[0]
        elif re.fullmatch(r"\d{1,2}", words[0]) and (row is None or row.done or columns.attribute is None):
            row = _Row(number=words[0], line=line, category=category, tokens=words[1:])
            rows.append(row)
        elif row is not None and (open_row or (glued and len(words) == 1)):
            if glued:
                row.tokens[-1] += words.pop(0)
            row.tokens += words
            row.lines += 1
            if row.lines > _MAX_ROW_LINES:
                break
        elif row is not None:  # a second indicator under the same number
            row = _Row(number=row.number, line=line, category=category, tokens=words)
            rows.append(row)
        else:
            break
        if row is not None:
            row.done = _complete(row.tokens, columns)
        i += 1
    return [line for r in rows for line in _cells(r, columns)], i, skipped


def _complete(tokens: list[str], columns: _Columns) -> bool:
    """Whether a row has all its cells, so that a line after it is not its wrapped rest: its
    attribute (约束性), else a unit name where the unit columns end, else its values, the last a value."""
    if columns.attribute is not None:
        return any(_ATTRIBUTE.match(t) for t in tokens)
    if columns.units:
        at = len(tokens) - 1 - _trailing(columns)
        return at > 0 and _units_cell(tokens[at])
    return len(tokens) > len(columns.values) and bool(_VALUE_CELL.search(tokens[-1]))


def _wrapped_unit(tokens: list[str], word: str) -> bool:
    """Whether `word`, opening a line of the row, is the rest of the unit name its cell wrapped at the end of
    the line before (县卫生健 / 康局, 县人力资源和社 / 会保障局): the line ended in the start of a unit name, the
    two name a unit together, and `word` starts no unit name of its own (县民政局, 团县委)."""
    last = tokens[-1] if tokens else ""
    return (
        last.startswith(_LEVELS)
        and not re.search(r"\d", last)
        and not word.startswith(_LEVELS)
        and _units_cell(last + word)
    )


def _trailing(columns: _Columns) -> int:
    """Columns after the last unit column (完成时限, 备注): one word each at the row's end."""
    return len(columns.after) - 1 - columns.after.index(columns.units[-1]) if columns.units else 0


def _heading(text: str) -> bool:
    """A heading ends a table even after a row that seems unfinished (a row number is no heading)."""
    return not re.match(r"\d{1,2}\s", text) and any(p.match(text) for p in (*NUMBERING, KEYWORD_LINE, PART_NAME))


def _ends_table(text: str, words: list[str]) -> bool:
    """A heading or a sentence after the table."""
    if re.fullmatch(r"\d{1,2}", words[0]):
        return False
    return any(p.match(text) for p in (*NUMBERING, KEYWORD_LINE, PART_NAME)) or "。" in text or len(words[0]) > 30


def _cells(row: _Row, columns: _Columns) -> list[SourceLine]:
    """The row's cells; two indicators set on one line under one number give two rows."""
    tokens: list[str] = []
    for t in row.tokens:
        # 95 % and ≥ 95 are one figure; a % after a name is the 单位 column's
        if tokens and ((_VALUE_TAIL.match(t) and re.search(r"[\d%‰％]$", tokens[-1])) or _VALUE_HEAD.match(tokens[-1])):
            tokens[-1] += t
        else:
            tokens.append(t)
    if columns.attribute is None:
        before, after = _unit_tail(tokens, columns)
        return [_row_line(row, columns, before, [], after)]
    at = next((k for k, t in enumerate(tokens) if _ATTRIBUTE.match(t)), len(tokens))
    before, attribute, after = tokens[:at], tokens[at : at + 1], tokens[at + 1 :]
    rest: list[SourceLine] = []
    if after and not columns.after:
        rest = _cells(_Row(row.number, row.line, row.category, after), columns)
    return [_row_line(row, columns, before, attribute, after if columns.after else []), *rest]


def _unit_tail(tokens: list[str], columns: _Columns) -> tuple[list[str], list[str]]:
    """A row without an attribute column cut before its unit names (and the words after them):
    the name and values keep at least one word."""
    if not columns.units:
        return tokens, []
    end = len(tokens) - _trailing(columns)
    start = end
    while start - 1 > 0 and _units_cell(tokens[start - 1]):
        start -= 1
    return (tokens[:start], tokens[start:]) if start < end else (tokens, [])


def _row_line(row: _Row, columns: _Columns, before: list[str], attribute: list[str], after: list[str]) -> SourceLine:
    before, measure = _measure(before, columns)
    k = min(len(columns.values), max(len(before) - 1, 0))
    name, values = before[: len(before) - k], before[len(before) - k :]
    cells = [""] * len(columns.header)
    if columns.measure is not None:
        cells[columns.measure] = measure
    cells[columns.name] = "".join(name)
    for col, value in zip(columns.values, values, strict=False):
        cells[col] = value
    if columns.number is not None:
        cells[columns.number] = row.number
    if columns.category is not None:
        cells[columns.category] = row.category
    if columns.attribute is not None and attribute:
        cells[columns.attribute] = attribute[0]
    for col, text in _after_cells(columns, after).items():
        cells[col] = text
    return row.line.model_copy(update={"text": "\t".join(cells), "cells": cells})


def _measure(before: list[str], columns: _Columns) -> tuple[list[str], str]:
    """The row's words without its 单位 cell, and that cell: the unit word where the column stands, between
    the name and the values or after the values."""
    if columns.measure is None or len(before) < 2:
        return before, ""
    if columns.values and columns.measure > max(columns.values):
        at = len(before) - 1
        if re.search(r"\d[%％‰‱]$", before[at]):  # “5 ‰” was taken for one figure: the ‰ is the column's
            return [*before[:at], before[at][:-1]], before[at][-1]
    else:
        at = len(before) - 1 - min(len(columns.values), len(before) - 2)
    if at < 1 or not _MEASURE.match(before[at]):
        return before, ""
    return before[:at] + before[at + 1 :], before[at]


def _after_cells(columns: _Columns, words: list[str]) -> dict[int, str]:
    """What follows the attribute or the name and values, by column: the words at the end for the
    columns after the unit columns, one unit name for each unit column but the last, which takes
    the rest (县妇联 县民政局 → 县妇联、县民政局); without unit names, all in the first column."""
    if not columns.after or not words:
        return {}
    if not columns.units or not all(_units_cell(w) for w in words[: len(words) - _trailing(columns)]):
        return {columns.after[0]: "".join(words)}
    trailing = _trailing(columns)
    units, rest = words[: len(words) - trailing], words[len(words) - trailing :]
    cells = dict(zip(columns.after[len(columns.after) - trailing :], rest, strict=False))
    for n, col in enumerate(columns.units):
        if n < len(units):
            cells[col] = "、".join(units[n:]) if n == len(columns.units) - 1 else units[n]
    return cells
