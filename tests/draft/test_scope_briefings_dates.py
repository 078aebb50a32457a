"""Drafting round 10, tested on made-up forestry and aquaculture text: a quoted sentence is the industry's own fact.
A wider scope's aggregate (全国/我国 + 进出口 with none of the industry's words, and the sentence continuing it) is
left out; a briefing's event and introduction clauses before a figure go; relative dates (今年, 去年, an undated
上半年, a head 目前，) are written as years of the source's year, and a sentence that cannot be dated is left out;
the forecast section asks for published talent-demand forecasts."""
from __future__ import annotations

from assistant.analysis.tables import load_yaml
from assistant.draft.evidence import absolute_dates, evidence_sentences, relevance, select_evidence
from assistant.outline import Section, load_outline

TPL = load_yaml("draft_templates.yaml")
OWN = ("林下经济", "林产品", "森林康养")


def _hit(text: str, year: int | None = 2025, source: str = "林业.txt", query: str = "林下经济 出口 规模") -> dict:
    return {"text": text, "year": year, "source": source, "chunk_id": f"{source}#0", "rank": 0, "query_index": 0,
            "query": query, "topic": "出口 规模", "title": "福建省林业发展报告"}


def _chosen(hits: list[dict], own=OWN) -> list[str]:
    sec = Section(id="status", title="现状", queries=["林下经济 出口 规模"])
    return [c["text"] for c in select_evidence(hits, sec, TPL, budget=2000, own=own)]


def test_a_wider_scopes_aggregate_and_the_sentence_continuing_it_are_left_out():
    text = ("2024年，全省林产品出口规模达到86亿元，同比增长12%。"
            "据海关统计，2024年我国货物贸易进出口总值43.8万亿元，同比增长5%。"
            "进入12月份，进出口、出口、进口增速全部回升。"
            "具体来看，12月份的进出口规模4.1万亿元，出口规模2.4万亿元。"
            "林下经济经营主体出口规模突破1.2万家，出口额增长9%。")
    chosen = _chosen([_hit(text)])
    assert "2024年，福建省林产品出口规模达到86亿元，同比增长12%。" in chosen  # 全省: the source names the province
    assert "林下经济经营主体出口规模突破1.2万家，出口额增长9%。" in chosen
    assert not any("43.8" in s or "4.1万亿" in s or "进入12月份" in s for s in chosen)
    # without the industry's words (no profile) nothing is read as a wider scope
    assert any("43.8" in s for s in _chosen([_hit(text)], own=None))


def test_a_province_is_a_wider_scope_too_but_a_sentence_naming_the_industry_is_kept():
    text = ("福建家具、茶叶等五大类商品出口全部实现正增长，竹制品出口增幅达18%。"
            "福建林产品出口规模达到320亿元，出口增长8%。")
    chosen = _chosen([_hit(text)])
    assert chosen == ["福建林产品出口规模达到320亿元，出口增长8%。"]
    # a wider scope named after the figure is its comparison base, not its subject
    base = "2024年，某林区实现木材加工品出口额42亿元，约占福建全省出口额的3%。"
    assert _chosen([_hit(base)]) == [base]


def test_a_briefings_event_and_introduction_clauses_before_a_figure_go():
    s = ("3月12日，在省政府新闻发布会上，省林业局相关负责人介绍2024年林业产业发展有关情况，"
         "2024年，全省林下经济总产值达到1260亿元，增长6.5%。")
    assert evidence_sentences(s) == ["2024年，全省林下经济总产值达到1260亿元，增长6.5%。"]
    s = "省政府新闻办公室举行发布会，介绍一季度林业生产情况，一季度全省木材产量达到210万立方米。"
    assert evidence_sentences(s) == ["一季度全省木材产量达到210万立方米。"]
    # an attribution stays, a date clause alone stays, and nothing goes when no figure follows
    kept = ["据省林业局发布的数据，全省森林覆盖率达到66.8%。", "3月12日，全省林下经济总产值达到1260亿元。",
            "3月12日，在新闻发布会上，省林业局负责人介绍，林下经济发展势头良好。"]
    assert [evidence_sentences(k)[0] for k in kept] == kept


