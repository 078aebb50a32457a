"""Chat round 35 (issue 11): where a meeting was held, a city the list did not know, a plan's target for a year.
- "在哪家酒店召开 / 地点在哪" asks a place (chat.yaml `where_question`): a sentence naming no place, no venue
  (`venue_endings`: ……酒店, ……党校) does not answer it (`wh_ok`).
- The places a question names are checked against the evidence; the list now holds every prefecture-level city
  (assistant/data/prefectures.yaml), so a question about 绍兴 is not answered by a sentence about 嘉兴 and 杭州.
- Asked for the state at a time ("截至2022年底有多少"), a sentence that names that year only as a plan's target
  ("力争到2022年培育30家") does not answer (`target_year_only`).
A small knowledge base of an invented field (竹编), written for these tests; each test fails on the code before round 35.
"""
from __future__ import annotations

import pytest

from assistant import chat
from assistant.textproc import private_tokenizer
from tests.chat_helpers import kb_from_docs, scored_row

NO_PLACE = "2024年竹编产业联盟年会期间，联盟第二届理事单位选举会议召开，某竹艺公司当选副理事长单位。"
VENUE = "2024年竹编产业联盟年会于10月18日至19日在竹乡国际酒店举行，来自各地的120家竹编企业参会。"
CITIES = "2023年竹编从业者收入调查显示，嘉兴竹编艺人月均收入5160元，杭州竹编艺人月均收入5604元。"
TARGET = "《竹编产业振兴方案》提出，力争到2022年培育扶持30家竹编龙头企业，建设10个竹编技艺传习基地。"
COUNT = "截至2023年底，全省竹编企业共有1260家，从业人员4.2万人。"
DOCS = {
    "2024_某省竹编产业联盟_年会纪要.txt": f"竹编产业联盟年会纪要\n{VENUE}\n{NO_PLACE}\n",
    "2024_某省竹编协会_竹编产业发展报告.txt": f"竹编产业发展报告\n{CITIES}\n{TARGET}\n{COUNT}\n",
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    return kb_from_docs(tmp_path_factory, DOCS, "round35")


def test_where_question_wants_a_place_or_venue(kb):
    q = "2024年竹编产业联盟年会在哪家酒店召开？"
    assert chat.wh_kind(q) == "where"
    assert chat.wh_kind("竹编产业联盟年会的举办地点在哪？") == "where"
    assert chat.wh_kind("竹编产业联盟年会有多少家企业参会？") == ""
    tok = private_tokenizer()
    assert not chat.wh_ok("where", q, NO_PLACE, tok)
    assert chat.wh_ok("where", q, VENUE, tok)  # a venue named by its word, no place name tagged
    assert "wh" in scored_row(kb, q, "选举会议召开").refused
    ans = chat.answer(q, kb)
    assert not ans.grounded or "竹乡国际酒店" in ans.text


def test_prefecture_city_named_in_the_question(kb):
    q = "2023年竹编从业者收入调查中，绍兴竹编艺人的月均收入是多少？"
    assert "绍兴" in chat._PLACE_RX.findall(q)
    assert "place" in scored_row(kb, q, "5160元").refused
    # a city the sentence names is still answered
    assert "place" not in scored_row(kb, "2023年竹编从业者收入调查中，嘉兴竹编艺人的月均收入是多少？", "5160元").refused


def test_state_at_a_time_not_answered_by_a_target(kb):
    q = "截至2022年底，全省竹编龙头企业有多少家？"
    assert chat.target_year_only(q, TARGET, {"2022年"})
    # the target asked, or the year stated as a count: not refused
    assert not chat.target_year_only("力争到2022年要培育扶持多少家竹编龙头企业？", TARGET, {"2022年"})
    assert not chat.target_year_only("截至2023年底，全省竹编企业有多少家？", COUNT, {"2023年"})
    assert "period" in scored_row(kb, q, "30家").refused
    ans = chat.answer(q, kb)
    assert not ans.grounded or "30家" not in ans.text
