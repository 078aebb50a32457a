"""Issue 9, eleventh round (evidence): classes added after the tenth batch n joined dev. Texts are written for these
tests, in industries other than n's (forestry, inland shipping, textiles, furniture, water supply, pharmacy retail),
not taken from the eval sets. Each class has a case it must excuse and a close case it must still flag."""
from assistant.check import check_text


def evidence(text, **kw):
    return [(f.rule_id, f.text) for f in check_text(text, categories={"evidence"}, **kw).findings]


def unsourced(text, **kw):
    return [t for r, t in evidence(text, **kw) if r == "evidence.unsourced-figure"]


RELEASE_BODY = ("1-9月份,林业产业总产值累计完成5812.4亿元,同比增长6.3%;木材加工量累计完成3104万立方米,同比增长2.1%。\n"
                "9月份,林业产业总产值完成702.6亿元,同比增长5.8%;木材加工量完成388万立方米,同比下降0.4%。\n")


# --- a headline naming the publisher and its release: the body is that body's release --------------------------------
def test_a_headline_naming_the_publisher_and_the_release_covers_the_body():
    assert unsourced("某省林业局公布2026年9月林业产业运行情况\n" + RELEASE_BODY) == []


def test_a_headline_with_no_publisher_leaves_the_body_unsourced():
    assert unsourced("2026年9月林业产业运行情况\n" + RELEASE_BODY)


def test_a_headline_announcing_a_future_release_is_not_a_byline():
    # a sentence, not a headline: the cue only takes a short line with no clause punctuation
    t = "某省林业局将于下月公布,2026年9月林业产业运行情况,敬请关注\n" + RELEASE_BODY
    assert unsourced(t)


# --- a headline figure above a lead that names the source ------------------------------------------------------------
def test_a_headline_figure_is_covered_by_the_lead_naming_the_source():
    t = ("前三季度内河港口吞吐量稳步回升\n集装箱吞吐量同比增长超两倍\n"
         "本报讯(记者王某)交通运输部最新数据显示,前三季度,全国内河港口完成货物吞吐量41.2亿吨,同比增长4.6%;"
         "其中集装箱吞吐量完成1820万标箱,同比增长212.3%。\n")
    assert unsourced(t) == []


def test_a_headline_figure_above_an_unsourced_lead_is_flagged():
    t = ("前三季度内河港口吞吐量稳步回升\n集装箱吞吐量同比增长超两倍\n"
         "本报讯(记者王某)前三季度,全国内河港口完成货物吞吐量41.2亿吨,同比增长4.6%;"
         "其中集装箱吞吐量完成1820万标箱,同比增长212.3%。\n")
    assert any("两倍" in t_ for t_ in unsourced(t))


def test_a_headline_figure_above_a_vaguely_sourced_lead_is_flagged():
    t = ("前三季度内河港口吞吐量稳步回升\n集装箱吞吐量同比增长超两倍\n"
         "据统计,前三季度,全国内河港口完成货物吞吐量41.2亿吨,同比增长4.6%;其中集装箱吞吐量同比增长212.3%。\n")
    assert any("两倍" in t_ for t_ in unsourced(t))


# --- a speaker whose date has a month --------------------------------------------------------------------------------
def test_a_speaker_with_a_month_and_day_is_a_source():
    t = ("某部水运局副局长李某9月18日表示,前三季度,全国内河货运量完成31.6亿吨,同比增长3.9%;"
         "内河船舶平均吨位达到1960吨。\n")
    assert unsourced(t) == []


def test_a_date_with_no_speaker_verb_is_not_a_source():
    t = "9月18日,前三季度全国内河货运量完成31.6亿吨,同比增长3.9%;内河船舶平均吨位达到1960吨。\n"
    assert unsourced(t)


