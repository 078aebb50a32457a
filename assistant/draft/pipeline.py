"""Drafting stage: outline-driven first drafts of 行业发展分析报告 and 行业人才需求预测报告.

Pipeline (each step writes to the run folder, so one section can be regenerated alone):

1. outline  — `outline.yaml` (copy of the outline used)
2. analysis — data tables → computed bindings (`analysis.json`, charts in `charts/`)
3. per section: retrieve with the section's queries → select evidence (`evidence/<id>.json`) →
   compose deterministically (or through the optional LLM, validated, falling back per section)
   → `sections/<id>.json`
4. assemble — number references in order of first citation, render Markdown / DOCX, lists XLSX.

Every sentence either carries citations (evidence sources or computed data files) or is a
framing/advisory sentence without figures.
"""
from __future__ import annotations

import argparse
import json
import re
from functools import lru_cache
import shutil
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..analysis import (DataBundle, demand_structure, industry_series, load_data, load_yaml, postings_summary,
                       shortage, supply_summary, tech_summary)
from ..config import CORPUS_DIR, Settings
from ..errors import AssistantError, InputError, LLMError
from ..analysis import METHOD_NAMES, ForecastResult, Market, forecast_series
from ..textproc import numbers_in  # noqa: F401  (re-exported: llm, evals and tests use it)
from ..outline import Outline, Section, load_outline
from . import paragraphs, recommend
from .sentences import figures, typer_for

TEMPLATES_FILE = "draft_templates.yaml"
SENT_END = "。！？"
_NUM_RX = re.compile(r"\d+(?:\.\d+)?")


# ---------------------------------------------------------------- progress

class DraftProgress:
    """Progress callback: subclass and override what you need; every method is a no-op here."""

    def on_draft_start(self, report: str, sections: list[str]) -> None: ...
    def on_analysis_start(self, files: list[str]) -> None: ...
    def on_analysis_end(self, bindings: list[str]) -> None: ...
    def on_section_start(self, section_id: str, title: str, index: int, total: int) -> None: ...
    def on_section_end(self, section_id: str, title: str, index: int, total: int, mode: str) -> None: ...
    def on_export_start(self, out: str) -> None: ...
    def on_export_end(self, outputs: list[str]) -> None: ...
    def on_draft_end(self, seconds: float) -> None: ...


class TqdmProgress(DraftProgress):
    """Per-section progress bar on stderr for the CLI."""

    def __init__(self):
        self.bar = None

    def on_draft_start(self, report, sections):
        from tqdm import tqdm
        self.bar = tqdm(total=len(sections), desc=f"起草 {report}", unit="节", file=sys.stderr)

    def on_section_start(self, section_id, title, index, total):
        if self.bar:
            self.bar.set_postfix_str(title)

    def on_section_end(self, section_id, title, index, total, mode):
        if self.bar:
            self.bar.update(1)

    def on_draft_end(self, seconds):
        if self.bar:
            self.bar.close()


# ---------------------------------------------------------------- data types

@dataclass
class Sentence:
    text: str  # without citation markers
    cites: list[str] = field(default_factory=list)  # reference keys
    kind: str = "evidence"  # evidence | data | frame
    evidence_id: str | None = None  # chunk id for evidence sentences
    flagged: bool = False


@dataclass
class Block:
    type: str  # para | table | figure
    sentences: list[Sentence] = field(default_factory=list)
    caption: str = ""
    headers: list[str] = field(default_factory=list)
    rows: list[list] = field(default_factory=list)
    path: str = ""  # figure file, relative to run dir
    cite: str | None = None

    @classmethod
    def from_dict(cls, d: dict) -> "Block":
        d = dict(d)
        d["sentences"] = [Sentence(**s) for s in d.get("sentences", [])]
        return cls(**d)


@dataclass
class SectionDraft:
    id: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    mode: str = "deterministic"  # deterministic | llm | llm-fallback
    notes: list[str] = field(default_factory=list)
    text: str = ""  # rendered Markdown body (filled at assembly)
    citations: list[int] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "SectionDraft":
        d = dict(d)
        d["blocks"] = [Block.from_dict(b) for b in d.get("blocks", [])]
        return cls(**d)


@dataclass
class Reference:
    key: str
    label: str  # rendered entry without the number
    source: str
    title: str
    year: int | None
    pages: list[int] = field(default_factory=list)
    kind: str = "document"  # document | data
    text: str = ""  # evidence text (documents) or computed facts (data), for validation/evals


@dataclass
class DraftResult:
    markdown: str
    outputs: list[Path]
    run_dir: Path
    sections: list[SectionDraft]
    references: list[Reference]
    title: str = ""
    seconds: float = 0.0


# ---------------------------------------------------------------- helpers

def fmt(v: Any) -> str:
    """Numbers as they appear in the text: at most one decimal, no trailing .0."""
    if isinstance(v, float):
        v = round(v, 1)
        return str(int(v)) if v == int(v) else f"{v:.1f}"
    return str(v)


_ENUMERATOR = re.compile(r"^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[\.、．](?!\d))\s*")


def split_sentences(text: str) -> list[str]:
    """Sentences of a passage, without list markers such as （一） or 1. that only make sense in place."""
    text = re.sub(r"\s*\n\s*", "\n", text)
    parts = re.split(r"(?<=[。！？])|\n", text)
    return [_ENUMERATOR.sub("", p.strip()) for p in parts if p and p.strip()]


def _bigrams(s: str) -> set[str]:
    s = re.sub(r"[\s，。；：、“”‘’（）()《》\[\]0-9.%]", "", s)
    return {s[i:i + 2] for i in range(len(s) - 1)}


def _strip_quoted(s: str) -> str:
    return re.sub(r"《[^》]*》|“[^”]*”|\"[^\"]*\"", "", s)


def _share_text(items: list[dict], n: int = 3, unit: str = "%", key: str = "share") -> str:
    return "、".join(f"{it['name']}（{fmt(it[key])}{unit}）" for it in items[:n])


# ---------------------------------------------------------------- context

@dataclass
class DraftContext:
    report: str
    year: int
    outline: Outline
    bundle: DataBundle
    run_dir: Path
    templates: dict
    settings: Settings
    values: dict[str, dict] = field(default_factory=dict)  # binding -> template values
    facts: dict[str, dict] = field(default_factory=dict)  # data ref key -> computed facts
    data_refs: dict[str, Reference] = field(default_factory=dict)
    forecasts: dict[str, ForecastResult] = field(default_factory=dict)
    blocks: dict[str, list[Block]] = field(default_factory=dict)  # binding -> tables/figures
    used_sentences: set[str] = field(default_factory=set)  # evidence sentences placed so far
    typer: Any = None  # sentences.SentenceTyper (set per draft; the knowledge base's embedder)


def _is_sample(path: Path) -> bool:
    try:
        path.resolve().relative_to((CORPUS_DIR / "nev" / "data").resolve())
        return True
    except ValueError:
        return False


