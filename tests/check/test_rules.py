"""One test (or more) per rule kind, on small in-memory texts."""
import pytest

from assistant.check import check_text
from assistant.types import Hit

SPAN = {"objectivity", "evidence", "consistency"}


def run(text, cats=SPAN, **kw):
    kw.setdefault("report", "industry-analysis")
    return check_text(text, categories=cats, **kw)


def ids(result):
    return [f.rule_id for f in result.findings]


# --- existence (objectivity) -------------------------------------------------------------
@pytest.mark.parametrize("text,word", [
    ("我国新能源汽车产业遥遥领先，产业链完整。", "遥遥领先"),
    ("毋庸置疑，产教融合是必由之路。", "毋庸置疑"),
    ("共同体的实训基地是全国最先进的。", "最先进"),
    ("该校是国内唯一一家开设此专业的学校。", "唯一一家"),
])
def test_existence_flags_absolute_words(text, word):
    r = run(text)
    found = [f.text for f in r.findings if f.category == "objectivity"]
    assert len(found) == 1 and word in found[0], found


def test_ranking_claim_needs_a_source():
    assert "objectivity.ranking-claim" in ids(run("我国新能源汽车产销量连续多年位居全球第一。"))
    assert ids(run("据新华社报道，我国新能源汽车产销量连续8年位居全球第一。")) == []


def test_vague_amount_only_without_a_figure():
    assert ids(run("企业招聘难度大幅上升。")) == ["objectivity.vague-change"]  # issue 9: the change family wins the overlap
    assert ids(run("据中国汽车工业协会统计，2024年销量大幅增长35.5%。")) == []


# --- unsourced_figure ---------------------------------------------------------------------
def test_unsourced_figure_and_attribution_in_paragraph():
    r = run("2024年新能源汽车出口128.4万辆，同比增长6.7%。")
    assert ids(r) == ["evidence.unsourced-figure"]
    assert r.findings[0].text.startswith("128.4万辆")
    for src in ("据中国汽车工业协会统计，", "中汽协数据显示，", "", "（来源：中国汽车工业协会）"):
        t = f"{src}2024年新能源汽车出口128.4万辆，同比增长6.7%。" + ("" if src else "[1]")
        assert ids(run(t)) == [], t


def test_own_data_needs_no_external_source():
    assert ids(run("本共同体2025年组织企业员工培训8600人次。")) == []
    assert ids(run("本次调研回收问卷412份，样本企业从业人员约9.6万人。")) == []


def test_unsourced_figure_not_applied_to_annual_summary():
    r = run("全年开展订单培养1260人。", report="annual-summary")
    assert "evidence.unsourced-figure" not in ids(r)


# --- forecast -----------------------------------------------------------------------------
def test_forecast_without_method():
    r = run("预计到2028年行业人才需求将达到300万人。")
    assert ids(r) == ["evidence.forecast-basis"]
    assert "预测方法" in r.findings[0].message and "假设" in r.findings[0].message


def test_forecast_with_method_horizon_assumptions():
    t = ("需求预测采用GM(1,1)灰色模型，预测期为2026—2028年，假设产销增速保持当前趋势。"
         "在上述假设下，预计2028年需求为5200人至5900人。")
    assert ids(run(t)) == []


def test_policy_target_is_not_a_forecast():
    assert ids(run("《规划》提出，力争到2025年新能源汽车新车销量占比达到20%左右。")) == []


# --- gap_baseline -------------------------------------------------------------------------
def test_gap_without_baseline_even_if_sourced():
    r = run("据《制造业人才发展规划指南》，2025年人才缺口为103万人。")
    assert ids(r) == ["evidence.gap-baseline"]


def test_gap_with_baseline():
    t = "据《制造业人才发展规划指南》，2025年人才需求120万人，相对于2015年17万人的人才总量，缺口为103万人。"
    assert ids(run(t)) == []


# --- metric_consistency / growth_check / percent points ------------------------------------
def test_same_metric_two_values():
    t = "据某协会统计，2024年新能源汽车销量为1286.6万辆。下文所用2024年新能源汽车销量为1268.6万辆。"
    r = run(t)
    assert ids(r) == ["consistency.metric-mismatch"] and r.findings[0].text == "1268.6万辆"


def test_rounding_is_not_a_mismatch():
    t = "据某协会统计，2024年新能源汽车销量为1286.6万辆。2024年新能源汽车销量约1287万辆。"
    assert ids(run(t)) == []


def test_wan_yi_slip():
    r = run("据某协会统计，2024年新能源汽车产量1288.8万辆。下文所用2024年新能源汽车产量为1288.8亿辆。")
    assert ids(r) == ["consistency.metric-mismatch"] and "万/亿" in r.findings[0].message


def test_growth_recomputed_from_two_years():
    t = "据某协会统计，2023年新能源汽车销量949.5万辆；2024年新能源汽车销量1286.6万辆，同比增长45.5%。"
    r = run(t)
    assert ids(r) == ["consistency.growth-mismatch"] and "35.5%" in r.findings[0].message
    assert ids(run(t.replace("45.5%", "35.5%"))) == []


def test_growth_from_to_sentence():
    r = run("据某协会统计，动力电池装车量从2021年的154.5GWh增长到2023年的387.7GWh，增长了85%。")
    assert ids(r) == ["consistency.growth-mismatch"]


def test_percent_vs_percentage_points():
    r = run("据人民日报报道，2022年新能源汽车市场占有率达到25.6%，比上年提高12.1%。")
    assert ids(r) == ["consistency.percent-points"]
    assert ids(run("据人民日报报道，2022年新能源汽车市场占有率达到25.6%，比上年提高12.1个百分点。")) == []


