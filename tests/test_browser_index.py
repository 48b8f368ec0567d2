"""The batch index (OUT/index.html) in a real browser, as a reviewing office opens it: Debian's chromium
driven by Playwright. Its tables are checked against summary.json of the same run; a screenshot is kept
in /tmp/index_screenshot.png for people to look at."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from offices import FIXTURES, check
from playwright.sync_api import Browser, Page, sync_playwright
from test_browser import CHROMIUM, CHROMIUM_ARGS

from checker.labels import STATUS_NAMES

SCREENSHOT_COPY = Path("/tmp/index_screenshot.png")
WEAKER = "下降到 15 / 10 万"  # ruzhou.txt's maternal mortality target (12/10万) made weaker than the national one


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Four counties' plans (one of a township, one revised to a weaker target) and a broken file, checked
    into OUT as an office would; OUT is returned."""
    root = tmp_path_factory.mktemp("office")
    plans = root / "plans"
    for folder, source in (
        ("聊城市/东昌府区", "dongchangfu.txt"),
        ("平顶山市/汝州市", "ruzhou.txt"),
        ("天津市/武清区", "wuqing.docx"),
        ("某市/石桥镇", "crafted/township_zhen.txt"),
    ):
        (plans / folder).mkdir(parents=True)
        shutil.copy(FIXTURES / source, plans / folder / f"规划{Path(source).suffix}")
    revised = (FIXTURES / "ruzhou.txt").read_text(encoding="utf-8").replace("下降到 12 / 10 万", WEAKER)
    (plans / "平顶山市/汝州市/规划（修改稿）.txt").write_text(revised, encoding="utf-8")
    (plans / "某市/某县").mkdir(parents=True)
    (plans / "某市/某县/规划.docx").write_bytes(b"PK\x03\x04 broken")
    out = root / "out"
    result = check(plans, "--out", out, "--jobs", "1", cwd=root)
    assert result.code == 2 and (out / "index.html").is_file(), result.stderr  # 2: the broken file
    return out