def _data_ref(key: str, label: str, path: Path | None, year: int | None, source: str | None = None) -> Reference:
    src = source or (path.name if path else "")
    tag = "，合成样例" if path is not None and _is_sample(path) else ""
    yr = f"，{year}" if year else ""
    return Reference(key=f"data:{key}", label=f"{label}（{src}{yr}{tag}）", source=src, title=label,
                     year=year, kind="data")


def _forecast_settings(target: str) -> dict:
    """Horizon, hold-out, level and the plausibility rules for one target (analysis.yaml → forecast)."""
    cfg = load_yaml("analysis.yaml").get("forecast", {})
    rules = dict(cfg.get("rules", {}).get(target, {"non_negative": True}))
    rules["messages"] = cfg.get("messages", {})
    return {"horizon": int(cfg.get("horizon", 3)), "holdout": int(cfg.get("holdout", 2)),
            "level": int(cfg.get("level", 80)), "rules": rules}


def build_context(report: str, outline: Outline, bundle: DataBundle, year: int, run_dir: Path,
                  settings: Settings, kb=None) -> DraftContext:
    """Compute every data binding the outline asks for (values for templates, tables, charts).

    The industry series comes from a structured table in the knowledge base when there is one
    (cited as that source), otherwise from `assistant/data/industry_series.yaml`."""
    from . import charts

    tpl = load_yaml(TEMPLATES_FILE)
    ctx = DraftContext(report=report, year=year, outline=outline, bundle=bundle, run_dir=run_dir,
                       templates=tpl, settings=settings)
    industry = outline.industry
    common = {"industry": industry, "compiler": tpl["compiler"].format(industry=industry), "year": year}
    chart_dir = run_dir / "charts"
    wanted = {b for s in outline.sections for b in s.data}

    survey, postings, supply, tech = (bundle.get(k) for k in ("survey", "postings", "supply", "tech_needs"))
    ds = sh = ps = ss = ts = None
    if survey is not None:
        ds = demand_structure(survey, year)
        sh = shortage(survey, supply, year)
        ctx.data_refs["survey"] = _data_ref("survey", survey.label, survey.path, ds["survey_year"])
        ctx.facts["survey"] = {"demand_structure": ds, "shortage": sh}
    if postings is not None:
        ps = postings_summary(postings)
        ctx.data_refs["postings"] = _data_ref("postings", postings.label, postings.path,
                                              ps["years"][-1] if ps["years"] else None)
        ctx.facts["postings"] = {"postings": ps}
    if supply is not None:
        ss = supply_summary(supply)
        ctx.data_refs["supply"] = _data_ref("supply", supply.label, supply.path, None)
        ctx.facts["supply"] = {"supply": ss}
    if tech is not None:
        ts = tech_summary(tech)
        ctx.data_refs["tech_needs"] = _data_ref("tech_needs", tech.label, tech.path, None)
        ctx.facts["tech_needs"] = {"tech": {k: v for k, v in ts.items() if k != "rows"}}

    # Industry series (always available from the data file; used by the industry-analysis report)
    if wanted & {"industry_series", "industry_forecast", "report_scope"}:
        found, ind = industry_series(kb)
        ser = found.series
        target = ind.get("forecast_target", "销量")
        ys = sorted(ser.get(target) or next(iter(ser.values())))
        prod, sales = ser.get("产量", {}), ser.get("销量", {})
        if found.origin == "kb":
            src_text = f"知识库收录的统计表《{found.title}》"
        else:
            src_text = ind["source_short"]
        v: dict[str, Any] = {"y0": ys[0], "y1": ys[-1], "unit": ind["unit"], "industry_source": src_text}
        if prod and sales and all(y in prod and y in sales for y in ys[-2:]):
            y1, y_1 = ys[-1], ys[-2]
            v.update(prod_last=fmt(prod[y1]), sales_last=fmt(sales[y1]), sales_first=fmt(sales[ys[0]]),
                     prod_growth=fmt(100 * (prod[y1] / prod[y_1] - 1)), sales_growth=fmt(100 * (sales[y1] / sales[y_1] - 1)),
                     sales_total_growth=fmt(100 * (sales[y1] / sales[ys[0]] - 1)),
                     sales_cagr=fmt(100 * ((sales[y1] / sales[ys[0]]) ** (1 / (len(ys) - 1)) - 1)))
        if found.origin == "kb":
            ctx.data_refs["industry"] = Reference(
                key="data:industry", label=f"《{found.title}》，{found.source}，工作表“{found.sheet}”，{found.year}年",
                source=found.source, title=found.title, year=found.year, kind="data")
        else:
            ctx.data_refs["industry"] = _data_ref("industry", found.title, None, ys[-1], source=found.source)
        ctx.facts["industry"] = {"series": ser, "derived": dict(v), "origin": found.origin,
                                 "columns": found.columns, "notes": found.notes}
        ctx.values["industry_series"] = {**common, **v}
        rows = [[str(y), fmt(prod.get(y, "—")), fmt(sales.get(y, "—"))] for y in ys]
        fig = charts.line_chart({k: s for k, s in ser.items()}, f"{industry}产量与销量（{ys[0]}—{ys[-1]}年）",
                                ind["unit"], chart_dir / "industry_series.png")
        ctx.blocks["industry_series"] = [
            Block(type="table", caption=f"{industry}产销量（{ind['unit']}）", headers=["年份", "产量", "销量"],
                  rows=rows, cite="industry"),
            Block(type="figure", caption=f"{industry}产量与销量", path=str(fig.relative_to(run_dir)), cite="industry")]
        fs = _forecast_settings("industry")
        market = None
        mk = ind.get("market")
        if mk and mk.get("series"):
            market = Market(name=mk["name"], unit=mk.get("unit", ind["unit"]),
                            total={int(y): float(x) for y, x in mk["series"].items()},
                            share={int(y): float(x) / 100 for y, x in (mk.get("share_reported") or {}).items()},
                            ceiling_max=float(mk.get("ceiling_max", 1.0)),
                            max_share=float(fs["rules"].get("max_share_of_total", 1.0)))
            ctx.data_refs["market"] = _data_ref("market", mk["source"], None, max(market.total),
                                                source="assistant/data/industry_series.yaml")
            ctx.facts["market"] = {"name": market.name, "unit": market.unit, "series": market.total,
                                   "share_reported_pct": mk.get("share_reported") or {}}
        fc = forecast_series(ser[target], horizon=fs["horizon"], name=f"{industry}{target}", unit=ind["unit"],
                             holdout=fs["holdout"], level=fs["level"], market=market, rules=fs["rules"])
        ctx.forecasts["industry"] = fc
        fv = _forecast_values(fc)
        ctx.facts["industry"]["forecast"] = fv["facts"]
        if market is not None:
            ctx.facts["market"]["forecast"] = fv["facts"]
        ctx.values["industry_forecast"] = {**common, **v, **fv["text"], "target": f"{industry}{target}"}
        fig = charts.forecast_chart(fc, f"{industry}{target}预测（{fc.method_name}）", chart_dir / "industry_forecast.png")
        ctx.blocks["industry_forecast"] = [_forecast_table(fc, "industry"),
                                           Block(type="figure", caption=f"{industry}{target}预测", cite="industry",
                                                 path=str(fig.relative_to(run_dir)))]
        ctx.values["report_scope"] = {**common, **v, "extra_methods": "、企业问卷调查" if survey is not None else ""}
        if ds:
            ctx.values["report_scope"].update(companies=ds["companies"], positions=ds["positions"])

    if ds:
        fam = ds["by_family"]
        ctx.values["survey_workforce"] = {**common, "companies": ds["companies"], "headcount": ds["headcount"],
                                          "workforce_top": "其中" + _share_text(ds["workforce_by_family"], 3)
                                          + "等岗位类别人员较多"}
        hard_txt = "、".join(p["name"] for p in ds["hard_positions"][:4])
        ctx.values["demand_structure"] = {
            **common, "dy": ds["demand_year"], "total": ds["total"], "positions": ds["positions"],
            "family_top": "需求较多的岗位类别为" + _share_text(fam, 3),
            "education_top": "、".join(f"{e['name']}占{fmt(e['share'])}%" for e in ds["by_education"][:4]),
            "skill_top": _share_text(ds["by_skill"], 5, unit="人", key="value"),
            "region_top": "计划招聘较多的地区为" + _share_text(ds["by_region"], 3),
            "type_top": _share_text(ds["by_company_type"], 3),
            "hard_count": ds["hard_count"], "hard_share": fmt(ds["hard_share"]), "hard_top": hard_txt or None,
            "salary_top": "、".join(s["name"] for s in ds["salary"][:3]) or None,
        }
        regions = {r["name"] for r in ds["by_region"]}
        ctx.values["survey_scope"] = {**common, "survey_year": ds["survey_year"], "companies": ds["companies"],
                                      "positions": ds["positions"], "n_regions": len(regions),
                                      "n_types": len(ds["by_company_type"]), "headcount": ds["headcount"]}
        ds["n_regions"], ds["n_types"] = len(regions), len(ds["by_company_type"])
        fig = charts.bar_chart([f["name"] for f in fam], [f["value"] for f in fam],
                               f"样本企业{ds['demand_year']}年计划招聘人数（按岗位类别）", "人",
                               chart_dir / "demand_by_family.png")
        ctx.blocks["demand_structure"] = [
            Block(type="table", caption=f"样本企业{ds['demand_year']}年计划招聘人数结构", cite="survey",
                  headers=["岗位类别", "计划招聘（人）", "占比（%）"],
                  rows=[[f["name"], f["value"], fmt(f["share"])] for f in fam]),
            Block(type="figure", caption="样本企业计划招聘人数（按岗位类别）", cite="survey",
                  path=str(fig.relative_to(run_dir)))]
    if ps:
        ys = ps["years"]
        obo = ps["openings_by_year"]
        chg = 100 * (obo[ys[-1]] / obo[ys[0]] - 1) if len(ys) > 1 and obo[ys[0]] else None
        ps["change_pct"] = round(chg, 1) if chg is not None else None
        pv = {**common, "p_y0": ys[0], "p_y1": ys[-1], "p_rows": ps["rows"], "p_total": sum(obo.values()),
              "p_first": obo[ys[0]], "p_last": obo[ys[-1]],
              "p_change_text": (f"{'增长' if chg >= 0 else '下降'}{fmt(abs(round(chg, 1)))}%" if chg is not None else None),
              "city_top": _share_text(ps["by_city"], 3)}
        ps["p_total"] = pv["p_total"]
        if ps.get("salary_by_family"):
            sbf = ps["salary_by_family"]
            pv.update(salary_year=ps["salary_year"], salary_median=fmt(ps["salary_median"]),
                      salary_top="、".join(f"{s['name']}约{fmt(s['value'])}千元" for s in sbf[:3]) + "相对较高")
        ctx.values["postings_trend"] = pv
        ctx.values.setdefault("survey_scope", {**common}).update(pv)
        if len(ys) >= 4:
            fs = _forecast_settings("demand")
            fc = forecast_series({y: obo[y] for y in ys}, horizon=fs["horizon"], name="年度招聘人数", unit="人",
                                 holdout=fs["holdout"], level=fs["level"], rules=fs["rules"])
            ctx.forecasts["demand"] = fc
            fv = _forecast_values(fc, integer=True)
            ctx.facts["postings"]["forecast"] = fv["facts"]
            dv = {**common, **fv["text"], "y0": ys[0], "y1": ys[-1]}
            if ds:
                dv["plan_text"] = "、".join(f"{y}年{n}人" for y, n in ds["plan_totals"].items())
            ctx.values["demand_forecast"] = dv
            fig = charts.forecast_chart(fc, f"年度招聘人数预测（{fc.method_name}）", chart_dir / "demand_forecast.png")
            ctx.blocks["demand_forecast"] = [_forecast_table(fc, "postings"),
                                             Block(type="figure", caption="年度招聘人数预测", cite="postings",
                                                   path=str(fig.relative_to(run_dir)))]
    if ss:
        rows = ss["rows"]
        ss["schools_total"] = sum(r["schools"] for r in rows)
        ss["n_families"] = len({r["family"] for r in rows})
        low = sorted(rows, key=lambda r: r["match_rate"])[:2]
        ctx.values["supply_summary"] = {
            **common, "schools_total": ss["schools_total"], "graduates_total": ss["graduates_total"],
            "matched_total": ss["matched_total"], "match_rate_avg": fmt(ss["match_rate_avg"]),
            "supply_top": "年毕业生较多的是" + "、".join(f"{r['family']}（{r['graduates']}人）" for r in rows[:3]),
            "low_match": "、".join(f"{r['family']}（{fmt(r['match_rate'])}%）" for r in low)}
        ctx.values.setdefault("survey_scope", {**common}).update(s_families=ss["n_families"], s_schools=ss["schools_total"])
        ctx.blocks["supply_summary"] = [Block(
            type="table", caption="院校专业布点与毕业生规模", cite="supply",
            headers=["岗位类别", "对应专业", "布点院校数", "年毕业生数", "对口就业率（%）"],
            rows=[[r["family"], r["majors"], r["schools"], r["graduates"], fmt(r["match_rate"])] for r in rows])]
    if sh:
        fams = sh["families"]
        ctx.values["shortage"] = {
            **common, "formula": sh["formula"], "basis": sh["basis"], "dy": sh["demand_year"],
            "family_top": "、".join(f"{f['family']}（{f['index']:.2f}，{f['grade']}）" for f in fams[:3]),
            "position_top": "、".join(f"{p['position']}（{p['index']:.2f}）" for p in sh["positions"][:5])}
        fig = charts.bar_chart([f["family"] for f in fams], [f["index"] for f in fams],
                               "各岗位类别紧缺指数", "紧缺指数", chart_dir / "shortage.png")
        ctx.blocks["shortage"] = [
            Block(type="table", caption="各岗位类别供需比较与紧缺指数", cite="survey",
                  headers=["岗位类别", "需求数", "供给估计", "缺口", "难招率（%）", "紧缺指数", "紧缺程度"],
                  rows=[[f["family"], f["demand"], f["supply"], f["gap"], fmt(f["hard_rate"]), f"{f['index']:.2f}",
                         f["grade"]] for f in fams]),
            Block(type="figure", caption="各岗位类别紧缺指数", cite="survey", path=str(fig.relative_to(run_dir)))]
        top_skills = "、".join(s["name"] for s in ds["by_skill"][:3]) if ds else None
        ctx.values["recommendation_facts"] = {
            **common, "top_families": "、".join(f["family"] for f in fams[:3]),
            "top_skills": top_skills, "hard_top": "、".join(p["name"] for p in ds["hard_positions"][:3]) or None}
        ctx.blocks["talent_list"] = [Block(
            type="table", caption="人才供需清单（节选）", cite="survey",
            headers=["岗位", "岗位类别", "学历与技能要求", "需求数", "供给估计", "缺口", "紧缺程度"],
            rows=[[p["position"], p["family"], p["education"] + ("；" + "、".join(p["skills"]) if p["skills"] else ""),
                   p["demand"], p["supply"], p["gap"], p["grade"]] for p in sh["positions"][:15]])]
        ctx.values["talent_list"] = common
    for b in wanted:
        ctx.values.setdefault(b, dict(common))
    # Changes the recommendations quote (recommend.py) belong to the cited data's facts.
    for key, vals in recommend.computed_percentages(ctx.facts).items():
        if key in ctx.data_refs:
            ctx.facts.setdefault(key, {}).setdefault("findings", {}).update(vals)
    # The facts text is what the evals and the LLM validation check computed numbers against.
    for key, ref in ctx.data_refs.items():
        ref.text = json.dumps(ctx.facts.get(key, {}), ensure_ascii=False, default=str)
    return ctx


