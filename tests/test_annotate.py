"""Findings written back into Word (--annotate) and accepted deviations (sidecar, check:ignore).

The reviewed copies are made once per session and converted by LibreOffice in one call; the tests
then read the comments back as LibreOffice sees them (office:annotation in the .odt) and check that
each sits on the paragraph, table cell or text box of the sentence it concerns."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from lxml import etree

from checker.accept import AUTHOR, apply_acceptances
from checker.load.word import locate, places, text_key
from checker.models import DocumentReport, Evidence, Finding, Location
from checker.pipeline import check_file, report_for
from checker.reference import load_reference
from checker.report.annotate import annotate_document
from checker.rules import load_rules

FIXTURES = Path(__file__).parent / "fixtures"
ODF = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
}
WEAKENED = ("孕产妇死亡率下降到 12 / 10 万", "孕产妇死亡率下降到 15 / 10 万")
BOX_TEXT = "专栏1：孕产妇健康服务行动。推进孕产妇系统管理，落实妊娠风险筛查与评估。"


def review(path: Path, out: Path) -> tuple[DocumentReport, Path]:
    """check → acceptances → annotate, as `check PATH --annotate --out OUT` does."""
    reference = load_reference()
    doc = apply_acceptances(check_file(path, reference, load_rules()), path)
    message = annotate_document(report_for([doc], reference), 0, out)
    target = out / f"{path.stem}.reviewed.docx"
    assert str(target) in message
    return doc, target


def keys(doc: DocumentReport) -> list[tuple]:
    return sorted(
        (p.kind, f.rule, f.severity, f.domain, f.section, f.indicator, str(f.location))
        for p in doc.plans
        for f in p.findings
    )


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "checker", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, timeout=300)


# ---- the documents: a weakened corpus plan with a drafter's comment, two corpus plans, a crafted plan ----


def weakened_ruzhou(folder: Path) -> Path:
    """ruzhou.docx with 孕产妇死亡率 weakened to 15/10万 and a drafter's own comment on its title."""
    path = folder / "ruzhou.docx"
    d = docx.Document(str(FIXTURES / "ruzhou.docx"))
    hits = [p for p in d.paragraphs if WEAKENED[0] in p.text]
    assert len(hits) == 1
    hits[0].text = hits[0].text.replace(*WEAKENED)
    title = next(p for p in d.paragraphs if p.text.strip().startswith("汝州市妇女发展规划"))
    d.add_comment(title.runs, text="请核对文号", author="李四")
    d.save(str(path))
    return path


DOMAINS = ["妇女与健康", "妇女与教育", "妇女与经济", "妇女参与决策和管理", "妇女与社会保障", "妇女与家庭建设"]
DOMAINS += ["妇女与环境", "妇女与法律"]


def _textbox(text: str):
    """A paragraph holding a (VML) text box with one paragraph of text."""
    return parse_xml(
        '<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        ' xmlns:v="urn:schemas-microsoft-com:vml"><w:r><w:pict>'
        '<v:shape style="width:300pt;height:60pt" type="#_x0000_t202"><v:textbox><w:txbxContent>'
        f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>"
    )


def boxes_plan(folder: Path) -> Path:
    """A women's plan whose 妇女与健康 targets are a table (序号|主要目标|牵头单位) with a weaker
    row, followed by a 专栏 in a text box; 妇女与环境 is missing."""
    d = docx.Document()
    d.add_paragraph("某某区妇女发展规划（2021—2030年）")
    for line in ["一、指导思想、基本原则和总体目标", "（一）指导思想", "坚持以人民为中心。", "（二）基本原则"]:
        d.add_paragraph(line)
    for line in ["坚持男女平等。", "（三）总体目标", "妇女全面发展。", "二、发展领域、主要目标和策略措施"]:
        d.add_paragraph(line)
    for i, name in enumerate(DOMAINS):
        if name == "妇女与环境":
            continue
        d.add_paragraph(f"（{'一二三四五六七八'[i]}）{name}")
        d.add_paragraph("1. 主要目标")
        if i == 0:
            rows = [
                ("序号", "主要目标", "牵头单位"),
                ("1", "孕产妇死亡率控制在15/10万以下。", "区卫生健康局"),
                ("2", "适龄妇女宫颈癌人群筛查率达到70%以上。", "区卫生健康局"),
            ]
            table = d.add_table(rows=3, cols=3)
            for r, cells in enumerate(rows):
                for c, text in enumerate(cells):
                    table.cell(r, c).text = text
        else:
            d.add_paragraph("（1）发展水平不断提高。（牵头单位：区妇联）")
        d.add_paragraph("2. 策略措施")
        d.add_paragraph("（1）加强组织领导。")
        if i == 0:
            d.add_paragraph("专栏：")._p.addnext(_textbox(BOX_TEXT))
    for line in ["三、组织实施", "（一）加强组织领导。各级政府负责。", "四、监测评估", "（一）开展年度监测。"]:
        d.add_paragraph(line)
    path = folder / "boxes.docx"
    d.save(str(path))
    return path


