"""Configuration files, rule selection and overrides, extra rules folders, `check rules` / `check explain`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from offices import FIXTURES, check

WEAKER = FIXTURES / "crafted" / "reworded_headings.docx"


def _rules(result_stdout: str) -> dict[str, list[dict]]:
    plans = json.loads(result_stdout)["documents"][0]["plans"]
    return {p["kind"]: p["findings"] for p in plans}


def test_check_toml_found_upward_selects_and_regrades(tmp_path: Path) -> None:
    (tmp_path / "check.toml").write_text(
        'select = ["weaker-target", "missing-lead-unit"]\nfail-on = "warning"\n[severity]\nweaker-target = "info"\n',
        encoding="utf-8",
    )
    work = tmp_path / "a" / "b"
    work.mkdir(parents=True)
    result = check(WEAKER, "--format", "json", cwd=work)
    findings = [f for fs in _rules(result.stdout).values() for f in fs]
    assert {f["rule"] for f in findings} <= {"weaker-target", "missing-lead-unit"}
    assert all(f["severity"] == "info" for f in findings if f["rule"] == "weaker-target")
    assert any(f["rule"] == "weaker-target" for f in findings)
    assert result.code == (1 if any(f["severity"] == "warning" for f in findings) else 0)
    # flags override the file
    flagged = check(WEAKER, "--format", "json", "--severity", "weaker-target=error", "--fail-on", "error", cwd=work)
    assert flagged.code == 1
    assert check(WEAKER, "--format", "json", "--isolated", "--ignore", "weaker-target", cwd=work).code == 0


def test_pyproject_section_and_an_extra_reference_relative_to_it(tmp_path: Path) -> None:
    (tmp_path / "refs").mkdir()
    (tmp_path / "refs" / "city.yaml").write_text(
        "name: city\nversion: '2022'\nsources: {women: 某市妇女发展规划}\nplans:\n  women:\n    domains:\n"
        "      - id: health\n        name: 妇女与健康\n        indicators:\n"
        "          - {id: women.health.maternal-mortality, name: 孕产妇死亡率, comparator: '<=', value: 10,\n"
        "             unit: 1/10万, keywords: [[孕产妇死亡率]], wording: 孕产妇死亡率控制在10/10万以下。}\n",
        encoding="utf-8",
    )
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.plancheck]\nreference = ["refs/city.yaml"]\nlevel = "县"\n', encoding="utf-8"
    )
    report = json.loads(check(FIXTURES / "ruzhou.txt", "--format", "json", cwd=tmp_path).stdout)
    women = report["documents"][0]["plans"][0]
    maternal = next(i for i in women["indicators"] if i["indicator"] == "women.health.maternal-mortality")
    assert (maternal["status"], maternal["source"]) == ("weaker", "某市妇女发展规划")
    hiv = next(i for i in women["indicators"] if i["indicator"] == "women.health.hiv-mtct")
    assert hiv["status"] == "equal"  # the national layer is still there


def test_a_rule_left_out_by_select_may_still_be_regraded(tmp_path: Path) -> None:
    """The README's configuration selects some rules and re-grades another: that is not a mistake."""
    (tmp_path / "check.toml").write_text(
        'select = ["weaker-target"]\n[severity]\nmissing-lead-unit = "error"\n', encoding="utf-8"
    )
    result = check(WEAKER, "--format", "json", "--severity", "missing-target=error", cwd=tmp_path)
    assert result.code == 1, result.stderr  # the weaker target is an error; no complaint about the others
    findings = [f for fs in _rules(result.stdout).values() for f in fs]
    assert findings and {f["rule"] for f in findings} == {"weaker-target"}
    (tmp_path / "check.toml").write_text('[severity]\nno-such-rule = "error"\n', encoding="utf-8")
    unknown = check(WEAKER, "--format", "json", cwd=tmp_path)
    assert unknown.code == 2 and "check.toml" in unknown.stderr and "no-such-rule" in unknown.stderr


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ("select = [missing-domain", "不是有效的 TOML"),
        ('colour = "red"', "未知的键 colour"),
        ('fail-on = "sometimes"', "fail-on"),
        ('select = ["no-such-rule"]', "check.toml 的 select 中的规则 no-such-rule 不存在"),
        ('ignore = ["no-such-rule"]', "check.toml 的 ignore 中的规则 no-such-rule 不存在"),
        ("[severity]\nweaker-target = 'fatal'", "severity"),
        ('rules = "nowhere/"', "nowhere"),
    ],
)
def test_broken_config_is_exit_2_with_one_line(tmp_path: Path, content: str, says: str) -> None:
    (tmp_path / "check.toml").write_text(content, encoding="utf-8")
    result = check(FIXTURES / "wuqing.txt", "--format", "json", cwd=tmp_path)
    assert result.code == 2 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("check: ") and says in line


