"""Drafting stage: outline-driven first drafts of the community's annual reports.

Pipeline (each step writes to the run folder, so one section can be regenerated alone):

1. outline  — `outline.yaml` (copy of the outline used), expanded with the industry profile
2. analysis — data tables and the knowledge base's statistics → bindings (`analysis.json`, `charts/`)
3. per section: retrieve with the section's queries (`evidence.py`) → select evidence
   (`evidence/<id>.json`) → compose deterministically (`compose.py`) or through the optional LLM,
   validated, falling back per section → `sections/<id>.json`
4. assemble — number references in order of first citation, render Markdown / DOCX, lists XLSX.

Every sentence either carries citations (evidence sources or computed data files) or is a
framing/advisory sentence without figures.
"""
from __future__ import annotations

import argparse
import copy
import json
import shutil
import sys
import time
from dataclasses import asdict
from pathlib import Path

from ..analysis import DataBundle, load_data, load_yaml
from ..config import Settings
from ..errors import InputError, LLMError
from ..outline import Outline, Section, load_outline, report_kinds
from ..profile import Profile, profile_from_dict, resolve_profile
from ..textproc import numbers_in  # noqa: F401  (re-exported: llm, evals and tests use it)
from .bindings import REGISTRY, Inputs, analyse, check_templates, methods_text
from .bindings_industry import find_series, series_reference
from .compose import Context, _evidence_blocks, compose_section, fill_missing_elements, template_blocks
from . import paragraphs, recommend
from .evidence import best_query, evidence_sentences, passage_sentences, retrieve_evidence, select_evidence, usable
from .sentences import typer_for
from .references import References, doc_refs_from_run
from .render import assemble, byline, compiler
from .types import DraftProgress, DraftResult, SectionDraft, TqdmProgress

TEMPLATES_FILE = "draft_templates.yaml"


def use_profile_terms(profile: Profile, kb=None) -> None:
    """Add the profile's names and domain terms to the tokenizer the knowledge base searches with."""
    tok = getattr(kb, "tokenizer", None)
    if tok is None:
        from ..textproc import default_tokenizer
        tok = default_tokenizer()
    if hasattr(tok, "add_words"):
        tok.add_words([*profile.names, *profile.terms, *(m.name for m in profile.metrics)])


def build_context(outline: Outline, bundle: DataBundle, year: int, run_dir: Path, profile: Profile,
                  kb=None, templates: dict | None = None) -> tuple[Context, dict]:
    """Run every binding the outline names; returns the composition context and the analysis record
    (values, facts, forecasts, notes) saved as `analysis.json`."""
    templates = templates or load_yaml(TEMPLATES_FILE)
    a = analyse(bundle, year)
    found, notes = find_series(kb, profile)
    a.notes += bundle.notes + [w.text() for w in bundle.warnings] + notes  # data assumptions, blank cells, series
    if found is not None:
        a.series = found
        a.present.add("industry")
        a.refs["industry"] = series_reference(found)
        a.facts["industry"] = {"series": found.series, "columns": found.columns}
        a.notes.insert(0, f"行业统计序列：{found.source}，表“{found.sheet}”，列“{found.columns[found.target]}”"
                          f"（{found.why}）")
    common = {"industry": profile.industry, "compiler": compiler(templates, profile), "year": year}
    private = {"_templates": templates,
               "_methods_talent": methods_text(templates, a.present, ("survey", "postings", "supply", "docs"))}
    inp = Inputs(year=year, profile=profile, bundle=bundle, kb=kb, run_dir=run_dir, common={**common, **private},
                 found=a)
    ctx = Context(templates=templates, common=common, present=set(a.present), data_refs=dict(a.refs),
                  names=tuple(profile.names), terms=tuple(profile.terms),
                  reserved=tuple(t for t in templates.get("reserved_topics") or []
                                 if any(t in s.topic_names for s in outline.sections)))
    facts = copy.deepcopy(a.facts)
    forecasts = {}
    (run_dir / "charts").mkdir(parents=True, exist_ok=True)
    for name in outline.data_names():
        out = REGISTRY[name].fn(inp)
        if out is None:
            ctx.chosen[name] = None
            continue
        ctx.chosen[name] = out.template or name
        ctx.values[name], ctx.blocks[name] = out.values, out.blocks
        for key, extra in out.facts.items():
            facts.setdefault(key, {}).update(extra)
        ctx.data_refs.update(out.refs)
        ctx.present |= out.flags
        forecasts.update(out.forecasts)
    # Changes the findings-driven recommendations quote (recommend.py) belong to the cited data's facts.
    for key, vals in recommend.computed_percentages(facts).items():
        if key in ctx.data_refs:
            facts.setdefault(key, {}).setdefault("findings", {}).update(vals)
    ctx.facts = facts
    # The facts text is what the evals and the LLM validation check computed numbers against.
    for key, ref in ctx.data_refs.items():
        ref.text = json.dumps(facts.get(key, {}), ensure_ascii=False, default=str)
    record = {"values": ctx.values, "facts": facts, "present": sorted(ctx.present), "notes": a.notes,
              "forecasts": {k: v.to_dict() for k, v in forecasts.items()}}
    return ctx, record


