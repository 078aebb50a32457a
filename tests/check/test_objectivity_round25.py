"""Round 25 (objectivity): classes written from one batch's errors and kept only because they held on the other
recent batches (see evals/check/README.md "Round 25 (objectivity)"). Sentences written for these tests (tea and
bamboo counties, ferry lines, lacquerware, beekeeping, kite making, glass recycling)."""
from assistant.check import check_text


def obj(text):
    return [(f.rule_id, f.text) for f in check_text(text, categories={"objectivity"}).findings]


# ---- a publisher's own statistical release: its summary of the period (稳中向好、良好态势) is its own voice
BULLETIN = ("2023年，全县上下围绕年度目标任务，统筹推进各项工作，全县经济稳中向好，保持良好态势。\n"
            "一、农业\n"
            "全年茶叶产量1.52万吨，同比增长4.3%。蚕茧产量860吨，同比下降2.1%。\n"
            "全年水果产量3.8万吨，同比增长6.0%。食用菌产量1.1万吨，同比增长3.5%。\n"
            "二、工业\n"
            "全年规模以上工业增加值同比增长7.2%。其中，竹木加工业增加值同比增长9.1%，纺织业增加值同比下降1.4%。\n"
            "规模以上工业企业实现营业收入128.6亿元，同比增长5.8%。\n"
            "三、消费\n"
            "全年社会消费品零售总额86.4亿元，同比增长6.7%。\n")


def test_state_summary_in_a_statistics_release_is_not_flagged():
    found = obj(BULLETIN)
    assert not [t for _, t in found if "稳中" in t or "态势" in t], found


def test_state_summary_in_an_analysis_is_still_flagged():
    text = ("今年以来，本地渡轮客运市场稳中向好，保持良好态势。\n"
            "我们认为，这得益于旅游复苏和票价优惠，渡轮企业应抓住机遇扩大运力。\n")
    found = obj(text)
    assert any("稳中向好" in t for _, t in found), found
    assert any("态势" in t for _, t in found), found


def test_a_release_does_not_excuse_other_vague_words():
    # only the summary of the state of affairs is the publisher's voice; a degree word on a named metric is not
    text = BULLETIN.replace("全县经济稳中向好，保持良好态势。", "全县经济稳中向好，漆器产业规模持续扩大。")
    found = obj(text)
    assert any("持续扩大" in t for _, t in found), found


# ---- praise of an event, a speech, a view or a platform (一大盛事、真知灼见、精彩发言、搭建了一个很好的平台)
def test_praise_of_events_speeches_and_views_is_flagged():
    for s in ("作为养蜂行业的一大盛事，蜂产品博览会在县城开幕。",
              "与会的风筝艺人提出了许多真知灼见。",
              "玻璃回收企业代表带来了精彩的讲解，介绍了分拣流程。",
              "院长发表了热情洋溢的致辞。",
              "这次交流为漆器作坊提供了非常好的发展思路。"):
        assert any(r == "objectivity.lexicon-occasion" for r, _ in obj(s)), (s, obj(s))


def test_a_platform_built_is_praise_but_a_planned_one_is_not():
    assert obj("此次研讨会为校企双方搭建了一个高效的交流平台。")
    assert not obj("双方将为学员搭建起优质的实训平台。")
    assert not [r for r, _ in obj("学院要为风筝专业学生搭建实践平台。") if r == "objectivity.lexicon-occasion"]


def test_half_the_country_metaphor_is_flagged_unless_quoted():
    assert obj("本县竹编出口已占据全省出口的半壁江山。")
    assert not obj("本县竹编出口被称为全省出口的“半壁江山”。")
