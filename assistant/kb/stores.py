"""The three stores behind a knowledge base, all in one index folder:

- `ChunkStore` (SQLite, `chunks.sqlite`): the authoritative record of sources and chunks, with the
  keyword tokens of each chunk. Writes are transactions, so a crash leaves the previous state.
- `KeywordIndex` (bm25s, `keyword/`): BM25 over jieba tokens, rebuilt from the stored tokens after
  each change and swapped in atomically; tagged with the store's generation so a stale copy is detected.
- `DenseIndex` (Chroma, `chroma/` or a Chroma server): vectors with metadata for filtering. Chunks in
  Chroma but not in the ChunkStore (left by a crash) are ignored at search time and removed on the
  next ingest.
"""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
import threading
from pathlib import Path
from typing import Iterable

import numpy as np

from ..errors import IndexError_
from ..types import Chunk, SourceInfo

SCHEMA = """
CREATE TABLE IF NOT EXISTS sources (
  source TEXT PRIMARY KEY, sha256 TEXT NOT NULL, title TEXT, year INTEGER, file_type TEXT,
  n_chunks INTEGER NOT NULL, path TEXT, encoding TEXT, tables_json TEXT);
CREATE TABLE IF NOT EXISTS chunks (
  id TEXT PRIMARY KEY, source TEXT NOT NULL, title TEXT, year INTEGER, page INTEGER, heading TEXT,
  file_type TEXT, position INTEGER, text TEXT NOT NULL, tokens TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS chunks_source ON chunks(source);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
"""


PARTIAL = "partial:"  # sha256 prefix of a source whose batched ingest has not finished
FREE_SPACE_MARGIN = 64 * 1024 * 1024  # bytes kept free beyond a batch's estimated size


def estimate_bytes(chunks: list[Chunk], vectors: np.ndarray) -> int:
    """A generous estimate of what writing `chunks` costs on disk (SQLite text and tokens, Chroma's
    copy of the text, vectors in its log and HNSW segment, WAL)."""
    text = sum(len(c.text.encode("utf-8")) for c in chunks)
    return 4 * text + 4 * int(vectors.nbytes) + 4096 * len(chunks)


def ensure_free_space(folder: Path, need: int) -> None:
    """IndexError_ before writing when the disk cannot take it (Chroma blocks forever on ENOSPC)."""
    free = shutil.disk_usage(folder).free
    if free < need + FREE_SPACE_MARGIN:
        raise IndexError_(f"磁盘空间不足：{folder} 所在磁盘剩余 {free / 2**20:.0f} MB，本批写入约需 "
                          f"{(need + FREE_SPACE_MARGIN) / 2**20:.0f} MB；导入已停止，此前已完成的文件已保存")


def unique_sources(found: list[tuple[Path, str]], known: dict[str, dict]) -> list[tuple[Path, str]]:
    """Source names are keys: two different files must never share one (the second would replace the
    first). A name already used by another file (in this run, or in the store by a file that still
    exists elsewhere) gets its parent folders prepended until it is unique: a/报告.txt, b/报告.txt."""
    taken: dict[str, str] = {}
    for name, meta in known.items():
        if meta.get("path"):
            taken[name] = meta["path"]
    out = []
    for f, source in found:
        path = str(f.resolve())
        name = source
        parents = list(f.resolve().parent.parts)
        while name in taken and taken[name] != path and Path(taken[name]).exists() and parents:
            name = f"{parents.pop()}/{name}"
        taken[name] = path
        out.append((f, name))
    return out


def corrupt_message(path: Path, e: Exception) -> str:
    return (f"知识库文件 {path} 已损坏或不是知识库（{e}）；请删除该知识库目录后重新运行 assistant ingest，"
            f"或换一个 --index 目录")