def test_a_rules_folder_adds_and_overrides_by_id(tmp_path: Path) -> None:
    rules = tmp_path / "my-rules"
    rules.mkdir()
    bundled = (Path(__file__).parents[1] / "rules" / "weaker-target.yaml").read_text(encoding="utf-8")
    params = bundled.split("params:", 1)[1]  # keep the kind's parameters, re-word and re-title the rule
    (rules / "weaker-target.yaml").write_text(
        "id: weaker-target\ntitle: 目标低于上级（本市口径）\nextends: target-strength\nseverity: warning\n"
        "description: 本市口径：低于上级目标的作为警告。\nmessage: “{name}”低于上级{expected}\nparams:" + params,
        encoding="utf-8",
    )
    lead = (Path(__file__).parents[1] / "rules" / "missing-lead-unit.yaml").read_text(encoding="utf-8")
    (rules / "every-target-lead.yaml").write_text(
        lead.replace("id: missing-lead-unit", "id: every-target-lead")
        .replace("title: 未注明牵头单位", "title: 每个目标都要牵头单位")
        .replace("severity: warning", "severity: error"),
        encoding="utf-8",
    )
    result = check(WEAKER, "--format", "json", "--rules", rules, cwd=tmp_path)
    findings = [f for fs in _rules(result.stdout).values() for f in fs]
    weaker = [f for f in findings if f["rule"] == "weaker-target"]
    assert weaker and all(f["title"] == "目标低于上级（本市口径）" for f in weaker)
    assert any(f["rule"] == "every-target-lead" for f in findings)  # added beside the bundled rules
    listing = check("rules", "--rules", rules, cwd=tmp_path)
    assert listing.code == 0
    assert any(line.startswith("every-target-lead") and "error" in line for line in listing.stdout.splitlines())
    assert "目标低于上级（本市口径）" in listing.stdout


def test_rules_lists_every_bundled_rule_and_explain_prints_its_documentation(tmp_path: Path) -> None:
    listing = check("rules", cwd=tmp_path)
    ids = [line.split()[0] for line in listing.stdout.splitlines()]
    bundled = sorted(p.stem for p in (Path(__file__).parents[1] / "rules").glob("*.yaml"))
    assert sorted(ids) == bundled
    explained = check("explain", "weaker-target", cwd=tmp_path)
    assert explained.code == 0 and "目标弱于上级" in explained.stdout and "说明：" in explained.stdout
    unknown = check("explain", "no-such-rule", cwd=tmp_path)
    assert unknown.code == 2 and "no-such-rule" in unknown.stderr


def test_the_first_word_picks_the_subcommand_even_beside_a_folder_of_that_name(tmp_path: Path) -> None:
    """`check rules` lists the rules wherever it runs (the project itself has a rules/ folder); a folder or
    file of that name is checked as ./rules, or after --."""
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "规划.txt").write_bytes((FIXTURES / "wuqing.txt").read_bytes())
    listing = check("rules", cwd=tmp_path)
    assert listing.code == 0 and "weaker-target" in listing.stdout and not list(tmp_path.glob("**/*.html"))
    for args in (["./rules"], ["--", "rules"]):
        result = check("--format", "json", *args, cwd=tmp_path)
        assert result.code == 0, result.stderr
        (doc,) = json.loads(result.stdout)["documents"]
        assert Path(doc["path"]) == Path("rules") / "规划.txt"
