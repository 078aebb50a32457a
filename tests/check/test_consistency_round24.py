"""Issue 9, round 24 (consistency): precision where the text is ambiguous — a rate's yearly rise or a stated ratio
of its two levels (a relative change can be meant), two measures of one export in two units, a future year that
the title names — and two general checks written from batch b's misses: a part of a period whose total exceeds the
whole period's (一季度 above 上半年), and percentage points written for the change of an amount or the gap between
two amounts. Own sentences (dental clinics, salt works, ferries, bamboo ware, mushrooms, kindergartens, quarries,
bicycle rental, silk, orchards), none on the two sample industries; each clean case has a defective twin."""
from assistant.check import check_text


def found(text, rule):
    return [f for f in check_text(text, categories={"consistency"}).findings if f.rule_id == rule]


PERCENT = "consistency.percent-points"
METRIC = "consistency.metric-mismatch"
FUTURE = "consistency.future-year"
PERIOD = "consistency.period-parts"
POINTS = "consistency.points-of-amount"


# ---------------------------------------------------------------- a rate's change written with %
def test_yearly_rise_of_a_rate_without_its_level_is_not_flagged():
    text = "据某口腔医学院介绍，近几年该院口腔护理专业的新生报到率每年提高3%左右，生源逐年向好。"
    assert not found(text, PERCENT)


def test_rise_of_a_rate_with_its_level_stays_flagged():
    text = "据某口腔医学院统计，2024年该院口腔护理专业新生报到率为88.5%，同比提高3%。"
    assert [h.text for h in found(text, PERCENT)] == ["率为88.5%，同比提高3%"]


def test_percent_that_is_the_ratio_of_two_stated_levels_is_a_relative_change():
    text = "据某市轮渡公司统计，全市客渡船平均满载率由40.0%上升到46.0%，上升了15.0%。"
    assert not found(text, PERCENT)


def test_percent_that_is_the_difference_of_two_stated_levels_stays_flagged():
    text = "据某市轮渡公司统计，全市客渡船平均满载率由40.0%上升到46.0%，上升了6.0%。"
    hits = check_text(text, categories={"consistency"}).findings
    assert any("上升了6.0%" in h.text for h in hits)


# ---------------------------------------------------------------- two measures of one metric
def test_export_volume_and_export_value_in_two_units_are_not_one_metric():
    text = ("据某市海关统计，2024年全市竹制品出口21.6万吨，同比增长3.0%；2024年全市竹制品出口金额为7.9亿美元，"
            "同比增长5.2%。")
    assert not found(text, METRIC)


def test_one_export_volume_given_twice_with_two_values_stays_flagged():
    text = ("据某市海关统计，2024年全市竹制品出口21.6万吨，同比增长3.0%。据行业协会统计，2024年全市竹制品出口"
            "23.4万吨，主要销往日本。")
    assert [h.text for h in found(text, METRIC)] == ["23.4万"]


# ---------------------------------------------------------------- a future year named in the title
NOTICE = ("{title}\n发布时间：2025-11-03\n各区县农业农村局：\n根据省厅工作安排，2026年食用菌产业项目共设4类，"
          "每类支持不超过3家单位。\n")


def test_future_year_that_the_title_names_is_the_documents_subject():
    text = NOTICE.format(title="关于申报2026年食用菌产业项目的通知")
    assert not found(text, FUTURE)


def test_future_year_stated_as_fact_under_another_title_stays_flagged():
    text = NOTICE.format(title="关于做好食用菌产业项目申报工作的通知")
    assert found(text, FUTURE)


# ---------------------------------------------------------------- a part of a period above the whole period
def test_quarter_total_above_the_half_year_total_of_the_same_metric_is_flagged():
    text = ("据某县统计局数据，一季度全县原盐产量41.5万吨，同比增长2.0%。上半年，全县原盐产量38.2万吨，"
            "同比增长1.6%。")
    hits = found(text, PERIOD)
    assert [h.text for h in hits] == ["41.5万吨"] and "38.2万吨" in hits[0].message


def test_months_to_june_above_the_first_three_quarters_are_flagged():
    text = ("据某市统计局数据，前三季度全市砂石骨料产量5.12亿吨，同比下降3.1%。1—6月，全市砂石骨料产量"
            "5.40亿吨，同比下降2.6%。")
    assert [h.text for h in found(text, PERIOD)] == ["5.40亿"]


def test_quarter_below_the_half_year_and_other_shapes_are_not_flagged():
    clean = [
        # the quarter is part of the half year and smaller
        "据某县统计局数据，一季度全县原盐产量18.5万吨。上半年，全县原盐产量38.2万吨。",
        # averages do not add up over months
        "据某市教育局统计，一季度全市民办幼儿园平均保教费为2150元，上半年全市民办幼儿园平均保教费为2080元。",
        # another scope (全省 / 全市)
        "据某省统计局数据，一季度全省茧丝产量3.6万吨。上半年，全市茧丝产量2.9万吨。",
        # a quarter's end is a stock, not a part of the half year's flow
        "据某市交通局统计，一季度末全市共享单车投放量32.0万辆，上半年全市共享单车投放量28.0万辆。",
        # last year's quarter
        "据某县统计局数据，去年一季度全县原盐产量41.5万吨。上半年，全县原盐产量38.2万吨。",
        # the quarter named as a comparison's basis is not the figure's period
        "据某县统计局数据，上半年全县水果产量12.4万吨。增速较一季度提高1.2个百分点后，全县水果产量达13.0万吨。",
    ]
    for text in clean:
        assert not found(text, PERIOD), text


