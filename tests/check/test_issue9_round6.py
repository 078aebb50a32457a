"""Issue 9, sixth round: a statistics release excerpt that never names its publisher is known by its own layout
(breakdown openers such as 分三大门类看 / 按销售渠道分, notes-block titles such as 附注 / 指标解释, figure sentences
stating the period's change); web texts with unsourced figures stay flagged; and the objectivity classes added from
the i batch's misses. Texts are written for these tests, in several industries (rail transit equipment, cold-chain
logistics, elderly care, modern agriculture), not taken from the eval sets."""
import pytest

from assistant.check import check_text


def evidence(text, **kw):
    return [f.text for f in check_text(text, categories={"evidence"}, **kw).findings]


def objectivity(text, **kw):
    return [(f.rule_id, f.text) for f in check_text(text, categories={"objectivity"}, **kw).findings]


# a publisher-less release excerpt (rail transit equipment): no byline, no numbered sections
RAIL_RELEASE = (
    "1-6月份,全省轨道交通装备制造业增加值同比增长7.4%,比1-5月份加快0.3个百分点。\n"
    "分产品看,上半年,动车组产量126列,同比增长12.5%;城轨车辆产量1860辆,增长6.1%;铁路货车产量9200辆,下降3.2%。\n"
    "分经济类型看,上半年,国有控股企业增加值同比增长8.1%;股份制企业增长7.0%,私营企业增长5.6%。\n"
    "6月份,全省轨道交通装备制造业增加值同比增长8.0%,比上月加快0.5个百分点。\n"
    "附注\n"
    "1.指标解释\n"
    "轨道交通装备制造业增加值:是指规模以上轨道交通装备制造企业在报告期内以货币形式表现的生产活动的最终成果。\n"
    "2.统计范围\n"
    "年主营业务收入2000万元及以上的工业法人单位。\n"
)

# a publisher-less release excerpt (cold-chain logistics): breakdown openers only
COLD_CHAIN_RELEASE = (
    "上半年,全市冷链物流总额2310亿元,同比增长9.6%。\n"
    "按服务对象分,农产品冷链物流总额1450亿元,同比增长10.2%;医药冷链物流总额388亿元,增长14.3%。\n"
    "分运输方式看,公路冷链运输量1260万吨,同比增长8.8%;铁路冷链运输量96万吨,增长21.5%。\n"
    "6月份,全市冷库新增库容18万立方米,比上年同期增加2.1万立方米。\n"
)


@pytest.mark.parametrize("text", [RAIL_RELEASE, COLD_CHAIN_RELEASE])
def test_a_release_excerpt_without_a_publisher_is_the_bodys_own_data(text):
    assert evidence(text) == []


# web texts with unsourced figures: no release layout marks, evaluative wording, figures of a size not a period change
@pytest.mark.parametrize("text", [
    ("养老护理行业正迎来黄金发展期。目前全国失能老人约4400万人,养老护理员缺口超过500万人。\n"  # elderly care
     "业内普遍认为,未来五年护理员需求还将增加200万人,持证上岗率不足30%。\n"
     "这一行业前景广阔,值得年轻人关注。\n"),
    ("现代农业人才需求旺盛,数字农业从业人员已达120万人。\n"                                   # modern agriculture
     "分地区看,东部地区需求最为迫切,智慧农场技术员平均月薪超过8000元。\n"
     "农业无人机飞手缺口约40万人,是当下最热门的新职业之一。\n"),
])
def test_a_web_text_with_unsourced_figures_is_still_flagged(text):
    assert evidence(text)


# --- objectivity classes from the i batch ---------------------------------------------------------------------------
@pytest.mark.parametrize("text, rule, word", [
    ("冷链物流企业中,具备国际认证资质的质检人员更是稀缺。", "objectivity.scarcity", "更是稀缺"),
    ("高水平的养老机构管理人才十分奇缺。", "objectivity.scarcity", "十分奇缺"),
    ("省内龙头企业凭借完整产业链保持领先地位。", "objectivity.ranking-claim", "保持领先地位"),
    ("智慧农业服务企业快速崛起。", "objectivity.vague-change", "快速崛起"),
    ("轨道交通装备行业技术迭代加速,对复合型人才提出新要求。", "objectivity.vague-trend", "迭代加速"),
    ("共同体成立一年来,交出了一份亮眼的答卷。", "objectivity.achievement", "交出了一份亮眼的答卷"),
])
def test_sixth_round_objectivity_classes_are_flagged(text, rule, word):
    assert (rule, word) in objectivity(text)


@pytest.mark.parametrize("text", [
    "紧缺工种目录共列出养老护理员等12个职业。",          # 紧缺 as a modifier of a list's name
    "要为冷链物流人才培养打下坚实基础。",                  # a requirement, not a claim (irrealis)
    "希望各成员单位交出一份满意的答卷。",
])
def test_scarcity_and_achievement_wording_in_names_and_wishes_is_not_flagged(text):
    assert objectivity(text) == []


def test_a_news_lead_learned_from_a_named_body_covers_the_figures_after_it():
    text = ("5月20日消息,从省农业农村厅网站获悉,1-4月份,全省农产品加工业运行平稳。\n"      # modern agriculture
            "其中,1-4月份,规模以上农产品加工企业营业收入1820亿元,同比增长6.3%。\n"
            "其中,粮油加工营业收入640亿元,同比增长4.1%。\n")
    assert evidence(text) == []


def test_a_clause_opening_with_bao_chi_carries_on_the_figure_before_it():
    text = "上半年,全省养老服务机构营业收入312亿元,比上年增长8.2%,保持平稳较快增长。"      # elderly care
    assert ("objectivity.vague-change", "较快增长") not in objectivity(text)
