"""All four input formats give the same findings for the same report."""
from assistant.check import check_file
from assistant.check.structure import heading_level, load_document, strip_number


def key(result):
    return sorted((f.rule_id, f.text) for f in result.findings)


def test_markdown_and_docx_agree(fixtures, sample_docx):
    md = check_file(fixtures / "sample_industry.md")
    dx = check_file(sample_docx)
    assert dx.document.file_type == "docx"
    assert key(md) == key(dx)
    assert dx.report == "industry-analysis" and dx.summary["report_date"] == "2026-04-08"


def test_txt_and_pdf_agree(fixtures):
    txt = check_file(fixtures / "sample_talent.txt")
    pdf = check_file(fixtures / "sample_talent.pdf")
    assert pdf.document.file_type == "pdf" and txt.document.file_type == "txt"
    assert txt.report == pdf.report == "talent-demand"
    assert key(txt) == key(pdf)
    assert {"evidence.unsourced-figure", "evidence.forecast-basis"} <= {f.rule_id for f in pdf.findings}


def test_docx_tables_are_read(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("新能源汽车行业人才需求预测报告（2026年）")
    d.add_heading("附：人才供需清单", level=1)
    t = d.add_table(rows=3, cols=3)
    for i, row in enumerate([["岗位", "需求数", "缺口"], ["电池检测工", "820", "565"], ["电控调试工", "640", "410"]]):
        for j, v in enumerate(row):
            t.cell(i, j).text = v
    p = tmp_path / "t.docx"
    d.save(str(p))
    doc = load_document(p)
    assert sum(1 for x in doc.paragraphs if x.kind == "table_row") == 3
    r = check_file(p, report="talent-demand")
    assert "completeness.required-list" not in {f.rule_id for f in r.findings}


def test_heading_patterns():
    assert heading_level("第二章 行业人才现状") == 1
    assert heading_level("一、报告说明") == 2
    assert heading_level("（一）产销规模") == 3
    assert heading_level("1. 产量") == 4
    assert heading_level("（1）纯电动") == 5
    assert heading_level("## 二、行业发展现状") == 2
    assert heading_level("1. 中国汽车工业协会：汽车工业产销快讯，2025年12月发布，统计口径为全国。") == 0
    assert heading_level("正文一句话。") == 0
    assert strip_number("## 二、行业发展现状") == "行业发展现状"
    assert strip_number("（一）产销规模") == "产销规模"


def test_unsupported_and_empty_files(tmp_path):
    import pytest

    from assistant.errors import InputError

    with pytest.raises(InputError):
        load_document(tmp_path / "missing.docx")
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(InputError, match="Word"):
        load_document(bad)
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("新能源汽车行业发展分析报告（2026年）\n\n正文。\n".encode("gb18030"))
    assert load_document(gbk).title.startswith("新能源汽车")
