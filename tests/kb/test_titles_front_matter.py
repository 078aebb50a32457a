"""A document's title comes from before its body: an article's author line, affiliation and 摘要 label are not
titles, and a short line after the first body paragraph is a sub-heading (the file name is kept instead)."""
from assistant.kb.ingest import load_file
from assistant.textproc import clean_page_texts

BODY = ("本文梳理了近五年县域水产养殖的设施投入、品种结构与从业人员变化，结合三个县的调研材料，"
        "讨论尾水治理、良种繁育和冷库配套对产业提质的作用，并提出职业院校专业设置的调整方向。")


def _write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_author_line_and_affiliation_are_not_the_title(tmp_path):
    p = _write(tmp_path, "2022_某农业大学学报_县域水产养殖提质路径.txt",
               f"王小明,李 华\n(某某农业大学水产学院,武汉 430070)\n{BODY}\n")
    doc = load_file(p)
    assert doc.title == "2022_某农业大学学报_县域水产养殖提质路径"
    assert any(b.text.startswith("本文梳理") for b in doc.blocks)  # the affiliation is not run into the body


def test_abstract_label_is_not_the_title(tmp_path):
    p = _write(tmp_path, "2021_某职院学报_水产专业实训基地研究.txt", f"摘要\n{BODY}\n")
    assert load_file(p).title == "2021_某职院学报_水产专业实训基地研究"


def test_subheading_after_the_body_is_not_the_title(tmp_path):
    p = _write(tmp_path, "2024_某日报_渔港经济区建设提速.txt", f"{BODY}\n尾水治理先行\n{BODY}\n")
    assert load_file(p).title == "2024_某日报_渔港经济区建设提速"


def test_a_real_title_line_is_kept(tmp_path):
    p = _write(tmp_path, "2024_某日报_x.txt", f"县域水产养殖提质增效调查\n王小明\n{BODY}\n")
    assert load_file(p).title == "县域水产养殖提质增效调查"


def test_a_single_toned_gloss_is_removed_and_a_unit_in_brackets_stays():
    out = clean_page_texts(["推进渔业社会（huì ）化服务，网箱容积(m)按标准计。"])[0]
    assert out == "推进渔业社会化服务，网箱容积(m)按标准计。"
