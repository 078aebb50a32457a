"""Recommendations that follow from the findings: each names the shortage, decline or gap that
motivates it, with its figure, then the action (wording in `assistant/data/recommendations.yaml`).

`findings(facts)` reads the computed facts of a draft (问卷 shortage and demand structure, 招聘 postings and
forecast, 供给 supply, 技术需求); `recommendation_sentences(facts)` fills the templates. Percentages
computed here are returned too, so the caller can add them to the cited data's facts (citation checks
compare every figure of a sentence with its source).
"""
from __future__ import annotations

import string
from functools import lru_cache
from pathlib import Path

import yaml

DATA_FILE = Path(__file__).resolve().parents[1] / "data" / "recommendations.yaml"


def _fmt(v) -> str:
    if isinstance(v, float):
        v = round(v, 1)
        return str(int(v)) if v == int(v) else f"{v:.1f}"
    return str(v)


def _pct(a: float, b: float) -> float:
    return round(100 * abs(b / a - 1), 1) if a else 0.0


def _survey_findings(survey: dict) -> dict[str, dict]:
    out: dict[str, dict] = {}
    sh, ds = survey.get("shortage") or {}, survey.get("demand_structure") or {}
    fams = [f for f in sh.get("families", []) if f.get("gap", 0) > 0]
    skills = "、".join(s["name"] for s in ds.get("by_skill", [])[:3])
    if fams and skills:
        f = fams[0]
        out["shortage_top"] = {"family": f["family"], "gap": f["gap"], "demand": f["demand"],
                               "supply": f["supply"], "index": f"{f['index']:.2f}", "skills": skills}
    if len(fams) > 1:
        f = fams[1]
        out["shortage_second"] = {"family": f["family"], "gap": f["gap"],  # no 难招率 without a 是否难招 column
                                  "hard_rate": _fmt(f["hard_rate"]) if sh.get("has_hard", True) else None}
    hard = [p["name"] for p in ds.get("hard_positions", [])[:3]]
    if hard and ds.get("hard_count"):
        out["hard_to_fill"] = {"positions": "、".join(hard), "hard_count": ds["hard_count"],
                               "hard_share": _fmt(ds["hard_share"])}
    plan = {int(y): v for y, v in (ds.get("plan_totals") or {}).items()}
    if len(plan) > 1:
        y0, y1 = min(plan), max(plan)
        if plan[y0] != plan[y1]:
            out["plan_change"] = {"y0": y0, "y1": y1, "p0": plan[y0], "p1": plan[y1], "pct": _fmt(_pct(plan[y0], plan[y1])),
                                  "pct_value": _pct(plan[y0], plan[y1]),
                                  "when": "decline" if plan[y1] < plan[y0] else "growth"}
    return out


def findings(facts: dict) -> dict[str, dict]:
    """Finding name → template values (and `when` for changes), from a draft's computed facts
    (keys: survey, postings, supply, tech_needs, as in DraftContext.facts)."""
    out = _survey_findings(facts.get("survey") or {})
    ps = (facts.get("postings") or {}).get("postings") or {}
    obo = {int(y): v for y, v in (ps.get("openings_by_year") or {}).items()}
    if len(obo) > 1:
        y1 = max(obo)
        y0 = max(y for y in obo if y < y1)
        if obo[y0] != obo[y1]:
            out["postings_change"] = {"y0": y0, "y1": y1, "p0": obo[y0], "p1": obo[y1],
                                      "pct": _fmt(_pct(obo[y0], obo[y1])), "pct_value": _pct(obo[y0], obo[y1]),
                                      "when": "decline" if obo[y1] < obo[y0] else "growth"}
    fc = (facts.get("postings") or {}).get("forecast")
    if fc and fc.get("years"):
        out["demand_forecast"] = {"year": fc["years"][-1], "point": fc["point"][-1], "lower": fc["lower"][-1],
                                  "upper": fc["upper"][-1], "level": fc["level"]}
    sup = (facts.get("supply") or {}).get("supply") or {}
    rows = sup.get("rows") or []
    if rows and "match_rate" not in sup.get("unavailable", []):  # a rate assumed as 100 % is no finding
        low = min(rows, key=lambda r: r["match_rate"])
        out["low_match"] = {"family": low["family"], "rate": _fmt(low["match_rate"])}
    tech = (facts.get("tech_needs") or {}).get("tech") or {}
    if tech.get("count") and tech.get("by_field"):
        out["tech_needs"] = {"count": tech["count"],
                             "fields": "、".join(f"{f['name']}（{f['value']}项）" for f in tech["by_field"][:2])}
    return out


@lru_cache(maxsize=4)
def _templates(path: str, kind: str) -> list[dict]:
    return yaml.safe_load(Path(path).read_text(encoding="utf-8")).get(kind) or []


def recommendation_sentences(facts: dict, available: set[str], path: Path = DATA_FILE,
                             kind: str = "recommendations", stated: set[str] = frozenset()) -> list[tuple[str, str]]:
    """(sentence, cite key) for each template whose finding exists and whose data source is
    `available`; in the YAML's order. kind="findings" gives the problems themselves, without advice.
    A recommendation whose figures are all in `stated` (figures the report has already written, e.g. in
    its 问题与挑战) takes its `brief` wording, which names the finding without repeating them."""
    from .sentences import figures

    found = findings(facts)
    out = []
    for t in _templates(str(path), kind):
        vals = found.get(t["finding"])
        if vals is None or t["cite"] not in available or t.get("when", vals.get("when")) != vals.get("when"):
            continue
        names = [f for _, f, _, _ in string.Formatter().parse(t["text"]) if f]
        if any(vals.get(n) is None for n in names):
            continue  # a value this run's data do not have
        text = t["text"].format(**vals)
        if t.get("brief") and figures(text) <= set(stated):
            text = t["brief"].format(**vals)
        out.append((text, t["cite"]))
    return out


def computed_percentages(facts: dict) -> dict[str, dict]:
    """The changes computed here (per data source), to be added to that source's cited facts."""
    f = findings(facts)
    out: dict[str, dict] = {}
    if "plan_change" in f:
        out.setdefault("survey", {})["plan_change_pct"] = f["plan_change"]["pct_value"]
    if "postings_change" in f:
        out.setdefault("postings", {})["last_year_change_pct"] = f["postings_change"]["pct_value"]
    return out
