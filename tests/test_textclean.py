import unicodedata
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.text.chars import clean


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # spaces inside/around numbers and units (PDF/Word typesetting)
        ("12 / 10 万", "12/10万"),
        ("70% 以上", "70%以上"),
        ("3‰ 以下", "3‰以下"),
        ("2022 年 9 月", "2022年9月"),
        ("8.2/10 万", "8.2/10万"),
        ("35-64 岁", "35-64岁"),
        (
            "孕产妇死亡率控制在 8.2/10 万以下，城乡、区域差距逐步缩小。",
            "孕产妇死亡率控制在8.2/10万以下，城乡、区域差距逐步缩小。",
        ),
        (
            "新生儿、婴儿和 5 岁以下儿童死亡率分别控制在 3‰、3.3‰ 和 4‰ 以下",
            "新生儿、婴儿和5岁以下儿童死亡率分别控制在3‰、3.3‰和4‰以下",
        ),
        # half-width brackets become Chinese brackets; the space after them goes
        ("(一) 指导思想", "（一）指导思想"),
        ("(3) 建立完善妇女全生命周期的健康管理模式", "（3）建立完善妇女全生命周期的健康管理模式"),
        ("(牵头单位:区总工会)", "（牵头单位：区总工会）"),  # half-width : beside Chinese becomes ：
        ("目标:提高,达到 95 %;时间 12:30，共 1,000 人", "目标：提高，达到95%；时间12:30，共1,000人"),
        ("〖HT22.XBS〗〖JZ(〗汝州市妇女发展规划〖JZ)〗〖HJ5mm〗", "汝州市妇女发展规划"),
        # spaces between CJK characters
        ("东昌府区人民政府 关于印发", "东昌府区人民政府关于印发"),
        ("目 录", "目录"),
        ("通 知", "通知"),
        ("全区\u3000妇女", "全区妇女"),
        ("全区\u00a0妇女", "全区妇女"),
        # full-width ASCII → half-width; Chinese punctuation stays
        ("２０２５年达到９５％以上", "2025年达到95%以上"),
        ("２．孕产妇死亡率", "2.孕产妇死亡率"),
        ("ＡＢＣｘｙｚ", "ABCxyz"),
        ("＜12/10万", "<12/10万"),
        ("＞＝＋－／", ">=+-/"),
        ("《纲要》“规划”，。；：（）", "《纲要》“规划”，。；：（）"),
        # Latin words keep one space
        ("Section  2 of\tthe   text", "Section 2 of the text"),
        ("  padded  ", "padded"),
        # junk
        ("〖一、总则〗", "一、总则"),
        ("〖 一、总则 〗正文", "一、总则正文"),
        ("妇\u00ad女", "妇女"),
        ("妇\u200b女\u200d发展", "妇女发展"),
        ("\ufeff规划", "规划"),
        ("规\x07划\x1f", "规划"),
        ("a\u200bb", "ab"),
        # year ranges
        ("2021-2030年", "2021—2030年"),
        ("2021–2030年", "2021—2030年"),
        ("2021~2030年", "2021—2030年"),
        ("2021～2030年", "2021—2030年"),
        ("2021——2030年", "2021—2030年"),
        ("２０２１－２０３０年", "2021—2030年"),
        ("（2021 - 2030年）", "（2021—2030年）"),
        ("2021—2030年", "2021—2030年"),
        # … but only between two 4-digit years
        ("35-64岁", "35-64岁"),
        ("0-6岁", "0-6岁"),
        ("12021-2030", "12021-2030"),
        ("2021-20301", "2021-20301"),
        ("", ""),
    ],
)
def test_clean(raw, expected):
    cleaned, offsets = clean(raw)
    assert cleaned == expected
    assert len(offsets) == len(cleaned)


def test_offsets_point_back():
    raw = "孕产妇死亡率控制在 8.2/10 万以下"
    cleaned, offsets = clean(raw)
    assert cleaned == "孕产妇死亡率控制在8.2/10万以下"
    start = cleaned.index("8.2")
    end = cleaned.index("以下") + 2
    assert raw[offsets[start] : offsets[end - 1] + 1] == "8.2/10 万以下"
    assert [raw[i] for i in offsets] == [c for c in raw if not c.isspace()]


def test_offsets_of_kept_space_and_dash():
    cleaned, offsets = clean("a \u3000 b 2021——2030")
    assert cleaned == "a b 2021—2030"
    assert offsets == [0, 1, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 15]


def test_non_str_does_not_raise():
    assert clean(None) == ("", [])  # type: ignore[arg-type]
    assert clean(12)[0] == "12"  # type: ignore[arg-type]


# ---- properties ----

_CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
_MESSY = st.one_of(
    _CJK,
    st.sampled_from(list(" \t\n\u3000\u00a0\u200b\ufeff\u00ad〖〗（）()，。％%‰／/—–-~～０１９0123456789aZ.．")),
    st.characters(),
)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(), st.text(_MESSY)))
def test_clean_properties(text):
    cleaned, offsets = clean(text)
    assert len(offsets) == len(cleaned)
    assert all(a <= b for a, b in pairwise(offsets))
    assert all(0 <= i < len(text) for i in offsets)
    for ch, i in zip(cleaned, offsets, strict=True):
        if unicodedata.name(ch, "").startswith("CJK UNIFIED IDEOGRAPH"):
            assert text[i] == ch
    # nothing to strip is left
    assert cleaned == cleaned.strip()
    assert "  " not in cleaned
    assert not any(c in cleaned for c in "\u200b\ufeff\u00ad〖〗\t\n\u3000()％")
    # cleaning is idempotent
    assert clean(cleaned)[0] == cleaned


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_CJK, st.sampled_from(["", " ", "  ", "\u3000", " \u200b "])), max_size=30))
def test_spaces_between_cjk_go(pairs):
    raw = "".join(c + gap for c, gap in pairs)
    cleaned, offsets = clean(raw)
    assert cleaned == "".join(c for c, _ in pairs)
    assert [raw[i] for i in offsets] == list(cleaned)
