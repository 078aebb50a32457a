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
