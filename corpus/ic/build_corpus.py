#!/usr/bin/env python3
"""Rebuild corpus/ic/sources/ (sample industry 集成电路) from corpus/ic/text_src/ (reproducible, no network).

Same layout and converters as the first sample: the Markdown parser, DOCX/PDF/HTML/XLSX writers,
the font subsetting for PDF and the zip normaliser are imported from corpus/nev/build_corpus.py;
only the folders, the author string, the HTML breadcrumb and the spreadsheet tables differ.

text_src layout (all UTF-8):
  md/*.md           -> sources/*.md            (copied)
  txt_gb18030/*.txt -> sources/*.txt           (re-encoded to GB18030)
  txt_utf8/*.txt    -> sources/*.txt           (copied, UTF-8)
  docx/*.md         -> sources/*.docx          (Title/Heading 1/Heading 2 + tables)
  pdf/*.md          -> sources/*.pdf           (multi-page, tables, Noto Sans SC subset)
  html/*.md         -> sources/*.html
  XLSX_TABLES below -> sources/*.xlsx

Usage: python corpus/ic/build_corpus.py [--out DIR]
"""
from __future__ import annotations

import importlib.util
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
SRC = HERE / "text_src"
OUT = HERE / "sources"
AUTHOR = "corpus/ic/build_corpus.py"
NAV = "首页 &gt; 行业资讯 &gt; 集成电路"


def _nev_builder():
    """corpus/nev/build_corpus.py as a module (it is a script in a folder without __init__)."""
    path = HERE.parent / "nev" / "build_corpus.py"
    spec = importlib.util.spec_from_file_location("nev_build_corpus", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


XLSX_TABLES = {
    "2021-2025_集成电路进出口统计表.xlsx": [
        {
            "sheet": "进出口数量",
            "title": "2021—2025年我国集成电路进出口数量（数据来源：海关总署）",
            "header": ["年份", "进口数量（亿块）", "出口数量（亿块）", "备注"],
            "rows": [
                [2021, 6354.8, 3107, ""],
                [2022, 5384, 2734, ""],
                [2023, 4795, 2678.3, "进口数量按公开报道取整"],
                [2024, 5492.6, 2981.3, ""],
                [2025, 5917, 3495, "海关以“个”计，与“块”同义"],
            ],
        },
        {
            "sheet": "进出口金额",
            "title": "2021—2024年我国集成电路进出口金额（美元口径，数据来源：海关总署）",
            "header": ["年份", "进口金额（亿美元）", "出口金额（亿美元）"],
            "rows": [
                [2021, 4325.5, 1537.9],
                [2022, 4155.8, None],
                [2023, 3494, None],
                [2024, 3857.9, 1595.5],
            ],
        },
        {
            "sheet": "说明",
            "title": "数据说明",
            "header": ["项目", "说明"],
            "rows": [
                ["口径", "海关总署进出口统计；数量单位为亿块，金额单位为亿美元。"],
                ["空白", "2022年、2023年出口金额未取得美元口径数据，空白表示缺失，不表示为零。"],
                ["2025年金额", "2025年海关以人民币公布金额，见《2025年集成电路进出口年度简报》，本表未折算。"],
                ["生成方式", "由 corpus/ic/build_corpus.py 根据公开数据整理生成。"],
            ],
        },
    ],
}


def main(argv=None):
    import argparse

    ap = argparse.ArgumentParser(description="Rebuild corpus/ic/sources/ from corpus/ic/text_src/.")
    ap.add_argument("--out", type=pathlib.Path, default=OUT, help="output folder (default: sources/ beside this script)")
    out = ap.parse_args(argv).out
    nev = _nev_builder()
    out.mkdir(parents=True, exist_ok=True)
    nev.build_plain(src=SRC, out=out)
    nev.build_docx(src=SRC, out=out, author=AUTHOR)
    nev.build_pdf(src=SRC, out=out, author=AUTHOR)
    nev.build_html(src=SRC, out=out, author=AUTHOR, nav=NAV)
    nev.build_xlsx(tables=XLSX_TABLES, out=out, author=AUTHOR)
    files = sorted(p.name for p in out.iterdir() if p.is_file())
    print(f"built {len(files)} files in {out}")


if __name__ == "__main__":
    main()
