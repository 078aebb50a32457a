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
from .saturation import (LogisticFit, Market, TotalForecast, logistic, logistic_fit, logistic_forecast,  # noqa: F401
                         saturation_details, share_method, total_forecast)

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
    # annual growth; across a missing year the change is annualised ((b/a)^(1/years) - 1)
    g = {ys[i]: 100 * ((history[ys[i]] / history[ys[i - 1]]) ** (1 / (ys[i] - ys[i - 1])) - 1)
         for i in range(1, len(ys)) if history[ys[i - 1]] > 0 and history[ys[i]] >= 0}
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
    name: str  # what is forecast, e.g. 某产品销量
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
    notes: list[str] = field(default_factory=list)  # gaps: interpolated for fitting, or methods skipped (report text)
    skipped: dict[str, str] = field(default_factory=dict)  # method -> why it was not run
    interpolated: list[int] = field(default_factory=list)  # missing years filled by interpolation for fitting only

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


# ---------------------------------------------------------------- irregular years

STEP_METHODS = ("holt", "gm11", "share_logistic")  # need one value per year (consecutive years)


def _years_text(years: list[int]) -> str:
    return "、".join(str(y) for y in years) + "年"


def missing_years(years: list[int]) -> list[int]:
    ys = sorted(years)
    return [y for y in range(ys[0], ys[-1] + 1) if y not in set(ys)] if ys else []


def gap_policy(years: list[int], max_run: int = 2, max_share: float = 0.34) -> tuple[list[int], str | None]:
    """Missing years, and why the step methods cannot be fitted on an interpolated series (None: they can).
    Interpolation is allowed for short gaps (at most `max_run` missing years in a row, at most `max_share`
    of the span)."""
    gaps = missing_years(years)
    if not gaps:
        return [], None
    runs, run = [], 1
    for a, b in zip(gaps, gaps[1:]):
        run = run + 1 if b == a + 1 else 1
        runs.append(run)
    longest = max(runs or [1])
    span = max(years) - min(years) + 1
    if longest > max_run or len(gaps) > max_share * span:
        return gaps, (f"缺{_years_text(gaps)}数据，缺失年份过多（连续缺{longest}年或超过时间跨度的{round(100 * max_share)}%），"
                      "Holt指数平滑、GM(1,1)等需要逐年连续数据的方法不适用")
    return gaps, None


def _predictor(fn: Callable[[np.ndarray, int], np.ndarray] | None, step: bool):
    """predict(train_years, train_values, target_years): a line on the actual years, or a step method on the
    training years with missing years linearly interpolated (targets are steps after the last training year)."""
    def predict(ty: list[int], tv: np.ndarray, targets: list[int]) -> np.ndarray:
        tv = np.asarray(tv, dtype=float)
        if not step:
            b, a = np.polyfit(np.asarray(ty, dtype=float), tv, 1)
            return a + b * np.asarray(targets, dtype=float)
        fy = list(range(ty[0], ty[-1] + 1))
        fv = np.interp(fy, ty, tv)
        steps = [t - ty[-1] for t in targets]
        out = np.asarray(fn(fv, max(steps)), dtype=float)
        return np.array([out[k - 1] for k in steps])
    return predict


def backtest_years(years: list[int], y: np.ndarray, predict, holdout: int = 2, min_train: int = 3) -> dict:
    """Rolling back-test on the last `holdout` actual years: each is predicted from the years before it."""
    errs = []
    for i in range(len(y) - holdout, len(y)):
        if i < min_train:
            continue
        pred = float(predict(years[:i], y[:i], [years[i]])[0])
        errs.append((pred - y[i]) / y[i] * 100 if y[i] else 0.0)
    if not errs:
        return {"mape": float("nan"), "errors": []}
    return {"mape": float(np.mean(np.abs(errs))), "errors": [round(e, 2) for e in errs]}


def _gap_notes(label: str, gaps: list[int], gap_why: str | None, methods: list[str]) -> tuple[list[str], dict]:
    """Report notes on missing years, and the step methods skipped (with the reason) when gaps are too long."""
    if not gaps:
        return [], {}
    steps = "、".join(METHOD_NAMES[m] for m in methods if m in STEP_METHODS)
    if gap_why:
        return ([f"{label}{gap_why}，只用线性趋势外推（按实际年份拟合）"],
                {m: gap_why for m in methods if m in STEP_METHODS})
    return ([f"{label}缺{_years_text(gaps)}数据：线性趋势按实际年份拟合；{steps}需要逐年连续数据，"
             "缺失年份按相邻年份线性插值补齐后拟合，插值只用于拟合，不作为实际数据，回测只在实际年份上计算误差"], {})


