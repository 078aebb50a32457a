"""Issue 9, round 29 (evidence, helper evid29): whose forecast a reported statement carries; a news lead that names
its informant in more ways.

A sentence whose source clause reports a statement — 记者从某协会……年会上获悉，／会上发布的《某蓝皮书》称， — and then
gives the year's data and a forecast after it: the forecast is that body's (labelling policy: another body's forecast
needs no method), so no forecast-basis finding. Twin: a source that names only data (据某协会数据，2023年……，预计2026年……)
covers the data, not the forecast after it — still flagged (round 5's shape). Texts written for these tests (tea, pet
food, yachts, ski resorts), not from the eval sets."""
from assistant.check import check_text

FORECAST = "evidence.forecast-basis"


def forecasts(text):
    return [f.text for f in check_text(text, categories={"evidence"}, learned=False).findings if f.rule_id == FORECAST]


def test_a_forecast_learnt_from_an_association_at_its_meeting_is_that_associations():
    text = ("记者从某某省茶叶流通协会在杭州举办的2024年度茶产业年会上获悉,2023年全省茶叶产量12.5万吨,同比增长6.1%,"
            "2024年产量将突破13万吨。\n")
    assert forecasts(text) == []


def test_a_forecast_in_a_named_blue_book_that_says_it_is_the_books():
    text = ("会上发布的《2024年中国宠物食品产业发展蓝皮书》称,2023年中国宠物食品市场规模为820亿元,同比增长9.4%,"
            "到2027年有望超过1200亿元。\n")
    assert forecasts(text) == []


def test_a_source_naming_only_data_leaves_the_forecast_after_it_flagged():
    text = "据某某游艇协会数据,2023年我国游艇销量为3200艘,同比增长8%,预计2026年销量将达到5000艘。\n"
    assert any("5000艘" in t for t in forecasts(text))


def test_a_forecast_with_no_source_in_its_sentence_is_flagged():
    text = ("记者从某某滑雪场协会获悉,上个雪季全国滑雪人次为2300万。\n\n"
            "业内普遍看好后市,预计下个雪季滑雪人次将突破2600万。\n")
    assert any("2600万" in t for t in forecasts(text))


# A news lead that names its informant — 记者从某海关获悉、从某某集团有限公司了解到、从某协会得知 — covers the lead's figures
# and the paragraphs after it up to a heading, like 记者从某局获悉 (round 6). Twin: an informant that is no body
# (从采访中了解到) leaves the figures unsourced.
UNSOURCED = "evidence.unsourced-figure"


def unsourced(text):
    return [f.text for f in check_text(text, categories={"evidence"}, learned=False).findings if f.rule_id == UNSOURCED]


def test_a_lead_learnt_from_a_named_customs_office_covers_its_figures():
    text = ("记者从某某海关获悉,今年前三季度本地区陶瓷砖出口额为85.2亿元,同比增长9.3%。\n\n"
            "其中,对东盟出口31.4亿元,增长14.2%。\n")
    assert unsourced(text) == []


def test_a_lead_learnt_from_a_named_group_company_covers_its_figures():
    text = "记者从某某港口集团有限公司了解到,一季度该集团完成集装箱吞吐量512万标箱,同比增长7.8%。\n"
    assert unsourced(text) == []


def test_a_lead_that_came_to_know_from_an_association_covers_its_figures():
    text = "记者从某某游艇行业协会得知,上半年全国游艇制造企业完成产值42.6亿元,同比增长11.5%。\n"
    assert unsourced(text) == []


def test_an_informant_that_is_no_body_leaves_the_figures_unsourced():
    text = "记者从采访中了解到,上半年全国游艇制造企业完成产值42.6亿元,同比增长11.5%。\n"
    assert any("42.6亿元" in t for t in unsourced(text))
