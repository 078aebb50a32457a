"""Evidence sentences a working group can sign: no PDF heading run into a sentence, no rhetorical
questions, no sentence leaning on a previous one (比如…, …，她…), no anonymous 据统计, no market projection
passed off as a policy target (found on the fourth-industry probe; sentences here are made up)."""
from __future__ import annotations

from assistant.analysis import load_yaml
from assistant.draft import paragraphs
from assistant.draft.compose import Context, fill_missing_elements
from assistant.draft.evidence import evidence_sentences, usable
from assistant.draft.sentences import SentenceTyper
from assistant.draft.types import SectionDraft
from assistant.outline import Element, Section


def test_run_in_title_and_heading_dropped_and_pdf_spaces_closed():
    text = ("2023 年度全省水产养殖业发展公报 省农业农村厅 一、产业概况 截至 2023 年末,全省水产养殖面积 412 万亩, "
            "比上年增长 2.1%。全省水产品总产量 96.5 万吨。")
    sents = evidence_sentences(text)
    assert sents[0] == "截至2023年末，全省水产养殖面积412万亩，比上年增长2.1%。"
    assert sents[1] == "全省水产品总产量96.5万吨。"
    # spaces beside Latin words are left alone
    plain = "FAO Yearbook 数据显示，养殖产量占水产品总产量的比重为 57%。"
    assert evidence_sentences(plain) == ["FAO Yearbook 数据显示，养殖产量占水产品总产量的比重为57%。"]


def test_a_pages_bracketed_headline_run_into_its_first_sentence_is_dropped():
    text = "【茶艺师工资多少】在当前就业市场中，茶艺师的月薪普遍在4500元至7000元之间。"
    assert evidence_sentences(text) == ["在当前就业市场中，茶艺师的月薪普遍在4500元至7000元之间。"]
    # a bracketed label that is the whole of a short sentence stays (nothing would be left to read)
    assert evidence_sentences("【说明】数据为示例。") == ["【说明】数据为示例。"]


def test_questions_exclamations_and_context_bound_openers_are_not_evidence():
    tpl = load_yaml("draft_templates.yaml")
    statement = "2023年全省水产品总产量96.5万吨，比上年增长3.2%。"
    assert usable(statement, tpl)
    assert not usable("全省水产品总产量为什么能连续五年增长？", tpl)
    assert not usable("全省水产品总产量比十年前翻了一番还多！", tpl)
    assert not usable("比如，全省去年新建标准化养殖池塘1.2万亩并配套尾水处理设施。", tpl)
    assert not usable("更值得关注的是，深远海养殖网箱数量去年达到420个。", tpl)
    assert not usable("经过三年的学习和实习，她即将进入省水产技术推广总站工作。", tpl)
    assert not usable("本次会议吸引了来自全省12所院校和30家养殖企业的代表参加。", tpl)


def _cand(text, title, qi=0, pos=0, year=2024):
    return {"text": text, "query_index": qi, "pos": pos, "score": 1.0,
            "hit": {"source": f"{title}.txt", "title": title, "year": year, "chunk_id": f"{title}#{pos}",
                    "text": text}}


def test_anonymous_source_lead_names_the_document():
    ev = [_cand("据统计，截至2022年末，全市水产养殖企业共有312家。", "某市水产养殖业统计公报"),
          _cand("数据显示，2023年全省渔业经济总产值达到1200亿元。", "某省渔业经济运行简报", qi=1)]
    paras = paragraphs.compose_evidence(ev, SentenceTyper(None), set(), lambda h: f"《{h['title']}》")
    texts = [t for p in paras for t, _ in p]
    assert "据《某市水产养殖业统计公报》统计，截至2022年末，全市水产养殖企业共有312家。" in texts
    assert "据《某省渔业经济运行简报》，2023年全省渔业经济总产值达到1200亿元。" in texts