def _save_json(path: Path, obj) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(obj, ensure_ascii=False, indent=1, default=str), encoding="utf-8")


def _settings_dict(s: Settings) -> dict:
    d = {k: (str(v) if isinstance(v, Path) else v) for k, v in asdict(s).items()}
    d.pop("llm_api_key", None)  # never write a key to disk
    return d


def _draft_one(section: Section, ctx: Context, kb, llm_backend, run_dir: Path, report_name: str) -> SectionDraft:
    hits = retrieve_evidence(kb, section, names=ctx.names)
    data_len = sum(len(s.text) for b in section.data for x in template_blocks(b, ctx) for s in x.sentences)
    budget = max(section.target_chars - data_len, 200) if section.queries else 0
    # type the candidates in one embedding batch (the relevance floor of select_evidence, usable ones)
    ctx.typer = ctx.typer or typer_for(kb)
    ctx.typer.types([s for h in hits for _, s in passage_sentences(h, ctx.own)
                     if best_query(s, h)[0] >= 0.2 and usable(s, ctx.templates)])
    leave = paragraphs.left_topics(section, ctx.reserved)
    takes = paragraphs.admit(section, ctx.typer, leave=leave)
    evidence = select_evidence(hits, section, ctx.templates, budget, ctx.used_sentences,
                               admit=lambda s: takes(s) and not ctx.about_other_industry(s), own=ctx.own)
    if leave:  # what it would have chosen of the reserved topics: given back if their section does not take it
        wants = paragraphs.admit(section, ctx.typer)
        ctx.left += [(section.id, c) for c in select_evidence(
            hits, section, ctx.templates, budget, ctx.used_sentences,
            admit=lambda s: wants(s) and not ctx.about_other_industry(s), own=ctx.own)
            if paragraphs.carries_topics(c["text"], leave)]
    paragraphs.attach_qualifiers(evidence, ctx.typer, ctx.templates["banned_words"], evidence_sentences)
    ctx.used_sentences |= {c["text"] for c in evidence}
    sd = compose_section(section, ctx, evidence)
    placed = set(ctx.used_sentences)
    fill_missing_elements(section, sd, hits, ctx)
    filled = sorted(ctx.used_sentences - placed)  # sentences that fill a missing element, cited once per report too
    if llm_backend is not None and section.id != "references" and (evidence or section.data):
        from .llm_compose import llm_compose_section
        try:
            sd2 = llm_compose_section(llm_backend, section, ctx, evidence, sd, report_name)
            if sd2 is not None:
                sd = sd2
            else:
                sd.mode = "llm-fallback"
        except LLMError as e:
            sd.mode = "llm-fallback"
            sd.notes.append(f"LLM 生成失败，已改用确定性起草：{e}")
    _save_json(run_dir / "evidence" / f"{section.id}.json",
               {"section": section.id, "hits": hits,
                "selected": [{"text": c["text"], "chunk_id": c["hit"]["chunk_id"], "source": c["hit"]["source"],
                              "page": c["hit"].get("page"), "year": c["hit"].get("year")} for c in evidence],
                "filled": filled})
    _save_json(run_dir / "sections" / f"{section.id}.json", sd.to_dict())
    note_stated(ctx, sd)
    return sd


