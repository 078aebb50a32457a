"""Round 23 (objectivity): three classes, each written from one batch's errors and kept only because it held on the
other recent batches (see evals/check/README.md "Round 23 (objectivity)"): demand + a trend adverb + a change with no
figure (需求不断增加), a change with 明显／显著 as its complement (价格上涨明显), and a cooperation called a milestone,
model or new chapter (新里程碑、先行样板、谱新篇). Sentences written for these tests (dental care, bicycle repair,
mushroom farming, glass recycling, piano tuning, bus maintenance, honey packing, ferry services, ceramics)."""
from assistant.check import check_text


def obj(text):
    return [(f.rule_id, f.text) for f in check_text(text, categories={"objectivity"}).findings]


def by_rule(text, rule_id):
    return [t for rid, t in obj(text) if rid == rule_id]


# ---- demand + trend adverb + change, no figure (the round-5 exception is gone)
def test_demand_with_trend_adverb_and_no_figure_is_flagged():
    assert by_rule("随着居民口腔保健意识提高，社区诊所对牙科护士的需求不断增加。", "objectivity.vague-trend")
    assert by_rule("城市共享单车维修岗位的需求持续扩大，但持证技师很少。", "objectivity.vague-trend")


def test_demand_with_trend_adverb_and_its_figure_is_not_flagged():
    text = "食用菌种植基地对采收工的招聘需求持续上涨，平均同比涨幅达12.6%。"
    assert not by_rule(text, "objectivity.vague-trend")


def test_demand_trend_as_an_aim_or_background_is_not_flagged():
    assert not by_rule("随着玻璃回收需求的不断增长，分拣线已增至三条。", "objectivity.vague-trend")
    assert not by_rule("预计钢琴调律服务的需求将不断增加。", "objectivity.vague-trend")


# ---- a change with 明显／显著 as its complement
def test_change_with_evident_complement_is_flagged():
    assert by_rule("今年一季度公交车维修配件价格上涨明显，维修站压力加大。", "objectivity.degree-change")
    assert by_rule("蜂蜜分装车间的订单回升明显。", "objectivity.degree-change")


def test_change_with_evident_complement_and_its_figure_is_not_flagged():
    assert not by_rule("轮渡客运量回升明显，同比增长12.3%。", "objectivity.degree-change")


def test_evident_as_attribute_is_not_the_change_class():
    # 明显 before the noun or as a plain adjective is not a change's complement
    assert not by_rule("陶瓷作坊的地域特色明显。", "objectivity.degree-change")


# ---- a cooperation called a milestone, a model or a new chapter
def test_milestone_and_model_metaphors_are_flagged():
    assert by_rule("这次签约成为全市口腔护理人才培养的新里程碑。", "objectivity.lexicon-milestone")
    assert by_rule("该合作社为山区食用菌产业提供了先行样板。", "objectivity.lexicon-milestone")
    assert by_rule("校企携手谋发展，陶瓷产教融合谱新篇。", "objectivity.lexicon-milestone")
    assert by_rule("全市轮渡服务质量实现了新的跨越。", "objectivity.lexicon-milestone")


def test_step_without_xing_is_flagged_like_the_step_with_it():
    assert by_rule("双方在钢琴调律人才共育上迈出实质一步。", "objectivity.rhetoric")


def test_milestone_in_quotes_or_as_a_plan_is_not_flagged():
    assert not by_rule("会上发布了题为“公交维修的新里程碑”的案例集。", "objectivity.lexicon-milestone")
    assert not by_rule("力争明年在玻璃回收人才培养上实现新的跨越。", "objectivity.lexicon-milestone")
