"""Issue 9, round 29 (consistency), from batch ab's misses: a rate's change written as 较YYYY年增长x% (percent points);
a total named with the count of its parts (六大产业、三类) followed by exactly that many parts that do not add up to it;
a revenue margin said to move against the growths of its profit and revenue. Own sentences (boat building, dairy,
printing, pet food, seed companies, hot springs, paper, kitchenware), none on the two sample industries; each test
holds a defective case and a clean twin, and fails on the code before round 29."""
from assistant.check import check_text

POINTS = "consistency.percent-points"
PARTS = "consistency.parts-total"
MARGIN = "consistency.margin-direction"


def found(text, rule):
    return [f for f in check_text(text, categories={"consistency"}).findings if f.rule_id == rule]


# ---------------------------------------------------------------- a rate's change against a named year
def test_rate_change_against_a_named_year_in_percent():
    bad = "据某省船舶工业协会统计，2024年游艇订单交付率为93.6%，较2022年增长了2.5%。"
    good = "据某省船舶工业协会统计，2024年游艇订单交付率为93.6%，较2022年增长了2.5个百分点。"
    assert [h.text for h in found(bad, POINTS)] == ["率为93.6%，较2022年增长了2.5%"]
    assert not found(good, POINTS)


def test_amount_growth_against_a_named_year_beside_a_rate_is_not_read():
    text = "据某市乳业协会统计，2024年全市生鲜乳产量为46.2万吨，比2023年增长3.9%，乳品抽检合格率为99.8%。"
    assert not found(text, POINTS)
    bad = "据某市乳业协会统计，2024年全市乳品抽检合格率为99.1%，比去年增长0.4%。"
    assert found(bad, POINTS)


# ---------------------------------------------------------------- a total named with the count of its parts
def test_counted_parts_in_the_next_sentence_exceed_the_total():
    bad = ("据某市印刷行业协会统计，全市三大印刷门类完成产值64.0亿元，同比增长3.0%。其中：出版物印刷实现产值188000万元；"
           "包装装潢印刷实现产值331000万元；其他印刷品印刷实现产值141000万元。")
    good = bad.replace("188000万元", "168000万元")
    assert [h.text for h in found(bad, PARTS)] == ["64.0亿元"]
    assert not found(good, PARTS)


def test_counted_parts_in_the_same_sentence_fall_short_of_the_total():
    bad = "据某省宠物食品行业协会统计，全省两类宠物食品出口额12.8亿元，其中犬粮出口额7.1亿元、猫粮出口额4.2亿元。"
    good = "据某省宠物食品行业协会统计，全省两类宠物食品出口额12.8亿元，其中犬粮出口额7.1亿元、猫粮出口额5.7亿元。"
    assert [h.text for h in found(bad, PARTS)] == ["12.8亿元"]
    assert not found(good, PARTS)


def test_counted_total_with_another_number_of_parts_is_not_read():
    # three amounts after 其中 for 两类 (a part of a part): the list is not the two parts alone
    nested = ("据某省种业协会统计，全省两类种子企业销售额36.0亿元，其中杂交水稻种子企业21.0亿元，"
              "杂交水稻种子企业中出口额4.0亿元，蔬菜种子企业15.0亿元。")
    assert not found(nested, PARTS)
    two = nested.replace("，杂交水稻种子企业中出口额4.0亿元", "").replace("15.0亿元", "11.0亿元")
    assert [h.text for h in found(two, PARTS)] == ["36.0亿元"]


# ---------------------------------------------------------------- a revenue margin against its growths
def test_margin_rise_with_profit_growing_slower_than_revenue():
    bad = ("据某省温泉旅游协会统计，会员企业实现营业收入58.4亿元，同比增长7.2%；利润总额6.1亿元，同比增长4.5%；"
           "营业收入利润率同比提高0.3个百分点。")
    good = bad.replace("提高0.3个百分点", "下降0.3个百分点")
    assert [h.text for h in found(bad, MARGIN)] == ["营业收入利润率同比提高0.3个百分点"]
    assert not found(good, MARGIN)


def test_margin_fall_with_profit_falling_less_than_revenue():
    bad = ("据某省造纸行业协会统计，规模以上造纸企业主营业务收入1850亿元，下降6.0%，利润94亿元，下降2.0%，"
           "销售利润率为5.1%，比上年下降0.2个百分点。")
    good = bad.replace("利润94亿元，下降2.0%", "利润94亿元，下降9.0%")
    assert [h.text for h in found(bad, MARGIN)] == ["销售利润率为5.1%，比上年下降0.2个百分点"]
    assert not found(good, MARGIN)


