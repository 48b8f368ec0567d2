"""Layout variants that real plans arrive in as office files and web pages (see tests/variants.py):

docx_lines     Word made from a PDF copy: one paragraph a printed line, page numbers and headers
docx_breaks    Word whose paragraphs are lines of a few big paragraphs (Shift+Enter, w:br)
docx_numbering Word whose heading and item numbers are automatic numbering (numbering.xml)
docx_grid      Word, a domain's one-figure targets in an indicator table whose header is set over two
               rows (目标值 over 2025年 | 2030年) and whose value cells are merged across both years
docx_textbox_table  Word, that indicator table (专栏) inside a drawing's text box, with the VML copy
               Word keeps for older readers (mc:AlternateContent)
html           a page saved from a government site: navigation, scripts, styles, a footer, the
               body in <p> and <br>, declared as GB2312
utf16          a text file saved as "Unicode" by Notepad (UTF-16 with BOM, CRLF)
doc, rtf, odt  docx_table saved by LibreOffice in the formats offices have (convert_all)."""

from __future__ import annotations

import random
import re
import shutil
import subprocess
from pathlib import Path
from xml.sax.saxutils import escape

from checker.text.numerals import small_numeral

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
OFFICE_VARIANTS = ("doc", "rtf", "odt")
_NUMBERED = (  # heading and item numbers, by level: the number and how Word writes it (numFmt, lvlText)
    (re.compile(r"^([一二三四五六七八九十]+)、\s*"), "chineseCounting", "%1、"),
    (re.compile(r"^[（(]([一二三四五六七八九十]+)[）)]\s*"), "chineseCounting", "（%1）"),
    (re.compile(r"^(\d{1,2})[.．、]\s*(?!\d)"), "decimal", "%1."),
    (re.compile(r"^[（(](\d{1,2})[）)]\s*"), "decimal", "（%1）"),
)


def docx_lines(lines: list[str], path: Path) -> None:
    """One Word paragraph a line of a PDF copy (what a PDF-to-Word conversion gives)."""
    import docx

    document = docx.Document()
    for line in lines:
        if line.strip():
            document.add_paragraph(line)
    document.save(path)


def docx_breaks(paras: list[str], rng: random.Random, path: Path) -> None:
    """The paragraphs as lines (w:br) of a few big Word paragraphs."""
    import docx

    document = docx.Document()
    k = 0
    while k < len(paras):
        group = paras[k : k + rng.randint(2, 8)]
        run = document.add_paragraph().add_run()
        for n, p in enumerate(group):
            if n:
                run.add_break()
            run.add_text(p)
        k += len(group)
    document.save(path)


