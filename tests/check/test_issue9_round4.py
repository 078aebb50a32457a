"""Issue 9, fourth round: the document-level source model (check/sources.py) and the classes tuned on the g batch.
Texts are written for these tests, in several industries (cold-chain logistics, rail transit, elderly care,
photovoltaics), not taken from the eval sets."""
from assistant.check import check_text, default_rules
from assistant.check.rules import Context
from assistant.check.sources import build_source_model
from assistant.check.structure import parse_text


def evidence(text, **kw):
    return [f.text for f in check_text(text, categories={"evidence"}, **kw).findings]


def objectivity(text, **kw):
    return [(f.rule_id, f.text) for f in check_text(text, categories={"objectivity"}, **kw).findings]


def model(text, report=None):
    rs = default_rules()
    ctx = Context(doc=parse_text(text), report=report, definitions=rs.definitions, parameters=rs.parameters)
    return build_source_model(ctx)


# --- header / byline ---------------------------------------------------------------------------------------------
RELEASE_WITH_BYLINE = ("某省冷链物流运行情况\n某省统计局 2025-01-17\n"
                       "全年全省冷库容量达到1260万吨，冷藏车保有量4.3万辆。\n"
                       "一、冷链需求\n冷链物流总额为2.1万亿元，增长6.8%。\n")


def test_a_body_name_alone_with_a_date_is_the_byline_and_covers_the_release():
    m = model(RELEASE_WITH_BYLINE)
    assert m.header == "某省统计局 2025-01-17" and m.whole
    assert evidence(RELEASE_WITH_BYLINE) == []


def test_a_release_title_is_a_byline():
    t = "2024年某市城市轨道交通统计公报\n全市城市轨道交通运营里程达到512公里，全年客运量18.6亿人次。\n"
    assert model(t).header and evidence(t) == []
    t2 = "某市交通运输局关于2024年轨道交通运营服务质量情况的通报\n全年列车正点率为99.95%，客运量18.6亿人次。\n"
    assert model(t2).header and evidence(t2) == []


def test_a_community_report_byline_covers_only_when_it_names_an_authority():
    t = "某某行业发展分析报告\n某共同体秘书处 2025-03-01\n\n行业从业人员约32万人。\n"
    assert evidence(t, report="industry-analysis") == ["32万人"]


# --- closing source line -----------------------------------------------------------------------------------------
def test_a_closing_source_line_covers_the_whole_excerpt():
    t = ("三季度养老服务用工情况\n全市养老机构护理员需求4.2万人，同比增长7.5%；\n持证护理员2.8万人。\n"
         "来源：某市民政局\n")
    m = model(t)
    assert m.closing == "来源：某市民政局" and m.whole
    assert evidence(t) == []
    # an editor line after it does not hide it
    assert model(t + "责任编辑：张某\n").closing == "来源：某市民政局"


def test_a_release_signature_at_the_end_covers_the_release():
    t = ("2024年某省轨道交通运营情况\n全省城市轨道交通运营里程512公里，全年客运量18.6亿人次。\n"
         "某省交通运输厅\n2025年1月20日\n")
    m = model(t)
    assert m.closing == "某省交通运输厅" and m.whole
    assert evidence(t) == []


def test_a_vague_closing_line_is_no_source():
    t = "三季度养老服务用工情况\n全市养老机构护理员需求4.2万人，同比增长7.5%。\n来源：网络\n"
    m = model(t)
    assert m.closing is None and not m.whole
    assert evidence(t) == ["4.2万人，同比增长7.5%"]


# --- notes blocks ------------------------------------------------------------------------------------------------
def test_a_notes_block_naming_a_source_covers_the_figures_above_it_only():
    t = ("光伏产业人才分析\n\n## 一、装机规模\n\n全年新增光伏装机容量2.17亿千瓦，累计装机8.9亿千瓦。\n\n"
         "注：数据来自某国家能源主管部门发布的统计数据。\n\n"
         "行业从业人员约450万人。\n\n## 二、人才需求\n\n企业技术岗位需求约12万人。\n")
    found = evidence(t, report="industry-analysis")
    # the figures above the note are covered; (as before this round, a line naming a source also covers what
    # follows it in its section); the next section is not covered
    assert found == ["12万人"], found
    m = model(t, report="industry-analysis")
    assert len(m.notes) == 1 and not m.whole


