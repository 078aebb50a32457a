"""`assistant draft --report annual-summary`: the 年度总结报告 (附件4) drafted from the performance workbook.

Stages (each writes to the run folder `<out>_run/`): indicators (indicators.json, charts/) → per outline
section: figures from the workbook, each sentence cited to its sheet; context and 典型案例 retrieved from the
knowledge base and cited to their sources; 存在问题 and 下一年度工作计划 derived from indicators that fell,
are weak, were late or lack data → Markdown and DOCX in the official layout (assistant/draft/export.py).
Sentence patterns are data: assistant/data/annual_summary.yaml; the outline: outlines/annual-summary.yaml.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import shutil
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..errors import InputError
from ..outline import Outline, Section
from ..draft.references import attr_title
from .compose import Part, Sent, cn_date, findings, indicator_parts, load_templates, plan_parts, problem_parts
from .indicators import CN, Indicators, compute
from .render import References, render, write_docx

REPORT = "annual-summary"


@dataclass
class SummaryResult:
    markdown: str
    outputs: list[Path]
    run_dir: Path
    indicators: Indicators
    title: str
    seconds: float = 0.0


def _outline(path: str | None) -> tuple[Outline, dict]:
    """The outline and its nesting (section id → ids of its subsections), read from the same YAML."""
    from ..check.annual import load_report_outline

    outline = load_report_outline(REPORT, path)
    raw = yaml.safe_load(Path(outline.path).read_text(encoding="utf-8"))
    nested = {s["id"]: list(s.get("subsections") or []) for s in raw["sections"]
              if isinstance(s.get("subsections"), list) and all(isinstance(x, str) for x in s["subsections"])}
    return outline, nested


# ---------------------------------------------------------------- knowledge base

DRAFT_TEMPLATES = "draft_templates.yaml"  # the drafter's evidence filters (banned words, anaphora, …)


def _queries(section: Section, profile) -> list[str]:
    """The section's queries with {industry} filled from the profile, then the profile's own extra queries.
    A query with a placeholder the profile cannot fill is left out."""
    out = []
    for q in section.queries:
        q = q.replace("{industry}", profile.industry)
        if not re.search(r"\{[a-z_]+\}", q):
            out.append(q)
    return list(dict.fromkeys(out + list(profile.extra_queries(section.id))))


def section_hits(kb, section: Section, profile, memo: dict | None = None) -> tuple[Section, list[dict]]:
    """The section with its queries formatted from the profile, and the passages they retrieve (kept in `memo`
    by section id, so a section retrieved once before composing is not retrieved again)."""
    from .. import draft

    if memo is not None and section.id in memo:
        return memo[section.id]
    sec = dataclasses.replace(section, queries=_queries(section, profile))
    out = sec, draft.retrieve_evidence(kb, sec, names=tuple(profile.names) if profile is not None else ())
    if memo is not None:
        memo[section.id] = out
    return out


def _picks(kb, section: Section, profile, budget: int, memo: dict) -> Counter:
    """Sentences per source that the section's own selection takes on an empty slate."""
    from .. import draft
    from ..analysis import load_yaml

    sec, hits = section_hits(kb, section, profile, memo)
    return Counter(c["hit"]["source"] for c in draft.select_evidence(hits, sec, load_yaml(DRAFT_TEMPLATES), budget, set()))


def case_sources(kb, cases: Section, context: Section, profile, memo: dict) -> set[str]:
    """The records the cases section would present and the context section (基本情况) would not claim more
    strongly (each on an empty slate, more of its sentences chosen; a tie goes to the cases): the context section
    leaves them to the cases, so a case record is not spent on 基本情况 and then skipped as a case."""
    case = _picks(kb, cases, profile, cases.target_chars, memo)
    ctx = _picks(kb, context, profile, max(context.target_chars - 80, 200), memo)
    return {s for s, n in case.items() if n >= ctx.get(s, 0)}


def evidence_parts(kb, section: Section, profile, community: str, budget: int, used: set[str],
                   doc_refs: dict[str, dict], as_cases: bool = False, reserved: set[str] = frozenset(),
                   memo: dict | None = None) -> list[Part]:
    """Cited sentences from the knowledge base for the section's queries (formatted with the profile); a context
    section skips the `reserved` sources (the cases section's records)."""
    from .. import draft
    from ..analysis import load_yaml

    sec, hits = section_hits(kb, section, profile, memo)
    if not as_cases:
        hits = [h for h in hits if h["source"] not in reserved]
    chosen = draft.select_evidence(hits, sec, load_yaml(DRAFT_TEMPLATES), budget, used)
    used |= {c["text"] for c in chosen}
    groups: dict[str, list[dict]] = {}
    for c in chosen:
        if as_cases and c["hit"]["source"] in doc_refs:
            continue  # a source already used for the context (e.g. the minutes) is not a case
        groups.setdefault(c["hit"]["source"], []).append(c)
    parts = []
    for i, (source, cs) in enumerate(groups.items(), 1):
        title = attr_title(cs[0]["hit"])  # the drafter's reader: one title per source in every report
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


