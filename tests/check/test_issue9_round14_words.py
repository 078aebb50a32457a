"""Issue 9, round 14 (objectivity): rhetorical certainty (已成定局、不争的事实), completed foundations (奠定了坚实基础) and
answer-sheet metaphors without 一份, slogan chains of noun + one-character praise (X稳、Y大、Z强), colloquial recruitment
wording (在低谷徘徊、招聘需求量较大 in a list). Sentences written for these tests (no sample-corpus text)."""
from assistant.check import check_text


def obj(text):
    return [(f.rule_id, f.text) for f in check_text(text, categories={"objectivity"}).findings]


def flagged(text, words):
    return any(words in t or t in words for _, t in obj(text))


# ---- rhetorical certainty and completed foundations
def test_settled_outcomes_are_flagged():
    assert flagged("从前三季度看，全年出口量超过上年已成定局。", "已成定局")
    assert flagged("行业人才流失加快已成为不争的事实。", "不争的事实")


def test_settled_wording_absent_is_not_flagged():
    assert not obj("从前三季度看，全年出口量有望超过上年。")


def test_completed_foundations_and_answer_sheets_are_flagged():
    assert flagged("这些举措为区域物流教育高质量发展奠定了坚实基础。", "奠定了坚实基础")
    assert flagged("总体上，今年家纺行业交出了好于预期的“答卷”。", "答卷")


def test_foundations_as_targets_or_plain_are_not_flagged():
    assert not flagged("要为产业转型奠定坚实基础。", "基础")
    assert not flagged("双方的交流为今后合作奠定了良好的基础。", "基础")


# ---- slogan chains: noun + one-character praise, three or more
def test_slogan_chains_are_flagged():
    assert flagged("我国家电行业展现出底盘稳、需求大、韧性强、后劲足的发展特征。", "底盘稳、需求大、韧性强、后劲足")
    assert flagged("全省种业体量大、基础实、活力足。", "体量大、基础实、活力足")


def test_short_pairs_and_figures_are_not_chains():
    assert not flagged("该岗位要求学历高、经验足。", "学历高")
    assert not obj("样本企业中，大型企业占12%、中型企业占31%、小型企业占57%。")


# ---- colloquial recruitment wording
def test_colloquial_recruitment_levels_are_flagged():
    assert flagged("相比服务业，传统制造业的人才需求依然在低谷徘徊。", "在低谷徘徊")
    assert flagged("其中，西南、华中地区的招聘需求量较大，而东北地区招聘仍未恢复。", "需求量较大")


def test_levels_compared_inside_data_are_not_flagged():
    # a list of groups with 需求较大 (no 量) stays a comparison inside the data, as before
    assert not flagged("排行榜显示，电工、焊工、叉车司机等职业的用人需求较大，文员、前台等职业的用人需求相对较小。", "需求较大")


# ---- difficulties said to be overcome (rhetoric)
def test_overcome_difficulties_are_flagged():
    assert flagged("上半年，全省陶瓷行业克服了多重困难，维护了平稳运行的局面。", "克服了多重困难")


def test_named_difficulties_are_not_flagged():
    assert not flagged("企业通过错峰生产克服了用电紧张的困难。", "困难")
