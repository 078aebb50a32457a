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

from ..errors import InputError

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

Z = {80: 1.2816, 90: 1.6449, 95: 1.96}


# ---------------------------------------------------------------- saturation: logistic share × market total

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


def backtest(y: np.ndarray, method: str, holdout: int = 2, min_train: int = 3,
             fn: Callable[[np.ndarray, int], np.ndarray] | None = None) -> dict:
    """Rolling one-step back-test on the last `holdout` points: MAPE (%) and percentage errors."""
    y = np.asarray(y, dtype=float)
    fn = fn or METHODS[method]
    errs = []
    for i in range(len(y) - holdout, len(y)):
        if i < min_train:
            continue
        pred = float(fn(y[:i], 1)[0])
        errs.append((pred - y[i]) / y[i] * 100 if y[i] else 0.0)
    if not errs:
        return {"mape": float("nan"), "errors": []}
    return {"mape": float(np.mean(np.abs(errs))), "errors": [round(e, 2) for e in errs]}


# ---------------------------------------------------------------- plausibility

DEFAULT_MESSAGES = {
    "negative": "{method}外推{year}年为{value}{unit}，出现负值",
    "above_total": "{method}外推{year}年为{value}{unit}，超过同期{total_name}预测值{total}{unit}，即超过市场总量",
    "above_share": "{method}外推{year}年为{value}{unit}，占同期{total_name}预测值（{total}{unit}）的{share}%，超过{max_share}%的上限",
    "above_last_total": "，也超过{last_year}年{total_name}实际值{last_total}{unit}",
    "growth": "{method}外推{year}年增速为{growth}%，高于{ref_text}{ref}%{tol_text}，属外推加速",
}


def _r1(x: float) -> str:
    x = round(float(x), 1)
    return str(int(x)) if x == int(x) else f"{x:.1f}"


def growth_reference(history: dict[int, float], ref: str) -> tuple[float, int] | None:
    """Observed year-on-year growth (%) used as the ceiling of forecast growth: the latest (`last`) or
    the largest (`max`) one; None when not applicable."""
    ys = sorted(history)
    g = {ys[i]: 100 * (history[ys[i]] / history[ys[i - 1]] - 1) for i in range(1, len(ys)) if history[ys[i - 1]] > 0}
    if not g or ref not in ("last", "max"):
        return None
    y = ys[-1] if ref == "last" else max(g, key=g.get)
    return (g[y], y) if y in g else None


def plausibility(method: str, history: dict[int, float], years: list[int], point: list[float], rules: dict,
                 unit: str = "", market: Market | None = None, market_fc: TotalForecast | None = None) -> list[dict]:
    """Check one candidate's forecast against the bounds in `rules` (analysis.yaml → forecast.rules.<target>).

    Returns the violations as {"rule", "hard", "text"}; hard ones (negative values, above the market
    total) make the forecast impossible, soft ones (above the stated share, accelerating growth)
    implausible."""
    msgs = {**DEFAULT_MESSAGES, **(rules.get("messages") or {})}
    name = METHOD_NAMES.get(method, method)
    out = []
    if rules.get("non_negative", True):
        neg = [(y, p) for y, p in zip(years, point) if p < 0]
        if neg:
            y, p = neg[0]
            out.append({"rule": "negative", "hard": True,
                        "text": msgs["negative"].format(method=name, year=y, value=_r1(p), unit=unit)})
    if market is not None and market_fc is not None:
        over = [(y, p, t) for y, p, t in zip(years, point, market_fc.point) if p > t]
        max_share = float(rules.get("max_share_of_total", market.max_share))
        share = [(y, p, t, 100 * p / t) for y, p, t in zip(years, point, market_fc.point) if t > 0]
        if over:
            y, p, t = over[-1]
            out.append({"rule": "above_total", "hard": True,
                        "text": msgs["above_total"].format(method=name, year=y, value=_r1(p), unit=unit,
                                                           total=_r1(t), total_name=market.name)})
        elif share and max(s for *_, s in share) > 100 * max_share:
            y, p, t, s = max(share, key=lambda x: x[3])
            text = msgs["above_share"].format(method=name, year=y, value=_r1(p), unit=unit, total=_r1(t),
                                              total_name=market.name, share=_r1(s), max_share=_r1(100 * max_share))
            last_year = max(market.total)
            if p > market.total[last_year]:
                text += msgs["above_last_total"].format(last_year=last_year, last_total=_r1(market.total[last_year]),
                                                        unit=unit, total_name=market.name)
            out.append({"rule": "above_share", "hard": False, "text": text})
    ref = growth_reference(history, rules.get("growth_ref", "none"))
    if ref is not None:
        tol = float(rules.get("growth_tolerance_pp", 0))
        g_ref, y_ref = ref
        prev = [history[max(history)], *point[:-1]]
        g = [(y, 100 * (p / q - 1)) for y, p, q in zip(years, point, prev) if q > 0]
        bad = [(y, x) for y, x in g if x > g_ref + tol]
        if bad:
            y, x = max(bad, key=lambda b: b[1])
            ref_text = (f"{y_ref}年实际增速" if rules.get("growth_ref") == "last" else f"历史最高增速（{y_ref}年）")
            out.append({"rule": "growth", "hard": False,
                        "text": msgs["growth"].format(method=name, year=y, growth=_r1(x), ref_text=ref_text,
                                                      ref=_r1(g_ref), ref_year=y_ref,
                                                      tol_text=f"加{_r1(tol)}个百分点" if tol else "")})
    return out


