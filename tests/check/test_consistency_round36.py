"""Issue 9, round 36 (consistency), from batch aj's misses (aj17, aj23, aj11; aj is dev since 11:40 UTC) and two
older ones (ae19, ad39), as classes: two change clauses, each a change and its rate, after a sentence of exactly two
levels (paired in order); a 降幅 clause right after a rate stated as a rise; a two-year average growth of an amount
written in points across the rates and gaps between; a whole's rate outside its two complementary groups' rates
written in the same words; a compound rate written 发展到…每年平均以x%的速度增长; a count's share followed by a %
change that no whole count a year before can give. Own sentences (port throughput, rural tourism, furniture,
logistics, nursing graduates, rural broadband, pet food, glass makers, Traditional script for one), none on the sample
industries; each test holds the case the code before (7e32e0f) missed beside its clean twin or guard."""
from assistant.check import check_text

GROWTH = "consistency.growth-mismatch"
FALL = "consistency.fall-after-rise"
POINTS = "consistency.points-of-amount"
GROUPS = "consistency.whole-between-groups"
COUNT = "consistency.count-share-change"


def found(text, rule):
    return [f for f in check_text(text, categories={"consistency"}).findings if f.rule_id == rule]


# ---------------------------------------------------------------- two changes for two levels stated before
PORT = ("据某省交通运输厅统计，三季度全省沿海港口完成货物吞吐量3.62亿吨，内河港口完成货物吞吐量1.48亿吨。\n\n"
        "与上年同期相比，沿海港口增加0.21亿吨，增长了{a}%；内河港口减少了0.09亿吨，下降了{b}%。")


def test_two_changes_are_recomputed_from_the_two_levels_before_them():
    hits = found(PORT.format(a="7.2", b="5.7"), GROWTH)  # 0.21 / 3.41 = 6.2%
    assert len(hits) == 1 and hits[0].text == "增长了7.2%" and hits[0].level == "warning"
    assert len(found(PORT.format(a="6.2", b="6.6"), GROWTH)) == 1  # 0.09 / 1.57 = 5.7%
    assert not found(PORT.format(a="6.2", b="5.7"), GROWTH)
    # in Traditional script the levels and changes are read alike
    trad = PORT.format(a="7.2", b="5.7").replace("据某省交通运输厅统计", "據某省交通運輸廳統計").replace("增长了", "增長了")
    assert len(found(trad, GROWTH)) == 1


def test_two_changes_are_not_paired_with_three_levels_nor_with_changes():
    assert found(PORT.format(a="7.2", b="5.7"), GROWTH)  # read as it stands
    three = PORT.replace("内河港口完成货物吞吐量1.48亿吨", "内河港口完成货物吞吐量1.48亿吨，其中集装箱0.35亿吨")
    assert not found(three.format(a="7.2", b="5.7"), GROWTH)  # which two levels is not certain
    # levels two sentences back (the sentence before holds only changes) are not read
    back = PORT.replace("\n\n与上年同期相比", "据测算，两类港口分别增加0.30亿吨和0.12亿吨。\n\n与上年同期相比")
    assert not found(back.format(a="7.2", b="5.7"), GROWTH)
    # each clause names its own basis (环比…；较上年同期…): two changes of one level, not one change of each
    assert not found("据某市交通运输局统计，12月全市公交完成客运量1.86亿人次，地铁完成客运量2.40亿人次。公交客运量环比增加"
                     "0.05亿人次，增长2.8%；较上年同期公交客运量增加0.31亿人次，增长20.0%。", GROWTH)


# ---------------------------------------------------------------- a fall's size after a rise
def test_a_fall_clause_after_a_rise_is_flagged_and_its_own_fall_is_not():
    text = "据某市统计局数据，1-9月全市规模以上家具制造业营业收入同比{v}4.6%，降幅比1-8月收窄0.9个百分点。"
    hits = found(text.format(v="增长"), FALL)
    assert len(hits) == 1 and hits[0].text == "降幅比1-8月收窄0.9个百分点"
    assert not found(text.format(v="下降"), FALL)
    # the last rate before is a fall (a two-year average), or the clause names another figure
    assert not found("据某市统计局数据，一季度全市物流业务收入同比增长6.2%，两年平均下降1.4%，降幅比上年收窄0.5个百分点。", FALL)
    assert not found("据某市统计局数据，1-9月全市仓储业收入同比增长6.2%，带动全行业利润降幅收窄0.7个百分点。", FALL)
    # the fall is another subject's, named in the clause between (而西部地区继续下降)
    assert not found("据某省统计局数据，分区域看，东部地区营业收入增长8.1%，中部地区增长6.4%，而西部地区继续下降，降幅为3.2%。", FALL)


