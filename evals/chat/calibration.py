"""Chat eval (extractive path, no LLM): answered right, answered wrong and abstained, on every
sample's answerable question sets, and abstentions on unanswerable ones, in one index that holds
every sample corpus plus the synthetic distractors (as evals/retrieval/run.py builds it).

    python evals/chat/calibration.py [--cache DIR] [--json]

Answerable: the retrieval question sets of each sample (evals/retrieval/*.jsonl, see SAMPLES there),
with gold source and answer string. An answer is right when it is given (not abstained) and holds the
answer string (whitespace ignored); wrong when given without it. An answer string whose parts are separated by spaces
is a table row as the source text reads (“工艺工程师 210 35”): the answer must hold each part, in that order (the chat
writes a row as “岗位类别：工艺工程师；现有人数：210；…”); rule added 2026-12-01 after fresh12's one run, where it
turned 5 table-row answers from wrong to right; elsewhere it changes only fresh7 mi25 (wrong → right; fresh8 on24 and
oi22 are abstained on). Likewise a value with its unit (“6354.8亿块”) is held by a table cell whose unit stands in the
column heading (“进口数量（亿块）：6354.8”): rule added after fresh13's one run, where it turned 3 answers from wrong to
right; on the other sets it changes only fresh2 gn04 (wrong → right).
Unanswerable: evals/chat/unanswerable.jsonl (other industries; the calibration set of the abstain
rule), and the near misses held out from any tuning: unanswerable_heldout.jsonl, unanswerable_nearmiss.jsonl
(entity, answer-type, year and unit near misses, written before the rules of `chat.py` were tuned)
and any other evals/chat/*unanswerable*.jsonl (a sample's own near misses).
Each question is asked as its community would ask it, with its sample's industry profile
(corpus/<sample>/profile.yaml: the industry's aliases); the index itself holds every sample.
Splits: a question's id number decides, odd = dev (tuning allowed), even = test (quoted).
Per-question rows go to evals/chat/last_run.jsonl.
The mean length of the answers given (characters, citation marks included) is printed beside the
rates: an answer that quotes whole passages would hold the answer string without answering.
Targets (issue 11): on the paraphrased sets ≥ 85% right and ≤ 2% wrong; near misses abstained ≥ 95%.
--split dev runs the dev halves only (for tuning; the test half is printed once, after the last change).
--fresh [DIR] runs only a fresh question set, evals/chat/fresh/ by default or evals/chat/DIR/ (nev.jsonl, ic.jsonl
answerable, nearmiss.jsonl near misses of both samples), written from the source documents by someone who never ran
the system. A fresh set is held out until its first run after the last tuning change; its README records the runs
(evals/chat/fresh/ has been read and is now tuned on; evals/chat/fresh2/ is the next held-out set). They are reported
as split "fresh". A fresh folder may hold corpora.yaml (sample name: folder, relative to the repo) for questions on
a corpus outside corpus/ (fresh14: the third-industry probe's real web pages); those folders join the index beside
every sample corpus, and the questions of that sample are asked with no industry profile (none was written for it).

The answer verifier (assistant/chat_verifier.py, thresholds in assistant/data/chat_verifier.yaml) was
chosen on the dev halves with evals/chat/verifier_data.py (each dev question's candidate sentences,
labelled by whether they hold the gold answer) and evals/chat/train_verifier.py (the coverage rule, the
rule plus the paraphrase check, and a cross-validated logistic regression on the same features).
"""
from __future__ import annotations

import argparse
import dataclasses
import functools
import json
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "evals" / "retrieval"))

from assistant import chat  # noqa: E402
from assistant.profile import load_profile  # noqa: E402
from run import build_index, fresh_corpora, sample_questions, split_of  # noqa: E402  (evals/retrieval/run.py)

CALIBRATION = "unanswerable"  # the other-industry set the thresholds were calibrated against


