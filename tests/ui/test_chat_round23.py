"""Chat round 23 (issue 11).
- A part for the whole (`part_for_whole`, tag `whole`): the question asks the whole's figure (全国、全行业), the
  sentence gives the figure of the parts it names as a share of that whole (约占全国的六成); the mirror of the
  whole-for-part checks (`group_member`, `joined_group`).
- The years a question compares with itself (与某年相比) are read from chat.yaml (`base_asked`).
A small knowledge base of an invented industry (蜂产品), written for these tests."""
from __future__ import annotations

import pytest

from assistant import chat
from tests.chat_helpers import kb_from_docs, scored_row

DOCS = {
    "2023_蜂产品产业年报.md": """# 蜂产品产业年报

2023年，甲省、乙省、丙省三省蜂蜜产量分别为12.4万吨、8.1万吨和6.5万吨，合计27万吨，约占全国蜂蜜产量的58%。

2023年全国蜂蜜产量46.3万吨，同比增长3.2%，其中甲省占全国的26.8%。

2023年全国蜂农人数约21万人。
""",
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    return kb_from_docs(tmp_path_factory, DOCS, "round23")


def test_a_part_does_not_answer_the_whole():
    parts = "2023年，甲省、乙省、丙省三省蜂蜜产量合计27万吨，约占全国蜂蜜产量的58%。"
    assert chat.part_for_whole("2023年全国蜂蜜产量是多少？", parts)
    assert chat.part_for_whole("2023年国内一共产了多少蜂蜜？", parts)
    assert chat.part_for_whole("全行业的蜂蜜年产量有多大？", "两家龙头企业年产蜂蜜5万吨，占全行业的一成。")
    # the sentence names the whole outside its share: the whole's figure is there
    assert not chat.part_for_whole("2023年全国蜂蜜产量是多少？", "2023年全国蜂蜜产量46.3万吨，其中甲省占全国的26.8%。")
    # a share asked: the part's share is the answer
    assert not chat.part_for_whole("甲省蜂蜜产量占全国多少？", parts)
    assert not chat.part_for_whole("三省蜂蜜产量占全国的比重是多少？", parts)
    # no whole asked
    assert not chat.part_for_whole("甲省、乙省、丙省三省蜂蜜产量合计多少？", parts)


def test_the_parts_sentence_is_refused_for_the_whole(kb):
    q = "2023年全国蜂蜜产量是多少？"
    assert "whole" in scored_row(kb, q, "约占全国蜂蜜产量的58%").refused
    assert "whole" not in scored_row(kb, q, "46.3万吨").refused
    # the parts asked as a group: the sum answers
    assert "whole" not in scored_row(kb, "2023年甲省、乙省、丙省三省蜂蜜产量合计多少？", "约占全国蜂蜜产量的58%").refused


def test_a_year_the_question_compares_with_stays_its_own():
    assert chat._TERMS.get("base_asked")  # the pattern lives in chat.yaml beside base_ratio and base_compare
    body = "2023年蜂蜜产量恢复至2019年的96%。"
    assert chat.base_years(body, "2023年蜂蜜产量是多少？") == {"2019"}
    assert chat.base_years(body, "与2019年相比，2023年蜂蜜产量恢复了多少？") == set()
    assert chat.base_years(body, "2023年蜂蜜产量同2019年同期的水平对比如何？") == set()
