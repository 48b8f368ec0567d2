"""Plan + domains → Targets: every target of every domain, with its numbers and lead units.

Main targets are the items under a domain's 主要目标 (or 具体目标 …) heading and the rows of a
target or indicator table; items under 策略措施 that carry numbers are kept as secondary targets
(main=False). A table's columns are recognised by their header (主要目标/指标名称, 规划值/目标值,
牵头单位, 责任单位)."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from ..models import Classified, Node, Paragraph, Plan, Quantity, Target
from ..structure import label, walk
from ..text.chars import one_line
from ..text.patterns import LEAD_UNITS, target_body
from .breakdown import with_breakdown_units
from .quantities import parse_quantities

_GOALS = re.compile(r"^(?:\d+[.、]?)?(?:主要目标|具体目标|发展目标|目标)")
_MEASURES = re.compile(r"措施|举措|任务|策略|重点工作|工作重点|主要工作|实施路径|行动计划|重点项目")
# A paragraph labelled as measures (措施：…, 主要举措：…) in a domain that has no headings for its parts
_MEASURES_LABEL = re.compile(r"^[\u4e00-\u9fff]{0,4}(?:措施|举措|任务|策略)[:：]")
_NAME_COL = re.compile(r"指标名称|主要目标|目标内容|指标|目标")
_VALUE_COL = re.compile(r"规划值|目标值|指标值|预期值|\d{4}年|值")
# 2020年基期值, 基线值, 现状值: where the plan starts from, not what it sets.
_BASELINE_COL = re.compile(r"基期|基线|基数|现状|现值|当前|20(?:1\d|20)年")
_UNIT_HEADERS = ("单位", "计量单位", "指标单位")
_LEAD_COL = re.compile(r"牵头")
_RESP_COL = re.compile(r"责任|配合|参与")
_ATTR_COL = re.compile(r"属性")
_BINDING = re.compile(r"约束性|预期性")
_NAME_UNIT = re.compile(r"[（(]([%‰]|1/10万|1/万|岁|万人|人|个|所|张)[）)]$")
_YEAR = re.compile(r"(20\d{2})年")
_CHANGE_NAME = re.compile(r"((?:下降|降低|减少|提高|提升|增长|增加)(?:幅度|比例)?)(?:[（(][^）)]*[）)])?$")
# A box of projects (专栏3 巾帼创业就业工程): the numbered lines after it are projects, not targets. (A box of
# indicators, 专栏1 妇女健康主要指标, holds targets.)
_BOX = re.compile(r"^专栏\s*[\d一二三四五六七八九十]+(?!.*(?:指标|目标))")
# The caption of a 专栏 or table (专栏1 妇女健康主要指标), not a target.
_CAPTION = re.compile(r"^(?:专栏|附表|表)\s*[\d一二三四五六七八九十-]*\s*[^，。；\d]{0,30}$")
_UNIT_SPLIT = re.compile(r"[、，,；;\s]+")
# LEAD_UNITS's groups naming the lead units, and those naming the others (责任单位, 配合单位 …)
_LEAD_GROUPS = ("lead", "lead_by", "lead_alone", "lead_plain")
_RESP_GROUPS = ("resp", "resp_only", "resp_by", "resp_plain", "resp_plain_only")


def extract(plan: Plan, classified: Classified) -> list[Target]:
    targets: list[Target] = []
    for domain_id, (domain, ancestors) in classified.domain_nodes.items():
        heading_path = [label(n) for n in (*ancestors, domain) if n.heading.level > 0]
        found: list[Target] = []
        for node, path, deep, boxed in _regions(domain):
            main = not any(_MEASURES.search(n.heading.title) for n in (*path, node) if n is not domain)
            where = heading_path + [label(n) for n in path if n is not domain]
            read = _targets_in(node, domain_id, where, main, deep)
            # a box's projects (建设100个妇女之家) are neither targets nor evidence for one; a table in it is
            found.extend(t for t in read if not boxed or t.location.cell is not None)
        targets.extend(_dedupe(found))
    targets += _general_goals(plan.root, classified) + _summary_tables(plan.root, classified)
    return with_breakdown_units(targets)


def _general_goals(root: Node, classified: Classified) -> list[Target]:
    """Figures the plan's general 总体目标/主要目标 states in sentences (具体目标：新生儿死亡率…；…):
    main targets of no one domain. Its sentences without a figure are slogans, not targets."""
    goals = classified.section_nodes.get("overall-goals")
    inside = {id(n) for node, _ in classified.domain_nodes.values() for n in (node, *(c for c, _ in walk(node)))}
    if goals is None or id(goals) in inside:
        return []
    path = next((p for n, p in walk(root) if n is goals), ())
    where = [label(n) for n in path if n.heading.level > 0]
    # 总体目标 beside 主要目标 (or 具体目标) under one heading: the figures are in the latter, read too
    siblings = path[-1].children if path else [goals]
    regions = [n for n in siblings if n is goals or (_GOALS.match(n.heading.title) and id(n) not in inside)]
    found = [t for region in regions for t in _targets_in(region, None, where, True, True)]
    return [t for t in found if t.quantities and not t.table and t.location.cell is None]


def _summary_tables(root: Node, classified: Classified) -> list[Target]:
    """Indicator tables outside the domains (in 总体目标, or an annex 主要指标表): their rows are
    main targets too, of no one domain."""
    inside = {id(n) for n, _ in classified.domain_nodes.values()}
    out: list[Target] = []
    for node, path in [(root, ()), *walk(root)]:
        if any(id(n) in inside for n in (*path, node)):
            continue
        rows = [p for p in node.paragraphs if p.cells is not None]
        where = [label(n) for n in (*path, node) if n.heading.level > 0]
        out.extend(_table_targets(rows, None, where))
    return out


def _regions(domain: Node) -> list[tuple[Node, tuple[Node, ...], bool, bool]]:
    """Where to read targets: the domain's parts (主要目标, 策略措施 …) one by one, or, when it has
    none, the domain as a whole. (node, its ancestors below the domain, whether to look deep, whether it is
    an item of a box: 专栏3 巾帼创业就业工程 and the numbered projects after it, up to the next part)."""
    parts = [c for c in domain.children if _GOALS.match(c.heading.title) or _MEASURES.search(c.heading.title)]
    if not parts:
        return [(domain, (), True, False)]
    out = [(domain, (), False, False)] if domain.paragraphs else []
    boxed = any(_BOX.match(p.text) for p in domain.paragraphs)
    for child in domain.children:
        boxed = boxed and child not in parts
        out.append((child, (domain,), True, boxed))
        boxed = boxed or any(_BOX.match(p.text) for n in (child, *(c for c, _ in walk(child))) for p in n.paragraphs)
    return out


def _targets_in(node: Node, domain_id: str, where: list[str], main: bool, deep: bool) -> list[Target]:
    """Targets in one region: its numbered items (or its own paragraphs) and its table rows.

    An item's text includes the unnumbered lines after it, so a lead-unit bracket wrapped onto
    its own line stays with its target."""
    here = [*where, label(node)] if node.heading.level > 0 and where[-1:] != [label(node)] else where
    items = [n for n in node.children if n.heading.number] if deep else []
    listed = [_target(_item_text(item), item.heading.location, domain_id, here, main) for item in items]
    last_item = (items[-1], *(c for c, _ in walk(items[-1]))) if items else ()
    closing = [p.text for n in last_item for p in n.paragraphs if p.cells is None]
    out = _list_units([t for t in listed if t and (main or t.quantities)], closing[-1:])
    # A target table often sits after the last numbered item, so it is looked for in the whole region.
    nodes = (node, *(c for c, _ in walk(node))) if deep else (node,)
    out.extend(_table_targets([p for n in nodes for p in n.paragraphs if p.cells is not None], domain_id, here))
    if not items:
        texts = [p for p in node.paragraphs if p.cells is None]
        # a paragraph labelled 措施：… is a measure, its figures secondary targets
        found = [
            _target(p.text, p.location, domain_id, here, main and not _MEASURES_LABEL.match(p.text)) for p in texts
        ]
        out.extend(_list_units([t for t in found if t and (t.main or t.quantities)], [p.text for p in texts][-1:]))
    return out


def _list_units(targets: list[Target], last: list[str]) -> list[Target]:
    """A list of targets whose `last` line names units only (牵头单位：县卫健局、县教体局): the line names the
    units of the targets since the last one naming its own, not only of the target it follows."""
    lead, resp = _units(last[0]) if last else ([], [])
    if not (lead or resp) or target_body(last[0]):
        return targets

    def named(t: Target) -> bool:
        return bool(t.lead_units or t.responsible_units)

    # the last target holds the line when it is a numbered item's (its unnumbered lines are its own)
    end = len(targets) - 1 if targets and named(targets[-1]) else len(targets)
    start = end
    while start > 0 and not named(targets[start - 1]):
        start -= 1
    units = {"lead_units": lead, "responsible_units": resp}
    return [*targets[:start], *(t.model_copy(update=units) for t in targets[start:end]), *targets[end:]]


def _item_text(item: Node) -> str:
    parts = [p.text for p in item.paragraphs if p.cells is None]
    if not item.paragraphs or item.paragraphs[0].location != item.heading.location:
        parts.insert(0, item.heading.title)  # a short first line (孕产妇死亡率控制在…) is only the heading
    else:
        first = parts[0]
        parts[0] = first[len(item.heading.number) :] if first.startswith(item.heading.number) else first
    for child, _ in walk(item):
        parts.extend(p.text for p in child.paragraphs if p.cells is None)
    return "".join(parts).strip()


def _target(text: str, location, domain_id: str, where: list[str], main: bool) -> Target | None:
    lead, resp = _units(text)
    body = target_body(text)
    if not body or re.fullmatch(r"[（(][^）)]*[）)]", body) or _CAPTION.match(body):
        return None
    return Target(
        text=text,
        quantities=parse_quantities(body),
        lead_units=lead,
        responsible_units=resp,
        location=location,
        heading_path=where,
        domain=domain_id,
        main=main,
    )


def _units(text: str) -> tuple[list[str], list[str]]:
    lead: list[str] = []
    resp: list[str] = []
    for m in LEAD_UNITS.finditer(text):
        lead += _split_units("".join(m[g] or "" for g in _LEAD_GROUPS))  # one of them matched
        resp += _split_units("".join(m[g] or "" for g in _RESP_GROUPS))
    return lead, resp


def _split_units(s: str) -> list[str]:
    return [u for u in _UNIT_SPLIT.split(s.strip("。 ")) if u]


def _table_targets(rows: list[Paragraph], domain_id: str | None, where: list[str]) -> list[Target]:
    """One target per row of a target table (序号|主要目标|牵头单位|责任单位) or indicator table
    (类别|指标名称|2030年规划值|指标属性), after the header row that names the columns."""
    out: list[Target] = []
    columns: dict = {}
    header: list[str] = []
    for row in rows:
        lines = row.cells or []  # a cell's lines apart, for the unit columns (one unit a line)
        cells = list(map(one_line, lines))
        if _is_header(cells):
            columns, header = _columns(cells), cells
            continue
        name = _cell(cells, columns.get("name"))
        if not name:
            continue
        lead = _split_units(_cell(lines, columns.get("lead")))
        resp = _split_units(_cell(lines, columns.get("resp")))
        if not lead and not resp:  # the unit columns left empty, the note written in the target cell
            lead, resp = _units(name)
        if lead or resp:
            name = target_body(name)
            cells = [name if i == columns["name"] else c for i, c in enumerate(cells)]
        text, quantities = _row_values(name, _with_units(cells, columns), columns["values"], header)
        out.append(
            Target(
                text=text,
                quantities=quantities,
                lead_units=lead,
                responsible_units=resp,
                location=row.location.model_copy(update={"cell": columns["name"]}),
                heading_path=where,
                domain=domain_id,
                main=True,
                table=bool(columns["values"]),
                binding=_binding(_cell(cells, columns.get("binding"))),
                unit_columns="lead" in columns or "resp" in columns,
            )
        )
    return out


def _with_units(cells: list[str], columns: dict) -> list[str]:
    """Values with the unit of a 单位 column, or of the name (孕产妇死亡率（1/10万）), written after
    their number: 90 + % → 90%."""
    in_name = _NAME_UNIT.search(_cell(cells, columns.get("name")))
    unit = _cell(cells, columns.get("unit")) or (in_name[1] if in_name else "")
    if not unit:
        return cells
    suffix = f"/{unit[2:]}" if unit.startswith("1/") else unit
    return [
        re.sub(r"\d+(?:\.\d+)?(?![\d.%‰/])", lambda m: m[0] + suffix, c, count=1) if i in columns["values"] else c
        for i, c in enumerate(cells)
    ]


def _row_values(name: str, cells: list[str], value_columns: list[int], header: list[str]) -> tuple[str, list[Quantity]]:
    """The row as a sentence (指标名称：值、值) and its numbers, staged by the year in a value
    column's header when the table has several value columns."""
    if not any(_cell(cells, col) for col in value_columns):
        return name, parse_quantities(target_body(name))  # the target is written out in the name cell
    if len({_cell(cells, col) for col in value_columns}) == 1:
        value_columns = value_columns[:1]  # one value for every stage (a cell merged across them): not staged
    # 儿童伤害死亡率较2020年下降（%） | ≥20: the value completes the name's change (下降≥20%), which
    # is read from its base year in the name on
    change = _CHANGE_NAME.search(name)
    said, joint = (name[: change.end(1)], "") if change else (name, "：")
    text, quantities = said, []
    # Each value is read right after the name, as the first is: so "4.5个" is a number, not item 4, and
    # the name's change (较2020年下降) is the change of every stage's value, not only the first's.
    prefix = f"{said}{joint}"
    for col in value_columns:
        value = _cell(cells, col)
        if not value:
            continue
        sep = joint if text == said else "、"
        offset = len(text) + len(sep)
        text += sep + value
        year = _YEAR.search(header[col]) if len(value_columns) > 1 else None
        for q in parse_quantities(prefix + value):
            if q.span[1] <= len(prefix):
                continue  # a number of the name (5岁以下儿童)
            start = q.span[0] - len(prefix) + offset if q.span[0] >= len(prefix) else offset
            span = (start, q.span[1] - len(prefix) + offset)
            stage = q.year or (int(year[1]) if year else None)
            update = {"year": stage, "phrase": name, "span": span, "text": text[span[0] : span[1]]}
            quantities.append(q.model_copy(update=update))
    return text, quantities


