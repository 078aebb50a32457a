"""Seventh-industry probe (rail transit) defects, tested on made-up aquaculture sentences: a sentence is cited once
per report (an element filled in a later section does not repeat one placed before), and a sentence that only says a
data release came out (某日，某部发布某月数据速报。) is no evidence."""
from __future__ import annotations

from assistant.analysis import load_yaml
from assistant.draft.compose import Context, fill_missing_elements
from assistant.draft.evidence import usable
from assistant.draft.sentences import SentenceTyper
from assistant.draft.types import SectionDraft
from assistant.outline import Element, Section


def _hit(text, title, rank=0):
    return {"text": text, "title": title, "source": f"2024_某机构_{title}.txt", "year": 2024, "rank": rank,
            "chunk_id": f"{title}#{rank}", "query_index": 0, "query": "水产养殖 结构"}


def _section():
    return Section(id="trends", title="技术与市场趋势", accepts=["fact", "event", "trend"],
                   required_elements=[Element(id="structure", name="结构", patterns=["占比", "深远海养殖"])])


def test_an_element_is_not_filled_with_a_sentence_placed_in_an_earlier_section():
    # (全国: a 全省 its source does not name is left out, test_quoted_sentence_round11)
    placed = "2023年全国深远海养殖产量12.4万吨，占海水养殖产量的8.1%。"
    other = "2024年全国深远海养殖网箱新增86个，占新增网箱的三成。"
    ctx = Context(templates=load_yaml("draft_templates.yaml"), common={}, present=set(), typer=SentenceTyper(None))
    ctx.used_sentences.add(placed)
    sd = SectionDraft(id="trends", title="技术与市场趋势")
    fill_missing_elements(_section(), sd, [_hit(placed, "全国渔业统计公报", 0), _hit(other, "全国渔业运行简报", 1)], ctx)
    texts = [s.text for b in sd.blocks for s in b.sentences]
    assert not any("12.4万吨" in t for t in texts) and any("86个" in t for t in texts)
    assert other in ctx.used_sentences  # and the filled sentence is not used again later


def test_a_sentence_that_only_announces_a_data_release_is_no_evidence():
    tpl = load_yaml("draft_templates.yaml")
    assert not usable("3月12日，省农业农村厅发布2024年2月水产品批发市场运行数据速报。", tpl)
    assert not usable("省统计局今天公布了2023年全省渔业经济统计公报。", tpl)
    # a release with what it says, or a policy document issued, stays
    assert usable("省统计局发布的公报显示，2023年全省水产品总产量96.5万吨。", tpl)
    assert usable("3月12日，省农业农村厅发布2月数据，全省水产品批发量为8.6万吨。", tpl)
    assert usable("省农业农村厅印发《全省水产养殖尾水治理三年行动方案》。", tpl)


def test_a_sentence_about_another_industry_is_left_out_of_this_industrys_sections():
    from assistant.draft.evidence import other_industry

    tpl = load_yaml("draft_templates.yaml")
    own = ("水产养殖", "深远海养殖", "养殖池塘")
    assert other_industry("全年完成快递行业业务量32.1亿件，同比增长9.8%。", own, tpl)
    # the industry's own words, a title in 《》, and 全行业/相关行业 do not count as another industry
    assert not other_industry("水产养殖行业从业人员约42万人。", own, tpl)
    assert not other_industry("全年快递行业业务量增长带动深远海养殖产品外销，深远海养殖产量12.4万吨。", own, tpl)
    assert not other_industry("省统计局发布《2023年交通运输行业统计公报》，全省货运量增长4.1%。", own, tpl)
    assert not other_industry("2023年全行业完成产值1200亿元，相关行业带动就业3万人。", own, tpl)
    assert not other_industry("养殖行业用工需求持续增长。", own, tpl)  # part of the industry's own name
