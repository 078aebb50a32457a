"""The answer verifier: reworded questions are answered, near misses are not. The texts are made up,
in two industries that are not the samples' (express delivery, photovoltaics)."""
from __future__ import annotations

from types import SimpleNamespace

from assistant import chat
from assistant.chat_verifier import FEATURES, features, paraphrase_ok
from assistant.textproc import private_tokenizer

SETTINGS = {"paraphrase_min_coverage": 0.45, "paraphrase_min_sim": 0.91, "paraphrase_max_contrast": 0.15}


def _cand(sentence, credits, sim=0.93, coverage=None, terms=None):
    cov = coverage if coverage is not None else sum(terms[t] * c for t, c in credits.items()) / sum(terms.values())
    return {"sentence": sentence, "hit_index": 0, "coverage": cov, "sim": sim, "score": cov + sim,
            "year_conflict": False, "scope_ok": True, "refused": [], "credits": credits, "has_value": True,
            "keyword_rank": 1, "dense_rank": 2}


def test_colloquial_phrases_read_as_their_written_words():
    alts = chat.paraphrase_alternates("2024年头三个月快递业务量是多少？", ["2024", "头三个月", "快递", "业务量"])
    assert "一季度" in alts["头三个月"]
    assert "快递" not in alts
    alts = chat.paraphrase_alternates("光伏企业去年招人的岗位里做运维的占多少？", ["光伏", "企业", "招人", "岗位", "运维"])
    assert alts == {"招人": {"招聘"}}
    # the words the phrase is part of: 卖出 inside 卖出去 (and its part 出去)
    alts = chat.paraphrase_alternates("去年一共卖出去多少辆货车？", ["卖出", "出去", "卖出去", "辆", "货车"])
    assert {"卖出", "出去", "卖出去"} <= set(alts) and "销量" in alts["出去"] and "货车" not in alts


def test_a_written_word_earns_the_colloquial_term_its_credit():
    terms = {"头三个月": 1.0, "快递": 1.0, "业务量": 1.0}
    said = "一季度快递业务量完成350亿件"
    tokens = {"一季度", "快递", "业务量", "完成", "350", "亿件"}
    plain = chat.term_credits(terms, tokens, set(), said)
    credited = chat.term_credits(terms, tokens, set(), said, alternates={"头三个月": {"一季度"}})
    assert plain["头三个月"] == 0 and credited["头三个月"] == 1.0
    # an unknown noun is named when its written word is there
    assert not chat.unknown_found({"招人"}, "光伏行业招聘职位中运维岗占18%")
    assert chat.unknown_found({"招人"}, "光伏行业招聘职位中运维岗占18%", {"招人": {"招聘"}})


def test_an_alias_after_a_qualifier_the_evidence_uses_stays_as_written():
    tok = private_tokenizer()
    tok.add_words(["快递物流", "快递", "业务量", "全国"])
    profile = SimpleNamespace(industry="快递物流", aliases=("快递",))
    hits = [SimpleNamespace(title="", heading="", text="2023年冷快递业务量增长较快；全国快递业务量1320亿件。")]
    canon = chat.canonicalizer(profile, tok, qualified=chat.alias_qualifier(hits, tok))
    assert "快递物流业务量" in canon("2023年快递业务量是多少？")
    assert "全国快递物流业务量" in canon("2023年全国快递业务量是多少？")  # a word of its own only places it
    assert "冷快递" in canon("2023年冷快递业务量是多少？")  # the passages write 冷快递: a narrower kind
    # without evidence of the qualified form the alias is read as the industry
    assert "冷快递物流" in chat.canonicalizer(profile, tok)("2023年冷快递业务量是多少？")