def test_future_year_stated_as_fact():
    t = "编制日期：2026年3月1日\n\n据某协会统计，2027年新能源汽车销量达到2100万辆。\n"
    assert "consistency.future-year" in ids(run(t))
    assert "consistency.future-year" not in ids(run(t.replace("据某协会统计，", "据某协会统计，预计")))


# --- kb_contradiction (fake knowledge base with the KnowledgeBase.search signature) ---------
class FakeKB:
    def __init__(self, texts):
        self.texts = texts
        self.queries = []

    def search(self, query: str, top_k: int = 5, year_min=None, year_max=None, sources=None):
        self.queries.append(query)
        return [Hit(chunk_id=str(i), text=t, source="caam-2025.pdf", title="产销快讯", year=2025, page=3, heading="",
                    score=1.0) for i, t in enumerate(self.texts)][:top_k]


def test_kb_contradiction():
    kb = FakeKB(["2024年新能源汽车销量1286.6万辆，同比增长35.5%。"])
    r = run("据某协会统计，2024年新能源汽车销量1386.6万辆。", kb=kb)
    assert ids(r) == ["consistency.kb-contradiction"]
    assert "1286.6万辆" in r.findings[0].message and "caam-2025.pdf" in r.findings[0].message
    assert kb.queries
    assert ids(run("据某协会统计，2024年新能源汽车销量1286.6万辆。", kb=kb)) == []
    assert ids(run("据某协会统计，2024年新能源汽车销量1386.6万辆。")) == []  # no --index, no check


def test_kb_failure_does_not_kill_the_check():
    class Broken:
        def search(self, *a, **k):
            raise RuntimeError("index corrupt")

    r = run("据某协会统计，2024年新能源汽车销量1386.6万辆。", kb=Broken())
    assert r.summary["warnings"]


# --- timeliness ---------------------------------------------------------------------------
@pytest.mark.parametrize("date_line,late", [
    ("2026年3月", False), ("编制日期：2026-03-15", False), ("二〇二六年三月", False),
    ("2026年4月2日", True), ("2025年12月20日", True), ("二〇二六年五月十八日", True),
])
def test_report_date_window(date_line, late):
    t = f"新能源汽车行业发展分析报告（2026年）\n\n据某协会统计，2025年新能源汽车销量1649万辆。\n\n{date_line}\n"
    r = check_text(t, categories={"timeliness"})
    assert ("timeliness.report-date" in ids(r)) is late, ids(r)


def test_missing_date_is_a_warning():
    r = check_text("新能源汽车行业发展分析报告（2026年）\n\n正文。\n", categories={"timeliness"})
    assert [(f.rule_id, f.level) for f in r.findings] == [("timeliness.report-date", "warning")]


def test_annual_summary_deadline_is_december_15():
    base = "某共同体2025年度总结报告\n\n正文。\n\n{}\n"
    assert ids(check_text(base.format("2025年12月10日"), categories={"timeliness"})) == []
    assert ids(check_text(base.format("2025年12月28日"), categories={"timeliness"})) == ["timeliness.report-date"]


def test_stale_data():
    t = "新能源汽车行业发展分析报告（2026年）\n\n据某协会统计，2022年新能源汽车销量688.7万辆。\n\n2026年2月\n"
    r = check_text(t, categories={"timeliness"})
    assert ids(r) == ["timeliness.stale-data"] and r.summary["newest_data_year"] == 2022
    r = check_text(t.replace("2022年新能源汽车销量688.7", "2024年新能源汽车销量1286.6"), categories={"timeliness"})
    assert ids(r) == []


# --- completeness ------------------------------------------------------------------------
def test_missing_sections_elements_and_list():
    t = "新能源汽车行业人才需求预测报告（2026年）\n\n一、报告说明\n本次调研。\n\n二、需求预测\n预计。\n"
    r = check_text(t, categories={"completeness"})
    missing = {f.text for f in r.findings if f.rule_id == "completeness.missing-section"}
    assert {"行业人才现状", "人才需求分析", "附：人才供需清单", "数据来源"} <= missing
    assert "报告说明" not in missing and "需求预测" not in missing
    assert "completeness.required-list" in ids(r)
    elems = [f.message for f in r.findings if f.rule_id == "completeness.missing-element"]
    assert any("预测方法" in m for m in elems)
    assert "completeness.thin-section" in ids(r)


def test_unnumbered_heading_lines_are_recognised():
    t = ("新能源汽车行业人才需求预测报告（2026年）\n\n附：人才供需清单\n| 岗位 | 需求数 | 缺口 |\n| 电池检测工 | 820 | 565 |\n"
         "| 电控调试工 | 640 | 410 |\n\n数据来源\n1. 中国汽车工业协会。\n")
    r = check_text(t, categories={"completeness"})
    missing = {f.text for f in r.findings if f.rule_id == "completeness.missing-section"}
    assert "附：人才供需清单" not in missing and "数据来源" not in missing
    assert "completeness.required-list" not in ids(r)


def test_report_year_from_title():
    t = "2025年度新能源汽车行业发展分析报告\n\n正文。\n\n2026年3月10日\n"
    r = check_text(t, categories={"timeliness"})
    assert r.summary["report_year"] == 2026 and ids(r) == []
    r = check_text(t, categories={"timeliness"}, report_year=2025)
    assert ids(r) == ["timeliness.report-date"]