@dataclass(frozen=True)
class Note:
    """A comment as LibreOffice reads it: author, text, and where it starts."""

    author: str
    text: str
    paragraph: str  # the text of the paragraph it starts in (comments left out)
    cell: bool
    textbox: bool


def odt_notes(path: Path) -> list[Note]:
    root = etree.fromstring(zipfile.ZipFile(path).read("content.xml"))
    notes = []
    for a in root.iter(f"{{{ODF['office']}}}annotation"):
        holder = next(x for x in a.iterancestors() if etree.QName(x).localname in ("p", "h"))
        shown = holder.xpath(".//text()[not(ancestor::office:annotation)]", namespaces=ODF)
        ancestors = [etree.QName(x).localname for x in a.iterancestors()]
        notes.append(
            Note(
                author=a.findtext("dc:creator", namespaces=ODF) or "",
                text="\n".join("".join(p.itertext()) for p in a.findall("text:p", ODF)),
                paragraph="".join(shown),
                cell="table-cell" in ancestors,
                textbox=bool({"text-box", "custom-shape"} & set(ancestors)),  # LibreOffice: VML boxes are shapes
            )
        )
    return notes


@dataclass
class Session:
    folder: Path
    docs: dict[str, DocumentReport]  # name → the report the reviewed copy was made from
    reviewed: dict[str, Path]
    notes: dict[str, list[Note]]  # name → the comments LibreOffice reads in the reviewed copy


@pytest.fixture(scope="session")
def session(tmp_path_factory: pytest.TempPathFactory) -> Session:
    folder = tmp_path_factory.mktemp("annotate")
    drafts = folder / "drafts"
    out = folder / "out"
    drafts.mkdir()
    out.mkdir()
    sources = {
        "ruzhou": weakened_ruzhou(drafts),
        "dongchangfu": shutil.copy(FIXTURES / "dongchangfu.docx", drafts),
        "wuqing": shutil.copy(FIXTURES / "wuqing.docx", drafts),
        "boxes": boxes_plan(drafts),
    }
    docs, reviewed = {}, {}
    for name, path in sources.items():
        docs[name], reviewed[name] = review(Path(path), out)
    # A finding located by its sentence only (as a text box may be): the comment goes into the box.
    boxed = Finding(
        rule="pattern-demo", severity="warning", message="专栏内容请核对", location=Evidence(excerpt=BOX_TEXT[:20])
    )
    plan = docs["boxes"].plans[0]
    doc = docs["boxes"].model_copy(update={"plans": [plan.model_copy(update={"findings": [*plan.findings, boxed]})]})
    annotate_document(report_for([doc], load_reference()), 0, out)
    docs["boxes"] = doc
    profile = (folder / "lo-profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "odt", "--outdir", str(folder)]
        + [str(p) for p in reviewed.values()],
        capture_output=True,
        timeout=300,
        check=True,
    )
    notes = {name: odt_notes(folder / f"{path.stem}.odt") for name, path in reviewed.items()}
    return Session(folder, docs, reviewed, notes)


# ---- the reviewed copy ----


def test_reviewed_copy_opens_and_keeps_the_draft(session: Session) -> None:
    original = docx.Document(str(session.folder / "drafts" / "ruzhou.docx"))
    copy = docx.Document(str(session.reviewed["ruzhou"]))
    assert [p.text for p in copy.paragraphs] == [p.text for p in original.paragraphs]
    assert [p.style.name for p in copy.paragraphs] == [p.style.name for p in original.paragraphs]
    assert len(copy.tables) == len(original.tables)
    comments = list(copy.comments)
    assert [(c.author, c.text) for c in comments if c.author != AUTHOR] == [("李四", "请核对文号")]
    doc = session.docs["ruzhou"]
    assert sum(c.author == AUTHOR for c in comments) == len(doc.plans) + sum(len(p.findings) for p in doc.plans)


