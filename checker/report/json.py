"""The JSON report (DESIGN.md's schema; fields are only ever added): the whole run in one object."""

from __future__ import annotations

import json
from collections.abc import Iterator

from ..models import DocumentReport, Report


def render_json(report: Report) -> str:
    return json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def document_json(document: DocumentReport) -> str:
    """A document as it stands in the JSON report's list: two levels down (the report, the list)."""
    text = json.dumps(document.model_dump(mode="json"), ensure_ascii=False, indent=2)
    return "    " + text.replace("\n", "\n    ")


def json_pieces(report: Report, documents: list[str]) -> Iterator[str]:
    """The same text as `render_json`, in pieces, its documents given as `document_json` wrote them (the
    batch workers do, so that the command need not hold every whole report, nor the report in one piece)."""
    rest = render_json(report.model_copy(update={"documents": []}))
    before, after = rest.split('"documents": []', 1)
    yield before + '"documents": [\n'
    for i, document in enumerate(documents):
        yield document if i == len(documents) - 1 else document + ",\n"
    yield "\n  ]" + after
