"""Export stage: DOCX in the official document layout (GB/T 9704 style).

A4; margins 上37mm 下35mm 左28mm 右26mm; title 方正小标宋简体 二号 centred; body 仿宋_GB2312 三号
(16 pt) with a 2-character first-line indent and fixed 28 pt line spacing; 一级标题 黑体 三号,
二级标题 楷体 三号; page numbers in the footer; tables with repeated header rows; charts as
pictures; the numbered reference list at the end. Markdown is rendered by `render.assemble` and the
lists XLSX by `lists.write_lists`.
"""
from __future__ import annotations

import re
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

FONT_BODY = "仿宋_GB2312"
FONT_BODY_FALLBACK = "仿宋"
FONT_H1 = "黑体"
FONT_H2 = "楷体_GB2312"
FONT_TITLE = "方正小标宋简体"
FONT_LATIN = "Times New Roman"
SIZE_SAN = Pt(16)  # 三号
SIZE_ER = Pt(22)  # 二号
SIZE_TABLE = Pt(10.5)  # 五号, for tables
LINE = Pt(28)


def _set_run_font(run, east_asia: str, size=None, bold=None, latin: str = FONT_LATIN) -> None:
    run.font.name = latin
    if size is not None:
        run.font.size = size
    if bold is not None:
        run.font.bold = bold
    rpr = run._element.get_or_add_rPr()
    _set_rfonts(rpr, east_asia, latin)


def _set_rfonts(rpr, east_asia: str, latin: str = FONT_LATIN) -> None:
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    # Theme attributes override explicit names: drop them so 黑体/仿宋 take effect.
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        if rfonts.get(qn(attr)) is not None:
            del rfonts.attrib[qn(attr)]
    rfonts.set(qn("w:ascii"), latin)
    rfonts.set(qn("w:hAnsi"), latin)
    rfonts.set(qn("w:eastAsia"), east_asia)
    rfonts.set(qn("w:cs"), latin)


def _style_font(style, east_asia: str, size, bold: bool = False) -> None:
    style.font.name = FONT_LATIN
    style.font.size = size
    style.font.bold = bold
    style.font.italic = False
    from docx.shared import RGBColor
    style.font.color.rgb = RGBColor(0, 0, 0)
    _set_rfonts(style.element.get_or_add_rPr(), east_asia)


def _para_format(p, indent: bool = True, align=None, before=0, after=0) -> None:
    pf = p.paragraph_format
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = LINE
    pf.space_before = Pt(before)
    pf.space_after = Pt(after)
    if indent:
        pf.first_line_indent = Pt(32)  # two characters of 三号
    if align is not None:
        p.alignment = align


def _add_page_number(section) -> None:
    """Footer “— N —” centred, as in official documents."""
    p = section.footer.paragraphs[0] if section.footer.paragraphs else section.footer.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run("— ")
    _set_run_font(r, FONT_BODY, Pt(14))
    run = p.add_run()
    _set_run_font(run, FONT_BODY, Pt(14))
    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif text == "PAGE":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = " PAGE "
        else:
            el = OxmlElement("w:t")
            el.text = text
        run._element.append(el)
    r = p.add_run(" —")
    _set_run_font(r, FONT_BODY, Pt(14))


