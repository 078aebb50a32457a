"""Issue 9, round 32 (consistency), from the labelled misses over the dev batches, as classes: a total's growth that
its parts' growth cannot give (the parts' measure written after a bare 亿; a total broken into all of its classes whose
rates do not bracket it), a year compared with itself, a foreign currency for a domestic subject in a text that names
no such country, and each group's own proportion read as parts of one whole. Own sentences (tyres, cement, freight,
textiles, nursing colleges, tourism), none on the sample industries; each test holds the defective case the code
before missed (or the clean case it flagged) beside its twin."""
from assistant.check import check_text

GROWTH = "consistency.growth-mismatch"
BASIS = "consistency.same-period-basis"
CURRENCY = "consistency.currency-slip"
PARTS = "consistency.parts-total"


def found(text, rule):
    return [f for f in check_text(text, categories={"consistency"}).findings if f.rule_id == rule]


# ---------------------------------------------------------------- a total's growth from its parts, measure after 亿
def test_parts_growth_read_after_a_bare_magnitude_and_its_currency():
    bad = ("2024年，某省轮胎进出口总额为86亿美元，同比增长35.2%。其中，出口额为51.3亿美元，同比增长12.4%；"
           "进口额为34.7亿美元，同比增长10.6%。")
    hits = found(bad, GROWTH)
    assert hits and "35.2%" in hits[0].text
    # the same total with the rate its parts give (77.0 a year before → 86 is about 11.7%): clean
    good = bad.replace("35.2%", "11.7%")
    assert not found(good, GROWTH)


# ---------------------------------------------------------------- a total outside its classes' range
def test_total_rate_outside_the_range_of_all_its_classes():
    bad = ("前三季度，全县规模以上工业增加值同比增长12.6%。分三大门类看，采矿业增加值增长3.4%，制造业增长10.8%，"
           "电力、热力、燃气及水生产和供应业增长7.1%。")
    hits = found(bad, GROWTH)
    assert hits and "12.6%" in hits[0].text
    good = bad.replace("12.6%", "9.8%")
    assert not found(good, GROWTH)
    # key industries are not all of industry: their rates need not bracket the total
    part = bad.replace("分三大门类看", "分三大重点行业看")
    assert not found(part, GROWTH)
    # a falling total below all of its classes
    low = ("一季度，全市货运量同比下降6.5%。从四大区域看，东部片区下降2.1%，西部片区下降1.4%，南部片区增长0.6%，"
           "北部片区下降3.3%。")
    assert found(low, GROWTH)
    assert not found(low.replace("下降6.5%", "下降2.2%"), GROWTH)


# ---------------------------------------------------------------- a year compared with itself
def test_a_year_compared_with_itself():
    bad = "某护理职业学院2023年毕业生中，到县级医院就业的人数较2023年增加4.6个百分点。"
    assert found(bad, BASIS)
    assert not found(bad.replace("较2023年", "较2022年"), BASIS)
    # a point inside the year is a basis of its own
    assert not found("截至2023年末，全省水泥库存较2023年初减少120万吨。", BASIS)
    # the cohort named in the sentence before, in the same paragraph
    cohort = ("某纺织学院2023届毕业生在省内就业的比例为58%。值得关注的是，到长三角地区就业的毕业生较2023届"
              "上升了3.1%。")
    assert found(cohort, BASIS)
    assert not found(cohort.replace("较2023届", "较2022届"), BASIS)
    # the year of an earlier comparison (比2022年…) is that comparison's basis, not the next figure's own year
    assert not found("全市快递业务量为5.2亿件，比2022年增长9.1%；快递业务收入为41.6亿元，比2022年增长6.3%。", BASIS)
    # a comparison opening its sentence names no subject to date
    assert not found("2023年全市旅游收入为86亿元。与2023年相比，今年一季度游客增长12%。", BASIS)


# ---------------------------------------------------------------- a foreign currency nobody in the text uses
def test_foreign_currency_for_a_domestic_subject():
    bad = ("据某省统计局发布，2024年上半年全省地区生产总值为2315.6亿日元，同比增长5.1%。"
           "全省规模以上工业增加值增长6.2%，水泥产量1860万吨。")
    hits = found(bad, CURRENCY)
    assert hits and hits[0].text == "2315.6亿日元"
    assert not found(bad.replace("亿日元", "亿元"), CURRENCY)
    # the text deals with Japan: a yen amount is expected
    trade = bad + "同期全省对日本出口增长3.2%。"
    assert not found(trade, CURRENCY)


# ---------------------------------------------------------------- each group's own proportion
def test_each_groups_own_proportion_is_not_parts_of_one_whole():
    good = "调查显示，专科、本科和研究生毕业生选择回乡就业的比例分别为52.4%、38.7%和21.9%，均低于上届。"
    assert not found(good, PARTS)
    # options listed after the verb are parts of one whole
    bad = "调查显示，毕业生选择县城、地级市和省会城市的比例分别为52.4%、38.7%和21.9%。"
    assert found(bad, PARTS)
    # groups with no action: the shares of one whole
    assert found("全校毕业生中，专科、本科和研究生的比例分别为52.4%、38.7%和21.9%。", PARTS)
