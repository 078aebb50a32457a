"""Unlabelled consistency audit (issue 9, round 27): every consistency finding (rules only) on all real text but the
current test batch — evals/check/real/docs and the probe pages under evals/draft/probe/<folder>/sources — each marked
with whether labeller A's (`A`) or the adjudicated (`ADJ`) labels overlap it; and the hand-written paragraphs.

    python -m evals.check.consistency_audit OUT.json --skip ab --folders industrial_robot,elderly_care,cold_chain,civil_aviation
    python -m evals.check.consistency_audit --diff BEFORE.json AFTER.json   # every finding added or removed
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import re

import yaml

from assistant.check import check_file, check_text

REAL = "evals/check/real"


def _labels(doc: str, folder: str) -> list[str]:
    path = f"{REAL}/{folder}/{doc}.yaml"
    if not os.path.exists(path):
        return []
    labels = yaml.safe_load(open(path, encoding="utf-8"))["labels"] or []
    return [lab["span"] for lab in labels if lab["category"] == "consistency"]


def _overlaps(text: str, span, labels: list[str]) -> bool:
    for lab in labels:
        for m in re.finditer(re.escape(lab), text):
            if span[0] < m.end() and m.start() < span[1]:
                return True
    return False


def audit(skip: str, folders: list[str]) -> dict:
    paths = [p for p in sorted(glob.glob(f"{REAL}/docs/*.txt")) if not os.path.basename(p).startswith(skip)]
    for folder in folders:
        paths += sorted(glob.glob(f"evals/draft/probe/{folder}/sources/*.txt"))
    out = {}
    for path in paths:
        name = os.path.basename(path)[:-4] if "/docs/" in path else path.split("/")[3] + "/" + os.path.basename(path)[:-4]
        result = check_file(path, categories={"consistency"}, learned=False)
        text = result.document.text
        a, adj = _labels(name, "labels"), _labels(name, "labels_adj")
        out[name] = sorted([f.rule_id, list(f.span), text[f.span[0]:f.span[1]][:80], f.line,
                            "A" if _overlaps(text, f.span, a) else "-", "ADJ" if _overlaps(text, f.span, adj) else "-"]
                           for f in result.findings)
    items = yaml.safe_load(open("evals/check/data/consistency_paragraphs.yaml", encoding="utf-8"))["paragraphs"]
    for item in items:
        result = check_text(item["text"], report="industry-analysis", categories={"consistency"})
        out["P:" + item["id"]] = sorted([f.rule_id, list(f.span), f.text[:80], f.line] for f in result.findings)
    return out


def diff(before: dict, after: dict) -> list[str]:
    lines = []
    for doc in sorted(set(before) | set(after)):
        x = {tuple(map(str, f)) for f in before.get(doc, [])}
        y = {tuple(map(str, f)) for f in after.get(doc, [])}
        lines += [f"REMOVED {doc} {f}" for f in sorted(x - y)] + [f"ADDED {doc} {f}" for f in sorted(y - x)]
    return lines


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", nargs="?")
    ap.add_argument("--skip", default="ab", help="leave out documents whose name starts with this (the test batch)")
    ap.add_argument("--folders", default="industrial_robot,elderly_care,cold_chain,civil_aviation")
    ap.add_argument("--diff", nargs=2, metavar=("BEFORE", "AFTER"))
    args = ap.parse_args()
    if args.diff:
        lines = diff(*(json.load(open(p, encoding="utf-8")) for p in args.diff))
        print("\n".join(lines + [f"changes {len(lines)}"]))
        return
    res = audit(args.skip, [f for f in args.folders.split(",") if f])
    json.dump(res, open(args.out, "w", encoding="utf-8"), ensure_ascii=False, indent=0)
    real = {k: v for k, v in res.items() if not k.startswith("P:")}
    print(len(real), "texts,", sum(len(v) for v in real.values()), "findings;",
          sum(1 for v in real.values() for f in v if f[4] == "-" and f[5] == "-"), "overlap no label")


if __name__ == "__main__":
    main()
