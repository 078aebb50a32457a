"""Chat round 18 (issue 11): the errors of fresh13's one run.
- A table row leaves the asked cell blank ("总数：—"): no sentence answers (`blank_cell_asked`, tag `blank`).
- A group named by its count ("甲等四部门") does not list its members (`counted_group_short`, tag `group`).
- A date asked of an event: the clause naming the event has no date (`event_date_ok`, tag `event`).
- A year's figure asked, the sentence gives other years' figures only (`year_figure_missing`, tag `figure`).
- A sub-group stated by its figure, the sentence gives that figure as one item and the asked part of the whole
  (`whole_as_member`, tag `whole`); a figure restricted by "在某某市场" (`scope_adverbials`, tag `scope`).
- The right passage, the wrong sentence: what the question asks (`asked_focus`) is said by another sentence of the
  same document or the next sentence of a numbered item; it follows the chosen one (`focus_neighbour`).
A small knowledge base of an invented industry (民用无人机), written for these tests."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from assistant import chat
from assistant.textproc import default_tokenizer
from tests.chat_helpers import kb_from_docs, scored_row


DOCS = {
    "2024_民用无人机产业概况.md": """# 民用无人机产业概况

## 一、院校布点

表1 无人机专业布点

| 年份 | 开设无人机应用技术专业的院校数 | 中职学校总数 |
| --- | --- | --- |
| 2019 | 86 | — |
| 2023 | 240 | 7085 |

2019年，全国开设无人机应用技术专业的院校为86所；到2023年，全国7085所中职学校中已有240所开设该专业。

## 二、政策

2024年，民航局等四部门联合印发低空经济相关指导意见，提出培育一批通用航空企业。

## 三、从业人员

2022年底的18万从业人员中，整机制造约6万人，零部件约5万人，运营服务约7万人；持证飞手约9万人，约占50%。

## 四、存在问题

（一）飞手持证率有待提高。部分飞手未经系统培训即上岗作业，企业多靠自行带教。

（二）维修网点覆盖不足。偏远地区的机体维修仍需返厂。

## 五、发展目标

规划设定的阶段目标是：到2025年，全行业产值超过1500亿元；到2030年，主要环节达到国际先进水平。

## 六、下一年度计划

