"""Data analysis stage: read survey / postings / technology-needs / supply tables and compute
the demand structure, hard-to-fill positions and the shortage index (紧缺指数).

Column names are data (`assistant/data/columns.yaml`), parameters of the shortage index are data
(`assistant/data/analysis.yaml`); the formula text in that file is quoted verbatim in the report.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import InputError

from .tables import (DATA_DIR, TABLE_KINDS, DataBundle, PerformanceWorkbook, Table, UnreadableFile,  # noqa: F401
                     column_config, load_data, load_yaml, read_table)
from .values import display_text, norm_text

# ---------------------------------------------------------------- analysis

def split_list(s, sep: str = r"[;；、,，|]") -> list[str]:
    """Split a multi-value text cell; a blank cell (None, NaN, pandas NA) is an empty list."""
    return [x.strip() for x in re.split(sep, norm_text(s)) if x.strip()]


def demand_year(table: Table, year: int | None) -> int:
    """The plan year used as 需求数: the report year if surveyed, else the first planned year."""
    if not table.plan_years:
        raise InputError(f"{table.path.name} 没有计划招聘人数列，无法计算需求")
    if year in table.plan_years:
        return year
    later = [y for y in table.plan_years if year is None or y >= year]
    return (later or table.plan_years)[0]


def _share(series: pd.Series) -> list[dict]:
    series = series[series.index.map(lambda k: bool(norm_text(k)))]
    total = float(series.sum()) or 1.0
    return [{"name": str(k), "value": int(round(v)), "share": round(100 * v / total, 1)}
            for k, v in series.sort_values(ascending=False).items()]


def _by(df: pd.DataFrame, col: str, value: str) -> list[dict]:
    """Shares of `value` by `col`; [] when the table has no such column (the field was not supplied)."""
    return _share(df.groupby(col)[value].sum()) if {col, value} <= set(df.columns) and len(df) else []


def _skill_counts(skills, weights, sep: str = r"[;；、,，|]") -> dict[str, float]:
    out: dict[str, float] = {}
    for s, n in zip(skills, weights):
        for sk in split_list(s, sep):
            out[sk] = out.get(sk, 0) + n
    return out


def _hard_mask(df: pd.DataFrame) -> pd.Series:
    if "hard_to_fill" not in df.columns:
        return pd.Series(False, index=df.index)
    return df["hard_to_fill"].map(lambda v: v is True or norm_text(v) in ("是", "Y", "y", "1", "True", "true"))


def demand_structure(survey: Table, year: int | None = None) -> dict[str, Any]:
    """Demand (planned hiring in the demand year) by family, education, skill, region, company type.

    A field the survey lacks gives an empty breakdown, and `unavailable` names it."""
    df = survey.df
    dy = demand_year(survey, year)
    col = f"plan_{dy}"
    out: dict[str, Any] = {"demand_year": dy, "total": int(df[col].sum()),
                           "companies": int(df["company"].nunique()) if "company" in df else None,
                           "positions": int(len(df)),
                           "headcount": int(df["headcount"].sum()) if "headcount" in df else None,
                           "unavailable": list(survey.missing)}
    for key, c in (("by_family", "family"), ("by_education", "education"), ("by_region", "region"),
                   ("by_company_type", "company_type"), ("by_company_size", "company_size")):
        out[key] = _by(df, c, col)
    skills = _skill_counts(df["skills"], df[col]) if "skills" in df else {}
    out["by_skill"] = _share(pd.Series(skills, dtype=float)) if skills else []
    out["plan_totals"] = {int(y): int(df[f"plan_{y}"].sum()) for y in survey.plan_years}
    out["workforce_by_family"] = _by(df, "family", "headcount")
    hard = df[_hard_mask(df)]
    has_hard = "hard_to_fill" in df.columns
    out["hard_share"] = round(100 * len(hard) / max(len(df), 1), 1) if has_hard else None
    out["hard_count"] = int(len(hard)) if has_hard else None
    hp = hard.groupby("position").size().sort_values(ascending=False) if "position" in df else pd.Series(dtype=int)
    out["hard_positions"] = [{"name": k, "count": int(v)} for k, v in hp.head(8).items()]
    hf = (df.assign(h=df.index.isin(hard.index)).groupby("family")["h"].mean() * 100).round(1) if has_hard else {}
    out["hard_rate_by_family"] = {k: float(v) for k, v in dict(hf).items()}
    out["salary"] = salary_summary(df["salary"]) if "salary" in df else []
    years = sorted({int(y) for y in df["survey_year"] if y}) if "survey_year" in df else []
    out["survey_year"] = years[-1] if years else None
    return out


def _salary_mid(text: str) -> float | None:
    text = norm_text(text)
    nums = [float(x) for x in re.findall(r"\d+(?:\.\d+)?", text)]
    if not nums:
        return None
    mid = sum(nums[:2]) / len(nums[:2])
    # "8-12K" / "8000-12000" / "0.8-1.2万" all to 千元/月
    if "万" in text:
        mid *= 10
    elif mid >= 300:
        mid /= 1000
    return mid


def salary_summary(col: pd.Series) -> list[dict]:
    col = col.map(norm_text)
    counts = col[col != ""].value_counts()
    return [{"name": k, "count": int(v)} for k, v in counts.head(5).items()]


def postings_summary(postings: Table) -> dict[str, Any]:
    df = postings.df.dropna(subset=["year"])
    df = df.assign(year=df["year"].astype(int))
    by_year = df.groupby("year")["openings"].sum()
    counts = df.groupby("year").size()
    out: dict[str, Any] = {
        "rows": int(len(df)),
        "years": [int(y) for y in by_year.index],
        "openings_by_year": {int(k): int(v) for k, v in by_year.items()},
        "postings_by_year": {int(k): int(v) for k, v in counts.items()},
        "by_family": _by(df, "family", "openings"),
        "by_city": _by(df, "city", "openings"),
        "by_education": _by(df, "education", "openings"),
        "unavailable": list(postings.missing),
    }
    if {"salary_min", "salary_max"} <= set(df.columns):
        sal = df[(df["salary_min"] > 0) & (df["salary_max"] > 0)]
    else:
        sal = df.iloc[0:0]
    if len(sal):
        mid = (sal["salary_min"] + sal["salary_max"]) / 2
        scale = 1000.0 if mid.median() >= 300 else 1.0  # 元/月 → 千元/月
        sal = sal.assign(mid=mid / scale)
        last = int(sal["year"].max())
        fam = sal[sal["year"] == last].groupby("family")["mid"].median().sort_values(ascending=False)
        out["salary_year"] = last
        out["salary_median"] = round(float(sal[sal["year"] == last]["mid"].median()), 1)
        out["salary_by_family"] = [{"name": k, "value": round(float(v), 1)} for k, v in fam.items()]
    skills = _skill_counts(df["skills"], df["openings"]) if "skills" in df else {}
    out["by_skill"] = _share(pd.Series(skills, dtype=float))[:10] if skills else []
    ys = out["years"]
    if len(ys) >= 2:
        a, b = out["openings_by_year"][ys[0]], out["openings_by_year"][ys[-1]]
        out["growth_first_last"] = round(100 * (b - a) / a, 1) if a else None
    return out


def supply_summary(supply: Table) -> dict[str, Any]:
    df = supply.df.copy()
    df["matched"] = df["graduates"] * df["match_rate"]
    rows = []
    for _, r in df.sort_values("graduates", ascending=False).iterrows():
        rows.append({"family": r["family"], "majors": display_text(r.get("majors")),
                     "schools": int(r["schools"]) if "schools" in df else None,
                     "graduates": int(r["graduates"]), "match_rate": round(100 * float(r["match_rate"]), 1),
                     "matched": int(round(r["matched"])), "note": display_text(r.get("note"))})
    notes = sorted({display_text(n) for n in df.get("note", []) if display_text(n)})
    return {"rows": rows, "graduates_total": int(df["graduates"].sum()),
            "schools_total": int(df["schools"].sum()) if "schools" in df else None,
            "matched_total": int(round(df["matched"].sum())),
            "match_rate_avg": round(100 * float(df["matched"].sum() / max(df["graduates"].sum(), 1)), 1),
            "notes": notes, "unavailable": list(supply.missing)}


def grade(index: float, grades: list) -> str:
    for lo, name in grades:
        if index >= lo:
            return name
    return grades[-1][1]


def shortage(survey: Table, supply: Table | None, year: int | None = None,
             params: dict | None = None) -> dict[str, Any]:
    """Shortage index per position family and per position (formula and parameters from analysis.yaml)."""
    cfg = params or load_yaml("analysis.yaml")
    si, se = cfg["shortage_index"], cfg["supply_estimate"]
    dy = demand_year(survey, year)
    col = f"plan_{dy}"
    df = survey.df.copy()
    df["hard"] = _hard_mask(df)
    if "position" not in df:
        df["position"] = df["family"]
    demand = df.groupby("family")[col].sum()
    raw_supply = pd.Series(0.0, index=demand.index)
    if supply is not None:
        s = supply.df.assign(m=supply.df["graduates"] * supply.df["match_rate"]).groupby("family")["m"].sum()
        raw_supply = s.reindex(demand.index).fillna(0.0)
    total_raw = float(raw_supply.sum())
    if se.get("scale", "auto") == "auto":
        k = (float(demand.sum()) * float(se.get("overall_ratio", 1.0)) / total_raw) if total_raw else 0.0
    else:
        k = float(se["scale"])
    sup = raw_supply * k
    families = []
    for fam in demand.index:
        d, s = float(demand[fam]), float(sup[fam])
        gap_rate = max(0.0, d - s) / d if d else 0.0
        hard_rate = float(df[df["family"] == fam]["hard"].mean())
        idx = si["w_gap"] * gap_rate + si["w_hard"] * hard_rate
        families.append({"family": fam, "demand": int(round(d)), "supply": int(round(s)),
                         "gap": int(round(d - s)), "gap_rate": round(100 * gap_rate, 1),
                         "hard_rate": round(100 * hard_rate, 1), "index": round(idx, 2),
                         "grade": grade(idx, si["grades"])})
    families.sort(key=lambda r: -r["index"])
    # Position level: the family's supply split by each position's share of the family's demand.
    positions = []
    for (fam, pos), g in df.groupby(["family", "position"]):
        d = float(g[col].sum())
        fam_d = float(demand[fam]) or 1.0
        s = float(sup[fam]) * d / fam_d
        gap_rate = max(0.0, d - s) / d if d else 0.0
        hard_rate = float(g["hard"].mean())
        idx = si["w_gap"] * gap_rate + si["w_hard"] * hard_rate
        edu = g["education"].map(norm_text).value_counts().index[0] if "education" in g and len(g) else ""
        sk = _skill_counts(g["skills"], [1] * len(g)) if "skills" in g else {}
        top = [k for k, _ in sorted(sk.items(), key=lambda kv: -kv[1])[:3]]
        positions.append({"position": pos, "family": fam, "education": edu, "skills": top,
                          "demand": int(round(d)), "supply": int(round(s)), "gap": int(round(d - s)),
                          "index": round(idx, 2), "grade": grade(idx, si["grades"])})
    positions.sort(key=lambda r: (-r["index"], -r["demand"]))
    rated = supply is None or "match_rate" not in supply.missing  # without the column every graduate counts
    basis = se["basis"] if rated else se.get("basis_no_rate", se["basis"])
    has_hard = "hard_to_fill" in survey.df.columns
    formula = si["formula"] if has_hard else si.get("formula_no_hard", si["formula"])
    return {"demand_year": dy, "formula": formula, "basis": basis, "scale": round(k, 4),
            "families": families, "positions": positions,
            "has_supply": supply is not None, "has_hard": has_hard,
            "grades": [f"{name}（≥{lo}）" for lo, name in si["grades"]]}


def tech_summary(tech: Table) -> dict[str, Any]:
    df = tech.df
    order = {"高": 0, "中": 1, "低": 2}
    rows = [{k: display_text(v) for k, v in r.items()} for r in df.to_dict("records")]
    rows = sorted(rows, key=lambda r: order.get(r.get("urgency", ""), 3))
    return {"rows": rows, "count": len(rows),
            "by_field": _share(df.groupby("field").size()) if "field" in df else [],
            "by_urgency": {k: int(v) for k, v in df.groupby("urgency").size().items()} if "urgency" in df else {}}


# ---------------------------------------------------------------- industry series from the knowledge base

@dataclass
class IndustrySeries:
    """The industry's yearly series for the report (the profile's metric, plus its other metrics found in
    the same table and unit), where it came from, and why it was chosen."""
    series: dict[str, dict[int, float]]  # metric → {year: value}; the target metric first
    unit: str
    origin: str  # "kb"
    source: str  # KB source name
    title: str
    year: int | None  # the source's year, else the latest year of the series
    sheet: str = ""  # table or sheet name
    columns: dict[str, str] = field(default_factory=dict)  # "year" and metric → the header it came from
    notes: list[str] = field(default_factory=list)  # choice, rejected tables, 口径 differences
    target: str = ""  # the metric forecast and described first
    why: str = ""  # why this table was chosen
    caption: str = ""
    market: dict | None = None  # {name, unit, total: {y: v}, share: {y: pct}, columns, source, title}
    alternatives: list[dict] = field(default_factory=list)  # same metric and unit from other sources, other values
    conflicts: list[dict] = field(default_factory=list)  # {year, metric, unit, values: [{source, table, value}]}

    @property
    def metric(self) -> str:
        return self.target


def _profile_target(profile) -> tuple[str | None, str]:
    spec = dict(getattr(profile, "series", None) or {})
    metrics = tuple(getattr(profile, "metrics", ()) or ())
    target = spec.get("metric") or (metrics[0].name if metrics else None)
    unit = spec.get("unit") or next((m.unit for m in metrics if m.name == target), "")
    return target, unit


def _market(found: list, best, spec: dict, names: tuple, unit: str, notes: list[str]) -> dict | None:
    """The market total (and the share, in %) the profile names: same table first, else any table."""
    from .series import choose_series

    mt = spec.get("market_total") or {}
    if not mt.get("metric"):
        return None
    mu = mt.get("unit") or unit
    same = [s for s in found if (s.source, s.table) == (best.source, best.table)]
    mc = choose_series(same, metric=mt["metric"], unit=mu)
    if mc.series is None:
        mc = choose_series(found, metric=mt["metric"], unit=mu)
        if mc.series is None:
            notes.append(f"市场总量“{mt['metric']}”：{mc.reason}")
            return None
        notes.append(f"市场总量取自{mc.series.describe()}")
    tot = mc.series
    share, cols = {}, [tot.column]
    if mt.get("share"):
        sh = [s for s in same if s.rate and mt["share"] in s.metric]
        if sh:
            share, cols = dict(sh[0].values), cols + [sh[0].column]
    return {"name": str(mt["metric"]), "unit": tot.unit, "total": dict(tot.values), "share": share, "columns": cols,
            "source": tot.source, "title": tot.title}


def profile_series(kb, profile) -> tuple[IndustrySeries | None, list[str]]:
    """The industry's yearly series from every table in the knowledge base (any format, metric and unit).

    Target metric and unit: `profile.series` (metric, unit), else the profile's first metric. With
    `series.source` only that source is used; otherwise the table must name the industry (or an alias).
    Returns (series or None, notes: which table and why, tables not used and why, 口径 differences, and —
    with no series — what is missing and how to add it)."""
    from .series import choose_series, find_series_in_kb

    target, unit = _profile_target(profile)
    if not target:
        return None, ["行业配置没有指标（metrics 或 series.metric），未查找统计序列"]
    spec = dict(profile.series or {})
    names = tuple(profile.names)
    found, notes = find_series_in_kb(kb)
    choice = choose_series(found, names=names, metric=target, unit=unit or None, source=spec.get("source"),
                           metrics=[m.name for m in profile.metrics])
    notes = notes + choice.notes
    if choice.series is None:
        return None, notes + [choice.reason]
    best = choice.series
    ser, cols = {target: dict(sorted(best.values.items()))}, {"year": best.year_column, target: best.column}
    for m in profile.metrics:
        if m.name == target or (m.unit and m.unit != best.unit):
            continue
        hit = next((s for s in choice.related if s.short_metric(names) == m.name), None)
        if hit is not None:
            ser[m.name], cols[m.name] = dict(sorted(hit.values.items())), hit.column
    out = IndustrySeries(series=ser, unit=best.unit, origin="kb", source=best.source, title=best.title,
                         year=best.source_year or max(best.values), sheet=best.table, columns=cols, notes=notes,
                         target=target, why=choice.why, caption=best.caption,
                         alternatives=[s.to_dict() for s in choice.alternatives], conflicts=choice.conflicts)
    out.market = _market(found, best, spec, names, best.unit, notes)
    return out, notes


def industry_series_from_kb(kb, industry: str | None = None, unit: str | None = None, target: str | None = None,
                            columns_path: str | Path | None = None, profile=None) -> IndustrySeries | None:
    """`profile_series` without the notes; with no profile, one is built from industry/unit/target.
    (`columns_path` is accepted for compatibility; series need no column mapping.)"""
    if profile is None:
        from ..profile import Metric, Profile

        if not industry:
            raise InputError("查找行业统计序列需要行业名称（--industry 或行业配置）")
        profile = Profile(industry=industry, metrics=(Metric(target, unit or ""),) if target else (),
                          series={k: v for k, v in (("metric", target), ("unit", unit)) if v})
    return profile_series(kb, profile)[0]


def industry_series(kb=None, profile=None, path=None, columns_path: str | Path | None = None
                    ) -> tuple[IndustrySeries | None, dict]:
    """The industry series and its settings from the knowledge base only (no bundled figures).
    Returns (series or None, settings: industry, unit, forecast_target, source_short, market, notes)."""
    if profile is None:
        raise InputError("查找行业统计序列需要行业配置（--industry 或 --profile）")
    found, notes = profile_series(kb, profile)
    target, unit = _profile_target(profile)
    settings: dict[str, Any] = {"industry": profile.industry, "unit": found.unit if found else unit,
                                "forecast_target": target, "source_short": found.title if found else None,
                                "market": found.market if found else None, "notes": notes}
    return found, settings
