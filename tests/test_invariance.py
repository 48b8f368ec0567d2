"""The property: the same plan in any layout gives the same review. Every corpus plan, laid out
again by the seeded generator in tests/variants.py and tests/variants_office.py (a PDF copy, a web
copy, GB18030 and UTF-16 text, a saved web page, Word files of every make, swapped plans, indicator
tables as text lines) and printed in two columns by LibreOffice, must give the same plans,
sections, domains, indicator values and findings as its original text; so must two of them saved
as .doc, .rtf and .odt by LibreOffice. A few seeds run here; scripts/variants.py runs many and
prints the share."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from variants import (
    OFFICE_VARIANTS,
    TEXT_VARIANTS,
    WORD_VARIANTS,
    differences,
    make_office_variants,
    make_variant,
    paragraphs,
    review,
    two_column_docx,
)

FIXTURES = Path(__file__).parent / "fixtures"
PLANS = ("dongchangfu", "ruzhou", "wuqing")
IN_SUITE = TEXT_VARIANTS + WORD_VARIANTS
SEEDS = {name: (0, 1) if name in ("pdfcopy", "webcopy", "tabletext", "tabletext_paged") else (0,) for name in IN_SUITE}
OFFICE_PLANS = ("ruzhou", "wuqing")


@pytest.fixture(scope="module")
def originals() -> dict[str, dict]:
    return {plan: review(FIXTURES / f"{plan}.txt") for plan in PLANS}


@pytest.fixture(scope="module")
def two_column_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each corpus plan printed in two columns by LibreOffice (one soffice run for all three)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (soffice) is needed for this test"
    work = tmp_path_factory.mktemp("columns")
    sources = []
    for plan in PLANS:
        two_column_docx(paragraphs((FIXTURES / f"{plan}.txt").read_text(encoding="utf-8")), work / f"{plan}.docx")
        sources.append(str(work / f"{plan}.docx"))
    subprocess.run(
        [soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(work), *sources],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return {plan: work / f"{plan}.pdf" for plan in PLANS}


@pytest.mark.parametrize("plan", PLANS)
@pytest.mark.parametrize("variant", IN_SUITE)
def test_same_review_in_every_layout(plan: str, variant: str, originals: dict, tmp_path: Path) -> None:
    text = (FIXTURES / f"{plan}.txt").read_text(encoding="utf-8")
    for seed in SEEDS[variant]:
        path = make_variant(variant, text, seed, tmp_path)
        assert path.read_bytes() != (FIXTURES / f"{plan}.txt").read_bytes()
        assert differences(originals[plan], review(path)) == [], f"{variant} seed {seed}"


@pytest.fixture(scope="module")
def office_copies(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """Two corpus plans (a target table in each) saved by LibreOffice as .doc, .rtf and .odt, one run a format."""
    texts = [(FIXTURES / f"{plan}.txt").read_text(encoding="utf-8") for plan in OFFICE_PLANS]
    work = tmp_path_factory.mktemp("office")
    return {
        (plan, fmt): path
        for fmt in OFFICE_VARIANTS
        for plan, path in zip(OFFICE_PLANS, make_office_variants(fmt, texts, 0, work), strict=True)
    }


@pytest.mark.parametrize("plan", OFFICE_PLANS)
@pytest.mark.parametrize("fmt", OFFICE_VARIANTS)
def test_same_review_saved_by_libreoffice(plan: str, fmt: str, originals: dict, office_copies: dict) -> None:
    path = office_copies[(plan, fmt)]
    magic = {"doc": b"\xd0\xcf\x11\xe0", "rtf": b"{\\rtf", "odt": b"PK"}[fmt]
    assert path.suffix == f".{fmt}" and path.read_bytes().startswith(magic)  # LibreOffice's format, not a .docx
    assert differences(originals[plan], review(path)) == []


@pytest.mark.parametrize("plan", PLANS)
def test_same_review_printed_in_two_columns(plan: str, originals: dict, two_column_pdfs: dict[str, Path]) -> None:
    assert differences(originals[plan], review(two_column_pdfs[plan])) == []


def test_the_originals_are_read_in_full(originals: dict) -> None:
    """The property is only worth something if the original reviews hold what layouts could lose."""
    for plan, result in originals.items():
        assert {kind for kind, _ in result} == {"women", "children"}, plan
        for part in result.values():
            assert sum(found for _, found in part["domains"]) >= 6
            assert sum(status not in ("missing", "uncertain") for _, status, _ in part["indicators"]) >= 8
