"""Chat round 9 (issue 11): a Simplified question over a source written in Traditional characters is
matched on the Simplified form of the evidence (`textproc.to_simplified`) and answered in the source's
own words. A small knowledge base of an invented industry (储能电柜), written for these tests."""
from __future__ import annotations

import pytest

from assistant import chat
from tests.chat_helpers import kb_from_docs

DOCS = {
    "2025_儲能電櫃產業簡報.md": """# 2024年儲能電櫃產業發展簡報

2024年廣東省儲能電櫃產業營業收入達到386.5億元，較上年增長12.4%。

廣東省儲能電櫃從業人員約4.2萬人，其中研發人員佔比為18.6%。
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
    assert "386.5億元" in ans.text, ans.text  # quoted as the source writes it
    assert "儲能電櫃" in ans.text


def test_a_share_asked_in_simplified_is_found_in_traditional(kb):
    ans = chat.answer("储能电柜从业人员中研发人员占比是多少？", kb)
    assert ans.grounded, ans.notes
    assert "18.6%" in ans.text, ans.text


def test_a_traditional_source_still_abstains_on_another_year(kb):
    ans = chat.answer("2022年储能电柜产业营业收入是多少？", kb)
    assert not ans.grounded, ans.text
