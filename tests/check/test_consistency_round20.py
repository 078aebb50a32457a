"""Issue 9, round 20 (consistency): two statements of one metric's change that go different ways (持平 / 略有下降,
增长 / 下降; 从A减少到B with B larger), a trend word against the year-by-year values of its paragraph, and a rate's
change written as the point difference in a table's 同比(%) column. Own sentences (seafood processing, cinemas,
forestry, water supply, libraries, bicycles, kindergartens, airports), none on the two sample industries."""
from assistant.check import check_text


def found(text, rule):
    return [f for f in check_text(text, categories={"consistency"}).findings if f.rule_id == rule]


DIRECTION = "consistency.direction-words"
TREND = "consistency.trend-contradicted"
TABLE = "consistency.table-rate-change"


# ---------------------------------------------------------------- direction words
def test_flat_then_falling_for_one_metric_is_a_warning_naming_both():
    text = ("据某省渔业协会统计，上半年全省水产品加工量与上年同期持平，冷链仓储能力继续扩大。\n"
            "分品类看，水产品加工量略有下降，其中冷冻品占六成。")
    hits = found(text, DIRECTION)
    assert len(hits) == 1 and hits[0].level == "warning"
    assert hits[0].text == "略有下降" and "持平" in hits[0].message and "水产品加工量" in hits[0].message


def test_falling_word_then_a_positive_rate_after_the_figure():
    text = "据某市电影局统计，2024年全市城市影院观影人次同比下降。全年全市城市影院观影人次为1860万，同比增长6.2%。"
    hits = found(text, DIRECTION)
    assert len(hits) == 1 and hits[0].text == "同比增长6.2%" and "同比下降" in hits[0].message


def test_from_to_verb_against_its_values():
    hits = found("据某县林业局统计，全县林下经济经营主体从2022年的340家减少到2024年的415家。", DIRECTION)
    assert len(hits) == 1 and "增加" in hits[0].message and "减少" in hits[0].message
    assert not found("据某县林业局统计，全县林下经济经营主体从2022年的340家增加到2024年的415家。", DIRECTION)


def test_different_metrics_periods_or_bases_are_not_contradictions():
    # 持平 for one metric, 下降 for another
    assert not found("据某市水务集团统计，一季度全市供水总量与上年同期持平，管网漏损量略有下降，同比下降3.1%。", DIRECTION)
    # a cost falls while output rises
    assert not found("据某自行车企业年报，2024年整车产量同比增长9.4%，单车装配工时同比下降6.0%，单位制造成本有所下降。",
                     DIRECTION)
    # two periods of the year
    assert not found("据某市图书馆统计，上半年全市图书外借册次基本稳定；下半年图书外借册次同比增长11.3%。", DIRECTION)
    # year-on-year and chain bases
    assert not found("据某机场集团统计，11月旅客吞吐量同比增长。与上月相比，旅客吞吐量有所下降，降幅为4.2%。", DIRECTION)
    # a fixed base year is a basis of its own; a month is not the months to date
    assert not found("据某市邮政管理局统计，2024年全市快递业务量同比下降。与2019年相比，全市快递业务量增长了36.2%。", DIRECTION)
    assert not found("据某市邮政管理局统计，1—10月全市快递业务量同比下降1.2%。10月份，全市快递业务量同比增长2.4%。", DIRECTION)
    # a growth rate that slows while its level grows
    assert not found("据某市教育局统计，2024年全市在园幼儿数增速有所回落，全年在园幼儿数为21.6万人，同比增长1.4%。", DIRECTION)


def test_parts_and_lists_over_subjects_are_not_contradictions():
    # the whole grows, a part (其中) falls
    assert not found("据某省渔业协会统计，2024年全省水产品出口额同比增长。其中，省会水产品出口额同比下降2.2%。", DIRECTION)
    # one metric stated for several subjects in one sentence
    assert not found("据某平台统计，东部机场旅客吞吐量增长；中部机场旅客吞吐量下降；西部机场旅客吞吐量基本持平。", DIRECTION)


def test_forecasts_ranks_and_negative_values_are_not_read():
    assert not found("据某市电影局统计，2024年全市观影人次同比增长。预计2024年全市观影人次将有所下降。", DIRECTION)
    assert not found("据某协会统计，该企业在全行业的排名从12上升到7。", DIRECTION)
    assert not found("据某协会统计，行业平均利润率从-1.8%提高到0.9%。", DIRECTION)


# ---------------------------------------------------------------- trend words
def test_rising_trend_against_a_falling_year_is_a_warning():
    text = ("据某省林业和草原局统计，全省国家级森林康养基地数量逐年增加，2021年有基地28个，"
            "2022年有基地35个，2023年有基地31个。")
    hits = found(text, TREND)
    assert len(hits) == 1 and hits[0].level == "warning" and hits[0].text == "逐年增加"
    assert "2022年为35个" in hits[0].message and "2023年为31个" in hits[0].message


