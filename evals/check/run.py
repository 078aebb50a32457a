"""Evaluate the review checker on the labelled dev set and print the figures.

    python -m evals.check            # or: python evals/check/run.py
    python -m evals.check --verbose  # also list every false positive and miss
    python -m evals.check --show-blind  # also list the blind set's misses (don't tune rules on them)

Data (evals/check/data/):
  paragraphs_clean.txt    clean official-style paragraphs (no finding expected)
  paragraphs_defect.txt   paragraphs with labelled defects (“@ 类别: 原文片段”)
  paragraphs_heldout*.txt written before the rule changes they could have driven; reported separately
  reports.yaml            full reports (MD, TXT, DOCX, PDF) with planted, labelled defects
  notice.txt              the Ministry notice, checked as one clean official text
  heldout_blind.yaml      blind set written before reading rules/data (issue 4); reported separately
Matching: a finding is a true positive when it has the label's category and its span overlaps the
label's quote; a label is recalled when such a finding exists.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from assistant.check import check_file, check_text, default_rules  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"
SPAN_CATS = ("objectivity", "evidence", "consistency")
PARA_CATS = {"objectivity", "evidence", "consistency"}


def load_paragraphs(path: Path) -> list[dict]:
    items = []
    for block in re.split(r"^## ", path.read_text(encoding="utf-8"), flags=re.M)[1:]:
        head, _, body = block.partition("\n")
        lines = [ln for ln in body.strip().split("\n")]
        text = "\n".join(ln for ln in lines if not ln.startswith("@")).strip()
        labels = []
        for ln in lines:
            if ln.startswith("@"):
                cat, _, quote = ln[1:].partition(":")
                quote, _, note = quote.partition("  #")
                labels.append({"cat": cat.strip(), "quote": quote.strip(), "note": note.strip()})
        items.append({"id": head.strip().split()[0], "text": text, "labels": labels, "file": path.name})
    return items


def load_yaml_paragraphs(path: Path) -> list[dict]:
    """The blind set's YAML: {paragraphs: [{id, text, labels: [{category, span}]}]}."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [{"id": it["id"], "text": it["text"], "file": path.name,
             "labels": [{"cat": lab["category"], "quote": lab["span"], "note": ""} for lab in it.get("labels") or []]}
            for it in data["paragraphs"]]


def locate(text: str, quote: str, where: str) -> tuple[int, int]:
    i = text.find(quote)
    if i < 0:
        raise SystemExit(f"标注片段不在原文中：{where}：{quote!r}")
    return i, i + len(quote)


class Tally:
    def __init__(self):
        self.tp = defaultdict(int)
        self.fp = defaultdict(int)
        self.fn = defaultdict(int)
        self.recalled = defaultdict(int)
        self.errors: list[str] = []

    def score(self, where: str, text: str, findings, labels, cats):
        def covers(f, lab, s, e):
            if lab.get("rule"):
                return f.rule_id == lab["rule"]
            return f.category == lab["cat"] and f.span[0] < e and s < f.span[1]

        spans = [(lab["cat"], *((-1, -1) if lab.get("rule") else locate(text, lab["quote"], where))) for lab in labels]
        for f in findings:
            if f.category not in cats:
                continue
            hit = any(covers(f, lab, s, e) for (c, s, e), lab in zip(spans, labels))
            if hit:
                self.tp[f.category] += 1
            else:
                self.fp[f.category] += 1
                self.errors.append(f"误报 {where} [{f.rule_id}] “{f.text}” — {f.message}")
        for (c, s, e), lab in zip(spans, labels):
            if c not in cats:
                continue
            if any(covers(f, lab, s, e) for f in findings):
                self.recalled[c] += 1
            else:
                self.fn[c] += 1
                self.errors.append(f"漏报 {where} [{c}] “{lab.get('quote') or lab.get('rule')}”")

    def line(self, cat: str) -> str:
        tp, fp = self.tp[cat], self.fp[cat]
        rec, fn = self.recalled[cat], self.fn[cat]
        p = tp / (tp + fp) if tp + fp else float("nan")
        r = rec / (rec + fn) if rec + fn else float("nan")
        return f"  {cat:<12} precision {p:5.3f} ({tp}/{tp + fp})   recall {r:5.3f} ({rec}/{rec + fn})"


