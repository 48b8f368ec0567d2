"""A realistic Report built by hand, for the HTML report tests.

One Word draft holding two plans of a fictional 青河区: a women's plan with problems (a weaker
maternal mortality target, a 2025-only stage for HIV mother-to-child transmission, two missing
targets, an unquantified one, no 监测评估 section, a target without a lead unit) and a clean
children's plan. `hostile_report()` is the same report with markup and attribute breakers in the
places document text reaches the page.
"""

from __future__ import annotations

from checker.models import (
    DocumentReport,
    DomainResult,
    Evidence,
    Finding,
    IndicatorResult,
    Location,
    PlanReport,
    Quantity,
    ReferenceInfo,
    Report,
    SectionResult,
    TargetResult,
    ToolInfo,
)

WOMEN_SOURCE = "中国妇女发展纲要（2021—2030年）"
CHILDREN_SOURCE = "中国儿童发展纲要（2021—2030年）"
DRAFT = "drafts/青河区妇女发展规划和儿童发展规划（2021—2030年）（征求意见稿）.docx"

WOMEN_TARGETS = "二、发展领域、主要目标和策略措施"
CHILDREN_TARGETS = "二、发展领域、主要目标和策略措施"

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE_BREAKER = '" onerror="alert(2)'


def _indicator(
    indicator: str,
    name: str,
    status: str,
    expected: str,
    wording: str,
    *,
    actual: str | None = None,
    target: str | None = None,
    paragraph: int | None = None,
    heading: str | None = None,
    certainty: str = "confirmed",
    note: str | None = None,
) -> IndicatorResult:
    kind, domain = indicator.split(".")[:2]
    location = None
    if target is not None:
        location = Evidence(paragraph=paragraph, excerpt=target, heading=heading)
    return IndicatorResult(
        indicator=indicator,
        name=name,
        domain=domain,
        status=status,
        comparator="<=" if expected.startswith("≤") else ">=",
        expected=expected,
        actual=actual,
        binding="约束性" if "mortality" in indicator else "预期性",
        certainty=certainty,
        wording=wording,
        source=WOMEN_SOURCE if kind == "women" else CHILDREN_SOURCE,
        target=target,
        location=location,
        note=note,
    )


def _sections(kind_missing: set[str], first_paragraph: int) -> list[SectionResult]:
    names = {
        "guiding-ideology": "指导思想",
        "principles": "基本原则",
        "overall-goals": "总体目标",
        "implementation": "组织实施",
        "monitoring": "监测评估",
    }
    numbers = {"guiding-ideology": "（一）", "principles": "（二）", "overall-goals": "（三）"}
    results = []
    for offset, (section, name) in enumerate(names.items()):
        if section in kind_missing:
            results.append(SectionResult(id=section, name=name, found=False))
            continue
        heading = f"{numbers.get(section, '三、')}{name}"
        if section == "monitoring":
            heading = f"四、{name}"
        results.append(
            SectionResult(
                id=section,
                name=name,
                found=True,
                heading=heading,
                location=Location(paragraph=first_paragraph + offset * 3),
            )
        )
    return results


