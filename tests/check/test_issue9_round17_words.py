"""Issue 9, round 17 (objectivity): recovery and development judged by a degree with no figure of their own (强劲恢复、加快复苏、较快恢复
态势、平稳较快发展、好于预期), capability-leap and scorecard rhetoric (实现……跃升、亮出……成绩单), event and guest rhetoric
(高规格、权威专家) and consensus claims (普遍认为). Sentences written for these tests (no sample-corpus text)."""
from assistant.check import check_text


def obj(text):
    return [(f.rule_id, f.text) for f in check_text(text, categories={"objectivity"}).findings]


def flagged(text, words):
    return any(words in t or t in words for _, t in obj(text))


# ---- recovery with a degree and no figure in its clause
def test_recovery_with_degree_is_flagged():
    assert flagged("本年度全省茶叶出口强劲恢复，茶农收入稳定。", "强劲恢复")
    assert flagged("陶瓷业保持较快恢复态势，但尚未恢复到疫情前的水平。", "较快恢复态势")
    assert flagged("全省纺织业平稳较快发展，服务能力稳定。", "平稳较快发展")
    assert flagged("全年家具企业的经营效益明显好于预期。", "明显好于")
    assert flagged("全省茶叶加工业较快发展，产业化步伐加快。", "较快发展")
    assert flagged("2019年陶瓷产业保持了良好发展态势，出口稳定。", "良好发展")
    assert flagged("家具协会持续提高产品供给，实现了行业的良好发展。", "良好发展")


def test_recovery_with_its_figure_or_mild_degree_is_not_flagged():
    assert not flagged("本年度全省茶叶出口以同比增长18.5%的速度强劲恢复。", "强劲恢复")
    # carries on the figures of the clause before it
    assert not flagged("家具出口额同比下降10%，环比增长7%，并呈加快恢复性增长态势。", "加快恢复")
    # a heading is detailed by the figures under it
    assert not flagged("一、家具制造业较快发展\n全省家具产量增长12%，出口额增长8.1%。", "较快发展")
    assert not flagged("陶瓷市场呈现稳步复苏态势。", "复苏")
    assert not flagged("今年茶叶出口好于预期。", "好于预期")
    assert not flagged("各地要营造家具产业的良好发展环境。", "良好发展")


# ---- capability leaps and scorecards
def test_leap_and_scorecard_rhetoric_is_flagged():
    assert flagged("十年来，茶叶质量检测能力实现整体性跃升。", "跃升")
    assert flagged("今年全省家具行业再度亮出优异成绩单。", "成绩单")


def test_figures_rising_and_plain_reports_are_not_flagged():
    assert obj("家具产量从2015年的100万件跃升至2020年的300万件。") == []
    assert not flagged("协会发布了2023年度茶叶出口成绩单的统计口径说明。", "成绩单")


# ---- event and guest rhetoric
def test_event_and_guest_rhetoric_is_flagged():
    assert flagged("本届茶博会邀请了高规格嘉宾出席。", "高规格")
    assert flagged("陶瓷设计论坛请来了行业权威专家作报告。", "权威专家")


def test_named_sources_are_not_guest_rhetoric():
    assert not flagged("据省陶瓷协会等权威机构发布的数据，出口额增长6%。", "权威")
    assert obj("本届茶博会邀请了12位嘉宾出席。") == []


# ---- consensus claims
def test_consensus_claim_is_flagged():
    assert flagged("业内普遍认为，数字化是家具企业转型的关键。", "普遍认为")
    assert flagged("业内一致认为，茶园改造势在必行。", "一致认为")  # round 27: named participants (与会代表) are exempt


def test_quoted_or_plain_opinions_are_not_flagged():
    assert not flagged("报告写道：“业内普遍认为，数字化是家具企业转型的关键。”", "普遍认为")
    assert not flagged("课题组认为，茶园改造需要三年。", "认为")
