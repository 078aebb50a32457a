"""Issue 9: attribution scope, forecasts of others, assumptions, vague changes, rhetoric, report-kind abstention,
timeliness from the title or date line. Texts here are written for the tests (not taken from the eval sets)."""
import pytest

from assistant.check import check_text

SPAN = {"objectivity", "evidence", "consistency"}


def ids(text, cats=SPAN, **kw):
    return [f.rule_id for f in check_text(text, categories=cats, **kw).findings]


def evidence(text, **kw):
    return [f for f in check_text(text, categories={"evidence"}, **kw).findings]


# --- attribution scope ----------------------------------------------------------------------------------------
def test_news_lead_covers_later_paragraphs_until_a_heading():
    t = ("某省统计局5日发布数据显示，全省规模以上工业增加值增长6.2%。\n\n"
         "其中，装备制造业增长9.1%，高技术制造业增长11.4%。\n\n"
         "## 二、其他情况\n\n全省新增就业岗位12.3万个。\n")
    found = [f.text for f in evidence(t, report="industry-analysis")]
    assert found == ["12.3万个"], found


def test_speaker_covers_the_paragraph():
    t = "某市人社局局长张某介绍，一季度全市新增技能人才8400人，比上年同期多1200人。"
    assert evidence(t, report="industry-analysis") == []


def test_named_document_as_source_and_quote_end_speaker():
    assert evidence("《某行业人才发展报告》显示，行业从业人员约32万人。", report="industry-analysis") == []
    t = "“全省技能人才总量达到410万人。”某厅负责人说。"
    assert evidence(t, report="industry-analysis") == []


def test_byline_of_an_authority_covers_the_whole_text():
    t = "来源：某市统计局\n\n全市地区生产总值增长5.1%。\n\n## 工业\n\n规模以上工业增加值增长6.0%。\n"
    assert evidence(t, report="industry-analysis") == []
    # a community's own byline does not turn industry statistics into sourced ones
    t2 = "某某行业发展分析报告\n来源：某共同体秘书处\n\n行业从业人员约32万人。\n"
    assert [f.text for f in evidence(t2, report="industry-analysis")] == ["32万人"]


def test_vague_attribution_is_still_no_source():
    assert [f.rule_id for f in evidence("据不完全统计，行业从业人员约32万人。", report="industry-analysis")] == \
        ["evidence.unsourced-figure"]


def test_profile_authorities_count_as_sources():
    t = "某某产业联盟公告称行业产值达到820亿元。"
    assert [f.rule_id for f in evidence(t, report="industry-analysis")] == ["evidence.unsourced-figure"]
    assert evidence(t, report="industry-analysis", authorities=["某某产业联盟"]) == []


# --- forecasts -------------------------------------------------------------------------------------------------
def test_forecast_of_another_body_needs_no_method():
    t = "某研究院发布的《年度经济形势分析与预测》预计，明年行业产值增长5.1%左右。"
    assert "evidence.forecast-basis" not in ids(t, report="industry-analysis")
    t2 = "某银行首席经济学家撰文分析称，明年消费将明显反弹，全年预计增长9.0%。"
    assert "evidence.forecast-basis" not in ids(t2, report="industry-analysis")


def test_our_forecast_still_needs_a_method_but_assumptions_are_not_forecasts():
    assert "evidence.forecast-basis" in ids("我们预计到2028年行业产值有望达到900亿元。", report="industry-analysis")
    t = "以下是我们的两条基本假设：\n\n预计明年新增岗位有望增长10%，此后每年保持在4万个左右。\n"
    assert "evidence.forecast-basis" not in ids(t, report="industry-analysis")


# --- vague changes and rhetoric -----------------------------------------------------------------------------------
@pytest.mark.parametrize("text,word", [
    ("与上年相比，企业用工需求有所下降。", "有所下降"),
    ("订单培养规模大幅增长，合作企业较多。", "大幅增长"),
    ("毕业生就业质量明显改善。", "明显改善"),
    ("该专业对口率显著高于全省平均水平。", "显著高于"),
    ("智能制造岗位需求增长迅速。", "增长迅速"),
    ("传统岗位招聘人数较大幅度下降。", "较大幅度下降"),
])
def test_vague_change_without_a_figure(text, word):
    found = [(f.rule_id, f.text) for f in check_text(text, report="industry-analysis", categories={"objectivity"}).findings]
    assert any(word in t for _, t in found), found
    f = next(f for f in check_text(text, report="industry-analysis", categories={"objectivity"}).findings
             if word in f.text)
    assert "数字" in f.suggestion or "数据" in f.suggestion


