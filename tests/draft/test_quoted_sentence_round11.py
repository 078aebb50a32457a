"""What a first draft must not quote as a fact (ninth-industry probe; sentences made up, of a tea industry): a paper's
statement of its own aim, a person's reminiscence or an author's rhetorical aside, a demonstrative whose referent was
in the source's sentence before, a place named relative to its source (我省, 全市) that a national report cannot tell,
and a contrast connective (然而，) that pointed at a sentence we did not quote."""
from assistant.analysis.tables import load_yaml
from assistant.draft import paragraphs
from assistant.draft.evidence import evidence_sentences, localize, source_province, usable
from assistant.draft.sentences import SentenceTyper, dangling_term

TPL = load_yaml("draft_templates.yaml")


def test_a_papers_aim_is_not_evidence():
    assert not usable("本课题梳理了茶叶加工人才的结构，以期为各地制定茶产业人才政策提供参考。", TPL)
    assert not usable("通过问卷调研，掌握茶叶加工技能人才的分布现状，分析人才培养中存在的问题及原因，并提出相应的对策建议。", TPL)
    assert not usable("课题组走访了三个产茶县的加工企业，旨在为茶叶职业教育的专业设置提供借鉴。", TPL)
    assert not usable("笔者以三省开设茶学专业的高职院校和茶企为调研对象，了解茶叶人才的培养模式和就业状况。", TPL)
    # a finding of the same paper, with its figure, stays
    assert usable("调查的46家茶企中，有31家表示熟练制茶工招聘困难。", TPL)


def test_a_reminiscence_or_a_rhetorical_aside_is_not_evidence():
    assert not usable("退休多年的老茶农王某某回忆，那时候炒一锅茶要站一整夜，手上全是茧子。", TPL)
    assert not usable("老师傅笑着说，现在的揉捻机比人手还巧。", TPL)
    assert not usable("茶叶是农业中的传统产业，但从业者收入偏低，这是一个值得思考的问题。", TPL)
    # a speaker who states a figure is quoted as usual
    assert usable("茶厂厂长李某某回忆，2010年全厂只有工人35名，如今已经超过300名。", TPL)


def test_a_demonstrative_whose_referent_was_the_sentence_before_dangles():
    assert dangling_term("据《某某茶报》，科研人员上世纪80年代在山区发现的这株古茶树，成为当地良种选育的起点。") == "这株"
    assert dangling_term("省农业农村厅有关负责人表示，这是推进茶产业标准化的一个重要举措。") == "这是"
    assert dangling_term("2021年，该校在全省率先开设茶艺与茶营销专业。") == "该校"
    assert dangling_term("近年来，此举带动茶园亩均收入提高。") == "此举"
    assert dangling_term("据《某某茶报》，半个月前，这片茶园刚完成春季修剪。") == "这片"
    # the referent named in the sentence itself: no dangling reference
    assert dangling_term("农业农村部发布了茶产业发展规划，这是首次对茶产业作出专项部署。") is None
    assert dangling_term("如此一来，茶企的加工成本下降了20%。") is None
    assert dangling_term("2023年全国茶叶产量达到335万吨，比上年增长4%。") is None


def test_the_drafter_leaves_a_dangling_demonstrative_out():
    hit = {"source": "茶.txt", "title": "茶区见闻", "year": 2023, "chunk_id": "茶#0", "text": ""}
    cands = [{"text": t, "query_index": 0, "pos": i, "score": 1.0, "hit": hit} for i, t in enumerate([
        "茶区管委会有关负责人表示，这是茶叶质量追溯体系建设的一个重要举措。",
        "2023年，茶区茶叶加工企业达到126家。"])]
    paras = paragraphs.compose_evidence(cands, SentenceTyper(None), set(), lambda h: f"《{h['title']}》")
    texts = [t for p in paras for t, _ in p]
    assert texts == ["据《茶区见闻》，2023年，茶区茶叶加工企业达到126家。"]


