"""Data bindings: the computed values, tables and charts an outline section names under `data:`.

Each binding is a small provider registered by name. A provider reads the run's inputs (profile,
data tables, the analyses computed once from them) and returns NEW values — it never changes the
analyses, which are saved as the facts that cited figures are checked against. It returns None when
its data are absent (the section then says what is missing, from the templates' `missing:` text).

`provides` lists the template values a provider can fill; `check_templates` verifies at outline load
time that every `data:` name has a provider and every template placeholder is provided.
"""
from __future__ import annotations

import string
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ..analysis import DataBundle, demand_structure, postings_summary, shortage, supply_summary, tech_summary
from ..errors import InputError
from ..profile import Profile
from .references import data_ref
from .types import Block, Reference, Sentence, fmt

COMMON = frozenset({"industry", "compiler", "year"})  # values every template may use
FLAGS = ("survey", "postings", "supply", "tech_needs", "industry", "market", "industry_forecast",
         "demand_forecast", "hard_to_fill", "match_rate")
# hard_to_fill: the survey has a 是否难招 column; match_rate: the supply table has a 对口就业率 column.


@dataclass
class Analyses:
    """What was supplied and computed once per run (read-only for providers)."""
    present: set[str]  # data flags (FLAGS) available in this run
    ds: dict | None = None  # demand structure (survey)
    sh: dict | None = None  # shortage index (survey + supply)
    ps: dict | None = None  # postings summary
    ss: dict | None = None  # supply summary
    ts: dict | None = None  # technology needs summary
    series: Any = None  # the industry series found (bindings_industry.FoundSeries) or None
    refs: dict[str, Reference] = field(default_factory=dict)  # data references by key
    facts: dict[str, dict] = field(default_factory=dict)  # data reference key -> computed facts
    notes: list[str] = field(default_factory=list)  # run notes (which series, why none)


@dataclass(frozen=True)
class Inputs:
    year: int
    profile: Profile
    bundle: DataBundle
    kb: Any
    run_dir: Path
    common: dict
    found: Analyses

    @property
    def chart_dir(self) -> Path:
        return self.run_dir / "charts"

    def rel(self, p: Path) -> str:
        return str(p.relative_to(self.run_dir))


@dataclass
class Provided:
    values: dict = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)
    facts: dict[str, dict] = field(default_factory=dict)  # data reference key -> extra facts
    refs: dict[str, Reference] = field(default_factory=dict)
    forecasts: dict = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)  # data flags this provider adds (e.g. a forecast made)
    template: str | None = None  # the template to fill (default: the binding's own)


@dataclass(frozen=True)
class Provider:
    name: str
    fn: Callable[[Inputs], Provided | None]
    provides: frozenset[str]
    templates: tuple[str, ...]  # templates it may fill


REGISTRY: dict[str, Provider] = {}


def provider(name: str, provides: str = "", templates: tuple[str, ...] = ()):
    """Register `fn(inputs) -> Provided | None` as the provider of binding `name`."""
    def deco(fn):
        REGISTRY[name] = Provider(name, fn, frozenset(provides.split()), templates or (name,))
        return fn
    return deco


def placeholders(text: str) -> set[str]:
    return {f.split(".")[0].split("[")[0] for _, f, _, _ in string.Formatter().parse(text) if f}


def check_templates(outline, templates: dict) -> None:
    """Every `data:` name of the outline has a provider; every placeholder of its templates is provided
    (or common); every `when`/`unless` flag exists. All problems are reported at once."""
    from . import bindings_industry  # noqa: F401  (registers the industry providers)

    problems = []
    specs = templates.get("bindings", {})
    for name in outline.data_names():
        prov = REGISTRY.get(name)
        if prov is None:
            problems.append(f"数据绑定 {name!r} 没有提供者（可用：{'、'.join(sorted(REGISTRY))}）")
            continue
        for tname in prov.templates:
            for para in specs.get(tname, []):
                for item in para:
                    extra = placeholders(item.get("text", "")) - COMMON - prov.provides
                    if extra:
                        problems.append(f"模板 {tname} 的句子“{item['text'][:24]}…”使用了未提供的值 "
                                        + "、".join(sorted(extra)))
                    bad = [f for f in [*item.get("when", []), *item.get("unless", [])] if f not in FLAGS]
                    if bad:
                        problems.append(f"模板 {tname} 的 when/unless 含未知数据标记 {'、'.join(bad)}")
        extra = placeholders(templates.get("missing", {}).get(name, "")) - COMMON
        if extra:
            problems.append(f"missing.{name} 使用了未提供的值 {'、'.join(sorted(extra))}")
    if problems:
        raise InputError(f"提纲 {outline.path} 与起草模板不一致：" + "；".join(problems))