# ---------------------------------------------------------------- result


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
    rejected: dict[str, list[str]] = field(default_factory=dict)  # method -> reasons (plausibility bounds)
    fallback: bool = False  # every method violated a soft bound; the best one without a hard violation is used
    lower_clipped: bool = False  # an interval lower bound was raised to 0
    bounds: list[str] = field(default_factory=list)  # the bounds applied, as report text
    saturation: dict | None = None  # share model details: ceiling, share history/forecast, market-total forecast

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


def bounds_text(rules: dict, history: dict[int, float], market: Market | None) -> list[str]:
    """The plausibility bounds in force, as report text."""
    out = []
    if rules.get("non_negative", True):
        out.append("预测值不得为负")
    if market is not None:
        ms = float(rules.get("max_share_of_total", market.max_share))
        out.append(f"不得超过同期{market.name}预测值" + (f"的{_r1(100 * ms)}%" if ms < 1 else ""))
    ref = growth_reference(history, rules.get("growth_ref", "none"))
    if ref is not None:
        tol = float(rules.get("growth_tolerance_pp", 0))
        base = (f"{ref[1]}年实际增速（{_r1(ref[0])}%）" if rules.get("growth_ref") == "last"
                else f"历史最高年增速（{ref[1]}年{_r1(ref[0])}%）")
        out.append(f"预测年增速不得高于{base}" + (f"加{_r1(tol)}个百分点" if tol else ""))
    return out


def forecast_series(history: dict[int, float], horizon: int = 3, name: str = "", unit: str = "",
                    holdout: int = 2, level: int = 80, market: Market | None = None,
                    rules: dict | None = None) -> ForecastResult:
    """Forecast `horizon` years ahead with every method; choose the lowest back-test MAPE among the
    candidates that pass the plausibility bounds.

    With a `market`, the share model (logistic share × market-total line) is a candidate and the
    market-total forecast bounds every candidate. `rules` holds the bounds (non_negative,
    max_share_of_total, growth_ref last|max|none, growth_tolerance_pp, messages); None = non-negative only.

    Interval: point × (1 ± z · e · √h), e = root mean square of the chosen method's back-test
    percentage errors (at least 3%), z = 1.28 for 80 %; for the share model the market-total
    prediction interval's relative half-width is added in quadrature. Lower bounds are not below 0.
    """
    if not 1 <= horizon <= 3:
        raise InputError(f"预测期应为1—3年，当前为 {horizon}")
    rules = dict(rules or {"non_negative": True})
    years = sorted(history)
    y = np.array([float(history[t]) for t in years])
    if len(y) < 4:
        raise InputError(f"{name or '序列'}只有 {len(y)} 期数据，预测至少需要4期")
    fc_years = [years[-1] + i for i in range(1, horizon + 1)]
    hist = {int(k): float(history[k]) for k in years}
    methods: dict[str, Callable] = dict(METHODS)
    market_fc = None
    if market is not None:
        methods["share_logistic"] = share_method(years, market)
        market_fc = total_forecast(market.total, fc_years, level)
    mape, points, errors, rejected, hard = {}, {}, {}, {}, {}
    for m, fn in methods.items():
        try:
            bt = backtest(y, m, holdout=holdout, fn=fn)
            pts = [float(v) for v in fn(y, horizon)]
        except (InputError, np.linalg.LinAlgError, ValueError, RuntimeError):
            continue
        mape[m] = round(bt["mape"], 2)
        errors[m] = bt["errors"]
        points[m] = pts
        v = plausibility(m, hist, fc_years, pts, rules, unit, market, market_fc)
        if v:
            rejected[m] = [x["text"] for x in v]
            hard[m] = any(x["hard"] for x in v)
    if not mape:
        raise InputError(f"{name or '序列'}无法用任何方法预测")

    def key(m):
        return (np.nan_to_num(mape[m], nan=1e9), list(methods).index(m))

    ok = [m for m in mape if m not in rejected]
    fallback = False
    if not ok:
        ok = [m for m in mape if not hard.get(m)]
        fallback = True
        if not ok:
            raise InputError(f"{name or '序列'}的各方法预测均超出合理范围：" + "；".join(r for v in rejected.values() for r in v))
    best = min(ok, key=key)
    e = max(3.0, float(np.sqrt(np.mean(np.square(errors[best])))) if errors[best] else 3.0) / 100
    z = Z[level]
    pts = points[best]
    half = [z * e * np.sqrt(h + 1) for h in range(horizon)]
    saturation = None
    if market is not None:
        sh = market.share_history(hist)
        sy = [t for t in years if t in sh]
        sat = {"market": market.name, "market_unit": market.unit, "market_history": {int(k): float(v) for k, v in sorted(market.total.items())},
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
        saturation = sat
        if best == "share_logistic":
            rel = [(u - p) / p if p else 0.0 for u, p in zip(market_fc.upper, market_fc.point)]
            half = [float(np.sqrt(a ** 2 + b ** 2)) for a, b in zip(half, rel)]
    lower = [p * (1 - w) for p, w in zip(pts, half)]
    upper = [p * (1 + w) for p, w in zip(pts, half)]
    clipped = any(lo < 0 for lo in lower)
    lower = [max(0.0, lo) for lo in lower]
    return ForecastResult(name=name, unit=unit, history=hist, method=best, years=fc_years, point=pts, lower=lower,
                          upper=upper, mape=mape, all_points=points, holdout_years=years[-holdout:], level=level,
                          rejected=rejected, fallback=fallback, lower_clipped=clipped,
                          bounds=bounds_text(rules, hist, market), saturation=saturation)
