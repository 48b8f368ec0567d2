"""After the rules: weigh the findings against how well the plan was read, and give the verdict.

Absence needs evidence. A finding that something is missing (a section, a domain, an upper-level
target, or most of them) stands only when the rest of the plan was read well: its parts found, its
targets read, nothing unreadable in it. Otherwise it becomes 待人工确认 (certainty `uncertain`,
severity info, 未能确认 with the reason): a false “缺少” is worse than an honest “未能确认”.

Verdicts, per plan and per document: `incomplete` 无法完整审核 (something could not be read, or an
absence could not be confirmed), else `fail` 需修改 (errors), else `pass-with-warnings` 基本符合
(warnings, reading notes that inform only, or upper-level targets whose counterpart a person must
confirm), else `pass` 符合."""

from __future__ import annotations

from .labels import KIND_NAMES
from .models import DocumentReport, Finding, PlanReport, ReadingNote, Verdict

# Rules that report an absence; ids are stable (DESIGN.md), so they name the absence findings.
ABSENCE = frozenset({"missing-section", "missing-domain", "missing-target", "few-upper-targets"})
_MIN_PARTS = 0.5  # share of the required sections and domains found for the plan's structure to be trusted
_MIN_TARGETS = 5  # main targets read for the plan's targets to be trusted
_ORDER: tuple[Verdict, ...] = ("pass", "pass-with-warnings", "fail", "incomplete")


def settle(report: PlanReport, notes: list[ReadingNote]) -> PlanReport:
    """The plan's findings with doubtful absences made uncertain, its verdict and the reasons for it."""
    doubts = _doubts(report, notes)
    findings = [_weigh(f, report, doubts) for f in report.findings]
    unconfirmed = [f.uncertain_reason for f in findings if f.certainty == "uncertain" and f.uncertain_reason]
    reasons = list(dict.fromkeys([*doubts, *unconfirmed]))
    severities = {f.severity for f in findings}
    unsure = sum(r.status == "uncertain" for r in report.indicators)  # a person must look: not 符合
    if reasons:
        verdict: Verdict = "incomplete"
    elif "error" in severities:
        verdict = "fail"
        reasons = [f"{sum(f.severity == 'error' for f in findings)}条错误"]
    elif "warning" in severities or notes or unsure:
        verdict = "pass-with-warnings"
        warnings = sum(f.severity == "warning" for f in findings)
        reasons = [*([f"{warnings}条警告"] if warnings else []), *(n.message for n in notes)]
        reasons += [f"{unsure}项上级指标的对应目标待人工确认"] if unsure else []
    else:
        verdict = "pass"
    update = {"findings": findings, "verdict": verdict, "verdict_reasons": reasons, "reading": notes}
    return report.model_copy(update=update)


def settle_document(document: DocumentReport) -> DocumentReport:
    """The worst verdict of the document's plans and of its own reading notes."""
    verdicts = [p.verdict for p in document.plans]
    if any(n.incomplete for n in document.reading):
        verdicts.append("incomplete")
    elif document.reading:
        verdicts.append("pass-with-warnings")
    return document.model_copy(update={"verdict": max(verdicts, key=_ORDER.index, default="incomplete")})


def plan_doubts(document: DocumentReport) -> list[str]:
    """Why plans could not be reviewed completely, beyond the document's reading notes (only 3 targets
    read, a domain with none): an incomplete review says so before anything else."""
    return [
        f"{KIND_NAMES[plan.kind]}规划《{plan.title}》：{reason}"
        for plan in document.plans
        if plan.verdict == "incomplete"
        for reason in plan.verdict_reasons
        if not any(note.message in reason for note in document.reading)
    ]


def _doubts(report: PlanReport, notes: list[ReadingNote]) -> list[str]:
    """Why the reading of the whole plan is doubtful, for people; empty when it was read well."""
    doubts = [f"未能完整读取：{n.message}" for n in notes if n.incomplete]
    parts = [*report.sections, *report.domains]
    found = sum(p.found for p in parts)
    if found < _MIN_PARTS * len(parts):
        doubts.append(f"只识别出{found}/{len(parts)}个必备部分和发展领域，结构可能未被正确读取")
    main = len({(t.location, t.text) for t in report.targets if t.main})
    if main < _MIN_TARGETS:
        doubts.append(f"只读出{main}项主要目标，目标可能未被正确读取")
    return doubts


def _weigh(finding: Finding, report: PlanReport, doubts: list[str]) -> Finding:
    if finding.rule not in ABSENCE:
        return finding
    reason = doubts[0] if doubts else finding.uncertain_reason  # a doubt of the plan's reading, or the rule's own
    if reason is None and finding.rule == "missing-target":
        domain = next((d for d in report.domains if d.id == finding.domain), None)
        if domain is not None and domain.found and domain.targets == 0:
            reason = f"“{domain.name}”领域未读出任何主要目标"
    if reason is None:
        return finding
    return finding.model_copy(
        update={
            "certainty": "uncertain",
            "uncertain_reason": reason,
            "severity": "info",
            "message": f"未能确认：{finding.message}（{reason}），待人工确认",
        }
    )