def test_libreoffice_reads_every_comment(session: Session) -> None:
    for name, doc in session.docs.items():
        ours = [n for n in session.notes[name] if n.author == AUTHOR]
        assert len(ours) == len(doc.plans) + sum(len(p.findings) for p in doc.plans), name
        for plan in doc.plans:  # the first comment on each plan's title: verdict and counts
            summary = next(n for n in ours if n.text.startswith("【衔接审核】") and plan.title in n.text)
            assert text_key(plan.title) in text_key(summary.paragraph)
            assert "错误" in summary.text and "警告" in summary.text
        for plan in doc.plans:
            for f in plan.findings:
                assert any(f.message in n.text for n in ours), (name, f.message)


def test_weaker_target_comment_sits_on_the_weakened_sentence(session: Session) -> None:
    weaker = [n for n in session.notes["ruzhou"] if "weaker-target" in n.text and "孕产妇死亡率" in n.text]
    assert len(weaker) == 1
    assert "15/10万" in text_key(weaker[0].paragraph)
    assert "上级要求：≤12/10万" in weaker[0].text
    assert "《中国妇女发展纲要（2021—2030年）》" in weaker[0].text
    # the advice, then the sentence to paste on a line of its own
    lines = weaker[0].text.splitlines()
    at = lines.index("建议修改为不低于上级要求的表述：")
    assert lines[at + 1].startswith("孕产妇死亡率下降到12/10万以下")


def test_a_suggestion_with_nothing_to_paste_is_advice(session: Session) -> None:
    """增加“妇女与环境” is advice for the drafter, not a sentence for the plan."""
    (missing,) = [n for n in session.notes["boxes"] if "missing-domain" in n.text]
    assert "修改建议：请在“发展领域”部分增加“妇女与环境”" in missing.text and "建议表述" not in missing.text


def test_each_comment_sits_on_its_sentence_in_the_corpus(session: Session) -> None:
    for name in ("dongchangfu", "wuqing", "ruzhou"):
        notes = [n for n in session.notes[name] if n.author == AUTHOR]
        for plan in session.docs[name].plans:
            for f in plan.findings:
                if f.location is None or not f.location.excerpt or f.domain is None:
                    continue
                said = text_key(f.location.excerpt)
                spots = [text_key(n.paragraph) for n in notes if f.message in n.text]
                assert any(said[:10] in here or here in said for here in spots), (name, f.rule, f.location.excerpt)


def test_table_cell_text_box_and_missing_domain(session: Session) -> None:
    notes = [n for n in session.notes["boxes"] if n.author == AUTHOR]
    weaker = next(n for n in notes if "weaker-target" in n.text)
    assert weaker.cell and "15/10万" in weaker.paragraph
    missing = next(n for n in notes if "missing-domain" in n.text)
    assert missing.paragraph == "（六）妇女与家庭建设"  # the heading after which 妇女与环境 belongs
    assert "之后，应有“妇女与环境”" in missing.text
    boxed = next(n for n in notes if "pattern-demo" in n.text)
    assert boxed.textbox and boxed.paragraph == BOX_TEXT
    copy = docx.Document(str(session.reviewed["boxes"]))
    box = copy.element.body.xpath(".//w:txbxContent//w:t")
    assert [t.text for t in box] == [BOX_TEXT]


def test_checking_the_reviewed_copy_gives_the_same_findings(session: Session) -> None:
    for name, reviewed in session.reviewed.items():
        if name == "boxes":  # its report carries a finding planted by hand
            continue
        again = apply_acceptances(check_file(reviewed, load_reference(), load_rules()), reviewed)
        assert keys(again) == keys(session.docs[name]), name
        assert again.stale_acceptances == []


def test_annotating_a_reviewed_copy_replaces_the_checkers_comments(session: Session, tmp_path: Path) -> None:
    again = tmp_path / "ruzhou.docx"
    shutil.copy(session.reviewed["ruzhou"], again)
    review(again, tmp_path)
    comments = list(docx.Document(str(tmp_path / "ruzhou.reviewed.docx")).comments)
    doc = session.docs["ruzhou"]
    assert sum(c.author == AUTHOR for c in comments) == len(doc.plans) + sum(len(p.findings) for p in doc.plans)
    assert [c.author for c in comments if c.author != AUTHOR] == ["李四"]


# ---- accepted deviations ----


