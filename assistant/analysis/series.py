"""Statistics series from any table: year × metric series with any metric name and any unit.

Tables come from the knowledge base (`kb.tables(source)` plus `kb.table_meta(source)` for captions and
stated units), whatever the source format. Two layouts are read: a year column with one column per
metric ("年份 | 产量（万套） | 销量（万套）"), and years as headers with one row per metric
("指标 | 2021年 | 2022年"). The unit comes from the header ("产量（万套）"), a unit column, a "单位："
line near the table or its caption. Years may be missing.

`choose_series` picks the profile's series (`profile.series`: metric, unit, source) or, without one,
chooses and says which and why. When two sources give different values for the same year and metric,
both are returned with a 口径 note; values are never mixed across sources.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable

from .tables import load_yaml
from .values import is_blank, norm_text, parse_number

_UNIT_TAIL = re.compile(r"^(.*?)\s*[（(]\s*(?:单位\s*[:：])?\s*([^（）()]{1,12})\s*[）)]\s*$")
_YEAR_LABEL = re.compile(r"^\s*((?:19|20)\d{2})\s*(?:年(?:度|末|底|全年)?)?\s*$")


def series_config() -> dict:
    return load_yaml("series.yaml")


@dataclass
class Series:
    metric: str  # as written, unit removed (e.g. 某行业产品产量)
    unit: str  # '' when no unit is stated anywhere
    values: dict[int, float]
    source: str
    table: str
    column: str  # the header (or row label) the values came from
    title: str = ""
    caption: str = ""
    source_year: int | None = None
    rate: bool = False  # a ratio (%, 同比, 占比...), not a level
    year_column: str = ""  # the year column's header (long tables) or '' (years as headers)

    @property
    def years(self) -> list[int]:
        return sorted(self.values)

    @property
    def gaps(self) -> list[int]:
        ys = self.years
        return [y for y in range(ys[0], ys[-1] + 1) if y not in self.values] if ys else []

    def short_metric(self, names: Iterable[str] = ()) -> str:
        """The metric without the industry's name ("某行业销量" → "销量")."""
        m = self.metric
        for n in sorted((x for x in names if x), key=len, reverse=True):
            m = m.replace(n, "")
        m = m.strip(" 　:：-—_")
        return m or self.metric

    def describe(self) -> str:
        where = f"《{self.title}》" if self.title else self.source
        tab = f"“{self.table}”" if self.table else ""
        ys = self.years
        span = f"{ys[0]}—{ys[-1]}年" if len(ys) > 1 else f"{ys[0]}年"
        gap = f"，缺{'、'.join(map(str, self.gaps))}年" if self.gaps else ""
        return f"{where}{tab}列“{self.column}”（{span}，{len(ys)}年{gap}，单位{self.unit or '未标明'}）"

    def to_dict(self) -> dict:
        d = dict(self.__dict__)
        d["values"] = {int(k): v for k, v in self.values.items()}
        return d


def split_unit(header: str) -> tuple[str, str]:
    """"产量（万套）" → ("产量", "万套"); "销售额(单位：亿元)" → ("销售额", "亿元"); no unit → (header, '')."""
    h = unicodedata.normalize("NFKC", str(header)).strip()
    m = _UNIT_TAIL.match(h)
    if m and m.group(1).strip():
        return m.group(1).strip(), m.group(2).strip()
    return h, ""


def norm_unit(u: str) -> str:
    return unicodedata.normalize("NFKC", u or "").replace(" ", "").strip()


def year_label(v: Any) -> int | None:
    if isinstance(v, (int, float)) and not isinstance(v, bool) and float(v).is_integer() and 1900 <= v <= 2100:
        return int(v)
    m = _YEAR_LABEL.match(norm_text(v))
    return int(m.group(1)) if m else None


def _is_rate(metric: str, unit: str, cfg: dict) -> bool:
    return norm_unit(unit) in {norm_unit(u) for u in cfg.get("rate_units", [])} or \
        any(w in metric for w in cfg.get("rate_words", []))


