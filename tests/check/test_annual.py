"""Annual-summary mode: the scorecard against the six indicators."""
from pathlib import Path

from assistant.check import check_file, check_text
from assistant.check.annual import load_report_outline
from assistant.outline import load_outline

R3 = Path(__file__).resolve().parents[2] / "evals" / "check" / "data" / "r3_annual_2025.md"


def test_annual_outline_loads_with_the_shared_loader():
    o = load_report_outline("annual-summary")
    ids = [s.id for s in o.sections]
    assert [i for i in ids if i.startswith("indicator")] == [f"indicator{i}" for i in range(1, 7)]
    assert ids[:2] == ["basic", "results"] and ids[-3:] == ["cases", "problems", "plan"]  # 附件4 reference outline
    names = {e.name for s in o.sections for e in s.required_elements}
    for q in ("委托/订单/学徒制培养学生规模", "师资互聘", "共同体内就业人数", "培训规模", "录取人数", "资金投入",
              "技术创新中心", "服务项目数", "技术供需清单承接完成数", "专业核心课程数", "实践能力项目数",
              "教学装备研制及推广", "专项支持政策"):
        assert q in names
    assert load_outline("industry-analysis").report == "industry-analysis"  # drafting loader untouched


def test_scorecard_on_the_dev_report():
    r = check_file(R3)
    assert r.report == "annual-summary" and r.summary["report_year"] == 2025
    card = {c["indicator"]: c for c in r.summary["scorecard"]}
    assert len(card) == 6
    status = {q["id"]: q["status"] for c in card.values() for q in c["quantities"]}
    assert status["order_training"] == "有数据" and status["funding"] == "有数据"
    assert status["staff_exchange"] == "仅提及"
    assert status["courses"] == "缺失" or status["courses"] == "仅提及"
    assert card["监测指标(五)·教学资源"]["found_section"] is None
    ids = [f.rule_id for f in r.findings]
    assert "timeliness.report-date" in ids  # dated 2025-12-28, after the 12-15 deadline
    missing = {f.text for f in r.findings if f.rule_id == "completeness.missing-section"}
    # the 附件4 reference outline also asks for 基本情况, 建设成效, 典型案例 and a separate 下一年度工作计划
    assert missing == {"有组织开发教学资源", "基本情况", "建设成效", "典型案例", "下一年度工作计划"}
    q = [f for f in r.findings if f.rule_id == "annual.indicator-quantity"]
    assert q and all(f.criterion.startswith("监测指标(") for f in q)


def test_annual_detected_from_title_and_forced():
    t = "某共同体2025年度总结报告\n\n一、联合开展人才培养\n订单培养学生1260人。\n"
    assert check_text(t).report == "annual-summary"
    assert check_text("正文。", report="annual-summary").report == "annual-summary"
