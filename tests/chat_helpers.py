"""The keyword tokenizer a sample's knowledge base uses: the package dictionary plus the words of the
sample's profile (as an index with that profile.yaml tokenises at ingest and search). Chat tests written
with one sample's wording use it, since the package dictionary holds no industry words."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from assistant.profile import load_profile
from assistant.textproc import ChineseTokenizer, private_tokenizer

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@lru_cache(maxsize=4)
def sample_tokenizer(sample: str = "nev") -> ChineseTokenizer:
    tok = private_tokenizer()
    tok.add_words(load_profile(CORPUS / sample / "profile.yaml").vocabulary)
    return tok


def kb_from_docs(tmp_path_factory, docs: dict[str, str], name: str):
    """A knowledge base ingested from `docs` (file name -> text), written for a test module."""
    from assistant.config import Settings
    from assistant.kb import KnowledgeBase

    root = tmp_path_factory.mktemp(f"{name}-docs")
    for fname, text in docs.items():
        (root / fname).write_text(text, encoding="utf-8")
    kb = KnowledgeBase(Settings(index_dir=tmp_path_factory.mktemp(f"{name}-index")))
    report = kb.ingest([root])
    assert report.ok, report.failures
    return kb


def scored_row(kb, question: str, needle: str):
    """The chat's scored candidate whose sentence holds `needle` (its `refused` tags say why it may not answer)."""
    from assistant import chat

    scored = chat.score_sentences(question, kb.search(question, top_k=5), kb)
    return next(x for x in scored if needle in x.sentence)
