"""Chat round 9 (issue 11): a Simplified question over a source written in Traditional characters is
matched on the Simplified form of the evidence (`textproc.to_simplified`) and answered in the source's
own words. A question that states a total and asks one part of it ("约320名甲、乙和丙中，乙有多少") is
not answered by the total's sentence; a rate asked ("良率是多少") is not answered by a sentence without a
rate ("良率工程师12人"). A small knowledge base of an invented industry (储能电柜), written for these tests."""
from __future__ import annotations

import pytest

from assistant import chat
from tests.chat_helpers import kb_from_docs, scored_row

DOCS = {
    "2025_儲能電櫃產業簡報.md": """# 2024年儲能電櫃產業發展簡報

2024年廣東省儲能電櫃產業營業收入達到386.5億元，較上年增長12.4%。

廣東省儲能電櫃從業人員約4.2萬人，其中研發人員佔比為18.6%。
""",
    "2025_企业案例_示例电柜科技有限公司.md": """# 企业案例：示例电柜科技有限公司

公司现有员工约500人，其中装配技术员、测试工程师和质检员约320人，占64%。

公司设有良率工程师12人，负责产线良率提升。
""",
    "2025_储能电柜共同体.md": """# 示例储能电柜共同体年度报告

共同体开设订单班4个，在读学生150人。
""",
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    return kb_from_docs(tmp_path_factory, DOCS, "round9")


def test_a_simplified_question_is_answered_from_a_traditional_source(kb):
    ans = chat.answer("2024年广东省储能电柜产业营业收入是多少？", kb)
    assert ans.grounded, ans.notes
    # A document written in Traditional characters is read as Simplified at ingest (textproc.clean_page_texts, since
    # READER_VERSION 3), so the quote is the source's sentence in Simplified characters.
    assert "386.5亿元" in ans.text, ans.text
    assert "储能电柜" in ans.text


def test_a_share_asked_in_simplified_is_found_in_traditional(kb):
    ans = chat.answer("储能电柜从业人员中研发人员占比是多少？", kb)
    assert ans.grounded, ans.notes
    assert "18.6%" in ans.text, ans.text


def test_a_traditional_source_still_abstains_on_another_year(kb):
    ans = chat.answer("2022年储能电柜产业营业收入是多少？", kb)
    assert not ans.grounded, ans.text




def test_a_part_of_the_questions_own_total_is_not_the_total(kb):
    q = "示例电柜科技有限公司约320名装配技术员、测试工程师和质检员中，测试工程师有多少人？"
    assert "part" in scored_row(kb, q, "约320人").refused
    assert not chat.answer(q, kb).grounded


def test_the_total_asked_as_a_part_of_a_larger_one_is_answered(kb):
    ans = chat.answer("示例电柜科技有限公司约500名员工中，装配技术员、测试工程师和质检员约有多少人？", kb)
    assert ans.grounded, ans.notes
    assert "320" in ans.text


def test_a_rate_is_not_answered_by_a_headcount(kb):
    q = "示例电柜科技有限公司的产线良率是多少？"
    assert "rate" in scored_row(kb, q, "良率工程师12人").refused
    assert not chat.answer(q, kb).grounded