def _is_header(cells: list[str]) -> bool:
    return any(_NAME_COL.search(c) for c in cells) and not any(re.search(r"\d", c) and "年" not in c for c in cells)


def _columns(cells: list[str]) -> dict:
    cols: dict = {"values": []}
    for i, c in enumerate(cells):
        if _LEAD_COL.search(c):
            cols["lead"] = i
        elif c in _UNIT_HEADERS:
            cols["unit"] = i
        elif _RESP_COL.search(c):
            cols["resp"] = i
        elif _ATTR_COL.search(c):
            cols["binding"] = i  # 指标属性: 约束性/预期性, neither the name nor a value
        elif "name" not in cols and _NAME_COL.search(c):
            cols["name"] = i
        elif _VALUE_COL.search(c) and not _BASELINE_COL.search(c):
            cols["values"].append(i)
    return cols


def _binding(cell: str) -> str | None:
    m = _BINDING.search(cell)
    return m[0] if m else None


def _cell(cells: list[str], col: int | None) -> str:
    return cells[col] if col is not None and col < len(cells) else ""


def _dedupe(targets: list[Target]) -> list[Target]:
    """One target per statement: a Word file may keep a stray partial copy of a target next to the
    table row that states it in full. Of two near-identical targets the fuller one stays."""
    out: list[Target] = []
    bodies: list[tuple[str, set[str]]] = []  # of the targets kept, with their characters
    for t in targets:
        body = target_body(t.text)
        read = (body, set(body))
        twin = next((i for i, o in enumerate(bodies) if _same_statement(read, o)), None)
        if twin is None:
            out.append(t)
            bodies.append(read)
        elif _fullness(t) > _fullness(out[twin]):
            out[twin], bodies[twin] = t, read
    return out


def _same_statement(a: tuple[str, set[str]], b: tuple[str, set[str]]) -> bool:
    """Are two target bodies near-identical (one nearly contained in the other)? A body with more than a
    tenth of its characters missing from the other is not (its best alignment scores below 95 then), which
    spares most comparisons."""
    (short, letters), (long, others) = sorted((a, b), key=lambda body: len(body[0]))
    if len(short) < 8 or 21 * (len(short) - len(letters - others)) < 19 * len(short):
        return False
    return fuzz.partial_ratio(short, long, score_cutoff=95) >= 95


def _fullness(t: Target) -> tuple[bool, int]:
    return bool(t.lead_units), len(t.text)
