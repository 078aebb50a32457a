"""Candidate answer sentences of every read question set, labelled, for the acceptance model.

    python evals/chat/acceptance_data.py --cache DIR [--sets dev,fresh,fresh2,...] [--out FILE]

Like evals/chat/verifier_data.py, but over the dev halves (answerable and unanswerable, set name
"dev") and the read fresh sets (evals/chat/freshN/: nev, ic and nearmiss, set name "freshN"), each
question asked as `chat.answer` asks it (short years expanded, split into parts, its sample's
profile). Per part: the candidate records of `chat_verifier.candidate_record`, each candidate with
`label` (holds the gold answer string, whitespace ignored) and `sim_ctx` (dense similarity of the
question and the sentence under its passage's heading: the chunk context). The test halves and any
held-out set are never read: only the sets named are.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "evals" / "retrieval"))

from assistant import chat  # noqa: E402
from assistant.chat_verifier import add_context_sims, candidate_record  # noqa: E402
from calibration import load, norm, sample_profile  # noqa: E402
from run import build_index, sample_questions, split_of  # noqa: E402


def questions(sets: list[str]) -> tuple[dict, list[dict]]:
    corpora, answerable, _ = sample_questions()
    qs = []
    for name in sets:
        if name == "dev":
            qs += [q | {"answerable": True, "group": "dev"} for q in answerable if split_of(q["id"]) == "dev"]
            for f in sorted(HERE.glob("*unanswerable*.jsonl")):
                qs += [q | {"set": f.stem, "answerable": False, "group": "dev"} for q in load(f)
                       if split_of(q["id"]) == "dev"]
            continue
        d = HERE / name
        for f in sorted(d.glob("*.jsonl")):
            near = f.stem == "nearmiss"
            qs += [q | {"set": f"{name}_{f.stem}", "sample": q.get("sample") or f.stem, "answerable": not near,
                        "group": name} for q in load(f)]
    return corpora, qs


def collect(kb, qs: list[dict]) -> list[dict]:
    out = []
    for q in qs:
        profile = sample_profile(q)
        question = chat.expand_short_years(q["question"])
        parts = chat.split_question(question, kb.tokenizer)
        for k, part in enumerate(parts):
            hits = kb.search(part, top_k=5)
            if not hits:
                continue
            scored = chat.score_sentences(part, hits, kb, profile=profile)
            rec = candidate_record(part, scored[:chat.DENSE_CANDIDATES], hits, kb, profile)
            add_context_sims(rec, part, hits, kb)
            gold = norm(q.get("answer", "")) if q["answerable"] else None
            for c in rec["candidates"]:
                c["label"] = int(bool(gold) and gold in norm(c["sentence"]))
            out.append(rec | {"id": q["id"], "set": q["set"], "group": q["group"], "answerable": q["answerable"],
                              "part": k, "n_parts": len(parts), "gold": q.get("answer"),
                              "asked": q["question"]})
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", required=True, help="索引缓存目录（与 calibration.py 相同）")
    ap.add_argument("--sets", default="fresh9,fresh8,fresh7,fresh6,fresh5,fresh4,fresh3,fresh2,fresh,dev")
    ap.add_argument("--out", help="输出 JSONL（默认 <cache>/acceptance_candidates.jsonl）")
    args = ap.parse_args(argv)
    corpora, qs = questions(args.sets.split(","))
    kb, tmp = build_index(corpora, args.cache)
    out = Path(args.out or Path(args.cache) / "acceptance_candidates.jsonl")
    out.write_text("", encoding="utf-8")
    n = 0
    for group in args.sets.split(","):  # written set by set: a long run can be read while it goes on
        recs = collect(kb, [q for q in qs if q["group"] == group])
        n += len(recs)
        with out.open("a", encoding="utf-8") as f:
            f.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs))
        print(f"{group}：{len(recs)} 个问题部分", file=sys.stderr, flush=True)
    print(f"{len(qs)} 道题，{n} 个问题部分，写入 {out}", file=sys.stderr)
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
