"""A plan sentence whose figures come before promotional wording keeps its plain head as evidence."""
from __future__ import annotations

from assistant.draft.evidence import evidence_sentences, plain_head


def test_target_head_kept_promotional_tail_dropped():
    s = ("省商务厅印发冷链物流三年行动方案，提出到2027年，冷库总容量较2024年增长30%，"
         "培育一批冷链物流标杆企业，全省建成区域冷链物流新高地。")
    assert plain_head(s) == "省商务厅印发冷链物流三年行动方案，提出到2027年，冷库总容量较2024年增长30%。"
    assert evidence_sentences("据悉。" + s)[-1].endswith("增长30%。")


def test_sentence_left_whole_when_no_plain_figure_comes_first():
    tail_first = "方案要求打造冷链物流新高地，冷库总容量较2024年增长30%，县域网点覆盖率达到90%。"
    assert plain_head(tail_first) == tail_first  # nothing plain before the flagged clause
    no_figure = "方案提出加快冷链设施建设，完善县乡村三级网络，培育一批冷链物流标杆企业。"
    assert plain_head(no_figure) == no_figure  # the head carries no figure
    plain = "去年全省冷库总容量达到820万吨，比上年增长6.5%，冷藏车保有量为1.2万辆。"
    assert plain_head(plain) == plain  # nothing flagged


def test_short_title_expanded_and_split_quote_close_dropped():
    text = ("省冷链物流协会发布了《2024年全省冷链物流发展报告》（以下简称《报告》）。"
            "《报告》显示，去年全省冷库总容量达到820万吨。"
            "“冷库建设仍在加快。”协会秘书长介绍，冷藏车保有量为1.2万辆。")
    sents = evidence_sentences(text)
    assert "《2024年全省冷链物流发展报告》显示，去年全省冷库总容量达到820万吨。" in sents
    assert "协会秘书长介绍，冷藏车保有量为1.2万辆。" in sents
    assert sents[0].endswith("（以下简称《报告》）。")  # the defining sentence keeps its own words


def test_half_of_a_split_quotation_is_not_usable():
    from assistant.analysis import load_yaml
    from assistant.draft.evidence import usable

    tpl = load_yaml("draft_templates.yaml")
    half = "“冷链物流企业普遍反映冷藏车司机难招，去年全省新增冷藏车3000辆。"
    assert not usable(half, tpl)
    assert usable(half[1:], tpl)  # the same words without the open quote read on their own
    assert usable("“十四五”期间，全省冷库总容量年均增长8%。", tpl)


def test_list_item_label_dropped_speaker_kept():
    sents = evidence_sentences("1、区域差异：沿海省份冷库容量占全国的六成以上，中西部增长较快。"
                               "协会负责人表示：今年新增冷藏车将超过2万辆。")
    assert sents[0] == "沿海省份冷库容量占全国的六成以上，中西部增长较快。"
    assert sents[1].startswith("协会负责人表示：")


def test_short_title_without_jiancheng_expanded_when_one_earlier_title_ends_with_it():
    text = ("省渔业局发布《2023年度全省渔业统计公报》。《公报》显示，全省水产品总产量96.5万吨。"
            "《条例》自明年起施行，规范水产苗种生产经营活动。")
    sents = evidence_sentences(text)
    assert "《2023年度全省渔业统计公报》显示，全省水产品总产量96.5万吨。" in sents
    assert any(s.startswith("《条例》") for s in sents)  # no earlier full title: left as it is
