"""Third-industry probe:  python evals/draft/probe.py [--only NAME] [--out DIR] [--verbose]

For each folder evals/draft/probe/<name>/ (real public documents in sources/, listed in SOURCES.md with
a line “行业：<industry name>”), as a new community's working group would first try the assistant:
ingest the sources into a temp index, propose the industry profile exactly as `assistant profile init`
does (no hand-written profile), draft both reports with no LLM and no survey/recruitment data, and print
the per-report figures of evals/draft/run.py (citation precision, placement: misplaced sentences, targets
stated as results, dangling references, duplicated figures, source chains), plus the sections with no
evidence and the review checker's findings by category and level. The drafts go to --out as Markdown.
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))

import run as draft_eval  # noqa: E402  (evals/draft/run.py: the drafting eval's own metrics)
from assistant.config import Settings  # noqa: E402
from assistant.draft.pipeline import draft_report  # noqa: E402
from assistant.draft.sentences import typer_for  # noqa: E402
from assistant.outline import load_outline  # noqa: E402

PROBES = HERE / "probe"
INDUSTRY_LINE = re.compile(r"^(?:行业|Industry)\s*[:：]\s*(\S+)", re.M)
REPORTS = ("industry-analysis", "talent-demand")


def probe_folders(only: str | None) -> list[Path]:
    """evals/draft/probe/<name>/ folders that hold sources/ and SOURCES.md."""
    return [d for d in sorted(PROBES.iterdir()) if (d / "sources").is_dir() and (d / "SOURCES.md").is_file()
            and only in (None, d.name)]


def industry_of(folder: Path) -> str:
    m = INDUSTRY_LINE.search((folder / "SOURCES.md").read_text(encoding="utf-8"))
    if not m:
        raise SystemExit(f"{folder / 'SOURCES.md'}: no “行业：<name>” line")
    return m.group(1)


def open_probe_kb(folder: Path, index: Path):
    """A fresh index of the folder's sources, then the profile `assistant profile init` proposes."""
    from assistant.kb import KnowledgeBase
    from assistant.profile import PROFILE_FILE, load_profile
    from assistant.profile_init import init_profile

    kb = KnowledgeBase.open(settings=Settings.from_env(index_dir=str(index)), must_exist=False)
    kb.ingest([folder / "sources"])  # incremental: a reused --out skips unchanged files and completes a killed run
    path = init_profile(industry_of(folder), index, force=True, kb=kb)
    assert path == index / PROFILE_FILE
    return kb, load_profile(path), path


def no_evidence_sections(sections) -> list[str]:
    """Sections (references left out) in which no sentence cites a source document."""
    out = []
    for sd in sections:
        if sd.id == "references":
            continue
        if not any(s.kind == "evidence" for b in sd.blocks for s in b.sentences):
            out.append(sd.id)
    return out


def checker_counts(md: Path, report: str) -> tuple[Counter, list]:
    from assistant.check.checker import check_file

    r = check_file(md, report=report)
    return Counter(f"{f.category}/{f.level}" for f in r.findings), r.findings


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", default=None, help="only this probe folder (evals/draft/probe/<name>)")
    ap.add_argument("--out", default=None, help="folder for the indexes and drafts (default: a temp dir)")
    ap.add_argument("--year", type=int, default=2026)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)
    out = Path(args.out or tempfile.mkdtemp(prefix="draft-probe-"))
    out.mkdir(parents=True, exist_ok=True)
    summary = []
    for folder in probe_folders(args.only):
        t = time.perf_counter()
        kb, profile, prof_path = open_probe_kb(folder, out / folder.name / "index")
        kb.search("数据", top_k=1)
        typer = typer_for(kb)
        print(f"\n######## probe {folder.name} ({profile.industry}): {len(kb.sources())} sources, index and "
              f"profile in {time.perf_counter() - t:.1f} s")
        print(f"proposed profile ({prof_path}):")
        print(f"   aliases {list(getattr(profile, 'aliases', []) or [])}")
        print(f"   terms {list(getattr(profile, 'terms', []) or [])}")
        print(f"   metrics {[(m.name, m.unit) for m in getattr(profile, 'metrics', []) or []]}")
        print(f"   series {getattr(profile, 'series', None)}")
        for report in REPORTS:
            t = time.perf_counter()
            md = out / folder.name / f"{report}.md"
            res = draft_report(report, kb, [], args.year, md, settings=Settings(), profile=profile)
            secs = time.perf_counter() - t
            ok, n, fails = draft_eval.citation_precision(res)
            print(f"\n== {folder.name} {report}: drafted in {secs:.1f} s  -> {md}")
            print(f"citation precision: {ok}/{n} = {ok / max(n, 1):.3f}")
            for f in fails[: (50 if args.verbose else 8)]:
                print(f"   FAIL {f[0]} {f[2]} | {f[1][:90]}")
            outline = load_outline(report, res.run_dir / "outline.yaml")
            pl = draft_eval.placement(res.sections, outline, typer)
            draft_eval.print_placement(pl, args.verbose)
            empty = no_evidence_sections(res.sections)
            print(f"sections with no evidence: {len(empty)} of {len(res.sections) - 1}: {', '.join(empty) or '-'}")
            counts, findings = checker_counts(md, report)
            print("review checker: " + (", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "no findings"))
            if args.verbose:
                for f in findings:
                    print(f"   {f.level} {f.category} {f.rule_id} [{f.section}] {f.message[:90]}")
            summary.append((folder.name, report, ok, n, pl, len(empty), counts))
    print("\nSUMMARY  probe/report: citation precision | misplaced, targets-as-results, dangling | "
          "duplicated figures | source chains | sections with no evidence | checker errors/warnings")
    for name, report, ok, n, pl, empty, counts in summary:
        errs = sum(v for k, v in counts.items() if k.endswith("/error"))
        warns = sum(v for k, v in counts.items() if k.endswith("/warning"))
        print(f"   {name}/{report}: {ok}/{n} = {ok / max(n, 1):.3f} | {len(pl['misplaced'])}, "
              f"{len(pl['target_as_result'])}, {len(pl['dangling'])} | {len(pl['dup_figures'])} | "
              f"{len(pl['chains'])}/{len(pl['named_per_para'])} | {empty} | {errs}/{warns}")
    print(f"drafts in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
