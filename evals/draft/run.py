"""Drafting evals, printed by one command:  python evals/draft/run.py [--index DIR] [--out DIR]

- citation precision: share of cited sentences whose figures are all found in the cited source(s)
  (document text of the cited evidence, or the computed data of a cited data file) and, for document
  citations, whose wording is found there (≥ 60 % of the sentence's character bigrams, connectives
  like “据《…》，” removed); target ≥ 0.98
- coverage: characters per section vs target/min length; required elements; review-checker errors
- forecast back-test MAPE per method (industry sales series and postings demand series), whether a
  plausibility bound rejected the method (with the reason), and the chosen method's forecast with interval
- time to draft each report without an LLM after the knowledge base and embedder are loaded (≤ 60 s)
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from assistant.config import Settings  # noqa: E402
from assistant.draft.evidence import bigrams as _bigrams  # noqa: E402
from assistant.draft.pipeline import draft_report, numbers_in  # noqa: E402
from assistant.profile import load_profile  # noqa: E402
from assistant.outline import load_outline  # noqa: E402

CONNECTIVE = re.compile(r"^(另据|据)[^，]{0,60}，|^(同时|此外|与此同时)，")


def sentence_ok(s, refs) -> tuple[bool, str]:
    cited = [refs[k] for k in s.cites if k in refs]
    if not cited:
        return False, "cited key missing from reference list"
    allowed = set().union(*(numbers_in(r.text, strip_cites=False) for r in cited))
    extra = numbers_in(s.text) - allowed
    if extra:
        return False, f"figures not in source: {sorted(extra)}"
    if s.kind == "evidence":
        body = CONNECTIVE.sub("", s.text)
        b = _bigrams(body)
        src = set().union(*(_bigrams(r.text) for r in cited))
        if b and len(b & src) / len(b) < 0.6:
            return False, "wording not found in source"
    return True, ""


def print_forecast(fc: dict) -> None:
    """Per method: back-test MAPE and whether a plausibility bound rejected it; then the chosen
    method's forecast with its interval (and, for the share model, the market-total forecast)."""
    print(f"forecast {fc['name']} ({fc['unit']}), back-test held-out {fc['holdout_years']}:")
    for m, v in fc["mape"].items():
        why = fc.get("rejected", {}).get(m)
        mark = "chosen" if m == fc["method"] else ("REJECTED" if why else "ok")
        pts = ", ".join(f"{p:.1f}" for p in fc["all_points"].get(m, []))
        print(f"   {m:<15} MAPE={v:6.2f}%  {mark:<8}  forecast [{pts}]")
        for w in why or []:
            print(f"      bound: {w}")
    if fc.get("fallback"):
        print("   (every method broke a soft bound: fallback to the best without a hard violation)")
    print(f"   chosen {fc['method']}, {fc['level']}% interval:")
    for y, p, lo, hi in zip(fc["years"], fc["point"], fc["lower"], fc["upper"]):
        print(f"      {y}: {p:.1f}  [{lo:.1f}, {hi:.1f}]")
    sat = fc.get("saturation")
    if sat:
        ce = f"{100 * sat['ceiling']:.1f}%" if "ceiling" in sat else "n/a"
        se = f" (se {100 * sat['ceiling_se']:.1f} pp)" if sat.get("ceiling_se") is not None else ""
        print(f"   share model: logistic ceiling {ce}{se}, bound ≤ {100 * sat['ceiling_max']:.0f}%; "
              f"{sat['market']} from {sat['market_n']} points, {sat['market_method']}:")
        for y, p, lo, hi, sh in zip(sat["market_years"], sat["market_point"], sat["market_lower"],
                                    sat["market_upper"], sat["share_of_market"][fc["method"]]):
            print(f"      {y}: {sat['market']} {p:.1f} [{lo:.1f}, {hi:.1f}]  chosen forecast = {100 * sh:.1f}% of it")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--index", help="existing index of corpus/nev/sources (built into a temp dir if absent)")
    ap.add_argument("--out", default=None, help="folder for the drafts (default: a temp dir)")
    ap.add_argument("--year", type=int, default=2026)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)
    from assistant.kb import KnowledgeBase

    out = Path(args.out or tempfile.mkdtemp(prefix="draft-eval-"))
    out.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    if args.index:
        kb = KnowledgeBase.open(args.index)
    else:
        idx = out / "index"
        kb = KnowledgeBase.open(settings=Settings.from_env(index_dir=str(idx)), must_exist=False)
        kb.ingest([ROOT / "corpus" / "nev" / "sources"])
    kb.search("新能源汽车 销量", top_k=1)  # load the embedder before timing
    print(f"knowledge base ready in {time.perf_counter() - t:.1f} s (not counted)")
    data = sorted(str(p) for p in (ROOT / "corpus" / "nev" / "data").glob("*") if p.suffix in (".xlsx", ".csv"))
    total_ok = total = 0
    failures = []
    for report in ("industry-analysis", "talent-demand"):
        t = time.perf_counter()
        res = draft_report(report, kb, data, args.year, out / f"{report}.docx", settings=Settings(),
                           profile=load_profile(ROOT / "corpus" / "nev" / "profile.yaml"))
        secs = time.perf_counter() - t
        refs = {r.key: r for r in res.references}
        ok = n = 0
        for sd in res.sections:
            for b in sd.blocks:
                for s in b.sentences:
                    if not s.cites:
                        continue
                    n += 1
                    good, why = sentence_ok(s, refs)
                    ok += good
                    if not good:
                        failures.append((report, sd.id, s.text, why))
        total_ok += ok
        total += n
        print(f"\n== {report}: drafted in {secs:.1f} s (target ≤ 60 s)  outputs: {', '.join(p.name for p in res.outputs)}")
        print(f"citation precision: {ok}/{n} = {ok / max(n, 1):.3f}")
        outline = load_outline(report)
        print(f"{'section':<22}{'chars':>7}{'target':>8}{'min':>6}  ratio  missing elements")
        for sec, sd in zip(outline.sections, res.sections):
            chars = len(re.sub(r"\s|\|", "", sd.text))
            miss = [e.name for e in sec.required_elements if not e.found_in(sd.text)]
            ratio = f"{chars / sec.target_chars:.2f}" if sec.target_chars else "  - "
            flag = "" if chars >= sec.min_chars else "  BELOW MIN"
            print(f"{sec.id:<22}{chars:>7}{sec.target_chars:>8}{sec.min_chars:>6}  {ratio:>5}  {'、'.join(miss) or '-'}{flag}")
        try:
            from assistant.check.checker import check_file
            for p in res.outputs:
                if p.suffix in (".md", ".docx"):
                    r = check_file(p, report=report)
                    comp = [f for f in r.findings if f.category == "completeness" and f.level == "error"]
                    errs = [f for f in r.findings if f.level == "error"]
                    print(f"review checker on {p.name}: {len(comp)} completeness errors, {len(errs)} errors, "
                          f"{len(r.findings)} findings")
                    if args.verbose:
                        for f in r.findings:
                            print(f"   {f.level} {f.rule_id} {f.message[:100]}")
        except Exception as e:  # the checker is developed in parallel
            print(f"review checker failed: {type(e).__name__}: {e}")
        analysis = json.loads((res.run_dir / "analysis.json").read_text(encoding="utf-8"))
        for name, fc in analysis["forecasts"].items():
            print_forecast(fc)
    print(f"\nOVERALL citation precision: {total_ok}/{total} = {total_ok / max(total, 1):.3f} (target ≥ 0.98)")
    for f in failures[: (50 if args.verbose else 8)]:
        print("  FAIL", f[0], f[1], f[3], "|", f[2][:90])
    print(f"drafts in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