# --- an institution describing itself --------------------------------------------------------------------------------
def test_a_college_describing_itself_uses_its_own_data():
    t = ("一、学校基本情况\n学校创办于1998年,占地820亩,设置了纺织工程学院、服装学院等7个二级学院,"
         "开设专业31个,2025年全日制在校生9120人。\n学校现有国家级骨干专业3个、省级示范专业6个。\n")
    assert unsourced(t) == []


def test_a_basic_situation_heading_of_an_industry_is_not_a_self_description():
    t = ("一、行业基本情况\n2025年全国纺织行业规模以上企业营业收入4.9万亿元,从业人员约780万人。\n"
         "纺织品服装出口额2930亿美元。\n")
    assert unsourced(t)


def test_members_joining_an_alliance_are_its_own_data():
    t = ("全国家具产教融合联盟在某市成立。联盟以服务家具产业转型为目的,截至目前,共有64家单位加入联盟,"
         "包括院校、企业和行业协会。\n")
    assert unsourced(t) == []


def test_a_count_of_firms_in_an_industry_is_not_membership():
    t = "截至目前,全国共有6.4万家家具企业,从业人员约500万人,家具出口额达到700亿美元。\n"
    assert unsourced(t)


def test_agreements_signed_at_the_event_are_its_own_facts():
    t = ("某市供水产教融合项目推进会举行。\n据了解,此次活动共签署了12个校企合作协议,"
         "会后各方又达成5个人才联合培养协议。\n")
    assert unsourced(t) == []


def test_an_unnamed_vague_figure_outside_the_event_is_still_flagged():
    t = "据了解,全市供水管网漏损率为11.2%,供水企业技术工人缺员约1300人。\n"
    assert unsourced(t)


# --- a forecast whose paragraph names a source only after it ---------------------------------------------------------
def test_a_forecast_before_the_paragraphs_only_source_is_flagged():
    t = ("药店行业正在快速扩张,预计到2030年,全国零售药店将达到80万家。据某部数据,2024年全国零售药店"
         "共有67万家,执业药师约78万人。\n")
    fs = [t_ for r, t_ in evidence(t) if r == "evidence.forecast-basis"]
    assert fs and "80万家" in fs[0]


def test_a_forecast_after_the_source_is_that_sources_forecast():
    t = ("据某部数据,2024年全国零售药店共有67万家,执业药师约78万人。该部预计到2030年,全国零售药店将达到80万家。\n")
    assert [r for r, _ in evidence(t) if r == "evidence.forecast-basis"] == []


def test_a_later_sentence_pointing_back_covers_the_forecast():
    t = ("预计到2030年,全国零售药店将达到80万家。以上预测来自某部发布的《零售药店发展报告》。\n")
    assert [r for r, _ in evidence(t) if r == "evidence.forecast-basis"] == []


# --- a gap: a range is not a demand minus a supply -------------------------------------------------------------------
def test_a_range_is_not_a_gap_baseline():
    # sourced, so the unsourced-figure finding does not take the gap's span (even a sourced gap needs a baseline)
    t = "据某部数据,每万人拥有执业药师4.2人,远低于发达国家8-10人的水平,执业药师缺口高达30万以上。\n"
    assert [r for r, _ in evidence(t) if r == "evidence.gap-baseline"]


def test_demand_minus_supply_is_a_gap_baseline():
    t = "据某部数据,按需求120万人-现有90万人计算,执业药师缺口约30万人。\n"
    assert [r for r, _ in evidence(t) if r == "evidence.gap-baseline"] == []


# --- a vague source takes over from the document's own source (a headline naming a body) ----------------------------
def test_a_vague_source_takes_over_from_a_headline_naming_a_body():
    t = ("某部:前三季度家具制造业产量平稳增长\n某部4日发布的数据显示,前三季度,全国家具产量同比增长3.2%。\n"
         "据统计,1-9月,全国家具出口额达到512.6亿美元,同比增长4.1%;实木家具产量超过2.1亿件。\n")
    assert any("512.6亿" in t_ for t_ in unsourced(t))


