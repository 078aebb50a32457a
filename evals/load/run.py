"""Bounded load run of the web app on loopback: concurrent users mixing chat, search, check and one ingest.

    python evals/load/run.py [--index DIR] [--users 50] [--rounds 2] [--server-concurrency 2]
                             [--timeout 300] [--starve 10] [--json]

Starts the app in this process on 127.0.0.1 (a free port). `--users` gradio_client users each send
`--rounds` requests, chosen in turn from chat (questions from evals/retrieval/questions.jsonl), search
and check (a sample report); one user also uploads and ingests one small file. A probe fetches `GET /`
every half second meanwhile (is the server still answering pages?). Prints latency p50/p95/max per
kind, the error count and the number of requests slower than `--starve` seconds; waits at most
`--timeout` seconds overall, then stops the server. Traffic goes to loopback only; the run is bounded
in count and time and ends by itself. Without --index it first imports corpus/nev/sources into a
temporary index (about a minute). Target: 0 errors and no request beyond 10 s.
"""
from __future__ import annotations

import argparse
import concurrent.futures as cf
import json
import os
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

MAX_USERS = 200  # hard bounds, whatever the arguments say
MAX_ROUNDS = 10
KINDS = ("chat", "search", "check")
SEARCHES = ["2024年新能源汽车产量", "动力电池装车量", "充电基础设施数量", "人才缺口", "新能源汽车出口"]
REPORT = REPO / "tests" / "check" / "fixtures" / "sample_talent.txt"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    v = sorted(values)
    k = (len(v) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(v) - 1)
    return v[lo] + (v[hi] - v[lo]) * (k - lo)


def _text_of_chat(history) -> str:
    content = history[-1]["content"]
    return content[0]["text"] if isinstance(content, list) else str(content)


def make_request(client, kind: str, i: int, questions: list[str], ingest_file: Path):
    """One request of `kind`; returns an error string or None."""
    from gradio_client import handle_file

    if kind == "chat":
        history, _ = client.predict(questions[i % len(questions)], [], api_name="/chat")
        text = _text_of_chat(history)
        return text[:200] if text.startswith("出错：") else None
    if kind == "search":
        html = client.predict(SEARCHES[i % len(SEARCHES)], 5, api_name="/search")
        return html[:200] if "出错：" in html else None
    if kind == "check":
        summary = client.predict(handle_file(str(REPORT)), "auto", ["错误", "警告", "提示"], api_name="/check")[0]
        return summary[:200] if str(summary).startswith("出错：") else None
    if kind == "ingest":
        msg = client.predict([handle_file(str(ingest_file))], api_name="/ingest")[0]
        return msg[:200] if str(msg).startswith(("出错：", "没有可导入")) else None
    raise ValueError(kind)


def probe_pages(url: str, stop: threading.Event, out: list[float]) -> None:
    import httpx

    with httpx.Client(timeout=30) as http:
        while not stop.is_set():
            t0 = time.perf_counter()
            try:
                http.get(url)
                out.append(time.perf_counter() - t0)
            except Exception:
                out.append(float("inf"))
            stop.wait(0.5)


