"""Issue 9, round 28 (evidence, helper evid28): a gap measured against a need stated before it.

A talent gap whose own paragraph first gives the need in headcount (需求将达到X万人，缺口为Y万人; 需求量约为X万，……仅有Z人
持证。整体缺口超Y万) says what it is measured against: no gap-baseline finding. Twins: a need given only after the gap,
or only in the paragraph before it, leaves the gap flagged. (A gap derived from a per-capita standard, 根据每千人……的
需求比例, was tried and withdrawn: see evals/check/README.md, round 28.)
Texts written for these tests (winter sports, tea, yachts, funeral services), not from the eval sets."""
from assistant.check import check_text

GAP = "evidence.gap-baseline"


def gaps(text):
    return [f.text for f in check_text(text, categories={"evidence"}, learned=False).findings if f.rule_id == GAP]


def test_a_need_in_the_same_sentence_is_the_gaps_baseline():
    text = "某某冰雪运动协会发布的报告显示,到2027年全国冰雪运动指导员需求将达到12万人,人才缺口为7万人。\n"
    assert gaps(text) == []


def test_a_need_earlier_in_the_paragraph_is_the_gaps_baseline():
    text = ("据某某茶叶流通协会调研数据显示,茶艺服务人才需求量约为8.5万,截至2024年,全国仅有31200人取得茶艺师"
            "职业技能等级证书,其中高级茶艺师4100人。整体茶艺人才缺口超5万。\n")
    assert gaps(text) == []


def test_a_need_given_after_the_gap_leaves_it_flagged():
    text = "据某某游艇协会统计,游艇驾驶人才缺口将达3万人,船艇维修转型需求超5万人次。\n"
    assert any("3万人" in t for t in gaps(text))


def test_a_need_in_the_paragraph_before_leaves_the_gap_flagged():
    text = ("某省殡葬服务机构每年需要约800名专业服务人员,院校每年培养不足300人。\n\n"
            "据某某殡葬协会统计,到2030年全省殡葬专业人才缺口将达2000名。\n")
    assert any("2000名" in t for t in gaps(text))


def test_a_second_gap_after_the_first_is_not_covered_by_the_same_need():
    text = ("据某某冰雪运动协会统计,滑雪教练需求约为6万人,缺口为2万人。此外,压雪车司机缺口达4000名。\n")
    found = gaps(text)
    assert any("4000名" in t for t in found) and not any("2万人" in t for t in found)
