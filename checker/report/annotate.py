"""The review written back into Word: `<name>.reviewed.docx`, the draft with a comment (批注) on
the paragraph, table cell or text box of each finding, and a first comment on each plan's title
with the verdict and the counts.

Only comments are added (a range start before the paragraph's content, a range end and a reference
run after it, the comment in comments.xml): text, formatting, numbering, tables, text boxes and
the drafter's own comments stay as they are, so the copy reads as the same plan (comments are not
plan text) and its `check:ignore` answers are honoured when it is checked again. The checker's
comments from an earlier review of the same copy are replaced, not repeated."""

from __future__ import annotations

import io
import os
import sys
import tempfile
from pathlib import Path, PurePath
from typing import Any

from ..accept import AUTHOR, open_verdict, where
from ..errors import InputError, unreadable
from ..labels import KIND_NAMES, SEVERITIES, SEVERITY_NAMES, VERDICT_NAMES, VERDICTS, WORDING_NAMES
from ..load.word import Place, locate, places, word_package
from ..models import SEVERITY_RANK, Acceptance, DocumentReport, Failure, Finding, PlanReport, Report

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
_W15 = "{http://schemas.microsoft.com/office/word/2012/wordml}"
INITIALS = "审"
NOT_WORD = ("txt", "pdf")


def annotate_documents(report: Report, out: Path, names: dict[str, PurePath]) -> list[Failure]:
    """`--annotate`: each document's reviewed copy beside its review under `out` (a line each on stderr);
    the documents that could not be annotated. A folder that cannot be written is an InputError (exit 2)."""
    failed = []
    for i, doc in enumerate(report.documents):
        folder = out / names[doc.path].parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
            print(annotate_document(report, i, folder), file=sys.stderr)
        except InputError as e:
            failed.append(Failure(path=doc.path, reason=str(e)))
        except OSError as e:
            raise InputError(f"无法写入 {folder}：{e.strerror}") from None
    return failed


def annotate_document(report: Report, index: int, out: Path) -> str:
    """Write the reviewed copy of `report.documents[index]` into `out`; return the line that says
    where (or why a copy cannot be made: annotation needs a Word file)."""
    doc = report.documents[index]
    source = Path(doc.path)
    if doc.format in NOT_WORD:
        return f"{source.name}：批注需要 Word 文件（.docx .doc .wps），{doc.format} 文件不能加批注，未生成批注文档"
    data, converted = word_package(source)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as e:
        raise unreadable(source, "无法打开以加批注", f"cannot annotate: {type(e).__name__}") from None
    _remove_own(document)
    found = places(document)
    for plan in doc.plans:
        title = locate(found, plan.location, plan.title) or next((p for p in found if p.text.strip()), None)
        if title is None:
            continue
        _comment(document, title, _summary(plan, doc, report))
        for finding in sorted(plan.findings, key=lambda f: -SEVERITY_RANK[f.severity]):
            evidence, note = where(plan, finding)
            place = locate(found, evidence, evidence.excerpt if evidence else None) if evidence else None
            _comment(document, place or title, _finding_text(finding, note))
    for stale in doc.stale_acceptances:
        place = locate(found, stale.location, None) if stale.location else None
        if place is not None:
            _comment(document, place, f"【过期】此 check:ignore {stale.rule} 已不对应任何审核意见（{stale.note}）")
    target = out / f"{source.stem}.reviewed.docx"
    buffer = io.BytesIO()
    document.save(buffer)
    _write_atomic(target, buffer.getvalue())
    how = f"（由 LibreOffice 将 {source.suffix} 转换为 .docx 后加注）" if converted else ""
    return f"批注文档：{target}{how}"


def _summary(plan: PlanReport, doc: DocumentReport, report: Report) -> str:
    counts = {s: sum(1 for f in plan.findings if f.severity == s and f.accepted is None) for s in SEVERITIES}
    accepted = sum(1 for f in plan.findings if f.accepted is not None)
    lines = [
        f"【衔接审核】{KIND_NAMES[plan.kind]}规划《{plan.title}》：{VERDICT_NAMES[_verdict(plan)]}",
        "，".join(f"{SEVERITY_NAMES[s]}{n}条" for s, n in counts.items()) + (f"；已接受{accepted}条" * bool(accepted)),
        f"对照：{'、'.join(_sources(plan, report)) or report.reference.name}",
    ]
    unread = [n for n in doc.reading if n.incomplete]
    if unread:
        lines.append(f"有{len(unread)}处未能完整读取，审核不完整：" + "；".join(n.message for n in unread[:3]))
    if doc.stale_acceptances:
        lines.append(f"过期的接受声明{len(doc.stale_acceptances)}项（已不对应任何审核意见），请删除或更新。")
    lines.append(
        "各条意见见所在段落的批注。确属有意保留的差异，可回复该批注“check:ignore 规则编号 理由”，"
        "再次检查时按已接受处理。"
    )
    return "\n".join(lines)


def _sources(plan: PlanReport, report: Report) -> list[str]:
    """The upper-level documents the plan's bars come from (a province's, the national outline's)."""
    bars = dict.fromkeys(r.source for r in plan.indicators if r.source)
    return [f"《{s}》" for s in bars] or report.reference.sources


