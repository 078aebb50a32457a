"""Chat round 30 (issue 11): the eleventh held-out set's misanswers, as general checks.
- "哪部法律 / 哪部法规" asks a law's name: a quoted name counts only when it ends like one (《……法》《……条例》), so
  a sentence that names only a plan (《……规划》) does not answer (chat.yaml `name_question`, `name_endings` law,
  `name_quoted_endings`).
- "哪个单位主办的": a direction word (中西部) tagged as an organisation, or ending in 部, names no organisation
  (`name_direction_word`).
- An amount asked of a part ("出口销售收入", "境外采购商") is not answered by a sentence that gives the word without
  that part (the total, "销售总收入", or both parts, "国内外采购商"), unless its frame names the part of that word
  (`partition_missing`, tag `part`; chat.yaml `partition_qualifiers`, `partition_joined`).
A small knowledge base of an invented industry (陶瓷), written for these tests."""
from __future__ import annotations

import pytest

from assistant import chat
from assistant.textproc import default_tokenizer
from tests.chat_helpers import kb_from_docs, scored_row

DOCS = {
    "2024_陶瓷产业年度统计.md": """# 2024年陶瓷产业年度统计

全年陶瓷产品销售总收入3200亿元，同比增长6.5%。

海外市场表现亮眼，全年出口销售收入820亿元，比上年增长9%。

全年接待国内外采购商15.2万人次，比上年增长12%。

今年春季的陶瓷文化周吸引参观者8.6万人次。

陶瓷文化周由市陶瓷行业协会主办。
""",
    "2023_陶瓷产业发展规划.md": """# 陶瓷产业发展规划

各区人民政府，市直各部门：现将《陶瓷产业发展规划》印发给你们，请认真贯彻执行。

（此件公开发布）陶瓷产业发展规划为贯彻落实相关要求，根据《中华人民共和国产品质量法》，制定本规划。
""",
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    return kb_from_docs(tmp_path_factory, DOCS, "round30")


def test_law_name_kind():
    tok = default_tokenizer()
    q = "这份陶瓷规划是依据哪部法律制定的？"
    assert chat.asked_name_type(q, tok) == "law"
    assert chat.asked_name_type("这项规定出自哪一部法规？", tok) == "law"
    assert not chat.names_kind("law", "现将《陶瓷产业发展规划》印发给你们，请认真贯彻执行。", q, tok)
    assert not chat.names_kind("law", "各地要依法做好窑炉改造工作。", q, tok)
    assert chat.names_kind("law", "根据《中华人民共和国产品质量法》，制定本规划。", q, tok)
    assert chat.names_kind("law", "按照《窑炉安全管理条例（试行）》开展检查。", q, tok)
    # other kinds still take any quoted name
    assert chat.names_kind("press", "据《陶瓷周刊》报道，销量增长。", "这条消息是哪家媒体报道的？", tok)


def test_a_plan_is_no_law(kb):
    q = "陶瓷产业发展规划是依据哪部法律制定的？"
    assert "name" in scored_row(kb, q, "现将").refused
    assert "name" not in scored_row(kb, q, "产品质量法").refused


def test_a_direction_word_names_no_organisation(kb):
    tok = default_tokenizer()
    q = "那个培训班是哪个单位主办的？"
    assert not chat.names_kind("org", "一、我国中西部地区人才需求 培训中，学员仅5人具备相关经验。", q, tok)
    assert not chat.names_kind("org", "东北的培训班共有学员60名。", q, tok)
    assert chat.names_kind("org", "该培训班由省陶瓷行业协会主办。", q, tok)
    assert chat.names_kind("org", "培训班由教育部主办。", q, tok)


def test_partition_missing():
    q = "2024年国内销售收入是多少？"
    assert chat.partition_missing(q, "全年销售总收入3200亿元。", "")
    assert chat.partition_missing(q, "国内外销售收入合计3200亿元。", "")  # (both parts)
    assert chat.partition_missing(q, "全年销售总收入3200亿元。", "去年国内销量超1亿件")  # (the frame's part is another word's)
    assert not chat.partition_missing(q, "全年销售总收入3200亿元。", "一、国内销售")
    assert not chat.partition_missing(q, "其中国内销售收入2400亿元。", "")
    # a sentence without the word may name the thing otherwise; it is not judged
    assert not chat.partition_missing(q, "全年内销额2400亿元。", "")
    # a question on both parts is not a part's
    assert not chat.partition_missing("国内外采购商有多少人次？", "全年接待采购商15.2万人次。", "")


def test_the_whole_for_a_part_is_refused(kb):
    q = "2024年陶瓷产品出口销售收入是多少？"
    assert "part" in scored_row(kb, q, "销售总收入").refused
    assert "part" not in scored_row(kb, q, "出口销售收入").refused
    q = "2024年接待的境外采购商有多少人次？"
    assert "part" in scored_row(kb, q, "国内外采购商").refused
    q = "2024年接待的国内外采购商有多少人次？"
    assert "part" not in scored_row(kb, q, "国内外采购商").refused
