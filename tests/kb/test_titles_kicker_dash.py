"""Ninth-industry probe (seed industry) title defects, tested on made-up forestry-industry text: a newspaper kicker
(引题) that ends in a dash gives way to the main title below it, and a data page whose first line is a sentence
(经营范围……销售。) keeps its file name as the title."""
from assistant.draft.references import clean_title
from assistant.kb.ingest import load_file

from .test_titles_dates_and_kickers import BODY, _write


def test_a_dash_ended_kicker_gives_way_to_the_main_title(tmp_path):
    p = _write(tmp_path, "2024_某日报_林场转型.txt",
               "2024年03月08日\n\n某县坚持林下种植三十年,是全省唯一示范基地,但亟待转型升级——\n\n"
               "林下经济不能“守着金山过穷日子”\n\n某日报记者 王小明 李春华\n\n" + BODY + "\n")
    assert load_file(p).title == "林下经济不能“守着金山过穷日子”"


def test_a_dash_ended_line_with_a_body_below_keeps_its_words_without_the_dash(tmp_path):
    p = _write(tmp_path, "2024_某日报_林场转型.txt", "林下经济的三个变化——\n\n" + BODY + "\n")
    assert load_file(p).title == "林下经济的三个变化"


def test_a_first_line_that_is_a_sentence_is_not_the_title(tmp_path):
    p = _write(tmp_path, "2025_某财经网_某林业公司经营分析.txt",
               "林木种苗培育、许可证规定经营范围内的林木种子生产、销售。\n苗木\n"
               "一般项目:林业产品销售;技术服务、技术开发、技术咨询。\n" + BODY + "\n")
    doc = load_file(p)
    assert clean_title(doc.title, doc.source) == "某林业公司经营分析"


def test_a_short_first_line_without_a_sentence_end_is_still_the_title(tmp_path):
    p = _write(tmp_path, "2025_x.txt", "林下经济年度观察\n" + BODY + "\n")
    assert load_file(p).title == "林下经济年度观察"
