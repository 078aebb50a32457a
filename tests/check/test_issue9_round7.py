"""Issue 9, seventh round: classes added after the sixth batch j joined dev. Texts are written for these tests, in
industries other than j's (water supply, dairy, tourism, printing, logistics parks), not taken from the eval sets."""
from assistant.check import check_text


def evidence(text, **kw):
    return [f.text for f in check_text(text, categories={"evidence"}, **kw).findings]


def objectivity(text, **kw):
    return [(f.rule_id, f.text) for f in check_text(text, categories={"objectivity"}, **kw).findings]


# --- evidence: who the source is -------------------------------------------------------------------------------
def test_a_closing_line_naming_the_providing_body_covers_the_excerpt():
    t = ("6月份,全国重点城市供水总量52.3亿立方米,同比增长3.1%。其中,居民生活用水21.6亿立方米,同比增长4.0%;"
         "工业用水14.2亿立方米,同比下降1.5%。\n"
         "上半年,全国重点城市供水总量298.7亿立方米,同比增长2.6%。\n"
         "住房和城乡建设部城市建设司统计处提供\n")
    assert evidence(t) == []


def test_without_the_providing_line_the_same_figures_are_flagged():
    t = ("6月份,全国重点城市供水总量52.3亿立方米,同比增长3.1%。\n"
         "上半年,全国重点城市供水总量298.7亿立方米,同比增长2.6%。\n")
    assert evidence(t)


def test_a_news_agency_dispatch_cited_in_the_lead_is_a_source():
    t = ("某网6月3日讯 据新华社北京6月2日电 今年前5个月,我国乳制品产量1210万吨,同比增长2.4%,"
         "增速较上年同期回升1.1个百分点。液态奶产量1130万吨,同比增长2.2%。\n")
    assert evidence(t) == []


def test_a_two_section_release_excerpt_is_the_bodys_own_data():
    t = ("2024年一季度印刷业运行情况\n"
         "一、营业收入\n"
         "1-3月,规模以上印刷企业实现营业收入2410.5亿元,同比增长4.3%,增速较上年同期提高1.2个百分点。\n"
         "二、利润总额\n"
         "1-3月,规模以上印刷企业实现利润总额126.8亿元,同比增长6.1%,高于全国工业整体增速2.8个百分点。"
         "各子行业中,增长最快的是包装印刷,增速为8.2%。\n")
    assert evidence(t) == []


def test_a_local_statistics_voice_is_the_local_offices_release():
    t = "1—5月份,全市旅游接待人次1860.4万人次,同比增长12.3%;旅游总收入215.6亿元,同比增长9.8%。\n"
    assert evidence(t) == []


def test_the_local_voice_does_not_count_under_a_vague_source_line():
    t = "1—5月份,全市旅游接待人次1860.4万人次,同比增长12.3%。\n来源：网络\n"
    assert evidence(t)


def test_community_founding_and_attendance_counts_are_its_own_facts():
    t = ("本报讯 5月20日,全国现代物流园区产教融合共同体在某职业技术学院成立。来自全国80多所院校、企业的代表参加了本次活动。"
         "共同体由某物流集团牵头,联合国内56家行业企业、高等院校、科研机构共同建立。\n")
    assert evidence(t) == []


def test_a_source_before_stated_data_does_not_cover_a_forecast_after_it():
    t = ("据某物流与采购联合会数据,2023年全国物流园区营业收入达1.2万亿元,同比增长6.5%,"
         "预计2026年物流园区营业收入将突破1.6万亿元。\n")
    assert any("1.6万亿元" in x or "预计" in x for x in evidence(t))


def test_another_bodys_forecast_stays_covered():
    t = "据某物流与采购联合会预测,2026年全国物流园区营业收入将突破1.6万亿元。\n"
    assert evidence(t) == []


def test_an_unnamed_latest_report_is_a_vague_source():
    t = "根据今年发布的最新行业报告,乳制品行业一线技术岗位薪资中位数达0.95万元/月。\n"
    assert evidence(t)


# --- objectivity ---------------------------------------------------------------------------------------------
def test_salience_trends_are_flagged_and_problem_wording_is_not():
    found = objectivity("在乡村振兴背景下,冷链物流的重要性日益凸显。市场竞争日益激烈。\n")
    assert {r for r, _ in found} == {"objectivity.salience"} and len(found) == 2
    assert not [r for r, _ in objectivity("供需之间的结构性矛盾日益凸显。\n") if r == "objectivity.salience"]


def test_authors_metaphors_and_proof_claims():
    found = {t for _, t in objectivity("印刷园区成为了当地一道亮丽的风景线。这一数字有力地证明了转型的成效。\n")}
    assert any("风景线" in t for t in found) and any("证明" in t for t in found)


def test_evaluative_outlook_and_speed_of_transformation():
    found = {t for _, t in objectivity("下半年乳制品行业的经营形势将更加严峻。数字技术浪潮加速重塑行业格局。\n")}
    assert any("更加严峻" in t for t in found) and any("加速重塑" in t for t in found)


def test_numbered_major_parts_are_not_a_vague_amount():
    found = objectivity("核算所需的数据主要来源于两大部分。\n")
    assert not [r for r, _ in found if r == "objectivity.vague-amount"]


# ---- consistency parser fixes found by the seventh batch's one run (synthetic sentences, generic subjects)

def _consistency(text):
    from assistant.check import check_text

    return [f.rule_id for f in check_text(text, report="industry-analysis", categories={"consistency"}).findings]


def test_cumulative_period_is_not_the_month_before_it():
    text = ("统计局数据显示，2024年5月全国某产品产量120.5万吨，同比增长1.2%；"
            "1-5月全国某产品产量560.3万吨，同比下降2.1%。")
    assert "consistency.metric-mismatch" not in _consistency(text)


def test_from_year_to_year_range_does_not_date_the_first_value():
    text = ("据统计局数据，从2015年到2024年，全国某行业产值从1000亿元持续上涨至2500亿元。"
            "据统计局数据，2024年全国某行业产值2500亿元。")
    assert "consistency.metric-mismatch" not in _consistency(text)


def test_growth_against_last_years_stated_value_is_recomputed():
    ok = "据统计局数据，2023年某行业完成产值1200亿元，比上年的1000亿元增长20.0%。"
    bad = "据统计局数据，2023年某行业完成产值1200亿元，比上年的1000亿元增长16.0%。"
    assert "consistency.growth-mismatch" not in _consistency(ok)
    assert "consistency.growth-mismatch" in _consistency(bad)