def give_back_left(sections: list[SectionDraft], ctx: Context, run_dir: Path) -> None:
    """A sentence a section left to the section reserving its topic (a pay figure in 人才现状, left to 人才需求分析)
    that no section took, and whose figures the report does not state already, goes back to the section that wanted
    it, as a paragraph of its own at the section's end."""
    from .sentences import figures

    by_id = {sd.id: sd for sd in sections}
    for sid, c in ctx.left:
        if c["text"] in ctx.used_sentences or figures(c["text"]) & ctx.stated_figures or sid not in by_id:
            continue
        sd = by_id[sid]
        ctx.used_sentences.add(c["text"])
        sd.blocks += _evidence_blocks([c], ctx, set())
        note_stated(ctx, sd)
        f = run_dir / "evidence" / f"{sid}.json"
        if f.is_file():
            saved = json.loads(f.read_text(encoding="utf-8"))
            saved["filled"] = [*saved.get("filled", []), c["text"]]
            _save_json(f, saved)
        _save_json(run_dir / "sections" / f"{sid}.json", sd.to_dict())


def note_stated(ctx: Context, sd: SectionDraft) -> None:
    """Remember the figures a drafted section wrote (later recommendations then refer to them briefly)."""
    from .sentences import figures

    ctx.stated_figures |= {f for b in sd.blocks for s in b.sentences for f in figures(s.text)}


def _open_llm(settings: Settings):
    if not settings.llm_enabled:
        return None
    from ..llm import make_backend
    return make_backend(settings)


def _export(title: str, sections: list[SectionDraft], outline: Outline, ctx: Context, run_dir: Path, out: Path,
            bundle: DataBundle, year: int, progress: DraftProgress) -> tuple[str, list[Path], list]:
    from ..output_guard import escape_html
    from . import export

    doc_refs = doc_refs_from_run(run_dir)
    refs = References(doc_refs, ctx.data_refs)
    out.parent.mkdir(parents=True, exist_ok=True)
    progress.on_export_start(str(out))
    # Charts are copied beside the Markdown so its relative image links work.
    chart_dst = out.parent / f"{out.stem}_charts"
    prefix = ""
    if (run_dir / "charts").is_dir() and any((run_dir / "charts").iterdir()):
        if chart_dst.resolve() != (run_dir / "charts").resolve():
            shutil.copytree(run_dir / "charts", chart_dst, dirs_exist_ok=True)
        prefix = f"{out.stem}_"  # "charts/x.png" → "<stem>_charts/x.png"
    sub = byline(ctx.templates, outline.profile, year)
    markdown = escape_html(assemble(title, sections, outline, refs, figure_prefix=prefix, subtitle=sub))
    md_path = out.with_suffix(".md")
    md_path.write_text(markdown, encoding="utf-8")
    (run_dir / "draft.md").write_text(assemble(title, sections, outline, References(doc_refs, ctx.data_refs),
                                               subtitle=sub), encoding="utf-8")
    outputs = [md_path]
    if out.suffix.lower() == ".docx":
        export.write_docx(title, sections, refs.listing(), out, run_dir, subtitle=sub)
        outputs.append(out)
    if bundle.get("survey") is not None:
        from .lists import write_lists_bundle
        outputs.append(write_lists_bundle(bundle, out.parent / f"{out.stem}_附件3_供需清单.xlsx", year,
                                          industry=outline.profile.industry))
    _save_json(run_dir / "references.json", [asdict(r) for r in refs.listing()])
    _save_json(run_dir / "data_refs.json", {k: asdict(r) for k, r in ctx.data_refs.items()})
    progress.on_export_end([str(p) for p in outputs])
    return markdown, outputs, refs.listing()


def prepare_outline(report: str, outline_path: str | None, profile: Profile) -> tuple[Outline, dict]:
    """Load the outline, expand it with the profile and check its bindings against the templates."""
    outline = load_outline(report, outline_path).expanded(profile)
    templates = load_yaml(TEMPLATES_FILE)
    check_templates(outline, templates)
    return outline, templates


