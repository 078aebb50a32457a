"""The knowledge base: incremental ingest into the chunk store, keyword index and dense index,
and hybrid search over them (see `retrieve.py` for the fusion)."""
from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path
from typing import Callable, Iterable

import numpy as np

from .chunking import CHUNKER_VERSION, chunk_document
from ..config import Settings
from .embed import ChromaEmbedding
from ..errors import AssistantError, IndexError_, InputError
from .ingest import discover, file_type, load_file, sha256_file
from . import passages as passage_mod
from .retrieve import fuse
from .stores import ChunkStore, DenseIndex, KeywordIndex
from ..textproc import default_tokenizer
from ..types import Chunk, Hit, IngestFailure, IngestReport, LoadedDocument, SourceInfo

# progress(stage, done, total, detail): stage is "scan", "load", "embed" or "index".
Progress = Callable[[str, int, int, str], None]


def _no_progress(stage: str, done: int, total: int, detail: str = "") -> None:
    pass


def index_text(chunk: Chunk) -> str:
    """What is embedded and keyword-indexed: the chunk with its title and section as context,
    so a passage that never names its subject ("产量同比增长35.8%") is still found by it."""
    context = chunk.heading if chunk.title and chunk.heading.startswith(chunk.title) else \
        " > ".join(x for x in (chunk.title, chunk.heading) if x)
    return f"{context}\n{chunk.text}" if context else chunk.text


