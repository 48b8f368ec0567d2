"""checker.load: the corpus in all three formats, crafted encodings, and inputs that must be refused
with a clear one-line InputError that leaves the file untouched."""

from __future__ import annotations

import codecs
import hashlib
import io
import random
import re
import shutil
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import olefile
import pypdfium2 as pdfium
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from checker.errors import InputError
from checker.load import load
from checker.load import office as office_module

FIXTURES = Path(__file__).parent / "fixtures"
PLANS = ["dongchangfu", "ruzhou", "wuqing"]
PAGE_NUMBER = re.compile(r"^[-—–\s]*\d{1,4}[-—–\s]*$|^第\s*\d+\s*页")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


# ---------------------------------------------------------------- helpers


def _state(path: Path) -> tuple[str, int, int]:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    info = path.stat()
    return digest.hexdigest(), info.st_size, info.st_mtime_ns


def refused(path: Path, *needles: str) -> str:
    """load(path) raises InputError with a one-line message holding `needles`; the file is unchanged."""
    before = _state(path) if path.is_file() else None
    with pytest.raises(InputError) as info:
        load(path)
    message = str(info.value)
    assert message and message == message.strip() and "\n" not in message and "\r" not in message
    assert message.startswith("无法读取 ")
    for needle in needles:
        assert needle in message, message
    if before is not None:
        assert _state(path) == before
    return message


def _is_health_heading(text: str) -> bool:
    return text.replace(" ", "").rstrip("。") in ("（一）妇女与健康", "(一)妇女与健康")


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _small_docx() -> docx.document.Document:
    document = docx.Document()
    document.add_heading("东昌府区妇女发展规划", 0)
    document.add_heading("（一）妇女与健康", 1)
    document.add_paragraph("主要目标：")
    table = document.add_table(rows=2, cols=3)
    table.style = "Table Grid"
    cells = ["序号", "主要目标", "牵头单位", "1", "孕产妇死亡率控制在10/10万以下", "区卫生健康局"]
    for i, text in enumerate(cells):
        table.cell(i // 3, i % 3).text = text
    document.add_paragraph("（二）妇女与教育")
    return document


def _docx_bytes(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _replace_member(data: bytes, name: str, edit) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info)
            dst.writestr(info.filename, edit(content) if info.filename == name else content)
    return out.getvalue()


def _ole(streams: dict[str, bytes]) -> bytes:
    """A minimal OLE2 compound file (version 3, 512-byte sectors) holding up to three streams,
    each padded to 4096 bytes so that it lives in ordinary sectors, not the mini stream."""
    sector, free, end, fat_sector, no_stream = 512, 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
    # Directory siblings are ordered by name length, then name.
    names = sorted(streams, key=lambda n: (len(n), n.upper()))
    fat, body, placed = [fat_sector, end], b"", []
    for name in names:
        content = streams[name].ljust(4096, b"\0")
        count = -(-len(content) // sector)
        start = len(fat)
        fat += [start + k + 1 for k in range(count - 1)] + [end]
        placed.append((name, start, len(content)))
        body += content.ljust(count * sector, b"\0")

    def entry(name: str, kind: int, right: int, child: int, start: int, size: int) -> bytes:
        encoded = (name + "\0").encode("utf-16-le") if name else b""
        return struct.pack(
            "<64sHBBIII16sIQQIQ", encoded, len(encoded), kind, 1, no_stream, right, child, b"", 0, 0, 0,
            start, size,
        )  # fmt: skip

    directory = entry("Root Entry", 5, no_stream, 1, end, 0)
    for i, (name, start, size) in enumerate(placed):
        directory += entry(name, 2, i + 2 if i + 1 < len(placed) else no_stream, no_stream, start, size)
    directory = directory.ljust(sector, b"\0")
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"", 0x3E, 3, 0xFFFE, 9, 6, b"",
        0, 1, 1, 0, 4096, end, 0, end, 0,
    )  # fmt: skip
    header += struct.pack("<109I", 0, *[free] * 108)
    fat_bytes = b"".join(struct.pack("<I", x) for x in fat).ljust(sector, b"\xff")
    return header + fat_bytes + directory + body


def _rc4(key: bytes, data: bytes) -> bytes:
    s, j = list(range(256)), 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out, i, j = bytearray(), 0, 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def _encrypted_pdf(user_password: bytes) -> bytes:
    """A one-page PDF under the standard security handler (RC4 40-bit, revision 2)."""
    pad = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
    file_id = bytes(range(16))
    permissions = -44
    owner = _rc4(hashlib.md5((b"owner" + pad)[:32]).digest()[:5], (user_password + pad)[:32])
    key_input = (user_password + pad)[:32] + owner + struct.pack("<i", permissions) + file_id
    key = hashlib.md5(key_input).digest()[:5]
    user = _rc4(key, pad)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>"
        % (owner.hex().encode(), user.hex().encode(), permissions),
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 4 0 R /ID [<%s> <%s>] >>\n" % (
        len(objects) + 1,
        file_id.hex().encode(),
        file_id.hex().encode(),
    )
    return out + b"startxref\n%d\n%%%%EOF\n" % xref


