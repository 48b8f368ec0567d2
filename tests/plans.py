"""Whole crafted plans for the verdict tests: a women's and a children's plan of a 区, every required
part, every domain, every national numeric target stated at the national value with its lead unit."""

from __future__ import annotations

from checker.reference import load_reference

CN = "一二三四五六七八九十"
REGION = "青河区"


def targets(kind: str) -> dict[str, list[str]]:
    """Domain name → its main targets: the national wording of each of its indicators (a sentence
    stating several indicators once), or a qualitative target where the domain has none."""
    out: dict[str, list[str]] = {}
    for domain in load_reference().for_kind(kind).domains:
        wordings = list(dict.fromkeys(i.wording for i in domain.indicators))
        out[domain.name] = wordings or [f"{domain.name[3:]}水平不断提高。"]
    return out


def plan_lines(
    kind: str,
    *,
    title: str | None = None,
    edit=None,
    units: str = "（牵头单位：区妇儿工委办公室）",
) -> list[str]:
    """The plan as paragraphs. `edit(sentence) -> sentence` rewrites each target before its units."""
    name = "妇女" if kind == "women" else "儿童"
    lines = [
        title or f"{REGION}{name}发展规划（2021—2030年）",
        "一、指导思想",
        f"坚持以人民为中心的发展思想，促进{name}全面发展。",
        "二、基本原则",
        "坚持依法保障权益，坚持统筹协调发展。",
        "三、总体目标",
        f"到2030年，{name}发展的环境更加优化，{name}的获得感、幸福感、安全感显著提升。",
        "四、发展领域、主要目标和策略措施",
    ]
    for n, (domain, sentences) in enumerate(targets(kind).items()):
        lines += [f"（{CN[n]}）{domain}", "1.主要目标"]
        lines += [f"（{i}）{edit(s) if edit else s}{units}" for i, s in enumerate(sentences, start=1)]
        lines += ["2.策略措施", f"（1）加强{domain[3:]}工作的组织领导，完善相关制度和服务体系。"]
    lines += [
        "五、组织实施",
        "（一）坚持党的全面领导。区妇儿工委负责规划的组织实施。",
        "六、监测评估",
        "（一）对规划实施实行年度监测、中期评估和终期评估。",
    ]
    return lines


def notice() -> list[str]:
    return [
        f"{REGION}人民政府关于印发{REGION}妇女发展规划和儿童发展规划的通知",
        "各街道办事处，区政府各部门：",
        "现将两个规划印发给你们，请认真贯彻执行。",
    ]


def write_docx(lines: list[str], path, columns: int = 1) -> None:
    """The paragraphs as a Word file, set in `columns` newspaper columns (as 公文 printed two-up are)."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    if columns > 1:
        section = document.sections[0]._sectPr
        cols = section.find(qn("w:cols"))
        if cols is None:
            cols = OxmlElement("w:cols")
            section.append(cols)
        cols.set(qn("w:num"), str(columns))
        cols.set(qn("w:space"), "425")
    document.save(str(path))


def docx_with_table(text: str, after: str, rows: list, path) -> None:
    """The text's lines as Word paragraphs, with a table of `rows` after the line `after`."""
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
        if line == after and not document.tables:
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for r, cells in enumerate(rows):
                for c, cell in enumerate(cells):
                    table.cell(r, c).text = cell
    document.save(str(path))


def soffice(source, to: str):
    """Convert with LibreOffice headless (a private profile beside the file); the converted path."""
    import shutil
    import subprocess

    program = shutil.which("soffice") or shutil.which("libreoffice")
    assert program, "LibreOffice (soffice) is needed for these tests"
    profile = (source.parent / "profile").as_uri()
    subprocess.run(
        [program, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", to,
         "--outdir", str(source.parent), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    result = source.with_suffix("." + to)
    assert result.is_file()
    return result
