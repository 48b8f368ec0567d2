"""Plain text: the encoding guessed (BOMs, UTF-16 without BOM, UTF-8, GB18030), one SourceLine a line."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..errors import unreadable
from ..models import Document, Location, SourceLine

_BOMS = (  # UTF-32 first: its LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters (tab, newlines and form feed allowed), surrogates, U+FFFD.
_BAD_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffd]")
# Private-use glyphs (icon-font bullets and breaks) stand where a web copy lost its paragraph
# breaks: text, and a break.
_PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]+")
_NEWLINE = re.compile(r"\r\n|\r|\n")  # as Python's universal newlines and editors count lines


def load_txt(path: Path, data: bytes) -> Document:
    text = _decode(path, data)
    if mostly_bad(text, 0.01):
        raise unreadable(path, "不是文本文件（含大量二进制或控制字符），请确认文件格式", "binary data, not text")
    lines = [
        SourceLine(text=piece, location=Location(line=number))
        for number, raw in enumerate(_NEWLINE.split(text), start=1)
        for piece in _PRIVATE_USE.split(raw.replace("\f", ""))
        if piece.strip()
    ]
    if not lines:
        raise unreadable(path, "文件为空", "empty file")
    return Document(path=str(path), format="txt", lines=lines)


def _decode(path: Path, data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    if b"\x00" in data:  # UTF-8 and GBK text never holds NUL bytes; UTF-16 text does
        encoding = _utf16_without_bom(data)
        if encoding is None:
            raise unreadable(path, "不是文本文件（含二进制数据），请确认文件格式", "binary data, not text")
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
        raise unreadable(path, "无法识别文件的文字编码，请另存为 UTF-8 文本", "unknown text encoding")
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


def mostly_bad(text: str, share: float, private_use: bool = False) -> bool:
    """Does more than `share` of the text hold characters no text has (with `private_use`, also
    private-use glyphs: what a PDF font without a Unicode map yields)?"""
    sample = text[:200_000]
    bad = len(_BAD_CHARS.findall(sample))
    if private_use:
        bad += sum(len(m) for m in _PRIVATE_USE.findall(sample))
    return bad > share * len(sample)