def _forecast_values(fc: ForecastResult, integer: bool = False) -> dict:
    """Template values (text) and the computed facts the forecast sentences may quote."""
    r = (lambda x: int(round(x))) if integer else (lambda x: round(x, 1))
    pct = lambda x: round(100 * x, 1)  # noqa: E731
    pts = [r(p) for p in fc.point]
    lo, hi = [r(x) for x in fc.lower], [r(x) for x in fc.upper]
    mape = {METHOD_NAMES[m]: round(v, 1) for m, v in fc.mape.items()}
    names = [METHOD_NAMES[m] for m in fc.mape]
    n_cn = "零一二三四五六七八九"
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
        "n_methods": n_cn[len(names)] if len(names) < 10 else len(names),
        "mape_text": "、".join(f"{k}{fmt(v)}%" for k, v in mape.items()),
        "points_text": "、".join(f"{y}年{fmt(p)}{fc.unit}" for y, p in zip(fc.years, pts)),
        "interval_text": "、".join(f"{y}年{fmt(a)}至{fmt(b)}{fc.unit}" for y, a, b in zip(fc.years, lo, hi)),
        "bounds_text": "、".join(fc.bounds), "rejected_text": rej_text, "choice_text": choice,
        "clip_note": "（区间下限低于0的按0计）" if fc.lower_clipped else "",
    }
    facts = {"method": fc.method_name, "years": fc.years, "point": pts, "lower": lo, "upper": hi, "mape": mape,
             "history": fc.history, "holdout_years": fc.holdout_years, "level": fc.level,
             "holdout": len(fc.holdout_years), "bounds": fc.bounds, "rejected": rejected,
             "all_points": {METHOD_NAMES[m]: [r(x) for x in p] for m, p in fc.all_points.items()}}
    sat = fc.saturation
    if sat:
        mp = [round(x, 1) for x in sat["market_point"]]
        ml, mh = [round(x, 1) for x in sat["market_lower"]], [round(x, 1) for x in sat["market_upper"]]
        my = sorted(sat["market_history"])
        share_chosen = [pct(p / t) for p, t in zip(fc.point, sat["market_point"])]
        sf = {"market": sat["market"], "market_history": sat["market_history"], "market_years": my, "market_n": sat["market_n"], "market_point": mp,
              "market_lower": ml, "market_upper": mh, "share_history_pct": {y: pct(x) for y, x in sat["share_history"].items()},
              "share_of_market_pct": share_chosen, "ceiling_max_pct": pct(sat["ceiling_max"]),
              "max_share_pct": pct(sat["max_share"])}
        text.update(market_name=sat["market"], m_y0=my[0], m_y1=my[-1], market_n=n_cn[sat["market_n"]] if sat["market_n"] < 10 else sat["market_n"],
                    m_last=fmt(mp[-1]), m_last_lo=fmt(ml[-1]), m_last_hi=fmt(mh[-1]), y_last_fc=fc.years[-1],
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
    return {"text": text, "facts": facts}


def _forecast_table(fc: ForecastResult, cite: str) -> Block:
    integer = fc.unit == "人"
    r = (lambda x: int(round(x))) if integer else (lambda x: round(x, 1))
    return Block(type="table", caption=f"{fc.name}预测结果（{fc.method_name}，{fc.level}%区间）", cite=cite,
                 headers=["年份", "点预测", "区间下限", "区间上限"],
                 rows=[[str(y), fmt(r(p)), fmt(r(a)), fmt(r(b))] for y, p, a, b in
                       zip(fc.years, fc.point, fc.lower, fc.upper)])


# ---------------------------------------------------------------- evidence

def retrieve_evidence(kb, section: Section, per_query: int = 6) -> list[dict]:
    """Search with every query of the section; returns hits (as dicts) with the query index."""
    if kb is None or not section.queries:
        return []
    f = section.filters or {}
    seen: dict[str, dict] = {}
    for qi, q in enumerate(section.queries):
        try:
            hits = kb.search(q, top_k=per_query, year_min=f.get("year_min"), year_max=f.get("year_max"),
                             sources=f.get("sources"))
        except TypeError:
            hits = kb.search(q, top_k=per_query)
        for rank, h in enumerate(hits):
            d = h.to_dict() if hasattr(h, "to_dict") else dict(h)
            if d["chunk_id"] not in seen:
                d["query_index"], d["rank"], d["query"] = qi, rank, q
                seen[d["chunk_id"]] = d
    return list(seen.values())


@lru_cache(maxsize=4096)
def _flagged_as_subjective(sent: str) -> bool:
    """Ask the review checker's objectivity rules (the same rule packs reviewers use) about a candidate
    evidence sentence: a source's own promotional wording stays promotional when we restate it."""
    from ..check import check_text

    result = check_text(sent, report="industry-analysis", categories={"objectivity"})
    return bool(result.findings)


def _usable(sent: str, tpl: dict) -> bool:
    if not 14 <= len(sent) <= 180 or sent[-1] not in SENT_END:
        return False
    if any(sent.startswith(a) for a in tpl["anaphora_starts"]):
        return False
    if any(a in sent for a in tpl.get("anaphora_anywhere", [])):
        return False
    if any(w in _strip_quoted(sent) for w in tpl["banned_words"]):
        return False
    if _flagged_as_subjective(sent):
        return False
    if "缺口" in sent and not re.search(tpl.get("gap_baseline", "口径"), sent):
        return False
    if re.search(r"[|\t]|^\s*[#>*-]|https?://|^\d+[\.、]|^[（(][一二三四五六七八九十\d]+[)）]|^[一二三四五六七八九十]+、", sent):
        return False
    if sent.count("：") > 1 or re.search(r"[A-Za-z]{12,}", sent):
        return False
    if re.search(r"(本文|本报告|本节|本章|见表|见图|如图|如表|下表|上表)", sent):
        return False
    return True


def select_evidence(hits: list[dict], section: Section, tpl: dict, budget: int,
                    used: set[str] | None = None, admit=None) -> list[dict]:
    """Pick evidence sentences: relevant, numeric, recent, from several sources, without repeats
    (within the section, and of `used` sentences already placed in other sections). `admit`
    (paragraphs.admit) keeps only the sentence types the section takes."""
    if not hits:
        return []
    used = used or set()
    years = [h["year"] for h in hits if h.get("year")]
    ymin, ymax = (min(years), max(years)) if years else (0, 0)
    cands = []
    for h in hits:
        q = _bigrams(h["query"])
        for si, s in enumerate(split_sentences(h["text"])):
            if not _usable(s, tpl) or s in used:
                continue
            rel = len(_bigrams(s) & q) / max(len(q), 1)
            if rel < 0.2 or (admit is not None and not admit(s)):
                continue
            score = (1.5 * rel + (0.6 if _NUM_RX.search(s) else 0.0) - 0.08 * h["rank"]
                     + (0.4 * (h["year"] - ymin) / (ymax - ymin) if h.get("year") and ymax > ymin else 0.0))
            cands.append({"text": s, "score": score, "hit": h, "pos": si, "query_index": h["query_index"]})
    chosen: list[dict] = []
    used_sources: dict[str, int] = {}
    length = 0
    nq = max(len(section.queries), 1)
    # Round-robin over queries so every sub-topic of the section gets evidence.
    for _round in range(6):
        progressed = False
        for qi in range(nq):
            pool = [c for c in cands if c["query_index"] == qi and c not in chosen]
            best, best_score = None, -1e9
            for c in pool:
                b = _bigrams(c["text"])
                if any(len(b & _bigrams(x["text"])) / max(len(b), 1) > 0.45 for x in chosen):
                    continue
                nums = numbers_in(c["text"]) - {str(y) for y in range(1990, 2040)}
                if nums and any(nums <= numbers_in(x["text"]) for x in chosen):
                    continue
                s = c["score"] - 0.25 * used_sources.get(c["hit"]["source"], 0)
                if s > best_score:
                    best, best_score = c, s
            if best is not None and best_score > 0.2:
                chosen.append(best)
                used_sources[best["hit"]["source"]] = used_sources.get(best["hit"]["source"], 0) + 1
                length += len(best["text"]) + 8
                progressed = True
            if length >= budget:
                break
        if length >= budget or not progressed:
            break
    # Keep the outline's topic order, and source order within a chunk.
    chosen.sort(key=lambda c: (c["query_index"], c["hit"]["chunk_id"], c["pos"]))
    return chosen


# ---------------------------------------------------------------- composition

def clean_title(title: str | None, source: str) -> str:
    """A readable document title: drop “发布时间：…” tails; numbered headings fall back to the file name."""
    t = re.sub(r"\s*(发布时间|发布日期|来源)[：:].*$", "", (title or "").strip())
    if not t or re.match(r"^([一二三四五六七八九十]+、|\d+[\.、]|第.+[章节]|\d{4}(-\d{4})?_)", t) or len(t) > 48:
        t = re.sub(r"^\d{4}(-\d{4})?_", "", Path(source).stem).replace("_", "")
    if t.startswith("《") and t.endswith("》") and t.count("《") == 1:
        t = t[1:-1]
    return t


def _attr_title(hit: dict) -> str:
    """The title in book-title marks; a title quoting another (《规划》要点解读) nests as 《〈规划〉要点解读》."""
    t = clean_title(hit.get("title"), hit["source"])
    return "《" + t.replace("《", "〈").replace("》", "〉") + "》"


def _template_blocks(binding: str, ctx: DraftContext) -> list[Block]:
    """Fill the binding's sentence templates; a sentence whose values or data are missing is skipped."""
    spec = ctx.templates["bindings"].get(binding)
    vals = ctx.values.get(binding)
    if binding == "recommendation_facts":  # findings-driven ones come from recommend.py
        spec, vals = ctx.templates["bindings"]["recommendation_generic"], ctx.values.get(binding, {})
    if not spec or vals is None:
        return []
    blocks = []
    for para in spec:
        sents = []
        for item in para:
            try:
                text = item["text"].format(**vals)
            except (KeyError, IndexError):
                continue
            if "None" in text:
                continue
            cite = item.get("cite") or []
            cites = [cite] if isinstance(cite, str) else list(cite)
            keys = [f"data:{c}" for c in cites if c in ctx.data_refs]
            if len(keys) < len(cites):
                if _NUM_RX.search(text):
                    continue  # part of its data is missing
                keys = []
            if not keys and _NUM_RX.search(text):
                continue  # an uncited sentence must not state figures
            text = text if text[-1] in SENT_END else text + "。"
            sents.append(Sentence(text=text, cites=keys, kind="data" if keys else "frame"))
        if sents:
            blocks.append(Block(type="para", sentences=sents))
    return blocks


def _recommendation_blocks(ctx: DraftContext, kind: str = "recommendations") -> list[Block]:
    """Recommendations that each name the finding (shortage, decline, gap) behind them, with its figure
    (kind="findings": the problems alone, for a problems section)."""
    sents = [Sentence(text=t, cites=[f"data:{c}"], kind="data")
             for t, c in recommend.recommendation_sentences(ctx.facts, set(ctx.data_refs), kind=kind)]
    return [Block(type="para", sentences=sents[i:i + 4]) for i in range(0, len(sents), 4)]


def compose_section(section: Section, ctx: DraftContext, evidence: list[dict]) -> SectionDraft:
    """Deterministic composition: computed-figure paragraphs with tables/charts first, then evidence
    paragraphs (paragraphs.compose_evidence: one per sub-topic, ordered by year, a source named once,
    targets written as targets, no figure twice)."""
    sd = SectionDraft(id=section.id, title=section.title)
    data_blocks: list[Block] = []
    for b in section.data:
        if b == "reference_list":
            continue
        if b == "challenge_findings":
            data_blocks += _recommendation_blocks(ctx, "findings")
            continue
        recs = _recommendation_blocks(ctx) if b == "recommendation_facts" else []
        data_blocks += recs or _template_blocks(b, ctx)
        data_blocks += ctx.blocks.get(b, [])
    seen = {f for blk in data_blocks for x in blk.sentences for f in figures(x.text)}
    typer = ctx.typer or typer_for(None)
    ev_paras = [Block(type="para", sentences=[
        Sentence(text=t, cites=[f"src:{c['hit']['source']}"], kind="evidence", evidence_id=c["hit"]["chunk_id"])
        for t, c in para]) for para in paragraphs.compose_evidence(evidence, typer, seen, _attr_title)]
    sd.blocks = data_blocks + ev_paras
    return sd


# ---------------------------------------------------------------- references & rendering

class References:
    """Numbers references in order of first citation across the assembled report."""

    def __init__(self, docs: dict[str, Reference], data: dict[str, Reference]):
        self.by_key = {**docs, **{r.key: r for r in data.values()}}
        self.order: list[str] = []

    def number(self, key: str) -> int:
        if key not in self.order:
            self.order.append(key)
        return self.order.index(key) + 1

    def listing(self) -> list[Reference]:
        return [self.by_key[k] for k in self.order]


def doc_reference(hit: dict) -> Reference:
    return Reference(key=f"src:{hit['source']}", label="", source=hit["source"], title=hit.get("title") or "",
                     year=hit.get("year"), kind="document")


def finish_doc_label(ref: Reference) -> None:
    t = clean_title(ref.title, ref.source)
    parts = [t if "《" in t else f"《{t}》", ref.source]
    if ref.pages:
        parts.append("第" + "、".join(str(p) for p in sorted(set(ref.pages))) + "页")
    if ref.year:
        parts.append(f"{ref.year}年")
    ref.label = "，".join(parts)


def _marker(nums: list[int]) -> str:
    return "[" + ",".join(str(n) for n in sorted(set(nums))) + "]" if nums else ""


def render_sentence(s: Sentence, refs: References) -> tuple[str, list[int]]:
    nums = [refs.number(k) for k in s.cites if k in refs.by_key]
    m = _marker(nums)
    text = s.text
    if m:
        text = text[:-1] + m + text[-1] if text and text[-1] in SENT_END else text + m
    return text, nums


CN_NUM = "一二三四五六七八九十"


def byline(outline: Outline, year: int) -> str:
    """“编制单位：…　编制日期：YYYY年M月”: this month when drafting in the first quarter of the report
    year, otherwise March (the notice asks for publication within the first quarter)."""
    tpl = load_yaml(TEMPLATES_FILE)
    today = time.localtime()
    date = f"{year}年{today.tm_mon}月" if today.tm_year == year and today.tm_mon <= 3 else f"{year}年3月"
    return tpl.get("byline", "").format(compiler=tpl["compiler"].format(industry=outline.industry), date=date)


def assemble(title: str, sections: list[SectionDraft], outline: Outline, refs: References,
             figure_prefix: str = "", subtitle: str = "") -> str:
    """Render the Markdown; numbers references, tables and figures; fills SectionDraft.text."""
    out = [f"# {title}", ""] + ([subtitle, ""] if subtitle else [])
    tcount = fcount = 0
    for i, sd in enumerate(sections):
        out += [f"## {CN_NUM[i] if i < 10 else i + 1}、{sd.title}", ""]
        body: list[str] = []
        cited: list[int] = []
        if sd.id == "references":
            continue
        for b in sd.blocks:
            if b.type == "para":
                parts = []
                for s in b.sentences:
                    t, n = render_sentence(s, refs)
                    parts.append(t)
                    cited += n
                body += ["".join(parts), ""]
            elif b.type == "table":
                tcount += 1
                n = refs.number(f"data:{b.cite}") if b.cite and f"data:{b.cite}" in refs.by_key else None
                cited += [n] if n else []
                body += [f"表{tcount} {b.caption}" + (f"（数据来源：[{n}]）" if n else ""), ""]
                body.append("| " + " | ".join(b.headers) + " |")
                body.append("|" + "---|" * len(b.headers))
                body += ["| " + " | ".join(str(c).replace("|", "/") for c in r) + " |" for r in b.rows]
                body.append("")
            elif b.type == "figure":
                fcount += 1
                n = refs.number(f"data:{b.cite}") if b.cite and f"data:{b.cite}" in refs.by_key else None
                cited += [n] if n else []
                body += [f"![图{fcount} {b.caption}]({figure_prefix}{b.path})", "",
                         f"图{fcount} {b.caption}" + (f"（数据来源：[{n}]）" if n else ""), ""]
        sd.text = "\n".join(body).strip()
        sd.citations = sorted(set(cited))
        out += body
    # The reference list closes the report, under the outline's reference section title.
    ref_sd = next((s for s in sections if s.id == "references"), None)
    lines = []
    for i, r in enumerate(refs.listing(), 1):
        if r.kind == "document":
            finish_doc_label(r)
        lines.append(f"[{i}] {r.label}")
    if ref_sd is not None:
        ref_sd.text = "\n".join(lines) if lines else "（本报告未引用外部来源）"
        ref_sd.citations = list(range(1, len(lines) + 1))
        idx = sections.index(ref_sd)
        body = [ref_sd.text.replace("\n", "\n\n") if lines else ref_sd.text, ""]
        # references is normally the last section: its heading was already written above
        if idx == len(sections) - 1:
            out += body
        else:
            pos = out.index(f"## {CN_NUM[idx] if idx < 10 else idx + 1}、{ref_sd.title}") + 2
            out[pos:pos] = body
    return "\n".join(out).rstrip() + "\n"


# ---------------------------------------------------------------- run folder

def _save_json(path: Path, obj) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(obj, ensure_ascii=False, indent=1, default=str), encoding="utf-8")


