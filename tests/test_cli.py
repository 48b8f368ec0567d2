"""The `check` command as users and CI run it: formats, exit codes, output files, bad input."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
CRAFTED = FIXTURES / "crafted"


def run(*args: str | Path, cwd: Path | None = None, columns: int = 80) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": str(columns), "PYTHONPATH": str(Path(__file__).parents[1])}
    return subprocess.run(
        [sys.executable, "-m", "checker", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        env=env,
    )


OPTIONS = (
    "--format", "--out", "--no-timestamp", "--annotate", "--reference", "--against", "--level", "--fail-on",
    "--select", "--ignore", "--severity", "--rules", "--baseline", "--write-baseline", "--compare", "--config",
    "--isolated", "--jobs", "--version", "--help",
)  # fmt: skip
TYPER_ENGLISH = ("Usage", "Options", "Arguments", "[default", "[required]", "<bool>", "<list", "Show this message")


def test_help_is_quick_and_lists_the_options() -> None:
    result = run("--help")
    assert result.returncode == 0
    for option in OPTIONS:
        assert option in result.stdout


@pytest.mark.parametrize("command", [[], ["rules"], ["explain"]])
def test_help_is_chinese_and_whole_in_80_columns(command: list[str]) -> None:
    """typer's panels crop a help cell that has no space to wrap at (a long run of Chinese) with "…"."""
    result = run(*command, "--help", columns=80)
    assert result.returncode == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert any(line.strip().startswith(f"用法：{' '.join(['check', *command])} [选项]") for line in lines)
    assert "…" not in result.stdout and not any(word in result.stdout for word in TYPER_ENGLISH)
    assert max(sum(1 + (unicodedata.east_asian_width(c) in "WF") for c in line) for line in lines) <= 80
    for panel in ("规则与判定", "配置与运行", "其他"):
        assert f"─ {panel} ─" in result.stdout
    whole = re.sub(r"[\s│╭╮╰╯─]", "", result.stdout)  # a help cell wrapped over lines reads as one again
    assert "补充或覆盖规则（按编号）的规则文件夹" in whole
    if not command:
        for option in OPTIONS:
            assert option in result.stdout
        assert "审核意见按输入的文件夹结构存放；多种格式时各写一个文件" in whole


