"""`assistant data inspect FILE... [--columns FILE] [--json]`: what the tool reads from each data file.

For each file: the table kind detected, each field mapped (field ← column, how: exact / synonym / fuzzy
score / override) with three sample values, the fields missing and what each one switches off, and
every problem at once (file, sheet, row, column). Exit 0 when every file is usable, 1 when problems
were found, 2 when a file could not be read. A performance workbook (sheet 建设单位) is handed to the
annual-summary module's validator when it is installed.
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import AssistantError, InputError
from .columns import load_overrides
from .tables import PerformanceWorkbook, UnreadableFile, column_config, read_table
from .values import Problem, check_report_year, group_problems

EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE = 0, 1, 2


@dataclass
class FileReport:
    file: str
    status: str  # ok | problems | unreadable | unknown_kind | performance
    kind: str | None = None
    label: str | None = None
    sheet: str | None = None
    header_row: int | None = None
    rows: int = 0
    mapped: list[dict] = field(default_factory=list)
    missing: list[dict] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    message: str = ""  # unreadable / unknown kind / performance workbook
    delegated: Any = None  # the annual module's own report for a performance workbook

    @property
    def exit_code(self) -> int:
        if self.status == "unreadable":
            return EXIT_UNREADABLE
        if self.status == "performance":
            return EXIT_PROBLEMS if _delegated_has_problems(self.delegated) else EXIT_OK
        return EXIT_OK if self.status == "ok" else EXIT_PROBLEMS

    def to_dict(self) -> dict:
        d = {k: v for k, v in self.__dict__.items() if k not in ("problems", "delegated")}
        d["problems"] = [p.to_dict() for p in self.problems]
        d["exit_code"] = self.exit_code
        if self.delegated is not None:
            d["delegated"] = _jsonable(self.delegated)
        return d


def _jsonable(x: Any) -> Any:
    if hasattr(x, "to_dict"):
        return x.to_dict()
    if hasattr(x, "__dict__") and not isinstance(x, (str, int, float)):
        return {k: _jsonable(v) for k, v in vars(x).items()}
    if isinstance(x, (list, tuple)):
        return [_jsonable(v) for v in x]
    if isinstance(x, dict):
        return {str(k): _jsonable(v) for k, v in x.items()}
    return x if isinstance(x, (str, int, float, bool, type(None))) else str(x)


def _delegated_has_problems(rep: Any) -> bool:
    if rep is None:
        return False
    if isinstance(rep, (list, tuple)):  # the annual validator returns its problems
        return bool(rep)
    for attr in ("ok", "usable", "valid"):
        if hasattr(rep, attr):
            return not bool(getattr(rep, attr))
        if isinstance(rep, dict) and attr in rep:
            return not bool(rep[attr])
    for attr in ("problems", "errors", "findings"):
        v = getattr(rep, attr, None) if not isinstance(rep, dict) else rep.get(attr)
        if v is not None:
            return bool(v)
    return False


def _annual_validator():
    """The annual-summary module's performance-workbook validator, if that module is installed."""
    try:
        from ..annual.workbook import inspect_workbook  # type: ignore[import-not-found]
    except ImportError:
        return None
    return inspect_workbook


def inspect_file(path: str | Path, columns: dict | None = None, report_year: int | None = None) -> FileReport:
    p = Path(path)
    cfg = column_config()
    try:
        t = read_table(p, columns=columns or {}, report_year=report_year, strict=False)
    except UnreadableFile as e:
        return FileReport(str(p), "unreadable", message=str(e))
    except PerformanceWorkbook as e:
        validator = _annual_validator()
        if validator is None:
            return FileReport(str(p), "performance", kind="performance",
                              message=f"{e}（年度总结模块未安装，未作检查）")
        try:
            found = validator(p, year=report_year) if report_year else validator(p)
        except InputError as err:
            return FileReport(str(p), "unreadable", kind="performance", message=str(err))
        return FileReport(str(p), "performance", kind="performance", message=str(e), delegated=found)
    except InputError as e:
        return FileReport(str(p), "unknown_kind", message=str(e))
    fields = cfg[t.kind]["fields"]
    mapped = []
    for name, m in sorted(t.mapping.items(), key=lambda kv: list(fields).index(kv[0])):
        mapped.append({"field": name, "label": (fields[name].get("names") or [name])[0], "column": m.column,
                       "how": m.how, "how_text": m.how_text(), "score": round(m.score, 1),
                       "samples": t.samples.get(name, [])})
    for y, m in sorted(t.plan_columns.items()):
        mapped.append({"field": f"plan_{y}", "label": f"{y}年计划招聘人数", "column": m.column, "how": m.how,
                       "how_text": m.how_text(), "score": round(m.score, 1), "samples": t.samples.get(f"plan_{y}", [])})
    disabled = t.disabled(cfg)
    missing = [{"field": f, "label": (fields[f].get("names") or [f])[0], "required": bool(fields[f].get("required")),
                "disables": disabled.get(f, [])} for f in t.missing]
    return FileReport(str(p), "problems" if t.problems else "ok", kind=t.kind, label=t.label, sheet=t.sheet,
                      header_row=t.header_row, rows=len(t.df), mapped=mapped, missing=missing,
                      problems=t.problems, notes=t.notes)


