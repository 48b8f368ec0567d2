"""Checks that make a .docx safe to hand to python-docx: a real zip of bounded size, no DTDs.

python-docx inflates every member in one call, and zipfile trims the output to the declared
size only after inflating it, so a member that lies about its size could still blow up memory.
Here every member is streamed through in bounded chunks first: an honest member stays within
the declared sizes checked beforehand, a lying one fails its CRC check as soon as it passes
its declared size."""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from xml.parsers import expat

MAX_UNCOMPRESSED = 200 * 1024 * 1024
# The body of a plan is 0.2–3 MB of XML. Reading costs some 25 times the body's size in memory
# (lxml's tree, then a model per paragraph), so this bounds a read below 400 MB and 30 s
# (scripts/bigfile.py measures it); a larger body is not a plan.
MAX_MAIN_PART = 12 * 1024 * 1024
MAX_MEMBERS = 10_000
CHUNK = 1 << 20
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
    bomb = any(i.file_size > _RATIO_FLOOR and i.file_size > MAX_RATIO * max(i.compress_size, 1) for i in infos)
    if bomb or sum(i.file_size for i in infos) > MAX_UNCOMPRESSED:
        raise ZipRefused("文件解压后过大（疑似压缩炸弹），拒绝读取", "uncompressed size too large (zip bomb?)")
    if any(i.flag_bits & 0x1 for i in infos):
        raise ZipRefused("文件已加密（受密码保护），请先取消密码后再检查", "encrypted zip")
    names = {i.filename for i in infos}
    main = _main_part(zf, names)
    if main not in names:
        raise ZipRefused(
            "不是 Word 文档（缺少 word/document.xml），可能已损坏或是其他类型的文件",
            "not a Word document: no word/document.xml",
        )
    if zf.getinfo(main).file_size > MAX_MAIN_PART:
        raise ZipRefused(
            f"文档正文过大（超过 {MAX_MAIN_PART // 1024 // 1024} MB），不像一份规划，拒绝读取",
            "document body too large",
        )
    for info in infos:
        _stream_through(zf, info, info.filename.endswith((".xml", ".rels")) or info.filename == main)


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


def _stream_through(zf: zipfile.ZipFile, info: zipfile.ZipInfo, xml: bool) -> None:
    """Inflate one member chunk by chunk (so checking its CRC); refuse a DTD (and so any ENTITY)
    in XML, which must come before the root element, so the parser stops there."""
    parser = expat.ParserCreate() if xml else None
    if parser is not None:
        parser.StartDoctypeDeclHandler = _refuse_dtd
        parser.EntityDeclHandler = _refuse_dtd
        parser.StartElementHandler = _stop
    with zf.open(info) as stream:
        while chunk := stream.read(CHUNK):
            if parser is not None:
                try:
                    parser.Parse(chunk, False)
                except (_Stop, expat.ExpatError):
                    parser = None  # malformed XML is python-docx's to reject


def _refuse_dtd(*_: object) -> None:
    raise ZipRefused("文档含有不允许的 XML DOCTYPE/ENTITY 声明，拒绝读取", "DOCTYPE/ENTITY declaration in XML")


def _stop(*_: object) -> None:
    raise _Stop
