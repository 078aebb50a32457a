"""Annual summary (年度总结报告, 附件4): performance-data workbook, the six 监测指标, the drafted
summary and the notice's calendar.

    workbook.py    template, reading and inspection of the performance workbook (schema: data/performance.yaml)
    indicators.py  the six indicators with their figures and year-on-year changes
    summary.py     `draft --report annual-summary`: the cited summary in the official Word layout
    calendar.py    what the notice makes due and days left (data/calendar.yaml)
    commands.py    CLI front ends
"""
from .workbook import Problem, inspect_workbook, is_performance_workbook, read_workbook, write_workbook

__all__ = ["Problem", "inspect_workbook", "is_performance_workbook", "read_workbook", "write_workbook"]
