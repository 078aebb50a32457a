"""Chat round 26 (issue 11): the eighth held-out set's remaining misanswer and abstention, as general classes.
- An amount asked with no unit named ("出口额是多少"), the sentence giving the measure only a share ("出口占比达到65%"):
  the asked amount is not there (`rate_only` with `amount`, `asks_amount`; chat.yaml `amount_question`; tag `unit`).
- "概括为/称为/认为……什么" is no why-question: the 为 belongs to the verb before it (chat.yaml `explain_questions`),
  so a descriptive sentence answers "概括为什么特点" without a because-word (no `explain` tag).
- A sentence with no period and no year of its own goes on from the period its passage stated last
  ("2024年上半年，……。咖啡生豆出口额4.1亿元，增长9%。"): `passage_periods` (no `period` tag).
A small knowledge base of an invented industry (咖啡), written for these tests."""
from __future__ import annotations

import pytest

from assistant import chat
from assistant.textproc import default_tokenizer
from tests.chat_helpers import kb_from_docs, scored_row

DOCS = {
    "2025_咖啡产业观察.md": """# 2025年咖啡产业观察

普洱某咖啡交易中心年交易额120亿元，其中生豆出口占比达到65%，成为产区转型的样本。

2024年全国咖啡生豆出口额达到8.6亿元，同比增长12%。

调研报告把咖啡种植户的经营状况概括为“小而散、重产轻销”的特点。
""",
    "2024_咖啡半年报.md": """# 咖啡市场半年报

2024年上半年，全国咖啡门店新增1.8万家，现制咖啡销售额达到620亿元。咖啡生豆出口额4.1亿元，增长9%，均创同期新高。

2023年，咖啡烘焙豆进口额为9.3亿元。烘焙豆进口量达到2.2万吨。
""",
    "2024_咖啡烘焙统计.md": """# 2024年咖啡烘焙统计

2024年咖啡烘焙豆出口额同比增长18%，烘焙企业数量继续增加。
""",
}

SHARE_ONLY = "普洱某咖啡交易中心年交易额120亿元，其中生豆出口占比达到65%，成为产区转型的样本。"


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    return kb_from_docs(tmp_path_factory, DOCS, "round26")


def test_asks_amount_by_the_question_shape():
    assert chat.asks_amount("2024年我国咖啡生豆出口额是多少？")
    assert chat.asks_amount("咖啡生豆出口规模有多大？")
    # a share or a rate is asked, not an amount
    assert not chat.asks_amount("咖啡生豆出口占比是多少？")
    assert not chat.asks_amount("咖啡生豆出口的增长率是多少？")
    assert not chat.asks_amount("2024年咖啡生豆出口约占全球的多少？")
    # no amount word at all
    assert not chat.asks_amount("咖啡生豆主要出口到哪里？")


def test_a_share_of_the_measure_is_no_amount_of_it():
    q = "2024年我国咖啡生豆出口额是多少？"
    focus = chat.focus_terms(q, default_tokenizer())
    assert chat.rate_only(focus, "", SHARE_ONLY, q, amount=True)
    assert chat.rate_only(focus, "", "2024年咖啡生豆出口额同比增长12%。", q, amount=True)
    # an amount of the measure is given, a share beside it
    assert not chat.rate_only(focus, "", "2024年全国咖啡生豆出口额达到8.6亿元，同比增长12%。", q, amount=True)
    assert not chat.rate_only(focus, "", "咖啡生豆出口8.6亿元，占全部出口的65%。", q, amount=True)
    # the measure only inside the joined word (进出口) is not the measure: nothing to judge here
    assert not chat.rate_only(focus, "", "咖啡生豆进出口占比达到65%。", q, amount=True)
    # without `amount` (a share, a change or a count asked) nothing changes
    assert not chat.rate_only(focus, "", SHARE_ONLY, q)


def test_the_share_sentence_is_refused_for_an_amount(kb):
    q = "2024年我国咖啡生豆出口额是多少？"
    assert "unit" in scored_row(kb, q, "出口占比达到65%").refused
    assert "unit" not in scored_row(kb, q, "8.6亿元").refused
    # asked for the share, the share sentence is no unit mismatch
    assert "unit" not in scored_row(kb, "普洱咖啡交易中心生豆出口占比是多少？", "出口占比达到65%").refused


def test_a_verb_before_wei_is_no_why_question():
    assert not chat.explain_kinds("调研报告把咖啡种植户的经营状况概括为什么特点？")
    assert not chat.explain_kinds("这种直采模式被称为什么？")
    assert not chat.explain_kinds("报告认为什么是产区转型的关键？")
    # a why-question still is one
    assert [k for k, _ in chat.explain_kinds("2024年咖啡生豆出口额为什么增长？")] == ["why"]
    assert [k for k, _ in chat.explain_kinds("咖啡烘焙豆出口因为什么增长？")] == ["why"]


def test_a_descriptive_sentence_answers_what_feature(kb):
    q = "调研报告把咖啡种植户的经营状况概括为什么特点？"
    assert "explain" not in scored_row(kb, q, "小而散").refused
    # asked why, the same sentence explains nothing
    assert "explain" in scored_row(kb, "咖啡种植户的经营状况为什么是小而散？", "小而散").refused


def test_the_period_goes_on_from_the_passage():
    assert chat.passage_periods(["2024年上半年，全国咖啡门店新增1.8万家。"]) == {"h:上"}
    assert chat.passage_periods(["2024年一季度，门店新增0.6万家。", "门店覆盖300个城市。"]) == {"q:1"}
    # a year alone (the whole year) after the period ends it
    assert not chat.passage_periods(["2024年上半年，门店新增1.8万家。", "2023年，烘焙豆进口额9.3亿元。"])
    assert not chat.passage_periods(["门店覆盖300个城市。"])


def test_a_sentence_without_a_period_takes_the_passage_period(kb):
    q = "2024年上半年咖啡生豆出口额是多少？"
    assert "period" not in scored_row(kb, q, "4.1亿元").refused
    # another period asked: the passage's period is not it
    assert "period" in scored_row(kb, "2024年一季度咖啡生豆出口额是多少？", "4.1亿元").refused
    # the passage went on to a whole year before the sentence
    assert "period" in scored_row(kb, "2023年上半年烘焙豆进口量是多少？", "2.2万吨").refused