def _settings_dict(s: Settings) -> dict:
    d = {k: (str(v) if isinstance(v, Path) else v) for k, v in asdict(s).items()}
    d.pop("llm_api_key", None)  # never write a key to disk
    return d


def _draft_one(section: Section, ctx: DraftContext, kb, llm_backend) -> tuple[SectionDraft, list[dict]]:
    hits = retrieve_evidence(kb, section)
    data_len = sum(len(b.sentences[0].text) * len(b.sentences) for b in _template_blocks_preview(section, ctx))
    budget = max(section.target_chars - data_len, 0) if section.queries else 0
    if section.queries and budget < 200:
        budget = 200
    ctx.typer = ctx.typer or typer_for(kb)
    # type the candidates in one embedding batch (select_evidence's relevance floor, then the usable ones)
    ctx.typer.types([s for h in hits for s in split_sentences(h["text"])
                     if len(_bigrams(s) & _bigrams(h["query"])) >= 0.2 * max(len(_bigrams(h["query"])), 1)
                     and _usable(s, ctx.templates)])
    evidence = select_evidence(hits, section, ctx.templates, budget, ctx.used_sentences,
                               admit=paragraphs.admit(section, ctx.typer))
    paragraphs.attach_qualifiers(evidence, ctx.typer, ctx.templates["banned_words"], split_sentences)
    ctx.used_sentences |= {c["text"] for c in evidence}
    sd = compose_section(section, ctx, evidence)
    _fill_missing_elements(section, sd, hits, ctx)
    if llm_backend is not None and section.id != "references" and (evidence or section.data):
        from ..llm import llm_compose_section
        try:
            sd2 = llm_compose_section(llm_backend, section, ctx, evidence, sd)
            if sd2 is not None:
                sd = sd2
            else:
                sd.mode = "llm-fallback"
        except LLMError as e:
            sd.mode = "llm-fallback"
            sd.notes.append(f"LLM 生成失败，已改用确定性起草：{e}")
    _save_json(ctx.run_dir / "evidence" / f"{section.id}.json",
               {"section": section.id, "hits": hits,
                "selected": [{"text": c["text"], "chunk_id": c["hit"]["chunk_id"], "source": c["hit"]["source"],
                              "page": c["hit"].get("page"), "year": c["hit"].get("year")} for c in evidence]})
    _save_json(ctx.run_dir / "sections" / f"{section.id}.json", sd.to_dict())
    return sd, hits


