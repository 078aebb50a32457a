"""Drafting stage: outline → bindings (computed data) → evidence per section → composed, cited text →
Markdown/Word/XLSX export.

Modules: `types` (shared data types, a leaf), `bindings` / `bindings_industry` (data providers by name),
`evidence` (retrieve/select), `compose`, `references`, `render` (numbering for Markdown and Word),
`export` (Word), `lists` (附件3 XLSX), `llm_compose` (optional LLM path), `pipeline` (orchestration, CLI).
Names are loaded on first use, so importing `assistant.draft.types` does not load the pipeline."""
from __future__ import annotations

import importlib

_EXPORTS = {
    "draft_report": "pipeline", "regenerate_section": "pipeline", "main_draft": "pipeline",
    "build_context": "pipeline", "numbers_in": "pipeline", "use_profile_terms": "pipeline",
    "DraftProgress": "types", "TqdmProgress": "types", "DraftResult": "types", "Sentence": "types",
    "Block": "types", "SectionDraft": "types", "Reference": "types", "fmt": "types",
    "split_sentences": "compose", "assemble": "render", "References": "references",
    "retrieve_evidence": "evidence", "select_evidence": "evidence", "compose_section": "compose",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    mod = _EXPORTS.get(name)
    if mod is None:
        raise AttributeError(f"module 'assistant.draft' has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{mod}"), name)
