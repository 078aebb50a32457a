"""Issue 9, round 25 (consistency): a rate of change's change in % with no level of that rate is not read as points
(a relative fall is as likely); a total's growth recomputed from the parts that add up to it, each with its growth on
the same basis; the shares of a survey's answers are not the parts of one whole; and one reader of a figure's period
(`period_before`, with `own` for period-parts). Own sentences (furniture retail, grain, broadband, river freight,
vocational students, exhibitions), none on the two sample industries; each clean case has a defective twin."""
from assistant.check import check_text
from assistant.check.consistency import month_span, period_before

PERCENT = "consistency.percent-points"
GROWTH = "consistency.growth-mismatch"
PARTS = "consistency.parts-total"


def found(text, rule):
    return [f for f in check_text(text, categories={"consistency"}).findings if f.rule_id == rule]


# ---------------------------------------------------------------- a rate of change's change in %
def test_fall_of_a_growth_rate_without_its_level_is_not_flagged():
    text = "据某市统计局数据，1—9月全市限额以上家具零售额同比增长2.1%；其中线上家具零售额增速同比下降36.8%。"
    assert not found(text, PERCENT)


def test_fall_of_a_growth_rate_with_its_level_in_the_clause_stays_flagged():
    text = "据某市统计局数据，1—9月全市线上家具零售额同比增长4.0%，增速同比下降2.5%。"
    assert [h.text for h in found(text, PERCENT)] == ["增速同比下降2.5%"]


def test_growth_rate_given_with_two_levels_and_their_difference_in_percent_stays_flagged():
    text = "据某省通信管理局统计，全省固定宽带用户增速由7.2%回落至4.8%，回落2.4%。"
    # the from-to recomputation reports it first (2.4% is neither 4.8 ÷ 7.2 − 1 nor written in points)
    assert found(text, PERCENT) or [h.text for h in found(text, GROWTH)] == ["回落2.4%"]


def test_rise_of_a_share_stated_as_its_increase_stays_flagged():
    # 增幅 after a share names the share's rise: that share's change, read as before
    text = "据某人力资源平台报告，直播带岗招聘的比例增幅达9.3%，成为招聘新渠道。"
    assert found(text, PERCENT)


# ---------------------------------------------------------------- a total's growth from its parts
GRAIN = ("据某省统计局数据，2024年全省粮食总产量612.4万吨，比上年增长{g}。夏粮产量205.1万吨，比上年增长1.2%；"
         "秋粮产量{autumn}万吨，比上年增长5.3%。")


def test_total_growth_that_its_parts_do_not_give_is_flagged():
    hits = found(GRAIN.format(g="2.0%", autumn="407.3"), GROWTH)
    assert [h.text for h in hits] == ["比上年增长2.0%"]
    assert "205.1万吨" in hits[0].message and "3.89%" in hits[0].message


def test_total_growth_that_its_parts_give_is_not_flagged():
    assert not found(GRAIN.format(g="3.9%", autumn="407.3"), GROWTH)


def test_levels_that_do_not_add_up_to_the_total_are_not_its_parts():
    assert not found(GRAIN.format(g="2.0%", autumn="400.0"), GROWTH)


def test_parts_with_another_basis_are_not_read():
    text = ("据某市港航管理局统计，三季度全市内河货运量156.8万吨，同比增长3.0%。其中，干散货98.3万吨，环比增长6.2%；"
            "件杂货58.5万吨，环比增长9.7%。")
    assert not found(text, GROWTH)
    assert found(text.replace("环比", "同比"), GROWTH)


def test_value_added_grows_at_comparable_prices_and_is_not_recomputed_from_parts():
    text = ("据某县统计局数据，2024年全县文化产业增加值86.4亿元，比上年增长2.0%。其中，文化制造业增加值31.2亿元，"
            "比上年增长5.1%；文化服务业增加值55.2亿元，比上年增长6.3%。")
    assert not found(text, GROWTH)


# ---------------------------------------------------------------- shares of one whole
def test_shares_of_survey_answers_may_exceed_100_percent():
    text = "据某职业院校问卷调查，受访学生中参加技能竞赛、企业实习和创新创业项目的比例分别为52.3%、61.0%和40.2%。"
    assert not found(text, PARTS)


def test_shares_of_respondents_by_kind_stay_flagged():
    text = "据某职业院校问卷调查，受访学生中一年级、二年级和三年级学生的占比分别为38.4%、35.1%和31.9%。"
    assert found(text, PARTS)


def test_shares_of_one_whole_over_100_percent_stay_flagged():
    text = "据某职业院校统计，2024年该校毕业生中升学、就业和待业的占比分别为32.3%、61.0%和10.2%。"
    assert [h.text for h in found(text, PARTS)] == ["32.3%、61.0%和10.2%"]


# ---------------------------------------------------------------- one reader of a figure's period
def test_own_period_drops_a_comparisons_basis():
    text = "前三季度全市展馆租赁收入增速较上半年提高1.6个百分点，全市展馆租赁收入9.4亿元。"
    pos = text.index("9.4")
    assert period_before(text, pos, own=True) == "前三季度"
    assert period_before(text, pos, sentence=True) == "上半年"  # the default reader keeps the last period named


def test_own_period_read_last_as_a_single_month_gives_no_cumulative_period():
    text = "上半年全市展馆租赁收入6.1亿元，6月全市展馆租赁收入1.2亿元。"
    assert month_span(period_before(text, text.index("6.1"), own=True)) == (1, 6)
    assert month_span(period_before(text, text.index("1.2"), own=True)) is None
