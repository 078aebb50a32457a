"""Chat round 33 (issue 11): the scope a question asks.
- A question about the home country ("咱们", "中国", "我国"; chat.yaml `home_scopes`) that names no scope outside it is
  not answered by a sentence whose subject, after its source (`source_clause`), date and discourse leads
  (`subject_leads`), is the world or another country (`outside_scopes`) and that names the home country nowhere after
  it (`outside_subject`).
A small knowledge base of an invented industry (造船), written for these tests; all fail on the code before round 33.
"""
from __future__ import annotations

import pytest

from assistant import chat
from tests.chat_helpers import kb_from_docs, scored_row

DOCS = {
    "2025_船舶研究会_2024年造船市场回顾.txt": """2024年造船市场回顾
根据某船舶研究会全球船舶数据库的不完全统计,截至2024年底,全球手持船舶订单量达3.1亿载重吨,同比增长12%。
截至2024年底,中国手持船舶订单量达1.9亿载重吨,占全球总量的61%,同比增长18%。
值得注意的是,韩国作为世界主要造船国,其新接船舶订单量全球占比达17%。
""",
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    return kb_from_docs(tmp_path_factory, DOCS, "round33")


def test_home_question_not_answered_by_an_outside_subject():
    world = "根据某船舶研究会全球船舶数据库的不完全统计,截至2024年底,全球手持船舶订单量达3.1亿载重吨,同比增长12%。"
    home = "截至2024年底,中国手持船舶订单量达1.9亿载重吨,占全球总量的61%,同比增长18%。"
    korea = "值得注意的是,韩国作为世界主要造船国,其新接船舶订单量全球占比达17%。"
    q = "按研究会的口径，24年底咱们手持船舶订单量有多少？"
    assert chat.outside_subject(q, world) == "全球"
    assert chat.outside_subject(q, home) == ""  # (the home country is the subject; 全球 is the whole of its share)
    assert chat.outside_subject("咱们国家的新接订单量占全世界的比重是多少？", korea) == "韩国"
    # a source line and a source clause before the subject are no subject
    assert chat.outside_subject(q, "来源:某船舶研究会 时间:2025-01-10 09:30根据该会统计,截至2024年底,全球手持订单3.1亿载重吨。") \
        == "全球"
    # the world asked, or no home scope asked: the sentence is not refused
    assert chat.outside_subject("截至2024年底全球手持船舶订单量有多少？", world) == ""
    assert chat.outside_subject("截至2024年底手持船舶订单量有多少？", world) == ""
    # the home country named after the outside subject ("全球……，其中中国……") gives the home figure too
    assert chat.outside_subject(q, "截至2024年底,全球手持订单3.1亿载重吨,其中中国1.9亿载重吨。") == ""


def test_home_question_answered_with_the_home_figure(kb):
    q = "截至2024年底中国手持船舶订单量是多少？"
    assert "place" in scored_row(kb, q, "3.1亿载重吨").refused
    assert "place" not in scored_row(kb, q, "1.9亿载重吨").refused
    ans = chat.answer(q, kb)
    assert ans.grounded and "1.9亿载重吨" in ans.text and "3.1亿" not in ans.text
    assert "place" in scored_row(kb, "咱们国家的新接船舶订单量占全世界的比重是多少？", "17%").refused