# ---------------------------------------------------------------- the pipeline

def _profile(industry: str | None, profile_path: str | None, index_dir: str | None, book) -> object:
    from ..profile import Profile, resolve_profile

    try:
        return resolve_profile(industry, profile_path, index_dir)
    except InputError:
        if book.industry:  # the workbook's own 所属行业 (填表说明 B4)
            return Profile(industry=book.industry, community=book.community or None)
        raise


def _byline(community: str, year: int, tpl: dict) -> str:
    """Dated today once the collection window has opened (a draft after 12月15日 is honestly late);
    a draft prepared before 11月1日 carries the deadline as its planned date."""
    today = dt.date.today()
    date = today if today >= dt.date(year, 11, 1) else dt.date(year, 12, 15)
    return tpl["byline"].format(community=community, date=cn_date(date))


@dataclass
class _Run:
    """What composing one summary shares between sections."""

    res: Indicators
    tpl: dict
    kb: object
    profile: object
    community: str
    run_dir: Path
    found: list[dict]
    used: set = dataclasses.field(default_factory=set)
    doc_refs: dict = dataclasses.field(default_factory=dict)
    case_sources: set = dataclasses.field(default_factory=set)  # records the cases section will present whole
    hits: dict = dataclasses.field(default_factory=dict)  # section id -> (formatted section, retrieved passages)


def _compose(outline: Outline, nested: dict, run: _Run, progress) -> list[Part]:
    """Headings and parts for every section: top-level sections numbered 一、, their subsections （一）."""
    children = {c for kids in nested.values() for c in kids}
    top = [s for s in outline.sections if s.id not in children]
    progress.on_draft_start(REPORT, [s.title for s in top])
    parts: list[Part] = []
    for i, sec in enumerate(top):
        progress.on_section_start(sec.id, sec.title, i, len(top))
        parts.append(Part("h1", text=f"{CN[i] if i < 6 else i + 1}、{sec.title}"))
        parts += _section_parts(sec, run)
        for j, cid in enumerate(nested.get(sec.id, [])):
            sub = outline.section(cid)
            parts.append(Part("h2", text=f"（{CN[j] if j < 6 else j + 1}）{sub.title}"))
            parts += _section_parts(sub, run)
        progress.on_section_end(sec.id, sec.title, i, len(top), "deterministic")
    return parts


def _export(title: str, byline: str, parts: list[Part], run: _Run, out: Path) -> tuple[str, list[Path]]:
    from .indicators import write_table

    refs = References(run.res, run.doc_refs, run.tpl)
    prefix = ""
    if (run.run_dir / "charts").is_dir():
        dst = out.parent / f"{out.stem}_charts"
        if dst.resolve() != (run.run_dir / "charts").resolve():
            shutil.copytree(run.run_dir / "charts", dst, dirs_exist_ok=True)
        prefix = f"{out.stem}_"
    markdown, blocks = render(title, byline, parts, refs, figure_prefix=prefix)
    listing = refs.listing()
    markdown += "\n## 参考来源\n\n" + "\n\n".join(listing) + "\n"
    md_path = out.with_suffix(".md")
    md_path.write_text(markdown, encoding="utf-8")
    outputs = [md_path]
    if out.suffix.lower() == ".docx":
        write_docx(title, byline, blocks, listing, out, run.run_dir)
        outputs.append(out)
    outputs.append(write_table(run.res, out.parent / f"{out.stem}_监测指标.xlsx", chart=False))
    (run.run_dir / "indicators.json").write_text(json.dumps(run.res.to_dict(), ensure_ascii=False, indent=1,
                                                            default=str), encoding="utf-8")
    (run.run_dir / "findings.json").write_text(json.dumps([{k: v for k, v in f.items() if k != "q"} for f in run.found],
                                                          ensure_ascii=False, indent=1), encoding="utf-8")
    return markdown, outputs


