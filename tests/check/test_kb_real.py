"""`assistant check --index DIR`: figures are compared with a real knowledge base, not a fake."""
from __future__ import annotations

import json

from assistant.check import check_text
from assistant.check import main as check_main
from assistant.cli import main as cli_main

REPORT = "# 新能源汽车行业发展分析报告（2026年）\n\n编制日期：2026年3月\n\n## 行业发展现状\n\n{body}\n"


def test_contradiction_with_the_knowledge_base(mixed_kb):
    wrong = check_text(REPORT.format(body="据统计，2024年新能源汽车出口150.2万辆。"), kb=mixed_kb,
                       categories={"consistency"})
    hits = [f for f in wrong.findings if f.rule_id == "consistency.kb-contradiction"]
    assert len(hits) == 1 and "128.4万辆" in hits[0].message and "2024_产销快报.md" in hits[0].message
    right = check_text(REPORT.format(body="据统计，2024年新能源汽车出口128.4万辆。"), kb=mixed_kb,
                       categories={"consistency"})
    assert not [f for f in right.findings if f.rule_id == "consistency.kb-contradiction"]


def test_cli_check_with_index(mixed_corpus, tmp_path, capsys):
    idx = tmp_path / "idx"
    assert cli_main(["ingest", str(mixed_corpus / "2024_产销快报.md"), "--index", str(idx)]) == 0
    report = tmp_path / "r.md"
    report.write_text(REPORT.format(body="据统计，2024年新能源汽车出口150.2万辆。"), encoding="utf-8")
    capsys.readouterr()
    check_main([str(report), "--index", str(idx), "--format", "json"])
    found = json.loads(capsys.readouterr().out)["findings"]
    assert any(f["rule_id"] == "consistency.kb-contradiction" and f["text"] == "150.2万辆" for f in found)


REPORT_CITED = ("# 某行业发展分析报告（2026年）\n\n编制日期：2026年3月\n\n## 行业发展现状\n\n{body}\n\n## 数据来源\n\n"
                "[1] 2024年新能源汽车产销快报（2025年1月）\n")


def test_figure_not_in_the_cited_source(mixed_kb):
    """Issue 9: a human-written report citing [1] (or 据《…》) with a figure the source does not hold."""
    bad = check_text(REPORT_CITED.format(body="2024年新能源汽车出口128.4万辆，同比增长9.7%[1]。"), kb=mixed_kb,
                     categories={"consistency"})
    hits = [f for f in bad.findings if f.rule_id == "consistency.kb-citation"]
    assert [f.text for f in hits] == ["9.7%"] and "产销快报" in hits[0].message
    good = check_text(REPORT_CITED.format(body="2024年新能源汽车出口128.4万辆，同比增长6.7%[1]。"), kb=mixed_kb,
                      categories={"consistency"})
    assert not [f for f in good.findings if f.rule_id == "consistency.kb-citation"]
    named = check_text(REPORT_CITED.format(body="据《2024年新能源汽车产销快报》，新能源汽车出口同比增长8.7%。"),
                       kb=mixed_kb, categories={"consistency"})
    assert [f.text for f in named.findings if f.rule_id == "consistency.kb-citation"] == ["8.7%"]
    # a source that is not in the knowledge base is not judged
    other = check_text(REPORT_CITED.format(body="据《某协会年报》，2024年出口158.4万辆。"), kb=mixed_kb,
                       categories={"consistency"})
    assert not [f for f in other.findings if f.rule_id == "consistency.kb-citation"]


def test_figures_computed_from_the_cited_source_are_not_flagged(mixed_kb):
    """A share or growth the report computed from its own figure and the cited source's numbers is
    traceable; a figure no pair of those numbers gives is still flagged, and a sentence that states a
    computation (预测、测算…) is judged by the forecast rules, not against its base-data source."""
    def kb_hits(body):
        res = check_text(REPORT_CITED.format(body=body), kb=mixed_kb, categories={"consistency"})
        return [f.text for f in res.findings if f.rule_id == "consistency.kb-citation"]

    # 128.4 / 1286.6 = 9.98% → 10%
    assert kb_hits("2024年新能源汽车出口128.4万辆，约占当年销量的10%[1]。") == []
    assert kb_hits("2024年新能源汽车出口128.4万辆，约占当年销量的12%[1]。") == ["12%"]
    # a growth with no quantity in the sentence to compute it from must be in the source as written
    assert kb_hits("2024年新能源汽车出口同比增长9.98%[1]。") == ["9.98%"]
    assert kb_hits("按线性趋势外推测算，2026年新能源汽车出口约150万辆、增长17%[1]。") == []
