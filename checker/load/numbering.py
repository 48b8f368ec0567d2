"""Word's automatic numbering: the number a paragraph shows (一、 （一） 1. （1）) is not in its text but
drawn from numbering.xml. It is written back in front of the text, as Word draws it, so that a
numbered heading or target item reads the same as one whose number was typed."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CN = "一二三四五六七八九"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))  # fmt: skip


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""


@dataclass
class Numbering:
    """The numbering definitions of one .docx and the counters of its lists, advanced paragraph by paragraph."""

    abstract: dict[str, dict[int, _Level]] = field(default_factory=dict)
    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)  # numId → abstract, start overrides
    styles: dict[str, tuple[str | None, int | None, str | None]] = field(default_factory=dict)  # numId, ilvl, basedOn
    counters: dict[str, list[int | None]] = field(default_factory=dict)

    @classmethod
    def of(cls, document: Any) -> Numbering:
        found = cls()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):  # a file without numbering.xml
            root = None
        if root is not None:
            for a in root.iterchildren(f"{_W}abstractNum"):
                found.abstract[a.get(f"{_W}abstractNumId")] = {
                    _int(lvl.get(f"{_W}ilvl"), 0): _level(lvl) for lvl in a.iterchildren(f"{_W}lvl")
                }
            for n in root.iterchildren(f"{_W}num"):
                ref = n.find(f"{_W}abstractNumId")
                starts = {
                    _int(o.get(f"{_W}ilvl"), 0): _int(s.get(f"{_W}val"), 1)
                    for o in n.iterchildren(f"{_W}lvlOverride")
                    if (s := o.find(f"{_W}startOverride")) is not None
                }
                found.nums[n.get(f"{_W}numId")] = (ref.get(f"{_W}val") if ref is not None else "", starts)
        for style in document.styles.element.iterchildren(f"{_W}style"):
            num_id, ilvl = _num_pr(style.find(f"{_W}pPr"))
            based = style.find(f"{_W}basedOn")
            found.styles[style.get(f"{_W}styleId")] = (
                num_id,
                ilvl,
                based.get(f"{_W}val") if based is not None else None,
            )
        return found

    def label(self, p: Any) -> str:
        """The number paragraph p shows ("" if none), counting it."""
        if not self.nums:
            return ""
        ppr = p.find(f"{_W}pPr")
        num_id, ilvl = _num_pr(ppr)
        style = ppr.find(f"{_W}pStyle") if ppr is not None else None
        seen = 0
        style_id = style.get(f"{_W}val") if style is not None else None
        while (num_id is None or ilvl is None) and style_id in self.styles and seen < 10:
            s_num, s_lvl, style_id = self.styles[style_id]
            num_id, ilvl, seen = num_id or s_num, s_lvl if ilvl is None else ilvl, seen + 1
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        abstract_id, starts = self.nums[num_id]
        levels = self.abstract.get(abstract_id, {})
        ilvl = ilvl or 0
        if ilvl not in levels or ilvl > 8:  # Word has nine levels
            return ""
        # Lists made from one definition continue one another, unless a list restarts its numbers.
        key = num_id if starts else abstract_id
        counts = self.counters.setdefault(key, [None] * 9)
        start = starts.get(ilvl, levels[ilvl].start)
        counts[ilvl] = start if counts[ilvl] is None else counts[ilvl] + 1
        counts[ilvl + 1 :] = [None] * (8 - ilvl)
        if levels[ilvl].fmt in ("bullet", "none"):
            return ""

        def number(m: re.Match) -> str:
            k = int(m[1]) - 1
            level = levels.get(k, _Level())
            value = counts[k] if k < len(counts) and counts[k] is not None else starts.get(k, level.start)
            return _format(value, level.fmt)

        label = re.sub(r"%([1-9])", number, levels[ilvl].text)
        return label + ("\t" if label else "")


def _level(lvl: Any) -> _Level:
    def val(tag: str, default: str) -> str:
        e = lvl.find(f"{_W}{tag}")
        return e.get(f"{_W}val", default) if e is not None else default

    return _Level(start=_int(val("start", "1"), 1), fmt=val("numFmt", "decimal"), text=val("lvlText", ""))


def _num_pr(ppr: Any) -> tuple[str | None, int | None]:
    num_pr = ppr.find(f"{_W}numPr") if ppr is not None else None
    if num_pr is None:
        return None, None
    num_id = num_pr.find(f"{_W}numId")
    ilvl = num_pr.find(f"{_W}ilvl")
    return (
        num_id.get(f"{_W}val") if num_id is not None else None,
        _int(ilvl.get(f"{_W}val"), 0) if ilvl is not None else None,
    )


def _int(value: str | None, default: int) -> int:
    """A number attribute; a damaged one (a file written by a careless tool) counts as its default."""
    try:
        return max(int(value), 0) if value is not None else default
    except ValueError:
        return default


def _format(n: int, fmt: str) -> str:
    if fmt.startswith(("chineseCounting", "japaneseCounting", "taiwaneseCounting", "chineseLegalSimplified")):
        return _chinese(n)
    if fmt == "ideographTraditional" and 1 <= n <= 10:
        return _STEMS[n - 1]
    if fmt == "decimalEnclosedCircle" and 1 <= n <= 20:
        return chr(0x245F + n)
    if fmt in ("upperLetter", "lowerLetter") and n >= 1:
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("upperRoman", "lowerRoman") and n >= 1:
        roman = ""
        for value, digits in _ROMAN:
            while n >= value:
                roman, n = roman + digits, n - value
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)  # decimal, decimalFullWidth … (full-width digits become half-width when cleaned anyway)


def _chinese(n: int) -> str:
    """一 … 十, 十一, 二十一, up to 九十九 (plans never number further)."""
    if not 1 <= n <= 99:
        return str(n)
    tens, ones = divmod(n, 10)
    return ("" if tens <= 1 else _CN[tens - 1]) + ("十" if tens else "") + (_CN[ones - 1] if ones else "")
