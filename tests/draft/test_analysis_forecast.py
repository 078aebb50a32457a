import numpy as np
import pandas as pd
import pytest

from assistant.analysis import demand_structure, load_data, read_table, shortage
from assistant.errors import InputError
from assistant.analysis.forecast import backtest, forecast_series, gm11_fit, gm11_forecast, holt_forecast, linear_forecast


def test_tables_detected_and_mapped(data_files):
    b = load_data(list(data_files.values()))
    assert set(b.tables) == {"survey", "postings", "tech_needs", "supply"}
    assert b.get("survey").plan_years == [2026, 2027, 2028]
    assert "family" in b.get("postings").df.columns


def test_missing_column_names_column_and_file(data_files, tmp_path):
    df = pd.read_excel(data_files["survey"], sheet_name="问卷数据").drop(columns=["岗位类别"])
    p = tmp_path / "survey_bad.xlsx"
    df.to_excel(p, sheet_name="问卷数据", index=False)
    with pytest.raises(InputError) as e:
        read_table(p)
    assert "岗位类别" in str(e.value) and "survey_bad.xlsx" in str(e.value)


def test_misnamed_column_in_csv(data_files, tmp_path):
    # "人数" is a synonym of 招聘人数 now; an unrecognisable required column is still an error naming it
    df = pd.read_csv(data_files["postings"], encoding="utf-8-sig").rename(columns={"招聘人数": "人数", "发布日期": "发文"})
    p = tmp_path / "postings_x.csv"
    df.to_csv(p, index=False, encoding="utf-8-sig")
    with pytest.raises(InputError, match="发布日期") as e:
        read_table(p)
    assert "postings_x.csv" in str(e.value)
    df.rename(columns={"发文": "发布日期"}).to_csv(p, index=False, encoding="utf-8-sig")
    t = read_table(p)
    assert t.mapping["openings"].column == "人数" and t.mapping["openings"].how == "synonym"


def test_demand_structure_and_shortage(data_files):
    b = load_data(list(data_files.values()))
    ds = demand_structure(b.get("survey"), 2026)
    assert ds["demand_year"] == 2026
    assert sum(f["value"] for f in ds["by_family"]) == ds["total"]
    assert abs(sum(f["share"] for f in ds["by_family"]) - 100) < 1
    assert ds["by_skill"] and ds["by_region"] and ds["by_education"] and ds["by_company_type"]
    sh = shortage(b.get("survey"), b.get("supply"), 2026)
    assert "紧缺指数" in sh["formula"]
    assert all(0 <= f["index"] <= 1 for f in sh["families"])
    # auto scale: supply allocated so that totals balance (gaps are structural)
    assert abs(sum(f["supply"] for f in sh["families"]) - ds["total"]) <= len(sh["families"])


def test_linear_exact():
    y = np.array([10.0, 12, 14, 16, 18])
    assert np.allclose(linear_forecast(y, 3), [20, 22, 24])
    assert backtest(y, "linear")["mape"] < 1e-9


def test_gm11_exponential_series():
    y = 5 * 1.2 ** np.arange(6)
    a, b = gm11_fit(y)
    assert abs(np.exp(-a) - 1.2) < 0.01
    assert np.allclose(gm11_forecast(y, 2), 5 * 1.2 ** np.arange(6, 8), rtol=0.01)


def test_holt_on_linear_series():
    y = np.array([100.0, 110, 120, 130, 140, 150])
    assert np.allclose(holt_forecast(y, 2), [160, 170], rtol=0.02)


def test_forecast_chooses_lowest_mape_and_interval():
    hist = {2019 + i: 5 * 1.3 ** i for i in range(7)}
    fc = forecast_series(hist, horizon=3)
    assert fc.method == min(fc.mape, key=fc.mape.get)
    assert fc.years == [2026, 2027, 2028]
    assert all(lo < p < hi for lo, p, hi in zip(fc.lower, fc.point, fc.upper))
    widths = [hi - lo for lo, hi in zip(fc.lower, fc.upper)]
    assert widths == sorted(widths)
    with pytest.raises(InputError):
        forecast_series(hist, horizon=4)