# ---------------------------------------------------------------- a two-year average of an amount in points
def test_a_two_year_average_growth_of_an_amount_in_points():
    text = ("据某县统计局数据，上半年全县规模以上家具企业营业收入48.3亿元，同比增长12.6%，全市排名第三，"
            "高于全市平均水平2.4个百分点，两年平均增长{x}。")
    hits = found(text.format(x="6.1个百分点"), POINTS)
    assert len(hits) == 1 and "48.3亿元" in hits[0].message
    assert not found(text.format(x="6.1%"), POINTS)
    # a share between the amount and the average: the average may be the share's change
    assert not found("据某县统计局数据，上半年全县家具企业营业收入48.3亿元，占全县规模以上工业的比重为9.6%，"
                     "两年平均增长0.4个百分点。", POINTS)


# ---------------------------------------------------------------- a whole's rate between its groups' rates
NURSE = ("以下数据来自某卫生职业学院2024年质量年报。对2024届毕业生的就业去向进行调查，到基层医疗机构就业的比例为{w}%。\n\n"
         "对2024届男性毕业生的就业去向进行调查，到基层医疗机构就业的比例为{m}%。\n\n"
         "对2024届女性毕业生的就业去向进行调查，到基层医疗机构就业的比例为{f}%。")


def test_a_whole_outside_its_two_groups_is_flagged():
    hits = found(NURSE.format(w="33.5", m="41.8", f="37.2"), GROUPS)
    assert len(hits) == 1 and hits[0].text == "33.5%" and hits[0].level == "warning"
    assert not found(NURSE.format(w="38.1", m="41.8", f="37.2"), GROUPS)
    assert not found(NURSE.format(w="37.2", m="41.8", f="37.2"), GROUPS)  # at the edge: one group may be most of it
    broadband = "据某县住户抽样调查，全县{g}居民家庭宽带接入率为{x}%。"
    text = "".join(broadband.format(g=g, x=x) for g, x in (("", "58.0"), ("城镇", "83.2"), ("农村", "64.8")))
    assert len(found(text, GROUPS)) == 1
    # a rate of another thing for the whole (到民营医院), or a group word in the whole's sentence: not compared
    assert not found(NURSE.replace("到基层医疗机构就业的比例为{w}", "到民营医院就业的比例为{w}").format(w="33.5", m="41.8", f="37.2"), GROUPS)


# ---------------------------------------------------------------- a compound rate written 每年平均以x%的速度增长
def test_an_average_annual_rate_written_with_a_manner_phrase():
    text = "据某省宠物行业协会统计，全省宠物用品出口额从2018年的12.6亿元发展到2024年的近30亿元，每年平均以{g}%的速度增长。"
    hits = found(text.format(g="6"), GROWTH)  # (30 / 12.6)^(1/6) - 1 = 15.6%
    assert len(hits) == 1 and "15.6%" in hits[0].message
    assert not found(text.format(g="15"), GROWTH)


# ---------------------------------------------------------------- a count's share with a % change no count can give
def test_a_change_no_whole_count_can_give_is_the_shares():
    text = "据某省建材行业协会统计，全省规模以上玻璃企业中亏损企业{n}家，占17.4%，同比增长{g}%。"
    hits = found(text.format(n="52", g="1.2"), COUNT)  # 52 from 51 is 1.96%, from 52 is 0
    assert len(hits) == 1 and hits[0].text == "增长1.2%"
    assert not found(text.format(n="52", g="2.0"), COUNT)  # 51 → 52: the count's own growth
    assert not found(text.format(n="5200", g="1.2"), COUNT)  # 5138 → 5200 gives 1.2%