def share_text(items: list[dict], n: int = 3, unit: str = "%", key: str = "share") -> str:
    return "、".join(f"{it['name']}（{fmt(it[key])}{unit}）" for it in items[:n])


def analyse(bundle: DataBundle, year: int) -> Analyses:
    """Summaries of the supplied data tables, their references and facts (computed once per run)."""
    survey, postings, supply, tech = (bundle.get(k) for k in ("survey", "postings", "supply", "tech_needs"))
    a = Analyses(present={k for k, t in (("survey", survey), ("postings", postings), ("supply", supply),
                                         ("tech_needs", tech)) if t is not None})
    if survey is not None:
        a.ds = demand_structure(survey, year)
        a.refs["survey"] = data_ref("survey", survey.label, survey.path, a.ds["survey_year"])
        a.facts["survey"] = {"demand_structure": a.ds}
        if a.ds["hard_count"] is not None:
            a.present.add("hard_to_fill")
        if supply is not None:  # a shortage index needs supply: without it only the hard-to-fill rate
            a.sh = shortage(survey, supply, year)
            a.facts["survey"]["shortage"] = a.sh
    if postings is not None:
        a.ps = postings_summary(postings)
        a.refs["postings"] = data_ref("postings", postings.label, postings.path,
                                      a.ps["years"][-1] if a.ps["years"] else None)
        a.facts["postings"] = {"postings": a.ps}
    if supply is not None:
        a.ss = supply_summary(supply)
        a.refs["supply"] = data_ref("supply", supply.label, supply.path, None)
        a.facts["supply"] = {"supply": a.ss}
        if "match_rate" not in a.ss["unavailable"]:
            a.present.add("match_rate")
    if tech is not None:
        a.ts = tech_summary(tech)
        a.refs["tech_needs"] = data_ref("tech_needs", tech.label, tech.path, None)
        a.facts["tech_needs"] = {"tech": {k: v for k, v in a.ts.items() if k != "rows"}}
    return a


def methods_text(templates: dict, present: set[str], order: tuple[str, ...]) -> str:
    """The methods actually used, named from the templates' `methods`, e.g. “问卷调查＋政策与公开文献研究”."""
    names = templates.get("methods", {})
    items = [names[k] for k in order if k in names and (k == "docs" or k in present)]
    key = "methods_many" if len(items) > 1 else "methods_one"
    return templates[key].format(items="＋".join(items))


# ---------------------------------------------------------------- survey, postings, supply

@provider("survey_scope", "methods_text survey_year companies positions n_regions n_types headcount "
          "p_y0 p_y1 p_rows p_total s_families s_schools")
def survey_scope(inp: Inputs) -> Provided:
    a = inp.found
    v: dict[str, Any] = {"methods_text": inp.common["_methods_talent"]}
    facts: dict[str, dict] = {}
    if a.ds:
        v.update(survey_year=a.ds["survey_year"], companies=a.ds["companies"], positions=a.ds["positions"],
                 n_regions=len(a.ds["by_region"]) or None, n_types=len(a.ds["by_company_type"]) or None,
                 headcount=a.ds["headcount"])  # None (a field not in the survey) drops the sentence
        facts["survey"] = {"scope": {"n_regions": v["n_regions"], "n_types": v["n_types"]}}
    if a.ps:
        obo = a.ps["openings_by_year"]
        v.update(p_y0=a.ps["years"][0], p_y1=a.ps["years"][-1], p_rows=a.ps["rows"], p_total=sum(obo.values()))
        facts["postings"] = {"scope": {"p_total": v["p_total"]}}
    if a.ss:
        rows = a.ss["rows"]
        v.update(s_families=len({r["family"] for r in rows}), s_schools=a.ss.get("schools_total"))
        facts["supply"] = {"scope": {"s_families": v["s_families"], "s_schools": v["s_schools"]}}
    return Provided(values=v, facts=facts)