def _women_plan() -> PlanReport:
    health = f"{WOMEN_TARGETS} › （一）妇女与健康 › 主要目标"
    economy = f"{WOMEN_TARGETS} › （三）妇女与经济 › 主要目标"
    decision = f"{WOMEN_TARGETS} › （四）妇女参与决策和管理 › 主要目标"
    security = f"{WOMEN_TARGETS} › （五）妇女与社会保障 › 主要目标"

    mmr = "孕产妇死亡率控制在15/10万以下，城乡、区域差距缩小。"
    hiv = "到2025年，艾滋病母婴传播率下降到3%以下，梅毒和乙肝母婴传播进一步减少。"
    employed = "促进平等就业，女性就业人员比例保持在合理水平。"
    insurance = "妇女基本医疗保险参保率稳定在95%以上，待遇保障公平适度。"

    domains = [
        ("health", "妇女与健康", 12, 3),
        ("education", "妇女与教育", 20, 2),
        ("economy", "妇女与经济", 30, 2),
        ("decision", "妇女参与决策和管理", 40, 2),
        ("social-security", "妇女与社会保障", 50, 2),
        ("family", "妇女与家庭建设", 60, 2),
        ("environment", "妇女与环境", 68, 1),
        ("law", "妇女与法律", 76, 2),
    ]
    numbers = "一二三四五六七八"
    domain_results = [
        DomainResult(
            id=domain,
            name=name,
            found=True,
            heading=f"（{numbers[i]}）{name}",
            targets=targets,
            location=Location(paragraph=paragraph),
        )
        for i, (domain, name, paragraph, targets) in enumerate(domains)
    ]

    indicators = [
        _indicator(
            "women.health.maternal-mortality",
            "孕产妇死亡率",
            "weaker",
            "≤12/10万（2030年）",
            "孕产妇死亡率下降到12/10万以下，城乡、区域差距缩小。",
            actual="≤15/10万（2030年）",
            target=mmr,
            paragraph=14,
            heading=health,
        ),
        _indicator(
            "women.health.cervical-screening",
            "适龄妇女宫颈癌人群筛查率",
            "equal",
            "≥70%（2030年）",
            "适龄妇女宫颈癌人群筛查率达到70%以上，乳腺癌人群筛查率逐步提高。",
            actual="≥70%（2030年）",
            target="适龄妇女宫颈癌人群筛查率达到70%以上，乳腺癌人群筛查率逐步提高。",
            paragraph=15,
            heading=health,
        ),
        _indicator(
            "women.health.hiv-mtct",
            "艾滋病母婴传播率",
            "uncertain",
            "≤2%（2030年）",
            "减少艾滋病、梅毒和乙肝母婴传播，艾滋病母婴传播率下降到2%以下。",
            actual="≤3%（2025年）",
            target=hiv,
            paragraph=16,
            heading=health,
            note="仅设2025年阶段目标，未设2030年目标",
        ),
        _indicator(
            "women.education.compulsory-retention",
            "九年义务教育巩固率",
            "stronger",
            "≥96%（2030年）",
            "女童平等接受义务教育，九年义务教育巩固率提高到96%以上。",
            actual="≥98%（2030年）",
            target="女童平等接受义务教育，九年义务教育巩固率保持在98%以上。",
            paragraph=22,
            heading=f"{WOMEN_TARGETS} › （二）妇女与教育 › 主要目标",
        ),
        _indicator(
            "women.education.high-school-enrollment",
            "高中阶段毛入学率",
            "equal",
            "≥92%（2030年）",
            "女性平等接受高中阶段教育，高中阶段毛入学率达到并保持在92%以上。",
            actual="≥92%（2030年）",
            target="女性平等接受高中阶段教育，高中阶段毛入学率达到并保持在92%以上。",
            paragraph=23,
            heading=f"{WOMEN_TARGETS} › （二）妇女与教育 › 主要目标",
        ),
        _indicator(
            "women.economy.employed-female-share",
            "就业人员中的女性比例",
            "unquantified",
            "45%左右（2030年）",
            "促进平等就业，消除就业性别歧视。就业人员中的女性比例保持在45%左右。",
            target=employed,
            paragraph=32,
            heading=economy,
        ),
        _indicator(
            "women.economy.urban-employed-female-share",
            "城镇单位就业人员中的女性比例",
            "equal",
            "40%左右（2030年）",
            "优化妇女就业结构。城镇单位就业人员中的女性比例达到40%左右。",
            actual="40%左右（2030年）",
            target="优化妇女就业结构，城镇单位就业人员中的女性比例达到40%左右。",
            paragraph=33,
            heading=economy,
        ),
        _indicator(
            "women.economy.senior-professional-female-share",
            "高级专业技术人员中的女性比例",
            "missing",
            "≥40%（2030年）",
            "促进女性人才发展。高级专业技术人员中的女性比例达到40%。",
        ),
        _indicator(
            "women.decision.village-committee-female-share",
            "村委会成员中女性比例",
            "equal",
            "≥30%（2030年）",
            "村委会成员中女性比例达到30%以上，村委会主任中女性比例逐步提高。",
            actual="≥30%（2030年）",
            target="村委会成员中女性比例达到30%以上，村委会主任中女性比例逐步提高。",
            paragraph=42,
            heading=decision,
        ),
        _indicator(
            "women.decision.community-committee-female-share",
            "社区居委会成员中女性比例",
            "equal",
            "50%左右（2030年）",
            "社区居委会成员中女性比例保持在50%左右，社区居委会主任中女性比例达到40%以上。",
            actual="50%左右（2030年）",
            target="社区居委会成员中女性比例保持在50%左右。",
            paragraph=43,
            heading=decision,
        ),
        _indicator(
            "women.decision.community-director-female-share",
            "社区居委会主任中女性比例",
            "missing",
            "≥40%（2030年）",
            "社区居委会主任中女性比例达到40%以上。",
        ),
        _indicator(
            "women.social-security.medical-insurance",
            "妇女基本医疗保险参保率",
            "equal",
            "≥95%（2030年）",
            "完善医疗保障体系。妇女基本医疗保险参保率稳定在95%以上，待遇保障公平适度。",
            actual="≥95%（2030年）",
            target=insurance,
            paragraph=52,
            heading=security,
        ),
        _indicator(
            "women.social-security.pension-insurance",
            "妇女基本养老保险参保率",
            "equal",
            "≥95%（2030年）",
            "完善养老保险制度体系。妇女基本养老保险参保率提高到95%，待遇水平稳步提高。",
            actual="≥95%（2030年）",
            target="妇女基本养老保险参保率提高到95%，待遇水平稳步提高。",
            paragraph=53,
            heading=security,
        ),
        _indicator(
            "women.environment.rural-tap-water",
            "农村自来水普及率",
            "stronger",
            "≥90%（2030年）",
            "减少环境污染对妇女健康的危害。农村自来水普及率达到90%。",
            actual="≥95%（2030年）",
            target="农村自来水普及率达到95%以上。",
            paragraph=70,
            heading=f"{WOMEN_TARGETS} › （七）妇女与环境 › 主要目标",
        ),
    ]

    findings = [
        Finding(
            rule="weaker-target",
            severity="error",
            message="孕产妇死亡率目标弱于上级：本规划为15/10万以下，国家纲要要求下降到12/10万以下。",
            domain="health",
            indicator="women.health.maternal-mortality",
            expected="≤12/10万（2030年）",
            actual="≤15/10万（2030年）",
            wording="孕产妇死亡率下降到12/10万以下，城乡、区域差距缩小。",
            source=WOMEN_SOURCE,
            suggestion="孕产妇死亡率下降到12/10万以下，城乡、区域差距缩小。",
            location=Evidence(paragraph=14, excerpt=mmr, heading=health),
        ),
        Finding(
            rule="weaker-target",
            severity="warning",
            message="艾滋病母婴传播率仅设2025年阶段目标（3%以下），未明确到2030年下降到2%以下。",
            domain="health",
            indicator="women.health.hiv-mtct",
            expected="≤2%（2030年）",
            actual="≤3%（2025年）",
            wording="减少艾滋病、梅毒和乙肝母婴传播，艾滋病母婴传播率下降到2%以下。",
            source=WOMEN_SOURCE,
            suggestion="到2025年，艾滋病母婴传播率下降到3%以下；到2030年，下降到2%以下。",
            location=Evidence(paragraph=16, excerpt=hiv, heading=health),
        ),
        Finding(
            rule="missing-target",
            severity="warning",
            message="未设上级纲要的量化目标「高级专业技术人员中的女性比例」。",
            domain="economy",
            indicator="women.economy.senior-professional-female-share",
            expected="≥40%（2030年）",
            wording="促进女性人才发展。高级专业技术人员中的女性比例达到40%。",
            source=WOMEN_SOURCE,
            suggestion="促进女性人才发展，高级专业技术人员中的女性比例达到40%。",
            location=Evidence(paragraph=30, heading=f"{WOMEN_TARGETS} › （三）妇女与经济"),
        ),
        Finding(
            rule="unquantified-target",
            severity="info",
            message="「就业人员中的女性比例」上级为量化目标，本规划仅作定性表述。",
            domain="economy",
            indicator="women.economy.employed-female-share",
            expected="45%左右（2030年）",
            wording="促进平等就业，消除就业性别歧视。就业人员中的女性比例保持在45%左右。",
            source=WOMEN_SOURCE,
            suggestion="促进平等就业，消除就业性别歧视，就业人员中的女性比例保持在45%左右。",
            location=Evidence(paragraph=32, excerpt=employed, heading=economy),
        ),
        Finding(
            rule="missing-target",
            severity="warning",
            message="未设上级纲要的量化目标「社区居委会主任中女性比例」。",
            domain="decision",
            indicator="women.decision.community-director-female-share",
            expected="≥40%（2030年）",
            wording="社区居委会主任中女性比例达到40%以上。",
            source=WOMEN_SOURCE,
            suggestion="社区居委会成员中女性比例保持在50%左右，社区居委会主任中女性比例达到40%以上。",
            location=Evidence(paragraph=40, heading=f"{WOMEN_TARGETS} › （四）妇女参与决策和管理"),
        ),
        Finding(
            rule="missing-lead-unit",
            severity="warning",
            message="该目标未明确牵头单位。",
            domain="social-security",
            location=Evidence(table=2, row=4, cell=1, excerpt=insurance, heading=f"{security} › 表3 主要目标分工"),
            suggestion="（牵头单位：区医保局；责任单位：区卫生健康局、区财政局）",
        ),
        Finding(
            rule="missing-section",
            severity="error",
            section="monitoring",
            message="缺少「监测评估」章节，规划未规定监测统计、中期评估和终期评估安排。",
            wording="加强监测评估制度建设，建立健全妇女发展状况统计监测制度，开展中期和终期评估。",
            source=WOMEN_SOURCE,
            suggestion=(
                "四、监测评估。加强妇女发展状况统计监测，区统计局牵头建立妇女发展统计监测指标体系，"
                "每年开展监测，2025年开展中期评估，2030年开展终期评估。"
            ),
        ),
    ]

    targets = [
        TargetResult(
            text=mmr,
            domain="health",
            indicator="women.health.maternal-mortality",
            match_score=100.0,
            quantities=[
                Quantity(
                    comparator="<=",
                    value=15,
                    unit="1/10万",
                    text="15/10万",
                    span=(9, 15),
                    phrase="孕产妇死亡率",
                )
            ],
            lead_units=["区卫生健康局"],
            responsible_units=["区妇幼保健院"],
            location=Evidence(paragraph=14, excerpt=mmr, heading=health),
        ),
        TargetResult(
            text=insurance,
            domain="social-security",
            indicator="women.social-security.medical-insurance",
            match_score=96.0,
            quantities=[
                Quantity(
                    comparator=">=",
                    value=95,
                    unit="%",
                    text="95%",
                    span=(14, 17),
                    phrase="妇女基本医疗保险参保率",
                )
            ],
            lead_units=[],
            responsible_units=["区卫生健康局"],
            location=Evidence(table=2, row=4, cell=1, excerpt=insurance, heading=security),
        ),
    ]

    return PlanReport(
        kind="women",
        title="青河区妇女发展规划（2021—2030年）",
        period="2021—2030",
        level="区",
        region="青河区",
        location=Location(paragraph=3),
        sections=_sections({"monitoring"}, first_paragraph=5),
        domains=domain_results,
        targets=targets,
        indicators=indicators,
        findings=_pasteable(findings),
        verdict="fail",
        verdict_reasons=["2条错误"],
    )


