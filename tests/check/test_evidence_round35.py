"""Issue 9, round 35 (evidence, helper evid35): another body's forecast under a news lead, and a gap whose sentence
sizes something else.

- A paragraph that names no source of its own, in a story whose news lead (the first body paragraph, reporting a
  named body's published data) named the body, goes on with that body's statement: a forecast there is the body's,
  not ours to justify (`Forecast._news_lead_covers`). Without such a lead, or under a vague source, it still needs
  its method.
- 缺口 whose clause and neighbouring clauses hold no figure (巨大的人才缺口，正是……的体现，以……为例，……2.5亿元) is no
  sized gap: the sentence's figures size an example (`GapBaseline._near`). A figure in the gap's clause or the next
  one is still the gap's size and needs its baseline.
Texts written for these tests (furniture exports, warehousing, rail freight, dairy), not from the eval sets."""
from assistant.check import check_text

FORECAST = "evidence.forecast-basis"
GAP = "evidence.gap-baseline"


def rules(text, rule):
    return [f.text for f in check_text(text, categories={"evidence"}, learned=False).findings if f.rule_id == rule]


def test_a_forecast_under_a_named_news_lead_is_that_bodys():
    text = ("家具出口形势稳中有进\n\n"
            "本报讯(记者 王明)3月10日,中国家具协会举行新闻发布会,发布2023年家具行业运行数据。\n\n"
            "记者在发布会上获悉,2023年全国家具出口额达到640亿美元,同比增长3.1%。出口退税政策延续实施至2025年底,"
            "预计年均为企业减负25亿元。\n")
    assert rules(text, FORECAST) == []
    # the same paragraph with no named body in the lead: the forecast is the writer's and needs its method
    unled = ("家具出口形势稳中有进\n\n"
             "本报讯(记者 王明)家具行业近来备受关注,不少企业加快布局海外市场。\n\n"
             "记者在采访中了解到,出口退税政策延续实施至2025年底,预计年均为企业减负25亿元。\n")
    assert any("25亿元" in t for t in rules(unled, FORECAST))
    # a vague source in the forecast's sentence still takes over from the lead
    vague = ("铁路货运持续增长\n\n"
             "国家铁路局发布数据显示,2023年全国铁路货物发送量完成50.1亿吨,同比增长1.0%。\n\n"
             "据业内人士分析,明年铁路货运需求预计将达到52亿吨。\n")
    assert any("52亿吨" in t for t in rules(vague, FORECAST))


def test_a_gap_with_no_figure_near_it_is_not_sized_by_the_sentences_example():
    text = ("智慧仓储人才观察\n"
            "巨大的人才缺口,正是行业快速扩张的写照,以自动化立体仓库为例,有测算显示,一座大型立体仓库投资约2.5亿元。\n")
    assert rules(text, GAP) == []
    sized = ("智慧仓储人才观察\n"
             "智慧仓储领域的人才缺口约为12万人,正是行业快速扩张的写照。\n")
    assert rules(sized, GAP) != []
    next_clause = ("乳制品行业人才观察\n"
                   "乳品加工企业的技术人才缺口较大,约有3.5万人,集中在质量检测岗位。\n")
    assert rules(next_clause, GAP) != []