@provider("survey_workforce", "companies headcount workforce_top")
def survey_workforce(inp: Inputs) -> Provided | None:
    ds = inp.found.ds
    if not ds or not ds["workforce_by_family"]:  # the survey has no 现有人数 column
        return None
    return Provided(values={"companies": ds["companies"], "headcount": ds["headcount"],
                            "workforce_top": "人员占比居前的岗位类别为" + share_text(ds["workforce_by_family"], 3)})


@provider("demand_structure", "dy total positions family_top education_top skill_top region_top type_top "
          "hard_count hard_share hard_top salary_top")
def demand_structure_binding(inp: Inputs) -> Provided | None:
    from . import charts

    ds = inp.found.ds
    if not ds:
        return None
    fam = ds["by_family"]
    v = {"dy": ds["demand_year"], "total": ds["total"], "positions": ds["positions"],
         "family_top": "计划招聘人数居前的岗位类别为" + share_text(fam, 3),
         "education_top": "、".join(f"{e['name']}占{fmt(e['share'])}%" for e in ds["by_education"][:4]) or None,
         "skill_top": share_text(ds["by_skill"], 5, unit="人", key="value") or None,
         "region_top": ("计划招聘人数居前的地区为" + share_text(ds["by_region"], 3)) if ds["by_region"] else None,
         "type_top": share_text(ds["by_company_type"], 3) or None,
         "hard_count": ds["hard_count"], "hard_share": fmt(ds["hard_share"]) if ds["hard_share"] is not None else None,
         "hard_top": "、".join(p["name"] for p in ds["hard_positions"][:4]) or None,
         "salary_top": "、".join(s["name"] for s in ds["salary"][:3]) or None}
    fig = charts.bar_chart([f["name"] for f in fam], [f["value"] for f in fam],
                           f"样本企业{ds['demand_year']}年计划招聘人数（按岗位类别）", "人",
                           inp.chart_dir / "demand_by_family.png")
    blocks = [Block(type="table", caption=f"样本企业{ds['demand_year']}年计划招聘人数结构", cite="survey",
                    headers=["岗位类别", "计划招聘（人）", "占比（%）"],
                    rows=[[f["name"], f["value"], fmt(f["share"])] for f in fam]),
              Block(type="figure", caption="样本企业计划招聘人数（按岗位类别）", cite="survey", path=inp.rel(fig))]
    return Provided(values=v, blocks=blocks)


@provider("postings_trend", "p_y0 p_y1 p_first p_last p_change_text salary_year salary_median salary_top city_top")
def postings_trend(inp: Inputs) -> Provided | None:
    ps = inp.found.ps
    if not ps or not ps["years"]:
        return None
    ys, obo = ps["years"], ps["openings_by_year"]
    chg = round(100 * (obo[ys[-1]] / obo[ys[0]] - 1), 1) if len(ys) > 1 and obo[ys[0]] else None
    v = {"p_y0": ys[0], "p_y1": ys[-1], "p_first": obo[ys[0]], "p_last": obo[ys[-1]],
         "p_change_text": (f"{'增长' if chg >= 0 else '下降'}{fmt(abs(chg))}%" if chg is not None else None),
         "city_top": share_text(ps["by_city"], 3) or None}
    if ps.get("salary_by_family"):
        sbf = ps["salary_by_family"]
        v.update(salary_year=ps["salary_year"], salary_median=fmt(ps["salary_median"]),
                 salary_top="、".join(f"{s['name']}约{fmt(s['value'])}千元" for s in sbf[:3]) + "相对较高")
    return Provided(values=v, facts={"postings": {"trend": {"change_pct": chg}}})


