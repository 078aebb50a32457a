"""Seventh-industry probe: a pipe table copied from a web page without its left border (北京 | 8000 | 9000 |) is read
as table rows when two or more such rows run together, so its cells reach the index as rows under the header; a single
byline with pipes (文 | 某社 | 作者 | 某某) stays text. Made-up pages of an imaginary tea-processing industry."""
from __future__ import annotations

from assistant.kb import tables as tbl
from assistant.kb.ingest import load_file

PAGE = """制茶师傅工资多少
一、不同城市月薪对比(2025年示例数据)
城市 | 初级制茶工(月均) | 高级制茶师(月均) |
杭州 | 4,800 - 6,000元 | 8,000 - 11,000元 |
福州 | 4,200 - 5,500元 | 7,000 - 9,500元 |
二、影响薪资的因素
经验越长,薪资越高。
"""


def test_rows_without_a_left_border_are_read_as_a_table(tmp_path):
    path = tmp_path / "2025_示例网_制茶师傅工资多少.txt"
    path.write_text(PAGE, encoding="utf-8")
    doc = load_file(path)
    rows = [b.text for b in doc.blocks if b.kind == "table_row"]
    assert rows == ["城市 | 初级制茶工(月均) | 高级制茶师(月均)", "杭州 | 4,800 - 6,000元 | 8,000 - 11,000元",
                    "福州 | 4,200 - 5,500元 | 7,000 - 9,500元"]
    # the table keeps its rows as records under the header
    (name, records), = doc.tables.items()
    assert records[0]["城市"] == "杭州" and records[1]["高级制茶师(月均)"] == "7,000 - 9,500元"
    # the prose around it is not swallowed
    assert any("经验越长" in b.text for b in doc.blocks if b.kind != "table_row")


def test_a_single_line_with_pipes_or_rows_of_different_widths_are_no_table():
    byline = ["文 | 某茶业研究社,作者 | 某某,编辑 | 某某", "正文第一段。"]
    assert tbl.pipe_rows(byline) == set()
    ragged = ["甲 | 乙 |", "丙 | 丁 | 戊 |"]
    assert tbl.pipe_rows(ragged) == set()
    bordered = ["| 甲 | 乙 |", "正文。"]  # a bordered row counts on its own, as before
    assert tbl.pipe_rows(bordered) == {0}
    with_separator = ["课程 | 内容 |", "---|---|", "制茶 | 杀青、揉捻 |"]
    assert tbl.pipe_rows(with_separator) == {0, 1, 2}
