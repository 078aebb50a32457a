"""Round 24 (objectivity): classes written from one batch's errors and kept only because they held on the other
recent batches (see evals/check/README.md "Round 24 (objectivity)"). Sentences written for these tests (printing
ink, bicycle sharing, orchards, river cruises, piano making, bakery chains)."""
from assistant.check import check_text


def obj(text):
    return [(f.rule_id, f.text) for f in check_text(text, categories={"objectivity"}).findings]


def spans(text):
    return [f.span for f in check_text(text, categories={"objectivity"}).findings]


# ---- one finding per statement: the title's copy of a lead's wording is not flagged, the lead's is
def test_title_copy_of_a_lead_is_not_flagged_but_the_lead_is():
    title = "本市果园采摘游人数较快增长"
    text = title + "\n\n今年以来，本市果园采摘游人数较快增长，周末客流尤其集中。\n"
    found = [s for s, _ in spans(text)]
    assert found, obj(text)
    assert all(s > len(title) for s in found)


def test_title_wording_not_stated_again_is_still_flagged():
    title = "游船观光需求旺盛"
    text = title + "\n\n今年游船观光接待人次为12.4万，同比增长8.1%。\n"
    found = [s for s, _ in spans(text)]
    assert any(s < len(title) for s in found), obj(text)


# ---- a prospect: praise that a plan or a cooperation is to bring (将 + a future action or result)
def test_praise_as_what_a_cooperation_will_bring_is_not_flagged():
    assert not obj("双方将依托烘焙实训中心，为连锁门店培养提供有力支撑。")
    assert not obj("钢琴制造学院的成立，将为本地乐器产业转型奠定坚实的基础。")


def test_praise_stated_as_a_fact_is_flagged():
    assert obj("该实训中心为连锁门店培养提供了有力支撑。")
    assert obj("学院的成立为本地乐器产业转型奠定了坚实的基础。")


def test_future_marker_does_not_excuse_an_object_marker_or_a_modifier():
    # 将 as 把 (将所学技术应用到……) states what was done; a modifier (……蓬勃发展的) states the present state
    assert obj("学员将所学技术应用到门店经营中，为社区商业注入新活力。")
    assert obj("学院将进一步优化课程，培养适应油墨产业蓬勃发展的技术人才。")


def test_a_forecast_change_is_still_flagged():
    assert obj("预计明年共享单车维修需求将继续快速增长。")


# ---- 唯一: a scoped uniqueness (全国唯一) or the only way (唯一出路) is a claim; a plain count of one is a fact
def test_scoped_or_rhetorical_only_is_flagged():
    assert obj("该校拥有全国唯一的钢琴制造专业实训基地。")
    assert obj("数字化是果园经营的唯一出路。")


def test_plain_count_of_one_is_not_flagged():
    assert not obj("该厂是本区唯一一家油墨生产企业。")
    assert not obj("在本次比赛中，该队获得唯一的团体金奖。")
