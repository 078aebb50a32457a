"""Chat round 31 (issue 11): table cells asked by the table and the rank, not by words the row holds.
- Words that point at the table ("表里", "那张排行表", "一栏") or at the article it is in ("文章") are said by a table row's
  table (frame credit), are no unknown words and no owner or qualifier the row must name (chat.yaml `table_pointer`,
  `document_nouns`; `table_pointed`). A prose sentence gets no such credit.
- A ranking table's rank cell ("排名：3") says the asked place ("排第三", "位列榜首") and the rank words of the
  question; a row of another place is refused (`rank`), and gets no credit for them (chat.yaml `rank_terms`,
  `rank_first`, `rank_column`).
- "数额 / 数值" only say an amount is asked (chat.yaml `amount_words`): not an unknown noun when the knowledge base
  lacks it.
A small knowledge base of an invented industry (花卉), written for these tests; all fail on the code before round 31."""
from __future__ import annotations

import pytest

from assistant import chat
from tests.chat_helpers import kb_from_docs, scored_row

DOCS = {
    "2024_花卉周刊_2023年各省鲜切花销售额排名.txt": """2023年各省鲜切花销售额排名出炉
花农们最关心的是一年能卖多少钱。统计显示,2023年鲜切花销售额最高的5个省份是:
排名 | 省份 | 鲜切花销售额(亿元) |
---|---|---|
1 | 云南 | 386 |
2 | 广东 | 142 |
3 | 山东 | 97 |
4 | 江苏 | 88 |
5 | 浙江 | 71 |
云南凭借气候优势稳居第一,广东紧随其后。
""",
    "2024_花卉协会_鲜切花产业年度报告.txt": """鲜切花产业年度报告
2023年全国鲜切花种植面积达到120万亩,比上年增长4%。
各地花卉市场交易活跃,山东的鲜切花交易额比上年增长12%。
""",
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    return kb_from_docs(tmp_path_factory, DOCS, "round31")


ROW3 = "排名：3；省份：山东；鲜切花销售额(亿元)：97"
ROW2 = "排名：2；省份：广东；鲜切花销售额(亿元)：142"


def test_table_pointed_words():
    terms = {"表里": 1.0, "那张排行表": 1.0, "一栏": 1.0, "文章": 1.0, "排": 1.0, "第三": 1.0, "销售额": 1.0, "代表": 1.0}
    ranks, cut = chat.asked_table_ranks("那篇文章表里排第三的省份销售额是多少？")
    assert ranks == {3} and cut == 0
    assert chat.table_pointed(terms, ROW3, ranks, cut) == {"表里", "那张排行表", "一栏", "文章", "排", "第三"}
    # another place: the table words still, the rank words not
    assert chat.table_pointed(terms, ROW2, ranks, cut) == {"表里", "那张排行表", "一栏", "文章"}
    assert chat.table_rank(ROW3) == 3 and chat.table_rank("省份：山东；销售额：97") == 0
    assert chat.asked_table_ranks("位列榜首的是哪个省？")[0] == {1}
    assert chat.asked_table_ranks("前五名里浙江卖了多少？") == (set(), 5)
    # a top-five list does not hold the sixth place
    assert "前五" not in chat.table_pointed({"前五": 1.0}, "排名：6；省份：甲；销售额：9", set(), 5)


def test_rank_cell_answers_the_asked_place(kb):
    q = "鲜切花销售额排名那张表里，排第三的那个省份销售额是多少亿元？"
    assert "rank" not in scored_row(kb, q, "山东；").refused
    assert "rank" in scored_row(kb, q, "广东；").refused
    ans = chat.answer(q, kb)
    assert ans.grounded and "97" in ans.text and "142" not in ans.text


def test_table_words_and_article_are_no_owner_or_unknown(kb):
    q = "按该排行文章的鲜切花销售额前五名表格，位列榜首的云南一栏的销售数额是多少亿元？"
    row = scored_row(kb, q, "云南；")
    assert not {"entity", "unknown", "rank"} & set(row.refused)
    ans = chat.answer(q, kb)
    assert ans.grounded and "386" in ans.text
    # a prose sentence is no table row: no credit for the table words
    q = "那张表里山东的鲜切花交易额比上年增长了多少？"
    assert not scored_row(kb, q, "交易额比上年增长12%").credits.get("表里")


def test_amount_word_is_no_unknown_noun(kb):
    _, unknown = chat.term_weights("云南的鲜切花销售数额是多少？", kb)
    assert "数额" not in unknown
