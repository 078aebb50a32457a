"""Shared fixtures: a small mixed-format corpus built in a temp folder, and an index over it."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
# the checker's learned filter (assistant/check/learned.py) is off in tests: rule tests test the rules, and no test
# loads the real embedder unless it says so (tests/check/test_issue9_round19_learned.py turns it on where it needs it)
os.environ.setdefault("CIE_CHECK_LEARNED", "0")

REPO = Path(__file__).resolve().parent.parent
SAMPLE_SOURCES = REPO / "corpus" / "nev" / "sources"


def cjk_font(chars: str, dest: Path) -> str:
    """A TrueType subset of Noto Sans SC: fpdf2 embeds the shipped CFF font in a form that
    pdfplumber cannot read back, so the corpus build script converts it (reused here)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_corpus", REPO / "corpus" / "nev" / "build_corpus.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return str(mod.make_pdf_font(chars, dest))


def make_pdf(path: Path, pages: list[str], table: list[list[str]] | None = None) -> Path:
    from fpdf import FPDF

    chars = "".join(sorted(set("".join(pages) + "".join(sum(table or [], [])) + "0123456789")))
    pdf = FPDF()
    pdf.add_font("noto", fname=cjk_font(chars, path.parent.parent / (path.stem + ".ttf")))
    pdf.set_font("noto", size=12)
    for i, text in enumerate(pages):
        pdf.add_page()
        pdf.multi_cell(0, 8, text)
        if table and i == len(pages) - 1:
            from fpdf.fonts import FontFace

            with pdf.table(headings_style=FontFace(emphasis="")) as t:
                for r in table:
                    row = t.row()
                    for c in r:
                        row.cell(c)
    pdf.output(str(path))
    return path


def make_docx(path: Path) -> Path:
    import docx

    d = docx.Document()
    d.add_heading("动力电池产业简报", level=1)
    d.add_heading("一、装车量", level=2)
    d.add_paragraph("据中国汽车动力电池产业创新联盟统计，2021年我国动力电池装车量154.5GWh，约占全球一半。")
    d.add_heading("二、材料", level=2)
    d.add_paragraph("我国负极材料产量约占全球90%。")
    t = d.add_table(rows=3, cols=3)
    for r, row in enumerate([["时期", "产量（GWh）", "同比"], ["2023年上半年", "293.6", "36.8%"],
                             ["2024年一季度", "184.6", "33.5%"]]):
        for c, v in enumerate(row):
            t.cell(r, c).text = v
    d.save(str(path))
    return path


def make_xlsx(path: Path) -> Path:
    import pandas as pd

    df = pd.DataFrame({"年份": [2021, 2022, 2023, 2024, 2025],
                       "产量（万辆）": [354.5, 705.8, 958.7, 1288.8, 1662.6],
                       "销量（万辆）": [352.1, 688.7, 949.5, 1286.6, 1649.0]})
    with pd.ExcelWriter(path) as w:
        df.to_excel(w, sheet_name="产销", index=False)
        pd.DataFrame({"时间": ["2022年底", "2025年底"], "充电设施（万台）": [521, 2009.2]}).to_excel(
            w, sheet_name="充电", index=False)
    return path


FILLER = [
    "公安部数据显示，2022年全国新注册登记新能源汽车535万辆，占新注册汽车总量的23.05%。",
    "《新能源汽车产业发展规划（2021—2035年）》提出，到2025年新能源汽车新车销售量达到汽车新车销售总量的20%左右。",
    "据脉脉高聘统计，2023年电池工程师岗位的人才供需比为0.16。",
    "2023年全国1545所高职学校中有716所开设新能源汽车技术专业。",
    "人社部2024年7月发布19个新职业，其中包括智能网联汽车测试员。",
    "据猎聘统计，2022年新能源汽车新发职位同比增长36.18%。",
]


def build_mixed_corpus(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "2024_产销快报.md").write_text(
        "# 2024年新能源汽车产销快报\n\n发布时间：2025年1月\n\n## 一、产销\n\n"
        "据中国汽车工业协会统计，2024年新能源汽车产销分别完成1288.8万辆和1286.6万辆，同比分别增长34.4%和35.5%。\n\n"
        "## 二、出口\n\n2024年新能源汽车出口128.4万辆，同比增长6.7%。\n", encoding="utf-8")
    (root / "2022_充电设施.txt").write_bytes(
        "2022年充电基础设施简报\n\n截至2022年底，全国充电基础设施累计数量为521万台，全年新增259.3万台，换电站1973座。\n"
        .encode("gb18030"))
    (root / "bom.txt").write_bytes("\ufeff带BOM的文本\n\n2025年全国汽车产销分别完成3453.1万辆和3440万辆。\n".encode("utf-8"))
    (root / "news.html").write_text(
        "<html><head><title>出口新闻</title></head><body><h1>2022年新能源汽车出口</h1>"
        "<p>据人民日报报道，2022年新能源汽车出口67.9万辆。</p></body></html>", encoding="utf-8")
    (root / "signals.csv").write_text("岗位,供需比,来源\n电池工程师,0.16,脉脉高聘\n智驾工程师,0.38,央视\n", encoding="utf-8-sig")
    (root / "filler.md").write_text("# 其他资料\n\n" + "\n\n".join(FILLER) + "\n", encoding="utf-8")
    make_docx(root / "2023_电池简报.docx")
    make_xlsx(root / "2021-2025_产销表.xlsx")
    make_pdf(root / "2025_人才缺口.pdf",
             ["一、总体判断\n据央视2025年7月报道，新能源汽车人才缺口约100万人。",
              "二、岗位\n智驾工程师供需比为0.38。"],
             table=[["岗位", "供需比"], ["电池工程师", "0.16"], ["模拟芯片设计", "0.2"]])
    return root


@pytest.fixture(scope="session")
def mixed_corpus(tmp_path_factory) -> Path:
    return build_mixed_corpus(tmp_path_factory.mktemp("corpus") / "docs")


@pytest.fixture(scope="session")
def mixed_kb(mixed_corpus, tmp_path_factory):
    from assistant.config import Settings
    from assistant.kb import KnowledgeBase

    kb = KnowledgeBase(Settings(index_dir=tmp_path_factory.mktemp("index")))
    report = kb.ingest([mixed_corpus])
    assert report.ok, report.failures
    return kb


@pytest.fixture(scope="session")
def sample_kb(tmp_path_factory):
    """The shipped sample corpus, indexed once per test session with the sample's profile in the index
    (as `assistant demo` does: its terms are in the keyword tokenizer at ingest and search)."""
    import shutil

    from assistant.config import Settings
    from assistant.kb import KnowledgeBase
    from assistant.profile import PROFILE_FILE

    index = tmp_path_factory.mktemp("sample-index")
    shutil.copyfile(SAMPLE_SOURCES.parent / PROFILE_FILE, index / PROFILE_FILE)
    kb = KnowledgeBase(Settings(index_dir=index))
    report = kb.ingest([SAMPLE_SOURCES])
    assert report.ok, report.failures
    return kb
