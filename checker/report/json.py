"""The JSON report (DESIGN.md's schema; fields are only ever added): the whole run in one object."""

from __future__ import annotations

import json
import textwrap

from ..models import DocumentReport, Report


def render_json(report: Report, documents: list[str] | None = None) -> str:
    """The report; its documents given as `document_json` wrote them, when a batch's workers did (so that
    the command never holds every whole report), else from `report`. The same text either way."""
    if not documents:
        return json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
    rest = json.dumps(report.model_copy(update={"documents": []}).model_dump(mode="json"), ensure_ascii=False, indent=2)
    items = ",\n".join(textwrap.indent(d, "    ") for d in documents)  # two levels down: report, list
    return rest.replace('"documents": []', f'"documents": [\n{items}\n  ]', 1) + "\n"


def document_json(document: DocumentReport) -> str:
    return json.dumps(document.model_dump(mode="json"), ensure_ascii=False, indent=2)
