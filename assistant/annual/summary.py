"""`assistant draft --report annual-summary`: the 年度总结报告 (附件4) drafted from the performance workbook.

Stages (each writes to the run folder `<out>_run/`): indicators (indicators.json, charts/) → per outline
section: figures from the workbook, each sentence cited to its sheet; context and 典型案例 retrieved from the
knowledge base and cited to their sources; 存在问题 and 下一年度工作计划 derived from indicators that fell,
are weak, were late or lack data → Markdown and DOCX in the official layout (assistant/draft/export.py).
Sentence patterns are data: assistant/data/annual_summary.yaml; the outline: outlines/annual-summary.yaml.
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import AssistantError, InputError
from ..outline import Outline, Section
from .indicators import CN, Indicators, Quantity, compute, fmt_value, members_chart
from .schema import DATA_DIR, load_schema

REPORT = "annual-summary"
TEMPLATES = DATA_DIR / "annual_summary.yaml"
SENT_END = "。！？"


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


@dataclass
class SummaryResult:
    markdown: str
    outputs: list[Path]
    run_dir: Path
    indicators: Indicators
    title: str
    seconds: float = 0.0


def load_templates() -> dict:
    return yaml.safe_load(TEMPLATES.read_text(encoding="utf-8"))


def _outline(path: str | None) -> tuple[Outline, dict]:
    """The outline and its nesting (section id → ids of its subsections), read from the same YAML."""
    from ..check.annual import load_report_outline

    outline = load_report_outline(REPORT, path)
    raw = yaml.safe_load(Path(outline.path).read_text(encoding="utf-8"))
    nested = {s["id"]: list(s.get("subsections") or []) for s in raw["sections"]
              if isinstance(s.get("subsections"), list) and all(isinstance(x, str) for x in s["subsections"])}
    return outline, nested


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
        text += (c["rate"] if d > 0 else c["rate_down"]).format(pct=f"{abs(q.change_pct):.1f}")
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
        school_cats = {r.get("category") for r in _members(res) if "学" in str(r.get("role") or "")}
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
                rel.append(Sent(r["on_time" if x["q1"] else "late"].format(doc=x["doc"], date=_cn_date(d)),
                                ["data:reports"]))
        for c in res.report_checks:
            rel.append(Sent(tpl["report_check"].format(**c)))
        parts.append(Part("para", sentences=rel))
    parts.append(quantity_table(res, ind))
    return parts


def _cn_date(d: dt.date) -> str:
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
                                                              date=_cn_date(dt.date.fromisoformat(x["date"])))})
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
                                "text": w["text"].format(a=_num(a.value), b=_num(b.value), pct=f"{pct:.1f}")})
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
    items, seen = [], set()
    for f in found:
        if f["kind"] == "missing":
            text = p["missing"].format(next=nxt, names=f["names"])
        elif f["kind"] == "late":
            text = p["by_indicator"][2].format(next=nxt, doc=f["doc"])
        else:
            q = f["q"]
            late = next((x["doc"] for x in res.releases if x["q1"] is False), q.name)
            text = p["by_indicator"][q.indicator].format(next=nxt, name=q.name, value=_num(q.value), doc=late,
                                                         unit="%" if q.unit == "%" else q.unit)
        if text not in seen:
            seen.add(text)
            items.append(Sent(f"{len(items) + 1}.{text}", _cites(res, [f["q"]]) if "q" in f else []))
    return [Part("para", sentences=[Sent(p["intro"])])] + [Part("para", sentences=[s]) for s in items]


# ---------------------------------------------------------------- knowledge base

def evidence_parts(kb, section: Section, profile, community: str, budget: int, used: set[str],
                   doc_refs: dict[str, dict], as_cases: bool = False) -> list[Part]:
    """Cited sentences from the knowledge base for the section's queries (formatted with the profile)."""
    from ..analysis import load_yaml
    from ..draft.pipeline import TEMPLATES_FILE, clean_title, retrieve_evidence, select_evidence

    queries = [q.format(industry=profile.industry, community=community or profile.industry)
               for q in section.queries] + list(profile.extra_queries(section.id))
    sec = dataclasses.replace(section, queries=queries)
    hits = retrieve_evidence(kb, sec)
    chosen = select_evidence(hits, sec, load_yaml(TEMPLATES_FILE), budget, used)
    used |= {c["text"] for c in chosen}
    groups: dict[str, list[dict]] = {}
    for c in chosen:
        groups.setdefault(c["hit"]["source"], []).append(c)
    parts = []
    for i, (source, cs) in enumerate(groups.items(), 1):
        title = clean_title(cs[0]["hit"].get("title"), source)
        title = "《" + title.strip("《》") + "》"
        lead = f"案例{CN[i - 1] if i <= 6 else i}：{title}。" if as_cases else ""
        sents = ([Sent(lead)] if lead else [])
        for k, c in enumerate(cs):
            text = c["text"]
            if k == 0 and not as_cases and not text.startswith(("据", "根据", "《")):
                text = f"据{title}，{text}"
            sents.append(Sent(text, [f"src:{source}"]))
        parts.append(Part("para", sentences=sents))
        ref = doc_refs.setdefault(source, {"title": title, "year": None, "pages": set()})
        for c in cs:
            h = c["hit"]
            if h.get("year") and (ref["year"] is None or h["year"] > ref["year"]):
                ref["year"] = h["year"]
            if h.get("page") and h["page"] > 0:
                ref["pages"].add(int(h["page"]))
    return parts


