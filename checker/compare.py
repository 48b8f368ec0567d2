"""Evidence → a status per upper-level indicator: stronger, equal, weaker, unquantified, missing
or uncertain. "Weaker" follows the comparator: for <= a larger value is weaker, for >= a smaller
one. Stages compare like with like; a 2025 value of a “十四五” plan measured against a 2030-only
upper-level value is a stage on the way (noted, not an error)."""

from __future__ import annotations

from .match import Evidence
from .models import Evidence as Where
from .models import IndicatorResult, Quantity, Target
from .reference import Indicator, PlanReference

# Rates convert into one another; nothing else is compared across units.
_RATE = {"%": 1e-2, "‰": 1e-3, "1/10万": 1e-5}
_SYMBOL = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "", "about": "约"}


def compare(ref: PlanReference, best: dict[str, Evidence], plan_end: int | None) -> list[IndicatorResult]:
    return [_result(ind, best.get(ind.id), plan_end) for ind in ref.indicators()]


def fmt(comparator: str, value: float, unit: str, year: int | None = None) -> str:
    number = f"{value:g}"
    shown = f"{number}/10万" if unit == "1/10万" else f"{number}{unit}"
    if unit.startswith("% below"):
        shown = f"比{unit.rsplit(' ', 1)[-1]}年下降{number}%"
    stage = f"（{year}年）" if year else ""
    return f"{_SYMBOL.get(comparator, comparator)}{shown}{stage}"


def fmt_quantity(q: Quantity) -> str:
    text = fmt(q.comparator, q.value, q.unit, q.year)
    return text if q.value_max is None else f"{text}—{q.value_max:g}"


def expected_text(ind: Indicator) -> str:
    return fmt(ind.comparator, ind.value, ind.unit, ind.year)


def _result(ind: Indicator, ev: Evidence | None, plan_end: int | None) -> IndicatorResult:
    base = dict(
        indicator=ind.id,
        name=ind.name,
        domain=ind.domain,
        comparator=ind.comparator,
        expected=expected_text(ind),
        binding=ind.binding,
        certainty=ind.certainty,
        wording=ind.wording,
        source=ind.source or "",
    )
    if ev is None:
        return IndicatorResult(status="missing", **base)
    where = dict(target=ev.target.text, location=_evidence_location(ev.target))
    if ev.uncertain:
        return IndicatorResult(
            status="uncertain", note=f"与上级指标“{ind.name}”相近（相似度{ev.score:.0%}），请人工确认", **base, **where
        )
    if not ev.quantities:
        status = "unquantified" if ev.qualitative else "uncertain"
        note = "上级为量化指标，本规划只作定性表述" if ev.qualitative else "提到该指标，但未能读出数值，请人工确认"
        return IndicatorResult(status=status, note=note, **base, **where)
    status, q, note = _judge(ind, ev.quantities, plan_end)
    return IndicatorResult(status=status, actual=fmt_quantity(q) if q else None, note=note, **base, **where)


def _judge(ind: Indicator, quantities: list[Quantity], plan_end: int | None) -> tuple:
    """(status, the draft quantity judged, note)."""
    final = [q for q in quantities if q.year in (None, ind.year) or (q.year and q.year >= ind.year)]
    staged = [q for q in quantities if q.year and q.year < ind.year]
    comparable = [q for q in final if _convert(q, ind) is not None]
    early_plan = plan_end is not None and plan_end < ind.year
    if comparable and not early_plan:
        q = comparable[-1]
        return _status(ind, q, ind.value), q, None
    stage_q = next((q for q in [*staged, *comparable] if _convert(q, ind) is not None), None)
    if stage_q is None:
        return "uncertain", quantities[0], f"单位或比较方式与上级指标不同（上级：{expected_text(ind)}），未作比较"
    year = stage_q.year or plan_end
    if year in ind.stages:
        return _status(ind, stage_q, ind.stages[year]), stage_q, None
    status = _status(ind, stage_q, ind.value)
    if status == "weaker":
        return "weaker", stage_q, f"本规划为{year}年阶段目标，上级为{ind.year}年目标：阶段性差距，请确认能否如期达到"
    return status, stage_q, None


def _convert(q: Quantity, ind: Indicator) -> float | None:
    """The draft value in the indicator's unit, or None when the two can't be compared."""
    if q.unit == ind.unit:
        return q.value
    if q.unit in _RATE and ind.unit in _RATE:
        return q.value * _RATE[q.unit] / _RATE[ind.unit]
    return None


def _status(ind: Indicator, q: Quantity, reference_value: float) -> str:
    value = _convert(q, ind)
    assert value is not None
    lower_is_better = ind.comparator in ("<=", "<")
    opposite = (q.comparator in (">=", ">") and lower_is_better) or (
        q.comparator in ("<=", "<") and not lower_is_better and ind.comparator != "about"
    )
    if opposite:
        return "uncertain"  # the draft bounds the number from the other side: not comparable
    if abs(value - reference_value) < 1e-9:
        return "equal"
    better = value < reference_value if lower_is_better else value > reference_value
    return "stronger" if better else "weaker"


def is_stage_note(result: IndicatorResult) -> bool:
    return result.status == "weaker" and bool(result.note) and "阶段" in (result.note or "")


def _evidence_location(target: Target) -> Where:
    return Where(**target.location.model_dump(), excerpt=target.text, heading=" > ".join(target.heading_path))
