#!/usr/bin/env python3
"""Rebuild corpus/nev/sources/ from corpus/nev/text_src/ (reproducible, no network).

text_src layout (all UTF-8):
  md/*.md           -> sources/*.md            (copied)
  txt_gb18030/*.txt -> sources/*.txt           (re-encoded to GB18030)
  txt_utf8/*.txt    -> sources/*.txt           (copied, UTF-8)
  docx/*.md         -> sources/*.docx          (python-docx, Title/Heading 1/Heading 2 + tables)
  pdf/*.md          -> sources/*.pdf           (fpdf2 + Noto Sans SC from pylopdf-fonts-zh-cn)
  html/*.md         -> sources/*.html
  tables (below)    -> sources/*.xlsx, sources/*.csv

Markdown subset understood by the converters: '# ' title, '发布时间：' line,
'## ' / '### ' headings, '| a | b |' pipe tables, '<!-- pagebreak -->' (PDF only),
other non-empty lines are paragraphs.

Usage: python corpus/nev/build_corpus.py [--out DIR]
"""
from __future__ import annotations

import csv
import datetime as dt
import html
import pathlib
import shutil
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
SRC = HERE / "text_src"
OUT = HERE / "sources"
FIXED_TIME = dt.datetime(2026, 1, 15, 9, 0, 0, tzinfo=dt.timezone.utc)
AUTHOR = "corpus/nev/build_corpus.py"
NAV = "首页 &gt; 行业资讯 &gt; 新能源汽车"


# ----------------------------------------------------------------- markdown
def parse_md(text: str):
    """Return a list of blocks: (kind, payload). kinds: title, h2, h3, p, table, pagebreak."""
    blocks = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i].rstrip()
        s = line.strip()
        if not s:
            i += 1
            continue
        if s == "<!-- pagebreak -->":
            blocks.append(("pagebreak", None))
        elif s.startswith("### "):
            blocks.append(("h3", s[4:].strip()))
        elif s.startswith("## "):
            blocks.append(("h2", s[3:].strip()))
        elif s.startswith("# "):
            blocks.append(("title", s[2:].strip()))
        elif s.startswith("|"):
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                cells = [c.strip() for c in lines[i].strip().strip("|").split("|")]
                if not all(set(c) <= set("-: ") for c in cells):
                    rows.append(cells)
                i += 1
            blocks.append(("table", rows))
            continue
        else:
            blocks.append(("p", s))
        i += 1
    return blocks


# ---------------------------------------------------------------- plain copies
def build_plain(src=SRC, out=OUT):
    for f in sorted((src / "md").glob("*.md")):
        shutil.copyfile(f, out / f.name)
    for f in sorted((src / "txt_utf8").glob("*.txt")):
        shutil.copyfile(f, out / f.name)
    for f in sorted((src / "txt_gb18030").glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        (out / f.name).write_bytes(text.encode("gb18030"))


def normalize_zip(path):
    """Rewrite an OOXML zip with fixed entry timestamps so rebuilds are byte-identical."""
    import zipfile
    path = pathlib.Path(path)
    with zipfile.ZipFile(path) as zin:
        items = [(i, zin.read(i.filename)) for i in zin.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info, data in items:
            if info.filename == "docProps/core.xml":
                import re
                data = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)",
                              rb"\g<1>2026-01-15T09:00:00Z\g<3>", data)
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 15, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = info.external_attr
            zout.writestr(zi, data)


# ---------------------------------------------------------------------- DOCX
def build_docx(src=SRC, out=OUT, author=AUTHOR):
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Pt

    for f in sorted((src / "docx").glob("*.md")):
        doc = Document()
        normal = doc.styles["Normal"]
        normal.font.size = Pt(11)
        rpr = normal.element.get_or_add_rPr()
        rfonts = rpr.find(qn("w:rFonts"))
        if rfonts is None:
            rfonts = rpr.makeelement(qn("w:rFonts"), {})
            rpr.append(rfonts)
        rfonts.set(qn("w:eastAsia"), "宋体")
        for kind, payload in parse_md(f.read_text(encoding="utf-8")):
            if kind == "title":
                doc.add_heading(payload, level=0)
            elif kind == "h2":
                doc.add_heading(payload, level=1)
            elif kind == "h3":
                doc.add_heading(payload, level=2)
            elif kind == "p":
                doc.add_paragraph(payload)
            elif kind == "table":
                rows = payload
                t = doc.add_table(rows=len(rows), cols=len(rows[0]))
                t.style = "Table Grid"
                for r, row in enumerate(rows):
                    for c, val in enumerate(row):
                        t.cell(r, c).text = val
                doc.add_paragraph("")
        cp = doc.core_properties
        cp.author = author
        cp.title = f.stem
        cp.created = FIXED_TIME.replace(tzinfo=None)
        cp.modified = FIXED_TIME.replace(tzinfo=None)
        cp.last_modified_by = author
        cp.revision = 1
        doc.save(out / (f.stem + ".docx"))
        normalize_zip(out / (f.stem + ".docx"))


