"""Bindings for the industry's statistics series and the forecasts (industry scale, hiring demand).

The series comes from a table in the knowledge base (`assistant.analysis.profile_series`): the one the
profile names (`series.source`), else a table whose headers, caption, title or file name name the
industry, with a year column (or years as headers) and the profile's metric in the profile's unit.
Nothing is taken from the package: with no such table the report says which data are missing and how
to add them.
"""
from __future__ import annotations

from ..analysis import METHOD_NAMES, ForecastResult, IndustrySeries, Market, forecast_series, load_yaml, profile_series
from ..errors import InputError
from ..profile import Profile
from .bindings import Inputs, Provided, methods_text, provider
from .types import Block, Reference, fmt

# The series finder lives in the analysis stage: tables in any format (XLSX/CSV, Markdown, HTML, DOCX, PDF),
# any metric and unit, missing years allowed, 口径 differences between sources kept apart.
FoundSeries = IndustrySeries


def find_series(kb, profile: Profile) -> tuple[FoundSeries | None, list[str]]:
    """The industry's yearly series from the knowledge base's tables, and notes on the choice
    (`assistant.analysis.profile_series`: which table and why, tables not used, 口径 differences)."""
    return profile_series(kb, profile)


def series_reference(found: FoundSeries) -> Reference:
    return Reference(key="data:industry", label=f"《{found.title}》，{found.source}，表“{found.sheet}”，{found.year}年",
                     source=found.source, title=found.title, year=found.year, kind="data")


# ---------------------------------------------------------------- industry series


def _change(a: float, b: float) -> tuple[str, float]:
    pct = round(100 * (b / a - 1), 1) if a else 0.0
    return (f"增长{fmt(abs(pct))}%" if pct >= 0 else f"下降{fmt(abs(pct))}%"), abs(pct)


def _caliber(f: FoundSeries, industry: str) -> tuple[str | None, dict]:
    """The 口径 sentence when another source gives other values for the same metric and years, and its reference."""
    if not f.conflicts or not f.alternatives:
        return None, {}
    alt = f.alternatives[0]
    rows = [c for c in f.conflicts if c["values"][1]["source"] == alt["source"]][:3]
    pairs = "、".join(f"{c['year']}年为{fmt(c['values'][1]['value'])}{f.unit}（本表为{fmt(c['values'][0]['value'])}{f.unit}）"
                      for c in rows)
    text = (f"另据《{alt['title']}》，{industry}{f.target}{pairs}，与上述数据不一致，属统计口径不同；本报告采用"
            f"《{f.title}》的数据，不与之混用")
    ref = Reference(key="data:industry_alt", label=f"《{alt['title']}》，{alt['source']}，表“{alt['table']}”",
                    source=alt["source"], title=alt["title"], year=alt.get("source_year"), kind="data")
    return text, {"industry_alt": ref}


@provider("industry_series", "y0 y1 unit metric last change_text span_text other_text caliber_text")
def industry_series(inp: Inputs) -> Provided | None:
    from . import charts

    f = inp.found.series
    if f is None:
        return None
    ind, ser, s = inp.profile.industry, f.series, f.series[f.target]
    ys = sorted(s)
    y0, y1 = ys[0], ys[-1]
    derived: dict = {}
    v = {"y0": y0, "y1": y1, "unit": f.unit, "metric": f.target, "last": fmt(s[y1])}
    prev = ys[-2]
    txt, pct = _change(s[prev], s[y1])
    v["change_text"] = f"比{'上年' if prev == y1 - 1 else f'{prev}年'}{txt}"
    derived["growth_last"] = pct
    span = y1 - y0
    txt, tot = _change(s[y0], s[y1])
    cagr = round(100 * abs((s[y1] / s[y0]) ** (1 / span) - 1), 1) if s[y0] and span else 0.0
    word = "增至" if s[y1] >= s[y0] else "降至"
    v["span_text"] = f"由{fmt(s[y0])}{f.unit}{word}{fmt(s[y1])}{f.unit}，累计{txt}，年均{txt[:2]}{fmt(cagr)}%"
    derived.update(total_change=tot, cagr=cagr)
    if len(ys) < span + 1:
        derived["missing_years"] = [y for y in range(y0, y1 + 1) if y not in s]  # stated in the text
        v["span_text"] += f"（{'、'.join(map(str, derived['missing_years']))}年缺数据）"
    others = [k for k in ser if k != f.target and y1 in ser[k]]
    if others:
        o = others[0]
        ov = ser[o]
        v["other_text"] = f"同年{ind}{o}为{fmt(ov[y1])}{f.unit}"
        if prev in ov:
            txt, pct = _change(ov[prev], ov[y1])
            v["other_text"] += f"，比{'上年' if prev == y1 - 1 else f'{prev}年'}{txt}"
            derived["other_growth"] = pct
    names = list(ser)
    rows = [[str(y), *[fmt(ser[k].get(y, "—")) for k in names]] for y in sorted(set().union(*ser.values()))]
    fig = charts.line_chart(ser, f"{ind}{'与'.join(names)}（{y0}—{y1}年）", f.unit,
                            inp.chart_dir / "industry_series.png")
    blocks = [Block(type="table", caption=f"{ind}{'、'.join(names)}（{f.unit}）", headers=["年份", *names],
                    rows=rows, cite="industry"),
              Block(type="figure", caption=f"{ind}{'与'.join(names)}", path=inp.rel(fig), cite="industry")]
    v["caliber_text"], refs = _caliber(f, ind)
    facts = {"industry": {"derived": derived, "conflicts": f.conflicts}}
    return Provided(values=v, blocks=blocks, facts=facts, refs=refs)


