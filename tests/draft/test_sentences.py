"""Sentence types, routing and paragraph composition (offline: rules, a stub embedder, the fake KB)."""
import numpy as np
import pytest

from assistant.draft import paragraphs, recommend
from assistant.draft.sentences import (SentenceTyper, dangling_term, figures, frame_target, is_target_framed,
                                       load_rules, rule_type, section_accepts)
from assistant.errors import InputError
from assistant.outline import Section, load_outline


@pytest.mark.parametrize("text,expected", [
    ("2024年示例省港口货物吞吐量约9.8亿吨，同比增长4.1%。", "fact"),
    ("2023年5月，示例省文化和旅游厅印发《关于推进智慧旅游发展的实施意见》。", "event"),
    ("到2027年，全省数字化车间覆盖率达到60%以上。", "target"),
    ("力争三年内建成5个区域性实训基地。", "target"),
    ("建议院校将仓储自动化设备操作纳入专业核心课程。", "recommendation"),
    ("成员院校应加强与园区企业的师资互聘。", "recommendation"),
    ("“工位利用率”是指实际作业工时与计划工时之比。", "definition"),
    ("本表产值按现行价格计算，不含个体经营户。", "caveat"),
    # a comparison with a past year is not a deadline: 恢复至/相当于 20xx年(同期)的…
    ("示例港口集装箱航线增至每周320班，恢复至2019年的91%，冷藏箱量同比增长8.2%。", "fact"),
    ("一季度入境游客规模相当于2019年同期的76.5%。", "fact"),
])
def test_rules_type_sentences_of_any_industry(text, expected):
    hit = rule_type(text)
    assert hit is not None and hit[0] == expected, (text, hit)


def test_a_target_reported_as_exceeded_is_a_fact_not_a_target():
    hit = rule_type("规划提出的阶段性目标已被提前超越，行业进入新阶段。")
    assert hit is None or hit[0] != "target"


def test_rules_abstain_and_the_centroids_decide():
    class Stub:
        name = "stub"

        def embed_passages(self, texts):
            # “event-like” when the text mentions 会议, otherwise “fact-like”
            return np.array([[1.0, 0.0] if "会议" in t else [0.0, 1.0] for t in texts], dtype=np.float32)

    cents = {"types": ["event", "fact"], "vectors": np.eye(2, dtype=np.float32)}
    typer = SentenceTyper(Stub(), centroids=cents)
    texts = ["园区企业与院校代表出席年度合作会议。", "园区企业普遍反映熟练工招聘周期偏长。"]
    got = typer.classify(texts)
    assert [(t.type, t.by) for t in got] == [("event", "embedding"), ("fact", "embedding")]
    # no embedder: the rules' default
    assert SentenceTyper(None).classify([texts[0]])[0].by == "default"


def test_figures_leave_out_years_and_dates():
    assert figures("2024年3月，产量1288.80万辆，增长35.5%[3]。") == {"1288.8万辆", "35.5%"}
    assert figures("2021—2025年，每年第一季度发布。") == set()


def test_dangling_references_and_their_repair():
    assert dangling_term("两者不宜直接比较。") == "两者"
    assert dangling_term("上述岗位技术门槛高。") == "上述"
    assert dangling_term("据报告统计，招聘职位同比增长5%。") == "报告"
    assert dangling_term("园区共有企业146家。") is None
    assert dangling_term("《上述规定》已废止。") is None  # inside a title


def test_a_target_is_written_as_a_target():
    raw = "到2025年，示例产品渗透率达到20%左右。"
    assert not is_target_framed(raw)
    out = frame_target(raw, "《示例规划》")
    assert out.startswith("《示例规划》提出的目标是：") and out.endswith(raw)
    assert frame_target("规划提出，到2025年产量翻番。", "《X》") == "规划提出，到2025年产量翻番。"


def test_outline_accepts_is_validated(tmp_path):
    from assistant.outline import load_outline

    p = tmp_path / "o.yaml"
    p.write_text("report: x\nsections:\n  - {id: a, title: 甲, accepts: [fact, opinion]}\n", encoding="utf-8")
    with pytest.raises(InputError, match="opinion"):
        load_outline(path=p)
    p.write_text("report: x\nsections:\n  - {id: a, title: 甲, accepts: [fact]}\n  - {id: b, title: 乙}\n",
                 encoding="utf-8")
    o = load_outline(path=p)
    assert section_accepts(o.sections[0]) == {"fact"}
    assert section_accepts(o.sections[1]) == {"fact", "event", "target"}


def _cand(text, source, qi=0, pos=0, year=2024, title=None):
    return {"text": text, "query_index": qi, "pos": pos, "score": 1.0,
            "hit": {"source": source, "title": title or source, "year": year, "chunk_id": f"{source}#{pos}",
                    "text": text}}


