"""Data intake with bad or unusual input: every case is reported (file, sheet, row, column), never a traceback."""
import json
import subprocess
import sys

import pandas as pd
import pytest

from assistant.analysis import demand_structure, load_data, postings_summary, read_table, shortage, split_list
from assistant.errors import InputError

from .conftest import survey_rows


def run(*args):
    return subprocess.run([sys.executable, "-m", "assistant", *map(str, args)], capture_output=True, text=True)


def test_text_numbers_parsed_with_notes(write_table):
    rows = survey_rows()
    rows[0]["计划招聘_2026"], rows[1]["计划招聘_2026"], rows[2]["现有人数"] = "1,200", "约50人", "1.2万"
    t = read_table(write_table("survey_2025.xlsx", rows))
    assert t.df["plan_2026"].iloc[0] == 1200 and t.df["plan_2026"].iloc[1] == 50 and t.df["headcount"].iloc[2] == 12000
    assert demand_structure(t, 2026)["total"] == 1200 + 50 + sum(5 + i for i in range(2, 12))
    notes = " ".join(t.notes)
    assert "第3行“约50人”按50计（约数）" in notes and "“1.2万”按12000计" in notes


def test_unparseable_and_negative_rejected_all_at_once(write_table):
    rows = survey_rows()
    rows[3]["计划招聘_2026"] = "很多"
    rows[5]["现有人数"] = -820
    rows[7]["计划招聘_2027"] = "-110"
    p = write_table("survey_2025.xlsx", rows)
    with pytest.raises(InputError) as e:
        load_data([p])
    msg = str(e.value)
    assert "\n" not in msg and "3处问题" in msg
    assert "survey_2025.xlsx 工作表“问卷数据” 第5行 列“计划招聘_2026”" in msg and "很多" in msg
    assert "第7行 列“现有人数”" in msg and "负数" in msg
    assert "第9行 列“计划招聘_2027”" in msg


def test_header_only_survey_is_an_error(write_table):
    p = write_table("survey_2025.xlsx", [], columns=list(survey_rows()[0]))
    with pytest.raises(InputError, match="只有表头，没有数据行"):
        load_data([p])


def test_blank_text_cells_never_crash(write_table):
    rows = survey_rows()
    rows[2]["技能要求"] = None
    rows[4]["学历要求"] = ""
    t = read_table(write_table("survey_2025.xlsx", rows))
    assert split_list(float("nan")) == [] and split_list(None) == [] and split_list(pd.NA) == []
    ds = demand_structure(t, 2026)
    sh = shortage(t, None, 2026)
    assert ds["by_skill"] and sh["positions"]
    warn = [p for p in t.problems if p.severity == "warning"]
    assert {(p.row, p.column) for p in warn} == {(4, "技能要求"), (6, "学历要求")}


def test_blank_required_text_is_an_error(write_table):
    rows = survey_rows()
    rows[1]["岗位类别"] = None
    with pytest.raises(InputError, match=r"第3行 列“岗位类别”：空白单元格（必填）"):
        load_data([write_table("survey_2025.xlsx", rows)])


def test_postings_with_unparseable_dates_reported(write_table):
    rows = [{"发布日期": d, "岗位名称": "装配工", "岗位类别": "生产制造", "招聘人数": 2}
            for d in ["2023-05-01", "2024/3/2", "昨天", "2025年6月", "2024-13-45"]]
    p = write_table("postings_2023_2025.csv", rows)
    with pytest.raises(InputError) as e:
        load_data([p])
    assert "第4、6行 列“发布日期”" in str(e.value) and "昨天" in str(e.value)
    ok = read_table(write_table("postings_ok.csv", [r for r in rows if r["发布日期"] not in ("昨天", "2024-13-45")]))
    assert postings_summary(ok)["years"] == [2023, 2024, 2025]


def test_plan_column_without_year_uses_survey_year(write_table):
    rows = [{k: v for k, v in r.items() if k != "计划招聘_2027"} for r in survey_rows()]
    for r in rows:
        r["计划招聘人数"] = r.pop("计划招聘_2026")
    t = read_table(write_table("survey_2025.xlsx", rows))
    assert t.plan_years == [2025] and any("未标年份，按调查年份2025年计" in n for n in t.notes)
    assert demand_structure(t, 2026)["demand_year"] == 2025
    for r in rows:
        r["下年度计划招聘"] = r.pop("计划招聘人数")
        del r["调查年份"]
    t = read_table(write_table("survey_b.xlsx", rows), report_year=2026)
    assert t.plan_years == [2027] and any("按报告年份2026年的下一年计为2027年" in n for n in t.notes)


ENGLISH = {"企业名称": "Employer", "所在地区": "Region", "企业类型": "Ownership", "企业规模": "Company size",
           "岗位名称": "Job title", "岗位类别": "岗位所属类别", "学历要求": "Education level", "技能要求": "Required skills",
           "现有人数": "现有岗位人数", "计划招聘_2026": "Planned hires 2026", "计划招聘_2027": "2027年计划招聘人数",
           "是否难招": "Hard to fill", "薪酬区间": "Salary range", "调查年份": "Survey year"}


