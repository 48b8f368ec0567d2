"""Seeded layout variants of a plan text: the same plan laid out the ways real copies arrive.

`make_variant(name, text, seed, folder)` writes one variant of `text` (a corpus plan as UTF-8 text,
one paragraph a line) and returns its path. The variants change layout only, never what the plan
says, so the review of every variant must be the review of the original text:

pdfcopy     text copied out of a PDF: hard breaks every 20–32 characters, blank lines, page
            numbers and the running header between pages (also mid-sentence and inside notes)
webcopy     a document-sharing site's copy: chrome, the whole plan on one line with private-use
            glyphs at the paragraph breaks, 〖〗 typesetting codes, half-width punctuation,
            spaces inside numbers and words, list numbers glued to the figure after them
gb18030     GB18030 with CRLF line ends
docx        a Word file made from the text, one paragraph a line
docx_table  Word, a domain's main targets in a real table (序号|主要目标|牵头单位)
docx_textbox Word, a domain's main targets inside a text box
swapped     the plans in the other order and the notice last
tabletext   a domain's numbered targets as an indicator table laid out as lines of text, the unit
            with the value (≥95%); tabletext_unit_in_name: the unit in the name (…率（%） | ≥95)
The two-column PDF is made by LibreOffice from `two_column_docx` (see test_invariance.py)."""

from __future__ import annotations

import itertools
import random
import re
from pathlib import Path

import variants_office as office
from variants_office import OFFICE_VARIANTS

TEXT_VARIANTS = (
    "pdfcopy", "webcopy", "gb18030", "utf16", "swapped", "tabletext", "tabletext_unit_in_name", "tabletext_paged",
    "html",
)  # fmt: skip
WORD_VARIANTS = (
    "docx", "docx_table", "docx_textbox", "docx_textbox_table", "docx_grid", "docx_lines", "docx_breaks",
    "docx_numbering",
)  # fmt: skip
VARIANTS = TEXT_VARIANTS + WORD_VARIANTS + OFFICE_VARIANTS

_TITLE = re.compile(r"^[^，。；：、《》]{0,30}?(?:妇女|儿童)(?:事业)?发展.{0,12}规划(?:（.{4,14}）)?$")
_ITEM = re.compile(r"^(?:[（(]\d{1,2}[）)]|\d{1,2}[.．、])\s*")
_GOALS = re.compile(r"^(?:\d[.．、]\s*)?主要目标[:：]?$")
_MEASURES = re.compile(r"^(?:\d[.．、]\s*)?策略措施[:：]?$")
# A clause stating one figure: name, verb, figure with 以上/以下/左右.
_SIMPLE = re.compile(
    r"^(?P<name>[^，。；：、\d（）]{3,30}?)(?P<verb>达到并保持在|控制在|降至|下降到|下降至|达到|达|保持在|提高到|提高至|稳定在)"
    r"\s*(?P<value>\d+(?:\.\d+)?)\s*(?P<unit>/10\s*万|%|‰|岁)?\s*(?P<cmp>以上|以下|左右)$"
)
# A clause stating only a direction, a qualitative row of an indicator table.
_DIRECTION = re.compile(
    r"^(?P<name>[^，。；：、\d（）]{3,30}?)(?P<direction>逐步提高|逐年提高|不断提高|稳步提高|持续提高|逐步下降|持续下降|稳步下降)$"
)
_UNITS = re.compile(r"[（(]牵头单位[：:]([^；;）)]*)[^）)]*[）)]")
_CMP = {"以上": "≥", "以下": "≤"}
_PUA = "\ue5d2\ue5e5\uf06c\ue00a"
_HALF = {"（": "(", "）": ")", "：": ":", "，": ",", "；": ";"}


def make_office_variants(fmt: str, texts: list[str], seed: int, folder: Path) -> list[Path]:
    """The docx_table variant of each text saved by LibreOffice as .doc, .rtf or .odt, in one run."""
    sources = []
    for k, text in enumerate(texts):
        made = make_variant("docx_table", text, seed, folder)
        sources.append(made.rename(folder / f"{fmt}-{k}-{seed}.docx"))
    return office.convert_all(sources, fmt, folder)


def paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def plan_titles(paras: list[str]) -> list[int]:
    return [i for i, p in enumerate(paras) if _TITLE.match(p) and "印发" not in p and "关于" not in p]


