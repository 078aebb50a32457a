"""Chat round 15 (issue 11): near misses answered with a neighbouring fact.
- A span of years that qualifies what is asked ("3年以上经验") must be named by the sentence: "5年以上" is
  another threshold (`span_numbers`, `span_ok`, tag `number`).
- "X量/额/数是多少" answered by a sentence that gives only a sibling metric with the same head character
  ("产量" for "交付量") is no answer (`sibling_amount`, tag `sibling`).
- A total to date asked (一共 / 累计 / 到现在), a per-period figure stated (每年…) is no answer
  (`flow_for_stock`, chat.yaml `cumulative_question`, `per_period_answer`, `cumulative_answer`; tag `flow`).
- "…N个甲里，乙有多少" states a whole and asks a part as "…中，" does: a sentence with only the whole's
  figure is no answer (`_PART_WITHIN_Q`, chat.yaml `part_within`; tag `part`).
- "除了甲，还有哪些": a sentence that lists nothing once 甲 is taken out is no answer (`excepted_items`,
  `lists_beyond`, chat.yaml `except_question`; tag `list`).
- A date written in digits (2023-06-15) is no value: a sentence that only dates a publication does not
  answer 几个 / 多少.
A small knowledge base of an invented industry (民用无人机), written for these tests."""
from __future__ import annotations

import pytest

from assistant import chat
from assistant.textproc import default_tokenizer
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

## 合作情况

示例无人机产教联盟首批成员包括42家单位，覆盖整机、飞控、培训等不同环节。

示例无人机产教联盟42家成员单位中有整机企业17家。

2022年新增的4个专业包括无人机应用技术。

2022年新增的4个专业包括无人机应用技术、无人机测绘技术和无人机植保技术。
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


def test_the_same_metric_of_another_noun_is_no_sibling():
    # 产量 after another noun is still 产量: whether the noun fits is the entity checks' business
    assert not chat.sibling_amount("24年无人机电池产量是多少块？", "全国锂电芯产量为120亿块。")


def test_a_whole_before_li_is_a_part_asked():
    q = "示例无人机产教联盟首批42家成员单位里，整机企业有多少家？"
    assert chat._PART_WITHIN_Q.search(q) and not chat._PART_OF_Q.search(q)
    assert chat.stated_total_part(q, "首批成员包括42家单位，覆盖整机、飞控、培训等不同环节。", default_tokenizer()._tok, {"42"})
    assert not chat.stated_total_part(q, "42家成员单位中有整机企业17家。", default_tokenizer()._tok, {"42"})


def test_the_whole_does_not_answer_the_part(kb):
    q = "示例无人机产教联盟首批42家成员单位里，整机企业有多少家？"
    assert "part" in scored_row(kb, q, "覆盖整机").refused
    assert "part" not in scored_row(kb, q, "整机企业17家").refused


def test_a_list_of_the_set_aside_item_only_is_no_answer(kb):
    q = "2022年新增的4个专业里，除了无人机应用技术，还有哪些？"
    assert chat.excepted_items(q) == ["无人机应用技术"]
    assert "list" in scored_row(kb, q, "包括无人机应用技术。").refused
    assert "list" not in scored_row(kb, q, "无人机测绘技术").refused
    assert chat.excepted_items("2022年新增了哪些专业？") == []
