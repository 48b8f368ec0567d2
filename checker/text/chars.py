"""Character-level normalization of one paragraph, with a map back to the source.

`clean(text)` returns `(cleaned, offsets)` where `offsets[i]` is the index in `text` of
`cleaned[i]` (non-decreasing, one entry per cleaned character), so that anything found in the
cleaned text can be highlighted in the original.

What it does, in linear passes (codes, translate, punctuation, gaps, year dashes):

* 方正书版 typesetting codes in 〖〗 (〖LM〗 〖HT22.XBS〗 〖JZ(〗 〖HJ5mm〗: no Chinese inside) are
  dropped whole;

* full-width ASCII digits/letters and ％ ． ／ ＋ － ＜ ＞ ＝ become half-width; Chinese
  punctuation (，。；：“”《》 …) stays, and half-width ( ) become full-width （ ） because the
  rest of the pipeline expects Chinese brackets around numbering such as （一） （1）;
* half-width , ; : ! ? next to Chinese text become the full-width marks a plan uses (web copies
  and OCR put half-width ones: "目标:" "提高,"); "1,000" and "12:30" stay;
* typesetting junk is dropped: 〖 〗 (their inside text is kept), soft hyphens, zero-width
  characters, BOM, bidi marks and control characters;
* whitespace (ASCII, U+3000, NBSP, thin spaces …) is removed wherever it touches a CJK
  character or punctuation ("12 / 10 万" → "12/10万", "2022 年 9 月" → "2022年9月"); only a
  run between two Latin letters/digits survives, as one space ("Section 2");
* a dash between two 4-digit years becomes "—" ("2021-2030" / "2021–2030" / "2021~2030" →
  "2021—2030").
"""

from __future__ import annotations

import re
from itertools import compress

__all__ = ["clean"]

# ---- pass 0: 方正书版 codes: 〖 a code of letters, digits and signs 〗
_CODE = re.compile(r"〖[\x21-\x7e（）\s]{1,30}〗")

# ---- pass 1: one-to-one character replacements (length preserving, so offsets stay identity) ----

_TABLE: dict[int, str] = {}
for _c in range(0xFF10, 0xFF1A):  # ０-９
    _TABLE[_c] = chr(_c - 0xFEE0)
for _c in list(range(0xFF21, 0xFF3B)) + list(range(0xFF41, 0xFF5B)):  # Ａ-Ｚ ａ-ｚ
    _TABLE[_c] = chr(_c - 0xFEE0)
for _src, _dst in {
    "％": "%",
    "﹪": "%",
    "．": ".",
    "／": "/",
    "＋": "+",
    "－": "-",
    "＜": "<",
    "＞": ">",
    "＝": "=",
    "(": "（",
    ")": "）",
}.items():
    _TABLE[ord(_src)] = _dst

_NEEDS_TRANSLATE = re.compile("[" + re.escape("".join(map(chr, _TABLE))) + "]")

# ---- pass 1b: half-width punctuation beside Chinese text → full-width (length preserving)
_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’"
# The marks first, so that re skips quickly to candidates; a run of them as one ("?!" before Chinese
# text): each full-width mark is Chinese text to the next.
_HALF_PUNCT = re.compile("[,;:!?]+")
_CJK_CHAR = re.compile(f"[{_CJK}]")
_FULL = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？"}

# ---- pass 2: gaps = runs of whitespace and/or junk ----

# Whitespace that separates words (Python's \s minus the C0 "information separators", which are junk).
_WS_CLASS = "\t\n\x0b\x0c\r \x85\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
# Characters that carry nothing: C0/C1 controls, soft hyphen, zero-width and bidi marks, BOM,
# interlinear annotation marks, and the 〖 〗 that some templates put around headings.
_JUNK_CLASS = (
    "\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u00ad\u034f\u061c\u180b-\u180e"
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb〖〗"
)
_GAP = re.compile(f"[{_WS_CLASS}{_JUNK_CLASS}]+")
_WS = re.compile(f"[{_WS_CLASS}]")
# A "wordish" character: a letter or digit below the CJK blocks (Latin, Greek, Cyrillic …).
_W = "[^\\W_\u2e80-\U0010ffff]"
# Gap characters to drop: all but the first whitespace of a gap that sits between two wordish
# characters ("Section 2", "of the"), which survives as one " ". Everything is decided by
# lookarounds so that one C-level re.sub marks the whole text (letter-spaced PDF text has a gap
# after every character; a Python loop per gap would be slow). At most one junk character may sit
# between the word and the space (lookbehinds must have a fixed width).
# (The character class comes first so that re can skip quickly to candidate positions.)
_DROP_CHAR = re.compile(
    f"[{_WS_CLASS}{_JUNK_CLASS}]"
    f"(?!(?:(?<={_W}[{_WS_CLASS}])|(?<={_W}[{_JUNK_CLASS}][{_WS_CLASS}]))[{_WS_CLASS}{_JUNK_CLASS}]*+{_W})"
)

