"""The words and shapes a plan's figures are written in: the tokenizer of `quantities.py` (numbers,
units, ranges, suffixes, years, list numbering), comparator words (达到 ≥, 控制在 ≤ …), and the
context patterns that tell a target from history, a base year or a name."""

from __future__ import annotations

import re

# ------------------------------------------------------------------ building blocks of the tokenizer

NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"  # 95  8.2  10,000
CN = r"[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?"  # 十一  两  十五点五

# Units, longest first. The group names say what they normalize to (see UNIT_NAME).
UNIT = r"""
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
SUFFIX = r"及以上|以上水平|以上|及以下|以下|以内|左右|上下"
RANGE_SEP = r"[—\-–~～至]"

TOKEN = re.compile(
    rf"""
    # Most characters of a plan are ideographs that start no token: passing over them at once makes the scan
    # several times faster. (An alternative below that starts with another ideograph must add it here.)
    (?=[^\u4e00-\u9fff]|[到至十零〇一二两三四五六七八九百千])
    (?:
    # numbering at the start of a paragraph or sentence: "1." "2．" "3、" (but "3.0‰ …" is a value,
    # and in "8.5岁以下儿童…" the "8." is the numbering)
      (?P<lead>(?:^|(?<=[。；;！？!?\n]))[-•·]?\d{{1,2}}(?:、|\.(?!\d+(?:\.\d+)?(?:%|‰|/|个?百分点))))
    | (?P<title>《[^《》]*》)                                          # titles: 《…（2021—2030年）》
    | (?P<docno>〔(?:19|20)\d\d〕第?\d+号)                             # 东昌政发〔2022〕7号
    | (?P<ordinal>（(?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}})）|[①-⑳⑴-⒇])  # （1） （一） ①
    # 孕产妇死亡率（1/10万）, 巩固率（%）: the unit of the name's figures, no value
    | (?P<unitlabel>[（(](?P<lunit>1/(?:10万|十万|万)|%|‰)[^（）()\d]{{0,4}}[）)])
    | (?P<yrange>(?<![\d.])(?:19|20)\d\d[—\-–~～至到](?:19|20)\d\d年?(?![\d.]))  # 2021—2030年
    | (?P<year>(?<![\d.])(?P<y>(?:19|20)\d\d)年(?P<yend>底|末|前|初)?)    # 2025年
    | (?P<cnstage>(?:到|至)“?十四五”?(?:末|期末|时期末))                  # 到“十四五”末 = 2025
    | (?P<cnhist>“?十三五”?(?:末|期末|期间|时期))                        # “十三五”时期: history
    | (?P<ratio>\d+(?:\.\d+)?[:：]\d+(?:\.\d+)?)                       # 3:2 (a ratio, not a target figure)
    | (?P<sent>[。！？!?\n])
    | (?P<clause>[，；;：:]|,(?!\d{{3}}(?!\d)))
    # Chinese fractions and shares: 三分之一  百分之九十  千分之三  十万分之十  10万分之12  九成  一半
    # (each alternative is one outer group, so that m.lastgroup names it)
    | (?P<frac>(?P<den>[一二三四五六七八九十百千万]+|\d+万)分之(?P<fnum>{CN}|{NUM})(?P<fsuf>{SUFFIX})?)
    | (?P<cheng>(?P<cv>[一二三四五六七八九]|十)成(?P<cv2>[一二三四五六七八九](?![成员立为]))?
        (?![员立为])(?P<csuf>{SUFFIX})?)
    | (?P<half>一半(?P<hsuf>{SUFFIX})?)
    # a value with optional unit, optional range and optional suffix: ≥90%  90%—95%  12/10万以下
    | (?P<qty>
        (?P<sym>≥|≤|>=|<=|>|<)?
        (?P<v1>{NUM}|{CN})(?P<u1>{UNIT})?
        (?:(?P<sep>{RANGE_SEP})(?!(?:19|20)\d\d年)(?P<v2>{NUM})(?P<u2>{UNIT.replace("?P<", "?P<r_")})?)?
        (?P<suf>{SUFFIX})?
      )
    )
    """,
    re.VERBOSE,
)

UNIT_NAME = {
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
STRONG_UNITS = {"1/10万", "1/万", "‰", "%", "个百分点"}  # a number with these is a figure by itself
# Rates convert into one another (one unit's worth of each); nothing else is compared across units.
RATES = {"%": 1e-2, "‰": 1e-3, "1/万": 1e-4, "1/10万": 1e-5}


def comparable(unit: str, other: str) -> bool:
    return unit == other or (unit in RATES and other in RATES)


NAME_UNITS = {"岁", "年"}  # 5岁以下儿童, 九年义务教育: a target only right after a comparator word


def unit_of(m: re.Match[str], prefix: str = "") -> str:
    """The normalized unit from the unit groups of a TOKEN match ('' if none matched)."""
    for key, name in UNIT_NAME.items():
        if m.group(prefix + key) is not None:
            return name
    count = m.group(prefix + "count")
    if count is not None:
        return count.lstrip("个") or "个"
    return ""


# ------------------------------------------------------------------ comparator words

# word → comparator. Matched in the clause text before the number; the LAST one wins.
LEVEL_WORDS = {
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
ADJACENT_WORDS = {"达": ">=", "为": "=", "是": "=", "约": "about", "大约": "about"}
CHANGE_DOWN = ("下降", "降低", "减少", "缩小", "压减")
CHANGE_UP = ("提高", "提升", "增加", "增长", "上升", "扩大")

WORD_CMP: dict[str, str] = {}
for _cmp, _words in LEVEL_WORDS.items():
    for _w in _words.split():
        WORD_CMP[_w] = _cmp
ALL_WORDS = set(WORD_CMP) | set(ADJACENT_WORDS) | set(CHANGE_DOWN) | set(CHANGE_UP)
COMPARATOR_WORD = re.compile("|".join(re.escape(w) for w in sorted(ALL_WORDS, key=len, reverse=True)))
ADJACENT_WORD = re.compile(f"(?:{COMPARATOR_WORD.pattern})(?:分别|均|都|各|平均|再|累计|共|总共|每年|逐年|年均)*$")
# What may sit between a comparator word and its number: "分别降至", "均达到", "平均每年降低"…
ADJ_FILL = re.compile(r"(?:分别|均|都|各|平均|再|累计|共|总共|每年|逐年|年均)*")
# Verbs that let a Chinese-numeral count through: "建成三个…", "配备一名…".
COUNT_VERB = re.compile(r"(?:建成|建设|建立|新建|新增|配备|拥有|设立|开设|创建|培育|打造|有)(?:分别|均|各)*$")

SUFFIX_CMP = {
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

# What may stand between a unit label and the figure it gives its unit to (孕产妇死亡率（1/10万）到2025年
# 和2030年分别控制在11和10以下): comparator and stage words, other figures of the list, no other name.
LABEL_TO_FIGURE = re.compile(
    rf"(?:{COMPARATOR_WORD.pattern}|(?:到|至)?(?:19|20)\d\d年(?:底|末)?|\d+(?:\.\d+)?|{SUFFIX}|分别|均|都|各|平均"
    r"|近期|中期|远期|持续|逐步|逐年|稳步|不断|进一步|力争|争取|确保|[、和及与，；：,;:\s])*"
)

# history inside the clause: "提高了5个百分点", "已达到95%", "目前为…"
HIST_CLAUSE = re.compile(
    r"(?:提高|提升|下降|降低|增加|增长|减少|上升|达到|缩小|扩大|实现|完成)了"
    r"|已(?:经)?(?:达到?|提高|提升|降低|下降|增加|增长|减少|上升|实现|完成|建成|超过|覆盖)"
    r"|目前|现为|现有|同比|环比|较上年|比上年"
)
# history anywhere earlier in the sentence: "较上一周期…"
HIST_SENT = re.compile(r"上一周期|上个周期|上轮规划|上一轮规划|上期规划")
# the "from" value of "由X提高到Y" / "从X下降到Y" (also "由2020年的X…")
FROM = re.compile(r"(?:由|从)(?:(?:19|20)\d\d年(?:底|末)?的?)?$")
# a base year: "以2020年为基数" "比2020年" "较2020年" "在2020年基础上" "与2020年相比"
BASE_EXPR = re.compile(r"(?:以|比|较|在|与)(?:19|20)\d\d年(?:数据|水平)?(?:为基数|为基准|为基期|的?基础上|相比)?$")
BASE_BEFORE = re.compile(r"(?:比|较|与|同)$")
BASE_AFTER = re.compile(r"^(?:数据|水平)?(?:为基数|为基准|为基期|的?基础上|相比|比较)")
STAGE_BEFORE = re.compile(r"(?:到|至|于|力争|争取|确保|预计|计划)$")
ASOF_BEFORE = re.compile(r"(?:截至|截止|截止到)$")
NOT_A_YEAR_AFTER = re.compile(r"^(?:\d{1,2}月|远景|规划|纲要|版)")
YEAR_JOIN = re.compile(r"(?:和|、|及|与|以及|或)")
# per-head bases: 每千人口 → "/千人", 每千名儿童 → "/千名儿童", 每百名学生 → "/百名学生"
PER_BASE = re.compile(
    r"每(?P<n>十万|10万|千|1000|百|100|万)(?:常住)?(?P<who>人口|人|名(?:儿童|学生|新生儿|婴儿|活产儿?)?)"
)
# how a number looks when it is part of an ordinal or an identifier
ORDINAL_BEFORE = re.compile(r"(?:第|每|另)$")
LIST_GLUE = re.compile(r"[、和及与或]*")  # between members of a list "3.0‰、5.0‰和6.0‰"

# phrase clean-up
PHRASE_LEAD = re.compile(
    r"^(?:[-•·]?\d{1,2}[.、]|（\d{1,2}）|[①-⑳]|[、和及与并且]|并且|同时|其中|以及|使|让|将|把|对|确保|力争|争取|"
    r"要|应|全面|促进|推动|保证|实现|倡导|实施|"
    r"到(?:19|20)\d\d年(?:底|末|前)?|(?:19|20)\d\d年(?:底|末|前)?|到“?十四五”?(?:末|期末|时期末))+"
)
PHRASE_TAIL = re.compile(
    r"(?:分别|均|都|各|平均|累计|每年|逐年|年均|力争|争取|要|应当|应|将|基本|总体|一般|约|大约|在|为|是|并|且|"
    r"已|再|仍|也|可|能|和|及|与|、|的"
    r"|(?:以|比|较|在|与)(?:19|20)\d\d年(?:数据|水平)?(?:为基数|为基准|为基期|的?基础上|相比)?"
    r"|在[^，。；]{0,8}基础上|以[^，。；]{1,12}为单位"
    r"|(?:由|从)(?:(?:19|20)\d\d年(?:底|末)?的?)?\d[^，。；]*)+$"
)
BARE_VERB = re.compile(
    r"(?:建成|建设|建立|新建|新增|配备|拥有|设立|开设|创建|共有|有|达|实施|组织|开展|参加|培育|打造|完成)+"
)
# the text after a figure at the head of its clause, up to the next number or punctuation
AFTER = re.compile(r"的?([^，。；;,：:！？!?\n]*?)(?=\d|[，。；;,：:！？!?\n]|$)")
LOOKBACK = 160  # how far back (and forward) in a clause to look for words about a figure
