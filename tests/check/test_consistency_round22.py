"""Issue 9, round 22 (consistency): recomputations of what a table or a translation states — a share column against
its amounts and total, parts with an 其他 row against their total, shares with an 其他 part against 100, an amount
row's growth in a confirmed 同比(%) column, a rate's change in points against its two rates (in one sentence, from a
part's and its whole's growth, in a 增减(百分点) column), one-cell-per-line tables, and an English line against the
Chinese figures. Own sentences (vegetables, libraries, cement, hospitals, seed companies, ports, wine, cinemas,
forestry, bus transport), none on the two sample industries."""
from assistant.check import check_text


def found(text, rule):
    return [f for f in check_text(text, categories={"consistency"}).findings if f.rule_id == rule]


TABLE_SHARE = "consistency.table-share"
SHARES_SUM = "consistency.shares-sum"
TABLE_GROWTH = "consistency.table-growth"
RATE_CHANGE = "consistency.table-rate-change"
POINTS = "consistency.rate-points"
TRANSLATION = "consistency.translation-mismatch"


# ---------------------------------------------------------------- a share column against its amounts
VEG = ("据某县农业农村局统计，2024年全县蔬菜播种面积构成如下。\n品种 面积(万亩) 比重(%)\n合计 50.0 100.0\n"
       "叶菜类 20.0 {leaf}\n根茎类 15.0 30.0\n瓜果类 10.0 20.0\n其他 5.0 10.0")


def test_share_cell_recomputed_from_amount_and_total_is_a_warning():
    hits = found(VEG.format(leaf="45.0"), TABLE_SHARE)
    assert len(hits) == 1 and hits[0].level == "warning" and hits[0].text == "45.0"
    assert "40.0" in hits[0].message and "20.0" in hits[0].message and "50.0" in hits[0].message


def test_share_column_that_recomputes_is_clean():
    assert not found(VEG.format(leaf="40.0"), TABLE_SHARE)


def test_rounded_shares_summing_to_100_1_are_clean_and_share_of_an_outside_whole_is_not_read():
    text = ("据某市图书馆学会统计，2024年全市公共图书馆馆藏构成如下。\n| 类别 | 册数(万册) | 占比(%) |\n|---|---|---|\n"
            "| 图书 | 1234 | 41.3 |\n| 期刊 | 1000 | 33.5 |\n| 其他 | 755 | 25.3 |")
    assert not found(text, TABLE_SHARE)
    outside = ("据某省水泥协会统计，2024年主要企业产量及占全国比重如下。\n企业 产量(万吨) 占全国比重(%)\n"
               "甲公司 3200 1.5\n乙公司 2100 1.4\n其他 1800 6.0")
    assert not found(outside, TABLE_SHARE)


def test_parts_with_a_rest_row_against_their_total():
    text = ("据某市卫生健康委员会统计，2024年全市医院床位如下（单位：张）。\n类型 床位\n总计 18600\n综合医院 11200\n"
            "中医医院 3100\n专科医院 2900\n其他 {rest}")
    hits = found(text.format(rest="1900"), TABLE_SHARE)
    assert len(hits) == 1 and hits[0].text == "18600" and "19100" in hits[0].message
    assert not found(text.format(rest="1400"), TABLE_SHARE)


def test_subtotal_rows_are_not_read_as_parts():
    text = ("据某省种子协会统计，2024年会员企业销售额如下（单位：亿元）。\n类别 销售额\n合计 86.0\n一、农作物种子 60.0\n"
            "其中：玉米种子 31.0\n二、蔬菜种子 20.0\n其他 6.0")
    assert not found(text, TABLE_SHARE)


# ---------------------------------------------------------------- shares in a sentence with an 其他 part
def test_shares_with_a_rest_part_that_do_not_sum_to_100():
    text = "据某港口集团统计，2024年集团货物吞吐量中，煤炭占38.5%，矿石占27.2%，集装箱货物占20.1%，其他货类占11.6%。"
    hits = found(text, SHARES_SUM)
    assert len(hits) == 1 and hits[0].text.startswith("其他货类占11.6%") and "97.4%" in hits[0].message
    ok = "据某港口集团统计，2024年集团货物吞吐量中，煤炭占38.5%，矿石占27.2%，集装箱货物占20.1%，其他货类占14.1%。"
    assert not found(ok, SHARES_SUM)


def test_shares_without_a_rest_part_or_from_a_survey_are_not_read():
    # no 其他: the parts need not make the whole
    assert not found("据某葡萄酒协会统计，2024年会员企业销售额中，干红占46.2%，干白占21.5%，桃红占6.1%。", SHARES_SUM)
    # a survey with several answers
    assert not found("据某协会问卷调查，受访企业中选择扩大产能的占46.2%，选择稳定生产的占31.5%，其他占12.1%。", SHARES_SUM)


# ---------------------------------------------------------------- an amount row's growth in a confirmed % column
CINEMA = ("某市电影市场主要指标（数据来源：市电影局）\n指标 2024年 2023年 同比(%)\n票房收入(万元) 52800 48000 10.00\n"
          "观影人次(万人次) 1320 1250 5.60\n放映场次(万场) 96.0 80.0 {shows}\n银幕数(块) 560 530 5.66")


