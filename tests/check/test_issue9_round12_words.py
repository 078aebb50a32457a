"""Issue 9, round 12 (objectivity): a change of a growth rate needs a figure for that change; 严重不足/缺失 as a
predicate; promotional conditions, opportunities and platforms; similes; a ranking shown by its share; a record with its
own figure; policy wording (最大程度地) and tiers of skill (顶尖数字技能). Sentences written for these tests."""
from assistant.check import check_text


def obj(text):
    return [(f.rule_id, f.text) for f in check_text(text, categories={"objectivity"}).findings]


def flagged(text, words):
    return any(words in t or t in words for _, t in obj(text))


# ---- a change of a growth rate
def test_rate_change_with_only_a_growth_figure_is_flagged():
    assert flagged("前三季度，该市制造业运行平稳，营业收入增长加快。前三季度，营业收入同比增长8.6%。", "增长加快")
    assert flagged("服务收入增速提升，数据服务收入增长较快。", "增速提升")
    assert flagged("安全产品收入增长放缓。1—9月，安全产品收入420亿元，同比增长6.1%。", "增长放缓")
    assert flagged("平台服务收入加快增长。1—9月，平台服务收入900亿元，同比增长7.2%。", "加快增长")
    assert flagged("本月产值同比增长21.4%，环比增长3.2%，增幅比上月均明显提升。", "明显提升")
    assert flagged("随着订单回暖，装备制造业增长不断加快。截至9月末，装备制造业产值同比增长12.0%。", "不断加快")


def test_rate_change_with_its_points_is_not_flagged():
    assert not obj("营业收入增长加快。前三季度，营业收入同比增长8.6%，增速比上半年加快1.3个百分点。")
    assert not obj("出口增速持续回升。1—9月，出口额同比增长5.1%，增速较1—8月提高0.4个百分点。")
    assert not obj("用工成本增速放缓，上半年同比增幅约为10%，下半年降至4.4%。")
    # a level of a rate is not a change of it: its own clause figure covers it as before
    assert not flagged("今年以来产量降幅较大，前三季度下降12.5%。", "降幅较大")
    # a forecast of a rate is not a claim
    assert not flagged("新政策将共同带动市场规模增速回升，预计明年增速为6.7%。", "增速回升")


# ---- other vague changes and levels
def test_metric_falls_and_speed_and_demand_without_figure_are_flagged():
    assert flagged("受原料价格影响，整体效益出现下滑。", "出现下滑")
    assert flagged("分地区看，东部地区恢复速度较快。", "恢复速度较快")
    assert flagged("在检测、维修等多个方向，仍有较大需求。", "有较大需求")
    assert flagged("在市场规模迅速扩容的当下，企业纷纷招人。", "迅速扩容")
    assert flagged("近年来随着物流行业发展不断提速，岗位数量随之变化。", "不断提速")


def test_background_and_figure_cases_are_not_flagged():
    assert not flagged("随着经济社会发展和人口日益增长，水资源供需矛盾突出。", "日益增长")
    assert not flagged("宏观数据显示，通胀数据已经出现回落。", "出现回落")
    assert not flagged("随着产业升级和结构调整的不断加快，技能人才需求变化。", "不断加快")


# ---- scarcity
def test_severely_short_is_flagged():
    assert flagged("高端传感器的自给率严重不足，相关软件开发人才严重缺失。", "严重不足")
    assert flagged("高端传感器的自给率严重不足，相关软件开发人才严重缺失。", "严重缺失")
    assert not obj("相关岗位的供给不足，缺口约为12万人。")


# ---- promotional and similes
def test_promotional_conditions_opportunities_platforms():
    assert flagged("该省在发展储能产业上有着得天独厚的优势。", "得天独厚")
    assert flagged("新目标的提出为产业发展带来了重大机遇。", "带来了重大机遇")
    assert flagged("联盟将打造政产学研用的高端交流与合作平台。", "高端交流与合作平台")
    assert not flagged("这既是对行业的严峻考验，也是转型升级的重大机遇。", "重大机遇")


def test_simile_is_flagged_once():
    found = obj("专家的这一判断，如同一记重锤，敲响了行业人才培养的警钟。")
    assert [r for r, _ in found] == ["objectivity.rhetoric"]
    assert not obj("专家的这一判断与去年的预测相同。")


# ---- ranking, record, policy wording
def test_ranking_shown_by_its_share_is_not_flagged():
    assert not obj("上半年，该市招聘的数据岗位数量占全国的18.2%，投递人数占全国13.5%，均居全国首位。")
    assert not obj("该市数据岗位数量全国第一\n上半年，该市招聘的数据岗位数量占全国的18.2%。")
    assert not obj("该市数据岗位渗透率为17.3%，排名全国首位。")


def test_ranking_with_another_measure_is_flagged():
    assert flagged("今年该省产量完成2016.4万吨，连续9年位居全国第一，其中新品种产量突破50万吨。", "位居全国第一")
    assert flagged("快递业务量连续10年位居全国第一，但与此同时物流费用占比长期高于13%。", "位居全国第一")


def test_record_with_its_figure_is_not_flagged():
    assert not obj("截至6月末，全行业累计总产值4.12万亿元，创历史新高，同比增长21.3%。")
    assert not obj("全年实现利润512.6亿元，同比增长35%，创历史最高水平。")
    assert flagged("上半年行业运输规模再创历史新高。", "创历史新高")


def test_policy_wording_and_skill_tiers():
    assert not obj("各单位要规范应急工作，最大程度地预防和减少事故及其造成的损失。")
    assert not obj("人才短缺的主要表现：一是拥有顶尖数字技能的人才供不应求，二是具备基础技能的人才不足。")
    assert flagged("该企业的控制系统属于业内顶尖水平。", "顶尖")
