"""Issue 9, round 26 (consistency): rates of several groups (就业率、合格率 分别为…) are not the parts of one whole;
a growth rate named as a noun after a level's change (增加D，增速X%) is recomputed; a share said to rise while its part
grew slower than its whole (and the reverse) is flagged; a concentration ratio's or share's change in % right after
its level. Own sentences (nursing and pharmacy graduates, driving-school tests, seed sales, hotel rooms, postal
parcels, river freight, building materials, dairy, bookstores), none on the two sample industries; each clean case has
a defective twin."""
from assistant.check import check_text

PERCENT = "consistency.percent-points"
GROWTH = "consistency.growth-mismatch"
PARTS = "consistency.parts-total"
DIRECTION = "consistency.share-direction"


def found(text, rule):
    return [f for f in check_text(text, categories={"consistency"}).findings if f.rule_id == rule]


# ---------------------------------------------------------------- rates of groups are not parts of one whole
def test_rates_of_two_groups_after_a_share_word_are_not_parts():
    text = ("据某卫生职业学院年报，该校毕业生在基层医疗机构就业的比例较高，2024届护理、康复专业毕业生的"
            "初次就业率分别为93.7%、90.2%。")
    assert not found(text, PARTS)


def test_pass_rates_of_three_groups_are_not_parts():
    text = "据某市驾培行业协会统计，2024年科目一、科目二和科目三的考试合格率分别为88.5%、76.3%和81.9%，结构较上年稳定。"
    assert not found(text, PARTS)


def test_shares_of_one_whole_over_100_percent_stay_flagged():
    text = "据某省种子协会统计，2024年全省种子销售额中玉米、水稻和蔬菜种子的占比分别为48.6%、33.1%和27.4%。"
    assert [h.text for h in found(text, PARTS)] == ["48.6%、33.1%和27.4%"]


def test_shares_after_a_rate_in_an_earlier_clause_stay_flagged():
    # the rate is in an earlier clause; the list's own clause names a share of one whole
    text = ("据某旅游职业学院年报，2024届酒店管理专业毕业生就业率为95.1%，在国有、民营和外资酒店就业的占比"
            "分别为30.5%、52.0%和24.0%。")
    assert [h.text for h in found(text, PARTS)] == ["30.5%、52.0%和24.0%"]


# ---------------------------------------------------------------- a growth rate named after a level's change
def test_growth_named_as_a_noun_after_the_change_is_recomputed():
    text = "据某省邮政管理局统计，2024年全省邮政寄递包裹量7450.0万件，同比增加612.0万件，增速9.6%。"
    hits = found(text, GROWTH)
    assert hits and "9.6%" in hits[0].text


def test_growth_named_as_a_noun_that_follows_is_clean():
    text = "据某省邮政管理局统计，2024年全省邮政寄递包裹量7450.0万件，同比增加612.0万件，增速9.0%。"
    assert not found(text, GROWTH)


# ---------------------------------------------------------------- a share's direction against the two growths
WHOLE = "据某市港航管理局统计，2024年全市内河港口货物吞吐量2.50亿吨，同比增长6.0%。"


def test_share_said_to_rise_while_the_part_grew_slower_is_flagged():
    text = WHOLE + "其中，集装箱货物吞吐量0.80亿吨，增长2.0%，占32.0%，占比较上年提高1.2个百分点。"
    assert [h.text for h in found(text, DIRECTION)] == ["占比较上年提高1.2个百分点"]


def test_share_said_to_fall_while_the_part_grew_faster_is_flagged():
    text = WHOLE + "其中，集装箱货物吞吐量0.80亿吨，增长11.0%，占32.0%，占比较上年下降1.4个百分点。"
    assert [h.text for h in found(text, DIRECTION)] == ["占比较上年下降1.4个百分点"]


def test_share_rising_with_a_faster_part_is_clean():
    text = WHOLE + "其中，集装箱货物吞吐量0.80亿吨，增长11.0%，占32.0%，占比较上年提高1.4个百分点。"
    assert not found(text, DIRECTION)


def test_share_of_another_whole_is_not_compared():
    # 0.80 of 2.50 is 32%, not the 45% written: the share is of another whole, and nothing is read
    text = WHOLE + "其中，集装箱货物吞吐量0.80亿吨，增长2.0%，占45.0%，占比较上年提高1.2个百分点。"
    assert not found(text, DIRECTION)


def test_growths_close_within_rounding_are_not_flagged():
    # 5.8% against 6%: the whole's rounding (5.5%–6.5%) lets the share move either way
    text = ("据某市港航管理局统计，2024年全市内河港口货物吞吐量2.50亿吨，同比增长6%。其中，集装箱货物吞吐量0.80亿吨，"
            "增长5.8%，占32.0%，占比较上年提高0.1个百分点。")
    assert not found(text, DIRECTION)


# ---------------------------------------------------------------- a concentration ratio's change in %
def test_concentration_change_in_percent_after_its_level_is_flagged():
    text = "据某省建材行业协会统计，2024年排名前五家水泥企业的产能集中度达62%，提高4%。"
    assert [h.text for h in found(text, PERCENT)] == ["集中度达62%，提高4%"]


def test_concentration_change_in_points_is_clean():
    text = "据某省建材行业协会统计，2024年排名前五家水泥企业的产能集中度达62%，提高4个百分点。"
    assert not found(text, PERCENT)


def test_an_amount_after_a_share_with_its_own_growth_is_clean():
    # the % after the share belongs to the next clause's amount, not to the share
    text = "据某乳业协会统计，2024年低温奶占乳制品销售额的比重为18.5%，销售额增长6.2%。"
    assert not found(text, PERCENT)
