"""Round 34 (objectivity), see evals/check/README.md "Round 34 (objectivity)": a policy text's 最优质、国内一流、严重不足
are policy wording; an unscoped rank (排名第一、位居榜首) beside figures in its sentence is the order of the listed data; a
speaker or news lead earlier in the paragraph covers a ranking (a citation for a figure or a 首个 claim does not);
较为明显 / 比较平稳 as a clause predicate is a vague degree; 师资力量雄厚 and 黄金N年 are praise; 加快恢复 with an object
is an action. Sentences written for these tests (dairy farming, timber, bamboo weaving, home-care services, rail
freight, textile printing, silk, tea, furniture, ceramics, glasses)."""
from assistant.check import check_text


def found(text):
    return [f.text for f in check_text(text, categories={"objectivity"}).findings]


OPINION_HEAD = ("某县人民政府关于推进奶业振兴的实施意见\n"
                "各乡（镇）人民政府，县直有关单位：\n"
                "为加快奶业转型升级，现提出如下实施意见。\n"
                "一、总体要求\n")


def test_absolute_targets_in_a_policy_text_are_policy_wording():
    body = "（一）发展目标。到2027年，建设最优质的生鲜乳供应基地，培育最具竞争力的乳品加工企业，建成装备水平国内一流的示范牧场。\n"
    assert found(OPINION_HEAD + body) == []
    # the same sentences in a company's news are still claims
    news = "本报讯 近日，某乳业公司召开年度总结会。\n公司表示，已建成最优质的生鲜乳供应基地，拥有装备水平国内一流的示范牧场。\n"
    got = found(news)
    assert any("最优" in t for t in got) and any("国内一流" in t for t in got)


def test_a_shortfall_stated_in_a_policy_text_is_policy_wording():
    body = "与周边县相比，我县木材加工业投入严重不足，发展速度明显滞后。\n"
    assert not any("严重不足" in t for t in found(OPINION_HEAD + body))
    # in an article it is a scarcity claim without a figure
    assert any("严重不足" in t for t in found("业内人士指出，当前竹编工艺传承人严重不足。"))


def test_an_unscoped_rank_beside_its_figures_is_the_data_order():
    text = "从平均月薪看，杭州以9860元位居榜首，连续三个季度排名第一；宁波以9120元排名第二。"
    assert not any("第一" in t or "榜首" in t for t in found(text))
    assert not any("第一" in t for t in found("家政服务订单同比增长36.2%，排名第一。"))
    assert not any("第一" in t for t in found("就铁路货运量而言，甲省排名第一，为4.2亿吨。"))
    # no figure in the sentence: the rank is the writer's own claim
    assert any("排名第一" in t for t in found("在各行业中，印染业的招聘增幅排名第一。"))
    # a scope word (全国、世界) makes it a ranking claim even beside a figure for another measure
    assert any("全国第一" in t for t in found("去年全省印染布产量达86亿米，位居全国第一。"))


def test_a_ranking_after_a_named_source_in_its_paragraph_is_that_sources_account():
    speaker = "中国丝绸协会会长在年会上指出，行业结构调整步伐加快。目前，我国蚕丝产量已多年居世界首位，出口覆盖120多个国家。"
    assert not any("世界首位" in t for t in found(speaker))
    # the same paragraph with no source named: the writer's own ranking
    assert any("世界首位" in t for t in found("行业结构调整步伐加快。目前，我国蚕丝产量已多年居世界首位，出口覆盖120多个国家。"))
    # a citation for a figure does not vouch for the writer's ranking after it
    cited = "据《2024年丝绸行业发展报告》显示，全国丝绸出口额达25亿美元。我国丝绸产业规模稳居世界首位。"
    assert any("世界首位" in t for t in found(cited))
    # a first-of-its-kind claim stays the writer's even after a named source
    assert any("首个" in t for t in found("据市商务局介绍，今年丝绸出口平稳。本月全市建成首个丝绸数字化印花工坊。"))


def test_rather_evident_or_stable_as_a_clause_predicate_is_a_vague_degree():
    assert any("较为稳定" in t for t in found("近两年，全县木材加工企业的用工规模较为稳定。"))
    assert any("比较平稳" in t for t in found("受订单影响，今年印染市场比较平稳，企业开工正常。"))
    # as an attribute (……较为明显的8个小类) it is no judgement of its own
    assert found("其中，季节特征较为明显的8个家政服务小类另列一表。") == []


def test_praise_of_teaching_staff_and_golden_decades():
    assert any("雄厚" in t for t in found("学院依托雄厚的师资力量，开设了家具设计与制造专业。"))
    assert any("雄厚" in t for t in found("该校是本地唯一开设眼镜验光专业的学校，师资力量雄厚。"))
    assert any("黄金" in t for t in found("过去二十年是我国卫浴陶瓷行业的黄金20年。"))
    # a quoted slogan is the speaker's words
    assert not any("黄金" in t for t in found("与会代表认为，卫浴陶瓷行业将迎来“黄金10年”。"))


def test_speeding_up_recovery_with_an_object_is_an_action():
    assert not any("加快恢复" in t for t in found("去年四季度茶园管护到位，为今年加快恢复春茶生产奠定了基础。"))
    assert not any("加快恢复" in t for t in found("本市出台措施，为会展业加快恢复发展营造良好环境。"))
    # as a clause-final predicate with no figure it is still a degree of recovery
    assert any("加快复苏" in t for t in found("今年以来，全市家具制造业加快复苏，订单回升。"))
