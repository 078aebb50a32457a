"""`assistant check FILE ...`: argparse front end. Errors become one Chinese line on stderr, exit 2."""
from __future__ import annotations

import argparse
import sys

from ..errors import AssistantError
from .annual import ALL_REPORTS
from .checker import check_file, exit_code
from .render import FORMATS, render


class _ArgError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse would print usage and exit 2 in English
        raise _ArgError(message)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="assistant check", description="审查报告：客观性、证据、完整性、一致性、及时性（监测指标(二)）。"
                "退出码：0 无错误级问题，1 有错误级问题，2 审查本身失败。")
    p.add_argument("file", help="待审查的报告（.docx .md .txt .pdf）")
    p.add_argument("--report", choices=ALL_REPORTS, default=None, help="报告类型（缺省时自动识别）")
    p.add_argument("--index", default=None, help="知识库目录：核对数字与知识库是否矛盾")
    p.add_argument("--format", choices=FORMATS, default="text", help="输出格式")
    p.add_argument("--out", default=None, help="输出文件（docx 格式缺省写在原文件旁）")
    p.add_argument("--year", type=int, default=None, help="报告年份（缺省从标题或报告日期识别）")
    p.add_argument("--outline", default=None, help="自定义提纲 YAML")
    return p


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = build_parser().parse_args(argv)
    except _ArgError as e:
        print(f"参数错误：{e}（用 assistant check --help 查看用法）", file=sys.stderr)
        return 2
    except SystemExit as e:  # --help
        return int(e.code or 0)
    try:
        kb = None
        if args.index:
            from ..kb import KnowledgeBase  # written by the ingest/index stage

            kb = KnowledgeBase.open(args.index, must_exist=True)  # never create an empty index by mistake
        result = check_file(args.file, report=args.report, kb=kb, outline_path=args.outline, report_year=args.year)
        rendered = render(result, args.format, args.out, source_path=args.file)
        if args.format == "docx":
            print(f"已写入带批注的文档：{rendered}")
        elif args.out:
            print(f"已写入：{rendered}")
        else:
            sys.stdout.write(rendered or "")
        return exit_code(result)
    except AssistantError as e:
        print(f"审查失败：{e}", file=sys.stderr)
        return 2
    except Exception as e:  # noqa: BLE001 - the CLI contract is one line and exit 2
        print(f"审查失败：{type(e).__name__}: {e}".replace("\n", " "), file=sys.stderr)
        return 2
