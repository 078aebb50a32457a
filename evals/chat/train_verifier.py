"""Compare answer verifiers on the dev-half candidates (evals/chat/verifier_data.py writes them).

    python evals/chat/train_verifier.py --cache DIR

Per question part, the sentence the chat would pick (the best-scored one passing every check of
`chat.score_sentences`) is answered or not by:
- rule: `chat.is_grounded` (coverage thresholds, keyword/dense agreement, very high similarity);
- rule+paraphrase: also `chat_verifier.paraphrase_ok` with assistant/data/chat_verifier.yaml (shipped);
- logistic regression on `chat_verifier.FEATURES` (scikit-learn), 10-fold cross-validation over the
  dev parts (3 shuffles averaged), at several probability thresholds (not shipped: on dev it did not
  answer more without answering wrong more; the dev half holds ~16 unanswerable parts with a passing
  candidate, too few to learn near misses from).
"Right" here is the picked sentence holding the gold answer (the chat may add up to two more
sentences, so `calibration.py`'s figures can be a little higher). Only dev halves are read.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from assistant import chat  # noqa: E402
from assistant.chat_verifier import FEATURES, features, load_settings, paraphrase_ok  # noqa: E402


def picked(rec: dict) -> dict | None:
    return next((c for c in rec["candidates"] if c["scope_ok"] and not c["year_conflict"]), None)


def rule(rec: dict, c: dict) -> bool:
    hit = type("Hit", (), {"keyword_rank": c["keyword_rank"], "dense_rank": c["dense_rank"]})()
    best = chat._Scored(c["sentence"], c["hit_index"], c["coverage"], c["score"], sim=c["sim"])
    return chat.is_grounded(c["coverage"], hit, best)


def table(recs: list[dict], answered: list[bool], name: str) -> None:
    sets: dict[str, list[int]] = {}
    for rec, ans in zip(recs, answered):
        d = sets.setdefault(rec["set"], [0, 0, 0])
        d[0] += 1
        if ans:
            c = picked(rec)
            d[1 if rec["answerable"] and c["label"] else 2] += 1
    print(name)
    for k, (n, right, wrong) in sorted(sets.items()):
        print(f"  {k:28s} n={n:3d}  答对 {right / n:6.1%}  答错/误答 {wrong / n:6.1%}")


def logistic_cv(recs: list[dict], thresholds=(0.5, 0.7, 0.8, 0.9)) -> None:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import KFold

    rows = [i for i, r in enumerate(recs) if picked(r) is not None]
    X = np.array([features(recs[i], picked(recs[i])) for i in rows])
    y = np.array([picked(recs[i])["label"] for i in rows])
    p = np.zeros(len(y))
    for seed in range(3):
        for tr, te in KFold(10, shuffle=True, random_state=seed).split(X):
            mu, sd = X[tr].mean(0), X[tr].std(0) + 1e-9
            m = LogisticRegression(C=1.0, max_iter=3000).fit((X[tr] - mu) / sd, y[tr])
            p[te] += m.predict_proba((X[te] - mu) / sd)[:, 1] / 3
    prob = dict(zip(rows, p))
    for t in thresholds:
        table(recs, [prob.get(i, 0.0) >= t for i in range(len(recs))], f"logistic regression (CV), P ≥ {t}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", required=True)
    args = ap.parse_args(argv)
    path = Path(args.cache) / "verifier_candidates.jsonl"
    recs = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    settings = load_settings()
    base = [bool(c) and rule(r, c) for r, c in ((r, picked(r)) for r in recs)]
    table(recs, base, "rule (chat.is_grounded)")
    table(recs, [b or (picked(r) is not None and paraphrase_ok(r, picked(r), settings)) for r, b in zip(recs, base)],
          "rule + paraphrase_ok (shipped)")
    logistic_cv(recs)
    print(f"features: {', '.join(FEATURES)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
