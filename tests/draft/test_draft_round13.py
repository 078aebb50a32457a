"""Round 13 (sentences made up, of a furniture-making industry): a web page's photo captions, photo credits, editor
and source lines are no evidence; a byline at a sentence's head (某报（记者…）, （某某）记者…获悉，) goes and the
sentence stays; a sentence that only mentions a reporter or a news agency's report is quoted as it is."""
from assistant.analysis.tables import load_yaml
from assistant.draft.evidence import evidence_sentences, usable

TPL = load_yaml("draft_templates.yaml")


def _quotable(text: str) -> list[str]:
    return [s for s in evidence_sentences(text) if usable(s, TPL)]


def test_photo_captions_credits_and_editor_lines_are_no_evidence():
    page = ("全省家具行业2023年实现营业收入520亿元。\n"
            "资料图为某家具产业园的板式家具生产线，工人正在封边。 某日报记者 王五 摄\n"
            "图为展会现场，观众在体验智能沙发。\n"
            "定制家具企业在展会上签约订单1.2万套（摄影：赵六）。\n"
            "实木家具展区共吸引采购商3000余名（孙七 摄）。\n"
            "图片来源：某家具网，2023年家具出口额达到120亿元。\n"
            "责任编辑：周八，本文首发于某家具周刊2023年第5期。\n"
            "第十届国际家具博览会开幕式现场。\n"
            "某家具学院学生在智能制造实训中心一角。\n")
    assert _quotable(page) == ["全省家具行业2023年实现营业收入520亿元。"]


def test_a_photo_credit_run_into_the_next_sentence_is_cut_off():
    got = _quotable("某日报记者 王五 摄 当月，全省家具出口额达到12亿元，同比增长8%。")
    assert got == ["当月，全省家具出口额达到12亿元，同比增长8%。"]


def test_a_byline_at_a_sentences_head_goes_and_the_fact_stays():
    cases = {
        "某某日报（记者 王五 通讯员 赵六）全省家具行业2023年实现营业收入520亿元，同比增长6.1%。":
            "全省家具行业2023年实现营业收入520亿元，同比增长6.1%。",
        "某社杭州5月6日电 (李四)记者6日从省经信厅获悉,2023年全省家具出口额达到120亿元。":
            "2023年全省家具出口额达到120亿元。",
        "记者从省家具协会了解到，2024年全省新增规模以上家具企业300家。": "2024年全省新增规模以上家具企业300家。",
    }
    for text, want in cases.items():
        assert _quotable(text) == [want], text


def test_a_sentence_that_only_mentions_a_reporter_or_a_report_is_quoted():
    for text in ("据某社报道，2023年全国家具行业规模以上企业营业收入达到7000亿元。",
                 "一位家具设计师告诉记者，定制衣柜订单在2023年增长了三成。",
                 "家具企业普遍采用图纸编辑软件，设计周期缩短到3天。",
                 "展会期间，3000余名采购商来到签约现场。"):
        assert _quotable(text) == [text], text


def test_a_forecast_with_its_baseline_states_the_computed_gap_and_its_method():
    from assistant.draft.paragraphs import state_gap

    got = state_gap("据《家具人才发展报告》预测，到2028年全国软体家具缝纫工需求将达到46.5万人，现有软体家具缝纫工31万人。")
    assert got.endswith("现有软体家具缝纫工31万人，按需求减现有计算，到2028年缺口约15.5万人。")
    assert state_gap("到2029年定制橱柜安装人才需求为18万人，目前有约12万人。").endswith("缺口约6万人。")
    # another population, another unit, a gap already stated, or no baseline: quoted as found
    for text in ("到2028年全国软体家具缝纫工需求将达到46.5万人，现有家具质检员31万人。",
                 "到2028年全国软体家具缝纫工需求将达到46.5万人，现有31万名。",
                 "到2028年全国软体家具缝纫工需求将达到46.5万人，现有31万人，缺口15.5万人。",
                 "预计到2028年全国软体家具缝纫工需求将达到46.5万人。"):
        assert state_gap(text) == text, text


def test_a_photo_caption_after_a_figure_is_not_attached_as_its_caveat():
    from assistant.draft import paragraphs

    class Typer:  # types every follower as a caveat, as an embedding classifier may do with a caption
        def types(self, texts):
            return ["caveat"] * len(texts)

    page = ["2023年全省家具出口额达到120亿元，同比增长9%。", "资料图为某家具产业园的板式家具生产线，工人正在封边。"]
    cand = {"text": page[0], "pos": 0, "hit": {"text": "".join(page)}}
    paragraphs.attach_qualifiers([cand], Typer(), [], lambda t: page)
    assert "qualifiers" not in cand
