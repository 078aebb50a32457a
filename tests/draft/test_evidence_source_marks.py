"""Evidence sentences drop the source's own footnote marks and read a space-separated thousands group as one figure;
a notice's forwarding formula (现印发给你们，请认真贯彻执行) is never evidence; the forecast section takes only
forward-looking sentences or method notes."""
from assistant.analysis.tables import load_yaml
from assistant.draft.evidence import evidence_sentences, usable
from assistant.textproc import numbers_in

TPL = load_yaml("draft_templates.yaml")


def test_source_footnote_marks_are_dropped():
    out = evidence_sentences("2020年全省休闲渔业产值约1 200亿元，预计2025年达到2 000亿元[3,4]。育苗企业已采用新型循环水系统[12]。")
    assert out == ["2020年全省休闲渔业产值约1200亿元，预计2025年达到2000亿元。", "育苗企业已采用新型循环水系统。"]


def test_thousands_space_is_one_number_but_a_label_and_year_are_not_joined():
    assert numbers_in("约1 200亿元", strip_cites=False) == {"1200"}
    assert numbers_in("表2 2023年渔船数", strip_cites=False) == {"2", "2023"}


def test_forwarding_formula_is_not_evidence():
    assert not usable("《渔港经济区建设方案》已经国务院同意，现印发给你们，请认真贯彻执行。", TPL)
    assert usable("《渔港经济区建设方案》提出到2027年建成十个国家级渔港经济区。", TPL)


def test_forecast_section_takes_only_forward_looking_sentences():
    from assistant.outline import load_outline

    forecast = next(s for s in load_outline("talent-demand").sections if s.id == "forecast")
    assert not forecast.on_topic("会议明确指出要深化校企合作，培养高素质技术技能人才。")
    assert forecast.on_topic("预计到2028年全省渔业技术人员需求将超过3万人。")
    assert forecast.on_topic("按劳动生产率法测算，未来三年新增岗位约1200个。")
