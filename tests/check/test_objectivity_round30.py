"""Round 30 (objectivity): a signal of the clause, not of the document's form (see evals/check/README.md
"Round 30 (objectivity)"). A degree word whose quantity the next clause of its sentence states, with no subject of
its own and nothing after the figure (……薪酬较高，分别为a元和b元), is the writer's summary of that figure. Sentences
written for these tests (pet grooming, bakeries, ferry services, orchards)."""
from assistant.check import check_text


def words(text, rules=("objectivity.vague-change", "objectivity.vague-amount")):
    return [f.text for f in check_text(text, categories={"objectivity"}).findings if f.rule_id in rules]


def test_a_level_word_followed_by_its_figures_is_a_summary():
    text = "宠物美容师的收入差异明显，其中一线城市资深美容师的月薪较高，分别为9200元和8700元。"
    assert "较高" not in words(text)
    # without the figures the level is a claim
    assert "较高" in words("宠物美容师的收入差异明显，其中一线城市资深美容师的月薪较高。")
    # a next clause going on after its figure gives another quantity (the figure is not the level's)
    assert "发展迅速" in words("轮渡服务近年来发展迅速，为3万多沿岸居民出行提供了便利。")
    # a change word is not given by the level or by a change on another basis in the next clause
    changes = ("objectivity.vague-change", "objectivity.degree-change")
    assert "有所提高" in words("截至年底，渡船总数约300艘，其中新能源渡船占比有所提高，约为35%。", rules=changes)
    assert "略有减少" in words("据统计，5月份果品日均发运量比上月略有减少，同比增长2.4%。", rules=changes)


def test_a_demand_word_followed_by_its_change_is_a_summary():
    text = "烘焙行业招聘呈现地域差异，南方城市的烘焙师需求旺盛，同比涨幅达12.4%。"
    assert "需求旺盛" not in words(text)
    assert "需求旺盛" in words("烘焙行业招聘呈现地域差异，南方城市的烘焙师需求旺盛，门店普遍缺人。")
    # a next clause with a subject of its own names another metric: the demand is its cause, not given by it
    assert "需求旺盛" in words("果园周边的用工需求旺盛，采摘工人数同比增长15%。")
