"""The acceptance model of chat_verifier (off unless chat_verifier.yaml has `accept_model`): its features
(the chunk context's dense similarity and the lead over the other candidates) and its probability.
Made-up texts of another industry (cold-chain logistics)."""
from __future__ import annotations

from types import SimpleNamespace

from assistant import chat
from assistant.chat_verifier import (ACCEPT_FEATURES, accept_features, accept_probability, load_settings,
                                     model_accepts)


def _cand(sentence, credits, terms, sim, sim_ctx, hit_index=0):
    cov = sum(terms[t] * c for t, c in credits.items()) / sum(terms.values())
    return {"sentence": sentence, "hit_index": hit_index, "coverage": cov, "sim": sim, "sim_ctx": sim_ctx,
            "score": cov + sim, "year_conflict": False, "scope_ok": True, "refused": [], "credits": credits,
            "has_value": False, "keyword_rank": 1, "dense_rank": 1}


def _record(question, terms, cands):
    return {"question": question, "terms": terms, "known": list(terms), "nouns": list(terms), "candidates": cands}


def test_the_chunk_context_puts_the_heading_before_the_sentence():
    hit = SimpleNamespace(title="冷链物流年度报告", heading="四、发展建议")
    assert chat.context_text(hit, "加快建设产地预冷设施。") == "冷链物流年度报告 四、发展建议：加快建设产地预冷设施。"
    assert chat.context_text(SimpleNamespace(title="", heading=""), "一句话。") == "一句话。"


def test_the_features_say_which_candidate_leads_in_meaning():
    terms = {"冷链": 2.0, "断链": 2.0, "怎么": 0.5, "办": 0.5}
    first = _cand("应加快补齐产地预冷设施短板。", {"冷链": 1, "断链": 0}, terms, sim=0.90, sim_ctx=0.93)
    second = _cand("冷链运输车辆保有量持续增长。", {"冷链": 1, "断链": 0}, terms, sim=0.86, sim_ctx=0.85)
    rec = _record("冷链断链怎么办？", terms, [first, second])
    f = dict(zip(ACCEPT_FEATURES, accept_features(rec, first)))
    assert abs(f["sim_ctx_lead"] - 0.08) < 1e-9 and abs(f["sim_lead"] - 0.04) < 1e-9
    g = dict(zip(ACCEPT_FEATURES, accept_features(rec, second)))
    assert g["sim_ctx_lead"] < 0 < f["sim_ctx_lead"]


def test_without_a_model_nothing_more_is_accepted():
    terms = {"冷链": 2.0, "断链": 2.0}
    c = _cand("应加快补齐产地预冷设施短板。", {"冷链": 1, "断链": 0}, terms, sim=0.95, sim_ctx=0.96)
    rec = _record("冷链断链怎么办？", terms, [c])
    settings = {"paraphrase_min_coverage": 0.45, "paraphrase_min_sim": 0.91, "paraphrase_max_contrast": 0.15}
    assert not model_accepts(rec, c, "冷链断链怎么办？", [], None, settings)


def test_the_probability_follows_the_weights():
    model = {"intercept": 0.0, "threshold": 0.5, "weights": {"sim_ctx_lead": [2.0, 0.0, 0.01]}}
    terms = {"冷链": 2.0}
    a = _cand("甲。", {"冷链": 1}, terms, sim=0.9, sim_ctx=0.95)
    b = _cand("乙。", {"冷链": 1}, terms, sim=0.9, sim_ctx=0.92)
    rec = _record("冷链？", terms, [a, b])
    assert accept_probability(rec, a, model) > 0.5 > accept_probability(rec, b, model)
