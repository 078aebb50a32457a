"""Forecasting stage: linear trend, Holt exponential smoothing (statsmodels), GM(1,1) (numpy) and,
when the market total is known, a saturation-aware share model (logistic share × market total, scipy).

Methods are compared on held-out years (rolling one-step back-test). Every candidate's forecast is
then checked against plausibility bounds (non-negative, not above the market total or a stated
share of it, no growth above the latest observed growth plus a tolerance; the bounds are data in
`assistant/data/analysis.yaml`). A rejected candidate keeps its reason, which the report quotes,
and the plausible candidate with the lowest MAPE is chosen. The interval widens with the horizon
and is derived from the back-test errors (plus the market-total interval for the share model).
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from .errors import InputError

METHOD_NAMES = {"linear": "线性趋势外推", "holt": "Holt指数平滑", "gm11": "GM(1,1)灰色模型",
                "share_logistic": "渗透率Logistic模型"}


def linear_forecast(y: np.ndarray, h: int) -> np.ndarray:
    """Least-squares line through (t, y), extrapolated h steps."""
    y = np.asarray(y, dtype=float)
    t = np.arange(len(y), dtype=float)
    b, a = np.polyfit(t, y, 1)
    return a + b * np.arange(len(y), len(y) + h, dtype=float)


def holt_forecast(y: np.ndarray, h: int) -> np.ndarray:
    """Holt's additive-trend exponential smoothing, parameters estimated by statsmodels."""
    from statsmodels.tsa.holtwinters import Holt

    y = np.asarray(y, dtype=float)
    if len(y) < 3:
        raise InputError("Holt指数平滑至少需要3期数据")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fit = Holt(y, initialization_method="estimated").fit()
    return np.asarray(fit.forecast(h), dtype=float)


def gm11_fit(y: np.ndarray) -> tuple[float, float]:
    """GM(1,1): returns the development coefficient a and grey input b.

    x1 = cumsum(x0); z1 = mean of neighbours of x1; x0(k) + a z1(k) = b solved by least squares.
    """
    x0 = np.asarray(y, dtype=float)
    if len(x0) < 3:
        raise InputError("GM(1,1)至少需要3期数据")
    if np.any(x0 <= 0):
        raise InputError("GM(1,1)要求序列为正数")
    x1 = np.cumsum(x0)
    z1 = 0.5 * (x1[1:] + x1[:-1])
    B = np.column_stack([-z1, np.ones_like(z1)])
    a, b = np.linalg.lstsq(B, x0[1:], rcond=None)[0]
    return float(a), float(b)


def gm11_forecast(y: np.ndarray, h: int) -> np.ndarray:
    x0 = np.asarray(y, dtype=float)
    a, b = gm11_fit(x0)
    n = len(x0)
    k = np.arange(0, n + h, dtype=float)
    if abs(a) < 1e-12:
        x1_hat = x0[0] + b * k
    else:
        x1_hat = (x0[0] - b / a) * np.exp(-a * k) + b / a
    x0_hat = np.diff(x1_hat)  # x0_hat[k] for k = 1..n+h-1
    return x0_hat[n - 1:n - 1 + h]


METHODS: dict[str, Callable[[np.ndarray, int], np.ndarray]] = {
    "linear": linear_forecast, "holt": holt_forecast, "gm11": gm11_forecast,
}


def backtest(y: np.ndarray, method: str, holdout: int = 2, min_train: int = 3) -> dict:
    """Rolling one-step back-test on the last `holdout` points: MAPE (%) and percentage errors."""
    y = np.asarray(y, dtype=float)
    errs = []
    for i in range(len(y) - holdout, len(y)):
        if i < min_train:
            continue
        pred = float(METHODS[method](y[:i], 1)[0])
        errs.append((pred - y[i]) / y[i] * 100 if y[i] else 0.0)
    if not errs:
        return {"mape": float("nan"), "errors": []}
    return {"mape": float(np.mean(np.abs(errs))), "errors": [round(e, 2) for e in errs]}


@dataclass
class ForecastResult:
    name: str  # what is forecast, e.g. 新能源汽车销量
    unit: str
    history: dict[int, float]
    method: str  # chosen method key
    years: list[int]
    point: list[float]
    lower: list[float]
    upper: list[float]
    mape: dict[str, float]  # per method
    all_points: dict[str, list[float]] = field(default_factory=dict)
    holdout_years: list[int] = field(default_factory=list)
    level: int = 80

    @property
    def method_name(self) -> str:
        return METHOD_NAMES[self.method]

    @property
    def horizon_text(self) -> str:
        return f"{self.years[0]}—{self.years[-1]}年" if len(self.years) > 1 else f"{self.years[0]}年"

    def to_dict(self) -> dict:
        d = dict(self.__dict__)
        d["history"] = {int(k): v for k, v in self.history.items()}
        return d


def forecast_series(history: dict[int, float], horizon: int = 3, name: str = "", unit: str = "",
                    holdout: int = 2, level: int = 80) -> ForecastResult:
    """Forecast `horizon` years ahead with every method; choose the lowest back-test MAPE.

    Interval: point × (1 ± z · e · √h), e = root mean square of the chosen method's back-test
    percentage errors (at least 3%), z = 1.28 for 80 %.
    """
    if not 1 <= horizon <= 3:
        raise InputError(f"预测期应为1—3年，当前为 {horizon}")
    years = sorted(history)
    y = np.array([float(history[t]) for t in years])
    if len(y) < 4:
        raise InputError(f"{name or '序列'}只有 {len(y)} 期数据，预测至少需要4期")
    mape, points, errors = {}, {}, {}
    for m in METHODS:
        try:
            bt = backtest(y, m, holdout=holdout)
            mape[m] = round(bt["mape"], 2)
            errors[m] = bt["errors"]
            points[m] = [float(v) for v in METHODS[m](y, horizon)]
        except (InputError, np.linalg.LinAlgError, ValueError):
            continue
    if not mape:
        raise InputError(f"{name or '序列'}无法用任何方法预测")
    best = min(mape, key=lambda m: (np.nan_to_num(mape[m], nan=1e9), list(METHODS).index(m)))
    e = max(3.0, float(np.sqrt(np.mean(np.square(errors[best])))) if errors[best] else 3.0) / 100
    z = {80: 1.2816, 90: 1.6449, 95: 1.96}[level]
    pts = points[best]
    lower = [p * (1 - z * e * np.sqrt(h + 1)) for h, p in enumerate(pts)]
    upper = [p * (1 + z * e * np.sqrt(h + 1)) for h, p in enumerate(pts)]
    return ForecastResult(name=name, unit=unit, history={int(k): float(history[k]) for k in years}, method=best,
                          years=[years[-1] + i for i in range(1, horizon + 1)], point=pts, lower=lower,
                          upper=upper, mape=mape, all_points=points, holdout_years=years[-holdout:], level=level)
