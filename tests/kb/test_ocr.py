"""Scanned PDFs: pages without a text layer are read by OCR, page numbers kept, marked as recognised."""
from __future__ import annotations

import json

import pytest

from assistant.kb.ingest import load_file
from assistant.textproc import chinese_punctuation as normalise

from ..conftest import make_pdf

SCANNED = "据示例统计，电池工程师、测试工程师的人才供需比为0.16，岗位缺口约12万人。"


def test_normalise_maps_ocr_punctuation_variants():
    assert normalise("电池丶电驱(含电控)等环节;供需比为0.16,即6个职位争1人.") == \
        "电池、电驱（含电控）等环节；供需比为0.16，即6个职位争1人。"


def test_normalise_keeps_decimals_ratios_and_latin_text():
    assert normalise("车桩比约为2.46:1，增长49.6%") == "车桩比约为2.46:1，增长49.6%"
    assert normalise("GB/T 1.1, version 2.0; ok?") == "GB/T 1.1, version 2.0; ok?"


def scanned_pdf(tmp_path):
    """Page 1 has a text layer; page 2 is the picture of a rendered page (a scan): made by rendering
    a generated PDF page at 150 dpi and putting the image alone on a page."""
    import pypdfium2 as pdfium
    from pypdf import PdfReader, PdfWriter

    (tmp_path / "src").mkdir()
    text_pdf = make_pdf(tmp_path / "src" / "text.pdf", ["一、总体情况\n2024年示例行业总体运行平稳。",
                                                        "二、人才供需\n" + SCANNED])
    src = pdfium.PdfDocument(str(text_pdf))
    image = src[1].render(scale=150 / 72).to_pil().convert("RGB")
    src.close()
    image.save(tmp_path / "src" / "scan.pdf", "PDF", resolution=150)
    writer = PdfWriter()
    writer.add_page(PdfReader(str(text_pdf)).pages[0])
    writer.add_page(PdfReader(str(tmp_path / "src" / "scan.pdf")).pages[0])
    out = tmp_path / "2024_扫描件.pdf"
    with open(out, "wb") as f:
        writer.write(f)
    assert not (PdfReader(str(out)).pages[1].extract_text() or "").strip()  # really no text layer
    return out


@pytest.mark.slow  # OCR of one page takes a few seconds on 2 cores
def test_scanned_page_is_recognised_with_its_page_number(tmp_path, capsys):
    from rapidfuzz import fuzz

    doc = load_file(scanned_pdf(tmp_path))
    assert doc.ocr_pages == [2]
    page1 = "".join(b.text for b in doc.blocks if b.page == 1)
    page2 = "".join(b.text for b in doc.blocks if b.page == 2)
    assert "总体运行平稳" in page1
    assert "0.16" in page2 and "二、人才供需" in page2
    assert fuzz.partial_ratio(SCANNED, page2) >= 90, page2
    assert "丶" not in page2 and "," not in page2  # punctuation normalised
    heading = next(b for b in doc.blocks if b.page == 2 and b.kind == "heading")
    assert heading.heading_path == ["二、人才供需"]


@pytest.mark.slow
def test_ocr_source_is_marked_in_the_source_list(tmp_path, capsys):
    from assistant.cli import main
    from assistant.ui.views import source_rows

    pdf = scanned_pdf(tmp_path)
    index = tmp_path / "idx"
    assert main(["ingest", str(pdf), "--index", str(index)]) == 0
    capsys.readouterr()
    assert main(["sources", "--index", str(index), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)[0]
    assert info["ocr_pages"] == [2]
    assert main(["sources", "--index", str(index)]) == 0
    assert "识别文本：第2页" in capsys.readouterr().out
    from assistant.kb import KnowledgeBase

    kb = KnowledgeBase.open(index)
    assert source_rows(kb.sources())[0][-1] == "识别文本（第2页）"
    hits = kb.search("电池工程师人才供需比", top_k=1)
    assert hits[0].page == 2 and "0.16" in hits[0].text