# ---------------------------------------------------------------- references and rendering

class References:
    """Numbers references in order of first citation: workbook sheets (this year's and last year's)
    and knowledge-base sources."""

    def __init__(self, res: Indicators, doc_refs: dict[str, dict], tpl: dict):
        self.order: list[str] = []
        self.labels: dict[str, str] = {}
        for spec in load_schema().sheets:
            self.labels[f"data:{spec.id}"] = tpl["data_reference"].format(
                file=Path(res.data_file).name, sheet=spec.name, year=res.year)
            if res.previous_file:
                self.labels[f"data:prev:{spec.id}"] = tpl["data_reference"].format(
                    file=Path(res.previous_file).name, sheet=spec.name, year=res.previous_year)
        for source, r in doc_refs.items():
            bits = [r["title"], source]
            if r["pages"]:
                bits.append("第" + "、".join(str(p) for p in sorted(r["pages"])) + "页")
            if r["year"]:
                bits.append(f"{r['year']}年")
            self.labels[f"src:{source}"] = "，".join(bits)

    def numbers(self, keys: list[str]) -> list[int]:
        out = []
        for k in keys:
            if k not in self.labels:
                continue
            if k not in self.order:
                self.order.append(k)
            out.append(self.order.index(k) + 1)
        return sorted(set(out))

    def listing(self) -> list[str]:
        return [f"[{i}] {self.labels[k]}" for i, k in enumerate(self.order, 1)]


def _marked(s: Sent, refs: References) -> str:
    nums = refs.numbers(s.cites)
    if not nums:
        return s.text
    m = "[" + ",".join(map(str, nums)) + "]"
    return s.text[:-1] + m + s.text[-1] if s.text and s.text[-1] in SENT_END else s.text + m


