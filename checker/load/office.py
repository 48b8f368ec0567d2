"""Old Word and WPS files (.doc, .wps, RTF or HTML under those names), .rtf and OpenDocument .odt:
converted to .docx by LibreOffice headless on a private copy, then read as .docx."""

from __future__ import annotations

import io
import os
import re
import shutil
import signal
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path

from ..errors import InputError, unreadable
from ..models import Document
from .docx import load_docx

SOFFICE_TIMEOUT = 120  # seconds
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def load_doc(path: Path, data: bytes) -> Document:
    if data.startswith(b"PK") and b"opendocument" not in data[:200]:  # a .docx under another name
        return load_docx(path, data, "docx")
    return load_docx(path, to_docx(path, data), "doc")


@lru_cache(maxsize=1)  # --annotate and acceptances read the conversion the loader has just made
def to_docx(path: Path, data: bytes) -> bytes:
    """The .docx LibreOffice makes of an old Word/WPS file (InputError when it cannot)."""
    if data.startswith(OLE_MAGIC):
        _refuse_encrypted_ole(path, data)
    elif not data.startswith(b"PK") and not re.match(rb"(?:\xef\xbb\xbf)?\s*(?:\{\\rtf|<|MIME-Version)", data[:256]):
        raise unreadable(path, "不是有效的 Word/WPS 文档，可能已损坏或扩展名有误", "not a Word/WPS document")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise unreadable(
            path,
            f"读取 {path.suffix.lower()} 文件需要安装 LibreOffice；或请先用 Word/WPS 另存为 .docx 后再检查",
            "LibreOffice (soffice) not found",
        )
    return _convert_to_docx(path, data, soffice)


def _convert_to_docx(path: Path, data: bytes, soffice: str) -> bytes:
    with tempfile.TemporaryDirectory(prefix="plancheck-") as tmp:
        work = Path(tmp)
        source = work / ("input.doc" if data.startswith(OLE_MAGIC) else "input" + path.suffix.lower())
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
            raise unreadable(path, "用 LibreOffice 转换超时", "LibreOffice conversion timed out") from None
        result = work / "out" / "input.docx"
        if not result.is_file():
            raise unreadable(
                path,
                "LibreOffice 无法转换该文件（可能已损坏或受密码保护），请用 Word/WPS 另存为 .docx",
                "LibreOffice conversion failed",
            )
        return result.read_bytes()


def _refuse_encrypted_ole(path: Path, data: bytes) -> None:
    import olefile

    encrypted = unreadable(path, "文件已加密（受密码保护），请先取消密码后再检查", "password-protected file")
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
        raise unreadable(path, "文件已损坏，无法打开", "corrupt OLE2 file") from None