def _hit(text, title, rank):
    return {"text": text, "title": title, "source": f"2024_某机构_{title}.txt", "year": 2024, "rank": rank,
            "chunk_id": f"{title}#0", "query_index": 0, "query": "水产养殖 政策"}


def test_policy_target_element_not_filled_with_a_market_projection():
    section = Section(id="policy", title="政策环境", accepts=["event", "target", "fact"], topic="policy",
                      required_elements=[Element(id="policy_targets", name="政策目标",
                                                 patterns=["(?:力争|计划|预计|要求).{0,20}达到"])])
    ctx = Context(templates=load_yaml("draft_templates.yaml"), common={}, present=set(), typer=SentenceTyper(None))
    market = _hit("某咨询机构数据显示，2023年水产预制菜市场规模为5100亿元，预计2026年市场规模将达到1万亿元。",
                  "水产预制菜市场分析", 0)
    sd = SectionDraft(id="policy", title="政策环境")
    fill_missing_elements(section, sd, [market], ctx)
    assert not any(s.text for b in sd.blocks for s in b.sentences if "万亿元" in s.text)
    assert any("政策目标" in n for n in sd.notes)
    # a plan's target qualifies through its document's title, though the sentence names no plan
    # (its 全省 is told by the province in the title: a 全省 that cannot be told is left out, test_quoted_sentence_round11)
    plan = _hit("到2027年，全省深远海养殖产量力争达到30万吨，比2023年翻一番。", "福建省渔业高质量发展三年行动方案", 1)
    sd = SectionDraft(id="policy", title="政策环境")
    fill_missing_elements(section, sd, [market, plan], ctx)
    texts = [s.text for b in sd.blocks for s in b.sentences]
    assert texts and "30万吨" in texts[0] and not any("万亿元" in t for t in texts)


def test_run_in_heading_still_tells_what_the_first_sentence_is_about():
    from assistant.draft.evidence import select_evidence

    # (a national bulletin: a 全省 its source does not name is left out, test_quoted_sentence_round11)
    text = "2023 年度全国渔业发展公报 农业农村部 一、产业概况 截至 2023 年末,全国水产养殖面积 412 万亩。"
    hit = {"text": text, "source": "a.txt", "year": 2024, "rank": 0, "chunk_id": "a#0", "query_index": 0,
           "query": "水产养殖 渔业发展", "topic": "渔业发展"}
    section = Section(id="status", title="现状", queries=["水产养殖 渔业发展"])
    chosen = select_evidence([hit], section, load_yaml("draft_templates.yaml"), budget=400)
    assert [c["text"] for c in chosen] == ["截至2023年末，全国水产养殖面积412万亩。"]


def test_plan_period_deadline_is_a_target():
    from assistant.draft.sentences import rule_type

    assert rule_type("到“十五五”末，全省水产养殖专业年均毕业生超过2000人。")[0] == "target"
    assert rule_type("到“十四五”末，全省已经实现乡镇冷库全覆盖，冷库总容量达到820万吨。")[0] == "fact"


def test_a_question_after_a_figure_is_not_attached_as_its_caveat():
    class Typer:  # types every follower as a caveat, as an embedding classifier may do with a short question
        def types(self, texts):
            return ["caveat"] * len(texts)

    question = ["全省深远海养殖网箱去年达到420个，比上年增加60个。", "这些网箱到底能养出多少鱼？"]
    cand = {"text": question[0], "pos": 0, "hit": {"text": "".join(question)}}
    paragraphs.attach_qualifiers([cand], Typer(), [], lambda t: question)
    assert "qualifiers" not in cand
    statement = [question[0], "网箱数量不含试验性平台，以省渔业部门统计为准。"]
    cand = {"text": statement[0], "pos": 0, "hit": {"text": "".join(statement)}}
    paragraphs.attach_qualifiers([cand], Typer(), [], lambda t: statement)
    assert cand["qualifiers"] == [statement[1]]  # a statement following its figure still is
