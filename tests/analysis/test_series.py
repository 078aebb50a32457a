"""Year × metric series from tables in any format, with any metric and unit; choice, notes and 口径.

All figures below are synthetic test values (an imaginary industry 示例装备), not statistics."""
from dataclasses import dataclass
from pathlib import Path

import pytest

from assistant.analysis import profile_series
from assistant.analysis.series import Series, choose_series, series_from_table, split_unit
from assistant.kb import tables as kb_tables
from assistant.kb.ingest import load_file
from assistant.profile import Metric, Profile
from tests.conftest import make_pdf

PROFILE = Profile(industry="示例装备", aliases=("示例设备",), metrics=(Metric("产量", "万套"), Metric("营业收入", "亿元")))


@dataclass
class Info:
    source: str
    title: str
    year: int | None
    file_type: str


class DocsKB:
    """The knowledge-base table interface over loaded documents (as KnowledgeBase.tables/table_meta)."""

    def __init__(self, paths):
        self.docs = [load_file(p) for p in paths]

    def sources(self):
        return [Info(d.source, d.title, d.year, d.file_type) for d in self.docs]

    def _doc(self, source):
        return next(d for d in self.docs if d.source == source)

    def tables(self, source):
        return kb_tables.unpack(kb_tables.pack(self._doc(source).tables, self._doc(source).table_meta))[0]

    def table_meta(self, source):
        return kb_tables.unpack(kb_tables.pack(self._doc(source).tables, self._doc(source).table_meta))[1]


def md_file(tmp_path: Path) -> Path:
    p = tmp_path / "2025_示例装备产业统计.md"
    p.write_text("# 示例装备产业运行情况\n\n表1 2019—2025年示例装备产量与营业收入\n\n单位：万套\n\n"
                 "| 年份 | 产量 | 营业收入（亿元） |\n|---|---|---|\n| 2019 | 12.0 | 300 |\n| 2020年 | 13.5 | 320 |\n"
                 "| 2022 | 17.1 | 380 |\n| 2023 | 18.9 | 1,020 |\n| 2024 | 20.2 | 1,100 |\n| 2025 | 22.4 | 1,180 |\n\n"
                 "注：2021年数据暂缺。\n", encoding="utf-8")
    return p


def html_file(tmp_path: Path) -> Path:
    p = tmp_path / "2024_示例装备销量.html"
    p.write_text("<html><head><title>示例装备销量</title></head><body><h2>示例设备年度销量</h2><p>单位：台</p>"
                 "<table><tr><th>指标</th><th>2020年</th><th>2021年</th><th>2022年</th><th>2023年</th></tr>"
                 "<tr><td>销量</td><td>8,100</td><td>9,050</td><td>—</td><td>11,200</td></tr>"
                 "<tr><td>同比增长（%）</td><td>5.1</td><td>11.7</td><td></td><td>9.3</td></tr></table></body></html>",
                 encoding="utf-8")
    return p


def docx_file(tmp_path: Path) -> Path:
    import docx

    p = tmp_path / "示例装备从业人员.docx"
    d = docx.Document()
    d.add_heading("示例装备行业从业人员", level=1)
    d.add_paragraph("表2 示例装备行业从业人数（单位：万人）")
    rows = [["年度", "从业人数"], ["2021", "41.2"], ["2022", "43.0"], ["2024", "47.5"], ["2025", "49.1"]]
    t = d.add_table(rows=len(rows), cols=2)
    for i, r in enumerate(rows):
        for j, c in enumerate(r):
            t.cell(i, j).text = c
    d.save(p)
    return p


def pdf_file(tmp_path: Path) -> Path:
    (tmp_path / "pdf").mkdir()
    return make_pdf(tmp_path / "pdf" / "2025_示例装备产值.pdf", ["示例装备产业产值（单位：亿元）"],
                    table=[["年份", "产值"], ["2021", "510"], ["2022", "560"], ["2023", "640"], ["2025", "790"]])


def test_split_unit():
    assert split_unit("产量（万套）") == ("产量", "万套")
    assert split_unit("销售额(单位：亿元)") == ("销售额", "亿元")
    assert split_unit("从业人数") == ("从业人数", "")


def test_markdown_table_unit_from_nearby_line_and_gap(tmp_path):
    doc = load_file(md_file(tmp_path))
    assert doc.table_meta["表1"]["unit"] == "万套" and "产量与营业收入" in doc.table_meta["表1"]["caption"]
    ss = {s.metric: s for s in series_from_table(doc.tables["表1"], doc.table_meta["表1"], source=doc.source, table="表1")}
    assert ss["产量"].unit == "万套" and ss["产量"].values[2020] == 13.5 and ss["产量"].gaps == [2021]
    assert ss["营业收入"].unit == "亿元" and ss["营业收入"].values[2023] == 1020


def test_html_wide_table_years_as_headers(tmp_path):
    doc = load_file(html_file(tmp_path))
    ss = series_from_table(doc.tables["表1"], doc.table_meta["表1"], source=doc.source, table="表1")
    sales = next(s for s in ss if s.metric == "销量")
    assert sales.unit == "台" and sales.values == {2020: 8100, 2021: 9050, 2023: 11200} and not sales.rate
    assert next(s for s in ss if s.metric == "同比增长").rate


