"""Issue 9, round 18 (objectivity): policy documents' goals are policy wording, a record stated after its figures sums
them up, word-boundary and state-noun exceptions (积极大胆, 供不应求的态势, 伴随……逐步改善), 暴涨 with 激增, and the
classes written after batch u was read (万众瞩目, 一直领先, 发源地, 优势迅速显现, 实现平稳健康发展, 健康稳定的发展速度).
Sentences written for these tests (dairy, bamboo, glass, footwear, herbal-medicine and horticulture texts)."""
from assistant.check import check_text


def obj(text):
    return [(f.rule_id, f.text) for f in check_text(text, categories={"objectivity"}).findings]


def flagged(text, words):
    return any(words in t or t in words for _, t in obj(text))


NOTICE_HEAD = ("某省农业农村厅关于印发竹产业高质量发展行动方案的通知\n某农发〔2025〕7号\n"
               "各市、县（区）农业农村局，厅属各单位：\n现将《行动方案》印发给你们，请认真贯彻执行。\n")
GOALS = "到2027年，竹产业综合产值显著提升，为乡村振兴提供有力支撑，打造县域经济新引擎。"


# ---- a policy document's goals and requirements
def test_goals_in_a_policy_document_are_not_flagged():
    text = NOTICE_HEAD + GOALS
    for words in ("显著提升", "有力支撑", "新引擎"):
        assert not flagged(text, words)


def test_a_plan_titled_with_its_years_is_a_policy_document():
    text = ("某市中药材产业发展实施方案（2025—2027年）\n为推动全市中药材产业发展，制定本方案。\n"
            "一、总体要求\n到2027年，中药材加工能力显著提升，为特色农业提供有力支撑。")
    assert not flagged(text, "有力支撑")
    assert not flagged(text, "显著提升")


def test_the_same_goals_outside_a_policy_document_are_flagged():
    text = "某竹业协会年度工作回顾\n今年竹产业综合产值显著提升，为乡村振兴提供有力支撑，成为县域经济新引擎。"
    assert flagged(text, "有力支撑")
    assert flagged(text, "新引擎")


def test_a_problem_stated_in_a_notice_is_still_flagged():
    text = NOTICE_HEAD + "当前，竹材加工企业小散弱现象较为普遍。"
    assert flagged(text, "现象较为普遍")


# ---- 积极大胆 is not 极大
def test_jiji_dadan_is_not_the_word_jida():
    assert not flagged("鼓励各鞋业企业积极大胆探索校企合作的新模式。", "极大")
    assert flagged("新生产线给鞋业企业带来了极大便利。", "极大")


# ---- records
def test_a_record_after_its_figures_is_not_flagged():
    text = "2024年全省乳制品产量达到96.5万吨，比上年增长6.1%。全年乳制品产量创历史新高。"
    assert not flagged(text, "历史新高")


def test_a_record_leading_its_paragraph_or_alone_is_flagged():
    assert flagged("全省玻璃行业入围门槛创历史新高。百强企业营业收入合计812亿元。", "历史新高")
    assert flagged("全省玻璃制品出口再创历史新高。", "历史新高")


# ---- supply and demand as a state
def test_supply_short_of_demand_as_a_state_is_not_flagged():
    assert not flagged("园艺行业在众多行业中较为特殊，呈现出供不应求的态势。", "供不应求")
    assert not flagged("园艺专业毕业生长期处于供不应求的状态。", "供不应求")


def test_a_product_selling_out_is_still_flagged():
    assert flagged("今年新款竹编家具供不应求。", "供不应求")


# ---- 暴涨 with 激增
def test_baozhang_without_a_figure_is_flagged():
    assert flagged("今年春季鞋厂用工需求暴涨、求职人数激增。", "暴涨")


def test_baozhang_with_its_figure_is_not_flagged():
    assert not flagged("今年春季鞋厂订单量较上年暴涨260%。", "暴涨")


# ---- background with 伴随
def test_background_with_banSui_is_not_flagged():
    assert not flagged("伴随各地冷链通行逐步改善，乳制品市场供给保持稳定。", "逐步改善")
    assert flagged("各地冷链通行逐步改善，乳制品市场供给保持稳定。", "逐步改善")


# ---- classes written after batch u was read
def test_spectacle_primacy_and_lasting_lead_are_flagged():
    assert flagged("中药材种植员成了万众瞩目的新职业。", "万众瞩目")
    assert flagged("该县是我国竹编工艺的发源地。", "发源地")
    assert flagged("该市玻璃工人的收入水平一直领先于其他城市。", "一直领先")


def test_quoted_or_unrelated_words_are_not_flagged():
    assert not flagged("该县被授予“竹编工艺发源地”称号。", "发源地")
    assert not flagged("该市玻璃工人收入的领先优势正在缩小。", "领先")


def test_states_with_evaluative_adjectives_are_flagged():
    assert flagged("全省乳制品行业整体实现平稳健康发展。", "平稳健康发展")
    assert flagged("鞋业正保持在一个健康稳定的发展速度中。", "健康稳定的发展速度")
    assert flagged("县域中药材产业的规模优势迅速显现，加工企业增多。", "优势迅速显现")


def test_goals_and_figures_for_those_states_are_not_flagged():
    assert not flagged("要推动乳制品行业平稳健康发展。", "平稳健康发展")
    assert not flagged("力争全省鞋业保持在一个健康稳定的发展速度。", "发展速度")


# ---- 必然 as an attribute, 定将 across a word boundary
def test_attributive_biran_and_a_verb_before_jiang_are_not_flagged():
    assert not flagged("小散弱问题是制鞋业发展到一定阶段的必然阵痛。", "必然")
    assert not flagged("绿色包装已是乳制品行业发展的必然趋势。", "必然")
    assert not flagged("这一界定将竹材加工与林下经济连在一起。", "定将")


def test_biran_and_dingjiang_as_certainty_are_flagged():
    assert flagged("新标准必然带来竹编企业的洗牌。", "必然")
    assert flagged("园艺产业定将迎来新的发展。", "定将")
