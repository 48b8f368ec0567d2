"""A web page saved as .html/.htm, or as a single-file web archive (.mht/.mhtml): the body text, one
SourceLine per block (paragraph, heading, list item, line break), tables as rows of cells.

Scripts, styles, forms and the site's navigation, header, footer and side bars are dropped. The
page is parsed by lxml's HTML parser (libxml2, already needed for Word files), which copes with the
broken markup real sites publish; the archive is unpacked with the standard library's MIME parser."""

from __future__ import annotations

import email
import email.policy
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import unreadable
from ..models import Document, Location, SourceLine

_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "iframe",
    "button",
    "select",
    "svg",
)
# class / id words of site furniture; a whole word, so "article-content" stays
_FURNITURE = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|crumbs?|footer|sidebar|share|toolbar|topbar|copyright)(?:$|[\s_-])",
    re.IGNORECASE,
)
_BLOCKS = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "section",
        "article",
        "main",
        "blockquote",
        "pre",
        "center",
        "address",
        "figure",
        "figcaption",
        "caption",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "body",
        "html",
    ]
)
# The page inside a web archive is held to the limit of a saved page (.html): parsing costs some
# 30× its size in memory. The archive itself may be bigger (its pictures).
MAX_PAGE_BYTES = 10 * 1024 * 1024
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.IGNORECASE)


def load_html(path: Path, data: bytes, archive: bool) -> Document:
    if archive:
        data, charset = _archived_page(path, data)
    else:
        charset = None
    import lxml.html
    from lxml import etree

    charset = charset or _charset(data)
    try:
        parser = lxml.html.HTMLParser(encoding=charset, remove_comments=True, remove_pis=True)
        root = lxml.html.document_fromstring(data, parser=parser)
    except (etree.ParserError, ValueError, LookupError):
        raise unreadable(path, "网页文件无法解析，可能已损坏", "unparsable HTML") from None
    body = root.find("body")
    lines = list(_lines(body if body is not None else root))
    if not lines:
        raise unreadable(path, "网页中没有正文文字", "no text in the page body")
    return Document(path=str(path), format="html", lines=lines)


def _archived_page(path: Path, data: bytes) -> tuple[bytes, str | None]:
    """The first HTML part of a MIME web archive, and its declared charset."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and len(payload) > MAX_PAGE_BYTES:
                raise unreadable(
                    path, f"网页存档中的网页过大（上限 {MAX_PAGE_BYTES // 1024 // 1024} MB）", "archived page too large"
                )
            if isinstance(payload, bytes) and payload.strip():
                return payload, part.get_content_charset()
    raise unreadable(path, "不是有效的网页存档（.mht），其中没有网页正文", "no text/html part in the archive")


def _charset(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8"
    if m := _CHARSET.search(data[:4096]):
        name = m[1].decode("ascii").lower()
        return "gb18030" if name in ("gb2312", "gbk", "gb18030") else name
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "gb18030"


def _dropped(element: Any) -> bool:
    if not isinstance(element.tag, str) or element.tag in _DROP_TAGS:
        return True
    if element.get("role") in ("navigation", "banner", "contentinfo") or element.get("hidden") is not None:
        return True
    return bool(_FURNITURE.search(f"{element.get('class', '')} {element.get('id', '')}"))


def _lines(root: Any) -> Iterator[SourceLine]:
    state = {"paragraph": 0, "table": 0}
    buffer: list[str] = []

    def flush() -> Iterator[SourceLine]:
        text = "".join(buffer)
        buffer.clear()
        if text.strip():
            yield SourceLine(text=text.strip(), location=Location(paragraph=state["paragraph"]))
            state["paragraph"] += 1

    def walk(element: Any) -> Iterator[SourceLine]:
        if _dropped(element):
            if element.tail:
                buffer.append(element.tail)
            return
        if element.tag == "table":
            yield from flush()
            yield from _table_lines(element, state["table"])
            state["table"] += 1
        elif element.tag == "br":
            yield from flush()
        else:
            block = element.tag in _BLOCKS
            if block:
                yield from flush()
            if element.text:
                buffer.append(element.text)
            for child in element:
                yield from walk(child)
            if block:
                yield from flush()
        if element.tail:
            buffer.append(element.tail)

    yield from walk(root)
    yield from flush()


def _table_lines(table: Any, index: int) -> Iterator[SourceLine]:
    """Rows of cells; a cell spanning columns or rows gives its text to each of them, as in Word."""
    carried: dict[int, tuple[str, int]] = {}  # column → (text, rows left) from a rowspan above
    rows = [tr for tr in table.iter("tr") if _nearest_table(tr) is table]
    for row_index, tr in enumerate(rows):
        cells: list[str] = []
        for td in tr:
            if td.tag not in ("td", "th") or _dropped(td):
                continue
            while len(cells) in carried:
                cells.append(_carry(carried, len(cells)))
            text = re.sub(r"\s*\n\s*", "", td.text_content()).strip()
            span, down = _span(td, "colspan"), _span(td, "rowspan")
            for _ in range(span):
                if down > 1:
                    carried[len(cells)] = (text, down - 1)
                cells.append(text)
        while len(cells) in carried:
            cells.append(_carry(carried, len(cells)))
        if any(cells):
            yield SourceLine(text="\t".join(cells), location=Location(table=index, row=row_index), cells=cells)


def _carry(carried: dict[int, tuple[str, int]], column: int) -> str:
    text, left = carried.pop(column)
    if left > 1:
        carried[column] = (text, left - 1)
    return text


def _span(td: Any, name: str) -> int:
    try:
        return min(max(int(td.get(name, "1")), 1), 50)
    except ValueError:
        return 1


def _nearest_table(tr: Any) -> Any:
    parent = tr.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent
