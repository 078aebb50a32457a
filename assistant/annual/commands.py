"""Command-line front ends of the annual-summary stage.

    assistant template performance --year YYYY --out 绩效数据.xlsx
    assistant data inspect FILE            (performance workbooks; other data files belong to intake)
    assistant indicators --data FILE [--previous FILE] [--reports FILE...] [--out FILE.xlsx|FILE.md]
    assistant calendar [--date YYYY-MM-DD] [--json]

Exit codes: 0 usable, 1 problems found (data inspect), 2 bad input (one Chinese line on stderr).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

from ..errors import InputError


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse would print English usage and exit 2 itself
        raise InputError(f"参数错误：{message}（用 --help 查看用法）")


def main_template(argv: list[str] | None = None) -> int:
    ap = _Parser(prog="assistant template", description="生成空白数据模板")
    ap.add_argument("kind", choices=["performance"], help="模板类型：performance（绩效数据工作簿）")
    ap.add_argument("--year", type=int, default=time.localtime().tm_year, help="填报年度（默认今年）")
    ap.add_argument("--out", required=True, metavar="FILE.xlsx")
    try:
        args = ap.parse_args(argv)
    except SystemExit as e:
        return int(e.code or 0)
    from .workbook import write_workbook

    out = Path(args.out)
    if out.suffix.lower() != ".xlsx":
        raise InputError(f"--out 应为 .xlsx 文件：{out}")
    write_workbook(args.year, out)
    print(out)
    return 0


def inspect_command(path: str, as_json: bool = False, year: int | None = None) -> int:
    """`data inspect` for a performance workbook: every problem, one per line; 0 usable / 1 problems."""
    from .workbook import read_workbook

    book = read_workbook(path, year=year)
    if as_json:
        print(json.dumps({"file": str(path), "kind": "performance", "year": book.year,
                          "rows": {k: len(v) for k, v in book.rows.items()},
                          "problems": [p.to_dict() for p in book.problems]}, ensure_ascii=False, indent=2))
    else:
        counts = "，".join(f"{s}{len(book.rows.get(sid, []))}行" for sid, s in _sheet_names() if sid in book.present)
        print(f"绩效数据工作簿：{Path(path).name}（{book.year or '年度未知'}年度）：{counts}")
        if book.problems:
            print(f"发现 {len(book.problems)} 个问题：")
            for p in book.problems:
                print(f"  {p}")
        else:
            print("未发现问题，可用于计算监测指标。")
    return 1 if book.problems else 0


def _sheet_names():
    from .schema import load_schema

    return [(s.id, s.name) for s in load_schema().sheets]


def main_data(argv: list[str] | None = None) -> int:
    """A minimal `assistant data inspect` for performance workbooks (the full command is intake's)."""
    ap = _Parser(prog="assistant data", description="检查数据文件")
    sub = ap.add_subparsers(dest="action", required=True)
    p = sub.add_parser("inspect", help="检查数据文件并列出全部问题")
    p.add_argument("file")
    p.add_argument("--year", type=int, default=None, help="填报年度（缺省读取“填表说明”B2）")
    p.add_argument("--json", action="store_true")
    try:
        args = ap.parse_args(argv)
    except SystemExit as e:
        return int(e.code or 0)
    from .workbook import is_performance_workbook

    if not Path(args.file).is_file():
        raise InputError(f"数据文件不存在：{args.file}")
    if not is_performance_workbook(args.file):
        raise InputError(f"{args.file} 不是绩效数据工作簿（应含“建设单位”等工作表，可用 "
                         "assistant template performance 生成模板）")
    return inspect_command(args.file, as_json=args.json, year=args.year)


def main_indicators(argv: list[str] | None = None) -> int:
    ap = _Parser(prog="assistant indicators", description="由绩效数据计算六项监测指标")
    ap.add_argument("--data", required=True, metavar="FILE.xlsx", help="本年度绩效数据工作簿")
    ap.add_argument("--previous", default=None, metavar="FILE.xlsx", help="上一年度绩效数据工作簿（计算变化）")
    ap.add_argument("--reports", nargs="*", default=[], metavar="FILE", help="已发布的报告文件（审查客观、全面）")
    ap.add_argument("--out", default=None, metavar="FILE.xlsx|FILE.md", help="写出指标表（缺省打印）")
    ap.add_argument("--json", action="store_true", help="以 JSON 打印")
    try:
        args = ap.parse_args(argv)
    except SystemExit as e:
        return int(e.code or 0)
    from .indicators import compute, table_text, write_table

    res = compute(args.data, previous=args.previous, reports=args.reports)
    if args.out:
        out = write_table(res, args.out)
        print(out)
    elif args.json:
        print(json.dumps(res.to_dict(), ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(table_text(res))
    for p in res.problems:
        print(f"数据问题：{p}", file=sys.stderr)
    return 0


def main_calendar(argv: list[str] | None = None) -> int:
    ap = _Parser(prog="assistant calendar", description="通知规定的时间节点和剩余天数")
    ap.add_argument("--date", default=None, metavar="YYYY-MM-DD", help="以该日期计算（默认今天）")
    ap.add_argument("--json", action="store_true")
    try:
        args = ap.parse_args(argv)
    except SystemExit as e:
        return int(e.code or 0)
    from .calendar import calendar_text, due_items

    try:
        today = dt.date.fromisoformat(args.date) if args.date else dt.date.today()
    except ValueError as e:
        raise InputError(f"--date 应为 YYYY-MM-DD：{args.date}") from e
    items = due_items(today)
    if args.json:
        print(json.dumps([i.to_dict() for i in items], ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(calendar_text(items, today))
    return 0