def docx_numbering(paras: list[str], path: Path) -> None:
    """Heading and item numbers as automatic numbering: the text without its number, a numPr naming
    a list whose level writes it. One list goes on while it gives the typed numbers (its deeper
    levels restart under each higher one, as Word's do); where it would not, a list restarts there."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    numbering = document.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{k}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text.replace("%1", f"%{k + 1}")}"/></w:lvl>'  # %n: the count of level n
        for k, (_, fmt, text) in enumerate(_NUMBERED)
    )
    numbering.append(parse_xml(f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="7">{levels}</w:abstractNum>'))
    lists, counts = 0, [0] * len(_NUMBERED)
    for p in paras:
        level = next((k for k, (pattern, _, _) in enumerate(_NUMBERED) if pattern.match(p)), None)
        if level is None:
            document.add_paragraph(p)
            continue
        typed = _NUMBERED[level][0].match(p)
        value = int(typed[1]) if typed[1].isdigit() else int(small_numeral(typed[1]) or 1)
        if not lists or value != counts[level] + 1:  # a number the list would not give next: a list (re)starts
            lists += 1
            counts = [0] * len(_NUMBERED)
            numbering.append(
                parse_xml(
                    f'<w:num xmlns:w="{W_NS}" w:numId="{100 + lists}"><w:abstractNumId w:val="7"/>'
                    f'<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{value}"/></w:lvlOverride></w:num>'
                )
            )
        counts[level], counts[level + 1 :] = value, [0] * (len(_NUMBERED) - level - 1)
        paragraph = document.add_paragraph(_NUMBERED[level][0].sub("", p, count=1))
        paragraph._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{level}"/><w:numId w:val="{100 + lists}"/></w:numPr>')
        )
    document.save(path)


def indicator_table_xml(rows: list[tuple[str, str, str, str]], two_stages: bool) -> str:
    """A w:tbl: 序号 | 指标名称 | values | 指标属性 | 牵头单位; with `two_stages` the header is set over two
    rows (目标值 over 2025年 | 2030年) and each value cell spans both years."""

    def cell(text: str, span: int = 1, merge: str | None = None) -> str:
        props = (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "") + (
            f'<w:vMerge w:val="{merge}"/>' if merge == "restart" else "<w:vMerge/>" if merge else ""
        )
        return f"<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{escape(text)}</w:t></w:r></w:p></w:tc>"

    grid = "".join('<w:gridCol w:w="1500"/>' for _ in range(6 if two_stages else 5))
    if two_stages:
        head = "<w:tr>" + "".join(cell(t, merge="restart") for t in ("序号", "指标名称")) + cell("目标值", span=2)
        head += "".join(cell(t, merge="restart") for t in ("指标属性", "牵头单位")) + "</w:tr>"
        head += "<w:tr>" + cell("", merge="continue") * 2 + cell("2025年") + cell("2030年")
        head += cell("", merge="continue") * 2 + "</w:tr>"
    else:
        head = "<w:tr>" + "".join(cell(t) for t in ("序号", "指标名称", "2030年目标值", "指标属性", "牵头单位"))
        head += "</w:tr>"
    body = "".join(
        "<w:tr>" + cell(str(n)) + cell(name) + cell(value, span=2 if two_stages else 1) + cell(attr) + cell(units)
        + "</w:tr>"
        for n, (name, value, attr, units) in enumerate(rows, start=1)
    )  # fmt: skip
    return f'<w:tbl xmlns:w="{W_NS}"><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>{head}{body}</w:tbl>'


def drawing_textbox_xml(inner: str, caption: str) -> str:
    """A w:r holding a DrawingML text box (wps:txbx) with `inner` (block XML) and the VML fallback copy
    of the same content that Word writes beside it."""
    ns = (
        f'xmlns:w="{W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
        ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
        ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
        ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
        ' xmlns:v="urn:schemas-microsoft-com:vml"'
    )
    content = f"<w:txbxContent><w:p><w:r><w:t>{escape(caption)}</w:t></w:r></w:p>{inner}<w:p/></w:txbxContent>"
    content = content.replace(f' xmlns:w="{W_NS}"', "")
    return (
        f'<w:r {ns}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="2" behindDoc="0"'
        ' locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="5400000" cy="3600000"/><wp:wrapTopAndBottom/><wp:docPr id="9" name="专栏"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr/><wps:txbx>{content}</wps:txbx><wps:bodyPr/></wps:wsp>'
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f'<mc:Fallback><w:pict><v:shape style="width:425pt;height:283pt"><v:textbox>{content}</v:textbox>'
        "</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )


def web_page(paras: list[str], rng: random.Random) -> bytes:
    """A page saved from a government site, in GB2312 as many such sites still serve."""
    title = next((p for p in paras if "规划" in p and len(p) < 40), paras[0])
    body = []
    for p in paras:
        text = escape(p)
        if rng.random() < 0.15 and body:  # a line break inside the paragraph before
            body[-1] = body[-1].removesuffix("</p>") + f"<br/>{text}</p>"
        elif rng.random() < 0.5:
            body.append(f'<p style="text-indent:2em">&nbsp;&nbsp;{text}</p>')
        else:
            body.append(f"<p><span>{text}</span></p>")
    page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"/><title>{escape(title)}_政策文件</title>
<style>.nav li {{ float: left }} p {{ line-height: 2 }}</style>
<script type="text/javascript">var _hmt = _hmt || []; document.write("规划 妇女 儿童");</script></head>
<body><div class="header"><img src="logo.png" alt="人民政府门户网站"/><div class="search">搜索</div></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li>政务公开</li><li>政务服务</li><li>互动交流</li></ul></div>
<div class="crumbs">当前位置：<a href="/">首页</a> &gt; <a>政务公开</a> &gt; <a>规划计划</a></div>
<div class="article"><h1 class="title">{escape(title)}</h1>
<div class="info">发布时间：2022-03-18 10:21 来源：妇儿工委办公室 浏览次数：1024 字号：大 中 小</div>
<div class="TRS_Editor">{"".join(body)}</div>
<div class="share">分享到：微信 微博 【打印】【关闭】</div></div>
<div class="footer"><p>主办单位：人民政府办公室 版权所有</p><p>网站标识码：4115000001 ICP备05004521号</p></div>
<script>window.onload = function () {{ console.log("统计"); }};</script></body></html>"""
    return page.encode("gb18030")


def convert_all(sources: list[Path], fmt: str, folder: Path) -> list[Path]:
    """The Word files saved by LibreOffice as .doc, .rtf or .odt (one run for all of them)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (soffice) is needed for the .doc/.rtf/.odt variants"
    target = {"doc": "doc:MS Word 97", "rtf": "rtf", "odt": "odt"}[fmt]
    out = folder / fmt
    subprocess.run(
        [soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--norestore",
         "--convert-to", target, "--outdir", str(out), *map(str, sources)],
        check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    return [out / f"{source.stem}.{fmt}" for source in sources]