def _section_plain(sd: SectionDraft) -> str:
    return "".join(s.text for b in sd.blocks for s in b.sentences) + "".join(
        b.caption + " ".join(b.headers) for b in sd.blocks)


def _fill_missing_elements(section: Section, sd: SectionDraft, hits: list[dict], ctx: DraftContext) -> None:
    """If a required element is still missing, add the best evidence sentence that carries it
    (a sentence already used in another section may be repeated); otherwise leave a note."""
    tpl = ctx.templates
    for e in section.required_elements:
        if e.found_in(_section_plain(sd)):
            continue
        best = None
        admit = paragraphs.admit(section, ctx.typer or typer_for(None))
        seen = {f for b in sd.blocks for x in b.sentences for f in figures(x.text)}
        for h in sorted(hits, key=lambda h: h["rank"]):
            for sent in split_sentences(h["text"]):
                if (_usable(sent, tpl) and e.found_in(sent) and sent not in _section_plain(sd) and admit(sent)
                        and not figures(sent) & seen):
                    best = (h, sent)
                    break
            if best:
                break
        if best is None:
            sd.notes.append(f"缺少要素“{e.name}”：知识库中未检索到相关资料，请人工补充")
            continue
        h, sent = best
        c = {"text": sent, "hit": h, "pos": 0, "query_index": 0}
        para = paragraphs.compose_evidence([c], ctx.typer or typer_for(None), seen, _attr_title)
        for p in para:  # a paragraph of its own: its source is named once there
            sd.blocks.append(Block(type="para", sentences=[
                Sentence(text=t, cites=[f"src:{h['source']}"], kind="evidence", evidence_id=h["chunk_id"])
                for t, _ in p]))


