"""Composing the 年度总结报告's text from the indicators: sentences with their figures and changes, each
cited to its workbook sheet; the indicator tables and chart; 存在问题 and 下一年度工作计划 derived from the
quantities that fell, are weak, were late or lack data. Sentence patterns: assistant/data/annual_summary.yaml.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from .indicators import CN, Indicators, Quantity, fmt_pct, fmt_value, members_chart
from .schema import DATA_DIR, load_schema

TEMPLATES = DATA_DIR / "annual_summary.yaml"


@dataclass
class Sent:
    text: str
    cites: list[str] = field(default_factory=list)  # reference keys: data:<sheet id> | src:<source>


@dataclass
class Part:
    kind: str  # h1 | h2 | para | table | figure
    text: str = ""
    sentences: list[Sent] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    rows: list[list] = field(default_factory=list)
    path: str = ""
    cites: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def _templates(mtime: int) -> dict:
    return yaml.safe_load(TEMPLATES.read_text(encoding="utf-8"))


def load_templates() -> dict:
    return _templates(TEMPLATES.stat().st_mtime_ns)


# ---------------------------------------------------------------- figures → sentences

def _num(v) -> str:
    return fmt_value(v).rstrip("%")


def change_phrase(q: Quantity, tpl: dict) -> str:
    """“比上年增加3家，增长14.3%” / “与上年持平”; "" without a previous year or a previous value."""
    c = tpl["change"]
    if not q.compared or q.change is None:
        return ""
    d = q.change
    if abs(d) < 1e-9:
        return c["same"]
    delta = _num(abs(d))
    if q.unit == "%":
        return (c["pct_up"] if d > 0 else c["pct_down"]).format(delta=delta)
    text = (c["up"] if d > 0 else c["down"]).format(delta=delta, unit=q.unit)
    if q.change_pct is not None:
        text += (c["rate"] if d > 0 else c["rate_down"]).format(pct=fmt_pct(abs(q.change_pct)))
    return text


def clause(q: Quantity, tpl: dict, with_change: bool = True) -> str:
    v = _num(q.value)
    ph = tpl.get("phrases", {}).get(q.key)
    text = ph.format(v=v) if ph else f"{q.name}{v}{q.unit}"
    ch = change_phrase(q, tpl) if with_change else ""
    return text + (f"（{ch}）" if ch else "")


def _cites(res: Indicators, qs: list[Quantity]) -> list[str]:
    schema = load_schema()
    ids = {s.name: s.id for s in schema.sheets}
    keys = [f"data:{ids[q.sheet]}" for q in qs if q.sheet in ids]
    if res.previous_year and any(q.compared and q.previous is not None for q in qs):
        keys += [f"data:prev:{ids[q.sheet]}" for q in qs if q.sheet in ids]
    return list(dict.fromkeys(keys))


def group_sentences(res: Indicators, group: dict, tpl: dict) -> list[Sent]:
    """One sentence for the group's quantities that have data; one more naming those that lack it."""
    qs = [res.get(k) for k in group["keys"]]
    present = [q for q in qs if q.value is not None]
    missing = [q for q in qs if q.value is None]
    out = []
    sub = group.get("sub")
    sub_qs = [res.get(k) for k in sub["keys"]] if sub else []
    if present:
        text = group["lead"].format(year=res.year) + "、".join(clause(q, tpl) for q in present)
        sub_present = [q for q in sub_qs if q.value is not None]
        if sub_present:
            text += "，" + sub["lead"] + "、".join(clause(q, tpl, with_change=False) for q in sub_present)
        out.append(Sent(text + "。", _cites(res, present + sub_present)))
    missing += [q for q in sub_qs if q.value is None]
    by_sheet: dict[str, list[str]] = {}
    for q in missing:
        by_sheet.setdefault(q.sheet or "—", []).append(q.name)
    for sheet, names in by_sheet.items():
        out.append(Sent(tpl["missing"].format(names="、".join(names), sheet=sheet)))
    return out


def quantity_table(res: Indicators, indicator: int) -> Part:
    rows = []
    for q in res.of(indicator):
        row = [q.name, fmt_value(q.value, q.unit) + ("" if q.value is None or q.unit == "%" else q.unit)]
        if res.previous_year:
            row += [fmt_value(q.previous, q.unit) + ("" if q.previous is None or q.unit == "%" else q.unit),
                    change_phrase(q, load_templates()) or "缺少数据"]
        rows.append(row)
    headers = ["数量", f"{res.year}年"] + ([f"{res.previous_year}年", "变化"] if res.previous_year else [])
    return Part("table", text=f"监测指标({CN[indicator - 1]})主要数量", headers=headers, rows=rows,
                cites=_cites(res, res.of(indicator)))


