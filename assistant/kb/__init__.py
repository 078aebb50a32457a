"""Knowledge base stage: load files (ingest), cut them into chunks (chunking), embed them (embed),
store them (stores: SQLite + Chroma + BM25), and search them (index, retrieve)."""
from .index import KnowledgeBase, index_text

__all__ = ["KnowledgeBase", "index_text"]