def _repeat_header(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def _cell_text(cell, text: str, bold: bool = False, font: str = FONT_BODY) -> None:
    cell.text = ""
    p = cell.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.space_after = Pt(0)
    r = p.add_run(str(text))
    _set_run_font(r, font, SIZE_TABLE, bold=bold)


def new_document() -> Document:
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin = Mm(37), Mm(35)
    sec.left_margin, sec.right_margin = Mm(28), Mm(26)
    sec.footer_distance = Mm(20)
    _style_font(doc.styles["Normal"], FONT_BODY, SIZE_SAN)
    _style_font(doc.styles["Heading 1"], FONT_H1, SIZE_SAN)
    _style_font(doc.styles["Heading 2"], FONT_H2, SIZE_SAN)
    _style_font(doc.styles["Title"], FONT_TITLE, SIZE_ER)
    for name in ("Heading 1", "Heading 2", "Title"):
        st = doc.styles[name]
        st.paragraph_format.space_before = Pt(0)
        st.paragraph_format.space_after = Pt(0)
        st.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        st.paragraph_format.line_spacing = LINE
        # python-docx's Title style draws a bottom border; official documents have none.
        ppr = st.element.get_or_add_pPr()
        for b in ppr.findall(qn("w:pBdr")):
            ppr.remove(b)
    _add_page_number(sec)
    return doc


TITLE_LINE_CHARS = 18  # 二号 characters that fit on one line of the 156 mm text width, with margin


def add_title(doc, text: str) -> None:
    """Centred 小标宋 二号 title. A title too long for one line is broken before its trailing
    parenthetical (“…报告” / “（2026年）”), so the line never breaks inside “（2026年）”."""
    p = doc.add_paragraph(style="Title")
    _para_format(p, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, after=16)
    p.paragraph_format.line_spacing = Pt(36)
    m = re.match(r"^(.+?)(（[^（）]{1,12}）)$", text)
    if m and len(text) > TITLE_LINE_CHARS:
        r = p.add_run(m.group(1))
        _set_run_font(r, FONT_TITLE, SIZE_ER)
        r.add_break()
        _set_run_font(p.add_run(m.group(2)), FONT_TITLE, SIZE_ER)
    else:
        _set_run_font(p.add_run(text), FONT_TITLE, SIZE_ER)


def add_heading(doc, text: str, level: int = 1) -> None:
    p = doc.add_paragraph(style="Heading 1" if level == 1 else "Heading 2")
    _para_format(p, indent=True)
    _set_run_font(p.add_run(text), FONT_H1 if level == 1 else FONT_H2, SIZE_SAN, bold=False)


def add_body(doc, text: str, indent: bool = True) -> None:
    p = doc.add_paragraph()
    _para_format(p, indent=indent, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    _set_run_font(p.add_run(text), FONT_BODY, SIZE_SAN)


def add_caption(doc, text: str) -> None:
    """A table caption (表N, above its table: kept on the table's page) or figure caption (图N, below)."""
    p = doc.add_paragraph()
    _para_format(p, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER)
    p.paragraph_format.keep_with_next = text.startswith("表")
    _set_run_font(p.add_run(text), FONT_H1, Pt(12))


def add_table(doc, headers: list[str], rows: list[list]) -> None:
    t = doc.add_table(rows=1, cols=len(headers))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for c, h in zip(t.rows[0].cells, headers):
        _cell_text(c, h, bold=False, font=FONT_H1)
    _repeat_header(t.rows[0])
    for r in rows:
        row = t.add_row()
        for c, v in zip(row.cells, r):
            _cell_text(c, v)
    # Column widths follow the content (text width 156 mm), so long requirement cells stay readable.
    weights = [max(len(str(h)), min(24, max((len(str(r[i])) for r in rows), default=2))) + 2
               for i, h in enumerate(headers)]
    total = sum(weights)
    t.autofit = False
    for i, w in enumerate(weights):
        t.columns[i].width = Mm(156 * w / total)  # gridCol: LibreOffice reads this one
        for row in t.rows:
            row.cells[i].width = Mm(156 * w / total)
    doc.add_paragraph().paragraph_format.space_after = Pt(0)


def add_picture(doc, path: Path, width_mm: float = 150) -> None:
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    p.paragraph_format.keep_with_next = True  # its caption (below) stays on the same page
    p.add_run().add_picture(str(path), width=Mm(width_mm))


def write_docx(title: str, sections, references, out: str | Path, run_dir: str | Path, subtitle: str = "") -> Path:
    """Write the assembled draft (SectionDraft list after `render.assemble`) as an official-style DOCX.
    Headings, citation markers and table/figure numbers come from `render.layout`, as in the Markdown."""
    from .render import layout

    run_dir = Path(run_dir)
    doc = new_document()
    add_title(doc, title)
    lines = subtitle.split("　") if subtitle else []
    for k, line in enumerate(lines):
        p = doc.add_paragraph()
        _para_format(p, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, after=16 if k == len(lines) - 1 else 0)
        _set_run_font(p.add_run(line), FONT_H2, SIZE_SAN)
    numbers = {r.key: i for i, r in enumerate(references, 1)}
    for it in layout(sections, numbers.get):
        if it.kind == "heading":
            add_heading(doc, it.text, 1)
            if it.section.id == "references":
                for line in it.section.text.splitlines():
                    if line.strip():
                        add_body(doc, line.strip(), indent=False)
        elif it.kind == "para":
            add_body(doc, it.text)
        elif it.kind == "table":
            add_caption(doc, it.text)
            add_table(doc, it.block.headers, it.block.rows)
        elif it.kind == "figure":
            path = run_dir / it.block.path
            if path.is_file():
                add_picture(doc, path)
            add_caption(doc, it.text)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    doc.save(out)
    return out


def markdown_to_docx(md_text: str, out: str | Path, base_dir: str | Path = ".") -> Path:
    """Render a Markdown draft (as written by the drafter, possibly edited by hand) in the same layout."""
    base = Path(base_dir)
    doc = new_document()
    lines = md_text.splitlines()
    i = 0
    while i < len(lines):
        ln = lines[i].rstrip()
        if ln.startswith("# "):
            add_title(doc, ln[2:].strip())
        elif ln.startswith("## "):
            add_heading(doc, ln[3:].strip(), 1)
        elif ln.startswith("### "):
            add_heading(doc, ln[4:].strip(), 2)
        elif ln.startswith("|"):
            rows = []
            while i < len(lines) and lines[i].startswith("|"):
                if not re.match(r"^\|(\s*-+\s*\|)+\s*$", lines[i]):
                    rows.append([c.strip() for c in lines[i].strip().strip("|").split("|")])
                i += 1
            add_table(doc, rows[0], rows[1:])
            continue
        elif m := re.match(r"!\[(.*?)\]\((.*?)\)", ln):
            if (base / m.group(2)).is_file():
                add_picture(doc, base / m.group(2))
        elif re.match(r"^(表|图)\d+ ", ln):
            add_caption(doc, ln)
        elif ln.strip():
            add_body(doc, ln.strip(), indent=not ln.startswith("["))
        i += 1
    out = Path(out)
    doc.save(out)
    return out