def test_import_is_light() -> None:
    """`check --help` loads typer, not the models, rules, spaCy or pydantic."""
    code = (
        "import sys, checker.cli\n"
        "heavy = {'checker.models', 'checker.rules', 'checker.pipeline', 'spacy', 'pydantic', 'yaml'}\n"
        "print(sorted(heavy & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_json_report_follows_the_design_schema() -> None:
    result = run(FIXTURES / "dongchangfu.txt", "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["tool"]["name"] and report["tool"]["version"]
    (doc,) = report["documents"]
    assert doc["path"].endswith("dongchangfu.txt")
    assert [p["kind"] for p in doc["plans"]] == ["women", "children"]
    women = doc["plans"][0]
    assert women["title"] == "东昌府区“十四五”妇女发展规划"
    assert {s["id"]: s["found"] for s in women["sections"]} == {
        "guiding-ideology": True,
        "principles": True,
        "overall-goals": True,
        "implementation": True,
        "monitoring": True,
    }
    health = next(d for d in women["domains"] if d["id"] == "health")
    assert (health["found"], health["heading"]) == (True, "（一）妇女与健康")
    assert health["targets"] == 9
    target = next(t for t in women["targets"] if t["indicator"] == "women.health.maternal-mortality")
    q = target["quantities"][0]
    assert (q["comparator"], q["value"], q["unit"], q["year"]) == ("<=", 8.2, "1/10万", None)
    assert target["lead_units"] == ["区卫生健康局"]
    assert target["location"]["line"] == 96
    finding = next(f for f in women["findings"] if f["indicator"] == "women.health.hiv-mtct")
    for key in ("rule", "severity", "message", "domain", "section", "indicator", "expected", "actual", "location"):
        assert key in finding
    assert finding["location"]["line"] == 100 and "艾滋病母婴传播" in finding["location"]["excerpt"]


def test_exit_codes_follow_fail_on() -> None:
    assert run(FIXTURES / "dongchangfu.txt", "--format", "json").returncode == 0  # warnings only
    assert run(FIXTURES / "dongchangfu.txt", "--format", "json", "--fail-on", "warning").returncode == 1
    assert run(CRAFTED / "reworded_headings.docx", "--format", "json").returncode == 1  # a weaker target
    assert run(CRAFTED / "reworded_headings.docx", "--format", "json", "--fail-on", "never").returncode == 0


def test_html_review_is_written_to_out_and_the_input_is_untouched(tmp_path: Path) -> None:
    source = tmp_path / "草案 第2稿.docx"
    source.write_bytes((FIXTURES / "wuqing.docx").read_bytes())
    before = (source.read_bytes(), source.stat().st_mtime_ns)
    out = tmp_path / "reviews"
    result = run(source, "--out", out, cwd=tmp_path)
    assert result.returncode == 0, result.stderr  # wuqing has warnings, no errors
    review = out / "草案 第2稿.review.html"
    assert review.is_file() and "衔接审核意见" in review.read_text(encoding="utf-8")
    assert str(review) in result.stdout.replace("\n", "")
    assert (source.read_bytes(), source.stat().st_mtime_ns) == before
    assert sorted(p.name for p in out.iterdir()) == [review.name]  # no temporary files left
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reviews", source.name]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("empty.txt", b""),
        ("empty.docx", b""),
        ("junk.pdf", os.urandom(2048)),
        ("junk.docx", b"PK\x03\x04" + os.urandom(500)),
        ("notes.txt", "今天开会，讨论了下周的工作安排。".encode()),
        ("plan.xlsx", b"whatever"),
    ],
)
def test_bad_input_exits_2_with_one_line(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = run(path, "--out", tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("check: "), result.stderr
    assert "Traceback" not in result.stderr
    assert path.read_bytes() == content
    assert not list(tmp_path.glob("*.html"))


def test_missing_file_and_unknown_reference_exit_2(tmp_path: Path) -> None:
    assert run(tmp_path / "nothere.docx").returncode == 2
    result = run(FIXTURES / "ruzhou.txt", "--reference", "no-such-province")
    assert result.returncode == 2 and "national-2021-2030" in result.stderr


def test_one_bad_file_among_good_ones(tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    result = run(FIXTURES / "ruzhou.txt", bad, "--format", "json")
    assert result.returncode == 2
    assert [d["path"] for d in json.loads(result.stdout)["documents"]] == [str(FIXTURES / "ruzhou.txt")]


def test_text_format_one_line_per_finding() -> None:
    result = run(CRAFTED / "reworded_headings.docx", "--format", "text")
    lines = result.stdout.strip().splitlines()
    pattern = re.compile(
        r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning|info) \[(?P<rule>[a-z-]+)\] "
    )
    parsed = [pattern.match(line) for line in lines]
    assert all(parsed), lines
    assert {m["path"] for m in parsed} == {str(CRAFTED / "reworded_headings.docx")}
    weaker = [line for m, line in zip(parsed, lines, strict=True) if m["rule"] == "weaker-target"]
    assert any(line.split(" ", 1)[0].count(":") == 3 and "孕产妇死亡率" in line and "第" in line for line in weaker)


def test_province_file_extends_the_national_reference(tmp_path: Path) -> None:
    province = tmp_path / "henan.yaml"
    province.write_text(
        "name: henan-2021-2030\nversion: '2022'\nextends: national-2021-2030\n"
        "sources: {women: 河南省妇女发展规划（2021—2030年）}\n"
        "plans:\n  women:\n    domains:\n      - id: health\n        name: 妇女与健康\n        indicators:\n"
        "          - {id: women.health.maternal-mortality, name: 孕产妇死亡率, comparator: '<=', value: 10,\n"
        "             unit: 1/10万, keywords: [[孕产妇死亡率]], wording: 孕产妇死亡率控制在10/10万以下。}\n",
        encoding="utf-8",
    )
    report = json.loads(run(FIXTURES / "ruzhou.txt", "--format", "json", "--reference", province).stdout)
    women = report["documents"][0]["plans"][0]
    maternal = next(i for i in women["indicators"] if i["indicator"] == "women.health.maternal-mortality")
    assert (maternal["status"], maternal["expected"], maternal["source"]) == (
        "weaker",
        "≤10/10万（2030年）",
        "河南省妇女发展规划（2021—2030年）",
    )
    hiv = next(i for i in women["indicators"] if i["indicator"] == "women.health.hiv-mtct")
    assert hiv["status"] == "equal"  # inherited from the national file


@pytest.mark.parametrize(
    ("body", "says"),
    [
        # indicators straight under the plan instead of under their domain: once silently ignored
        ("    indicators:\n      - {id: women.health.maternal-mortality, value: 8}\n", "plans.women.indicators"),
        (
            "    domains:\n      - id: health\n        indicators:\n"
            "          - {id: women.health.maternal-mortality, valeu: 8}\n",
            "valeu",
        ),
        ("    domains:\n      - name: 妇女与健康\n", "缺少 id"),
        ("    - domains\n", "结构"),
    ],
)
def test_a_province_file_mistake_is_one_line_never_ignored(tmp_path: Path, body: str, says: str) -> None:
    province = tmp_path / "province.yaml"
    province.write_text(f"name: p\nversion: '1'\nextends: national-2021-2030\nplans:\n  women:\n{body}", "utf-8")
    result = run(FIXTURES / "wuqing.txt", "--format", "json", "--reference", province)
    assert result.returncode == 2 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("check: 上级目标文件 province.yaml 格式错误") and says in line


def test_a_province_file_adds_to_the_vocabularies(tmp_path: Path) -> None:
    from checker.reference import load_reference

    province = tmp_path / "province.yaml"
    province.write_text(
        "name: p\nversion: '1'\nextends: national-2021-2030\nplans:\n  children:\n    past_parts: [上期回顾]\n",
        encoding="utf-8",
    )
    national = load_reference("national-2021-2030").plans["children"].past_parts
    assert load_reference(str(province)).plans["children"].past_parts == [*national, "上期回顾"]


def test_against_an_upper_plan_document() -> None:
    """汝州市 checked against 东昌府区's plan as if it were the upper level: 12/10万 is weaker than 8.2/10万."""
    result = run(FIXTURES / "ruzhou.txt", "--format", "json", "--against", FIXTURES / "dongchangfu.docx")
    report = json.loads(result.stdout)
    assert report["reference"]["name"] == "against:dongchangfu.docx"
    assert report["reference"]["version"] == "2021-09（national-2021-2030）"  # the base's, said so
    women = report["documents"][0]["plans"][0]
    maternal = next(i for i in women["indicators"] if i["indicator"] == "women.health.maternal-mortality")
    assert (maternal["status"], maternal["expected"]) == ("weaker", "≤8.2/10万（2025年）")
    assert maternal["source"] == "东昌府区“十四五”妇女发展规划"
    assert result.returncode == 1


def test_a_weaker_upper_plan_does_not_lower_the_bar(tmp_path: Path) -> None:
    """--against a city plan that allows 15/10万: a county's 14/10万 is still weaker than the national 12."""
    county = (FIXTURES / "ruzhou.txt").read_text(encoding="utf-8")
    city = tmp_path / "city.txt"
    city.write_text(county.replace("孕产妇死亡率下降到 12 / 10 万", "孕产妇死亡率下降到 15 / 10 万"), encoding="utf-8")
    draft = tmp_path / "county.txt"
    draft.write_text(county.replace("孕产妇死亡率下降到 12 / 10 万", "孕产妇死亡率下降到 14 / 10 万"), encoding="utf-8")
    report = json.loads(run(draft, "--format", "json", "--against", city).stdout)
    maternal = next(
        i
        for i in report["documents"][0]["plans"][0]["indicators"]
        if i["indicator"] == "women.health.maternal-mortality"
    )
    assert (maternal["status"], maternal["expected"]) == ("weaker", "≤12/10万（2030年）")


def test_two_inputs_with_the_same_name_get_two_reviews(tmp_path: Path) -> None:
    result = run(FIXTURES / "wuqing.docx", FIXTURES / "wuqing.txt", "--out", tmp_path)
    assert result.returncode == 0, result.stderr
    reviews = ["wuqing.review.html", "wuqing.txt.review.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*reviews, "index.html", "summary.csv", "summary.json"])


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--bogus"], "没有选项 --bogus（用法"),
        (["plan.txt", "--fromat", "json"], "没有选项 --fromat（是否想用 --format？）"),
        ([], "请给出要检查的规划文件或文件夹"),
        (["plan.txt", "--format", "xml"], "未知的输出格式 xml"),
        (["plan.txt", "--out"], "选项 --out 需要一个值"),
        (["plan.txt", "--isolated=yes"], "选项 --isolated 不接受值"),
        (["plan.txt", "--fail-on", "sometimes"], "--fail-on 的值无效"),
        (["plan.txt", "--level", "国"], "--level 的值无效：应为 省 市 县"),
        (["plan.txt", "-j", "two"], "应为整数，而不是 two"),
        (["rules", "extra"], "多余的参数 extra（用法：check rules --help）"),
        (["explain"], "请给出规则编号"),
        (["explain", "weaker-target", "more"], "多余的参数 more"),
        (["explain", "weaker-target", "--bogus"], "没有选项 --bogus（用法：check explain --help）"),
    ],
)
def test_usage_errors_are_one_chinese_line(args: list[str], said: str) -> None:
    result = run(*args)
    assert result.returncode == 2 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("check: 参数错误：") and said in line, line
    assert not re.search(r"\b(Got|Option|Invalid|No such|Error|Usage|Try)\b", line), line


def test_hostile_plan_text_is_escaped_in_the_review(tmp_path: Path) -> None:
    import sys as _sys

    _sys.path.insert(0, str(Path(__file__).parent))
    from test_rules import plan

    hostile = plan(
        ['孕产妇死亡率控制在15/10万以下<script>alert(1)</script>" onerror="alert(2)。（牵头单位：区卫生健康局）']
    )
    path = tmp_path / "恶意 计划.txt"
    path.write_text(hostile, encoding="utf-8")
    result = run(path, "--out", tmp_path)
    assert result.returncode == 1, result.stderr  # 15/10万 is weaker than the national 12
    page = (tmp_path / "恶意 计划.review.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert" in page and "&#34;onerror=" in page  # shown as text
    assert "<script>alert" not in page and '"onerror="alert' not in page


def test_against_a_city_plan_with_two_stages(tmp_path: Path) -> None:
    """A city plan setting 65% by 2025 and 80% by 2030: a county's 68% by 2030 is weaker than the city's 80%
    (the 2025 figure is a stage, not the bar), a township's 十四五 66% meets the city's 2025 stage; the wording
    suggested is the city's sentence without its lead unit."""
    from plans import plan_lines

    national = "适龄妇女宫颈癌人群筛查率达到70%以上，乳腺癌人群筛查率逐步提高。"

    def write(name: str, sentence: str, title: str | None = None, units: str = "（牵头单位：区卫生健康局）") -> Path:
        lines = plan_lines("women", title=title, edit=lambda s: sentence if s == national else s, units=units)
        path = tmp_path / name
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    city = write(
        "city.txt",
        "适龄妇女宫颈癌人群筛查率到2025年达到65%以上，到2030年达到80%以上。",
        title="某某市妇女发展规划（2021—2030年）",
        units="（牵头单位：市卫生健康委）",
    )

    def cervical(draft: Path) -> dict:
        report = json.loads(run(draft, "--format", "json", "--against", city).stdout)
        indicators = report["documents"][0]["plans"][0]["indicators"]
        return next(i for i in indicators if i["indicator"] == "women.health.cervical-screening")

    county = cervical(write("county.txt", "适龄妇女宫颈癌人群筛查率达到68%以上。"))
    assert (county["status"], county["expected"]) == ("weaker", "≥80%（2030年）")
    assert county["wording"] == "适龄妇女宫颈癌人群筛查率到2025年达到65%以上，到2030年达到80%以上。"
    town = cervical(
        write("town.txt", "到2025年，适龄妇女宫颈癌人群筛查率达到66%以上。", title="某某镇妇女发展“十四五”规划")
    )
    assert (town["status"], town["expected"]) == ("stronger", "≥65%（2025年）")


def test_against_a_plan_without_stages_keeps_the_reference_files_stages(tmp_path: Path) -> None:
    """--reference a city file with a 2025 stage (97%) and --against a plan that restates the city's 2030 value
    only: a township's 十四五 96% is still below the stage, an error, not a stage on the way to 2030."""
    from plans import plan_lines

    city = tmp_path / "city.yaml"
    city.write_text(
        "name: city\nversion: '2022'\nextends: national-2021-2030\nsources: {women: 某某市妇女发展规划}\n"
        "plans:\n  women:\n    domains:\n      - id: social-security\n        indicators:\n"
        "          - {id: women.social-security.medical-insurance, value: 97, stages: {2025: 97},"
        " wording: 妇女基本医疗保险参保率稳定在97%以上。}\n",
        encoding="utf-8",
    )
    national = "完善医疗保障体系。妇女基本医疗保险参保率稳定在95%以上，待遇保障公平适度。"

    def write(name: str, sentence: str, title: str) -> Path:
        path = tmp_path / name
        lines = plan_lines("women", title=title, edit=lambda s: sentence if s == national else s)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    upper = write("upper.txt", "妇女基本医疗保险参保率稳定在97%以上。", "某某区妇女发展规划（2021—2030年）")
    town = write("town.txt", "到2025年，妇女基本医疗保险参保率稳定在96%以上。", "某某镇妇女发展“十四五”规划")
    report = json.loads(run(town, "--format", "json", "--reference", city, "--against", upper).stdout)
    (medical,) = [
        i
        for i in report["documents"][0]["plans"][0]["indicators"]
        if i["indicator"] == "women.social-security.medical-insurance"
    ]
    assert (medical["status"], medical["expected"]) == ("weaker", "≥97%（2025年）")


def test_an_upper_plan_that_cannot_be_used_is_named_as_such(tmp_path: Path) -> None:
    """--against a file that is no plan: one line saying it is the upper plan that could not be used, not the draft."""
    notes = tmp_path / "notes.txt"
    notes.write_text("会议记录：请各单位按时报送材料。\n", encoding="utf-8")
    result = run(FIXTURES / "wuqing.txt", "--format", "json", "--against", notes)
    assert result.returncode == 2 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("check: 上级规划文件（--against）notes.txt")