def make_variant(name: str, text: str, seed: int, folder: Path) -> Path:
    rng = random.Random(f"{name}/{seed}")
    paras = paragraphs(text)
    if name in OFFICE_VARIANTS:  # one LibreOffice run a file; make_office_variants converts many at once
        return make_office_variants(name, [text], seed, folder)[0]
    if name in WORD_VARIANTS:
        path = folder / f"{name}-{seed}.docx"
        if name == "docx_lines":
            office.docx_lines(pdf_copy(paras, rng).splitlines(), path)
        elif name == "docx_breaks":
            office.docx_breaks(paras, rng, path)
        elif name == "docx_numbering":
            office.docx_numbering(paras, path)
        else:
            _word(name, paras, rng, path)
        return path
    path = folder / f"{name}-{seed}.{'html' if name == 'html' else 'txt'}"
    if name == "html":
        path.write_bytes(office.web_page(paras, rng))
    elif name == "utf16":
        path.write_bytes("\r\n".join(paras).encode("utf-16"))
    elif name == "gb18030":
        path.write_bytes("\r\n".join(paras).encode("gb18030"))
    elif name == "pdfcopy":
        path.write_text(pdf_copy(paras, rng), encoding="utf-8")
    elif name == "webcopy":
        path.write_text(web_copy(paras, rng), encoding="utf-8")
    elif name == "swapped":
        path.write_text("\n".join(swapped(paras)), encoding="utf-8")
    elif name.startswith("tabletext"):
        lines = table_as_text(paras, rng, name.endswith("in_name"), paged=name == "tabletext_paged")
        path.write_text("\n".join(lines), encoding="utf-8")
    else:
        raise ValueError(name)
    return path


# ---------------------------------------------------------------- text layouts


def _width(s: str) -> float:
    return sum(0.5 if ord(c) < 128 else 1.0 for c in s)


def _wrap(p: str, width: int) -> list[str]:
    out, line = [], ""
    for c in p:
        if _width(line + c) > width:
            out.append(line)
            line = ""
        line += c
    return [*out, line] if line else out


def pdf_copy(paras: list[str], rng: random.Random) -> str:
    """Hard breaks at a fixed width, page breaks every 30–45 lines with a page number and the
    running header (the plan's title), wherever the page ends."""
    width = rng.randint(20, 32)
    blank = rng.random() < 0.5
    indent = rng.choice(["", "  ", "\u3000\u3000"])
    number_style = rng.choice(["— {} —", "- {} -", "第 {} 页 共 99 页", "{}"])
    titles = plan_titles(paras)
    lines: list[str] = []
    page, left, header = 1, rng.randint(30, 45), paras[titles[0]] if titles else ""
    # One page ends inside a （牵头单位：…） note that runs over a line end, wherever that falls.
    noted = [i for i, p in enumerate(paras) if _note_break(_wrap(p, width)) is not None]
    forced = rng.choice(noted) if noted else -1
    for i, p in enumerate(paras):
        if i in titles:
            header = p
        wrapped = _wrap(p, width)
        for k, line in enumerate(wrapped):
            lines.append((indent if k == 0 else "") + line)
            if blank:
                lines.append("")
            left -= 1
            if left == 0 or (i == forced and k == _note_break(wrapped)):
                lines += ["", number_style.format(page), "", header, ""]
                page, left = page + 1, rng.randint(30, 45)
    return "\n".join(lines)


def _note_break(wrapped: list[str]) -> int | None:
    """The line of a wrapped paragraph after which its lead-unit note goes on."""
    text = ""
    for k, line in enumerate(wrapped[:-1]):
        text += line
        start = max(text.rfind("（牵头"), text.rfind("(牵头"))
        if start >= 0 and not re.search(r"[）)]", text[start:]) and len(text) - start > 6:
            return k
    return None


def _glue_number(p: str) -> str:
    """(7) 5岁以下… / 7. 5岁以下… → 7.5 岁以下…: the list number glued to the figure."""
    m = re.match(r"^(?:（(\d{1,2})）|(\d{1,2})[.．、])\s*(?=\d)", p)
    return f"{m[1] or m[2]}.{p[m.end() :]}" if m else p


def _roughen(p: str, rng: random.Random) -> str:
    p = _glue_number(p)
    p = re.sub(r"(\d)(%|万|年|岁|‰)", lambda m: m[1] + (" " if rng.random() < 0.5 else "") + m[2], p)
    p = "".join(_HALF.get(c, c) if rng.random() < 0.3 else c for c in p)
    if len(p) > 40 and rng.random() < 0.3:  # a line-wrap space inside a word
        k = rng.randrange(10, len(p) - 10)
        if "\u4e00" <= p[k - 1] <= "\u9fff" and "\u4e00" <= p[k] <= "\u9fff":
            p = p[:k] + " " + p[k:]
    return p


