"""Loaders: every format, encodings, metadata, and bad input reported with a reason."""
from __future__ import annotations

import pytest

from assistant.kb.chunking import chunk_document
from assistant.errors import InputError
from assistant.kb.ingest import decode_bytes, discover, find_year, load_file

from ..conftest import make_pdf


def test_gb18030_text_is_decoded_not_mangled(mixed_corpus):
    doc = load_file(mixed_corpus / "2022_充电设施.txt")
    assert doc.encoding == "gb18030"
    assert "521万台" in "".join(b.text for b in doc.blocks)
    assert doc.year == 2022


def test_utf8_bom_is_stripped(mixed_corpus):
    doc = load_file(mixed_corpus / "bom.txt")
    assert doc.encoding == "utf-8-sig"
    assert not doc.blocks[0].text.startswith("\ufeff")


def test_decode_prefers_utf8_then_gb18030():
    text = "新能源汽车产销两旺"
    assert decode_bytes(text.encode("utf-8")) == (text, "utf-8")
    assert decode_bytes(text.encode("gbk")) == (text, "gb18030")


def test_markdown_heading_path_and_year(mixed_corpus):
    doc = load_file(mixed_corpus / "2024_产销快报.md")
    body = [b for b in doc.blocks if "1288.8" in b.text][0]
    assert body.heading_path == ["2024年新能源汽车产销快报", "一、产销"]
    assert doc.title == "2024年新能源汽车产销快报"
    assert doc.year == 2025  # the publication line wins over years mentioned in the text


def test_docx_headings_and_table_rows(mixed_corpus):
    doc = load_file(mixed_corpus / "2023_电池简报.docx")
    rows = [b for b in doc.blocks if b.kind == "table_row"]
    assert any("293.6" in r.text and "产量（GWh）" in r.text for r in rows)  # a row carries its header
    para = [b for b in doc.blocks if "154.5GWh" in b.text][0]
    assert para.heading_path[-1] == "一、装车量"
    assert doc.tables["表1"][0]["时期"] == "2023年上半年"


def test_pdf_pages_and_tables(mixed_corpus):
    doc = load_file(mixed_corpus / "2025_人才缺口.pdf")
    pages = {b.page for b in doc.blocks}
    assert pages == {1, 2}
    assert any("100万" in b.text and b.page == 1 for b in doc.blocks)
    assert any(b.kind == "table_row" and "0.16" in b.text and b.page == 2 for b in doc.blocks)
    assert doc.tables, "the PDF table is kept as structured rows"


def test_xlsx_every_sheet_is_a_table(mixed_corpus):
    doc = load_file(mixed_corpus / "2021-2025_产销表.xlsx")
    assert set(doc.tables) == {"产销", "充电"}
    assert doc.tables["产销"][3]["产量（万辆）"] == "1288.8"
    assert any("1288.8" in b.text and "2024" in b.text for b in doc.blocks)


def test_csv_and_html(mixed_corpus):
    csv_doc = load_file(mixed_corpus / "signals.csv")
    assert csv_doc.tables["signals"][1]["供需比"] == "0.38"
    html = load_file(mixed_corpus / "news.html")
    assert html.title == "出口新闻"
    assert any("67.9万辆" in b.text for b in html.blocks)


@pytest.mark.parametrize("name,data,reason", [
    ("empty.md", b"", "文件为空"),
    ("broken.pdf", b"%PDF-1.4\n1 0 obj garbage", "PDF 文件损坏"),
    ("broken.docx", b"PK\x03\x04 not a zip", "DOCX 文件损坏"),
    ("broken.xlsx", b"not excel", "XLSX 文件损坏"),
    ("image.png", b"\x89PNG", "不支持的文件类型"),
])
def test_bad_files_raise_with_reason(tmp_path, name, data, reason):
    p = tmp_path / name
    p.write_bytes(data)
    with pytest.raises(InputError, match=reason):
        load_file(p)


def test_encrypted_pdf_is_reported(tmp_path):
    from pypdf import PdfReader, PdfWriter

    plain = make_pdf(tmp_path / "plain.pdf", ["保密文件"])
    w = PdfWriter()
    for page in PdfReader(str(plain)).pages:
        w.add_page(page)
    w.encrypt("secret")
    enc = tmp_path / "secret.pdf"
    with open(enc, "wb") as f:
        w.write(f)
    with pytest.raises(InputError, match="加密"):
        load_file(enc)


def test_chunks_split_at_sentence_ends_and_keep_rows(tmp_path):
    text = "".join(f"据第{i}号统计表，{1990 + i}年某项产量为{i * 3.5:.1f}万辆，同比增长{i}%。" for i in range(30))
    (tmp_path / "long.md").write_text("# 长文\n\n" + text, encoding="utf-8")
    doc = load_file(tmp_path / "long.md")
    chunks = chunk_document(doc, size=200, overlap=40)
    assert len(chunks) > 3
    assert all(len(c.text) <= 200 for c in chunks)
    assert all(c.text.endswith("。") for c in chunks)
    assert len({c.id for c in chunks}) == len(chunks)
    # ids are content hashes: the same input gives the same ids
    assert [c.id for c in chunk_document(doc, size=200, overlap=40)] == [c.id for c in chunks]


