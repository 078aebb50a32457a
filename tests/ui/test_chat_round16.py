"""Chat round 16 (issue 11): the right passage, the wrong sentence; units and shares of another thing.
- A text-fact question ("扮演了什么角色", "起到了什么作用") asks with the words around 什么 / 啥 (`asked_predicate`, `carries_predicate`): a sentence that says none of them is no answer
  when another retrieved sentence says one, or when it states figures (`predicate_refused`, tag `predicate`).
- A figure that is a threshold of another noun ("床位超过100张的机构有28家") is no value in the asked unit
  (`_unit_ok`, chat.yaml `threshold_before`); a 人数 column counts people only as a column ("人数：65").
- The whole for a part: "2024年甲进口金额是多少" met by a bare "进口金额" of the whole, with 甲 nowhere in the
  sentence, the one before or the frame, while the passages do put 甲 before 进口金额 (`bare_head`, tag `entity`).
- The part for the whole: "一共有多少家" met by the count of those above a threshold (`threshold_subset`, tag `part`).
- "2011年几月" met by another year's month (`month_of_year_ok`, tag `date`); "第十一年到第十五年" met by
  "第一年至第十年" (`ordinal_spans`, `ordinal_span_ok`, tag `number`); "第二条是什么" met by a sentence that
  marks no second item (`ordinal_items`, `ordinal_item_ok`; a marker the splitter left before it counts).
- "…，甲占多少": the percentage must be said of 甲, not of another part in the same sentence
  (`share_owner`, `share_owner_ok`, tag `share`).
A small knowledge base of an invented industry (养老服务), written for these tests."""
from __future__ import annotations

import pytest

from assistant import chat
from assistant.textproc import default_tokenizer
from tests.chat_helpers import kb_from_docs, scored_row


