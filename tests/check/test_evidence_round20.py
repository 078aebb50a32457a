"""Issue 9, twentieth round (evidence): talent-demand articles and whose figures are they. A headline figure the body
never gives again, unnamed speakers and news as vague sources, quoted speech, a forecast's method that belongs to another
figure, a gap worked out from a staffing standard, age/tenure/salary figures; and the organisation's own plans, activity
records and notices, which set targets and report their own activities rather than claim facts. Texts are written for
these tests (pet care, landscaping, grain storage, exhibitions, elderly tourism, baking, tea), not taken from the eval
sets. Each class has a case it must flag or excuse and a close case that must go the other way."""
from assistant.check import check_text


def findings(text, rule=None):
    return [f for f in check_text(text, categories={"evidence"}).findings if rule is None or f.rule_id == rule]


def texts(text, rule=None):
    return [f.text for f in findings(text, rule)]


FORECAST = "evidence.forecast-basis"
GAP = "evidence.gap-baseline"
UNSOURCED = "evidence.unsourced-figure"


# --- a headline figure the body never restates ------------------------------------------------------------------------
def test_a_headline_forecast_not_restated_in_the_body_needs_its_method():
    text = ("宠物医疗人才供不应求,预计2028年需求将达到45万人\n"
            "近年来,城市家庭养宠比例上升,宠物医院对执业兽医和护理人员的招聘持续增加。\n"
            "多地职业院校开设了宠物养护与驯导专业。\n")
    assert any("45万人" in t for t in texts(text, FORECAST))


def test_a_headline_forecast_the_body_restates_is_judged_in_the_body():
    text = ("宠物医疗人才供不应求,预计2028年需求将达到45万人\n"
            "某宠物行业协会发布的年度报告显示,按近五年年均增长9%推算,若养宠家庭数保持现有增速,2028年宠物医疗人才需求"
            "将达到45万人,报告采用趋势外推方法测算。\n")
    assert texts(text, FORECAST) == []


def test_a_headline_gap_not_restated_in_the_body_needs_its_baseline():
    text = ("直面6万园林养护人才缺口\n"
            "园林绿化企业普遍反映一线养护工人年龄偏大,年轻人入行意愿不强。\n")
    assert any("缺口" in t for t in texts(text, GAP))


def test_a_headline_gap_restated_with_its_baseline_in_the_body_is_not_flagged_at_the_headline():
    text = ("直面6万园林养护人才缺口\n"
            "据某市园林协会统计,全市园林养护岗位需求约14万人,现有从业人员约8万人,需求减去现有人员,缺口约6万人。\n")
    assert texts(text, GAP) == []


# --- unnamed speakers and unnamed news are vague sources ----------------------------------------------------------------
LEAD = "近日,某省粮食和物资储备局发布2025年粮食仓储人才需求报告,报告显示,全省粮库保管员岗位空缺达到2600个。\n"


def test_an_unnamed_analyst_does_not_source_a_figure_after_a_named_lead():
    assert any("分析人士" in t for t in texts(LEAD + "分析人士指出,持证保管员的占比不足四成,平均月薪为5200元。\n", UNSOURCED))


def test_a_named_speaker_still_sources_the_figure():
    assert texts(LEAD + "该局仓储处处长李某指出,持证保管员平均月薪为5200元。\n", UNSOURCED) == []


def test_an_unnamed_person_in_charge_is_vague():
    assert texts(LEAD + "有关负责人表示,今年全省粮库新增智能化仓储岗位480个。\n", UNSOURCED)


def test_a_person_in_charge_of_a_named_body_is_not_vague():
    assert texts(LEAD + "某市粮食局有关负责人表示,今年全市粮库新增智能化仓储岗位480个。\n", UNSOURCED) == []


def test_unnamed_news_is_vague_and_a_named_agency_is_not():
    assert texts(LEAD + "最新的消息称,全省粮库保管员平均年龄已达到47岁,平均月薪为5100元。\n", UNSOURCED)
    assert texts(LEAD + "据新华社消息,全省粮库保管员平均月薪为5100元。\n", UNSOURCED) == []


def test_an_existential_unnamed_speaker_is_vague():
    text = LEAD + "有储粮企业的相关负责人称,基层保管员每人要看管12个仓房,月薪普遍在4500元左右。\n"
    assert any("4500元" in t or "12个" in t for t in texts(text, UNSOURCED))


# --- quoted speech -------------------------------------------------------------------------------------------------------
def test_a_figure_in_quoted_speech_with_no_speaker_named_needs_a_source():
    text = "会展策展人才培养研讨\n有专家指出,“会展行业一线策展人员约有18万人,真正懂数字化布展的不到两成。”\n"
    assert any("18万人" in t for t in texts(text, UNSOURCED))


def test_a_quotation_followed_by_its_named_speaker_is_sourced():
    text = ("“会展行业一线策展人员约有18万人,真正懂数字化布展的不到两成。”某市会展行业协会秘书长赵某对记者表示,"
            "协会正在组织数字化布展培训。\n")
    assert texts(text, UNSOURCED) == []


def test_a_short_quoted_phrase_keeps_its_figure_unchecked():
    assert texts("不少展会的招聘海报上写着“年薪20万元”的口号。\n", UNSOURCED) == []


# --- a forecast's method must be its own ---------------------------------------------------------------------------------
def test_another_figures_calculation_is_not_the_forecasts_method():
    text = ("康养旅游服务人员持证人数约9万人,按每千名老年游客配2名服务人员的标准测算,缺口约4万人。"
            "预计2027年康养旅游市场规模将突破3000亿元。\n")
    assert any("3000亿元" in t for t in texts(text, FORECAST))


