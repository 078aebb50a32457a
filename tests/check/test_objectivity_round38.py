"""Round 38 (objectivity), see evals/check/README.md "Round 38 (objectivity)": a large change stated as an object of
有/得到/取得 without 的 (得到较大发展、有明显提升、取得了显著发展、有较大改善) and with no figure; 全方位 saying how a
cooperation is carried out (开展全方位、深层次的合作) is not promotion, as the adverbial 全方位 already was not.
Sentences written for these tests (seed breeding, elevator maintenance, ceramic tiles, rural tourism, shipyards)."""
from assistant.check import check_text


def found(text):
    return [f.text for f in check_text(text, categories={"objectivity"}).findings]


def test_a_large_change_as_an_object_with_no_figure():
    assert any("得到较大发展" in t for t in found("近年来，县域乡村民宿得到较大发展，从业人员来源也更加多样。"))
    assert any("有较大改善" in t for t in found("多数电梯维保企业在作业规范方面都有较大改善，包括配件采购和人员培训。"))
    assert any("取得了显著发展" in t for t in found("国产育种软件也同步取得了显著发展。"))
    assert any("有明显提升" in t for t in found("新建瓷砖产线的自动化水平较传统产线有明显提升。"))
    # the figure for the change in the clause answers it
    assert not any("有较大增长" in t for t in found("民宿接待量在一季度有较大增长，同比增长超过60%。"))
    # a negated change (没有、未) is not a claim of a large change
    assert not any("有很大增加" in t for t in found("由于升学分流，毕业生待就业人数没有很大增加。"))
    # a requirement (应有显著提升) is not a statement of fact
    assert not any("有显著提升" in t for t in found("到期末，育种企业的研发能力应有显著提升。"))


def test_all_round_as_the_manner_of_a_cooperation_is_not_promotion():
    assert not any("全方位" in t for t in found("船厂与学院在师资培训、订单培养等方面开展全方位、深层次的合作。"))
    assert not any("全方位" in t for t in found("两家育种企业开展全方位的深度合作。"))
    assert not any("全方位" in t for t in found("展区全方位、多角度地展示了乡村旅游的新业态。"))
    # as an evaluation of what was built it is still flagged
    assert any("全方位" in t for t in found("船厂打造了全方位、多层次的技能人才培养体系。"))
