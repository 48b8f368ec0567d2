"""Checks that make a .docx safe to hand to python-docx: a real zip of bounded size, no DTDs.

zipfile never inflates a member past its declared size (a longer stream fails its CRC check),
so checking the declared sizes bounds what python-docx can unpack."""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from xml.parsers import expat

MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_MEMBERS = 10_000
# Word's XML deflates about 10:1; a big member inflating far more than this is a zip bomb.
MAX_RATIO = 200
_RATIO_FLOOR = 5 * 1024 * 1024  # small members may compress as well as they like


class ZipRefused(Exception):
    def __init__(self, cn: str, en: str) -> None:
        super().__init__(en)
        self.cn = cn
        self.en = en


def check_docx(data: bytes) -> None:
    """Raise ZipRefused unless `data` is a plausible, safe Word zip package."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            _check(zf)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError):
        raise ZipRefused("文件已损坏或不完整，无法解压", "corrupt or truncated .docx") from None


def _check(zf: zipfile.ZipFile) -> None:
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise ZipRefused("压缩包内文件数量异常，拒绝读取", "too many zip members")
    bomb = any(
        i.file_size > _RATIO_FLOOR and i.file_size > MAX_RATIO * max(i.compress_size, 1) for i in infos
    )
    if bomb or sum(i.file_size for i in infos) > MAX_UNCOMPRESSED:
        raise ZipRefused(
            "文件解压后过大（疑似压缩炸弹），拒绝读取", "uncompressed size too large (zip bomb?)"
        )
    if any(i.flag_bits & 0x1 for i in infos):
        raise ZipRefused("文件已加密（受密码保护），请先取消密码后再检查", "encrypted zip")
    names = {i.filename for i in infos}
    if _main_part(zf, names) not in names:
        raise ZipRefused(
            "不是 Word 文档（缺少 word/document.xml），可能已损坏或是其他类型的文件",
            "not a Word document: no word/document.xml",
        )
    for info in infos:
        if info.filename.endswith((".xml", ".rels")) and _declares_doctype(zf, info):
            raise ZipRefused(
                "文档含有不允许的 XML DOCTYPE/ENTITY 声明，拒绝读取", "DOCTYPE/ENTITY declaration in XML"
            )


def _main_part(zf: zipfile.ZipFile, names: set[str]) -> str:
    """The main document part named in _rels/.rels (word/document.xml, occasionally another name)."""
    try:
        info = zf.getinfo("_rels/.rels")
    except KeyError:
        return "word/document.xml"
    if info.file_size < 1_000_000:
        for tag in re.findall(rb"<(?:\w+:)?Relationship\b[^>]*>", zf.read(info)):
            target = re.search(rb"""Target\s*=\s*["']([^"']+)["']""", tag)
            if target and re.search(rb"""Type\s*=\s*["'][^"']*/officeDocument["']""", tag):
                name = target.group(1).decode("utf-8", "replace").lstrip("/")
                if name in names:
                    return name
    return "word/document.xml"


class _Stop(Exception):
    pass


def _declares_doctype(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Parse only the prolog of one XML member: a DTD (and so any ENTITY) must come before the root."""
    found = False

    def on_doctype(*_: object) -> None:
        nonlocal found
        found = True
        raise _Stop

    def on_root(*_: object) -> None:
        raise _Stop

    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = on_doctype
    parser.EntityDeclHandler = on_doctype
    parser.StartElementHandler = on_root
    try:
        with zf.open(info) as stream:
            while chunk := stream.read(16384):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except _Stop:
        pass
    except expat.ExpatError:
        pass  # malformed XML is python-docx's to reject; only a DTD we could see matters here
    return found