@provider("report_scope", "methods_text industry_source y0 y1 companies positions")
def report_scope(inp: Inputs) -> Provided:
    a = inp.found
    v = {"methods_text": methods_text(inp.common["_templates"], a.present, ("docs", "industry", "survey"))}
    if a.series is not None:
        s = a.series.series[a.series.target]
        v.update(industry_source=f"知识库收录的统计表《{a.series.title}》", y0=min(s), y1=max(s))
    if a.ds:
        v.update(companies=a.ds["companies"], positions=a.ds["positions"])
    return Provided(values=v)


# ---------------------------------------------------------------- forecasts

def forecast_settings(target: str) -> dict:
    """Horizon, hold-out, level and the plausibility rules for one target (analysis.yaml → forecast)."""
    cfg = load_yaml("analysis.yaml").get("forecast", {})
    rules = dict(cfg.get("rules", {}).get(target, {"non_negative": True}))
    rules["messages"] = cfg.get("messages", {})
    return {"horizon": int(cfg.get("horizon", 3)), "holdout": int(cfg.get("holdout", 2)),
            "level": int(cfg.get("level", 80)), "rules": rules,
            "gaps": {k: cfg[k] for k in ("min_points", "max_gap_run", "max_gap_share") if k in cfg}}


_CN = "零一二三四五六七八九"


def _cn(n: int):
    return _CN[n] if n < 10 else n


def forecast_values(fc: ForecastResult, integer: bool = False) -> dict:
    """Template values (text) and the computed facts the forecast sentences may quote."""
    r = (lambda x: int(round(x))) if integer else (lambda x: round(x, 1))
    pts = [r(p) for p in fc.point]
    lo, hi = [r(x) for x in fc.lower], [r(x) for x in fc.upper]
    mape = {METHOD_NAMES[m]: round(v, 1) for m, v in fc.mape.items()}
    names = [METHOD_NAMES[m] for m in fc.mape]
    rejected = {METHOD_NAMES[m]: why for m, why in fc.rejected.items()}
    if rejected:
        rej_text = "；".join("；".join(why) for why in rejected.values()) + "，" + \
            ("以上方法均未采用" if len(rejected) > 1 else "该方法未采用")
    else:
        rej_text = f"{'、'.join(names)}的预测结果均通过检验"
    if fc.fallback:
        choice = f"各方法均未完全通过检验，选用未超出硬性界限且回测误差最小的{fc.method_name}，结果需审慎使用"
    elif rejected:
        choice = f"据此在通过检验的方法中选用回测误差最小的{fc.method_name}"
    else:
        choice = f"据此选用回测误差最小的{fc.method_name}"
    text = {
        "holdout": len(fc.holdout_years), "method_name": fc.method_name, "horizon": fc.horizon_text,
        "level": fc.level, "methods_text": "、".join(names[:-1]) + "和" + names[-1] if len(names) > 1 else names[0],
        "n_methods": _cn(len(names)), "mape_text": "、".join(f"{k}{fmt(v)}%" for k, v in mape.items()),
        "points_text": "、".join(f"{y}年{fmt(p)}{fc.unit}" for y, p in zip(fc.years, pts)),
        "interval_text": "、".join(f"{y}年{fmt(a)}至{fmt(b)}{fc.unit}" for y, a, b in zip(fc.years, lo, hi)),
        "bounds_text": "、".join(fc.bounds), "rejected_text": rej_text, "choice_text": choice,
        "clip_note": "（区间下限低于0的按0计）" if fc.lower_clipped else "", "y_last_fc": fc.years[-1],
    }
    facts = {"method": fc.method_name, "years": fc.years, "point": pts, "lower": lo, "upper": hi, "mape": mape,
             "history": fc.history, "holdout_years": fc.holdout_years, "level": fc.level,
             "holdout": len(fc.holdout_years), "bounds": fc.bounds, "rejected": rejected,
             "all_points": {METHOD_NAMES[m]: [r(x) for x in p] for m, p in fc.all_points.items()}}
    if fc.saturation:
        _saturation_values(fc, r, text, facts)
    return {"text": text, "facts": facts}


