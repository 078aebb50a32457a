"""Issue 9, round 11 (objectivity): a short lead sentence whose change / trend / state words are detailed by the change
figures of the next sentence is a summary of those figures (one scope rule for the vague-change, vague-trend,
steady-summary, achievement and promotional classes); new recall classes: eagerness idioms and pillar metaphors,
“注入……活力”, concern / alarm words, vague counts of results, “量质齐升” slogans. Sentences written for these tests."""
from assistant.check import check_text


def obj(text):
    return [(f.rule_id, f.text) for f in check_text(text, categories={"objectivity"}).findings]


def flagged(text, word):
    return any(word in t for _, t in obj(text))


# --- the lead-sentence scope --------------------------------------------------------------------------------------
def test_lead_change_word_flagged_without_the_figures():
    t = "二是客运效率明显提升。\n\n三是港口作业有序开展，码头秩序良好。\n"
    assert flagged(t, "明显提升"), obj(t)


def test_lead_change_word_clean_when_next_sentence_gives_the_change():
    t = "二是客运效率明显提升。全年客运效率指数为1.18，比上年提高0.07。\n"
    assert not flagged(t, "明显提升"), obj(t)


def test_lead_not_covered_by_a_figure_for_another_metric():
    t = "二是客运效率明显提升。全年港口货物吞吐量比上年增长5.2%。\n"
    assert flagged(t, "明显提升"), obj(t)


def test_lead_covers_whatever_subject_the_figures_name():
    # the figures name parts (日均班次、准点率) not the lead's subject: a heading-like lead is still covered
    t = "部分服务指标增长较快。其中，日均班次同比增长12.4%，准点率同比提高3.1个百分点。\n"
    assert not flagged(t, "增长较快"), obj(t)


def test_lead_with_figures_moving_the_other_way_stays_flagged():
    t = "部分服务指标增长较快。其中，日均班次同比下降12.4%。\n"
    assert flagged(t, "增长较快"), obj(t)


def test_trend_word_in_a_lead_clean_with_figures_flagged_without():
    with_fig = "近年来，我省物流园区数量持续扩大。\n\n2024年，全省物流园区达到186个，比上年增加14个。\n"
    assert not flagged(with_fig, "持续扩大"), obj(with_fig)
    without = "近年来，我省物流园区数量持续扩大。\n\n园区服务内容以仓储、配送为主。\n"
    assert flagged(without, "持续扩大"), obj(without)


def test_a_forecast_does_not_cover_the_lead():
    t = "二是客运效率明显提升。预计明年座位利用率将提高5个百分点左右。\n"
    assert flagged(t, "明显提升"), obj(t)


def test_long_sentence_is_not_a_lead():
    t = ("面对外部需求减弱、原材料价格波动和部分企业订单不足等多重压力，全市各类市场主体积极应对，工业生产明显回升，"
         "服务业运行总体平稳。全年社会消费品零售总额增长4.6%。\n")
    assert flagged(t, "明显回升"), obj(t)


def test_a_level_word_in_a_lead_is_not_covered_by_change_figures():
    t = "本地技工市场活跃。一季度招聘岗位环比增长16.2%。\n"
    assert flagged(t, "活跃"), obj(t)


def test_state_summary_and_promotional_lead_covered_by_figures():
    ok = "四是先行指标态势良好。全年全社会用电量增长5.6%。\n"
    assert not flagged(ok, "态势良好"), obj(ok)
    bad = "四是先行指标态势良好。各项工作有序推进。\n"
    assert flagged(bad, "态势良好"), obj(bad)
    ok2 = "一是数字产业持续领跑。全年数字产业增加值增长9.3%，高于全部工业增速2.1个百分点。\n"
    assert not flagged(ok2, "领跑"), obj(ok2)
    bad2 = "一是数字产业持续领跑。各地纷纷出台扶持政策。\n"
    assert flagged(bad2, "领跑"), obj(bad2)


def test_policy_phrase_growing_needs_is_not_flagged():
    assert not flagged("以满足居民日益增长的托育服务需求为目标，推进普惠托育。", "日益增长"), None
    assert flagged("近年来，居民对托育服务的需求日益增长。", "日益增长")


# --- recall classes -----------------------------------------------------------------------------------------------
def test_eagerness_idioms_and_pillar_metaphors():
    assert flagged("各地工厂求才若渴，纷纷开出高薪。", "若渴")
    assert flagged("高薪岗位令毕业生趋之若鹜。", "趋之若鹜")
    assert flagged("青年技师已成为车间的中流砥柱。", "中流砥柱")
    assert not flagged("青年技师占车间职工的41%。", "砥柱")


def test_injecting_vitality():
    assert flagged("新建的实训中心为区域产业注入了蓬勃的活力。", "注入")
    assert not flagged("新建的实训中心每年培训学员3200人次。", "注入")
    assert not flagged("企业向储罐注入氮气。", "注入")


def test_concern_words():
    assert flagged("基层护理人员的流失情况令人担忧。", "令人担忧")
    assert flagged("部分院校的实训条件堪忧。", "堪忧")
    assert not flagged("部分院校的实训条件有待改善。", "堪忧")


def test_vague_counts_of_results():
    assert flagged("联盟与企业共建多个订单班，效果良好。", "共建多个")
    assert flagged("学院建成数个省级实训基地。", "建成数个")
    assert not flagged("联盟与企业共建6个订单班。", "共建")
    # an action or a scope with a vague count is not a result stated without its number
    assert not flagged("市人社局派出多个工作组赴外省招聘。", "多个")
    assert not flagged("双方将在装备、材料等多个领域开展合作。", "多个")


def test_paired_slogans():
    assert flagged("今年以来，园区企业量质齐升，发展后劲增强。", "量质齐升")
    assert not flagged("今年以来，园区企业产量增长8%，合格率为99.2%。", "齐升")


def test_evident_tendency_without_figures():
    assert flagged("求职者的学历结构高端化趋势明显，企业招聘更趋谨慎。", "趋势明显")
    # refers back to what was said, or the sentence gives the figure
    assert not flagged("多地出现返乡创业现象，这一趋势尤为明显。", "趋势")
    assert not flagged("本科以上求职者占比由21%升至34%，高端化趋势明显。", "趋势明显")