def test_a_reworded_question_close_in_meaning_is_answered():
    terms = {"2024": 3.0, "光伏": 2.0, "组件": 2.0, "造出来": 1.0, "头一个": 1.0}
    record = {"question": "2024年头一个季度光伏组件造出来多少？", "terms": terms, "known": ["2024", "光伏", "组件"],
              "candidates": []}
    good = _cand("2024年一季度光伏组件产量120吉瓦，同比增长15%。",
                 {"2024": 1, "光伏": 1, "组件": 1, "造出来": 0, "头一个": 0}, sim=0.93, terms=terms)
    other = _cand("2024年一季度光伏组件出口量60吉瓦。", {"2024": 1, "光伏": 1, "组件": 1, "造出来": 0, "头一个": 0},
                  sim=0.92, terms=terms)
    record["candidates"] = [good, other]
    f = dict(zip(FEATURES, features(record, good)))
    assert f["missed_known"] == 0 and f["missed_unknown"] > 0 and f["missed_contrast"] == 0
    assert paraphrase_ok(record, good, SETTINGS)
    # the same sentence, far in meaning from the question, is not enough
    assert not paraphrase_ok(record, dict(good, sim=0.85), SETTINGS)


def test_a_sibling_entity_named_elsewhere_is_a_near_miss():
    # asked: wafers (硅片); the closest sentence gives modules (组件); another sentence names wafers
    terms = {"2024": 3.0, "光伏": 2.0, "硅片": 3.0, "产量": 2.0}
    record = {"question": "2024年光伏硅片产量是多少？", "terms": terms, "known": list(terms), "candidates": []}
    near = _cand("2024年光伏组件产量580吉瓦。", {"2024": 1, "光伏": 1, "硅片": 0, "产量": 1}, sim=0.95, terms=terms)
    sibling = _cand("硅片出口额同比下降。", {"2024": 0, "光伏": 0, "硅片": 1, "产量": 0}, sim=0.9, terms=terms)
    record["candidates"] = [near, sibling]
    f = dict(zip(FEATURES, features(record, near)))
    assert f["missed_contrast"] > SETTINGS["paraphrase_max_contrast"]
    assert not paraphrase_ok(record, near, SETTINGS)
    # a missed word no other sentence states is no sign of a sibling
    record["candidates"] = [near]
    assert paraphrase_ok(record, near, SETTINGS)


def test_a_missed_verb_or_time_word_is_no_sign_of_a_sibling():
    # "恢复到" and "年底" are how the question is put; another sentence saying them names no other thing
    terms = {"2023": 3.0, "光伏": 2.0, "组件": 2.0, "产量": 2.0, "恢复": 2.0, "年底": 1.0}
    record = {"question": "2023年底光伏组件产量恢复到多少？", "terms": terms, "known": list(terms),
              "nouns": ["光伏", "组件", "产量"], "candidates": []}
    credits = {"2023": 1, "光伏": 1, "组件": 1, "产量": 1, "恢复": 0, "年底": 0}
    answer = _cand("2023年光伏组件产量499吉瓦。", credits, sim=0.93, terms=terms)
    other = _cand("2023年末行业景气恢复。", {t: 0 for t in terms}, sim=0.9, terms=terms)
    record["candidates"] = [answer, other]
    assert dict(zip(FEATURES, features(record, answer)))["missed_contrast"] == 0
    assert paraphrase_ok(record, answer, SETTINGS)


def test_a_row_with_the_rival_qualifier_is_no_answer_whatever_its_caption():
    """“2024年快递出口件数是多少” asked; the table “快递进出口件数” has, for 2024, only its 进口件数 cell."""
    tok = private_tokenizer()
    tok.add_words(["出口件数", "进口件数", "快递"])
    focus = {"件数", "出口件数"}
    pairs = chat.nested_pairs(focus)
    assert pairs == [("出口", "件数")]
    assert not chat.entity_ok(pairs, "年份：2024；进口件数（亿件）：3.1", "2020—2024年快递进出口件数（亿件）", tok)
    assert chat.entity_ok(pairs, "年份：2024；出口件数（亿件）：5.6", "2020—2024年快递进出口件数（亿件）", tok)
