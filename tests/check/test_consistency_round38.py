"""Issue 9, round 38 (consistency), from batch al's miss al02 (al is dev since 14:56 UTC): 产能利用率为81.7%，高于全国
77.2%的工业平均水平，同比增长9.3% — a rate's level, a comparison clause with no subject of its own, then the rate's based
change in %. Own sentences (food makers, property management, software firms; one in Traditional script), none on the
sample industries; the test holds the case the code before (46167ca) missed beside its clean twin and guards."""
from assistant.check import check_text

POINTS = "consistency.percent-points"


def found(text, rule):
    return [f for f in check_text(text, categories={"consistency"}).findings if f.rule_id == rule]


FOOD = "据某省统计局数据，三季度全省食品制造业产能利用率为76.4%，高于全省工业74.9%的平均水平，{change}。"


def test_a_rate_then_a_comparison_clause_then_a_based_change_in_percent_is_flagged():
    hits = found(FOOD.format(change="同比提高3.2%"), POINTS)
    assert len(hits) == 1 and hits[0].text.endswith("同比提高3.2%") and hits[0].level == "warning"
    assert not found(FOOD.format(change="同比提高3.2个百分点"), POINTS)  # the clean twin, in points
    assert not found(FOOD.format(change="营业收入同比增长3.2%"), POINTS)  # a clause with its own subject
    trad = FOOD.format(change="同比提高3.2%").replace("据某省统计局数据，三季度全省食品制造业产能利用率为",
                                                    "據某省統計局數據，三季度全省食品製造業產能利用率為")
    assert len(found(trad, POINTS)) == 1  # read alike in Traditional script
    fee = "据某市物业管理行业协会统计，全市住宅小区物业费平均收缴率为88.3%，低于全省91.0%的平均水平，同比下降1.6%。"
    assert len(found(fee, POINTS)) == 1  # a fall below, read as the rise above
    share = "据某市统计局数据，1-9月全市规模以上软件企业营业收入占比为31.6%，高于上年同期1.4个百分点，同比增长8.7%。"
    assert not found(share, POINTS)  # a share's clause may give its amount's growth: not read