def inspect_files(files: list[str | Path], columns: str | Path | dict | None = None,
                  report_year: int | None = None) -> list[FileReport]:
    overrides = columns if isinstance(columns, dict) else load_overrides(columns)
    return [inspect_file(f, overrides, report_year) for f in files]


def render_text(rep: FileReport) -> list[str]:
    out = [f"== {rep.file} =="]
    if rep.status in ("unreadable", "unknown_kind"):
        out.append(("无法读取：" if rep.status == "unreadable" else "不能使用：") + rep.message)
        return out
    if rep.status == "performance":
        out.append("年度绩效数据工作簿：" + rep.message)
        d = rep.delegated
        if isinstance(d, (list, tuple)):
            out.append(f"问题（{len(d)}处）：" if d else "年度总结模块检查：未发现问题")
            out.extend(f"  {x}" for x in d)
        elif d is not None:
            out.append(d if isinstance(d, str) else json.dumps(_jsonable(d), ensure_ascii=False, indent=2))
        return out
    where = f"，工作表“{rep.sheet}”" if rep.sheet else ""
    out.append(f"表格类型：{rep.label}（{rep.kind}）{where}，表头在第{rep.header_row}行，数据{rep.rows}行")
    out.append("已对应的字段：")
    for m in rep.mapped:
        samples = "、".join(m["samples"]) if m["samples"] else "（无数据）"
        out.append(f"  {m['field']}（{m['label']}）← “{m['column']}”（{m['how_text']}）  示例：{samples}")
    if rep.missing:
        out.append("缺少的字段：")
        for m in rep.missing:
            what = "必需，缺失时该表不能使用" if m["required"] else "缺失时不能做：" + ("、".join(m["disables"]) or "（无）")
            out.append(f"  {m['field']}（{m['label']}）：{what}")
    for n in rep.notes:
        out.append(f"说明：{n}")
    if rep.problems:
        out.append(f"问题（{len(rep.problems)}处）：")
        out.extend("  " + line for line in group_problems(rep.problems))
    errors = [p for p in rep.problems if p.severity == "error"]
    if rep.status == "ok":
        verdict = "可以使用"
    elif errors:
        verdict = f"有{len(errors)}处错误，起草和生成清单会拒绝该文件；请修改后再用（列名对不上时可用 --columns 指定）"
    else:
        verdict = f"可以使用，但有{len(rep.problems)}处需要核对（见上）"
    out.append("结论：" + verdict)
    return out


def main_data(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="assistant data", description="数据文件：检查列名映射、缺失字段和问题单元格")
    sub = ap.add_subparsers(dest="action", required=True)
    p = sub.add_parser("inspect", help="检查数据文件（问卷、招聘、供给、技术需求表）")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--columns", metavar="FILE", help="列名映射文件（YAML：表格类型 → 字段: 列名），覆盖自动映射")
    p.add_argument("--year", type=int, help="报告年份（未标年份且无调查年份的计划招聘列按此年计）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    args = ap.parse_args(argv)
    try:
        check_report_year(args.year)
        reports = inspect_files(args.files, args.columns, args.year)
    except AssistantError as e:
        print(f"错误：{e}", file=sys.stderr)
        return EXIT_UNREADABLE
    if args.json:
        print(json.dumps([r.to_dict() for r in reports], ensure_ascii=False, indent=2))
    else:
        for r in reports:
            print("\n".join(render_text(r)))
            print()
    return max(r.exit_code for r in reports)