class ChunkStore:
    def __init__(self, path: Path):
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        try:
            with self.connect() as con:
                con.executescript(SCHEMA)
                con.execute("SELECT COUNT(*) FROM sources").fetchone()
        except sqlite3.DatabaseError as e:
            self.close()
            raise IndexError_(corrupt_message(path, e)) from e

    def close(self) -> None:
        con = getattr(self._local, "con", None)
        if con is not None:
            con.close()
            self._local.con = None

    def connect(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(self.path, timeout=30)
            con.execute("PRAGMA journal_mode=WAL")
            self._local.con = con
        return con

    # meta -------------------------------------------------------------------------------------
    def get_meta(self, key: str, default: str | None = None) -> str | None:
        row = self.connect().execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, con: sqlite3.Connection, key: str, value: str) -> None:
        con.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    @property
    def generation(self) -> int:
        return int(self.get_meta("generation", "0"))

    # sources ----------------------------------------------------------------------------------
    def sources(self) -> dict[str, dict]:
        rows = self.connect().execute(
            "SELECT source, sha256, title, year, file_type, n_chunks, path FROM sources ORDER BY source").fetchall()
        return {r[0]: {"sha256": r[1], "title": r[2], "year": r[3], "file_type": r[4], "n_chunks": r[5],
                       "path": r[6]} for r in rows}

    def source_infos(self) -> list[SourceInfo]:
        return [SourceInfo(source=s, title=v["title"], year=v["year"], file_type=v["file_type"],
                           chunks=v["n_chunks"], sha256=v["sha256"]) for s, v in self.sources().items()]

    def tables(self, source: str) -> dict:
        row = self.connect().execute("SELECT tables_json FROM sources WHERE source=?", (source,)).fetchone()
        return json.loads(row[0]) if row and row[0] else {}

    def chunk_ids(self, source: str) -> list[str]:
        return [r[0] for r in self.connect().execute("SELECT id FROM chunks WHERE source=?", (source,))]

    def replace_source(self, con: sqlite3.Connection, doc_meta: dict, chunks: list[Chunk],
                       tokens: list[list[str]]) -> None:
        """Within the caller's transaction: drop a source's old chunks and write the new ones."""
        con.execute("DELETE FROM chunks WHERE source=?", (doc_meta["source"],))
        con.execute("INSERT OR REPLACE INTO sources VALUES (?,?,?,?,?,?,?,?,?)", (
            doc_meta["source"], doc_meta["sha256"], doc_meta["title"], doc_meta["year"], doc_meta["file_type"],
            len(chunks), doc_meta.get("path"), doc_meta.get("encoding"),
            json.dumps(doc_meta.get("tables") or {}, ensure_ascii=False, default=str)))
        con.executemany("INSERT OR REPLACE INTO chunks VALUES (?,?,?,?,?,?,?,?,?,?)", [
            (c.id, c.source, c.title, c.year, c.page, c.heading, c.file_type, c.position, c.text, " ".join(t))
            for c, t in zip(chunks, tokens)])

    def write_batch(self, con: sqlite3.Connection, doc_meta: dict, chunks: list[Chunk], tokens: list[list[str]],
                    replace: bool, n_chunks: int) -> None:
        """Within the caller's transaction: one batch of a source (the first batch of a new version
        drops the old chunks); the source row records the batches done so far."""
        if replace:
            con.execute("DELETE FROM chunks WHERE source=?", (doc_meta["source"],))
        con.execute("INSERT OR REPLACE INTO sources VALUES (?,?,?,?,?,?,?,?,?)", (
            doc_meta["source"], doc_meta["sha256"], doc_meta["title"], doc_meta["year"], doc_meta["file_type"],
            n_chunks, doc_meta.get("path"), doc_meta.get("encoding"),
            json.dumps(doc_meta.get("tables") or {}, ensure_ascii=False, default=str)))
        con.executemany("INSERT OR REPLACE INTO chunks VALUES (?,?,?,?,?,?,?,?,?,?)", [
            (c.id, c.source, c.title, c.year, c.page, c.heading, c.file_type, c.position, c.text, " ".join(t))
            for c, t in zip(chunks, tokens)])

    def drop_other_chunks(self, con: sqlite3.Connection, source: str, keep: list[str]) -> None:
        """After the last batch: chunks of the source that are not in the new version go."""
        con.execute("CREATE TEMP TABLE IF NOT EXISTS keep_ids (id TEXT PRIMARY KEY)")
        con.execute("DELETE FROM keep_ids")
        con.executemany("INSERT OR IGNORE INTO keep_ids VALUES (?)", [(i,) for i in keep])
        con.execute("DELETE FROM chunks WHERE source=? AND id NOT IN (SELECT id FROM keep_ids)", (source,))
        n = con.execute("SELECT COUNT(*) FROM chunks WHERE source=?", (source,)).fetchone()[0]
        con.execute("UPDATE sources SET n_chunks=? WHERE source=?", (n, source))

    def all_ids(self) -> list[str]:
        return [r[0] for r in self.connect().execute("SELECT id FROM chunks")]

    def remove_source(self, con: sqlite3.Connection, source: str) -> None:
        con.execute("DELETE FROM chunks WHERE source=?", (source,))
        con.execute("DELETE FROM sources WHERE source=?", (source,))

    # chunks -----------------------------------------------------------------------------------
    def count(self) -> int:
        return self.connect().execute("SELECT COUNT(*) FROM chunks").fetchone()[0]

    def all_rows(self) -> Iterable[tuple]:
        """(id, source, year, tokens) in a stable order: the keyword index's row order."""
        return self.connect().execute("SELECT id, source, year, tokens FROM chunks ORDER BY rowid")

    def get(self, ids: list[str]) -> dict[str, Chunk]:
        out: dict[str, Chunk] = {}
        con = self.connect()
        for i in range(0, len(ids), 500):
            part = ids[i:i + 500]
            q = f"SELECT id, text, source, title, year, page, heading, file_type, position FROM chunks " \
                f"WHERE id IN ({','.join('?' * len(part))})"
            for r in con.execute(q, part):
                out[r[0]] = Chunk(id=r[0], text=r[1], source=r[2], title=r[3], year=r[4], page=r[5],
                                  heading=r[6] or "", file_type=r[7], position=r[8])
        return out


