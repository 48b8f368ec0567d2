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

__all__ = ["parse_quantities"]


# ------------------------------------------------------------------ building blocks of the tokenizer

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"  # 95  8.2  10,000
_CN = r"[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?"  # 十一  两  十五点五

# Units, longest first. The group names say what they normalize to (see _UNIT_NAME).
_UNIT = r"""
    (?P<per100k>/(?:10万|十万|100000)(?:人口|人|活产儿?)?)   # 12/10万 → "1/10万"
  | (?P<per10k>/万(?:人口|人)?)                            # 3/万 → "1/万"
  | (?P<permille>‰)
  | (?P<percent>%)
  | (?P<points>个?百分点)
  | (?P<age>周?岁)
  | (?P<years>年)
  | (?P<hours>个?小时)
  | (?P<sqm>平方米|㎡)
  | (?P<count>万人次|人次|万人|万元|元|人|张|名|所|家|次|项|倍|座|处|课时|学时|个(?![月工]))
"""
_SUFFIX = r"及以上|以上水平|以上|及以下|以下|以内|左右|上下"
_RANGE_SEP = r"[—\-–~～至]"

_TOKEN = re.compile(
    rf"""
    # numbering at the start of a paragraph or sentence: "1." "2．" "3、" (but "3.0‰ …" is a value,
    # and in "8.5岁以下儿童…" the "8." is the numbering)
      (?P<lead>(?:^|(?<=[。；;！？!?\n]))[-•·]?\d{{1,2}}(?:、|\.(?!\d+(?:\.\d+)?(?:%|‰|/|个?百分点))))
    | (?P<title>《[^《》]*》)                                          # titles: 《…（2021—2030年）》
    | (?P<docno>〔(?:19|20)\d\d〕第?\d+号)                             # 东昌政发〔2022〕7号
    | (?P<ordinal>（(?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}})）|[①-⑳⑴-⒇])  # （1） （一） ①
    | (?P<yrange>(?<![\d.])(?:19|20)\d\d[—\-–~～至到](?:19|20)\d\d年?(?![\d.]))  # 2021—2030年
    | (?P<year>(?<![\d.])(?P<y>(?:19|20)\d\d)年(?P<yend>底|末|前|初)?)    # 2025年
    | (?P<cnstage>(?:到|至)“?十四五”?(?:末|期末|时期末))                  # 到“十四五”末 = 2025
    | (?P<cnhist>“?十三五”?(?:末|期末|期间|时期))                        # “十三五”时期: history
    | (?P<ratio>\d+(?:\.\d+)?[:：]\d+(?:\.\d+)?)                       # 3:2 (a ratio, not a target figure)
    | (?P<sent>[。！？!?\n])
    | (?P<clause>[，；;：:]|,(?!\d{{3}}(?!\d)))
    # Chinese fractions and shares: 三分之一  百分之九十  千分之三  九成  一半
    # (each alternative is one outer group, so that m.lastgroup names it)
    | (?P<frac>(?P<den>[二三四五六七八九十百千]+)分之(?P<fnum>{_CN}|{_NUM})(?P<fsuf>{_SUFFIX})?)
    | (?P<cheng>(?P<cv>[一二三四五六七八九]|十)成(?P<cv2>[一二三四五六七八九](?![成员立为]))?
        (?![员立为])(?P<csuf>{_SUFFIX})?)
    | (?P<half>一半(?P<hsuf>{_SUFFIX})?)
    # a value with optional unit, optional range and optional suffix: ≥90%  90%—95%  12/10万以下
    | (?P<qty>
        (?P<sym>≥|≤|>=|<=|>|<)?
        (?P<v1>{_NUM}|{_CN})(?P<u1>{_UNIT})?
        (?:(?P<sep>{_RANGE_SEP})(?!(?:19|20)\d\d年)(?P<v2>{_NUM})(?P<u2>{_UNIT.replace("?P<", "?P<r_")})?)?
        (?P<suf>{_SUFFIX})?
      )
    """,
    re.VERBOSE,
)

_UNIT_NAME = {
    "per100k": "1/10万",
    "per10k": "1/万",
    "permille": "‰",
    "percent": "%",
    "points": "个百分点",
    "age": "岁",
    "years": "年",
    "hours": "小时",
    "sqm": "平方米",
}
_STRONG_UNITS = {"1/10万", "1/万", "‰", "%", "个百分点"}  # a number with these is a figure by itself
_NAME_UNITS = {"岁", "年"}  # 5岁以下儿童, 九年义务教育: a target only right after a comparator word


