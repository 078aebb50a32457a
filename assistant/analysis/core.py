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

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
TABLE_KINDS = ("survey", "postings", "tech_needs", "supply")


def load_yaml(name: str | Path) -> dict:
    p = Path(name) if Path(name).is_absolute() else DATA_DIR / name
    try:
        return yaml.safe_load(p.read_text(encoding="utf-8")) or {}
    except FileNotFoundError as e:
        raise InputError(f"数据文件不存在：{p}") from e
    except yaml.YAMLError as e:
        raise InputError(f"数据文件 {p} YAML 格式错误：{e}") from e


def column_config(path: str | Path | None = None) -> dict:
    return load_yaml(path or "columns.yaml")


# ---------------------------------------------------------------- reading

def _read_raw(path: Path, sheet: str | None) -> pd.DataFrame:
    suffix = path.suffix.lower()
    try:
        if suffix in (".xlsx", ".xlsm", ".xls"):
            xl = pd.ExcelFile(path)
            name = sheet if sheet in xl.sheet_names else xl.sheet_names[0]
            return pd.read_excel(xl, sheet_name=name)
        if suffix in (".csv", ".txt"):
            for enc in ("utf-8-sig", "gb18030"):
                try:
                    return pd.read_csv(path, encoding=enc)
                except UnicodeDecodeError:
                    continue
            raise InputError(f"无法识别文件编码：{path}")
    except InputError:
        raise
    except Exception as e:  # corrupt workbook etc.
        raise InputError(f"无法读取数据文件 {path}：{e}") from e
    raise InputError(f"不支持的数据文件类型：{path}（支持 .xlsx / .csv）")


def _names(spec) -> list[str]:
    return [spec] if isinstance(spec, str) else list(spec)


def _detect_kind(path: Path, headers: list[str], cfg: dict) -> str:
    stem = path.name.lower()
    for kind in TABLE_KINDS:
        if any(k.lower() in stem for k in cfg[kind].get("detect", [])):
            return kind
    best, score = None, 0
    for kind in TABLE_KINDS:
        names = {n for spec in cfg[kind]["columns"].values() for n in _names(spec)}
        s = len(names & set(headers))
        if s > score:
            best, score = kind, s
    if not best or score < 2:
        raise InputError(f"无法判断数据文件 {path.name} 的类型（问卷/招聘/技术需求/供给），请检查列名或文件名")
    return best


@dataclass
class Table:
    kind: str
    path: Path
    df: pd.DataFrame  # columns renamed to internal names
    label: str
    plan_years: list[int] = field(default_factory=list)


def read_table(path: str | Path, kind: str | None = None, columns_path: str | Path | None = None) -> Table:
    """Read one table and map its Chinese headers to internal names.

    A missing or misnamed column raises InputError naming the column and the file.
    """
    p = Path(path)
    if not p.is_file():
        raise InputError(f"数据文件不存在：{p}")
    cfg = column_config(columns_path)
    sheet_hint = None
    if kind:
        sheet_hint = cfg[kind].get("sheet")
    else:
        # Peek with the first sheet; the real sheet is chosen after detection.
        for k in TABLE_KINDS:
            if any(d.lower() in p.name.lower() for d in cfg[k].get("detect", [])):
                sheet_hint = cfg[k].get("sheet")
                break
    raw = _read_raw(p, sheet_hint)
    raw.columns = [str(c).strip() for c in raw.columns]
    kind = kind or _detect_kind(p, list(raw.columns), cfg)
    kc = cfg[kind]
    rename: dict[str, str] = {}
    for internal, spec in kc["columns"].items():
        hit = next((n for n in _names(spec) if n in raw.columns), None)
        if hit is None:
            want = "、".join(_names(spec))
            raise InputError(f"数据文件 {p.name} 缺少列“{want}”（{kc['label']}，可在 assistant/data/columns.yaml 中修改列名映射）")
        rename[hit] = internal
    plan_years: list[int] = []
    if kc.get("plan_pattern"):
        rx = re.compile("^" + re.escape(kc["plan_pattern"]).replace(re.escape("{year}"), r"(\d{4})") + "$")
        for c in raw.columns:
            m = rx.match(c)
            if m:
                rename[c] = f"plan_{m.group(1)}"
                plan_years.append(int(m.group(1)))
        if not plan_years:
            raise InputError(f"数据文件 {p.name} 缺少列“{kc['plan_pattern'].format(year='YYYY')}”（计划招聘人数，至少一年）")
    df = raw.rename(columns=rename)[list(rename.values())].copy()
    df = df.dropna(how="all")
    _coerce(df, kind, p)
    return Table(kind=kind, path=p, df=df, label=kc["label"], plan_years=sorted(plan_years))


