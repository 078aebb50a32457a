"""Chat round 12 (issue 11): the time point and the answer type of a question.
- Asked for a year's end (年末、年底), a sentence stating a month's end (10月底) or a plan period's end
  ("十四五"期末), or one opening with 其中/同期 whose sentence before is not in its passage, does not answer
  (`point_ok`).
- A year the question only compares with ("2023年比2022年") is not the year asked (`asked_years`); a
  table row is about its year cell's year; for a change asked, a year the sentence only compares with
  ("高于2024年的12.5%") is not the sentence's own.
- A two-part question whose parts one sentence answers ("A业和B业分别增长了多少") does not also say a
  part was not found (`answered_by`).
- A question that names one row of a table (its label cell, "叶片检修员") is not answered by another
  row of it ("塔筒焊工") (`row_labels`, `row_ok`).
- 是谁 / 哪位 wants a person or organisation, 在哪个城市 / 在哪里 a place the question does not name
  (`wh_kind`, `wh_ok`, jieba POS nr/nt/ns).
A small knowledge base of an invented industry (海上风电), written for these tests."""
from __future__ import annotations

import pytest

from assistant import chat
from tests.chat_helpers import kb_from_docs, scored_row

DOCS = {
    "2024_海上风电运行简报.md": """# 海上风电运行简报

截至2024年10月底，全国海上风电运维站点总数达到820个，同比增长12%。

截至2024年底，全国海上风电并网容量达到4100万千瓦。

“十四五”期末，全国风电整机检测机构数量预计为65家。

2025年风机出口量同比增长7.8%，出口额占装备出口的比重为13.1%，高于2024年的12.5%。

2023年5月12日，东海风电产教融合共同体宣告成立。

2023年6月，南海风电产教融合共同体在湛江宣告成立。

2022年有委员提交《关于加快海上风电运维人才培养的提案》，建议扩大订单培养。

2022年张建国委员提交《关于完善风电叶片回收标准的提案》，建议建立回收目录。
""",
    "2025_示例风电运维公司_岗位需求.md": """# 示例风电运维公司岗位需求

| 岗位类别 | 现有人数 | 2026年计划招聘 |
| --- | --- | --- |
| 塔筒焊工 | 65 | 14 |
| 叶片检修员 | 420 | 70 |
""",
    "2023_风电产业营业收入统计.md": """# 风电产业营业收入统计

## 各环节营业收入

2023年整机制造业同比增长12.5%，运维服务业增长9.1%。

2023年风电产业营业收入合计为5200亿元。
""",
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    return kb_from_docs(tmp_path_factory, DOCS, "round12")


# ---------------------------------------------------------------- the point in time


def test_a_month_end_does_not_answer_for_the_year_end(kb):
    q = "截至2024年末，全国海上风电运维站点总数是多少个？"
    assert "period" in scored_row(kb, q, "运维站点总数达到820个").refused
    assert not chat.answer(q, kb).grounded


def test_the_year_end_answers_for_the_year_end(kb):
    q = "截至2024年末，全国海上风电并网容量是多少万千瓦？"
    assert "period" not in scored_row(kb, q, "并网容量达到4100万千瓦").refused


def test_point_ok_plan_period_end_and_orphan():
    assert not chat.point_ok("截至2023年底风电整机检测机构有多少家？", "“十四五”期末，检测机构预计为65家。")
    assert not chat.point_ok("2024年末公共站点有多少个？", "其中公共站点332个。", orphan=True)
    assert chat.point_ok("2024年公共站点有多少个？", "其中公共站点332个。", orphan=True)  # no point asked
    assert chat.point_ok("2024年末站点有多少个？", "截至2024年12月底，站点为900个。")


# ---------------------------------------------------------------- the year asked


def test_a_year_compared_with_is_not_the_year_asked():
    assert chat.asked_years({"2023", "2022"}, "2023年装机比2022年增长了多少？") == {"2023"}
    assert chat.asked_years({"2023", "2022"}, "2022年和2023年的装机分别是多少？") == {"2023", "2022"}
    assert chat.asked_years({"2022"}, "比2022年增长了多少？") == {"2022"}  # nothing else is asked


def test_a_table_row_is_about_its_year_cell():
    assert chat._ROW_YEAR_RX.match("年份：2021；装机（万千瓦）：354.5；备注：按2022年数据推算").group(1) == "2021"
    assert chat._ROW_YEAR_RX.match("省份：江苏；装机（万千瓦）：354.5") is None


def test_a_change_is_the_sentences_own_years(kb):
    q = "2024年风机出口量增长了多少？"
    assert scored_row(kb, q, "高于2024年的12.5%").year_conflict
    q = "2024年风机出口额占装备出口的比重是多少？"  # no change asked: the compared year's value is stated
    assert not scored_row(kb, q, "高于2024年的12.5%").year_conflict


# ---------------------------------------------------------------- who and where


def test_where_wants_a_place(kb):
    q = "东海风电产教融合共同体是在哪个城市宣告成立的？"
    assert "wh" in scored_row(kb, q, "东海风电产教融合共同体宣告成立").refused
    assert not chat.answer(q, kb).grounded
    q = "南海风电产教融合共同体是在哪个城市宣告成立的？"
    assert "wh" not in scored_row(kb, q, "在湛江宣告成立").refused


def test_who_wants_a_person(kb):
    q = "2022年提交《关于加快海上风电运维人才培养的提案》的委员是谁？"
    assert "wh" in scored_row(kb, q, "有委员提交").refused
    q = "2022年提交《关于完善风电叶片回收标准的提案》的委员是谁？"
    assert "wh" not in scored_row(kb, q, "张建国委员").refused


def test_wh_kind():
    assert chat.wh_kind("提案是谁提交的？") == "who"
    assert chat.wh_kind("在哪个城市成立？") == "where"
    assert chat.wh_kind("在哪次会议上提交的？") == ""
    assert chat.wh_kind("技能型岗位集中在哪三个族群？") == ""


# ---------------------------------------------------------------- two parts, one sentence


def test_one_sentence_answers_both_parts(kb):
    q = "2023年整机制造业和运维服务业的营业收入分别比上年增长了多少？"
    a = chat.answer(q, kb)
    assert a.grounded and "9.1%" in a.text and chat.NOT_FOUND not in a.text


def test_a_part_no_sentence_answers_is_still_named(kb):
    q = "2023年整机制造业和海缆敷设业的营业收入分别比上年增长了多少？"
    a = chat.answer(q, kb)
    assert not a.grounded or chat.NOT_FOUND in a.text


# ---------------------------------------------------------------- the row of a table


def test_another_row_does_not_answer_for_a_row():
    labels = {"塔筒焊工", "叶片检修员"}
    row = "岗位类别：塔筒焊工；现有人数：65；2026年计划招聘：14"
    assert not chat.row_ok(labels, row, "示例风电运维公司的叶片检修员现有多少人？")
    assert chat.row_ok(labels, row, "示例风电运维公司的塔筒焊工现有多少人？")
    assert chat.row_ok(labels, row, "示例风电运维公司各岗位现有多少人？")  # no row named
    assert chat.row_label("年份：2021；装机：354.5") == ""  # a year cell is not a label
    assert chat.table_key(0, "表1｜岗位类别：塔筒焊工；现有人数：65") == ("表1", "岗位类别：塔筒焊工；现有人数：65")
    assert chat.table_key(2, "岗位类别：塔筒焊工；现有人数：65")[0] == "#2"
    assert chat.table_key(0, "公司现有员工：500人，其中焊工65人。") == ("", "")


def test_a_row_of_the_kb_table_is_refused_for_another_row(kb):
    q = "示例风电运维公司的叶片检修员现有多少人？"
    row = scored_row(kb, q, "塔筒焊工")
    assert "row" in row.refused
    assert "row" not in scored_row(kb, q, "叶片检修员").refused
