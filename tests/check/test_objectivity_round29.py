"""Round 29 (objectivity): a numbered heading of a prose document (few of its sentences carry a figure) is answered
only by a figure in its own clause, and a section number (1.2 ……) is not that figure (see evals/check/README.md
"Round 29 (objectivity)"). Sentences written for these tests (tea export, beekeeping, bamboo furniture, ski resorts,
yacht building, hot-spring tourism)."""
from assistant.check import check_text


def change(text):
    return [f.text for f in check_text(text, categories={"objectivity"}).findings
            if f.rule_id == "objectivity.vague-change"]


# a prose text: one sentence in six carries a figure
PROSE = ("一、茶叶出口概况\n\n"
         "2、茶叶出口量稳步增长\n\n"
         "今年茶叶出口量同比增长8%。产区合作社普遍把出口当作新的出路。不少茶农开始学习外贸知识。"
         "县里也组织了几次对接会。茶商们对明年的行情怀有期待。")

# a bulletin: nearly every sentence carries a figure
BULLETIN = ("一、游艇制造\n\n"
            "2、游艇制造产值稳步增长\n\n"
            "今年游艇制造产值同比增长8%。一季度交付游艇120艘，同比增长10%。"
            "出口额3.2亿元，同比增长6%。从业人员1.5万人，比上年增加800人。")


def test_numbered_heading_of_a_prose_text_needs_its_own_figure():
    assert change(PROSE) == ["稳步增长"]
    # the same heading over a bulletin's figures sums them up (the release form), and is left to them
    assert change(BULLETIN) == []
    # a figure in the heading's own clause answers it in either form
    assert change(PROSE.replace("2、茶叶出口量稳步增长", "2、茶叶出口量稳步增长8%")) == []


def test_a_section_number_is_not_the_figure_of_its_heading():
    # 1.2 before 人才 is not 1.2 人: the heading gives no figure for the gap it calls obvious
    text = ("1.1 蜂产品市场概况\n\n1.2 人才缺口明显\n\n养蜂场普遍招不到懂病害防治的技术员。竹家具厂、滑雪场也说缺人。"
            "温泉度假区的情况类似。")
    assert change(text) == ["缺口明显"]
    # a figure after the section number still answers it
    assert change(text.replace("1.2 人才缺口明显", "1.2 人才缺口明显（约3000人）")) == []