def web_copy(paras: list[str], rng: random.Random) -> str:
    titles = set(plan_titles(paras))
    name = paras[min(titles)] if titles else "规划"
    chrome = [
        "海量文档 免费下载 尽在文库",
        f"{name}.doc " * 12,
        f"{rng.randint(20, 90)} 页 {rng.randint(20, 99)}.{rng.randint(100, 999)} KB下载文档",
        f"当前文档共{rng.randint(20, 90)}页",
    ]
    body = []
    for i, p in enumerate(paras):
        period = re.search(r"（\d{4}—\d{4}年）$", p) if i in titles else None
        if period and rng.random() < 0.5:  # title and period set on two lines, each centred
            p = f"〖HT22.XBS〗〖JZ(〗{p[: period.start()]}〖JZ)〗\ue000〖HT3K〗〖JZ(〗{period[0]}〖JZ)〗〖HT〗"
        elif i in titles:
            p = f"〖LM〗〖HT22.XBS〗〖JZ(〗{p}〖JZ)〗〖HT〗"
        elif re.match(r"^[一二三四五六七八九十]、", p) and rng.random() < 0.5:
            p = f"〖HT3H〗{p}〖HT〗〖HJ5mm〗"
        elif re.match(r"^（[一二三四五六七八九十]）", p) and rng.random() < 0.5:
            p = f"〖HT4K〗{p}〖HT〗"
        else:
            p = _roughen(p, rng)
        body.append(p)
    glyphs = rng.sample(_PUA, rng.randint(1, len(_PUA)))  # a site may use several glyphs for breaks
    line = body[0] + "".join(rng.choice(glyphs) + p for p in body[1:])
    return "\n".join(chrome) + "\n" + line + "\n下载后继续阅读\n"


def swapped(paras: list[str]) -> list[str]:
    """The plans in the other order, the notice (what comes before the first plan) last."""
    titles = plan_titles(paras)
    bounds = [*titles, len(paras)]
    plans = [paras[a:b] for a, b in itertools.pairwise(bounds)]
    return [p for plan in reversed(plans) for p in plan] + paras[: titles[0]]


