"""Sixth-industry probe (civil aviation) defects, tested on made-up tea-industry text: a page's metadata line
(时间:… 来源:…) and an author line of space-separated names are not titles; readings written without tones after
every character (茶(cha)叶(ye)) are removed when a document has several, while units and list marks stay."""
from assistant.kb.ingest import load_file
from assistant.textproc import clean_page_texts

BODY = ("本文梳理了近五年山区茶园的种植面积、加工设备与从业人员变化，结合两个县的调研材料，"
        "讨论标准化加工、品牌营销和电商渠道对产业提质的作用，并提出职业院校专业设置的调整方向。")


def _write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_metadata_line_is_not_the_title(tmp_path):
    p = _write(tmp_path, "2021_某茶网_2020年茶叶从业人员统计.txt",
               f"时间:2021-03-02 09:15来源:某茶叶网 作者:编辑部\n\n{BODY}\n")
    assert load_file(p).title == "2021_某茶网_2020年茶叶从业人员统计"


def test_space_separated_author_line_above_abstract_label_is_not_the_title(tmp_path):
    p = _write(tmp_path, "2023_某学报_茶学专业实践教学.txt", f"王小明 李春华 赵一\n[摘 要] {BODY}\n{BODY}\n")
    assert load_file(p).title == "2023_某学报_茶学专业实践教学"


def test_author_line_above_bare_affiliation_with_postcode_is_not_the_title(tmp_path):
    p = _write(tmp_path, "2023_某学报_茶叶加工实训.txt", f"王小明 李春华\n某某农业职业技术学院 福建福州 350000\n{BODY}\n")
    doc = load_file(p)
    assert doc.title == "2023_某学报_茶叶加工实训"
    assert any(b.text.startswith("本文梳理") for b in doc.blocks)  # the affiliation is not run into the body


def test_a_short_title_of_two_words_is_still_a_title(tmp_path):
    p = _write(tmp_path, "2024_x.txt", f"茶叶产业年度观察\n{BODY}\n")
    assert load_file(p).title == "茶叶产业年度观察"


def test_untoned_readings_are_removed_when_a_document_has_several():
    out = clean_page_texts(["全省茶(cha)叶(ye)产(chan)量(liang)(liang)达到12.5万吨，比上年增长3.1%。"])[0]
    assert out == "全省茶叶产量达到12.5万吨，比上年增长3.1%。"


def test_units_and_list_marks_stay_without_readings():
    text = "鲜叶重量(kg)按批次记录，面积以公顷(ha)计，分三类(a)(b)(c)登记。"
    assert clean_page_texts([text])[0] == text