# ---- pass 3: dashes between two 4-digit years ----

# quick test: a dash of any kind between 19xx/20xx and 19xx/20xx (not part of longer numbers)
# (The year's first digits come first, with the lookbehind after them, so that re can skip quickly.)
_YEAR_DASH = re.compile(r"(?:19|20)(?<![\d.]..)\d\d(?:——|[—–\-‐‑‒−―~～])(?:19|20)\d\d(?![\d.])")
_Y1 = r"(?<=(?<![\d.])(?:19|20)\d\d)"  # preceded by a year
_Y2 = r"(?=(?:19|20)\d\d(?![\d.]))"  # followed by a year
# a one-character dash between years → "—" (length preserving)
_YEAR_DASH_1 = re.compile(_Y1 + "[–\\-‐‑‒−―~～]" + _Y2)
# the second dash of "——" between years, to be dropped
_YEAR_DASH_2 = re.compile(r"(?<=(?<![\d.])(?:19|20)\d\d—)—" + _Y2)


def _mask(s: str, drop: re.Pattern[str], whole: bool = False) -> bytearray:
    """1 for each character of `s` to keep, 0 where `drop` matches (s must not contain NUL;
    `drop` matches one character at a time unless `whole`)."""
    if whole:
        keep = bytearray([1]) * len(s)
        for m in drop.finditer(s):
            keep[m.start() : m.end()] = bytes(m.end() - m.start())
        return keep
    return bytearray(map(bool, map(ord, drop.sub("\x00", s))))


def _full_width(m: re.Match[str]) -> str:
    s, start, end = m.string, m.start(), m.end()
    beside = (start and _CJK_CHAR.match(s, start - 1)) or _CJK_CHAR.match(s, end)
    return "".join(_FULL[c] for c in m[0]) if beside else m[0]


def clean(text: str) -> tuple[str, list[int]]:
    """Normalize one paragraph; return the cleaned text and, per cleaned char, its index in `text`."""
    if not isinstance(text, str):  # be forgiving: the loader should always pass str
        text = "" if text is None else str(text)
    base: list[int] | None = None
    if "〖" in text and _CODE.search(text) is not None:
        keep = _mask(text, _CODE, whole=True)
        base = list(compress(range(len(text)), keep))
        text = "".join(compress(text, keep))
    t = text.translate(_TABLE) if _NEEDS_TRANSLATE.search(text) else text
    n = len(t)

    # pass 2: remove/collapse gaps
    if _GAP.search(t) is None:
        s1, off1 = t, list(range(n))
    else:
        keep = _mask(t, _DROP_CHAR)
        s1 = _WS.sub(" ", "".join(compress(t, keep)))  # the only whitespace left is one per kept gap
        off1 = list(compress(range(n), keep))

    # pass 1b, once the gaps are gone (a mark may only now stand beside Chinese text); length preserving
    if _HALF_PUNCT.search(s1) is not None:
        s1 = _HALF_PUNCT.sub(_full_width, s1)

    # pass 3: year-range dashes (s1 holds no NUL: controls were dropped with the gaps)
    if _YEAR_DASH.search(s1) is not None:
        s1 = _YEAR_DASH_1.sub("—", s1)
        if _YEAR_DASH_2.search(s1) is not None:
            keep = _mask(s1, _YEAR_DASH_2)
            s1 = "".join(compress(s1, keep))
            off1 = list(compress(off1, keep))
    return s1, off1 if base is None else [base[i] for i in off1]


def one_line(cell: str) -> str:
    """A table cell (its lines, as normalize keeps them apart, already clean) read as one line of text."""
    return clean(cell)[0] if "\n" in cell else cell