def _goal_items(paras: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each domain's 主要目标 block: the items after the heading up to 策略措施."""
    blocks = []
    for i, p in enumerate(paras):
        if _GOALS.match(p):
            end = next((j for j in range(i + 1, len(paras)) if _MEASURES.match(paras[j])), None)
            if end and end - i > 2:
                blocks.append((i + 1, end))
    return blocks


def _items(lines: list[str]) -> list[str]:
    """Numbered items, a line without a number (a target the text broke in two) joined to the one before."""
    items: list[str] = []
    for line in lines:
        if items and not _ITEM.match(line):
            items[-1] += line
        else:
            items.append(line)
    return items


def _simple_rows(items: list[str], qualitative: bool = False) -> tuple[list[str], list[tuple[str, str, str, str]]]:
    """Items that stay text, and (name, value with a {unit} slot, unit, lead units) of the clauses stating one
    figure (with `qualitative`, also those stating only a direction: …比例逐步提高); the other clauses of
    such an item stay behind as a text item."""
    keep, rows = [], []
    for item in items:
        number = _ITEM.match(item)
        units = _UNITS.search(item)
        body = _UNITS.sub("", item)[number.end() :] if number else ""
        clauses = [c for c in re.split(r"[，。；]", body) if c]
        found = [m for c in clauses if (m := _row_clause(c, qualitative))]
        if not found:
            keep.append(item)
            continue
        for m in found:
            if "direction" in m.groupdict() and m["direction"]:
                rows.append((m["name"], m["direction"], "", units[1] if units else ""))
                continue
            unit = (m["unit"] or "").replace(" ", "").replace("/10万", "1/10万")
            value = f"{_CMP.get(m['cmp'], '')}{m['value']}{{unit}}{'左右' if m['cmp'] == '左右' else ''}"
            rows.append((m["name"], value, unit, units[1] if units else ""))
        rest = [c for c in clauses if not _row_clause(c, qualitative)]
        if rest:
            keep.append(number[0] + "，".join(rest) + "。" + (units[0] if units else ""))
    return keep, rows


def _row_clause(clause: str, qualitative: bool) -> re.Match | None:
    return _SIMPLE.match(clause) or (_DIRECTION.match(clause) if qualitative else None)


def table_as_text(paras: list[str], rng: random.Random, unit_in_name: bool = False, paged: bool = False) -> list[str]:
    """A domain's one-statement targets as an indicator table copied out of a PDF as text lines:
    the header, the 类别 cell in fragments, names wrapped, units in the name, 指标属性. `paged`: the
    table runs over a page break (page number, running head, the header again, also inside a row),
    two indicators under one number, values spelt as tables do (≥ 95, 95以上, 40 左右), fragments of
    one to three characters and rows that state a direction (逐步提高)."""
    blocks = [(a, b) for a, b in _goal_items(paras) if len(_simple_rows(_items(paras[a:b]))[1]) >= 2]
    if not blocks:
        return paras
    a, b = rng.choice(blocks)
    keep, rows = _simple_rows(_items(paras[a:b]), qualitative=paged)
    lead = any(units for *_, units in rows)
    header = "类别 序号 指标名称 2030年规划值 指标属性" + (" 牵头单位" if lead else "")
    domain = re.sub(r"^[（(][一二三四五六七八九十]+[）)]|[。：]$", "", paras[a - 2]).strip()
    category, k = [], 0
    while k < len(domain):
        step = rng.randint(1, 3) if paged else 2
        category.append(domain[k : k + step])
        k += step
    titles = plan_titles(paras[:a])
    page_break = ["— 7 —", paras[titles[-1]] if titles else "", header] if paged else []
    breaks_at = rng.randrange(len(rows)) if paged else -1
    lines = [header]
    n = 0
    for k, (name, value, unit, units) in enumerate(rows):
        shared = paged and k > 0 and rng.random() < 0.25  # under the number of the row before
        n += not shared
        if category and rng.random() < 0.5 and not shared:
            lines.append(category.pop(0))
        cell = f"{name}（{unit}）" if unit and unit_in_name else name
        value = value.format(unit="" if unit_in_name else unit.removeprefix("1"))
        if paged:
            value = _spell(value, rng)
        attr = rng.choice(["约束性", "预期性"])
        unit_cell = units if lead else ""
        number = "" if shared else f"{n} "
        if rng.random() < 0.3 and len(cell) > 6:  # the name wrapped over two lines, the number alone
            lines += ([number.strip()] if number else []) + [cell[:6]]
            lines += page_break if k == breaks_at else []
            lines.append(f"{cell[6:]} {value} {attr} {unit_cell}".strip())
        else:
            lines.append(f"{number}{cell} {value} {attr} {unit_cell}".strip())
            lines += page_break if k == breaks_at else []
        if n % 5 == 0 and not paged:
            lines.append(header)  # the header a new page repeats
    return paras[:a] + keep + lines + paras[b:]


def _spell(value: str, rng: random.Random) -> str:
    """A table value as tables spell it: ≥95% / ≥ 95% / 95%以上, 40%左右 / 40% 左右."""
    m = re.fullmatch(r"([≥≤]?)(\d+(?:\.\d+)?)(\S*?)(左右)?", value)
    if not m:
        return value
    cmp, number, unit, about = m.groups()
    if about:
        return f"{number}{unit}{rng.choice(['', ' '])}左右"
    if cmp:
        return rng.choice(
            [f"{cmp}{number}{unit}", f"{cmp} {number}{unit}", f"{number}{unit}{'以上' if cmp == '≥' else '以下'}"]
        )
    return value


# ---------------------------------------------------------------- Word layouts


def _word(name: str, paras: list[str], rng: random.Random, path: Path) -> None:
    import docx

    document = docx.Document()
    blocks = _goal_items(paras) if name != "docx" else []
    if name in ("docx_grid", "docx_textbox_table"):
        blocks = [(a, b) for a, b in blocks if len(_simple_rows(_items(paras[a:b]))[1]) >= 2]
    a, b = rng.choice(blocks) if blocks else (len(paras), len(paras))
    for p in paras[:a]:
        document.add_paragraph(p)
    items = _items(paras[a:b])
    if name in ("docx_grid", "docx_textbox_table") and items:
        _indicator_table(document, name, items, rng)
    elif name == "docx_table" and items:
        table = document.add_table(rows=1, cols=3)
        for cell, text in zip(table.rows[0].cells, ("序号", "主要目标", "牵头单位"), strict=True):
            cell.text = text
        for n, item in enumerate(items, start=1):
            units = _UNITS.search(item)
            in_cell = rng.random() < 0.3  # the note left in the target cell, the unit column empty
            cells = table.add_row().cells
            cells[0].text = str(n)
            cells[1].text = _ITEM.sub("", item.replace(units[0], "") if units and not in_cell else item)
            cells[2].text = units[1] if units and not in_cell else ""
    elif name == "docx_textbox" and items:
        anchor = document.add_paragraph()
        anchor._p.append(_textbox(items))
    for p in paras[b:]:
        document.add_paragraph(p)
    document.save(path)


def _indicator_table(document, name: str, items: list[str], rng: random.Random) -> None:
    """The items that state one figure as rows of an indicator table (the unit in the name or with the
    value), after the items that stay text: in the body with a two-row header and value cells merged
    across 2025/2030 (docx_grid), or in a drawing's text box (docx_textbox_table)."""
    from docx.oxml import parse_xml

    keep, rows = _simple_rows(items)
    for item in keep:
        document.add_paragraph(item)
    cells = []
    for row_name, value, unit, units in rows:
        in_name = bool(unit) and rng.random() < 0.5
        cells.append(
            (
                f"{row_name}（{unit}）" if in_name else row_name,
                value.format(unit="" if in_name else unit.removeprefix("1")),
                rng.choice(["约束性", "预期性"]),
                units,
            )
        )
    table = office.indicator_table_xml(cells, two_stages=name == "docx_grid")
    if name == "docx_grid":
        document.element.body.sectPr.addprevious(parse_xml(table))  # the section properties stay last
    else:
        anchor = document.add_paragraph()
        anchor._p.append(parse_xml(office.drawing_textbox_xml(table, "专栏 主要指标")))


def _textbox(items: list[str]):
    """A VML text box (w:pict/v:shape/v:textbox/w:txbxContent) holding one paragraph per item."""
    from xml.sax.saxutils import escape

    from docx.oxml import parse_xml

    body = "".join(f"<w:p><w:r><w:t>{escape(item)}</w:t></w:r></w:p>" for item in items)
    return parse_xml(
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        ' xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape style="width:400pt;height:300pt">'
        f"<v:textbox><w:txbxContent>{body}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    )


def two_column_docx(paras: list[str], path: Path) -> None:
    """The plan as a Word file set in two columns (LibreOffice prints it as a two-column PDF)."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    for p in paras:
        document.add_paragraph(p)
    sect = document.sections[0]._sectPr
    sect.append(
        parse_xml(
            '<w:cols xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:num="2" w:space="425"/>'
        )
    )
    document.save(path)


# ---------------------------------------------------------------- what must stay the same


def review(path: Path) -> dict:
    """What a layout must not change: the plans, their sections and domains found, each indicator's
    status and value, and the findings (rule and what they are about)."""
    from checker import batch
    from checker.models import CheckOptions
    from checker.reference import load_reference
    from checker.rules import load_rules

    # the way the command checks a file (acceptances in the draft's comments included), not the pipeline alone
    reference, rules = load_reference("national-2021-2030"), tuple(load_rules())
    checked, failed = batch.run([batch.Input(path, str(path))], reference, rules, CheckOptions(), 1, False)
    assert not failed, failed[0].reason
    report = checked[0].report
    plans = {}
    for p in report.plans:
        plans[(p.kind, p.period)] = {
            "sections": sorted((s.id, s.found) for s in p.sections),
            "domains": sorted((d.id, d.found) for d in p.domains),
            "indicators": sorted((i.indicator, i.status, i.actual) for i in p.indicators),
            "findings": sorted((f.rule, f.indicator or "", f.domain or "", f.section or "") for f in p.findings),
        }
    return plans


def differences(expected: dict, got: dict) -> list[str]:
    """The differences between two reviews, one line each (empty when they are the same)."""
    out = []
    if set(expected) != set(got):
        out.append(f"plans {sorted(expected)} → {sorted(got)}")
    for key in sorted(set(expected) & set(got)):
        for part in ("sections", "domains", "indicators", "findings"):
            a, b = set(expected[key][part]), set(got[key][part])
            if a != b:
                out.append(f"{key[0]} {part}: lost {sorted(a - b)} gained {sorted(b - a)}")
    return out
