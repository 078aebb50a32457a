"""Issue 9, round 37 (consistency), from batch ak's miss (ak13 产销率为98.03%，增长0.33%; ak is dev since 12:42 UTC): a
rate's level followed at once by a clause that holds nothing but a change in % and no basis (…率为x%，增长y%). The
clause has no subject of its own, so what changed is the rate, and a rate's change is written in points. Own
sentences (paper makers, hotels, cultural firms; Traditional script for one), none on the sample industries; each
test holds the case the code before (3893533) missed beside its clean twin or guard."""
from assistant.check import check_text

POINTS = "consistency.percent-points"


def found(text, rule=POINTS):
    return [f for f in check_text(text, categories={"consistency"}).findings if f.rule_id == rule]


PAPER = ("据某省造纸行业协会统计，1-9月全省规模以上造纸企业实现工业总产值612.40亿元，同比增长8.12%；实现工业销售产值"
         "598.35亿元，同比增长8.56%；产销率为97.71%，{change}。")


def test_a_rate_followed_by_a_bare_change_in_percent_is_flagged():
    hits = found(PAPER.format(change="增长0.40%"))
    assert len(hits) == 1 and hits[0].text.endswith("增长0.40%") and hits[0].level == "warning"
    assert not found(PAPER.format(change="提高0.40个百分点"))  # the clean twin, in points
    trad = PAPER.format(change="增長0.40%").replace("据某省造纸行业协会统计", "據某省造紙行業協會統計")
    assert len(found(trad)) == 1  # read alike in Traditional script
    share = "据某市统计局数据，1-6月全市规模以上文化企业营业收入占比为38.2%，增长6.4%，快于全市规模以上服务业1.2个百分点。"
    assert not found(share)  # a share's clause may give its amount's growth (a share word, not a …率: not read)


HOTEL = "据某市旅游饭店协会统计，全年全市星级饭店平均客房出租率为63.8%，{change}，平均房价为386元。"


def test_a_fall_is_read_as_a_rise_is_and_a_clause_with_its_own_subject_is_not():
    assert len(found(HOTEL.format(change="下降2.1%"))) == 1
    assert len(found(HOTEL.format(change="下降2.1%").replace("%，平均", "%\n平均"))) == 1  # a line ending at the %
    assert not found(HOTEL.format(change="营业收入下降2.1%"))  # another subject's change
    assert not found(HOTEL.format(change="下降2.1个百分点"))
    rel = "据某市旅游饭店协会统计，全年全市星级饭店平均客房出租率由62.0%下降到60.7%，下降2.1%。"
    assert not found(rel)  # 60.7 ÷ 62.0 − 1 = −2.1%: a relative change, meant and right

