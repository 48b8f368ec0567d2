from pathlib import Path

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from checker.extract.qualitative import QUALITATIVE, find_qualitative, is_qualitative
from checker.extract.quantities import parse_quantities
from checker.text.chars import clean

FIXTURES = Path(__file__).parent / "fixtures"
_PLANS = {name: (FIXTURES / f"{name}.txt").read_text(encoding="utf-8") for name in ("dongchangfu", "ruzhou", "wuqing")}


def _triples(text):
    return [(q.comparator, q.value, q.unit) for q in parse_quantities(text)]


# ---------------------------------------------------------------- real sentences from the corpus
# (plan, sentence copied from tests/fixtures/<plan>.txt, expected (comparator, value, unit) …)

REAL = [
    # ---- 东昌府区 (Shandong), spaces around numbers as the PDF→txt conversion left them
    (
        "dongchangfu",
        "（2）孕产妇死亡率控制在 8.2/10 万以下，城乡、区域差距逐步缩小。（牵头单位：区卫生健康局）",
        [("<=", 8.2, "1/10万")],
    ),
    (
        "dongchangfu",
        "（3）妇女常见病筛查率达到 85%以上。妇女宫颈癌和乳腺癌防治意识明显提高。35-64 岁农村适龄妇女宫颈癌、"
        "乳腺癌人群检查率分别达到 80%以上。",
        [(">=", 85, "%"), (">=", 80, "%")],
    ),
    ("dongchangfu", "（4）减少艾滋病、梅毒和乙肝母婴传播，艾滋病母婴传播下降到 3%以下。", [("<=", 3, "%")]),
    ("dongchangfu", "（4）女童平等接受学前教育，学前3年毛入园率达到95%以上。", [(">=", 95, "%")]),
    ("dongchangfu", "（5）女童平等接受义务教育，九年义务教育巩固率保持在98%以上。", [(">=", 98, "%")]),
    (
        "dongchangfu",
        "(2) 消除就业性别歧视。促进女大学生充分就业。就业人员中的女性比例保持在 45% 左右。",
        [("about", 45, "%")],
    ),
    (
        "dongchangfu",
        "(4) 党政工作部门，应保证一半以上的领导班子配备女干部，其中担任正职的一般不少于3人。"
        "乡镇党政领导班子中要至少配备1名女干部，乡镇党政正职中要有适当数量女干部。",
        [(">=", 50, "%"), (">=", 3, "人"), (">=", 1, "名")],
    ),
    (
        "dongchangfu",
        "(7) 村党组织成员、村党组织书记中女性比例逐步提高。"
        "村委会成员中女性比例达到 30%以上，村委会主任中女性比例达到 10%。",
        [(">=", 30, "%"), (">=", 10, "%")],
    ),
    (
        "dongchangfu",
        "(7) 农村自来水普及率稳定在95%以上，城区集中式饮用水水源水质达到或优于III类标准的比例总体为95%，"
        "降低水污染对妇女健康的危害。",
        [(">=", 95, "%"), ("=", 95, "%")],
    ),
    (
        "dongchangfu",
        "(3) 新生儿、婴儿和 5 岁以下儿童死亡率分别控制在 3‰、3.3‰ 和 4‰ 以下，城乡和地区差距逐步缩小。",
        [("<=", 3, "‰"), ("<=", 3.3, "‰"), ("<=", 4, "‰")],
    ),
    (
        "dongchangfu",
        "(7) 5 岁以下儿童贫血率和生长迟缓率分别控制在 4% 和 1.8% 以下，儿童超重、肥胖上升趋势得到有效控制。",
        [("<=", 4, "%"), ("<=", 1.8, "%")],
    ),
    (
        "dongchangfu",
        "(8) 儿童新发近视率明显下降，儿童总体近视率平均每年降低 1 个百分点以上。"
        "0-6 岁儿童眼保健和视力检查覆盖率达到 98% 以上。",
        [(">=", 1, "个百分点"), (">=", 98, "%")],
    ),
    ("dongchangfu", "(9) 12 岁儿童龋齿患病率控制在 30% 以内。", [("<=", 30, "%")]),
    (
        "dongchangfu",
        "(10) 增强儿童体质，中小学生《国家学生体质健康标准》达标优良率达到 52%以上。",
        [(">=", 52, "%")],
    ),
    (
        "dongchangfu",
        "(1) 减少儿童伤害所致死亡和残疾。儿童意外伤害死亡率以 2020 年为基数下降 20%。",
        [(">=", 20, "% below 2020")],
    ),
    (
        "dongchangfu",
        "（3）适龄儿童依法接受公平优质的义务教育，城乡义务教育均衡发展。九年义务教育巩固率保持在98%。",
        [("=", 98, "%")],
    ),
    (
        "dongchangfu",
        "(4) 全区婴幼儿照护服务政策、供给和监督管理体系基本健全，普惠托育服务机构和托位数量持续增加，"
        "每千人口3岁以下婴幼儿托位数达到4.5个，家庭婴幼儿照护服务规范开展。",
        [(">=", 4.5, "个/千人")],
    ),
    (
        "dongchangfu",
        "90%的城区社区和80%的农村社区（村）建立家长学校或家庭教育指导服务站点。",
        [(">=", 90, "%"), (">=", 80, "%")],
    ),
    (
        "dongchangfu",
        "中小学每学期至少组织1次家庭教育指导和1次家庭教育实践活动，幼儿园每学期至少组织1次家庭教育指导和2次亲子活动。",
        [(">=", 1, "次"), (">=", 1, "次"), (">=", 1, "次"), (">=", 2, "次")],
    ),
    (
        "dongchangfu",
        "强化爱婴医院管理，0-6 个月婴儿纯母乳喂养率达到 50% 以上，普及 6 月龄以上儿童合理添加辅食的知识技能。",
        [(">=", 50, "%")],
    ),
    ("dongchangfu", "确诊宫颈癌的患病妇女得到治疗的比例超过 90%。", [(">", 90, "%")]),
    # no figures: document number, date, titles with years, ordinals, durations, names
    ("dongchangfu", "东昌政发〔2022〕7号", []),
    ("dongchangfu", "2022年9月30日", []),
    (
        "dongchangfu",
        "《中国妇女发展纲要（2021—2030年）》《山东省国民经济和社会发展第十四个五年规划和2035年远景目标纲要》",
        [],
    ),
    ("dongchangfu", "第二个百年奋斗目标进军的第一个五年，是我区加快新时代现代化强区建设的关键时期。", []),
    (
        "dongchangfu",
        "我区已制定实施了四个周期的妇女发展规划，为妇女依法平等行使民主权利、平等参与经济社会发展、平等享有改革发展成果"
        "提供了重要制度保障。",
        [],
    ),
    ("dongchangfu", "区级规划颁布后1个月内报送上级妇女儿童工作委员会办公室。", []),
    ("dongchangfu", "关注儿童生命早期 1000 天营养，开展孕前、孕产期营养与膳食评价指导。", []),
    ("dongchangfu", "（7）倡导和支持男女共担家务，缩小两性家务劳动时间差距。", []),
    # ---- 汝州市 (Henan)
    ("ruzhou", "2. 孕产妇死亡率下降到 12 / 10 万，城乡差距缩小。", [("<=", 12, "1/10万")]),
    (
        "ruzhou",
        "3.新生儿、婴儿和5岁以下儿童死亡分别降至3.0‰、5.0‰和6.0‰以下；城乡差距逐步缩小。",
        [("<=", 3, "‰"), ("<=", 5, "‰"), ("<=", 6, "‰")],
    ),
    # "8." is the numbering, "5岁以下儿童" the indicator; no suffix, so 控制在 gives <=
    (
        "ruzhou",
        "8.5岁以下儿童贫血率和生长迟缓率分别控制在10%和5%，儿童超重、肥胖上升势得到有效控制。",
        [("<=", 10, "%"), ("<=", 5, "%")],
    ),
    (
        "ruzhou",
        "9.儿童新发近视率明显下降，小学生近视率降至38%以下，初中生近视率降至60%以下，高中阶段学生近视率降至70%以下。"
        "0—6岁儿童眼保健和视力检查覆盖率达到90%以上。",
        [("<=", 38, "%"), ("<=", 60, "%"), ("<=", 70, "%"), (">=", 90, "%")],
    ),
    ("ruzhou", "4.促进义务教育优质均衡发展和城乡一体化，九年义务教育巩固率在 96%以上。", [(">=", 96, "%")]),
    (
        "ruzhou",
        "5.巩固提高高中阶段教育普及水平，高中阶段教育毛入学率达到并保持在 93.5%以上。",
        [(">=", 93.5, "%")],
    ),
    (
        "ruzhou",
        "9. 社区党组织成员、社区党组织书记中女性比例逐步提高。社区居委会成员中女性比例保持在 50%左右；"
        "社区居委会主任中女性比例达到 40%以上。",
        [("about", 50, "%"), (">=", 40, "%")],
    ),
    ("ruzhou", "6.适龄儿童免疫规划疫苗接种率以乡镇、街道为单位保持在90%以上。", [(">=", 90, "%")]),
    (
        "ruzhou",
        "每千名儿童拥有儿科执业（助理）医生达到 1.12 名、床位增至 3.17 张。",
        [(">=", 1.12, "名/千名儿童"), (">=", 3.17, "张/千名儿童")],
    ),
    ("ruzhou", "促进 70% 的妇女在 35 岁—45 岁接受高效宫颈癌筛查。", [(">=", 70, "%")]),
    (
        "ruzhou",
        "保证每天小学生 10 小时、初中生 9 小时、高中生 8 小时睡眠时间。",
        [("=", 10, "小时"), ("=", 9, "小时"), ("=", 8, "小时")],
    ),
    (
        "ruzhou",
        "2011年，我市颁发了《汝州市妇女发展规划（2011—2020年）》（以下简称“规划”），确立了妇女与健康、妇女与教育、",
        [],
    ),
    ("ruzhou", "关于印发汝州市妇女发展规划（2021—2030年）", []),
    # ---- 武清区 (Tianjin), full-width "．" numbering
    (
        "wuqing",
        "2．孕产妇死亡率控制在8.5/10万以下，流动人口孕产妇死亡率得到有效控制。",
        [("<=", 8.5, "1/10万")],
    ),
    (
        "wuqing",
        "适龄妇女宫颈癌人群筛查率达70%以上，乳腺癌人群筛查率逐步提高，提高宫颈癌和乳腺癌的早诊早治率。",
        [(">=", 70, "%")],
    ),
    (
        "wuqing",
        "10．新增劳动力中女性平均受教育年限达到15.5年以上，女性平均受教育年限不断提高。",
        [(">=", 15.5, "年")],
    ),
    ("wuqing", "4．女童平等接受义务教育，九年制义务教育巩固率保持在99%以上。", [(">=", 99, "%")]),
    (
        "wuqing",
        "9．乡镇（街道）党（工）委、政府领导班子至少各配备1名女干部，并逐步提高任正职的女干部比例。",
        [(">=", 1, "名")],
    ),
    (
        "wuqing",
        "13．社区党组织成员、社区党组织书记中女性比例逐步优化。社区居民委员会成员中女性比例保持在60%以上，"
        "社区居民委员会主任中女性比例保持50%以上。",
        [(">=", 60, "%"), (">=", 50, "%")],
    ),
    (
        "wuqing",
        "8．5岁以下儿童贫血率、生长迟缓率分别控制在10%、3%以下，儿童超重、肥胖上升趋势得到有效控制。",
        [("<=", 10, "%"), ("<=", 3, "%")],
    ),
    (
        "wuqing",
        "9．儿童新发近视率明显下降，全区儿童青少年总体近视率在上一年度基础上每年降低1个百分点以上。"
        "0—6岁儿童眼保健和视力检查覆盖率达到90%以上。",
        [(">=", 1, "个百分点"), (">=", 90, "%")],
    ),
    (
        "wuqing",
        "10．增强儿童心理健康服务能力，提升儿童心理健康水平。中小学校100%配备专兼职心理健康工作人员。",
        [("=", 100, "%")],
    ),
    (
        "wuqing",
        "2．减少儿童伤害所致死亡和残疾。儿童意外伤害死亡率以2020年数据为基数下降20%。",
        [(">=", 20, "% below 2020")],
    ),
    ("wuqing", "2．适龄儿童普遍接受有质量的学前教育，学前三年毛入园率达到93%。", [(">=", 93, "%")]),
    ("wuqing", "3岁以下儿童系统管理率和7岁以下儿童健康管理率高于90%。", [(">", 90, "%")]),
    (
        "wuqing",
        "加强儿童口腔保健，7至9岁儿童窝沟封闭率达到40%以上，12岁儿童龋患率控制在25%以内。",
        [(">=", 40, "%"), ("<=", 25, "%")],
    ),
    ("wuqing", "力争每千人口拥有3岁以下婴幼儿托位4.5个。", [("=", 4.5, "个/千人")]),
    ("wuqing", "确保小学、初中每百名学生拥有区级以上骨干教师1名以上。", [(">=", 1, "名/百名学生")]),
    (
        "wuqing",
        "8．儿童家长每年参加2次以上家庭教育指导服务，2次以上家庭教育实践活动。",
        [(">=", 2, "次"), (">=", 2, "次")],
    ),
    (
        "wuqing",
        "城市集中式饮用水水源地供水期间，水质达标率100%；农村安全饮水普及率达到100%；实现农村无害化卫生厕所全覆盖。",
        [("=", 100, "%"), (">=", 100, "%")],
    ),
    ("dongchangfu", "女性厕位与男性厕位的比例至少为3:2，人流量较大地区提高到2:1。", []),
    ("wuqing", "2022年7月15日", []),
]


