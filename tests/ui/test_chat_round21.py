"""Chat round 21 (issue 11): more answers where the answer sentence was retrieved, fewer near misses answered.
- Colloquial two-digit years have one reader, retrieval's (`kb.query.short_year_spans`, called by
  `chat.expand_short_years`).
- A place of a ranking asked (排名第二) is said by the sentence, not another place (`asked_ranks`, `rank_ok`, tag `rank`).
- A list closed by 等 or a bracket (or a comma) gives the group's figure, not one member's (`group_member`,
  `ENCLOSED_GROUP_GUARD`, tag `member`).
- A measure the tokenizer splits (word + 比/率) is asked as the pair (`compound_measure`, tag `focus`).
- The genre of a pointed-at document ("那篇……的论文") and the kind of identifier asked ("编号是多少") are not unknown
  nouns the sentence must name (`document_genre`, `asks_code`); a code asked is answered by a code of the document
  asked, not one a 《title》 cites (`own_code`, tag `type`).
A small knowledge base of an invented industry (茶叶加工), written for these tests."""
from __future__ import annotations

import pytest

from assistant import chat
from assistant.kb.query import short_year_spans, short_years
from assistant.textproc import default_tokenizer
from tests.chat_helpers import kb_from_docs, scored_row

DOCS = {
    "2023_茶叶加工年报.md": """# 茶叶加工年报

2023年，全省茶叶加工企业共612家，其中规模以上企业208家。
全省茶园面积排名第一的是东山县，排名第二的是西岭县。
头部加工厂（甲茶厂、乙茶厂、丙茶厂、丁茶厂）合计占全省精制茶产量的41%。
全省茶农负担比为18.6%，比上年下降1.2个百分点。
""",
    "2022_茶叶机采课题.md": """# 茶叶机采课题

本文为省教育科学规划课题“茶叶机采技术与职业教育融合研究”（CYJY2022071）的阶段成果。
按照《省农业厅关于推进茶园机械化的通知》（农茶〔2021〕15号），各地制定了机采推广方案。
机采推广方案的文号为农茶函〔2022〕33号。
""",
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    return kb_from_docs(tmp_path_factory, DOCS, "round21")


def test_the_chat_reads_two_digit_years_as_retrieval_does():
    assert chat.expand_short_years("19年全省茶叶出口多少吨？") == "2019年全省茶叶出口多少吨？"
    assert chat.expand_short_years("21年中国茶叶出口多少吨？") == "2021年中国茶叶出口多少吨？"  # (中国 is no span)
    assert chat.expand_short_years("22年5月鲜叶收购价多少？") == "2022年5月鲜叶收购价多少？"
    assert chat.expand_short_years("21年制茶业增速最快说明啥？") == "2021年制茶业增速最快说明啥？"
    for q in ("茶厂建成15年来产量翻了几番？", "承包期15年10个月，租金多少？", "近10年茶园面积增长多少？",
              "为期12年的合同", "2019—23年的产量"):
        assert chat.expand_short_years(q) == q, q
    # one reader: the years the chat writes in are those retrieval adds
    q = "19年和22年比，茶叶出口变了多少？"
    assert [y for _, _, y in short_year_spans(q)] == short_years(q) == ["2019", "2022"]


def test_a_place_of_a_ranking_asked():
    assert chat.asked_ranks("2023年茶园面积排名第二的县是哪个？") == {2}
    assert chat.asked_ranks("全省第三大茶叶产区是哪里？") == {3}
    assert chat.asked_ranks("第二季度茶叶出口多少吨？") == set()  # a period, no ranking
    assert chat.asked_ranks("排名第一的县是哪个？") == set()
    assert not chat.rank_ok({2}, "全省茶园面积排名第一的是东山县。")
    assert chat.rank_ok({2}, "排名第二的是西岭县。")
    assert chat.rank_ok({2}, "西岭县仅次于东山县。")
    # a list in ranked order says each place it reaches
    assert chat.rank_ok({3}, "出口量排名前五的茶类依次为：绿茶、红茶、乌龙茶、黑茶、白茶。")
    assert not chat.rank_ok({3}, "出口量最大的茶类依次为：绿茶、红茶。")


def test_a_ranking_sentence_of_another_place_does_not_answer(kb):
    row = scored_row(kb, "全省茶园面积排名第二的县是哪个？", "西岭县")
    assert "rank" not in row.refused
    row = scored_row(kb, "全省茶叶加工企业数量排名第三的县是哪个？", "东山县")
    assert "rank" in row.refused


def test_a_listed_groups_figure_is_no_members():
    said = "头部加工厂（甲茶厂、乙茶厂、丙茶厂、丁茶厂）合计占全省精制茶产量的41%。"
    assert chat.group_member("乙茶厂占全省精制茶产量的多少？", said) == "乙茶厂"
    said2 = "红茶、绿茶、白茶等茶类的出口单价约为每公斤5美元。"
    assert chat.group_member("白茶的出口单价是多少？", said2) == "白茶"
    said3 = "第一梯队为甲茶厂、乙茶厂、丙茶厂，产量占比近六成，其中乙茶厂约占20%。"
    assert chat.group_member("乙茶厂的产量占比是多少？", said3) == ""  # the member has its own figure
    assert chat.group_member("头部加工厂合计占精制茶产量的多少？", said) == ""  # the group is asked
    assert chat.group_member("乙茶厂和丙茶厂的产量占比是多少？", said) == ""  # two members asked
    # a list whose last item holds the figure is no closed list of names ("甲、乙和丙约320人，")
    said4 = "全厂员工约400人，其中制茶师、评茶员和包装工约260人，占65%。"
    assert chat.group_member("全厂约400名员工中，制茶师、评茶员和包装工约有多少人？", said4) == ""


def test_a_measure_split_by_the_tokenizer_is_asked_as_the_pair(kb):
    tok = default_tokenizer()
    assert chat.focus_terms("2023年全省茶农负担比是多少？", tok) == {"负担比"}
    assert chat.focus_terms("2023年全省鲜叶精制率是多少？", tok) == {"精制率"}
    assert chat.focus_terms("2023年全省茶叶产量是多少？", tok) == {"产量"}  # a whole word stays as it is
    assert not chat._mentions_focus({"负担比"}, "全省茶农人均收入为2.1万元，比上年增长5%。")
    assert chat._mentions_focus({"负担比"}, "全省茶农负担比为18.6%。")
    assert "focus" not in scored_row(kb, "2023年全省茶农负担比是多少？", "18.6%").refused
    assert "focus" in scored_row(kb, "2023年全省茶农负担比是多少？", "41%").refused


def test_the_genre_of_a_pointed_at_document_is_no_unknown_noun():
    assert chat.document_genre("论文", "那篇研究茶叶机采的论文认为难点在哪？")
    assert chat.document_genre("报告", "一份讲茶园改造的报告里，提到了哪些措施？")
    assert not chat.document_genre("论文", "全省茶叶学科发表论文多少篇？")  # what is asked about
    assert not chat.document_genre("论文", "论文的作者是谁？")
    assert not chat.document_genre("用处", "报告的这一部分对茶农有什么用处？")  # 一部分 points at no document


def test_an_identifier_asked_is_a_code_of_the_document_asked(kb):
    assert chat.asks_code("那个机采课题的编号是多少？") and not chat.asks_code("机采课题是哪一年立项的？")
    cited = "按照《省农业厅关于推进茶园机械化的通知》（农茶〔2021〕15号），各地制定了机采推广方案。"
    assert not chat.own_code(cited, "机采推广方案的文号是什么？")
    assert chat.own_code(cited, "机采推广方案是依据哪个文号的通知制定的？")
    assert chat.own_code("机采推广方案的文号为农茶函〔2022〕33号。", "机采推广方案的文号是什么？")
    assert chat.own_code("课题（CYJY2022071）的阶段成果", "课题编号是多少？")
    assert not chat.own_code("课题的阶段成果于2022年发表。", "课题编号是多少？")
    row = scored_row(kb, "茶叶机采那个课题，编号是多少来着？", "CYJY2022071")
    assert "unknown" not in row.refused and "type" not in row.refused
    assert "type" in scored_row(kb, "机采推广方案的文号是什么？", "农茶〔2021〕15号").refused
