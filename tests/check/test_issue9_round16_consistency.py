"""Issue 9, round 16 (consistency): an average annual rate whose period is stated in the sentence before (从2010年到2018年，…。
产量由A增加至B，年均增长近X%), recomputed as a compound rate; 近/约 rates are approximate, not bounds. Own sentences."""
from assistant.check import check_text


def found(text):
    return [f for f in check_text(text, categories={"consistency"}).findings if f.rule_id == "consistency.growth-mismatch"]


def test_annual_rate_with_the_period_in_the_sentence_before():
    text = ("从2010年到2018年，全国茶叶出口额年均增长8%以上。茶园面积则由200万公顷增加至300万公顷，年均增长近10%。")
    hits = found(text)
    # 1.5 over 8 years is about 5.2% a year, not close to 10%; the period was read from the sentence before: a warning
    assert len(hits) == 1 and hits[0].level == "warning" and "2010—2018年" in hits[0].message and "5.2%" in hits[0].message


def test_annual_rate_that_matches_is_not_flagged():
    text = "从2010年到2018年，全国茶叶出口额有所波动。茶园面积则由200万公顷增加至300万公顷，年均增长约5.2%。"
    assert not found(text)


def test_no_period_or_two_periods_before_is_not_guessed():
    # no year span at all: the period is unknown
    assert not found("茶园面积由200万公顷增加至300万公顷，年均增长近10%。")
    # two spans in the sentence before: ambiguous
    assert not found("2010—2014年和2015—2018年，出口各有起伏。茶园面积由200万公顷增加至300万公顷，年均增长近10%。")
    # a span in another paragraph does not carry over
    assert not found("从2010年到2018年，出口额有所波动。\n茶园面积由200万公顷增加至300万公顷，年均增长近10%。")


def rule_hits(text, rule):
    return [f for f in check_text(text, categories={"consistency"}).findings if f.rule_id == rule]


def test_count_and_share_of_a_stated_whole():
    text = "在抽检的160批次产品中，合格的有148批次，占92.5%；在走访的120家门店中，达标的有81家，占70.0%。"
    hits = rule_hits(text, "consistency.count-share")
    # 148/160 = 92.5% is right; 81/120 = 67.5%, not 70.0%
    assert len(hits) == 1 and hits[0].text.startswith("81家") and "67.5%" in hits[0].message
    assert rule_hits("全省共有120家托育机构，其中普惠机构78家，占62%。", "consistency.count-share")


def test_count_share_of_another_whole_or_within_rounding_is_not_flagged():
    # the share is of another whole (占全省的…), not of the 120 counted here
    assert not rule_hits("全市共有120家托育机构，其中普惠机构78家，占全省普惠机构的31%。", "consistency.count-share")
    # 78/120 = 65.0%, written 65%
    assert not rule_hits("全市共有120家托育机构，其中普惠机构78家，占65%。", "consistency.count-share")
    # another unit: not a count of the same whole
    assert not rule_hits("在走访的500个小区中，有32家物业企业参与评价，占12%。", "consistency.count-share")


def test_change_of_a_rate_written_with_growth_in_percent():
    hits = rule_hits("全年景区客房入住率71.5%，同比回升3.2%。", "consistency.percent-points")
    assert len(hits) == 1
    # the share's metric grew, not the share: 占比91.6%，同比增长5.4% is about the value added
    assert not rule_hits("高技术制造业增加值占比31.6%，同比增长5.4%，快于全市。", "consistency.percent-points")
    assert not rule_hits("全年景区客房入住率71.5%，同比回升3.2个百分点。", "consistency.percent-points")


def test_share_of_a_stated_whole_off_by_a_magnitude():
    text = ("上半年，全行业规模以上企业412家，累计营业收入5200亿元，同比增长6.1%。\n"
            "化纤制造企业累计营业收入1300万元，同比增长8.2%，占全行业收入的25%。")
    hits = rule_hits(text, "consistency.share-magnitude")
    # 1300万 is 0.0025% of 5200亿, not 25%: 万 written for 亿
    assert len(hits) == 1 and hits[0].text == "1300万元" and "5200亿元" in hits[0].message


def test_share_of_a_stated_whole_right_or_merely_off_is_not_flagged():
    right = ("上半年，全行业规模以上企业412家，累计营业收入5200亿元。\n"
             "化纤制造企业累计营业收入1300亿元，占全行业收入的25%。")
    assert not rule_hits(right, "consistency.share-magnitude")
    # 1000/5200 = 19%, not 25%: a share merely off is not a magnitude slip (the whole may be another basis)
    assert not rule_hits(right.replace("1300亿元", "1000亿元"), "consistency.share-magnitude")
    # the whole's subject (全行业) is not named by the earlier figure's sentence: no whole to compare with
    other = ("上半年，纺织企业累计营业收入5200亿元。\n化纤制造企业累计营业收入1300万元，占全行业收入的25%。")
    assert not rule_hits(other, "consistency.share-magnitude")


def test_change_of_a_share_written_as_an_increase_in_percent():
    assert rule_hits("受政策影响，线上预约挂号的比例增幅达8.6%，电话预约继续减少。", "consistency.percent-points")
    # the amount's own increase, not a share's
    assert not rule_hits("受政策影响，线上预约挂号量增幅达8.6%。", "consistency.percent-points")
    # written in percentage points: right
    assert not rule_hits("线上预约挂号的比例增幅达8.6个百分点。", "consistency.percent-points")


def test_a_rate_word_before_another_rate_does_not_own_its_change():
    # the change belongs to 劳动生产率 (a ratio read as a level, excluded), not to the 培训率 before it
    assert not rule_hits("企业职工培训率提高后，劳动生产率提升12.5%。", "consistency.percent-points")
    assert not rule_hits("产业培训率实现劳动生产率提升45.5%。", "consistency.percent-points")
    assert rule_hits("企业职工培训率提升12.5%。", "consistency.percent-points")