def draft_report(report: str, kb, data_files: list[str], year: int, out: str | Path,
                 outline_path: str | None = None, settings: Settings | None = None, progress=None,
                 run_dir: str | Path | None = None, profile: Profile | None = None,
                 columns: str | Path | None = None) -> DraftResult:
    """Draft one report for the industry of `profile` (`columns`: a --columns header-mapping file).
    Writes `out` (.md or .docx), the .md beside it,
    the lists XLSX when the survey data allow, and a run folder (outline, analysis, evidence, sections,
    settings, profile)."""
    t0 = time.perf_counter()
    if profile is None:
        raise InputError("未指定行业：起草需要行业配置（--industry 名称 或 --profile 行业配置.yaml）")
    settings = settings or Settings.from_env()
    progress = progress or DraftProgress()
    outline, templates = prepare_outline(report, outline_path, profile)
    out = Path(out)
    if out.suffix.lower() not in (".md", ".docx"):
        raise InputError(f"--out 应为 .md 或 .docx 文件：{out}")
    run_dir = Path(run_dir) if run_dir else out.parent / f"{out.stem}_run"
    for sub in ("sections", "evidence", "charts"):
        if (run_dir / sub).is_dir():
            shutil.rmtree(run_dir / sub)
    run_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(outline.path, run_dir / "outline.yaml")
    data_files = [str(Path(f).resolve()) for f in (data_files or [])]
    _save_json(run_dir / "settings.json", {"report": report, "year": year, "data_files": data_files,
                                          "out": str(out.resolve()), "outline_source": outline.path,
                                          "profile": profile.to_dict(), "settings": _settings_dict(settings),
                                          "columns": str(Path(columns).resolve()) if columns else None})
    bundle = load_data(data_files, columns=columns, report_year=year)  # input errors surface before any progress
    use_profile_terms(profile, kb)
    progress.on_draft_start(report, [s.title for s in outline.sections])
    progress.on_analysis_start(data_files)
    ctx, record = build_context(outline, bundle, year, run_dir, profile, kb=kb, templates=templates)
    _save_json(run_dir / "analysis.json", record)
    progress.on_analysis_end(sorted(ctx.values))
    llm_backend = _open_llm(settings)
    sections = []
    n = len(outline.sections)
    for i, sec in enumerate(outline.sections):
        progress.on_section_start(sec.id, sec.title, i, n)
        sd = _draft_one(sec, ctx, kb, llm_backend, run_dir, outline.name)
        sections.append(sd)
        progress.on_section_end(sec.id, sec.title, i, n, sd.mode)
    give_back_left(sections, ctx, run_dir)
    title = outline.report_title(year)
    markdown, outputs, references = _export(title, sections, outline, ctx, run_dir, out, bundle, year, progress)
    secs = time.perf_counter() - t0
    progress.on_draft_end(secs)
    return DraftResult(markdown=markdown, outputs=outputs, run_dir=run_dir, sections=sections,
                       references=references, title=title, seconds=secs)


def regenerate_section(run_dir, section_id: str, kb, settings: Settings | None = None,
                       progress=None) -> DraftResult:
    """Redraft one section from the run folder (same outline, profile, data and settings) and re-export."""
    t0 = time.perf_counter()
    run_dir = Path(run_dir)
    sf = run_dir / "settings.json"
    if not sf.is_file():
        raise InputError(f"运行目录 {run_dir} 中没有 settings.json，无法单独重写章节")
    saved = json.loads(sf.read_text(encoding="utf-8"))
    settings = settings or Settings.from_env()
    progress = progress or DraftProgress()
    profile = profile_from_dict(saved.get("profile"), where=str(sf))
    outline, templates = prepare_outline(saved["report"], str(run_dir / "outline.yaml"), profile)
    section = outline.section(section_id)
    bundle = load_data(saved["data_files"], columns=saved.get("columns"), report_year=saved["year"])
    use_profile_terms(profile, kb)
    ctx, _ = build_context(outline, bundle, saved["year"], run_dir, profile, kb=kb, templates=templates)
    for f in (run_dir / "evidence").glob("*.json"):
        if f.stem != section_id:
            saved_evidence = json.loads(f.read_text(encoding="utf-8"))
            ctx.used_sentences |= {c["text"] for c in saved_evidence["selected"]} | set(saved_evidence.get("filled", []))
    idx = outline.sections.index(section)
    for s in outline.sections[:idx]:  # the figures the sections before it wrote
        f = run_dir / "sections" / f"{s.id}.json"
        if f.is_file():
            note_stated(ctx, SectionDraft.from_dict(json.loads(f.read_text(encoding="utf-8"))))
    progress.on_section_start(section.id, section.title, idx, len(outline.sections))
    sd = _draft_one(section, ctx, kb, _open_llm(settings), run_dir, outline.name)
    progress.on_section_end(section.id, section.title, idx, len(outline.sections), sd.mode)
    sections = []
    for s in outline.sections:
        f = run_dir / "sections" / f"{s.id}.json"
        sections.append(sd if s.id == section_id else SectionDraft.from_dict(json.loads(f.read_text(encoding="utf-8"))))
    title = outline.report_title(saved["year"])
    markdown, outputs, references = _export(title, sections, outline, ctx, run_dir, Path(saved["out"]), bundle,
                                            saved["year"], progress)
    return DraftResult(markdown=markdown, outputs=outputs, run_dir=run_dir, sections=sections,
                       references=references, title=title, seconds=time.perf_counter() - t0)