def test_compose_names_one_source_per_paragraph_orders_by_year_and_drops_repeats():
    typer = SentenceTyper(None)
    ev = [_cand("2024年示例行业产量120万吨，同比增长8%。", "a.md", pos=1),
          _cand("2022年示例行业产量98万吨。", "b.md", pos=0),
          _cand("示例行业产量120万吨，再创新高。", "c.md", pos=0),  # the same figure again
          _cand("两者不宜直接比较。", "c.md", pos=1)]
    seen: set[str] = set()
    paras = paragraphs.compose_evidence(ev, typer, seen, lambda h: f"《{h['title']}》")
    texts = [t for p in paras for t, _ in p]
    assert texts[0].startswith("据《b.md》，2022年")  # earliest year first, its source named
    # the other source's sentence is not left under 据《b.md》: its own paragraph and lead, no 另据/此外 chain
    assert texts[1] == "据《a.md》，2024年示例行业产量120万吨，同比增长8%。" and len(paras) == 2
    assert len(texts) == 2 and "120万吨" in seen


def test_compose_frames_targets_and_repairs_generic_leads():
    typer = SentenceTyper(None)
    ev = [_cand("到2027年，示例产业规模达到1万亿元。", "plan.md", qi=0, title="示例产业规划"),
          _cand("到2030年，示例产业规模达到2万亿元。", "plan.md", qi=0, pos=1, title="示例产业规划"),
          _cand("据报告统计，示例岗位招聘量同比增长12%。", "rep.md", qi=1, title="示例人才报告")]
    paras = paragraphs.compose_evidence(ev, typer, set(), lambda h: f"《{h['title']}》")
    texts = [t for p in paras for t, _ in p]
    assert texts[0] == "《示例产业规划》提出的目标是：到2027年，示例产业规模达到1万亿元；到2030年，示例产业规模达到2万亿元。"
    assert texts[1] == "据《示例人才报告》统计，示例岗位招聘量同比增长12%。"


def test_a_bulletin_named_generically_gets_its_title():
    typer = SentenceTyper(None)
    ev = [_cand("根据公报，2023年全港完成集装箱吞吐量512万标箱，比上年增长4.4%。", "b.md", qi=0, title="示例港口统计公报")]
    paras = paragraphs.compose_evidence(ev, typer, set(), lambda h: f"《{h['title']}》")
    assert [t for p in paras for t, _ in p] == ["根据《示例港口统计公报》，2023年全港完成集装箱吞吐量512万标箱，比上年增长4.4%。"]
    assert dangling_term("报告，是年度工作的总结。") is None  # a bare 报告， with no 据 is not a lead


def test_admit_keeps_recommendations_out_of_status_sections():
    ok = paragraphs.admit(Section(id="status", title="现状", accepts=["fact", "event"]), SentenceTyper(None))
    assert ok("2024年示例行业产值增长6%。")
    assert not ok("建议院校扩大示例专业招生。")
    assert not ok("到2027年，示例行业产值达到1000亿元。")
    assert not ok("上述企业多为中小企业。")


def test_recommendations_point_at_the_finding_with_its_figure():
    facts = {
        "survey": {"shortage": {"families": [
            {"family": "甲类", "demand": 50, "supply": 10, "gap": 40, "index": 0.7, "hard_rate": 60.0},
            {"family": "乙类", "demand": 30, "supply": 20, "gap": 10, "index": 0.3, "hard_rate": 20.0}]},
            "demand_structure": {"by_skill": [{"name": "技能A"}, {"name": "技能B"}],
                                 "hard_positions": [{"name": "岗位X"}], "hard_count": 5, "hard_share": 12.5,
                                 "plan_totals": {"2026": 100, "2027": 80}}}}
    recs = recommend.recommendation_sentences(facts, {"survey"})
    texts = [t for t, _ in recs]
    assert all("建议" in t and figures(t) for t in texts)
    assert any("甲类" in t and "40人" in t for t in texts)
    assert any("减少20%" in t for t in texts) and not any("增加20%" in t for t in texts)
    assert recommend.computed_percentages(facts) == {"survey": {"plan_change_pct": 20.0}}
    found = recommend.recommendation_sentences(facts, {"survey"}, kind="findings")
    assert found and not any("建议" in t for t, _ in found)


def test_drafts_have_no_purpose_openers_and_route_sentences(data_files, fake_kb, tmp_path):
    from assistant.draft import draft_report
    from assistant.outline import load_outline

    from fixtures import NEV_PROFILE

    res = draft_report("industry-analysis", fake_kb, list(data_files.values()), 2026, tmp_path / "i.md",
                       profile=NEV_PROFILE)
    outline = load_outline("industry-analysis")
    typer = SentenceTyper(None)
    assert "本部分" not in res.markdown and "另据" not in res.markdown
    for sec, sd in zip(outline.sections, res.sections):
        for b in sd.blocks:
            for s in b.sentences:
                if s.kind == "evidence":
                    t = typer.type_of(paragraphs.LEAD.sub("", s.text))
                    assert t in section_accepts(sec) or t in ("caveat", "definition"), (sec.id, t, s.text)
                    if t == "target":
                        assert is_target_framed(s.text), s.text
    recs = next(sd for sd in res.sections if sd.id == "recommendations")
    data_recs = [s.text for b in recs.blocks for s in b.sentences if s.kind == "data"]
    # each names its finding: with its figures, or briefly when 问题与挑战 already wrote them
    stated = {f for sd in res.sections if sd.id == "challenges" for b in sd.blocks for s in b.sentences
              for f in figures(s.text)}
    assert data_recs and all("建议" in t and (figures(t) or t.startswith("针对")) for t in data_recs)
    assert not any(figures(t) and figures(t) <= stated for t in data_recs)
    assert not any(t.startswith(("一是", "二是")) for t in data_recs)


