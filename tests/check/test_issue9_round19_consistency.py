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
