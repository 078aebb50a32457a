"""Round 27 (objectivity): context exceptions kept only because they held on the eleven recent batches under both
labeller A and the adjudicated labels (see evals/check/README.md "Round 27 (objectivity)"). Sentences written for
these tests (seed breeding, silk weaving, inland shipping, mushroom farming, piano making, museum guides)."""
from assistant.check import check_text


def obj(text):
    return [(f.rule_id, f.text) for f in check_text(text, categories={"objectivity"}).findings]


def trend(text):
    return [t for r, t in obj(text) if r == "objectivity.vague-trend"]


# ---- a trend inside a 随着 clause is the background of the main clause, not the claim
def test_trend_in_a_background_clause_is_not_flagged():
    assert trend("随着内河航运需求不断增加，船员培训的课程也作了调整。") == []
    assert trend("随着育种技术门槛逐渐降低，小型种子公司开始自建实验室。") == []
    assert trend("随着丝绸企业的订单来源不断扩大，织造车间改为两班制。") == []
    assert trend("伴随着钢琴制造工艺的快速迭代，调律师的岗位分工更细了。") == []
    # the same trend as the main claim, or in the main clause after the background, is still flagged
    assert trend("近年来，内河航运需求不断增加，船员培训却跟不上。") == ["不断增加"]
    # development speeding up (不断提速、日益加快) stays flagged even in a 随着 clause (labelled in round 12)
    assert trend("随着内河航运发展不断提速，船员培训的课程也作了调整。") == ["不断提速"]
    assert trend("随着新馆开放，讲解员的工作量不断增加。") == ["不断增加"]


def test_trend_after_a_second_background_item_is_not_flagged():
    # the trend is the second item of one 随着 clause, beyond the first trend word
    assert trend("随着菌菇网店销量的持续提升、冷库租赁的快速迭代，产地收购价格波动变小。") == []


# ---- 一致认为 after the participants it reports (named in the clause or before it) is their view, not a certainty claim
def certainty(text):
    return [t for r, t in obj(text) if r == "objectivity.certainty"]


def test_consensus_of_named_participants_is_not_flagged():
    assert certainty("座谈会上，育种企业和农技站双方一致认为，示范田还要再扩一倍。") == []
    assert certainty("几位丝绸厂厂长介绍了各自的订单情况，一致认为蚕茧收购价应当稳定。") == []
    assert certainty("这一做法被博物馆讲解员一致认为值得推广。") == []
    # a consensus with no holder named is still a certainty claim
    assert certainty("业内一致认为，钢琴制造将迎来转机。") == ["一致认为"]
    assert certainty("行业普遍认为，内河航运将迎来转机。") == ["普遍认为"]