def _blank_pdf(pages: int) -> bytes:
    pdf = pdfium.PdfDocument.new()
    for _ in range(pages):
        pdf.new_page(200, 200)
    buffer = io.BytesIO()
    pdf.save(buffer)
    pdf.close()
    return buffer.getvalue()


def _soffice(source: Path, to: str, outdir: Path) -> Path:
    assert SOFFICE, "LibreOffice (soffice) is needed for these tests"
    profile = (outdir / "profile").as_uri()
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", to,
         "--outdir", str(outdir), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    result = outdir / (source.stem + "." + to)
    assert result.is_file()
    return result


@pytest.fixture(scope="session")
def word97(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small plan saved by LibreOffice as a Word 97 .doc."""
    work = tmp_path_factory.mktemp("doc")
    source = _write(work / "plan.docx", _docx_bytes(_small_docx()))
    return _soffice(source, "doc", work)


@pytest.fixture(scope="session")
def paged_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A four-page PDF with a running head and a page number '— N —' in the footer."""
    work = tmp_path_factory.mktemp("pdf")
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "东昌府区人民政府文件"
    footer = section.footer.paragraphs[0]
    footer.add_run("— ")
    field = f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'
    footer._p.append(parse_xml(field))
    footer.add_run(" —")
    sentences = [
        "加强妇女健康服务体系建设，提高妇女健康水平。",
        "保障妇女获得高质量的医疗保健服务，",
        "完善妇幼保健机构标准化建设和规范化管理，",
        "推进妇女儿童医疗保健服务均衡发展。",
    ]
    for i in range(40):
        document.add_paragraph(f"（{i + 1}）" + "".join(sentences[(i + k) % 4] for k in range(i % 4 + 3)))
    document.save(work / "paged.docx")
    return _soffice(work / "paged.docx", "pdf", work)


# ---------------------------------------------------------------- the corpus


@pytest.mark.parametrize("plan", PLANS)
def test_txt_corpus_keeps_real_line_numbers(plan: str) -> None:
    path = FIXTURES / f"{plan}.txt"
    document = load(path)
    assert document.format == "txt" and document.path == str(path)
    with open(path, encoding="utf-8") as f:  # universal newlines, as editors count lines
        expected = [(number, line.rstrip("\n")) for number, line in enumerate(f, start=1) if line.strip()]
    assert [(line.location.line, line.text) for line in document.lines] == expected
    assert all(not line.text.endswith("\r") for line in document.lines)


@pytest.mark.parametrize("plan", ["dongchangfu", "wuqing"])
def test_txt_target_line_number(plan: str) -> None:
    path = FIXTURES / f"{plan}.txt"
    raw = path.read_bytes().decode("utf-8").replace("\r\n", "\n").split("\n")
    expected = next(i for i, line in enumerate(raw, start=1) if "孕产妇死亡率控制在" in line)
    found = [line for line in load(path).lines if "孕产妇死亡率控制在" in line.text]
    assert found and found[0].location.line == expected
    assert found[0].location.describe() == f"第{expected}行"


@pytest.mark.parametrize("plan", PLANS)
def test_docx_corpus_matches_python_docx(plan: str) -> None:
    path = FIXTURES / f"{plan}.docx"
    document = load(path)
    assert document.format == "docx"
    reference = docx.Document(str(path))
    paragraphs = [line for line in document.lines if line.cells is None]
    assert len(paragraphs) == sum(1 for p in reference.paragraphs if p.text.strip())
    for line in paragraphs:
        source = reference.paragraphs[line.location.paragraph]
        assert line.text == source.text and line.text.strip()
        assert line.style == source.style.name
    assert any(line.style == "Heading 1" for line in paragraphs)
    assert any(_is_health_heading(line.text) for line in paragraphs)
    indices = [line.location.paragraph for line in paragraphs]
    assert indices == sorted(set(indices))


def test_docx_corpus_tables_in_document_order() -> None:
    document = load(FIXTURES / "dongchangfu.docx")
    rows = [line for line in document.lines if line.cells is not None]
    assert rows[0].cells == ["序号", "主要目标", "牵头单位", "责任单位"]
    assert rows[0].location.table == 0 and rows[0].location.row == 0
    assert all(row.text == "\t".join(row.cells) for row in rows)
    target = next(row for row in rows if "孕产妇死亡率控制在" in row.text)
    assert "区卫生健康局" in target.cells
    # tables sit between the paragraphs around them, and don't use up paragraph numbers
    first = document.lines.index(rows[0])
    before = document.lines[first - 1]
    table0 = [line for line in rows if line.location.table == 0]
    after = document.lines[first + len(table0)]
    assert before.text.replace(" ", "") == "1.主要目标"
    assert document.lines[first : first + len(table0)] == table0
    assert [row.location.row for row in table0] == list(range(len(table0)))
    assert after.text.startswith("（7）妇女心理健康意识增强") and after.cells is None
    assert after.location.paragraph == before.location.paragraph + 1
    assert {row.location.table for row in rows} == {0, 1}


@pytest.mark.parametrize("plan", PLANS)
def test_pdf_corpus(plan: str) -> None:
    path = FIXTURES / f"{plan}.pdf"
    document = load(path)
    assert document.format == "pdf"
    pages = len(pdfium.PdfDocument(str(path)))
    assert all(1 <= line.location.page <= pages for line in document.lines)
    assert {line.location.page for line in document.lines} == set(range(1, pages + 1))
    assert not [line.text for line in document.lines if PAGE_NUMBER.match(line.text)]
    text_lines = [line for line in document.lines if line.cells is None]
    assert [line.location.paragraph for line in text_lines] == list(range(len(text_lines)))
    assert any(_is_health_heading(line.text) for line in text_lines)
    assert all(line.text == line.text.strip() and line.text for line in text_lines)
    # most lines of running text reach the margin; paragraph ends and headings do not
    share = sum(line.runs_to_margin for line in text_lines) / len(text_lines)
    assert 0.5 < share < 0.95
    assert not any(line.runs_to_margin for line in text_lines if line.text.endswith("妇女与健康"))


def test_pdf_corpus_tables() -> None:
    document = load(FIXTURES / "dongchangfu.pdf")
    rows = [line for line in document.lines if line.cells is not None]
    assert rows[0].cells == ["序号", "主要目标", "牵头单位", "责任单位"]
    assert (rows[0].location.page, rows[0].location.table, rows[0].location.row) == (5, 0, 0)
    assert rows[0].location.paragraph is None
    target = next(row for row in rows if "孕产妇死亡率控制" in row.text)
    assert target.cells[0] == "2" and target.cells[2] == "区卫生健康局"
    assert all("\n" not in cell for row in rows for cell in row.cells)  # wrapped cell lines re-joined
    # the table cut by the page break is one table, its rows numbered on, as in the Word file
    word = [
        (line.location.table, line.location.row) for line in load(FIXTURES / "dongchangfu.docx").lines if line.cells
    ]
    assert [(row.location.table, row.location.row) for row in rows] == word
    # the text inside the tables is not repeated as plain lines
    plain = [line.text.replace(" ", "") for line in document.lines if line.cells is None]
    assert not any("妇女全生命周期享有良好的卫生健康服务" in text for text in plain)
    # the table comes after the heading above it, in reading order
    heading = next(i for i, line in enumerate(document.lines) if line.text.replace(" ", "") == "1.主要目标")
    assert document.lines[heading + 1] is rows[0]


def test_pdf_corpus_margin_lines() -> None:
    lines = {line.text: line.runs_to_margin for line in load(FIXTURES / "dongchangfu.pdf").lines}
    assert lines["和家庭生活等方面的发展利益，有效解决制约妇女发展的重点"] is True
    assert lines["难点问题，协调推进妇女在各领域的全面发展。"] is False
    # short of the margin by a quotation mark that could not be split from its word
    assert lines["尊重妇女的主体地位，充分发挥妇女在统筹推进“五位一"] is True


def test_pdf_running_head_and_page_numbers_dropped(paged_pdf: Path) -> None:
    pdf = pdfium.PdfDocument(str(paged_pdf))
    raw = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    assert len(raw) >= 3 and "东昌府区人民政府文件" in raw[1] and re.search(r"—\s*2\s*—", raw[1])
    document = load(paged_pdf)
    texts = [line.text for line in document.lines]
    assert not any("东昌府区人民政府文件" in text or PAGE_NUMBER.match(text) for text in texts)
    assert not any(re.fullmatch(r"[-—\s\d]+", text) for text in texts)
    assert sum(text.startswith("（") for text in texts) == 40  # every paragraph's first line is kept
    assert {line.location.page for line in document.lines} == set(range(1, len(raw) + 1))
    starts = [i for i, text in enumerate(texts) if text.startswith("（")]
    for i in starts[1:]:  # the line before a new paragraph ends it
        assert document.lines[i - 1].runs_to_margin is False
        assert document.lines[i - 1].text.endswith(("。", "，"))


def test_import_is_light() -> None:
    code = (
        "import sys, checker.load\n"
        "heavy = {'docx', 'pdfplumber', 'pypdfium2', 'charset_normalizer', 'olefile', 'lxml'}\n"
        "print(sorted(heavy & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_path_with_spaces_and_chinese(tmp_path: Path) -> None:
    path = tmp_path / "东昌府区 妇女发展规划 (2021).docx"
    shutil.copyfile(FIXTURES / "dongchangfu.docx", path)
    document = load(str(path))
    assert document.path == str(path) and len(document.lines) > 500


# ---------------------------------------------------------------- text encodings

PLAN_TEXT = "东昌府区“十四五”妇女发展规划\r\n\r\n（一）妇女与健康\r\n孕产妇死亡率控制在8.2/10万以下。\r\n"
PLAN_LINES = [
    (1, "东昌府区“十四五”妇女发展规划"),
    (3, "（一）妇女与健康"),
    (4, "孕产妇死亡率控制在8.2/10万以下。"),
]


@pytest.mark.parametrize(
    "data",
    [
        PLAN_TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + PLAN_TEXT.encode("utf-8"),
        PLAN_TEXT.encode("gbk"),
        PLAN_TEXT.encode("gb18030"),
        codecs.BOM_UTF16_LE + PLAN_TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + PLAN_TEXT.encode("utf-16-be"),
        PLAN_TEXT.encode("utf-16-le"),
        PLAN_TEXT.encode("utf-16-be"),
        PLAN_TEXT.encode("utf-32"),
    ],
    ids=["utf8", "utf8-bom", "gbk", "gb18030", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "utf32"],
)
def test_txt_encodings(tmp_path: Path, data: bytes) -> None:
    path = _write(tmp_path / "plan.txt", data)
    before = _state(path)
    document = load(path)
    assert [(line.location.line, line.text) for line in document.lines] == PLAN_LINES
    assert _state(path) == before


def test_txt_newlines(tmp_path: Path) -> None:
    path = _write(tmp_path / "plan.txt", "第一行\r第二行\r\n\n第四行\n\f第五行\n  \n".encode())
    lines = [(line.location.line, line.text) for line in load(path).lines]
    assert lines == [(1, "第一行"), (2, "第二行"), (4, "第四行"), (5, "第五行")]


def test_txt_damaged_byte_does_not_flip_encoding(tmp_path: Path) -> None:
    text = "孕产妇死亡率控制在8.2/10万以下。\n" * 200
    data = text.encode("utf-8")
    path = _write(tmp_path / "plan.txt", data[:1000] + b"\xff" + data[1000:])
    lines = load(path).lines
    assert len(lines) == 200
    assert sum(line.text == "孕产妇死亡率控制在8.2/10万以下。" for line in lines) >= 199


# ---------------------------------------------------------------- Word structure


def test_docx_body_order_merged_cells_and_hidden_runs(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("（一）妇女与健康", 1)
    document.add_paragraph("")  # empty: skipped, but counted
    table = document.add_table(rows=2, cols=3)
    merged = table.cell(0, 1).merge(table.cell(0, 2))
    merged.text = "主要目标"
    table.cell(0, 0).text = "序号"
    for i, text in enumerate(["1", "孕产妇死亡率下降", "区卫生健康局"]):
        table.cell(1, i).text = text
    after = document.add_paragraph("已有文字")
    after._p.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z">'
            "<w:r><w:t>修订插入</w:t></w:r></w:ins>"
        )
    )
    deleted = f'<w:del {nsdecls("w")} w:id="2" w:author="a"><w:r><w:delText>删除</w:delText></w:r></w:del>'
    after._p.append(parse_xml(deleted))
    document.add_paragraph("最后一段")
    path = tmp_path / "structure.docx"
    document.save(path)

    lines = load(path).lines
    assert [line.text for line in lines] == [
        "（一）妇女与健康",
        "序号\t主要目标\t主要目标",  # a cell merged over two grid columns gives its text to both
        "1\t孕产妇死亡率下降\t区卫生健康局",
        "已有文字修订插入",
        "最后一段",
    ]
    assert lines[0].style == "Heading 1" and lines[3].style == "Normal"
    assert [line.location.paragraph for line in lines] == [0, None, None, 2, 3]
    assert docx.Document(str(path)).paragraphs[2].text == "已有文字"
    assert lines[1].cells == ["序号", "主要目标", "主要目标"]
    assert (lines[2].location.table, lines[2].location.row) == (0, 1)


# ---------------------------------------------------------------- .doc / .wps


def test_doc_converted_with_libreoffice(tmp_path: Path, word97: Path) -> None:
    path = tmp_path / "东昌府区 妇女发展规划（送审稿）.doc"
    shutil.copyfile(word97, path)
    before = _state(path)
    document = load(path)
    assert _state(path) == before
    assert document.format == "doc" and document.path == str(path)
    texts = [line.text for line in document.lines]
    assert "东昌府区妇女发展规划" in texts and "（二）妇女与教育" in texts
    row = next(line for line in document.lines if line.cells and "区卫生健康局" in line.cells)
    assert row.cells == ["1", "孕产妇死亡率控制在10/10万以下", "区卫生健康局"]
    assert list(tmp_path.iterdir()) == [path]  # nothing written beside the input


def test_wps_and_renamed_doc(tmp_path: Path, word97: Path) -> None:
    wps = tmp_path / "plan.WPS"
    shutil.copyfile(word97, wps)
    assert load(wps).format == "doc"
    renamed = tmp_path / "plan.docx"  # an old binary .doc saved under the new extension
    shutil.copyfile(word97, renamed)
    document = load(renamed)
    assert document.format == "doc" and "（二）妇女与教育" in [line.text for line in document.lines]


def test_docx_named_doc(tmp_path: Path) -> None:
    path = _write(tmp_path / "plan.doc", _docx_bytes(_small_docx()))
    document = load(path)
    assert document.format == "docx" and document.lines[0].text == "东昌府区妇女发展规划"


def test_doc_without_libreoffice(tmp_path: Path, word97: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    path = tmp_path / "plan.doc"
    shutil.copyfile(word97, path)
    refused(path, "LibreOffice", ".docx")


def test_doc_conversion_failure_and_timeout(tmp_path: Path, word97: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.doc"
    shutil.copyfile(word97, path)
    failing = _write(tmp_path / "fail.sh", b"#!/bin/sh\nexit 1\n")
    failing.chmod(0o755)
    monkeypatch.setattr(shutil, "which", lambda name: str(failing))
    refused(path, "LibreOffice", "conversion failed")

    hanging = _write(tmp_path / "hang.sh", b"#!/bin/sh\nsleep 60\n")
    hanging.chmod(0o755)
    monkeypatch.setattr(shutil, "which", lambda name: str(hanging))
    monkeypatch.setattr(office_module, "SOFFICE_TIMEOUT", 1)
    refused(path, "超时", "timed out")


# ---------------------------------------------------------------- refused inputs


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("empty.txt", b""),
        ("blank.txt", b" \r\n\t\n\n"),
        ("blank16.txt", codecs.BOM_UTF16_LE + " \u3000\n\n".encode("utf-16-le")),
        ("empty.docx", b""),
        ("empty.pdf", b""),
        ("empty.doc", b""),
        ("empty.wps", b"  \n"),
    ],
)
def test_empty_files(tmp_path: Path, name: str, data: bytes) -> None:
    refused(_write(tmp_path / name, data), "文件为空")


def test_docx_without_text(tmp_path: Path) -> None:
    refused(_write(tmp_path / "blank.docx", _docx_bytes(docx.Document())), "文件为空")


@pytest.mark.parametrize("name", ["junk.txt", "junk.docx", "junk.pdf", "junk.doc", "junk.wps"])
def test_binary_junk(tmp_path: Path, name: str) -> None:
    junk = random.Random(7).randbytes(20_000)
    refused(_write(tmp_path / name, junk))


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + random.Random(3).randbytes(5000),
        bytes(range(1, 32)) * 300,  # control characters, no NUL
        "妇女".encode() + b"\x00\x01\x02\x03" * 400,
    ],
    ids=["png", "controls", "nuls"],
)
def test_binary_named_txt(tmp_path: Path, data: bytes) -> None:
    refused(_write(tmp_path / "plan.txt", data), "不是文本文件")


