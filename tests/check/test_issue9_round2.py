"""Issue 9, second round: the classes of error found on the dev half of the real set. Texts are written for the
tests (generic subjects, not taken from the eval sets)."""
from assistant.check import check_text
from assistant.check.structure import heading_level
from assistant.textproc import sentence_spans, split_sentences

SPAN = {"objectivity", "evidence", "consistency"}


def found(text, cats=SPAN, **kw):
    return [(f.rule_id, f.text) for f in check_text(text, categories=cats, **kw).findings]


def rules(text, cats=SPAN, **kw):
    return [r for r, _ in found(text, cats, **kw)]


# --- one sentence splitter ------------------------------------------------------------------------------------------
def test_sentence_spans_match_the_splitter():
    t = "第一句。第二句！？\n\n  二、小标题\n“引语。”他说"
    spans = sentence_spans(t)
    assert [t[s:e] for s, e in spans] == [p.rstrip("\n") for p in split_sentences(t, clean=False) if p.strip()]
    assert all(t[s:e].strip() for s, e in spans)


# --- a figure for the change must move the same way ----------------------------------------------------------------
def test_vague_rise_not_excused_by_a_fall_in_another_metric():
    t = "本季度供需人数均有所增长。求人倍率约为1.31，环比下降0.06。"
    assert ("objectivity.vague-change", "有所增长") in found(t, {"objectivity"})


def test_vague_rise_excused_by_a_rise_figure_that_follows():
    t = "本季度供需人数均有所增长。需求人数环比增长5.9%，求职人数环比增长5.5%。"
    assert "objectivity.vague-change" not in rules(t, {"objectivity"})


def test_vague_amount_not_excused_by_a_change_figure_in_the_next_sentence():
    t = "这些城市吸引企业入驻，从而产生了较多的岗位空缺。制造业用人需求增长82.5%。"
    assert ("objectivity.vague-change", "较多") in found(t, {"objectivity"})


def test_vague_fall_sums_up_a_fall_stated_earlier_in_the_sentence():
    t = "本周平均招聘薪酬为8000元，较上周下降1.0%，主要是低薪岗位增多，因此整体薪酬小幅下降。"
    assert "objectivity.vague-change" not in rules(t, {"objectivity"})


def test_fast_development_and_growing_demand_without_figures():
    got = rules("随着某产业的快速发展，企业对技术人才的需求日益增加，薪资待遇普遍较高。", {"objectivity"})
    assert got.count("objectivity.vague-change") == 3, got


# --- sources and own data -------------------------------------------------------------------------------------------
def test_self_report_figures_are_the_organisations_own():
    t = "某职业学院2024年度质量报告\n\n学院现有专任教师520人，其中教授48人，开设专业42个。\n"
    assert rules(t, {"evidence"}) == []


def test_organisation_describing_its_members_is_own_data():
    t = "某行业联盟简介\n\n目前联盟共有86家会员单位，其中企业40家、院校38所，某学院等12家单位担任常务理事。\n"
    assert rules(t, {"evidence"}) == []


def test_a_vague_source_takes_over_from_the_source_before_it():
    t = ("某部发布的数据显示，某产业人才需求约120万人。相关资料显示，开设相关专业的院校达到700所。")
    got = found(t, {"evidence"})
    hits = [x for x in got if x[0] == "evidence.unsourced-figure"]
    # one finding, on the second sentence only; from round 16 it starts at the vague source itself
    assert len(hits) == 1 and hits[0][1].startswith("相关资料显示") and hits[0][1].endswith("700所"), got


def test_data_shows_after_a_lead_points_back_at_the_lead():
    t = "某招聘平台发布的季度报告显示，平均招聘月薪8190元。\n\n数据显示，上海平均月薪为11000元。\n"
    assert rules(t, {"evidence"}) == []


def test_index_values_without_units_are_figures():
    t = "一、概况\n\n热门行业竞争指数再度上升，分别达到19.7和14.5。\n"
    assert "evidence.unsourced-figure" in rules(t, {"evidence"})


def test_size_bands_are_definitions_not_statistics():
    t = "某报告显示，小微企业需求回升。\n\n二、分规模\n\n20人以下的微型企业与20-99人的小型企业，招聘需求回升。\n"
    assert rules(t, {"evidence"}) == []


def test_another_bodys_forecast_named_at_the_head_of_a_clause():
    t = "量子领域：某咨询机构预测，到2035年相关市场可能达到4500亿美元。但需求预计将达到10万人以上。"
    assert "evidence.forecast-basis" not in rules(t, {"evidence"})
    assert "evidence.forecast-basis" in rules("本报告预测，到2030年需求将达到12万人。", {"evidence"})


def test_gap_with_a_rate_or_ratio_has_a_baseline():
    assert "evidence.gap-baseline" not in rules("某领域人才缺口超过500万，缺口率为48%。", {"evidence"})
    assert "evidence.gap-baseline" in rules("某领域人才缺口将达到300万人。", {"evidence"})


def test_multi_level_numbers_are_headings_and_end_a_leads_scope():
    assert heading_level("1.2 主要领域的人才需求特征") == 4
    assert heading_level("2.44万亿元的研发投入带动了就业") == 0
    t = "某局发布数据显示，全省从业人员增长3.1%。\n\n1.2 细分领域\n\n细分领域从业人员约12万人。\n"
    assert [x for x in found(t, {"evidence"}) if x[0] == "evidence.unsourced-figure"] == \
        [("evidence.unsourced-figure", "12万人")]


# --- rankings, records, achievements --------------------------------------------------------------------------------
def test_ranking_from_the_reported_data_is_not_flagged():
    t = "某招聘平台发布的周报显示，复工后招聘回暖。\n\n本地网游行业以平均薪酬10813元连续三周稳居榜首。\n"
    assert "objectivity.ranking-claim" not in rules(t, {"objectivity"})


def test_ranking_with_a_vague_source_is_flagged_despite_an_earlier_lead():
    t = "某部发布的数据显示，某产业人才缺口较大。\n\n据招聘平台报告显示，制造业招聘量增幅在各行业中排名第一。\n"
    assert "objectivity.ranking-claim" in rules(t, {"objectivity"})


def test_regional_ranking_and_record_claims():
    assert "objectivity.ranking-claim" in rules("该校是某某省规模最大的同类院校。", {"objectivity"})
    assert "objectivity.record-claim" in rules("青年失业率创近五年新低。", {"objectivity"})
    assert "objectivity.record-claim" not in rules("据某局统计，青年失业率创近五年新低。", {"objectivity"})


def test_achievement_claims_without_figures():
    got = rules("学校凭借卓越表现入选，有效提升了学生的技能水平，取得了很好的成效。", {"objectivity"})
    assert got.count("objectivity.achievement") == 3, got
    assert "objectivity.achievement" not in rules("技术服务到款额1200万元，取得了显著成效。", {"objectivity"})
