"""Chat round 20 (issue 11): coverage and sentence choice with the knowledge base's shorter units (long paragraphs cut
into units of about 120 characters, a passage being a window of them).
- A line that ends with a clause mark is the first part of a sentence cut at a unit boundary (`rejoin_clauses`).
- The pieces of a colloquial question word ("来着" → 来 / 着) are no content (`ASKING_SPAN_CHARS`).
- A name of the question (a body, a place, a 《title》) found further back in the passage counts `EARLIER_CREDIT`
  (`context_names`, `term_credits`); its other words do not.
- A four-digit count ("2051人") is no year (`_stated_years`, chat.yaml `count_units`).
- A sentence that says "目前" speaks of its document's year (`present_words`, `PRESENT_YEAR_GAP`).
- A word the question inserts in the sentence's phrase makes another figure (`inserted_word`, tag `modifier`).
- The attribute of "甲比2019年增长了多少" is 甲 (`attribute_terms`).
- A title word ending with the owner names one of them (`owner_ok`, `OWNER_COMPOUND`).
- A section heading "甲：<what the question describes>" answers it (`heading_answer`).
- "百岁及以上" is no pair of items in "…中甲和乙分别…" (`split_question`).
- The sum of a pair of one kind ("甲货船和乙货船达2051艘") is no figure of the member asked (`joined_group`, tag `member`).
- The figure in the asked unit given only in a clause of the bare head is the whole's (`unit_figure_elsewhere`, tag `part`).
A small knowledge base of an invented industry (电动船舶), written for these tests."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from assistant import chat
from assistant.textproc import default_tokenizer
from tests.chat_helpers import kb_from_docs, scored_row

DOCS = {
    "2024_电动船舶市场观察.md": """# 电动船舶市场观察

本报讯 近日，交通运输部办公厅印发《关于加快内河电动船舶推广应用的通知》（以下简称《通知》）。这是首个专门支持内河电动船舶的文件。
《通知》从充换电设施、船型标准等多个方向出发，提出5个方面18项措施。
有关机构测算，我国电动船舶市场规模目前在320亿元左右。展望未来，到2030年有望突破1000亿元。
""",
    "2023_内河电动船舶统计.md": """# 内河电动船舶统计