def test_renamed_and_english_headers_give_same_analysis(write_table):
    rows = survey_rows()
    base = read_table(write_table("survey_2025.xlsx", rows))
    renamed = read_table(write_table("问卷_企业.xlsx", [{ENGLISH[k]: v for k, v in r.items()} for r in rows], sheet="Sheet1"))
    assert renamed.kind == "survey" and not renamed.missing and renamed.plan_years == [2026, 2027]
    assert renamed.mapping["family"].how == "fuzzy" and renamed.mapping["company"].how == "synonym"
    assert demand_structure(renamed, 2026) == demand_structure(base, 2026)


def test_missing_optional_field_switches_off_only_its_analysis(write_table):
    rows = [{k: v for k, v in r.items() if k not in ("所在地区", "是否难招")} for r in survey_rows()]
    t = read_table(write_table("survey_2025.xlsx", rows))
    assert set(t.missing) == {"region", "hard_to_fill"}
    assert "需求的地区分布" in t.disabled()["region"]
    ds = demand_structure(t, 2026)
    assert ds["by_region"] == [] and ds["hard_share"] is None and ds["by_family"]
    assert shortage(t, None, 2026)["has_hard"] is False


def test_columns_override_file(write_table, tmp_path):
    rows = [{"单位": r["企业名称"], "类": r["岗位类别"], "岗": r["岗位名称"], "需": r["计划招聘_2026"]} for r in survey_rows()]
    p = write_table("survey_x.xlsx", rows)
    with pytest.raises(InputError, match="岗位类别"):
        load_data([p])
    cols = tmp_path / "cols.yaml"
    cols.write_text("survey:\n  company: 单位\n  family: 类\n  position: 岗\n  plan_2026: 需\n", encoding="utf-8")
    b = load_data([p], columns=cols)
    t = b.get("survey")
    assert t.plan_years == [2026] and t.mapping["family"].how == "override"
    bad = tmp_path / "bad.yaml"
    bad.write_text("surveys:\n  company: 单位\n", encoding="utf-8")
    with pytest.raises(InputError, match="未知的表格类型"):
        load_data([p], columns=bad)


def test_lists_cli_bad_data_one_line_exit_2(write_table, tmp_path):
    rows = survey_rows()
    rows[3]["计划招聘_2026"] = "很多"
    rows[6]["现有人数"] = "-5"
    p = write_table("survey_2025.xlsx", rows)
    r = run("lists", "--data", p, "--out", tmp_path / "l.xlsx", "--industry", "示例行业")
    assert r.returncode == 2 and r.stderr.startswith("错误：") and r.stderr.count("\n") == 1
    assert "Traceback" not in r.stderr and "很多" in r.stderr and "负数" in r.stderr
    r = run("lists", "--data", p, "--out", tmp_path / "l.xlsx", "--industry", "示例行业", "--year", "-5")
    assert r.returncode == 2 and "--year 应为" in r.stderr and "-5" in r.stderr


def test_data_inspect_exit_codes_and_output(write_table, tmp_path):
    good = write_table("survey_2025.xlsx", survey_rows())
    r = run("data", "inspect", good)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "表格类型：企业问卷调查数据（survey）" in r.stdout and "family（岗位类别）← “岗位类别”（精确）" in r.stdout
    rows = [{k: v for k, v in r.items() if k != "所在地区"} for r in survey_rows()]
    rows[2]["计划招聘_2026"] = "很多"
    bad = write_table("survey_bad.xlsx", rows)
    r = run("data", "inspect", good, bad, "--json")
    assert r.returncode == 1
    rep = json.loads(r.stdout)
    assert [x["exit_code"] for x in rep] == [0, 1]
    assert rep[1]["missing"][0]["field"] == "region" and "需求的地区分布" in rep[1]["missing"][0]["disables"]
    assert rep[1]["problems"][0]["row"] == 4 and rep[1]["problems"][0]["column"] == "计划招聘_2026"
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    r = run("data", "inspect", good, broken)
    assert r.returncode == 2 and "无法读取" in r.stdout


def test_performance_workbook_is_recognised(tmp_path):
    p = tmp_path / "绩效.xlsx"
    try:  # the annual-summary module writes a proper blank workbook when it is installed
        from assistant.annual.workbook import write_workbook
    except ImportError:
        write_workbook = None
    if write_workbook is not None:
        write_workbook(2025, p)
    else:
        with pd.ExcelWriter(p) as w:
            pd.DataFrame([{"单位名称": "某学院", "类型": "院校"}]).to_excel(w, sheet_name="建设单位", index=False)
    r = run("data", "inspect", p)
    assert "年度绩效数据工作簿" in r.stdout and r.returncode in (0, 1)
    with pytest.raises(InputError, match="年度绩效数据工作簿"):
        load_data([p])


def test_text_cells_keep_chinese_punctuation_but_full_width_letters_become_ascii(write_table):
    """Text is read as written for the lists and drafts: “，（）：；” stay, “ＰＬＣ” becomes “PLC”."""
    from assistant.analysis.core import tech_summary

    rows = [{"技术需求": "电池包气密性检测（自动化）", "提出单位": "样例企业01", "需求描述": "节拍慢，误判率高：需改进；见附件",
             "紧迫程度": "高", "技术领域": "ＰＬＣ控制", "期望合作方式": "联合攻关"}]
    t = read_table(write_table("tech_needs_2025.xlsx", rows))
    row = tech_summary(t)["rows"][0]
    assert row["need"] == "电池包气密性检测（自动化）" and row["description"] == "节拍慢，误判率高：需改进；见附件"
    assert row["field"] == "PLC控制"