class KnowledgeBase:
    def __init__(self, settings: Settings):
        self.settings = settings
        self.folder = Path(settings.index_dir)
        self.store = ChunkStore(self.folder / "chunks.sqlite")
        stored = self.store.get_meta("embedder")
        if stored and stored != settings.embedder:
            raise IndexError_(f"索引 {self.folder} 由嵌入模型 {stored} 建立，当前配置为 {settings.embedder}；"
                              f"请使用相同的模型，或换一个索引目录重新导入")
        self.embedding = ChromaEmbedding(settings.embedder)
        self.dense = DenseIndex(self.folder / "chroma", self.embedding, settings.chroma_host, settings.chroma_port)
        self.keyword = KeywordIndex(self.folder / "keyword")
        self.tokenizer = default_tokenizer()
        self._fusion = "rrf"

    @classmethod
    def open(cls, index_dir: str | Path | None = None, settings: Settings | None = None,
             must_exist: bool = False) -> "KnowledgeBase":
        s = settings or Settings.from_env()
        if index_dir is not None:
            s = replace(s, index_dir=Path(index_dir))
        if must_exist and not (Path(s.index_dir) / "chunks.sqlite").is_file():
            raise IndexError_(f"知识库 {s.index_dir} 不存在，请先运行 assistant ingest")
        return cls(s)

    # ---------------------------------------------------------------------------------- ingest
    def ingest(self, paths: Iterable[str | Path], progress: Progress | None = None) -> IngestReport:
        """Index new and changed files, drop deleted ones, skip unchanged ones.

        Each file is committed on its own, so a crash keeps every earlier file and the previous
        version of the rest; failures are reported per file and the others go on."""
        progress = progress or _no_progress
        t0 = time.perf_counter()
        report = IngestReport()
        paths = list(paths)
        for p in paths:
            if not Path(p).exists():
                report.failures.append(IngestFailure(str(p), "路径不存在"))
        found = discover(p for p in paths if Path(p).exists())
        report.files_seen = len(found)
        known = self.store.sources()
        self._cleanup_orphans()
        # Chunking settings are part of a file's identity: changing them re-chunks everything.
        chunking = f"{self.settings.chunk_size}/{self.settings.chunk_overlap}/{CHUNKER_VERSION}"
        rechunk = self.store.get_meta("chunking", chunking) != chunking

        # Deleted: sources that lived under a folder we are ingesting again and whose file is gone.
        roots = [Path(p).resolve() for p in paths if Path(p).is_dir()]
        present = {str(f.resolve()) for f, _ in found}
        for source, meta in known.items():
            path = meta.get("path") or ""
            if path and path not in present and any(Path(path).is_relative_to(r) for r in roots) \
                    and not Path(path).exists():
                self._remove(source)
                report.files_removed += 1
                report.chunks_removed += meta["n_chunks"]

        # Load and chunk the new or changed files.
        todo: list[tuple[LoadedDocument, list[Chunk]]] = []
        for i, (f, source) in enumerate(found):
            progress("load", i, len(found), source)
            if file_type(f) is None:
                report.failures.append(IngestFailure(source, f"不支持的文件类型 {f.suffix or '（无扩展名）'}"))
                continue
            try:
                digest = sha256_file(f)
                if source in known and known[source]["sha256"] == digest and not rechunk:
                    report.files_unchanged += 1
                    continue
                doc = load_file(f, source=source)
                chunks = chunk_document(doc, self.settings.chunk_size, self.settings.chunk_overlap)
                if not chunks:
                    raise InputError("没有可索引的文字")
                todo.append((doc, chunks))
            except AssistantError as e:
                report.failures.append(IngestFailure(source, str(e)))
            except Exception as e:  # a library choking on a malformed file must not stop the batch
                report.failures.append(IngestFailure(source, f"无法读取（{type(e).__name__}: {e}）"))
        progress("load", len(found), len(found), "")

        total = sum(len(c) for _, c in todo)
        done = 0
        for doc, chunks in todo:
            try:
                texts = [index_text(c) for c in chunks]
                vectors = []
                for j in range(0, len(texts), 16):
                    vectors.append(self.embedding.embedder.embed_passages(texts[j:j + 16]))
                    done += len(texts[j:j + 16])
                    progress("embed", done, total, doc.source)
                vec = np.vstack(vectors)
                tokens = [self.tokenizer.tokenize(t) for t in texts]
                old_ids = set(self.store.chunk_ids(doc.source))
                self.dense.upsert(chunks, vec)
                con = self.store.connect()
                with con:
                    self.store.replace_source(con, {
                        "source": doc.source, "sha256": doc.sha256, "title": doc.title, "year": doc.year,
                        "file_type": doc.file_type, "path": doc.path, "encoding": doc.encoding,
                        "tables": doc.tables}, chunks, tokens)
                    self.store.set_meta(con, "embedder", self.settings.embedder)
                    self.store.set_meta(con, f"ocr_pages:{doc.source}", ",".join(map(str, doc.ocr_pages)))
                    self.store.set_meta(con, "chunking", chunking)
                    self.store.set_meta(con, "generation", str(self.store.generation + 1))
                stale = list(old_ids - {c.id for c in chunks})
                if stale:
                    self.dense.delete(stale)
                report.files_indexed += 1
                report.chunks_added += len(chunks)
                report.chunks_removed += len(stale)
            except Exception as e:
                report.failures.append(IngestFailure(doc.source, f"写入索引失败（{type(e).__name__}: {e}）"))
        progress("index", 0, 1, "keyword")
        self._refresh_keyword(force=bool(todo) or report.files_removed > 0)
        progress("index", 1, 1, "keyword")
        report.chunks_total = self.store.count()
        report.seconds = time.perf_counter() - t0
        return report

    def remove_source(self, source: str) -> int:
        meta = self.store.sources().get(source)
        if meta is None:
            raise InputError(f"知识库中没有来源 {source}")
        self._remove(source)
        self._refresh_keyword(force=True)
        return meta["n_chunks"]

    def _remove(self, source: str) -> None:
        ids = self.store.chunk_ids(source)
        con = self.store.connect()
        with con:
            self.store.remove_source(con, source)
            self.store.set_meta(con, "generation", str(self.store.generation + 1))
        self.dense.delete(ids)

    def _cleanup_orphans(self) -> None:
        """Remove vectors that a crashed ingest left in Chroma without a committed chunk record."""
        if self.dense.count() == self.store.count():
            return
        known = set(self.store.get(list(self.dense.all_ids())).keys())
        orphans = [i for i in self.dense.all_ids() if i not in known]
        self.dense.delete(orphans)

    def _refresh_keyword(self, force: bool = False) -> None:
        gen = self.store.generation
        if not force and self.keyword.generation == gen:
            return
        if not force and self.keyword.load() and self.keyword.generation == gen:
            return
        self.keyword.build(self.store)
        self.keyword.save()

    # ---------------------------------------------------------------------------------- query
    def sources(self) -> list[SourceInfo]:
        """Indexed sources; `ocr_pages` lists the pages whose text was recognised (scans)."""
        infos = self.store.source_infos()
        for info in infos:
            pages = self.store.get_meta(f"ocr_pages:{info.source}") or ""
            info.ocr_pages = [int(p) for p in pages.split(",") if p]
        return infos

    def tables(self, source: str) -> dict:
        """The structured tables kept from an XLSX/CSV/DOCX/PDF source: sheet name -> row dicts."""
        return self.store.tables(source)

    def count(self) -> int:
        return self.store.count()

    def search(self, query: str, top_k: int = 5, year_min: int | None = None, year_max: int | None = None,
               sources: list[str] | None = None, mode: str = "hybrid", fusion: str | None = None,
               candidates: int = 50, passage_chars: int | None = None, rerank: str | None = None) -> list[Hit]:
        """Hybrid search: BM25 (jieba) and dense (Chroma) candidates over small units, fused into one
        ranking; each hit's `text` is the passage around its unit (see `passages.py`).

        mode: hybrid | keyword | dense. fusion: rrf | weighted. passage_chars: passage length (0 = the
        unit alone). rerank: none | window. Defaults chosen by the retrieval eval."""
        if top_k <= 0:
            raise InputError(f"top_k 必须大于 0，当前为 {top_k}")
        if mode not in ("hybrid", "keyword", "dense"):
            raise InputError(f"未知的检索方式 {mode!r}，可选 hybrid、keyword、dense")
        rerank = rerank or passage_mod.RERANK
        if rerank not in ("none", "window"):
            raise InputError(f"未知的重排方式 {rerank!r}，可选 none、window")
        query = (query or "").strip()
        if not query:
            raise InputError("查询为空")
        self._refresh_keyword()
        n = max(candidates, top_k * 4)
        kw: list[tuple[str, float]] = []
        dn: list[tuple[str, float]] = []
        vec = None
        if mode in ("hybrid", "keyword"):
            kw = self.keyword.search(self.tokenizer.tokenize(query), n,
                                     self.keyword.mask(year_min, year_max, sources))
        if mode in ("hybrid", "dense") or rerank == "window":
            vec = self.embedding.embedder.embed_query(query)
        if mode in ("hybrid", "dense"):
            dn = self.dense.search(vec, n, DenseIndex.where(year_min, year_max, sources))
        ranked = fuse(kw, dn, method=fusion or self._fusion)[:top_k * 4]
        chunks = self.store.get([cid for cid, _ in ranked])  # also drops crash orphans
        kw_rank = {cid: i + 1 for i, (cid, _) in enumerate(kw)}
        dn_rank = {cid: i + 1 for i, (cid, _) in enumerate(dn)}
        items = [(chunks[cid], float(score), kw_rank.get(cid), dn_rank.get(cid))
                 for cid, score in ranked if cid in chunks]
        chars = passage_mod.PASSAGE_CHARS if passage_chars is None else passage_chars
        found = passage_mod.build(self.store, items, chars)
        if rerank == "window":
            found = passage_mod.rerank(found[:top_k * 2], vec, self.embedding.embedder)
        hits = []
        for p in found[:top_k]:
            c = p.centre
            hits.append(Hit(chunk_id=c.id, text=p.text, source=c.source, title=c.title, year=c.year,
                            page=c.page, heading=c.heading, score=round(p.score, 6),
                            keyword_rank=p.keyword_rank, dense_rank=p.dense_rank))
        return hits

    def as_retriever(self, top_k: int = 5, **filters):
        from .retrieve import KBRetriever

        return KBRetriever(kb=self, top_k=top_k, filters=filters)
