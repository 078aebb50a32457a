"""Data types passed between stages (ingest → index → retrieve → draft/check → export/UI).

Kept free of heavy imports so every module (and the UI) can import it cheaply.
"""
from __future__ import annotations

from dataclasses import dataclass, field, asdict
from typing import Any


@dataclass
class Block:
    """A piece of a loaded document before chunking: a paragraph, a heading or a table row."""

    text: str
    page: int | None = None  # 1-based page for PDF; None elsewhere
    heading_path: list[str] = field(default_factory=list)
    kind: str = "text"  # text | heading | table_row | table_header
    table: str | None = None  # table name (sheet / "表1") for table rows


@dataclass
class LoadedDocument:
    """One source file after loading: its blocks, metadata and any structured tables."""

    source: str  # file name as ingested (path relative to the ingested folder, POSIX style)
    path: str  # absolute path on disk
    title: str
    year: int | None
    file_type: str  # pdf | docx | xlsx | csv | md | txt | html
    blocks: list[Block]
    encoding: str | None = None
    sha256: str = ""
    # Structured tables kept for analysis: name -> list of row dicts (header → value).
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    # Per table: {"headers": [...], "caption": title line near the table, "unit": stated unit ("万套") or ""}.
    table_meta: dict[str, dict[str, Any]] = field(default_factory=dict)
    ocr_pages: list[int] = field(default_factory=list)  # PDF pages read by OCR (no text layer)


@dataclass
class Chunk:
    """A retrievable unit stored in both indexes."""

    id: str  # content hash (source + text), stable across runs
    text: str
    source: str
    title: str
    year: int | None
    page: int | None
    heading: str  # heading path joined by " > "
    file_type: str
    position: int  # order within the source

    def metadata(self) -> dict[str, Any]:
        """Metadata as stored in Chroma (no None values allowed there)."""
        return {
            "source": self.source,
            "title": self.title,
            "year": self.year if self.year is not None else -1,
            "page": self.page if self.page is not None else -1,
            "heading": self.heading,
            "file_type": self.file_type,
            "position": self.position,
        }


@dataclass
class Hit:
    """A search result. `score` is the fused score; the per-method ranks are kept for inspection."""

    chunk_id: str
    text: str
    source: str
    title: str
    year: int | None
    page: int | None
    heading: str
    score: float
    keyword_rank: int | None = None
    dense_rank: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class IngestFailure:
    source: str
    reason: str


@dataclass
class IngestReport:
    files_seen: int = 0
    files_indexed: int = 0  # new or changed files (re)indexed in this run
    files_unchanged: int = 0
    files_removed: int = 0
    chunks_added: int = 0
    chunks_removed: int = 0
    chunks_total: int = 0
    seconds: float = 0.0
    failures: list[IngestFailure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["ok"] = self.ok
        return d


@dataclass
class SourceInfo:
    source: str
    title: str
    year: int | None
    file_type: str
    chunks: int
    sha256: str
    ocr_pages: list[int] = field(default_factory=list)  # pages whose text was recognised, not extracted
