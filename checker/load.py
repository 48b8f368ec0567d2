"""File → Document: read a plan from .txt, .docx, .pdf (or .doc/.wps through LibreOffice).

Everything a user can fix (wrong or unknown format, encrypted, empty, scanned, too big …) is
raised as an InputError with a one-line message. The input file is only ever read.
Heavy libraries are imported inside the functions that need them, so that importing this module
(and `check --help`) stays fast."""

from __future__ import annotations

import codecs
import io
import itertools
import os
import re
import shutil
import signal
import stat
import subprocess
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .errors import InputError
from .models import Document, Location, SourceLine

if TYPE_CHECKING:
    import docx.document

SUPPORTED = (".txt", ".docx", ".pdf", ".doc", ".wps")
MAX_TXT_BYTES = 10 * 1024 * 1024  # a plan is well under 1 MB; bounds time and memory
MAX_BYTES = 100 * 1024 * 1024
MAX_PDF_PAGES = 2000
SOFFICE_TIMEOUT = 120  # seconds

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def load(path: str | Path) -> Document:
    path = Path(path)
    ext = path.suffix.lower()
    if path.is_dir():
        raise _error(path, "这是一个文件夹，不是文件", "is a directory")
    if ext not in SUPPORTED:
        raise _error(
            path,
            f"不支持的文件格式（{path.suffix or '无扩展名'}），请使用 .txt、.docx、.pdf、.doc 或 .wps 文件",
            "unsupported format; use .txt .docx .pdf .doc .wps",
        )
    data = _read(path, MAX_TXT_BYTES if ext == ".txt" else MAX_BYTES)
    if ext == ".txt":
        return _load_txt(path, data)
    if ext == ".docx":
        return _load_docx(path, data)
    if ext == ".pdf":
        return _load_pdf(path, data)
    return _load_doc(path, data)


def _error(path: Path, cn: str, en: str) -> InputError:
    name = re.sub(r"[\x00-\x1f\x7f]", "?", path.name or str(path))
    return InputError(f"无法读取 {name}：{cn} ({en})")


def _read(path: Path, limit: int) -> bytes:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise _error(path, "文件不存在", "file not found") from None
    except OSError as e:
        raise _error(path, "无法访问该文件", f"cannot access: {e.strerror}") from None
    if stat.S_ISDIR(info.st_mode):
        raise _error(path, "这是一个文件夹，不是文件", "is a directory")
    if not stat.S_ISREG(info.st_mode):
        raise _error(path, "不是普通文件", "not a regular file")
    too_big = _error(path, f"文件过大（上限 {limit // 1024 // 1024} MB）", "file too large")
    if info.st_size > limit:
        raise too_big
    chunks: list[bytes] = []
    size = 0
    try:
        with open(path, "rb") as f:  # in chunks: f.read(limit) would allocate the whole limit up front
            while chunk := f.read(1 << 20):
                size += len(chunk)
                if size > limit:  # the file grew after stat()
                    raise too_big
                chunks.append(chunk)
    except PermissionError:
        raise _error(path, "没有读取该文件的权限", "permission denied") from None
    except OSError as e:
        raise _error(path, "读取文件时出错", f"read error: {e.strerror}") from None
    data = b"".join(chunks)
    if not data.strip():
        raise _error(path, "文件为空", "empty file")
    return data


# ---------------------------------------------------------------- .txt

_BOMS = (  # UTF-32 first: its LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters (tab, newlines and form feed allowed), surrogates, private use, U+FFFD.
_BAD_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\ufffd]")
_NEWLINE = re.compile(r"\r\n|\r|\n")  # as Python's universal newlines and editors count lines


def _load_txt(path: Path, data: bytes) -> Document:
    text = _decode(path, data)
    if _mostly_bad(text, 0.01):
        raise _error(path, "不是文本文件（含大量二进制或控制字符），请确认文件格式", "binary data, not text")
    lines = [
        SourceLine(text=line, location=Location(line=number))
        for number, raw in enumerate(_NEWLINE.split(text), start=1)
        if (line := raw.replace("\f", "")).strip()
    ]
    if not lines:
        raise _error(path, "文件为空", "empty file")
    return Document(path=str(path), format="txt", lines=lines)