def _unit_of(m: re.Match[str], prefix: str = "") -> str:
    """The normalized unit from the unit groups of a _TOKEN match ('' if none matched)."""
    for key, name in _UNIT_NAME.items():
        if m.group(prefix + key) is not None:
            return name
    count = m.group(prefix + "count")
    if count is not None:
        return count.lstrip("个") or "个"
    return ""


# ------------------------------------------------------------------ comparator words

# word → comparator. Matched in the clause text before the number; the LAST one wins.
_LEVEL_WORDS = {
    ">=": "不低于 不少于 不小于 至少 最少 大于等于 大于或等于 ≥ >= 达到并保持在 达到并保持 达到 "
    "提高到 提高至 提升到 提升至 增加到 增加至 增长到 增长至 增至 上升到 上升至 扩大到 扩大至",
    "<=": "不高于 不超过 不多于 不大于 至多 最多 小于等于 小于或等于 ≤ <= 下降到 下降至 降至 降到 "
    "降低到 降低至 控制在 控制到 控制于 减少到 减少至 减至 缩小到 缩小至",
    ">": "高于 超过 大于 多于 >",
    "<": "低于 少于 小于 不足 <",
    "=": "保持在 稳定在 维持在 保持 稳定 维持",
}
# Words that only count right before the number: "达" (达标率 is not 达), "为"/"是" (以…为单位),
# "约"; and the change verbs ("下降20%" is a change, "降低婚姻家庭纠纷…" is not a figure).
_ADJACENT_WORDS = {"达": ">=", "为": "=", "是": "=", "约": "about", "大约": "about"}
_CHANGE_DOWN = ("下降", "降低", "减少", "缩小", "压减")
_CHANGE_UP = ("提高", "提升", "增加", "增长", "上升", "扩大")

_WORD_CMP: dict[str, str] = {}
for _cmp, _words in _LEVEL_WORDS.items():
    for _w in _words.split():
        _WORD_CMP[_w] = _cmp
_ALL_WORDS = set(_WORD_CMP) | set(_ADJACENT_WORDS) | set(_CHANGE_DOWN) | set(_CHANGE_UP)
_COMPARATOR_WORD = re.compile("|".join(re.escape(w) for w in sorted(_ALL_WORDS, key=len, reverse=True)))
_ADJACENT_WORD = re.compile(f"(?:{_COMPARATOR_WORD.pattern})(?:分别|均|都|各|平均|再|累计|共|总共|每年|逐年|年均)*$")
# What may sit between a comparator word and its number: "分别降至", "均达到", "平均每年降低"…
_ADJ_FILL = re.compile(r"(?:分别|均|都|各|平均|再|累计|共|总共|每年|逐年|年均)*")
# Verbs that let a Chinese-numeral count through: "建成三个…", "配备一名…".
_COUNT_VERB = re.compile(r"(?:建成|建设|建立|新建|新增|配备|拥有|设立|开设|创建|培育|打造|有)(?:分别|均|各)*$")

_SUFFIX_CMP = {
    "以上": ">=",
    "及以上": ">=",
    "以上水平": ">=",
    "以下": "<=",
    "及以下": "<=",
    "以内": "<=",
    "左右": "about",
    "上下": "about",
}

# ------------------------------------------------------------------ context patterns

