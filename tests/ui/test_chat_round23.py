"""Chat round 23 (issue 11).
- A part for the whole (`part_for_whole`, tag `whole`): the question asks the whole's figure (全国、全行业), the
  sentence gives the figure of the parts it names as a share of that whole (约占全国的六成); the mirror of the
  whole-for-part checks (`group_member`, `joined_group`).
- A signature date asked (落款日期) is answered by the document's own date line, not by a paragraph that names a day
  nor by the web page's metadata line (发布时间) (`asks_signature`, `signature_line`, tag `signature`).
- 平均 in "每年平均的采蜜天数" owns nothing (`possessive_pairs`); 降到 is 降至 (chat.yaml synonyms); 事情 in
  "在哪些事情上" is a question word.
- The years a question compares with itself (与某年相比) are read from chat.yaml (`base_asked`).
A small knowledge base of an invented industry (蜂产品), written for these tests."""
from __future__ import annotations

import pytest

from assistant import chat
from tests.chat_helpers import kb_from_docs, scored_row

DOCS = {
    "2023_蜂产品产业年报.md": """# 蜂产品产业年报

2023年，甲省、乙省、丙省三省蜂蜜产量分别为12.4万吨、8.1万吨和6.5万吨，合计27万吨，约占全国蜂蜜产量的58%。

2023年全国蜂蜜产量46.3万吨，同比增长3.2%，其中甲省占全国的26.8%。

2023年全国蜂农人数约21万人，蜂场平均规模为80群。

受寒潮影响，蜂农年均采蜜天数从120天降至75天，部分蜂场减产。
""",
    "2022_省农业农村厅关于印发蜂业振兴方案的通知.md": """# 省农业农村厅关于印发蜂业振兴方案的通知

来源：某某蜂业信息网 发布时间：2022-05-16

各市农业农村局：现将《蜂业振兴方案（2022-2025年）》印发给你们，请于6月30日前报送落实情况。

省农业农村厅

2022年5月9日
""",
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    return kb_from_docs(tmp_path_factory, DOCS, "round23")


def test_a_part_does_not_answer_the_whole():
    parts = "2023年，甲省、乙省、丙省三省蜂蜜产量合计27万吨，约占全国蜂蜜产量的58%。"
    assert chat.part_for_whole("2023年全国蜂蜜产量是多少？", parts)
    assert chat.part_for_whole("2023年国内一共产了多少蜂蜜？", parts)
    assert chat.part_for_whole("全行业的蜂蜜年产量有多大？", "两家龙头企业年产蜂蜜5万吨，占全行业的一成。")
    # the sentence names the whole outside its share: the whole's figure is there
    assert not chat.part_for_whole("2023年全国蜂蜜产量是多少？", "2023年全国蜂蜜产量46.3万吨，其中甲省占全国的26.8%。")
    # no parts named: the figure is the whole's, its share is of another measure
    assert not chat.part_for_whole("2023年我国蜂蜜出口额是多少？", "2023年蜂蜜出口额12亿美元，占全国农产品出口总额的0.5%。")
    # a share asked: the part's share is the answer
    assert not chat.part_for_whole("甲省蜂蜜产量占全国多少？", parts)
    assert not chat.part_for_whole("三省蜂蜜产量占全国的比重是多少？", parts)
    # no whole asked
    assert not chat.part_for_whole("甲省、乙省、丙省三省蜂蜜产量合计多少？", parts)


def test_the_parts_sentence_is_refused_for_the_whole(kb):
    q = "2023年全国蜂蜜产量是多少？"
    assert "whole" in scored_row(kb, q, "约占全国蜂蜜产量的58%").refused
    assert "whole" not in scored_row(kb, q, "46.3万吨").refused
    # the parts asked as a group: the sum answers
    assert "whole" not in scored_row(kb, "2023年甲省、乙省、丙省三省蜂蜜产量合计多少？", "约占全国蜂蜜产量的58%").refused


def test_a_year_the_question_compares_with_stays_its_own():
    assert chat._TERMS.get("base_asked")  # the pattern lives in chat.yaml beside base_ratio and base_compare
    body = "2023年蜂蜜产量恢复至2019年的96%。"
    assert chat.base_years(body, "2023年蜂蜜产量是多少？") == {"2019"}
    assert chat.base_years(body, "与2019年相比，2023年蜂蜜产量恢复了多少？") == set()
    assert chat.base_years(body, "2023年蜂蜜产量同2019年同期的水平对比如何？") == set()


def test_a_cached_index_keeps_no_copy_of_another_checkout(tmp_path):
    """evals/retrieval/run.py: sources of another checkout's copy of a corpus are strays (they would tie with this
    checkout's chunks and fill the top k with one passage twice)."""
    import sys

    from assistant.config import Settings
    from assistant.kb import KnowledgeBase
    from evals.chat.calibration import REPO

    sys.path.insert(0, str(REPO / "evals" / "retrieval"))
    from run import stray_sources

    ours, theirs = tmp_path / "ours" / "sources", tmp_path / "theirs" / "sources"
    for root in (ours, theirs):
        root.mkdir(parents=True)
        (root / "2023_蜂产品简报.md").write_text("# 蜂产品简报\n\n2023年全国蜂农人数约21万人。\n", encoding="utf-8")
    kb = KnowledgeBase(Settings(index_dir=tmp_path / "index"))
    assert kb.ingest([ours]).ok and kb.ingest([theirs]).ok
    assert len(kb.sources()) == 2  # the same file twice, once per copy
    stray = stray_sources(kb, [ours])
    assert len(stray) == 1 and stray_sources(kb, [ours, theirs]) == []
    kb.remove_source(stray[0])
    assert stray_sources(kb, [ours]) == [] and len(kb.sources()) == 1


def test_a_signature_date_is_the_documents_own_date_line(kb):
    assert chat.asks_signature("印发蜂业振兴方案的那份通知，落款日期是哪一天？")
    assert not chat.asks_signature("蜂业振兴方案是哪一天印发的？")
    assert chat.signature_line("2022年5月9日")
    assert chat.signature_line("省农业农村厅2022年5月9日")
    assert chat.signature_line("请认真贯彻执行。省农业农村厅；2022年5月9日；蜂业振兴方案")  # short lines joined by the reader
    assert not chat.signature_line("省农业农村厅；发布时间 2022年5月9日")
    assert chat.signature_line("该通知的落款日期是2022年5月9日，由省农业农村厅发出。")  # a sentence that says so
    assert not chat.signature_line("来源：某某蜂业信息网 发布时间：2022-05-16")
    assert not chat.signature_line("请于6月30日前报送落实情况。")
    q = "省农业农村厅印发蜂业振兴方案的那份通知，落款日期是哪一天？"
    assert "signature" in scored_row(kb, q, "6月30日").refused
    assert "signature" in scored_row(kb, q, "发布时间").refused
    row = scored_row(kb, q, "2022年5月9日")
    assert "signature" not in row.refused and row.coverage >= chat.GROUNDED_MIN_COVERAGE
    # a day asked without 落款: the paragraph with a day is not refused for it
    assert "signature" not in scored_row(kb, "报送落实情况的截止日期是哪一天？", "6月30日").refused


def test_a_modifier_owns_nothing_and_a_written_verb_is_the_colloquial_one(kb):
    q = "受寒潮影响，蜂农每年平均的采蜜天数由多少天降到了多少天？"
    assert chat._doc_freqs(kb)[0].get("平均")  # a word of the knowledge base
    assert not [p for p in chat.possessive_pairs(q, kb.tokenizer, chat._doc_freqs(kb)[0]) if p[0] == "平均"]
    row = scored_row(kb, q, "从120天降至75天")
    assert not {"entity", "unknown"} & set(row.refused)
    # an owner that is a noun still has to be named
    assert chat.possessive_pairs("甲省的蜂蜜产量是多少？", kb.tokenizer, chat._doc_freqs(kb)[0]) == [("甲省", "蜂蜜")] \
        or ("甲省", "蜂蜜产量") in chat.possessive_pairs("甲省的蜂蜜产量是多少？", kb.tokenizer, chat._doc_freqs(kb)[0])
    assert "事情" in chat.QUESTION_WORDS
