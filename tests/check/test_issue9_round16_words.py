"""Issue 9, round 16 (objectivity): classes of wording rather than strings — event and opportunity rhetoric (胜利闭幕、
盛会、重大机遇、迈出关键一步、注入新动能), attitudes strengthening with no figure of their own (意愿增强、意识日益增强), a high
level with no figure (维持高位), 居……前列 whatever the scope word, achieved roles (发挥了积极作用); and three narrowings
(斗争取得 is no wish, 持续加大 + object is an action, 同比保持较快增长 carries on the figure just given). Sentences written
for these tests (no sample-corpus text)."""
from assistant.check import check_text


def obj(text):
    return [(f.rule_id, f.text) for f in check_text(text, categories={"objectivity"}).findings]


def flagged(text, words):
    return any(words in t or t in words for _, t in obj(text))


# ---- event rhetoric
def test_event_rhetoric_is_flagged():
    assert flagged("本届陶瓷产业博览会在景德镇胜利闭幕。", "胜利闭幕")
    assert flagged("这是茶产业界的一次盛会。", "盛会")
    # 斗争取得 holds 争取, which is not a wish before the word
    assert flagged("在抗击洪水的斗争取得胜利后，这次家具展成为行业的一次盛会。", "盛会")


def test_plain_events_and_targets_are_not_flagged():
    assert obj("博览会于10月12日闭幕。") == []
    assert not flagged("力争把博览会办成行业的一次盛会。", "盛会")


# ---- opportunities and steps
def test_opportunity_and_step_rhetoric_is_flagged():
    assert flagged("数字化转型是家具企业的一次重大机遇。", "重大机遇")
    assert flagged("该校在陶瓷专业建设上迈出关键一步。", "迈出关键一步")
    assert flagged("联盟的成立为茶产业发展注入新动能。", "注入新动能")


def test_balanced_or_plain_wording_is_not_flagged():
    assert not flagged("市场变化既是严峻考验，也是家具企业转型的重大机遇。", "重大机遇")
    assert not flagged("学员迈出了实训的第一步。", "迈出")
    assert not flagged("“为行业注入新动能”是本次会议的主题。", "注入新动能")


# ---- attitudes and high levels, own clause only
def test_attitudes_strengthening_are_flagged_whatever_figure_follows():
    assert flagged("茶农的种植意愿增强，茶园面积保持稳定。", "意愿增强")
    # the sales figure after it measures another thing, not the awareness
    assert flagged("消费者的环保意识日益增强，再生纸销量同比增长12%。", "意识日益增强")


def test_attitudes_with_their_figure_or_as_action_are_not_flagged():
    assert not flagged("企业的参保意愿提升至85%。", "意愿提升")
    assert not flagged("要增强企业的投资信心。", "信心")


def test_high_level_without_figure_is_flagged():
    assert flagged("全省瓷砖出厂价格维持高位。", "维持高位")


def test_high_level_with_its_figure_is_not_flagged():
    assert not flagged("瓷砖出厂价格维持在每平方米85元的高位。", "高位")


# ---- rankings and achieved roles
def test_front_rank_whatever_the_scope_is_flagged():
    assert flagged("陶瓷出口额居同类省份前列。", "居同类省份前列")
    assert flagged("这家瓷厂的出口额居同行前列。", "居同行前列")


def test_front_rank_backed_by_its_share_is_not_flagged():
    assert not flagged("陶瓷出口额占全国的12.5%，居同类省份前列。", "前列")


def test_achieved_roles_are_flagged():
    assert flagged("联盟在校企对接方面发挥了积极作用。", "发挥了积极作用")


def test_intended_roles_are_not_flagged():
    assert not flagged("联盟将在校企对接方面发挥积极作用。", "作用")


# ---- narrowings (false flags of earlier rounds' wording)
def test_increasing_support_with_an_object_is_an_action():
    assert not flagged("各地持续加大茶园改造支持力度，茶农收入稳定。", "持续加大")
    assert flagged("陶瓷技工的短缺程度持续加大。", "持续加大")