def _number(v: Any) -> float | None:
    if is_blank(v):
        return None
    p = parse_number(v, allow_negative=True)
    return None if p.error or p.value is None else float(p.value)


def _norm_header(h: str) -> str:
    return unicodedata.normalize("NFKC", str(h)).strip().lower()


def _long_series(rows: list[dict], headers: list[str], meta: dict, cfg: dict, base: dict) -> list[Series]:
    """A year column and one column per metric."""
    year_names = {_norm_header(x) for x in cfg.get("year_headers", [])}
    ycol = next((h for h in headers if _norm_header(split_unit(h)[0]) in year_names), None)
    if ycol is None:
        for h in headers:
            vals = [r.get(h) for r in rows if not is_blank(r.get(h))]
            if len(vals) >= 2 and sum(year_label(v) is not None for v in vals) >= 0.6 * len(vals):
                ycol = h
                break
    if ycol is None:
        return []
    out = []
    for h in headers:
        if h == ycol:
            continue
        values: dict[int, float] = {}
        for r in rows:
            y, x = year_label(r.get(ycol)), _number(r.get(h))
            if y is not None and x is not None:
                values[y] = x
        if len(values) < int(cfg.get("min_points", 2)):
            continue
        metric, unit = split_unit(h)
        unit = unit or meta.get("unit") or ""
        out.append(Series(metric=metric, unit=unit, values=values, column=h, rate=_is_rate(metric, unit, cfg),
                          year_column=ycol, **base))
    return out


def _wide_series(rows: list[dict], headers: list[str], meta: dict, cfg: dict, base: dict) -> list[Series]:
    """Years as headers ("2021年 | 2022年"), one metric per row (label in the first other column)."""
    ycols = {h: year_label(h) for h in headers if year_label(h) is not None}
    if len(ycols) < 2:
        return []
    unit_names = {_norm_header(x) for x in cfg.get("unit_headers", [])}
    ucol = next((h for h in headers if _norm_header(h) in unit_names), None)
    label_cols = [h for h in headers if h not in ycols and h != ucol]
    out = []
    for r in rows:
        label = next((norm_text(r.get(h)) for h in label_cols if norm_text(r.get(h))
                      and _number(r.get(h)) is None), "")
        if not label:
            continue
        values = {y: x for h, y in ycols.items() if (x := _number(r.get(h))) is not None}
        if len(values) < int(cfg.get("min_points", 2)):
            continue
        metric, unit = split_unit(label)
        unit = unit or (norm_text(r.get(ucol)) if ucol else "") or meta.get("unit") or ""
        out.append(Series(metric=metric, unit=unit, values=values, column=label, rate=_is_rate(metric, unit, cfg), **base))
    return out


def series_from_table(rows: list[dict], meta: dict | None = None, cfg: dict | None = None, **base) -> list[Series]:
    """Every year × metric series in one table (row dicts; meta: headers, caption, unit)."""
    cfg = cfg or series_config()
    meta = dict(meta or {})
    if not rows:
        return []
    headers = list(meta.get("headers") or rows[0].keys())
    headers = [h for h in headers if h in rows[0]] or list(rows[0].keys())
    base.setdefault("caption", meta.get("caption") or "")
    return _long_series(rows, headers, meta, cfg, base) or _wide_series(rows, headers, meta, cfg, base)