def _comment_on(path: Path, contains: str, text: str, author: str = "王五") -> None:
    d = docx.Document(str(path))
    paragraph = next(p for p in d.paragraphs if contains in p.text)
    d.add_comment(paragraph.runs, text=text, author=author)
    d.save(str(path))


def test_check_ignore_answer_in_the_reviewed_copy_is_honoured(session: Session, tmp_path: Path) -> None:
    answered = tmp_path / "ruzhou.reviewed.docx"
    shutil.copy(session.reviewed["ruzhou"], answered)
    _comment_on(answered, WEAKENED[1], "check:ignore weaker-target 本市2020年基数较高，分两步达到")
    _comment_on(answered, "二、发展领域", "check:ignore missing-target 这里没有缺少的指标")
    result = run(answered, "--format", "json")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)["documents"][0]
    women = doc["plans"][0]
    weaker = [f for f in women["findings"] if f["rule"] == "weaker-target"]
    assert len(weaker) == 1
    assert weaker[0]["accepted"]["reason"] == "本市2020年基数较高，分两步达到"
    assert weaker[0]["accepted"]["who"] == "王五" and weaker[0]["accepted"]["source"] == "批注"
    assert all(f["accepted"] is None for f in women["findings"] if f["rule"] != "weaker-target")
    stale = doc["stale_acceptances"]
    assert [(s["rule"], s["source"]) for s in stale] == [("missing-target", "批注")]
    assert stale[0]["location"]["paragraph"] is not None
    failing = run(session.reviewed["ruzhou"], "--format", "json")  # without the answer the error fails
    assert failing.returncode == 1