class KeywordIndex:
    """BM25 (bm25s, sparse matrices) over stored jieba tokens, with per-row year/source arrays for filters."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.bm25 = None
        self.ids: list[str] = []
        self.years = np.zeros(0, dtype=np.int32)
        self.sources = np.zeros(0, dtype=object)
        self.generation = -1

    def build(self, store: ChunkStore) -> None:
        import bm25s

        ids, sources, years, corpus = [], [], [], []
        for cid, src, year, toks in store.all_rows():
            ids.append(cid)
            sources.append(src)
            years.append(year if year is not None else -1)
            corpus.append(toks.split() or ["∅"])
        self.ids = ids
        self.sources = np.array(sources, dtype=object)
        self.years = np.array(years, dtype=np.int32)
        self.generation = store.generation
        if ids:
            model = bm25s.BM25()
            model.index(corpus, show_progress=False)
            self.bm25 = model
        else:
            self.bm25 = None

    def save(self) -> None:
        """Write to a temporary folder, then swap it in: a crash never leaves half a keyword index."""
        self.folder.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".keyword-", dir=self.folder.parent))
        if self.bm25 is not None:
            self.bm25.save(str(tmp / "bm25"), show_progress=False)
        (tmp / "rows.json").write_text(json.dumps({
            "generation": self.generation, "ids": self.ids, "sources": list(self.sources),
            "years": self.years.tolist()}, ensure_ascii=False), encoding="utf-8")
        old = self.folder.with_name(self.folder.name + ".old")
        if old.exists():
            shutil.rmtree(old)
        if self.folder.exists():
            os.replace(self.folder, old)
        os.replace(tmp, self.folder)
        shutil.rmtree(old, ignore_errors=True)

    def load(self) -> bool:
        """Load the saved index; False if missing or unreadable (the caller rebuilds from the store)."""
        import bm25s

        rows = self.folder / "rows.json"
        if not rows.is_file():
            return False
        try:
            data = json.loads(rows.read_text(encoding="utf-8"))
            self.ids = data["ids"]
            self.sources = np.array(data["sources"], dtype=object)
            self.years = np.array(data["years"], dtype=np.int32)
            self.generation = int(data["generation"])
            self.bm25 = bm25s.BM25.load(str(self.folder / "bm25")) if self.ids else None
        except (OSError, ValueError, KeyError) as e:
            self.generation = -1
            return False
        return True

    def search(self, tokens: list[str], k: int, mask: np.ndarray | None = None) -> list[tuple[str, float]]:
        if self.bm25 is None or not tokens:
            return []
        ids = self.bm25.get_tokens_ids(tokens)
        if not ids:
            return []
        scores = self.bm25.get_scores_from_ids(ids)
        if mask is not None:
            scores = np.where(mask, scores, 0.0)
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top])]
        return [(self.ids[i], float(scores[i])) for i in top if scores[i] > 0]

    def idf(self, tokens: list[str]) -> dict[str, float]:
        """BM25's inverse document frequency of each distinct token the index knows (unknown ones left out)."""
        if self.bm25 is None:
            return {}
        vocab, indptr = self.bm25.vocab_dict, self.bm25.scores["indptr"]
        n = float(self.bm25.scores["num_docs"])
        out = {}
        for t in dict.fromkeys(tokens):
            i = vocab.get(t)
            if i is not None and t:
                df = float(indptr[i + 1] - indptr[i])
                out[t] = float(np.log(1.0 + (n - df + 0.5) / (df + 0.5)))
        return out

    def mask(self, year_min: int | None, year_max: int | None, sources: list[str] | None) -> np.ndarray | None:
        if year_min is None and year_max is None and not sources:
            return None
        m = np.ones(len(self.ids), dtype=bool)
        if year_min is not None:
            m &= self.years >= year_min
        if year_max is not None:
            m &= (self.years <= year_max) & (self.years >= 0)
        if sources:
            m &= np.isin(self.sources, list(sources))
        return m


