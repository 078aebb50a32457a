"""Sections take only evidence on their own topic, news datelines are not quoted, and a section with nothing
to cite says so in the draft. Checked on a knowledge base of an industry neither sample covers (synthetic
sentences in the style of trade news, written for this test)."""
from __future__ import annotations

from fixtures import FakeKB

from assistant.draft import draft_report
from assistant.draft.evidence import strip_dateline
from assistant.outline import load_outline, topic_cues
from assistant.profile import Profile

CEREMONY = "他说，共同体成立大会在学院举行，充分体现了各方对本地区的关怀和厚爱，体现了上下游企业支持本地发展的信心和决心。"
DOCS = [
    ("2024_行业运行.txt", "2024年现代物流行业运行情况", 2024, None,
     "现代物流日报讯 据新闻社北京1月9日电 2024年，全国社会物流总额达到360.6万亿元，同比增长5.8%。"
     "社会物流总费用与国内生产总值的比率为14.1%，比上年下降0.3个百分点。"),
    ("2023_共同体成立.txt", "全国现代物流行业产教融合共同体成立大会召开", 2023, None,
     "全国现代物流行业产教融合共同体成立大会在某学院举行，60余所院校和企业参加。" + CEREMONY),
]
PROFILE = Profile(industry="现代物流")


def _section(res, sid):
    return next(sd for sd in res.sections if sd.id == sid)


def test_dateline_is_stripped_with_the_headline_run_into_it():
    s = "上半年出口增长11.9%某某社8月13日讯 据新华社北京8月9日电上半年，全国出口1309.4亿美元。"
    assert strip_dateline(s) == "上半年，全国出口1309.4亿美元。"
    assert strip_dateline("本报讯（记者 张三）3月5日，某学院召开大会。") == "3月5日，某学院召开大会。"
    # 电话、电力… are words, not datelines
    assert strip_dateline("公司于8月9日电话会议上表示收入增长10%。") == "公司于8月9日电话会议上表示收入增长10%。"


def test_web_page_punctuation_is_made_chinese():
    from assistant.draft.evidence import evidence_sentences

    got = evidence_sentences("数据显示,2013年上半年,规模以上(主营业务收入2000万元以上)企业增长8.9%。")
    assert got == ["数据显示，2013年上半年，规模以上（主营业务收入2000万元以上）企业增长8.9%。"]


def test_outline_sections_name_topic_sets_that_exist():
    cues = topic_cues()
    for report in ("industry-analysis", "talent-demand"):
        for sec in load_outline(report).sections:
            assert all(name in cues for name in sec.topic_names)
    ia = load_outline("industry-analysis")
    assert (ia.section("policy").topic, ia.section("trends").topic) == ("policy", "trend")
    assert not cues["policy"].search(CEREMONY) and not cues["trend"].search(CEREMONY)


def test_ceremony_is_not_policy_or_trend_and_empty_sections_say_so(tmp_path):
    res = draft_report("industry-analysis", FakeKB(docs=DOCS, tables=()), [], 2026, tmp_path / "a.md",
                       profile=PROFILE)
    text = "".join(sd.text for sd in res.sections)
    assert "关怀和厚爱" not in text
    assert "日讯" not in text and "日电" not in text
    assert "2024年，全国社会物流总额达到360.6万亿元" in text  # the dated sentence, without its dateline
    policy = _section(res, "policy").text
    assert policy.startswith("【待补充】") and "国家政策" in policy


def test_unnamed_sentence_before_another_named_source_gets_its_own_paragraph():
    from assistant.draft.paragraphs import _split_by_attribution

    a = {"hit": {"source": "a.md"}}
    b = {"hit": {"source": "b.md"}}
    para = [("出口某产品3107亿件，同比增长19.6%。", a), ("据某协会数据，2024年全球销售额同比增长19.1%。", b)]
    assert [[t for t, _ in p] for p in _split_by_attribution(para)] == [[para[0][0]], [para[1][0]]]
    # one named source followed by its own unnamed sentence stays one paragraph
    para = [("据某协会数据，2024年全球销售额同比增长19.1%。", b), ("2023年同比下降8.2%。", b)]
    assert len(_split_by_attribution(para)) == 1


def test_context_bound_and_vague_sentences_are_not_quoted():
    from assistant.analysis.tables import load_yaml
    from assistant.draft.evidence import usable

    tpl = load_yaml("draft_templates.yaml")
    assert not usable("一方面招聘渠道全面铺开，另一方面利用连锁酒店的优势补充人才。", tpl)
    assert not usable("近几年流失的导游、司机人才很多，企业招聘压力持续存在。", tpl)
    assert not usable("旅行社同样面临人才短缺问题，春节前后尤为明显。", tpl)
    assert usable("2024年全国旅行社从业人员为41.7万人，比上年增加2.1万人。", tpl)
