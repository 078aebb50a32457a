"""`assistant check` through assistant.check.main: exit codes 0/1/2, JSON shape, outputs."""
import json

from assistant.check import main

FIELDS = {"rule_id", "category", "level", "criterion", "section", "text", "span", "message", "suggestion", "line"}
CLEAN = """# 新能源汽车行业发展分析报告（2026年）

编制日期：2026年2月27日

## 一、报告说明

本报告由共同体工作专班编制，数据来源为中国汽车工业协会发布的统计数据，调研方法为走访调研，时间范围为2021—2025年。

## 二、行业发展现状

据中国汽车工业协会统计，2025年新能源汽车产量1662.6万辆，同比增长29%，产销规模、结构、区域布局和产业链持续优化，纯电动车型占比最高，长三角是主要生产区域，电池环节配套完整。

## 三、政策环境

国务院办公厅印发的《新能源汽车产业发展规划（2021—2035年）》提出到2025年的目标，工信部、教育部出台了配套政策。

## 四、技术与市场趋势

智能网联技术加快应用；据中国汽车工业协会统计，新能源汽车销量占比已超过50%，市场持续扩大。

## 五、问题与挑战

据工业和信息化部数据，高技能人才仅占技能人才的28%，人才结构性短缺和技能结构不匹配仍然存在。

## 六、对产教融合的建议

调整专业和课程设置，扩大订单培养、学徒制培养和企业员工培训。

## 七、数据来源

[1] 中国汽车工业协会：汽车工业产销快讯（2025年12月）。
"""


def test_exit_0_when_no_error(tmp_path, capsys):
    p = tmp_path / "clean.md"
    p.write_text(CLEAN, encoding="utf-8")
    assert main([str(p), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"findings", "summary"}
    assert all(f["level"] != "error" for f in out["findings"])


def test_exit_1_with_errors_and_json_shape(fixtures, capsys):
    assert main([str(fixtures / "sample_industry.md"), "--format", "json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"findings", "summary"}
    assert out["findings"] and all(set(f) == FIELDS for f in out["findings"])
    f = out["findings"][0]
    assert isinstance(f["span"], list) and len(f["span"]) == 2
    assert f["category"] in {"objectivity", "evidence", "completeness", "consistency", "timeliness"}
    assert {"total", "by_level", "by_category", "by_criterion", "report", "report_year"} <= set(out["summary"])


def test_exit_2_on_missing_file(tmp_path, capsys):
    assert main([str(tmp_path / "nope.md")]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "文件不存在" in err


def test_exit_2_on_bad_arguments(fixtures, capsys):
    assert main([str(fixtures / "sample_industry.md"), "--report", "weekly"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "参数错误" in err
    assert main([]) == 2


def test_exit_2_on_unsupported_format_and_broken_index(fixtures, tmp_path, capsys):
    p = tmp_path / "x.xlsx"
    p.write_bytes(b"PK")
    assert main([str(p)]) == 2
    assert "不支持" in capsys.readouterr().err


def test_text_markdown_and_out(fixtures, tmp_path, capsys):
    assert main([str(fixtures / "sample_industry.md")]) == 1
    text = capsys.readouterr().out
    assert "completeness.missing-section" in text and "监测指标(二)·及时" in text
    out = tmp_path / "r.md"
    assert main([str(fixtures / "sample_industry.md"), "--format", "markdown", "--out", str(out)]) == 1
    md = out.read_text(encoding="utf-8")
    assert md.startswith("# 审查结果") and "| 依据 | 结论 |" in md


def test_year_and_report_override(fixtures, capsys):
    # with --year 2027 the April 2026 date is outside Q1 2027 as well; report kind forced
    assert main([str(fixtures / "sample_industry.md"), "--format", "json", "--year", "2027",
                 "--report", "talent-demand"]) == 1
    s = json.loads(capsys.readouterr().out)["summary"]
    assert s["report"] == "talent-demand" and s["report_year"] == 2027
