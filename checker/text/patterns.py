"""Regular expressions shared by the steps that read plan text (compiled once)."""

from __future__ import annotations

import re

_CN = "一二三四五六七八九十"

# Heading numbering, most significant first: 第一部分/第一篇 above 第一章 above 第一节 above 一、 …
# (a plan in chapters numbers its sections 第一节 and their parts 一、).
NUMBERING = [
    re.compile(rf"^第[{_CN}]{{1,3}}(?:部分|篇)"),
    re.compile(rf"^第[{_CN}]{{1,3}}章"),
    re.compile(rf"^第[{_CN}]{{1,3}}节"),
    re.compile(rf"^[{_CN}]{{1,3}}[、.]"),
    re.compile(rf"^（[{_CN}]{{1,3}}）[、.]?"),
    re.compile(r"^\d{1,2}[、.](?!\d)"),
    re.compile(r"^（\d{1,2}）[、.]?"),
    re.compile(r"^[①-⑳]"),
]

# Words that stand alone on a line as a heading of their own (主要目标：, 策略措施, 目录 …).
KEYWORD_LINE = re.compile(
    r"^(?:主要目标|具体目标|发展目标|策略措施|工作措施|主要措施|重点任务|目录|序言|前言|引言|附件\d*)[:：]?$"
)

# A paragraph that opens with such a word and goes on (主要目标：孕产妇死亡率…；…): a run-in heading.
RUN_IN_KEYWORD = re.compile(r"^(主要目标|具体目标|发展目标|策略措施|工作措施|主要措施|重点任务)[:：](?=\S)")

# A line that is just a part's or a domain's name is a heading even without a number (Word's
# automatic numbering keeps numbers out of the text).
PART_NAME = re.compile(
    r"^(?:指导思想|基本原则|总体目标|发展目标|指导思想和基本原则|指导思想、基本原则和总体目标|发展领域|"
    r"发展领域、主要目标和策略措施|组织实施|保障措施|监测评估|监测与评估|统计监测与评估)[:：]?$"
)
DOMAIN_NAME = re.compile(r"^(?:妇女|儿童)(?:与|参与)[\u4e00-\u9fff]{2,8}[:：]?$")


def unnumbered(text: str) -> str:
    """The text after its heading number, if it starts with one."""
    return next((text[m.end() :] for p in NUMBERING if (m := p.match(text))), text)


# Sentence ends: a line ending with one of these does not continue on the next line.
TERMINAL = "。！？；：…）】」』!?;:"

# Web page and print furniture, never part of a plan: each word as a page sets it, and what follows it
# there (a breadcrumb's links, a date, a count). One list for both places it is met: a line starting
# with one is dropped (JUNK); inside a web copy that lost its line breaks, the word and what follows it
# are cut out (WEB_FURNITURE).
_FURNITURE = (
    (r"首页\s*>", r"\s*[^\s>]+(?:\s*>\s*[^\s>]+)*"),  # 首页 > 政务公开 > 规划计划
    (r"当前位置[:：]?", ""),
    (r"字号[:：]", r"(?:\s*大\s*中\s*小)?"),
    (r"【打印(?:本页)?】|打印本页", ""),
    (r"【关闭】|关闭窗口", ""),
    (r"扫一扫", r"(?:在手机打开当前页)?"),
    (r"分享到", r"[:：]?"),
    (r"来源[:：]", r"\s*\S+"),
    (r"发布时间[:：]", r"\s*[\d\-:/ ]+"),
    (r"浏览次数[:：]?", r"\s*\d+"),
    (r"【字体", r"[:：]?\s*(?:大\s*中\s*小)?】?"),
)
# Also dropped: a line that is only 打印, or a page number.
JUNK = re.compile(rf"^(?:{'|'.join(w for w, _ in _FURNITURE)}|打印$|[-—\s]*\d{{1,3}}[-—\s]*$|第\s*\d+\s*页)")
WEB_FURNITURE = re.compile("|".join(f"(?:{w}){v}" for w, v in _FURNITURE))

