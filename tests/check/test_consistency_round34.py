"""Issue 9, round 34 (consistency), from the misses left after round 33 (ah36, ah01, ag35, ae20, ag24), as classes:
a share's change in points against the part's growth and its gap to the whole's (with real growths, beyond any
plausible price move); a count's share written under a share noun or as a fraction word (近六成、逾四成、过半); groups by
ranges that tile a scale against their total; 从YEAR的A到YEAR的B with no change verb; a …面 rate's change written in %.
Own sentences (software services, equipment makers, food processing, orchards, scenic spots, logistics firms, a
county's population, small businesses, rural tourism, forestry, textile firms), none on the sample industries; each
test holds the case the code before (27989dd) missed beside its clean twin."""
from assistant.check import check_text

POINTS = "consistency.rate-points"
COUNT = "consistency.count-share"
PARTS = "consistency.parts-total"
GROWTH = "consistency.growth-mismatch"
PCT = "consistency.percent-points"


def found(text, rule):
    return [f for f in check_text(text, categories={"consistency"}).findings if f.rule_id == rule]


# ---------------------------------------------------------------- a share's change against the growth gap
def test_share_change_against_the_parts_growth_and_its_gap_to_the_whole():
    text = ("据某省统计局数据，1—9月全省规模以上服务业中，软件和信息技术服务业营业收入同比增长12.4%，增速高于全部规上服务业"
            "8.2个百分点；其营业收入占全部规上服务业的比重为18.6%，比重较上年同期提高{d}个百分点。")
    hits = found(text.format(d="3.4"), POINTS)  # whole 4.2%: last year 18.6 × 1.042 ÷ 1.124 ≈ 17.24, +1.36 points
    assert len(hits) == 1 and hits[0].text == "提高3.4个百分点" and "17.24" in hits[0].message
    assert not found(text.format(d="1.4"), POINTS)
    # a growth below the whole's: the share falls
    low = ("据某县统计局数据，前三季度全县规上工业中，食品加工业主营业务收入同比增长3.0%，增速低于全县规上工业2.0个百分点，"
           "占全县规上工业的比重为12.0%，比上年同期{v}个百分点。")
    assert not found(low.format(v="下降0.2"), POINTS)
    assert found(low.format(v="提高0.5"), POINTS)


def test_real_growth_share_change_is_flagged_only_beyond_a_price_move():
    text = ("据某市统计局数据，上半年全市规模以上工业中，装备制造业增加值同比增长9.5%，增速快于全市规模以上工业6.3个百分点；"
            "装备制造业增加值占全市规模以上工业的24.2%，比重较上年同期提高{d}个百分点。")
    # at comparable prices last year's share is about 22.8%; a 30% relative price move allows up to about +6.7 points
    assert found(text.format(d="8.1"), POINTS)
    assert not found(text.format(d="1.5"), POINTS)
    assert not found(text.format(d="4.0"), POINTS)  # off the real-growth recompute, within a price move: not read


# ---------------------------------------------------------------- a count's share as a fraction word
def test_count_share_written_as_a_fraction_word():
    assert found("据某省农业农村厅统计，全省42个水果主产县中，31个县实现增产，增产面近6成。", COUNT)  # 73.8%
    assert not found("据某省农业农村厅统计，全省42个水果主产县中，31个县实现增产，增产面超七成。", COUNT)
    assert found("据某市文化和旅游局调查，在参加复核的60家景区中，有22家景区游客量回升，占比逾四成。", COUNT)  # 36.7%
    assert not found("据某市文化和旅游局调查，在参加复核的60家景区中，有22家景区游客量回升，占比近四成。", COUNT)
    assert found("据某物流行业协会统计，参加调查的48家物流企业中，有17家企业实现盈利，盈利面过半。", COUNT)
    assert not found("据某物流行业协会统计，参加调查的48家物流企业中，有30家企业实现盈利，盈利面过半。", COUNT)


def test_count_share_under_a_share_noun_and_fractions_of_other_things():
    assert found("据某物流行业协会统计，参加调查的48家物流企业中，有17家企业实现盈利，盈利面为45.8%。", COUNT)
    assert not found("据某物流行业协会统计，参加调查的48家物流企业中，有17家企业实现盈利，盈利面为35.4%。", COUNT)
    # a fraction that is a growth, not a share of the count: not read
    assert not found("据某市商务局统计，全市56家外贸企业中，有20家企业出口增长，增长超过两成。", COUNT)


# ---------------------------------------------------------------- groups by ranges against their total
def test_groups_by_ranges_that_tile_a_scale_add_up_to_their_total():
    text = ("据某县公安局户籍统计，年末全县户籍人口为86420人。其中，0-14岁、15-59岁、60岁及以上人口分别为12036人、"
            "51208人和{old}人。")
    hits = found(text.format(old="23276"), PARTS)  # 86520
    assert len(hits) == 1 and hits[0].text == "12036人、51208人和23276人" and "86520" in hits[0].message
    assert not found(text.format(old="23176"), PARTS)
    money = ("据某市市场监管局统计，全市共有个体工商户4.82万户，注册资金10万元以下、10-50万元、50万元及以上的个体工商户分别为"
             "3.16万户、1.21万户和{top}万户。")
    assert found(money.format(top="0.65"), PARTS)
    assert not found(money.format(top="0.45"), PARTS)
    # ranges that do not tile are not read: no open top: the groups need not be all of the total
    assert not found("据某县公安局户籍统计，年末全县户籍人口为86420人。其中，0-14岁、15-59岁人口分别为12036人和51208人，"
                     "老年人口另行统计。", PARTS)
    # overlapping groups (60岁及以上 and 65岁及以上) do not tile
    assert not found("据某县民政局统计，年末全县户籍人口为86420人。其中，0-59岁、60岁及以上、65岁及以上人口分别为63144人、"
                     "23276人和15120人。", PARTS)


# ---------------------------------------------------------------- 从YEAR的A到YEAR的B with no change verb
def test_from_to_with_each_year_written_and_no_change_verb():
    text = "据某市文化和旅游局统计，乡村旅游接待人数从2016年的85万人次到2024年的340万人次（不含一日游），增长了{x}倍。"
    hits = found(text.format(x="4"), GROWTH)  # 85 → 340 is 3 times more
    assert hits and hits[0].text == "增长了4倍"
    assert not found(text.format(x="3"), GROWTH)
    assert found("据某省林业局统计，全省林下经济产值从2020年的126亿元到2024年的189亿元，增长了62%。", GROWTH)
    # a span with no year to each value is a range, not two levels
    assert not found("某景区游客接待量从3月到5月，增长了12.0%。", GROWTH)


# ---------------------------------------------------------------- a …面 rate's change in %
def test_change_of_a_loss_or_growth_coverage_rate_written_in_percent():
    assert found("据某省工业和信息化厅统计，1—8月全省规模以上纺织企业亏损面为18.6%，同比下降2.4%。", PCT)
    assert not found("据某省工业和信息化厅统计，1—8月全省规模以上纺织企业亏损面为18.6%，同比下降2.4个百分点。", PCT)
    assert found("据某市统计局数据，前三季度全市规上工业38个行业大类中，增长面为63.2%，比上年同期扩大5.1%。", PCT)
