"""Issue 9, round 11: a stated growth rate against its two values, judged by the rounding of the written digits;
two changes stated 分别 for two levels given just before; rates computed on a comparable basis are not checked."""
from assistant.check import check_text


def growth(text):
    return [f for f in check_text(text, categories={"consistency"}).findings if f.rule_id == "consistency.growth-mismatch"]


def test_rate_outside_the_rounding_of_its_digits_is_flagged():
    # 5 300.40 − 130.20 = 5 170.20; 130.20 / 5 170.20 = 2.52%, written 2.48%
    found = growth("全年货物周转量5 300.40×104t，比2019年增加130.20×104t，增长2.48%。")
    assert len(found) == 1 and "2.52%" in found[0].message


def test_rate_inside_the_rounding_of_coarse_digits_is_not_flagged():
    # 200 / (1200 − 200) = 20%; a trailing zero may be a rounded digit (1200 may be 1 204, 200 may be 204): 21% is possible
    assert not growth("全年营业收入1200亿元，比上年增加200亿元，增长21%。")
    # written with one decimal the same 21.0% is outside: 200.0 / 1000.0 = 20.0%
    assert growth("全年营业收入1200.0亿元，比上年增加200.0亿元，增长21.0%。")


def test_comparable_basis_is_not_checked():
    assert not growth("全年营业收入1200.0亿元，比上年增加200.0亿元，按可比口径计算增长21.0%。")


def test_bounded_value_falls_back_to_the_tolerance():
    assert not growth("全年营业收入近1200.0亿元，比上年增加200.0亿元，增长20.6%。")


def test_two_changes_of_two_levels_stated_before():
    text = ("本季度，企业招聘各类人员约480.0万人，进入市场的求职者约400.0万人。"
            "与上季度相比，需求人数和求职人数分别减少了20.0万人和40.0万人，各下降了4.0%和8.1%。")
    found = growth(text)  # 20/500 = 4.0% right; 40/440 = 9.1% written 8.1%
    assert len(found) == 1 and found[0].level == "warning" and "9.1%" in found[0].message


def test_changes_are_not_taken_for_levels():
    text = ("本季度招聘约480.0万人，求职者约400.0万人。与去年同期相比，需求人数和求职人数分别增加了20.0万人和10.0万人，"
            "各增长了4.3%和2.6%。与上季度相比，需求人数和求职人数分别增加了40.0万人和30.0万人，各增长了9.1%和8.1%。")
    # the second pair must be measured against 480/400 again, not against the changes 20/10 of the sentence before
    assert not growth(text)


def test_same_cities_scope_is_not_checked():
    text = ("本季度招聘约480.0万人，求职者约400.0万人。在与上季度相同的80个城市中，需求人数和求职人数分别减少了20.0万人和"
            "40.0万人，各下降了5.0%和12.0%。")
    assert not growth(text)


def test_shares_of_two_wholes_are_not_parts():
    text = "据统计，制造业总产出和增加值分别为1100.0亿元和270.0亿元，占全行业总产出和增加值的比重分别为65.7%和50.2%。"
    found = check_text(text, categories={"consistency"}).findings
    assert not [f for f in found if f.rule_id == "consistency.parts-total"]


def test_drift_within_half_a_percent_of_the_rate_is_not_flagged():
    # 14 486 / 41 405 = 34.99%: written 35.1% is within 0.5% of the rate (0.18 points)
    assert not growth("全年产量55891万吨，比上年增加14486万吨，增长35.1%。")
    assert growth("全年产量55891万吨，比上年增加14486万吨，增长36.1%。")
