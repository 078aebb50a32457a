"""Issue 9, round 23 (consistency): the structures behind batch a's false flags, tightened generally — a share
followed by a fall that cannot be the share's own change (the amount's change, not points), averages of two
complementary groups (not additive parts of the whole's average), and figures after 其中 named by another metric
word than the total's (not its parts). Own sentences (dairy, shipbuilding, hospitals, bakeries, seeds, cinemas,
tea, furniture), none on the two sample industries; each clean case has its defective twin that stays flagged."""
from assistant.check import check_text


def found(text, rule):
    return [f for f in check_text(text, categories={"consistency"}).findings if f.rule_id == rule]


PERCENT = "consistency.percent-points"
PAIR = "consistency.pair-total"
PARTS = "consistency.parts-total"


# ---------------------------------------------------------------- a share with its amount's change
def test_share_whose_fall_cannot_be_its_own_is_the_amounts_change_in_the_whole_sentence():
    text = ("据某省统计局数据，前三季度全省乳制品工业营业收入同比下降9.3%。分品类看，液态奶营业收入占比达93.80%，"
            "同比下降9.9%；奶粉营业收入占比为5.10%，同比下降4.2%。")
    assert not found(text, PERCENT)  # 93.80 + 9.9 > 100: both clauses give the amounts' changes


def test_share_fall_that_could_be_the_shares_own_stays_flagged():
    text = ("据某省统计局数据，前三季度全省乳制品工业营业收入同比下降9.3%。分品类看，液态奶营业收入占比达73.80%，"
            "同比下降9.9%；奶粉营业收入占比为5.10%，同比下降4.2%。")
    hits = found(text, PERCENT)
    assert len(hits) == 2 and hits[0].text.startswith("占比达73.80%")


def test_share_rise_in_percent_is_still_flagged_beside_an_impossible_fall_elsewhere():
    text = ("据某市船舶行业协会统计，全市造船完工量中散货船占比为96.5%，同比下降8.0%。"
            "另据协会统计，新接订单中集装箱船比重为21.0%，比上年提高4.5%。")
    hits = found(text, PERCENT)
    assert [h.text for h in hits] == ["比重为21.0%，比上年提高4.5%"]


# ---------------------------------------------------------------- averages of complementary groups
def test_per_capita_total_with_urban_and_rural_averages_is_not_summed():
    text = ("据某县统计局数据，上半年全县居民人均医疗保健支出为1250元，其中，城镇居民人均医疗保健支出1610元，"
            "农村居民人均医疗保健支出930元。")
    assert not found(text, PAIR)


def test_average_price_with_domestic_and_foreign_averages_is_not_summed():
    text = ("据某省茶叶流通协会统计，2024年全省茶叶出厂平均价格为186元，其中国内市场出厂平均价格172元，"
            "国际市场出厂平均价格241元。")
    assert not found(text, PAIR)


def test_additive_pair_still_flagged():
    text = ("据某市卫生健康委员会统计，2024年全市医疗机构诊疗人次为1862.4万人次，其中公办医疗机构诊疗人次1530.2万人次，"
            "民办医疗机构诊疗人次349.8万人次。")
    hits = found(text, PAIR)
    assert len(hits) == 1 and hits[0].text == "1530.2万人次"


# ---------------------------------------------------------------- figures of another metric after 其中
def test_other_metric_words_after_a_total_are_not_its_parts():
    text = ("据某县商务局统计，一季度全县烘焙食品零售总额3.6亿元，同比增长6.1%，其中，门店零售额2.2亿元，"
            "同比增长4.0%，原料批发销售额8.5亿元；外卖平台营业额1.9亿元。")
    assert not found(text, PARTS)


def test_parts_with_the_totals_metric_word_still_add_up_against_it():
    text = ("据某县商务局统计，一季度全县烘焙食品零售总额3.6亿元，其中，门店零售额2.2亿元，网络零售额1.9亿元，"
            "原料批发销售额8.5亿元。")
    hits = found(text, PARTS)
    assert len(hits) == 1 and "4.1亿元" in hits[0].message


def test_parts_without_a_metric_word_are_still_read():
    text = ("据某省种业协会统计，2024年会员企业研发投入总额9.4亿元，其中，水稻育种投入4.6亿元，玉米育种投入3.9亿元，"
            "其他作物育种投入1.8亿元。")
    hits = found(text, PARTS)
    assert len(hits) == 1 and "10.3亿元" in hits[0].message


# ---------------------------------------------------------------- a part larger than the total of the sentence before
def test_part_in_latin_unit_larger_than_the_total_before_is_flagged():
    text = ("据某市港口管理局统计，一季度全市港口完成集装箱吞吐量86.40万TEU，同比增长5.2%。"
            "其中，外贸集装箱完成612.30万TEU，内贸集装箱完成24.10万TEU。")
    hits = found(text, PARTS)
    assert len(hits) == 1 and hits[0].text == "612.30万TEU" and "86.40万TEU" in hits[0].message


def test_parts_within_the_total_before_are_clean():
    text = ("据某市港口管理局统计，一季度全市港口完成集装箱吞吐量86.40万TEU，同比增长5.2%。"
            "其中，外贸集装箱完成62.30万TEU，内贸集装箱完成24.10万TEU。")
    assert not found(text, PARTS)


def test_two_amounts_of_the_unit_before_leave_the_total_unknown():
    text = ("据某省家具行业协会统计，全年会员企业完成营业收入120亿元，利润总额8亿元。"
            "其中，定制家具营业收入90亿元，成品家具营业收入30亿元。")
    assert not found(text, PARTS)


def test_a_part_of_another_unit_is_not_compared():
    text = ("据某市电影局统计，国庆档全市电影票房1.8亿元，同比增长4.0%。"
            "其中，观影人次达420万人次，国产影片票房1.5亿元。")
    assert not found(text, PARTS)