@pytest.mark.parametrize(("plan", "sentence", "expected"), REAL, ids=[f"{p}-{i}" for i, (p, *_) in enumerate(REAL)])
def test_real_sentences(plan, sentence, expected):
    assert sentence in _PLANS[plan], "copy the sentence exactly from the fixture"
    assert _triples(sentence) == expected
    for q in parse_quantities(sentence):
        assert sentence[q.span[0] : q.span[1]] == q.text
        assert q.year is None  # none of these plans writes staged targets


@pytest.mark.parametrize(
    ("sentence", "phrases"),
    [
        ("（2）孕产妇死亡率控制在 8.2/10 万以下，城乡、区域差距逐步缩小。", ["孕产妇死亡率"]),
        (
            "新生儿、婴儿和5岁以下儿童死亡率分别降至3.0‰、5.0‰和6.0‰以下",
            ["新生儿、婴儿和5岁以下儿童死亡率"] * 3,
        ),
        ("（5）女童平等接受义务教育，九年义务教育巩固率保持在98%以上。", ["九年义务教育巩固率"]),
        ("儿童意外伤害死亡率以 2020 年为基数下降 20%。", ["儿童意外伤害死亡率"]),
        ("每千人口3岁以下婴幼儿托位数达到4.5个", ["每千人口3岁以下婴幼儿托位数"]),
        ("6.适龄儿童免疫规划疫苗接种率以乡镇、街道为单位保持在90%以上。", ["适龄儿童免疫规划疫苗接种率"]),
        ("村民委员会成员中女性比例力争达到30%以上", ["村民委员会成员中女性比例"]),
        ("妇女基本医疗保险参保率基本稳定在95%以上", ["妇女基本医疗保险参保率"]),
        ("儿童总体近视率平均每年降低 1 个百分点以上", ["儿童总体近视率"]),
        ("到2025年，学前教育毛入园率达到90%", ["学前教育毛入园率"]),
        ("95%的城市社区和85%的农村社区（村）建立家长学校", ["城市社区", "农村社区（村）建立家长学校"]),
        ("建成5个儿童之家", ["儿童之家"]),
        ("孕产妇死亡率由2020年的10/10万下降到2025年的8/10万", ["孕产妇死亡率"]),
    ],
)
def test_phrase(sentence, phrases):
    assert [q.phrase for q in parse_quantities(sentence)] == phrases