# history inside the clause: "提高了5个百分点", "已达到95%", "目前为…"
_HIST_CLAUSE = re.compile(
    r"(?:提高|提升|下降|降低|增加|增长|减少|上升|达到|缩小|扩大|实现|完成)了"
    r"|已(?:经)?(?:达到?|提高|提升|降低|下降|增加|增长|减少|上升|实现|完成|建成|超过|覆盖)"
    r"|目前|现为|现有|同比|环比|较上年|比上年"
)
# history anywhere earlier in the sentence: "较上一周期…"
_HIST_SENT = re.compile(r"上一周期|上个周期|上轮规划|上一轮规划|上期规划")
# the "from" value of "由X提高到Y" / "从X下降到Y" (also "由2020年的X…")
_FROM = re.compile(r"(?:由|从)(?:(?:19|20)\d\d年(?:底|末)?的?)?$")
# a base year: "以2020年为基数" "比2020年" "较2020年" "在2020年基础上" "与2020年相比"
_BASE_EXPR = re.compile(r"(?:以|比|较|在|与)(?:19|20)\d\d年(?:数据|水平)?(?:为基数|为基准|为基期|的?基础上|相比)?$")
_BASE_BEFORE = re.compile(r"(?:比|较|与|同)$")
_BASE_AFTER = re.compile(r"^(?:数据|水平)?(?:为基数|为基准|为基期|的?基础上|相比|比较)")
_STAGE_BEFORE = re.compile(r"(?:到|至|于|力争|争取|确保|预计|计划)$")
_ASOF_BEFORE = re.compile(r"(?:截至|截止|截止到)$")
_NOT_A_YEAR_AFTER = re.compile(r"^(?:\d{1,2}月|远景|规划|纲要|版)")
_YEAR_JOIN = re.compile(r"(?:和|、|及|与|以及|或)")
# per-head bases: 每千人口 → "/千人", 每千名儿童 → "/千名儿童", 每百名学生 → "/百名学生"
_PER_BASE = re.compile(
    r"每(?P<n>十万|10万|千|1000|百|100|万)(?:常住)?(?P<who>人口|人|名(?:儿童|学生|新生儿|婴儿|活产儿?)?)"
)
# how a number looks when it is part of an ordinal or an identifier
_ORDINAL_BEFORE = re.compile(r"(?:第|每|另)$")
_LIST_GLUE = re.compile(r"[、和及与或]*")  # between members of a list "3.0‰、5.0‰和6.0‰"

# phrase clean-up
_PHRASE_LEAD = re.compile(
    r"^(?:[-•·]?\d{1,2}[.、]|（\d{1,2}）|[①-⑳]|[、和及与并且]|并且|同时|其中|以及|使|让|将|把|对|确保|力争|争取|"
    r"要|应|全面|促进|推动|保证|实现|倡导|实施|"
    r"到(?:19|20)\d\d年(?:底|末|前)?|(?:19|20)\d\d年(?:底|末|前)?|到“?十四五”?(?:末|期末|时期末))+"
)
_PHRASE_TAIL = re.compile(
    r"(?:分别|均|都|各|平均|累计|每年|逐年|年均|力争|争取|要|应当|应|将|基本|总体|一般|约|大约|在|为|是|并|且|"
    r"已|再|仍|也|可|能|和|及|与|、|的"
    r"|(?:以|比|较|在|与)(?:19|20)\d\d年(?:数据|水平)?(?:为基数|为基准|为基期|的?基础上|相比)?"
    r"|在[^，。；]{0,8}基础上|以[^，。；]{1,12}为单位"
    r"|(?:由|从)(?:(?:19|20)\d\d年(?:底|末)?的?)?\d[^，。；]*)+$"
)
_BARE_VERB = re.compile(
    r"(?:建成|建设|建立|新建|新增|配备|拥有|设立|开设|创建|共有|有|达|实施|组织|开展|参加|培育|打造|完成)+"
)
# the text after a figure at the head of its clause, up to the next number or punctuation
_AFTER = re.compile(r"的?([^，。；;,：:！？!?\n]*?)(?=\d|[，。；;,：:！？!?\n]|$)")
_LOOKBACK = 160  # how far back (and forward) in a clause to look for words about a figure
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
    base_year: int | None = None
    prev: _Found | None = None  # last figure in the current clause
    found: list[_Found] = field(default_factory=list)
    groups: int = 0


_TERM = re.compile(r"近期|中期|远期")


def parse_quantities(text: str) -> list[Quantity]:
    """The numeric targets in `text` (one sentence or paragraph), in order of appearance."""
    if not text or not isinstance(text, str):
        return []
    try:
        cleaned, offsets = clean(text)
        st = _State(cleaned)
        for m in _TOKEN.finditer(cleaned):
            _step(st, m)
        _end_sentence(st)
    except Exception:  # never let one odd paragraph stop a report
        return []
    out: list[Quantity] = []
    for f in st.found:
        if not f.stage and (term := _TERM.search(cleaned, max(0, f.start - 12), f.start)):
            f.stage = [2025 if term[0] in ("近期", "中期") else 2030]  # 近期…，远期…: stage and final
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
    elif kind in ("frac", "cheng", "half", "qty"):
        _on_number(st, m)
    # lead / title / docno / ordinal / yrange: stepped over


