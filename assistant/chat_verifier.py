"""The answer verifier of the extractive chat: how likely a candidate sentence answers the question.

    candidate_record(question, scored, hits, kb) -> dict     what the verifier looks at, per candidate
    features(record, candidate) -> list[float]               `FEATURES`, in order
    paraphrase_ok(record, candidate) -> bool                  thresholds of assistant/data/chat_verifier.yaml

Word coverage alone cannot tell a paraphrase (头三个月 for 一季度: words the knowledge base does not
have) from a near miss (a sibling entity: a word the knowledge base has, missing from the sentence and
stated by another sentence nearby). The features keep those apart: the share of the question's weight
the sentence misses, split into words the knowledge base knows and words it does not; whether a missed
known noun (not a verb, a time or a place word: 恢复, 年底, 国内) is stated by another candidate sentence; the dense similarity of question and sentence and
its margin over the other candidates; the passage's rank and whether keyword and dense search agree.
No feature names a word: the model carries over to any industry's knowledge base.

`paraphrase_ok` is the check the chat uses, on three of the features, thresholds chosen on the dev
halves. A logistic regression on all of them (evals/chat/train_verifier.py, cross-validated on the
dev-half candidates) did not answer more without also answering wrong more, so it is not shipped.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

SETTINGS_FILE = Path(__file__).resolve().parent / "data" / "chat_verifier.yaml"

FEATURES = (
    "coverage",  # share of the question's weight the sentence (and its context) states
    "sim",  # dense cosine of question and sentence
    "sim_margin",  # sim minus the best sim among the candidates (0 for the closest one)
    "missed_known",  # share of weight of knowledge-base words the sentence does not state
    "missed_known_max",  # the largest single such word's share
    "missed_unknown",  # share of weight of words the knowledge base does not have, not stated
    "missed_contrast",  # share of weight of missed known nouns that another candidate states
    "partial",  # share of weight stated only in the context or as a short form
    "passage_rank",  # 1 / (1 + rank of the sentence's passage)
    "agreed",  # keyword and dense search both rank the passage first
    "has_value",  # the sentence carries a number that is not a date
)


def candidate_record(question: str, scored: list, hits, kb, profile=None) -> dict:
    """The question's term weights (which the knowledge base knows) and, per candidate sentence (the
    `_Scored` of `chat.score_sentences`, with the same `profile`), the raw values `features` reads.
    JSON-serialisable."""
    from .chat import _doc_freqs, _noun_like, _pos_tags, alias_qualifier, canonicalizer, term_weights
    from .textproc import default_tokenizer

    tok = getattr(kb, "tokenizer", None) or default_tokenizer()
    qualified = alias_qualifier(hits, tok)
    question = canonicalizer(profile, tok, qualified=qualified)(question)  # as score_sentences weighs it
    terms, _ = term_weights(question, kb)
    df = _doc_freqs(kb)[0]
    known = [t for t in terms if df.get(t, 0) > 0] if df else list(terms)
    tags = _pos_tags(question, tok)
    nouns = [t for t in terms if _noun_like(t, tags)]
    cands = []
    for c in scored:
        h = hits[c.hit_index]
        cands.append({"sentence": c.sentence, "hit_index": c.hit_index, "coverage": c.coverage, "sim": c.sim,
                      "score": c.score, "year_conflict": c.year_conflict, "scope_ok": c.scope_ok,
                      "refused": list(c.refused), "credits": c.credits, "has_value": c.has_value,
                      "keyword_rank": getattr(h, "keyword_rank", None), "dense_rank": getattr(h, "dense_rank", None)})
    return {"question": question, "terms": terms, "known": known, "nouns": nouns, "candidates": cands}


def features(record: dict, cand: dict) -> list[float]:
    """The verifier's inputs for one candidate of `record` (see `FEATURES`)."""
    terms, known = record["terms"], set(record["known"])
    total = sum(terms.values()) or 1.0
    credits = cand["credits"]
    missed = {t: w / total for t, w in terms.items() if not credits.get(t)}
    missed_known = {t: s for t, s in missed.items() if t in known}
    from .chat import simplified  # the candidates are quoted as written; the terms are Simplified

    others = [simplified(x["sentence"]) for x in record["candidates"] if x["sentence"] != cand["sentence"]]
    nouns = set(record.get("nouns", terms))
    contrast = sum(s for t, s in missed_known.items() if len(t) > 1 and t in nouns and any(t in o for o in others))
    sims = [x["sim"] for x in record["candidates"]]
    partial = sum(w / total for t, w in terms.items() if 0 < credits.get(t, 0) < 1)
    return [
        cand["coverage"],
        cand["sim"],
        cand["sim"] - max(sims, default=0.0),
        sum(missed_known.values()),
        max(missed_known.values(), default=0.0),
        sum(s for t, s in missed.items() if t not in known),
        contrast,
        partial,
        1.0 / (1 + cand["hit_index"]),
        float(cand["keyword_rank"] == 1 and cand["dense_rank"] == 1),
        float(cand["has_value"]),
    ]