def test_docx_and_pdf_tables_with_caption_units(tmp_path):
    d = load_file(docx_file(tmp_path))
    s = series_from_table(d.tables["表1"], d.table_meta["表1"], source=d.source, table="表1")[0]
    assert (s.metric, s.unit, s.gaps) == ("从业人数", "万人", [2023])
    p = load_file(pdf_file(tmp_path))
    name = next(iter(p.tables))
    s = series_from_table(p.tables[name], p.table_meta[name], source=p.source, table=name)[0]
    assert (s.metric, s.unit, s.values[2025]) == ("产值", "亿元", 790)


def test_profile_series_and_choice_note(tmp_path):
    kb = DocsKB([md_file(tmp_path), html_file(tmp_path), docx_file(tmp_path)])
    prof = Profile(**{**PROFILE.__dict__, "series": {"metric": "营业收入", "unit": "亿元"}})
    s, notes = profile_series(kb, prof)
    assert s.target == "营业收入" and s.unit == "亿元" and s.series["营业收入"][2025] == 1180
    assert "行业配置指定的指标“营业收入”" in s.why
    s, notes = profile_series(kb, PROFILE)  # no series in the profile: its first metric, chosen and said why
    assert s.target == "产量" and s.unit == "万套" and s.columns["year"] == "年份"
    assert notes[0].startswith("选用《") and "依据" in notes[0]


def test_without_profile_series_one_is_chosen_with_reason():
    a = Series("产量", "万套", {2021: 1.0, 2022: 2.0, 2023: 3.0}, "a.md", "表1", "产量（万套）", title="A")
    b = Series("销量", "万套", {2019: 1.0, 2020: 2.0, 2021: 3.0, 2022: 4.0}, "b.md", "表1", "销量（万套）", title="B")
    r = Series("增速", "%", {2019: 1.0, 2020: 2.0, 2021: 3.0, 2022: 4.0, 2023: 5.0}, "b.md", "表1", "增速（%）", rate=True)
    c = choose_series([a, b, r])
    assert c.series is b and "年份最多" in c.notes[0]
    c = choose_series([a, b, r], metrics=["产量"])
    assert c.series is a and "重点指标“产量”" in c.notes[0]


def test_disagreeing_sources_both_kept_with_caliber_note():
    a = Series("示例装备产量", "万套", {2022: 17.1, 2023: 18.9, 2024: 20.2}, "协会.md", "表1", "产量", title="协会统计", source_year=2025)
    b = Series("示例装备产量", "万套", {2023: 21.4, 2024: 20.2}, "统计局.html", "表1", "产量", title="统计局数据", source_year=2024)
    c = choose_series([a, b], names=("示例装备",), metric="产量", unit="万套")
    assert c.series is a and c.alternatives == [b]
    assert c.conflicts == [{"year": 2023, "metric": "产量", "unit": "万套", "values": [
        {"source": "协会.md", "table": "表1", "title": "协会统计", "value": 18.9},
        {"source": "统计局.html", "table": "表1", "title": "统计局数据", "value": 21.4}]}]
    assert any(n.startswith("口径差异：产量2023年《协会统计》为18.9万套、《统计局数据》为21.4万套") and "不与" in n for n in c.notes)
    assert c.series.values[2023] == 18.9  # never mixed


def test_unit_mismatch_and_unnamed_tables_are_noted_not_used():
    ok = Series("示例装备产量", "万套", {2021: 1.0, 2022: 2.0}, "a.md", "表1", "示例装备产量（万套）", title="A")
    other_unit = Series("示例装备产量", "套", {2021: 10000.0, 2022: 20000.0}, "b.md", "表1", "示例装备产量（套）", title="B")
    unnamed = Series("产量", "万套", {2019: 5.0, 2020: 6.0, 2021: 7.0}, "c.md", "表1", "产量（万套）", title="全国整体")
    c = choose_series([ok, other_unit, unnamed], names=("示例装备",), metric="产量", unit="万套")
    assert c.series is ok
    assert any("单位为套" in n for n in c.notes) and any("未标明为示例装备数据" in n for n in c.notes)


def test_no_series_says_what_is_missing():
    c = choose_series([], metric="产量")
    assert c.series is None and "年份" in c.reason
    a = Series("销量", "台", {2021: 1.0, 2022: 2.0}, "a.md", "表1", "销量（台）")
    c = choose_series([a], metric="产量", unit="万套")
    assert c.series is None and "没有指标“产量”" in c.reason and "销量" in c.reason
    c = choose_series([a], metric="销量", source="missing.xlsx")
    assert c.series is None and "missing.xlsx" in c.reason


def test_table_meta_survives_storage_shape():
    packed = kb_tables.pack({"表1": [{"年份": "2021"}]}, {"表1": {"unit": "万套"}})
    tables, meta = kb_tables.unpack(packed)
    assert tables == {"表1": [{"年份": "2021"}]} and meta["表1"]["unit"] == "万套"
    assert kb_tables.unpack({"Sheet1": []}) == ({"Sheet1": []}, {})  # an index written before metadata
