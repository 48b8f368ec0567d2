"""Text → Plans: find the plans in a file and build each one's heading tree.

A file may hold a notice (通知) and then one or two plans, in either order. A plan starts at its
title line; its headings come from the numbering it actually uses (一、 （一） 1. （1） ①), from
Word heading styles, and from keyword lines such as 主要目标：. The table of contents is skipped."""

from __future__ import annotations

import re

from .errors import InputError
from .models import Heading, Node, Paragraph, Plan, PlanKind, Text
from .text.patterns import (
    DOMAIN_NAME,
    KEYWORD_LINE,
    NOTICE_TITLE,
    NUMBERING,
    PART_NAME,
    PERIOD_LINE,
    PLAN_TITLE,
    RUN_IN_KEYWORD,
    unnumbered,
)

# A combined 妇女儿童发展规划 is reviewed as both kinds: two plans over the one text.
_KINDS: dict[str, tuple[PlanKind, ...]] = {"妇女": ("women",), "儿童": ("children",), "妇女儿童": ("women", "children")}
_KIND: dict[str, PlanKind] = {"妇女": "women", "儿童": "children"}
_LEVELS = (("街道", "街道"), ("镇", "乡镇"), ("乡", "乡镇"), ("区", "区"), ("县", "县"), ("市", "市"), ("省", "省"))
_LEADER = re.compile(r"[.…·．\s\t-]*\d*$")
_TOC = re.compile(r"^目\s*录$")
_DOMAIN_WORD = re.compile(r"(妇女|儿童)(?:与|参与)")
_PREFACE = re.compile(r"^(?:序言|前言|引言)[:：]?$")
_GLUED = re.compile(r"^(\d{1,2})[.．](?=\d)")
_RUN_IN = re.compile(r"^(.{1,40}?)[。：:]")
# The nesting rank of each NUMBERING style: parts, chapters and sections (第一节) rank above 一、 and
# all count as level 1, so that plans without them keep the levels 一、=1, （一）=2, 1.=3 …
_RANKS = (0.2, 0.3, 0.4, 1, 2, 3, 4, 5)
_HEADING_MAX = 50
_NOTICE_OPEN = re.compile(r"关于(?:印发|下发|转发)(?:(?!通知|决定)[^。；：:！？])*$")
_MIN_PLAN = 5  # paragraphs a plan has at least
ANNEX = re.compile(r"^(?:附件|附表)\s*\d*(?:[:：]|$)")


def split_plans(text: Text) -> list[Plan]:
    """The plans in the file, each with its heading tree."""
    starts = _plan_starts(text.paragraphs)
    if not starts:
        return _untitled_plans(text)
    plans = []
    for n, (index, kinds, match) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(text.paragraphs)
        # A notice printed after the plans is not the last plan's text.
        end = next((i for i in range(index + 1, end) if NOTICE_TITLE.match(text.paragraphs[i].text)), end)
        body = [p for p in text.paragraphs[index + 1 : end] if not _same_title(p.text, kinds)]
        title_par = text.paragraphs[index]
        if body and PERIOD_LINE.match(body[0].text):  # a title printed over two lines
            title_par = title_par.model_copy(update={"text": title_par.text + body.pop(0).text})
            match = PLAN_TITLE.match(title_par.text) or match
        root = build_tree(_skip_toc(body), title_par)
        for kind in kinds:
            plans.append(
                Plan(
                    kind=kind,
                    title=title_par.text.strip("《》"),
                    period=_period(match, body),
                    level=_level(match["region"]),
                    region=match["region"] or None,
                    location=title_par.location,
                    root=root,
                )
            )
    return plans


def _untitled_plans(text: Text) -> list[Plan]:
    """A draft without a recognisable title line: one plan of each kind its domain headings name
    (both for a combined draft)."""
    names = [m[1] for p in text.paragraphs if len(p.text) <= _HEADING_MAX and (m := _DOMAIN_WORD.search(p.text))]
    kinds = [kind for word, kind in _KIND.items() if names.count(word) >= 3]
    if not kinds:
        raise InputError(f"{_name(text.path)} 中没有找到妇女发展规划或儿童发展规划（未识别到规划标题和发展领域）")
    first, body = text.paragraphs[0], text.paragraphs[1:]
    root = build_tree(_skip_toc(body), first)
    return [
        Plan(kind=kind, title=first.text[:_HEADING_MAX], period=_period(None, body), location=first.location, root=root)
        for kind in kinds
    ]


