"""Seventh-industry probe (rail transit) defects, tested on made-up forestry-industry text: a page's bare date line
(with or without its weekday or time, ISO or 年月日) is not the title, and a newspaper's kicker line keeps the main
title below it; a Traditional mirror's file name, when it is the fallback title, is read as Simplified like its text."""
import pytest

from assistant.draft.references import clean_title
from assistant.kb.ingest import load_file

BODY = ("近年来全省林下经济种植面积稳步扩大，林区道路和初加工设施逐步完善，从业人员的年龄和技能结构随之变化，"
        "本文结合三个县的调查材料，讨论职业院校相关专业的设置和实训条件建设。")


def _write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


@pytest.mark.parametrize("date_line", ["2024-03-08 星期五", "2024年3月8日 周五", "2024/3/8 10:21:05",
                                       "2024年3月8日", "2024-03-08 来源:某林业网"])
def test_a_bare_date_line_is_not_the_title(tmp_path, date_line):
    p = _write(tmp_path, "2024_某林业网_林下经济从业人员调查.txt", f"{date_line}\n\n{BODY}\n")
    assert load_file(p).title == "2024_某林业网_林下经济从业人员调查"


def test_kicker_and_main_title_above_the_author_line_make_the_title(tmp_path):
    p = _write(tmp_path, "2024_某报_林业职业学院.txt",
               f"2024-03-08 星期五\n某某林业职业学院\n校林融合 培育林下经济人才\n王小明 李春华\n\n{BODY}\n")
    assert load_file(p).title == "某某林业职业学院 校林融合 培育林下经济人才"


def test_a_title_above_its_body_is_not_joined_with_the_first_line_of_the_body(tmp_path):
    p = _write(tmp_path, "2024_x.txt", f"林下经济年度观察\n一、总体情况\n{BODY}\n")
    assert load_file(p).title == "林下经济年度观察"


def test_a_traditional_mirror_keeps_its_file_name_title_in_simplified(tmp_path):
    p = _write(tmp_path, "2024_某網_林下經濟從業人員調查.txt",
               "林下經濟種植面積穩步擴大，林區道路和初加工設施逐步完善，從業人員的年齡和技能結構隨之變化，"
               "本文結合三個縣的調查材料，討論職業院校相關專業的設置和實訓條件建設。\n")
    doc = load_file(p)
    assert clean_title(doc.title, doc.source) == "林下经济从业人员调查"
    long_title = "林下经济种植面积稳步扩大，林区道路和初加工设施逐步完善，从业人员的年龄和技能结构随之变化，本文结合三个县的调查"
    assert clean_title(long_title, "2024_某網_林下經濟從業人員調查.txt") == "林下经济从业人员调查"


def test_a_file_name_stays_as_it_is_beside_a_title_still_in_traditional():
    from assistant.textproc import name_as_read

    assert name_as_read("2024_某網_林下經濟", "林下經濟年度觀察") == "2024_某網_林下經濟"
    assert name_as_read("2024_某网_林下经济", "林下经济年度观察") == "2024_某网_林下经济"
