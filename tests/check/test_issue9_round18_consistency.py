"""Issue 9, round 18 (consistency): a share recomputed from an amount and its whole stated earlier (beyond rounding,
as a warning); one precise value under two metric names with one head noun; 个% written for 个百分点; a share's change
with an approximate % (近20%). Own sentences, other industries than the samples."""
from assistant.check import check_text


def found(text, rule):
    return [f for f in check_text(text, categories={"consistency"}).findings if f.rule_id == rule]


WHOLE = "截至9月末，全行业规模以上企业累计主营收入4.80万亿元。"


def test_share_off_beyond_rounding_is_a_warning():
    hits = found(WHOLE + "其中，粮食加工业累计主营收入1.92万亿元，同比增长6.1%，占全行业主营收入的38.5%。",
                 "consistency.share-mismatch")
    # 1.92 / 4.80 = 40.0%, not 38.5%
    assert len(hits) == 1 and hits[0].level == "warning" and "40.0%" in hits[0].message


def test_share_within_rounding_or_bounded_or_tiny_drift_is_not_flagged():
    rule = "consistency.share-mismatch"
    assert not found(WHOLE + "其中，粮食加工业累计主营收入1.92万亿元，占全行业主营收入的40.0%。", rule)
    assert not found(WHOLE + "其中，粮食加工业累计主营收入近1.92万亿元，占全行业主营收入的38.5%。", rule)
    # 0.1 point off: below the 0.2-point floor, a release's basis drift
    assert not found(WHOLE + "其中，粮食加工业累计主营收入1.92万亿元，占全行业主营收入的40.1%。", rule)
    # a magnitude slip is the other rule's, not a mismatch
    assert not found(WHOLE + "其中，粮食加工业累计主营收入1.92亿元，占全行业主营收入的40.0%。", rule)


def test_one_value_under_two_metric_names_is_a_warning():
    text = ("数据显示，今年全省文旅行业整体求职需求同比增长31.46%，讲解员求职人数居首。\n"
            "另据平台研究院统计，今年1—9月，全省文旅行业整体岗位需求同比增长31.46%。")
    hits = found(text, "consistency.value-two-names")
    assert len(hits) == 1 and hits[0].level == "warning" and "求职需求" in hits[0].message


def test_same_name_short_value_or_other_head_is_not_flagged():
    rule = "consistency.value-two-names"
    # the same metric restated
    assert not found("全省文旅行业岗位需求同比增长31.46%。\n前三季度，全省文旅行业岗位需求同比增长31.46%。", rule)
    # three significant digits: coincidences are common
    assert not found("全省求职需求同比增长31.5%。\n全省岗位需求同比增长31.5%。", rule)
    # different head nouns: two metrics that happen to share a value
    assert not found("全省营业收入同比增长12.35%。\n全省利润总额同比增长12.35%。", rule)


def test_ge_percent_is_percentage_points():
    hits = found("今年春季招聘中，康养企业用工需求同比增长28%，增幅较上年提高近4个%。", "consistency.percent-points")
    assert len(hits) == 1 and "4个%" in hits[0].text
    assert not found("今年康养企业用工需求同比增长28%，增幅较上年提高4个百分点。", "consistency.percent-points")


def test_share_change_with_approximate_percent():
    hits = found("前三季度，节水型灌溉设备销售比例上升至38.2%，比上年上升了近12%。", "consistency.percent-points")
    assert len(hits) == 1
    assert not found("前三季度，节水型灌溉设备销售比例上升至38.2%，比上年上升了近12个百分点。", "consistency.percent-points")


def test_a_sibling_part_is_not_taken_for_the_whole():
    text = ("全省旅游产业总规模与增加值数据发布。从内部构成看，旅游服务业增加值为5120亿元，占旅游产业增加值的比重为80.0%。"
            "旅游商品制造增加值为960亿元，占旅游产业增加值的比重为15.0%。")
    # 960 / 5120 is 18.8%, but 5120亿元 is itself a part of the whole, not the whole
    assert not found(text, "consistency.share-mismatch")


def test_an_abbreviated_or_extended_name_is_the_same_metric():
    # found after batch v's run: 规上 for 规模以上 and an added word (绝对) name one metric, not two
    text = ("规上工业原煤产量3825.6万吨，同比增长2.7%。\n"
            "9月份，全国规模以上工业实际原煤产量为3825.6万吨，同比增长2.7%。")
    assert not found(text, "consistency.value-two-names")


def test_a_quarter_is_not_paired_with_the_year_before_for_a_yoy_rate():
    # found after batch v's run: 截至2025年一季度…同比 compares with 2024's first quarter, not with the end of 2024
    text = ("截至2024年，全国冷藏集装箱保有量为32.5万个，同比增长11.2%。截至2025年一季度，全国冷藏集装箱保有量为"
            "33.1万个，同比增长10.4%。")
    assert not [f for f in check_text(text, categories={"consistency"}).findings
                if f.rule_id == "consistency.growth-mismatch"]
    # the same two values a year apart are still recomputed
    text = "2024年全国冷藏集装箱保有量为32.5万个。2025年全国冷藏集装箱保有量为33.1万个，同比增长10.4%。"
    assert [f for f in check_text(text, categories={"consistency"}).findings
            if f.rule_id == "consistency.growth-mismatch"]
