"""Issue 9: the four consistency checks on generic wording, and `assistant check` on several files."""
import json

import pytest

from assistant.check import check_text, main

CONS = {"consistency"}


def cons(text):
    return [(f.rule_id, f.text) for f in check_text(text, report="industry-analysis", categories=CONS).findings]


@pytest.mark.parametrize("text,rule", [
    ("据某局统计，毕业生升学率为41.5%，比上年提高3.4%。", "consistency.percent-points"),
    ("据某局统计，2024年园区税收为12.5亿元。后文写道，2024年园区税收为12.5万元。", "consistency.magnitude-slip"),
    ("据学校统计，毕业生合计800人，其中升学300人，就业450人，其他去向80人。", "consistency.parts-total"),
    ("据调查，大型、中型、小型企业的占比分别为40%、35%和30%。", "consistency.parts-total"),
    ("据协会统计，会员收入从2023年的200亿元增长到2024年的230亿元，增长了25%。", "consistency.growth-mismatch"),
    ("据某局统计，2024年招生4.6万人，比上年增加0.6万人，同比增长20%。", "consistency.growth-mismatch"),
    ("据某局统计，岗位68151个，同比减少30981个，降幅为31.25%；环比增加22662个，环比增长40.09%。",
     "consistency.growth-mismatch"),
])
def test_consistency_flags(text, rule):
    assert rule in [r for r, _ in cons(text)], cons(text)


@pytest.mark.parametrize("text", [
    "据某局统计，毕业生升学率为41.5%，比上年提高3.4个百分点；升学人数增长3.4%。",
    "据某局统计，2024年园区产值为12.5亿元，2024年园区人均产值为12.5万元。",
    "据学校统计，毕业生合计800人，其中升学300人，就业420人，其他去向80人。",
    "据学校统计，毕业生合计800人，其中升学300人，就业420人。",
    "据协会统计，会员收入从2023年的200亿元增长到2024年的230亿元，增长了15%。",
    "据某局统计，2023年上半年产量为100万台；2024年产量为260万台，同比增长30%。",
])
def test_consistency_clean(text):
    assert cons(text) == []


def test_many_files_summary_and_max_exit_code(tmp_path, fixtures, capsys):
    good = tmp_path / "news.md"
    good.write_text("某市统计局发布数据显示，全市工业增加值增长5.1%。\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    bad = tmp_path / "sub" / "industry.md"
    bad.write_text((fixtures / "sample_industry.md").read_text(encoding="utf-8"), encoding="utf-8")
    md = tmp_path / "sum.md"
    assert main([str(tmp_path), "--format", "json", "--summary", str(md)]) == 1
    table = md.read_text(encoding="utf-8")
    assert "| news.md | 未识别 |" in table and "| industry.md | 行业发展分析报告 | 2026-04-08 | 逾期 |" in table
    xlsx = tmp_path / "sum.xlsx"
    assert main([str(good), str(tmp_path / "missing.md"), "--summary", str(xlsx)]) == 2
    err = capsys.readouterr().err
    assert "missing.md" in err and len(err.strip().splitlines()) == 1
    from openpyxl import load_workbook

    rows = list(load_workbook(xlsx).active.iter_rows(values_only=True))
    assert rows[0][:4] == ("文件", "类型", "报告日期", "是否按时") and len(rows) == 3
    assert rows[2][0] == "missing.md" and "审查失败" in rows[2][-1]


def test_single_file_json_unchanged(fixtures, capsys):
    assert main([str(fixtures / "sample_industry.md"), "--format", "json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"findings", "summary"} and out["summary"]["report"] == "industry-analysis"


def test_bad_summary_suffix_and_empty_folder(tmp_path, fixtures, capsys):
    assert main([str(fixtures / "sample_industry.md"), "--summary", str(tmp_path / "s.csv")]) == 2
    assert "汇总表" in capsys.readouterr().err
    (tmp_path / "empty").mkdir()
    assert main([str(tmp_path / "empty")]) == 2
    assert "没有可审查的报告" in capsys.readouterr().err


def test_industry_profile_authorities(tmp_path, capsys):
    prof = tmp_path / "p.yaml"
    prof.write_text("industry: 某行业\nauthorities: [某某产业联盟]\n", encoding="utf-8")
    rep = tmp_path / "r.md"
    rep.write_text("# 某行业发展分析报告（2026年）\n\n编制日期：2026年3月\n\n## 行业发展现状\n\n某某产业联盟公告称行业产值达到820亿元。\n",
                   encoding="utf-8")
    main([str(rep), "--format", "json"])
    plain = json.loads(capsys.readouterr().out)["findings"]
    main([str(rep), "--format", "json", "--profile", str(prof)])
    with_prof = json.loads(capsys.readouterr().out)["findings"]
    assert any(f["rule_id"] == "evidence.unsourced-figure" for f in plain)
    assert not any(f["rule_id"] == "evidence.unsourced-figure" for f in with_prof)
