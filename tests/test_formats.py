"""Machine formats (SARIF, JUnit, GitHub, text, JSON), standard input, and failures to write output."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
import pytest
from offices import FIXTURES, check

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
WEAKER = FIXTURES / "crafted" / "reworded_headings.docx"  # has an error: a weaker maternal mortality rate


def test_sarif_is_valid_and_its_fingerprints_survive_an_edit_elsewhere(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    text = (FIXTURES / "ruzhou.txt").read_text(encoding="utf-8").replace("下降到 12 / 10 万", "下降到 15 / 10 万")
    draft.write_text(text, encoding="utf-8")
    first = json.loads(check(draft, "--format", "sarif", cwd=tmp_path).stdout)
    jsonschema.validate(first, SCHEMA)
    results = first["runs"][0]["results"]
    rules = [r["id"] for r in first["runs"][0]["tool"]["driver"]["rules"]]
    weaker = next(r for r in results if r["ruleId"] == "weaker-target")
    assert rules[weaker["ruleIndex"]] == "weaker-target" and weaker["level"] == "error"
    assert weaker["locations"][0]["physicalLocation"]["region"]["startLine"] > 1
    draft.write_text("\n\n\n" + text.replace("一、指导思想", "一、指导思想\n（新增说明一段。）", 1), encoding="utf-8")
    second = json.loads(check(draft, "--format", "sarif", cwd=tmp_path).stdout)
    moved = next(r for r in second["runs"][0]["results"] if r["ruleId"] == "weaker-target")
    assert moved["partialFingerprints"] == weaker["partialFingerprints"]
    assert (
        moved["locations"][0]["physicalLocation"]["region"]["startLine"]
        != (weaker["locations"][0]["physicalLocation"]["region"]["startLine"])
    )
    prints = [r["partialFingerprints"]["plancheckKey/v1"] for r in second["runs"][0]["results"]]
    assert len(prints) == len(set(prints))  # unique within the run


def test_sarif_with_a_failed_file_validates_and_says_so(tmp_path: Path) -> None:
    bad = tmp_path / "坏 [1].docx"
    bad.write_bytes(b"not a zip")
    result = check(WEAKER, bad, "--format", "sarif", cwd=tmp_path)
    log = json.loads(result.stdout)
    jsonschema.validate(log, SCHEMA)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    uri = invocation["toolExecutionNotifications"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert "%5B1%5D.docx" in uri and " " not in uri


def test_junit_and_github_formats(tmp_path: Path) -> None:
    junit = check(WEAKER, "--format", "junit", cwd=tmp_path)
    root = ET.fromstring(junit.stdout)
    assert root.tag == "testsuites" and int(root.get("failures")) >= 1
    failure = root.find(".//testcase[@name='weaker-target']/failure")
    assert failure is not None and "孕产妇死亡率" in failure.text
    assert root.find(".//testcase[@name='missing-section']/failure") is None
    github = check(WEAKER, "--format", "github", cwd=tmp_path)
    assert github.code == 1
    line = next(x for x in github.stdout.splitlines() if "weaker-target" in x)
    assert line.startswith(f"::error file={WEAKER},line=") and "::" in line[2:] and "孕产妇死亡率" in line


def test_several_formats_at_once_with_out(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = check(WEAKER, "--format", "json,sarif", "-f", "junit", "--format", "text,html", "--out", out, cwd=tmp_path)
    assert result.code == 1
    assert sorted(p.name for p in out.iterdir()) == [
        "findings.txt",
        "junit.xml",
        "report.json",
        "report.sarif",
        "reworded_headings.review.html",
    ]
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["schema_version"] and report["failed"] == []
    plan = report["documents"][0]["plans"][0]
    assert plan["verdict"] in ("pass", "pass-with-warnings", "fail", "incomplete")
    assert plan["counts"]["error"] == sum(f["severity"] == "error" for f in plan["findings"]) >= 1
    assert all(f["key"] for f in plan["findings"])
    assert check(WEAKER, "--format", "json,sarif", cwd=tmp_path).code == 2  # two on stdout: which one?


def test_standard_input(tmp_path: Path) -> None:
    for source in (FIXTURES / "wuqing.txt", FIXTURES / "wuqing.docx"):
        result = subprocess.run(
            [sys.executable, "-m", "checker", "-", "--format", "json"],
            input=source.read_bytes(),
            capture_output=True,
            cwd=tmp_path,
            timeout=120,
            env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])},
        )
        assert result.returncode == 0, result.stderr
        (doc,) = json.loads(result.stdout)["documents"]
        assert doc["path"] == "-" and [p["kind"] for p in doc["plans"]] == ["women", "children"]
    lines = (FIXTURES / "wuqing.txt").read_text(encoding="utf-8").splitlines()
    body = "".join(f"<p>{line}</p>" for line in lines)
    page = f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>规划</title></head><body>{body}</body></html>'
    web = check("-", "--format", "json", cwd=tmp_path, stdin=page.encode("utf-8"))  # told from the content
    assert web.code == 0, web.stderr
    assert [p["kind"] for p in json.loads(web.stdout)["documents"][0]["plans"]] == ["women", "children"]
    empty = check("-", cwd=tmp_path)  # nothing piped in: one line saying so, no name of a temporary file
    assert (
        empty.code == 2 and empty.stderr.strip() == "check: 标准输入（-）为空：没有读到任何内容 (empty standard input)"
    )


def test_version() -> None:
    result = check("--version", cwd=Path.cwd())
    assert result.code == 0 and result.stdout.startswith("plancheck ")


def test_help_is_in_chinese() -> None:
    result = check("--help", cwd=Path.cwd())
    assert result.code == 0 and "用法：check" in result.stdout and "选项" in result.stdout
    assert "show this help" not in result.stdout and "--write-baseline" in result.stdout


def test_a_bracket_in_the_output_path_is_just_a_name(tmp_path: Path) -> None:
    out = tmp_path / "审核[第2轮]"
    source = tmp_path / "县[2023]规划.txt"
    shutil.copy(FIXTURES / "wuqing.txt", source)
    result = check(source, "--out", out, cwd=tmp_path)
    assert result.code == 0, result.stderr
    assert (out / "县[2023]规划.review.html").is_file() and "县[2023]规划" in result.stdout


def test_output_into_a_file_or_a_full_disk_is_exit_2_with_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    result = check(FIXTURES / "wuqing.txt", "--out", blocker / "out", cwd=tmp_path)
    assert result.code == 2 and len(result.stderr.splitlines()) == 1 and "无法写入" in result.stderr
    with open("/dev/full", "w") as full:  # every write fails with ENOSPC, as on a full disk
        proc = subprocess.run(
            [sys.executable, "-m", "checker", str(FIXTURES / "wuqing.txt"), "--format", "json"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])},
        )
    assert proc.returncode == 2 and len(proc.stderr.splitlines()) == 1 and "Traceback" not in proc.stderr


def test_read_only_output_folder_is_exit_2_with_one_line(tmp_path: Path) -> None:
    """Root ignores permission bits, so as root the folder is made immutable (chattr +i) instead."""
    out = tmp_path / "只读"
    out.mkdir()
    as_root = os.geteuid() == 0
    if as_root:
        subprocess.run(["chattr", "+i", str(out)], check=True)
    else:
        out.chmod(0o555)
    try:
        result = check(FIXTURES / "wuqing.txt", "--out", out, cwd=tmp_path)
        assert result.code == 2, result.stderr
        assert len(result.stderr.splitlines()) == 1 and "无法写入" in result.stderr
        assert list(out.iterdir()) == []
    finally:
        if as_root:
            subprocess.run(["chattr", "-i", str(out)], check=True)
        else:
            out.chmod(0o755)


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_line_formats_name_every_finding_once(tmp_path: Path, fmt: str) -> None:
    report = json.loads(check(FIXTURES / "dongchangfu.txt", "--format", "json", cwd=tmp_path).stdout)
    findings = sum(len(p["findings"]) for p in report["documents"][0]["plans"])
    lines = check(FIXTURES / "dongchangfu.txt", "--format", fmt, cwd=tmp_path).stdout.splitlines()
    assert len(lines) == findings and len(set(lines)) == len(lines)  # the excerpt tells two lines apart
