"""Round 12 (sentences made up, of a furniture-making industry): a published talent forecast goes to the
talent-demand report's forecast section, not to the sections drafted before it; 近日/日前 are dated from the source
or dropped; 全市/全县 and 当地 are resolved from the place the source's title or publisher starts with, or left out;
a company's registered business scope is no evidence; an anonymous 据预测 lead names the document."""
from assistant.analysis.tables import load_yaml
from assistant.draft import paragraphs
from assistant.draft.evidence import (absolute_dates, evidence_sentences, leading_place, localize, passage_sentences,
                                      source_places, usable)
from assistant.draft.sentences import SentenceTyper, load_rules
from assistant.outline import load_outline, topic_cues

TPL = load_yaml("draft_templates.yaml")


def _section(outline, sid):
    return next(s for s in outline.sections if s.id == sid)


def test_a_published_talent_forecast_is_left_to_the_forecast_section():
    outline = load_outline("talent-demand")
    reserved = tuple(TPL["reserved_topics"])
    demand, status, forecast = (_section(outline, i) for i in ("demand", "talent_status", "forecast"))
    assert paragraphs.left_topics(demand, reserved) == ("talent_forecast",)
    assert "talent_forecast" not in paragraphs.left_topics(forecast, reserved)  # (it leaves pay figures: round 17)
    typer = SentenceTyper(None)
    fc = "根据《家具产业发展规划》，到2027年将新增定制家具产能30万套，预计产生4万个技术岗位需求。"
    now = "2023年家具制造业招聘岗位中，板式家具工艺工程师占比达到18%。"
    for sec in (demand, status):
        takes = paragraphs.admit(sec, typer, leave=paragraphs.left_topics(sec, reserved))
        assert not takes(fc)
        assert takes(now)
        # without a section that reserves the topic (another outline), the section still takes it
        assert paragraphs.admit(sec, typer)(fc)
    assert paragraphs.admit(forecast, typer, leave=paragraphs.left_topics(forecast, reserved))(fc)
    # a forecast of things, not people (an industry-analysis projection), carries no reserved cue
    assert not topic_cues()["talent_forecast"].search("预计2026年全国定制家具市场规模将达到5200亿元。")
    assert not topic_cues()["talent_forecast"].search("预计2026年全国家具机器人数量将增长7%。")


def test_an_anonymous_forecast_lead_names_the_document_and_stays_a_forecast():
    hit = {"source": "家具.txt", "title": "家具行业人才白皮书", "year": 2024, "chunk_id": "家具#0", "text": ""}
    cands = [{"text": "据预测，到2030年家具制造业技能人才需求将达到120万人。", "query_index": 0, "pos": 0,
              "score": 1.0, "hit": hit}]
    paras = paragraphs.compose_evidence(cands, SentenceTyper(None), set(), lambda h: f"《{h['title']}》")
    assert [t for p in paras for t, _ in p] == ["据《家具行业人才白皮书》预测，到2030年家具制造业技能人才需求将达到120万人。"]
    assert paragraphs._repair_generic_lead("据统计，家具企业达到6.2万家。", "《某公报》", load_rules()) == \
        "据《某公报》统计，家具企业达到6.2万家。"


def test_recent_date_words_take_the_sources_year_or_go():
    assert absolute_dates("近日，某部公布了首批家具产业集群名单。", 2024) == "2024年，某部公布了首批家具产业集群名单。"
    assert absolute_dates("某协会日前发布了家具行业标准。", 2023) == "某协会2023年发布了家具行业标准。"
    # no year, or a year that is not sure: the word goes, the sentence still reads
    assert absolute_dates("近日，某部公布了首批家具产业集群名单。", None) == "某部公布了首批家具产业集群名单。"
    assert absolute_dates("某协会近日发布了家具行业标准。", 2023, relative_ok=False) == "某协会发布了家具行业标准。"
    # the word after a preposition cannot go: the sentence is left out
    assert absolute_dates("截至近日，全国已认定家具产业集群12个。", 2024) is None
    # a title keeps its words
    assert absolute_dates("《近日家具观察》显示，板材价格上涨3%。", 2024) == "《近日家具观察》显示，板材价格上涨3%。"
    # through the passage: a bulletin published a year after its data (two years in its names) drops the word
    hit = {"source": "2025_某网_2024年家具行业统计公报.txt", "title": "2024年家具行业统计公报", "year": 2024,
           "text": "近日，某协会发布了家具行业运行情况，全年规模以上企业达到7000家。"}
    assert [s for _, s in passage_sentences(hit)] == ["某协会发布了家具行业运行情况，全年规模以上企业达到7000家。"]