# ----------------------------------------------------------------------- PDF
def _font_dir() -> pathlib.Path:
    import pylopdf_fonts_zh_cn

    return pathlib.Path(pylopdf_fonts_zh_cn.__file__).resolve().parent


def make_pdf_font(chars: str, dest: pathlib.Path) -> pathlib.Path:
    """Subset Noto Sans SC (CFF/OTF) to `chars` and convert to TrueType outlines.

    fpdf2 embeds CFF fonts as CIDFontType0 which pdfminer/pdfplumber cannot read
    (extract_text() returns nothing), so we convert the subset to glyf outlines;
    the resulting CIDFontType2 font extracts cleanly with pdfplumber and pypdf.
    """
    from fontTools import subset
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable

    otf = _font_dir() / "NotoSansSC-Regular.otf"
    if not otf.exists():  # fall back to any .otf/.ttf shipped by the package
        otf = sorted(_font_dir().glob("*Sans*.[ot]tf"))[0]
    font = TTFont(str(otf), recalcTimestamp=False)
    opts = subset.Options()
    opts.name_IDs = ["*"]
    opts.notdef_outline = True
    opts.glyph_names = True
    sub = subset.Subsetter(opts)
    sub.populate(text=chars)
    sub.subset(font)
    if "CFF " in font:
        gs = font.getGlyphSet()
        glyf = newTable("glyf")
        glyf.glyphOrder = font.getGlyphOrder()
        glyf.glyphs = {}
        for name in font.getGlyphOrder():
            pen = TTGlyphPen(gs)
            gs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
            glyf.glyphs[name] = pen.glyph()
        font["glyf"] = glyf
        font["loca"] = newTable("loca")
        maxp = font["maxp"]
        maxp.tableVersion = 0x00010000
        for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                     "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
                     "maxComponentElements"):
            setattr(maxp, attr, 0)
        maxp.maxZones = 1
        del font["CFF "]
        if "VORG" in font:
            del font["VORG"]
        font["post"].formatType = 2.0
        font["post"].extraNames = []
        font["post"].mapping = {}
        font["head"].glyphDataFormat = 0
        font.sfntVersion = "\x00\x01\x00\x00"
    font.save(str(dest))
    return dest


def build_pdf(src=SRC, out=OUT, author=AUTHOR):
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    files = sorted((src / "pdf").glob("*.md"))
    chars = "".join(chr(c) for c in range(32, 127)) + "第页共"
    chars += "".join(f.read_text(encoding="utf-8") for f in files)
    with tempfile.TemporaryDirectory() as tmp:
        ttf = make_pdf_font("".join(sorted(set(chars))), pathlib.Path(tmp) / "NotoSansSC-subset.ttf")

        class Doc(FPDF):
            def footer(self):
                self.set_y(-15)
                self.set_font("noto", size=9)
                self.cell(0, 10, f"第 {self.page_no()} 页", align="C")

        for f in files:
            pdf = Doc(format="A4")
            pdf.file_id = lambda: "<00112233445566778899AABBCCDDEEFF><00112233445566778899AABBCCDDEEFF>"
            pdf.set_creation_date(FIXED_TIME)
            pdf.set_title(f.stem)
            pdf.set_author(author)
            pdf.add_font("noto", "", str(ttf))
            pdf.set_auto_page_break(True, margin=20)
            pdf.set_margins(22, 20, 22)
            pdf.add_page()
            for kind, payload in parse_md(f.read_text(encoding="utf-8")):
                if kind == "title":
                    pdf.set_font("noto", size=17)
                    pdf.multi_cell(0, 10, payload, align="C", new_x="LMARGIN", new_y="NEXT")
                    pdf.ln(2)
                elif kind in ("h2", "h3"):
                    pdf.ln(3)
                    pdf.set_font("noto", size=14 if kind == "h2" else 12.5)
                    pdf.multi_cell(0, 9, payload, new_x="LMARGIN", new_y="NEXT")
                    pdf.ln(1)
                elif kind == "p":
                    pdf.set_font("noto", size=11.5)
                    pdf.multi_cell(0, 7.5, payload, new_x="LMARGIN", new_y="NEXT")
                    pdf.ln(1.5)
                elif kind == "table":
                    pdf.set_font("noto", size=10.5)
                    with pdf.table(headings_style=FontFace(emphasis=None, fill_color=(225, 225, 225)),
                                   line_height=7.5, text_align="CENTER") as t:
                        for row in payload:
                            r = t.row()
                            for val in row:
                                r.cell(val)
                    pdf.ln(3)
                elif kind == "pagebreak":
                    pdf.add_page()
            pdf.output(str(out / (f.stem + ".pdf")))