def _children_plan() -> PlanReport:
    health = f"{CHILDREN_TARGETS} › （一）儿童与健康 › 主要目标"
    education = f"{CHILDREN_TARGETS} › （三）儿童与教育 › 主要目标"
    mortality = "新生儿、婴儿和5岁以下儿童死亡率分别降至2.5‰、4.0‰和5.0‰以下。"
    domains = [
        ("health", "儿童与健康", 112, 9),
        ("safety", "儿童与安全", 130, 3),
        ("education", "儿童与教育", 140, 4),
        ("welfare", "儿童与福利", 150, 3),
        ("family", "儿童与家庭", 160, 2),
        ("environment", "儿童与环境", 168, 2),
        ("law", "儿童与法律保护", 176, 3),
    ]
    numbers = "一二三四五六七"
    domain_results = [
        DomainResult(
            id=domain,
            name=name,
            found=True,
            heading=f"（{numbers[i]}）{name}",
            targets=targets,
            location=Location(paragraph=paragraph),
        )
        for i, (domain, name, paragraph, targets) in enumerate(domains)
    ]
    rows = [
        (
            "children.health.neonatal-mortality",
            "新生儿死亡率",
            "stronger",
            "≤3.0‰（2030年）",
            "≤2.5‰（2030年）",
            mortality,
            114,
            health,
        ),
        (
            "children.health.infant-mortality",
            "婴儿死亡率",
            "stronger",
            "≤5.0‰（2030年）",
            "≤4.0‰（2030年）",
            mortality,
            114,
            health,
        ),
        (
            "children.health.under5-mortality",
            "5岁以下儿童死亡率",
            "stronger",
            "≤6.0‰（2030年）",
            "≤5.0‰（2030年）",
            mortality,
            114,
            health,
        ),
        (
            "children.health.immunization",
            "适龄儿童免疫规划疫苗接种率",
            "equal",
            "≥90%（2030年）",
            "≥90%（2030年）",
            "适龄儿童免疫规划疫苗接种率以街道为单位保持在90%以上。",
            115,
            health,
        ),
        (
            "children.health.anemia",
            "5岁以下儿童贫血率",
            "equal",
            "≤10%（2030年）",
            "≤10%（2030年）",
            "5岁以下儿童贫血率和生长迟缓率分别控制在10%和5%以下。",
            116,
            health,
        ),
        (
            "children.health.stunting",
            "5岁以下儿童生长迟缓率",
            "equal",
            "≤5%（2030年）",
            "≤5%（2030年）",
            "5岁以下儿童贫血率和生长迟缓率分别控制在10%和5%以下。",
            116,
            health,
        ),
        (
            "children.health.myopia-primary",
            "小学生近视率",
            "equal",
            "≤38%（2030年）",
            "≤38%（2030年）",
            "小学生近视率降至38%以下，初中生近视率降至60%以下，高中阶段学生近视率降至70%以下。",
            117,
            health,
        ),
        (
            "children.health.eye-screening",
            "0—6岁儿童眼保健和视力检查覆盖率",
            "equal",
            "≥90%（2030年）",
            "≥90%（2030年）",
            "0—6岁儿童眼保健和视力检查覆盖率达到90%以上。",
            118,
            health,
        ),
        (
            "children.education.preschool-enrollment",
            "学前教育毛入园率",
            "stronger",
            "≥90%（2030年）",
            "≥95%（2030年）",
            "学前教育毛入园率达到并保持在95%以上。",
            142,
            education,
        ),
        (
            "children.education.compulsory-retention",
            "九年义务教育巩固率",
            "equal",
            "≥96%（2030年）",
            "≥96%（2030年）",
            "九年义务教育巩固率达到并保持在96%以上。",
            143,
            education,
        ),
        (
            "children.family.parent-school-urban",
            "城市社区建立家长学校或家庭教育指导服务站点的比例",
            "equal",
            "≥95%（2030年）",
            "≥95%（2030年）",
            "95%的城市社区和85%的农村社区（村）建立家长学校或家庭教育指导服务站点。",
            162,
            f"{CHILDREN_TARGETS} › （五）儿童与家庭 › 主要目标",
        ),
    ]
    indicators = [
        _indicator(
            indicator,
            name,
            status,
            expected,
            f"上级纲要：{name}{expected}。",
            actual=actual,
            target=target,
            paragraph=paragraph,
            heading=heading,
        )
        for indicator, name, status, expected, actual, target, paragraph, heading in rows
    ]
    indicators.insert(
        8,
        _indicator(
            "children.safety.injury-mortality-reduction",
            "儿童伤害死亡率（较2020年下降幅度）",
            "uncertain",
            "较2020年下降≥20%（2030年）",
            "减少儿童伤害所致死亡和残疾。儿童伤害死亡率以2020年为基数下降20%。",
            actual="持续下降",
            target="儿童伤害死亡率持续下降。",
            paragraph=132,
            heading=f"{CHILDREN_TARGETS} › （二）儿童与安全 › 主要目标",
            note="本规划表述为“持续下降”，是否满足“以2020年为基数下降20%”需人工确认",
        ),
    )
    findings = [
        Finding(
            rule="lead-unit-level",
            severity="info",
            message="责任单位中列有上级部门「市卫生健康委」，建议改为本级对应部门。",
            domain="health",
            location=Evidence(
                paragraph=120,
                excerpt="（牵头单位：区卫生健康局；责任单位：市卫生健康委、区教育局）",
                heading=f"{CHILDREN_TARGETS} › （一）儿童与健康 › 策略措施",
            ),
            suggestion="（牵头单位：区卫生健康局；责任单位：区教育局、区妇幼保健院）",
        ),
    ]
    return PlanReport(
        kind="children",
        title="青河区儿童发展规划（2021—2030年）",
        period="2021—2030",
        level="区",
        region="青河区",
        location=Location(paragraph=100),
        sections=_sections(set(), first_paragraph=102),
        domains=domain_results,
        targets=[],
        indicators=indicators,
        findings=_pasteable(findings),
    )


