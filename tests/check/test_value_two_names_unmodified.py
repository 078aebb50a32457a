"""value-two-names: a value repeated under the same metric whose second mention has no modifier of its own (以…为基数)
is one metric, not two; rival modifiers of one head are still reported."""
from assistant.check import check_text

SAME = ("2024届毕业生就业人数共 2816 人，其中企业就业的比例为52.3%。\n"
        "（注：以上占比以就业人数2816人为基数计算。）\n")
RIVAL = ("一季度全区求职需求同比增长18.64%，用人单位较为活跃。\n"
         "从岗位看，全区岗位需求同比增长18.64%，技能类岗位居多。\n")


def _rules(text):
    return [f.rule_id for f in check_text(text, categories={"consistency"}).findings]


def test_same_metric_in_a_basis_note_is_not_two_names():
    assert "consistency.value-two-names" not in _rules(SAME)


def test_rival_modifiers_are_still_reported():
    assert "consistency.value-two-names" in _rules(RIVAL)