def run_paragraphs(files: list[str], tally: Tally) -> tuple[int, int, int]:
    """Returns (clean chars, clean false positives, paragraph count)."""
    clean_chars = clean_fp = n = 0
    for name in files:
        loader = load_yaml_paragraphs if name.endswith(".yaml") else load_paragraphs
        for it in loader(DATA / name):
            n += 1
            res = check_text(it["text"], report="industry-analysis", categories=PARA_CATS)
            tally.score(f"{name}#{it['id']}", res.document.text, res.findings, it["labels"], PARA_CATS)
            if not it["labels"]:
                clean_chars += len(it["text"])
                clean_fp += sum(1 for f in res.findings if f.category in PARA_CATS)
    return clean_chars, clean_fp, n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m evals.check")
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--show-blind", action="store_true",
                    help="also list the blind set's individual misses and false positives (off by default so that "
                         "nobody tunes rules on them; aggregate figures are always printed)")
    ap.add_argument("--real", action="store_true", help="only the real-document set and the consistency paragraphs")
    ap.add_argument("--show-test", action="store_true", help="also list the real test half's individual errors")
    ap.add_argument("--dev-only", action="store_true",
                    help="the real set's dev half only, also in the full run (for tuning rules without seeing test figures)")
    args = ap.parse_args(argv)
    from evals.check.real import report as real_report

    if args.real:
        real_report(show_test=args.show_test, dev_only=args.dev_only)
        return 0
    t0 = time.perf_counter()
    default_rules()
    print(f"规则加载 {time.perf_counter() - t0:.2f}s")

    # 1. paragraphs (dev) and held-out
    dev, held = Tally(), Tally()
    cc, cfp, n_dev = run_paragraphs(["paragraphs_clean.txt", "paragraphs_defect.txt"], dev)
    hc, hfp, n_held = run_paragraphs(["paragraphs_heldout.txt", "paragraphs_heldout2.txt"], held)
    held3 = Tally()
    h3c, h3fp, n_held3 = run_paragraphs(["paragraphs_heldout3.txt"], held3)
    blind = Tally()
    blind_file = DATA / "heldout_blind.yaml"
    bc = bfp = n_blind = 0
    if blind_file.exists():
        bc, bfp, n_blind = run_paragraphs([blind_file.name], blind)

    # 2. the notice as one clean official text (span-level categories only: it is not a report)
    notice = (DATA / "notice.txt").read_text(encoding="utf-8")
    nres = check_text(notice, report="industry-analysis", categories=PARA_CATS)
    notice_fp = len(nres.findings)

    # 3. full reports with planted defects
    spec = yaml.safe_load((DATA / "reports.yaml").read_text(encoding="utf-8"))
    rep = Tally()
    ms_found = ms_total = 0
    unscored = defaultdict(int)
    report_clean_chars = report_clean_fp = 0
    rows = []
    for r in spec["reports"]:
        path = DATA / r["file"]
        res = check_file(path, report=r.get("report"))
        text = res.document.text
        cats = set(SPAN_CATS) | {"timeliness"}
        rep.score(r["file"], text, res.findings, r.get("labels") or [], cats)
        if r.get("clean"):
            report_clean_chars += len(text)
            report_clean_fp += sum(1 for f in res.findings if f.category in cats)
        detected = res.report
        missing = set(r.get("missing_sections") or [])
        outline_titles = {s["id"]: s["title"] for s in res.summary["sections"]}
        flagged = {f.text for f in res.findings if f.rule_id == "completeness.missing-section"}
        found = {m for m in missing if outline_titles.get(m) in flagged}
        extra_missing = flagged - {outline_titles[m] for m in missing}
        ms_found += len(found)
        ms_total += len(missing)
        for f in res.findings:
            if f.category == "completeness" and f.rule_id != "completeness.missing-section":
                unscored[f.rule_id] += 1
        if extra_missing:
            rep.errors.append(f"误报 {r['file']} 缺少章节：{'、'.join(sorted(extra_missing))}")
        if missing - found:
            rep.errors.append(f"漏报 {r['file']} 缺少章节：{'、'.join(sorted(missing - found))}")
        rows.append(f"  {r['file']:<28} {res.document.file_type:<4} 识别为 {detected:<17} {len(res.findings):>3} 条发现，"
                    f"缺章 {len(found)}/{len(missing)}，报告日期 {res.summary.get('report_date')}，"
                    f"最新数据 {res.summary.get('newest_data_year')}")
        for qid, status in (r.get("expect_scorecard") or {}).items():
            got = {q["id"]: q["status"] for card in res.summary.get("scorecard", []) for q in card["quantities"]}
            if got.get(qid) != status:
                rep.errors.append(f"记分卡不符 {r['file']} {qid}：{got.get(qid)}，应为 {status}")
        if r.get("report") is None and r.get("expect_report") and detected != r["expect_report"]:
            rep.errors.append(f"报告类型识别错误 {r['file']}：{detected}，应为 {r['expect_report']}")

    # 4. timing: a 30,000-character report
    base = (DATA / spec["benchmark"]).read_text(encoding="utf-8")
    big = base
    while len(big) < 30000:
        big += "\n" + base.split("\n", 1)[1]
    big = big[:30000]
    check_text(big)  # warm-up
    times = []
    for _ in range(3):
        t = time.perf_counter()
        check_text(big)
        times.append(time.perf_counter() - t)

    # ---- print
    print(f"\n段落（开发集 {n_dev} 段：干净 {cc} 字）")
    for c in SPAN_CATS:
        print(dev.line(c))
    print(f"\n段落（留出集1+2 共 {n_held} 段：写于相应规则修改之前，但其漏报已用于一轮词表修正，见 README 的修正前数字）")
    for c in SPAN_CATS:
        print(held.line(c))
    print(f"\n段落（留出集3 共 {n_held3} 段：最后一轮修改之后写成，未再调规则——真实的泛化估计）")
    for c in SPAN_CATS:
        print(held3.line(c))
    if n_blind:
        print(f"\n段落（盲测集 heldout_blind.yaml 共 {n_blind} 段：在阅读规则与数据之前写成，不参与调参；不计入下方合计）")
        for c in SPAN_CATS:
            print(blind.line(c))
        print(f"  盲测集干净段落误报：{bfp} 条 / {bc} 字 = {bfp / bc * 10000:.2f} 条/万字")
    print(f"\n完整报告（{len(spec['reports'])} 篇，含 MD/TXT/DOCX/PDF）")
    for row in rows:
        print(row)
    for c in (*SPAN_CATS, "timeliness"):
        print(rep.line(c))
    print(f"  缺少章节召回 {ms_found}/{ms_total}" + ("（全部找到）" if ms_found == ms_total else ""))
    print(f"  未计分的完整性提示（要素、篇幅、清单、指标）：{dict(unscored)}")
    total = Tally()
    for t in (dev, held, held3, rep):
        for d in ("tp", "fp", "fn", "recalled"):
            for k, v in getattr(t, d).items():
                getattr(total, d)[k] += v
    print("\n合计（开发集+三批留出集+完整报告）")
    for c in (*SPAN_CATS, "timeliness"):
        print(total.line(c))
    clean_chars = cc + hc + h3c + len(notice) + report_clean_chars
    clean_fp = cfp + hfp + h3fp + notice_fp + report_clean_fp
    print(f"\n干净文本误报：{clean_fp} 条 / {clean_chars} 字 = {clean_fp / clean_chars * 10000:.2f} 条/万字"
          f"（其中通知原文 {len(notice)} 字误报 {notice_fp} 条；干净完整报告 {report_clean_chars} 字误报 {report_clean_fp} 条）")
    print(f"\n计时：{len(big)} 字报告 {min(times):.3f}s（3 次最快，{max(times):.3f}s 最慢；规则已加载）")
    real_report(show_test=args.show_test, show_dev=args.verbose, dev_only=args.dev_only)
    if args.verbose or True:
        errs = dev.errors + held.errors + held3.errors + rep.errors
        if errs:
            print(f"\n误报与漏报（{len(errs)}）：")
            for e in errs:
                print("  " + e)
        if args.show_blind and blind.errors:
            print(f"\n盲测集误报与漏报（{len(blind.errors)}）：")
            for e in blind.errors:
                print("  " + e)
    return 0


if __name__ == "__main__":
    sys.exit(main())