def _pasteable(findings: list[Finding]) -> list[Finding]:
    """The sample's suggestions are the very text to put into the plan (no advice around it)."""
    return [f.model_copy(update={"paste": f.suggestion}) for f in findings]


def sample_report() -> Report:
    return Report(
        tool=ToolInfo(name="plancheck", version="0.1.0"),
        reference=ReferenceInfo(
            name="国家妇女儿童发展纲要（2021—2030年）主要目标",
            version="2021.1",
            sources=[f"{WOMEN_SOURCE}（国发〔2021〕16号）", f"{CHILDREN_SOURCE}（国发〔2021〕16号）"],
        ),
        documents=[
            DocumentReport(path=DRAFT, format="docx", plans=[_women_plan(), _children_plan()], verdict="fail"),
        ],
    )


def hostile_report() -> Report:
    """The sample with markup in the title, an excerpt, a heading, a suggestion, the path, an
    indicator name and note, and a domain id (which lands in attributes)."""
    report = sample_report()
    document = report.documents[0]
    document.path = f"drafts/{SCRIPT}<img src=x onerror=alert(3)>.docx"
    women = document.plans[0]
    women.title = f"{SCRIPT}青河区妇女发展规划（2021—2030年）"
    weaker = women.findings[0]
    assert weaker.location is not None and weaker.location.excerpt
    weaker.location = weaker.location.model_copy(
        update={"excerpt": f"{SCRIPT}{weaker.location.excerpt}", "heading": ATTRIBUTE_BREAKER}
    )
    weaker.suggestion = weaker.paste = f"{weaker.suggestion}{SCRIPT}"
    mmr = women.indicators[0]
    mmr.target = f"{SCRIPT}{mmr.target}"
    mmr.name = f"孕产妇死亡率{ATTRIBUTE_BREAKER}"
    mmr.note = ATTRIBUTE_BREAKER
    stray = women.indicators[1].model_copy(update={"domain": ATTRIBUTE_BREAKER, "indicator": SCRIPT})
    women.indicators.append(stray)
    return report
