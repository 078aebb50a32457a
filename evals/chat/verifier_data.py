"""Candidate answer sentences of the dev-half questions, with what the answer verifier needs, labelled.

    python evals/chat/verifier_data.py --cache DIR [--out FILE]

For each dev question (odd id number) of every answerable set (evals/retrieval, see SAMPLES there)
and of every unanswerable set (evals/chat/*unanswerable*.jsonl), each part of the question
(`chat.split_question`) is searched and its sentences scored as `chat.answer` does; the
`chat.DENSE_CANDIDATES` best (those with a dense similarity) are written, one JSON object per part:
the part, its term weights, which terms the knowledge base knows, and per candidate the raw inputs of
`assistant.chat_verifier.features` plus `label` (1 when the sentence holds the gold answer string,
whitespace ignored; always 0 for an unanswerable question). Test halves are never read.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "evals" / "retrieval"))

from assistant import chat  # noqa: E402
from assistant.chat_verifier import add_context_sims, candidate_record  # noqa: E402
from calibration import load, norm, sample_profile  # noqa: E402
from run import build_index, sample_questions, split_of  # noqa: E402


def dev_questions() -> tuple[dict, list[dict]]:
    corpora, answerable, _ = sample_questions()
    qs = [q | {"answerable": True} for q in answerable if split_of(q["id"]) == "dev"]
    for f in sorted(HERE.glob("*unanswerable*.jsonl")):
        qs += [q | {"set": f.stem, "answerable": False} for q in load(f) if split_of(q["id"]) == "dev"]
    return corpora, qs


def collect(kb, questions: list[dict], context: bool = False) -> list[dict]:
    """Each question part's candidate record, its candidates labelled by the gold answer. With `context` (the
    acceptance model's data, evals/chat/acceptance_data.py): short years expanded as the chat does, each candidate's
    chunk-context similarity added, and the question's group and wording kept."""
    out = []
    for q in questions:
        profile = sample_profile(q)
        question = chat.expand_short_years(q["question"]) if context else q["question"]
        parts = chat.split_question(question, kb.tokenizer)
        for k, part in enumerate(parts):
            hits = kb.search(part, top_k=5)
            if not hits:
                continue
            scored = chat.score_sentences(part, hits, kb, profile=profile)
            rec = candidate_record(part, scored[:chat.DENSE_CANDIDATES], hits, kb, profile)
            if context:
                add_context_sims(rec, part, hits, kb)
            gold = norm(q.get("answer", "")) if q["answerable"] else None
            for c in rec["candidates"]:
                c["label"] = int(bool(gold) and gold in norm(c["sentence"]))
            extra = {"group": q.get("group"), "asked": q["question"]} if context else {}
            out.append(rec | {"id": q["id"], "set": q["set"], "sample": q.get("sample", ""),
                              "answerable": q["answerable"], "part": k, "n_parts": len(parts),
                              "gold": q.get("answer")} | extra)
    return out


def sentence_vector_key(kb) -> str:
    emb = chat._embedder(kb)
    return f"{getattr(emb, 'name', type(emb).__name__)}@{id(emb)}" if emb is not None else ""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", required=True, help="索引缓存目录（与 calibration.py 相同）")
    ap.add_argument("--out", help="输出 JSONL（默认 <cache>/verifier_candidates.jsonl）")
    args = ap.parse_args(argv)
    corpora, qs = dev_questions()
    kb, tmp = build_index(corpora, args.cache)
    vec_file = Path(args.cache) / "verifier_sentence_vectors.npz"
    name = sentence_vector_key(kb)
    if vec_file.is_file() and name:  # the sentences' vectors of an earlier run (embedding is the slow part)
        data = np.load(vec_file)
        chat._SENT_VECS.update({(name, t): v for t, v in zip(data["texts"].tolist(), data["vecs"])})
    recs = collect(kb, qs)
    if name:
        kept = {t: v for (n, t), v in chat._SENT_VECS.items() if n == name}
        np.savez(vec_file, texts=np.array(list(kept)), vecs=np.vstack(list(kept.values())))
    out = Path(args.out or Path(args.cache) / "verifier_candidates.jsonl")
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    print(f"{len(qs)} 道 dev 题，{len(recs)} 个问题部分，写入 {out}", file=sys.stderr)
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
