"""A quoted sentence reads as the draft's own citation of its source (eighth-industry probe; sentences made up):
no footnote mark of the source left at its start or as a superscript, no discourse connective that pointed at the
sentence before it, no plan preamble (…制定本方案。) and no sentence saying only that a briefing was held."""
from assistant.analysis.tables import load_yaml
from assistant.draft import paragraphs
from assistant.draft.evidence import evidence_sentences, strip_connective, usable
from assistant.draft.sentences import SentenceTyper

TPL = load_yaml("draft_templates.yaml")


def test_source_marks_at_a_sentence_start_and_superscripts_are_dropped_but_a_bracketed_year_stays():
    text = ("茶园面积连续五年扩大。[7]由于采茶季节性强，熟练采茶工长期不足[8]。"
            "全省名优茶产量4.2万吨^3。出口均价上涨6%²。［2-4］制茶师资格考试每年举行两次。"
            "按某农发[2024]12号文件执行。[9]2023年，全省茶叶出口额增长8%。")
    assert evidence_sentences(text) == [
        "茶园面积连续五年扩大。", "由于采茶季节性强，熟练采茶工长期不足。", "全省名优茶产量4.2万吨。",
        "出口均价上涨6%。", "制茶师资格考试每年举行两次。", "按某农发[2024]12号文件执行。", "2023年，全省茶叶出口额增长8%。"]


def test_a_leading_connective_goes_but_a_qualifier_with_content_stays():
    assert evidence_sentences("具体来看，5月份全省春茶产量1.8万吨，增长4.1%。") == ["5月份全省春茶产量1.8万吨，增长4.1%。"]
    assert evidence_sentences("特别值得注意的是，在传统外销市场，绿茶出口全部实现正增长。") == [
        "在传统外销市场，绿茶出口全部实现正增长。"]
    assert evidence_sentences("在这样的背景下，茶企对电商运营人才的需求持续上升。") == ["茶企对电商运营人才的需求持续上升。"]
    # two in a row
    assert strip_connective("此外，值得一提的是，茶叶加工机械化率达到62%。") == "茶叶加工机械化率达到62%。"
    # a qualifier that says where or what is content, not a connective
    kept = "从区域市场看，西南产区茶叶产量占全国比重超过四成。"
    assert evidence_sentences(kept) == [kept]


def test_a_quoted_sentence_is_led_by_its_source_without_the_connective():
    c = {"text": "值得注意的是，2024年全省茶叶电商销售额达到86亿元。", "query_index": 0, "pos": 0, "score": 1.0,
         "hit": {"source": "茶.txt", "title": "某省茶产业报告", "year": 2024, "chunk_id": "茶#0", "text": ""}}
    paras = paragraphs.compose_evidence([c], SentenceTyper(None), set(), lambda h: f"《{h['title']}》")
    assert paras[0][0][0] == "据《某省茶产业报告》，2024年全省茶叶电商销售额达到86亿元。"


def test_a_plans_own_preamble_is_not_evidence():
    assert not usable("根据《某省人民政府关于加快茶产业发展的意见》（某政发〔2025〕7号）要求，结合本市实际，制定本行动方案。", TPL)
    assert not usable("为规范茶叶初制加工场所管理，促进茶产业健康发展，特制定本办法。", TPL)
    assert not usable("为加快茶产业转型升级，现提出如下意见。", TPL)
    assert usable("本方案提出到2027年全市茶园面积稳定在30万亩，综合产值突破100亿元。", TPL)


def test_a_sentence_saying_only_that_a_briefing_was_held_is_not_evidence():
    assert not usable("3月2日消息，省政府新闻办公室日前举行发布会，介绍2025年一季度茶叶出口情况。", TPL)
    assert not usable("4月8日，省农业农村厅召开新闻发布会。", TPL)
    # a briefing sentence that states a figure is kept
    assert usable("4月8日，省农业农村厅召开新闻发布会，介绍一季度全省茶叶出口额增长12.5%。", TPL)


def test_a_sentence_adding_to_the_one_before_it_is_not_quoted_alone():
    # 还有…也…: “besides the ones just named”, which the draft does not quote
    assert not usable("还有园艺、食品加工等专业也开设了与茶叶相关的课程。", TPL)
    assert usable("园艺、食品加工等专业开设了与茶叶相关的课程。", TPL)
