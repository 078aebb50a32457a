"""Round 33 (objectivity): notices and plans read as policy texts, and promotional phrasing in community news (see
evals/check/README.md "Round 33 (objectivity)"). An opinion that opens 为……，现（就……）提出如下意见, a work plan that
says 制定本工作方案, and a text whose first lines carry a plan's fixed section heading (一、总体要求) are policy texts,
whose targets are not flagged. 成功签订 / 成功取得 and a clause-final 效益明显 / 情况良好 are praise. Sentences written
for these tests (orchards, cold-chain logistics, bicycle making, glass-blowing, forestry)."""
from assistant.check import check_text


def found(text):
    return [f.text for f in check_text(text, categories={"objectivity"}).findings]


PLAN_BODY = ("一、提升冷链物流服务能力\n"
             "（一）大规模开展冷库改造。各区要加快推动冷库节能改造，冷链服务能力明显提升。\n"
             "（二）大面积推广标准托盘。推动企业使用标准托盘，装卸效率明显提高。\n")


def test_an_opinion_opening_with_propose_the_following_is_a_policy_text():
    head = "为推动全区冷链物流提质增效，促进农产品顺畅流通，现就加快冷链物流发展提出如下意见。\n"
    assert found(head + PLAN_BODY) == []
    # the same body under a news opening is still checked
    news = "本报讯 近日，记者走访了全区多家冷链企业。\n"
    assert any("大规模" in t or "明显提升" in t for t in found(news + PLAN_BODY))


def test_a_work_plan_that_says_it_is_drawn_up_is_a_policy_text():
    head = "为促进果农技能增收，根据省里有关文件精神，结合本县实际，制定本工作方案。\n"
    assert found(head + PLAN_BODY) == []


def test_a_plan_section_heading_in_the_first_lines_marks_a_policy_text():
    text = ("一、总体要求\n"
            "（一）指导思想。坚持需求导向，推动自行车制造业转型升级。\n"
            "（二）主要目标。到2027年，全市整车产能明显提升，大规模建成智能产线。\n")
    assert found(text) == []
    # a heading that is no plan section (一、基本情况) does not exempt the text
    report = ("一、基本情况\n"
              "今年全市自行车制造业大规模建成智能产线，整车产能明显提升。\n")
    assert found(report) != []


def test_successfully_signed_and_obtained_are_praise():
    assert any("成功签订" in t for t in found("学院与本地一家玻璃工艺企业成功签订了吹制工坊共建协议。"))
    assert any("成功取得" in t for t in found("两年来，林场与学校合作推进育苗项目，成功取得了一批育种成果。"))
    # quoted words are the speaker's
    assert not any("成功签订" in t for t in found("厂长说：“我们和学院成功签订了协议。”"))


def test_clause_final_benefit_or_completion_praise():
    assert any("效益明显" in t for t in found("合作社推广林下养蜂后，带动了周边农户，社会效益明显。"))
    assert any("情况良好" in t for t in found("今年果园春季修剪任务的完成情况良好。"))
    # a change of benefit (效益明显下滑) is not this clause-final praise, and a plain noun use is not praise
    assert not any(t.endswith("效益明显") for t in found("受原料涨价影响，玻璃企业效益明显下滑，部分企业停产。"))
    assert found("本表列出了各果园的投入和效益情况。") == []
