"""Chat round 17 (issue 11): a neighbouring head for the one asked; the month of a numbered document.
- The question's qualifier stands in the sentence before another head ("冷链装备" for "冷链车厢") and the
  question's head is nowhere in the sentence, the one before it or its frame (`rival_head`, tag `head`).
- A document named by its number ("交运函〔2021〕18号") asked its month or day: the sentence must give a month
  of the number's year, not the year alone (`asked_month_years`, `month_in_year_ok`, tag `date`).
A small knowledge base of an invented industry (冷链物流), written for these tests."""
from __future__ import annotations

import pytest

from assistant import chat
from assistant.textproc import default_tokenizer
from tests.chat_helpers import kb_from_docs, scored_row


DOCS = {
    "2024_冷链物流发展简报.md": """# 冷链物流发展简报

## 装备出口

2024年冷链装备出口42.5亿元，同比增长8%。

冷链车厢是近年冷链设备中更新最快的一类，保温材料不断升级。

## 企业情况

示例冷链运输公司拥有冷库6座、冷藏车约320辆，员工约900人。

## 政策

交通运输部办公厅2021年印发《冷链运输服务规范》（交运办〔2021〕18号），要求全程温度可追溯。

交通运输部2023年5月印发《冷链物流标准化工作要点》（交运发〔2023〕7号）。
""",
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    return kb_from_docs(tmp_path_factory, DOCS, "round17")


def test_a_neighbouring_head():
    tok = default_tokenizer()
    df = {"冷链": 3, "车厢": 1, "装备": 1, "冷库": 1}
    q = "2024年冷链车厢出口了多少亿元？"
    said = "2024年冷链装备出口42.5亿元，同比增长8%。"
    assert chat.rival_head(q, said, f"装备出口 {said}", tok, df)
    # the head asked stands in the frame or the sentence: the sentence is about it
    assert not chat.rival_head(q, said, f"冷链车厢出口 {said}", tok, df)
    assert not chat.rival_head("2024年冷链装备出口了多少亿元？", said, f"装备出口 {said}", tok, df)
    # a verb after the qualifier is no rival noun
    said = "2024年冷链运输出口服务42.5亿元。"
    assert not chat.rival_head(q, said, said, tok, df)
    # the qualifier stands alone (not before another head): nothing to tell apart
    said = "冷链：出口42.5亿元。"
    assert not chat.rival_head(q, said, said, tok, df)
    # a word of amount is no head: 销售规模 is asked of the same thing as 销售额
    df2 = dict(df, 销售=2, 规模=1)
    said = "2024年冷链装备销售额为42.5亿元。"
    assert not chat.rival_head("2024年冷链装备销售规模是多少？", said, said, tok, df2)
    # a head the knowledge base never names is the asker's wording, for the other checks
    assert not chat.rival_head("2024年冷链箱体出口了多少亿元？", "2024年冷链装备出口42.5亿元。", "", tok, df)


def test_the_neighbouring_heads_figure_is_no_answer(kb):
    assert "head" in scored_row(kb, "2024年冷链车厢出口了多少亿元？", "42.5").refused
    assert "head" not in scored_row(kb, "2024年冷链装备出口了多少亿元？", "42.5").refused
    assert "head" in scored_row(kb, "示例冷链运输公司一共有多少台冷藏设备？", "冷藏车约320辆").refused


def test_the_month_of_a_numbered_document():
    q = "交运办〔2021〕18号这份规范是几月份印发的？"
    assert chat.asked_month_years(q) == {"2021"}
    assert not chat.month_in_year_ok(q, "交通运输部办公厅2021年印发《冷链运输服务规范》（交运办〔2021〕18号）。")
    assert chat.month_in_year_ok(q, "交通运输部办公厅2021年9月印发《冷链运输服务规范》（交运办〔2021〕18号）。")
    # no month or day asked: the year is the answer
    assert chat.asked_month_years("交运办〔2021〕18号是哪一年印发的？") == set()
    assert chat.asked_month_years("这份规范是几月份印发的？") == set()
    assert chat.asked_month_years("2023年几月印发了工作要点？") == {"2023"}


def test_the_year_alone_does_not_date_the_month(kb):
    q = "交运办〔2021〕18号这份规范是几月份印发的？"
    assert "date" in scored_row(kb, q, "2021年印发").refused
    q = "交运发〔2023〕7号是几月份印发的？"
    assert "date" not in scored_row(kb, q, "2023年5月").refused
