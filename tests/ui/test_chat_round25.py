"""Chat round 25 (issue 11): the near-miss classes of the eighth held-out set, as general checks.
- One member of a contrast set asked (出口), the sentence names it only inside a word that joins the members into
  their sum (进出口额): the sum is not the member (`contrast_ok` with chat.yaml `contrast_joined`, tag `contrast`).
- The whole country asked (我国), the sentence's subject is one place ("某省……出口额……稳居全国第二"): `place_subject`,
  tag `place`.
- An item the question quotes, listed in the sentence beside other items with no figure of its own, the list's
  figure belonging to another item: `listed_item_unvalued`, tag `listed`.
A small knowledge base of an invented industry (茶叶), written for these tests."""
from __future__ import annotations

import pytest

from assistant import chat
from tests.chat_helpers import kb_from_docs, scored_row

DOCS = {
    "2025_茶叶贸易年报.md": """# 2025年茶叶贸易年报

2024年我国茶叶进出口额达到210亿元，同比增长3.2%。

2023年全国茶园面积达到5000万亩，干毛茶产量330万吨。

福建省2024年茶叶出口额达到9.5亿美元，稳居全国第二，绿茶出口增长6.1%。
""",
    "2024_茶叶贸易统计.md": """# 2023年茶叶贸易统计

2023年茶叶进出口额185亿元，其中出口额140亿元，进口额45亿元。
""",
    "2025_茶叶仓储标准通报.md": """# 茶叶仓储地方标准发布

某省发布地方标准《茶叶仓储服务规范》，设立“24小时出库完成率”“温湿度达标率≥98%”等15项量化指标，推动行业规范化。

标准还要求“成品茶含水率”不高于7%，仓库须每日巡检。
""",
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    return kb_from_docs(tmp_path_factory, DOCS, "round25")


def test_a_joined_word_does_not_answer_one_member():
    q = "2024年我国茶叶出口额是多少？"
    asked = chat.asked_contrasts(q)
    assert asked
    assert not chat.contrast_ok(asked, "2024年我国茶叶进出口额达到210亿元，同比增长3.2%。", "", q)
    # the member itself is said, besides the sum
    assert chat.contrast_ok(asked, "2023年茶叶进出口额185亿元，其中出口额140亿元。", "", q)
    # a caption naming the member makes the row about it
    assert chat.contrast_ok(asked, "进出口额：210亿元", "茶叶出口统计", q)
    # the question uses the joined word itself: the sum is what it speaks of
    q2 = "2024年茶叶进出口额中出口额是多少？"
    assert chat.contrast_ok(chat.asked_contrasts(q2), "2024年我国茶叶进出口额达到210亿元。", "", q2)
    # the other member alone is still a swap
    assert not chat.contrast_ok(asked, "2023年茶叶进口额45亿元。", "", q)


def test_the_sum_sentence_is_refused_for_a_member(kb):
    assert "contrast" in scored_row(kb, "2024年我国茶叶出口额是多少？", "210亿元").refused
    assert "contrast" not in scored_row(kb, "2024年我国茶叶进出口额是多少？", "210亿元").refused
    assert "contrast" not in scored_row(kb, "2023年茶叶出口额是多少？", "140亿元").refused


def test_a_listed_item_without_its_figure():
    q = "茶叶仓储地方标准对“24小时出库完成率”要求达到多少？"
    listed = "某省发布地方标准，设立“24小时出库完成率”“温湿度达标率≥98%”等15项量化指标。"
    assert chat.listed_item_unvalued(q, listed)
    assert chat.listed_item_unvalued(q, "标准列出“24小时出库完成率”、“温湿度达标率”不低于98%等指标。")
    # the item has its own figure
    assert not chat.listed_item_unvalued(q, "标准要求“24小时出库完成率”≥95%、“温湿度达标率”≥98%。")
    assert not chat.listed_item_unvalued(q, "“24小时出库完成率”达到96%，“温湿度达标率”达到98%。")
    # one figure said of every item
    assert not chat.listed_item_unvalued(q, "“24小时出库完成率”“温湿度达标率”均不低于98%。")
    # the item is not listed with others
    assert not chat.listed_item_unvalued(q, "标准对“24小时出库完成率”作出规定，共15项指标。")
    # the question quotes nothing
    assert not chat.listed_item_unvalued("茶叶仓储地方标准设了多少项指标？", listed)


def test_the_list_sentence_is_refused_for_the_unvalued_item(kb):
    q = "茶叶仓储地方标准对“24小时出库完成率”要求达到多少？"
    assert "listed" in scored_row(kb, q, "15项").refused
    assert "listed" not in scored_row(kb, "茶叶仓储地方标准对“温湿度达标率”要求达到多少？", "15项").refused
    assert "listed" not in scored_row(kb, "茶叶仓储标准对“成品茶含水率”要求多少？", "含水率").refused


def test_one_place_does_not_answer_the_country():
    q = "2024年我国茶叶出口额是多少？"
    assert chat.place_subject(q, "福建省2024年茶叶出口额达到9.5亿美元，稳居全国第二，绿茶出口增长6.1%。")
    assert chat.place_subject(q, "据省商务厅统计，福建2024年茶叶出口额9.5亿美元。")
    assert chat.place_subject(q, "福建省2024年茶叶出口额9.5亿美元，靠的是全球茶饮供应链的优势。")  # 全球 is not the country
    # the sentence speaks of the whole too, or the question names the place
    assert not chat.place_subject(q, "福建省茶叶出口额9.5亿美元，占全国茶叶出口的40%。")
    assert not chat.place_subject("2024年福建茶叶出口额是多少？", "福建省2024年茶叶出口额达到9.5亿美元。")
    # the subject is not a place
    assert not chat.place_subject(q, "2024年我国茶叶出口额达到24亿美元，福建省居首。")


def test_the_place_sentence_is_refused_for_the_country(kb):
    assert "place" in scored_row(kb, "2024年我国茶叶出口额是多少？", "9.5亿美元").refused
    assert "place" not in scored_row(kb, "2024年福建茶叶出口额是多少？", "9.5亿美元").refused
