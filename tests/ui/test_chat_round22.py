"""Chat round 22 (issue 11): three kinds of wrong answer, as classes.
- A year a sentence names only as a basis (恢复至某年的84%, 较某年增长) is not the year it is about (`base_years`).
- A day asked (落款日期、哪一天) wants a sentence that gives a day (`asks_day`, tag `day`); a year inside a
  《title》 is no day.
- A rate's level asked (某某率是多少) is not answered by its change alone (提升2个百分点) (`asked_level`,
  `change_for_level`, tag `level`).
A small knowledge base of an invented industry (林木种苗), written for these tests."""
from __future__ import annotations

import pytest

from assistant import chat
from tests.chat_helpers import kb_from_docs, scored_row

DOCS = {
    "2024_林木种苗年报.md": """# 林木种苗年报

2024年，全省苗圃出圃合格苗木12.6亿株，恢复至2019年的92%。

2019年，全省苗圃出圃合格苗木13.7亿株，比上年增长4.1%。

全省苗木平均造林成活率提升2.6个百分点，新增育苗面积3万亩。

全省林木良种使用率达到78.5%，较上年提高1.8个百分点。
""",
    "2021_省林业局关于印发种苗行动方案的通知.md": """# 省林业局关于印发种苗行动方案的通知

各市林业局、各国有林场：现将《林木种苗高质量发展行动方案（2021-2025年）》印发给你们，请结合实际认真贯彻落实。

省林业局于2021年3月18日印发本通知。
""",
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    return kb_from_docs(tmp_path_factory, DOCS, "round22")


def test_a_basis_year_is_not_the_year_a_sentence_is_about():
    q = "2019年全省出圃合格苗木多少？"
    assert chat.base_years("2024年出圃苗木12.6亿株，恢复至2019年的92%。", q) == {"2019"}
    assert chat.base_years("出圃苗木相当于2019年同期的九成。", q) == {"2019"}
    assert chat.base_years("2024年出圃苗木较2019年增长5%。", q) == {"2019"}
    # the basis's own value stated ("比2019年的13.7亿株"): 2019 is stated, not a basis only
    assert chat.base_years("比2019年的13.7亿株减少1.1亿株。", q) == set()
    # a year reached, with its own value ("提高到2025年的30%"), is no basis
    assert chat.base_years("良种使用率由2020年的70%提高到2025年的80%。", "2025年良种使用率多少？") == set()
    # the question compares with that year itself
    assert chat.base_years("2024年出圃苗木较2019年增长5%。", "2024年出圃苗木比2019年增长了多少？") == set()


def test_a_ratio_to_the_asked_year_does_not_answer_it(kb):
    q = "2019年全省苗圃出圃合格苗木有多少？"
    assert scored_row(kb, q, "恢复至2019年").year_conflict
    assert not scored_row(kb, q, "13.7亿株").year_conflict


def test_a_day_asked_wants_a_day():
    assert chat.asks_day("那份种苗行动方案通知的落款日期是哪一天？")
    assert chat.asks_day("种苗行动方案是几月几日印发的？")
    assert chat.expected_type("那份通知的落款日期是？") == "date"
    assert not chat.asks_day("种苗行动方案是哪一年印发的？")
    assert not chat.asks_day("全省育苗面积是多少？")


def test_a_paragraph_without_a_day_does_not_answer_a_date(kb):
    q = "省林业局印发种苗行动方案的那份通知，落款日期是哪一天？"
    assert "day" in scored_row(kb, q, "印发给你们").refused  # (2021-2025年 in the title is no day)
    assert "day" not in scored_row(kb, q, "3月18日").refused
    # a year asked does not want a day
    assert "day" not in scored_row(kb, "种苗行动方案的通知是哪一年印发的？", "3月18日").refused


def test_a_rates_level_asked():
    assert chat.asked_level("2024年全省造林成活率是多少？") == {"成活率"}
    assert chat.asked_level("女性苗圃工人占多大比例？") == {"比例"}
    assert chat.asked_level("出圃苗木增长率是多少？") == set()  # a rate of change
    assert chat.asked_level("造林成活率比上年提升了多少？") == set()  # a change asked
    m = {"成活率"}
    assert chat.change_for_level(m, "全省苗木平均造林成活率提升2.6个百分点，新增育苗面积3万亩。")
    assert chat.change_for_level(m, "造林成活率提高2个百分点，育苗面积达到80万亩。")  # another measure's level
    assert not chat.change_for_level(m, "造林成活率达到91.5%，比上年提升2.6个百分点。")
    assert not chat.change_for_level(m, "造林成活率由88%提升至91.5%。")
    assert not chat.change_for_level(m, "造林成活率较上年提高2个百分点，达到91.5%。")
    assert not chat.change_for_level(m, "新增育苗面积3万亩。")  # the rate is not named


def test_a_change_does_not_answer_a_level(kb):
    assert "level" in scored_row(kb, "2024年全省苗木平均造林成活率是多少？", "提升2.6个百分点").refused
    assert "level" not in scored_row(kb, "2024年全省林木良种使用率是多少？", "78.5%").refused
    # a change asked is answered by the change
    assert "level" not in scored_row(kb, "2024年全省造林成活率提升了多少？", "提升2.6个百分点").refused
