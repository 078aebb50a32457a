"""Chat round 36 (issue 11): what kind of thing a plan builds; a province named only beside another's figure.
- "打造一批什么样的平台" asks a kind (chat.yaml `which_leads`, now with 什么样的 / 什么类型的): a sentence that never
  names 平台 (the plan's summary sentence) does not answer it (`which_head` + `counted_ok`).
- A level asked of a place the sentence names only with a change ("其中浙江、四川增加超过1万吨") while another clause holds
  the figure (浙江's 12.5万吨) is not answered (`place_figure_elsewhere`, PLACE_FIGURE_GUARD).
A small knowledge base of an invented field (蚕桑), written for these tests; each test fails on the code before round 36.
"""
from __future__ import annotations

import pytest

from assistant import chat
from assistant.textproc import private_tokenizer
from tests.chat_helpers import kb_from_docs, scored_row

SUMMARY = "《蚕桑产业发展规划》提出，到2025年蚕桑产业链现代化水平明显提高，桑园综合利用能力显著增强。"
PLATFORM = "《蚕桑产业发展规划》提出，要打造一批蚕桑产业数字服务平台，培育一批缫丝龙头企业。"
REGIONS = ("从各地区来看,蚕茧产量超过万吨的省份依然是6个,其中浙江蚕茧产量最多,达到12.5万吨,同上年相比,"
           "4个省份产量增加,其中浙江、四川增加超过1万吨;2个省份产量减少。")
DOCS = {
    "2023_某省农业农村厅_蚕桑产业发展规划.txt": f"蚕桑产业发展规划\n{SUMMARY}\n{PLATFORM}\n",
    "2024_蚕桑协会_2023年蚕桑产业统计分析.txt": f"2023年蚕桑产业统计分析\n{REGIONS}\n",
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    return kb_from_docs(tmp_path_factory, DOCS, "round36")


def test_what_kind_question_wants_its_head_noun(kb):
    tok = private_tokenizer()._tok
    q = "《蚕桑产业发展规划》提出要打造一批什么样的平台？"
    assert chat.which_head(q, tok) == "平台"
    assert chat.which_head("《蚕桑产业发展规划》提出要培育什么类型的企业？", tok) == "企业"
    assert chat.which_head("《蚕桑产业发展规划》提出到2025年要达到什么目标？", tok) == ""  # 什么 alone: not this form
    assert "which" in scored_row(kb, q, "现代化水平").refused
    assert "which" not in scored_row(kb, q, "数字服务平台").refused
    ans = chat.answer(q, kb)
    assert not ans.grounded or "平台" in ans.text


def test_place_named_only_with_a_change_lends_it_no_level(kb):
    q = "2023年四川蚕茧产量是多少？"
    assert chat.place_figure_elsewhere({"四川"}, q, REGIONS)
    assert "place" in scored_row(kb, q, "12.5万吨").refused
    # the place that owns the figure, a change asked, or a change "到" a level: not refused
    assert not chat.place_figure_elsewhere({"浙江"}, "2023年浙江蚕茧产量是多少？", REGIONS)
    assert "place" not in scored_row(kb, "2023年浙江蚕茧产量是多少？", "12.5万吨").refused
    assert not chat.place_figure_elsewhere({"四川"}, "2023年四川蚕茧产量增加了多少？", REGIONS)
    assert not chat.place_figure_elsewhere({"四川"}, q, "全国蚕茧产量60万吨,四川蚕茧产量增加到8万吨。")
