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
