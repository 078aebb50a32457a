"""Chat round 27 (issue 11): the ninth held-out set's three misanswer classes, as general checks.
- A list question that states its count ("四个环节是哪几个"): a sentence that counts other items ("3个方面") and neither
  says the question's number nor lists that many items answers another list (`stated_count`, `count_conflict`;
  chat.yaml `stated_count_question`, `item_count_nouns`; tag `items`).
- "哪个平台 / 哪家机构 / 什么系统" asks a name of that kind: a sentence that names none does not answer
  (`asked_name_type`, `names_kind`; chat.yaml `name_question`, `name_head_types`, `name_endings`, `name_tags`; tag `name`).
- A date asked of an activity, no place named ("认定工作啥时候开始"): a sentence whose dated clause has a place for its
  subject ("2015年，某县被认定为……") dates that place's event (`dated_place_subject`; tag `subject`); "啥时候" asks a date.
A small knowledge base of an invented industry (蜂业), written for these tests."""
from __future__ import annotations

import pytest

from assistant import chat
from assistant.textproc import default_tokenizer
from tests.chat_helpers import kb_from_docs, scored_row

DOCS = {
    "2024_蜂业发展规划解读.md": """# 蜂业发展规划解读

近日，有关部门印发《蜂业高质量发展规划》，对蜂业基础设施建设作出部署，主要涵盖蜂种保护、蜂产品加工、市场流通3个方面，为蜂业振兴提供支撑。

规划期间，要聚焦蜂种选育、饲养管理、产品检测和品牌营销四大环节，建设一批标志性工程。
""",
    "2024_蜂农调查报告.md": """# 蜂农技术人员现状调查报告

调研问卷面向省、市两级蜂业技术推广机构中从事养殖指导的技术人员，并与部分蜂农进行了座谈。

本次调查通过“蜂农通”小程序在线发放问卷，收回有效问卷300份。
""",
    "2023_蜂业示范县认定.md": """# 蜂业示范县认定结果公布

蜂业示范县认定工作自2020年5月启动，经过县级申报、专家评审、公开公示等环节，认定一批县为国家级蜂业示范县。

2015年，青川县被认定为国家级蜂业示范基地县，2021年获新一轮示范县认定。
""",
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    return kb_from_docs(tmp_path_factory, DOCS, "round27")


def test_the_stated_count_of_a_list_question():
    assert chat.stated_count("蜂业规划要重点抓的四个环节是哪几个？") == (4, "环节")
    assert chat.stated_count("规划提出的三大任务是什么？") == (3, "任务")
    assert chat.stated_count("这两个方面分别是什么？") == (2, "方面")
    # no count stated, or a count that is no list of items
    assert chat.stated_count("规划有哪些重点环节？") == (0, "")
    assert chat.stated_count("“十四五”蜂业规划有哪些目标？") == (0, "")
    assert chat.stated_count("2030年的目标是什么？") == (0, "")


def test_another_count_of_items_is_another_list():
    said = "主要涵盖蜂种保护、蜂产品加工、市场流通3个方面，为蜂业振兴提供支撑。"
    assert chat.count_conflict(4, "环节", said)
    # the same count, or that many items listed
    assert not chat.count_conflict(3, "方面", said)
    assert not chat.count_conflict(4, "环节", "聚焦蜂种选育、饲养管理、产品检测和品牌营销四大环节。")
    assert not chat.count_conflict(4, "环节", "涵盖选育、饲养、检测、营销等3个方面的工作。")
    # four other things listed in another clause do not make the counted three four
    assert chat.count_conflict(4, "环节", "对总体思路、框架体系、重点项目、保障措施等作出部署，主要涵盖甲、乙、丙3个方面。")
    # a sentence that counts nothing is not judged here
    assert not chat.count_conflict(4, "环节", "规划对蜂业基础设施建设作出部署。")


def test_the_other_count_sentence_is_refused(kb):
    q = "蜂业规划要重点抓的四个环节是哪几个？"
    assert "items" in scored_row(kb, q, "市场流通3个方面").refused
    assert "items" not in scored_row(kb, q, "品牌营销四大环节").refused
    # asked for the three aspects, the same sentence answers
    assert "items" not in scored_row(kb, "蜂业规划主要涵盖的三个方面是什么？", "市场流通3个方面").refused


def test_the_kind_of_name_asked():
    tok = default_tokenizer()
    assert chat.asked_name_type("调查借助哪个平台在线发放问卷？", tok) == "site"
    assert chat.asked_name_type("这份报告是哪家机构编写的？", tok) == "org"
    assert chat.asked_name_type("这个数字是哪家媒体报道的？", tok) == "press"
    # the kind word qualifies a noun after it: no name asked
    assert chat.asked_name_type("蜂产品加工企业享受什么企业所得税优惠？", tok) == ""
    assert chat.asked_name_type("调查收回了多少份问卷？", tok) == ""


def test_a_name_of_the_kind_asked():
    tok = default_tokenizer()
    q = "调查借助哪个平台在线发放问卷？"
    assert chat.names_kind("site", "本次调查通过“蜂农通”在线发放问卷。", q, tok)
    assert chat.names_kind("site", "问卷经蜂农服务平台发放。", q, tok)
    assert not chat.names_kind("site", "调研问卷面向省、市两级技术人员。", q, tok)
    assert not chat.names_kind("site", "问卷经该平台发放。", q, tok)  # (该平台 names none)
    assert chat.names_kind("org", "报告由蜂业协会编写。", "报告是哪家机构编写的？", tok)
    assert not chat.names_kind("org", "报告共分五章。", "报告是哪家机构编写的？", tok)


def test_a_sentence_without_the_name_is_refused(kb):
    q = "蜂农技术人员调查借助哪个平台在线发放问卷？"
    assert "name" in scored_row(kb, q, "调研问卷面向").refused
    assert "name" not in scored_row(kb, q, "蜂农通").refused
    # asked whom the survey addressed, the first sentence is not judged for a name
    assert "name" not in scored_row(kb, "蜂农技术人员调查的问卷面向哪些人？", "调研问卷面向").refused


def test_sha_shihou_asks_a_date():
    assert chat.expected_type("蜂业示范县认定工作是啥时候开始的？") == "date"
    assert chat.expected_type("蜂业进入了啥时代？") != "date"


def test_a_place_subject_dates_its_own_event():
    tok = default_tokenizer()
    q = "蜂业示范县认定工作是啥时候开始的？"
    assert chat.dated_place_subject(q, "2015年，青川县被认定为国家级蜂业示范基地县，2021年获新一轮示范县认定。", tok)
    assert not chat.dated_place_subject(q, "认定工作自2020年5月启动，经过申报、评审，认定一批县为示范县。", tok)
    assert not chat.dated_place_subject(q, "2020年，农业农村部启动了示范县认定工作。", tok)
    # the place does the activity itself: it may be the start asked
    assert not chat.dated_place_subject(q, "2020年，四川省率先启动了示范县认定工作。", tok)
    assert chat.dated_place_subject(q, "2016年，四川入选首批蜂业示范省。", tok)


def test_the_place_sentence_is_refused_for_the_activity(kb):
    q = "蜂业示范县认定工作是啥时候开始的？"
    assert "subject" in scored_row(kb, q, "青川县被认定").refused
    assert "subject" not in scored_row(kb, q, "2020年5月启动").refused
    # the question names the place: its event is what is asked
    assert "subject" not in scored_row(kb, "青川县是哪一年被认定为蜂业示范基地县的？", "青川县被认定").refused