def test_a_leading_place_name_is_read_without_a_gazetteer():
    assert leading_place("青川市人民政府办公室") == "青川市"
    assert leading_place("木兰县定制家具基地调查") == "木兰县"
    assert leading_place("云杉州家具产业报告") == "云杉州"
    assert leading_place("2024年青川市统计年鉴") == "青川市"
    # words that end in a place suffix but name no place
    for t in ("城市家具消费报告", "市场监管动态", "园区家具企业名录", "县域家具产业观察", "家具行业发展报告"):
        assert leading_place(t) is None, t
    assert source_places({"source": "2025_青川市人民政府办公室_家具产业三年行动方案.txt",
                          "title": "家具产业三年行动方案（2025—2027年）"}) == ["青川市"]


def test_a_city_or_county_word_is_resolved_from_the_sources_title_or_publisher():
    city = {"source": "2025_青川市人民政府办公室_家具产业三年行动方案.txt", "title": "家具产业三年行动方案（2025—2027年）"}
    assert localize("到2027年，全市规模以上家具企业达到80家。", city, TPL) == "到2027年，青川市规模以上家具企业达到80家。"
    assert localize("青川全市家具企业达到80家。", city, TPL) == "青川全市家具企业达到80家。"
    # a word of another level than the place read: cannot be told
    assert localize("全县家具企业达到80家。", city, TPL) is None
    county = {"source": "2023_某某日报_木兰县定制家具基地调查.txt", "title": "木兰县定制家具基地调查"}
    assert localize("2022年，全县定制家具产值达12亿元。", county, TPL) == "2022年，木兰县定制家具产值达12亿元。"
    # no place read: left out, as before
    assert localize("全市家具企业达到80家。", {"source": "2023_期刊_家具产业观察.txt", "title": "家具产业观察"},
                    TPL) is None


def test_local_is_resolved_from_the_source_or_left_out():
    county = {"source": "2023_某某日报_木兰县定制家具基地调查.txt", "title": "木兰县定制家具基地调查"}
    assert localize("20世纪90年代，当地木匠开始成批制作藤椅。", county, TPL) == "20世纪90年代，木兰县木匠开始成批制作藤椅。"
    province = {"source": "2023_福建日报_藤编家具出口增长.txt", "title": "藤编家具出口增长"}
    assert localize("当地藤编企业超过200家。", province, TPL) == "福建省藤编企业超过200家。"
    # the sentence said something before it (a place it may point at): 当地 is quoted as found
    for s in ("青川市商务局统计显示，2023年当地家具出口额达12亿元。", "山镇已有家具企业60家，当地从业人员超过3000人。",
              "山镇当地木匠开始成批制作藤椅。"):
        assert localize(s, province, TPL) == s
    assert localize("2023年当地家具出口额达12亿元。", county, TPL) == "2023年木兰县家具出口额达12亿元。"
    assert localize("近年来，在当地新建家具厂12家。", county, TPL) == "近年来，在木兰县新建家具厂12家。"
    # local time is no place
    assert localize("当地时间3日，某家具展在米兰开幕。", county, TPL) == "当地时间3日，某家具展在米兰开幕。"
    # no place in the title or publisher: left out
    assert localize("当地木匠开始成批制作藤椅。", {"source": "2023_期刊_藤椅.txt", "title": "藤椅的故事"}, TPL) is None


def test_a_registered_business_scope_is_no_evidence():
    page = ("许可证规定经营范围内的家具生产、加工、销售。\n"
            "许可项目：木质家具制造；竹藤家具制造；家具零配件生产；家具销售。\n"
            "一般项目：家具安装和维修服务；家居用品销售；技术服务、技术开发。\n"
            "2024年公司定制家具营业收入达到12.5亿元，同比增长8%。")
    sents = evidence_sentences(page)
    assert [usable(s, TPL) for s in sents] == [False, False, False, True]
    assert sents[1].startswith("许可项目：")  # the label stays, by which the list is told
