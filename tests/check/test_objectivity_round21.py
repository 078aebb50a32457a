"""Round 21 (objectivity): three word classes argued from the labelling policy (evaluative wording, vague amounts and
vague comparisons) and one exception class (a plan's dated target). Sentences written for these tests (port
logistics, textile dyeing, beekeeping, elevator maintenance, tea processing, pharmacy retail, forestry, bakery,
water utilities)."""
from assistant.check import check_text


def obj(text):
    return [(f.rule_id, f.text) for f in check_text(text, categories={"objectivity"}).findings]


def flagged(text, words):
    return any(words in t or t in words for _, t in obj(text))


def by_rule(text, rule_id):
    return [t for rid, t in obj(text) if rid == rule_id]


# ---- a standing noun with an evaluative predicate (优势明显、氛围浓厚、较高的吸引力)
def test_standing_noun_with_evaluative_predicate_is_flagged():
    assert by_rule("沿海港区在集装箱装卸岗位上的薪资优势明显，吸引了大批求职者。", "objectivity.lexicon-standing")
    assert by_rule("这座小城的印染工匠氛围浓厚，年轻人愿意留下来。", "objectivity.lexicon-standing")
    assert by_rule("该蜂业合作社具备较高的人才吸引力。", "objectivity.lexicon-standing")


def test_standing_noun_in_quotes_or_as_an_aim_is_not_flagged():
    assert not by_rule("报告称电梯维保企业“区位优势明显”。", "objectivity.lexicon-standing")
    assert not by_rule("力争使茶叶加工专业的竞争力显著提高，到明年形成品牌。", "objectivity.lexicon-standing")


# ---- a vague size instead of a figure (很大的增量、不小的差距、幅度不小)
def test_vague_size_without_figure_is_flagged():
    assert by_rule("药品零售门店与国外同行相比仍存在不小差距。", "objectivity.lexicon-vague-size")
    assert by_rule("今年林下经济为当地带来了很大的收入增量。", "objectivity.lexicon-vague-size")
    assert by_rule("烘焙岗位招聘数在年末迎来一次幅度不小的回升。", "objectivity.lexicon-vague-size")


def test_vague_size_with_a_figure_in_its_clause_is_not_flagged():
    assert not by_rule("供水企业持证人员比例为62%，距离90%的要求还有较大差距。", "objectivity.lexicon-vague-size")


# ---- a degree word before a comparative (明显高于、显著低于) is a vague comparison like 远高于
def test_degree_comparative_with_one_side_figure_is_flagged():
    found = by_rule("该港区吞吐量同比增长8.6%，明显高于沿海港口平均水平。", "objectivity.vague-comparison")
    assert any("明显高于" in t for t in found)
    assert by_rule("染整企业的用工缺口显著低于去年同期。", "objectivity.vague-comparison")


def test_degree_comparative_with_the_compared_side_given_is_not_flagged():
    text = "该港区吞吐量同比增长8.6%，明显高于沿海港口平均水平的3.1%。"
    assert not any("明显高于" in t for _, t in obj(text))


# ---- a plan's dated target (《规划》明确，到2027年，……显著提高) is policy wording, not a statement of fact
def test_dated_target_in_a_plan_is_not_flagged():
    text = "《方案》明确，到2027年，全省茶叶初加工的机械化水平显著提高，茶农收入稳定性明显增强。"
    assert not any(t in ("显著提高", "明显增强") for _, t in obj(text))


def test_the_same_change_stated_as_fact_is_still_flagged():
    text = "2024年，全省茶叶初加工的机械化水平显著提高，茶农收入稳定性明显增强。"
    assert flagged(text, "显著提高")


def test_standing_noun_with_a_figure_in_its_clause_is_not_flagged():
    assert not by_rule("蜂蜜出口以占全市42.3%的份额优势明显。", "objectivity.lexicon-standing")
