"""Issue 9, fifteenth round (evidence): a statistical release excerpt that names no publisher and no national scope
(its first sentence is a period, a metric, a figure and its change; the whole text a run of such sentences) is the
publisher's own data. The same sentences inside a report — with headings, proposals or an argument, or checked as a
community report — are still flagged. Texts are written for these tests (railways, dairy, ports), not taken from the
eval sets."""
from assistant.check import check_text


def unsourced(text, **kw):
    return [f.text for f in check_text(text, categories={"evidence"}, **kw).findings
            if f.rule_id == "evidence.unsourced-figure"]


RAIL = ("2025年,铁路旅客发送量完成 43.2 亿人次,同比增长 5.1%。其中,高铁旅客发送量完成 31.6 亿人次,同比增长 6.4%。\n"
        "2025年,铁路货物发送量完成 52.8 亿吨,同比增长 2.3%。其中,集装箱发送量完成 9.7 亿吨,同比增长 8.2%。\n"
        "12月份,铁路旅客发送量完成 3.1 亿人次,同比增长 3.9%;铁路货物发送量完成 4.6 亿吨,同比增长 1.2%。\n")

DAIRY = ("2025年,全省乳制品产量同比增长4.6%。\n"
         "分产品看,液体乳增长3.8%,干乳制品增长9.1%。\n"
         "从企业类型看,国有控股企业增长2.7%;私营企业增长5.9%。\n"
         "在全省统计的56家规模以上乳品企业中,41家产量保持增长,增长面为73.2%。\n"
         "12月份,全省乳制品产量同比增长1.5%。\n")


def test_a_headless_release_run_is_clean():
    assert unsourced(RAIL) == []


def test_a_headless_local_release_with_breakdowns_is_clean():
    assert unsourced(DAIRY) == []


def test_the_same_run_under_report_headings_is_flagged():
    text = ("一、行业运行情况\n" + DAIRY + "二、人才需求\n企业对运维人才的需求持续增加,我们建议扩大订单班规模。\n")
    assert len(unsourced(text)) == 5


def test_the_same_run_under_a_report_title_is_flagged():
    assert unsourced("乳品行业人才需求分析\n" + DAIRY + "建议扩大订单班规模。\n")


def test_the_same_run_followed_by_proposals_is_flagged():
    assert unsourced(RAIL + "建议进一步优化运力配置,提升服务质量。\n")


def test_the_same_run_with_an_argument_is_flagged():
    assert unsourced(DAIRY + "总体看,乳品行业运行平稳,但也要看到,部分企业经营仍面临困难。\n")


def test_a_run_that_does_not_open_with_the_period_is_flagged():
    text = RAIL.replace("2025年,铁路旅客发送量完成", "铁路旅客发送量完成", 1)
    assert unsourced(text)


def test_the_run_in_a_report_kind_is_flagged():
    text = "一、行业运行情况\n" + RAIL + "二、人才需求\n企业对运维人才的需求持续增加。\n"
    assert len(unsourced(text, report="industry-analysis")) == 3
