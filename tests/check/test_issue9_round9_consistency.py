"""Issue 9, ninth round: consistency classes found on dev documents (f23, h34) that the checker missed. Sentences are
written for these tests with generic subjects; figures are invented."""
from assistant.check import check_text


def _rules(text: str) -> list[str]:
    return [f.rule_id for f in check_text(text, categories={"consistency"}).findings]


def test_average_annual_rate_is_recomputed_as_a_compound_rate():
    # 100 → 200 over five years is 14.9% a year, not 20%
    assert "consistency.growth-mismatch" in _rules("某地某产品产量从2015年的100万吨增长到2020年的200万吨，年均增长20%。")
    assert "consistency.growth-mismatch" in _rules("2018—2023年，某行业营业收入由500亿元增至800亿元，年均增长16%。")


def test_a_right_average_annual_rate_is_not_flagged():
    assert _rules("某地某产品产量从2015年的100万吨增长到2020年的200万吨，年均增长14.9%。") == []
    assert _rules("2018—2023年，某行业营业收入由500亿元增至800亿元，年均增长约9.9%。") == []


def test_average_rate_without_its_years_is_left_alone():
    # no span of years: the compound rate cannot be recomputed, and the plain growth rule must not take 年均 as simple
    assert _rules("某行业营业收入由500亿元增至800亿元，年均增长16%。") == []


def test_a_per_mille_rate_changing_by_percent_is_a_percent_point_slip():
    assert "consistency.percent-points" in _rules("全年某地出生率8.52‰，同比下降0.149%。")


def test_a_share_then_growth_is_the_growth_of_the_quantity():
    # 增长 after a share is the growth of the quantity the share is of (i02), not the share's change
    assert _rules("1—7月份，某类产业增加值占比90.1%，同比增长5.2%。") == []


def test_a_named_share_rate_changing_by_percent_is_a_percent_point_slip():
    assert "consistency.percent-points" in _rules("截至年底，某市常住人口城镇化率同比提高1.3%。")


def test_productivity_and_efficiency_rates_may_change_by_percent():
    assert _rules("某地全员劳动生产率提高5.2%，能源利用效率提高3%。") == []


def test_a_bound_on_the_average_rate_is_met_when_the_rate_lies_within_it():
    # 1 → 3 over five years is 24.6% a year: "超过20%" holds, "超过30%" and "不足20%" do not (found by batch m's one run)
    assert _rules("某市场规模从2015年的1万亿元增长至2020年的3万亿元，年均复合增长率超过20%。") == []
    assert "consistency.growth-mismatch" in _rules("某市场规模从2015年的1万亿元增长至2020年的3万亿元，年均复合增长率超过30%。")
    assert "consistency.growth-mismatch" in _rules("某市场规模从2015年的1万亿元增长至2020年的3万亿元，年均增长不足20%。")
    assert _rules("某市场规模从2015年的1万亿元增长至2020年的3万亿元，年均增长20%以上。") == []


def test_one_share_over_several_years_is_not_a_breakdown():
    # found by batch n's one run: the same share in three years, listed with 分别为
    assert _rules("某类业务占比达到70.5%，这一比例在2020年—2022年分别为66.1%、67.3%、68.2%。") == []
    assert "consistency.parts-total" in _rules("某地企业中，大型、中型、小型企业的占比分别为40.1%、35.2%、30.3%。")


def test_a_part_that_is_a_share_of_another_part_is_nested():
    # found by batch n's one run: 124 is a share of the 287, not a third part of the 373
    assert _rules("学校教职工总数400人，其中专任教师300人，具备某类资格的150人，占专任教师比例为50%。") == []
    assert "consistency.parts-total" in _rules("学校教职工总数400人，其中专任教师300人，行政人员150人。")