def test_basis_word_clause_carries_on_the_figure_before_it():
    assert not flagged("全省瓷砖出口额同比增长12.3%，同比保持较快增长。", "较快增长")
    assert flagged("全省瓷砖出口额保持较快增长。", "较快增长")


# ---- a share's change needs percentage points (like a growth rate's)
def test_share_change_without_points_is_flagged():
    # the growth figure after it is the export value's, not the share's change
    text = "其中，陶瓷出口收入比例增长明显，出口额同比增长12.4%。"
    assert flagged(text, "增长明显")


def test_share_change_with_points_is_not_flagged():
    text = "其中，出口收入比例增长明显，比上年提高2.3个百分点。"
    assert not flagged(text, "增长明显")


# ---- breakthroughs, 最为 + evaluation, resilience shown, development judged on its own clause
def test_breakthroughs_superlatives_resilience_and_development_are_flagged():
    assert flagged("联盟在船舶焊接人才联合培养方面取得新突破。", "取得新突破")
    assert flagged("本地拥有最为完备的陶瓷产业配套体系。", "最为完备")
    assert flagged("内销平稳，家具出口展现韧性。", "展现韧性")
    assert flagged("近年来本地茶产业实现较快发展，茶叶出口额同比增长6.5%。", "实现较快发展")


def test_data_superlatives_and_intended_development_are_not_flagged():
    assert not flagged("各片区中，东部的招聘需求最为集中。", "最为集中")
    assert not flagged("力争本地茶产业实现较快发展。", "实现较快发展")


# ---- a result aimed at (推动……持续改善) is not a stated change
def test_aimed_result_is_not_flagged():
    assert not flagged("下阶段要加快技术改造，推动陶瓷企业效益持续改善。", "持续改善")
    assert flagged("今年以来，陶瓷企业效益持续改善。", "持续改善")


# ---- intensified lack and mismatch, far from meeting
def test_intensified_lack_and_far_shortfall_are_flagged():
    assert flagged("目前本地船舶焊接高级技师十分缺乏。", "十分缺乏")
    assert flagged("陶瓷产值的排名与其研发投入极不相称。", "极不相称")
    assert flagged("现有茶艺人员的技能远远满足不了茶馆扩张的需要。", "远远满足不了")


def test_plain_lack_and_quoted_words_are_not_flagged():
    assert not flagged("部分陶瓷企业缺乏检测设备。", "缺乏")
    assert not flagged("访谈中有企业认为“技能人员十分缺乏”。", "十分缺乏")


# ---- applause, joint slogans, recognition with its giver
def test_applause_slogans_and_recognition_are_flagged():
    assert flagged("在热烈的掌声中，双方签署了茶艺人才培养协议。", "热烈的掌声")
    assert flagged("与会代表共商发展大计，共绘陶瓷职教融合新蓝图。", "共绘陶瓷职教融合新蓝图")
    assert flagged("当前，船舶配套产业受到了地方政府的高度重视。", "受到了地方政府的高度重视")
    assert flagged("协会的服务得到了广大会员企业的认可。", "得到了广大会员企业的认可")


def test_quoted_themes_and_plain_attention_are_not_flagged():
    assert not flagged("本次会议以“共谋陶瓷新篇”为主题。", "共谋陶瓷新篇")
    assert not flagged("该方案受到了主管部门的关注。", "关注")
    assert not flagged("各地要高度重视船舶配套人才培养。", "高度重视")


# ---- capacities strengthening, judged on their own clause
def test_capacities_strengthening_are_flagged_whatever_figure_follows():
    text = "全省陶瓷产业研发能力不断增强，出口额同比增长9.2%。"
    assert flagged(text, "能力不断增强")


def test_capacities_with_their_figure_or_as_target_are_not_flagged():
    assert not flagged("全省陶瓷企业检测能力持续提升至每年12万批次。", "能力持续提升")
    assert not flagged("要推动陶瓷企业研发能力不断增强。", "能力不断增强")