@pytest.mark.parametrize("name", ["plan.xlsx", "plan", "plan.txt.bak", "plan.pages"])
def test_unknown_extension(tmp_path: Path, name: str) -> None:
    message = refused(_write(tmp_path / name, b"some text"), "不支持", ".txt", ".docx", ".pdf", ".doc")
    assert name in message


def test_missing_file_and_directory(tmp_path: Path) -> None:
    refused(tmp_path / "missing.docx", "不存在")
    (tmp_path / "folder.pdf").mkdir()
    refused(tmp_path / "folder.pdf", "文件夹")


@pytest.mark.parametrize(("name", "size"), [("big.txt", 50 * 2**20 + 1), ("big.pdf", 100 * 2**20 + 1)])
def test_too_large(tmp_path: Path, name: str, size: int) -> None:
    path = tmp_path / name
    with open(path, "wb") as f:
        f.truncate(size)  # sparse: costs no disk and no time
    refused(path, "过大")


def test_truncated_docx(tmp_path: Path) -> None:
    data = (FIXTURES / "dongchangfu.docx").read_bytes()
    refused(_write(tmp_path / "cut.docx", data[: len(data) * 2 // 5]), "损坏")


def test_zip_that_is_not_word(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
    refused(_write(tmp_path / "sheet.docx", buffer.getvalue()), "word/document.xml")


@pytest.mark.parametrize("megabytes", [300, 30], ids=["huge", "ratio"])
def test_zip_bomb(tmp_path: Path, megabytes: int) -> None:
    buffer = io.BytesIO()
    zeros = bytes(1 << 20)
    with (
        zipfile.ZipFile(io.BytesIO(_docx_bytes(_small_docx()))) as src,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf,
    ):
        for info in src.infolist():
            zf.writestr(info.filename, src.read(info))
        with zf.open("word/media/image1.bin", "w", force_zip64=True) as member:
            for _ in range(megabytes):
                member.write(zeros)
    assert len(buffer.getvalue()) < 3 * 2**20
    refused(_write(tmp_path / "bomb.docx", buffer.getvalue()), "解压后过大")


def test_zip_member_lying_about_its_size(tmp_path: Path) -> None:
    """zipfile trims a member to its declared size only after inflating it whole: the guard must
    stream it instead, and fail on the CRC without holding the inflated data."""
    import tracemalloc

    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(_docx_bytes(_small_docx()))) as src,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf,
    ):
        for info in src.infolist():
            zf.writestr(info.filename, src.read(info))
        zf.writestr("word/media/image1.bin", bytes(100 * 2**20))
    data = bytearray(buffer.getvalue())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        offset = zf.getinfo("word/media/image1.bin").header_offset
    data[offset + 22 : offset + 26] = struct.pack("<I", 1000)  # local header: uncompressed size
    central = data.rfind(b"PK\x01\x02")  # the last member's central directory entry
    data[central + 24 : central + 28] = struct.pack("<I", 1000)
    path = _write(tmp_path / "liar.docx", bytes(data))
    tracemalloc.start()
    try:
        refused(path, "损坏")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 40 * 2**20


@pytest.mark.parametrize("member", ["word/document.xml", "word/styles.xml"])
def test_docx_with_entity_declaration(tmp_path: Path, member: str) -> None:
    def add_dtd(xml: bytes) -> bytes:
        declaration, rest = xml.split(b"?>", 1)
        dtd = b'<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>'
        return declaration + b"?>\n" + dtd + rest

    data = _replace_member(_docx_bytes(_small_docx()), member, add_dtd)
    refused(_write(tmp_path / "entity.docx", data), "DOCTYPE")


def test_encrypted_docx(tmp_path: Path) -> None:
    plain = _docx_bytes(_small_docx())
    try:
        from msoffcrypto.format.ooxml import OOXMLFile
    except ImportError:  # not a project dependency: fall back to an OLE2 file with the stream
        data = _ole({"EncryptionInfo": b"\x04\x00\x04\x00", "EncryptedPackage": plain})
    else:
        out = io.BytesIO()
        OOXMLFile(io.BytesIO(plain)).encrypt("secret", out)
        data = out.getvalue()
    refused(_write(tmp_path / "secret.docx", data), "加密", "密码")
    refused(_write(tmp_path / "secret.doc", data), "加密")


def test_ole_with_encryption_info(tmp_path: Path) -> None:
    data = _ole({"EncryptionInfo": b"\x04\x00\x04\x00", "EncryptedPackage": b"x" * 5000})
    with olefile.OleFileIO(io.BytesIO(data)) as ole:  # the hand-made file is a valid OLE2 file
        assert ole.exists("EncryptionInfo") and ole.get_size("EncryptedPackage") >= 5000
    refused(_write(tmp_path / "secret.docx", data), "加密")


def test_encrypted_word97(tmp_path: Path) -> None:
    fib = struct.pack("<HHHHHH", 0xA5EC, 0x00C1, 0, 0x0804, 0, 0x0100)  # FIB flags: fEncrypted
    data = _ole({"WordDocument": fib, "1Table": b""})
    with olefile.OleFileIO(io.BytesIO(data)) as ole:
        assert ole.openstream("WordDocument").read(12) == fib
    refused(_write(tmp_path / "secret.doc", data), "加密")


def test_corrupt_pdf(tmp_path: Path) -> None:
    refused(_write(tmp_path / "bad.pdf", b"%PDF-1.7\n" + random.Random(5).randbytes(4000)), "损坏")


def test_truncated_pdf_never_crashes(tmp_path: Path) -> None:
    data = (FIXTURES / "wuqing.pdf").read_bytes()
    path = _write(tmp_path / "cut.pdf", data[: len(data) // 3])
    try:
        document = load(path)
    except InputError as e:
        assert "\n" not in str(e)
    else:  # pdfium repairs what it can
        assert document.lines and all(line.location.page for line in document.lines)


def test_scanned_pdf(tmp_path: Path) -> None:
    refused(_write(tmp_path / "scan.pdf", _blank_pdf(2)), "文字层", "OCR")


def test_too_many_pages(tmp_path: Path) -> None:
    refused(_write(tmp_path / "long.pdf", _blank_pdf(2001)), "页数过多")


def test_encrypted_pdf(tmp_path: Path) -> None:
    data = _encrypted_pdf(b"secret")
    pdfium.PdfDocument(data, password="secret").close()  # the crafted file is a valid encrypted PDF
    refused(_write(tmp_path / "secret.pdf", data), "加密")
