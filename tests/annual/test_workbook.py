"""Performance workbook: template layout, every problem of a broken workbook at once, CLI exit codes."""
import datetime as dt
import subprocess
import sys

import openpyxl

from assistant.annual.schema import canonical_provinces, load_schema, normalise_province
from assistant.annual.workbook import inspect_workbook, is_performance_workbook, read_workbook, write_workbook
from assistant.cli import main

from .conftest import ROOT, SAMPLE_2025, SAMPLE_2026


def test_template_layout(tmp_path):
    out = write_workbook(2026, tmp_path / "t.xlsx")
    wb = openpyxl.load_workbook(out)
    schema = load_schema()
    assert wb.sheetnames[0] == "填表说明" and wb["填表说明"]["B2"].value == 2026
    for spec in schema.sheets:
        ws = wb[spec.name]
        assert [c.value for c in ws[1]] == [c.header for c in spec.columns]
        assert ws.freeze_panes == "A2"
    ws = wb["建设单位"]
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert any("C2:C2000" in str(dv.sqref) or "B2:B2000" in str(dv.sqref) for dv in lists)
    assert wb["选项"].sheet_state == "hidden"
    roles = [c.value for c in wb["选项"]["A"][1:] if c.value]
    assert roles == ["牵头企业", "牵头高等学校", "牵头职业学校", "行业组织", "学校", "科研机构", "企业"]
    assert ws.column_dimensions["A"].width >= 30
    assert is_performance_workbook(out)


def test_provinces():
    assert len(canonical_provinces()) == 34
    assert normalise_province("广东") == normalise_province("广东省") == "广东省"
    assert normalise_province(" 内蒙古 ") == "内蒙古自治区"
    assert normalise_province("广州") is None


def test_broken_workbook_reports_every_problem_at_once(tmp_path, small_book):
    path = small_book()
    wb = openpyxl.load_workbook(path)
    ws = wb["建设单位"]
    ws["D3"] = "粤州"                      # unknown province
    ws["B4"] = "牵头单位"                   # not an allowed role
    ws.append(["甲示例汽车公司", "企业", None, "江苏", dt.date(2026, 1, 1)])  # duplicate unit (row 8)
    ws["E6"] = dt.date(2027, 2, 1)          # joined after the year
    ws2 = wb["人才培养"]
    ws2["E2"] = -5                          # negative count
    ws2["E3"] = "十人"                       # not a number
    ws2.append(["合计", None, None, None, 999])  # total disagrees with details (row 5)
    ws3 = wb["供需对接"]
    ws3["B2"] = dt.date(2025, 12, 30)       # outside the year
    wb["技术攻关"]["D3"] = "二十"            # amount not a number
    del wb["教学资源"]                       # missing sheet
    wb["支持政策"]["B1"] = "名称"             # header changed: column missing
    wb.save(path)
    problems = inspect_workbook(path)
    got = {(p.sheet, p.row, p.column) for p in problems}
    expected = {("建设单位", 3, "所在省份"), ("建设单位", 4, "单位角色"), ("建设单位", 8, "单位名称"),
                ("建设单位", 6, "加入日期"), ("人才培养", 2, "学生人数"), ("人才培养", 3, "学生人数"),
                ("人才培养", 5, "学生人数"), ("供需对接", 2, "发布日期"), ("技术攻关", 3, "资金投入（万元）"),
                ("教学资源", None, ""), ("支持政策", 1, "政策名称")}
    assert expected <= got
    msgs = {(p.sheet, p.row): p.message for p in problems}
    assert "不能为负数" in msgs[("人才培养", 2)]
    assert "明细合计为 0" in msgs[("人才培养", 5)]  # rows 2 and 3 are invalid, row 4 is 0: valid rows sum to 0
    assert "重复" in msgs[("建设单位", 8)] and "第2行" in msgs[("建设单位", 8)]
    assert "不在填报年度 2026 年内" in msgs[("供需对接", 2)]
    assert all(str(p).startswith(p.sheet) for p in problems)


def test_le_rule_and_good_total(tmp_path):
    rows = {"employment": [["示例学校", 100, 120, 50]],
            "courses": [["示例学校", "岗前培训", 30, ""], ["示例学校", "岗位培训", 20, ""], ["合计", None, 50, None]]}
    out = write_workbook(2026, tmp_path / "x.xlsx", rows)
    problems = inspect_workbook(out)
    assert [(p.sheet, p.row, p.column) for p in problems] == [("就业", 2, "共同体内企业接收人数")]


def test_province_normalised_on_read(small_book):
    book = read_workbook(small_book())
    provs = [r["province"] for r in book.records("members")]
    assert provs.count("江苏省") == 2 and "浙江" not in provs and book.problems == []


def _run(*args):
    return subprocess.run([sys.executable, "-m", "assistant", *args], cwd=ROOT, capture_output=True, text=True)


def test_data_inspect_exit_codes(tmp_path, small_book):
    good = small_book()
    assert main(["data", "inspect", str(good)]) == 0
    wb = openpyxl.load_workbook(good)
    wb["建设单位"]["D2"] = "火星"
    wb.save(good)
    r = _run("data", "inspect", str(good))
    assert r.returncode == 1 and "建设单位 第2行 “所在省份”列" in r.stdout
    bad = tmp_path / "坏.xlsx"
    bad.write_bytes(b"not a zip")
    r = _run("data", "inspect", str(bad))
    assert r.returncode == 2 and "Traceback" not in r.stderr + r.stdout


def test_template_cli(tmp_path):
    out = tmp_path / "绩效数据.xlsx"
    assert main(["template", "performance", "--year", "2027", "--out", str(out)]) == 0
    assert read_workbook(out).year == 2027


def test_sample_workbooks_are_clean_and_labelled():
    for p in (SAMPLE_2025, SAMPLE_2026):
        book = read_workbook(p)
        assert book.problems == [] and book.synthetic
        assert all("示例" in r["name"] for r in book.records("members"))
    manifest = (ROOT / "corpus" / "nev" / "MANIFEST.md").read_text(encoding="utf-8")
    assert "绩效数据_2026.xlsx" in manifest and "合成" in manifest


def test_empty_template_is_not_usable(tmp_path):
    out = write_workbook(2026, tmp_path / "空.xlsx")
    problems = inspect_workbook(out)
    assert [(p.sheet, p.message) for p in problems] == [("全部工作表", "没有填写任何数据行")]


def test_sample_builder_reproduces_the_committed_workbooks(tmp_path):
    script = ROOT / "corpus" / "nev" / "build_performance.py"
    subprocess.run([sys.executable, str(script), "--out", str(tmp_path)], check=True, capture_output=True,
                   cwd=str(tmp_path))
    for p in (SAMPLE_2025, SAMPLE_2026):
        assert (tmp_path / p.name).read_bytes() == p.read_bytes(), p.name