@pytest.mark.parametrize("text", [
    "据某市统计局数据，企业用工需求有所下降，同比下降3.2%。",
    "据某市统计局数据，用工需求有所回升。一季度需求人数同比增长6.5%。",
    "据调查，2023年招聘人数增长18%，2024年增长6%，增速明显回落。",
    "二、区域需求略有增长\n\n东部地区需求人数增长4.1%，西部地区增长2.3%。\n",
    "哪些岗位的需求较多？",
])
def test_vague_change_with_its_figure_is_clean(text):
    found = [f.text for f in check_text(text, report="industry-analysis", categories={"objectivity"}).findings
             if f.rule_id == "objectivity.vague-change"]
    assert found == [], found


@pytest.mark.parametrize("text,word", [
    ("共同体的成立标志着区域产教融合进入新阶段。", "标志着"),
    ("合作单位包括多家领军企业。", "领军企业"),
    ("校企合作蓬勃发展，呈现出生动局面。", "蓬勃发展"),
    ("专业建设与产业升级同频共振。", "同频共振"),
    ("年会隆重召开，会议取得圆满成功。", "隆重召开"),
])
def test_rhetoric_flagged(text, word):
    found = [f.text for f in check_text(text, report="industry-analysis", categories={"objectivity"}).findings]
    assert any(word in t for t in found), found


@pytest.mark.parametrize("text", [
    "学校入选“产业领军企业合作院校”名单。",  # a name in quotes
    "省教育厅印发《关于推动职业教育蓬勃发展的若干措施》。",  # a document title
    "企业名单见《科技领军企业名录》。",
])
def test_rhetoric_context_exceptions(text):
    found = [f.rule_id for f in check_text(text, report="industry-analysis", categories={"objectivity"}).findings]
    assert "objectivity.rhetoric" not in found


# --- report kind, lists, timeliness --------------------------------------------------------------------------------
def test_kind_detection_abstains_and_runs_generic_checks():
    t = "2025年第一季度就业市场景气报告\n\n据某平台数据显示，招聘需求人数增长5.2%，求职人数大幅增加。\n"
    r = check_text(t)
    assert r.report is None and r.summary["report"] is None
    assert "未识别" in r.summary["report_name"]
    rules = {f.rule_id for f in r.findings}
    assert "objectivity.vague-change" in rules
    assert not any(x.startswith("completeness.") for x in rules)


def test_kind_from_title_still_works():
    assert check_text("某行业人才需求预测报告（2026年）\n\n正文。\n").report == "talent-demand"


def test_missing_talent_list_is_a_warning():
    t = "某行业人才需求预测报告（2026年）\n\n一、报告说明\n本次调研。\n"
    r = check_text(t, categories={"completeness"})
    lv = [f.level for f in r.findings if f.rule_id == "completeness.required-list"]
    assert lv == ["warning"]


def test_caption_is_never_the_report_date_or_year():
    t = ("某行业发展分析报告（2025年）\n\n据某统计局数据，行业产值增长5%。\n\n表1 2026年5月主要指标\n"
         "| 指标 | 数值 |\n| 产值 | 820 |\n\n2025年3月\n")
    r = check_text(t, categories={"timeliness"})
    assert r.summary["report_date"] == "2025-03-01" and r.summary["report_year"] == 2025
    assert "timeliness.report-date" not in [f.rule_id for f in r.findings]


def test_profile_terms_fill_the_outline_elements_as_when_drafting():
    """A logistics report names its chain by the profile's terms (仓储、运输、配送), not by the word 产业链: with the
    profile (or an index that holds one) the 产业链 element is found, without it the checker asks for it."""
    from assistant.profile import Profile

    t = ("# 现代物流行业发展分析报告（2026年）\n\n## 一、报告说明\n\n本报告数据来源于某市统计局2025年统计公报，调研方法为问卷调查，"
         "时间范围为2021—2025年。\n\n## 二、行业发展现状\n\n据某市统计局统计，2025年全市社会物流总额3.2万亿元，增长5.1%，"
         "其中仓储、运输、配送三个环节的营业收入占比分别为21%、48%和31%，主要集中在东部地区。\n")
    missing = lambda **kw: [f.message for f in check_text(t, report="industry-analysis", **kw).findings  # noqa: E731
                            if f.rule_id == "completeness.missing-element" and "产业链" in f.message]
    assert missing()
    prof = Profile(industry="现代物流", terms=("仓储", "运输", "配送"))
    assert not missing(profile=prof)

    class IndexWithProfile:  # check_text(kb=...) reads the index's saved profile
        profile = prof

        def search(self, *a, **k):
            return []
    assert not missing(kb=IndexWithProfile())