# ---------------------------------------------------------------------- HTML
def build_html(src=SRC, out=OUT, author=AUTHOR, nav=NAV):
    for f in sorted((src / "html").glob("*.md")):
        body = []
        title = f.stem
        for kind, payload in parse_md(f.read_text(encoding="utf-8")):
            if kind == "title":
                title = payload
                body.append(f"<h1>{html.escape(payload)}</h1>")
            elif kind == "h2":
                body.append(f"<h2>{html.escape(payload)}</h2>")
            elif kind == "h3":
                body.append(f"<h3>{html.escape(payload)}</h3>")
            elif kind == "p":
                cls = ' class="meta"' if payload.startswith("发布时间") else ""
                body.append(f"<p{cls}>{html.escape(payload)}</p>")
        page = (
            "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{html.escape(title)}</title>\n</head>\n<body>\n"
            f"<nav>{nav}</nav>\n<article>\n"
            + "\n".join(body)
            + f"\n</article>\n<footer>本页面为样例语料，由 {author} 生成。</footer>\n</body>\n</html>\n"
        )
        (out / (f.stem + ".html")).write_text(page, encoding="utf-8")


# ---------------------------------------------------------------------- XLSX
XLSX_TABLES = {
    "2021-2025_新能源汽车产销统计表.xlsx": [
        {
            "sheet": "年度产销",
            "title": "2021—2025年全国新能源汽车产销量（数据来源：中国汽车工业协会）",
            "header": ["年份", "新能源汽车产量（万辆）", "新能源汽车销量（万辆）", "汽车总销量（万辆）",
                       "新能源汽车市场占有率（%）", "备注"],
            "rows": [
                [2021, 354.5, 352.1, None, 13.5, "产销规模约为2020年的1.6倍；市场占有率按2022年数据及其比上年提高的百分点推算"],
                [2022, 705.8, 688.7, None, 25.6, ""],
                [2023, 958.7, 949.5, 3009.4, None, ""],
                [2024, 1288.8, 1286.6, 3143.6, 40.9, ""],
                [2025, 1662.6, 1649, 3440, None, ""],
            ],
        },
        {
            "sheet": "2024年12月规上产量",
            "title": "2024年12月规模以上工业企业汽车产量（数据来源：国家统计局）",
            "header": ["产品", "当月产量（万辆）", "同比增长（%）"],
            "rows": [
                ["汽车", 349.9, 15.2],
                ["其中：新能源汽车", 164.7, 43.2],
            ],
        },
        {
            "sheet": "说明",
            "title": "数据说明",
            "header": ["项目", "说明"],
            "rows": [
                ["年度产销", "中国汽车工业协会年度统计口径，销量含出口；汽车总销量含新能源汽车，2021、2022年总销量未收录。"],
                ["规上产量", "国家统计局规模以上工业企业月度产量口径，与协会口径不同，不宜直接比较。"],
                ["单位", "万辆；增长率为同比。"],
                ["生成方式", "由 corpus/nev/build_corpus.py 根据公开数据整理生成。"],
            ],
        },
    ],
    "2022-2025_充电基础设施统计表.xlsx": [
        {
            "sheet": "充电基础设施",
            "title": "全国充电基础设施数量（2022年末与2025年末，数据来源：国家能源局）",
            "header": ["统计时点", "充电基础设施总数（万台）", "公共充电桩（万台）", "私人充电桩（万台）",
                       "当年新增充电基础设施（万台）", "换电站（座）"],
            "rows": [
                ["2022年末", 521, None, None, 259.3, 1973],
                ["2025年末", 2009.2, 471.7, 1537.5, None, None],
            ],
        },
        {
            "sheet": "说明",
            "title": "数据说明",
            "header": ["项目", "说明"],
            "rows": [
                ["口径", "充电基础设施含公共充电桩和私人充电桩；空白表示该时点未取得分项数据。"],
                ["2024年数据", "2024年9月末、11月末数据见《2024年充电基础设施与新能源汽车保有量运行简报》。"],
                ["生成方式", "由 corpus/nev/build_corpus.py 根据公开数据整理生成。"],
            ],
        },
    ],
}


