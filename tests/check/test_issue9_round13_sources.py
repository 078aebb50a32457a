"""Issue 9, thirteenth round (evidence): classes added after the twelfth batch p joined dev. Texts are written for these
tests (tea, fisheries, textiles, aviation maintenance, water supply), not taken from the eval sets. Each class has a
case it must excuse (or, for the new count unit, flag) and a close case that goes the other way."""
from assistant.check import check_text


def findings(text, rule="evidence.unsourced-figure", **kw):
    return [f.text for f in check_text(text, categories={"evidence"}, **kw).findings if f.rule_id == rule]


def unsourced(text, **kw):
    return findings(text, **kw)


# --- a figure verified by a named body (经……审核) -------------------------------------------------------------------
VERIFIED = ("某省渔业总产值突破千亿元\n"
            "近日,经国家某局审核,2023年某省渔业经济总产值达到1086亿元,同比增长6.2%,其中水产养殖产值612亿元。\n")


def test_a_figure_verified_by_a_named_body_is_sourced():
    assert unsourced(VERIFIED) == []


def test_the_same_figures_without_the_verifying_body_are_flagged():
    assert unsourced(VERIFIED.replace("经国家某局审核,", ""))


# --- a named plan's own target, without title marks -----------------------------------------------------------------
PLAN = "我国“十四五”纺织工业发展规划明确提出,到2025年60%的规模以上纺织企业基本实现数字化改造。\n"


def test_a_named_plan_stating_its_target_is_the_source():
    assert unsourced(PLAN) == []


def test_a_target_without_the_plan_named_is_flagged():
    assert unsourced(PLAN.replace("我国“十四五”纺织工业发展规划明确提出", "有关方面提出"))


def test_a_plan_mentioned_without_stating_anything_is_no_source():
    assert unsourced("规划出台以来,已有35%的规模以上纺织企业完成数字化改造。\n")


# --- a community's council members at its own meeting ---------------------------------------------------------------
COUNCIL = ("某市航空维修产教融合共同体第二届理事大会召开。某航空公司、某职业技术学院等共计28家理事单位参加。\n")


def test_council_member_units_at_the_communitys_meeting_are_its_own_data():
    assert unsourced(COUNCIL) == []


def test_a_count_of_other_companies_is_still_flagged():
    assert unsourced("某市航空维修企业数量持续增加。今年新注册航空维修企业共计28家。\n")


# --- an organisation's profile under its full name ------------------------------------------------------------------
PROFILE = ("某某现代水务职业教育集团简介\n"
           "集团由12个省的35所涉水院校、60家行业企业、9家科研院所联合组成。\n")


def test_a_profile_titled_with_the_organisations_full_name_is_its_own_account():
    assert unsourced(PROFILE) == []


def test_a_topic_profile_title_is_not_an_organisation():
    assert unsourced(PROFILE.replace("某某现代水务职业教育集团简介", "某某现代水务行业发展简介")
                     .replace("集团由", "行业内有"))


# --- a table of contents --------------------------------------------------------------------------------------------
CONTENTS = ("2025年茶叶行业人才发展研究报告目录一、行业宏观环境分析 41、政策环境 4产业政策导向 5二、人才供需结构分析 "
            "121、供给端特征 12人员结构变化 14需求端特征 16\n")


def test_page_numbers_in_a_table_of_contents_are_not_counts():
    assert unsourced(CONTENTS) == []


def test_a_list_mentioning_a_catalogue_is_still_checked():
    assert unsourced("新版职业目录发布后,茶叶加工岗位新增 12 人 的培训班 3 个,全年培训 860 人。\n")


# --- 种 as a count unit ---------------------------------------------------------------------------------------------
KINDS = "上半年重点监测的120种茶叶加工产品中,产量增长的有85种,价格上涨的有40种。\n"


def test_counts_of_kinds_are_figures():
    assert unsourced(KINDS)


def test_counts_of_kinds_with_a_named_source_are_sourced():
    assert unsourced("据国家统计局数据," + KINDS) == []


def test_chinese_numeral_kinds_are_not_figures():
    assert unsourced("茶叶加工企业主要有两种经营模式,一种是自产自销,另一种是代工。\n") == []


# --- a figure reference 如图2所示 ------------------------------------------------------------------------------------
def test_a_figure_reference_is_not_a_count_of_schools():
    assert unsourced("茶叶行业用工市场分析\n与整体市场相比,茶叶行业用工指数有所回升,但仍处于低位,如图2所示。\n") == []


def test_a_count_of_model_schools_is_still_a_figure():
    assert unsourced("全省茶叶类专业建有2所示范性院校。\n")


# --- a closing author credit （某局 张某） ------------------------------------------------------------------------------
CREDIT = ("截至9月底,全县茶叶产量达3100吨,实现综合产值5.8亿元。全县种茶农户约1.1万户,户均增收1350元。"
          "预计全年将完成茶叶产量3900吨。(县农业农村局 王某某)\n")


def test_a_closing_author_credit_sources_the_bodys_figures():
    assert unsourced(CREDIT) == []


def test_the_credit_does_not_excuse_the_bodys_own_forecast():
    assert findings(CREDIT, rule="evidence.forecast-basis")


def test_a_reporters_credit_is_not_a_body():
    assert unsourced(CREDIT.replace("(县农业农村局 王某某)", "(记者 王某某)"))
