"""Chat round 28 (issue 11): the tenth held-out set's misanswers, as general checks.
- "哪个论坛 / 哪场会议" asks a name of an event (chat.yaml `name_question`, kind `event`); "由哪个机构印发" no longer
  takes a common word ending in a name character (社会, 机会) nor a tagged word with a numeral (新一轮) for a name.
- A count of a long noun ("多少个某某员执照考试点"): the noun is read up to twelve characters and is said by its last
  three characters; a sentence about another thing gives no count of it (tag `counted`).
- "X的Y是多少" with the sentence giving Y to a neighbour of X ("甲类某某" asked, "乙类某某的Y" stated; `sibling_owner`,
  tag `owner`).
- An item the question opens on ("某某员这个新岗位的缺口有多大") named in the sentence only inside a list with no figure
  after it (`listed_name_only`, tag `listed`).
A small knowledge base of an invented industry (茶业), written for these tests."""
from __future__ import annotations

import pytest

from assistant import chat
from assistant.textproc import default_tokenizer
from tests.chat_helpers import kb_from_docs, scored_row

DOCS = {
    "2024_茶业人才报告.md": """# 茶业人才发展报告

在茶产业融合发展的背景下，茶叶审评师、茶园数字化管理员、茶饮调配师、茶文化讲解员等就业新方向应运而生。

据某市人社部门发布的新职业薪酬报告显示，茶叶审评师的年薪中位数约为9.6万元。

茶叶加工技师花费了一两万元参加培训，培训和考试时间大约一个月。

据介绍，全国茶园面积已达5000万亩。
""",
    "2024_茶业大会.md": """# 茶业大会综述

在第五届国际茶产业发展论坛上，有关负责人介绍，全国茶园面积已达5000万亩。

随着新一轮消费升级，社会对高品质茶叶的需求日益增长。
""",
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    return kb_from_docs(tmp_path_factory, DOCS, "round28")


def test_a_forum_or_a_meeting_asks_an_event_name():
    tok = default_tokenizer()
    assert chat.asked_name_type("茶园面积这个数字是在哪个论坛上公布的？", tok) == "event"
    assert chat.asked_name_type("这项标准是在哪次会议上通过的？", tok) == ""  # (哪次 is no name question word)
    assert chat.asked_name_type("这份方案是由哪个部门印发的？", tok) == "org"
    q = "茶园面积这个数字是在哪个论坛上公布的？"
    assert not chat.names_kind("event", "全国茶园面积已达5000万亩。", q, tok)
    assert chat.names_kind("event", "在第五届国际茶产业发展论坛上，有关负责人介绍，茶园面积已达5000万亩。", q, tok)


def test_common_words_are_no_organisation_names():
    tok = default_tokenizer()
    q = "《茶业振兴行动方案》是由哪个机构印发的？"
    assert not chat.names_kind("org", "随着新一轮消费升级，社会对高品质茶叶的需求日益增长。", q, tok)
    assert chat.names_kind("org", "该方案由茶业振兴工作领导小组印发。", q, tok)
    assert chat.names_kind("org", "方案由农业农村部印发。", q, tok)


def test_the_event_sentence_without_a_name_is_refused(kb):
    q = "茶园面积5000万亩这个数字是在哪个论坛上公布的？"
    assert "name" in scored_row(kb, q, "据介绍").refused
    assert "name" not in scored_row(kb, q, "第五届国际茶产业发展论坛").refused


def test_a_long_counted_noun():
    q = "全国共有多少个茶叶加工技师执照考试点？"
    noun = chat.counted_noun(q)
    assert noun.endswith("考试点") and len(noun) > 8
    assert not chat.counted_ok(noun, "茶叶加工技师花费了一两万元参加培训，培训和考试时间大约一个月。")
    assert chat.counted_ok(noun, "全国已设立考试点120个。")


def test_a_neighbour_owner_of_the_metric():
    q = "茶园数字化管理员的年薪中位数是多少？"
    said = "据某市人社部门发布的新职业薪酬报告显示，茶叶审评师的年薪中位数约为9.6万元。"
    assert not chat.sibling_owner("茶叶审评师的年薪中位数是多少？", said)
    assert not chat.sibling_owner(q, "报告显示茶园数字化管理员的年薪中位数约为8万元。")
    # another owner that shares the lead words: 茶园数字化管理员 vs 茶叶审评师 share only 茶
    assert not chat.sibling_owner(q, said)
    assert chat.sibling_owner("茶叶加工技师的年薪中位数是多少？", said)
    # the asked owner elaborated ("……岗位") is the same owner
    assert not chat.sibling_owner("茶叶审评师岗位的年薪中位数是多少？", said)


def test_the_neighbour_owner_sentence_is_refused(kb):
    q = "茶叶加工技师的年薪中位数是多少？"
    assert "owner" in scored_row(kb, q, "年薪中位数").refused
    assert "owner" not in scored_row(kb, "茶叶审评师的年薪中位数是多少？", "年薪中位数").refused


def test_a_listed_name_is_no_value():
    q = "茶园数字化管理员这个新岗位的人才缺口有多大？"
    said = "在茶产业融合发展的背景下，茶叶审评师、茶园数字化管理员、茶饮调配师等就业新方向应运而生。"
    assert chat.listed_name_only(q, said)
    assert not chat.listed_name_only(q, "茶叶审评师、茶园数字化管理员等岗位的缺口达到3万人。")
    assert not chat.listed_name_only(q, "茶园数字化管理员的缺口约为2万人。")
    assert not chat.listed_name_only("这个新岗位的人才缺口有多大？", said)