def test_the_named_release_under_a_headline_stays_covered():
    t = ("某部:前三季度家具制造业产量平稳增长\n某部4日发布的数据显示,前三季度,全国家具产量同比增长3.2%。\n"
         "1-9月,全国家具出口额达到512.6亿美元,同比增长4.1%。\n")
    assert unsourced(t) == []


def test_latest_data_shows_at_a_clause_start_is_vague():
    t = "今年以来,重点供水工程加快建设。最新数据显示,前三季度,全国完成供水工程投资1260亿元。\n"
    assert unsourced(t)


def test_a_bodys_latest_data_is_a_source():
    t = "今年以来,重点供水工程加快建设。某部最新数据显示,前三季度,全国完成供水工程投资1260亿元。\n"
    assert unsourced(t) == []


def test_a_local_release_opening_with_latest_statistics_is_the_offices_own_voice():
    t = ("最新统计数据显示,今年前10个月全市规模以上纺织企业累计完成产值412.6亿元,同比增长6.2%,"
         "其中10月份当月完成产值43.8亿元,同比增长5.1%。\n")
    assert unsourced(t) == []


# --- counts in 架、艘、张、亩 are figures ---------------------------------------------------------------------------
def test_counts_of_ships_and_beds_are_figures():
    assert unsourced("全省内河运输船舶共有3120艘,养老机构每千名老人拥有床位仅为28.4张。\n")


def test_counts_in_these_units_with_a_source_are_fine():
    assert unsourced("据某省交通运输厅统计,全省内河运输船舶共有3120艘,养老机构每千名老人拥有床位28.4张。\n") == []


# --- "these data show" points back at the figures; it is not a source ------------------------------------------------
def test_these_data_show_is_not_a_source():
    t = "一次性就业率连续多年保持在96%以上,用人单位满意度达到88.5%。这些数据表明,行业对人才的吸引力正在提升。\n"
    assert unsourced(t)


def test_survey_data_show_names_a_source():
    t = "某协会调查数据显示,一次性就业率连续多年保持在96%以上,用人单位满意度达到88.5%。\n"
    assert unsourced(t) == []


# --- a lead figure restated later with its source --------------------------------------------------------------------
def test_a_lead_figure_restated_later_with_its_source_is_sourced():
    t = ("家具工业前三季度营收增长\n本报讯(记者李某)前三季度,全国6.1万家规模以上家具企业实现营业收入超5600亿元。\n"
         "在某市举行的家具博览会上,某家具协会副会长张某通报了前三季度家具工业运行情况。\n"
         "张某通报的数据显示,前三季度,6.1万家规模以上家具企业实现营业收入5612.4亿元,同比增长2.3%。\n")
    assert unsourced(t) == []


def test_a_lead_figure_not_restated_stays_unsourced():
    t = ("家具工业前三季度营收增长\n本报讯(记者李某)前三季度,全国6.1万家规模以上家具企业实现营业收入超5600亿元。\n"
         "在某市举行的家具博览会上,某家具协会副会长张某通报了前三季度家具工业运行情况。\n"
         "张某通报的数据显示,前三季度,家具出口额同比增长2.3%。\n")
    assert unsourced(t)


# --- a section describing the report's own sample --------------------------------------------------------------------
def test_a_sample_section_lists_the_reports_own_counts():
    t = ("一、研究背景\n家具产业人才供需矛盾日益突出。\n二、样本说明\n- 样本数量: 30家企业\n"
         "- 行业覆盖: 实木家具(12家)、板式家具(9家)、软体家具(9家)\n")
    assert unsourced(t) == []


def test_an_industry_section_with_counts_is_not_a_sample():
    t = ("一、研究背景\n家具产业人才供需矛盾日益突出。\n二、行业概况\n- 企业数量: 6.1万家\n"
         "- 从业人员: 约500万人\n")
    assert unsourced(t)
