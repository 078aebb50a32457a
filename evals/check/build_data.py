"""Convert two dev-set reports to DOCX and PDF so the eval exercises every input format.

    python evals/check/build_data.py
r4_industry_2025.md → r4_industry_2025.docx (Word heading styles, numbered headings kept)
r5_talent_2025.txt  → r5_talent_2025.pdf    (LibreOffice; fpdf2 + Noto Sans SC as a fallback)

Note: fpdf2 2.8.9 writes CJK OTF (CFF) fonts with a CMap encoding that pdfminer/pdfplumber cannot
decode (empty text) and pypdf decodes only partly, so the dev-set PDF is made with LibreOffice,
as most real PDFs come from an office suite.
"""
from __future__ import annotations

import re
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def md_to_docx(src: Path, dst: Path) -> Path:
    """A DOCX as a person would write it: Word heading styles and body paragraphs (also used by tests)."""
    import docx

    d = docx.Document()
    for line in src.read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            continue
        m = re.match(r"^(#{1,6})\s+(.*)$", line)
        if m:
            level = len(m.group(1)) - 1
            d.add_heading(m.group(2), level=level)
        else:
            d.add_paragraph(line)
    d.save(str(dst))
    return dst


def txt_to_pdf(src: Path, dst: Path) -> None:
    from fpdf import FPDF
    from pylopdf_fonts_zh_cn import sans_path

    pdf = FPDF(format="A4")
    pdf.add_font("NotoSansSC", fname=str(sans_path()))
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    pdf.set_font("NotoSansSC", size=10.5)
    for line in src.read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            pdf.ln(3)
            continue
        pdf.multi_cell(0, 6.5, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(dst))


def soffice_pdf(src: Path, dst: Path) -> bool:
    import shutil
    import subprocess
    import tempfile

    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        return False
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([exe, "--headless", "--convert-to", "pdf", "--outdir", tmp, str(src)],
                       check=True, capture_output=True, timeout=120)
        shutil.copy(Path(tmp) / (src.stem + ".pdf"), dst)
    return True


def main() -> None:
    md_to_docx(DATA / "r4_industry_2025.md", DATA / "r4_industry_2025.docx")
    if not soffice_pdf(DATA / "r5_talent_2025.txt", DATA / "r5_talent_2025.pdf"):
        txt_to_pdf(DATA / "r5_talent_2025.txt", DATA / "r5_talent_2025.pdf")
    print("已生成 r4_industry_2025.docx、r5_talent_2025.pdf")


if __name__ == "__main__":
    main()
