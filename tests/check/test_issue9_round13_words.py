"""Issue 9, round 13 (objectivity): stage constructions (迈入/步入/迎来……新阶段、……发展的轨道), firsts (首个/首家) and climbing
to first place, 最大优势, momentum and market-level predicates, colloquial demand wording (火热、涨势稳、需求量大 as a cause),
hedges (没有发生太大变化、相对有限、较为普遍), attributive trends (日益严峻的), advantages showing (优势加快显现), self-praised
特色, 具有较强竞争力; and the false flags: bare 领跑, a peak metric with its figure, a record line introducing figures, a
tendency a report states. Sentences written for these tests (no sample-corpus text)."""
from assistant.check import check_text


def obj(text):
    return [(f.rule_id, f.text) for f in check_text(text, categories={"objectivity"}).findings]


def flagged(text, words):
    return any(words in t or t in words for _, t in obj(text))


# ---- stage constructions
def test_stage_claims_are_flagged():
    assert flagged("全市家政服务职业教育迈入新阶段，多方共推行业发展。", "迈入新阶段")
    assert flagged("近年来，本地陶瓷产业正迎来数字化转型的全新阶段。", "全新阶段")
    assert flagged("该区养殖业已从规模扩张步入高质量发展的轨道。", "发展的轨道")
    assert flagged("联盟的成立让区域医药物流合作进入了一个全新阶段。", "全新阶段")


def test_stage_facts_and_policy_are_not_flagged():
    # a statistical stage, a policy stage and a plain 进入……新阶段 (labelled clean) stay clean
    assert not obj("2019年毛入学率达到51.6%，进入普及化阶段。")
    assert not flagged("当前，数字经济发展正进入新阶段，企业用人结构随之调整。", "新阶段")
    assert not flagged("该项目已进入施工阶段。", "阶段")


# ---- firsts and first place
def test_firsts_and_climbing_to_first_are_flagged():
    assert flagged("市交通集团牵头搭建了全市首个物流职业教育联盟。", "首个")
    assert flagged("这是首家省级层面的焊接产教融合共同体。", "首家")
    assert flagged("今年一季度，我国船用发动机出口额站上世界第一位。", "世界第一位")


def test_first_batches_and_first_days_are_not_flagged():
    assert not obj("首批成员单位覆盖全省12个地市。")
    assert not obj("节后首个工作日，全市招聘会共提供岗位3200个。")


def test_greatest_advantage_is_flagged():
    assert flagged("校企共建是推动本地纺织企业转型的最大优势。", "最大优势")
    assert not flagged("其中华东地区占比最大，为38.5%。", "最大")


# ---- momentum, market levels and colloquial demand wording
def test_momentum_and_levels_are_flagged():
    assert flagged("全年全省茶叶加工业继续保持快速发展势头。", "快速发展势头")
    assert flagged("我国宠物食品市场规模较大，且持续增长。", "规模较大")
    assert flagged("近两年，露营装备行业将迎来较为明显的增长。", "明显的增长")
    assert flagged("各地区的求职人数都明显呈上升趋势。", "明显呈上升趋势")
    assert flagged("在新消费带动下，预制菜行业持续火热。", "火热")
    assert flagged("化工类岗位薪资高，且涨势稳。", "涨势稳")


def test_momentum_and_levels_with_figures_are_not_flagged():
    assert not obj("行业保持增长态势，全年营业收入同比增长6.2%。")
    # an attributive size (规模较大的企业) is not a predicate
    assert not flagged("规模较大的宠物食品企业多在华东。", "规模较大")


def test_level_given_as_a_cause_is_not_covered_by_the_effect_figure():
    assert flagged("焊工、电工类职位因市场需求量大，投递次数同比增幅最大，增幅约41.2%。", "需求量大")
    # a change (not a level) is still given by the change figure after it
    assert not flagged("焊工类职位需求增长较快，投递次数同比增长41.2%。", "增长较快")


# ---- hedges, attributive trends, advantages showing, self-praise
def test_hedges_and_attributive_trends_are_flagged():
    assert flagged("节后第一周需求最多的五个行业没有发生太大变化。", "没有发生太大变化")
    assert flagged("然而，符合要求的储能运维人才储备相对有限。", "相对有限")
    assert flagged("目前，县域快递末端“最后一公里”断点现象较为普遍。", "较为普遍")
    assert flagged("外贸企业面临着日益严峻的用工挑战。", "日益严峻的")
    assert flagged("成渝等城市会展业发展优势加快显现。", "优势加快显现")
    assert flagged("该集团是具有鲜明陶瓷特色的办学联合体。", "鲜明陶瓷特色")
    assert flagged("可见，二线城市的薪资水平仍具有较强竞争力。", "较强竞争力")
    assert flagged("这凸显了本地制造业较强的发展韧性。", "较强的发展韧性")


def test_hedge_lookalikes_are_not_flagged():
    assert not obj("本次培训名额有限，报满为止。")
    assert not obj("政策效应将逐步显现。")
    assert not obj("这一做法已在全省普遍推广。")


# ---- false flags removed
def test_bare_lead_run_is_not_flagged_but_outrunning_others_is():
    # an official idiom with its object (no ranking scope word) is not flagged; 领跑全国 is left to ranking-claim
    assert not flagged("华东和华南地区继续领跑中国陶瓷出口。", "领跑")
    assert flagged("物流、仓储等领域的招聘量更是领跑其他行业。", "领跑其他")
    assert flagged("我国光伏组件产业实现了从跟跑、并跑到领跑的转变。", "领跑")


def test_peak_metric_with_its_figure_is_not_a_ranking():
    assert not flagged("8月3日，广东省最大用电负荷达到1.45亿千瓦。", "最大")
    assert flagged("该企业是广东省规模最大的造纸企业。", "最大")


def test_record_line_introducing_figures_is_not_flagged():
    assert not flagged("各地客流量屡次创新高：⏎5月1日，全市接待游客112万人次。".replace("⏎", "\n"), "创新高")
    assert flagged("多个城市客流量均创历史新高。", "创历史新高")


def test_tendency_stated_by_a_named_report_is_not_flagged():
    assert not flagged("某招聘平台发布的《2024春季人才流动报告》显示，人才流动趋势更为明显。", "趋势更为明显")
    assert flagged("今年人才流动趋势更为明显。", "趋势更为明显")
