"""Chinese-aware chunking of loaded documents.

Blocks are grouped per heading section up to `size` characters; long paragraphs are split at
sentence ends (。！？；…) by langchain's RecursiveCharacterTextSplitter; table rows are never cut and
table chunks repeat the table's header; consecutive text chunks share up to `overlap` characters of
whole sentences. Chunk ids are content hashes, so re-ingesting an unchanged file yields the same ids.
"""
from __future__ import annotations

import hashlib

from langchain_text_splitters import RecursiveCharacterTextSplitter

from ..textproc import split_sentences as _split
from ..types import Block, Chunk, LoadedDocument

_SENT_ENDS = "。！？；…!?"  # chunk boundaries also fall after ； and …
SEPARATORS = ["\n\n", "\n", "。", "！", "？", "；", "…", "!", "?", ";", "，", ",", " ", ""]


def chunk_id(source: str, text: str, position: int) -> str:
    return hashlib.sha1(f"{source}\x00{position}\x00{text}".encode("utf-8")).hexdigest()[:24]


def split_sentences(text: str) -> list[str]:
    """Sentences that join back to the text (textproc's splitter, without cleaning)."""
    return _split(text, ends=_SENT_ENDS, lines=False, clean=False)


def chunk_document(doc: LoadedDocument, size: int = 400, overlap: int = 60) -> list[Chunk]:
    if size < 50:
        raise ValueError(f"chunk size must be at least 50 characters. Currently, the size is {size}")
    if not 0 <= overlap < size // 2:
        raise ValueError(f"chunk overlap must be between 0 and size/2. Currently, the overlap is {overlap}")
    splitter = RecursiveCharacterTextSplitter(chunk_size=size, chunk_overlap=overlap, separators=SEPARATORS,
                                              keep_separator="end", length_function=len)
    pieces: list[tuple[str, Block]] = []  # (text, first block) per chunk
    buf: list[str] = []
    buf_block: Block | None = None
    buf_key = None

    def flush(carry: bool = True):
        nonlocal buf, buf_block
        if buf and buf_block is not None:
            text = "".join(buf).strip()
            if text:
                pieces.append((text, buf_block))
            tail = _overlap_tail(text, overlap) if carry and overlap else ""
            buf = [tail] if tail else []
            if not buf:
                buf_block = None

    for b in doc.blocks:
        key = (tuple(b.heading_path), b.page if doc.file_type == "pdf" else None, b.table)
        if b.kind == "heading":
            flush(carry=False)
            buf, buf_block, buf_key = [], None, None
            continue
        if key != buf_key:
            flush(carry=False)
            buf, buf_block = [], None
            buf_key = key
        if b.kind in ("table_row", "table_header"):
            row = b.text + "\n"
            header = next((x.text for x in doc.blocks if x.table == b.table and x.kind == "table_header"), "")
            if buf_block is None:
                buf, buf_block = ([header + "\n"] if header and b.kind == "table_row" else []), b
            if sum(map(len, buf)) + len(row) > size and buf:
                flush(carry=False)
                buf, buf_block = ([header + "\n"] if header else []), b
            buf.append(row)
            continue
        text = b.text
        if len(text) > size:
            flush(carry=False)
            buf, buf_block = [], None
            for part in splitter.split_text(text):
                pieces.append((part, b))
            continue
        if buf_block is None:
            buf_block = b
        if sum(map(len, buf)) + len(text) > size:
            flush()
            buf_block = b
        buf.append(text + "\n")
    flush(carry=False)

    chunks = []
    seen: set[str] = set()
    for pos, (text, block) in enumerate(pieces):
        text = text.strip()
        if not text or text in seen:
            continue
        seen.add(text)
        chunks.append(Chunk(id=chunk_id(doc.source, text, pos), text=text, source=doc.source, title=doc.title,
                            year=doc.year, page=block.page, heading=" > ".join(block.heading_path),
                            file_type=doc.file_type, position=pos))
    return chunks


def _overlap_tail(text: str, overlap: int) -> str:
    """Whole trailing sentences of `text` up to `overlap` characters (none if the last sentence is longer)."""
    tail = ""
    for s in reversed(split_sentences(text)):
        if len(tail) + len(s) > overlap:
            break
        tail = s + tail
    return tail
