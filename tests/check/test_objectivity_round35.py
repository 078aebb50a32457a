"""Round 35 (objectivity), see evals/check/README.md "Round 35 (objectivity)": a trend word after a series given newest
year first sums up that series; a subjectless 保持/呈现……增长态势 right after a change figure sums up that figure.
Sentences written for these tests (nursing graduates, tea exports, home services, fruit growing)."""
from assistant.check import check_text


def found(text):
    return [f.text for f in check_text(text, categories={"objectivity"}).findings]


def test_a_trend_after_a_series_given_newest_year_first_sums_it_up():
    series = "2021年，28.4%的护理专业毕业生选择到县级医院就业，2020年这个比例为31%，在2017年则为40%。"
    assert not any("持续下降" in t for t in found(series + "五年间，选择县级医院的护理毕业生人数持续下降。"))
    # the series read by its years falls: a rise stated after it is not given by it
    assert any("持续上升" in t for t in found(series + "五年间，选择县级医院的护理毕业生人数持续上升。"))
    # without years the values are read as written (40% last: a rise), so a fall is still a claim
    plain = "28.4%的护理专业毕业生选择到县级医院就业，此前这个比例为31%，更早则为40%。"
    assert any("持续下降" in t for t in found(plain + "五年间，选择县级医院的护理毕业生人数持续下降。"))
    # a sentence about a later year than the series is not its summary
    grown = "2022年，全国宠物食品市场规模为1,480亿元，较2018年的730亿元翻了一番。"
    assert any("激增" in t for t in found(grown + "2023年，受消费升级影响，对功能性宠物食品的需求迅速激增。"))


def test_a_trend_after_a_series_in_the_same_sentence_pair_in_traditional_script():
    text = ("2022年，有35.6%的家政從業者持有證書，2020年這一比例為30%，在2018年則為24%。"
            "四年間，持證上崗的家政從業者人數持續增加。")
    assert not any("持續增加" in t for t in found(text))


def test_a_subjectless_growth_summary_after_its_change_figure():
    fig = "全年茶叶出口额为18.2亿美元，同比增长12.6%，"
    assert found(fig + "呈现较快增长态势，出口结构也在调整。") == []
    assert found(fig + "保持较快增长态势。") == []
    # a clause with its own subject is about something the figure does not measure
    assert any("良好增长态势" in t for t in found(fig + "红茶、白茶、花茶等品类均呈现良好增长态势。"))
    # a figure moving the other way does not give it
    assert any("增长态势" in t for t in found("全年茶叶出口额为18.2亿美元，同比下降12.6%，呈现较快增长态势。"))
    # nor does a level with no change
    assert any("增长态势" in t for t in found("全县水果产量达到46万吨，呈现良好增长态势。"))
    # a claim over several years is more than the one figure before it
    assert any("连续三年" in t for t in found("其中，苹果种植面积86万亩，比上年增加3.2万亩，增长3.9%，连续三年较多增长。"))
    # and with no figure at all it is still a claim
    assert any("增长态势" in t for t in found("今年全县水果种植保持较快增长态势。"))
