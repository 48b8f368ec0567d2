"""The JSON report (DESIGN.md's schema; fields are only ever added): the whole run in one object."""

from __future__ import annotations

import json

from ..models import Report


def render_json(report: Report) -> str:
    return json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
