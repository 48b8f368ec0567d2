"""JUnit XML, for CI systems that show test results: a test suite per document, a test case per plan and
rule. Findings at or above the failing severity are failures; the rest are listed in the case's output."""

from __future__ import annotations

import re
from xml.etree import ElementTree as ET

from ..labels import KIND_NAMES
from ..models import SEVERITY_RANK, Report
from ..rules import Rule
from .text import described, position

_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("?", text)


def render_junit(report: Report, rules: tuple[Rule, ...], fail_on: str) -> str:
    floor = SEVERITY_RANK.get(fail_on, len(SEVERITY_RANK))  # "never": nothing fails
    suites = ET.Element("testsuites", name=report.tool.name)
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for doc in report.documents:
        suite = ET.SubElement(suites, "testsuite", name=_clean(doc.path))
        tests = failures = 0
        for plan in doc.plans:
            for rule in rules:
                tests += 1
                case = ET.SubElement(suite, "testcase", classname=_clean(f"{doc.path}.{plan.kind}"), name=rule.id)
                found = [f for f in plan.findings if f.rule == rule.id]
                failing = [f for f in found if SEVERITY_RANK[f.severity] >= floor]
                lines = [
                    f"{doc.path}:{':'.join(map(str, position(f.location)))}: {f.severity} {described(plan.kind, f)}"
                    for f in found
                ]
                if failing:
                    failures += 1
                    failure = ET.SubElement(
                        case,
                        "failure",
                        type=failing[0].severity,
                        message=_clean(f"{KIND_NAMES[plan.kind]}规划 {rule.id}：{len(failing)} 条"),
                    )
                    failure.text = _clean("\n".join(lines))
                elif lines:
                    ET.SubElement(case, "system-out").text = _clean("\n".join(lines))
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        totals["tests"] += tests
        totals["failures"] += failures
    if report.failed:
        suite = ET.SubElement(suites, "testsuite", name="未能检查的文件", tests=str(len(report.failed)))
        suite.set("failures", "0")
        suite.set("errors", str(len(report.failed)))
        for failure in report.failed:
            case = ET.SubElement(suite, "testcase", classname=_clean(failure.path), name="load")
            ET.SubElement(case, "error", message=_clean(failure.reason))
        totals["tests"] += len(report.failed)
        totals["errors"] += len(report.failed)
    for key, value in totals.items():
        suites.set(key, str(value))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