def test_text_and_span_point_into_the_input():
    s = "孕产妇死亡率控制在 8.2/10 万以下，城乡差距缩小。"
    (q,) = parse_quantities(s)
    assert q.text == "8.2/10 万以下"
    assert s[q.span[0] : q.span[1]] == q.text
    (q,) = parse_quantities("≥９０％")
    assert (q.comparator, q.value, q.unit, q.text) == (">=", 90, "%", "≥９０％")


# ---------------------------------------------------------------- constructed sentences
# (sentence, expected (comparator, value, unit, year, value_max) …)

SYNTH = [
    # table cells
    ("≥90%", [(">=", 90, "%", None, None)]),
    ("<12/10万", [("<", 12, "1/10万", None, None)]),
    ("＜12/10万", [("<", 12, "1/10万", None, None)]),
    ("≤5%", [("<=", 5, "%", None, None)]),
    ("90%以上", [(">=", 90, "%", None, None)]),
    ("12/10万以下", [("<=", 12, "1/10万", None, None)]),
    ("3.0‰及以下", [("<=", 3, "‰", None, None)]),
    ("45%左右", [("about", 45, "%", None, None)]),
    # prefixes and suffixes
    ("孕产妇死亡率下降到12/10万以下", [("<=", 12, "1/10万", None, None)]),
    ("艾滋病母婴传播率不超过2%", [("<=", 2, "%", None, None)]),
    ("新生儿访视率不低于90%", [(">=", 90, "%", None, None)]),
    ("覆盖率大于等于90%", [(">=", 90, "%", None, None)]),
    ("覆盖率约90%", [("about", 90, "%", None, None)]),
    ("死亡率低于5‰", [("<", 5, "‰", None, None)]),
    ("就业人员中的女性比例保持在45%", [("=", 45, "%", None, None)]),
    ("学前教育毛入园率达到并保持在90%", [(">=", 90, "%", None, None)]),
    ("参保率提高到95%", [(">=", 95, "%", None, None)]),
    ("参保率不断提高到95%", [(">=", 95, "%", None, None)]),
    ("人均预期寿命达到80岁", [(">=", 80, "岁", None, None)]),
    ("每个县至少建有1所", [(">=", 1, "所", None, None)]),
    ("建成5个儿童之家", [("=", 5, "个", None, None)]),
    ("每千人口拥有3岁以下婴幼儿托位数达到4.5个", [(">=", 4.5, "个/千人", None, None)]),
    ("每千人口床位数达到3张", [(">=", 3, "张/千人", None, None)]),
    ("每千人口执业医师达到2.5名", [(">=", 2.5, "名/千人", None, None)]),
    ("儿童活动场所面积不少于200平方米", [(">=", 200, "平方米", None, None)]),
    # relative targets
    ("儿童伤害死亡率以2020年为基数下降20%", [(">=", 20, "% below 2020", None, None)]),
    ("儿童伤害死亡率比2020年下降20%", [(">=", 20, "% below 2020", None, None)]),
    ("儿童意外伤害死亡率下降20%（以2020年为基数）", [(">=", 20, "% below 2020", None, None)]),  # the base after it
    ("儿童伤害死亡率下降20%以上（2020年为基数）", [(">=", 20, "% below 2020", None, None)]),
    ("儿童伤害死亡率比2015年下降30%", [(">=", 30, "% below 2015", None, None)]),
    ("与2020年相比，儿童溺水死亡率下降20%", [(">=", 20, "% below 2020", None, None)]),
    ("近视率每年降低0.5个百分点", [(">=", 0.5, "个百分点", None, None)]),
    # lists
    (
        "新生儿、婴儿和5岁以下儿童死亡率分别降至3.0‰、5.0‰和6.0‰以下",
        [("<=", 3, "‰", None, None), ("<=", 5, "‰", None, None), ("<=", 6, "‰", None, None)],
    ),
    (
        "5岁以下儿童贫血率和生长迟缓率分别控制在10%和5%以下",
        [("<=", 10, "%", None, None), ("<=", 5, "%", None, None)],
    ),
    ("检查率和治疗率分别达到80%和90%", [(">=", 80, "%", None, None), (">=", 90, "%", None, None)]),
    ("宫颈癌、乳腺癌人群检查率分别达到80%以上", [(">=", 80, "%", None, None)]),
    # ranges
    ("覆盖率达到90%—95%", [(">=", 90, "%", None, 95)]),
    ("覆盖率达到90%至95%", [(">=", 90, "%", None, 95)]),
    ("覆盖率达到90—95%", [(">=", 90, "%", None, 95)]),
    ("覆盖率达到90%-95%", [(">=", 90, "%", None, 95)]),
    # staged targets
    ("到2025年，孕产妇死亡率控制在10/10万以下", [("<=", 10, "1/10万", 2025, None)]),
    (
        "到2025年和2030年，孕产妇系统管理率分别达到80%和90%",
        [(">=", 80, "%", 2025, None), (">=", 90, "%", 2030, None)],
    ),
    (
        "到2025年、2030年，筛查率分别达到60%、70%以上",
        [(">=", 60, "%", 2025, None), (">=", 70, "%", 2030, None)],
    ),
    ("筛查率2025年达到60%，2030年达到70%", [(">=", 60, "%", 2025, None), (">=", 70, "%", 2030, None)]),
    (
        "到2025年，A率达到90%；到2030年，A率达到95%。B率达到80%。",
        [(">=", 90, "%", 2025, None), (">=", 95, "%", 2030, None), (">=", 80, "%", None, None)],
    ),
    ("到“十四五”末，学前教育毛入园率达到95%以上", [(">=", 95, "%", 2025, None)]),
    # history and baselines are not targets
    ("2020年，全区孕产妇死亡率达到98.6%。", []),
    ("2020年全区孕产妇系统管理率为98.6%，到2025年达到99%以上。", [(">=", 99, "%", 2025, None)]),
    ("截至2020年底，全区已建成儿童之家120个。", []),
    ("九年义务教育巩固率比2011年提高了5.3个百分点", []),
    ("较上一周期，孕产妇死亡率下降4.2个百分点", []),
    ("高中阶段毛入学率由90%提高到95%", [(">=", 95, "%", None, None)]),
    ("孕产妇死亡率从10/10万下降到8/10万", [("<=", 8, "1/10万", None, None)]),
    ("孕产妇死亡率由2020年的10/10万下降到2025年的8/10万", [("<=", 8, "1/10万", 2025, None)]),
    ("目前全区孕产妇系统管理率为95%", []),
    # Chinese numerals: targets …
    ("达到九成以上", [(">=", 90, "%", None, None)]),
    ("提高到三分之一", [(">=", 33.33, "%", None, None)]),
    ("三分之一以上的社区", [(">=", 33.33, "%", None, None)]),
    ("百分之九十五的家庭", [(">=", 95, "%", None, None)]),
    ("婴儿死亡率控制在千分之五以下", [("<=", 5, "‰", None, None)]),
    # another's figure the plan measures itself by is not its target; a benchmark in a clause of its own is words
    ("对标杭州市学前教育毛入园率99%的水平，学前教育毛入园率达到88%以上", [(">=", 88, "%", None, None)]),
    ("对标先进地区，学前教育毛入园率达到95%以上", [(">=", 95, "%", None, None)]),
    # a bracket naming the past (2020年：96.1%) holds its own figure only, not the next clause's
    (
        "九年义务教育巩固率保持在97%以上（2020年：96.1%），高中阶段毛入学率达到96%以上",
        [(">=", 97, "%", None, None), (">=", 96, "%", None, None)],
    ),
    (
        "贫血率控制在10%以下（2020年基期值：6.3%），生长迟缓率控制在5%以下",
        [("<=", 10, "%", None, None), ("<=", 5, "%", None, None)],
    ),
    ("孕产妇死亡率控制在十万分之十以下", [("<=", 10, "1/10万", None, None)]),  # 0.01% would lose the digits of 12
    ("孕产妇死亡率控制在十万分之十二以下", [("<=", 12, "1/10万", None, None)]),
    ("孕产妇死亡率控制在10万分之12以下", [("<=", 12, "1/10万", None, None)]),
    ("一万分之三", [("=", 3, "1/万", None, None)]),
    ("提高两个百分点", [(">=", 2, "个百分点", None, None)]),
    ("人均受教育年限达到十一年", [(">=", 11, "年", None, None)]),
    ("至少配备一名女干部", [(">=", 1, "名", None, None)]),
    # … and names
    ("九年义务教育", []),
    ("学前三年毛入园率", []),
    ("5岁以下儿童", []),
    ("0—6岁儿童眼保健", []),
    ("3岁以下婴幼儿照护服务", []),
    ("35-64岁农村适龄妇女", []),
    ("“十四五”时期", []),
    ("（1）", []),
    ("1．主要目标", []),
    ("坚持“五位一体”总体布局，做到“两个维护”", []),
    ("发挥家庭立德树人第一所学校作用", []),
    ("2035年远景目标", []),
    ("", []),
]


