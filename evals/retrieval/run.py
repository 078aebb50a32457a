"""Retrieval eval: recall@1, recall@5 and MRR of keyword-only, dense-only and hybrid search
on the labelled questions over the sample corpus.

    python evals/retrieval/run.py [--index DIR] [--chunk-size N] [--json]

Builds a fresh index of corpus/nev/sources in a temp folder unless --index is given. Each question's
per-method rank is written to evals/retrieval/last_run.jsonl so any figure can be traced to its cases.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO))

from assistant.config import Settings  # noqa: E402
from assistant.kb import KnowledgeBase  # noqa: E402

METHODS = {
    "keyword": dict(mode="keyword"),
    "dense": dict(mode="dense"),
    "hybrid-rrf": dict(mode="hybrid", fusion="rrf"),
    "hybrid-weighted": dict(mode="hybrid", fusion="weighted"),
}


def load_questions(path: Path = HERE / "questions.jsonl") -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def rank_of(hits, gold: str) -> int | None:
    for i, h in enumerate(hits, start=1):
        if Path(h.source).name == gold:
            return i
    return None


def evaluate(kb: KnowledgeBase, questions: list[dict], k: int = 10) -> tuple[dict, list[dict]]:
    per_case = []
    scores: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for q in questions:
        row = {"id": q["id"], "type": q["type"], "question": q["question"], "gold": q["gold_source"]}
        for name, kwargs in METHODS.items():
            r = rank_of(kb.search(q["question"], top_k=k, **kwargs), q["gold_source"])
            row[name] = r
            for bucket in ("all", q["type"]):
                scores[name + "|" + bucket]["r1"].append(1.0 if r == 1 else 0.0)
                scores[name + "|" + bucket]["r5"].append(1.0 if r and r <= 5 else 0.0)
                scores[name + "|" + bucket]["mrr"].append(1.0 / r if r else 0.0)
        per_case.append(row)
    table = {key: {m: sum(v) / len(v) for m, v in d.items()} | {"n": len(d["r1"])} for key, d in scores.items()}
    return table, per_case


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index", help="an existing index of corpus/nev/sources (default: build a fresh one)")
    ap.add_argument("--chunk-size", type=int, default=None)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    questions = load_questions()
    tmp = None
    if args.index:
        kb = KnowledgeBase(Settings.from_env(index_dir=args.index))
    else:
        tmp = tempfile.TemporaryDirectory()
        kb = KnowledgeBase(Settings.from_env(index_dir=tmp.name, chunk_size=args.chunk_size))
        t0 = time.perf_counter()
        report = kb.ingest([REPO / "corpus" / "nev" / "sources"])
        print(f"索引：{report.chunks_total} 块，{time.perf_counter() - t0:.1f} 秒", file=sys.stderr)
    t0 = time.perf_counter()
    table, cases = evaluate(kb, questions)
    elapsed = time.perf_counter() - t0
    (HERE / "last_run.jsonl").write_text("\n".join(json.dumps(c, ensure_ascii=False) for c in cases) + "\n",
                                         encoding="utf-8")
    if args.json:
        print(json.dumps(table, ensure_ascii=False, indent=2))
        return 0
    types = sorted({q["type"] for q in questions})
    print(f"检索评测：{len(questions)} 个问题，{kb.count()} 个分块，"
          f"{len(questions) * len(METHODS)} 次检索用时 {elapsed:.1f} 秒")
    print(f"{'method':18s} {'recall@1':>9s} {'recall@5':>9s} {'MRR':>7s}   " + "  ".join(f"{t}@5" for t in types))
    for name in METHODS:
        a = table[name + "|all"]
        per_type = "  ".join(f"{table[name + '|' + t]['r5']:.2f}".rjust(len(t) + 2) for t in types)
        print(f"{name:18s} {a['r1']:9.3f} {a['r5']:9.3f} {a['mrr']:7.3f}   {per_type}")
    misses = [c for c in cases if not (c["hybrid-rrf"] and c["hybrid-rrf"] <= 5)]
    if misses:
        print("hybrid-rrf 未在前 5 命中：", ", ".join(f"{c['id']}({c['type']})" for c in misses))
    if tmp:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