# ---------------------------------------------------------------- CLI

def add_profile_args(ap: argparse.ArgumentParser) -> None:
    ap.add_argument("--industry", default=None, metavar="名称", help="行业名称（未给 --profile 且知识库中没有行业配置时必填）")
    ap.add_argument("--profile", default=None, metavar="FILE", help="行业配置 YAML（默认：知识库目录中的 profile.yaml）")


def main_draft(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if "annual-summary" in argv or "--report=annual-summary" in argv:  # the 年度总结报告 has its own stage
        from ..annual import summary
        return summary.main(argv)
    ap = argparse.ArgumentParser(prog="assistant draft", description="起草行业发展分析报告或行业人才需求预测报告")
    ap.add_argument("--report", required=True, choices=sorted(report_kinds()))
    ap.add_argument("--index", required=True, metavar="DIR", help="知识库索引目录")
    ap.add_argument("--data", nargs="*", default=[], metavar="FILE", help="问卷、招聘、供给、技术需求数据文件")
    ap.add_argument("--year", type=int, default=None,
                    help="报告年度（默认为该报告尚未截止的编制周期：第一季度发布的报告在 4–12 月默认下一年）")
    ap.add_argument("--columns", default=None, metavar="FILE", help="列名映射文件（YAML：表格类型 → 字段: 列名），覆盖自动映射")
    ap.add_argument("--outline", default=None, metavar="FILE", help="自定义提纲 YAML")
    ap.add_argument("--out", required=True, metavar="FILE.md|FILE.docx")
    add_profile_args(ap)
    ap.add_argument("--llm-base-url", default=None)
    ap.add_argument("--llm-model", default=None)
    ap.add_argument("--run-dir", default=None, metavar="DIR", help="运行目录（默认 <out>_run）")
    ap.add_argument("--section", default=None, metavar="ID", help="只重写该章节（需已有运行目录）")
    args = ap.parse_args(argv)
    bar = TqdmProgress()

    def draft():
        settings = Settings.from_env(index_dir=args.index, llm_base_url=args.llm_base_url, llm_model=args.llm_model)
        from ..annual.calendar import report_year
        from ..config import require_year
        from ..kb import KnowledgeBase
        require_year(args.year)
        if args.section:
            kb = KnowledgeBase.open(args.index, must_exist=True)  # a mistyped --index must not draft from nothing
            out = Path(args.out)
            run_dir = Path(args.run_dir) if args.run_dir else out.parent / f"{out.stem}_run"
            return regenerate_section(run_dir, args.section, kb, settings, progress=bar)
        profile = resolve_profile(args.industry, args.profile, args.index)
        kb = KnowledgeBase.open(args.index, must_exist=True)
        year = args.year or report_year(args.report)
        return draft_report(args.report, kb, args.data, year, args.out, outline_path=args.outline,
                            settings=settings, progress=bar, run_dir=args.run_dir, profile=profile,
                            columns=args.columns)

    return bar.run(draft)