def _on_year(st: _State, m: re.Match[str]) -> None:
    t = st.text
    y = int(m.group("y"))
    before = t[max(st.clause_start, m.start() - 8) : m.start()]  # only its tail matters
    after = t[m.end() : m.end() + 8]
    if _NOT_A_YEAR_AFTER.match(after) or before.endswith(("由", "从")):
        return  # a date (2022年9月30日), a title word (2035年远景目标), or the year of a "from" value
    if before.endswith("（") and after.startswith("）") and st.found:
        # "14/10万以下（2025年）": the year in brackets after a figure is that figure's stage.
        last = st.found[-1]
        if re.fullmatch(r"(?:及?以[上下内])?", t[last.end : m.start() - 1]):
            last.stage = [y]
            return
    if _BASE_BEFORE.search(before) or _BASE_AFTER.match(after):
        st.base_year = y  # 以2020年为基数 / 比2020年 / 在2020年基础上 / 与2020年相比
        return
    if _ASOF_BEFORE.search(before):
        stage = y >= 2021
    elif _STAGE_BEFORE.search(before):
        stage = True
    else:
        stage = y >= 2021
    if not stage:
        st.history = True
        st.stage = None
        return
    joined = (
        st.stage is not None
        and m.start() - st.last_year_end <= 2
        and _YEAR_JOIN.fullmatch(t, st.last_year_end, m.start()) is not None
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
    for w in _COMPARATOR_WORD.finditer(region):
        word = w.group()
        fill = _ADJ_FILL.match(region, w.end())
        adjacent = fill is not None and fill.end() == n
        if word in _WORD_CMP:
            cmp = _WORD_CMP[word]
        elif not adjacent:
            continue
        elif word in _ADJACENT_WORDS:
            cmp = _ADJACENT_WORDS[word]
        elif word in _CHANGE_DOWN:
            cmp = "down"
        else:
            cmp = "up"
        best = (cmp, w.start(), adjacent)
    return best


def _on_number(st: _State, m: re.Match[str]) -> None:
    t = st.text
    kind = m.lastgroup
    start, end = m.span()
    # the clause text before the number; looking back a bounded distance keeps a huge paragraph
    # without punctuation linear
    region_start = max(st.clause_start, start - _LOOKBACK)
    region = t[region_start:start]
    value_max: float | None = None
    sym = None
    chinese = False

    if kind == "frac":
        den = to_float(m.group("den"))
        num = to_float(m.group("fnum"))
        if not den or num is None:
            return
        if den == 100:
            value, unit = num, "%"
        elif den == 1000:
            value, unit = num, "‰"
        else:
            value, unit = round(num / den * 100, 2), "%"
        suffix = m.group("fsuf")
    elif kind == "cheng":
        # 九成 = 90%, 九成五 = 95%
        value, unit = float(CN_DIGIT[m.group("cv")] * 10 + CN_DIGIT.get(m.group("cv2") or "", 0)), "%"
        suffix = m.group("csuf")
        chinese = True
    elif kind == "half":
        value, unit = 50.0, "%"
        suffix = m.group("hsuf")
        chinese = True
    else:
        v1 = m.group("v1")
        chinese = not v1[0].isdigit()
        unit = _unit_of(m)
        if chinese and (not unit or len(v1) > 8):  # 为一体, 建设一批, 缩小两性: not figures
            return
        value_f = to_float(v1)
        if value_f is None:
            return
        value = value_f
        if m.group("v2") is not None:
            v2 = to_float(m.group("v2"))
            unit2 = _unit_of(m, "r_")
            if v2 is None or (unit and unit2 and unit != unit2):
                return
            unit = unit or unit2
            value_max = v2
            if _FROM.search(region[-16:]) and m.group("sep") == "至":
                # "由90%至95%": a from-to, keep the "to"
                value, value_max = v2, None
                start = m.start("v2")
        suffix = m.group("suf")
        sym = m.group("sym")

    # numbers that are not figures
    tail = region[-16:]  # for the patterns anchored at the number
    if _ORDINAL_BEFORE.search(tail):  # 第二个百年, 每一所, 另一半
        return
    if not unit and not suffix and not sym and not _ADJACENT_WORD.search(tail):
        return  # a bare number not right after a comparator word: 1000天, 3:2, 12345热线
    if (
        chinese
        and unit != "个百分点"
        and not (suffix and kind in ("cheng", "half"))
        and not (_ADJACENT_WORD.search(tail) or _COUNT_VERB.search(tail))
    ):
        return  # 四个意识, 第一个五年, 学前三年: Chinese numerals in names
    if value_max is None and _FROM.search(tail):  # the X of "由X提高到Y"
        return
    if _HIST_CLAUSE.search(region) or _HIST_SENT.search(t, max(st.sent_start, start - _LOOKBACK), start):
        return
    if st.history and not st.stage:
        return

    cmp, word_at, adjacent = _prefix_comparator(region)
    if sym:
        cmp, adjacent = {"≥": ">=", "≤": "<=", ">=": ">=", "<=": "<=", ">": ">", "<": "<"}[sym], True
    suffix_cmp = _SUFFIX_CMP.get(suffix) if suffix else None

    # is it a figure at all?
    if unit in _NAME_UNITS or (chinese and unit != "个百分点"):
        ok = adjacent or (chinese and bool(_COUNT_VERB.search(region)) and unit not in _NAME_UNITS)
        if kind in ("cheng", "half") and suffix_cmp:
            ok = True
    elif unit == "":
        ok = adjacent or suffix_cmp is not None
    else:
        ok = True  # strong units and Arabic counts
    if not ok:
        return

    # comparator
    if cmp in ("down", "up"):
        if unit in ("%", "‰", "1/10万", "1/万"):
            direction = "below" if cmp == "down" else "above"
            unit = f"{unit} {direction}" + (f" {st.base_year}" if st.base_year else "")
            # show the base with the figure: "以2020年为基数下降20%"
            base = _BASE_EXPR.search(region[:word_at])
            start = region_start + (base.start() if base else word_at)
        cmp = ">="
    comparator = suffix_cmp or cmp or "="
    if comparator == "=" and unit == "%" and t[end : end + 1] == "的":
        comparator = ">="  # 95%的城市社区建立家长学校: a share of units reached, "at least"
    if value_max is not None:
        comparator = ">=" if comparator != "about" else "about"

    # per-head units: 每千人口…4.5个 → 个/千人
    if unit not in _STRONG_UNITS and unit not in _NAME_UNITS and "below" not in unit and "above" not in unit:
        pers = list(_PER_BASE.finditer(region))
        if pers:
            per = pers[-1]
            n = {"10万": "十万", "1000": "千", "100": "百"}.get(per.group("n"), per.group("n"))
            who = per.group("who")
            unit = f"{unit}/{n}{'人' if who in ('人口', '人') else who}"

    # list membership: only list glue since the previous figure of the clause
    prev = st.prev
    if prev is not None and _LIST_GLUE.fullmatch(t, prev.end, m.start()):
        group = prev.group
        phrase = prev.phrase
        if suffix_cmp:  # a trailing 以下/以上 applies to every member without its own
            for g in st.found:
                if g.group == group and g.suffix_cmp is None and g.value_max is None:
                    g.comparator = suffix_cmp
    else:
        st.groups += 1
        group = st.groups
        lo = 0 if prev is None else max(0, prev.end - region_start)
        phrase = _phrase(t, region[lo:], word_at - lo if cmp is not None else -1, end)

    f = _Found(
        comparator=comparator,
        value=value,
        unit=unit,
        start=start,
        end=end,
        phrase=phrase,
        value_max=value_max,
        suffix_cmp=suffix_cmp,
        stage=st.stage,
        group=group,
    )
    st.found.append(f)
    st.prev = f


def _phrase(t: str, before: str, word_at: int, end: int) -> str:
    """What the figure at t[…:end] is about: `before` (the clause text since the previous figure)
    up to the comparator word at `word_at`, without verbs and connectives."""
    p = before[:word_at] if word_at >= 0 else before
    p = _PHRASE_LEAD.sub("", p)
    p = _PHRASE_TAIL.sub("", p)
    if p.startswith("的") or _BARE_VERB.fullmatch(p):
        # "90%的城区社区和80%的农村社区": the text belongs to the previous figure;
        # "建成5个儿童之家": only a verb before the figure
        p = ""
    if not p:  # a figure at the head of its clause: "95%的城市社区…" → what follows it
        tail = _AFTER.match(t, end, end + _LOOKBACK)
        p = _PHRASE_TAIL.sub("", tail.group(1)) if tail else ""
    return p.strip()
