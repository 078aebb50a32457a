"""Calibrate the chat's abstain threshold (`assistant.chat.GROUNDED_MIN_COVERAGE`).

    python evals/chat/calibration.py [--index DIR] [--json]

Answerable questions: evals/retrieval/questions.jsonl (each has a gold source and answer string).
Unanswerable ones: evals/chat/unanswerable.jsonl (other industries, facts not in the sample corpus).
For every question it records the best sentence's coverage of the question's weighted terms, whether
the extractive answer contains the gold answer and cites the gold source, and then reports, for a
range of thresholds, how many answerable questions would be answered and how many unanswerable
ones would be (wrongly) answered. Builds a fresh index of corpus/sources unless --index is given.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO))

from assistant import chat  # noqa: E402
from assistant.config import Settings  # noqa: E402
from assistant.kb import KnowledgeBase  # noqa: E402


def load(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def norm(s: str) -> str:
    return re.sub(r"\s+", "", s)


def measure(kb, questions: list[dict], answerable: bool) -> list[dict]:
    rows = []
    for q in questions:
        hits = kb.search(q["question"], top_k=5)
        text, cites, cov, grounded = chat.extractive(q["question"], hits, kb)
        best = chat.score_sentences(q["question"], hits, kb)
        agreed = bool(best) and hits[best[0].hit_index].keyword_rank == 1 and hits[best[0].hit_index].dense_rank == 1
        row = {"id": q["id"], "question": q["question"], "answerable": answerable, "coverage": round(cov, 4),
               "agreed": agreed, "grounded": grounded, "answer": text}
        if answerable:
            row["contains_gold"] = norm(q["answer"]) in norm(text)
            row["cites_gold"] = any(Path(c.source).name == q["gold_source"] for c in cites)
        rows.append(row)
    return rows


def sweep(rows: list[dict]) -> list[dict]:
    pos = [r for r in rows if r["answerable"]]
    neg = [r for r in rows if not r["answerable"]]
    out = []
    for i in range(30, 91, 2):
        t = i / 100
        answered = [r for r in pos if r["coverage"] >= t]
        out.append({"threshold": t,
                    "answered": len(answered), "answerable": len(pos),
                    "answered_correct": sum(r["contains_gold"] for r in answered),
                    "false_answers": sum(r["coverage"] >= t for r in neg), "unanswerable": len(neg)})
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index", help="已导入 corpus/sources 的知识库目录（默认新建临时索引）")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if args.index:
        kb = KnowledgeBase.open(args.index, must_exist=True)
    else:
        kb = KnowledgeBase(Settings.from_env(index_dir=tempfile.mkdtemp(prefix="chat-cal-")))
        kb.ingest([REPO / "corpus" / "sources"])
    rows = measure(kb, load(REPO / "evals" / "retrieval" / "questions.jsonl"), True)
    rows += measure(kb, load(HERE / "unanswerable.jsonl"), False)
    table = sweep(rows)
    pos = [r for r in rows if r["answerable"]]
    neg = [r for r in rows if not r["answerable"]]
    current = {"answered": sum(r["grounded"] for r in pos), "answerable": len(pos),
               "answered_correct": sum(r["grounded"] and r["contains_gold"] for r in pos),
               "cites_gold": sum(r["grounded"] and r["cites_gold"] for r in pos),
               "false_answers": sum(r["grounded"] for r in neg), "unanswerable": len(neg)}
    (HERE / "last_run.jsonl").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    if args.json:
        print(json.dumps({"current": current, "coverage_only": table}, ensure_ascii=False, indent=2))
        return 0
    print(f"当前规则：覆盖率 ≥ {chat.GROUNDED_MIN_COVERAGE}，或两种检索都排第一且覆盖率 ≥ {chat.AGREED_MIN_COVERAGE}")
    print(f"  可答题作答 {current['answered']}/{current['answerable']}（含标准答案 {current['answered_correct']}，"
          f"引用了标准来源 {current['cites_gold']}）；不可答题误答 {current['false_answers']}/{current['unanswerable']}")
    print("只看覆盖率时：")
    print("阈值   可答题作答  其中含标准答案  不可答题误答")
    for r in table:
        mark = " ←" if abs(r["threshold"] - chat.GROUNDED_MIN_COVERAGE) < 1e-9 else ""
        print(f"{r['threshold']:.2f}   {r['answered']:3d}/{r['answerable']}     {r['answered_correct']:3d}"
              f"            {r['false_answers']:2d}/{r['unanswerable']}{mark}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