def summarise(results: list[dict], starve: float) -> dict:
    by = {}
    for kind in (*KINDS, "ingest"):
        rs = [r for r in results if r["kind"] == kind]
        lat = [r["seconds"] for r in rs if r["ok"]]
        by[kind] = {"requests": len(rs), "errors": sum(not r["ok"] for r in rs),
                    "p50_s": round(percentile(lat, 0.5), 3), "p95_s": round(percentile(lat, 0.95), 3),
                    "max_s": round(max(lat), 3) if lat else None,
                    "starved": sum(r["seconds"] > starve for r in rs)}
    return by


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="网页应用的有界混合负载测试（仅本机回环地址）")
    ap.add_argument("--index", help="已导入的知识库目录（默认：临时导入 corpus/nev/sources）")
    ap.add_argument("--users", type=int, default=50)
    ap.add_argument("--rounds", type=int, default=2, help="每个用户的请求数")
    ap.add_argument("--server-concurrency", type=int, default=2, help="每类请求的并发上限（与 assistant serve 默认一致）")
    ap.add_argument("--timeout", type=float, default=300.0, help="整个测试的时间上限（秒）")
    ap.add_argument("--starve", type=float, default=10.0, help="超过该秒数的请求计为“饿死”")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    users = max(1, min(args.users, MAX_USERS))
    rounds = max(1, min(args.rounds, MAX_ROUNDS))

    from gradio_client import Client

    from assistant.config import Settings
    from assistant.kb import KnowledgeBase
    from assistant.ui import launch

    tmp = Path(tempfile.mkdtemp(prefix="cie-load-"))
    if args.index:
        kb = KnowledgeBase.open(args.index, must_exist=True)
    else:
        kb = KnowledgeBase(Settings.from_env(index_dir=tmp / "index"))
        print("导入示例语料……", file=sys.stderr)
        kb.ingest([REPO / "corpus" / "nev" / "sources"])
    questions = [json.loads(x)["question"] for x in
                 (REPO / "evals" / "retrieval" / "questions.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    ingest_file = tmp / "负载测试_新增资料.md"
    ingest_file.write_text("# 负载测试新增资料（合成）\n\n本文件由负载测试生成，用于检验导入与问答并发时服务是否可用。\n",
                           encoding="utf-8")

    app, url = launch(kb.settings, host="127.0.0.1", port=free_port(), block=False, quiet=True, kb=kb,
                      concurrency=args.server_concurrency)
    results: list[dict] = []
    pages: list[float] = []
    stop = threading.Event()
    try:
        clients = [Client(url, verbose=False) for _ in range(users)]
        clients[0].predict(questions[0], [], api_name="/chat")  # warm-up, not timed
        plan = [(u, KINDS[(u + r) % len(KINDS)], u * rounds + r) for r in range(rounds) for u in range(users)]
        plan.insert(len(plan) // 4, (0, "ingest", 0))

        def one(item) -> dict:
            u, kind, i = item
            t0 = time.perf_counter()
            try:
                err = make_request(clients[u], kind, i, questions, ingest_file)
            except Exception as e:
                err = f"{type(e).__name__}: {e}"[:200]
            return {"kind": kind, "seconds": time.perf_counter() - t0, "ok": err is None, "error": err}

        prober = threading.Thread(target=probe_pages, args=(url, stop, pages), daemon=True)
        prober.start()
        t_start = time.perf_counter()
        ex = cf.ThreadPoolExecutor(max_workers=users)
        futures = [ex.submit(one, item) for item in plan]
        done, pending = cf.wait(futures, timeout=args.timeout)
        wall = time.perf_counter() - t_start
        results = [f.result() for f in done]
        for f in pending:
            f.cancel()
        ex.shutdown(wait=False, cancel_futures=True)
    finally:
        stop.set()
        app.close(verbose=False)

    by = summarise(results, args.starve)
    unfinished = len(plan) - len(results)
    errors = [r for r in results if not r["ok"]]
    summary = {"users": users, "requests": len(plan), "completed": len(results), "unfinished": unfinished,
               "errors": len(errors) + unfinished, "starved": sum(v["starved"] for v in by.values()) + unfinished,
               "server_concurrency": args.server_concurrency, "wall_s": round(wall, 1), "by_kind": by,
               "page_p95_s": round(percentile(pages, 0.95), 3), "page_max_s": round(max(pages), 3) if pages else None}
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        print(f"{users} 个并发用户，{len(plan)} 个请求（每类并发上限 {args.server_concurrency}）：完成 {len(results)}，"
              f"错误 {summary['errors']}，超过 {args.starve:g} 秒 {summary['starved']}，总用时 {wall:.1f} 秒")
        names = {"chat": "问答", "search": "检索", "check": "审查", "ingest": "导入"}
        for kind, v in by.items():
            print(f"  {names[kind]}：{v['requests']} 个，p50 {v['p50_s']:.2f} 秒，p95 {v['p95_s']:.2f} 秒，"
                  f"最大 {v['max_s']} 秒，错误 {v['errors']}")
        print(f"  页面 GET /（每 0.5 秒探测）：p95 {summary['page_p95_s']} 秒，最大 {summary['page_max_s']} 秒")
        for e in errors[:5]:
            print("错误：", e["kind"], e["error"], file=sys.stderr)
    return 0 if summary["errors"] == 0 and summary["starved"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
