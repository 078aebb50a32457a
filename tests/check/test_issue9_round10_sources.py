"""Issue 9, tenth round: evidence findings on unseen documents (assistant/check/sources.py,
assistant/rules/sources.yaml, assistant/rules/evidence.yaml, assistant/check/kinds_evidence.py). Texts are written for
these tests with generic subjects (a city's job fairs, a sector's output, a demonstration base), not taken from the
eval sets. Each positive fails with the round-9 rules; each negative is a neighbour the new cue must leave alone."""
from assistant.check import check_text


def evidence(text):
    return [f.text for f in check_text(text, categories={"evidence"}).findings if f.category == "evidence"]


def rules(text):
    return [f.rule_id for f in check_text(text, categories={"evidence"}).findings if f.category == "evidence"]


# --- a bare 据统计 is a vague source, also after a named body ---------------------------------------------------------
def test_bare_ju_tongji_after_a_named_lead_is_a_vague_source():
    t = ("某省某厅日前发布上半年运行数据。\n"
         "据统计,上半年全省新增示范企业1200家,同比增长8.5%。\n")
    assert any("1200家" in x for x in evidence(t))


def test_bare_ju_tongji_with_nothing_before_is_a_vague_source():
    t = "据统计，某行业从业人员约为350万人，其中技能人才占比约为三成。\n"
    assert any("350万人" in x for x in evidence(t))


def test_a_named_statistician_is_still_a_source():
    assert evidence("据某行业协会统计，2024年某产品产量为120万吨，同比增长6.1%。\n") == []
    assert evidence("据统计局数据，2024年某产品产量为120万吨，同比增长6.1%。\n") == []


# --- the body says it compiled the data itself: the whole text is its own -------------------------------------------
AUTHOR = ("2024年第二季度某市招聘会供求状况分析\n"
          "某市就业服务中心通过采集本季度全市公共招聘会的供求信息,经统计分析形成供求状况报告如下:\n"
          "一、总体情况\n"
          "本季度共有1200家用人单位进场招聘,提供岗位3.5万个。\n"
          "二、主要特点\n"
          "与上季度相比,岗位需求增加12.5%,求职人数减少3.2%。\n")


def test_a_body_that_compiled_the_figures_itself_covers_its_numbered_sections():
    assert evidence(AUTHOR) == []


def test_without_the_compiling_sentence_the_sections_are_unsourced():
    t = AUTHOR.replace("通过采集本季度全市公共招聘会的供求信息,经统计分析形成供求状况报告如下:", "举办了本季度的公共招聘会。")
    assert evidence(t)


# --- an official notice's own targets and plans -----------------------------------------------------------------------
NOTICE = ("某省教育厅关于开展示范基地建设的通知\n"
          "各市教育局:\n"
          "为推进示范基地建设,现将有关事项通知如下。\n"
          "一、工作目标\n"
          "2025年底前建设20个左右示范基地,2026年底前再建设20个左右,到2027年共建设60个左右。\n")


def test_a_notice_titled_by_its_issuing_body_covers_its_own_targets():
    assert evidence(NOTICE) == []


def test_a_survey_title_is_not_a_notice():
    t = ("某研究院关于示范基地建设情况的调查\n"
         "一、基本情况\n"
         "截至2024年底,全省已建成示范基地45个,覆盖企业1300家。\n")
    assert evidence(t)


# --- a newspaper's round-up signed by its reporter is not a statistics body's release ---------------------------------
ROUNDUP = ("前三季度,全市实现地区生产总值520.3亿元,同比增长5.8%。\n"
           "分产业看,第一产业增加值60.2亿元,增长3.1%;第二产业增加值210.5亿元,增长6.0%。\n"
           "按消费类型分,餐饮收入30.1亿元,增长7.2%;商品零售150.4亿元,增长4.9%。\n"
           "全市固定资产投资同比增长2.7%,其中基础设施投资增长3.6%。\n")


def test_a_reporters_roundup_with_no_source_named_is_not_a_release():
    assert evidence(ROUNDUP + "本报记者 张某某\n")


def test_the_same_text_without_a_reporter_byline_is_still_a_release():
    assert evidence(ROUNDUP) == []


def test_a_reporters_text_that_names_the_releasing_body_is_covered_by_its_lead():
    t = "(记者 张某某)某市统计局日前发布前三季度经济运行数据。\n" + ROUNDUP
    assert evidence(t) == []


# --- one finding for a paragraph's run of unsourced sentences ---------------------------------------------------------
def test_consecutive_unsourced_sentences_of_a_paragraph_are_one_finding():
    t = ("某行业概况\n\n"
         "2024年某行业产值为520亿元,同比增长6.5%。其中,甲类产品产值210亿元,增长4.1%。乙类产品产值180亿元,增长7.3%。\n")
    got = evidence(t)
    assert len(got) == 1 and got[0].startswith("520亿元") and got[0].endswith("7.3%"), got


def test_separate_paragraphs_stay_separate_findings():
    t = ("某行业概况\n\n"
         "2024年某行业产值为520亿元,同比增长6.5%。\n\n"
         "2024年某行业从业人员为35万人,同比增长2.1%。\n")
    assert len(evidence(t)) == 2


def test_a_sourced_sentence_ends_the_run():
    t = ("某行业概况\n\n"
         "2024年某行业产值为520亿元。某协会发布的数据显示,甲类产品产值210亿元。(来源:某协会)乙类产品产值180亿元。\n")
    got = evidence(t)
    assert not any("210亿元" in x for x in got)


# --- an outline number is not a figure -------------------------------------------------------------------------------
def test_an_outline_number_before_a_heading_word_is_not_a_figure():
    t = "某行业人力资源服务分析\n1.1项目背景\n某行业正在恢复,企业用工需求回升。\n"
    assert not any("1.1" in x for x in evidence(t))


def test_a_short_line_with_a_real_figure_is_still_checked():
    t = "某行业人力资源服务分析\n1.2万家企业参与调查,覆盖全国。\n"
    assert any("1.2万家" in x for x in evidence(t))


# --- a gap stated through a supply-demand ratio has its baseline ------------------------------------------------------
def test_a_gap_measured_by_a_supply_demand_ratio_states_its_baseline():
    t = "某岗位供需比为2.6,高于其他岗位,说明该岗位仍有相当数量的缺口。\n"
    assert "evidence.gap-baseline" not in rules(t)


def test_a_gap_with_no_ratio_or_baseline_is_still_flagged():
    t = "据某协会统计,某岗位人才缺口为3万人。\n"
    assert "evidence.gap-baseline" in rules(t)
