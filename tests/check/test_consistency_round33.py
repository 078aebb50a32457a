"""Issue 9, round 33 (consistency), from batch ag/ah's first-run errors, as classes: a year followed at once by a
change is a comparison's basis (its 比 lost), not the figure's own year; an amount a part is compared with (已超过上年
的…) is not a part of the total; a part whose share of the whole is right only in its siblings' magnitude, the whole
named with a scope word (占全部……的比重); a bare unit for a metric the text states in another period with a magnitude.
Own sentences (paper mills, seed companies, furniture exports, dairy farms, logistics parks, a job fair), none on the
sample industries; each test holds the case the code before missed (or the clean case it flagged) beside its twin."""
from assistant.check import check_text

BASIS = "consistency.same-period-basis"
PARTS = "consistency.parts-total"
SHARE_MAG = "consistency.share-magnitude"
DROPPED = "consistency.dropped-magnitude"


def found(text, rule):
    return [f for f in check_text(text, categories={"consistency"}).findings if f.rule_id == rule]


# ---------------------------------------------------------------- a year followed by a change is a basis
def test_year_followed_by_a_change_is_a_basis_not_the_figures_year():
    clean = ("据某省造纸协会调查，去年有64家造纸企业完成清洁化改造，占2020年提高了12.3个百分点，"
             "吨纸平均耗水量较2020年下降9.1%。")
    assert not found(clean, BASIS)
    bad = "某省2020年完成清洁化改造的造纸企业中，吨纸平均耗水量较2020年下降9.1%，能耗也有所降低。"
    hits = found(bad, BASIS)
    assert hits and "2020" in hits[0].text


# ---------------------------------------------------------------- a compared amount is not a part
def test_amount_a_part_is_compared_with_is_not_a_part():
    clean = ("据某市海关统计，1—10月全市家具进出口总额136.8亿元，同比增长9.7%；其中，出口118.5亿元，"
             "已超过上年全年的112.6亿元；进口18.3亿元，下降2.4%。")
    assert not found(clean, PARTS)
    # the parts themselves over the total: still flagged
    bad = clean.replace("进口18.3亿元", "进口28.3亿元").replace("已超过上年全年的112.6亿元", "已超过上年全年水平")
    assert found(bad, PARTS)


# ---------------------------------------------------------------- a part's share right only in the siblings' magnitude
def test_part_in_wan_whose_share_fits_only_in_yi():
    bad = ("据某县农业农村局统计，全年全县奶业实现总产值27.60亿元，同比增长4.8%。按环节分，养殖环节产值16.90亿元，"
           "占全部奶业总产值的比重为61.2%；加工环节产值8.45万元，占全部奶业总产值的比重为30.6%。")
    hits = found(bad, SHARE_MAG)
    assert [h.text for h in hits] == ["8.45万元"]
    assert not found(bad.replace("8.45万元", "8.45亿元"), SHARE_MAG)
    # a share merely off (not by a magnitude) is not a magnitude slip
    assert not found(bad.replace("8.45万元", "6.45亿元"), SHARE_MAG)


# ---------------------------------------------------------------- a bare unit for a metric stated with a magnitude
def test_bare_unit_for_a_metric_stated_elsewhere_with_a_magnitude():
    bad = ("据某物流园区管委会统计，前三季度园区快递业务收入累计完成46215.3万元，同比增长11.3%。9月份，园区仓储业务收入完成"
           "3806.2万元，快递业务收入完成5630元，同比增长8.2%。")
    hits = found(bad, DROPPED)
    assert [h.text for h in hits] == ["5630元"]
    assert not found(bad.replace("5630元", "5630万元"), DROPPED)
    # a per-unit amount (单件快递平均收入) is no such total
    per = bad.replace("快递业务收入完成5630元", "单件快递业务平均收入为8.6元")
    assert not found(per, DROPPED)
    # the metric named nowhere else with a magnitude: not read (no other statement of it)
    alone = bad.replace("园区快递业务收入累计完成46215.3万元", "园区营业收入累计完成124000万元")
    assert not found(alone, DROPPED)


# ---------------------------------------------------------------- 增长了X倍 read as a growth of X·100%
def test_growth_in_times_is_the_multiple_less_one():
    bad = "据某市农业农村局统计，全市设施蔬菜面积从2017年的3.6万亩增加到2024年的8.1万亩，增长了2.25倍。"
    hits = found(bad, "consistency.growth-mismatch")
    assert hits and "2.25倍" in hits[0].text
    assert not found(bad.replace("2.25倍", "1.25倍"), "consistency.growth-mismatch")
    # the same growth in % was already read; a fall in 倍 is not read
    assert found(bad.replace("2.25倍", "225%"), "consistency.growth-mismatch")
    fall = "据某市农业农村局统计，全市散养户数量从2017年的8.1万户减少到2024年的3.6万户，下降了2.25倍。"
    assert not found(fall, "consistency.growth-mismatch")


def test_bare_unit_not_read_for_a_metric_named_with_a_number():
    # 60岁及以上 and 100岁及以上 are two groups: the count of the second is rightly a bare 人
    text = ("据某市民政局统计，截至2024年底，全市60岁及以上老年人口186.42万人，占总人口的24.1%；全市100岁及以上"
            "老年人口共计1386人，每10万人中拥有百岁老人17.9人。全市户籍人口773.5万人，其中60岁及以上老年人口186.42万人。")
    assert not found(text, DROPPED)