def indicator_parts(res: Indicators, ind: int, tpl: dict, run_dir: Path) -> list[Part]:
    sents: list[Sent] = []
    for group in tpl["indicators"].get(ind, []):
        sents += group_sentences(res, group, tpl)
    parts = [Part("para", sentences=sents)]
    if ind == 1 and res.by_role:
        school_cats = {r.get("category") for r in res.members if "学" in str(r.get("role") or "")}
        cats = "、".join(f"{k}{v}{'所' if k in school_cats else '家'}" for k, v in res.by_category.most_common())
        if cats:
            parts[0].sentences.append(Sent(f"按学校层次和企业类别统计，建设单位中有{cats}。", ["data:members"]))
        chart = members_chart(res, run_dir / "charts" / "members.png")
        if chart:
            parts.append(Part("figure", text=f"{res.year}年建设单位按角色和省份分布", path="charts/members.png",
                              cites=["data:members"]))
    if ind == 2:
        r = tpl["release"]
        rel = []
        for x in res.releases:
            if x["date"] is None:
                rel.append(Sent(r["missing"].format(doc=x["doc"], sheet=load_schema().sheet("reports").name)))
            else:
                d = dt.date.fromisoformat(x["date"])
                rel.append(Sent(r["on_time" if x["q1"] else "late"].format(doc=x["doc"], date=cn_date(d)),
                                ["data:reports"]))
        for c in res.report_checks:
            rel.append(Sent(tpl["report_check"].format(**c)))
        parts.append(Part("para", sentences=rel))
    parts.append(quantity_table(res, ind))
    return parts


def cn_date(d: dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"

# ---------------------------------------------------------------- problems and plan

def findings(res: Indicators, tpl: dict) -> list[dict]:
    """Indicators that fell, are below a threshold, were published late or lack data (each with its figure)."""
    out = []
    late = any(x["q1"] is False for x in res.releases)
    for q in res.quantities:
        if q.key == "on_time" and late:
            continue  # the late release itself is listed below
        if q.change is not None and q.change < 0:
            out.append({"indicator": q.indicator, "kind": "fell", "q": q,
                        "text": tpl["problems"]["fell"].format(name=q.name, value=_num(q.value),
                                                              unit="%" if q.unit == "%" else q.unit,
                                                              change=change_phrase(q, tpl))})
    for x in res.releases:
        if x["q1"] is False:
            out.append({"indicator": 2, "kind": "late", "doc": x["doc"],
                        "text": tpl["problems"]["late"].format(doc=x["doc"],
                                                              date=cn_date(dt.date.fromisoformat(x["date"])))})
    for w in tpl.get("weak", []):
        if "key" in w:
            q = res.get(w["key"])
            if any(f.get("q") is q for f in out):
                continue
            if q.value is not None and q.value < w["below"]:
                out.append({"indicator": q.indicator, "kind": "weak", "q": q,
                            "text": w["text"].format(value=_num(q.value))})
        else:
            a, b = (res.get(k) for k in w["ratio"])
            if a.value is not None and b.value:
                pct = 100.0 * a.value / b.value
                if pct < w["below"]:
                    out.append({"indicator": a.indicator, "kind": "weak", "q": a,
                                "text": w["text"].format(a=_num(a.value), b=_num(b.value), pct=fmt_pct(pct))})
    missing = [q for q in res.quantities if q.value is None]
    if missing:
        names = "、".join(q.name for q in missing)
        out.append({"indicator": 0, "kind": "missing", "names": names,
                    "text": tpl["problems"]["missing"].format(names=names)})
    return out


def problem_parts(res: Indicators, tpl: dict, found: list[dict]) -> list[Part]:
    if not found:
        return [Part("para", sentences=[Sent(tpl["problems"]["none"])])]
    sents = [Sent(tpl["problems"]["intro"])]
    for i, f in enumerate(found, 1):
        cites = _cites(res, [f["q"]]) if "q" in f else (["data:reports"] if f["kind"] == "late" else [])
        sents.append(Sent(f"{i}.{f['text']}", cites))
    return [Part("para", sentences=[s]) for s in sents]


def plan_parts(res: Indicators, tpl: dict, found: list[dict]) -> list[Part]:
    p = tpl["plan"]
    nxt = (res.year or dt.date.today().year) + 1
    if not found:
        return [Part("para", sentences=[Sent(p["none"].format(next=nxt))])]
    # One item per indicator: the problems just above already give the figures, so an item names the
    # quantities it answers (all of one indicator together) without repeating them.
    groups: dict = {}
    for f in found:
        key = f["kind"] if f["kind"] in ("missing", "late") else f["q"].indicator
        groups.setdefault(key, []).append(f)
    items, seen = [], set()
    for key, fs in groups.items():
        f = fs[0]
        qs = [x["q"] for x in fs if "q" in x]
        if f["kind"] == "missing":
            text = p["missing"].format(next=nxt, names=f["names"])
        elif f["kind"] == "late":
            text = p["by_indicator"][2].format(next=nxt, doc=f["doc"])
        else:
            late = next((x["doc"] for x in res.releases if x["q1"] is False), qs[0].name)
            kinds = {x["kind"] for x in fs}
            issue = p["issue"][kinds.pop() if len(kinds) == 1 else "mixed"]
            text = p["by_indicator"][key].format(next=nxt, name="、".join(q.name for q in qs), doc=late, issue=issue)
        if text not in seen:
            seen.add(text)
            items.append(Sent(f"{len(items) + 1}.{text}", _cites(res, qs) if qs else []))
    return [Part("para", sentences=[Sent(p["intro"])])] + [Part("para", sentences=[s]) for s in items]