def _plan_starts(paragraphs: list[Paragraph]) -> list[tuple[int, tuple[PlanKind, ...], re.Match[str]]]:
    """Title lines that open a plan. A repeat of the current plan's title is not a new plan, nor is
    a title followed at once by another (a notice's list of attachments), nor the national
    outline's own name (中国妇女发展纲要) cited on a line."""
    titles = [
        (i, _KINDS[m["kind"]], m)
        for i, p in enumerate(paragraphs)
        if (m := PLAN_TITLE.match(p.text))
        # not a notice's words (关于印发…) nor half of a pair (妇女和儿童发展规划); 云和县 is a place
        and not any(w in m["region"] for w in ("印发", "关于"))
        and not m["region"].endswith(("和", "与", "及"))
        and m["region"] != "中国"
        and not (i and _NOTICE_OPEN.search(paragraphs[i - 1].text))  # a notice's title over lines
    ]
    starts: list[tuple[int, tuple[PlanKind, ...], re.Match[str]]] = []
    for n, (i, kinds, m) in enumerate(titles):
        listed = n + 1 < len(titles) and titles[n + 1][0] - i < _MIN_PLAN
        if not listed and (not starts or starts[-1][1] != kinds):
            starts.append((i, kinds, m))
    return starts


def _same_title(text: str, kinds: tuple[PlanKind, ...]) -> bool:
    m = PLAN_TITLE.match(text)
    return bool(m) and _KINDS[m["kind"]] == kinds


def _period(m: re.Match[str] | None, body: list[Paragraph]) -> str | None:
    parts = [part for part in ((m["pre"], m["mid"], m["post"]) if m else ()) if part]
    # The plan's own period, not that of a document it cites: 《中国妇女发展纲要（2021—2030年）》.
    own = (re.sub(r"《[^》]*》", "", p.text) for p in body[:40])
    parts += [found[0] for text in own if (found := re.search(r"\d{4}年?[—－~至到-]\d{4}年|十四五", text))]
    if not parts:
        return None
    years = re.findall(r"\d{4}", parts[0])
    period = "—".join(years) if years else "十四五"
    return "十四五" if period == "2021—2025" else period


def _level(region: str) -> str | None:
    for suffix, level in _LEVELS:
        if region.endswith(suffix):
            return level
    return None


def _skip_toc(body: list[Paragraph]) -> list[Paragraph]:
    """Drop a table of contents: from 目录 up to where its first entry appears again as the body."""
    for i, p in enumerate(body[:20]):
        if not _TOC.match(p.text):
            continue
        entries = body[i + 1 : i + 80]
        if not entries:
            return body
        first = _strip_number(entries[0].text)
        for j, q in enumerate(entries[1:], start=1):
            if _strip_number(q.text) == first:
                return body[:i] + body[i + 1 + j :]
        for j, q in enumerate(entries):  # no repeat: the body starts at the first real paragraph
            if len(q.text) > _HEADING_MAX or "。" in q.text:
                return body[:i] + body[i + max(j, 1) :]
    return body


def build_tree(paragraphs: list[Paragraph], title: Paragraph) -> Node:
    root = Node(heading=Heading(level=0, number="", title=title.text, location=title.location))
    stack: list[tuple[float, Node]] = [(0, root)]
    for p in paragraphs:
        # A keyword line (策略措施：) after 主要目标： is its sibling, however deep the items went.
        keyword_rank = next(
            (r for r, n in reversed(stack) if r % 1 and KEYWORD_LINE.match(n.heading.title)), int(stack[-1][0]) + 0.5
        )
        found = _heading(p, keyword_rank) or _glued_item(p, stack[-1][1])
        if found is None:
            stack[-1][1].paragraphs.append(p)
            continue
        rank, heading, has_body = found
        while stack[-1][0] >= rank:
            stack.pop()
        node = Node(heading=heading, paragraphs=[p] if has_body else [])
        stack[-1][1].children.append(node)
        stack.append((rank, node))
    return root