@pytest.fixture(scope="module")
def summary(batch: Path) -> dict:
    return json.loads((batch / "summary.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: these tests need Debian's chromium (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Opened:
    def __init__(self, page: Page, url: str) -> None:
        self.page, self.url = page, url
        self.errors: list[str] = []
        self.requests: list[str] = []

    def assert_clean(self) -> None:
        assert not self.errors, f"console or page errors: {self.errors}"
        assert self.requests == [self.url], f"the page made requests: {self.requests}"


@pytest.fixture
def index(browser: Browser, batch: Path) -> Iterator[Opened]:
    context = browser.new_context(viewport={"width": 1400, "height": 900}, device_scale_factor=1)
    page = context.new_page()
    opened = Opened(page, (batch / "index.html").as_uri())
    page.on("console", lambda m: opened.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: opened.errors.append(str(e)))
    page.on("request", lambda r: opened.requests.append(r.url))
    page.goto(opened.url, wait_until="load")
    yield opened
    context.close()


def visible_rows(page: Page, table: str) -> list[str]:
    """The plans (file and title) of a table's visible rows, in their order on the page."""
    return page.locator(f"{table} tbody tr.plan-row:visible th").all_inner_texts()


def test_loads_cleanly_with_its_own_assets_only(index: Opened, tmp_path: Path, summary: dict) -> None:
    page = index.page
    plans = len(summary["plans"])
    assert page.locator(".filter-count").inner_text() == f"显示 {plans} / {plans} 个规划"
    assert page.eval_on_selector("h1", "h => getComputedStyle(h).color") == "rgb(168, 35, 28)", "the stylesheet applies"
    assert "某市/某县/规划.docx" in page.locator(".failed").inner_text()
    shot = tmp_path / "index.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 20_000
    shutil.copyfile(shot, SCREENSHOT_COPY)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 1400, "wide tables scroll inside their box, the page itself does not"
    index.assert_clean()


def test_csp_refuses_any_other_script(index: Opened) -> None:
    page = index.page
    ran = page.evaluate(
        """() => { const s = document.createElement("script"); s.textContent = "window.injected = 1";
        document.body.appendChild(s); return window.injected === 1; }"""
    )
    assert not ran
    assert any("Content Security Policy" in e for e in index.errors)


def test_sorting_by_a_column(index: Opened, summary: dict) -> None:
    page = index.page
    verdicts = ["pass", "pass-with-warnings", "fail", "incomplete"]
    header = page.locator("table.overview th", has_text="审核结论")
    header.click()
    order = page.locator("table.overview tr.plan-row").evaluate_all("rows => rows.map(r => r.dataset.verdict)")
    assert order == sorted((p["verdict"] for p in summary["plans"]), key=verdicts.index)
    assert header.get_attribute("aria-sort") == "ascending"
    header.click()
    order = page.locator("table.overview tr.plan-row").evaluate_all("rows => rows.map(r => r.dataset.verdict)")
    assert order == sorted((p["verdict"] for p in summary["plans"]), key=verdicts.index, reverse=True)

    women = page.locator("section.kind-women table.indicators")
    women.locator("th", has_text="孕产妇死亡率").click()
    column = women.locator("thead th").all_inner_texts().index("孕产妇死亡率")
    values = women.locator(f"tbody tr td:nth-child({column + 1})").evaluate_all(
        "cells => cells.map(c => c.dataset.sort)"
    )
    numbers = [float(v) for v in values if v]
    assert numbers == sorted(numbers) and len(numbers) >= 3
    assert values == [v for v in values if v] + [v for v in values if not v], "plans without a value last"
    index.assert_clean()


def test_filter_by_level_and_by_verdict(index: Opened, summary: dict) -> None:
    page = index.page
    tables = ["table.overview", "section.kind-children table.matrix", "section.kind-children table.indicators"]
    township = [p for p in summary["plans"] if p["level"] == "乡镇"]
    assert township, "the township plan's level is read from its title"
    page.locator("select.filter-level").select_option("乡镇")
    for table in tables:
        shown = visible_rows(page, table)
        assert len(shown) == len(township) and all("某市/石桥镇/规划.txt" in s for s in shown), table
    assert page.locator("section.kind-women tr.plan-row:visible").count() == 0
    assert page.locator(".filter-count").inner_text() == f"显示 {len(township)} / {len(summary['plans'])} 个规划"

    page.locator("select.filter-level").select_option("")
    page.locator("select.filter-verdict").select_option("fail")
    failing = [p for p in summary["plans"] if p["verdict"] == "fail"]
    assert [p["path"] for p in failing] == [str(Path(failing[0]["path"]).parent / "规划（修改稿）.txt")]
    shown = visible_rows(page, "table.overview")
    assert len(shown) == 1 and shown[0].startswith("平顶山市/汝州市/规划（修改稿）.txt")
    assert visible_rows(page, "section.kind-women table.indicators") == shown

    page.locator("select.filter-level").select_option("乡镇")  # both at once: no plan is both
    assert page.locator("tr.plan-row:visible").count() == 0
    page.locator("select.filter-level").select_option("")
    page.locator("select.filter-verdict").select_option("")
    assert page.locator("table.overview tr.plan-row:visible").count() == len(summary["plans"])
    index.assert_clean()


def test_matrix_and_indicators_show_each_plans_own_values(index: Opened, summary: dict) -> None:
    page = index.page
    for kind in ("women", "children"):
        plans = [p for p in summary["plans"] if p["kind"] == kind]
        section = page.locator(f"section.kind-{kind}")
        matrix = section.locator("table.matrix tbody tr")
        indicators = section.locator("table.indicators tbody tr")
        assert matrix.count() == indicators.count() == len(plans)
        for row, plan in enumerate(plans):
            for table in (matrix, indicators):
                assert table.nth(row).locator("th").get_attribute("title") == plan["path"]
                assert plan["title"] in table.nth(row).locator("th").inner_text()
            marks = matrix.nth(row).locator("td.mark").evaluate_all("cells => cells.map(c => c.dataset.sort)")
            found = [*plan["sections"].values(), *plan["domains"].values()]
            assert marks == ["1" if f else "0" for f in found]
            cells = indicators.nth(row).locator("td:not(:nth-child(2)):not(:nth-child(3))")
            shown = cells.evaluate_all("cells => cells.map(c => [c.classList[0], c.firstChild.textContent])")
            expected = [
                [f"status-{v['status']}", v["actual"] or STATUS_NAMES[v["status"]]] for v in plan["indicators"].values()
            ]
            assert shown == expected, plan["path"]
    revised = page.locator("section.kind-women table.indicators tr", has_text="规划（修改稿）.txt")
    weaker = revised.locator("td.status-weaker")
    assert weaker.count() == 1 and weaker.inner_text().replace("\n", "") == "≤15/10万（弱于上级）"
    index.assert_clean()


def test_print_shows_every_plan_on_landscape_a4(index: Opened, batch: Path, summary: dict) -> None:
    page = index.page
    page.locator("select.filter-verdict").select_option("fail")
    page.set_viewport_size({"width": 1030, "height": 730})  # A4 landscape within 12 mm margins, in CSS pixels
    page.emulate_media(media="print")
    assert not page.locator(".filters").is_visible()
    assert page.locator("table.overview tr.plan-row:visible").count() == len(summary["plans"]), (
        "paper shows every plan, whatever was filtered on screen"
    )
    right = page.evaluate("document.querySelector('.page').getBoundingClientRect().right")
    widest = page.locator("table").evaluate_all("ts => Math.max(...ts.map(t => t.getBoundingClientRect().right))")
    assert widest <= right + 1, "every table fits the width of the paper"
    pdf = batch.parent / "index.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    width, height = document[0].get_size()
    assert width > height and abs(width - 842) < 2, "A4 landscape, as the stylesheet asks"
    document.close()
    index.assert_clean()
