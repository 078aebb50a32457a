"""Issue 9, round 38 (evidence, helper evid38): a local body's own progress report read as its own.

- A body's progress report with its title and byline cut away (全县新增……人,完成全年目标数……%；发放……、受理……) is the
  body's own work statistics (sources.py `_own_work_report`, sources.yaml own_work_*): the jurisdiction in the first
  lines, most figure clauses the body's own work or its progress against the year's target. A reporter's story in
  the same words (记者日前获悉) and a text naming someone else's source keep their figures unsourced.
- A closing provider credit followed by the editor's credit in the same brackets （某局供稿 编校:某某） names the
  provider, as （某局供稿） did; the body's own clause-opening 初步统计 under it is its own count, not a vague source.
Texts written for these tests (a county water bureau, a forestry office), not from the eval sets; each test failed on
46167ca (the twins inside them pass before and after)."""
from assistant.check import check_text

UNSOURCED = "evidence.unsourced-figure"


def rules(text):
    return [f.text for f in check_text(text, categories={"evidence"}, learned=False).findings
            if f.rule_id == UNSOURCED]


WATER = ("截至9月底,全县农村饮水安全巩固提升工程进展顺利,各项任务有序推进。"
         "农村供水方面,全县新建集中供水工程12处,完成全年目标数75%;改造老旧管网86公里,完成全年目标数81.2%;"
         "新增受益人口2.3万人,完成年计划的92%。\n"
         "水费管理方面,全年累计发放维修养护补助资金460万元,受理群众供水投诉132件,办结率100%。\n")


def test_a_bodys_own_progress_report_is_its_own_work_statistics():
    assert rules(WATER) == []
    # its figures, not its forecasts: a forecast of the body's own still states its basis (as under a credit, round 13)
    forecast = [f for f in check_text(WATER + "预计全年将新增受益人口2.6万人。\n", categories={"evidence"},
                                      learned=False).findings if f.rule_id == "evidence.forecast-basis"]
    assert forecast
    # the same figures in a reporter's story stay unsourced
    assert rules("记者日前获悉," + WATER) != []
    # and when the text quotes another body's data, that body is judged sentence by sentence, as before
    assert rules(WATER.replace("截至9月底,", "据某市水务局通报,截至9月底,")
                 .replace("水费管理方面,", "另据有关部门测算,")) != []


FORESTRY = ("今年以来,全区林业工作稳步推进。\n"
            "初步统计,1-9月份,全区完成人工造林3.2万亩,同比增长6.4%;完成森林抚育5.1万亩,同比增长3.9%。"
            "(区林业局供稿 编校:王明)\n")


def test_a_provider_credit_with_an_editor_credit_names_the_provider():
    assert rules(FORESTRY) == []
    # with no credit, the clause-opening 初步统计 names nobody: the figures stay unsourced
    assert rules(FORESTRY.replace("(区林业局供稿 编校:王明)", "")) != []