def _heading(p: Paragraph, keyword_rank: float) -> tuple[float, Heading, bool] | None:
    """(rank, heading, whether the paragraph carries body text) if p opens a heading."""
    if p.cells is not None:
        return None
    text = p.text
    if _PREFACE.match(text):
        return 1, Heading(level=1, number="", title=text, location=p.location), False
    if ANNEX.match(text) and len(text) <= _HEADING_MAX:
        # 附件：主要目标任务分解表 holds everything after it, its own 一、二、 included.
        return 0.1, Heading(level=1, number="", title=text.rstrip("：:"), location=p.location), False
    if KEYWORD_LINE.match(text):
        # 主要目标： sits between the domain heading and its numbered items.
        level = int(keyword_rank) + 1
        return keyword_rank, Heading(level=level, number="", title=text.rstrip("：:"), location=p.location), False
    if m := RUN_IN_KEYWORD.match(text):
        level = int(keyword_rank) + 1
        return keyword_rank, Heading(level=level, number="", title=m[1], location=p.location), True
    for rank, pattern in zip(_RANKS, NUMBERING, strict=True):
        if m := pattern.match(text):
            number, rest = m.group(0), text[m.end() :].strip()
            title, has_body = _title(rest)
            level = max(1, int(rank))
            return rank, Heading(level=level, number=number, title=title, location=p.location), has_body
    if p.style and p.style.lower().startswith("heading") and len(text) <= _HEADING_MAX:
        level = int(re.sub(r"\D", "", p.style) or 1)
        return level, Heading(level=level, number="", title=text, location=p.location), False
    # Word's automatic numbering leaves no number in the text: a line that is just a part's or a
    # domain's name is still its heading.
    if PART_NAME.match(text):
        return 1, Heading(level=1, number="", title=text.rstrip("：:"), location=p.location), False
    if DOMAIN_NAME.match(text):
        return 2, Heading(level=2, number="", title=text.rstrip("：:"), location=p.location), False
    return None


def _glued_item(p: Paragraph, current: Node) -> tuple[float, Heading, bool] | None:
    """An item number glued to a number that starts the sentence: after item 7, "8.5岁以下儿童…"
    is item 8 about 5岁以下儿童, not the number 8.5; the first item under a heading, "1.90%的城市
    社区…", is item 1 about 90%."""
    m = _GLUED.match(p.text)
    if not m:
        return None
    if current.heading.level == 3 and current.heading.number[:-1].isdigit():
        expected = int(current.heading.number[:-1]) + 1
    elif current.heading.level > 0 and (current.heading.level < 3 or not current.heading.number):
        if current.children or current.paragraphs:
            return None
        expected = 1
    else:
        return None
    if int(m[1]) != expected:
        return None
    title, has_body = _title(p.text[m.end() :])
    return 3, Heading(level=3, number=m[0], title=title, location=p.location), has_body


def _title(rest: str) -> tuple[str, bool]:
    """The heading title, and whether the line is a sentence (a run-in heading or a numbered item)."""
    if len(rest) <= _HEADING_MAX and not re.search(r"[。；]", rest):
        return rest.rstrip("：:"), False
    m = _RUN_IN.match(rest)
    return (m[1] if m else rest[:_HEADING_MAX]), True


def _strip_number(text: str) -> str:
    """A heading as a table of contents and the body both write it: no numbering, no dotted
    leader or page number (指导思想……3)."""
    return unnumbered(_LEADER.sub("", text)).strip()


def _name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def label(node: Node) -> str:
    """A heading as printed: its number and title (（一）妇女与健康)."""
    return f"{node.heading.number}{node.heading.title}"


def walk(node: Node, path: tuple[Node, ...] = ()) -> list[tuple[Node, tuple[Node, ...]]]:
    """Every node below `node` in document order, with the path of its ancestors."""
    out = []
    for child in node.children:
        out.append((child, path))
        out.extend(walk(child, (*path, child)))
    return out