@pytest.mark.parametrize(("sentence", "expected"), SYNTH)
def test_constructed_sentences(sentence, expected):
    got = [(q.comparator, q.value, q.unit, q.year, q.value_max) for q in parse_quantities(sentence)]
    assert got == [(c, pytest.approx(v), u, y, m) for c, v, u, y, m in expected]


# ---------------------------------------------------------------- qualitative targets


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("乳腺癌人群筛查率逐步提高", True),
        ("城乡、区域差距逐步缩小", True),
        ("妇女心理健康素养水平不断提升", True),
        ("妇女焦虑障碍、抑郁症患病率上升趋势减缓", True),
        ("女职工职业病发病率明显降低", True),
        ("儿童溺水死亡率持续下降", True),
        ("妇女人均预期寿命延长，人均健康预期寿命提高", True),
        ("孕产妇死亡率控制在12/10万以下", False),
        ("孕产妇死亡率下降到12/10万以下，城乡差距逐步缩小", False),  # has a number
        ("加强宣传教育", False),
        ("", False),
    ],
)
def test_is_qualitative(text, expected):
    assert is_qualitative(text) is expected


def test_find_qualitative_prefers_the_longest_phrase():
    assert find_qualitative("妇女焦虑障碍、抑郁症患病率上升趋势减缓") == "上升趋势减缓"
    assert find_qualitative("乳腺癌人群筛查率逐步提高") == "逐步提高"
    assert find_qualitative("加强宣传教育") is None
    assert "逐步提高" in QUALITATIVE and "降低" in QUALITATIVE


