"""Issue 9, round 13 (consistency): a decimal point shifted between a headline and the body, the change of any
rate written in % (出租率、开工率…, not 效率、频率 or 率先), and a leading share given alone before the others of the
same whole (overlapping categories adding up to more than 100%). Own sentences."""
from assistant.check import check_text


def found(text, rule):
    return [f for f in check_text(text, categories={"consistency"}).findings if f.rule_id == rule]


def test_headline_and_body_with_the_point_shifted():
    text = "2024年全省仓储吞吐总量约48亿吨\n某协会发布数据。2024年，全省仓储吞吐总量约4.8亿吨，同比增长5.2%。"
    hits = found(text, "consistency.magnitude-slip")
    # the headline is the one flagged (the body gives the detail), pointing at the body's line
    assert len(hits) == 1 and hits[0].text == "48亿" and "第2行为“4.8亿”" in hits[0].message


def test_shift_needs_the_same_digits_and_period():
    # other digits: a different value, not a slip
    assert not found("2024年全省仓储吞吐总量约48亿吨\n2024年，全省仓储吞吐总量约4.6亿吨。", "consistency.magnitude-slip")
    # one month against the whole year: a tenth is plausible
    assert not found("2024年1月，全省仓储吞吐总量约4.8亿吨。2024年全年，全省仓储吞吐总量约48亿吨。",
                     "consistency.magnitude-slip")


def test_change_of_any_rate_in_percent():
    hits = found("上半年园区厂房空置面积减少，整体出租率提升10%左右。", "consistency.percent-points")
    assert len(hits) == 1 and "出租率" in hits[0].text
    assert found("今年行业平均开工率下降6.5%。", "consistency.percent-points")


def test_relative_rates_and_leading_are_not_rates_of_a_whole():
    for text in ("通过工艺改造，生产效率提升20%。", "东部地区率先增长12%。", "劳动生产率提高7.1%。",
                 "整体出租率提升2.1个百分点。"):
        assert not found(text, "consistency.percent-points"), text


def test_leading_share_given_alone_then_the_rest():
    text = ("从类型看，加工类企业仍占主导，全省占比为52.4%。仓储类、运输类和配送类企业，全省占比分别为28.1%、19.6%和7.2%。")
    hits = found(text, "consistency.parts-total")
    assert len(hits) == 1 and "107.3%" in hits[0].message


def test_leading_share_that_adds_up_or_a_survey_is_not_flagged():
    ok = "加工类企业全省占比为45.1%。仓储类、运输类和配送类企业，全省占比分别为28.1%、19.6%和7.2%。"
    assert not found(ok, "consistency.parts-total")
    survey = "受访企业中，选择“缺技术工人”的全省占比为62.0%。选择缺资金、缺场地和缺订单的，全省占比分别为41.0%、20.5%和9.8%。"
    assert not found(survey, "consistency.parts-total")
    other_whole = "加工类企业全省占比为52.4%。仓储类、运输类和配送类企业，全国占比分别为28.1%、19.6%和7.2%。"
    assert not found(other_whole, "consistency.parts-total")


def test_one_share_over_several_years_is_not_summed():
    # the batch-q false flag, in own words: a share given for each of the last five years
    text = "近5年，全省民办机构的比重分别为40.6%、38.1%、34.5%、31.3%和27.7%，呈逐年下降趋势。"
    assert not found(text, "consistency.parts-total")
    assert found("全省民办、公办和混合所有制机构的比重分别为40.6%、38.1%和34.5%。", "consistency.parts-total")


def test_net_change_with_a_four_character_unit():
    # 净增长 states the change itself; 亿立方米 is a four-character unit (1329 − 132 = 1197; 132 / 1197 = 11.0%)
    hits = found("全年管道输送量1329亿立方米，净增长132亿立方米，同比增长10.7%。", "consistency.growth-mismatch")
    assert len(hits) == 1 and "11.0%" in hits[0].message
    assert not found("全年管道输送量1329亿立方米，净增长132亿立方米，同比增长11.0%。", "consistency.growth-mismatch")


def test_count_before_qizhong_is_the_total_of_sibling_parts():
    # batch r (now dev), own words: 52 schools, of which 36 + 24 of two sibling kinds
    hits = found("2024年全市登记技工院校52所，其中市属技工学校36所、县属技工学校24所。", "consistency.parts-total")
    assert len(hits) == 1 and "60所" in hits[0].message
    # overlapping subsets (names with different head nouns) and flows (人次) are not added up
    assert not found("全省普通高校52所，其中本科院校36所、“双一流”高校24所。", "consistency.parts-total")
    assert not found("全年出境旅游1000万人次，其中因私出境960万人次，赴周边国家出境770万人次。", "consistency.parts-total")


def test_turnover_ratio_is_not_a_percentage():
    assert not found("全年总资产周转率提高6.7%。", "consistency.percent-points")