def test_a_notes_block_that_only_explains_covers_nothing():
    t = ("光伏产业人才分析\n\n## 一、装机规模\n\n全年新增光伏装机容量2.17亿千瓦。\n\n"
         "注：装机容量按交流侧口径计算。\n")
    assert model(t, report="industry-analysis").notes == []
    assert len(evidence(t, report="industry-analysis")) == 1


# --- a vague source does not count -------------------------------------------------------------------------------
def test_a_vague_source_in_the_lead_is_no_source():
    t = "据相关媒体报道，今年冷链物流行业新增岗位约8万个。\n\n其中冷库运维岗位约2.4万个。\n"
    assert evidence(t) != []
    assert not model(t).whole
    t2 = "据相关媒体报道，城市轨道交通运营里程突破1万公里。\n"
    assert len(evidence(t2)) == 1


# --- release layout ----------------------------------------------------------------------------------------------
RELEASE_BODY = ("前三季度冷链物流运行平稳\n"
                "一、冷链需求稳步回升\n"
                "前三季度，冷链物流总额同比增长5.2%，比上半年加快0.3个百分点。\n"
                "其中，农产品冷链物流总额同比增长4.1%；医药冷链物流总额同比增长9.6%。\n"
                "9月份，冷链物流景气指数为52.3%，比上月上升0.8个百分点。\n"
                "二、冷链设施规模扩大\n"
                "前三季度，冷库容量同比增长6.4%；冷藏车保有量同比增长11.2%。\n")


def test_release_layout_is_the_body_s_own_data():
    m = model(RELEASE_BODY)
    assert m.release and m.whole and m.header is None
    assert evidence(RELEASE_BODY) == []


def test_release_layout_not_for_papers_nor_community_reports():
    paper = "摘要：本文分析冷链物流人才需求。\n" + RELEASE_BODY
    assert not model(paper).release
    assert model(RELEASE_BODY, report="industry-analysis").release is False
    assert evidence(RELEASE_BODY, report="industry-analysis") != []


# --- classes tuned on the g batch --------------------------------------------------------------------------------
def test_wishes_and_requirements_are_not_claims():
    t = "希望各成员单位在养老护理人才培养方面取得显著成效。"
    assert objectivity(t) == []
    t2 = "《某规划》提出，到2027年轨道交通专业群的服务能力应有显著提升。"
    assert objectivity(t2) == []
    assert objectivity("各成员单位在养老护理人才培养方面取得显著成效。") != []


def test_level_comparison_inside_a_source_s_data():
    t = "某招聘平台发布的报告显示，东部地区光伏企业的招聘景气指数较高，西部地区相对较低。"
    assert objectivity(t) == []
    # the same sentence with no source is the text's own vague judgement
    assert objectivity("东部地区光伏企业的招聘景气指数较高，西部地区相对较低。") != []


def test_later_figure_about_another_metric_does_not_excuse_a_vague_change():
    t = "全省冷链物流运行平稳，冷库利用率稳步提高。冷链物流总额增长6.8%。"
    assert ("objectivity.vague-change", "稳步提高") in objectivity(t)
    t2 = "全省冷库利用率稳步提高。全省冷库利用率由2023年的61.5%提高到2024年的65.2%，提高3.7个百分点。"
    assert objectivity(t2) == []


def test_period_on_period_change_is_not_given_by_a_year_on_year_figure():
    t = "从环比来看，本季度养老护理员招聘需求人数有所增加。从同比来看，养老护理员招聘需求人数同比增长8.2%。"
    assert ("objectivity.vague-change", "有所增加") in objectivity(t)


def test_a_vague_rise_summing_up_the_series_before_it():
    t = "城市轨道交通运营里程2015年为3600公里，2020年达到7300公里，2024年达到10900公里。运营里程快速增长始于2015年前后。"
    assert objectivity(t) == []


def test_support_and_engine_metaphors_and_attention_wording():
    assert objectivity("联合体为区域冷链产业提供了强有力的人才支撑。")
    assert objectivity("光伏产业已成为区域经济增长的新引擎。")
    assert objectivity("养老护理职业教育再次引发热议。")
