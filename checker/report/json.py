"""The JSON report (DESIGN.md's schema; fields are only ever added): the whole run in one object."""

from __future__ import annotations

from collections.abc import Iterator

from ..models import DocumentReport, Report


# pydantic writes the JSON itself: the same text as `json.dumps(model_dump(mode="json"), indent=2)` but for
# how a number below 1e-4 is spelled (0.00001, not 1e-05), several times faster.
def render_json(report: Report) -> str:
    return report.model_dump_json(indent=2) + "\n"


def document_json(document: DocumentReport) -> str:
    """A document as it stands in the JSON report's list: two levels down (the report, the list)."""
    text = document.model_dump_json(indent=2)
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
