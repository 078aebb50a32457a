"""Issue 9, round 31 (evidence, helper evid31): a statistical release whose title and byline the excerpt lost.

A body's periodic release of its own statistics opens with an overview sentence: the period, the jurisdiction or the
whole sector, and the period's verdict with no figure (1—3月份,全国某行业生产形势保持平稳态势。／上半年,全省某经济呈现
稳中向好的态势。). When the excerpt keeps neither the title nor the byline, that opening is what tells the release from
a writer's report, and its figures are the publisher's own statistics (labelling policy: a release's own statistics
are sourced by its publisher). The same figures in a text that opens with a figure (a news item), names a vague
source, or argues from its figures (表明、得益于: an analysis) still need a source. Texts written for these tests (paper
making, aquatic products, tea, bamboo and wood processing, salt), not from the eval sets."""
from assistant.check import check_text

UNSOURCED = "evidence.unsourced-figure"


def unsourced(text):
    return [f.text for f in check_text(text, categories={"evidence"}, learned=False).findings if f.rule_id == UNSOURCED]


def test_a_national_release_with_sections_known_by_its_overview_opening():
    text = ("1—3月份,全国造纸行业生产形势保持平稳态势。\n"
            "一、产量稳步增长\n"
            "1—3月份,全国规模以上造纸企业完成纸制品产量3650万吨,同比增长5.2%。其中机制纸1820万吨,同比增长4.1%。\n"
            "3月份,全国规模以上造纸企业完成纸制品产量1290万吨。其中机制纸完成640万吨。\n"
            "二、出口较快增长\n"
            "1—3月份,全国规模以上造纸企业完成出口交货值96.3亿元,同比增长8.7%。\n"
            "3月份,全国规模以上造纸企业完成出口交货值35.1亿元。\n")
    assert unsourced(text) == []


def test_a_provincial_release_without_sections_known_by_its_overview_opening():
    text = ("上半年,全省水产经济呈现稳中向好的态势。全省完成水产品总产量118.6万吨,同比增长3.2%;"
            "渔业经济总产值402.5亿元,增长5.1%,比上年同期提高0.4个百分点。\n"
            "从养殖结构看,海水养殖产量61.4万吨,同比增长4.0%;淡水养殖产量42.8万吨,同比增长2.1%。"
            "远洋渔业产量14.4万吨。\n")
    assert unsourced(text) == []


def test_the_same_opening_with_a_vague_source_still_needs_a_source():
    text = ("一季度,全国茶叶市场保持平稳运行态势。据业内人士估计,全国茶叶产量约95万吨,同比增长3.1%。\n"
            "其中绿茶产量约58万吨,同比增长2.4%;红茶产量约14万吨,同比增长6.0%。\n")
    assert any("95万吨" in t for t in unsourced(text))


def test_a_news_item_opening_with_its_figure_still_needs_a_source():
    text = ("2023年,全国竹木加工企业完成营业收入2860亿元,同比增长6.1%。\n"
            "其中竹制品企业完成营业收入740亿元,同比增长9.3%;木制品企业完成营业收入2120亿元,同比增长5.0%。\n")
    assert any("2860亿元" in t for t in unsourced(text))


def test_an_analysis_that_argues_from_its_figures_still_needs_a_source():
    text = ("前三季度,全国制盐行业延续平稳运行态势。\n"
            "全国规模以上制盐企业完成原盐产量6120万吨,同比增长2.3%,主要得益于两碱工业用盐需求回升。\n"
            "食用盐产量1010万吨,同比下降1.2%,表明居民消费结构仍在调整。\n"
            "行业利润总额38.6亿元,同比增长4.5%。\n")
    assert any("6120万吨" in t for t in unsourced(text))


def test_an_opening_about_an_action_is_no_release_overview():
    text = ("2022年5月,我国启动了覆盖各省的一次盐业资源普查。\n"
            "目前全国已登记盐田面积412万亩,同比增长2.6%;井矿盐产能8650万吨,同比增长3.3%。\n"
            "其中湖盐产能1240万吨,同比下降1.5%。\n")
    assert any("412万亩" in t for t in unsourced(text))


def test_a_sectors_figures_without_the_jurisdiction_still_need_a_source():
    text = ("一季度,我国制盐工业生产总体平稳运行。\n"
            "原盐产量1580万吨,同比下降0.6%,降幅比前2个月收窄1.2个百分点。\n"
            "其中井矿盐产量1030万吨,同比增长1.4%;海盐产量410万吨,同比下降3.8%。\n"
            "食用盐产量265万吨。\n")
    assert any("1580万吨" in t for t in unsourced(text))
