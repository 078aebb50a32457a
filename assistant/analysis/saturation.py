"""Saturation-aware forecasting: a logistic share curve (scipy) times a linear market-total forecast.

Used by `forecast.forecast_series` when the market the series is part of is known (e.g. the industry's
sales within a whole market): the share model is a candidate, and the market-total forecast bounds
every candidate's forecast.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from ..errors import InputError


def logistic(t, K, r, t0):
    """s(t) = K / (1 + exp(-r (t - t0)))."""
    return K / (1.0 + np.exp(-r * (np.asarray(t, dtype=float) - t0)))


@dataclass
class LogisticFit:
    ceiling: float  # K, the fitted saturation level (a share, 0-1)
    rate: float  # r
    midpoint: float  # t0, in steps from the first point
    ceiling_se: float | None  # standard error of K from the least-squares covariance (None if not estimable)


def logistic_fit(share, ceiling_max: float = 1.0) -> LogisticFit:
    """Least-squares logistic curve through a share series (t = 0..n-1) with scipy's curve_fit.

    The ceiling is bounded to max(share) < K <= ceiling_max <= 1 (a share cannot exceed 100 %) and the
    rate to r > 0; several starting points are tried and the best fit kept."""
    from scipy.optimize import curve_fit

    s = np.asarray(share, dtype=float)
    if len(s) < 3:
        raise InputError("Logistic曲线至少需要3期数据")
    if np.any(s <= 0) or np.any(s >= 1):
        raise InputError("Logistic曲线要求占比在0与1之间")
    ceiling_max = min(float(ceiling_max), 1.0)
    lo = float(s.max()) + 1e-4
    if lo >= ceiling_max:
        raise InputError(f"占比已达 {s.max():.3f}，不低于上限 {ceiling_max}")
    t = np.arange(len(s), dtype=float)
    best = None
    for k0 in np.linspace(lo, ceiling_max, 5)[1:]:
        for r0 in (0.3, 0.8):
            t00 = float(np.interp(k0 / 2, s, t)) if s[0] < k0 / 2 < s[-1] else float(len(s) - 1)
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    p, cov = curve_fit(logistic, t, s, p0=[k0, r0, t00], bounds=([lo, 1e-3, -50], [ceiling_max, 10, 60]),
                                       maxfev=20000)
            except (RuntimeError, ValueError):
                continue
            sse = float(np.sum((logistic(t, *p) - s) ** 2))
            if best is None or sse < best[0] - 1e-12:
                best = (sse, p, cov)
    if best is None:
        raise InputError("Logistic曲线拟合未收敛")
    _, p, cov = best
    se = float(np.sqrt(cov[0, 0])) if np.all(np.isfinite(cov)) and cov[0, 0] >= 0 else None
    return LogisticFit(ceiling=float(p[0]), rate=float(p[1]), midpoint=float(p[2]), ceiling_se=se)


def logistic_forecast(share, h: int, ceiling_max: float = 1.0) -> np.ndarray:
    """Share for the next h steps from the fitted logistic curve."""
    f = logistic_fit(share, ceiling_max)
    n = len(share)
    return logistic(np.arange(n, n + h, dtype=float), f.ceiling, f.rate, f.midpoint)


@dataclass
class TotalForecast:
    years: list[int]
    point: list[float]
    lower: list[float]
    upper: list[float]
    n: int  # known points used
    method: str
    level: int = 80


def total_forecast(total: dict[int, float], years: list[int], level: int = 80) -> TotalForecast:
    """Market total for `years` by a least-squares line through the known years.

    The interval is the regression prediction interval with n-2 degrees of freedom, so three known
    points give a wide interval (t = 3.08 at 80 %). With two points the line through them and with one
    point that value are used, without an interval (back-test only)."""
    from scipy import stats

    ty = sorted(total)
    if not ty:
        raise InputError("市场总量序列为空")
    y = np.array([float(total[t]) for t in ty])
    x = np.array(ty, dtype=float)
    xs = np.array(years, dtype=float)
    if len(y) == 1:
        pt = np.full(len(xs), y[0])
        return TotalForecast(list(years), pt.tolist(), pt.tolist(), pt.tolist(), 1, "保持上年水平", level)
    b, a = np.polyfit(x, y, 1)
    pt = a + b * xs
    if len(y) == 2:
        return TotalForecast(list(years), pt.tolist(), pt.tolist(), pt.tolist(), 2, "线性趋势外推", level)
    resid = y - (a + b * x)
    dof = len(y) - 2
    sigma = float(np.sqrt(np.sum(resid ** 2) / dof))
    sxx = float(np.sum((x - x.mean()) ** 2))
    se = sigma * np.sqrt(1 + 1 / len(y) + (xs - x.mean()) ** 2 / sxx)
    tq = float(stats.t.ppf(0.5 + level / 200, dof))
    return TotalForecast(list(years), pt.tolist(), (pt - tq * se).tolist(), (pt + tq * se).tolist(), len(y),
                         "线性趋势外推", level)


@dataclass
class Market:
    """The market a target series is part of, e.g. all-vehicle sales for NEV sales.

    total: known market totals by year; share: reported shares (0-1) of the target in years whose
    total is unknown. ceiling_max bounds the logistic ceiling (<= 1); max_share is the plausibility
    bound on target / market-total forecast."""
    name: str
    unit: str
    total: dict[int, float]
    share: dict[int, float] = field(default_factory=dict)
    ceiling_max: float = 1.0
    max_share: float = 1.0

    def share_history(self, history: dict[int, float]) -> dict[int, float]:
        out = {}
        for y, v in history.items():
            if self.total.get(y):
                out[y] = float(v) / float(self.total[y])
            elif y in self.share:
                out[y] = float(self.share[y])
        return out


def share_method(years: list[int], market: Market) -> Callable[[np.ndarray, int], np.ndarray]:
    """Target = logistic share forecast × market-total forecast, using only years up to the end of
    the training series (so the back-test sees what was known then)."""
    def fn(y: np.ndarray, h: int) -> np.ndarray:
        train = years[:len(y)]
        last = train[-1]
        sh = market.share_history(dict(zip(train, np.asarray(y, dtype=float))))
        sy = [t for t in train if t in sh]
        if len(sy) < 3 or sy != train[-len(sy):]:
            raise InputError("占比序列不足3期或不连续")
        s_fc = logistic_forecast([sh[t] for t in sy], h, market.ceiling_max)
        tot = {t: v for t, v in market.total.items() if t <= last}
        if not tot:
            raise InputError("缺少市场总量")
        tf = total_forecast(tot, [last + i for i in range(1, h + 1)])
        return s_fc * np.array(tf.point)
    return fn



def saturation_details(market: Market, market_fc: TotalForecast, hist: dict, years: list[int], fc_years: list[int],
                       points: dict, rules: dict, horizon: int) -> dict:
    """The share model's details for the report: market history and forecast, share history, fitted ceiling."""
    sh = market.share_history(hist)
    sy = [t for t in years if t in sh]
    sat = {"market": market.name, "market_unit": market.unit,
           "market_history": {int(k): float(v) for k, v in sorted(market.total.items())},
           "market_method": market_fc.method, "market_n": market_fc.n, "market_years": fc_years,
           "market_point": market_fc.point, "market_lower": market_fc.lower, "market_upper": market_fc.upper,
           "share_history": {t: sh[t] for t in sy}, "ceiling_max": market.ceiling_max,
           "max_share": float(rules.get("max_share_of_total", market.max_share)),
           "share_of_market": {m: [p / t for p, t in zip(points[m], market_fc.point)] for m in points}}
    try:
        f = logistic_fit([sh[t] for t in sy], market.ceiling_max)
        sat.update(ceiling=f.ceiling, ceiling_se=f.ceiling_se, rate=f.rate,
                   share_point=logistic(np.arange(len(sy), len(sy) + horizon), f.ceiling, f.rate, f.midpoint).tolist())
    except InputError:
        pass
    return sat
