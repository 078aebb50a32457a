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
