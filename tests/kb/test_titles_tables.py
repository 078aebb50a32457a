"""A title is never a table's locator, caption or header row (a CI screenshot's reference read
《第2页表1：岗位 | 供需比》), nor a short line after the body has begun; tested on made-up aquaculture text."""
from assistant.draft.references import clean_title
from assistant.kb.ingest import load_file

BODY = ("近年来沿海各县水产养殖面积稳步扩大，育苗、饲料和冷藏设施逐步完善，养殖场对技术员的需求随之变化，"
        "本文结合三个县的走访材料，讨论职业院校相关专业的设置和实训条件建设。")


def test_a_pdf_table_caption_and_header_are_not_the_title(tmp_path):
    from tests.conftest import make_pdf

    (tmp_path / "docs").mkdir()
    p = make_pdf(tmp_path / "docs" / "2024_水产养殖技术员缺口.pdf",
                 ["一、总体情况\n据省渔业协会调查，养殖技术员缺口约两千人。", "二、岗位\n育苗技术员最难招。"],
                 table=[["岗位", "供需比"], ["育苗技术员", "0.31"], ["水质检测员", "0.52"]])
    doc = load_file(p)
    assert "表" not in doc.title and "|" not in doc.title
    assert clean_title(doc.title, doc.source) == "水产养殖技术员缺口"


def test_a_table_caption_first_in_a_text_file_is_not_the_title(tmp_path):
    p = tmp_path / "2024_某渔业网_养殖技术员供需.txt"
    p.write_text("表2 各县养殖技术员供需比\n| 县 | 供需比 |\n|---|---|\n| 东县 | 0.4 |\n| 西县 | 0.6 |\n\n" + BODY + "\n",
                 encoding="utf-8")
    assert load_file(p).title == "2024_某渔业网_养殖技术员供需"


def test_a_short_line_after_an_opening_sentence_is_a_sub_heading(tmp_path):
    p = tmp_path / "2024_养殖场走访.md"
    p.write_text("养殖技术员普遍短缺。\n\n养殖场分布\n\n" + BODY + "\n", encoding="utf-8")
    assert load_file(p).title == "2024_养殖场走访"


def test_a_title_above_a_table_stays_the_title(tmp_path):
    p = tmp_path / "2024_x.md"
    p.write_text("# 水产养殖技术员供需简报\n\n表1 各县供需比\n\n| 县 | 供需比 |\n|---|---|\n| 东县 | 0.4 |\n\n" + BODY + "\n",
                 encoding="utf-8")
    assert load_file(p).title == "水产养殖技术员供需简报"
