"""Chat round 5 (issue 11, unseen paraphrases): colloquial two-digit years, a month's own figure asked as
the year's, an amount of which the sentence gives only the rate, a part (one sub-sector) answered with the
total or another part, the year of a sentence taken from the one before it, and four-digit amounts that
are no years. A small knowledge base of an invented industry (光伏组件), written for these tests."""
from __future__ import annotations

import pytest

from assistant import chat
from tests.chat_helpers import kb_from_docs

DOCS = {
    "2024_组件贸易.md": """# 2024年光伏组件进出口简报

## 一、全年概况

据海关统计，2024年光伏组件出口额按人民币计为2351.6亿元，创历年新高。

2023年光伏组件出口额为2100.2亿元，同比增长8.3%。

## 二、月度

8月当月光伏组件出口额251.8亿元，同比增长18.2%，已连续10个月同比增长。
""",
    "2022_组件进出口.md": """# 2022年光伏组件进出口说明

按人民币计，2022年光伏组件进口总额1766亿元，比上年下降0.9%；出口总额比上年增长3.5%。
""",
    "2025_组件来源地.md": """# 2025年光伏组件进口来源

2025年进口光伏组件59亿片，进口金额3040亿元，占进口贸易总额的1.43%，高于2024年的1.22%。从来源地看，自韩国进口金额1089亿元，占35.9%，居第一位。
""",
    "组件从业人员.md": """# 光伏组件行业从业人员

2020年光伏组件行业从业人员规模约54.1万人，同比增长5.7%。

2017年底的40万从业人员中，电池片环节约14万人，封装环节约12万人，辅材环节约14万人。
""",
    "组件逆差.md": """# 2022年光伏组件细分品类进口

在细分品类中，双面组件进口金额2051亿元，占组件进口额的49.2%，同比增长2.7%。双面组件贸易逆差1528亿元，单面组件贸易逆差310亿元。
""",
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    return kb_from_docs(tmp_path_factory, DOCS, "round5")


@pytest.mark.parametrize("question, expanded", [
    ("24年光伏组件出口额是多少？", "2024年光伏组件出口额是多少？"),
    ("前年也就是22年，出口增长多少？", "前年也就是2022年，出口增长多少？"),
    ("在23年全国有多少家？", "在2023年全国有多少家？"),
    ("存续期为15年吗？", "存续期为15年吗？"),  # a duration
    ("近10年增长了多少？", "近10年增长了多少？"),
    ("15年以上的企业有多少？", "15年以上的企业有多少？"),
    ("2024年产量是多少？", "2024年产量是多少？"),
])
def test_two_digit_years_are_read_as_years(question, expanded):
    assert chat.expand_short_years(question) == expanded


def test_a_colloquial_two_digit_year_picks_that_years_figure(kb):
    ans = chat.answer("23年光伏组件出口额是多少亿元？", kb)
    assert ans.grounded, ans.notes
    assert "2100.2亿元" in ans.text and "2351.6" not in ans.text
    assert ans.question == "23年光伏组件出口额是多少亿元？"  # the question as asked


def test_a_months_own_figure_is_not_the_years(kb):
    q = "2024年全年光伏组件出口额同比增长多少？"
    scored = chat.score_sentences(q, kb.search(q, top_k=5), kb)
    month = next(x for x in scored if "8月当月" in x.sentence)
    assert "period" in month.refused
    q = "2024年8月光伏组件出口额同比增长多少？"  # a month asked: its own figure is the answer
    scored = chat.score_sentences(q, kb.search(q, top_k=5), kb)
    assert "period" not in next(x for x in scored if "8月当月" in x.sentence).refused


def test_abstains_when_only_a_months_growth_is_given(kb):
    ans = chat.answer("2024年全年光伏组件出口额同比增长多少？", kb)
    assert not ans.grounded, ans.text


def test_an_amount_given_only_as_a_rate_is_not_answered(kb):
    q = "2022年光伏组件出口总额是多少亿元？"
    focus = {"总额"}
    assert chat.rate_only(focus, "亿元", "进口总额1766亿元，比上年下降0.9%；出口总额比上年增长3.5%。", q)
    assert not chat.rate_only(focus, "亿元", "出口总额1766亿元，比上年增长3.5%。", q)
    ans = chat.answer(q, kb)
    assert not ans.grounded, ans.text
    ans = chat.answer("2022年光伏组件进口总额是多少亿元？", kb)
    assert ans.grounded and "1766亿元" in ans.text


def test_a_part_asked_is_not_answered_with_the_total(kb):
    ans = chat.answer("2020年光伏组件电池片环节从业人员有多少人？", kb)
    assert not ans.grounded, ans.text
    ans = chat.answer("2020年光伏组件行业从业人员有多少人？", kb)
    assert ans.grounded and "54.1万人" in ans.text


def test_the_year_of_a_sentence_is_the_one_the_sentence_before_opens_with(kb):
    ans = chat.answer("2024年自韩国进口光伏组件的金额占比是多少？", kb)
    assert not ans.grounded, ans.text
    ans = chat.answer("2025年自韩国进口光伏组件的金额占比是多少？", kb)
    assert ans.grounded and "35.9%" in ans.text


def test_a_four_digit_amount_is_not_a_year(kb):
    assert chat._stated_years({"2051", "2022"}, "双面组件进口金额2051亿元，2022年") == {"2022"}
    ans = chat.answer("22年双面组件的贸易逆差多大？", kb)
    assert ans.grounded and "1528亿元" in ans.text


def test_an_amount_word_leaves_the_attribute_to_the_word_before_it(kb):
    tok = kb.tokenizer
    assert chat.focus_terms("某公司目前的在岗员工规模是多少？", tok) == {"员工"}
    assert chat.focus_terms("2024年组件出口规模是多少？", tok) == {"出口"}
    assert chat.focus_terms("规模是多少？", tok) == {"规模"}  # nothing before it: the word itself
    assert chat._mentions_focus(chat.focus_terms("某公司目前的在岗员工规模是多少？", tok), "在岗员工约5200人。")
