"""Saturation-aware forecasting, plausibility bounds and the knowledge-base series path."""
import json
from dataclasses import dataclass

import numpy as np
import pytest

from fixtures import NEV_PROFILE  # noqa: E402
from assistant.draft.bindings_industry import find_series
from assistant.profile import Profile
from assistant.draft import draft_report
from assistant.errors import InputError
from assistant.analysis.forecast import (Market, forecast_series, logistic, logistic_fit, logistic_forecast, plausibility,
                                total_forecast)
from fixtures import FakeKB

NEV = {2021: 352.1, 2022: 688.7, 2023: 949.5, 2024: 1286.6, 2025: 1649.0}
TOTAL = {2023: 3009.4, 2024: 3143.6, 2025: 3440.0}
RULES = {"non_negative": True, "max_share_of_total": 0.9, "growth_ref": "last", "growth_tolerance_pp": 0}


def nev_market(**kw):
    return Market(name="汽车总销量", unit="万辆", total=dict(TOTAL), share={2021: 0.135, 2022: 0.256}, **kw)


# ---------------------------------------------------------------- logistic / saturation model

def test_logistic_recovers_known_s_curve():
    t = np.arange(8)
    s = logistic(t, 0.8, 0.9, 4.0)
    f = logistic_fit(s)
    assert f.ceiling == pytest.approx(0.8, abs=1e-3) and f.rate == pytest.approx(0.9, abs=1e-2)
    assert np.allclose(logistic_forecast(s, 3), logistic(np.arange(8, 11), 0.8, 0.9, 4.0), atol=1e-3)


def test_logistic_ceiling_never_above_one():
    s = 0.02 * 1.6 ** np.arange(6)  # early, still exponential part: unconstrained K would run away
    f = logistic_fit(s, ceiling_max=1.5)  # a bound above 1 is lowered to 1
    assert s.max() < f.ceiling <= 1.0
    assert np.all(logistic_forecast(s, 10) <= 1.0)
    with pytest.raises(InputError):
        logistic_fit([0.2, 0.5, 0.95], ceiling_max=0.9)


def test_total_forecast_three_points_has_wide_interval():
    tf = total_forecast(TOTAL, [2026, 2027, 2028])
    assert tf.n == 3 and tf.point[0] == pytest.approx(3628.3, abs=0.1)
    widths = [u - lo for lo, u in zip(tf.lower, tf.upper)]
    assert widths == sorted(widths) and widths[-1] > 1000  # t with 1 degree of freedom


def test_share_model_on_known_s_curve_is_chosen():
    years = list(range(2016, 2026))
    tot = {y: 2000 + 50 * (y - 2016) for y in years}
    share = {y: float(logistic(y - 2016, 0.7, 0.8, 5.0)) for y in years}
    hist = {y: share[y] * tot[y] for y in years}
    mk = Market(name="总量", unit="万辆", total={y: tot[y] for y in years[-3:]},
                share={y: share[y] for y in years[:-3]})
    fc = forecast_series(hist, 3, unit="万辆", market=mk, rules=dict(RULES, growth_ref="none"))
    assert fc.method == "share_logistic", fc.mape
    truth = [logistic(y - 2016, 0.7, 0.8, 5.0) * (2000 + 50 * (y - 2016)) for y in fc.years]
    assert np.allclose(fc.point, truth, rtol=0.01)
    assert fc.saturation["ceiling"] == pytest.approx(0.7, abs=0.01)
    assert all(lo < p < hi for lo, p, hi in zip(fc.lower, fc.point, fc.upper))


# ---------------------------------------------------------------- plausibility bounds

def test_gm11_rejected_with_reason_despite_lowest_mape():
    fc = forecast_series(NEV, 3, name="新能源汽车销量", unit="万辆", market=nev_market(max_share=0.9), rules=RULES)
    assert fc.mape["gm11"] < fc.mape[fc.method]  # best back-test, but not plausible
    assert fc.method != "gm11" and "gm11" in fc.rejected
    why = "；".join(fc.rejected["gm11"])
    assert "GM(1,1)灰色模型" in why and "超过90%的上限" in why and "3440" in why and "外推加速" in why
    share = [p / t for p, t in zip(fc.point, fc.saturation["market_point"])]
    assert max(share) <= 0.9 and fc.point[-1] < 3440
    assert any("90%" in b for b in fc.bounds)


def test_above_market_total_is_a_hard_rejection():
    mk = Market(name="汽车总销量", unit="万辆", total={2023: 1000.0, 2024: 1100.0, 2025: 1200.0})
    v = plausibility("gm11", NEV, [2026, 2027, 2028], [2000.0, 2500.0, 3000.0], {"non_negative": True}, "万辆",
                     mk, total_forecast(mk.total, [2026, 2027, 2028]))
    assert v[0]["hard"] and v[0]["rule"] == "above_total" and "超过市场总量" in v[0]["text"]


