"""Numeric targets in one sentence or paragraph of a plan.

    parse_quantities("孕产妇死亡率控制在12/10万以下") → [Quantity("<=", 12, "1/10万", phrase="孕产妇死亡率")]

How it works. The paragraph is normalized with `text.chars.clean` (so stray spaces and full-width
digits do no harm; spans are mapped back to the input), then ONE tokenizer regex walks it left to
right and yields, in order: things to step over (《titles》, 〔2022〕7号, （1） numbering, year
ranges), stage/base/history years ("到2025年", "以2020年为基数", "2020年，…"), sentence and
clause boundaries (。 and ，；：) and number candidates with their unit, range and suffix
("3.0‰", "90%—95%", "12/10万以下", "九成", "三分之一", "两个百分点").

Each candidate is then judged in its clause:

* comparator: a suffix (以上/以下/以内/左右) wins; otherwise the last comparator word before it in
  the clause (达到 ≥, 控制在 ≤, 保持在 =, 不低于 ≥, 高于 > …); otherwise "=";
* numbers that are part of a name are dropped: ages and durations (5岁以下儿童, 0—6岁, 九年义务教育,
  学前3年) count only right after a comparator word ("达到80岁"), Chinese numerals only in target
  shapes (九成, 三分之一, 两个百分点, or right after a comparator word), bare numbers only right after
  a comparator word;
* history is dropped: a past year (≤ 2020) earlier in the sentence without 到, "提高了/已达到",
  "较上一周期", and the X of "由X提高到Y";
* lists share a trailing suffix ("分别降至3.0‰、5.0‰和6.0‰以下" → three "<=") and are zipped with
  listed stage years ("到2025年和2030年…分别达到80%和90%").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..models import Quantity
from ..text.chars import clean
from ..text.numerals import CN_DIGIT, to_float
from .quantity_patterns import (
    ADJ_FILL,
    ADJACENT_WORD,
    ADJACENT_WORDS,
    AFTER,
    ASOF_BEFORE,
    BARE_VERB,
    BASE_AFTER,
    BASE_BEFORE,
    BASE_EXPR,
    CHANGE_DOWN,
    COMPARATOR_WORD,
    COUNT_VERB,
    FROM,
    HIST_CLAUSE,
    HIST_SENT,
    LABEL_TO_FIGURE,
    LIST_GLUE,
    LOOKBACK,
    NAME_UNITS,
    NOT_A_YEAR_AFTER,
    ORDINAL_BEFORE,
    PER_BASE,
    PHRASE_LEAD,
    PHRASE_TAIL,
    STAGE_BEFORE,
    STRONG_UNITS,
    SUFFIX_CMP,
    TOKEN,
    WORD_CMP,
    YEAR_JOIN,
    unit_of,
)

__all__ = ["parse_quantities"]

# ------------------------------------------------------------------ the parser


@dataclass
class _Found:
    comparator: str
    value: float
    unit: str
    start: int
    end: int
    phrase: str
    value_max: float | None = None
    suffix_cmp: str | None = None
    stage: list[int] | None = None  # the stage-year list in force (shared with list-mates)
    group: int = 0  # members of one list ("3.0‰、5.0‰和6.0‰以下") share a group id


@dataclass
class _State:
    text: str
    sent_start: int = 0
    clause_start: int = 0
    stage: list[int] | None = None
    last_year_end: int = -1
    history: bool = False
    past_until: int = -1  # the end of a bracket naming a past year: its figures are history, not what follows
    base_year: int | None = None
    prev: _Found | None = None  # last figure in the current clause
    found: list[_Found] = field(default_factory=list)
    groups: int = 0
    label: tuple[str, int] | None = None  # the unit a name's bracket gives (孕产妇死亡率（1/10万）), where it ends


_TERM = re.compile(r"近期|中期|远期")


def parse_quantities(text: str) -> list[Quantity]:
    """The numeric targets in `text` (one sentence or paragraph), in order of appearance."""
    if not text or not isinstance(text, str):
        return []
    cleaned, offsets = clean(text)
    st = _State(cleaned)
    for m in TOKEN.finditer(cleaned):
        _step(st, m)
    _end_sentence(st)
    out: list[Quantity] = []
    for f in st.found:
        terms = _TERM.findall(cleaned, max(0, f.start - 12), f.start)
        if not f.stage and terms:  # 近期…，远期…: stage and final; the nearest word before the figure
            f.stage = [2025 if terms[-1] in ("近期", "中期") else 2030]
        a = offsets[f.start]
        b = offsets[f.end - 1] + 1
        out.append(
            Quantity(
                comparator=f.comparator,  # type: ignore[arg-type]
                value=f.value,
                unit=f.unit,
                year=_year_of(f, st.found),
                value_max=f.value_max,
                text=text[a:b],
                span=(a, b),
                phrase=f.phrase,
            )
        )
    return out


def _year_of(f: _Found, found: list[_Found]) -> int | None:
    """The stage year: one year for all, or the i-th year for the i-th member of a list."""
    if not f.stage:
        return None
    if len(f.stage) == 1:
        return f.stage[0]
    mates = [g for g in found if g.group == f.group]
    if len(mates) == len(f.stage):
        return f.stage[next(i for i, g in enumerate(mates) if g is f)]
    return f.stage[-1]  # "到2025年和2030年…达到95%": the end-of-plan year


def _end_sentence(st: _State) -> None:
    st.label = None
    st.stage = None
    st.history = False
    st.base_year = None
    st.prev = None


def _step(st: _State, m: re.Match[str]) -> None:
    kind = m.lastgroup
    if kind == "sent":
        _end_sentence(st)
        st.sent_start = st.clause_start = m.end()
    elif kind == "clause":
        st.clause_start = m.end()
        st.prev = None
    elif kind == "year":
        _on_year(st, m)
    elif kind == "cnstage":
        st.stage = [2025]
        st.history = False
        st.last_year_end = m.end()
    elif kind == "cnhist":
        st.history = True
    elif kind == "unitlabel":
        st.label = (
            "1/万" if m["lunit"] == "1/万" else "1/10万" if m["lunit"].startswith("1/") else m["lunit"],
            m.end(),
        )
    elif kind in ("frac", "cheng", "half", "qty"):
        _on_number(st, m)
    # lead / title / docno / ordinal / yrange: stepped over


def _on_year(st: _State, m: re.Match[str]) -> None:
    t = st.text
    y = int(m.group("y"))
    before = t[max(st.clause_start, m.start() - 8) : m.start()]  # only its tail matters
    after = t[m.end() : m.end() + 8]
    if NOT_A_YEAR_AFTER.match(after) or before.endswith(("由", "从")):
        return  # a date (2022年9月30日), a title word (2035年远景目标), or the year of a "from" value
    if before.endswith("（") and after.startswith("）") and st.found:
        # "14/10万以下（2025年）": the year in brackets after a figure is that figure's stage.
        last = st.found[-1]
        if re.fullmatch(r"(?:及?以[上下内])?", t[last.end : m.start() - 1]):
            last.stage = [y]
            return
    if BASE_BEFORE.search(before) or BASE_AFTER.match(after):
        st.base_year = y  # 以2020年为基数 / 比2020年 / 在2020年基础上 / 与2020年相比
        last = st.found[-1] if st.found else None
        if (
            last
            and last.unit in ("% below", "% above")
            and re.fullmatch(r"(?:及?以[上下])?[（(]以?", t[last.end : m.start()])
        ):
            last.unit += f" {y}"  # 下降20%（以2020年为基数）: the base named after the change's figure
        return
    if ASOF_BEFORE.search(before):
        stage = y >= 2021
    elif STAGE_BEFORE.search(before):
        stage = True
    else:
        stage = y >= 2021
    if not stage:
        opened = t.rfind("（", st.sent_start, m.start())
        if opened > t.rfind("）", st.sent_start, m.start()):  # （2020年：96.1%）: the past is the bracket's only
            close = t.find("）", m.end())
            st.past_until = close if close >= 0 else len(t)
            return
        st.history = True
        st.stage = None
        return
    joined = (
        st.stage is not None
        and m.start() - st.last_year_end <= 2
        and YEAR_JOIN.fullmatch(t, st.last_year_end, m.start()) is not None
    )
    if joined and st.stage is not None:
        st.stage.append(y)  # "到2025年和2030年" → [2025, 2030] (no figure can sit in between)
    else:
        st.stage = [y]
    st.last_year_end = m.end()
    st.history = False


def _prefix_comparator(region: str) -> tuple[str | None, int, bool]:
    """The comparator the clause text before a number sets.

    Returns (comparator, start of its word in region, whether the word is adjacent to the number);
    comparator None if none. The change verbs ("下降20%") come back as "down"/"up"."""
    best: tuple[str | None, int, bool] = (None, -1, False)
    n = len(region)
    for w in COMPARATOR_WORD.finditer(region):
        word = w.group()
        fill = ADJ_FILL.match(region, w.end())
        adjacent = fill is not None and fill.end() == n
        if word in WORD_CMP:
            cmp = WORD_CMP[word]
        elif not adjacent:
            continue
        elif word in ADJACENT_WORDS:
            cmp = ADJACENT_WORDS[word]
        elif word in CHANGE_DOWN:
            cmp = "down"
        else:
            cmp = "up"
        best = (cmp, w.start(), adjacent)
    return best


@dataclass
class _Number:
    """A number candidate as written: value, unit, range, suffix (以上 …) and symbol (≥ …)."""

    kind: str  # frac / cheng / half / qty
    value: float
    unit: str
    start: int
    suffix: str | None = None
    sym: str | None = None
    value_max: float | None = None
    chinese: bool = False


def _on_number(st: _State, m: re.Match[str]) -> None:
    # the clause text before the number; looking back a bounded distance keeps a huge paragraph
    # without punctuation linear
    region_start = max(st.clause_start, m.start() - LOOKBACK)
    region = st.text[region_start : m.start()]
    n = _read_number(m, region)
    if n is None or _not_a_figure(st, n, region) or _benchmark(region, st.text[m.end() : m.end() + 6]):
        return
    cmp, word_at, adjacent = _prefix_comparator(region)
    symbol = {"≥": ">=", "≤": "<=", ">=": ">=", "<=": "<=", ">": ">", "<": "<"}[n.sym] if n.sym else None
    if symbol and cmp not in ("down", "up"):  # 下降≥20% (a table's 较2020年下降 | ≥20) stays a change
        cmp, adjacent = symbol, True
    suffix_cmp = SUFFIX_CMP.get(n.suffix) if n.suffix else None
    if not _is_figure(n, region, adjacent, suffix_cmp):
        return
    if (
        not n.unit
        and st.label
        and n.start - st.label[1] <= LOOKBACK
        and LABEL_TO_FIGURE.fullmatch(st.text, st.label[1], n.start)
    ):
        n.unit = st.label[0]  # 孕产妇死亡率（1/10万）控制在10以下: the figure's unit is the name's
    if cmp in ("down", "up"):  # a change: "以2020年为基数下降20%"
        if n.unit in ("%", "‰", "1/10万", "1/万"):
            n.unit = f"{n.unit} {'below' if cmp == 'down' else 'above'}" + (f" {st.base_year}" if st.base_year else "")
            base = BASE_EXPR.search(region[:word_at])  # show the base with the figure
            n.start = region_start + (base.start() if base else word_at)
        cmp = symbol or ">="
    comparator = suffix_cmp or cmp or "="
    if comparator == "=" and n.unit == "%" and st.text[m.end() : m.end() + 1] == "的":
        comparator = ">="  # 95%的城市社区建立家长学校: a share of units reached, "at least"
    if n.value_max is not None:
        comparator = ">=" if comparator != "about" else "about"
    n.unit = _per_head(n.unit, region)
    _record(st, m, n, comparator, suffix_cmp, region[: word_at if cmp is not None else len(region)], region_start)


def _read_number(m: re.Match[str], region: str) -> _Number | None:
    """The number a token writes: 三分之一 → 33.33%, 九成五 → 95%, 90%—95%, 12/10万以下 …"""
    kind = m.lastgroup or ""
    if kind == "frac":
        den, num = to_float(m.group("den")), to_float(m.group("fnum"))
        if not den or num is None:
            return None
        if unit := {100: "%", 1000: "‰", 10000: "1/万", 100000: "1/10万"}.get(int(den)):
            return _Number(kind, num, unit, m.start(), m.group("fsuf"))
        return _Number(kind, round(num / den * 100, 2), "%", m.start(), m.group("fsuf"))
    if kind == "cheng":  # 九成 = 90%, 九成五 = 95%
        value = float(CN_DIGIT[m.group("cv")] * 10 + CN_DIGIT.get(m.group("cv2") or "", 0))
        return _Number(kind, value, "%", m.start(), m.group("csuf"), chinese=True)
    if kind == "half":
        return _Number(kind, 50.0, "%", m.start(), m.group("hsuf"), chinese=True)
    v1 = m.group("v1")
    chinese = not v1[0].isdigit()
    unit = unit_of(m)
    value = to_float(v1)
    if (chinese and (not unit or len(v1) > 8)) or value is None:  # 为一体, 建设一批, 缩小两性: not figures
        return None
    n = _Number(kind, value, unit, m.start(), m.group("suf"), m.group("sym"), chinese=chinese)
    if m.group("v2") is not None:
        v2, unit2 = to_float(m.group("v2")), unit_of(m, "r_")
        if v2 is None or (unit and unit2 and unit != unit2):
            return None
        n.unit, n.value_max = unit or unit2, v2
        if FROM.search(region[-16:]) and m.group("sep") == "至":  # "由90%至95%": a from-to, keep the "to"
            n.value, n.value_max, n.start = v2, None, m.start("v2")
    return n


def _benchmark(region: str, after: str) -> bool:
    """对标杭州市学前教育毛入园率99%的水平: another's figure the plan measures itself by, not its own target."""
    return bool(_BENCHMARK.search(region)) and bool(_LEVEL_AFTER.match(after))


