"""File → Document: read a plan from .txt, .docx, .pdf, a web page (.html/.htm/.mht), or the
formats offices have (.doc/.wps/.rtf/.odt, through LibreOffice).

Everything a user can fix (wrong or unknown format, encrypted, empty, scanned, too big …) is
raised as an InputError with a one-line message. The input file is only ever read.
Each reader lives in its own module and imports its heavy libraries inside its functions, so that
importing this package (and `check --help`) stays fast."""

from __future__ import annotations

import stat
from pathlib import Path

from ..errors import unreadable
from ..models import Document
from . import docx, html, office, pdf, txt

SUPPORTED = (".txt", ".docx", ".pdf", ".doc", ".wps", ".rtf", ".odt", ".html", ".htm", ".mht", ".mhtml")
_WEB = (".html", ".htm", ".mht", ".mhtml")
MAX_TXT_BYTES = 10 * 1024 * 1024  # a plan is well under 1 MB; bounds time and memory
MAX_BYTES = 100 * 1024 * 1024
# A web archive's MIME parse costs some 9× its size in memory: pictures and all, a saved page is a few MB.
MAX_ARCHIVE_BYTES = 30 * 1024 * 1024


def load(path: str | Path) -> Document:
    path = Path(path)
    ext = path.suffix.lower()
    if path.is_dir():
        raise unreadable(path, "这是一个文件夹，不是文件", "is a directory")
    if ext not in SUPPORTED:
        raise unreadable(
            path,
            f"不支持的文件格式（{path.suffix or '无扩展名'}），"
            "请使用 .txt、.docx、.pdf、.doc、.wps、.rtf、.odt 或网页（.html、.mht）文件",
            "unsupported format; use .txt .docx .pdf .doc .wps .rtf .odt .html .mht",
        )
    limit = MAX_TXT_BYTES if ext in (".txt", ".html", ".htm") else MAX_ARCHIVE_BYTES if ext in _WEB else MAX_BYTES
    data = _read(path, limit)
    if ext == ".txt":
        return txt.load_txt(path, data)
    if ext in _WEB:
        return html.load_html(path, data, archive=ext in (".mht", ".mhtml"))
    if ext == ".pdf":
        return pdf.load_pdf(path, data)
    if ext == ".docx" and not data.startswith(office.OLE_MAGIC):
        # Office wraps a password-protected .docx in an OLE2 file (refused there); any other
        # OLE2 file is an old binary .doc that was renamed, which LibreOffice can convert.
        if not data.startswith(b"PK"):
            raise unreadable(path, "不是有效的 .docx 文件（不是 zip 格式），可能已损坏或扩展名有误", "not a zip file")
        return docx.load_docx(path, data, "docx")
    return office.load_doc(path, data)


def _read(path: Path, limit: int) -> bytes:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise unreadable(path, "文件不存在", "file not found") from None
    except OSError as e:
        raise unreadable(path, "无法访问该文件", f"cannot access: {e.strerror}") from None
    if stat.S_ISDIR(info.st_mode):
        raise unreadable(path, "这是一个文件夹，不是文件", "is a directory")
    if not stat.S_ISREG(info.st_mode):
        raise unreadable(path, "不是普通文件", "not a regular file")
    too_big = unreadable(path, f"文件过大（上限 {limit // 1024 // 1024} MB）", "file too large")
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
        raise unreadable(path, "没有读取该文件的权限", "permission denied") from None
    except OSError as e:
        raise unreadable(path, "读取文件时出错", f"read error: {e.strerror}") from None
    data = b"".join(chunks)
    if not data.strip():
        raise unreadable(path, "文件为空", "empty file")
    return data
