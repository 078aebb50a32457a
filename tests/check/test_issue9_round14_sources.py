"""Issue 9, fourteenth round (evidence): classes added after the thirteenth batch q joined dev. Texts are written for
these tests (steel, furniture, metrology, tea, ceramics, auto repair, cold chain), not taken from the eval sets. Each
class has a case it must excuse and a close case that is still flagged."""
from assistant.check import check_text


def findings(text, rule="evidence.unsourced-figure", **kw):
    return [f.text for f in check_text(text, categories={"evidence"}, **kw).findings if f.rule_id == rule]


def unsourced(text, **kw):
    return findings(text, **kw)


# --- a body says it ran the statistics itself (某局组织开展了……统计工作) --------------------------------------------
SURVEY = ("某省工业和信息化厅于2024年2月在全省范围内组织开展了2023年度家具制造业统计工作。统计结果表明,行业规模稳定。\n"
          "一、行业规模\n"
          "截至2023年底,全省共有家具制造企业2816家,较2022年增长3.2%,全年实现营业收入812.6亿元,较2022年增长5.4%。\n")


def test_a_body_that_ran_the_statistics_is_the_source():
    assert unsourced(SURVEY) == []


def test_the_same_release_without_the_statistics_work_is_flagged():
    assert unsourced(SURVEY.replace("于2024年2月在全省范围内组织开展了2023年度家具制造业统计工作。统计结果表明,", "认为,"))


# --- a body speaking of its own work in the first line (某局坚持……) ----------------------------------------------
OWN_WORK = ("某省市场监管局坚持以服务发展为主线,深入推进计量能力建设。\n"
            "一、总体情况\n"
            "截至2024年底,全省共有计量技术机构312家,同比增长2.6%;全年出具校准证书48.2万份,同比增长7.1%。\n")


def test_a_body_opening_with_its_own_work_is_its_own_release():
    assert unsourced(OWN_WORK) == []


def test_an_industry_as_the_subject_is_not_a_body():
    assert unsourced(OWN_WORK.replace("某省市场监管局坚持以服务发展为主线,深入推进计量能力建设。",
                                      "全省计量服务业坚持以服务发展为主线,规模稳步扩大。"))


# --- 据悉 continuing a lead that names the source -----------------------------------------------------------------
CONTINUED = ("日前,记者从某省农业农村厅获悉,2024年全省茶叶产量达到28.6万吨,同比增长4.1%。\n"
             "据悉,在茶叶产量中,绿茶产量19.3万吨,同比增长3.5%;红茶产量5.2万吨,同比增长8.9%。\n")


def test_jushi_after_a_named_lead_continues_that_source():
    assert unsourced(CONTINUED) == []


def test_jushi_with_no_named_lead_is_a_vague_source():
    assert unsourced(CONTINUED.replace("记者从某省农业农村厅获悉,", ""))


def test_jushi_after_a_lead_that_only_names_a_report_stays_vague():
    assert unsourced(CONTINUED.replace("日前,记者从某省农业农村厅获悉,2024年全省茶叶产量达到28.6万吨,同比增长4.1%。",
                                       "某省农业农村厅网站日前发布了全省茶叶生产统计报告。统计显示,茶叶生产稳定。"))


# --- an organiser's own event counts (本届博览会) ----------------------------------------------------------------
EXPO = ("某省陶瓷行业协会主办的2024某省陶瓷博览会近日闭幕。本届博览会共有620余家企业参展,展览面积达45,000平方米,"
        "入场观众逾8万人次。\n")


def test_an_organisers_own_event_counts_are_its_own_data():
    assert unsourced(EXPO) == []


def test_a_forum_mentioned_beside_industry_figures_is_not_its_count():
    assert unsourced("本次论坛通过案例剖析交流经验。全省陶瓷行业智能化率已从2020年的12%提高到2024年的38%。\n")


def test_industry_counts_without_the_event_are_flagged():
    assert unsourced("某省陶瓷行业发展较快。全省共有620余家陶瓷企业,从业人员达8万人。\n")


# --- an alliance's founding members (联盟由……发起,汇集了……) -----------------------------------------------------
ALLIANCE = ("某市汽车维修产教融合联盟成立\n"
            "联盟由某汽车集团和某职业技术学院联合组织发起,汇集了某汽车服务有限公司等26家企业,某交通职业学院等9所院校。\n")


def test_an_alliances_founding_members_are_its_own_data():
    assert unsourced(ALLIANCE) == []


def test_a_count_of_companies_in_the_city_is_flagged():
    assert unsourced("某市汽车维修行业发展迅速\n全市现有汽车维修企业26家,年维修量约12万台次。\n")


# --- 缺口最大 ranks industries; it is not a gap figure -------------------------------------------------------------
RANKED = "数据显示,某市冷链物流岗位平均月薪为7350元,冷链物流行业招聘需求缺口最大。\n"


def test_a_ranked_gap_is_not_a_gap_figure():
    assert findings(RANKED, rule="evidence.gap-baseline") == []


def test_a_gap_with_its_own_figure_and_no_baseline_is_flagged():
    assert findings("数据显示,某市冷链物流行业人才缺口达到3.5万人。\n", rule="evidence.gap-baseline")


# --- a current-year outlook extrapolated from year-to-date data in the same sentence ---------------------------------
OUTLOOK = ("某钢铁工业协会数据显示,今年前三季度,重点统计钢铁企业粗钢产量达到5.2亿吨,同比增长3.1%,"
           "全年粗钢产量有望保持在6.8亿吨以上。\n")


def test_a_full_year_outlook_from_year_to_date_data_is_based():
    assert findings(OUTLOOK, rule="evidence.forecast-basis") == []


def test_an_outlook_without_year_to_date_data_needs_a_method():
    assert findings("某地钢铁行业运行平稳,全年粗钢产量有望保持在6.8亿吨以上。\n", rule="evidence.forecast-basis")
