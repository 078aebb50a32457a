"""Chat round 10 (issue 11): the noun a question asks about must be the one the evidence gives.
A count asked ("几门课", "多少个某设施", "多少名某岗位人员") is not answered by a figure of another noun
(站 for 桩, 实习生 for 课程, other roles' plans); a count written in words ("两门课程") answers it.
A place the question names is not lent by the sentence before when the sentence names its own place;
an organisation the question names ("某某大学") is not another that shares a word of its name; a
"哪个X" question needs a sentence that names an X. A small knowledge base of an invented industry
(储能电柜), written for these tests."""
from __future__ import annotations

import pytest

from assistant import chat
from tests.chat_helpers import kb_from_docs, scored_row

DOCS = {
    "2025_企业案例_示例电柜运维有限公司.md": """# 企业案例：示例电柜运维有限公司

截至2025年6月，公司运营储能电站42座，员工总数约300人。

公司与本地一所高职院校合作开设电柜运维订单班，每年接收实习生约25人。

公司派出技术骨干担任兼职教师，共同开发“电柜检修”“储能安全”两门课程。

公司计划在2026年新增电芯工艺工程师约20人、设备运维技术员约60人。
""",
    "2025_储能电柜职称评价.md": """# 储能电柜专业职称评价

河北省人社厅印发通知，在工程技术职称系列中增设储能电柜专业，设初级、中级和高级三个层级。

山西省新设储能电柜专业职称，每年组织一次评审，申报人可以用电柜设计方案、新工艺等代表性成果参评。
""",
    "2025_储能电柜学科建设.md": """# 储能电柜学科专业建设

示例理工职业学院联合高校和企业等18家单位，成立示例储能电柜产教联合体。

示例理工大学承担的储能电柜产教融合平台项目总经费约1.2亿元，聚焦电芯、系统集成两个方向。

示例海洋大学牵头成立了示例省储能电柜产教融合联盟。
""",
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    return kb_from_docs(tmp_path_factory, DOCS, "round10")




def test_a_count_of_stations_does_not_count_piles(kb):
    q = "示例电柜运维有限公司运营的储能电站里一共有多少个充电舱？"
    assert "counted" in scored_row(kb, q, "储能电站42座").refused
    assert not chat.answer(q, kb).grounded


def test_a_count_of_interns_does_not_count_courses(kb):
    q = "示例电柜运维公司跟学校一起开发了几门课？"
    assert "counted" in scored_row(kb, q, "实习生约25人").refused


def test_a_count_in_words_answers_a_count(kb):
    ans = chat.answer("示例电柜运维公司跟学校一起开发了几门课？", kb)
    assert ans.grounded, ans.notes
    assert "两门课程" in ans.text, ans.text


def test_other_roles_plans_do_not_answer_for_a_role(kb):
    q = "示例电柜运维有限公司2026年计划新增多少名电池包测试人员？"
    assert "counted" in scored_row(kb, q, "电芯工艺工程师约20人").refused
    assert not chat.answer(q, kb).grounded


def test_a_role_that_is_planned_is_answered(kb):
    ans = chat.answer("示例电柜运维有限公司2026年计划新增多少名设备运维技术员？", kb)
    assert ans.grounded, ans.notes
    assert "60" in ans.text


def test_a_place_is_not_lent_by_the_sentence_before(kb):
    q = "河北省储能电柜专业职称评审时，申报人可以用哪些代表性成果参评？"
    assert "place" in scored_row(kb, q, "山西省新设").refused
    assert not chat.answer(q, kb).grounded


def test_another_organisation_sharing_a_word_is_not_the_one_asked(kb):
    q = "示例理工大学牵头成立了哪个储能电柜产教融合联盟？"
    assert "org" in scored_row(kb, q, "示例理工职业学院").refused
    assert "which" in scored_row(kb, q, "示例理工大学承担").refused
    assert not chat.answer(q, kb).grounded


def test_the_organisation_asked_is_answered(kb):
    ans = chat.answer("示例海洋大学牵头成立了哪个储能电柜产教融合联盟？", kb)
    assert ans.grounded, ans.notes
    assert "示例省储能电柜产教融合联盟" in ans.text