def render(title: str, byline: str, parts: list[Part], refs: References, figure_prefix: str = "") -> tuple[str, list]:
    """Markdown of the whole report, and the same content as resolved blocks for the DOCX writer."""
    md = [f"# {title}", "", byline, ""]
    blocks: list[tuple] = []
    tables = figures = 0
    for p in parts:
        if p.kind in ("h1", "h2"):
            md += [("## " if p.kind == "h1" else "### ") + p.text, ""]
            blocks.append((p.kind, p.text))
        elif p.kind == "para":
            text = "".join(_marked(s, refs) for s in p.sentences)
            if text:
                md += [text, ""]
                blocks.append(("para", text))
        elif p.kind == "table":
            tables += 1
            nums = refs.numbers(p.cites)
            cap = f"表{tables} {p.text}" + (f"（数据来源：[{','.join(map(str, nums))}]）" if nums else "")
            md += [cap, "", "| " + " | ".join(p.headers) + " |", "|" + "---|" * len(p.headers)]
            md += ["| " + " | ".join(str(c).replace("|", "/") for c in r) + " |" for r in p.rows] + [""]
            blocks.append(("table", cap, p.headers, p.rows))
        elif p.kind == "figure":
            figures += 1
            nums = refs.numbers(p.cites)
            cap = f"图{figures} {p.text}" + (f"（数据来源：[{','.join(map(str, nums))}]）" if nums else "")
            md += [f"![{cap}]({figure_prefix}{p.path})", "", cap, ""]
            blocks.append(("figure", cap, p.path))
    return "\n".join(md), blocks