DOCS = {
    "2024_养老服务人才简报.md": """# 养老服务人才简报

## 人才供给

示例康养学院2024年培养养老护理员约360人，同比增长12%。

示例康养学院对本地养老护理人才的供给起到了主渠道作用。

## 机构与床位

2024年全市床位超过100张的养老机构有28家。

2024年全市养老机构共有床位5600张，同比增加300张。

## 企业情况

示例颐养集团2024年营业收入约3.2亿元，员工900人，其中护理人员610人，占68%。

示例颐养集团的营业收入中，居家上门服务收入占41%。

## 存在的问题

（一）护理员流失率偏高，一年内离职的约占三成。

（二）培训内容与岗位要求衔接不够。

## 康复辅具进出口

2024年，出口额为410.2亿元，进口额为320.5亿元。

2023年轮椅出口额为18.6亿元。
""",
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    return kb_from_docs(tmp_path_factory, DOCS, "round16")


def test_the_words_a_text_question_asks_with():
    tok = default_tokenizer()
    assert {"起到", "作用"} <= chat.asked_predicate("示例康养学院对本地养老护理人才的供给起到了什么作用？", tok)
    assert "直接" in chat.asked_predicate("这份名录对社区有什么直接用处？", tok)
    # after 哪 the answer names a member ("本地中职") and after 如何 a manner, in words of their own
    assert chat.asked_predicate("护理岗位主要靠哪一层次的学校供给？", tok) == set()
    assert chat.asked_predicate("流失率偏高的问题应如何处理？", tok) == set()
    # a category of magnitude is answered by a figure
    assert chat.asked_predicate("示例康养学院的培养规模大概是啥水平？", tok) == set()
    assert chat.asked_predicate("牵头单位在哪个城市？", tok) == set()
    # a verb of inference asks for the conclusion, which the sentence states without the verb
    assert chat.asked_predicate("护理员流失率偏高，这说明了啥？", tok) == set()
    # a figure, a date or a list asked: the checks of those kinds decide
    assert chat.asked_predicate("2024年全市养老机构共有多少张床位？", tok) == set()
    assert chat.asked_predicate("示例康养学院是哪一年成立的？", tok) == set()
    assert chat.asked_predicate("示例颐养集团有哪些服务？", tok) == set()


def test_carrying_the_asked_words():
    assert chat.carries_predicate({"作用"}, "示例康养学院起到了主渠道作用。")
    assert chat.carries_predicate({"靠"}, "技能岗位主要依靠中职供给。")  # a verb inside a longer word
    assert chat.carries_predicate({"院校"}, "主要来自职业学校。")  # a synonym (chat.yaml `synonyms`)
    assert not chat.carries_predicate({"起到", "作用"}, "示例康养学院2024年培养养老护理员约360人。")
    assert chat.carries_predicate(set(), "任何句子")


def test_a_figure_of_the_same_topic_does_not_answer_a_role(kb):
    q = "示例康养学院对本地养老护理人才的供给起到了什么作用？"
    assert "predicate" in scored_row(kb, q, "约360人").refused
    assert "predicate" not in scored_row(kb, q, "主渠道作用").refused


def test_which_mute_sentences_are_refused():
    mute_text = chat._Scored("示例康养学院是本地护理人才的主要来源。", 0, 0.7, 1.0)
    mute_figure = chat._Scored("示例康养学院培养护理员约360人。", 0, 0.7, 1.0, has_value=True)
    saying = chat._Scored("示例康养学院起到了主渠道作用。", 1, 0.6, 0.9)
    # nothing retrieved says the asked words: a text sentence may still answer, a figure may not
    assert chat.predicate_refused({0, 1}, [mute_text, mute_figure]) == [1]
    # another sentence says them: every mute sentence only shares the topic
    assert chat.predicate_refused({0, 1}, [mute_text, mute_figure, saying]) == [0, 1]
    assert chat.predicate_refused(set(), [saying]) == []
    # a table row with figures may state the fact in a remark cell
    row = chat._Scored("表1｜年份：2024；床位数：5600；备注：按民政统计口径推算", 0, 0.7, 1.0, has_value=True)
    assert chat.predicate_refused({0}, [row]) == []


def test_a_threshold_is_no_value_in_the_unit():
    said = "2024年全市床位超过100张的养老机构有28家。"
    assert not chat.unit_ok("张", said, "")
    assert not chat.unit_ok("人", "人数在50至100人之间的机构有12家。", "")
    assert chat.unit_ok("张", "2024年全市养老机构共有床位5600张。", "")
    assert chat.unit_ok("人", "形成了约300人的护理队伍。", "")  # no threshold word: the figure itself
    # a 人数 column counts people; 人数 in running text does not
    assert chat.unit_ok("名", "岗位：护理员；现有人数：65；计划招聘：16", "")
    assert not chat.unit_ok("名", "护理员人数较上年有所增加。", "")


def test_the_threshold_sentence_does_not_answer_the_beds(kb):
    q = "2024年全市养老机构共有多少张床位？"
    assert "unit" in scored_row(kb, q, "超过100张").refused
    assert "unit" not in scored_row(kb, q, "5600张").refused


def test_the_part_whose_share_is_asked():
    assert chat.share_owner("示例颐养集团的营收里，居家上门服务占多少？") == "居家上门服务"
    assert chat.share_owner("护理人员在员工中占多少？") == "护理人员"
    assert chat.share_owner("全市的机构里，做居家服务的占了多少？") == "做居家服务"
    assert chat.share_owner("2024年护理员有多少人？") == ""
    assert not chat.share_owner_ok("居家上门服务", "员工900人，其中护理人员610人，占68%。")
    assert chat.share_owner_ok("居家上门服务", "营业收入中，居家上门服务收入占41%。")
    # a table row: the owner's cell before the share's cell; a word of the owner will do
    assert chat.share_owner_ok("做居家服务", "表1｜服务类型：居家服务；占机构总数比重：36%；特点：增长最快")
    assert chat.share_owner_ok("做居家服务", "服务类型：居家服务；机构数：120；占比：36%", default_tokenizer()._tok)
    assert chat.share_owner_ok("", "任何句子")
    tok = default_tokenizer()._tok
    assert chat.share_owner_ok("私人护理床", "其中私人购买的占六成。", tok)
    assert not chat.share_owner_ok("居家上门服务", "员工900人，其中护理人员610人，占68%。", tok)


def test_another_parts_share_is_no_answer(kb):
    q = "示例颐养集团的营收里，居家上门服务占多少？"
    assert "share" in scored_row(kb, q, "占68%").refused
    assert "share" not in scored_row(kb, q, "占41%").refused


def test_the_whole_does_not_answer_a_part_of_it(kb):
    tok = default_tokenizer()
    pair = [("轮椅", "出口额")]
    said = "2024年，出口额为410.2亿元，进口额为320.5亿元。"
    assert chat.bare_head(pair, said, f"康复辅具进出口 {said}", tok)
    said = "2023年轮椅出口额为18.6亿元。"
    assert not chat.bare_head(pair, said, f"康复辅具进出口 {said}", tok)
    said = "出口额为18.6亿元。"  # the qualifier in the frame
    assert not chat.bare_head(pair, said, f"轮椅出口 {said}", tok)
    assert "entity" in scored_row(kb, "2024年轮椅出口额是多少亿元？", "410.2").refused
    assert "entity" not in scored_row(kb, "2023年轮椅出口额是多少亿元？", "18.6").refused


def test_a_threshold_subset_is_no_total():
    q = "2024年全市养老机构一共有多少家？"
    assert chat.threshold_subset(q, "2024年全市床位超过100张的养老机构有28家。", set())
    assert not chat.threshold_subset(q, "2024年全市共有养老机构210家。", set())
    assert not chat.threshold_subset(q, "2024年全市共有养老机构210家，高于2023年的195家。", set())  # a year
    # no total asked: the count of a kind may answer a question of that kind
    assert not chat.threshold_subset("床位超过100张的养老机构有多少家？", "床位超过100张的养老机构有28家。", set())


def test_the_month_of_the_year_asked():
    q = "民政〔2019〕5号文件是2019年几月印发的？"
    assert not chat.month_of_year_ok(q, "2022年3月1日，民政部印发新规。该文件是继2019年民政〔2019〕5号之后的又一文件。")
    assert chat.month_of_year_ok(q, "2019年4月16日，民政部印发民政〔2019〕5号。")
    assert chat.month_of_year_ok("这份文件是几月印发的？", "2022年3月1日印发。")  # no year asked


def test_ordinal_years_of_a_term():
    q = "连锁运营满五年的机构，第六年到第十年享受什么补贴？"
    assert chat.ordinal_spans(q) == {(6, 10)}
    assert not chat.ordinal_span_ok({(6, 10)}, "第一年至第五年按床位给予运营补贴。")
    assert chat.ordinal_span_ok({(6, 10)}, "第六年至第十年按床位减半补贴。")
    assert chat.ordinal_spans("2024年新增了多少家机构？") == set()


def test_the_item_of_an_enumeration_asked(kb):
    assert chat.ordinal_items("存在的问题中，第二条是什么？") == {2}
    assert chat.ordinal_items("第六年到第十年享受什么补贴？") == set()
    assert chat.ordinal_item_ok({1, 2}, "一是加强培训；二是提高待遇。")
    assert chat.ordinal_item_ok({2}, "第二，提高待遇。")
    assert not chat.ordinal_item_ok({2}, "一是加强培训。")
    q = "养老服务人才简报里存在的问题，第二条是什么？"
    assert "number" not in scored_row(kb, q, "衔接不够").refused  # its marker （二） stands before it
    assert "number" in scored_row(kb, q, "流失率偏高").refused
