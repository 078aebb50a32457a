"""Bounded load run of the web app's chat on loopback.

    python evals/load/run.py [--index DIR] [--requests 20] [--clients 20] [--server-concurrency 2]
                             [--timeout 120] [--json]

Starts the app in this process on 127.0.0.1 (a free port), fires `--requests` chat requests from
`--clients` concurrent gradio_client clients (questions from evals/retrieval/questions.jsonl), waits
at most `--timeout` seconds overall, stops the server and prints latency p50/p95/max, throughput and
the error count. Traffic goes to loopback only; the run is bounded in count and time and ends by itself.
Without --index it first imports corpus/nev/sources into a temporary index (about a minute).
"""
from __future__ import annotations

import argparse
import concurrent.futures as cf
import json
import os
import socket
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

MAX_REQUESTS = 500  # a hard bound, whatever the arguments say


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


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="网页应用问答的有界负载测试（仅本机回环地址）")
    ap.add_argument("--index", help="已导入的知识库目录（默认：临时导入 corpus/nev/sources）")
    ap.add_argument("--requests", type=int, default=20)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--server-concurrency", type=int, default=2, help="服务器队列的并发上限（与 assistant serve 默认一致）")
    ap.add_argument("--timeout", type=float, default=120.0, help="整个测试的时间上限（秒）")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    n = max(1, min(args.requests, MAX_REQUESTS))

    from gradio_client import Client

    from assistant.config import Settings
    from assistant.kb import KnowledgeBase
    from assistant.ui import launch

    if args.index:
        kb = KnowledgeBase.open(args.index, must_exist=True)
    else:
        kb = KnowledgeBase(Settings.from_env(index_dir=tempfile.mkdtemp(prefix="cie-load-")))
        print("导入示例语料……", file=sys.stderr)
        kb.ingest([REPO / "corpus" / "nev" / "sources"])
    questions = [json.loads(x)["question"] for x in
                 (REPO / "evals" / "retrieval" / "questions.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]

    app, url = launch(kb.settings, host="127.0.0.1", port=free_port(), block=False, quiet=True, kb=kb,
                      concurrency=args.server_concurrency)
    results: list[dict] = []
    try:
        n_clients = max(1, min(args.clients, n))
        clients = [Client(url, verbose=False) for _ in range(n_clients)]
        clients[0].predict(questions[0], [], api_name="/chat")  # warm-up, not timed

        def one(i: int) -> dict:
            q = questions[i % len(questions)]
            t0 = time.perf_counter()
            try:
                history, _ = clients[i % n_clients].predict(q, [], api_name="/chat")
                content = history[-1]["content"]
                text = content[0]["text"] if isinstance(content, list) else str(content)
                ok = not text.startswith("出错：")
                return {"i": i, "seconds": time.perf_counter() - t0, "ok": ok, "grounded": ok and "知识库中没有找到可靠的答案" not in text,
                        "error": None if ok else text[:200]}
            except Exception as e:
                return {"i": i, "seconds": time.perf_counter() - t0, "ok": False, "grounded": False,
                        "error": f"{type(e).__name__}: {e}"[:200]}

        t_start = time.perf_counter()
        ex = cf.ThreadPoolExecutor(max_workers=n_clients)
        futures = [ex.submit(one, i) for i in range(n)]
        done, pending = cf.wait(futures, timeout=args.timeout)
        wall = time.perf_counter() - t_start
        results = [f.result() for f in done]
        for f in pending:
            f.cancel()
        ex.shutdown(wait=False, cancel_futures=True)
    finally:
        app.close(verbose=False)

    lat = [r["seconds"] for r in results if r["ok"]]
    errors = [r for r in results if not r["ok"]] + [{"error": "超时未完成"}] * (n - len(results))
    summary = {"requests": n, "clients": min(args.clients, n), "server_concurrency": args.server_concurrency,
               "completed": len(results), "errors": len(errors), "answered_with_citation": sum(r["grounded"] for r in results),
               "p50_s": round(percentile(lat, 0.5), 3), "p95_s": round(percentile(lat, 0.95), 3),
               "max_s": round(max(lat), 3) if lat else None, "mean_s": round(statistics.mean(lat), 3) if lat else None,
               "wall_s": round(wall, 3), "throughput_rps": round(len(lat) / wall, 2) if wall else None}
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        print(f"{n} 个问答请求（{summary['clients']} 个并发客户端，服务器并发上限 {args.server_concurrency}）："
              f"完成 {len(results)}，错误 {len(errors)}，带引用作答 {summary['answered_with_citation']}")
        print(f"延迟 p50 {summary['p50_s']:.3f} 秒，p95 {summary['p95_s']:.3f} 秒，最大 {summary['max_s']} 秒；"
              f"总用时 {summary['wall_s']:.1f} 秒，吞吐 {summary['throughput_rps']} 请求/秒")
        for e in errors[:5]:
            print("错误：", e["error"], file=sys.stderr)
    return 0 if not errors else 1


if __name__ == "__main__":
    sys.exit(main())
