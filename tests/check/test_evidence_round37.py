"""Issue 9, round 37 (evidence, helper evid37): a publisher's own series read as its own when no byline names it.

- A publisher that says in the first lines that the data below are its release (2024年度，我省某产业相关数据发布如下：；
  某中心将……统计数据汇总整理发布，供参考) is the source of the figures under it, with or without 现将 (sources.yaml
  author_lead). 有关事项通知如下 is not a data release.
- A paragraph whose last sentence names the source and states no figure of its own (数据来自某局。／某平台今日公布
  《……报告》。) closes the paragraph with a note about the figures above it: it points back, like 以上数据来自
  (`UnsourcedFigure._closing_note`; evidence.yaml attribution now reads 公布《》、推出《》 too). A sentence that goes on
  after it, a figure in it, or a purpose clause (为了解……，某平台发布了《……》: why the report was made) does not.
Texts written for these tests (dairy, cement, tea, cold-chain logistics), not from the eval sets; each test failed on
3893533 (the twins inside them pass before and after)."""
from assistant.check import check_text

UNSOURCED = "evidence.unsourced-figure"


def rules(text):
    return [f.text for f in check_text(text, categories={"evidence"}, learned=False).findings
            if f.rule_id == UNSOURCED]


DAIRY = ("某省乳制品产业年度观察\n"
         "2024年度,某省乳制品产业和市场相关数据发布如下:\n"
         "一、整体数据\n"
         "2024年,乳制品产量约86万吨,同比增长4.2%;实现销售收入320亿元,同比增长6.1%;实现利润约28亿元,同比增长3%。\n"
         "二、主要企业\n"
         "两家头部企业2024年营收均超过60亿元,五家骨干企业营收在10-20亿元之间。\n")


def test_a_data_release_sentence_without_xianjiang_makes_the_figures_the_publishers():
    assert rules(DAIRY) == []
    # a notice's 通知如下 is no data release: the figures below still need a source
    assert rules(DAIRY.replace("相关数据发布如下", "有关事项通知如下")) != []


def test_a_closing_data_note_points_back_at_the_figures_above():
    text = ("水泥行业的一年\n\n"
            "去年水泥产量为20.2亿吨,熟料产量为15.6亿吨,行业利润为680亿元。"
            "数据来自国家统计局或根据其数据整理所得。\n")
    assert rules(text) == []
    # a note followed by more text in its paragraph is not its closing note
    assert rules(text.replace("整理所得。", "整理所得。年末库容比为72%。")) != []


def test_a_lead_closing_on_the_report_it_quotes_is_that_reports():
    text = ("本报讯 记者王敏 从今年春茶采摘用工来看,茶区采茶工日均工资为260元,同比上涨8%。"
            "某招聘平台今日公布《2024春茶季用工报告》。\n\n"
            "采茶季是茶区一年中用工最集中的时段。\n")
    assert rules(text) == []
    # why the report was made (为了解……) is no note about the figures above: they are its background
    background = ("本报讯 记者王敏 今年全国茶园面积达5100万亩,采茶工需求旺盛。"
                  "为了解春茶季用工情况,某招聘平台日前发布了《2024春茶季用工报告》。\n\n"
                  "采茶季是茶区一年中用工最集中的时段。\n")
    assert rules(background) != []
