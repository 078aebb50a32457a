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
import yaml

from ..errors import InputError

from .tables import (DATA_DIR, TABLE_KINDS, DataBundle, PerformanceWorkbook, Table, UnreadableFile,  # noqa: F401
                     column_config, load_data, load_yaml, read_table)
from .values import norm_text

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
    return _share(df.groupby(col)[value].sum()) if col in df.columns and len(df) else []


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
        rows.append({"family": r["family"], "majors": norm_text(r.get("majors")),
                     "schools": int(r["schools"]) if "schools" in df else None,
                     "graduates": int(r["graduates"]), "match_rate": round(100 * float(r["match_rate"]), 1),
                     "matched": int(round(r["matched"])), "note": norm_text(r.get("note"))})
    notes = sorted({norm_text(n) for n in df.get("note", []) if norm_text(n)})
    return {"rows": rows, "graduates_total": int(df["graduates"].sum()),
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
    return {"demand_year": dy, "formula": si["formula"], "basis": se["basis"], "scale": round(k, 4),
            "families": families, "positions": positions,
            "has_supply": supply is not None, "has_hard": "hard_to_fill" in survey.df.columns,
            "grades": [f"{name}（≥{lo}）" for lo, name in si["grades"]]}


def tech_summary(tech: Table) -> dict[str, Any]:
    df = tech.df
    order = {"高": 0, "中": 1, "低": 2}
    rows = [{k: norm_text(v) for k, v in r.items()} for r in df.to_dict("records")]
    rows = sorted(rows, key=lambda r: order.get(r.get("urgency", ""), 3))
    return {"rows": rows, "count": len(rows),
            "by_field": _share(df.groupby("field").size()) if "field" in df else [],
            "by_urgency": {k: int(v) for k, v in df.groupby("urgency").size().items()} if "urgency" in df else {}}


# ---------------------------------------------------------------- industry series from the knowledge base

@dataclass
class IndustrySeries:
    """A yearly industry series (e.g. 产量/销量 by year) and where it came from."""
    series: dict[str, dict[int, float]]
    unit: str
    origin: str  # "kb" | "yaml"
    source: str  # KB source name, or the data file path
    title: str
    year: int | None  # latest year of the series (reference year)
    sheet: str = ""
    columns: dict[str, str] = field(default_factory=dict)  # internal name -> matched header
    notes: list[str] = field(default_factory=list)  # why candidate tables were not used


def _num(v) -> float | None:
    if v is None:
        return None
    s = str(v).strip().replace(",", "")
    m = re.fullmatch(r"-?\d+(?:\.\d+)?", s)
    return float(s) if m else None


def _year(v) -> int | None:
    m = re.fullmatch(r"\s*((?:19|20)\d{2})(?:\.0)?\s*年?\s*", str(v if v is not None else ""))
    return int(m.group(1)) if m else None


def _header_unit(h: str) -> str | None:
    m = re.search(r"[（(]([^（）()]+)[）)]\s*$", h)
    return m.group(1).strip() if m else None


def _match_column(headers: list[str], names: list[str], spec: dict, industry: str) -> tuple[str | None, str]:
    """The header for one field: an exact name first, else (match: contains) a header containing a
    name and none of the exclude words; several → the ones naming the industry; still several → ambiguous."""
    exact = [h for h in headers if h in names]
    if exact:
        return exact[0], ""
    if spec.get("match", "contains") != "contains":
        return None, ""
    excl = spec.get("exclude", [])
    cands = [h for h in headers if any(n in h for n in names) and not any(x in h for x in excl)]
    if len(cands) > 1:
        named = [h for h in cands if industry and industry in h]
        cands = named if named else cands
    if len(cands) == 1:
        return cands[0], ""
    return None, ("列“" + "”“".join(cands) + "”均可匹配，无法确定") if cands else ""


def series_from_rows(rows: list[dict], spec: dict, industry: str, unit: str, target: str) -> tuple[dict | None, dict, str]:
    """Map one sheet's row dicts to {field: {year: value}}; returns (series, matched columns, why-not)."""
    headers = [str(h).strip() for h in (rows[0].keys() if rows else [])]
    cols: dict[str, str] = {}
    for fld, names in spec["columns"].items():
        h, why = _match_column(headers, [names] if isinstance(names, str) else list(names), spec, industry)
        if h:
            cols[fld] = h
        elif why:
            return None, cols, why
    required = list(dict.fromkeys([*spec.get("required", ["year"]), target]))
    missing = [f for f in required if f not in cols]
    if missing:
        return None, cols, "缺少列“" + "、".join(missing) + "”"
    named = any(industry in cols[f] for f in cols if f != "year")
    for f in cols:
        if f == "year":
            continue
        u = _header_unit(cols[f])
        if u and u != unit:
            return None, cols, f"列“{cols[f]}”的单位为{u}，与{unit}不一致"
    out: dict[str, dict[int, float]] = {f: {} for f in cols if f != "year"}
    for r in rows:
        y = _year(r.get(cols["year"]))
        if y is None:
            continue
        for f in out:
            v = _num(r.get(cols[f]))
            if v is not None:
                if v < 0:
                    return None, cols, f"列“{cols[f]}”{y}年为负值"
                out[f][y] = v
    out = {f: s for f, s in out.items() if s}
    n = len(out.get(target, {}))
    if n < int(spec.get("min_years", 4)):
        return None, cols, f"{target}只有{n}年数据"
    return out, {**cols, "_named": named}, ""


def industry_series_from_kb(kb, industry: str, unit: str, target: str = "销量",
                            columns_path: str | Path | None = None) -> IndustrySeries | None:
    """Find the yearly industry series in the knowledge base's structured tables (XLSX/CSV sources).

    Columns are matched by name (columns.yaml → industry_series). A table qualifies when it has a
    year column and the target column with enough years, and its headers, sheet, title or file name
    name the industry. Among several, the most recent source (then the longest series) wins.
    Returns None (with no error) when the knowledge base has no such table or no table interface."""
    spec = column_config(columns_path).get("industry_series")
    if not spec or kb is None or not hasattr(kb, "sources") or not hasattr(kb, "tables"):
        return None
    try:
        infos = list(kb.sources())
    except Exception:  # a knowledge base without a source list is not an error for drafting
        return None
    types = {t.lower().lstrip(".") for t in spec.get("file_types", ["xlsx", "csv"])}
    best, notes = None, []
    for info in infos:
        ft = str(getattr(info, "file_type", "") or Path(info.source).suffix).lower().lstrip(".")
        if ft not in types:
            continue
        try:
            tables = kb.tables(info.source) or {}
        except Exception as e:
            notes.append(f"{info.source}：无法读取表格（{e}）")
            continue
        for sheet, rows in tables.items():
            if not rows:
                continue
            ser, cols, why = series_from_rows(rows, spec, industry, unit, target)
            if ser is None:
                if why and "缺少列" not in why:
                    notes.append(f"{info.source}，工作表“{sheet}”：{why}")
                continue
            about = cols.pop("_named") or any(industry in (x or "") for x in (sheet, info.title, info.source))
            if not about:
                notes.append(f"{info.source}，工作表“{sheet}”：未标明为{industry}数据")
                continue
            last = max(ser[target])
            rank = (getattr(info, "year", None) or last, len(ser[target]))
            cand = IndustrySeries(series=ser, unit=unit, origin="kb", source=info.source,
                                  title=info.title or Path(info.source).stem, year=getattr(info, "year", None) or last,
                                  sheet=str(sheet), columns=cols)
            if best is None or rank > best[0]:
                best = (rank, cand)
    if best is None:
        return None
    best[1].notes = notes
    return best[1]


def industry_series(kb=None, path: str | Path = "industry_series.yaml", columns_path: str | Path | None = None) -> tuple[IndustrySeries, dict]:
    """The industry series for the report: the knowledge-base table if there is one, else the data
    file. Returns (series, the data file's settings: unit, forecast_target, market, ...)."""
    ind = load_yaml(path)
    unit, target = ind["unit"], ind.get("forecast_target", "销量")
    found = industry_series_from_kb(kb, ind["industry"], unit, target, columns_path)
    if found is not None:
        return found, ind
    ser = {k: {int(y): float(v) for y, v in s.items()} for k, s in ind["series"].items()}
    last = max(max(s) for s in ser.values())
    return IndustrySeries(series=ser, unit=unit, origin="yaml", source=f"assistant/data/{path}" if not Path(path).is_absolute() else str(path),
                          title=ind["source"].split("（")[0], year=last), ind