def _decode(path: Path, data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    if b"\x00" in data:  # UTF-8 and GBK text never holds NUL bytes; UTF-16 text does
        encoding = _utf16_without_bom(data)
        if encoding is None:
            raise _error(path, "不是文本文件（含二进制数据），请确认文件格式", "binary data, not text")
        return data.decode(encoding, errors="replace")
    # Strict UTF-8 then GB18030 (a superset of GBK, what Chinese Windows editors save), each
    # allowed one bad byte per thousand characters so that a damaged byte doesn't flip the guess.
    for encoding in ("utf-8", "gb18030"):
        text = data.decode(encoding, errors="replace")
        if text.count("\ufffd") * 1000 <= len(text):
            return text
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise _error(path, "无法识别文件的文字编码，请另存为 UTF-8 文本", "unknown text encoding")
    return str(best)


def _utf16_without_bom(data: bytes) -> str | None:
    """ASCII characters in UTF-16 put their NUL byte always on the same side of each pair (the
    other side sees a NUL only for the few characters such as 一 U+4E00 that end in 00)."""
    sample = data[:65536]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd >= 4 and even * 4 <= odd:
        return "utf-16-le"
    if even >= 4 and odd * 4 <= even:
        return "utf-16-be"
    return None


def _mostly_bad(text: str, share: float) -> bool:
    sample = text[:200_000]
    return len(_BAD_CHARS.findall(sample)) > share * len(sample)


# ---------------------------------------------------------------- .docx

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Text of a paragraph: the runs it shows, wherever they nest (hyperlinks, fields, content
# controls, tracked insertions), but not deleted runs, text boxes or the fallback copies of
# drawings. python-docx's Paragraph.text skips runs nested in w:ins, w:sdt, w:fldSimple …
_RUN_CONTENT = (
    ".//w:r[not(ancestor::w:del or ancestor::w:moveFrom or ancestor::w:txbxContent"
    " or ancestor::mc:Fallback)]/*[self::w:t or self::w:tab or self::w:br or self::w:cr"
    " or self::w:noBreakHyphen]"
)


def _load_docx(path: Path, data: bytes) -> Document:
    if data.startswith(_OLE_MAGIC):
        # Office wraps a password-protected .docx in an OLE2 file (refused there); any other
        # OLE2 file is an old binary .doc that was renamed, which LibreOffice can convert.
        return _load_doc(path, data)
    if not data.startswith(b"PK"):
        raise _error(path, "不是有效的 .docx 文件（不是 zip 格式），可能已损坏或扩展名有误", "not a zip file")
    return _docx_document(path, data, "docx")


def _refuse_encrypted_ole(path: Path, data: bytes) -> None:
    import olefile

    encrypted = _error(path, "文件已加密（受密码保护），请先取消密码后再检查", "password-protected file")
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            if ole.exists("EncryptionInfo"):
                raise encrypted
            if ole.exists("WordDocument"):  # .doc: the FIB flag fEncrypted (bit 8 at offset 10)
                fib = ole.openstream("WordDocument").read(12)
                if len(fib) == 12 and int.from_bytes(fib[10:12], "little") & 0x0100:
                    raise encrypted
    except InputError:
        raise
    except Exception:
        raise _error(path, "文件已损坏，无法打开", "corrupt OLE2 file") from None


def _docx_document(path: Path, data: bytes, fmt: Literal["docx", "doc"]) -> Document:
    from ._zipguard import ZipRefused, check_docx

    try:
        check_docx(data)
    except ZipRefused as e:
        raise _error(path, e.cn, e.en) from None
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        lines = list(_docx_lines(document))
    except Exception as e:
        raise _error(path, "文件已损坏或不是 Word 文档，无法打开", f"unreadable .docx: {type(e).__name__}") from None
    if not lines:
        raise _error(path, "文件为空（文档中没有文字）", "empty document")
    return Document(path=str(path), format=fmt, lines=lines)


def _docx_lines(document: docx.document.Document) -> Iterator[SourceLine]:
    """Body paragraphs and table rows in document order.

    `paragraph` counts the body's own paragraphs, as `document.paragraphs` does. Paragraphs
    inside a block content control (w:sdt) are not counted there; they get the index of the
    next counted paragraph, which is where a reader finds them."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.table import Table

    styles = {s.style_id: s.name for s in document.styles if s.type == WD_STYLE_TYPE.PARAGRAPH}
    default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    default_name = default.name if default is not None else None
    paragraph = table = 0
    for element, counted in _body_blocks(document.element.body):
        if element.tag == f"{_W}p":
            text = _paragraph_text(element)
            if text.strip():
                style_ref = element.find(f"{_W}pPr/{_W}pStyle")
                style = styles.get(style_ref.get(f"{_W}val")) if style_ref is not None else None
                yield SourceLine(text=text, location=Location(paragraph=paragraph), style=style or default_name)
            if counted:
                paragraph += 1
        else:
            yield from _table_lines(Table(element, document), table)
            table += 1


def _body_blocks(container: Any) -> Iterator[tuple[Any, bool]]:
    for child in container.iterchildren(f"{_W}p", f"{_W}tbl", f"{_W}sdt"):
        if child.tag == f"{_W}sdt":
            for content in child.iterchildren(f"{_W}sdtContent"):
                yield from ((element, False) for element, _ in _body_blocks(content))
        else:
            yield child, True


def _table_lines(table: Any, index: int) -> Iterator[SourceLine]:
    for row_index, row in enumerate(table.rows):
        cells: list[Any] = []
        for cell in row.cells:  # python-docx repeats a merged cell once per grid column it spans
            if not any(cell is seen for seen in cells):
                cells.append(cell)
        texts = [_cell_text(cell._tc) for cell in cells]
        if any(t.strip() for t in texts):
            yield SourceLine(text="\t".join(texts), location=Location(table=index, row=row_index), cells=texts)


def _cell_text(tc: Any) -> str:
    parts = []
    for element, _ in _body_blocks(tc):
        if element.tag == f"{_W}p":
            parts.append(_paragraph_text(element))
        else:  # a nested table: its rows, cells separated by tabs
            parts.extend(
                "\t".join(_cell_text(cell) for cell in tr.iterchildren(f"{_W}tc"))
                for tr in element.iterchildren(f"{_W}tr")
            )
    return "\n".join(parts)


@cache
def _run_content_xpath() -> Any:
    from lxml import etree

    return etree.XPath(
        _RUN_CONTENT,
        namespaces={
            "w": _W[1:-1],
            "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
        },
    )


def _paragraph_text(p: Any) -> str:
    parts = []
    for element in _run_content_xpath()(p):
        tag = element.tag
        if tag == f"{_W}t":
            parts.append(element.text or "")
        elif tag == f"{_W}tab":
            parts.append("\t")
        elif tag == f"{_W}noBreakHyphen":
            parts.append("-")
        elif element.get(f"{_W}type") not in ("page", "column"):  # w:br, w:cr
            parts.append("\n")
    return "".join(parts)


# ---------------------------------------------------------------- .doc / .wps


def _load_doc(path: Path, data: bytes) -> Document:
    if data.startswith(b"PK"):  # a .docx under an old name
        return _docx_document(path, data, "docx")
    if data.startswith(_OLE_MAGIC):
        _refuse_encrypted_ole(path, data)
    elif not re.match(rb"(?:\xef\xbb\xbf)?\s*(?:\{\\rtf|<|MIME-Version)", data[:256]):  # RTF, HTML as .doc
        raise _error(path, "不是有效的 Word/WPS 文档，可能已损坏或扩展名有误", "not a Word/WPS document")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise _error(
            path,
            "读取 .doc/.wps 需要安装 LibreOffice；或请先用 Word/WPS 另存为 .docx 后再检查",
            "LibreOffice (soffice) not found",
        )
    return _docx_document(path, _convert_to_docx(path, data, soffice), "doc")


def _convert_to_docx(path: Path, data: bytes, soffice: str) -> bytes:
    with tempfile.TemporaryDirectory(prefix="plancheck-") as tmp:
        work = Path(tmp)
        source = work / ("input.doc" if data.startswith(_OLE_MAGIC) else "input" + path.suffix.lower())
        source.write_bytes(data)  # convert a private copy; the user's file is never touched
        command = [
            soffice,
            # A private profile lets conversions run in parallel, beside a running LibreOffice, as root.
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "docx",
            "--outdir",
            str(work / "out"),
            str(source),
        ]
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ, "HOME": tmp},
            start_new_session=True,  # so that a hung soffice.bin can be killed with its launcher
        )
        try:
            process.communicate(timeout=SOFFICE_TIMEOUT)
        except subprocess.TimeoutExpired:
            if hasattr(os, "killpg"):
                os.killpg(process.pid, signal.SIGKILL)
            else:  # pragma: no cover - Windows
                process.kill()
            process.communicate()
            raise _error(path, "用 LibreOffice 转换超时", "LibreOffice conversion timed out") from None
        result = work / "out" / "input.docx"
        if not result.is_file():
            raise _error(
                path,
                "LibreOffice 无法转换该文件（可能已损坏或受密码保护），请用 Word/WPS 另存为 .docx",
                "LibreOffice conversion failed",
            )
        return result.read_bytes()


# ---------------------------------------------------------------- .pdf
# Text comes from pdfium (pypdfium2, which pdfplumber itself depends on): it is some 25 times
# faster than pdfminer, which takes several seconds for a 90-page plan. pdfplumber is used only
# to find ruled tables, on the few pages that draw enough lines to hold one.

_PAGE_NUMBER = re.compile(
    r"^[-—–－―~·•\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?[-—–－―~·•\s]*$"
    r"|^\d{1,4}\s*/\s*\d{1,4}$|^page\s*\d{1,4}(?:\s*of\s*\d{1,4})?$",
    re.IGNORECASE,
)
_ASCII_ALNUM = re.compile(r"[A-Za-z0-9]")
_BAND = 0.12  # share of the page height at the top and the bottom where running heads/feet sit
# A line ending this many characters short of the right margin still fills it: lines are not
# always justified, and a quotation mark or a number that may not be split leaves up to 2.5
# characters of space (measured on the corpus PDFs, which LibreOffice typeset).
_MARGIN_CHARS = 2.5


@dataclass
class _PdfLine:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    em: float  # the size of one character (median glyph box)
    runs_to_margin: bool = False


@dataclass
class _PdfTable:
    bbox: tuple[float, float, float, float]
    rows: list[list[str]]


@dataclass
class _PdfPage:
    number: int
    width: float
    top: float
    bottom: float
    lines: list[_PdfLine]
    ruled: bool
    tables: list[_PdfTable]


def _load_pdf(path: Path, data: bytes) -> Document:
    if b"%PDF" not in data[:1024]:
        raise _error(path, "不是有效的 PDF 文件（缺少 %PDF 文件头），可能已损坏或扩展名有误", "not a PDF")
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        if e.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            raise _error(path, "PDF 已加密（受密码保护），请先取消密码后再检查", "encrypted PDF") from None
        raise _error(path, "PDF 文件已损坏，无法打开", "corrupt PDF") from None
    try:
        if len(pdf) > MAX_PDF_PAGES:
            raise _error(path, f"PDF 页数过多（超过 {MAX_PDF_PAGES} 页）", "too many pages")
        pages = [_pdfium_page(pdf, i) for i in range(len(pdf))]
    except pdfium.PdfiumError:
        raise _error(path, "PDF 文件已损坏，无法读取", "corrupt PDF") from None
    finally:
        pdf.close()
    _find_tables(data, pages)
    _drop_running_lines(pages)
    text = "".join(line.text for page in pages for line in page.lines)
    text += "".join(cell for page in pages for table in page.tables for row in table.rows for cell in row)
    if not re.search(r"\w", text):
        raise _error(
            path,
            "PDF 没有文字层（可能是扫描件），请先做文字识别（OCR）或提供 Word 版",
            "no text layer; OCR needed",
        )
    if _mostly_bad(text, 0.3):
        raise _error(path, "PDF 的文字无法正确提取（字体缺少编码映射），请提供 Word 版", "undecodable PDF text")
    _mark_margin_lines(pages)
    return Document(path=str(path), format="pdf", lines=_pdf_source_lines(pages))


def _pdfium_page(pdf: Any, index: int) -> _PdfPage:
    import ctypes

    import pypdfium2.raw as pdfium_c

    page = pdf[index]
    textpage = page.get_textpage()
    try:
        left, bottom, right, top = page.get_mediabox()
        height = top - bottom
        # pdfplumber's coordinates: x as in the PDF, y measured down from the top of the media box
        page_top, page_bottom = height - top, height - bottom
        tp = textpage.raw
        x, y = ctypes.c_double(), ctypes.c_double()
        chars = []
        for k in range(textpage.count_chars()):
            code = pdfium_c.FPDFText_GetUnicode(tp, k)
            if pdfium_c.FPDFText_IsGenerated(tp, k) == 1 or code < 32 or 0xD800 <= code <= 0xDFFF:
                continue
            c_left, c_bottom, c_right, c_top = textpage.get_charbox(k, loose=True)
            pdfium_c.FPDFText_GetCharOrigin(tp, k, x, y)
            chars.append((chr(code), c_left, c_right, height - c_top, height - c_bottom, height - y.value))
        segments = _path_segments(page.raw, pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject)
    finally:
        textpage.close()
        page.close()
    # A table needs at least two cells; two rectangles take ten path segments.
    return _PdfPage(index + 1, right - left, page_top, page_bottom, _group_lines(chars), segments >= 8, [])


def _path_segments(owner: Any, count: Any, get: Any, depth: int = 0) -> int:
    """How many path segments (lines, curves) a page or form draws. Raw calls: the wrappers of
    page.get_objects() cost a fifth of a second on a 90-page plan."""
    import pypdfium2.raw as pdfium_c

    total = 0
    for i in range(count(owner)):
        obj = get(owner, i)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            total += max(pdfium_c.FPDFPath_CountSegments(obj), 0)
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < 3:
            total += _path_segments(obj, pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject, depth + 1)
    return total


def _group_lines(chars: list[tuple[str, float, float, float, float, float]]) -> list[_PdfLine]:
    """Characters sharing a baseline form a line (a superscript stays with its line)."""
    lines: list[_PdfLine] = []
    current: list[tuple[str, float, float, float, float, float]] = []
    for char in sorted(chars, key=lambda c: (c[5], c[1])):
        if current and char[5] - current[0][5] > 0.4 * max(current[0][4] - current[0][3], 1.0):
            lines.append(_make_line(current))
            current = []
        current.append(char)
    if current:
        lines.append(_make_line(current))
    return [line for line in lines if line.text]


def _make_line(chars: list[tuple[str, float, float, float, float, float]]) -> _PdfLine:
    chars.sort(key=lambda c: c[1])
    sizes = sorted(max(c[2] - c[1], c[4] - c[3]) for c in chars)  # a Chinese character is em wide
    em = max(sizes[len(sizes) // 2], 1.0)
    parts: list[str] = []
    previous_x1 = None
    for ch, x0, x1, _top, _bottom, _base in chars:
        if ch.isspace():
            ch = " "
        elif previous_x1 is not None and x0 - previous_x1 > 0.3 * em:
            parts.append(" ")  # a visible gap is a word space the PDF doesn't spell out
        parts.append(ch)
        previous_x1 = x1
    ink = [c for c in chars if not c[0].isspace()] or chars
    return _PdfLine(
        text=re.sub(r" {2,}", " ", "".join(parts)).strip(),
        x0=min(c[1] for c in ink),
        x1=max(c[2] for c in ink),
        top=min(c[3] for c in ink),
        bottom=max(c[4] for c in ink),
        em=em,
    )


def _drop_running_lines(pages: list[_PdfPage]) -> None:
    """Drop page numbers and running heads/feet: lines set apart at the top or bottom of a page
    that look like a page number or recur (digits aside) on at least half of the pages."""

    def key(text: str) -> str:
        return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))

    gaps = sorted(b.top - a.bottom for page in pages for a, b in itertools.pairwise(page.lines))
    spacing = max(gaps[len(gaps) // 2], 0.0) if gaps else 0.0
    edges = {page.number: _edge_lines(page, spacing) for page in pages}
    counts = Counter(k for lines in edges.values() for k in {key(line.text) for line in lines})
    enough = max(2, (len(pages) + 1) // 2)
    for page in pages:
        drop = [
            line for line in edges[page.number] if _PAGE_NUMBER.match(line.text) or counts[key(line.text)] >= enough
        ]
        page.lines = [line for line in page.lines if not any(line is d for d in drop)]


def _edge_lines(page: _PdfPage, spacing: float) -> list[_PdfLine]:
    """The lines in the top or bottom band of the page that a wider gap than the text's usual
    line spacing separates from the body, as a running head or foot is."""
    band = _BAND * (page.bottom - page.top)
    head, foot = page.top + band, page.bottom - band
    found: list[_PdfLine] = []
    for lines, in_band in (
        (page.lines, lambda line: line.bottom <= head),
        (page.lines[::-1], lambda line: line.top >= foot),
    ):
        for i, line in enumerate(lines):
            if not in_band(line):
                break
            following = lines[i + 1] if i + 1 < len(lines) else None
            gap = max(following.top - line.bottom, line.top - following.bottom) if following else band
            if gap > spacing + 0.5 * line.em:
                found.extend(x for x in lines[: i + 1] if not any(x is f for f in found))
    return found


def _find_tables(data: bytes, pages: list[_PdfPage]) -> None:
    ruled = [page for page in pages if page.ruled]
    if not ruled:
        return
    import pdfplumber

    try:
        with pdfplumber.open(io.BytesIO(data), pages=[page.number for page in ruled]) as plumber:
            if len(plumber.pages) == len(ruled):
                for page, plumber_page in zip(ruled, plumber.pages, strict=True):
                    page.tables = _plumber_tables(plumber_page)
                    plumber_page.close()
    except Exception:
        pass  # pdfminer fails where pdfium didn't: what is left untabled stays as plain lines
    for page in ruled:
        page.lines = [line for line in page.lines if not any(_inside(line, t.bbox) for t in page.tables)]


def _plumber_tables(plumber_page: Any) -> list[_PdfTable]:
    tables = []
    for found in plumber_page.find_tables():
        rows = [[_join_wrapped(cell) for cell in row if cell is not None] for row in found.extract()]
        rows = [row for row in rows if any(row)]
        if sum(len(row) for row in rows) >= 2:  # a lone framed box is text, not a table
            tables.append(_PdfTable(tuple(found.bbox), rows))
    return tables


def _join_wrapped(text: str) -> str:
    """Re-join the lines a table cell wrapped: no space between Chinese characters."""
    out = ""
    for part in (p.strip() for p in text.split("\n")):
        if _ASCII_ALNUM.match(out[-1:]) and _ASCII_ALNUM.match(part):
            out += " "
        out += part
    return out


def _inside(line: _PdfLine, bbox: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = bbox
    middle = (line.top + line.bottom) / 2
    return top <= middle <= bottom and line.x0 < x1 and line.x1 > x0


def _mark_margin_lines(pages: list[_PdfPage]) -> None:
    """A line whose right end reaches the text's right margin is continued by the next line.

    The margin is the right end of the page's longest line, or of a document-wide high
    percentile for pages of that width, whichever is further right, so a page of short
    lines (a list, the end of a chapter) isn't mistaken for full lines."""
    ends: dict[int, list[float]] = {}
    for page in pages:
        ends.setdefault(round(page.width), []).extend(line.x1 for line in page.lines)
    high = {width: sorted(xs)[int(0.9 * (len(xs) - 1))] for width, xs in ends.items() if xs}
    for page in pages:
        if not page.lines:
            continue
        margin = max(max(line.x1 for line in page.lines), high[round(page.width)])
        for line in page.lines:
            line.runs_to_margin = line.x1 >= margin - _MARGIN_CHARS * line.em


def _pdf_source_lines(pages: list[_PdfPage]) -> list[SourceLine]:
    out: list[SourceLine] = []
    paragraph = table_index = 0
    for page in pages:
        blocks: list[tuple[float, _PdfLine | _PdfTable]] = [(line.top, line) for line in page.lines]
        blocks += [(table.bbox[1], table) for table in page.tables]
        for _, block in sorted(blocks, key=lambda b: b[0]):
            if isinstance(block, _PdfLine):
                location = Location(page=page.number, paragraph=paragraph)
                out.append(SourceLine(text=block.text, location=location, runs_to_margin=block.runs_to_margin))
                paragraph += 1
            else:
                for row_index, row in enumerate(block.rows):
                    location = Location(page=page.number, table=table_index, row=row_index)
                    out.append(SourceLine(text="\t".join(row), location=location, cells=row))
                table_index += 1
    return out