def _finding_text(finding: Finding, note: str | None) -> str:
    name = f"{finding.title}（{finding.rule}）" if finding.title else finding.rule
    lines = [f"【{SEVERITY_NAMES[finding.severity]}】{name}", finding.message]
    if note:
        lines.append(note)
    if finding.expected or finding.actual:
        lines.append(f"上级要求：{finding.expected or '—'}；本规划：{finding.actual or '未设量化目标'}")
    if finding.suggestion and finding.paste and finding.suggestion.endswith(finding.paste):
        # the advice, then the text to put into the plan on a line of its own (a paragraph to select)
        advice = finding.suggestion.removesuffix(finding.paste).rstrip("：: ")
        lines += [f"{advice}：" if advice else "建议表述：", finding.paste]
    elif finding.suggestion:
        lines.append(f"修改建议：{finding.suggestion}")
    if finding.wording and finding.wording_quoted is False:  # written from the upper level's value
        cite = f"（数值依据《{finding.source}》）" if finding.source else ""
        lines.append(f"{WORDING_NAMES[False]}：{finding.wording}{cite}")
    elif finding.wording or finding.source:
        cite = f"——《{finding.source}》" if finding.source else ""
        lines.append(f"上级依据：{finding.wording or ''}{cite}")
    if finding.accepted is not None:
        lines[0] = f"【已接受】{name}"
        lines.append(_accepted_text(finding.accepted))
    else:
        lines.append(f"如属有意保留的差异，可回复本批注：check:ignore {finding.rule} 理由")
    return "\n".join(lines)


def _accepted_text(acceptance: Acceptance) -> str:
    by = "，".join(x for x in (acceptance.who, acceptance.date, acceptance.source) if x)
    return f"接受理由：{acceptance.reason}（{by}）"


def _verdict(plan: PlanReport) -> str:
    """The plan's verdict, never milder than its open findings."""
    return max(plan.verdict, open_verdict(plan), key=VERDICTS.index)


def _comment(document: Any, place: Place, text: str) -> None:
    """A comment on the whole of one paragraph, nested inside the comments already on it, so that
    the first one on a title (the summary) stays the first one shown."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    comment = document.comments.add_comment(text=text, author=AUTHOR, initials=INITIALS)
    number = str(comment.comment_id)
    p = place.element
    children = list(p)
    start = next((i for i, c in enumerate(children) if c.tag not in (f"{_W}pPr", f"{_W}commentRangeStart")), len(p))
    end = len(children)
    while end > start and _is_comment_end(children[end - 1]):
        end -= 1
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    properties.append(OxmlElement("w:rStyle", attrs={qn("w:val"): "CommentReference"}))
    run.append(properties)
    run.append(OxmlElement("w:commentReference", attrs={qn("w:id"): number}))
    p.insert(end, run)
    p.insert(end, OxmlElement("w:commentRangeEnd", attrs={qn("w:id"): number}))
    p.insert(start, OxmlElement("w:commentRangeStart", attrs={qn("w:id"): number}))


def _is_comment_end(element: Any) -> bool:
    """A range end, or a run holding only a comment reference."""
    if element.tag == f"{_W}commentRangeEnd":
        return True
    return element.tag == f"{_W}r" and [c.tag for c in element if c.tag != f"{_W}rPr"] == [f"{_W}commentReference"]


def _remove_own(document: Any) -> None:
    """Take out the checker's comments of an earlier review, with their marks in the text; replies
    to them stay, as comments of their own."""
    comments = document.comments
    own = [c for c in comments if c.author == AUTHOR]
    if not own:
        return
    numbers = {str(c.comment_id) for c in own}
    paras = {p.get(f"{_W14}paraId") for c in own for p in c._comment_elm.findall(f"{_W}p")} - {None}
    for c in own:
        c._comment_elm.getparent().remove(c._comment_elm)
    body = document.element.body
    marks = [
        m
        for m in body.iter(f"{_W}commentRangeStart", f"{_W}commentRangeEnd", f"{_W}commentReference")
        if m.get(f"{_W}id") in numbers
    ]
    for mark in marks:
        holder = mark.getparent()
        if mark.tag == f"{_W}commentReference" and holder.tag == f"{_W}r":
            rest = [x for x in holder if x is not mark and x.tag != f"{_W}rPr"]
            if not rest:
                mark = holder
        mark.getparent().remove(mark)
    _forget_in_extended(document, paras)


def _forget_in_extended(document: Any, paras: set[str]) -> None:
    """Word's commentsExtended part links replies to their parent by paragraph id: drop the
    entries of removed comments and the links to them."""
    from lxml import etree

    part = next((r.target_part for r in document.part.rels.values() if r.reltype.endswith("/commentsExtended")), None)
    if part is None or not paras:
        return
    try:
        root = etree.fromstring(part.blob, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return
    for entry in list(root.iter(f"{_W15}commentEx")):
        if entry.get(f"{_W15}paraId") in paras:
            entry.getparent().remove(entry)
        elif entry.get(f"{_W15}paraIdParent") in paras:
            del entry.attrib[f"{_W15}paraIdParent"]
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _write_atomic(target: Path, content: bytes) -> None:
    """A temporary file beside the target, then a rename: never a half-written document."""
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(content)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