def write_docx(title: str, byline: str, blocks: list, references: list[str], out: Path, run_dir: Path) -> Path:
    """The official layout of the other reports, through assistant/draft/export.py's building blocks."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from ..draft import export

    doc = export.new_document()
    export.add_title(doc, title)
    export.add_body(doc, byline, indent=False)
    doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    for b in blocks:
        if b[0] == "h1":
            export.add_heading(doc, b[1], 1)
        elif b[0] == "h2":
            export.add_heading(doc, b[1], 2)
        elif b[0] == "para":
            export.add_body(doc, b[1])
        elif b[0] == "table":
            export.add_caption(doc, b[1])
            export.add_table(doc, b[2], b[3])
        elif b[0] == "figure":
            if (run_dir / b[2]).is_file():
                export.add_picture(doc, run_dir / b[2])
            export.add_caption(doc, b[1])
    for line in references:
        export.add_body(doc, line, indent=False)
    out.parent.mkdir(parents=True, exist_ok=True)
    doc.save(out)
    return out


# ---------------------------------------------------------------- the pipeline

def _profile(industry: str | None, profile_path: str | None, index_dir: str | None, res_book) -> object:
    from ..profile import Profile, resolve_profile

    try:
        return resolve_profile(industry, profile_path, index_dir)
    except InputError:
        if res_book.industry:  # the workbook's own 所属行业 (填表说明 B4)
            return Profile(industry=res_book.industry, community=res_book.community or None)
        raise


def _byline(community: str, year: int, tpl: dict) -> str:
    today = dt.date.today()
    deadline = dt.date(year, 12, 15)
    date = today if today.year == year and dt.date(year, 11, 1) <= today <= deadline else deadline
    return tpl["byline"].format(community=community, date=_cn_date(date))


def draft_summary(data: str | Path, out: str | Path, year: int | None = None, previous: str | Path | None = None,
                  kb=None, industry: str | None = None, profile_path: str | None = None,
                  index_dir: str | None = None, outline_path: str | None = None, progress=None,
                  run_dir: str | Path | None = None) -> SummaryResult:
    """Draft the annual summary. Writes `out` (.md or .docx), the .md beside it, the indicator XLSX
    (`<stem>_监测指标.xlsx`) and the run folder."""
    from ..draft.pipeline import DraftProgress
    from .indicators import write_table
    from .workbook import read_workbook

    t0 = time.perf_counter()
    progress = progress or DraftProgress()
    out = Path(out)
    if out.suffix.lower() not in (".md", ".docx"):
        raise InputError(f"--out 应为 .md 或 .docx 文件：{out}")
    book = read_workbook(data)
    if year and book.year and year != book.year:
        raise InputError(f"--year {year} 与绩效数据工作簿的填报年度 {book.year} 不一致")
    res = compute(data, previous=previous)
    res.year = res.year or year
    if not res.year:
        raise InputError("无法确定报告年度：请在工作簿“填表说明”B2 填写填报年度，或用 --year 指定")
    profile = _profile(industry, profile_path, index_dir, book)
    community = profile.community or book.community or f"{profile.industry}行业产教融合共同体"
    outline, nested = _outline(outline_path)
    tpl = load_templates()
    run_dir = Path(run_dir) if run_dir else out.parent / f"{out.stem}_run"
    if (run_dir / "charts").is_dir():
        shutil.rmtree(run_dir / "charts")
    run_dir.mkdir(parents=True, exist_ok=True)
    children = {c for kids in nested.values() for c in kids}
    top = [s for s in outline.sections if s.id not in children]
    progress.on_draft_start(REPORT, [s.title for s in top])
    found = findings(res, tpl)
    parts: list[Part] = []
    used: set[str] = set()
    doc_refs: dict[str, dict] = {}
    for i, sec in enumerate(top):
        progress.on_section_start(sec.id, sec.title, i, len(top))
        parts.append(Part("h1", text=f"{CN[i] if i < 6 else i + 1}、{sec.title}"))
        parts += _section_parts(sec, res, tpl, kb, profile, community, used, doc_refs, found, run_dir)
        for j, cid in enumerate(nested.get(sec.id, [])):
            sub = outline.section(cid)
            parts.append(Part("h2", text=f"（{CN[j] if j < 6 else j + 1}）{sub.title}"))
            ind = int(cid.replace("indicator", "")) if cid.startswith("indicator") else 0
            parts += indicator_parts(res, ind, tpl, run_dir) if ind else \
                _section_parts(sub, res, tpl, kb, profile, community, used, doc_refs, found, run_dir)
        progress.on_section_end(sec.id, sec.title, i, len(top), "deterministic")
    title = outline.report_title(res.year, profile.industry)
    byline = _byline(community, res.year, tpl)
    progress.on_export_start(str(out))
    refs = References(res, doc_refs, tpl)
    prefix = ""
    if (run_dir / "charts").is_dir():
        dst = out.parent / f"{out.stem}_charts"
        if dst.resolve() != (run_dir / "charts").resolve():
            shutil.copytree(run_dir / "charts", dst, dirs_exist_ok=True)
        prefix = f"{out.stem}_"
    markdown, blocks = render(title, byline, parts, refs, figure_prefix=prefix)
    listing = refs.listing()
    markdown += "\n## 参考来源\n\n" + "\n\n".join(listing) + "\n"
    md_path = out.with_suffix(".md")
    md_path.write_text(markdown, encoding="utf-8")
    outputs = [md_path]
    if out.suffix.lower() == ".docx":
        write_docx(title, byline, blocks, (["参考来源："] if listing else []) + listing, out, run_dir)
        outputs.append(out)
    outputs.append(write_table(res, out.parent / f"{out.stem}_监测指标.xlsx"))
    (run_dir / "indicators.json").write_text(json.dumps(res.to_dict(), ensure_ascii=False, indent=1, default=str),
                                             encoding="utf-8")
    (run_dir / "findings.json").write_text(json.dumps([{k: v for k, v in f.items() if k != "q"} for f in found],
                                                      ensure_ascii=False, indent=1), encoding="utf-8")
    progress.on_export_end([str(p) for p in outputs])
    secs = time.perf_counter() - t0
    progress.on_draft_end(secs)
    return SummaryResult(markdown=markdown, outputs=outputs, run_dir=run_dir, indicators=res, title=title,
                         seconds=secs)


def _section_parts(sec: Section, res: Indicators, tpl: dict, kb, profile, community: str, used: set,
                   doc_refs: dict, found: list[dict], run_dir: Path) -> list[Part]:
    if sec.id.startswith("indicator"):
        return indicator_parts(res, int(sec.id.replace("indicator", "")), tpl, run_dir)
    if sec.id == "basic":
        leads = [r["name"] for r in _members(res) if str(r.get("role") or "").startswith("牵头")]
        q = {k: res.get(k).value for k in ("members", "provinces")}
        parts = []
        if leads and q["members"] is not None and q["provinces"] is not None:
            parts.append(Part("para", sentences=[Sent(tpl["basic"]["founded"].format(
                leads="、".join(leads), year=res.year, members=q["members"], provinces=q["provinces"]),
                ["data:members"])]))
        if kb is None:
            parts.append(Part("para", sentences=[Sent(tpl["basic"]["no_kb"])]))
        else:
            parts += evidence_parts(kb, sec, profile, community, max(sec.target_chars - 80, 200), used, doc_refs)
        return parts
    if sec.id == "results":
        intro = [Sent(tpl["results_intro"])] + ([] if res.previous_year else [Sent(tpl["no_previous"])])
        return [Part("para", sentences=intro)]
    if sec.id == "cases":
        if kb is None:
            return [Part("para", sentences=[Sent(tpl["cases"]["no_kb"])])]
        parts = evidence_parts(kb, sec, profile, community, sec.target_chars, used, doc_refs, as_cases=True)
        if not parts:
            return [Part("para", sentences=[Sent(tpl["cases"]["none"])])]
        return [Part("para", sentences=[Sent(tpl["cases"]["intro"])])] + parts
    if sec.id == "problems":
        return problem_parts(res, tpl, found)
    if sec.id == "plan":
        return plan_parts(res, tpl, found)
    # A section added to the outline by the user: retrieved context only.
    if kb is not None and sec.queries:
        return evidence_parts(kb, sec, profile, community, sec.target_chars, used, doc_refs)
    return [Part("para", sentences=[Sent(f"本部分{sec.purpose}（请补充）")])]


def _members(res: Indicators) -> list[dict]:
    from .workbook import read_workbook

    return read_workbook(res.data_file).records("members")


def main(argv: list[str] | None = None) -> int:
    """`assistant draft --report annual-summary --data 绩效数据.xlsx [--previous FILE] [--index DIR] --year YYYY
    --out FILE.docx|FILE.md`."""
    from ..draft.pipeline import TqdmProgress

    ap = argparse.ArgumentParser(prog="assistant draft --report annual-summary", description="起草年度总结报告")
    ap.add_argument("--report", required=True, choices=[REPORT])
    ap.add_argument("--data", required=True, nargs="+", metavar="FILE.xlsx", help="本年度绩效数据工作簿")
    ap.add_argument("--previous", default=None, metavar="FILE.xlsx", help="上一年度绩效数据工作簿")
    ap.add_argument("--index", default=None, metavar="DIR", help="知识库目录（典型案例和背景）")
    ap.add_argument("--year", type=int, default=None)
    ap.add_argument("--industry", default=None)
    ap.add_argument("--profile", default=None, metavar="FILE.yaml")
    ap.add_argument("--outline", default=None, metavar="FILE")
    ap.add_argument("--out", required=True, metavar="FILE.md|FILE.docx")
    ap.add_argument("--run-dir", default=None, metavar="DIR")
    args = ap.parse_args(argv)
    if len(args.data) != 1:
        raise InputError("--data 只接受一个绩效数据工作簿（上一年度的请用 --previous）")
    bar = TqdmProgress()
    try:
        kb = None
        if args.index:
            from ..kb import KnowledgeBase

            kb = KnowledgeBase.open(args.index)
        res = draft_summary(args.data[0], args.out, year=args.year, previous=args.previous, kb=kb,
                            industry=args.industry, profile_path=args.profile, index_dir=args.index,
                            outline_path=args.outline, progress=bar, run_dir=args.run_dir)
    except AssistantError as e:
        if bar.bar is not None:
            bar.bar.close()
        print(f"错误：{e}", file=sys.stderr)
        return 2
    for p in res.outputs:
        print(p)
    print(f"运行目录：{res.run_dir}", file=sys.stderr)
    return 0