def _coerce(df: pd.DataFrame, kind: str, path: Path) -> None:
    numeric = {"survey": ["headcount", "survey_year"], "postings": ["salary_min", "salary_max", "openings"],
               "supply": ["schools", "graduates"], "tech_needs": []}[kind]
    numeric += [c for c in df.columns if c.startswith("plan_")]
    for c in numeric:
        df[c] = pd.to_numeric(df[c], errors="coerce")
        if df[c].isna().all() and len(df):
            raise InputError(f"数据文件 {path.name} 的列 {c} 没有可用的数值")
        df[c] = df[c].fillna(0)
    if kind == "supply":
        rate = df["match_rate"].astype(str).str.replace("%", "", regex=False)
        rate = pd.to_numeric(rate, errors="coerce").fillna(0)
        df["match_rate"] = rate.where(rate <= 1, rate / 100)
    if kind == "postings":
        df["date"] = pd.to_datetime(df["date"], errors="coerce")
        df["year"] = df["date"].dt.year
    for c in df.columns:
        if df[c].dtype == object:
            df[c] = df[c].fillna("").astype(str).str.strip()


@dataclass
class DataBundle:
    tables: dict[str, Table] = field(default_factory=dict)

    def get(self, kind: str) -> Table | None:
        return self.tables.get(kind)

    @property
    def files(self) -> list[Path]:
        return [t.path for t in self.tables.values()]


def load_data(files: list[str | Path] | None, columns_path: str | Path | None = None) -> DataBundle:
    """Read every data file given; one table per kind (a later file of the same kind is appended)."""
    bundle = DataBundle()
    for f in files or []:
        t = read_table(f, columns_path=columns_path)
        if t.kind in bundle.tables:
            old = bundle.tables[t.kind]
            old.df = pd.concat([old.df, t.df], ignore_index=True)
        else:
            bundle.tables[t.kind] = t
    return bundle


# ---------------------------------------------------------------- analysis

def split_list(s: str, sep: str = r"[;；、,，|]") -> list[str]:
    return [x.strip() for x in re.split(sep, s or "") if x.strip()]


def demand_year(table: Table, year: int | None) -> int:
    """The plan year used as 需求数: the report year if surveyed, else the first planned year."""
    if year in table.plan_years:
        return year
    later = [y for y in table.plan_years if year is None or y >= year]
    return (later or table.plan_years)[0]


def _share(series: pd.Series) -> list[dict]:
    total = float(series.sum()) or 1.0
    return [{"name": str(k), "value": int(round(v)), "share": round(100 * v / total, 1)}
            for k, v in series.sort_values(ascending=False).items()]


def demand_structure(survey: Table, year: int | None = None) -> dict[str, Any]:
    """Demand (planned hiring in the demand year) by family, education, skill, region, company type."""
    df = survey.df
    dy = demand_year(survey, year)
    col = f"plan_{dy}"
    out: dict[str, Any] = {"demand_year": dy, "total": int(df[col].sum()),
                           "companies": int(df["company"].nunique()), "positions": int(len(df)),
                           "headcount": int(df["headcount"].sum())}
    for key, c in (("by_family", "family"), ("by_education", "education"), ("by_region", "region"),
                   ("by_company_type", "company_type"), ("by_company_size", "company_size")):
        out[key] = _share(df.groupby(c)[col].sum())
    skills: dict[str, float] = {}
    for s, n in zip(df["skills"], df[col]):
        for sk in split_list(s):
            skills[sk] = skills.get(sk, 0) + n
    out["by_skill"] = _share(pd.Series(skills, dtype=float)) if skills else []
    out["plan_totals"] = {int(y): int(df[f"plan_{y}"].sum()) for y in survey.plan_years}
    out["workforce_by_family"] = _share(df.groupby("family")["headcount"].sum())
    hard = df[df["hard_to_fill"].isin(["是", "Y", "y", "1", "True", "true"])]
    out["hard_share"] = round(100 * len(hard) / max(len(df), 1), 1)
    out["hard_count"] = int(len(hard))
    hp = hard.groupby("position").size().sort_values(ascending=False)
    out["hard_positions"] = [{"name": k, "count": int(v)} for k, v in hp.head(8).items()]
    hf = (df.assign(h=df.index.isin(hard.index)).groupby("family")["h"].mean() * 100).round(1)
    out["hard_rate_by_family"] = {k: float(v) for k, v in hf.items()}
    out["salary"] = salary_summary(df["salary"]) if "salary" in df else []
    years = sorted({int(y) for y in df["survey_year"] if y})
    out["survey_year"] = years[-1] if years else None
    return out