def find_series_in_kb(kb, cfg: dict | None = None) -> tuple[list[Series], list[str]]:
    """Every series in every table of the knowledge base, and notes on sources whose tables failed to load."""
    cfg = cfg or series_config()
    if kb is None or not hasattr(kb, "sources") or not hasattr(kb, "tables"):
        return [], []
    out, notes = [], []
    try:
        infos = list(kb.sources())
    except Exception as e:  # a knowledge base without a source list is not an error for drafting
        return [], [f"无法列出知识库来源（{type(e).__name__}）"]
    for info in infos:
        try:
            tables = kb.tables(info.source) or {}
            metas = kb.table_meta(info.source) if hasattr(kb, "table_meta") else {}
        except Exception as e:
            notes.append(f"{info.source}：无法读取表格（{type(e).__name__}）")
            continue
        for name, rows in tables.items():
            if not isinstance(rows, list):
                continue
            out += series_from_table(rows, (metas or {}).get(name), cfg, source=info.source, table=str(name),
                                     title=getattr(info, "title", "") or Path(info.source).stem,
                                     source_year=getattr(info, "year", None))
    return out, notes


# ---------------------------------------------------------------- choosing


@dataclass
class SeriesChoice:
    series: Series | None
    related: list[Series] = field(default_factory=list)  # other level series of the same table and unit
    alternatives: list[Series] = field(default_factory=list)  # same metric and unit, other source, other values
    conflicts: list[dict] = field(default_factory=list)  # {"year", "values": [{"source", "table", "value"}]}
    notes: list[str] = field(default_factory=list)
    reason: str = ""  # without a series: what is missing and how to add it
    why: str = ""  # why the chosen series was chosen (the grounds, joined by "；")

    def to_dict(self) -> dict:
        return {"series": self.series.to_dict() if self.series else None,
                "related": [s.to_dict() for s in self.related],
                "alternatives": [s.to_dict() for s in self.alternatives],
                "conflicts": self.conflicts, "notes": self.notes, "reason": self.reason}


def _mentions(s: Series, names: Iterable[str]) -> bool:
    text = " ".join([s.metric, s.column, s.caption, s.table, s.title, s.source])
    return any(n and n in text for n in names)


def _metric_fit(s: Series, metric: str, names: Iterable[str]) -> int:
    """2: the metric is exactly the wanted one (industry name aside); 1: it contains it; 0: neither."""
    if not metric:
        return 1
    short = s.short_metric(names)
    if short == metric or s.metric == metric:
        return 2
    return 1 if metric in s.metric else 0


def _source_fit(s: Series, source: str | None) -> bool:
    if not source:
        return False
    return s.source == source or Path(s.source).name == Path(source).name or source in s.source


def _differs(a: float, b: float, tol: float) -> bool:
    return abs(a - b) > tol * max(abs(a), abs(b), 1e-9)


