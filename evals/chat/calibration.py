"""Calibrate the chat's abstain rule (`assistant.chat.is_grounded` and its thresholds).

    python evals/chat/calibration.py [--index DIR] [--json]

Answerable questions: evals/retrieval/questions.jsonl (each has a gold source and answer string).
Unanswerable ones: evals/chat/unanswerable.jsonl (other industries, facts not in the sample corpus),
used for tuning, and evals/chat/unanswerable_heldout.jsonl (written before any tuning against it: near
misses that name corpus entities but ask for facts the corpus lacks, other industries), reported apart.
The answerable questions are split by id parity: odd ids (q001, q003, …) are the calibration half that
thresholds and weights may be tuned on, even ids the held-out half, reported separately.
For every question it records (through `chat.answer`, extractive path) whether it was answered, the
best sentence's coverage of the question's weighted terms, whether the answer contains the gold
answer and cites the gold source, and the time taken; it reports these per split, and, for a range
of coverage thresholds alone, how many answerable questions of the calibration half would be
answered and how many calibration unanswerable ones would be (wrongly) answered. Per-question rows
go to evals/chat/last_run.jsonl. Builds a fresh index of corpus/nev/sources unless --index is given.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import re
import sys
import tempfile
import time
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


def split_of(q: dict) -> str:
    """'cal' for odd ids (q001, q003, …), 'held' for even ones."""
    m = re.search(r"\d+", q["id"])
    return "cal" if m and int(m.group(0)) % 2 else "held"


def measure(kb, questions: list[dict], answerable: bool, split: str | None = None) -> list[dict]:
    rows = []
    no_llm = dataclasses.replace(kb.settings, llm_base_url=None, llm_local_path=None)  # the extractive path
    for q in questions:
        t0 = time.perf_counter()
        ans = chat.answer(q["question"], kb, no_llm)
        ms = (time.perf_counter() - t0) * 1000
        row = {"id": q["id"], "question": q["question"], "answerable": answerable,
               "split": split or split_of(q), "coverage": round(ans.coverage, 4),
               "grounded": ans.grounded, "answer": ans.text if ans.grounded else "", "ms": round(ms, 1)}
        if answerable:
            row["contains_gold"] = norm(q["answer"]) in norm(ans.text)
            row["cites_gold"] = any(Path(c.source).name == q["gold_source"] for c in ans.citations)
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
    ap.add_argument("--index", help="已导入 corpus/nev/sources 的知识库目录（默认新建临时索引）")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if args.index:
        kb = KnowledgeBase.open(args.index, must_exist=True)
    else:
        kb = KnowledgeBase(Settings.from_env(index_dir=tempfile.mkdtemp(prefix="chat-cal-")))
        kb.ingest([REPO / "corpus" / "nev" / "sources"])
    answerable = load(REPO / "evals" / "retrieval" / "questions.jsonl")
    measure(kb, answerable[:1], True)  # warm up: the embedder, the IDF table, the sentence cache
    rows = measure(kb, answerable, True)
    rows += measure(kb, load(HERE / "unanswerable.jsonl"), False, "unans")
    rows += measure(kb, load(HERE / "unanswerable_heldout.jsonl"), False, "unans_held")
    table = sweep([r for r in rows if r["split"] in ("cal", "unans")])
    summary = {}
    for split in ("cal", "held"):
        pos = [r for r in rows if r["split"] == split]
        summary[split] = {"answered": sum(r["grounded"] for r in pos), "answerable": len(pos),
                          "answered_correct": sum(r["grounded"] and r["contains_gold"] for r in pos),
                          "cites_gold": sum(r["grounded"] and r["cites_gold"] for r in pos),
                          "wrong": sum(r["grounded"] and not r["contains_gold"] for r in pos)}
    for split in ("unans", "unans_held"):
        neg = [r for r in rows if r["split"] == split]
        summary[split] = {"false_answers": sum(r["grounded"] for r in neg), "unanswerable": len(neg)}
    ms = sorted(r["ms"] for r in rows)
    summary["latency_ms"] = {"median": ms[len(ms) // 2], "p90": ms[int(len(ms) * 0.9)], "max": ms[-1]}
    (HERE / "last_run.jsonl").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    if args.json:
        print(json.dumps({"current": summary, "coverage_only": table}, ensure_ascii=False, indent=2))
        return 0
    print(f"当前规则：年份不冲突、问到的指标/地点/数值都在，且覆盖率 ≥ {chat.GROUNDED_MIN_COVERAGE}，"
          f"或两种检索都排第一且覆盖率 ≥ {chat.AGREED_MIN_COVERAGE}，"
          f"或语义相似度 ≥ {chat.DENSE_MIN_SIM} 且覆盖率 ≥ {chat.DENSE_MIN_COVERAGE}（详见 assistant/chat.py 的 is_grounded）")
    names = {"cal": "可答题·校准半（奇数编号）", "held": "可答题·留出半（偶数编号）"}
    for split in ("cal", "held"):
        c = summary[split]
        print(f"  {names[split]}：作答 {c['answered']}/{c['answerable']}（含标准答案 {c['answered_correct']}，"
              f"引用了标准来源 {c['cites_gold']}，作答但不含标准答案 {c['wrong']}）")
    print(f"  不可答题·校准集：误答 {summary['unans']['false_answers']}/{summary['unans']['unanswerable']}")
    print(f"  不可答题·留出集：误答 {summary['unans_held']['false_answers']}/{summary['unans_held']['unanswerable']}")
    lat = summary["latency_ms"]
    print(f"  每题耗时（毫秒）：中位数 {lat['median']:.0f}，P90 {lat['p90']:.0f}，最大 {lat['max']:.0f}")
    print("只看覆盖率时（校准半 + 不可答题校准集）：")
    print("阈值   可答题作答  其中含标准答案  不可答题误答")
    for r in table:
        mark = " ←" if abs(r["threshold"] - chat.GROUNDED_MIN_COVERAGE) < 1e-9 else ""
        print(f"{r['threshold']:.2f}   {r['answered']:3d}/{r['answerable']}     {r['answered_correct']:3d}"
              f"            {r['false_answers']:2d}/{r['unanswerable']}{mark}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
