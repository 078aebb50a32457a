"""Leave-one-set-out evaluation (and fit) of the acceptance model of the extractive chat.

    python evals/chat/train_acceptance.py --data FILE [--thresholds 0.5,0.6,...] [--fit T]

FILE is what evals/chat/acceptance_data.py writes (the dev halves as set "dev" and the read fresh
sets). Per question part, the sentence the chat would pick (the best-scored one passing every check)
is answered when the shipped rule says so (`chat.is_grounded`, then `chat_verifier.paraphrase_ok`),
or, with the model, when the logistic regression on `chat_verifier.ACCEPT_FEATURES` gives it at least
the threshold. The model only sees parts the rule does not answer (that is where it applies). For
each group (dev, fresh, fresh2, …) the model is fitted on all other groups and scored on it: the
figures printed are held-out figures. A question counts as answered when any part is, right when an
answered part's sentence holds the gold answer (the chat may add sentences, so calibration.py can be
a little higher). --fit T fits on every group and prints the YAML block for
assistant/data/chat_verifier.yaml with threshold T.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from assistant import chat  # noqa: E402
from assistant.chat_verifier import ACCEPT_FEATURES, accept_features, load_settings, paraphrase_ok  # noqa: E402


def picked(rec: dict) -> dict | None:
    return next((c for c in rec["candidates"] if c["scope_ok"] and not c["year_conflict"]), None)


def rule(rec: dict, c: dict, settings: dict) -> bool:
    hit = type("Hit", (), {"keyword_rank": c["keyword_rank"], "dense_rank": c["dense_rank"]})()
    best = chat._Scored(c["sentence"], c["hit_index"], c["coverage"], c["score"], sim=c["sim"])
    if chat.is_grounded(c["coverage"], hit, best):
        return True
    return bool(c["sim"]) and paraphrase_ok(rec, c, settings)


def tally(recs: list[dict], answered: list[bool]) -> dict[str, list[int]]:
    """Per set: [questions, right, wrong] at question level."""
    qs: dict[tuple, list] = defaultdict(lambda: [False, False])
    for rec, ans in zip(recs, answered):
        key = (rec["set"], rec["id"])
        q = qs[key]
        if ans:
            q[0] = True
            q[1] = q[1] or (rec["answerable"] and bool(picked(rec)["label"]))
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for (s, _), (ans, right) in qs.items():
        d = out[s]
        d[0] += 1
        d[1] += right
        d[2] += ans and not right
    return dict(sorted(out.items()))


def fit(X: np.ndarray, y: np.ndarray, c: float = 1.0):
    from sklearn.linear_model import LogisticRegression

    mu, sd = X.mean(0), X.std(0) + 1e-9
    m = LogisticRegression(C=c, max_iter=5000).fit((X - mu) / sd, y)
    return mu, sd, m


def loso(recs: list[dict], base: list[bool], thresholds: list[float]) -> dict[float, list[bool]]:
    groups = sorted({r["group"] for r in recs})
    rows = [i for i, r in enumerate(recs) if not base[i] and picked(r) is not None]
    X = np.array([accept_features(recs[i], picked(recs[i])) for i in rows])
    y = np.array([picked(recs[i])["label"] for i in rows])
    g = np.array([recs[i]["group"] for i in rows])
    prob = np.zeros(len(rows))
    for grp in groups:
        te = g == grp
        if not te.any():
            continue
        mu, sd, m = fit(X[~te], y[~te])
        prob[te] = m.predict_proba((X[te] - mu) / sd)[:, 1]
    p = dict(zip(rows, prob))
    return {t: [b or p.get(i, 0.0) >= t for i, b in enumerate(base)] for t in thresholds}


def show(name: str, t: dict[str, list[int]]) -> None:
    print(name)
    for k, (n, right, wrong) in t.items():
        print(f"  {k:24s} n={n:4d}  答对 {right / n:6.1%}  答错/误答 {wrong / n:6.1%}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", required=True)
    ap.add_argument("--thresholds", default="0.5,0.6,0.7,0.8")
    ap.add_argument("--fit", type=float, help="在全部题集上拟合，打印 chat_verifier.yaml 的模型段（给出阈值）")
    args = ap.parse_args(argv)
    recs = [json.loads(x) for x in Path(args.data).read_text(encoding="utf-8").splitlines() if x.strip()]
    settings = load_settings()
    base = [picked(r) is not None and rule(r, picked(r), settings) for r in recs]
    if args.fit is not None:
        rows = [i for i, r in enumerate(recs) if not base[i] and picked(r) is not None]
        X = np.array([accept_features(recs[i], picked(recs[i])) for i in rows])
        y = np.array([picked(recs[i])["label"] for i in rows])
        mu, sd, m = fit(X, y)
        print(f"# 拟合于 {len(rows)} 个规则不作答的问题部分（{int(y.sum())} 个正例）")
        print("accept_model:")
        print(f"  threshold: {args.fit}")
        print(f"  intercept: {float(m.intercept_[0]):.6f}")
        print("  weights:")
        for name, w, a, b in zip(ACCEPT_FEATURES, m.coef_[0], mu, sd):
            print(f"    {name}: [{float(w):.6f}, {float(a):.6f}, {float(b):.6f}]  # 权重、均值、标准差")
        return 0
    show("rule (shipped: is_grounded + paraphrase_ok)", tally(recs, base))
    for t, ans in loso(recs, base, [float(x) for x in args.thresholds.split(",")]).items():
        show(f"rule + model (leave one set out), P ≥ {t}", tally(recs, ans))
    return 0


if __name__ == "__main__":
    sys.exit(main())
