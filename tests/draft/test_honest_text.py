"""Honest text: each report drafted with every subset of the data files (survey, postings, supply,
technology needs), with and without a statistics series in the knowledge base. No sentence the drafter
writes itself (data and framing sentences, table captions and headers) may claim data or a method that
was not supplied. Sentences that say a thing was NOT done are allowed; evidence sentences quote sources."""
from __future__ import annotations

import itertools
import re

import pytest
from fixtures import NEV_PROFILE, FakeKB

from assistant.draft import draft_report

KINDS = ("survey", "postings", "supply", "tech")
# What a sentence would say if it used the data file (or made the forecast).
CLAIMS = {
    "survey": r"问卷调查于|样本企业|企业问卷调查|企业调查数据|岗位记录|难招率|计划招聘",
    "postings": r"招聘数据(包括|中|看|分析)|招聘岗位信息|年度招聘人数|年招聘人数为|月薪中位数",
    "demand_forecast": r"点预测|回测|MAPE|预测期",  # talent report: the demand forecast needs postings
    "supply": r"紧缺指数|供给估计|院校供给统计|布点院校|毕业生|对口就业",
    "tech": r"技术需求",
    "series": r"统计表|统计数据梳理|年均增长|累计增长|点预测|预测值|回测|MAPE",
}
NEGATION = re.compile(r"未提供|未取得|没有|未作|不作|不计算|无法|不含|未填")


def own_texts(res) -> list[str]:
    out = []
    for sd in res.sections:
        for b in sd.blocks:
            if b.type == "para":
                out += [s.text for s in b.sentences if s.kind != "evidence"]
            else:
                out.append(b.caption + " " + " ".join(b.headers))
    return out


def claims(texts: list[str], absent: list[str]) -> list[tuple[str, str]]:
    bad = []
    for t in texts:
        if NEGATION.search(t):
            continue
        for k in absent:
            if re.search(CLAIMS[k], t):
                bad.append((k, t))
    return bad


SUBSETS = [s for n in range(len(KINDS) + 1) for s in itertools.combinations(KINDS, n)]


@pytest.mark.parametrize("report", ["industry-analysis", "talent-demand"])
def test_no_sentence_claims_absent_data(report, data_files, tmp_path):
    kb_with, kb_without = FakeKB(), FakeKB(tables=())
    for i, subset in enumerate(SUBSETS):
        # the series matters to the industry report: alternate between a knowledge base with and without it
        kb = kb_with if i % 2 else kb_without
        files = [data_files[k] for k in subset]
        res = draft_report(report, kb, files, 2026, tmp_path / f"{report}_{i}.md", profile=NEV_PROFILE)
        absent = [k for k in KINDS if k not in subset]
        if report == "industry-analysis" and kb is kb_without:
            absent.append("series")  # no scale figures, no industry forecast
        if report == "talent-demand" and "postings" not in subset:
            absent.append("demand_forecast")
        bad = claims(own_texts(res), absent)
        assert not bad, (subset, kb is kb_with, bad)
        if "supply" not in subset:
            assert "紧缺指数" not in "".join(t for t in own_texts(res) if not NEGATION.search(t))
        if report == "talent-demand" and "postings" not in subset:
            forecast = next(sd for sd in res.sections if sd.id == "forecast")
            assert not any(b.type in ("table", "figure") for b in forecast.blocks)
            assert "未作定量需求预测" in forecast.text


def test_claim_patterns_catch_a_claim():
    """The check itself can fail: a sentence claiming 招聘数据 and a shortage index is caught."""
    texts = ["调研设计采用“问卷调查＋招聘数据分析”相结合的方法。", "紧缺指数较高的岗位类别为电池技术。",
             "本次未提供院校供给数据，因此不计算紧缺指数。"]
    assert [k for k, _ in claims(texts, ["postings", "supply"])] == ["postings", "supply"]


# A column the analysis needs for one statement: without it, the statement is neither made nor announced as made.
# (pattern of what a sentence would claim, pattern of the sentence that says the column is absent)
COLUMN_CLAIMS = {
    "是否难招": (r"难招", r"没有标注(岗位)?是否难招"),
    "对口就业率": (r"对口就业率|对口供给", r"没有对口就业率"),
}


def _without(path, column, out):
    import pandas as pd

    if str(path).endswith(".csv"):
        pd.read_csv(path, encoding="utf-8-sig").drop(columns=[column]).to_csv(out, index=False, encoding="utf-8-sig")
    else:
        pd.read_excel(path, sheet_name="问卷数据").drop(columns=[column]).to_excel(out, sheet_name="问卷数据", index=False)
    return str(out)


def column_claims(texts: list[str], column: str) -> list[str]:
    claim, absent = COLUMN_CLAIMS[column]
    return [t for t in texts if re.search(claim, t) and not re.search(absent, t)]


@pytest.mark.parametrize("report", ["industry-analysis", "talent-demand"])
def test_no_sentence_claims_an_absent_column(report, data_files, tmp_path):
    """A survey without 是否难招 (with every subset of the other files) and supply data without 对口就业率:
    no 难招率 / 对口就业率 is stated, and no sentence says one is reported (“只报告难招率”)."""
    survey = _without(data_files["survey"], "是否难招", tmp_path / "survey_2025.xlsx")
    supply = _without(data_files["supply"], "对口就业率", tmp_path / "talent_supply_2025.csv")
    for i, subset in enumerate(s for s in SUBSETS if "survey" not in s):
        files = [survey, *(data_files[k] for k in subset)]
        res = draft_report(report, FakeKB(), files, 2026, tmp_path / f"h{i}.md", profile=NEV_PROFILE)
        texts = own_texts(res)
        assert not column_claims(texts, "是否难招"), (subset, column_claims(texts, "是否难招"))
        assert not any("只报告难招率" in t or "按难招率" in t for t in texts), subset
        if report == "talent-demand" and "supply" not in subset:
            assert any(re.search(COLUMN_CLAIMS["是否难招"][1], t) for t in texts), subset  # says what is missing
    res = draft_report(report, FakeKB(), [data_files["survey"], supply], 2026, tmp_path / "r.md", profile=NEV_PROFILE)
    texts = own_texts(res)
    assert not column_claims(texts, "对口就业率"), column_claims(texts, "对口就业率")
    if report == "talent-demand":
        assert any(re.search(COLUMN_CLAIMS["对口就业率"][1], t) for t in texts)


def test_column_claim_patterns_catch_a_claim():
    texts = ["本次未提供院校供给数据，因此不计算紧缺指数，只报告难招率。", "问卷中没有标注岗位是否难招，无法计算难招率。",
             "平均对口就业率72%。", "供给数据中没有对口就业率，对口供给按全部毕业生计。"]
    assert column_claims(texts, "是否难招") == texts[:1]
    assert column_claims(texts, "对口就业率") == texts[2:3]