def test_a_place_relative_to_its_source_is_resolved_from_the_source_or_left_out():
    hunan = {"title": "某某县坚持种茶四十年，茶园面积居全省前列", "source": "2023_湖南日报_某某县茶园.txt"}
    assert source_province(hunan) == "湖南省"
    assert localize("我省茶叶八成销往外省，加工能力有待提升。", hunan, TPL) == "湖南省茶叶八成销往外省，加工能力有待提升。"
    # no province in the title or the publisher: cannot be told
    assert localize("我省茶叶八成销往外省。", {"title": "茶产业观察", "source": "2023_期刊_茶产业观察.txt"}, TPL) is None
    # a city, district or county word: cannot be told from a province
    assert localize("2022年，全区茶园面积达3.2万亩。", hunan, TPL) is None
    assert localize("本市茶叶加工企业达到58家。", hunan, TPL) is None
    # 全市场 is no city
    kept = "全市场茶叶均价上涨5%。"
    assert localize(kept, hunan, TPL) == kept


def test_a_leading_contrast_connective_goes():
    assert evidence_sentences("然而，全国茶叶出口额比上年下降了12%。") == ["全国茶叶出口额比上年下降了12%。"]
    assert evidence_sentences("不过，茶叶电商销售额仍增长了9%。") == ["茶叶电商销售额仍增长了9%。"]


def test_a_sentence_the_index_broke_after_a_semicolon_is_read_whole():
    text = "全省茶企共128家，其中规模以上企业46家；\n从业人员约2.1万人，其中技术人员3200人。\n主要任务如下：\n（一）完善茶叶标准体系；\n（二）培育茶叶品牌。"
    assert evidence_sentences(text)[0] == "全省茶企共128家，其中规模以上企业46家；从业人员约2.1万人，其中技术人员3200人。"
    # list items on their own lines stay apart; a line ending in a comma (a letter's addressee) is not joined
    assert "完善茶叶标准体系；" in evidence_sentences(text)
    assert evidence_sentences("某某省人民政府，\n你们关于设立茶叶交易中心的请示收悉。")[0] == "某某省人民政府，"


SAMPLE = ("本次调查共收回有效问卷236份，其中男性141名，女性95名；大专及以下学历88人，本科121人，研究生27人；"
          "高级职称31名，中级职称104名。")


def test_a_surveys_sample_is_a_fact_about_the_surveyed_workforce():
    sent = evidence_sentences(SAMPLE)[0]
    assert sent.startswith("调查共收回有效问卷236份")  # the source's own 本次: the draft's lead names the source
    assert usable(sent, TPL)


def test_the_talent_status_section_asks_for_a_surveyed_workforce_and_supply_for_enrolment():
    from assistant.draft.evidence import relevance
    from assistant.outline import load_outline

    outline = {s.id: s for s in load_outline("talent-demand").sections}
    sent = evidence_sentences(SAMPLE)[0]
    status = outline["talent_status"]
    assert status.on_topic(sent)
    assert max(relevance(sent, {"query": q.replace("{industry}", "茶叶"), "topic": q.replace("{industry}", "")})
               for q in status.queries) >= 0.2
    enrol = "近年来报考茶学专业的考生增多，多数被第一志愿录取。"
    assert max(relevance(enrol, {"query": q, "topic": q.replace("{industry}", "")})
               for q in outline["supply"].queries) >= 0.2


def test_pay_offers_listed_before_an_ellipsis_are_a_sentence_the_demand_section_asks_for():
    from assistant.draft.evidence import relevance
    from assistant.outline import load_outline

    text = "招聘会上，茶企开出的条件颇具吸引力：“月薪5500元+季度奖金”、“包吃住+年终双薪”……近年来，茶饮连锁门店数量持续增加。"
    sents = evidence_sentences(text)
    assert sents[0] == "招聘会上，茶企开出的条件颇具吸引力：“月薪5500元+季度奖金”、“包吃住+年终双薪”等。"
    assert sents[1] == "近年来，茶饮连锁门店数量持续增加。"
    demand = {s.id: s for s in load_outline("talent-demand").sections}["demand"]
    assert max(relevance(sents[0], {"query": q, "topic": q.replace("{industry}", "")}) for q in demand.queries) >= 0.2


def test_a_province_word_after_the_provinces_own_name_is_left_as_it_is():
    from assistant.analysis.tables import load_yaml
    from assistant.draft.evidence import localize

    tpl = load_yaml("draft_templates.yaml")
    hit = {"title": "某林区木材加工调查", "source": "2024_某网_林区木材.txt"}
    s = "2024年，某林区实现木材加工品出口额42亿元，约占福建全省出口额的3%。"
    assert localize(s, hit, tpl) == s  # the province is named: nothing to resolve, nothing to drop
    assert localize("全省木材加工品出口额42亿元。", hit, tpl) is None  # no province anywhere: cannot be placed