def test_falling_trend_in_a_listed_span_is_read_year_by_year():
    text = "据某市水务局统计，2021—2024年全市供水管网漏损率持续下降，分别为12.4%、11.1%、11.6%和9.8%。"
    hits = found(text, TREND)
    assert len(hits) == 1 and "2023年为11.6%" in hits[0].message


def test_trend_over_its_own_years_another_metric_or_too_few_years_is_not_flagged():
    # the trend covers 2021—2023; 2024 falls back and is stated as such
    assert not found("据某省林业和草原局统计，2021—2023年全省森林康养基地数量逐年增加，分别为28个、35个和41个；"
                     "2024年减少至38个。", TREND)
    # the series is of another metric than the trend's
    assert not found("据某县林业局统计，全县油茶种植面积逐年增加，油茶籽产量受天气影响有所起伏：2021年油茶籽产量为2.4万吨，"
                     "2022年为2.1万吨，2023年为2.6万吨。", TREND)
    # 此后: the trend starts after the fall
    assert not found("据某市图书馆统计，全市持证读者由2019年的52万人降至2021年的44万人，此后逐年增加，2022年为47万人，"
                     "2023年为50万人，2024年为53万人。", TREND)
    # two years are too few to read as a year-by-year series
    assert not found("据某市图书馆统计，全市持证读者逐年增加，2023年为50万人，2024年为48万人。", TREND)
    # a consistent series
    assert not found("据某市水务局统计，全市供水管网漏损率持续下降，2021年为12.4%，2022年为11.1%，2023年为9.8%。", TREND)


SCENIC = "据某省旅游协会统计，全省A级旅游景区数量逐年增加，见下表。\n\n| 年份 | 景区数量(家) | 接待人次(万人次) |\n|---|---|---|\n"


def test_trend_against_the_column_of_the_table_after_it():
    hits = found(SCENIC + "| 2021 | 412 | 8650 |\n| 2022 | 436 | 7120 |\n| 2023 | 429 | 9810 |\n", TREND)
    assert len(hits) == 1 and "表格" in hits[0].message and "2023年为429" in hits[0].message
    # a table laid out with spaces, above the sentence, after its caption
    hits = found("表1 某省A级旅游景区\n年份 景区数量 接待人次\n2021 412 8650\n2022 436 7120\n2023 429 9810\n"
                 "据某省旅游协会统计，全省A级旅游景区数量逐年增加。", TREND)
    assert len(hits) == 1


def test_trend_with_its_table_column_rising_is_not_flagged():
    # the trend's column rises; the other column (接待人次) falls and is not the trend's
    assert not found(SCENIC + "| 2021 | 412 | 8650 |\n| 2022 | 436 | 7120 |\n| 2023 | 451 | 9810 |\n", TREND)


# ---------------------------------------------------------------- a table's 同比(%) column
TABLE_HEAD = "某市公共图书馆2024年主要指标（来源：某市文化和旅游局）\n指标 2024年 2023年 同比(%)\n"
AMOUNTS = "外借册次(万册) 412.5 380.6 8.38\n到馆人次(万人次) 265.2 241.9 9.63\n"


def test_a_rate_row_with_its_point_difference_under_percent_is_a_warning():
    hits = found(TABLE_HEAD + AMOUNTS + "持证读者占常住人口比例(%) 18.6 16.9 1.7\n", TABLE)
    assert len(hits) == 1 and hits[0].text == "1.7" and hits[0].level == "warning"
    assert "百分点" in hits[0].message and "10.06%" in hits[0].message


def test_a_rate_row_matching_neither_the_difference_nor_the_ratio():
    hits = found(TABLE_HEAD + AMOUNTS + "图书流通率 76.4 70.2 2.1\n", TABLE)
    assert len(hits) == 1 and hits[0].text == "2.1" and "6.20" in hits[0].message


def test_a_rate_row_with_its_relative_change_or_an_unconfirmed_column_is_not_flagged():
    # the relative change of the rate: arithmetically what the column says
    assert not found(TABLE_HEAD + AMOUNTS + "持证读者占常住人口比例(%) 18.6 16.9 10.06\n", TABLE)
    # a column of differences for every row (not confirmed as a % change column by the amounts)
    head = "某市公共图书馆2024年主要指标（来源：某市文化和旅游局）\n指标 2024年 2023年 同比(%)\n"
    assert not found(head + "外借册次(万册) 412.5 380.6 31.9\n到馆人次(万人次) 265.2 241.9 23.3\n"
                     "持证读者占常住人口比例(%) 18.6 16.9 1.7\n", TABLE)
    # a column headed without %
    assert not found("某市公共图书馆2024年主要指标\n指标 2024年 2023年 增减\n" + AMOUNTS
                     + "持证读者占常住人口比例(%) 18.6 16.9 1.7\n", TABLE)