def draft_summary(data: str | Path, out: str | Path, year: int | None = None, previous: str | Path | None = None,
                  kb=None, industry: str | None = None, profile_path: str | None = None,
                  index_dir: str | None = None, outline_path: str | None = None, progress=None,
                  run_dir: str | Path | None = None, reports: list[str] | tuple = ()) -> SummaryResult:
    """Draft the annual summary. Writes `out` (.md or .docx), the .md beside it, the indicator XLSX
    (`<stem>_监测指标.xlsx`) and the run folder (indicators.json, findings.json, charts/)."""
    from ..draft import DraftProgress
    from .workbook import read_workbook

    t0 = time.perf_counter()
    progress = progress or DraftProgress()
    out = Path(out)
    if out.suffix.lower() not in (".md", ".docx"):
        raise InputError(f"--out 应为 .md 或 .docx 文件：{out}")
    book = read_workbook(data)
    if year and book.year and year != book.year:
        raise InputError(f"--year {year} 与绩效数据工作簿的填报年度 {book.year} 不一致")
    res = compute(book, previous=previous, reports=reports)
    res.year = res.year or year
    if not res.year:
        raise InputError("无法确定报告年度：请在工作簿“填表说明”B2 填写填报年度，或用 --year 指定")
    profile = _profile(industry, profile_path, index_dir, book)
    community = profile.community or book.community or f"{profile.industry}行业产教融合共同体"
    outline, nested = _outline(outline_path)
    tpl = load_templates()
    rdir = Path(run_dir) if run_dir else out.parent / f"{out.stem}_run"
    if (rdir / "charts").is_dir():
        shutil.rmtree(rdir / "charts")
    rdir.mkdir(parents=True, exist_ok=True)
    run = _Run(res=res, tpl=tpl, kb=kb, profile=profile, community=community, run_dir=rdir,
               found=findings(res, tpl))
    by_id = {sec.id: sec for sec in outline.sections}
    if kb is not None and by_id.get("cases") is not None and by_id["cases"].queries and "basic" in by_id:
        run.case_sources = case_sources(kb, by_id["cases"], by_id["basic"], profile, run.hits)
    parts = _compose(outline, nested, run, progress)
    title = outline.report_title(res.year, profile.industry)
    progress.on_export_start(str(out))
    markdown, outputs = _export(title, _byline(community, res.year, tpl), parts, run, out)
    progress.on_export_end([str(p) for p in outputs])
    secs = time.perf_counter() - t0
    progress.on_draft_end(secs)
    return SummaryResult(markdown=markdown, outputs=outputs, run_dir=rdir, indicators=res, title=title,
                         seconds=secs)


def _section_parts(sec: Section, run: _Run) -> list[Part]:
    """One section's parts, by its outline id; a section the user added gets retrieved context only."""
    res, tpl, kb, profile, community = run.res, run.tpl, run.kb, run.profile, run.community
    used, doc_refs, found, run_dir = run.used, run.doc_refs, run.found, run.run_dir
    if sec.id.startswith("indicator"):
        return indicator_parts(res, int(sec.id.replace("indicator", "")), tpl, run_dir)
    if sec.id == "basic":
        leads = [r["name"] for r in res.members if str(r.get("role") or "").startswith("牵头")]
        q = {k: res.get(k).value for k in ("members", "provinces")}
        parts = []
        if leads and q["members"] is not None and q["provinces"] is not None:
            parts.append(Part("para", sentences=[Sent(tpl["basic"]["founded"].format(
                leads="、".join(leads), year=res.year, members=q["members"], provinces=q["provinces"]),
                ["data:members"])]))
        if kb is None:
            parts.append(Part("para", sentences=[Sent(tpl["basic"]["no_kb"])]))
        else:
            parts += evidence_parts(kb, sec, profile, community, max(sec.target_chars - 80, 200), used, doc_refs,
                                    reserved=run.case_sources, memo=run.hits)
        return parts
    if sec.id == "results":
        intro = [Sent(tpl["results_intro"])] + ([] if res.previous_year else [Sent(tpl["no_previous"])]) \
            + ([Sent(tpl["synthetic"])] if res.synthetic else [])
        return [Part("para", sentences=intro)]
    if sec.id == "cases":
        if kb is None:
            return [Part("para", sentences=[Sent(tpl["cases"]["no_kb"])])]
        parts = evidence_parts(kb, sec, profile, community, sec.target_chars, used, doc_refs, as_cases=True,
                               memo=run.hits)
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



def main(argv: list[str] | None = None) -> int:
    """`assistant draft --report annual-summary --data 绩效数据.xlsx [--previous FILE] [--index DIR] --year YYYY
    --out FILE.docx|FILE.md`."""
    from ..draft import TqdmProgress

    from .commands import _Parser

    ap = _Parser(prog="assistant draft --report annual-summary", description="起草年度总结报告")
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
    ap.add_argument("--reports", nargs="*", default=[], metavar="FILE",
                    help="已发布的报告文件：在指标(二)中给出审查器的客观性、完整性问题数")
    args = ap.parse_args(argv)
    if len(args.data) != 1:
        raise InputError("--data 只接受一个绩效数据工作簿（上一年度的请用 --previous）")
    bar = TqdmProgress()

    def draft():
        kb = None
        if args.index:
            from ..kb import KnowledgeBase

            kb = KnowledgeBase.open(args.index, must_exist=True)
        return draft_summary(args.data[0], args.out, year=args.year, previous=args.previous, kb=kb,
                             industry=args.industry, profile_path=args.profile, index_dir=args.index,
                             outline_path=args.outline, progress=bar, run_dir=args.run_dir, reports=args.reports)

    return bar.run(draft)
