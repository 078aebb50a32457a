"""Issue 9, round 19 (consistency): a value stated as a bound (突破/超过/逾 X, X多, 近 X) is not a second value of
the metric; the exact value is compared with the bound instead. Own sentences, other industries than the samples."""
from assistant.check import check_text

RULE = "consistency.metric-mismatch"


def found(text):
    return [f for f in check_text(text, categories={"consistency"}).findings if f.rule_id == RULE]


def test_exact_value_inside_the_stated_bound_is_not_a_mismatch():
    assert not found("2022年全国家具制造业营业收入首次突破8000亿元。\n报告称，2022年全国家具制造业营业收入为8624.3亿元。")
    assert not found("2022年全国家具制造业营业收入超过8000亿元。\n全年看，2022年全国家具制造业营业收入8624.3亿元。")
    assert not found("2022年全国家具制造业营业收入近9000亿元。\n全年看，2022年全国家具制造业营业收入8624.3亿元。")


def test_exact_value_outside_the_bound_or_two_exact_values_still_flagged():
    hits = found("2022年全国家具制造业营业收入首次突破9000亿元。\n报告称，2022年全国家具制造业营业收入为8624.3亿元。")
    assert len(hits) == 1 and "8624.3亿元" in hits[0].message
    assert found("2022年全国家具制造业营业收入近8000亿元。\n全年看，2022年全国家具制造业营业收入8624.3亿元。")
    assert found("2022年全国家具制造业营业收入8000亿元。\n全年看，2022年全国家具制造业营业收入8624.3亿元。")


def dropped(text):
    return [f for f in check_text(text, categories={"consistency"}).findings
            if f.rule_id == "consistency.dropped-magnitude"]


def test_a_total_missing_its_magnitude_among_sibling_totals_is_a_warning():
    text = ("2021年全省陶瓷行业规模以上企业营业收入总额2187.4亿元，资产总额2516.8元，利润总额143.6亿元，"
            "出口交货值412.9亿元。")
    hits = dropped(text)
    assert len(hits) == 1 and hits[0].level == "warning" and "2516.8元" in hits[0].message


def test_per_unit_values_small_totals_and_lone_totals_are_not_flagged():
    # a per-unit value is small by nature
    assert not dropped("全省陶瓷行业营业收入总额2187.4亿元，利润总额143.6亿元，人均利润总额2.1万元，平均单价总额35.6元。")
    # a bare-unit total that would not fit among the siblings even with their magnitude
    assert not dropped("全省陶瓷行业营业收入总额2187.4亿元，利润总额143.6亿元，培训补贴总额3.5元。")
    # no sibling total with a magnitude
    assert not dropped("该协会会费收入总额12000元，支出总额9800元。")


def test_a_range_or_a_bound_written_with_jun_chao_is_not_a_second_value():
    text = ("2023年二季度在文旅人才需求排名前十的城市中，成都、重庆为第一梯队，人才需求占比均超4%；"
            "其余8个城市，人才需求占比在0.85%至2.91%之间。")
    assert not found(text)
    # an exact second value outside the bound is still reported
    assert found("2023年二季度全省文旅人才需求占比超过4%。\n统计显示，2023年二季度全省文旅人才需求占比2.91%。")


def test_one_metric_after_two_subject_phrases_is_not_two_names():
    text = ("2022年，全省纺织企业（指规模以上法人单位，下同）完成纺织业总产值3456.78亿元，同比增长5.2%。\n"
            "分季度看，2022年全省纺织企业完成纺织业总产值3456.78亿元，高于上年。")
    assert not [f for f in check_text(text, categories={"consistency"}).findings
                if f.rule_id == "consistency.value-two-names"]
