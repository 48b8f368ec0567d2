"""Targets without a number: directions such as 逐步提高, 持续下降, 保持在合理水平."""

from __future__ import annotations

import re

from .quantities import parse_quantities

# Directions without a number ("乳腺癌人群筛查率逐步提高"). Longest first so find_qualitative
# reports the most specific phrase.
QUALITATIVE: tuple[str, ...] = tuple(
    sorted(
        {
            "逐步提高",
            "不断提高",
            "稳步提高",
            "明显提高",
            "持续提高",
            "进一步提高",
            "显著提高",
            "有所提高",
            "大幅提高",
            "全面提高",
            "巩固提高",
            "逐步提升",
            "不断提升",
            "稳步提升",
            "明显提升",
            "持续提升",
            "进一步提升",
            "显著提升",
            "全面提升",
            "明显降低",
            "持续降低",
            "逐步降低",
            "有效降低",
            "进一步降低",
            "显著降低",
            "持续下降",
            "逐步下降",
            "明显下降",
            "稳步下降",
            "显著下降",
            "有效控制",
            "得到控制",
            "逐步缩小",
            "明显缩小",
            "进一步缩小",
            "不断缩小",
            "差距缩小",
            "上升趋势减缓",
            "上升势头得到遏制",
            "逐步增加",
            "持续增加",
            "不断增加",
            "明显增加",
            "显著减少",
            "明显减少",
            "逐步减少",
            "不断增强",
            "明显增强",
            "显著增强",
            "进一步增强",
            "延长",
            "提高",
            "提升",
            "降低",
            "下降",
            "缩小",
            "减少",
            "增加",
            "增强",
            "扩大",
        },
        key=lambda s: (-len(s), s),
    )
)
_QUALITATIVE_RE = re.compile("|".join(map(re.escape, QUALITATIVE)))


def find_qualitative(text: str) -> str | None:
    """The first direction phrase in `text` (逐步提高, 明显降低 …), or None."""
    m = _QUALITATIVE_RE.search(text or "")
    return m.group() if m else None


def is_qualitative(text: str) -> bool:
    """True when `text` states a direction (逐步提高 …) and sets no numeric quantity."""
    if not text or find_qualitative(text) is None:
        return False
    return not parse_quantities(text)