def test_negative_forecast_rejected_and_interval_non_negative():
    falling = {2021: 100.0, 2022: 70.0, 2023: 45.0, 2024: 22.0, 2025: 6.0}
    fc = forecast_series(falling, 3, name="年度招聘人数", unit="人",
                         rules={"non_negative": True, "growth_ref": "max", "growth_tolerance_pp": 10})
    assert "linear" in fc.rejected and "负值" in fc.rejected["linear"][0]
    assert fc.method != "linear"
    assert min(fc.point) >= 0 and min(fc.lower) >= 0


def test_all_methods_impossible_raises():
    falling = {2021: 100.0, 2022: 70.0, 2023: 40.0, 2024: 10.0, 2025: 1.0}
    mk = Market(name="总量", unit="人", total={2024: 0.5, 2025: 0.4})
    with pytest.raises(InputError, match="合理范围"):
        forecast_series(falling, 3, market=mk, rules={"non_negative": True})


def test_industry_report_states_rejection(fake_kb, tmp_path):
    res = draft_report("industry-analysis", fake_kb, [], 2026, tmp_path / "i.md", profile=NEV_PROFILE)
    text = res.markdown
    assert "GM(1,1)灰色模型外推2028年" in text and "未采用" in text
    assert "渗透率Logistic模型" in text and "拟合得到的上限为" in text
    assert "合理性检验要求" in text
    fc = json.loads((res.run_dir / "analysis.json").read_text(encoding="utf-8"))["forecasts"]["industry"]
    assert fc["method"] != "gm11" and max(fc["point"]) < 3440


# ---------------------------------------------------------------- knowledge-base table path

@dataclass
class Info:
    source: str
    title: str
    year: int | None
    file_type: str
    chunks: int = 1


class TableKB(FakeKB):
    """FakeKB plus the structured-table interface of assistant.kb.KnowledgeBase."""

    def __init__(self, tables: dict[str, tuple[Info, dict]]):
        super().__init__()
        self._tables = tables

    def sources(self):
        return [info for info, _ in self._tables.values()]

    def tables(self, source):
        return self._tables[source][1]


ROWS = [{"年度": f"{y}年", "新能源汽车产量(万辆)": str(p), "新能源汽车销量(万辆)": str(s), "新能源汽车销量同比增长（%）": "",
         "备注": ""} for y, p, s in [(2021, 354.5, 352.1), (2022, 705.8, 688.7), (2023, 958.7, 949.5),
                                    (2024, 1288.8, 1286.6), (2025, 1662.6, 1649)]]


def table_kb():
    return TableKB({
        "产销表.xlsx": (Info("产销表.xlsx", "2021—2025年新能源汽车产销统计", 2025, "xlsx"),
                      {"年度产销": ROWS, "说明": [{"项目": "单位", "说明": "万辆"}]}),
        # a whole-vehicle table (no industry name anywhere) and a table in another unit: both ignored
        "汽车.csv": (Info("汽车.csv", "汽车产销", 2025, "csv"),
                   {"Sheet1": [{"年份": str(y), "销量（万辆）": "3000"} for y in range(2019, 2026)]}),
        "新能源汽车_辆.xlsx": (Info("新能源汽车_辆.xlsx", "新能源汽车销量", 2026, "xlsx"),
                          {"表1": [{"年份": str(y), "销量（辆）": "3521000"} for y in range(2019, 2026)]}),
    })


# the profile without a named source: the table is found by the industry's name and the metric's column
UNNAMED = Profile(**{**NEV_PROFILE.__dict__, "series": {"metric": "销量", "unit": "万辆"}})


def test_kb_table_found_by_column_names():
    s, notes = find_series(table_kb(), UNNAMED)
    assert s is not None and s.source == "产销表.xlsx" and s.sheet == "年度产销"
    assert s.series["销量"][2025] == 1649 and s.series["产量"][2021] == 354.5
    assert s.columns["销量"] == "新能源汽车销量(万辆)"  # the growth column is excluded
    assert any("单位为辆" in n for n in notes)
    assert not any("汽车.csv" in n and "单位" in n for n in notes)


def test_named_source_only_and_missing_source_noted():
    s, _ = find_series(table_kb(), NEV_PROFILE)  # names 2021-2025_新能源汽车产销统计表.xlsx: not in this KB
    assert s is None
    s, notes = find_series(FakeKB(tables=()), UNNAMED)
    assert s is None
    s, notes = find_series(FakeKB(tables=()), NEV_PROFILE)
    assert s is None and any("不在知识库中" in n for n in notes)


def test_draft_cites_kb_table_with_year(tmp_path):
    res = draft_report("industry-analysis", table_kb(), [], 2026, tmp_path / "k.md", profile=UNNAMED)
    ref = next(r for r in res.references if r.key == "data:industry")
    assert ref.source == "产销表.xlsx" and ref.year == 2025
    assert "产销表.xlsx" in ref.label and "2025年" in ref.label
    n = res.references.index(ref) + 1
    assert f"[{n}]" in res.markdown or f"[{n}," in res.markdown
    assert "知识库收录的统计表《2021—2025年新能源汽车产销统计》" in res.markdown
