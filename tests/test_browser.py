"""The HTML review page in a real browser: Debian's chromium, driven by Playwright's sync API.

The page must load from disk without errors or requests, its filters and sorting must work, the
hostile sample must not run any script, and it must print. A screenshot of the sample is kept in
the test's tmp dir and copied to /tmp/review_screenshot.png for people to look at.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page, Request, sync_playwright
from report_sample import SCRIPT, hostile_report, sample_report

from checker.labels import STATUSES
from checker.models import Report
from checker.report.html import render_html

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOT_COPY = Path("/tmp/review_screenshot.png")
GENERATED = datetime(2025, 11, 23, 14, 5)


@dataclass
class Opened:
    page: Page
    url: str
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert not self.errors, f"console or page errors: {self.errors}"
        assert not self.dialogs, f"dialogs fired: {self.dialogs}"
        assert self.requests == [self.url], f"the page made requests: {self.requests}"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: these tests need Debian's chromium (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def open_report(browser: Browser, tmp_path: Path) -> Iterator:
    contexts = []

    def open_(report: Report, name: str = "review.html") -> Opened:
        path = tmp_path / name
        path.write_text(render_html(report, generated=GENERATED), encoding="utf-8")
        context = browser.new_context(viewport={"width": 1200, "height": 900}, device_scale_factor=1)
        contexts.append(context)
        page = context.new_page()
        opened = Opened(page, path.as_uri())

        def on_console(message: ConsoleMessage) -> None:
            if message.type == "error":
                opened.errors.append(message.text)

        def on_dialog(dialog: Dialog) -> None:
            opened.dialogs.append(f"{dialog.type}: {dialog.message}")
            dialog.dismiss()

        def on_request(request: Request) -> None:
            opened.requests.append(request.url)

        page.on("console", on_console)
        page.on("pageerror", lambda error: opened.errors.append(str(error)))
        page.on("dialog", on_dialog)
        page.on("request", on_request)
        page.goto(opened.url, wait_until="load")
        return opened

    yield open_
    for context in contexts:
        context.close()


STATUSES_IN_ORDER = """(plan, visibleOnly) => Array.from(plan.querySelectorAll("tr.target-row"))
    .filter(row => !visibleOnly || !row.hidden)
    .map(row => row.dataset.status)"""


def statuses(page: Page, plan: int = 0, visible_only: bool = False) -> list[str]:
    """The data-status of the plan's table rows in their current order."""
    section = page.locator(".plan").nth(plan)
    return section.evaluate(STATUSES_IN_ORDER, visible_only)


def indicator_names(page: Page, plan: int = 0) -> list[str]:
    return page.locator(".plan").nth(plan).locator("tr.target-row td:nth-child(2)").all_inner_texts()


def test_page_loads_cleanly(open_report, tmp_path: Path) -> None:
    report = sample_report()
    opened = open_report(report)
    page = opened.page
    cards = page.locator("article.finding")
    assert cards.count() == sum(len(p.findings) for p in report.documents[0].plans)
    for index in range(cards.count()):
        assert cards.nth(index).is_visible()
    assert page.locator(".plan .verdict-box .verdict").all_inner_texts() == ["需修改", "符合"]
    assert page.locator(".filters").first.is_visible(), "the script ran and showed the filters"
    assert page.locator("button.copy").first.is_visible()
    assert page.locator(".plan svg").first.is_visible()
    assert page.evaluate("document.fonts.check('16px \"Noto Serif CJK SC\"')")

    shot = tmp_path / "review.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    shutil.copyfile(shot, SCREENSHOT_COPY)
    opened.assert_clean()