def test_margin_on_costs_or_a_parts_profit_is_not_read():
    cost = ("据某市厨具行业协会统计，会员企业营业收入75亿元，增长6.0%，利润总额5.2亿元，增长3.0%，"
            "成本费用利润率提高0.1个百分点。")
    assert not found(cost, MARGIN)
    part = ("据某市厨具行业协会统计，会员企业营业收入75亿元，增长6.0%，其中出口企业利润总额2.2亿元，增长3.0%，"
            "销售利润率提高0.1个百分点。")
    assert not found(part, MARGIN)
    within = ("据某市厨具行业协会统计，会员企业营业收入75亿元，增长6.0%，利润总额5.2亿元，增长5.98%，"
              "销售利润率提高0.1个百分点。")
    assert not found(within, MARGIN)  # 5.98 vs 6.0: a rounding of 6.0 (5.95–6.05) lets the margin rise
    assert found(within.replace("增长5.98%", "增长5.8%"), MARGIN)


# ---------------------------------------------------------------- periods that cover a cumulative total
PERIOD = "consistency.period-parts"


def test_half_year_and_three_months_against_the_nine_months_total():
    bad = ("据某省陶瓷行业协会统计，上半年全省日用陶瓷出口额42.6亿元，同比增长2.3%。7月当月出口7.8亿元，8月出口8.1亿元，"
           "9月出口7.5亿元。1月至9月，全省日用陶瓷累计出口68.9亿元。")
    good = bad.replace("68.9亿元", "66.0亿元")
    assert [h.text for h in found(bad, PERIOD)] == ["68.9亿元"]
    assert not found(good, PERIOD)


def test_two_quarters_and_a_half_against_the_year():
    bad = ("据某市港口管理局统计，一季度全市集装箱吞吐量58.2万标箱；二季度全市集装箱吞吐量61.4万标箱；"
           "下半年全市集装箱吞吐量127.5万标箱。全年全市集装箱吞吐量253.6万标箱。")
    good = bad.replace("253.6万标箱", "247.1万标箱")
    assert [h.text for h in found(bad, PERIOD)] == ["253.6万标箱"]
    assert not found(good, PERIOD)


def test_a_month_alone_that_may_be_cumulative_is_not_read():
    # 8月 above the half year's total: it may be the cumulative to August, so the months do not certainly cover 1—9月
    text = ("据某省陶瓷行业协会统计，上半年全省日用陶瓷出口额42.6亿元。7月当月出口7.8亿元，8月出口50.2亿元，"
            "9月出口7.5亿元。1月至9月，全省日用陶瓷累计出口68.9亿元。")
    assert not found(text, PERIOD)
    assert [h.text for h in found(text.replace("8月出口50.2亿元", "8月出口9.2亿元"), PERIOD)] == ["68.9亿元"]
    # two figures that start in January (一季度 and 上半年): the cover is not unique
    two = ("据某市港口管理局统计，一季度全市集装箱吞吐量58.2万标箱；上半年全市集装箱吞吐量119.6万标箱；"
           "下半年全市集装箱吞吐量127.5万标箱。全年全市集装箱吞吐量253.6万标箱。")
    assert not found(two, PERIOD)
    assert found(two.replace("上半年全市集装箱吞吐量119.6万标箱", "二季度全市集装箱吞吐量61.4万标箱"), PERIOD)


def test_margin_in_a_statistics_release_is_not_read():
    """A statistics body's release states growths on a comparable sample and this year's margin on this year's
    sample: the two may disagree, so the check stays out of a text with the release layout."""
    release = ("一、总体情况\n\n1—10月份，全市规模以上造纸企业实现营业收入1850亿元，同比下降6.0%；实现利润94亿元，同比下降2.0%；"
               "营业收入利润率为5.1%，同比下降0.2个百分点。\n\n"
               "二、分行业情况\n\n1—10月份，纸浆制造业营业收入增长3.1%，利润增长5.4%。纸制品制造业营业收入下降8.2%，利润下降1.5%。"
               "机制纸及纸板产量同比增长2.6%。包装用纸产量同比下降4.3%。\n\n"
               "附注\n\n1.统计范围：年主营业务收入2000万元及以上的工业法人单位。\n\n"
               "2.指标解释：营业收入利润率指利润总额与营业收入之比。分经济类型看，国有控股企业利润增长1.2%。\n")
    from assistant.check import check_text
    assert not found(release, MARGIN)
    article = release.replace("一、总体情况\n\n", "").split("\n\n二、")[0]
    assert found("据某省造纸行业协会统计，" + article, MARGIN)  # the same sentence in an association's report
