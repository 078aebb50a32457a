"""Issue 9, round 30 (consistency), from batch ac's four first-run false flags, as classes: one value under a total's
name (…总收入) and another name of the same whole; one metric's name run together with a heading before it; a change
restated on another measure basis (以人民币计, 按可比口径计算); sibling totals after semicolons, each with its own 其中.
Own sentences (hotels, cold storage, furniture, seafood, printing, dairy, logistics parks), none on the two sample
industries; each test holds a clean case the code before flagged beside a defective twin that stays flagged."""
from assistant.check import check_text

TWO_NAMES = "consistency.value-two-names"
DIRECTION = "consistency.direction-words"
PARTS = "consistency.parts-total"


def found(text, rule):
    return [f for f in check_text(text, categories={"consistency"}).findings if f.rule_id == rule]


# ---------------------------------------------------------------- one value, a whole's two names
def test_total_name_and_another_name_of_the_whole_are_one_metric():
    good = ("据某省旅游饭店协会统计，2024年全省星级饭店412家，客房收入38.6亿元，经营收入2175.38亿元。\n"
            "2024年，全省住宿业总收入2175.38亿元，比上年增加121.5亿元。")
    bad = good.replace("全省住宿业总收入", "全省住宿业餐饮收入")
    assert not found(good, TWO_NAMES)
    assert [f.text for f in found(bad, TWO_NAMES)] == ["2175.38亿元"]


def test_name_run_on_from_a_heading_is_read_after_its_number():
    good = ("某冷库运营商发布的半年报告 报告摘要 全国冷库平均租金 1.2345 元/吨·天 一、全国冷库平均租金 1.2345 元/吨·天，"
            "同比小幅下降。")
    bad = good.replace("一、全国冷库平均租金", "一、全国冷藏车平均租金")
    assert not found(good, TWO_NAMES)
    assert found(bad, TWO_NAMES)


# ---------------------------------------------------------------- a change on another measure basis
def test_change_restated_in_parentheses_on_another_currency_is_no_metric():
    good = ("据某海关统计，前8个月全省家具出口52.4亿美元，同比增长0.6%（以人民币计同比增长4.9%）。"
            "8月当月出口6.8亿美元，同比下降2.7%（以人民币计同比下降1.1%）。")
    assert not found(good, DIRECTION)
    # the same basis on both sides, one metric named: still a contradiction
    bad = ("据某海关统计，前8个月全省水产品出口额以人民币计同比增长3.6%，出口量下降1.2%。"
           "从产品看，冻鱼片出口保持稳定。前8个月全省水产品出口额以人民币计同比下降0.7%。")
    assert [f.text for f in found(bad, DIRECTION)] == ["同比下降0.7%"]


def test_comparable_basis_beside_a_reported_change_is_not_compared():
    good = ("据某市印刷行业协会统计，按可比口径计算，全市包装印刷企业营业收入同比增长1.9%。"
            "受部分企业迁出影响，全市包装印刷企业营业收入同比下降3.4%。")
    bad = good.replace("受部分企业迁出影响，全市", "按可比口径计算，全市")
    assert not found(good, DIRECTION)
    assert found(bad, DIRECTION)


# ---------------------------------------------------------------- sibling totals after semicolons
def test_sibling_totals_after_semicolons_are_not_parts():
    good = ("据某省乳业协会统计，1—9月，乳制品加工企业实现利润总额48.6亿元，其中液态奶利润41.2亿元；"
            "奶粉企业实现利润总额22.3亿元，其中婴幼儿奶粉利润19.6亿元；奶酪企业实现利润总额6.1亿元，其中再制奶酪利润4.8亿元。")
    bad = good.replace("其中液态奶利润41.2亿元；", "其中液态奶利润41.2亿元、乳饮料利润9.7亿元；")
    assert not found(good, PARTS)
    assert [f.text for f in found(bad, PARTS)] == ["总额48.6亿元"]
    # no semicolon: the parts' own 总额 after commas stays in the list, and the parts exceed the total
    bad = "据某物流园区管委会统计，园区企业营业收入合计86.0亿元，其中仓储企业营业总额52.4亿元，运输企业营业总额40.3亿元。"
    assert found(bad, PARTS)
