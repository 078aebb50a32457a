"""Issue 9, round 19 (objectivity): a change stated only by its degree is found by a construction, not a phrase list —
a degree or manner modifier + a change predicate at the end of its clause (逆势攀升、进一步改善), a small-degree hedge + a
change of state (有所缓解、小步复苏), a change predicate + a speed complement (回升较快) — unless the text gives the
figure for that change; and a change of a growth rate is covered by the rate itself given after it in its sentence.
Sentences written for these tests (ceramics, tea, home textiles, bamboo, fruit juice, leather texts)."""
from assistant.check import check_text


def obj(text):
    return [(f.rule_id, f.text) for f in check_text(text, categories={"objectivity"}).findings]


def flagged(text, words):
    return any(words in t or t in words for _, t in obj(text))


# ---- degree or manner modifier + change predicate
def test_a_change_against_the_trend_without_a_figure_is_flagged():
    assert flagged("受原料涨价影响，多数瓷砖企业减产，但仿古砖销量逆势攀升。", "逆势攀升")


def test_a_change_against_the_trend_with_its_figure_is_not_flagged():
    assert not flagged("仿古砖销量逆势攀升，全年销售1.2亿平方米，同比增长8.6%。", "逆势攀升")


def test_a_further_qualitative_change_without_a_figure_is_flagged():
    assert flagged("经过三年治理，全县茶园土壤质量进一步改善。", "进一步改善")


def test_a_further_qualitative_change_with_a_before_after_pair_is_not_flagged():
    assert not flagged("全县茶园土壤有机质含量进一步改善，从1.2%提高到1.6%。", "进一步改善")


def test_a_modifier_before_a_verb_with_an_object_is_an_action_not_a_change():
    assert not flagged("各茶企要进一步改善加工环境。", "进一步改善")
    assert not flagged("随着烘焙工艺进一步改善，茶叶品质更趋稳定。", "进一步改善")


# ---- small-degree hedge + change of state
def test_a_hedged_change_of_state_is_flagged():
    assert flagged("今年以来，家纺企业用工紧张的状况有所缓解。", "有所缓解")
    assert flagged("家纺消费市场呈现小步复苏趋势。", "小步复苏")


def test_a_steady_or_trend_change_of_state_is_not_flagged():
    # a plain statement of the state of affairs (持续回暖、逐步恢复、稳步复苏) gives no degree to quantify
    for text in ("家纺消费市场持续回暖。", "家纺线下门店客流逐步恢复。", "家纺出口稳步复苏。"):
        assert not any(rid == "objectivity.degree-change" for rid, _ in obj(text))


def test_a_steady_growth_is_not_a_degree():
    assert not any(rid == "objectivity.degree-change" for rid, _ in obj("竹制家具内销市场温和增长，出口平稳增长。"))


# ---- change predicate + speed complement
def test_a_speed_complement_without_a_figure_is_flagged():
    assert flagged("今年一季度，竹地板出口回升较快。", "回升较快")


def test_a_speed_complement_with_its_figure_is_not_flagged():
    assert not flagged("今年一季度，竹地板出口回升较快，同比增长12.5%。", "回升较快")


# ---- a change of a growth rate and the rate next to it
def test_a_rate_change_followed_by_the_rate_in_its_sentence_is_not_flagged():
    text = "果汁饮料出口增速略有下降，出口额达5.2亿美元，同比增长3.1%。"
    assert not flagged(text, "略有下降")


def test_a_rate_change_with_no_rate_is_flagged():
    assert flagged("果汁饮料出口增速略有下降。", "略有下降")
    # a growth rate of another metric in the next sentence does not give the change of this rate
    assert flagged("皮革制品出口增速略有下降。全年皮革制品出口额达8.4亿美元。", "略有下降")