def test_chunk_size_is_validated():
    from assistant.types import LoadedDocument

    doc = LoadedDocument("a", "a", "a", None, "md", [])
    with pytest.raises(ValueError, match="Currently, the size is 10"):
        chunk_document(doc, size=10)


def test_table_rows_are_never_cut(mixed_corpus):
    doc = load_file(mixed_corpus / "2021-2025_产销表.xlsx")
    for c in chunk_document(doc, size=120, overlap=0):
        for line in c.text.splitlines():
            assert line in "\n".join(b.text for b in doc.blocks)


def test_find_year_sources():
    assert find_year("发布时间：2024年3月\n2021年的数据", "x.md") == 2024
    assert find_year("没有年份", "2023_报告.md") == 2023
    assert find_year("", "报告.md") is None
    assert find_year("《规划（2021—2035年）》要点", "规划解读.md") == 2021  # a target year is not a date


def test_discover_uses_relative_names(mixed_corpus):
    names = [s for _, s in discover([mixed_corpus])]
    assert "2024_产销快报.md" in names and all("/" not in n for n in names)


def test_a_table_unit_is_one_row_with_its_header(mixed_corpus, tmp_path):
    doc = load_file(mixed_corpus / "2021-2025_产销表.xlsx")
    header = next(b.text for b in doc.blocks if b.kind == "table_header" and b.table == "产销")
    units = [c for c in chunk_document(doc, size=400, overlap=0) if c.text.startswith(header)]
    rows = [b.text for b in doc.blocks if b.kind == "table_row" and b.table == "产销"]
    assert len(units) == len(rows)  # a question about one year finds that year's row
    assert all(u.text.splitlines()[0] == header and len(u.text.splitlines()) == 2 for u in units)
    # a Markdown table: its first row is the header, repeated in every unit
    md = tmp_path / "t.md"
    md.write_text("# 年度产量\n\n| 年份 | 产量（万件） |\n|---|---|\n" +
                  "".join(f"| {y} | {100 + y % 100} |\n" for y in range(2018, 2025)) + "\n注：单位为万件。\n",
                  encoding="utf-8")
    units = [c.text for c in chunk_document(load_file(md), size=400, overlap=0) if "|" in c.text]
    assert all(u.startswith("年份 | 产量（万件）\n") for u in units)
    body = [[line for line in u.splitlines()[1:] if "|" in line] for u in units]
    assert len(body) == 7 and all(len(b) == 1 for b in body)


def test_short_unpunctuated_lines_of_a_web_text_stand_apart(tmp_path):
    """A web page copied to TXT puts sub-headings on lines of their own with no punctuation; they must not
    run into the next sentence, nor a 发布时间 line into the title."""
    from assistant.textproc import split_sentences

    p = tmp_path / "2024_就业现状.txt"
    p.write_text("某行业就业现状\n发布时间：2024年5月\n\n一、就业规模持续扩大\n岗位类型丰富\n"
                 "涵盖交通、餐饮、酒店等多个领域，覆盖不同技能水平的人群。\n高层次人才短缺\n"
                 "企业多为中小规模企业，管理岗位人才匮乏。\n", encoding="utf-8")
    doc = load_file(p, source=p.name)
    assert doc.title == "某行业就业现状" and doc.year == 2024
    sents = [s for c in chunk_document(doc) for s in split_sentences(c.text)]
    assert "涵盖交通、餐饮、酒店等多个领域，覆盖不同技能水平的人群。" in sents
    assert "企业多为中小规模企业，管理岗位人才匮乏。" in sents


def test_web_mirror_glosses_traditional_and_doubled_commas_are_cleaned(tmp_path):
    p = tmp_path / "2024_镜像站_養老服務.txt"
    p.write_text("養老服務機構數量穩步增長\n"
                 "截至2023年底,,全國(guó)共有養老機構4.1萬(wàn)家,較上年增長(zhǎng)了3.2%,。"
                 "護理員,、康復師等崗位需求旺盛,。\n", encoding="utf-8")
    doc = load_file(p)
    body = "".join(b.text for b in doc.blocks)
    assert "全国共有养老机构4.1万家" in body
    assert "(" not in body and ",," not in body and ",。" not in body and ",、" not in body
    assert doc.title == "养老服务机构数量稳步增长"


def test_ordinary_text_keeps_units_in_brackets_and_stray_traditional(tmp_path):
    p = tmp_path / "2024_协会_冷库.txt"
    p.write_text("冷库容量统计\n冷库单位能耗(kw)下降，乾冰用量(t)持平，a,,b 为空字段。\n", encoding="utf-8")
    body = "".join(b.text for b in load_file(p).blocks)
    assert "能耗(kw)" in body and "乾冰用量(t)" in body and "a,,b" in body
