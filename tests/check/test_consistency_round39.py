"""Issue 9, round 39 (consistency), from batch am's misses (am is dev since its one run): am05 gives 规上工业增加值同比增长
8.4% in its lead and 增长3.7% in the body, with no period of its own; am10 writes a monthly wage 12000萬 beside 元
wages. Own text (a county's economy, foreign trade, home services; one copy in Traditional script), none on the sample
industries; each case stands beside its clean twins."""
from assistant.check import check_text

RESTATED = "consistency.restated-rate"
BARE = "consistency.bare-magnitude"


def found(text, rule):
    return [f for f in check_text(text, categories={"consistency"}).findings if f.rule_id == rule]


LEAD = "今年以来，全县经济运行总体平稳。前三季度，规模以上工业增加值同比增长9.1%，一般公共预算收入增长5.6%。\n\n"


def test_a_lead_rate_restated_with_another_rate_for_the_same_period_is_flagged():
    hits = found(LEAD + "工业生产稳中有进。规模以上工业增加值增长6.2%，高于全市1.3个百分点。", RESTATED)
    assert len(hits) == 1 and hits[0].text == "增长6.2%"
    assert not found(LEAD + "工业生产稳中有进。规模以上工业增加值增长9.1%，高于全市1.3个百分点。", RESTATED)  # the same
    assert not found(LEAD + "工业生产稳中有进。9月份，规模以上工业增加值增长6.2%。", RESTATED)  # one month: its own period
    assert not found(LEAD + "工业生产稳中有进。其中，园区规模以上工业增加值增长6.2%。", RESTATED)  # a part
    trad = ("今年以來，全縣經濟運行總體平穩。前三季度，規模以上工業增加值同比增長9.1%，一般公共預算收入增長5.6%。\n\n"
            "工業生產穩中有進。規模以上工業增加值增長6.2%，高於全市1.3個百分點。")
    assert len(found(trad, RESTATED)) == 1  # read alike in Traditional script


def test_a_rate_after_an_amount_is_read_with_the_amounts_name_but_two_amounts_are_two_subjects():
    trade = "上半年，全区外贸进出口总体承压。外贸进出口总值同比增长3.5%，其中出口增长7.2%。\n\n外贸进出口。外贸进出口总值86.4亿元，下降2.4%。"
    assert [f.text for f in found(trade, RESTATED)] == ["下降2.4%"]
    months = "据某省邮政管理局数据，1-10月全省快递业务量累计完成18.6亿件，同比增长12.4%。\n\n全省快递业务量完成2.1亿件，同比增长8.8%。"
    assert not found(months, RESTATED)  # 累计 and one month's amount: two periods


WAGES = "据某市家庭服务业协会调查，全市育婴师月平均工资7800元，养老护理员月平均工资6200元。\n\n"


def test_a_per_unit_amount_in_a_bare_wan_beside_yuan_amounts_is_flagged():
    hits = found(WAGES + "其中，高级育婴师月平均工资9500万，为各工种最高。", BARE)
    assert len(hits) == 1 and hits[0].text == "9500万"
    assert not found(WAGES + "其中，高级育婴师月平均工资9500元，为各工种最高。", BARE)
    assert not found(WAGES + "据测算，全国家庭服务业从业人员约3500万，缺口超过1000万。", BARE)  # counts of people
    assert not found("据测算，全国家庭服务业从业人员月平均工资9500万。", BARE)  # nothing in 元 to compare with
