"""One row per checked report (file, kind, report date, on-time status, counts per criterion and level), written
as an XLSX workbook or a Markdown table; used by `assistant check --summary` and the web 审查 tab."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import InputError
from .findings import CATEGORIES, LEVELS, CheckResult

SUFFIXES = (".xlsx", ".md")
CATEGORY_NAMES = {"objectivity": "客观(条)", "evidence": "证据(条)", "completeness": "全面(条)",
                  "consistency": "一致(条)", "timeliness": "及时(条)"}
LEVEL_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}
KIND_NAMES = {"industry-analysis": "行业发展分析报告", "talent-demand": "行业人才需求预测报告",
              "annual-summary": "年度总结报告"}


def on_time(result: CheckResult) -> str:
    """按时 / 逾期 / 无日期 / 不适用 (no deadline for an undetected kind)."""
    s = result.summary
    if not s.get("report"):
        return "不适用"
    late = [f for f in result.findings if f.rule_id == "timeliness.report-date"]
    if not s.get("report_date"):
        return "无日期"
    return "逾期" if any(f.level == "error" for f in late) else "按时"


def summary_row(path: Path | str, result: CheckResult | None, error: str | None = None) -> dict[str, Any]:
    row: dict[str, Any] = {"文件": Path(path).name}
    if result is None:
        row.update({"类型": "—", "报告日期": "—", "是否按时": "—", "结论": f"审查失败：{error}"})
        return row
    s = result.summary
    row["类型"] = KIND_NAMES.get(s.get("report") or "", "未识别")
    row["报告日期"] = s.get("report_date") or "未找到"
    row["是否按时"] = on_time(result)
    for cat in CATEGORIES:
        row[CATEGORY_NAMES[cat]] = s["by_category"].get(cat, 0)
    for lv in LEVELS:
        row[LEVEL_NAMES[lv]] = s["by_level"].get(lv, 0)
    row["结论"] = "不通过" if s["by_level"].get("error") else ("需复核" if s["by_level"].get("warning") else "通过")
    return row


def columns(rows: list[dict]) -> list[str]:
    cols: list[str] = []
    for r in rows:
        for k in r:
            if k not in cols:
                cols.append(k)
    return cols


def _cell(v: Any) -> str:
    return str(v).replace("|", "｜").replace("\n", " ")


def to_markdown(rows: list[dict]) -> str:
    cols = columns(rows)
    lines = ["# 审查汇总", "", f"共 {len(rows)} 份报告。", "", "| " + " | ".join(cols) + " |",
             "|" + "---|" * len(cols)]
    lines += ["| " + " | ".join(_cell(r.get(c, "")) for c in cols) + " |" for r in rows]
    return "\n".join(lines) + "\n"


def write_summary(rows: list[dict], path: str | Path) -> Path:
    p = Path(path)
    if p.suffix.lower() not in SUFFIXES:
        raise InputError(f"汇总表只支持 {'、'.join(SUFFIXES)}：{p}")
    p.parent.mkdir(parents=True, exist_ok=True)
    if p.suffix.lower() == ".md":
        p.write_text(to_markdown(rows), encoding="utf-8")
        return p
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "审查汇总"
    cols = columns(rows)
    ws.append(cols)
    for r in rows:
        # text cells that look like formulas are written as text (no formula injection from file names)
        ws.append([("'" + v) if isinstance(v, str) and v[:1] in "=+-@" else v for v in (r.get(c, "") for c in cols)])
    wb.save(p)
    return p