def load(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def norm(s: str) -> str:
    return re.sub(r"\s+", "", s or "")


_VALUE_UNIT = re.compile(r"^(\d+(?:\.\d+)?)([^\d\s.%][^\d\s]{0,5})$")


def holds_answer(gold: str, text: str) -> bool:
    """The gold answer string in the answer text, whitespace ignored; a gold string of space-separated parts (a table
    row) is held when each part occurs in the text after the one before it; a gold value with its unit (6354.8亿块) is
    held by a table cell that gives the value with the unit in its column heading (进口数量（亿块）：6354.8), i.e. when
    the value occurs as a whole number and the unit occurs in the answer too."""
    m = _VALUE_UNIT.match(norm(gold))
    if m and m.group(0) not in norm(text):
        value, unit = m.groups()
        return bool(re.search(rf"(?<![\d.]){re.escape(value)}(?![\d.]*\d)", norm(text))) and unit in norm(text)
    text, pos = norm(text), 0
    for part in (gold or "").split():
        i = text.find(part, pos)
        if i < 0:
            return False
        pos = i + len(part)
    return bool((gold or "").split())


@functools.lru_cache(maxsize=None)
def _profile(path: Path):
    return load_profile(path) if path.is_file() else None


def sample_profile(q: dict):
    """The industry profile of the community asking: the question's sample (`ic_…` sets are the IC
    sample's; the other unanswerable sets were written for the NEV sample), as corpus/<sample>/profile.yaml."""
    sample = q.get("sample") or ("ic" if q.get("set", "").startswith("ic") else "nev")
    return _profile(REPO / "corpus" / sample / "profile.yaml")


def measure(kb, questions: list[dict], answerable: bool) -> list[dict]:
    rows = []
    no_llm = dataclasses.replace(kb.settings, llm_base_url=None, llm_local_path=None)  # the extractive path
    for q in questions:
        t0 = time.perf_counter()
        ans = chat.answer(q["question"], kb, no_llm, profile=sample_profile(q))
        ms = (time.perf_counter() - t0) * 1000
        row = {"id": q["id"], "sample": q.get("sample", ""), "set": q["set"], "split": q.get("split") or split_of(q["id"]),
               "question": q["question"], "answerable": answerable, "grounded": ans.grounded,
               "coverage": round(ans.coverage, 4), "answer": ans.text if ans.grounded else "",
               "notes": ans.notes, "ms": round(ms, 1)}
        if answerable:
            row["gold"] = q["answer"]
            row["right"] = ans.grounded and holds_answer(q["answer"], ans.text)
            row["wrong"] = ans.grounded and not row["right"]
            row["cites_gold"] = any(Path(c.source).name == Path(q["gold_source"]).name for c in ans.citations)
        rows.append(row)
    return rows


def summary(rows: list[dict]) -> dict:
    out: dict = {}
    for r in rows:
        keys = [f"{r['sample']}|{r['set']}|{r['split']}", f"{r['sample']}|{r['set']}|all"] if r["answerable"] \
            else [f"unanswerable|{r['set']}|{r['split']}", f"unanswerable|{r['set']}|all"]
        for k in keys:
            d = out.setdefault(k, {"n": 0, "right": 0, "wrong": 0, "abstained": 0, "chars": 0})
            d["n"] += 1
            if r["grounded"]:
                d["chars"] += len(r["answer"])
            if not r["grounded"]:
                d["abstained"] += 1
            elif r["answerable"]:
                d["right" if r["right"] else "wrong"] += 1
            else:
                d["wrong"] += 1
    for d in out.values():
        answered = d["n"] - d["abstained"]
        d["mean_chars"] = round(d.pop("chars") / answered, 1) if answered else 0.0
    return dict(sorted(out.items()))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", help="保留索引的目录（与 evals/retrieval/run.py 的 --cache 相同，可共用）")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--sets", help="只评测这些可答题集（逗号分隔的文件名主干，如 nev_paraphrased,ic_paraphrased）")
    ap.add_argument("--unanswerable", help="只评测这些不可答题集（逗号分隔的文件名主干）")
    ap.add_argument("--split", choices=["dev", "test"], help="只评测这一半（调参时用 dev，test 半只看一次）")
    ap.add_argument("--fresh", nargs="?", const="fresh", default=None, metavar="DIR",
                    help="只评测 evals/chat/DIR/（默认 fresh）的新出题（留出集在调参结束后只看一次）")
    ap.add_argument("--rows", help="逐题结果写到这个文件（默认 evals/chat/last_run.jsonl；并行运行时各用各的）")
    args = ap.parse_args(argv)
    corpora, answerable, _ = sample_questions()
    if args.fresh:
        fresh = HERE / args.fresh
        if not fresh.is_dir():
            raise SystemExit(f"找不到新出题目录：{fresh}")
        answerable = [q | {"set": f"{args.fresh}_{f.stem}", "sample": f.stem, "split": "fresh"}
                      for f in sorted(fresh.glob("*.jsonl")) if f.stem != "nearmiss" for q in load(f)]
        corpora = {**corpora, **fresh_corpora(fresh)}
    if args.sets:
        answerable = [q for q in answerable if q["set"] in args.sets.split(",")]
    kb, tmp = build_index(corpora, args.cache)
    unanswerable = []
    for f in sorted(HERE.glob("*unanswerable*.jsonl")):
        if not args.fresh and (not args.unanswerable or f.stem in args.unanswerable.split(",")):
            unanswerable += [q | {"set": f.stem} for q in load(f)]
    if args.fresh and (HERE / args.fresh / "nearmiss.jsonl").is_file():
        unanswerable = [q | {"set": f"{args.fresh}_nearmiss", "split": "fresh"}
                        for q in load(HERE / args.fresh / "nearmiss.jsonl")]
    if args.split:
        answerable = [q for q in answerable if split_of(q["id"]) == args.split]
        unanswerable = [q for q in unanswerable if split_of(q["id"]) == args.split]
    measure(kb, answerable[:1], True)  # warm up: the embedder, the IDF table, the sentence cache
    rows = measure(kb, answerable, True) + measure(kb, unanswerable, False)
    table = summary(rows)
    ms = sorted(r["ms"] for r in rows)
    lat = {"p50": ms[len(ms) // 2], "p90": ms[int(len(ms) * 0.9)], "max": ms[-1]}
    Path(args.rows or HERE / "last_run.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                                         encoding="utf-8")
    if args.json:
        print(json.dumps({"table": table, "latency_ms": lat}, ensure_ascii=False, indent=2))
        return 0
    print(f"问答评测（抽取式，无大模型）：索引含 {', '.join(corpora)} 与干扰文档；"
          f"可答 {len(answerable)} 题，不可答 {len(unanswerable)} 题")
    print(f"{'样例|题集|划分':44s} {'n':>4s} {'答对':>6s} {'答错':>6s} {'拒答':>6s} {'答案平均字数':>8s}")
    for k, d in table.items():
        n = d["n"]
        print(f"{k:44s} {n:4d} {d['right'] / n:6.1%} {d['wrong'] / n:6.1%} {d['abstained'] / n:6.1%} "
              f"{d['mean_chars']:8.1f}")
    print("（不可答题：“答错”即误答，“拒答”越高越好；" f"{CALIBRATION} 为阈值校准集，其余为留出的近似问题）")
    print(f"每题耗时（毫秒）：中位数 {lat['p50']:.0f}，P90 {lat['p90']:.0f}，最大 {lat['max']:.0f}")
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
