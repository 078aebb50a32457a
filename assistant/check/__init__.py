"""Review checker: flags non-objective, unsourced, incomplete, inconsistent and late content in a
report, tied to 监测指标(二) (及时、客观、全面) and, for the 年度总结报告, to the six indicators.

Public API (used by the CLI and the web app):
    check_file(path, report=None, kb=None, outline_path=None, report_year=None) -> CheckResult
    check_text(text, report=None, kb=None, ...) -> CheckResult
    render(result, fmt, out=None, source_path=None) -> str | None
    exit_code(result) -> int
    main(argv) -> int       # `assistant check FILE ...`
Rules are data in assistant/rules/*.yaml; rule kinds live in rules.py.
"""
from __future__ import annotations

from .checker import check_file, check_text, default_rules, detect_report, exit_code, run_check
from .command import main
from .findings import CATEGORIES, LEVELS, CheckResult, Finding, summarize
from .render import FORMATS, render
from .rules import RuleFileError, load_rules

__all__ = ["check_file", "check_text", "render", "exit_code", "main", "CheckResult", "Finding", "summarize",
           "load_rules", "default_rules", "detect_report", "run_check", "RuleFileError", "CATEGORIES", "LEVELS",
           "FORMATS"]