# A page number line: 12, — 12 —, - 12 -, 第 3 页 共 41 页, 3/41, Page 3 of 41.
PAGE_NUMBER = re.compile(
    r"^[-—–－―~·•\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?[-—–－―~·•\s]*$"
    r"|^\d{1,4}\s*/\s*\d{1,4}$|^page\s*\d{1,4}(?:\s*of\s*\d{1,4})?$",
    re.IGNORECASE,
)

# A plan's period as its title writes it: （2021—2030年）, （2021-2030）, （2021年—2030年）.
PERIOD = r"（\d{4}年?[—－~至到-]\d{4}年?）"
FIVE_YEAR = r"[“\"‘']?十四五[”\"’']?(?:时期)?"
# A whole-line plan title: 东昌府区“十四五”妇女发展规划, 汝州市妇女发展规划（2021—2030年）,
# 天津市武清区妇女发展“十四五”规划, 《某某县儿童发展纲要（2021—2030年）》, 某某县妇女儿童发展规划 (a
# combined plan: both kinds).
PLAN_TITLE = re.compile(
    rf"^《?(?P<region>[^，。；：:、《》“”‘’\"'（）()\s\d.．]{{0,30}}?)(?P<pre>{FIVE_YEAR})?"
    rf"(?P<kind>妇女儿童|妇女|儿童)(?:事业)?发展(?P<mid>{FIVE_YEAR}|{PERIOD})?(?:专项)?(?:规划|纲要)(?P<post>{PERIOD})?》?"
    r"(?:（(?:公开)?(?:征求意见稿|送审稿|草案|修订稿|修订版|讨论稿|试行)）)?$"
)
# The period on a line of its own under a title: （2021—2030年）.
PERIOD_LINE = re.compile(rf"^{PERIOD}》?$")
# The issuing notice's title line: it ends the plan before it when the notice comes last.
NOTICE_TITLE = re.compile(r"^.{0,60}关于(?:印发|下发|转发).{0,80}(?:通知|决定)$")

# （牵头单位：…；责任单位：…）, or only （责任单位：…）; unit names may hold brackets: 各村（居）委会.
_NAMES = r"(?:[^（）()【】〔〕；;]|[（(][^（）()]*[）)])*"
_ROLE = r"(?:责任|配合|参与|协办)(?:单位|部门)[:：]"
# The same as a sentence of its own, without brackets (牵头单位：县卫健局；责任单位：县妇幼保健院。): names
# up to the end of the sentence.
_SENTENCE = r"(?:^|(?<=[。；;]))\s*"
# names up to the end of the sentence or the next role (牵头单位：县卫健局　责任单位：…, the space maybe lost)
_PLAIN = rf"(?:(?!{_ROLE})(?:[^（）()【】〔〕；;。：:]|[（(][^（）()]*[）)]))+"
LEAD_UNITS = re.compile(
    rf"[（(【〔]\s*(?:牵头(?:单位|部门)[:：](?P<lead>{_NAMES})(?:[；;，,]\s*{_ROLE}(?P<resp>{_NAMES}))?"
    rf"|{_ROLE}(?P<resp_only>{_NAMES})"
    # （县卫生健康局负责）, （县教育局、县卫生健康局负责）: the units named as answering for it
    r"|(?P<lead_alone>[^（）()【】〔〕，,；;。：:]{2,60}?)负责(?=[）)】〕])"
    # （区卫生健康局牵头，区妇联配合）
    rf"|(?P<lead_by>[^（）()【】〔〕，,；;。]{{2,60}}?)牵头(?:[，,；;]\s*(?P<resp_by>[^（）()【】〔〕。]*?)(?:配合|参与|协助))?)"
    r"[）)】〕]?"
    rf"|{_SENTENCE}牵头(?:单位|部门)[:：](?P<lead_plain>{_PLAIN})(?:[；;，,]?\s*{_ROLE}(?P<resp_plain>{_PLAIN}))?[。；;]?"
    rf"|{_SENTENCE}{_ROLE}(?P<resp_plain_only>{_PLAIN})[。；;]?"
)


def target_body(text: str) -> str:
    """A target's sentence without its lead-unit brackets: what numbers and names are read from."""
    return LEAD_UNITS.sub("", text).strip()
