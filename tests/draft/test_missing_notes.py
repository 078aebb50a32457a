"""The drafter's missing-data notes read on their own: a note often opens its paragraph, so it may not
point back with 这些/上述 to words a reader has not seen."""
from __future__ import annotations

from assistant.analysis import load_yaml
from assistant.draft.sentences import dangling_term


def test_no_missing_data_note_leans_on_an_earlier_sentence():
    notes = load_yaml("draft_templates.yaml")["missing"]
    assert notes
    for key, note in notes.items():
        for part in note.replace("；", "。").split("。"):
            assert dangling_term(part + "。") is None, (key, part)
