"""The Chinese words the reports use for kinds, severities, statuses and verdicts (one place for each).

Names of domains, sections and indicators are not here: they come from the reference data."""

from __future__ import annotations

KIND_NAMES = {"women": "妇女", "children": "儿童"}

SEVERITIES = ("error", "warning", "info")  # most severe first
SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}

STATUSES = ("stronger", "equal", "weaker", "unquantified", "missing", "uncertain")
STATUS_NAMES = {
    "stronger": "严于上级",
    "equal": "与上级一致",
    "weaker": "弱于上级",
    "unquantified": "未量化",
    "missing": "缺失",
    "uncertain": "待人工确认",
}
# the upper level's sentence, as quoted (True) or as written from its value (False)
WORDING_NAMES = {True: "上级表述", False: "按上级数值拟写的表述"}
CERTAINTY_NAMES = {"likely": "参照值较可靠，建议核对", "unsure": "参照值存疑，仅作提示"}

VERDICTS = ("pass", "pass-with-warnings", "fail", "incomplete")
VERDICT_NAMES = {
    "pass": "符合",
    "pass-with-warnings": "基本符合",
    "fail": "需修改",
    "incomplete": "无法完整审核",
}

# --compare: how a target or a finding moved between two versions of a plan
CHANGE_NAMES = {
    "weakened": "减弱",
    "strengthened": "加强",
    "added": "新增",
    "removed": "删除",
    "changed": "改动",
    "new": "新增意见",
    "fixed": "已解决",
}