# The acceptance model's inputs: `FEATURES` and the chunk context's dense similarity (the sentence
# under its passage's title and heading, `chat.context_text`), each also as a margin over the best
# other candidate (positive when the candidate is the closest: a clear first, not one of many).
ACCEPT_FEATURES = FEATURES + ("sim_ctx", "sim_lead", "sim_ctx_lead", "explain")


def add_context_sims(record: dict, question: str, hits, kb) -> dict:
    """Set each candidate's `sim_ctx` (0.0 without an embedder); returns `record`."""
    from .chat import context_text, dense_similarities

    cands = record["candidates"]
    ctx = [context_text(hits[c["hit_index"]], c["sentence"]) for c in cands]
    sims = dense_similarities(question, ctx, kb) or [0.0] * len(ctx)
    for c, s in zip(cands, sims):
        c["sim_ctx"] = float(s)
    return record


def _lead(record: dict, cand: dict, key: str) -> float:
    others = [x.get(key, 0.0) for x in record["candidates"] if x is not cand and x["sentence"] != cand["sentence"]]
    return cand.get(key, 0.0) - max(others, default=0.0)


def accept_features(record: dict, cand: dict) -> list[float]:
    """The acceptance model's inputs for one candidate (see `ACCEPT_FEATURES`)."""
    from .chat import explain_kinds

    return features(record, cand) + [cand.get("sim_ctx", 0.0), _lead(record, cand, "sim"),
                                     _lead(record, cand, "sim_ctx"), float(bool(explain_kinds(record["question"])))]


@lru_cache(maxsize=4)
def load_settings(path: Path = SETTINGS_FILE) -> dict:
    """The thresholds of `paraphrase_ok` (assistant/data/chat_verifier.yaml)."""
    import yaml

    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    missing = [k for k in ("paraphrase_min_coverage", "paraphrase_min_sim", "paraphrase_max_contrast") if k not in data]
    if missing:
        raise ValueError(f"{path}: missing {', '.join(missing)}")
    return data


def paraphrase_ok(record: dict, cand: dict, settings: dict | None = None) -> bool:
    """A candidate below the coverage the chat asks for may still answer a reworded question: when
    it is close in meaning (dense similarity), covers a fair share of the question, and none of the
    known nouns it misses is one another candidate states (that is the sign of a near miss: the
    knowledge base speaks of the missed thing elsewhere, so this sentence is about something else)."""
    s = settings or load_settings()
    f = dict(zip(FEATURES, features(record, cand)))
    return (f["coverage"] >= s["paraphrase_min_coverage"] and f["sim"] >= s["paraphrase_min_sim"]
            and f["missed_contrast"] <= s["paraphrase_max_contrast"])


def accept_probability(record: dict, cand: dict, model: dict) -> float:
    """The acceptance model's probability that `cand` answers the question (logistic regression;
    `model` maps each of `ACCEPT_FEATURES` to [weight, mean, scale] and has the `intercept`)."""
    import math

    z = float(model["intercept"])
    for name, x in zip(ACCEPT_FEATURES, accept_features(record, cand)):
        w, mu, sd = model["weights"].get(name, (0.0, 0.0, 1.0))
        z += w * (x - mu) / (sd or 1.0)
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


def model_accepts(record: dict, cand: dict, question: str, hits, kb, settings: dict | None = None) -> bool:
    """Does the acceptance model (`accept_model` of assistant/data/chat_verifier.yaml; none: never)
    take a candidate the coverage rule and `paraphrase_ok` did not? Adds the chunk-context
    similarities to `record` first."""
    model = (settings or load_settings()).get("accept_model")
    if not model or not cand.get("sim"):
        return False
    if "sim_ctx" not in cand:
        add_context_sims(record, question, hits, kb)
    return accept_probability(record, cand, model) >= float(model["threshold"])

