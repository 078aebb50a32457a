"""Issue 9, round 38 (consistency), from batch al's misses (al is dev since 14:56 UTC): al02 产能利用率为81.7%，高于全国
77.2%的工业平均水平，同比增长9.3% (a rate's level, a comparison clause, then its based change in %) and al26 简历投递量持续
上涨 over 第二、三、四周的求职规模指数分别为1.59、1.77、1.76 (a trend word against a list of weekly values). Own sentences
(food makers, property management, a job platform, express delivery; one in Traditional script), none on the sample
industries; each test holds the case the code before (46167ca) missed beside its clean twin or guard."""
from assistant.check import check_text

POINTS = "consistency.percent-points"
TREND = "consistency.trend-contradicted"


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


JOBS = ("据某招聘平台统计，春节后各周的岗位浏览量持续上涨，以第一周岗位浏览量为基数1，第二、三、四周的浏览规模指数分别为"
        "{values}。")


def test_a_trend_word_against_values_listed_by_week_or_month_is_flagged():
    hits = found(JOBS.format(values="1.32、1.48、1.45"), TREND)
    assert len(hits) == 1 and hits[0].text == "持续上涨" and "第四周为1.45" in hits[0].message
    assert not found(JOBS.format(values="1.32、1.45、1.48"), TREND)  # in order: the clean twin
    other = "据某招聘平台统计，春节后各周的岗位浏览量持续上涨。第二、三、四周的平均招聘薪酬分别为8200元、8150元、8300元。"
    assert not found(other, TREND)  # the list's sentence does not name the trend's metric: another series
    post = "据某市邮政管理局统计，一季度全市快递业务量逐月增长，1月、2月和3月全市快递业务量分别为{}。"
    assert len(found(post.format("1.22亿件、1.08亿件和1.51亿件"), TREND)) == 1
    assert not found(post.format("1.08亿件、1.22亿件和1.51亿件"), TREND)
    assert not found(post.format("1.22亿件、1.08亿件和1.51亿件").replace("逐月增长", "预计逐月增长"), TREND)  # a forecast
