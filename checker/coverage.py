"""Account for the whole file: every part of it is inside a reviewed plan, or reported as a reading note.

Plan-like content — a domain heading (妇女与健康), a sentence or table row naming an upper-level indicator
with a number — that lies outside every recognised plan of its kind (a title in a form not recognised,
a plan lost to a page layout, the women's half of a combined plan read as a children's plan) is an
`outside-plan` note; a table in a plan that looks like a target table but gave no targets is a
`table-no-targets` note. The loader's notes (pages without text, multi-column pages …) are handed on,
each to the plans it bears on."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .labels import KIND_NAMES
from .models import Location, Paragraph, Plan, PlanKind, ReadingNote, Target, Text
from .reference import Reference
from .structure import walk
from .text.words import any_of

_CN = "一二三四五六七八九十"
_HEADING_MAX = 50
_MIN_OUTSIDE = 3  # plan-like paragraphs of one kind outside its plans before the file is not fully reviewed
_ROW = re.compile(r"\d(?:%|‰)?\s+[\d.]+")  # figures side by side, as in a table's row
_SENTENCE = re.compile(r"[，。；、]")
_ROW_MAX = 80
_NUMBER = re.compile(r"\d+(?:\.\d+)?\s*(?:%|‰|/10万|/万|/千)")


@dataclass(frozen=True)
class _Vocabulary:
    """Words that belong to one kind of plan only, each set as a pattern finding any of them: its domain names
    and its indicators' names."""

    domains: re.Pattern[str] | None
    indicators: re.Pattern[str] | None


def account(text: Text, plans: list[Plan], reference: Reference) -> tuple[list[ReadingNote], list[list[ReadingNote]]]:
    """(the notes of the whole document, and for each plan the notes that bear on its reading)."""
    spans = _spans(text, plans)
    outside = [(kind, note) for kind in reference.plans for note in _outside(text, plans, spans, reference, kind)]
    index = {p.location: i for i, p in enumerate(text.paragraphs)}
    per_plan = []
    for n, plan in enumerate(plans):
        pages = {p.location.page for p in text.paragraphs[slice(*spans[n])]} - {None}
        mine = [note for note in text.reading if _bears_on(note, spans[n], pages, index)]
        mine += [note for kind, note in outside if kind == plan.kind]
        per_plan.append([*mine, *_buried_headings(plan, reference)])
    return [*text.reading, *(note for _, note in outside)], per_plan


def _buried_headings(plan: Plan, reference: Reference) -> list[ReadingNote]:
    """A numbered part or domain heading (（二）妇女与教育, 四、监测评估) in the middle of a paragraph: the
    page was not read in reading order (columns, text boxes), so what is missing may only be misplaced."""
    ref = reference.for_kind(plan.kind)
    names = sorted({a for part in (*ref.sections, *ref.domains) for a in (part.name, *part.aliases)}, key=len)
    buried = re.compile(rf"(?:（[{_CN}]{{1,3}}）|[{_CN}]{{1,3}}、)\s*(?:{'|'.join(map(re.escape, names))})")
    notes = []
    for node, _ in walk(plan.root):
        for p in node.paragraphs:
            m = next((m for m in buried.finditer(p.text) if m.start() > 0), None)
            if m and p.cells is None:
                notes.append(
                    ReadingNote(
                        kind="heading-in-text",
                        message=f"标题“{m[0]}”夹在正文中间，未能识别为标题（版面可能为多栏或文本框），"
                        "该处前后的结构未能读取",
                        location=p.location,
                    )
                )
    return notes[:1] + ([_more(notes)] if len(notes) > 1 else [])


def _more(notes: list[ReadingNote]) -> ReadingNote:
    return notes[1].model_copy(update={"message": f"另有{len(notes) - 1}处标题夹在正文中间，未能识别为标题"})


def unread_tables(plan: Plan, targets: list[Target]) -> list[ReadingNote]:
    """Tables of the plan that look like target or indicator tables (numbers with units, indicator
    names) yet gave no target."""
    tables: dict[int, list[Paragraph]] = {}
    for node, _ in [(plan.root, ()), *walk(plan.root)]:
        for p in node.paragraphs:
            if p.cells is not None and p.location.table is not None:
                tables.setdefault(p.location.table, []).append(p)
    read = {t.location.table for t in targets}
    notes = _table_like(plan, {t.location for t in targets})
    for table, rows in tables.items():
        figures = sum(1 for row in rows if _NUMBER.search(row.text))
        if table in read or figures < 2:
            continue
        first = rows[0]
        notes.append(
            ReadingNote(
                kind="table-no-targets",
                message=f"表{table + 1}（{first.text.replace(chr(9), ' ')[:30]}…）有{figures}行数值，"
                "但未能从中读出目标，表中内容未经审核",
                location=first.location,
            )
        )
    return notes