# ---------------------------------------------------------------- properties

# indicator names, some with numbers of their own that must not come out as figures
_PHRASES = [
    "孕产妇死亡率",
    "新生儿死亡率",
    "5岁以下儿童死亡率",
    "九年义务教育巩固率",
    "学前三年毛入园率",
    "学前3年毛入园率",
    "0—6岁儿童眼保健和视力检查覆盖率",
    "35-64岁农村适龄妇女宫颈癌人群检查率",
    "12岁儿童龋患率",
    "3岁以下儿童系统管理率",
    "村委会成员中女性比例",
    "适龄儿童免疫规划疫苗接种率",
]
# (written prefix, comparator it sets)
_PREFIXES = [
    ("", "="),
    ("达到", ">="),
    ("达", ">="),
    ("提高到", ">="),
    ("提升至", ">="),
    ("不低于", ">="),
    ("不少于", ">="),
    ("至少", ">="),
    ("≥", ">="),
    ("控制在", "<="),
    ("下降到", "<="),
    ("降至", "<="),
    ("不超过", "<="),
    ("≤", "<="),
    ("高于", ">"),
    ("超过", ">"),
    (">", ">"),
    ("低于", "<"),
    ("<", "<"),
    ("保持在", "="),
    ("稳定在", "="),
    ("分别达到", ">="),
    ("分别控制在", "<="),
]
_SUFFIXES = [("", None), ("以上", ">="), ("及以上", ">="), ("以下", "<="), ("以内", "<="), ("左右", "about")]
# (written unit, normalized unit, needs a comparator word before the number)
_UNITS = [
    ("%", "%", False),
    ("‰", "‰", False),
    ("/10万", "1/10万", False),
    ("个", "个", False),
    ("所", "所", False),
    ("名", "名", False),
    ("小时", "小时", False),
    ("平方米", "平方米", False),
    ("年", "年", True),
    ("岁", "岁", True),
]
_FULL = str.maketrans("0123456789%.", "０１２３４５６７８９％．")