def _by_family(rows: list[dict]) -> list[tuple[str, int]]:
    """Graduates per post family (a family may have several majors, one row each), largest first."""
    totals: dict[str, int] = {}
    for r in rows:
        totals[r["family"]] = totals.get(r["family"], 0) + int(r["graduates"] or 0)
    return sorted(totals.items(), key=lambda kv: -kv[1])


def _low_match_label(row: dict, rows: list[dict]) -> str:
    """“研发设计（35%）”; with the majors when the family has more than one row: “研发设计（车辆工程，35%）”."""
    rate = f"{fmt(row['match_rate'])}%"
    if sum(r["family"] == row["family"] for r in rows) > 1 and row.get("majors"):
        return f"{row['family']}（{row['majors']}，{rate}）"
    return f"{row['family']}（{rate}）"


@provider("supply_summary", "scale_text graduates_total matched_total match_rate_avg supply_top low_match")
def supply_binding(inp: Inputs) -> Provided | None:
    ss = inp.found.ss
    if not ss:
        return None
    rows = ss["rows"]
    rated = "match_rate" in inp.found.present  # without the column every graduate counts as matched
    low = sorted(rows, key=lambda r: r["match_rate"])[:2]
    total = ss.get("schools_total")  # None when the supply table has no 布点院校数 column
    scale = f"对应专业年毕业生约{ss['graduates_total']}人"
    v = {"scale_text": (f"对应专业的布点院校合计{total}所次，年毕业生约{ss['graduates_total']}人" if total is not None
                        else scale),
         "graduates_total": ss["graduates_total"], "matched_total": ss["matched_total"],
         "match_rate_avg": fmt(ss["match_rate_avg"]) if rated else None,
         "supply_top": "年毕业生人数居前的是" + "、".join(f"{f}（{g}人）" for f, g in _by_family(rows)[:3]),
         "low_match": "、".join(_low_match_label(r, rows) for r in low) if rated else None}
    headers = ["岗位类别", "对应专业", "布点院校数", "年毕业生数", "对口就业率（%）"]
    cols = [i for i, h in enumerate(headers) if (h != "布点院校数" or total is not None) and (rated or i < 4)]
    table = [[r["family"], r["majors"], r["schools"], r["graduates"], fmt(r["match_rate"])] for r in rows]
    block = Block(type="table", caption="院校专业布点与毕业生规模", cite="supply", headers=[headers[i] for i in cols],
                  rows=[[row[i] for i in cols] for row in table])
    return Provided(values=v, blocks=[block], facts={"supply": {"summary": {
        "schools_total": total, "graduates_by_family": dict(_by_family(rows))}}})


