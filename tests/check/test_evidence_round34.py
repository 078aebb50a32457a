"""Issue 9, round 34 (evidence, helper evid34): sources that are not sources, and an analyst's own analysis.

- 根据最近的一项研究、近期一项针对……的调查 at a clause's start names no body (evidence.yaml `vague_extra`): the
  sentence's figures are unsourced; 某局此前另一项统计数据显示 names its body and is a source.
- A paragraph whose only source is such a phrase is no lead for the paragraphs after it (`_lead_in_scope`); a named
  lead still is.
- 资本市场 (本市 inside a word) and 某某的本省就业 (本省 after 的) are not a local government's voice
  (sources.yaml `local_byline`, evidence.yaml `own_local`); 我市 opening a bureau's text still is.
- 有预测显示、有数据预测显示 name no forecaster (evidence.yaml `vague_attribution`, first entry): the forecast in
  the sentence needs its method, and the sentence's 显示： is no source; 据某协会预测 still is another body's forecast.
- An analyst body saying in the opening lines that it analysed the data itself (某招聘平台基于……数据……进行分析；
  某研究院开展了进一步分析) is the text's own source (sources.yaml `author_lead`).
Texts written for these tests (pet food, cold chain, bicycles, elderly care, tea drinks, furniture), not from the eval
sets."""
from assistant.check import check_text

UNSOURCED = "evidence.unsourced-figure"


def unsourced(text):
    return [f.text for f in check_text(text, categories={"evidence"}, learned=False).findings if f.rule_id == UNSOURCED]


def test_a_recent_study_at_a_clause_start_names_no_source():
    text = ("宠物食品消费趋势\n"
            "根据最近的一项研究,2024年城镇养宠家庭在宠物食品上的年均支出为2860元,与上年基本持平。\n")
    assert any("2860元" in t for t in unsourced(text))
    text = ("冷链物流用工\n"
            "根据近期一项针对3000家冷链企业所做的调查,约38%的企业反映司机招聘困难。\n")
    assert any("38%" in t for t in unsourced(text))
    # a study whose body is named before it is that body's
    named = ("冷链物流用工\n"
             "交通运输部此前另一项统计数据显示,全国冷藏车保有量达到43.2万辆。\n")
    assert unsourced(named) == []


def test_a_vague_study_is_no_lead_for_the_next_paragraph_but_a_named_one_is():
    text = ("自行车产业用工\n"
            "根据近期一项针对1200家整车企业所做的调查,约41%的企业反映装配工短缺。\n"
            "2023年末全国自行车制造业从业人员约为28万人,较2018年减少了6.5万人。\n")
    found = unsourced(text)
    assert any("28万人" in t for t in found)
    named = ("自行车产业用工\n"
             "据中国自行车协会统计,约41%的整车企业反映装配工短缺。\n"
             "2023年末全国自行车制造业从业人员约为28万人,较2018年减少了6.5万人。\n")
    assert unsourced(named) == []


def test_ben_shi_inside_a_word_is_no_local_voice():
    text = ("养老服务业人才观察\n"
            "研究表明,护理员的本省就业比例达到68%,资本市场对连锁养老机构的关注度持续上升。\n"
            "2023年养老护理员平均月薪为5120元。\n")
    assert any("5120元" in t for t in unsourced(text))
    # a bureau's own opening in 我市 still covers its text
    own = ("一季度,我市茶饮门店新增420家,同比增长12.5%。\n"
           "全市茶饮行业从业人员达1.6万人。\n")
    assert unsourced(own) == []


def test_an_analyst_body_that_says_it_analysed_the_data_is_the_source():
    text = ("家具行业春季招聘分析报告\n"
            "某招聘平台基于全国30个城市3月1日至3月7日的招聘和求职大数据进行观察分析。\n"
            "一、复工第三周企业招聘稳步上涨\n"
            "复工第三周,家具行业招聘职位数环比上涨18.6%,简历投递量环比增长25.4%。\n")
    assert unsourced(text) == []
    text = ("在该榜单的基础上,某招聘研究院开展了进一步分析。\n"
            "2024年第二季度,全国短缺岗位中家具安装工平均月薪为8620元。\n")
    assert unsourced(text) == []
    # the same figures with no analyst named are unsourced
    bare = ("家具行业春季招聘分析\n"
            "复工第三周,家具行业招聘职位数环比上涨18.6%,简历投递量环比增长25.4%。\n")
    assert unsourced(bare)


def evidence(text):
    return [(f.rule_id, f.text) for f in check_text(text, categories={"evidence"}, learned=False).findings
            if f.category == "evidence"]


def test_you_yu_ce_xian_shi_names_no_forecaster():
    text = ("宠物医疗人才\n"
            "有预测显示,到2030年,我国宠物医疗领域人才需求将达到120万人。\n")
    assert any("120万人" in t for _, t in evidence(text))
    text = ("茶饮门店用工\n"
            "有数据预测显示:目前全国需要85万名调饮师才能基本满足门店需求,而实际从业人员只有62万人。\n")
    assert any("85万" in t for _, t in evidence(text))
    # a named forecaster's forecast needs no method of ours
    named = ("宠物医疗人才\n"
             "据中国畜牧业协会预测,到2030年,我国宠物医疗领域人才需求将达到120万人。\n")
    assert evidence(named) == []