# ---------------------------------------------------------------- percentage points for an amount
def test_points_for_the_change_of_an_amount_are_flagged():
    text = "据某省丝绸协会统计，2024年全省真丝绸商品产量为1.26亿米，同比下降3.5个百分点。"
    assert [h.text for h in found(text, POINTS)] == ["同比下降3.5个百分点"]


def test_points_in_a_sentence_opening_with_the_change_read_the_amount_before():
    text = "据某省丝绸协会统计，2024年全省桑蚕茧产量为26.8万吨。同比减少近2个百分点。全省蚕农收入保持稳定。"
    assert [h.text for h in found(text, POINTS)] == ["同比减少近2个百分点"]


def test_points_for_the_gap_between_two_amounts_given_in_yuan_are_flagged():
    text = ("据某市果业协会调查，采摘工人的平均日工资为186元，果园的平均招工报价为172元。"
            "熟练工人的平均日工资高于招工报价6.5个百分点。")
    hits = found(text, POINTS)
    assert [h.text for h in hits] == ["高于招工报价6.5个百分点"]


def test_points_for_rates_growth_and_contributions_are_not_flagged():
    clean = [
        "据某省丝绸协会统计，2024年全省真丝绸商品产量为1.26亿米，同比下降3.5%，降幅比上年收窄1.2个百分点。",
        "据某县统计局数据，上半年全县第一产业增加值5.2亿元，拉动经济增长0.6个百分点。",
        "据某市统计局数据，全市果品加工业营业收入为48.6亿元，占全市农产品加工业的比重比上年提高1.1个百分点。",
        "据某市果业协会调查，采摘工人的日工资达标率为91.5%，比上年提高2.0个百分点，高于全省平均水平1.5个百分点。",
        # the compared word is given in % elsewhere in the document: a rate
        "据某市果业协会调查，全市果园的机械化率为45.0%。平原果园的机械化率高于丘陵果园12.0个百分点。",
    ]
    for text in clean:
        assert not found(text, POINTS), text


# ---------------------------------------------------------------- a qualifier after a listed metric
def test_a_qualifier_after_the_metric_names_another_measure():
    text = ("据某市教育局统计，2024年全市卫生学校毕业生3.4万人。据某市人社局统计，2024年全市卫生学校毕业生就业"
            "3.1万人。")
    assert not found(text, METRIC)


def test_the_same_qualified_metric_with_two_values_stays_flagged_and_measure_words_are_plain():
    twice = ("据某市人社局统计，2024年全市卫生学校毕业生就业3.1万人。另据某市教育局统计，2024年全市卫生学校毕业生就业"
             "3.3万人。")
    assert [h.text for h in found(twice, METRIC)] == ["3.3万人"]
    plain = ("据某市教育局统计，2024年全市卫生学校毕业生3.4万人。另据某市人社局统计，2024年全市卫生学校毕业生人数"
             "为3.6万人。")
    assert [h.text for h in found(plain, METRIC)] == ["3.6万人"]


# ---------------------------------------------------------------- a share of a whole written with a bare 亿
SHARE = "consistency.share-mismatch"


def test_share_of_a_whole_whose_measure_is_not_written_is_not_recomputed():
    text = ("据某市竹木家具协会统计，2024年全行业总产值为80.0亿，同比增长4.0%。其中，出口产品产值20.0亿美元，"
            "同比增长3.1%，占全行业产值的32.0%。")
    assert not found(text, SHARE)


def test_share_of_a_whole_in_the_same_measure_stays_recomputed():
    text = ("据某市竹木家具协会统计，2024年全行业总产值为80.0亿美元，同比增长4.0%。其中，出口产品产值20.0亿美元，"
            "同比增长3.1%，占全行业产值的32.0%。")
    assert found(text, SHARE)


def test_value_added_above_a_size_threshold_is_a_flow_compared_over_periods():
    text = ("据某市统计局数据，一季度全市规模以上食品工业增加值86.4亿元，同比增长5.1%。上半年，全市规模以上食品工业"
            "增加值81.9亿元，同比增长4.8%。")
    assert [h.text for h in found(text, PERIOD)] == ["86.4亿元"]


def test_a_years_target_passed_within_the_year_is_not_a_contradiction():
    text = ("据某市统计局数据，前三季度全市农产品加工业营业收入312.5亿元。按全年计划，全市农产品加工业营业收入"
            "300.0亿元，前三季度已超额完成。")
    assert not found(text, PERIOD)