@provider("shortage", "formula basis dy family_top position_top hard_family_top")
def shortage_binding(inp: Inputs) -> Provided | None:
    """With supply data: the shortage index. Without: the hard-to-fill rate only, named as such."""
    from . import charts

    a = inp.found
    if not a.ds:
        return None
    if a.sh is None:
        if not a.ds["hard_rate_by_family"]:  # neither supply data nor a 是否难招 column: no table, no ranking
            return Provided(values={"hard_family_top": None})
        rates = sorted(a.ds["hard_rate_by_family"].items(), key=lambda kv: -kv[1])
        fig = charts.bar_chart([k for k, _ in rates], [v for _, v in rates], "各岗位类别难招率", "难招率（%）",
                               inp.chart_dir / "hard_rate.png")
        return Provided(
            values={"hard_family_top": "、".join(f"{k}（{fmt(v)}%）" for k, v in rates[:3] if v > 0) or None},
            blocks=[Block(type="table", caption="各岗位类别难招率", cite="survey", headers=["岗位类别", "难招率（%）"],
                          rows=[[k, fmt(v)] for k, v in rates]),
                    Block(type="figure", caption="各岗位类别难招率", cite="survey", path=inp.rel(fig))])
    sh = a.sh
    fams = sh["families"]
    v = {"formula": sh["formula"], "basis": sh["basis"], "dy": sh["demand_year"],
         "family_top": "、".join(f"{f['family']}（{f['index']:.2f}，{f['grade']}）" for f in fams[:3]),
         "position_top": "、".join(f"{p['position']}（{p['index']:.2f}）" for p in sh["positions"][:5])}
    fig = charts.bar_chart([f["family"] for f in fams], [f["index"] for f in fams],
                           "各岗位类别紧缺指数", "紧缺指数", inp.chart_dir / "shortage.png")
    hard = "hard_to_fill" in a.present  # without a 是否难招 column there is no 难招率 to show
    blocks = [Block(type="table", caption="各岗位类别供需比较与紧缺指数", cite="survey",
                    headers=["岗位类别", "需求数", "供给估计", "缺口", *(["难招率（%）"] if hard else []), "紧缺指数",
                             "紧缺程度"],
                    rows=[[f["family"], f["demand"], f["supply"], f["gap"], *([fmt(f["hard_rate"])] if hard else []),
                           f"{f['index']:.2f}", f["grade"]] for f in fams]),
              Block(type="figure", caption="各岗位类别紧缺指数", cite="survey", path=inp.rel(fig))]
    return Provided(values=v, blocks=blocks)


@provider("recommendation_facts", "rank_basis top_families top_skills hard_top")
def recommendation_facts(inp: Inputs) -> Provided:
    a = inp.found
    if not a.ds:
        return Provided()
    if a.sh is not None:
        basis, fams = "紧缺指数", [f["family"] for f in a.sh["families"][:3]]
    elif "hard_to_fill" in a.present:
        basis = "难招率"
        fams = [k for k, v in sorted(a.ds["hard_rate_by_family"].items(), key=lambda kv: -kv[1])[:3] if v > 0]
    else:  # neither supply data nor a 是否难招 column: the families the sample plans to hire most for
        basis, fams = "计划招聘人数", [f["name"] for f in a.ds["by_family"][:3]]
    return Provided(values={"rank_basis": basis, "top_families": "、".join(fams) or None,
                            "top_skills": "、".join(s["name"] for s in a.ds["by_skill"][:3]) or None,
                            "hard_top": "、".join(p["name"] for p in a.ds["hard_positions"][:3]) or None})


@provider("challenge_findings", "")
def challenge_findings(inp: Inputs) -> Provided | None:
    """The problems the supplied data show (a shortage, hard-to-fill posts, falling hiring plans or postings,
    low match of graduates), each with its figure and cited to its data file; the wording is
    `recommendations.yaml` → findings, one to one with the recommendations that answer them.
    None without survey, postings and supply data (the section then says so); no paragraph when the data
    show none of these problems."""
    from . import recommend

    a = inp.found
    if not a.present & {"survey", "postings", "supply"}:
        return None
    # (the changes these sentences compute are added to the cited data's facts by the pipeline)
    blocks: list[Block] = []
    for t, c in recommend.recommendation_sentences(a.facts, set(a.refs), kind="findings"):
        if not blocks or blocks[-1].sentences[-1].cites != [f"data:{c}"]:
            blocks.append(Block(type="para"))  # a paragraph per data source: survey, postings, supply
        blocks[-1].sentences.append(Sentence(text=t, cites=[f"data:{c}"], kind="data"))
    return Provided(blocks=blocks)


@provider("talent_list", "")
def talent_list(inp: Inputs) -> Provided | None:
    a = inp.found
    if not a.ds:
        return None
    from .lists import talent_table

    headers, rows = talent_table(a.ds, a.sh, inp.bundle.get("survey"))
    return Provided(blocks=[Block(type="table", caption="人才供需清单（节选）", cite="survey", headers=headers,
                                  rows=rows[:15])])


@provider("reference_list", "")
def reference_list(inp: Inputs) -> Provided:
    """The reference list is rendered at assembly (numbers follow first citation)."""
    return Provided()
