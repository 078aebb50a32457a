"""Issue 9, seventeenth round (evidence): the round-16 sectioned-bulletin class (`_headed_release`) must not take a
section of the community's own industry analysis for a bureau's bulletin when the report kind is not detected — an
analysis explains its figures (表明、得益于、主要原因), a bulletin only reports them. Texts are written for these tests
(construction machinery, cold-chain logistics, fisheries), not taken from the eval sets."""
from assistant.check import check_text


def found(text, rule="evidence.unsourced-figure", **kw):
    return [f.text for f in check_text(text, categories={"evidence"}, **kw).findings if f.rule_id == rule]


MACHINES = ("一、行业运行概况\n"
            "工程机械行业整体延续回升态势,电动化产品加快推广。\n"
            "2025年,全国工程机械行业营业收入9200亿元,同比增长6.3%,主要得益于基建项目集中开工。\n"
            "二、主要产品产销情况\n"
            "主要产品销量普遍回升,海外市场继续扩大。\n"
            "2025年,挖掘机销量19.6万台,同比增长8.1%,其中出口10.2万台,同比增长12.5%。\n"
            "装载机销量11.3万台,比上年增长2.7%,表明国内市场需求逐步企稳。\n")

COLD_CHAIN = ("1. 市场规模\n"
              "2025年,全国冷链物流市场规模5600亿元,同比增长7.2%;冷库容量2.3亿立方米,同比增长6.5%。\n"
              "2. 区域分布\n"
              "华东地区冷链物流收入占全国的38.5%,比上年提高1.2个百分点。由此可见,区域集中度仍在上升。\n")

FISH = ("一、水产品生产稳中有进\n"
        "各地持续加大渔业生产支持力度,积极应对台风影响,养殖结构不断优化。\n"
        "2025年,全国水产品总产量6950万吨,比上年增长3.2%,其中养殖产量5580万吨,比上年增长4.1%。\n"
        "二、远洋渔业产量保持增长\n"
        "前三季度,全国远洋渔业产量230万吨,同比增长1.8%。\n")


# --- an industry analysis's section (no report kind detected, no talent words) explains its figures: flagged
def test_an_analysis_section_explaining_its_figures_is_flagged():
    assert len(found(MACHINES)) >= 2


def test_an_analysis_section_with_a_conclusion_is_flagged():
    assert found(COLD_CHAIN)


def test_the_analysis_section_without_its_reasoning_reads_as_a_bulletin():
    # the same figures, reported without explanation: the bulletin shape round 16 accepts
    text = MACHINES.replace(",主要得益于基建项目集中开工", "").replace(",表明国内市场需求逐步企稳", "")
    assert found(text) == []


# --- a bureau's sectioned bulletin (policy sentences, no reasoning) stays the publisher's own data
def test_a_sectioned_bulletin_without_reasoning_is_still_clean():
    assert found(FISH) == []


def test_the_bulletin_with_an_explanation_added_is_flagged():
    text = FISH.replace("比上年增长4.1%。", "比上年增长4.1%,主要原因是深远海养殖规模扩大。")
    assert found(text)


# --- a paragraph's source spent on a cited target does not cover the writer's own later forecast
def forecasts(text, **kw):
    return found(text, rule="evidence.forecast-basis", **kw)


PLAN = "根据《某省现代渔业发展规划》,到2027年,全省远洋渔船将达到800艘。"


def test_a_later_own_forecast_after_a_cited_target_is_flagged():
    text = PLAN + "结合各地建造计划,未来几年年均新增渔船将保持在60艘左右,预计到2030年全省远洋渔船将达到1100艘。\n"
    assert forecasts(text)


def test_a_later_forecast_pointing_back_to_the_plan_is_clean():
    assert forecasts(PLAN + "该规划还预计到2030年,全省远洋渔船将达到1100艘。\n") == []


def test_a_forecast_after_a_cited_statistic_is_not_this_class():
    # the earlier source gives present data, not a target: round 11's paragraph rule is unchanged
    text = "据某省渔业协会统计,2025年全省远洋渔船有650艘。预计到2030年,全省远洋渔船将达到1100艘。\n"
    assert forecasts(text) == []


def test_a_cited_forecast_alone_is_clean():
    assert forecasts(PLAN + "\n") == []


def test_a_forecast_continuing_a_research_report_is_clean():
    # the cited source is a research body's outlook, not a plan's target: its forecast goes on
    text = ("某研究院发布的《2025年茶饮行业前景分析》显示,2025年茶饮市场规模将达到3500亿元。"
            "预计2027年茶饮市场规模将达到4200亿元。\n")
    assert forecasts(text) == []