def _saturation_values(fc: ForecastResult, r, text: dict, facts: dict) -> None:
    pct = lambda x: round(100 * x, 1)  # noqa: E731
    sat = fc.saturation
    mp = [round(x, 1) for x in sat["market_point"]]
    ml, mh = [round(x, 1) for x in sat["market_lower"]], [round(x, 1) for x in sat["market_upper"]]
    my = sorted(sat["market_history"])
    share_chosen = [pct(p / t) for p, t in zip(fc.point, sat["market_point"])]
    sf = {"market": sat["market"], "market_history": sat["market_history"], "market_years": my,
          "market_n": sat["market_n"], "market_point": mp, "market_lower": ml, "market_upper": mh,
          "share_history_pct": {y: pct(x) for y, x in sat["share_history"].items()},
          "share_of_market_pct": share_chosen, "ceiling_max_pct": pct(sat["ceiling_max"]),
          "max_share_pct": pct(sat["max_share"])}
    text.update(market_name=sat["market"], m_y0=my[0], m_y1=my[-1], market_n=_cn(sat["market_n"]),
                m_last=fmt(mp[-1]), m_last_lo=fmt(ml[-1]), m_last_hi=fmt(mh[-1]),
                share_last=fmt(share_chosen[-1]), ceiling_max=fmt(pct(sat["ceiling_max"])),
                s_last=fmt(pct(list(sat["share_history"].values())[-1])))
    if "ceiling" in sat:
        sf.update(ceiling_pct=pct(sat["ceiling"]), share_forecast_pct=[pct(x) for x in sat["share_point"]])
        text.update(ceiling=fmt(pct(sat["ceiling"])))
        if sat.get("ceiling_se") is not None:
            sf["ceiling_se_pp"] = pct(sat["ceiling_se"])
            text["ceiling_se"] = fmt(pct(sat["ceiling_se"]))
    if fc.method != "share_logistic" and "share_logistic" in fc.all_points:
        sp = [r(x) for x in fc.all_points["share_logistic"]]
        ss = [pct(p / t) for p, t in zip(fc.all_points["share_logistic"], sat["market_point"])]
        sf.update(share_model_point=sp, share_model_share_pct=ss)
        text.update(sat_last=fmt(sp[-1]), sat_share_last=fmt(ss[-1]))
    facts["saturation"] = sf


def forecast_table(fc: ForecastResult, cite: str, integer: bool = False) -> Block:
    r = (lambda x: int(round(x))) if integer else (lambda x: round(x, 1))
    return Block(type="table", caption=f"{fc.name}预测结果（{fc.method_name}，{fc.level}%区间）", cite=cite,
                 headers=["年份", "点预测", "区间下限", "区间上限"],
                 rows=[[str(y), fmt(r(p)), fmt(r(a)), fmt(r(b))] for y, p, a, b in
                       zip(fc.years, fc.point, fc.lower, fc.upper)])


_FORECAST_KEYS = ("y0 y1 target unit methods_text n_methods holdout mape_text bounds_text rejected_text choice_text "
                  "horizon points_text level interval_text clip_note y_last_fc market_name s_last ceiling_max "
                  "ceiling ceiling_se m_y0 m_y1 market_n m_last m_last_lo m_last_hi share_last sat_last "
                  "sat_share_last method_name reason gap_text")