_BENCHMARK = re.compile(r"对标|对照|参照|比照|看齐")
_LEVEL_AFTER = re.compile(r"(?:及?以[上下])?的?(?:水平|标准)")


def _not_a_figure(st: _State, n: _Number, region: str) -> bool:
    """Numbers that are part of a name, an ordinal or history."""
    tail = region[-16:]  # for the patterns anchored at the number
    if ORDINAL_BEFORE.search(tail):  # 第二个百年, 每一所, 另一半
        return True
    if not n.unit and not n.suffix and not n.sym and not ADJACENT_WORD.search(tail):
        return True  # a bare number not right after a comparator word: 1000天, 3:2, 12345热线
    if (
        n.chinese
        and n.unit != "个百分点"
        and not (n.suffix and n.kind in ("cheng", "half"))
        and not (ADJACENT_WORD.search(tail) or COUNT_VERB.search(tail))
    ):
        return True  # 四个意识, 第一个五年, 学前三年: Chinese numerals in names
    if n.value_max is None and FROM.search(tail):  # the X of "由X提高到Y"
        return True
    if HIST_CLAUSE.search(region) or HIST_SENT.search(st.text, max(st.sent_start, n.start - LOOKBACK), n.start):
        return True
    return n.start < st.past_until or (st.history and not st.stage)