@st.composite
def _targets(draw):
    phrase = draw(st.sampled_from(_PHRASES))
    prefix, prefix_cmp = draw(st.sampled_from(_PREFIXES))
    unit, unit_norm, needs_word = draw(st.sampled_from(_UNITS))
    assume(not (needs_word and prefix == ""))
    suffix, suffix_cmp = draw(st.sampled_from(_SUFFIXES))
    if draw(st.booleans()):
        value = draw(st.integers(min_value=0, max_value=999))
        number = str(value)
    else:
        tenths = draw(st.integers(min_value=0, max_value=9999))
        number = f"{tenths // 10}.{tenths % 10}"
        value = tenths / 10
    year = draw(st.sampled_from([None, 2025, 2030]))
    stage = f"到{year}年，" if year else ""
    sp = draw(st.sampled_from(["", " "]))  # spaces a Word/PDF conversion leaves around numbers
    sentence = f"{stage}{phrase}{prefix}{sp}{number}{sp}{unit}{sp}{suffix}。"
    if draw(st.booleans()):
        sentence = sentence.translate(_FULL)
    expected = (suffix_cmp or prefix_cmp, float(value), unit_norm, year)
    return sentence, expected


@settings(max_examples=200, deadline=None)
@given(_targets())
def test_generated_targets_round_trip(case):
    sentence, (comparator, value, unit, year) = case
    cleaned, _ = clean(sentence)
    (q,) = parse_quantities(cleaned)
    assert (q.comparator, q.unit, q.year) == (comparator, unit, year)
    assert q.value == pytest.approx(value)
    # the same on the raw text (tolerates spaces and full-width digits), with spans into the raw text
    (r,) = parse_quantities(sentence)
    assert (r.comparator, r.value, r.unit, r.year) == (q.comparator, q.value, q.unit, q.year)
    assert sentence[r.span[0] : r.span[1]] == r.text


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(
        st.text(),
        st.text(
            st.sampled_from(list("0123456789.%‰/万年岁个以上下到达至—-，。；（）《》〔〕号第一二三十九成分之由从了"))
        ),
    )
)
@example("一九十达到")  # two digits before 十: no numeral (once a KeyError)
def test_never_raises_and_spans_are_exact(text):
    for q in parse_quantities(text):
        assert 0 <= q.span[0] < q.span[1] <= len(text)
        assert text[q.span[0] : q.span[1]] == q.text
        assert q.comparator in (">=", "<=", ">", "<", "=", "about")


def test_whole_corpus_parses_without_stray_figures():
    lines = [line for text in _PLANS.values() for line in text.splitlines()]
    found = [q for line in lines for q in parse_quantities(line)]
    # no year or ordinal ever comes out as a figure
    assert not any(q.unit == "" for q in found)
    assert not any(1900 <= q.value <= 2100 for q in found)