def test_relative_dates_become_years_of_the_source_and_figures_stay():
    assert absolute_dates("今年上半年，林产品出口额86亿元，比去年同期增长12%。", 2025) == \
        "2025年上半年，林产品出口额86亿元，比2024年同期增长12%。"
    assert absolute_dates("上半年全省林下经济产值增长7.5%。", 2024) == "2024年上半年全省林下经济产值增长7.5%。"
    assert absolute_dates("目前，全省共有森林康养基地126家。", 2023) == "截至2023年，全省共有森林康养基地126家。"
    # a relative word before the year it stands for only repeats it (with or without the source's year)
    assert absolute_dates("去年2024年全省林下经济产值增长7.5%。", 2025) == "2024年全省林下经济产值增长7.5%。"
    assert absolute_dates("去年2024年全省林下经济产值增长7.5%。", None) == "2024年全省林下经济产值增长7.5%。"
    # a year already written before the period, a title and a 目前 inside a clause are left alone
    for s in ("2023年全省林产品出口86亿元，上半年增长5%。", "据《今年林业工作要点》，全省造林面积120万亩。",
              "全省林下经济目前有经营主体1.2万家。"):
        assert absolute_dates(s, 2024) == s


def test_a_sentence_that_cannot_be_dated_is_left_out_and_one_that_can_is_rewritten():
    dated = _hit("今年上半年，全省林产品出口规模达到46亿元，同比增长9%。", year=2025, source="a.txt")
    undated = _hit("去年，全省林下经济出口规模达到78亿元，同比增长6%。", year=None, source="b.txt")
    chosen = _chosen([dated, undated])
    assert chosen == ["2025年上半年，福建省林产品出口规模达到46亿元，同比增长9%。"]
    assert absolute_dates("目前，全省共有森林康养基地126家。", None) == "目前，全省共有森林康养基地126家。"


FORECAST = "根据《某省水产业发展规划》，到2027年将新增养殖水面20万亩，预计产生1.2万个养殖技术岗位需求。"
MARKET = "预计到2027年全省水产品加工产值将达到860亿元。"


def test_the_forecast_section_asks_for_published_talent_demand_forecasts_not_market_ones():
    sec = load_outline("talent-demand").section("forecast")
    hits = [{"query": q.replace("{industry}", "水产养殖"), "topic": q.replace("{industry}", "")} for q in sec.queries]
    assert max(relevance(FORECAST, h) for h in hits) >= 0.2
    assert sec.on_topic(FORECAST)
    assert not sec.on_topic(MARKET)
    assert sec.on_topic("本报告采用灰色模型GM(1,1)测算未来三年人才需求。")


def test_a_passage_found_by_two_queries_is_judged_against_the_one_its_sentence_fits():
    # the passage came first for a method query; its forecast sentence is what the second query asks for
    hit = _hit("某水产学院毕业生就业率达到95%。" + FORECAST, query="劳动生产率 人才需求 测算")
    hit["topic"] = "劳动生产率 人才需求 测算"
    sec = Section(id="forecast", title="需求预测", queries=["劳动生产率 人才需求 测算", "水产养殖 岗位需求 预计 新增 万人"])
    assert [c["text"] for c in select_evidence([hit], sec, TPL, budget=2000)] == []
    hit["also"] = [{"query_index": 1, "rank": 0, "query": sec.queries[1], "topic": "岗位需求 预计 新增 万人"}]
    chosen = select_evidence([hit], sec, TPL, budget=2000)
    assert [(c["text"], c["query_index"]) for c in chosen] == [(FORECAST, 1)]


def test_relative_years_are_not_rewritten_when_the_sources_dates_differ():
    from assistant.draft.evidence import passage_sentences

    text = "去年全省林产品出口额达到86亿元。上半年林下经济产值增长7.5%。"
    one = {"text": text, "year": 2025, "source": "2025_某网_林业快讯.txt", "title": "林业快讯"}
    two = {"text": text, "year": 2024, "source": "2025_某网_2024年林业统计公报.txt", "title": "2024年林业统计公报"}
    assert [s for _, s in passage_sentences(one)] == ["2024年全省林产品出口额达到86亿元。", "2025年上半年林下经济产值增长7.5%。"]
    # published in 2025 on 2024: 去年 counts from the publication, which the source's year (2024) is not
    assert [s for _, s in passage_sentences(two)] == ["2024年上半年林下经济产值增长7.5%。"]