def _template_blocks_preview(section: Section, ctx: DraftContext) -> list[Block]:
    out = []
    for b in section.data:
        out += [x for x in _template_blocks(b, ctx) if x.sentences]
    return out


def _doc_refs_from_run(run_dir: Path) -> dict[str, Reference]:
    """Document references (with pages and cited text) from every section's evidence file."""
    refs: dict[str, Reference] = {}
    for f in sorted((run_dir / "evidence").glob("*.json")):
        ev = json.loads(f.read_text(encoding="utf-8"))
        sd_file = run_dir / "sections" / f.name
        used_ids = set()
        if sd_file.is_file():
            sd = json.loads(sd_file.read_text(encoding="utf-8"))
            used_ids = {s.get("evidence_id") for b in sd["blocks"] for s in b.get("sentences", [])}
        for h in ev["hits"]:
            if h["chunk_id"] not in used_ids:
                continue
            key = f"src:{h['source']}"
            r = refs.setdefault(key, doc_reference(h))
            if not r.text:  # the title belongs to the source (connectives quote it)
                r.text = clean_title(h.get("title"), h["source"])
            if h.get("page") and h["page"] > 0:
                r.pages.append(int(h["page"]))
            if h.get("year") and (not r.year or h["year"] > r.year):
                r.year = h["year"]
            r.text += "\n" + h["text"]
    return refs