def choose_series(series: list[Series], names: Iterable[str] = (), metric: str | None = None,
                  unit: str | None = None, source: str | None = None, metrics: Iterable[str] = (),
                  cfg: dict | None = None) -> SeriesChoice:
    """Pick one level series. names: the industry's name and aliases; metric/unit/source: the profile's
    series (optional); metrics: the profile's key metrics, most important first (used without a series)."""
    cfg = cfg or series_config()
    names = tuple(n for n in names if n)
    notes: list[str] = []
    level = [s for s in series if not s.rate and min(s.values.values()) >= 0]
    if source and not any(_source_fit(s, source) for s in level):
        return SeriesChoice(None, reason=f"行业配置指定的来源 {source} 不在知识库中，或其中没有按年份排列的统计表"
                                         f"（需要“年份”列和“{metric or '指标'}（{unit or '单位'}）”列）")
    if not level:
        return SeriesChoice(None, reason="知识库的表格中没有按年份排列的统计数据（需要“年份”列或以年份为表头的表格，"
                                         "数值列表头写明指标和单位，如“产量（万套）”）")
    cands = level
    if metric:
        fit = [s for s in cands if _metric_fit(s, metric, names)]
        if not fit:
            have = "、".join(dict.fromkeys(s.short_metric(names) for s in level))
            return SeriesChoice(None, reason=f"知识库的表格中没有指标“{metric}”的年度数据（现有指标：{have}）；"
                                             f"请导入含“年份”和“{metric}（{unit or '单位'}）”列的统计表，或修改行业配置 series.metric")
        cands = fit
    if unit:
        same = [s for s in cands if norm_unit(s.unit) == norm_unit(unit)]
        for s in cands:
            if s.unit and norm_unit(s.unit) != norm_unit(unit):
                notes.append(f"{s.describe()}：单位为{s.unit}，与{unit}不一致，未采用")
        unstated = [s for s in cands if not s.unit]
        if not same and unstated:
            notes.append(f"表格未标明单位，按行业配置的{unit}计")
            same = [replace(s, unit=unit) for s in unstated]
        if not same:
            return SeriesChoice(None, notes=notes, reason=f"知识库中指标“{metric or ''}”的表格单位都不是{unit}")
        cands = same
    from_source = [s for s in cands if _source_fit(s, source)]
    if source and not from_source:
        return SeriesChoice(None, notes=notes, reason=f"行业配置指定的来源 {source} 不在知识库中，或其中没有含年份和"
                                                      f"“{metric or '指标'}”的表格")
    if from_source:
        cands = from_source
    elif names:
        about = [s for s in cands if _mentions(s, names)]
        for s in cands:
            if s not in about:
                notes.append(f"{s.describe()}：未标明为{names[0]}数据，未采用")
        if not about:
            return SeriesChoice(None, notes=notes, reason=f"知识库的统计表都未标明是{names[0]}的数据（表头、表题或文件名中应含行业名称）")
        cands = about
    ranked_metrics = list(metrics)

    def rank(s: Series):
        pref = next((i for i, m in enumerate(ranked_metrics) if _metric_fit(s, m, names) == 2), len(ranked_metrics))
        return (_source_fit(s, source), _metric_fit(s, metric or "", names), -pref if not metric else 0,
                len(s.values), max(s.values), s.source_year or 0)

    cands.sort(key=rank, reverse=True)
    best = cands[0]
    why = []
    if source and _source_fit(best, source):
        why.append("行业配置指定的来源")
    if metric:
        why.append(f"行业配置指定的指标“{metric}”")
    elif ranked_metrics and rank(best)[2] > -len(ranked_metrics):
        why.append(f"行业配置的重点指标“{best.short_metric(names)}”")
    why.append(f"年份最多、最新（{len(best.values)}年，至{max(best.values)}年）" if len(cands) > 1 else "唯一符合条件的序列")
    notes.insert(0, f"选用{best.describe()}，依据：" + "；".join(why))
    choice = SeriesChoice(best, notes=notes, why="；".join(why))
    choice.related = [s for s in level if s is not best and s.source == best.source and s.table == best.table
                      and norm_unit(s.unit) == norm_unit(best.unit)]
    _conflicts(choice, level, names, float(cfg.get("conflict_tolerance", 0.005)))
    return choice


def _conflicts(choice: SeriesChoice, level: list[Series], names: tuple, tol: float) -> None:
    """Same metric and unit from another table or source with different values: keep both, note the 口径."""
    best = choice.series
    key = best.short_metric(names)
    for s in level:
        if s is best or (s.source, s.table) == (best.source, best.table) or s.short_metric(names) != key \
                or norm_unit(s.unit) != norm_unit(best.unit):
            continue
        years = [y for y in best.years if y in s.values and _differs(best.values[y], s.values[y], tol)]
        if not years:
            continue
        choice.alternatives.append(s)
        for y in years:
            choice.conflicts.append({"year": y, "metric": key, "unit": best.unit, "values": [
                {"source": best.source, "table": best.table, "title": best.title, "value": best.values[y]},
                {"source": s.source, "table": s.table, "title": s.title, "value": s.values[y]}]})
        shown = "；".join(f"{y}年《{best.title}》为{best.values[y]:g}{best.unit}、《{s.title}》为{s.values[y]:g}{s.unit}"
                         for y in years[:3])
        choice.notes.append(f"口径差异：{key}{shown}，两个来源的统计口径不同；报告采用《{best.title}》的数据，"
                            f"不与《{s.title}》混用")