def _run_methods(methods: dict, skipped: dict, years: list[int], y: np.ndarray, fc_years: list[int], holdout: int,
                 hist: dict, rules: dict, unit: str, market, market_fc) -> tuple[dict, dict, dict, dict, dict]:
    """Back-test and forecast with each method not skipped; check each forecast's plausibility.
    A method that fails to fit is added to `skipped` with the reason."""
    mape, points, errors, rejected, hard = {}, {}, {}, {}, {}
    for m, (fn, step) in methods.items():
        if m in skipped:
            continue
        predict = _predictor(fn, step)
        try:
            bt = backtest_years(years, y, predict, holdout=holdout)
            pts = [float(v) for v in predict(years, y, fc_years)]
        except (InputError, np.linalg.LinAlgError, ValueError, RuntimeError) as e:
            skipped[m] = str(e) if isinstance(e, InputError) else f"拟合失败（{type(e).__name__}）"
            continue
        mape[m] = round(bt["mape"], 2)
        errors[m] = bt["errors"]
        points[m] = pts
        v = plausibility(m, hist, fc_years, pts, rules, unit, market, market_fc)
        if v:
            rejected[m] = [x["text"] for x in v]
            hard[m] = any(x["hard"] for x in v)
    return mape, points, errors, rejected, hard


def try_forecast(history: dict[int, float], **kw) -> tuple["ForecastResult | None", str]:
    """`forecast_series` that returns (None, reason) instead of raising: the reason is report text."""
    try:
        return forecast_series(history, **kw), ""
    except InputError as e:
        return None, str(e)


def forecast_series(history: dict[int, float], horizon: int = 3, name: str = "", unit: str = "",
                    holdout: int = 2, level: int = 80, market: Market | None = None,
                    rules: dict | None = None, min_points: int = 4, max_gap_run: int = 2,
                    max_gap_share: float = 0.34) -> ForecastResult:
    """Forecast `horizon` years ahead with every method; choose the lowest back-test MAPE among the
    candidates that pass the plausibility bounds.

    Years may be missing. The linear trend is fitted on the actual years. Holt, GM(1,1) and the share model
    need one value per year: short gaps are filled by linear interpolation for fitting only (stated in
    `notes`; back-test errors are measured at actual years only), longer gaps skip those methods (reason in
    `skipped` and `notes`). Fewer than `min_points` actual years: InputError whose message is the report's
    reason for making no forecast.

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
    label = name or "该序列"
    years = sorted(int(t) for t in history)
    y = np.array([float(history[t]) for t in years])
    if len(y) < min_points:
        have = f"（{_years_text(years)}）" if years else ""
        raise InputError(f"{label}只有{len(y)}年数据{have}，少于预测所需的{min_points}年，不作预测")
    fc_years = [years[-1] + i for i in range(1, horizon + 1)]
    hist = {int(k): float(history[k]) for k in years}
    filled = list(range(years[0], years[-1] + 1))
    methods: dict[str, tuple[Callable | None, bool]] = {"linear": (None, False), "holt": (holt_forecast, True),
                                                         "gm11": (gm11_forecast, True)}
    market_fc = None
    if market is not None:
        methods["share_logistic"] = (share_method(filled, market), True)
        market_fc = total_forecast(market.total, fc_years, level)
    gaps, gap_why = gap_policy(years, max_gap_run, max_gap_share)
    notes, skipped = _gap_notes(label, gaps, gap_why, list(methods))
    mape, points, errors, rejected, hard = _run_methods(methods, skipped, years, y, fc_years, holdout, hist, rules,
                                                        unit, market, market_fc)
    if not mape:
        raise InputError(f"{label}无法用任何方法预测：" + "；".join(f"{METHOD_NAMES.get(k, k)}{v}" for k, v in skipped.items()))

    def key(m):
        return (np.nan_to_num(mape[m], nan=1e9), list(methods).index(m))

    ok = [m for m in mape if m not in rejected]
    fallback = False
    if not ok:
        ok = [m for m in mape if not hard.get(m)]
        fallback = True
        if not ok:
            raise InputError(f"{label}的各方法预测均超出合理范围：" + "；".join(r for v in rejected.values() for r in v))
    best = min(ok, key=key)
    e = max(3.0, float(np.sqrt(np.mean(np.square(errors[best])))) if errors[best] else 3.0) / 100
    z = Z[level]
    pts = points[best]
    half = [z * e * np.sqrt(h + 1) for h in range(horizon)]
    saturation = None
    if market is not None:
        saturation = saturation_details(market, market_fc, hist, years, fc_years, points, rules, horizon)
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
                          bounds=bounds_text(rules, hist, market), saturation=saturation, notes=notes,
                          skipped=skipped, interpolated=gaps if gaps and not gap_why else [])