def test_rules_file_loads_and_every_rule_has_a_known_type():
    rules = load_rules()
    assert rules.rules and {r.type for r in rules.rules} <= {"fact", "event", "target", "recommendation",
                                                              "definition", "caveat"}


def test_llm_path_gets_typed_evidence_and_drops_targets_stated_as_results(data_files, fake_kb, tmp_path,
                                                                          monkeypatch):
    import re as _re

    from assistant.draft import draft_report, pipeline

    prompts = []

    class Backend:
        def complete(self, system, user):
            prompts.append(user)
            out = []
            for tag, typ, text in _re.findall(r"^\[(E\d+)\]（([^；]+)；[^\n]*?）(\S+。)", user, flags=_re.M):
                if typ == "目标或规划":  # restate the plan's target as if it had been reached
                    out.append(_re.sub(r"^.*?提出，", "", text).rstrip("。") + f"[{tag}]。")
            return "".join(out) or "无。"

    monkeypatch.setattr(pipeline, "_open_llm", lambda settings: Backend())
    from fixtures import NEV_PROFILE

    res = draft_report("industry-analysis", fake_kb, [], 2026, tmp_path / "l.md", profile=NEV_PROFILE)
    policy = next(sd for sd in res.sections if sd.id == "policy")
    assert any("（事实；" in p or "（事件；" in p for p in prompts)
    assert any("（目标或规划；" in p for p in prompts)
    assert any("把规划目标写成了已实现的结果" in n for n in policy.notes)
    for b in policy.blocks:
        for s in b.sentences:
            if SentenceTyper(None).type_of(s.text) == "target":
                assert is_target_framed(s.text), s.text


def test_a_sentence_is_never_left_under_another_sources_lead():
    """据《A》 covers what follows it: a sentence of B that does not name B opens its own paragraph."""
    typer = SentenceTyper(None)
    ev = [_cand("据示例协会统计，2022年示例行业产量98万吨。", "a.md", pos=0),
          _cand("2023年示例行业出口12万吨。", "b.md", pos=0)]
    paras = paragraphs.compose_evidence(ev, typer, set(), lambda h: f"《{h['title']}》")
    assert [[t for t, _ in p] for p in paras] == [["据示例协会统计，2022年示例行业产量98万吨。"],
                                                   ["据《b.md》，2023年示例行业出口12万吨。"]]


def test_a_topic_section_takes_only_sentences_with_its_cues():
    """问题与挑战 (topic: problem) takes a shortage or a decline, not a neutral fact about the industry; a
    sentence wanted for a required element is judged by the element's own patterns instead."""
    sec = Section(id="challenges", title="问题与挑战", accepts=["fact", "event"], topic="problem")
    typer = SentenceTyper(None)
    ok = paragraphs.admit(sec, typer)
    assert ok("2024年示例地区冷链物流从业人员缺口约3万人，相对于2020年从业人员总数。")
    assert ok("2025年示例行业养老护理员持证比例为38%，比上年下降2个百分点。")
    assert not ok("示例行业协会于2023年发布了年度发展报告，共分六章。")
    assert paragraphs.admit(sec, typer, for_element=True)("示例行业协会于2023年发布了年度发展报告，共分六章。")


def test_an_unknown_topic_in_an_outline_is_a_clear_error(tmp_path):
    p = tmp_path / "o.yaml"
    p.write_text("report: x\nname: 示例报告\ntitle: 示例\nsections:\n"
                 "  - {id: a, title: 问题, topic: 没有这个主题, queries: [示例]}\n", encoding="utf-8")
    with pytest.raises(InputError, match="topic"):
        load_outline(path=p)


def test_relevance_ignores_the_industry_name():
    """Every passage of a group's knowledge base is about its industry: the name says nothing about fit."""
    from assistant.draft.evidence import query_topic, relevance

    names = ("现代物流", "物流")
    hit = {"query": "现代物流 人才缺口", "topic": query_topic("现代物流 人才缺口", names)}
    assert relevance("现代物流协会成立于2001年。", hit) == 0
    assert relevance("冷链人才缺口仍然较大。", hit) == 1
    assert query_topic("现代物流", names) == "现代物流"  # nothing left: the whole query
