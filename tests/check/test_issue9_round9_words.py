"""Issue 9, ninth round: wording classes added after the eighth batch l joined dev (objectivity recall on unseen
wording). Sentences are written for these tests with generic subjects, not taken from the eval sets. Every positive
fails without the round's rules; every negative is a context exception (quotes, titles, wishes and targets, a figure in
the clause) or a neighbouring neutral use."""
import pytest

from assistant.check import check_text


def objectivity(text, **kw):
    return [(f.rule_id, f.text) for f in check_text(text, categories={"objectivity"}, **kw).findings]


def hit(text, word):
    return [r for r, t in objectivity(text) if word in t or t in word]


# --- promotional and rhetorical phrasing -------------------------------------------------------------------------
@pytest.mark.parametrize("text,word", [
    ("该平台已成为区域服务市场的稳定器。\n", "稳定器"),
    ("这一业务成为全市营收增长的“压舱石”。\n", "压舱石"),
    ("合作园区已成为核心的人才蓄水池。\n", "蓄水池"),
    ("数字化浪潮正重塑整个服务体系,各方都在调整。\n", "浪潮正重塑"),
    ("该项目填补了本地区同类服务的空白。\n", "空白"),
    ("这是双方合作中的一项新突破。\n", "新突破"),
    ("会员单位凭借顽强的韧性保持了运营。\n", "顽强"),
    ("面对停工,各会员单位表现出顽强的韧性。\n", "顽强的韧性"),
    ("该机构凭借雄厚的资源赢得了合作。\n", "凭借雄厚的"),
    ("该镇的手工业历史悠久,基础雄厚。\n", "历史悠久"),
    ("新成立的联盟立意新、起点高。\n", "立意新"),
    ("本年度各成员单位取得了优异的成绩,共完成培训1200人次。\n", "优异"),  # the figure is another quantity
    ("这次调查为后续工作提供了更为科学可靠的决策依据。\n", "科学可靠"),
    ("活动为青年教师提供了更为广阔的平台。\n", "广阔的平台"),
    ("各站点在保障群众出行方面发挥了重要作用。\n", "发挥了重要作用"),
    ("志愿服务在社区治理中发挥日益重要的作用。\n", "日益重要"),
    ("基层服务站有着不可替代的价值。\n", "不可替代"),
])
def test_promotional_and_rhetorical_constructions_are_flagged(text, word):
    assert hit(text, word), objectivity(text)


def test_a_metaphor_in_a_policy_phrase_without_becoming_is_not_flagged():
    assert not hit("该业务继续发挥“压舱石”作用。\n", "压舱石")
    assert not hit("工作站持续发挥着就业“蓄水池”的作用。\n", "蓄水池")


def test_quoted_words_and_titles_are_not_flagged():
    assert not hit("负责人说:“该平台已成为区域服务市场的稳定器。”\n", "稳定器")
    assert not hit("会上发布了《填补基层服务空白的若干措施》。\n", "空白")
    assert not hit("文件标题为《立意新、起点高》。\n", "立意新")


def test_a_target_or_a_plan_is_not_a_claimed_result():
    assert not hit("力争在基层服务方面取得新突破。\n", "新突破")
    assert not hit("希望联盟在推动合作中发挥着重要作用。\n", "重要作用")
    assert not hit("要为学员成长提供更加广阔的舞台。\n", "广阔")


def test_resilience_that_is_not_praised_is_not_flagged():
    assert not hit("目前该体系仍存在韧性不强的问题。\n", "韧性")
    assert not hit("他们凭借在服务方面的表现入选名单。\n", "凭借")


# --- unquantified trends and changes ------------------------------------------------------------------------------
@pytest.mark.parametrize("text,word", [
    ("近年来,服务网络不断完善,合作单位也随之增加。\n", "不断完善"),
    ("居民生活持续改善,消费意愿回升。\n", "持续改善"),
    ("配套设施加快完善。\n", "加快完善"),
    ("平台在各环节的参与程度逐渐加深,并延伸到培训。\n", "逐渐加深"),
    ("各单位的服务能力持续升级。\n", "持续升级"),
    ("投诉案例三年内激增。\n", "激增"),
    ("新业态的兴起,加剧了对复合型人才的渴求。\n", "加剧了对"),
    ("技术进步也加速了对岗位技能的提升。\n", "加速了对"),
])
def test_unquantified_trends_are_flagged(text, word):
    assert hit(text, word), objectivity(text)


def test_trend_with_an_object_or_as_a_background_or_a_plan_is_not_flagged():
    assert not hit("各单位不断完善管理制度。\n", "完善")  # an action with an object
    assert not hit("随着服务网络不断完善,参与者越来越方便。\n", "不断完善")  # background
    assert not hit("下一步将不断完善服务网络。\n", "完善")  # a plan


def test_a_change_with_its_figure_in_the_clause_is_not_flagged():
    assert not hit("投诉案例三年内激增42%。\n", "激增")
    assert not hit("投诉案例由12件激增至57件。\n", "激增")


def test_a_quoted_trend_is_not_flagged():
    assert not hit("报告称“配套设施加快完善”。\n", "加快完善")


# --- hedged vagueness -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,word", [
    ("目前,该地区人员结构存在一定程度的失衡。\n", "一定程度"),
    ("培养内容与岗位要求存在一定程度的脱节。\n", "一定程度"),
    ("各类岗位的占比差异不明显。\n", "差异不明显"),
    ("部分机构的服务状况相对好些,但仍有困难。\n", "相对好些"),
    ("入职头两年,就业情况相对不稳定。\n", "相对不稳定"),
    ("毕业生的留任率整体不高。\n", "整体不高"),
    ("服务类岗位比例偏高。\n", "比例偏高"),
])
def test_hedged_degree_judgements_are_flagged(text, word):
    assert hit(text, word), objectivity(text)


def test_a_hedge_with_its_figure_in_the_sentence_is_not_flagged():
    assert not hit("服务类岗位比例偏高,为62.5%。\n", "偏高")
    assert not hit("各类岗位的占比差异不明显,均在20%上下。\n", "差异不明显")
    assert not hit("留任率整体不高(41.2%)。\n", "整体不高")


def test_a_quoted_or_questioned_hedge_is_not_flagged():
    assert not hit("调查对象认为“岗位比例偏高”。\n", "偏高")
    assert not hit("各类岗位的占比差异不明显吗?\n", "差异不明显")


def test_broadly_stable_is_left_alone():
    # 总体稳定、基本稳定 are the usual wording of official summaries; dev labels them clean
    assert not hit("就业形势总体稳定。\n", "稳定")
    assert not hit("岗位存量基本稳定。\n", "稳定")
