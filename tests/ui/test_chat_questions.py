"""What a question asks for: answer type, qualified entity, and the parts of a two-part question."""
from __future__ import annotations

import pytest

from assistant import chat
from assistant.textproc import default_tokenizer


@pytest.mark.parametrize("question, kind", [
    ("2024年新能源汽车销量是多少？", "amount"),
    ("出口规模有多大？", "amount"),
    ("绿牌车在新上牌汽车里占了几成？", "amount"),
    ("该共同体是什么时候成立的？", "date"),
    ("哪一年开始实施？", "date"),
    ("五星岗位有哪些？", "list"),
    ("报告通常包含哪几部分？", "list"),
    ("什么是求人倍率？", None),
    ("规模以上工业企业指什么？", None),
])
def test_expected_answer_type(question, kind):
    assert chat.expected_type(question) == kind


def test_answer_type_is_required_of_the_sentence():
    # a sales question is not answered by the date of the conference that announced the figure
    assert not chat.type_ok("amount", "协会于2025年1月13日召开发布会。", "", has_value=False)
    assert chat.type_ok("amount", "销量为1286.6万辆。", "", has_value=True)
    assert chat.type_ok("date", "共同体于7月29日成立。", "", has_value=False)
    assert chat.type_ok("date", "共同体在上海成立。", "2023年概况", has_value=False)
    assert not chat.type_ok("date", "共同体在上海成立。", "共同体概况", has_value=False)
    assert chat.type_ok("list", "五星岗位为自动驾驶定位工程师、电池工程师。", "", has_value=False)
    assert not chat.type_ok("list", "五星岗位最为紧缺。", "", has_value=False)


def test_the_question_qualifier_must_be_kept():
    tok = default_tokenizer()
    df = {"工业": 5, "服务": 5}
    pairs = chat.qualifier_pairs("2024年工业机器人产量是多少？", tok, df)
    assert ("工业", "机器人") in pairs
    assert not chat.entity_ok(pairs, "服务机器人产量为1021.5万套。", "服务机器人产量为1021.5万套。")
    assert chat.entity_ok(pairs, "工业机器人产量为48.2万套。", "工业机器人产量为48.2万套。")
    # the qualifier named in the sentence's context (its heading) is enough
    assert chat.entity_ok(pairs, "其中机器人产量为48.2万套。", "一、工业机器人 其中机器人产量为48.2万套。")
    # the qualifier in the previous sentence is about that sentence's entity, not this one's
    said = "服务机器人销量为986.3万套。"
    assert not chat.entity_ok(pairs, said, "2023年机器人产业运行简报 二、市场与应用 " + said)
    # a paraphrase word the knowledge base does not know imposes nothing
    assert chat.qualifier_pairs("国产品牌在电动乘用车市场拿下了多大份额？", tok, {}) == []


@pytest.mark.parametrize("question, parts", [
    ("2022年新能源汽车市场占有率是多少？比上年提高了多少个百分点？",
     ["2022年新能源汽车市场占有率是多少？", "2022年新能源汽车市场占有率比上年提高了多少个百分点？"]),
    ("2022年新能源汽车产量和销量分别是多少？", ["2022年新能源汽车产量是多少？", "2022年新能源汽车销量是多少？"]),
    ("2024年工业机器人和服务机器人产量分别是多少？", ["2024年工业机器人产量是多少？", "2024年服务机器人产量是多少？"]),
    ("2023年汽车出口多少万辆，以及新能源汽车出口多少万辆？", ["2023年汽车出口多少万辆", "2023年新能源汽车出口多少万辆？"]),
    ("2025年新能源汽车产销同比分别增长多少？", ["2025年新能源汽车产销同比分别增长多少？"]),
    ("什么是求人倍率？", ["什么是求人倍率？"]),
])
def test_two_part_questions_are_split(question, parts):
    assert chat.split_question(question, default_tokenizer()) == parts
