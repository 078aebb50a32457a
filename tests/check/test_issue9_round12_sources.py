"""Issue 9, twelfth round (evidence): classes added after the eleventh batch o joined dev. Texts are written for these
tests (dairy, ports, furniture, pharmaceuticals), not taken from the eval sets. Each class has a case it must excuse
and a close case it must still flag."""
from assistant.check import check_text


def unsourced(text, **kw):
    return [f.text for f in check_text(text, categories={"evidence"}, **kw).findings
            if f.rule_id == "evidence.unsourced-figure"]


# --- a release excerpt whose short headline-sentences carry no figure ------------------------------------------------
RELEASE = ("1—9月份,我国乳制品行业运行平稳,产量小幅增长,利润总额有所回升。\n"
           "总体运行情况\n"
           "产量小幅增长。1—9月份,我国乳制品产量2310万吨,同比增长2.4%,增速较上半年回落0.3个百分点。\n"
           "利润总额有所回升。1—9月份,乳制品行业利润总额186亿元,同比增长3.1%,增速较上半年提高0.5个百分点。\n"
           "出口保持增长。1—9月份,乳制品出口12.6亿美元,同比增长5.2%。\n")


def test_release_headline_sentences_do_not_sink_the_figure_share():
    assert unsourced(RELEASE) == []


def test_long_commentary_sentences_without_figures_still_sink_the_share():
    t = ("1—9月份,我国乳制品行业运行平稳,产量小幅增长,利润总额有所回升。\n"
         "产量小幅增长,这得益于消费市场逐步回暖以及各地持续推进奶业振兴行动带来的产能释放。"
         "1—9月份,我国乳制品产量2310万吨,同比增长2.4%。\n"
         "利润回升的背后,是企业持续压降成本、优化产品结构并积极拓展低温奶和奶酪等高附加值品类。"
         "1—9月份,乳制品行业利润总额186亿元,同比增长3.1%。\n"
         "出口方面,不少企业仍面临国际市场需求疲软、贸易壁垒增多和汇率波动等多重压力的挑战。"
         "1—9月份,乳制品出口12.6亿美元,同比增长5.2%。\n")
    assert unsourced(t)


def test_headline_sentences_do_not_excuse_a_text_that_names_a_vague_source():
    t = RELEASE.replace("产量小幅增长。1—9月份", "产量小幅增长。据了解,1—9月份")
    assert unsourced(t)


# --- a dated first line naming the publishers of the report below ----------------------------------------------------
REPORT = ("港口物流人才需求持续增加\n"
          "今年上半年,港口物流相关岗位的招聘量同比增长18.6%,其中自动化码头运维岗位占比为12.4%,比去年同期提高2.1个百分点。\n")


def test_a_dated_publisher_line_covers_the_report_excerpt():
    assert unsourced("近日,某大学交通研究院与某招聘平台联合发布\n" + REPORT) == []


def test_a_dated_line_announcing_a_future_release_is_not_a_byline():
    assert unsourced("近日,某大学交通研究院与某招聘平台将联合发布\n" + REPORT)


def test_no_publisher_line_leaves_the_report_unsourced():
    assert unsourced(REPORT)


# --- the report says where its own data come from --------------------------------------------------------------------
BODY = ("三季度家具制造岗位招聘观察\n"
        "一、招聘情况\n"
        "今年三季度,家具制造企业发布岗位3.2万个,同比下降4.5%;求职人数2.1万人,同比增长6.8%。\n")


def test_the_report_naming_its_platform_data_covers_its_sections():
    t = "本报告数据来自某人才网平台的招聘与求职记录。\n" + BODY
    assert unsourced(t) == []


def test_a_report_whose_data_come_from_the_internet_is_not_sourced():
    t = "本报告数据来自网络公开信息。\n" + BODY
    assert unsourced(t)


# --- a named meeting as the reporter's source ------------------------------------------------------------------------
def test_a_named_meeting_where_the_reporter_learned_the_figures_is_a_source():
    t = ("记者从26日召开的全国医药行业经济运行分析会上了解到,前三季度,医药工业营业收入1.86万亿元,同比增长4.2%;"
         "利润总额2460亿元,同比下降1.3%。\n")
    assert unsourced(t) == []


def test_an_unnamed_meeting_is_not_a_source():
    t = "记者从会上了解到,前三季度,医药工业营业收入1.86万亿元,同比增长4.2%;利润总额2460亿元,同比下降1.3%。\n"
    assert unsourced(t)
