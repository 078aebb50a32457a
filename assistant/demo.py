"""`assistant demo`: the README's main job on the embedded defaults.

Ingest the sample corpus → show a few searches → draft both reports and the 附件3 lists →
review the drafts with the checker → serve the web app on the same knowledge base.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .config import CORPUS_DIR, Settings

SAMPLE_QUERIES = ["2024年新能源汽车产量和销量", "充电基础设施总量", "电池工程师供需比", "紧缺指数如何计算"]
SAMPLE_DATA = ["survey_2025.xlsx", "postings_2021_2025.csv", "tech_needs_2025.xlsx", "talent_supply_2025.csv"]
REPORTS = {"industry-analysis": "行业发展分析报告", "talent-demand": "行业人才需求预测报告"}


def main_demo(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="assistant demo", description="在示例语料上运行完整流程：导入、检索、起草、审查、网页")
    ap.add_argument("--index", help="知识库目录（默认同 assistant ingest）")
    ap.add_argument("--out", default="out", help="报告输出目录（默认 ./out）")
    ap.add_argument("--year", type=int, default=2026, help="报告年度（默认 2026）")
    ap.add_argument("--no-serve", action="store_true", help="完成后不启动网页应用")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=7860)
    args = ap.parse_args(argv)

    from . import cli
    from .check import check_file, render
    from .draft import draft_report
    from .kb import KnowledgeBase

    settings = Settings.from_env(index_dir=args.index)
    print(f"== 1/5 导入示例语料 {CORPUS_DIR / 'nev' / 'sources'} → {settings.index_dir}")
    rc = cli.main(["ingest", str(CORPUS_DIR / "nev" / "sources"), "--index", str(settings.index_dir)])
    if rc == 2:
        return 2
    kb = KnowledgeBase.open(settings=settings, must_exist=True)

    print("\n== 2/5 检索示例")
    for q in SAMPLE_QUERIES:
        hits = kb.search(q, top_k=2)
        print(f"问：{q}")
        for h in hits:
            where = f"第{h.page}页" if h.page else h.heading.split(" > ")[-1]
            print(f"   {h.source}（{where}）：{h.text.replace(chr(10), ' ')[:80]}…")

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    data = [str(CORPUS_DIR / "nev" / "data" / name) for name in SAMPLE_DATA]
    print(f"\n== 3/5 起草报告（{args.year} 年，无大模型）→ {out}/")
    drafts = []
    for report, name in REPORTS.items():
        t0 = time.perf_counter()
        target = out / f"{name}_{args.year}.docx"
        result = draft_report(report, kb, data, args.year, target, settings=settings)
        drafts.append((report, target))
        print(f"   {name}：{', '.join(p.name for p in result.outputs)}（{time.perf_counter() - t0:.1f} 秒）")

    print("\n== 4/5 审查初稿")
    for report, target in drafts:
        result = check_file(target, report=report, kb=kb)
        summary = result.summary
        json_out = target.with_suffix(".review.json")
        render(result, "json", str(json_out), source_path=target)
        counts = summary.get("by_level", {}) if isinstance(summary, dict) else {}
        print(f"   {target.name}：错误 {counts.get('error', 0)}，警告 {counts.get('warning', 0)}，"
              f"提示 {counts.get('info', 0)} → {json_out.name}")

    if args.no_serve:
        print("\n== 5/5 已跳过网页应用（--no-serve）")
        return 0
    print(f"\n== 5/5 启动网页应用：http://{args.host}:{args.port}  （Ctrl+C 退出）")
    from .ui import launch

    launch(settings, host=args.host, port=args.port, kb=kb)
    return 0


if __name__ == "__main__":
    sys.exit(main_demo(sys.argv[1:]))
