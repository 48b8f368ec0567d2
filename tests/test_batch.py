"""Folders of plans: walking, parallel workers, mirrored outputs, the index and summaries, failures listed."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

from offices import FIXTURES, check


def _counties(root: Path) -> Path:
    """Three counties, each filing its plan under the same name, plus a Word lock file and a hidden file."""
    plans = root / "plans"
    for county, source in (("东昌府区", "dongchangfu.txt"), ("汝州市", "ruzhou.txt"), ("武清区", "wuqing.docx")):
        folder = plans / county
        folder.mkdir(parents=True)
        shutil.copy(FIXTURES / source, folder / f"规划{Path(source).suffix}")
    (plans / "武清区" / "~$规划.docx").write_bytes(b"\x00lock owner")  # Word's lock file while the plan is open
    (plans / "汝州市" / ".规划.txt.swp").write_bytes(b"junk")
    (plans / "说明.xlsx").write_bytes(b"not a plan")
    return plans


def test_a_folder_of_counties_mirrors_into_out_with_an_index(tmp_path: Path) -> None:
    plans = _counties(tmp_path)
    out = tmp_path / "out"
    result = check(plans, "--out", out, "--jobs", "2", "--no-timestamp", cwd=tmp_path)
    assert result.code == 0, result.stderr
    assert result.stderr == ""  # the lock file and the hidden file were skipped, not failed
    reviews = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.review.html"))
    assert reviews == ["东昌府区/规划.review.html", "武清区/规划.review.html", "汝州市/规划.review.html"]
    index = (out / "index.html").read_text(encoding="utf-8")
    for county in ("东昌府区", "汝州市", "武清区"):
        assert f'href="{county}/规划.review.html"' in index
    assert "孕产妇死亡率" in index and "Content-Security-Policy" in index and "<link" not in index
    assert "共检查 3 个文件" in result.stdout
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert [p["path"] for p in summary["plans"]].count(str(plans / "汝州市" / "规划.txt")) == 2
    ruzhou = next(p for p in summary["plans"] if "汝州市" in p["path"] and p["kind"] == "women")
    assert ruzhou["indicators"]["women.health.maternal-mortality"] == {"status": "equal", "actual": "≤12/10万"}
    raw = (out / "summary.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel and WPS read the Chinese right
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:6] == ["文件", "规划", "标题", "层级", "地区", "审核结论"] and "孕产妇死亡率" in rows[0]
    assert len(rows) == 1 + 6  # three files, two plans each


def test_index_marks_weaker_values_and_lists_failures_with_their_full_path(tmp_path: Path) -> None:
    plans = _counties(tmp_path)
    weaker = (FIXTURES / "ruzhou.txt").read_text(encoding="utf-8").replace("下降到 12 / 10 万", "下降到 15 / 10 万")
    (plans / "汝州市" / "规划.txt").write_text(weaker, encoding="utf-8")
    broken = plans / "某县" / "规划.docx"
    broken.parent.mkdir()
    broken.write_bytes(b"PK\x03\x04 broken")
    out = tmp_path / "out"
    result = check(plans, "--out", out, "--jobs", "1", cwd=tmp_path)
    assert result.code == 2  # a file could not be checked; the others were
    assert len(list(out.rglob("*.review.html"))) == 3
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"check: {broken}：")
    index = (out / "index.html").read_text(encoding="utf-8")
    assert str(broken) in index and "未能检查的文件" in index
    assert 'class="status-weaker" title="弱于上级">≤15/10万' in index
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["failed"][0]["path"] == str(broken)


def test_same_named_files_given_one_by_one_do_not_overwrite_each_other(tmp_path: Path) -> None:
    plans = _counties(tmp_path)
    out = tmp_path / "out"
    result = check(*sorted(plans.glob("*/规划.txt")), "--out", out, "--jobs", "1", cwd=tmp_path)
    assert result.code == 0, result.stderr
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.review.html")) == [
        "东昌府区/规划.review.html",
        "汝州市/规划.review.html",
    ]


def test_explicit_lock_file_fails_alone_and_the_batch_goes_on(tmp_path: Path) -> None:
    plans = _counties(tmp_path)
    lock = plans / "武清区" / "~$规划.docx"
    result = check(lock, plans / "东昌府区" / "规划.txt", "--format", "json", cwd=tmp_path)
    assert result.code == 2
    report = json.loads(result.stdout)
    assert [d["path"] for d in report["documents"]] == [str(plans / "东昌府区" / "规划.txt")]
    assert report["failed"][0]["path"] == str(lock) and "~$规划.docx" in report["failed"][0]["reason"]


def test_an_empty_folder_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = check(tmp_path / "empty", cwd=tmp_path)
    assert result.code == 2 and len(result.stderr.splitlines()) == 1 and "没有找到规划文件" in result.stderr


def test_no_timestamp_reviews_are_byte_for_byte_reproducible(tmp_path: Path) -> None:
    plans = _counties(tmp_path)
    pages = []
    for run in ("a", "b"):
        check(plans, "--out", tmp_path / run, "--no-timestamp", "--jobs", "1", cwd=tmp_path)
        pages.append([(p.relative_to(tmp_path / run), p.read_bytes()) for p in sorted((tmp_path / run).rglob("*.*"))])
    assert pages[0] == pages[1] and len(pages[0]) > 5
    assert "生成时间" not in (tmp_path / "a" / "东昌府区" / "规划.review.html").read_text(encoding="utf-8")


def test_workers_write_the_same_reviews_and_send_back_no_target_lists(tmp_path: Path) -> None:
    """Each worker renders the reviews of the files it checked; the command keeps only what the index needs."""
    from checker import batch
    from checker.models import CheckOptions
    from checker.output import Reviews
    from checker.pipeline import check_file, report_for
    from checker.reference import load_reference
    from checker.report.html import render_html
    from checker.rules import load_rules

    plans = _counties(tmp_path)
    inputs = batch.collect([str(plans)], bytes, tmp_path)
    names = dict(zip((i.shown for i in inputs), batch.output_names(inputs), strict=True))
    reviews = Reviews(tmp_path / "out", names, None)
    reference, rules = load_reference(), tuple(load_rules())
    checked, failed = batch.run(inputs, reference, rules, CheckOptions(), 2, False, reviews, whole=False)
    assert len(checked) == 3 and not failed and all(c.json is None for c in checked)
    for document in (c.report for c in checked):
        assert all(plan.targets == [] and plan.indicators for plan in document.plans)
        whole = check_file(Path(document.path), reference, rules)
        assert any(plan.targets for plan in whole.plans)
        page = render_html(report_for([whole], reference), 0, None, timestamp=False)
        assert reviews.path(document.path).read_text(encoding="utf-8") == page


def test_workers_write_the_json_report_the_command_would(tmp_path: Path) -> None:
    """Each worker writes its files' part of the JSON report and sends back the findings only: the report is
    the same text as one made from the whole reports, which the command no longer holds."""
    import json

    from checker import batch
    from checker.models import CheckOptions
    from checker.pipeline import report_for
    from checker.reference import load_reference
    from checker.report.json import json_pieces, render_json
    from checker.rules import load_rules

    inputs = batch.collect([str(_counties(tmp_path))], bytes, tmp_path)
    reference, rules = load_reference(), tuple(load_rules())
    streamed, _ = batch.run(inputs, reference, rules, CheckOptions(), 2, False, whole=False, as_json=True)
    whole, _ = batch.run(inputs, reference, rules, CheckOptions(), 1, False, whole=True)
    assert all(plan.targets == [] for c in streamed for plan in c.report.plans)
    parts = [c.json for c in streamed if c.json is not None]
    assert len(parts) == len(streamed) == 3
    text = "".join(json_pieces(report_for([c.report for c in streamed], reference), parts))
    assert text == render_json(report_for([c.report for c in whole], reference))
    assert all(plan["targets"] for d in json.loads(text)["documents"] for plan in d["plans"])


def test_an_output_error_in_a_worker_is_one_line_and_stops_the_batch(tmp_path: Path) -> None:
    plans = _counties(tmp_path)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    result = check(plans, "--out", blocker / "out", "--jobs", "2", cwd=tmp_path)
    assert result.code == 2, result.stderr
    assert len(result.stderr.splitlines()) == 1 and "无法写入" in result.stderr and "Traceback" not in result.stderr


def test_the_json_report_holds_the_reports_data_laid_out_as_json_dumps_would() -> None:
    """pydantic writes the report's JSON: it must hold exactly the model's data, with two-space indents and
    the characters themselves (not \\u escapes), as `json.dumps(..., ensure_ascii=False, indent=2)` does."""
    import json

    from checker.pipeline import check_file, report_for
    from checker.reference import load_reference
    from checker.report.json import render_json
    from checker.rules import load_rules

    reference = load_reference()
    document = check_file(FIXTURES / "wuqing.txt", reference, tuple(load_rules()))
    report = report_for([document], reference)
    text = render_json(report)
    assert text == json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def test_the_index_counts_the_indicators_stated_as_the_terminal_and_the_rule_do(tmp_path: Path) -> None:
    """上级指标有数值 in the index is the number the terminal summary and few-upper-targets give: a target
    stated only in words (逐步提高) names its indicator but states no number."""
    from test_rules import plan

    from checker.models import stated
    from checker.pipeline import check_file, report_for
    from checker.reference import load_reference
    from checker.report.index import render_index
    from checker.rules import load_rules

    path = tmp_path / "plan.txt"
    path.write_text(plan(["适龄妇女宫颈癌人群筛查率逐步提高。（牵头单位：区卫生健康局）"]), encoding="utf-8")
    reference = load_reference()
    document = check_file(path, reference, tuple(load_rules()))
    (women,) = document.plans
    named = sum(i.status != "missing" for i in women.indicators)
    numbers = stated(women.indicators)
    assert numbers < named  # the words-only target is named, not stated
    page = render_index(report_for([document], reference), {}, None)
    assert f'data-sort="{numbers}">{numbers}/{len(women.indicators)}</td>' in page


def test_the_index_tells_a_stage_warning_from_a_weaker_target(tmp_path: Path) -> None:
    """A 十四五 plan's 2025 value below the 2030 national value is only a warning: the index and the CSV say so
    (弱于上级（警告）), where a weaker 2030 value is 弱于上级."""
    from test_rules import plan

    from checker.pipeline import check_file, report_for
    from checker.reference import load_reference
    from checker.report.index import render_index, summary_csv
    from checker.rules import load_rules

    targets = [
        "艾滋病母婴传播率下降到3%以下。（牵头单位：区卫生健康局）",
        "到2030年，孕产妇死亡率控制在15/10万以下。（牵头单位：区卫生健康局）",
    ]
    path = tmp_path / "plan.txt"
    path.write_text(plan(targets, title="某某区妇女发展“十四五”规划"), encoding="utf-8")
    reference = load_reference()
    report = report_for([check_file(path, reference, tuple(load_rules()))], reference)
    (women,) = report.documents[0].plans
    severity = {f.indicator: f.severity for f in women.findings if f.rule == "weaker-target"}
    assert severity == {"women.health.hiv-mtct": "warning", "women.health.maternal-mortality": "error"}
    page = render_index(report, {}, None)
    assert 'class="status-weaker only-warning" title="弱于上级（警告）">≤3%' in page
    assert 'class="status-weaker" title="弱于上级">≤15/10万（2030年）' in page
    table = summary_csv(report, {})
    assert "≤3%（弱于上级（警告））" in table and "≤15/10万（2030年）（弱于上级）" in table
