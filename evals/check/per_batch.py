"""One category per batch over the recent dev batches (t up to the last one moved to dev), for judging a rule change
batch by batch.

    CIE_CHECK_LEARNED=0 python -m evals.check.per_batch [--category evidence] [--labels labels_adj] [--save FILE] [--diff FILE]

Prints, per batch, precision / recall / F1 of the category (objectivity by default) against labeller A (or, with
`--labels labels_adj`, the adjudicated labels where a batch has them, A's elsewhere) and the category's false flags in
releases and news (per 10k characters). `--save` writes every objectivity finding (document, span, rule, labelled or clean);
`--diff` compares with a saved run and lists, per batch, the findings added and removed (labelled / clean), which is
the per-batch table a candidate class is judged by. The next blind batch is never read here.
"""
from __future__ import annotations

import argparse
import json
from collections import defaultdict

import yaml

from assistant.check import check_file
from evals.check.real import BATCHES, REAL, current_test, label_spans, load_labels, _split

FIRST = "sixteenth_test"  # t: the first batch of the recent run of batches judged one by one
OFFICIAL = {"release", "news"}


def recent_batches(split: dict) -> list[tuple[str, str]]:
    """(split key, letter) of every batch from t on that is present and not the current (blind) test batch."""
    keys = [k for k, _, _ in BATCHES]
    cur = current_test(split)
    return [(k, letter) for k, letter, _ in BATCHES[keys.index(FIRST):] if split.get(k) and k != cur]


def run(category: str = "objectivity", labels_dir: str = "labels") -> tuple[dict, list[dict]]:
    split = _split()
    records = {d["id"]: d for d in yaml.safe_load((REAL / "records.yaml").read_text(encoding="utf-8"))["documents"]}
    rows, found = {}, []
    for key, letter in recent_batches(split):
        r = defaultdict(int)
        for did in split[key]:
            res = check_file(REAL / "docs" / f"{did}.txt", categories={category})
            text = res.document.text
            ldir = labels_dir if (REAL / labels_dir / f"{did}.yaml").exists() else "labels"
            spans = [(s, e) for c, s, e, _ in label_spans(did, text, load_labels(did, ldir)) if c == category]
            kind = records[did]["kind"]
            if kind in OFFICIAL:
                r["chars"] += len(text)
            fs = [f for f in res.findings if f.category == category]
            for f in fs:
                ok = any(f.span[0] < e and s < f.span[1] for s, e in spans)
                r["tp" if ok else "fp"] += 1
                if not ok and kind in OFFICIAL:
                    r["fp_official"] += 1
                found.append({"doc": did, "batch": letter, "start": f.span[0], "end": f.span[1], "rule": f.rule_id,
                              "text": f.text, "labelled": ok})
            for s, e in spans:
                r["hit" if any(f.span[0] < e and s < f.span[1] for f in fs) else "miss"] += 1
        rows[letter] = dict(r)
    return rows, found


def f1(r: dict) -> tuple[float, float, float]:
    p = r.get("tp", 0) / max(1, r.get("tp", 0) + r.get("fp", 0))
    rec = r.get("hit", 0) / max(1, r.get("hit", 0) + r.get("miss", 0))
    return p, rec, (2 * p * rec / (p + rec) if p + rec else 0.0)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--save")
    ap.add_argument("--diff")
    ap.add_argument("--category", default="objectivity", choices=("objectivity", "evidence", "consistency"))
    ap.add_argument("--labels", default="labels", choices=("labels", "labels_adj"))
    args = ap.parse_args()
    rows, found = run(args.category, args.labels)
    old = json.load(open(args.diff, encoding="utf-8")) if args.diff else None
    fp_off = chars = 0
    for letter, r in rows.items():
        p, rec, f = f1(r)
        line = f"{letter}  P {p:.3f} ({r.get('tp', 0)}/{r.get('tp', 0) + r.get('fp', 0)})  R {rec:.3f} " \
               f"({r.get('hit', 0)}/{r.get('hit', 0) + r.get('miss', 0)})  F1 {f:.4f}  rel+news fp {r.get('fp_official', 0)}"
        if old and letter in old["rows"]:
            _, _, f0 = f1(old["rows"][letter])
            line += f"  ΔF1 {f - f0:+.4f}  Δfp_official {r.get('fp_official', 0) - old['rows'][letter].get('fp_official', 0):+d}"
        print(line)
        fp_off += r.get("fp_official", 0)
        chars += r.get("chars", 0)
    print(f"release+news {args.category} false flags over the {len(rows)} batches: {fp_off} / {chars} = {fp_off / chars * 1e4:.2f} per 10k")
    if old:
        key = lambda d: (d["doc"], d["start"], d["end"], d["rule"])
        a, b = {key(d): d for d in old["found"]}, {key(d): d for d in found}
        for tag, ks, src in (("+", b.keys() - a.keys(), b), ("-", a.keys() - b.keys(), a)):
            for k in sorted(ks):
                d = src[k]
                print(f" {tag} {d['doc']} {'L' if d['labelled'] else 'clean'} [{d['rule']}] {d['text']}")
    if args.save:
        json.dump({"rows": rows, "found": found}, open(args.save, "w", encoding="utf-8"), ensure_ascii=False)


if __name__ == "__main__":
    main()