def _table_like(plan: Plan, read: set[Location]) -> list[ReadingNote]:
    """Lines that look like the rows of a table without rules (a PDF's indicator table read as text:
    a name and figures side by side, no sentence), none of them read as a target."""
    rows = [
        p
        for node, _ in walk(plan.root)
        for p in node.paragraphs
        if p.cells is None
        and p.location not in read
        and len(p.text) <= _ROW_MAX
        and _ROW.search(p.text)
        and not _SENTENCE.search(p.text)
    ]
    if len(rows) < 2:
        return []
    return [
        ReadingNote(
            kind="table-no-targets",
            message=f"{len(rows)}行看似表格的内容（如“{rows[0].text[:30]}”）未能按表格读取，未经审核",
            location=rows[0].location,
        )
    ]


def _vocabulary(reference: Reference, kind: PlanKind) -> _Vocabulary:
    def words(k: PlanKind) -> tuple[set[str], set[str]]:
        ref = reference.for_kind(k)
        domains = {a for d in ref.domains for a in (d.name, *d.aliases)}
        return domains, {a for i in ref.indicators() for a in (i.name, *i.aliases) if len(a) >= 4}

    domains, indicators = words(kind)
    for other in reference.plans:
        if other != kind:
            other_domains, other_indicators = words(other)
            domains -= other_domains
            indicators = {a for a in indicators if not any(a in o or o in a for o in other_indicators)}
    return _Vocabulary(any_of(tuple(sorted(domains))), any_of(tuple(sorted(indicators))))


def _plan_like(p: Paragraph, words: _Vocabulary) -> bool:
    if len(p.text) <= _HEADING_MAX and words.domains and words.domains.search(p.text):
        return True
    return bool(words.indicators and words.indicators.search(p.text) and _NUMBER.search(p.text))


def _outside(
    text: Text, plans: list[Plan], spans: list[tuple[int, int]], reference: Reference, kind: PlanKind
) -> list[ReadingNote]:
    words = _vocabulary(reference, kind)
    own = [spans[n] for n, plan in enumerate(plans) if plan.kind == kind]
    stray = [
        i
        for i, p in enumerate(text.paragraphs)
        if not any(start <= i < end for start, end in own) and _plan_like(p, words)
    ]
    if len(stray) < _MIN_OUTSIDE:
        return []
    name = KIND_NAMES[kind]
    first = text.paragraphs[stray[0]]
    if own:
        message = (
            f"有{len(stray)}段{name}规划内容（发展领域标题、目标语句或指标表行）不在已识别的{name}发展规划中，未经审核"
        )
    else:
        message = (
            f"文件中有{len(stray)}段{name}规划内容（发展领域标题、目标语句或指标表行），但未识别出{name}发展规划"
            "（标题或版面未能识别），这部分未经审核"
        )
    return [ReadingNote(kind="outside-plan", message=f"{message}；首处：“{first.text[:30]}”", location=first.location)]


def _spans(text: Text, plans: list[Plan]) -> list[tuple[int, int]]:
    """Each plan's paragraphs in the file, [start, end): from its title to the next plan's title. The
    two plans of a combined 妇女儿童发展规划 share their title, and so the whole of its text."""
    first: dict[Location, int] = {}
    for i, p in enumerate(text.paragraphs):
        first.setdefault(p.location, i)
    starts = [first.get(plan.location, 0) for plan in plans]
    ends = {*starts, len(text.paragraphs)}
    return [(s, min((e for e in ends if e > s), default=s)) for s in starts]


def _bears_on(note: ReadingNote, span: tuple[int, int], pages: set[int], index: dict[Location, int]) -> bool:
    """A note bears on a plan when it has no location, sits on one of its pages or in its span."""
    where = note.location
    if where is None:
        return True
    if where in index:
        return span[0] <= index[where] < span[1]
    if where.page is not None:
        return where.page in pages
    return True
