"""Chat round 11 (issue 11): a wrong answer is worse than an abstention.
- A question that names a head noun with its own qualifier ("乙工程师") is not answered by a sentence
  that gives the same head with another qualifier of the knowledge base ("甲工程师") and never says
  the question's one (`rival_qualifier`).
- A question that asks for sense, not a fact (为什么, 是什么意思, 相差多少, 共同特点) is answered only by
  a sentence that carries the wording of that sense (由于/导致, 是指/即, 相差/百分点 or two figures of one
  unit, 都/上述), not by one that only shares its nouns (`explain_kinds`, `explain_ok`).
A small knowledge base of an invented industry (无人机), written for these tests."""
from __future__ import annotations

import pytest

from assistant import chat
from tests.chat_helpers import kb_from_docs, scored_row

DOCS = {
    "2025_某招聘平台_无人机人才供需简报.md": """# 无人机行业人才供需简报

据某招聘平台2025年数据，飞控算法工程师的人才供需比为0.42，平均约2个职位争夺1名求职者。

硬件测试岗位的招聘需求增长较快，主要来自整机厂商的新机型验证。

2024年人数超过500人的整机制造企业达到18家，比上年增加2家。

上述算法和测试岗位都要求跨学科背景和较长的外场实践，是行业最难招的人才类型。

2025年飞手缺口约为12万人。

“飞手缺口”指持证操作员的需求人数与现有持证人数之差，并非某一年新增的岗位数。
""",
    "2025_无人机产业运行简报.md": """# 无人机产业运行简报

2024年工业级无人机销量为31万架，同比增长9.6%。

由于农业植保作业需求阶段性回落，2024年植保无人机销量同比下降8.2%。

行业协会统计的2024年整机产量同比增长15.2%。

工信部口径的2024年整机产量为120万架，同比增长13.0%。

两种口径的2024年整机产量增速相差2.2个百分点，主要来自上年基数的调整。

零部件配套企业约有300家。
""",
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    return kb_from_docs(tmp_path_factory, DOCS, "round11")


# ---------------------------------------------------------------- a sibling entity of the same head


def test_another_engineer_does_not_answer_for_an_engineer(kb):
    q = "飞控硬件工程师的人才供需比是多少？"
    assert "rival" in scored_row(kb, q, "飞控算法工程师的人才供需比").refused
    assert not chat.answer(q, kb).grounded


def test_the_engineer_asked_is_answered(kb):
    q = "飞控算法工程师的人才供需比是多少？"
    assert "rival" not in scored_row(kb, q, "飞控算法工程师的人才供需比").refused
    ans = chat.answer(q, kb)
    assert ans.grounded, ans.notes
    assert "0.42" in ans.text


def test_another_kind_of_enterprise_does_not_answer(kb):
    q = "2024年人数超过500人的零部件企业有多少家？"
    assert "rival" in scored_row(kb, q, "整机制造企业达到18家").refused
    assert not chat.answer(q, kb).grounded


def test_a_qualifier_in_the_sentence_is_no_rival():
    from assistant.textproc import default_tokenizer

    tok = default_tokenizer()
    df = {"整机": 3, "制造": 3, "零部件": 2, "企业": 5}
    said = "2024年人数超过500人的整机制造企业达到18家。"
    asked = "人数超过500人的零部件企业有多少家？"
    pairs = chat.qualified_heads(asked, tok, df)
    assert ("零部件", "企业") in pairs
    assert chat.rival_qualifier(pairs, asked, said, "", tok, df)
    other = "人数超过500人的制造企业有多少家？"
    assert not chat.rival_qualifier(chat.qualified_heads(other, tok, df), other, said, "", tok, df)
    # the question's qualifier in the frame (a heading "零部件企业") makes the sentence about it
    assert not chat.rival_qualifier(pairs, asked, said, "零部件企业情况", tok, df)


def test_a_pronoun_is_no_qualifier():
    from assistant.textproc import default_tokenizer

    tok = default_tokenizer()
    assert not [p for p in chat.qualified_heads("这类岗位有多少？", tok, {"这类": 1, "岗位": 2}) if p[0] == "这类"]


# ---------------------------------------------------------------- sense asked, nouns shared


def test_why_is_not_answered_by_a_figure(kb):
    q = "2024年工业级无人机销量为什么增长？"
    assert "explain" in scored_row(kb, q, "工业级无人机销量为31万架").refused
    assert not chat.answer(q, kb).grounded


def test_why_is_answered_by_a_cause(kb):
    ans = chat.answer("2024年植保无人机销量为什么下降？", kb)
    assert ans.grounded, ans.notes
    assert "农业植保作业需求" in ans.text


def test_a_difference_is_not_one_of_the_figures(kb):
    q = "2024年整机产量的增速，协会和工信部两种口径差了多少？"
    assert "explain" in scored_row(kb, q, "工信部口径的2024年整机产量为120万架").refused
    ans = chat.answer(q, kb)
    assert ans.grounded, ans.notes
    assert "2.2个百分点" in ans.text


def test_two_figures_of_one_unit_give_a_difference():
    kinds = chat.explain_kinds("甲乙两类设备的合格率差了多少？")
    assert [k for k, _ in kinds] == ["difference"]
    assert chat.explain_ok(kinds, "甲类设备合格率为92%，乙类设备合格率为88%。")
    assert not chat.explain_ok(kinds, "甲类设备产量为120万台，同比增长13.0%。")


def test_meaning_is_not_answered_by_the_number(kb):
    q = "飞手缺口是什么意思？"
    assert "explain" in scored_row(kb, q, "2025年飞手缺口约为12万人").refused
    ans = chat.answer(q, kb)
    assert ans.grounded, ans.notes
    assert "持证操作员" in ans.text


def test_a_common_feature_is_not_answered_by_one_ratio(kb):
    q = "飞控算法工程师这类最难招的岗位有什么共同特点？"
    assert "explain" in scored_row(kb, q, "飞控算法工程师的人才供需比").refused


def test_a_question_of_fact_asks_for_no_sense(kb):
    assert chat.explain_kinds("2024年工业级无人机销量是多少？") == []
    ans = chat.answer("2024年工业级无人机销量是多少？", kb)
    assert ans.grounded, ans.notes
    assert "31万架" in ans.text
