"""Issue 9, round 21 (evidence, helper evl21): whose statistics a text carries when no byline says so, and whose
forecast it is. A news lead naming a ministry's statement with a bracketed date (某部今天（5月9日）表示，……); a lead
saying the text below is a named body's document in full (某局公布了……公报。以下为公报全文：); a named report's
outlook before the forecasts (《报告》对明年……持乐观预期。预计……); a table of a college's own cohort under the paragraph
that reports it. Texts written for these tests (forestry, water supply, inland shipping, a nursing college, a dairy
association), not taken from the eval sets."""
from assistant.check import check_text

UNSOURCED = "evidence.unsourced-figure"
FORECAST = "evidence.forecast-basis"


def findings(text, rule):
    """The rules' findings (the learned filter off: these tests are about the rules)."""
    return [f.text for f in check_text(text, categories={"evidence"}, learned=False).findings if f.rule_id == rule]


LEAD = ("林业新闻：当前全国春季造林正在展开，国家林草局今天（3月12日）表示，今年的苗木供应有保障。\n"
        "从树种看，油松苗木供应量大约在12.4亿株，全国的需求量大约是9.6亿株，属于供大于求。\n")


def test_a_lead_speaker_with_a_bracketed_date_covers_the_later_paragraphs():
    assert findings(LEAD, UNSOURCED) == []


def test_without_the_speaker_the_later_figures_still_need_their_source():
    text = LEAD.replace("国家林草局今天（3月12日）表示，", "")
    assert any("12.4亿" in t for t in findings(text, UNSOURCED))


FULL = ("某省水利厅公布《2023年度城乡供水统计公报》\n"
        "新华讯 4月2日，某省水利厅公布了2023年度城乡供水统计公报。以下为公报全文：\n"
        "一、总体情况\n"
        "截至2023年底，全省共有集中供水工程3650处，农村自来水普及率为92.4%。\n"
        "二、水质情况\n"
        "全年共抽检水样12800份，合格率为97.3%。\n")


def test_a_lead_that_gives_a_named_bodys_document_in_full_covers_every_section():
    assert findings(FULL, UNSOURCED) == []


def test_a_lead_that_only_reports_the_publication_does_not_cover_later_sections():
    text = FULL.replace("以下为公报全文：", "公报显示，今年供水保障能力继续提升。")
    assert any("12800份" in t for t in findings(text, UNSOURCED))


OUTLOOK = ("某航运研究中心12月5日发布了《2024年内河航运发展分析和2025年展望》（以下简称《报告》）。\n"
           "《报告》对2025年内河航运总体持审慎乐观预期。预计内河货运量将突破48亿吨，船员需求将新增3万人。\n")


def test_a_named_reports_outlook_covers_the_forecasts_after_it():
    assert findings(OUTLOOK, FORECAST) == []


def test_the_writers_own_forecast_still_needs_its_method():
    text = OUTLOOK.replace("《报告》对2025年内河航运总体持审慎乐观预期。", "")
    text = text.splitlines()[1] + "\n"
    assert findings(text, FORECAST)


TABLE = ("（一）毕业去向\n"
         "学院2023届护理专业毕业生共1260人，年底毕业去向落实率为96.20%。\n"
         "表2 2023届护理专业毕业生去向分布\n"
         "去向 | 人数 | 比例 |\n"
         "医院就业 | 980 | 77.78% |\n"
         "专升本 | 190 | 15.08% |\n"
         "待就业 | 90 | 7.14% |\n")


def test_a_table_under_a_colleges_own_cohort_is_its_own_data():
    assert findings(TABLE, UNSOURCED) == []


def test_a_table_under_a_paragraph_on_the_industry_still_needs_its_source():
    text = TABLE.replace("学院2023届护理专业毕业生共1260人，年底毕业去向落实率为96.20%。",
                         "全国乳制品行业从业人员约为52万人，近三年年均增长3.1%。")
    text = text.replace("表2 2023届护理专业毕业生去向分布", "表2 乳制品企业岗位分布")
    assert any("77.78%" in t for t in findings(text, UNSOURCED))
