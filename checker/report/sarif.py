"""SARIF 2.1.0 (the OASIS standard code-scanning services read), validated in the tests against the
official schema. `partialFingerprints` hash the findings' meaning keys, so they survive edits elsewhere."""

from __future__ import annotations

import hashlib
import json
from pathlib import PurePath
from urllib.parse import quote

from ..models import Report
from ..rules import Rule
from .text import described, position

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
INFORMATION_URI = "https://pypi.org/project/plancheck/"


def _uri(path: str) -> str:
    return quote(PurePath(path).as_posix().replace("\\", "/"), safe="/:")


def _fingerprint(kind: str, key: str) -> str:
    return hashlib.sha256(f"{kind}:{key}".encode()).hexdigest()[:32]


def render_sarif(report: Report, rules: tuple[Rule, ...]) -> str:
    index = {rule.id: i for i, rule in enumerate(rules)}
    results = []
    for doc in report.documents:
        for plan in doc.plans:
            for f in plan.findings:
                line, col = position(f.location)
                result = {
                    "ruleId": f.rule,
                    "level": LEVELS[f.severity],
                    "message": {"text": described(plan.kind, f)},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": {"uri": _uri(doc.path)},
                                "region": {"startLine": line, "startColumn": col},
                            }
                        }
                    ],
                    "partialFingerprints": {"plancheckKey/v1": _fingerprint(plan.kind, f.key or f.message)},
                    "properties": {
                        k: v
                        for k, v in {
                            "kind": plan.kind,
                            "domain": f.domain,
                            "section": f.section,
                            "indicator": f.indicator,
                            "expected": f.expected,
                            "actual": f.actual,
                            "suggestion": f.suggestion,
                        }.items()
                        if v is not None
                    },
                }
                if f.rule in index:
                    result["ruleIndex"] = index[f.rule]
                results.append(result)
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": report.tool.name,
                        "version": report.tool.version,
                        "informationUri": INFORMATION_URI,
                        "rules": [
                            {
                                "id": rule.id,
                                "name": rule.id,
                                "shortDescription": {"text": rule.title or rule.id},
                                "fullDescription": {"text": rule.description or rule.title or rule.id},
                                "defaultConfiguration": {"level": LEVELS[rule.severity]},
                            }
                            for rule in rules
                        ],
                    }
                },
                "invocations": [
                    {
                        "executionSuccessful": not report.failed,
                        "toolExecutionNotifications": [
                            {
                                "level": "error",
                                "message": {"text": failure.reason},
                                "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(failure.path)}}}],
                            }
                            for failure in report.failed
                        ],
                    }
                ],
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
