"""Issue 9, eighth round: classes added after the seventh batch k joined dev. Texts are written for these tests, in
industries other than k's (textiles, shipbuilding, furniture, coal mining, water transport, pharmacy retail), not taken
from the eval sets."""
from assistant.check import check_text
from assistant.check.figures import find_figures


def evidence(text, **kw):
    return [f.text for f in check_text(text, categories={"evidence"}, **kw).findings]


def objectivity(text, **kw):
    return [(f.rule_id, f.text) for f in check_text(text, categories={"objectivity"}, **kw).findings]


def rules_hit(text, word):
    return [r for r, t in objectivity(text) if word in t]


# --- parser: a space as thousands separator ----------------------------------------------------------------------
def test_a_space_as_thousands_separator_is_one_number():
    figs = find_figures("全国造船完工量3 215万载重吨,新接订单5 104万载重吨,手持订单12 880万载重吨。")
    assert [f.value for f in figs][:2] == [3215.0, 5104.0]
    assert figs[0].text.startswith("3 215")


def test_a_space_between_a_count_and_a_short_number_is_not_joined():
    figs = find_figures("共有3 个示范区,覆盖12 家企业。")
    assert [f.value for f in figs] == [3.0, 12.0]


# --- evidence: who the source is ---------------------------------------------------------------------------------
def test_a_commission_abbreviation_with_a_release_verb_is_a_source():
    t = ("工信委发布信息,1—9月,全省纺织业实现营业收入1 862亿元,同比增长5.1%。其中,化纤制造业营业收入415亿元,"
         "同比增长7.3%。\n1—9月,全省纺织业实现利润98亿元,同比增长2.2%。\n")
    assert evidence(t) == []


def test_a_press_conference_of_a_ministry_is_a_source_for_the_lead():
    t = ("记者6月12日从交通运输部“水运高质量发展”专题新闻发布会上获悉,2015年到2024年,全国港口货物吞吐量"
         "从127.5亿吨增长至175.9亿吨,内河航道通航里程达12.8万公里。\n")
    assert evidence(t) == []


def test_a_named_platform_releasing_market_data_is_not_a_vague_source():
    t = ("3月5日,某家居招聘平台发布2026年一季度家具制造业招聘市场数据显示,新增职位同比增长12.4%,"
         "其中设计类岗位占比达18.2%。\n")
    assert evidence(t) == []


def test_market_data_with_no_named_publisher_is_still_vague():
    t = "市场数据显示,家具制造业新增职位同比增长12.4%,设计类岗位占比达18.2%。\n"
    assert evidence(t)


def test_attendance_gathering_counts_are_the_communitys_own_facts():
    t = ("本报讯 4月18日,全国现代纺织产教融合共同体在某职业技术学院成立。来自全国210余家企业、院校和行业协会的"
         "代表齐聚一堂,见证共同体成立。\n")
    assert evidence(t) == []


# --- objectivity: unquantified trends ---------------------------------------------------------------------------
def test_yearly_and_monthly_continuity_adverbs_are_trend_adverbs():
    assert rules_hit("受产能调整影响,中小煤矿的招聘需求量逐年下降。", "逐年下降")
    assert rules_hit("近半年来,药店店员的流失率逐月上升。", "逐月上升")


def test_a_yearly_pattern_described_as_a_trend_is_not_flagged():
    assert not rules_hit("从近五年的数据看,纺织类专业毕业生的留省就业率呈现逐年增加的态势。", "逐年增加")


def test_further_plus_a_measurable_change_as_predicate():
    assert rules_hit("与沿海省份相比,内陆省份造船企业的用工差距进一步缩小。", "进一步缩小")


def test_further_with_an_object_or_a_requirement_is_policy_wording():
    assert not rules_hit("各院校要进一步提高纺织专业实训课程比重。", "进一步提高")
    assert not rules_hit("船舶焊接实训条件还有待进一步提高。", "进一步提高")


def test_expansion_and_falling_low_are_measurable_changes():
    assert rules_hit("家居零售门店在三四线城市有明显扩张。", "明显扩张")
    assert rules_hit("药店店员的主动离职率持续走低。", "持续走低")


def test_displaying_strong_or_huge_qualities_is_promotional():
    assert rules_hit("今年以来,造船行业展现出强大的发展韧性。", "展现出强大的")


def test_a_gap_that_is_marked_or_significant_with_no_figure():
    assert rules_hit("我国船舶设计人才缺口显著。", "缺口显著")
    assert rules_hit("西部地区家具设计水平与东部差距明显。", "差距明显")


def test_serious_impact_and_imbalance():
    assert rules_hit("原材料价格波动严重影响了中小纺织企业的用工计划。", "严重影响")


# --- objectivity: false flags removed ----------------------------------------------------------------------------
def test_an_approximate_round_count_is_not_a_vague_amount():
    assert not rules_hit("来自全省近百家煤炭企业、院校的代表参加了会议。", "近百")


def test_talent_shortage_as_a_labour_market_state_is_not_promotional():
    assert not rules_hit("持证船舶电工人才供不应求,企业多从外省引进。", "供不应求")
    assert not rules_hit("在供不应求的情况下,药店多以提高底薪招聘执业药师。", "供不应求")


def test_a_product_sold_out_claim_is_still_promotional():
    assert rules_hit("这款实木沙发一上市便供不应求。", "供不应求")


def test_demand_soaring_or_heating_up_with_no_figure():
    assert rules_hit("春节过后,药店执业药师的需求也在飙升。", "飙升")
    assert rules_hit("入冬以来,羽绒家纺市场需求升温,带动企业扩招。", "需求升温")
