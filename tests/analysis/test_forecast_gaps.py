"""Forecasts on series with missing years, and no forecast (with a reason) when there are too few years."""
import numpy as np
import pytest

from assistant.analysis.forecast import forecast_series, gap_policy, growth_reference, try_forecast
from assistant.errors import InputError


def test_linear_fitted_on_actual_years_with_interpolation_note():
    hist = {2018: 10.0, 2019: 12.0, 2021: 16.0, 2022: 18.0, 2024: 22.0}  # 2 per year, 2020 and 2023 missing
    fc = forecast_series(hist, 3, name="产量", unit="万套")
    assert np.allclose(fc.all_points["linear"], [24, 26, 28])
    assert fc.method == "linear" and fc.mape["linear"] == 0
    assert fc.interpolated == [2020, 2023] and {"holt", "gm11"} <= set(fc.mape)
    assert "缺2020、2023年数据" in fc.notes[0] and "插值只用于拟合" in fc.notes[0]
    assert fc.history == hist  # interpolated values are never reported as data


def test_long_gap_skips_step_methods_with_reason():
    hist = {2010: 5.0, 2011: 5.5, 2015: 7.5, 2016: 8.0, 2017: 8.5}
    fc = forecast_series(hist, 2, name="营业收入", unit="亿元")
    assert set(fc.mape) == {"linear"} and fc.method == "linear"
    assert "缺2012、2013、2014年数据" in fc.skipped["holt"] and "不适用" in fc.skipped["gm11"]
    assert fc.notes and "只用线性趋势外推" in fc.notes[0]
    assert fc.years == [2018, 2019]


def test_exponential_series_with_one_gap_is_fitted_by_gm11():
    hist = {y: 100 * 1.1 ** (y - 2015) for y in range(2015, 2025) if y != 2019}
    fc = forecast_series(hist, 3)
    assert fc.mape["gm11"] < 1.0 and fc.mape["gm11"] < fc.mape["linear"]
    assert fc.point[0] == pytest.approx(100 * 1.1 ** 10, rel=0.02)


def test_too_few_years_no_forecast_and_reason():
    hist = {2021: 3.0, 2023: 4.0, 2025: 5.0}
    with pytest.raises(InputError, match="只有3年数据（2021、2023、2025年），少于预测所需的4年，不作预测"):
        forecast_series(hist, 3, name="从业人数")
    fc, why = try_forecast(hist, horizon=3, name="从业人数")
    assert fc is None and why.startswith("从业人数只有3年数据")
    fc, why = try_forecast({**hist, 2024: 4.6}, horizon=3, name="从业人数")
    assert fc is not None and why == ""


def test_gap_policy_and_annualised_growth():
    assert gap_policy([2020, 2021, 2022]) == ([], None)
    gaps, why = gap_policy([2015, 2016, 2019, 2020])
    assert gaps == [2017, 2018] and why is None
    gaps, why = gap_policy([2015, 2019, 2020])
    assert gaps == [2016, 2017, 2018] and "连续缺3年" in why
    g, y = growth_reference({2020: 100.0, 2022: 121.0}, "last")
    assert y == 2022 and g == pytest.approx(10.0)