截至2023年底，全国内河电动船舶保有量为2051艘，较2022年增长36.2%；其中货船1234艘。
载重1000吨及以上电动船舶中，内河船舶812艘，沿海船舶96艘。
""",
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    return kb_from_docs(tmp_path_factory, DOCS, "round20")


def test_a_clause_cut_at_a_unit_boundary_is_joined_back():
    text = "2024年汛期到来之前，\n交通运输部给内河船员代表回信，勉励大家安全行船。\n另一段落写的是别的事情。"
    assert chat.split_sentences(text)[0] == "2024年汛期到来之前，交通运输部给内河船员代表回信，勉励大家安全行船。"
    # a line with its own sentence end stays apart, and so do table lines
    assert len(chat.split_sentences("第一句写完了。\n第二句另起一行。")) == 2
    assert chat.rejoin_clauses(["年份 | 艘数，", "2023 | 2051"]) == ["年份 | 艘数，", "2023 | 2051"]
    assert chat.rejoin_clauses(["甲说，", "乙也说。"]) == ["甲说，乙也说。"]


def test_the_pieces_of_a_colloquial_question_word_are_no_content(kb):
    terms, _ = chat.term_weights("电动船舶最多的是哪仨港区来着？", kb)
    assert "着" not in terms and "来着" not in terms
    # a word of the question outside any question word still counts
    assert "电动船舶" in terms or "船舶" in terms


def test_a_name_said_further_back_in_the_passage_counts_a_little():
    terms = {"交通运输部": 3.0, "措施": 2.0, "报道": 2.0}
    said = "《通知》提出5个方面18项措施。"
    earlier_text = "交通运输部办公厅印发《关于加快内河电动船舶推广应用的通知》。"
    tok = default_tokenizer()
    c = chat.term_credits(terms, set(tok.tokenize(said)), set(), said, "", earlier=set(tok.tokenize(earlier_text)),
                          earlier_text=earlier_text, earlier_skip={"措施", "报道"})
    assert c["交通运输部"] == chat.EARLIER_CREDIT and c["措施"] == 1.0 and c["报道"] == 0.0
    # a word that is not a name gets nothing from further back
    c = chat.term_credits({"汛期": 2.0}, set(), set(), "提出18项措施。", "", earlier={"汛期"}, earlier_text="汛期之前",
                          earlier_skip={"汛期"})
    assert c["汛期"] == 0.0


def test_the_names_of_a_question():
    tok = default_tokenizer()
    q = "那篇报道称，交通运输部的《通知》提出了几项措施？"
    names = chat.context_names(q, {t: 1.0 for t in tok.tokenize(q)}, tok)
    assert "通知" in names  # a word of the 《title》
    assert "措施" not in names and "提出" not in names and "报道" not in names


def test_the_earlier_name_answers_the_count(kb):
    q = "那篇报道说，交通运输部的《通知》一共提出了几个方面、多少项措施？"
    row = scored_row(kb, q, "18项措施")
    assert not row.refused
    assert row.credits.get("交通运输") == chat.EARLIER_CREDIT  # (the name, tagged nt, said two sentences before)
    assert row.credits.get("报道") == 0.0


def test_a_four_digit_count_is_no_year():
    tok = default_tokenizer()
    said = "全国内河电动船舶保有量为2051艘，其中货船1234艘。"
    assert chat._stated_years(set(tok.tokenize(said)), said) == set()
    said = "2023年，全国内河电动船舶保有量明显增加。"
    assert chat._stated_years(set(tok.tokenize(said)), said) == {"2023"}


def test_a_sentence_about_now_is_about_its_document_year(kb):
    # the document is of 2024: "目前" is about 2024, not 2019
    assert scored_row(kb, "2019年我国电动船舶市场规模有多大？", "320亿元").year_conflict
    assert not scored_row(kb, "2024年我国电动船舶市场规模有多大？", "320亿元").year_conflict
    assert not scored_row(kb, "我国电动船舶市场规模有多大？", "320亿元").year_conflict


def test_a_word_inserted_in_the_phrase_is_another_figure():
    tok = default_tokenizer()
    q = "全国内河电动船舶平均实际续航里程是多少公里？"
    tags = chat._pos_tags(q, tok)
    said = "全国内河电动船舶平均续航里程为180公里。"
    assert chat.inserted_word(tags, said, said) == "实际"
    # the sentence or its context says the word, or the sentence has the whole phrase: nothing inserted
    assert chat.inserted_word(tags, said, "实际运营中 " + said) == ""
    said = "全国内河电动船舶平均实际续航里程为150公里。"
    assert chat.inserted_word(tags, said, said) == ""


def test_the_attribute_of_a_change_since_a_year():
    tok = default_tokenizer()
    assert "保有量" in chat.attribute_terms("2023年全国内河电动船舶保有量比2022年增长了多少？", tok)
    # the sentence that gives another noun's growth lacks the attribute
    attribute = chat.attribute_terms("2023年全国内河电动船舶充电桩数量比2022年增长了多少？", tok)
    assert attribute and not chat._mentions_focus(attribute, "全国内河电动船舶保有量为2051艘，较2022年增长36.2%")


def test_a_title_word_ending_with_the_owner_names_one():
    words = {"长江", "电动船舶产业联盟", "年会"}
    assert chat.owner_ok([("联盟", "秘书处")], "秘书处将在三个方面发力。", words)
    assert not chat.owner_ok([("协会", "秘书处")], "秘书处将在三个方面发力。", words)
    assert chat.OWNER_COMPOUND


def test_a_heading_that_states_the_answer():
    hit = SimpleNamespace(heading="电动船舶发展环境 > （一）电池成本下降：需求侧的首要推动力", text="", title="")
    q = "那篇分析把什么视作需求侧的首要推动力？"
    best = chat._Scored("电池价格三年下降了四成，船东更愿意换装电动船舶。", 0, 0.7, 1.6)
    assert chat.heading_answer(q, best, hit, None) == "（一）电池成本下降：需求侧的首要推动力"
    # (a sentence that shares one of those words still leaves the rest to the heading)
    assert chat.heading_answer(q, chat._Scored("船东的需求上升了。", 0, 0.7, 1.6), hit, None)
    # the sentence says what the question describes, or the heading has no colon: the sentence answers alone
    said = chat._Scored("需求侧的首要推动力是电池成本下降。", 0, 0.7, 1.6)
    assert chat.heading_answer(q, said, hit, None) == ""
    assert chat.heading_answer(q, best, SimpleNamespace(heading="（一）电池成本下降", text="", title=""), None) == ""
    # an amount asked: no heading answer
    assert chat.heading_answer("需求侧的首要推动力有多少亿元？", best, hit, None) == ""


def test_a_threshold_is_no_item_of_a_pair():
    parts = chat.split_question("载重1000吨及以上电动船舶中内河和沿海分别有多少艘？", default_tokenizer())
    assert parts == ["载重1000吨及以上电动船舶中内河有多少艘？", "载重1000吨及以上电动船舶中沿海有多少艘？"]
    # a plain pair still splits
    assert len(chat.split_question("内河和沿海分别有多少艘？", default_tokenizer())) == 2


def test_more_cities_are_places():
    assert chat._PLACE_RX.findall("大连的电动船舶有多少艘？") == ["大连"]
    assert chat._PLACE_RX.findall("出海口的电动船舶有多少艘？") == []


def test_the_sum_of_a_pair_is_no_member_figure():
    said = "据统计，全省内河电动货船和沿海电动货船达2051艘，充电设施有一定缺口。"
    assert chat.joined_group("全省沿海电动货船有多少艘？", said) == "沿海电动货船"
    # the question asks of both, of the pair's sum, or the sentence gives each its own figure
    assert chat.joined_group("全省内河电动货船和沿海电动货船一共有多少艘？", said) == ""
    assert chat.joined_group("全省沿海电动货船有多少艘？", "内河电动货船和沿海电动货船分别达1800艘和251艘。") == ""
    # a pair of two kinds (no shared head) is no sum of one kind
    assert chat.joined_group("全省货船有多少艘？", "全省货船和客船达2051艘。") == ""


def test_the_figure_in_the_asked_unit_belongs_to_the_whole():
    pairs = [("内河", "港口")]
    said = "港口充电设施412个，充电功率3.6万千瓦；其中，内河港口充电设施305个，沿海港口107个。"
    assert chat.unit_figure_elsewhere(pairs, "千瓦", said)
    # the asked unit's figure in the pair's own clause, or no clause naming the head with that figure
    assert not chat.unit_figure_elsewhere(pairs, "千瓦", "内河港口充电设施305个，充电功率2.7万千瓦；沿海港口107个。")
    assert not chat.unit_figure_elsewhere(pairs, "千瓦", "内河港口充电设施305个；总功率3.6万千瓦。")
    assert not chat.unit_figure_elsewhere(pairs, "", said)
