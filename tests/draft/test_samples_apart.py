"""Drafts of one sample industry contain none of another sample's terms or figures.

Every pair of samples under corpus/ (folders with a profile.yaml): both reports of sample A are drafted
from A's documents, data and profile; no name or term of sample B's profile and no figure of B's
statistics series may appear in them, unless A's own documents or data use it too."""
from __future__ import annotations

import itertools

import pandas as pd
import pytest
from fixtures import corpus_kb, sample_data

from assistant.demo import samples
from assistant.draft import draft_report
from assistant.draft.bindings_industry import find_series
from assistant.draft.types import fmt
from assistant.outline import report_kinds
from assistant.profile import load_profile

SAMPLES = samples()
pytestmark = pytest.mark.skipif(len(SAMPLES) < 2, reason="needs two sample corpora under corpus/")


@pytest.fixture(scope="module")
def corpora():
    out = {}
    for name, folder in SAMPLES.items():
        kb = corpus_kb(folder / "sources")
        profile = load_profile(folder / "profile.yaml")
        found, _ = find_series(kb, profile)
        text = "\n".join(c.text for c in kb.chunks)
        for f in sample_data(folder):
            frame = pd.read_excel(f, sheet_name=None) if f.endswith(".xlsx") else {"": pd.read_csv(f)}
            text += "\n" + "\n".join(df.to_csv() for df in frame.values())
        out[name] = {"kb": kb, "profile": profile, "series": found, "text": text, "folder": folder}
    return out


@pytest.mark.parametrize("a,b", list(itertools.permutations(sorted(SAMPLES), 2)))
def test_drafts_hold_no_other_industrys_terms_or_figures(a, b, corpora, tmp_path):
    A, B = corpora[a], corpora[b]
    assert B["series"] is not None, f"sample {b}: its profile's series was not found"
    words = [w for w in (*B["profile"].names, *B["profile"].terms) if w not in A["text"]]
    figures = {fmt(v) for s in B["series"].series.values() for v in s.values()}
    figures = {f for f in figures if len(f.replace(".", "")) >= 4 and f not in A["text"]}
    assert words and figures, "the check needs something to look for"
    for report, name in report_kinds(from_data=True).items():
        res = draft_report(report, A["kb"], sample_data(A["folder"]), 2026, tmp_path / f"{report}.md", profile=A["profile"])
        text = res.markdown
        assert A["profile"].industry in res.title
        leaked = [w for w in words if w in text] + [f for f in figures if f in text]
        assert not leaked, (a, report, leaked)
