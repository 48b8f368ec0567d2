"""Chinese numerals as numbers: 十五 → 15, 九成五 → 95 … (shared by the steps that read text)."""

from __future__ import annotations

CN_DIGIT = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def small_numeral(s: str) -> float | None:
    """一 … 九十九 (and 两), the numerals plans write in targets, without loading cn2an."""
    s = s.replace("两", "二")
    digits = [CN_DIGIT.get(c) for c in s]
    if not s or None in digits or len(s) > 3:
        return None
    if len(s) == 1:
        return float(digits[0])
    tens, _, ones = s.partition("十")
    if "十" not in s or "十" in ones or len(ones) > 1 or len(tens) > 1:  # 十四五, 一九十: not numerals
        return None
    return float((CN_DIGIT[tens] if tens else 1) * 10 + (CN_DIGIT[ones] if ones else 0))


def to_float(s: str) -> float | None:
    """A Chinese or Arabic numeral as float; None if it does not read as a number."""
    s = s.replace(",", "")
    try:
        return float(s)
    except ValueError:
        pass
    if s == "百":
        return 100.0
    if s == "千":
        return 1000.0
    if (small := small_numeral(s)) is not None:
        return small
    import cn2an  # only for numerals past 九十九: the import costs 0.2 s

    try:
        return float(cn2an.cn2an(s, "smart"))
    except Exception:  # cn2an raises plain ValueError/KeyError on odd input
        return None