def _market(f: FoundSeries, rules: dict) -> Market | None:
    mk = f.market
    if not mk or not mk["total"]:
        return None
    return Market(name=mk["name"], unit=mk["unit"], total=dict(mk["total"]),
                  share={y: v / 100 for y, v in mk["share"].items() if y not in mk["total"]},
                  ceiling_max=1.0, max_share=float(rules.get("max_share_of_total", 1.0)))


@provider("industry_forecast", _FORECAST_KEYS, templates=("industry_forecast", "industry_no_forecast"))
def industry_forecast(inp: Inputs) -> Provided:
    from . import charts

    f = inp.found.series
    if f is None:
        return Provided(template="industry_no_forecast")
    ind, s = inp.profile.industry, f.series[f.target]
    fs = forecast_settings("industry")
    market = _market(f, fs["rules"])
    try:
        fc = forecast_series(s, horizon=fs["horizon"], name=f"{ind}{f.target}", unit=f.unit,
                             holdout=fs["holdout"], level=fs["level"], market=market, rules=fs["rules"],
                             **fs["gaps"])
    except InputError as e:
        return Provided(template="industry_no_forecast", values={"reason": str(e)},
                        facts={"industry": {"no_forecast": str(e)}})
    fv = forecast_values(fc)
    v = {**fv["text"], "y0": min(s), "y1": max(s), "unit": f.unit, "target": f"{ind}{f.target}",
         "gap_text": "；".join(fc.notes) or None}  # missing years: interpolated for fitting, or methods skipped
    facts = {"industry": {"forecast": fv["facts"]}}
    flags = {"industry_forecast"}
    if market is not None and fc.saturation:
        facts["market"] = {"name": market.name, "unit": market.unit, "series": market.total,
                           "share_reported_pct": f.market["share"], "forecast": fv["facts"]}
        flags.add("market")
    fig = charts.forecast_chart(fc, f"{ind}{f.target}预测（{fc.method_name}）", inp.chart_dir / "industry_forecast.png")
    blocks = [forecast_table(fc, "industry"),
              Block(type="figure", caption=f"{ind}{f.target}预测", cite="industry", path=inp.rel(fig))]
    refs = {}
    if "market" in flags:
        refs["market"] = Reference(key="data:market", label=f"《{f.title}》{market.name}列，{f.source}",
                                   source=f.source, title=f"{f.title}（{market.name}）", year=f.year, kind="data")
    return Provided(values=v, blocks=blocks, facts=facts, refs=refs, forecasts={"industry": fc}, flags=flags)


@provider("demand_forecast", _FORECAST_KEYS + " plan_text", templates=("demand_forecast", "demand_plan"))
def demand_forecast(inp: Inputs) -> Provided:
    from . import charts

    a = inp.found
    plan = ("、".join(f"{y}年{n}人" for y, n in a.ds["plan_totals"].items()) if a.ds else None)
    if not a.ps:
        return Provided(template="demand_plan", values={"reason": "未提供招聘数据", "plan_text": plan})
    ys, obo = a.ps["years"], a.ps["openings_by_year"]
    fs = forecast_settings("demand")
    try:
        fc = forecast_series({y: obo[y] for y in ys}, horizon=fs["horizon"], name="年度招聘人数", unit="人",
                             holdout=fs["holdout"], level=fs["level"], rules=fs["rules"], **fs["gaps"])
    except InputError as e:
        return Provided(template="demand_plan", values={"reason": "招聘数据的年份太少，不足以进行预测",
                                                        "plan_text": plan})
    fv = forecast_values(fc, integer=True)
    v = {**fv["text"], "y0": ys[0], "y1": ys[-1], "plan_text": plan, "gap_text": "；".join(fc.notes) or None}
    fig = charts.forecast_chart(fc, f"年度招聘人数预测（{fc.method_name}）", inp.chart_dir / "demand_forecast.png")
    blocks = [forecast_table(fc, "postings", integer=True),
              Block(type="figure", caption="年度招聘人数预测", cite="postings", path=inp.rel(fig))]
    return Provided(values=v, blocks=blocks, facts={"postings": {"forecast": fv["facts"]}},
                    forecasts={"demand": fc}, flags={"demand_forecast"})
