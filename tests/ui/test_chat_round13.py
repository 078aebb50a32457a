"""Chat round 13 (issue 11): text facts the checks refused.
- A question of a text fact whose topic carries an amount word ("对培养规模提出了什么建议") and asks no
  count does not want a number (`expected_type`, chat.yaml `text_question`, `count_cue`).
- A duration in words ("不少于三个月") answers 多长 (`duration_answer`).
- A noun the knowledge base lacks right after a question word is the kind of answer asked ("带来什么局面"),
  right before one the verb that asks ("主张如何"): not an unknown entity (`asked_category`).
- A sentence that only restates words of the question (a heading line quoted in it) is no answer (`echoes`).
A small knowledge base of an invented industry (冷链物流), written for these tests."""
from __future__ import annotations

import pytest

from assistant import chat
from tests.chat_helpers import kb_from_docs, scored_row


DOCS = {
    "2024_冷链物流发展简报.md": """# 冷链物流发展简报

## 运行情况

2024年全国冷库容量达到2.3亿立方米，同比增长8.1%。

## 需要关注的问题

冷库建设过快可能带来阶段性的结构性过剩。

## 工作建议

建议职业院校适度扩大面向冷库运维方向的培养规模。

建议为冷库运维方向的学生安排不少于三个月的企业实习。

冷库运维方向的学生应参加企业实习。
""",
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    return kb_from_docs(tmp_path_factory, DOCS, "round13")


def test_a_text_fact_about_an_amount_word_asks_no_amount():
    assert chat.expected_type("简报对冷库运维方向的培养规模提出了什么建议？") is None
    assert chat.expected_type("哪一个更能反映冷库的建设规模？") is None
    # a count asked, or the amount word is what is asked about
    assert chat.expected_type("冷库运维方向的培养规模有多大？") == "amount"
    assert chat.expected_type("冷库容量的增速是多少？") == "amount"
    assert chat.expected_type("冷库容量占比如何？") == "amount"


def test_the_advice_about_a_scale_is_not_refused_for_lacking_a_number(kb):
    row = scored_row(kb, "简报对职业院校冷库运维方向的培养规模提出了什么建议？", "适度扩大")
    assert "type" not in row.refused and "rate" not in row.refused
    row = scored_row(kb, "职业院校冷库运维方向的培养规模有多大？", "适度扩大")
    assert "type" in row.refused


def test_a_duration_in_words_answers_how_long(kb):
    q = "简报建议给冷库运维方向的学生安排多长的企业实习？"
    assert "type" not in scored_row(kb, q, "不少于三个月").refused
    assert "type" in scored_row(kb, q, "应参加企业实习").refused


def test_the_asked_category_is_no_unknown_noun():
    assert chat.asked_category("局面", "冷库建设过快可能带来什么局面？")
    assert chat.asked_category("主张", "简报主张如何处理冷库过剩？")
    assert not chat.asked_category("编码", "冷库的编码是什么？")
    assert not chat.asked_category("理事长", "冷链协会理事长是谁？")
    # a name asked (叫什么名字): the sentence must name it, the unknown word still counts
    assert chat.asked_category("名字", "冷链协会的刊物是什么名字？")
    assert not chat.asked_category("名字", "冷链协会的刊物叫什么名字？")


def test_a_what_situation_question_is_answered_by_its_sentence(kb):
    row = scored_row(kb, "冷库建设过快可能带来什么局面？", "结构性过剩")
    assert "unknown" not in row.refused
    # an unknown noun that is not the asked category still refuses
    row = scored_row(kb, "冷库建设过快的编码局面是什么？", "结构性过剩")
    assert "unknown" in row.refused


def test_a_sentence_that_only_restates_the_question_is_no_answer():
    q = "简报在“冷库利用率有待提高”一条中指出了什么不足？"
    assert chat.echoes("冷库利用率有待提高。", q)
    assert not chat.echoes("部分冷库利用率有待提高，空置率超过三成。", q)
    assert not chat.echoes("。", q)