def test_sidecar_acceptances_and_stale_ones(session: Session, tmp_path: Path) -> None:
    draft = tmp_path / "ruzhou.docx"
    shutil.copy(session.folder / "drafts" / "ruzhou.docx", draft)
    (tmp_path / "ruzhou.accepted.toml").write_text(
        "[[accepted]]\n"
        'rule = "weaker-target"\nplan = "women"\nindicator = "women.health.maternal-mortality"\n'
        'reason = "以绝对数考核"\nwho = "区妇儿工委办 张三"\ndate = 2024-05-20\n\n'
        "[[accepted]]\n"
        'rule = "weaker-target"\nplan = "children"\nindicator = "children.health.infant-mortality"\n'
        'reason = "早已改正"\nwho = "张三"\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = run(draft, "--out", out, "--annotate")
    assert result.returncode == 0, result.stderr
    assert "过期的接受声明 1 项" in result.stdout
    page = (out / "ruzhou.review.html").read_text(encoding="utf-8")
    assert "已接受" in page and "以绝对数考核" in page and "区妇儿工委办 张三" in page
    assert "过期的接受声明" in page and "早已改正" in page
    notes = list(docx.Document(str(out / "ruzhou.reviewed.docx")).comments)
    accepted = [c.text for c in notes if c.text.startswith("【已接受】")]
    assert len(accepted) == 1 and "以绝对数考核" in accepted[0]
    text = run(draft, "--format", "text")
    assert "weaker-target" not in text.stdout.replace("[stale-acceptance] 接受声明 weaker-target", "")
    assert "[stale-acceptance]" in text.stdout and text.returncode == 0


def test_a_wrong_sidecar_is_one_line_and_exit_2(tmp_path: Path) -> None:
    draft = tmp_path / "plan.docx"
    shutil.copy(FIXTURES / "ruzhou.docx", draft)
    sidecar = tmp_path / "plan.accepted.toml"
    for content, said in [
        ('[[accepted]]\nrule = "weaker-target"\nreson = "x"\nwho = "y"\n', "reason"),
        ("[[accepted]\n", "无法读取"),
    ]:
        sidecar.write_text(content, encoding="utf-8")
        result = run(draft, "--format", "json")
        assert result.returncode == 2 and said in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


# ---- formats ----


def test_text_and_pdf_say_annotation_needs_a_word_file(tmp_path: Path) -> None:
    result = run(FIXTURES / "wuqing.txt", FIXTURES / "wuqing.pdf", "--annotate", "--out", tmp_path, "-f", "json")
    assert result.returncode == 0
    assert result.stderr.count("批注需要 Word 文件") == 2
    assert not list(tmp_path.glob("*.docx"))


def test_an_old_word_file_is_annotated_through_libreoffice(tmp_path: Path) -> None:
    result = run(FIXTURES / "crafted" / "children_first.doc", "--annotate", "--out", tmp_path)
    assert "由 LibreOffice 将 .doc 转换为 .docx 后加注" in result.stderr
    copy = docx.Document(str(tmp_path / "children_first.reviewed.docx"))
    assert any(c.text.startswith("【衔接审核】儿童规划") for c in copy.comments)


# ---- finding the paragraph ----


def test_a_finding_on_an_automatically_numbered_paragraph_is_placed_on_it(tmp_path: Path) -> None:
    """Word's automatic numbers are read as part of the text (1.孕产妇死亡率…) but are not in the paragraph's
    runs: the paragraph is still the one the finding is placed on."""
    d = docx.Document()
    d.add_paragraph("某某县妇女发展规划（2021—2030年）")
    for text, style in [
        ("指导思想", "List Number"), ("坚持男女平等基本国策。", None),
        ("基本原则", "List Number"), ("坚持党的全面领导。", None),
        ("总体目标", "List Number"), ("妇女全面发展取得新进展。", None),
        ("发展领域、主要目标和策略措施", "List Number"), ("妇女与健康", "List Number 2"),
        ("孕产妇死亡率控制在15/10万以下。", "List Number 3"),
        ("适龄妇女宫颈癌人群筛查率达到70%以上。（牵头单位：县卫生健康局）", "List Number 3"),
        ("组织实施", "List Number"), ("县妇儿工委负责组织实施。", None),
        ("监测评估", "List Number"), ("县统计局牵头开展监测评估。", None),
    ]:  # fmt: skip
        d.add_paragraph(text, style=style)
    path = tmp_path / "numbered.docx"
    d.save(str(path))
    (plan,) = check_file(path, load_reference(), load_rules()).plans
    (weaker,) = [f for f in plan.findings if f.rule == "weaker-target"]
    assert weaker.location is not None and weaker.location.excerpt
    assert weaker.location.excerpt.startswith("1.孕产妇死亡率")  # the automatic number, as the loader reads it
    place = locate(places(docx.Document(str(path))), weaker.location, weaker.location.excerpt)
    assert place is not None and place.text == "孕产妇死亡率控制在15/10万以下。"
    assert place.location.paragraph == weaker.location.paragraph


def test_a_location_that_does_not_hold_the_sentence_falls_back_to_the_sentence() -> None:
    d = docx.Document(str(FIXTURES / "ruzhou.docx"))
    found = places(d)
    index = next(i for i, p in enumerate(d.paragraphs) if WEAKENED[0] in p.text)
    wrong = Location(paragraph=index + 3)
    place = locate(found, wrong, "孕产妇死亡率下降到12/10万以下")
    assert place is not None and place.location == Location(paragraph=index)
    assert locate(found, wrong, None).location == wrong  # no sentence: the location is all there is
    assert locate(found, None, "这句话不在文件里") is None


def test_a_reply_without_a_range_of_its_own_accepts_where_its_parent_sits(session: Session, tmp_path: Path) -> None:
    """Word links a reply to its parent in commentsExtended.xml by the comments' paragraph ids."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    answered = tmp_path / "ruzhou.reviewed.docx"
    d = docx.Document(str(session.reviewed["ruzhou"]))
    parent = next(c for c in d.comments if "weaker-target" in c.text)
    reply = d.comments.add_comment(text="check:ignore weaker-target 分两步达到", author="王五")  # no range
    w14 = "{http://schemas.microsoft.com/office/word/2010/wordml}paraId"
    parent._comment_elm.findall(qn("w:p"))[-1].set(w14, "1A2B3C4D")
    reply._comment_elm.findall(qn("w:p"))[-1].set(w14, "5E6F7A8B")
    blob = (
        b'<w15:commentsEx xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">'
        b'<w15:commentEx w15:paraId="1A2B3C4D" w15:done="0"/>'
        b'<w15:commentEx w15:paraId="5E6F7A8B" w15:paraIdParent="1A2B3C4D" w15:done="0"/></w15:commentsEx>'
    )
    content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"
    part = Part(PackURI("/word/commentsExtended.xml"), content_type, blob, d.part.package)
    d.part.relate_to(part, "http://schemas.microsoft.com/office/2011/relationships/commentsExtended")
    d.save(str(answered))
    doc = apply_acceptances(check_file(answered, load_reference(), load_rules()), answered)
    weaker = [f for p in doc.plans for f in p.findings if f.rule == "weaker-target"]
    assert [f.accepted.reason if f.accepted else None for f in weaker] == ["分两步达到"]
    assert doc.stale_acceptances == []
