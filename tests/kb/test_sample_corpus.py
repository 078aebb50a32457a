"""The shipped sample corpus: every file ingests, and known questions find their gold source."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

QUESTIONS = Path(__file__).resolve().parents[2] / "evals" / "retrieval" / "questions.jsonl"


def _questions():
    return [json.loads(line) for line in QUESTIONS.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_every_sample_source_is_indexed(sample_kb):
    from tests.conftest import SAMPLE_SOURCES

    names = {s.source for s in sample_kb.sources()}
    assert names == {p.name for p in SAMPLE_SOURCES.iterdir() if p.is_file()}
    types = {s.file_type for s in sample_kb.sources()}
    assert types >= {"pdf", "docx", "xlsx", "csv", "md", "txt", "html"}
    assert all(s.year for s in sample_kb.sources())


@pytest.mark.parametrize("q", [q for i, q in enumerate(_questions()) if i % 4 == 0], ids=lambda q: q["id"])
def test_gold_source_in_top5(sample_kb, q):
    hits = sample_kb.search(q["question"], top_k=5)
    assert q["gold_source"] in [h.source for h in hits]
    gold = next(h for h in hits if h.source == q["gold_source"])
    assert gold.text  # the passage itself comes back, not just the name


def test_gb18030_sample_files_read_cleanly(sample_kb):
    from assistant.kb.ingest import load_file
    from tests.conftest import SAMPLE_SOURCES

    gb = [p for p in SAMPLE_SOURCES.glob("*.txt") if load_file(p).encoding == "gb18030"]
    assert len(gb) >= 3
    for p in gb:
        assert "\ufffd" not in "".join(b.text for b in load_file(p).blocks)
