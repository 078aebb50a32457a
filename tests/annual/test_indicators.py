"""The six indicators: figures, missing data named as missing, changes, report checks, outputs."""
import openpyxl
import pytest

from assistant.annual.indicators import MISSING, compute, table_text, write_table
from assistant.cli import main
from assistant.errors import InputError

from .conftest import ROOT


def test_figures_from_a_small_workbook(small_book):
    res = compute(small_book())
    v = {q.key: q.value for q in res.quantities}
    assert v["members"] == 6 and v["lead_units"] == 3 and v["enterprises"] == 2 and v["schools"] == 3
    assert v["provinces"] == 4  # 江苏/江苏省 are one province
    # participants outside the leads' provinces (江苏省, 浙江省): 协会 广东, 学校 四川 → 2 of 3
    assert v["outside_share"] == pytest.approx(66.7)
    assert v["order"] == 50 and v["apprentice"] == 0  # an explicit 0 is a figure
    assert v["commissioned"] is None and v["field_engineers"] is None  # no rows of that kind: missing
    assert v["staff_in"] is None and v["policies"] is None  # empty sheets: missing
    assert v["published"] == 2 and v["on_time"] == 1
    assert v["funding"] == pytest.approx(120.5) and v["centres"] == 1 and v["renovation"] == 1
    assert v["list_taken"] == 1 and v["list_done"] == 1 and v["list_done_rate"] == 100.0
    rel = {r["doc"]: r for r in res.releases}
    assert rel["行业发展分析报告"]["q1"] is True and rel["技术供需清单"]["q1"] is False
    assert rel["人才供需清单"]["status"] == MISSING
    assert res.by_role["牵头企业"] == 1 and res.lead_provinces == ["江苏省", "浙江省"]


def test_missing_is_never_zero(small_book):
    text = table_text(compute(small_book()))
    line = next(ln for ln in text.splitlines() if "| 委托培养学生 |" in ln)
    assert MISSING in line and "| 0 |" not in line
    zero = next(ln for ln in text.splitlines() if "| 学徒制培养学生 |" in ln)
    assert "| 0 |" in zero


def test_changes_against_previous_year(small_book):
    prev = small_book(year=2025, order=20)
    res = compute(small_book(year=2026, order=40), previous=prev)
    q = res.get("order")
    assert (q.value, q.previous, q.change) == (50, 30, 20) and q.change_pct == pytest.approx(66.67, abs=0.01)
    assert res.get("commissioned").change is None
    text = table_text(res)
    assert "+20（+66.7%）" in text and "与2025年度比较" in text
    with pytest.raises(InputError):
        compute(prev, previous=small_book(year=2026, order=40, name="later.xlsx"))


def test_report_checks_counts(tmp_path, small_book):
    report = tmp_path / "行业发展分析报告.md"
    report.write_text("# 示例行业发展分析报告（2026年）\n\n## 一、行业发展现状\n\n我国该行业全球最大，发展空前。\n",
                      encoding="utf-8")
    res = compute(small_book(), reports=[str(report)])
    c = res.report_checks[0]
    assert c["report"] == "行业发展分析报告" and c["objectivity"] >= 1 and c["objective"] == "需修改"
    assert c["completeness_errors"] >= 1 and c["complete"] == "不全面"


def test_outputs_md_and_xlsx(tmp_path, small_book):
    book = small_book()
    assert main(["indicators", "--data", str(book), "--out", str(tmp_path / "t.md")]) == 0
    assert "监测指标" in (tmp_path / "t.md").read_text(encoding="utf-8")
    out = write_table(compute(book), tmp_path / "t.xlsx")
    ws = openpyxl.load_workbook(out)["监测指标"]
    rows = {r[1]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    assert rows["建设单位数量"][2] == 6 and rows["委托培养学生"][2] == MISSING


def test_sample_indicator_table():
    res = compute(ROOT / "corpus/nev/data/绩效数据_2026.xlsx", previous=ROOT / "corpus/nev/data/绩效数据_2025.xlsx")
    assert res.year == 2026 and res.previous_year == 2025 and res.problems == []
    assert {q.indicator for q in res.quantities} == {1, 2, 3, 4, 5, 6}
    assert any(q.value is None for q in res.quantities)  # the sample leaves two admission kinds unreported
    assert any(q.change is not None and q.change < 0 for q in res.quantities)


def test_chart_beside_the_table(tmp_path, small_book):
    out = write_table(compute(small_book()), tmp_path / "指标.xlsx")
    png = tmp_path / "指标_建设单位分布.png"
    assert png.is_file() and png.stat().st_size > 10_000
    assert openpyxl.load_workbook(out)["单位构成"]._images


def test_bad_inputs_are_one_line_errors(capsys):
    data = ROOT / "corpus" / "nev" / "data"
    for args in (["--data", str(data / "postings_2021_2025.csv")], ["--data", str(data / "survey_2025.xlsx")],
                 ["--data", str(data / "绩效数据_2025.xlsx"), "--previous", str(data / "绩效数据_2026.xlsx")]):
        assert main(["indicators", *args]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and err[0].startswith("错误：")
