"""`assistant check FILE... | DIR`: argparse front end. Errors become one Chinese line on stderr, exit 2.

Several files (or a folder) are checked one by one; `--summary FILE.xlsx|FILE.md` writes one row per report
(file, kind or 未识别, report date, on-time status, counts per criterion and level). The exit code is the
maximum over all files: 0 no error-level finding, 1 some, 2 a file could not be checked.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import AssistantError, InputError
from .annual import ALL_REPORTS
from .checker import check_file, exit_code
from .render import FORMATS, render
from .summary import SUFFIXES, summary_row, write_summary

CHECKABLE = (".docx", ".md", ".markdown", ".txt", ".pdf")


class _ArgError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse would print usage and exit 2 in English
        raise _ArgError(message)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="assistant check", description="审查报告：客观性、证据、完整性、一致性、及时性（监测指标(二)）。"
                "可一次审查多个文件或一个文件夹。退出码：0 无错误级问题，1 有错误级问题，2 审查本身失败（多个文件取最大值）。")
    p.add_argument("file", nargs="+", help="待审查的报告（.docx .md .txt .pdf），可多个，或一个文件夹")
    p.add_argument("--report", choices=ALL_REPORTS, default=None, help="报告类型（缺省时自动识别，识别不了则按通用规则审查）")
    p.add_argument("--index", default=None, help="知识库目录：核对数字与知识库是否矛盾")
    p.add_argument("--format", choices=FORMATS, default="text", help="输出格式")
    p.add_argument("--out", default=None, help="输出文件（docx 格式缺省写在原文件旁；多个文件时为输出文件夹）")
    p.add_argument("--year", type=int, default=None, help="报告年份（缺省从标题或报告日期识别）")
    p.add_argument("--outline", default=None, help="自定义提纲 YAML")
    p.add_argument("--summary", default=None, help="汇总表（.xlsx 或 .md）：每份报告一行")
    p.add_argument("--industry", default=None, help="行业名称（其画像中的权威机构计入来源）")
    p.add_argument("--profile", default=None, help="行业画像 YAML（assistant/profile.py 的格式）")
    p.add_argument("--learned", action="store_true",
                   help="另用学习过滤层（嵌入模型剔除多半可接受的证据提示；模型无法加载时自动只用规则）。"
                        "缺省不用：近几批真实文档上它去掉的对的提示多于错的")
    p.add_argument("--no-learned", action="store_true", help="只用规则（现为缺省，保留以兼容旧脚本）")
    p.add_argument("--deep", action="store_true",
                   help="深度审查：另用嵌入模型逐句找规则未标出的主观或模糊表述（较慢，误报也更多，仅供参考）")
    return p


def expand(paths: list[str]) -> list[Path]:
    """Files as given, folders expanded to the reports they hold (sorted); a missing path is an error."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(q for q in p.rglob("*") if q.is_file() and q.suffix.lower() in CHECKABLE
                           and not q.name.startswith(("~$", ".")))
            if not found:
                raise InputError(f"文件夹中没有可审查的报告：{p}（支持 .docx .md .txt .pdf）")
            out.extend(found)
        else:
            out.append(p)
    return out


def _profile(args):
    """The industry profile named by --industry/--profile (or saved in --index's folder); None without any."""
    from ..profile import PROFILE_FILE, resolve_profile

    if not (args.industry or args.profile or (args.index and (Path(args.index) / PROFILE_FILE).is_file())):
        return None
    return resolve_profile(args.industry, args.profile, args.index)


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
        if args.summary and Path(args.summary).suffix.lower() not in SUFFIXES:
            raise InputError(f"汇总表只支持 {'、'.join(SUFFIXES)}：{args.summary}")
        files = expand(args.file)
        profile = _profile(args)
        kb = None
        if args.index:
            from ..kb import KnowledgeBase  # written by the ingest/index stage

            kb = KnowledgeBase.open(args.index, must_exist=True)  # never create an empty index by mistake
    except AssistantError as e:
        print(f"审查失败：{e}", file=sys.stderr)
        return 2
    many = len(files) > 1
    codes, rows = [], []
    for path in files:
        code, row = _check_one(path, args, kb, profile, many)
        codes.append(code)
        rows.append(row)
    if args.summary:
        try:
            print(f"已写入汇总表：{write_summary(rows, args.summary)}")
        except AssistantError as e:
            print(f"审查失败：{e}", file=sys.stderr)
            return 2
    return max(codes)


def _learned_choice(args) -> bool | None:
    """--learned on, --no-learned off, neither: the checker's default (off unless CIE_CHECK_LEARNED=1)."""
    if getattr(args, "no_learned", False):
        return False
    return True if getattr(args, "learned", False) else None


def _check_one(path: Path, args, kb, profile, many: bool) -> tuple[int, dict]:
    try:
        result = check_file(path, report=args.report, kb=kb, outline_path=args.outline, report_year=args.year,
                            profile=profile, learned=_learned_choice(args),
                            deep=getattr(args, "deep", False))
        out = args.out
        if many and out:
            Path(out).mkdir(parents=True, exist_ok=True)
            ext = {"text": ".txt", "json": ".json", "markdown": ".md", "docx": ".docx"}.get(args.format, ".txt")
            out = str(Path(out) / f"{path.stem}.审查{ext}")
        rendered = render(result, args.format, out, source_path=str(path))
        if many and args.format == "text" and not out:
            print(f"==== {path} ====")
        if args.format == "docx":
            print(f"已写入带批注的文档：{rendered}")
        elif out:
            print(f"已写入：{rendered}")
        else:
            sys.stdout.write(rendered or "")
        return exit_code(result), summary_row(path, result)
    except AssistantError as e:
        print(f"审查失败：{path}：{e}" if many else f"审查失败：{e}", file=sys.stderr)
        return 2, summary_row(path, None, error=str(e))
    except Exception as e:  # noqa: BLE001 - the CLI contract is one line and exit 2
        print(f"审查失败：{path}：{type(e).__name__}: {e}".replace("\n", " "), file=sys.stderr)
        return 2, summary_row(path, None, error=f"{type(e).__name__}: {e}")
