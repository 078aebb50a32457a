"""Issue 9, round 27 (evidence, helper evid27): whose figures these are — a wire story of a report.

The first body paragraph says a named body launched a named report (某研究院推出《……报告》, 某平台发布的《……报告》显示):
the report's own sections below (Part 1、一、) are its excerpt, covered by that lead although the lead scope ends at a
heading. Twins: a lead that launches no report, and a vague source in a later section, stay flagged.
(The speaker's backward scope 某某同时表示 and 从某海关获悉 were tried and withdrawn: see evals/check/README.md, round 27.)
Texts written for these tests (furniture, pet food), not from the eval sets."""
from assistant.check import check_text

UNSOURCED = "evidence.unsourced-figure"


def evidence(text):
    return [f.text for f in check_text(text, categories={"evidence"}, learned=False).findings
            if f.rule_id == UNSOURCED]


_REPORT_SECTIONS = ("Part 1 整体需求\n\n"
                    "一、家具行业招聘需求\n\n"
                    "2025年上半年,家具行业新发职位同比增长12.4%,平均招聘月薪8650元。\n\n"
                    "二、城市分布\n\n"
                    "佛山、成都的家具设计岗位需求分别占全国的18.3%和9.7%。\n")


def test_a_wire_story_of_a_report_covers_the_reports_sections():
    text = ("上海2025年8月5日 -- 某某人才研究院推出《2025上半年家居行业人才趋势报告》(以下简称《报告》),"
            "从招聘方和求职者两侧分析了行业的人才流动。\n\n" + _REPORT_SECTIONS)
    assert evidence(text) == []


def test_a_lead_that_launches_no_report_does_not_cover_later_sections():
    text = ("上海2025年8月5日 -- 家居行业的设计人才正在向二线城市流动,企业也在调整招聘策略。\n\n"
            + _REPORT_SECTIONS)
    found = evidence(text)
    assert any("12.4%" in t for t in found) and any("18.3%" in t for t in found)


def test_a_vague_source_in_a_reports_section_still_takes_over():
    text = ("某某宠物研究院发布《2025宠物食品消费洞察》,分析了猫粮、犬粮的线上消费。\n\n"
            "一、市场规模\n\n"
            "据业内人士估计,2025年宠物食品线上销售额约620亿元,同比增长11%。\n")
    assert any("620亿元" in t for t in evidence(text))


def test_a_wire_story_quoting_a_published_report_covers_its_sections():
    # the lead written as 某平台发布的《……报告》显示 is the same wire story of a report
    text = ("某某招聘平台日前发布的《2025家居行业招聘观察报告》显示,行业招聘明显回暖。\n\n" + _REPORT_SECTIONS)
    assert evidence(text) == []
