"""Chat round 15 (issue 11): near misses answered with a neighbouring fact.
- A span of years that qualifies what is asked ("3年以上经验") must be named by the sentence: "5年以上" is
  another threshold (`span_numbers`, `span_ok`, tag `number`).
- "X量/额/数是多少" answered by a sentence that gives only a sibling metric with the same head character
  ("产量" for "交付量") is no answer (`sibling_amount`, tag `sibling`).
- A total to date asked (一共 / 累计 / 到现在), a per-period figure stated (每年…) is no answer
  (`flow_for_stock`, chat.yaml `cumulative_question`, `per_period_answer`, `cumulative_answer`; tag `flow`).
- A date written in digits (2023-06-15) is no value: a sentence that only dates a publication does not
  answer 几个 / 多少.
A small knowledge base of an invented industry (民用无人机), written for these tests."""
from __future__ import annotations

import pytest

from assistant import chat
from tests.chat_helpers import kb_from_docs, scored_row


DOCS = {
    "2024_民用无人机人才简报.md": """# 民用无人机人才简报

## 招聘要求

2024年发布的无人机飞手职位中，要求5年以上飞行经验的占31.5%。

2024年发布的无人机巡检员职位中，要求3年以上飞行经验的占58.2%。

## 产销情况

2024年一季度工业无人机产量为12.4万架。

2024年一季度工业无人机交付量为11.8万架。

## 人才培养

示例飞行学院每年培养持证飞手约120人。

示例航空学院累计培养持证飞手900余人。

## 标准

《无人机巡检员职业技能评价规范》于2023-06-15发布，为巡检员技能评价提供依据。

《无人机装调工职业技能评价规范》把装调工分为五个技能等级。
""",
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    return kb_from_docs(tmp_path_factory, DOCS, "round15")


def test_the_span_of_years_asked():
    assert chat.span_numbers("要求3年以上飞行经验的职位占多大比例？") == {3}
    assert chat.span_numbers("要求五年以内经验的岗位有多少？") == {5}
    assert chat.span_numbers("2024年的职位有多少？") == set()  # a year, not a span
    assert chat.span_ok({3}, "要求3年以上飞行经验的占58.2%")
    assert chat.span_ok({3}, "要求三年以上经验的占六成")
    assert not chat.span_ok({3}, "要求5年以上飞行经验的占31.5%")


def test_another_threshold_is_no_answer(kb):
    q = "2024年无人机飞手职位中，要求3年以上飞行经验的占多大比例？"
    assert "number" in scored_row(kb, q, "5年以上").refused
    assert "number" not in scored_row(kb, q, "3年以上").refused


def test_a_sibling_metric_is_no_answer():
    assert chat.sibling_amount("2024年一季度工业无人机交付量是多少？", "2024年一季度工业无人机产量为12.4万架。")
    assert not chat.sibling_amount("2024年一季度工业无人机交付量是多少？", "2024年一季度工业无人机交付量为11.8万架。")
    # a shorter wording of the asked word is the same metric
    assert not chat.sibling_amount("一季度的销售量有多少？", "一季度销量为3.2万架。")


def test_the_produced_figure_does_not_answer_the_delivered(kb):
    q = "2024年一季度工业无人机交付量是多少？"
    assert "sibling" in scored_row(kb, q, "产量为12.4").refused
    assert "sibling" not in scored_row(kb, q, "交付量为11.8").refused


def test_a_yearly_figure_does_not_answer_a_total():
    q = "示例飞行学院到现在一共培养了多少持证飞手？"
    assert chat.flow_for_stock(q, "示例飞行学院每年培养持证飞手约120人。")
    assert not chat.flow_for_stock(q, "示例飞行学院累计培养持证飞手900余人。")
    assert not chat.flow_for_stock("示例飞行学院每年培养多少持证飞手？", "示例飞行学院每年培养持证飞手约120人。")


def test_a_yearly_figure_is_refused_for_a_total(kb):
    q = "示例飞行学院到现在一共培养了多少持证飞手？"
    assert "flow" in scored_row(kb, q, "每年培养").refused
    assert "flow" not in scored_row(kb, "示例飞行学院每年培养多少持证飞手？", "每年培养").refused


def test_a_date_in_digits_is_no_value(kb):
    q = "《无人机巡检员职业技能评价规范》把巡检员分为几个技能等级？"
    assert "type" in scored_row(kb, q, "2023-06-15").refused
    assert "type" not in scored_row(kb, "《无人机装调工职业技能评价规范》把装调工分为几个技能等级？", "五个技能等级").refused
