"""A fixture document beside its exact expected findings (Vale style)."""
import json

from assistant.check import check_file

KEYS = ["rule_id", "category", "level", "criterion", "section", "text", "span", "line"]


def test_sample_industry_exact_findings(fixtures):
    result = check_file(fixtures / "sample_industry.md")
    got = [{k: f.to_dict()[k] for k in KEYS} for f in result.findings]
    expected = json.loads((fixtures / "sample_industry.expected.json").read_text(encoding="utf-8"))
    assert got == expected


def test_spans_point_at_the_text(fixtures):
    result = check_file(fixtures / "sample_industry.md")
    for f in result.findings:
        s, e = f.span
        if f.section == "全文":  # document-level: anchored at the title, text names what is missing
            assert [s, e] == result.document.title_span or f.rule_id == "timeliness.report-date"
            continue
        assert result.document.text[s:e] == f.text


def test_summary_per_criterion(fixtures):
    s = check_file(fixtures / "sample_industry.md").summary
    assert s["report"] == "industry-analysis" and s["report_year"] == 2026
    assert s["by_criterion"]["监测指标(二)·及时"]["status"] == "不通过"
    assert s["by_criterion"]["监测指标(二)·客观"]["error"] == 1  # the growth-rate slip
    assert s["by_level"]["error"] == 4
    assert sum(s["by_category"].values()) == s["total"]