def test_amount_row_whose_growth_does_not_recompute():
    hits = found(CINEMA.format(shows="15.00"), TABLE_GROWTH)
    assert len(hits) == 1 and hits[0].text == "15.00" and "20.0%" in hits[0].message
    assert not found(CINEMA.format(shows="20.00"), TABLE_GROWTH)


def test_growth_column_of_comparable_prices_is_not_read():
    text = "按可比价格计算。\n" + CINEMA.format(shows="15.00")
    assert not found(text, TABLE_GROWTH)


def test_one_cell_per_line_table_is_read_with_years_in_order():
    text = ("项 目 |\n单 位 |\n2023年 |\n2024年 |\n2024年比\n2023年增长% |\n林业产值 |\n亿元 |\n120.0 |\n132.0 |\n"
            "10.0 |\n木材产量 |\n万立方米 |\n50.0 |\n55.0 |\n10.0 |\n森林覆盖率 |\n% |\n42.10 |\n43.30 |\n1.2 |\n|")
    hits = found(text, RATE_CHANGE)
    assert len(hits) == 1 and hits[0].text == "1.2" and "森林覆盖率" in hits[0].message
    assert not found(text, TABLE_GROWTH)


# ---------------------------------------------------------------- a rate's change in points
def test_points_change_against_two_levels_in_one_sentence():
    hits = found("据某市交通运输局统计，2024年全市公交车准点率为91.4%，上年为88.2%，提高2.6个百分点。", POINTS)
    assert len(hits) == 1 and hits[0].text == "提高2.6个百分点" and "3.2" in hits[0].message
    assert not found("据某市交通运输局统计，2024年全市公交车准点率为91.4%，上年为88.2%，提高3.2个百分点。", POINTS)
    hits = found("据某市交通运输局统计，新能源公交车占比由2022年的36.0%升至2024年的52.5%，提高12.5个百分点。", POINTS)
    assert len(hits) == 1


def test_two_different_rates_or_a_gap_year_are_not_paired():
    assert not found("据某市交通运输局统计，2024年公交车准点率为91.4%，满载率为64.0%，提高2.6个百分点。", POINTS)
    assert not found("据某市交通运输局统计，公交车准点率2022年为86.0%，2024年为91.4%，比上年提高2.6个百分点。", POINTS)


def test_share_change_against_the_part_and_whole_growth():
    text = ("据某省统计局数据，2024年全省规模以上工业营业收入为5000亿元，同比增长5.0%。其中，装备制造业营业收入为1500亿元，"
            "同比增长20.0%，占全部规模以上工业营业收入的比重为30.0%，比上年提高{d}个百分点。")
    hits = found(text.format(d="6.0"), POINTS)  # last year 30.0 × 1.05 ÷ 1.20 = 26.25: +3.75 points
    assert len(hits) == 1 and hits[0].text == "提高6.0个百分点" and "26.25" in hits[0].message
    assert not found(text.format(d="3.8"), POINTS)


def test_points_column_of_a_table():
    text = ("某医院服务指标（数据来源：医院年报）\n指标 2023年 2024年 增减(百分点)\n病床使用率(%) 86.5 89.0 {d}\n"
            "患者满意度(%) 92.0 93.5 1.5")
    hits = found(text.format(d="3.5"), POINTS)
    assert len(hits) == 1 and hits[0].text == "3.5"
    assert not found(text.format(d="2.5"), POINTS)


# ---------------------------------------------------------------- an English line against the Chinese figures
def test_english_figure_that_disagrees_with_its_chinese_counterpart():
    text = ("据某省林业局统计，2024年全省林下经济产值为286.5亿元，同比增长7.4%，带动农户就业42.3万人。\n"
            "According to the provincial forestry bureau, the output value of the under-forest economy reached 28.65 "
            "billion yuan in 2024, up 4.7% year on year, employing 423,000 rural workers.")
    hits = found(text, TRANSLATION)
    assert len(hits) == 1 and hits[0].text == "4.7%" and "7.4%" in hits[0].message


def test_english_rounding_an_added_remark_and_converted_units_are_clean():
    text = ("据某省林业局统计，2024年全省林下经济产值为286.5亿元，同比增长7.4%，经营面积2 860万亩。\n"
            "According to the provincial forestry bureau, the under-forest economy produced 28.7 billion yuan in 2024, "
            "about 9% of forestry output, up 7.4%, on about 1.9 million hectares.")
    assert not found(text, TRANSLATION)


# ---------------------------------------------------------------- a total and its two complementary parts
PAIR = "consistency.pair-total"


def test_two_complementary_parts_against_their_total():
    text = ("据某市交通运输局统计，2024年全市完成客运量1.86亿人次，比上年增长4.2%。城市客运量1.32亿人次，增长5.1%；"
            "农村客运量{rural}亿人次，增长2.3%。")
    hits = found(text.format(rural="0.64"), PAIR)
    assert len(hits) == 1 and hits[0].text == "1.32亿人次" and "1.96亿人次" in hits[0].message
    assert not found(text.format(rural="0.54"), PAIR)


def test_bounded_total_or_parts_named_otherwise_are_not_read():
    assert not found("据某市交通运输局统计，2024年全市完成客运量近1.9亿人次。城市客运量1.32亿人次，农村客运量0.64亿人次。", PAIR)
    # the parts measure another thing than the total
    assert not found("据某市交通运输局统计，2024年全市完成客运量1.86亿人次。城市公交线路1.32亿人次，农村公路里程0.64亿人次。", PAIR)