def test_status_and_domain_filters(open_report) -> None:
    report = sample_report()
    women = report.documents[0].plans[0]
    opened = open_report(report)
    page = opened.page
    plan = page.locator(".plan").first
    rows = plan.locator("tr.target-row")

    plan.locator("select.filter-status").select_option("missing")
    missing = [i for i in women.indicators if i.status == "missing"]
    assert statuses(page, visible_only=True) == ["missing"] * len(missing)
    visible = [rows.nth(i).is_visible() for i in range(rows.count())]
    assert visible == [i.status == "missing" for i in women.indicators]
    assert plan.locator(".filter-count").inner_text() == f"显示 {len(missing)} / {len(women.indicators)} 项"
    assert not plan.locator("tr.no-match").is_visible()

    plan.locator("select.filter-domain").select_option("decision")
    assert statuses(page, visible_only=True) == ["missing"]
    plan.locator("select.filter-domain").select_option("health")
    assert statuses(page, visible_only=True) == []
    assert plan.locator("tr.no-match").is_visible()

    plan.locator("select.filter-status").select_option("")
    plan.locator("select.filter-domain").select_option("")
    plan.locator("input.filter-text").fill("宫颈癌")
    names = plan.locator("tr.target-row:visible td:nth-child(2)").all_inner_texts()
    assert [n.removesuffix("预期性") for n in names] == ["适龄妇女宫颈癌人群筛查率"]
    plan.locator("input.filter-text").fill("")
    assert len(statuses(page, visible_only=True)) == len(women.indicators)

    children = page.locator(".plan").nth(1)
    assert children.locator("tr.target-row:visible").count() == len(report.documents[0].plans[1].indicators)
    opened.assert_clean()


def test_sorting_by_header(open_report) -> None:
    report = sample_report()
    opened = open_report(report)
    page = opened.page
    plan = page.locator(".plan").first
    original = statuses(page)
    assert original == [i.status for i in report.documents[0].plans[0].indicators]

    status_header = plan.locator("th", has=page.locator("button.sort", has_text="状态"))
    status_header.locator("button").click()
    ascending = statuses(page)
    assert ascending != original
    assert ascending == sorted(original, key=STATUSES.index)
    assert status_header.get_attribute("aria-sort") == "ascending"

    status_header.locator("button").click()
    assert statuses(page) == sorted(original, key=STATUSES.index, reverse=True)
    assert status_header.get_attribute("aria-sort") == "descending"

    names_before = indicator_names(page)
    plan.locator("button.sort", has_text="指标").click()
    names_after = indicator_names(page)
    assert names_after != names_before and sorted(names_after) == sorted(names_before)
    assert status_header.get_attribute("aria-sort") == "none"

    plan.locator("select.filter-status").select_option("equal")
    assert set(statuses(page, visible_only=True)) == {"equal"}, "filters still apply after sorting"
    opened.assert_clean()


def test_hostile_text_does_not_run(open_report) -> None:
    opened = open_report(hostile_report(), "hostile.html")
    page = opened.page
    page.wait_for_timeout(300)
    assert page.locator("script").count() == 1
    assert page.locator("img").count() == 0
    assert page.locator(".plan h2").first.inner_text().startswith(SCRIPT)
    assert page.locator("[onerror]").count() == 0
    plan = page.locator(".plan").first
    plan.locator("select.filter-domain").select_option('" onerror="alert(2)')
    assert plan.locator("tr.target-row:visible").count() == 1
    opened.assert_clean()


def test_copy_button_fails_silently(open_report) -> None:
    opened = open_report(sample_report())
    page = opened.page
    button = page.locator("button.copy").first
    text = button.locator("xpath=..").locator(".suggest-text").inner_text()
    button.click()
    page.wait_for_timeout(200)
    copied = button.inner_text() == "已复制"
    selected = page.evaluate("window.getSelection().toString()").strip() == text.strip()
    assert copied or selected, "either the clipboard took the text or the text is selected for Ctrl+C"
    opened.assert_clean()


def test_print_layout(open_report, tmp_path: Path) -> None:
    opened = open_report(sample_report())
    page = opened.page
    plan = page.locator(".plan").first
    plan.locator("select.filter-status").select_option("missing")
    page.emulate_media(media="print")
    assert not page.locator(".filters").first.is_visible()
    assert not page.locator("button.copy").first.is_visible()
    assert plan.locator("tr.target-row:visible").count() == plan.locator("tr.target-row").count(), (
        "print shows the whole table, whatever was filtered on screen"
    )
    breaks = page.locator(".plan").evaluate_all("plans => plans.map(p => getComputedStyle(p).breakBefore)")
    assert breaks == ["auto", "page"], "each plan after the first starts a new page"
    inside = page.locator("article.finding").first.evaluate("card => getComputedStyle(card).breakInside")
    assert inside == "avoid"
    pdf = tmp_path / "review.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True, prefer_css_page_size=True)
    assert pdf.read_bytes().startswith(b"%PDF")
    opened.assert_clean()
