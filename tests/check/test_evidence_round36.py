"""Issue 9, round 36 (evidence, helper evid36): whose figures a publisher's own text states, and where a vague
source takes over from a named lead.

- A release excerpt whose opening sentence writes the period's change before the figure (2024年5月份，全国工业生产者
  出厂价格同比下降1.4%) is known by its opening voice, like one that writes the figure first (sources.yaml
  release_voice). A news story that names no source and opens the same way is not a release when it quotes one.
- 据了解 with figures in its sentence, after a named lead, takes over: the sentences after it, in its paragraph and
  the next ones of the section, are no longer the lead's (`UnsourcedFigure._taken_over`, evidence.yaml
  vague_takeover). Without it the lead still covers them.
- A plan's own title alone on the first line (某市某产业“十四五”发展规划) is a header: the plan's targets and its
  account of the base are the issuing body's (sources.yaml byline). A title that reports on a plan (解读、印发、《》)
  is not.
- A named document that 显示 (《某指南》显示，……，预计……) speaks the whole sentence: the forecast is that document's
  (evidence.yaml stated_by; `Forecast._stated` reads the clause up to its comma). 数据显示 naming nobody, or a body's
  数据显示 (like 据某协会数据), still leaves the forecast to its writer.
Texts written for these tests (industrial prices, cold chain, shipbuilding, port logistics, hydrogen, seed industry),
not from the eval sets."""
from assistant.check import check_text

UNSOURCED = "evidence.unsourced-figure"
FORECAST = "evidence.forecast-basis"


def rules(text, rule):
    return [f.text for f in check_text(text, categories={"evidence"}, learned=False).findings if f.rule_id == rule]


def test_a_release_opening_with_the_change_before_the_figure_is_its_publishers():
    text = ("2024年5月份工业生产者出厂价格同比下降1.4% 环比下降0.2%\n\n"
            "2024年5月份,全国工业生产者出厂价格同比下降1.4%。其中,生产资料价格下降1.7%,生活资料价格下降0.8%。"
            "1—5月平均,工业生产者出厂价格比上年同期下降2.4%。\n\n"
            "5月份,生产资料价格同比下降1.7%,影响工业生产者出厂价格总水平下降约1.28个百分点。其中,采掘工业价格上涨1.6%,"
            "原材料工业价格下降0.9%,加工工业价格下降2.4%。生活资料价格同比下降0.8%。\n")
    assert rules(text, UNSOURCED) == []
    # the same figures quoted through a vague source: reported on, not released
    quoted = ("工业品价格降幅收窄\n\n"
              "2024年5月份,全国工业生产者出厂价格同比下降1.4%。据了解,生产资料价格同比下降1.7%,"
              "生活资料价格同比下降0.8%,采掘工业价格上涨1.6%。\n")
    assert rules(quoted, UNSOURCED) != []


def test_a_figure_under_ju_liao_jie_takes_over_from_the_named_lead():
    lead = ("船舶工业稳中向好\n\n"
            "本报讯(记者 李华)4月12日,中国船舶工业行业协会召开一季度经济运行发布会,一季度全国造船完工1100万载重吨。\n\n")
    text = lead + ("据了解,一季度全国新接船舶订单2300万载重吨,同比增长29%。\n\n"
                   "3月末,手持船舶订单达到1.5亿载重吨,同比增长20%。\n")
    assert any("1.5亿" in t for t in rules(text, UNSOURCED))
    # without 据了解 the paragraphs after the lead are still the association's
    plain = lead + ("一季度全国新接船舶订单2300万载重吨,同比增长29%。\n\n"
                    "3月末,手持船舶订单达到1.5亿载重吨,同比增长20%。\n")
    assert rules(plain, UNSOURCED) == []


def test_a_plans_own_title_makes_its_targets_and_base_the_issuers():
    body = ("\n\n规划期限为2021年-2025年。\n\n"
            "发展目标:到2025年,全市加氢站达到30座以上,燃料电池汽车推广应用达到3000辆以上。\n\n"
            "截至2020年底,全市燃料电池汽车保有量达到520辆,建成加氢站6座。\n")
    assert rules("某市氢能产业“十四五”发展规划" + body, UNSOURCED) == []
    # a title reporting on the plan is a news story: its base figures need a source
    assert rules("《某市氢能产业“十四五”发展规划》解读" + body, UNSOURCED) != []


def test_a_named_document_that_shows_a_forecast_is_its_forecaster():
    text = ("种业人才观察\n\n"
            "《现代种业提升工程建设规划》显示,2022年全国种业科研人才约12万人,预计到2030年将达到20万人。\n")
    assert rules(text, FORECAST) == []
    # 数据显示 names nobody: the forecast is the writer's and needs its method
    unnamed = ("种业人才观察\n\n"
               "数据显示,2022年全国种业科研人才约12万人,预计到2030年将达到20万人。\n")
    assert rules(unnamed, FORECAST) != []
    # a body's data that 显示 covers the data, not the forecast after it (as 据某协会数据，……，预计……)
    data = ("种业人才观察\n\n"
            "中国种子协会数据显示,2022年全国种业科研人才约12万人,预计到2030年将达到20万人。\n")
    assert rules(data, FORECAST) != []
