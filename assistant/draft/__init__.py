"""Drafting stage: outline → evidence per section → composed, cited text → Markdown/Word/XLSX export."""
from .pipeline import *  # noqa: F401,F403
from .pipeline import numbers_in  # noqa: F401  (re-exported: llm, evals and tests use it)
