"""Issue 9, round 15 (objectivity): evaluative predicates as constructions rather than strings — a role, edge or
resilience noun + an evaluative predicate at a clause end (作用突出、韧性增强、质效稳中趋好), 连续N年 + a degree word + a
change, 呈现 + 稳健/较快 + 上升 + 趋势, 显得 + 尤为 + 重要. Sentences written for these tests (no sample-corpus text)."""
from assistant.check import check_text


def obj(text):
    return [(f.rule_id, f.text) for f in check_text(text, categories={"objectivity"}).findings]


def flagged(text, words):
    return any(words in t or t in words for _, t in obj(text))


# ---- (a) noun + evaluative predicate, no figure in the clause
def test_evaluative_predicates_are_flagged():
    assert flagged("陶瓷业在稳出口、带就业等方面作用突出。", "作用突出")
    assert flagged("全省茶叶加工的运行质效稳中趋好。", "质效稳中趋好")
    assert flagged("这反映出本地家具产业链韧性增强。", "韧性增强")
    assert flagged("在中药材种植领域，西南几省的人才优势显著，华北次之。", "优势显著")


def test_comparative_summaries_and_figures_are_not_flagged():
    # 更加、进一步 + predicate is a release's usual summary, left to the older rules as before
    assert not flagged("其中，家具制造业的支撑作用更加突出。", "作用更加突出")
    # a figure in the same clause gives the edge; a wish is not a statement of fact
    assert not flagged("茶叶出口以占全省31.5%的份额优势突出。", "优势突出")
    assert not flagged("希望本地茶叶的出口优势更加突出、作用突出。", "作用突出")


def test_consolidated_positions_and_strong_guarantees_are_flagged():
    assert flagged("本地陶瓷产业作为全省支柱的地位持续巩固。", "地位持续巩固")
    assert flagged("港口吞吐能力稳步增长，为全年外贸实现平稳开局提供了有力保障。", "提供了有力保障")


def test_plain_consolidation_and_solid_support_are_not_flagged():
    assert not flagged("全省粮食生产基础地位巩固。", "地位巩固")
    assert not flagged("要为茶产业升级提供有力保障。", "保障")


# ---- (b) 连续N年 + degree word + change
def test_multi_year_vague_changes_are_flagged():
    assert flagged("全市木材加工企业的单位能耗连续多年稳步下降。", "连续多年稳步下降")
    assert flagged("茶园面积比上年增加2.1万亩，连续三年较多增长。", "连续三年较多增长")


def test_multi_year_changes_with_figures_are_not_flagged():
    assert not flagged("全市木材加工企业的单位能耗连续三年下降5%以上。", "连续三年")


# ---- (c) steady upward trend without a figure
def test_steady_trend_claims_are_flagged():
    assert flagged("在政策带动下，智能家居安装服务呈现稳健上升趋势。", "呈现稳健上升趋势")


def test_plain_trend_wording_is_not_flagged():
    assert not flagged("智能家居安装服务的订单量呈现季节性波动。", "呈现")


# ---- (d) 显得 + intensifier + 重要
def test_seems_especially_important_is_flagged():
    assert flagged("在这样的背景下，培养懂工艺的复合型人才显得尤为重要。", "显得尤为重要")


def test_importance_as_policy_wording_is_not_flagged():
    assert not flagged("这对行业发展具有十分重要的意义。", "重要")