def _open_llm(settings: Settings):
    if not settings.llm_enabled:
        return None
    from ..llm import make_backend
    return make_backend(settings)


def _export(ctx_title: str, sections: list[SectionDraft], outline: Outline, ctx: DraftContext | None,
            run_dir: Path, out: Path, doc_refs: dict[str, Reference], data_refs: dict[str, Reference],
            bundle: DataBundle | None, year: int, progress: DraftProgress) -> tuple[str, list[Path], list[Reference]]:
    from ..output_guard import escape_html
    from . import export

    refs = References(doc_refs, data_refs)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    progress.on_export_start(str(out))
    md_path = out.with_suffix(".md")
    # Charts are copied beside the Markdown so its relative image links work.
    chart_dst = out.parent / f"{out.stem}_charts"
    prefix = ""
    if (run_dir / "charts").is_dir():
        if chart_dst.resolve() != (run_dir / "charts").resolve():
            shutil.copytree(run_dir / "charts", chart_dst, dirs_exist_ok=True)
        prefix = f"{out.stem}_"  # "charts/x.png" → "<stem>_charts/x.png"
    sub = byline(outline, year)
    markdown = escape_html(assemble(ctx_title, sections, outline, refs, figure_prefix=prefix, subtitle=sub))
    md_path.write_text(markdown, encoding="utf-8")
    (run_dir / "draft.md").write_text(assemble(ctx_title, sections, outline, References(doc_refs, data_refs),
                                               subtitle=sub), encoding="utf-8")
    outputs = [md_path]
    if out.suffix.lower() == ".docx":
        export.write_docx(ctx_title, sections, refs.listing(), out, run_dir, subtitle=sub)
        outputs.append(out)
    elif out.suffix.lower() != ".md":
        raise InputError(f"--out 应为 .md 或 .docx 文件：{out}")
    if bundle is not None and bundle.get("survey") is not None:
        from .lists import write_lists_bundle
        outputs.append(write_lists_bundle(bundle, out.parent / f"{out.stem}_附件3_供需清单.xlsx", year))
    _save_json(run_dir / "references.json", [asdict(r) for r in refs.listing()])
    progress.on_export_end([str(p) for p in outputs])
    return markdown, outputs, refs.listing()