def test_a_stated_method_earlier_in_the_section_still_covers_the_forecast():
    text = ("本报告采用时间序列方法,在保持近三年增速的假设下进行预测。"
            "预计2027年康养旅游市场规模将突破3000亿元。\n")
    assert texts(text, FORECAST) == []


def test_a_work_method_is_not_a_forecasting_method():
    text = ("烘焙企业不断改进培训工作方法,在保持现有培训规模的前提下推进学徒制。"
            "预计2027年烘焙行业技能人才需求将达到60万人。\n")
    assert any("60万人" in t for t in texts(text, FORECAST))


# --- a gap worked out from a staffing standard --------------------------------------------------------------------------
def test_a_gap_worked_out_from_a_staffing_standard_has_its_baseline_but_the_input_count_needs_a_source():
    text = "全国持证宠物护理师仅3.1万人,按每千户养宠家庭配1名护理师的标准测算,人才缺口超过5万人。\n"
    assert texts(text, GAP) == []
    assert any("3.1万人" in t for t in texts(text, UNSOURCED))


def test_a_gap_with_no_baseline_is_still_flagged():
    assert texts("全国宠物护理人才缺口超过5万人,企业招人难。\n", GAP)


# --- age, tenure and salary figures --------------------------------------------------------------------------------------
def test_an_average_age_a_decimal_tenure_and_a_k_salary_are_figures():
    assert texts("烘焙门店店长平均年龄仅29.5岁,平均任职周期缩短至1.6年。\n", UNSOURCED)
    assert texts("一线城市烘焙师月薪普遍在8K以上。\n", UNSOURCED)


def test_an_age_bracket_is_not_a_figure():
    assert texts("门店优先招聘35岁以下、有烘焙经验的求职者。\n", UNSOURCED) == []


# --- the organisation's own plans and activities -------------------------------------------------------------------------
def test_a_colleges_own_plan_is_not_an_unsourced_fact_nor_a_forecast():
    text = "下一步,学院将投入600万元建设茶艺实训中心,每年培养茶艺专业学生250名。\n"
    assert texts(text) == []


def test_a_city_wide_projection_is_still_a_forecast():
    assert texts("全市将新增茶艺岗位3000个,人才需求将达到2万人。\n", FORECAST)


def test_a_figure_before_the_plan_in_the_same_sentence_is_still_checked():
    text = "目前全市茶艺培训机构有85家,下一步将新建培训机构20家。\n"
    assert [t for t in texts(text, UNSOURCED) if "85家" in t]
    assert not [t for t in texts(text, UNSOURCED) if "20家" in t]


def test_an_organisations_own_training_activity_and_record():
    assert texts("本次培训共安排10个专题,培训学员260人次。\n", UNSOURCED) == []
    assert texts("学院近三年累计为茶企培训员工4200人次,输送茶艺专业毕业生680名。\n", UNSOURCED) == []
    assert texts("全省茶企一线员工约12万人,持证率不足三成。\n", UNSOURCED)


def test_a_colleges_scale_and_an_organisers_event():
    assert texts("某茶业职业学院是异地新建项目,总投资3亿元,学院批准规模为全日制在校生8000人。\n", UNSOURCED) == []
    assert texts("由某省茶叶流通协会举办的第三届茶业博览会闭幕,展区面积3万平方米,参展企业460家。\n", UNSOURCED) == []
    assert texts("某省茶叶博览会闭幕,展区面积3万平方米,参展企业460家。\n", UNSOURCED)


# --- notices set targets -------------------------------------------------------------------------------------------------
NOTICE_BODY = ("为提升茶艺从业人员技能水平,定于2026年5月举办茶艺师培训班,共开设4期,每期40人,培训费每人1200元。\n"
               "到2026年底,全省累计培训茶艺师1000人次。\n")


def test_any_issuers_notice_title_makes_its_figures_its_own():
    assert texts("某省茶业职业技术学院关于举办2026年茶艺师培训班的通知\n" + NOTICE_BODY, UNSOURCED) == []


def test_the_same_text_without_a_notice_title_stays_unsourced():
    assert texts("茶艺人才培养情况\n" + NOTICE_BODY, UNSOURCED)


def test_a_policy_document_title_run_into_its_body():
    text = ("1、关于加快推进茶产业提质增效的若干意见(征求意见稿)为进一步推进茶产业发展,制定本意见。\n"
            "到2028年,全省茶园面积达到420万亩,茶叶产量超过30万吨。\n")
    assert texts(text, UNSOURCED) == []
    assert texts(text.replace("1、关于加快推进茶产业提质增效的若干意见(征求意见稿)", "茶产业发展情况。"), UNSOURCED)


# --- layout: a body paragraph is no byline; a clock time is no count -----------------------------------------------------
def test_a_body_paragraph_ending_in_a_parenthetical_is_not_a_byline():
    text = ("某市烘焙技能大赛落幕\n"
            "据不完全统计,目前全市烘焙门店超过5000家,从业人员超过6万人。(记者某某)\n")
    assert any("5000家" in t for t in texts(text, UNSOURCED))


def test_a_title_line_ending_in_its_publisher_is_still_a_byline():
    text = "2025年烘焙行业人才报告(某烘焙协会)\n全市烘焙门店超过5000家,从业人员超过6万人。\n"
    assert texts(text, UNSOURCED) == []


def test_the_seconds_of_a_clock_time_are_not_a_count():
    text = "某市烘焙技能大赛开幕\n2025-06-18 10:42:08 人民网\n某市烘焙技能大赛在市会展中心开幕,吸引众多市民观赛。\n"
    assert not [t for t in texts(text) if "08" in t]
