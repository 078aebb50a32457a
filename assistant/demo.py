"""`assistant demo [--sample NAME]`: the README's main job on a bundled sample corpus.

A sample is a folder under `corpus/` with a `profile.yaml` (the industry profile), `sources/` (the
documents to ingest) and optionally `data/` (survey, postings, supply, technology needs). Samples are
listed from the folder, never from code. Demo ingests the sources, copies the sample's profile into the
index, shows a few searches, drafts every report drafted from data plus the 附件3 lists, reviews the
drafts with the checker and serves the web app on the same knowledge base.

Sample data are used here and only here: drafting elsewhere never falls back to them.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

from .config import CORPUS_DIR, Settings
from .errors import InputError
from .profile import PROFILE_FILE, Profile, load_profile

DEFAULT_SAMPLE = "nev"
DATA_SUFFIXES = {".xlsx", ".xls", ".xlsm", ".csv"}


def samples() -> dict[str, Path]:
    """Sample name → folder: every folder under corpus/ with a profile.yaml and a sources/ folder."""
    if not CORPUS_DIR.is_dir():
        return {}
    return {d.name: d for d in sorted(CORPUS_DIR.iterdir())
            if (d / PROFILE_FILE).is_file() and (d / "sources").is_dir()}


def sample_dir(name: str) -> Path:
    found = samples()
    if name not in found:
        raise InputError(f"没有名为 {name!r} 的示例语料（可用：{'、'.join(found) or '无'}；示例是 corpus/ 下含 "
                         f"profile.yaml 和 sources/ 的文件夹）")
    return found[name]


def sample_queries(profile: Profile) -> list[str]:
    """A few searches built from the sample's profile."""
    qs = []
    if profile.metrics:
        qs.append(f"{profile.industry}{profile.metrics[0].name}")
    qs += list(profile.terms[:1])
    qs += [f"{profile.industry}人才缺口", "紧缺指数如何计算"]
    return qs


def install_profile(sample: Path, index_dir: Path) -> Profile:
    """Copy the sample's profile into the index (drafting and checking read it from there)."""
    index_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(sample / PROFILE_FILE, index_dir / PROFILE_FILE)
    return load_profile(index_dir / PROFILE_FILE)


def main_demo(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="assistant demo", description="在示例语料上运行完整流程：导入、检索、起草、审查、网页")
    ap.add_argument("--sample", default=DEFAULT_SAMPLE,
                    help=f"示例语料名称（corpus/ 下的文件夹，当前可用：{'、'.join(samples()) or '无'}；默认 {DEFAULT_SAMPLE}）")
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
    from .outline import report_kinds

    sample = sample_dir(args.sample)
    settings = Settings.from_env(index_dir=args.index)
    print(f"== 1/5 导入示例语料 {sample / 'sources'} → {settings.index_dir}")
    # The profile goes in first: its terms are in the keyword tokenizer when the sources are ingested.
    profile = install_profile(sample, Path(settings.index_dir))
    rc = cli.main(["ingest", str(sample / "sources"), "--index", str(settings.index_dir)])
    if rc == 2:
        return 2
    print(f"   行业配置：{profile.industry}（已复制到 {Path(settings.index_dir) / PROFILE_FILE}）")
    kb = KnowledgeBase.open(settings=settings, must_exist=True)

    print("\n== 2/5 检索示例")
    for q in sample_queries(profile):
        hits = kb.search(q, top_k=2)
        print(f"问：{q}")
        for h in hits:
            where = f"第{h.page}页" if h.page else h.heading.split(" > ")[-1]
            print(f"   {h.source}（{where}）：{h.text.replace(chr(10), ' ')[:80]}…")

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    data_dir = sample / "data"
    from .annual.workbook import is_performance_workbook  # the annual summary's input, not a drafting table

    data = sorted(str(p) for p in data_dir.iterdir() if p.suffix.lower() in DATA_SUFFIXES
                  and not is_performance_workbook(p)) if data_dir.is_dir() else []
    print(f"\n== 3/5 起草报告（{args.year} 年，无大模型）→ {out}/")
    drafts = []
    for report, name in report_kinds(from_data=True).items():
        t0 = time.perf_counter()
        target = out / f"{name}_{args.year}.docx"
        result = draft_report(report, kb, data, args.year, target, settings=settings, profile=profile)
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