def draft_report(report: str, kb, data_files: list[str], year: int, out: str | Path,
                 outline_path: str | None = None, settings: Settings | None = None, progress=None,
                 run_dir: str | Path | None = None) -> DraftResult:
    """Draft one report. Writes `out` (.md or .docx), the .md beside it, the lists XLSX when the
    survey data allow, and a run folder (outline, analysis, evidence, sections, settings)."""
    t0 = time.perf_counter()
    settings = settings or Settings.from_env()
    progress = progress or DraftProgress()
    outline = load_outline(report, outline_path)
    out = Path(out)
    if out.suffix.lower() not in (".md", ".docx"):
        raise InputError(f"--out 应为 .md 或 .docx 文件：{out}")
    run_dir = Path(run_dir) if run_dir else out.parent / f"{out.stem}_run"
    if (run_dir / "sections").is_dir():
        shutil.rmtree(run_dir / "sections")
    if (run_dir / "evidence").is_dir():
        shutil.rmtree(run_dir / "evidence")
    run_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(outline.path, run_dir / "outline.yaml")
    data_files = [str(Path(f).resolve()) for f in (data_files or [])]
    _save_json(run_dir / "settings.json", {"report": report, "year": year, "data_files": data_files,
                                          "out": str(out.resolve()), "outline_source": outline.path,
                                          "settings": _settings_dict(settings)})
    bundle = load_data(data_files)  # input errors surface before any progress output
    progress.on_draft_start(report, [s.title for s in outline.sections])
    progress.on_analysis_start(data_files)
    ctx = build_context(report, outline, bundle, year, run_dir, settings, kb=kb)
    _save_json(run_dir / "analysis.json", {"values": ctx.values, "facts": ctx.facts,
                                          "forecasts": {k: v.to_dict() for k, v in ctx.forecasts.items()}})
    progress.on_analysis_end(sorted(ctx.values))
    llm_backend = _open_llm(settings)
    sections = []
    n = len(outline.sections)
    for i, sec in enumerate(outline.sections):
        progress.on_section_start(sec.id, sec.title, i, n)
        sd, _ = _draft_one(sec, ctx, kb, llm_backend)
        sections.append(sd)
        progress.on_section_end(sec.id, sec.title, i, n, sd.mode)
    title = outline.report_title(year)
    doc_refs = _doc_refs_from_run(run_dir)
    markdown, outputs, references = _export(title, sections, outline, ctx, run_dir, out, doc_refs,
                                            ctx.data_refs, bundle, year, progress)
    _save_json(run_dir / "data_refs.json", {k: asdict(r) for k, r in ctx.data_refs.items()})
    secs = time.perf_counter() - t0
    progress.on_draft_end(secs)
    return DraftResult(markdown=markdown, outputs=outputs, run_dir=run_dir, sections=sections,
                       references=references, title=title, seconds=secs)


def regenerate_section(run_dir, section_id: str, kb, settings: Settings | None = None,
                       progress=None) -> DraftResult:
    """Redraft one section from the run folder (same outline, data and settings) and re-export."""
    t0 = time.perf_counter()
    run_dir = Path(run_dir)
    sf = run_dir / "settings.json"
    if not sf.is_file():
        raise InputError(f"运行目录 {run_dir} 中没有 settings.json，无法单独重写章节")
    saved = json.loads(sf.read_text(encoding="utf-8"))
    settings = settings or Settings.from_env()
    progress = progress or DraftProgress()
    outline = load_outline(saved["report"], run_dir / "outline.yaml")
    section = outline.section(section_id)
    bundle = load_data(saved["data_files"])
    ctx = build_context(saved["report"], outline, bundle, saved["year"], run_dir, settings, kb=kb)
    for f in (run_dir / "evidence").glob("*.json"):
        if f.stem != section_id:
            ctx.used_sentences |= {c["text"] for c in json.loads(f.read_text(encoding="utf-8"))["selected"]}
    idx = outline.sections.index(section)
    progress.on_section_start(section.id, section.title, idx, len(outline.sections))
    sd, _ = _draft_one(section, ctx, kb, _open_llm(settings))
    progress.on_section_end(section.id, section.title, idx, len(outline.sections), sd.mode)
    sections = []
    for s in outline.sections:
        f = run_dir / "sections" / f"{s.id}.json"
        sections.append(sd if s.id == section_id else SectionDraft.from_dict(json.loads(f.read_text(encoding="utf-8"))))
    title = outline.report_title(saved["year"])
    doc_refs = _doc_refs_from_run(run_dir)
    markdown, outputs, references = _export(title, sections, outline, ctx, run_dir, Path(saved["out"]), doc_refs,
                                            ctx.data_refs, bundle, saved["year"], progress)
    return DraftResult(markdown=markdown, outputs=outputs, run_dir=run_dir, sections=sections,
                       references=references, title=title, seconds=time.perf_counter() - t0)


# ---------------------------------------------------------------- CLI

def main_draft(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="assistant draft", description="起草行业发展分析报告或行业人才需求预测报告")
    ap.add_argument("--report", required=True, choices=["industry-analysis", "talent-demand"])
    ap.add_argument("--index", required=True, metavar="DIR", help="知识库索引目录")
    ap.add_argument("--data", nargs="*", default=[], metavar="FILE", help="问卷、招聘、供给、技术需求数据文件")
    ap.add_argument("--year", type=int, default=None, help="报告年度（默认今年）")
    ap.add_argument("--outline", default=None, metavar="FILE", help="自定义提纲 YAML")
    ap.add_argument("--out", required=True, metavar="FILE.md|FILE.docx")
    ap.add_argument("--llm-base-url", default=None)
    ap.add_argument("--llm-model", default=None)
    ap.add_argument("--run-dir", default=None, metavar="DIR", help="运行目录（默认 <out>_run）")
    ap.add_argument("--section", default=None, metavar="ID", help="只重写该章节（需已有运行目录）")
    args = ap.parse_args(argv)
    bar = TqdmProgress()
    try:
        settings = Settings.from_env(index_dir=args.index, llm_base_url=args.llm_base_url, llm_model=args.llm_model)
        from ..config import require_year
        from ..kb import KnowledgeBase
        require_year(args.year)
        kb = KnowledgeBase.open(args.index, must_exist=True)  # a mistyped --index must not draft from nothing
        if args.section:
            out = Path(args.out)
            run_dir = Path(args.run_dir) if args.run_dir else out.parent / f"{out.stem}_run"
            res = regenerate_section(run_dir, args.section, kb, settings, progress=bar)
        else:
            year = args.year or time.localtime().tm_year
            res = draft_report(args.report, kb, args.data, year, args.out, outline_path=args.outline,
                               settings=settings, progress=bar, run_dir=args.run_dir)
    except AssistantError as e:
        if bar.bar is not None:
            bar.bar.close()
        print(f"错误：{e}", file=sys.stderr)
        return 2
    for p in res.outputs:
        print(p)
    print(f"运行目录：{res.run_dir}", file=sys.stderr)
    return 0