class DenseIndex:
    """Chroma collection with an explicit embedding function; embedded by default, HTTP when a host is set."""

    COLLECTION = "cie-chunks"

    def __init__(self, folder: Path, embedding, host: str | None = None, port: int = 8000):
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        self.embedding = embedding
        self.folder, self.host, self.port = folder, host, port
        chroma_settings = ChromaSettings(anonymized_telemetry=False)
        try:
            if host:
                self.client = chromadb.HttpClient(host=host, port=port, settings=chroma_settings)
            else:
                folder.mkdir(parents=True, exist_ok=True)
                self.client = chromadb.PersistentClient(path=str(folder), settings=chroma_settings)
        except Exception as e:  # connection refused, incompatible folder
            where = f"{host}:{port}" if host else str(folder)
            raise IndexError_(f"无法连接向量库 {where}：{e}") from e
        self.collection = self.client.get_or_create_collection(
            self.COLLECTION, embedding_function=embedding, metadata={"hnsw:space": "cosine"})

    def reopen(self) -> "DenseIndex":
        """A fresh client on the same folder: the embedded client caches its HNSW index in memory
        and does not see vectors another process added since."""
        self.client.clear_system_cache()
        return DenseIndex(self.folder, self.embedding, self.host, self.port)

    def upsert(self, chunks: list[Chunk], vectors: np.ndarray, batch: int = 1000) -> None:
        for i in range(0, len(chunks), batch):
            part = chunks[i:i + batch]
            self.collection.upsert(ids=[c.id for c in part], documents=[c.text for c in part],
                                   metadatas=[c.metadata() for c in part],
                                   embeddings=[v for v in vectors[i:i + batch]])

    def delete(self, ids: list[str], batch: int = 5000) -> None:
        for i in range(0, len(ids), batch):
            self.collection.delete(ids=ids[i:i + batch])

    def vectors(self, ids: list[str]) -> dict[str, np.ndarray]:
        """The stored vectors of `ids` (those present), as one float32 array per id."""
        if not ids:
            return {}
        got = self.collection.get(ids=list(dict.fromkeys(ids)), include=["embeddings"])
        vecs = got.get("embeddings")
        if vecs is None or len(got["ids"]) == 0:
            return {}
        arr = np.asarray(vecs, dtype=np.float32)
        return dict(zip(got["ids"], arr))

    def all_ids(self) -> set[str]:
        out: set[str] = set()
        offset, page = 0, 5000
        while True:
            got = self.collection.get(include=[], limit=page, offset=offset)["ids"]
            out.update(got)
            if len(got) < page:
                return out
            offset += page

    def count(self) -> int:
        return self.collection.count()

    def search(self, vector: np.ndarray, k: int, where: dict | None) -> list[tuple[str, float]]:
        # No count() first: it cost ~17 ms at 100k vectors, and Chroma returns what it has when asked
        # for more results than the collection holds (an empty collection: none).
        try:
            res = self.collection.query(query_embeddings=[vector], n_results=k, where=where or None,
                                        include=["distances"])
        except Exception:  # a server that refuses n_results above its count
            n = self.collection.count()
            if n == 0:
                return []
            res = self.collection.query(query_embeddings=[vector], n_results=min(k, n), where=where or None,
                                        include=["distances"])
        if not res["ids"] or not res["ids"][0]:
            return []
        return [(cid, 1.0 - float(d)) for cid, d in zip(res["ids"][0], res["distances"][0])]

    @staticmethod
    def where(year_min: int | None, year_max: int | None, sources: list[str] | None) -> dict | None:
        clauses: list[dict] = []
        if year_min is not None:
            clauses.append({"year": {"$gte": year_min}})
        if year_max is not None:
            clauses.append({"year": {"$lte": year_max}})
            clauses.append({"year": {"$gte": 0}})
        if sources:
            clauses.append({"source": {"$in": list(sources)}})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}
