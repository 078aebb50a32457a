from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from openpyxl import load_workbook

from fixtures import NEV_PROFILE  # noqa: E402
from assistant.draft import draft_report
from assistant.draft.lists import TALENT_HEADERS, TECH_HEADERS, main_lists, write_lists


def test_lists_headers(data_files, tmp_path):
    p = write_lists(list(data_files.values()), tmp_path / "lists.xlsx")
    wb = load_workbook(p)
    assert wb.sheetnames == ["人才供需清单", "技术供需清单"]
    assert [c.value for c in wb["人才供需清单"][1]] == TALENT_HEADERS
    assert [c.value for c in wb["技术供需清单"][1]] == TECH_HEADERS
    assert wb["人才供需清单"].max_row > 5
    assert TALENT_HEADERS[1:] == ["岗位", "岗位类别", "学历与技能要求", "需求数", "供给估计", "缺口", "紧缺程度"]


def test_main_lists_error_exit_code(tmp_path, capsys):
    assert main_lists(["--data", str(tmp_path / "missing.xlsx"), "--out", str(tmp_path / "x.xlsx")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：") and err.count("\n") == 1


def _east_asia(rpr):
    rf = rpr.find(qn("w:rFonts"))
    return rf.get(qn("w:eastAsia")), rf.get(qn("w:eastAsiaTheme")), rf.get(qn("w:asciiTheme"))


def test_docx_layout(data_files, fake_kb, tmp_path):
    res = draft_report("talent-demand", fake_kb, list(data_files.values()), 2026, tmp_path / "r.docx", profile=NEV_PROFILE)
    assert (tmp_path / "r.docx").is_file() and (tmp_path / "r.md").is_file()
    doc = Document(tmp_path / "r.docx")
    s = doc.sections[0]
    assert abs(s.page_width - Mm(210)) < Mm(0.5) and abs(s.page_height - Mm(297)) < Mm(0.5)
    for got, want in ((s.top_margin, 37), (s.bottom_margin, 35), (s.left_margin, 28), (s.right_margin, 26)):
        assert abs(got - Mm(want)) < Mm(0.2)
    normal = doc.styles["Normal"]
    assert normal.font.size == Pt(16)
    assert _east_asia(normal.element.rPr)[0] == "仿宋_GB2312"
    for name, font in (("Heading 1", "黑体"), ("Heading 2", "楷体_GB2312")):
        ea, ea_theme, ascii_theme = _east_asia(doc.styles[name].element.rPr)
        assert ea == font and ea_theme is None and ascii_theme is None
    title = doc.paragraphs[0]
    assert title.alignment == 1 and title.runs[0].font.size == Pt(22)
    assert _east_asia(title.runs[0]._element.rPr)[0] == "方正小标宋简体"
    h1 = [p for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert len(h1) == 9 and _east_asia(h1[0].runs[0]._element.rPr)[0] == "黑体"
    body = [p for p in doc.paragraphs if p.style.name == "Normal" and len(p.text) > 60]
    assert body and body[0].runs[0].font.size == Pt(16)
    # tables: header row repeated; pictures embedded; page number field in the footer
    assert doc.tables and doc.tables[0].rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert doc.inline_shapes and len(doc.inline_shapes) >= 3
    assert "PAGE" in s.footer._element.xml
    # a table caption stays on its table's page, a picture on its caption's page
    captions = [p for p in doc.paragraphs if p.text.startswith("表")]
    assert captions and all(p.paragraph_format.keep_with_next for p in captions)
    pictures = [p for p in doc.paragraphs if p._p.xml.count("<pic:pic") and not p.text]
    assert pictures and all(p.paragraph_format.keep_with_next for p in pictures)
    assert any(o.suffix == ".xlsx" for o in res.outputs)
