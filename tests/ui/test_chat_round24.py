"""Chat round 24 (issue 11): the near-miss classes of the seventh held-out set, as general checks.
- A measure's level asked ("综合电耗是多少"), only its change from another period given ("比上年减少0.3千瓦时"):
  `change_only`, tag `level` (round 22's check covered rates only).
- A part of a whole asked ("捕捞量中远洋捕捞有多少"), the sentence gives the whole's figure and another part's, or the
  part with no figure ("其中近海占大部分"): `part_whole_words`, `part_figure_missing`, tag `part`.
- A place the question asks that only the title of a report on the whole country names: `title_only_place`, tag `place`.
- A sentence with no year of its own speaks of the years its passage named before it, or of about its document's
  date; a year asked far from these is another year (`year_conflict`).
- "刷新了哪项纪录" asks which record (`which_head`); "该找谁联系" asks for a person (`wh_kind`); 多少艘 is not 艘次 (`unit_ok`).
A small knowledge base of an invented industry (远洋渔业), written for these tests."""
from __future__ import annotations

import pytest

from assistant import chat
from assistant.textproc import default_tokenizer
from tests.chat_helpers import kb_from_docs, scored_row

DOCS = {
    "2023_渔业统计公报.md": """# 2023年渔业统计公报

2023年全国水产品捕捞量1320万吨，同比增长2.1%，其中，淡水捕捞110万吨。

2023年渔船单位产量综合油耗比上年减少0.3吨标准油/千吨，渔港污水排放量比上年减少42吨。

2023年全国渔业固定资产投资860亿元，其中渔港建设占大部分，其次为养殖设施。
""",
    "2021_海洋渔业报告.md": """# 全国海洋渔业报告|远洋船队规模扩大、舟山远洋产量全国第一

截至2020年底，全国共有远洋渔船2705艘，远洋渔业产量231.7万吨。
""",
    "2026_渔港运营速报.md": """# 我国渔港运营情况通报

全年进出港渔船3.1万艘次，完成卸港量850万吨。

其中，一级渔港完成卸港量410万吨。
""",
    "2024_渔港建设年报.md": """# 渔港建设年报

2022年全国渔港建设稳步推进。

新建渔港12座。

改扩建渔港35座，完成投资18亿元。
""",
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    return kb_from_docs(tmp_path_factory, DOCS, "round24")


def test_a_change_does_not_answer_a_level():
    change = "2023年渔船单位产量综合油耗比上年减少0.3吨标准油/千吨，渔港污水排放量比上年减少42吨。"
    assert chat.change_only({"油耗"}, change)
    assert chat.change_only({"产量"}, "远洋渔业产量同比增长5.2%。")
    # the level is there too: before the change, after it, or as the end of the change
    assert not chat.change_only({"捕捞量"}, "2023年全国水产品捕捞量1320万吨，同比增长2.1%。")
    assert not chat.change_only({"油耗"}, "综合油耗比上年减少0.3吨标准油/千吨，降至4.5吨标准油/千吨。")
    assert not chat.change_only({"油耗"}, "综合油耗由4.8吨减少到4.5吨。")
    # the measure is not followed by a change (another mention may be): nothing to judge
    assert not chat.change_only({"油耗"}, "节能改造降低了油耗。")


def test_the_change_sentence_is_refused_for_the_level(kb):
    q = "2023年渔船单位产量综合油耗是多少吨标准油每千吨？"
    assert "level" in scored_row(kb, q, "减少0.3").refused
    # a change asked: the change answers
    assert "level" not in scored_row(kb, "2023年渔船单位产量综合油耗比上年减少了多少？", "减少0.3").refused


def test_a_part_of_a_whole_needs_its_own_figure():
    Split = default_tokenizer()._tok
    words = chat.part_whole_words("2023年全国渔业固定资产投资中渔港投资了多少钱？", Split)
    assert words == {"渔港"}
    assert chat.part_figure_missing(words, "全国渔业固定资产投资860亿元，其中渔港建设占大部分，其次为养殖设施。", set())
    assert not chat.part_figure_missing(words, "全国渔业固定资产投资860亿元，其中渔港建设投资310亿元。", set())
    sea = chat.part_whole_words("2023年水产品捕捞量中海洋捕捞有多少万吨？", Split)
    assert sea and chat.part_figure_missing(sea, "2023年全国水产品捕捞量1320万吨，其中，淡水捕捞110万吨。", set())
    # no whole in the question: "中国", "其中", a time or a group asked are no part of a whole
    assert not chat.part_whole_words("中国远洋渔业产量有多少万吨？", Split)
    assert not chat.part_whole_words("2023年中远洋渔业产量有多少？", Split)
    assert not chat.part_whole_words("捕捞量中海洋和淡水捕捞分别有多少？", Split)
    assert not chat.part_whole_words("远洋渔业公司在全国渔业企业中排第几？", Split)  # a rank asked


def test_the_part_asked_is_refused_the_total(kb):
    q = "2023年全国渔业固定资产投资中渔港投资了多少钱？"
    assert "part" in scored_row(kb, q, "渔港建设占大部分").refused
    assert "part" not in scored_row(kb, "2023年全国渔业固定资产投资是多少钱？", "渔港建设占大部分").refused


def test_a_place_only_in_a_national_reports_title():
    title = "全国海洋渔业报告|远洋船队规模扩大、舟山远洋产量全国第一"
    said = "截至2020年底，全国共有远洋渔船2705艘，远洋渔业产量231.7万吨。"
    assert chat.title_only_place({"舟山"}, said, title)
    assert not chat.title_only_place({"舟山"}, "舟山远洋渔业产量61万吨。", title)
    # a title about the place itself
    assert not chat.title_only_place({"舟山"}, "远洋渔业产量61万吨。", "舟山远洋产量全国第一")
    assert not chat.title_only_place(set(), said, title)


def test_a_sentence_without_a_year_is_about_its_passage_or_document(kb):
    # the 2026 page's sentence has no year: not 2019's figure, but that of about 2025
    row = scored_row(kb, "2019年全国渔港全年卸港量是多少万吨？", "完成卸港量850")
    assert row.year_conflict
    assert not scored_row(kb, "2025年全国渔港全年卸港量是多少万吨？", "完成卸港量850").year_conflict
    # the passage named 2022 before the sentence: the sentence goes on about 2022, not its 2024 document's year
    assert scored_row(kb, "2024年改扩建渔港多少座？", "改扩建渔港35座").year_conflict
    assert not scored_row(kb, "2022年改扩建渔港多少座？", "改扩建渔港35座").year_conflict


def test_which_record_who_and_times(kb):
    assert chat.which_head("新型渔船刷新了哪项纪录？", default_tokenizer()._tok) == "纪录"
    assert chat.wh_kind("执行中遇到问题该找谁联系？") == "who"
    assert chat.wh_kind("渔港建设想让谁来参与？") == ""  # (whom a policy invites: kinds of bodies, not a name)
    assert not chat.unit_ok("艘", "全年进出港渔船3.1万艘次。", "")
    assert chat.unit_ok("艘次", "全年进出港渔船3.1万艘次。", "")
    assert chat.unit_ok("艘", "全国共有远洋渔船2705艘。", "")


def test_years_a_sentence_only_compares_with_are_not_its_passages():
    q = "2023年一季度渔获量是多少？"
    assert chat.passage_years("一季度，渔获量较2022年四季度提升19.8%，相当于2019年同期的89%。", q) == set()
    assert chat.passage_years("2022年全国渔港建设稳步推进。", q) == {"2022"}


TABLE_DOCS = {
    "2025_网文_舟山海洋职业技术学院就业情况.txt": """舟山海洋职业技术学院就业情况

舟山海洋职业技术学院近三年毕业生就业情况总结如下。

年份 | 毕业生人数 | 就业率 | 主要就业单位 |
2022 | 1200 | 95.1% | 宁波远洋渔业公司、厦门水产集团 |
2023 | 1300 | 96.4% | 大连渔港管理局、青岛水产研究所 |
""",
    "2025_网文_宁波海洋职业技术学院.txt": """宁波海洋职业技术学院设有海洋捕捞技术专业，毕业生起薪位居前列。
""",
}


@pytest.fixture(scope="module")
def table_kb(tmp_path_factory):
    return kb_from_docs(tmp_path_factory, TABLE_DOCS, "round24-table")


def test_a_table_row_is_about_its_label_not_its_other_cells(table_kb):
    ident = chat.row_identity("某表", "年份：2022；毕业生人数：1200；就业率：95.1%；主要就业单位：宁波远洋渔业公司、厦门水产集团")
    assert "宁波" not in ident and "2022" in ident and "就业率" in ident
    assert "调度员" in chat.row_identity("", "城市：甲市；岗位：调度员；月薪：9000-13000")
    # 宁波 names only a company in the 2022 row's last cell: the row is not about a 宁波 school
    row = scored_row(table_kb, "宁波海洋职业技术学院毕业生的就业率是多少？", "宁波远洋")
    assert "place" in row.refused
    ok = scored_row(table_kb, "舟山海洋职业技术学院2022年毕业生的就业率是多少？", "宁波远洋")
    assert "place" not in ok.refused and "entity" not in ok.refused
