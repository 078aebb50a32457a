"""Issue 9, nineteenth round (evidence): whose figures are they, decided by the document's shape — a report that
declares its own survey in its opening (`sources.own_data_covers`), an official document known by its document number
(国发〔2024〕12号), a bulletin whose sections open with an Arabic-numbered headline sentence, an institution's account of
its own task completion; and script variants (full-width digits) reaching the same decision as ASCII. Texts are written
for these tests (furniture, cold-chain logistics, childcare, forestry, pet food, ceramics), not taken from the eval sets.
Each class has a case it must excuse and a close case it must still flag."""
from assistant.check import check_text


def found(text, rule="evidence.unsourced-figure", **kw):
    return [f.text for f in check_text(text, categories={"evidence"}, **kw).findings if f.rule_id == rule]


# --- a report declaring its own survey: its tables are its own data ----------------------------------------------------
SURVEY = ("一、调查说明\n"
          "本报告基于我们对35家家具制造企业在2025年上半年的用工与招聘情况的问卷调查,归纳岗位需求结构与紧缺岗位。\n"
          "二、岗位需求结构\n"
          "岗位类别 |\n占比 |\n"
          "生产操作类 |\n41% |\n"
          "设计研发类 |\n23% |\n"
          "销售服务类 |\n19% |\n")


def test_a_declared_own_survey_covers_its_table_laid_out_one_cell_a_line():
    assert found(SURVEY) == []


def test_the_same_table_without_the_declaration_stays_unsourced():
    assert found(SURVEY.replace("本报告基于我们对35家家具制造企业", "部分家具制造企业"))


def test_a_market_size_in_a_declared_survey_report_still_needs_a_source():
    text = SURVEY + "三、行业背景\n2025年全国定制家具市场规模约为5200亿元。\n"
    assert any("5200亿元" in t for t in found(text))


def test_a_vague_source_in_a_declared_survey_report_still_takes_over():
    text = SURVEY + "三、人员流动\n据了解,行业一线工人年流失率约为28%。\n"
    assert any("28%" in t for t in found(text))


def test_the_declaration_must_be_in_the_opening_lines():
    # a survey mentioned deep in the text speaks for its paragraph only (evidence.yaml own_data), not for the report
    filler = "".join(f"第{i}段说明冷链物流企业的岗位设置与培训安排。\n" for i in range(10))
    text = filler + "冷库管理类 |\n占比 |\n冷库操作员 |\n37% |\n本次调查共回收问卷210份。\n"
    assert any("37%" in t for t in found(text))


# --- an official document known by its document number -----------------------------------------------------------------
PLAN = ("某省人民政府关于印发\n"
        "“十五五”托育服务发展规划的通知\n"
        "某政发〔2026〕12号\n"
        "各市、县人民政府,省政府各部门:\n"
        "现将《“十五五”托育服务发展规划》印发给你们,请认真贯彻执行。\n"
        "“十四五”期间,全省托育服务体系加快建设,每千人口拥有3岁以下婴幼儿托位数达到4.1个,普惠托位占比达到62%。\n"
        "到2030年,全省每千人口托位数达到5.5个。\n")


def test_a_plan_with_its_document_number_reports_the_issuers_own_figures():
    assert found(PLAN) == []


def test_the_same_plan_text_without_any_mark_of_an_official_document_stays_unsourced():
    # round 24: the addressees line (各市、县人民政府，省政府各部门：) marks the issuer's own document too (a byline, written
    # like the objectivity pack's policy_document), so the twin keeps only the plan's body
    body = PLAN.split("请认真贯彻执行。\n", 1)[1]
    assert found(body)


# --- a bulletin whose sections open with an Arabic-numbered headline sentence --------------------------------------------
BULLETIN = ("1.国有林场建设。全国共有国有林场4210个,经营面积9.6亿亩,比上年增长1.2%,年末在册职工41.3万人。\n"
            "2.森林防火与有害生物防治。全国发生森林火灾612起,比上年下降18.4%,受害森林面积0.4万公顷,比上年下降22.0%。\n"
            "3.林下经济与森林旅游。全国林下经济产值1.1万亿元,比上年增长6.3%;森林旅游游客量25.1亿人次,比上年增长8.7%。\n")


def test_arabic_numbered_headline_sentences_make_a_release_layout():
    assert found(BULLETIN) == []


def test_numbered_points_without_period_comparisons_stay_unsourced():
    text = ("1.宠物食品企业数量较多。全国宠物食品生产企业约1800家,其中年产能万吨以上的约60家。\n"
            "2.线上渠道占比较高。线上销售约占宠物食品零售额的62%,直播渠道约占18%。\n"
            "3.进口依赖度下降。进口宠物食品约占国内消费的12%。\n")
    assert found(text)


# --- an institution's account of its own task completion -----------------------------------------------------------------
TASKS = ("学校层面建设任务完成情况\n"
         "1.专业群建设\n"
         "本任务包含子任务46项,截至2025年完成38项,总体目标达成度82.6%。新增省级教学成果奖3项。\n")


def test_a_task_completion_report_states_its_own_counts():
    assert found(TASKS) == []


def test_an_industry_running_report_title_is_not_a_self_report():
    text = TASKS.replace("学校层面建设任务完成情况", "全国陶瓷行业运行情况").replace(
        "本任务包含子任务46项,截至2025年完成38项,总体目标达成度82.6%。", "全国建筑陶瓷产量61亿平方米。")
    assert found(text)


# --- full-width digits reach the same decision as ASCII -------------------------------------------------------------------
RUN = ("2025年,全省家具制造业营业收入完成812亿元,同比增长4.1%。\n分季度看,一季度完成190亿元,同比增长2.2%。\n"
       "二季度完成205亿元,同比增长3.6%。\n三季度完成201亿元,同比增长4.8%。\n四季度完成216亿元,同比增长5.7%。\n"
       "全年出口交货值98亿元,同比下降1.3%。\n")
FULL = str.maketrans("0123456789", "０１２３４５６７８９")


def test_a_statistical_run_in_full_width_digits_reads_as_in_ascii():
    assert found(RUN) == []
    assert found(RUN.translate(FULL)) == []


def test_a_full_width_figure_in_a_writers_sentence_is_still_unsourced():
    text = "近年来,智能仓储设备需求上升,2025年国内冷链仓储面积约为2.6亿平方米,比上年增加1800万平方米。\n"
    assert found(text) and found(text.translate(FULL))


# --- written after reading batch w: a publisher announcing its own results (现将……数据公布如下) -------------------------
CENSUS = ("2025年全省托育服务发展情况\n"
          "为掌握全省托育服务发展情况,省里在12个市组织开展了托育机构专项调查。现将此次调查主要数据公布如下:\n"
          "一、机构情况\n"
          "全省共有托育机构3120家,提供托位9.6万个,其中普惠性托位5.1万个。\n")


def test_a_publisher_announcing_its_own_survey_results_is_their_source():
    assert found(CENSUS) == []


def test_a_notice_formula_without_data_does_not_make_the_figures_sourced():
    assert found(CENSUS.replace("现将此次调查主要数据公布如下:", "现将有关事项通知如下:"))


def test_numbered_findings_of_a_talent_text_are_not_a_bulletin():
    text = BULLETIN.replace("年末在册职工41.3万人。", "年末在册职工41.3万人,其中林业专业技术人才2.2万人。")
    assert found(text)