def build_xlsx(tables=None, out=OUT, author=AUTHOR):
    from openpyxl import Workbook
    from openpyxl.styles import Font

    for name, sheets in (XLSX_TABLES if tables is None else tables).items():
        wb = Workbook()
        wb.remove(wb.active)
        for spec in sheets:
            ws = wb.create_sheet(spec["sheet"])
            ws.append([spec["title"]])
            ws["A1"].font = Font(bold=True, size=12)
            ws.append(spec["header"])
            for c in ws[2]:
                c.font = Font(bold=True)
            for row in spec["rows"]:
                ws.append(row)
            for col, width in zip("ABCDEF", (18, 24, 22, 22, 26, 14)):
                ws.column_dimensions[col].width = width
        wb.properties.creator = author
        wb.properties.created = FIXED_TIME.replace(tzinfo=None)
        wb.properties.modified = FIXED_TIME.replace(tzinfo=None)
        wb.save(out / name)
        normalize_zip(out / name)


# ----------------------------------------------------------------------- CSV
CSV_SOURCES = {
    "2025_新能源汽车人才紧缺信号汇总.csv": {
        "header": ["序号", "指标", "数值", "时间", "来源", "说明"],
        "rows": [
            [1, "广州紧缺岗位目录中的新能源汽车及智能网联汽车岗位数", "41个", "见原目录",
             "广州市紧缺岗位目录", "目录按一至五星标注紧缺程度，星级越高越紧缺。"],
            [2, "广州目录五星紧缺岗位", "自动驾驶定位工程师；自动驾驶软件工程师；智能驾驶技术研究员",
             "见原目录", "广州市紧缺岗位目录", "五星为最高紧缺等级，均为智能驾驶方向研发岗位。"],
            [3, "工业和信息化领域高技能人才占技能劳动者比重", "28%", "2021年", "工业和信息化部",
             "比重偏低说明高技能人才培养仍是短板，是职业院校和企业培训的重点方向。"],
            [4, "新能源汽车维修企业数量", "不足2万家", "2024年末", "盖世汽车（二手来源）",
             "与保有量快速增长相比，具备新能源汽车维修能力的企业数量偏少。"],
            [5, "新能源汽车维修技师数量", "不足10万人", "2024年末", "盖世汽车（二手来源）",
             "售后检测维修人员供给不足，是后市场服务的主要瓶颈。"],
        ],
        "note": "数据说明：本表汇总公开报道中的紧缺信号，二手来源已注明；使用时应核对原始发布。",
    },
}


def build_csv(sources=None, out=OUT):
    for name, spec in (CSV_SOURCES if sources is None else sources).items():
        with open(out / name, "w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(spec["header"])
            w.writerows(spec["rows"])
            w.writerow(["", spec["note"], "", "", "", ""])


def main(argv=None):
    import argparse

    ap = argparse.ArgumentParser(description="Rebuild the sample sources from text_src/.")
    ap.add_argument("--out", type=pathlib.Path, default=OUT, help="output folder (default: sources/ beside this script)")
    out = ap.parse_args(argv).out
    out.mkdir(parents=True, exist_ok=True)
    build_plain(out=out)
    build_docx(out=out)
    build_pdf(out=out)
    build_html(out=out)
    build_xlsx(out=out)
    build_csv(out=out)
    files = sorted(p.name for p in out.iterdir() if p.is_file())
    print(f"built {len(files)} files in {out}")


if __name__ == "__main__":
    main()