def _salary_mid(text: str) -> float | None:
    nums = [float(x) for x in re.findall(r"\d+(?:\.\d+)?", text or "")]
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
    counts = col[col != ""].value_counts()
    return [{"name": k, "count": int(v)} for k, v in counts.head(5).items()]


def postings_summary(postings: Table) -> dict[str, Any]:
    df = postings.df.dropna(subset=["year"])
    by_year = df.groupby("year")["openings"].sum()
    counts = df.groupby("year").size()
    out: dict[str, Any] = {
        "rows": int(len(df)),
        "years": [int(y) for y in by_year.index],
        "openings_by_year": {int(k): int(v) for k, v in by_year.items()},
        "postings_by_year": {int(k): int(v) for k, v in counts.items()},
        "by_family": _share(df.groupby("family")["openings"].sum()),
        "by_city": _share(df.groupby("city")["openings"].sum()),
        "by_education": _share(df.groupby("education")["openings"].sum()),
    }
    sal = df[(df["salary_min"] > 0) & (df["salary_max"] > 0)]
    if len(sal):
        mid = (sal["salary_min"] + sal["salary_max"]) / 2
        scale = 1000.0 if mid.median() >= 300 else 1.0  # 元/月 → 千元/月
        sal = sal.assign(mid=mid / scale)
        last = int(sal["year"].max())
        fam = sal[sal["year"] == last].groupby("family")["mid"].median().sort_values(ascending=False)
        out["salary_year"] = last
        out["salary_median"] = round(float(sal[sal["year"] == last]["mid"].median()), 1)
        out["salary_by_family"] = [{"name": k, "value": round(float(v), 1)} for k, v in fam.items()]
    skills: dict[str, float] = {}
    for s, n in zip(df["skills"], df["openings"]):
        for sk in split_list(s):
            skills[sk] = skills.get(sk, 0) + n
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
        rows.append({"family": r["family"], "majors": r["majors"], "schools": int(r["schools"]),
                     "graduates": int(r["graduates"]), "match_rate": round(100 * float(r["match_rate"]), 1),
                     "matched": int(round(r["matched"])), "note": r.get("note", "")})
    notes = sorted({str(n) for n in df.get("note", []) if str(n)})
    return {"rows": rows, "graduates_total": int(df["graduates"].sum()),
            "matched_total": int(round(df["matched"].sum())),
            "match_rate_avg": round(100 * float(df["matched"].sum() / max(df["graduates"].sum(), 1)), 1),
            "notes": notes}


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
    df["hard"] = df["hard_to_fill"].isin(["是", "Y", "y", "1", "True", "true"])
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
        edu = g["education"].value_counts().index[0] if len(g) else ""
        skills: dict[str, int] = {}
        for sks in g["skills"]:
            for sk in split_list(sks):
                skills[sk] = skills.get(sk, 0) + 1
        top = [k for k, _ in sorted(skills.items(), key=lambda kv: -kv[1])[:3]]
        positions.append({"position": pos, "family": fam, "education": edu, "skills": top,
                          "demand": int(round(d)), "supply": int(round(s)), "gap": int(round(d - s)),
                          "index": round(idx, 2), "grade": grade(idx, si["grades"])})
    positions.sort(key=lambda r: (-r["index"], -r["demand"]))
    return {"demand_year": dy, "formula": si["formula"], "basis": se["basis"], "scale": round(k, 4),
            "families": families, "positions": positions,
            "grades": [f"{name}（≥{lo}）" for lo, name in si["grades"]]}


def tech_summary(tech: Table) -> dict[str, Any]:
    df = tech.df
    order = {"高": 0, "中": 1, "低": 2}
    rows = sorted(df.to_dict("records"), key=lambda r: order.get(r.get("urgency", ""), 3))
    return {"rows": rows, "count": len(rows),
            "by_field": _share(df.groupby("field").size()),
            "by_urgency": {k: int(v) for k, v in df.groupby("urgency").size().items()}}


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