def _is_figure(n: _Number, region: str, adjacent: bool, suffix_cmp: str | None) -> bool:
    """Ages, durations and Chinese numerals count only right after a comparator word; bare
    numbers only there or with a suffix; numbers with a rate or count unit always."""
    if n.unit in NAME_UNITS or (n.chinese and n.unit != "个百分点"):
        if n.kind in ("cheng", "half") and suffix_cmp:
            return True
        return adjacent or (n.chinese and bool(COUNT_VERB.search(region)) and n.unit not in NAME_UNITS)
    if n.unit == "":
        return adjacent or suffix_cmp is not None
    return True


def _per_head(unit: str, region: str) -> str:
    """每千人口…4.5个 → 个/千人; rates, ages and changes keep their unit."""
    if unit in STRONG_UNITS or unit in NAME_UNITS or "below" in unit or "above" in unit:
        return unit
    pers = list(PER_BASE.finditer(region))
    if not pers:
        return unit
    per = pers[-1]
    n = {"10万": "十万", "1000": "千", "100": "百"}.get(per.group("n"), per.group("n"))
    who = per.group("who")
    return f"{unit}/{n}{'人' if who in ('人口', '人') else who}"


def _record(
    st: _State, m: re.Match[str], n: _Number, comparator: str, suffix_cmp: str | None, subject: str, region_start: int
) -> None:
    """Add the figure; a member of a list ("3.0‰、5.0‰和6.0‰以下") shares its phrase and trailing suffix."""
    prev = st.prev
    if prev is not None and LIST_GLUE.fullmatch(st.text, prev.end, m.start()):
        group, phrase = prev.group, prev.phrase
        if suffix_cmp:  # a trailing 以下/以上 applies to every member without its own
            for g in st.found:
                if g.group == group and g.suffix_cmp is None and g.value_max is None:
                    g.comparator = suffix_cmp
    else:
        st.groups += 1
        group = st.groups
        lo = 0 if prev is None else max(0, prev.end - region_start)
        phrase = _phrase(st.text, subject[lo:], m.end())
    f = _Found(comparator, n.value, n.unit, n.start, m.end(), phrase, n.value_max, suffix_cmp, st.stage, group)
    st.found.append(f)
    st.prev = f


def _phrase(t: str, before: str, end: int) -> str:
    """What the figure at t[…:end] is about: `before` (the clause text since the previous figure,
    up to the comparator word), without verbs and connectives."""
    p = before
    p = PHRASE_LEAD.sub("", p)
    p = PHRASE_TAIL.sub("", p)
    if p.startswith("的") or BARE_VERB.fullmatch(p):
        # "90%的城区社区和80%的农村社区": the text belongs to the previous figure;
        # "建成5个儿童之家": only a verb before the figure
        p = ""
    if not p:  # a figure at the head of its clause: "95%的城市社区…" → what follows it
        tail = AFTER.match(t, end, end + LOOKBACK)
        p = PHRASE_TAIL.sub("", tail.group(1)) if tail else ""
    return p.strip()