提高飞手持证率：编写飞手培训统一教材，统一实操考核标准；新建两个维修实训基地。
""",
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    return kb_from_docs(tmp_path_factory, DOCS, "round18")


def test_a_blank_cell_the_question_names():
    row = "年份：2019；开设无人机应用技术专业的院校数：86；中职学校总数：—"
    assert chat.blank_cell_asked("2019年全国中职学校总数是多少所？", row)
    # the cell asked has a value, or the blank column is not the one asked
    assert not chat.blank_cell_asked("2019年开设无人机应用技术专业的院校数是多少？", row)
    assert not chat.blank_cell_asked("2023年全国中职学校总数是多少所？", "年份：2023；院校数：240；中职学校总数：7085")


def test_the_blank_cell_makes_the_chat_abstain(kb):
    q = "2019年全国中职学校总数是多少所？"
    assert "blank" in scored_row(kb, q, "86所").refused
    assert not chat.answer(q, kb).grounded
    # the other year's row has the figure: no blank
    assert "blank" not in scored_row(kb, "2023年全国中职学校总数是多少所？", "7085").refused


def test_a_group_named_by_its_count():
    assert chat.counted_group_short("2024年，民航局等四部门联合印发低空经济相关指导意见。")
    assert not chat.counted_group_short("民航局、工业和信息化部、公安部、体育总局等四部门联合印发指导意见。")
    assert not chat.counted_group_short("民航局等部门联合印发指导意见。")  # no count: 等 is "and others"


def test_the_unlisted_members_are_no_answer(kb):
    q = "联合印发低空经济指导意见的四个部门，除民航局外还有哪几个？"
    assert "group" in scored_row(kb, q, "民航局等四部门").refused


def test_the_date_of_an_event():
    tok = default_tokenizer()
    verbs = chat.event_verbs("某无人机产教联盟是哪一年成立的？", tok)
    assert "成立" in verbs
    assert not chat.event_date_ok(verbs, "该校2018年开设无人机专业，并牵头成立了某无人机产教联盟。")
    assert chat.event_date_ok(verbs, "某无人机产教联盟于2020年5月成立。")
    assert chat.event_date_ok(verbs, "2020年5月，该校牵头成立了某无人机产教联盟。")
    assert chat.event_date_ok(verbs, "该校开设了无人机专业。")  # the event is not named: not judged here
    assert chat.event_verbs("某无人机产教联盟有多少成员？", tok) == set()


def test_a_figure_of_one_year_among_others():
    said = "规划设定的阶段目标是：到2025年，全行业产值超过1500亿元；到2030年，主要环节达到国际先进水平。"
    assert chat.year_figure_missing({"2030"}, said)
    assert not chat.year_figure_missing({"2025"}, said)
    assert not chat.year_figure_missing({"2030"}, "到2025年，产值超过1500亿元；到2030年，产值超过4000亿元。")
    assert not chat.year_figure_missing({"2030"}, "到2030年，全行业产值超过4000亿元。")  # one year only
    assert not chat.year_figure_missing({"2030"}, "2025年和2030年的产值目标分别为1500亿元和4000亿元。")
    # a year compared with is no clause of its own: the figure after it is the asked year's
    assert not chat.year_figure_missing({"2024"}, "2024年整机制造的比重由2020年的30%提高到36%。")
    assert chat.year_figure_missing({"2030"}, "到2025年产值超过1500亿元，到2030年主要环节达到国际先进水平。")


def test_the_other_years_figure_is_no_answer(kb):
    q = "规划提出到2030年全行业产值要达到多少亿元？"
    assert "figure" in scored_row(kb, q, "1500亿元").refused
    assert "figure" not in scored_row(kb, "规划提出到2025年全行业产值要达到多少亿元？", "1500亿元").refused


def test_a_sub_group_stated_as_one_item_of_the_whole():
    splitter = default_tokenizer()._tok
    said = "2022年底的18万从业人员中，整机制造约6万人，零部件约5万人，运营服务约7万人；持证飞手约9万人，约占50%。"
    assert chat.whole_as_member("2022年底运营服务约7万从业人员中，持证飞手有多少？", said, splitter)
    # the part's figure stands in the sub-group's own segment
    said2 = "运营服务约7万从业人员中，持证飞手约4万人，整机制造约6万人，零部件约5万人。"
    assert not chat.whole_as_member("2022年底运营服务约7万从业人员中，持证飞手有多少？", said2, splitter)
    # the question states the whole itself: the whole's part answers
    assert not chat.whole_as_member("2022年底18万从业人员中，持证飞手有多少？", said, splitter)


def test_a_market_restriction():
    assert chat.scope_adverbials("2024年无人机在海外市场卖了多少架？") == {"海外"}
    assert chat.scope_adverbials("2024年无人机一共卖了多少架？") == set()


def test_what_the_question_asks_of_a_premise():
    tok = default_tokenizer()
    assert {"打算", "改进"} <= chat.asked_focus("针对飞手持证率不高的问题，协会下一步打算如何改进培训？", tok)
    # a word the premise says too is the topic, not what is asked
    assert "培训" not in chat.asked_focus("针对飞手培训不足的问题，协会下一步打算如何改进培训？", tok)
    assert chat.asked_focus("2024年无人机卖了多少架？", tok) == set()  # a figure: the other checks


def test_the_next_sentence_of_a_numbered_item():
    hit = SimpleNamespace(text="（一）飞手持证率有待提高。部分飞手未经系统培训即上岗作业。\n（二）维修网点少。偏远地区仍需返厂。")
    assert chat.item_follower(hit, "飞手持证率有待提高。") == "部分飞手未经系统培训即上岗作业。"
    assert chat.item_follower(hit, "部分飞手未经系统培训即上岗作业。") == ""  # not the item's lead
    long_lead = SimpleNamespace(text="（一）飞手持证率近三年来在各个地区的运营服务企业中都有待进一步提高。部分飞手未经培训。")
    assert chat.item_follower(long_lead, "飞手持证率近三年来在各个地区的运营服务企业中都有待进一步提高。") == ""


def test_the_sentence_that_says_what_is_asked_follows(kb):
    q = "针对飞手持证率不高的问题，协会下一步打算如何改进？"
    chosen, _, _ = chat.choose(q, kb.search(q, top_k=5), kb)
    text = "".join(c.sentence for c in chosen)
    assert "编写飞手培训统一教材" in text
    q = "无人机维修网点不够，具体表现在哪？"
    chosen, _, _ = chat.choose(q, kb.search(q, top_k=5), kb)
    sentences = [c.sentence for c in chosen]
    assert sentences[:2] == ["维修网点覆盖不足。", "偏远地区的机体维修仍需返厂。"]
    # a question the chosen sentence answers takes no follower for its sake
    q = "飞手持证率存在什么问题？"
    chosen, _, _ = chat.choose(q, kb.search(q, top_k=5), kb)
    assert "编写飞手培训统一教材" not in "".join(c.sentence for c in chosen)
