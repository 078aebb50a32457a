"""Drafting with renamed, English or bad data files: mapped, or one error listing every problem."""
import pandas as pd
import pytest

from fixtures import NEV_PROFILE  # noqa: E402
from assistant.draft import draft_report, regenerate_section
from assistant.errors import InputError

RENAME = {"企业名称": "Employer", "岗位类别": "Job family", "岗位名称": "Job title", "计划招聘_2026": "planned hires 2026",
          "计划招聘_2027": "2027年计划招聘人数", "计划招聘_2028": "plan_2028", "是否难招": "Hard to fill"}


def test_draft_with_bad_survey_lists_every_problem(data_files, fake_kb, tmp_path):
    df = pd.read_excel(data_files["survey"], sheet_name="问卷数据")
    df = df.astype({"现有人数": object, "计划招聘_2026": object})
    df.loc[2, "现有人数"] = "-820"
    df.loc[5, "计划招聘_2026"] = "若干"
    df.loc[7, "岗位类别"] = None
    bad = tmp_path / "survey_2025.xlsx"
    df.to_excel(bad, sheet_name="问卷数据", index=False)
    with pytest.raises(InputError) as e:
        draft_report("talent-demand", fake_kb, [str(bad), data_files["postings"]], 2026, tmp_path / "t.md",
                     profile=NEV_PROFILE)
    msg = str(e.value)
    assert "3处问题" in msg and "第4行 列“现有人数”" in msg and "第7行 列“计划招聘_2026”" in msg and "第9行 列“岗位类别”" in msg
    assert not (tmp_path / "t.md").exists()


def test_draft_with_renamed_headers_and_columns_file(data_files, fake_kb, tmp_path):
    df = pd.read_excel(data_files["survey"], sheet_name="问卷数据").rename(columns={**RENAME, "技能要求": "能力"})
    p = tmp_path / "survey_en.xlsx"
    df.to_excel(p, sheet_name="Sheet1", index=False)
    cols = tmp_path / "columns.yaml"
    cols.write_text("survey:\n  skills: 能力\n", encoding="utf-8")
    base = draft_report("talent-demand", fake_kb, [data_files["survey"]], 2026, tmp_path / "a.md", profile=NEV_PROFILE)
    res = draft_report("talent-demand", fake_kb, [str(p)], 2026, tmp_path / "b.md", profile=NEV_PROFILE, columns=cols)
    strip = lambda m: m.replace("survey_en.xlsx", "survey_2025.xlsx").replace("b_charts", "a_charts")  # noqa: E731
    assert strip(res.markdown) == base.markdown
    again = regenerate_section(res.run_dir, "demand", fake_kb)  # the mapping file is kept for regeneration
    assert again.markdown == res.markdown


def test_survey_without_optional_columns_drops_only_their_sentences(data_files, fake_kb, tmp_path):
    drop = ["所在地区", "企业类型", "现有人数", "薪酬区间", "技能要求"]
    df = pd.read_excel(data_files["survey"], sheet_name="问卷数据").drop(columns=drop)
    p = tmp_path / "survey_min.xlsx"
    df.to_excel(p, sheet_name="问卷数据", index=False)
    res = draft_report("talent-demand", fake_kb, [str(p)], 2026, tmp_path / "m.md", profile=NEV_PROFILE)
    text = res.markdown
    assert "计划招聘人数居前的岗位类别为" in text and "难招" in text  # what the survey has is still analysed
    assert "地区为；" not in text and "从企业类型看，[" not in text and "现有人员None" not in text
    assert "None" not in text and "计划招聘人数居前的地区" not in text and "现有相关岗位人员" not in text


def test_supply_and_postings_without_optional_columns(data_files, fake_kb, tmp_path):
    sup = pd.read_csv(data_files["supply"], encoding="utf-8-sig").drop(columns=["布点院校数", "对口就业率"])
    post = pd.read_csv(data_files["postings"], encoding="utf-8-sig").drop(columns=["招聘人数", "城市", "薪资下限", "薪资上限"])
    sp, pp = tmp_path / "talent_supply_2025.csv", tmp_path / "postings_2021_2025.csv"
    sup.to_csv(sp, index=False, encoding="utf-8-sig")
    post.to_csv(pp, index=False, encoding="utf-8-sig")
    res = draft_report("talent-demand", fake_kb, [data_files["survey"], str(sp), str(pp)], 2026, tmp_path / "s.md",
                       profile=NEV_PROFILE)
    text = res.markdown
    assert "None" not in text and "紧缺指数" in text and "布点院校合计" not in text
    analysis = (res.run_dir / "analysis.json").read_text(encoding="utf-8")
    assert "每条招聘按1人计" in analysis and "按全部毕业生计算对口供给" in analysis


def test_caliber_difference_between_sources_is_stated_not_mixed(tmp_path):
    from fixtures import NEV_STATS, FakeKB

    other = ("2024_统计快报.xlsx", "另一口径的统计快报（测试用合成数据）", 2024, {"表1": [
        {"年份": y, "新能源汽车销量（万辆）": v} for y, v in [(2022, 688.7), (2023, 930.0), (2024, 1300.0)]]})
    kb = FakeKB(tables=(NEV_STATS, other))
    res = draft_report("industry-analysis", kb, [], 2026, tmp_path / "c.md", profile=NEV_PROFILE)
    text = res.markdown
    assert "另据《另一口径的统计快报（测试用合成数据）》，新能源汽车销量2023年为930万辆（本表为949.5万辆）、2024年为1300万辆（本表为1286.6万辆）" in text
    assert "属统计口径不同" in text and "不与之混用" in text
    keys = [r.key for r in res.references]
    assert "data:industry_alt" in keys and "data:industry" in keys
    assert "| 2024 | 1286.6 |" in text or "1286.6" in text  # the table keeps the chosen source's values


def test_series_with_a_missing_year_forecast_says_how(tmp_path):
    from fixtures import FakeKB

    rows = [{"年份": y, "示例装备产量（万套）": v} for y, v in [(2019, 10.0), (2020, 12.1), (2022, 16.0), (2023, 18.2),
                                                          (2024, 19.9), (2025, 22.1)]]  # synthetic test values
    kb = FakeKB(tables=(("示例装备统计.xlsx", "示例装备产量统计（测试用合成数据）", 2025, {"产量": rows}),))
    from assistant.profile import Metric, Profile

    prof = Profile(industry="示例装备", metrics=(Metric("产量", "万套"),))
    res = draft_report("industry-analysis", kb, [], 2026, tmp_path / "g.md", profile=prof)
    text = res.markdown
    assert "2021年缺数据" in text and "缺2021年数据：线性趋势按实际年份拟合" in text and "插值只用于拟合" in text
    few = FakeKB(tables=(("示例装备统计.xlsx", "示例装备产量统计（测试用合成数据）", 2025, {"产量": rows[:3]}),))
    text = draft_report("industry-analysis", few, [], 2026, tmp_path / "f.md", profile=prof).markdown
    assert "本报告未作示例装备规模预测：示例装备产量只有3年数据（2019、2020、2022年），少于预测所需的4年" in text
