"""Round 20: a table copied one cell per line is read back as rows under its header
(ingest._cell_tables), and a colloquial two-digit year ("22年") in a question counts as the year
(query.short_years). Made-up documents of an imaginary aquaculture industry."""
from __future__ import annotations

from assistant.config import Settings
from assistant.kb import KnowledgeBase
from assistant.kb.chunking import chunk_document
from assistant.kb.ingest import load_file
from assistant.kb.query import ShortYears, load_short_years, short_years

# A table of a made-up county's fish-farming output, pasted one cell per line (blank lines between).
HEADER = ["年份", "池塘养殖", "网箱养殖", "稻田养鱼", "合计"]
ROWS = [["2020", "3.12", "0.85", "0.41", "4.38"],
        ["2021", "3.30", "0.92", "0.47", "4.69"],
        ["2022", "3.51", "0.97", "0.56", "5.04"],
        ["2023", "3.66", "1.05", "0.63", "5.34"]]


def cell_page(rows=ROWS) -> str:
    return "\n\n".join(c for row in [HEADER, *rows] for c in row) + "\n"


def test_one_cell_per_line_table_is_read_back_as_rows_under_the_header(tmp_path):
    path = tmp_path / "2024_示例县渔业局_水产养殖产量分类表.txt"
    path.write_text(cell_page(), encoding="utf-8")
    doc = load_file(path)
    rows = [b.text for b in doc.blocks if b.kind == "table_row"]
    assert rows[0] == " | ".join(HEADER)
    assert rows[1:] == [" | ".join(r) for r in ROWS]
    # the header row names columns, not the document: the file name is the title
    assert "水产养殖产量分类表" in doc.title
    units = chunk_document(doc, size=400, overlap=0)
    assert len(units) == len(ROWS)  # one row per unit, each after its header
    assert all(u.text.startswith(" | ".join(HEADER)) for u in units)
    assert any(u.text.endswith("2022 | 3.51 | 0.97 | 0.56 | 5.04") for u in units)


def test_short_lines_that_are_no_table_stay_text(tmp_path):
    # sub-headings and short notes of a web page: no row of figures follows, so nothing is a table
    page = "\n\n".join(["示例县渔业简讯", "苗种供应充足", "饲料价格回落", "病害防控平稳",
                        "今年以来,全县水产苗种投放量同比增加,饲料价格较上年有所回落,养殖户信心回升。"])
    path = tmp_path / "简讯.txt"
    path.write_text(page, encoding="utf-8")
    assert not [b for b in load_file(path).blocks if b.kind == "table_row"]
    # a header followed by a single row of figures is too little to call a table
    path.write_text(cell_page(ROWS[:1]) + "\n以上数据为初步统计。\n", encoding="utf-8")
    assert not [b for b in load_file(path).blocks if b.kind == "table_row"]


def test_a_group_that_is_not_figures_ends_the_table(tmp_path):
    broken = ROWS[:2] + [["2022", "3.51", "暂缺", "0.56", "5.04"]]
    path = tmp_path / "表.txt"
    path.write_text(cell_page(broken), encoding="utf-8")
    doc = load_file(path)
    rows = [b.text for b in doc.blocks if b.kind == "table_row"]
    assert rows == [" | ".join(HEADER), " | ".join(ROWS[0]), " | ".join(ROWS[1])]
    assert "暂缺" in [b.text for b in doc.blocks if b.kind == "text"]  # the rest stays text


def test_two_digit_year_is_read_as_the_year_but_a_number_of_years_is_not():
    rule = load_short_years()
    assert short_years("示例县22年稻田养鱼产量多少？", rule, this_year=2026) == ["2022"]
    assert short_years("19年和21年比，网箱养殖变了多少？", rule, this_year=2026) == ["2019", "2021"]
    assert short_years("98年那次洪水后渔业怎样恢复的？", rule, this_year=2026) == ["1998"]
    for q in ("近10年水产养殖产量增长了多少？", "渔业局成立15年来做了什么？", "80年代的养殖方式是什么？",
              "这项技术推广了整整12年", "2022年和22年的说法一样吗"):
        assert short_years(q, rule, this_year=2026) == [], q
    # the reading of yy depends on the present year and the allowed future span
    assert short_years("35年的目标是多少？", ShortYears(5, (), ()), this_year=2026) == ["1935"]
    assert short_years("35年的目标是多少？", ShortYears(15, (), ()), this_year=2026) == ["2035"]


def test_question_about_one_row_of_a_cell_table_finds_that_row(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "2024_示例县渔业局_水产养殖产量分类表.txt").write_text(cell_page(), encoding="utf-8")
    # a near-but-wrong neighbour: prose of the same county on the same subject, other figures
    (src / "2024_示例县农业农村局_渔业发展综述.txt").write_text(
        "示例县渔业发展综述\n\n2022年,示例县水产养殖总产量保持增长,池塘养殖仍是主要方式,"
        "网箱养殖受库区整治影响有所收缩。全县共有养殖合作社46家,带动农户1200余户。\n\n"
        "2023年,县里新建稻渔综合种养示范基地3个,稻田养鱼面积扩大到0.9万亩。", encoding="utf-8")
    kb = KnowledgeBase(Settings.from_env(index_dir=tmp_path / "index"))
    kb.ingest([src])
    hits = kb.search("示例县水产养殖产量分类表里，22年那一行的合计是多少？", top_k=3)
    assert "分类表" in hits[0].source
    assert "2022 | 3.51 | 0.97 | 0.56 | 5.04" in hits[0].text
    assert "年份 | 池塘养殖" in hits[0].text  # the row is shown with its header


def test_a_keyword_leader_far_ahead_of_the_second_counts_in_the_fusion(monkeypatch):
    from assistant.kb import retrieve

    dense = [("pond", 0.90), ("cage", 0.89), ("rice", 0.88)]
    # "rice" holds the question's rare words: BM25 18.0 against 10.0 for the next unit
    far = [("rice", 18.0), ("pond", 10.0), ("cage", 9.0)]
    assert retrieve.fuse(far, dense)[0][0] == "rice"
    monkeypatch.setattr(retrieve, "KEYWORD_LEAD_WEIGHT", 0.0)  # plain RRF: ranks only
    assert retrieve.fuse(far, dense)[0][0] == "pond"
    monkeypatch.undo()
    # a near tie at the top of the keyword ranking gives next to nothing: the fused order stays RRF's
    close = [("rice", 10.2), ("pond", 10.0), ("cage", 9.0)]
    assert retrieve.fuse(close, dense)[0][0] == "pond"
