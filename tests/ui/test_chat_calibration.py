"""The chat's abstain rule on the sample corpus: the labelled answerable questions against the
unanswerable sets (evals/chat/unanswerable.jsonl, used for calibration, and
evals/chat/unanswerable_heldout.jsonl, near misses held out from it). Guards the calibration in
assistant/chat.py."""
from __future__ import annotations

import json
import re

import pytest

from assistant import chat
from tests.conftest import REPO

pytestmark = pytest.mark.slow


def _load(rel: str) -> list[dict]:
    return [json.loads(x) for x in (REPO / rel).read_text(encoding="utf-8").splitlines() if x.strip()]


@pytest.mark.parametrize("rel", ["evals/chat/unanswerable.jsonl", "evals/chat/unanswerable_heldout.jsonl"])
def test_no_answer_to_unanswerable_questions(sample_kb, rel):
    answered = [q["question"] for q in _load(rel) if chat.answer(q["question"], sample_kb).grounded]
    assert answered == []


def test_most_answerable_questions_are_answered_from_the_right_source(sample_kb):
    qs = _load("evals/retrieval/questions.jsonl")
    answered = correct = 0
    wrong = []
    for q in qs:
        ans = chat.answer(q["question"], sample_kb)
        if ans.grounded:
            answered += 1
            if re.sub(r"\s+", "", q["answer"]) in re.sub(r"\s+", "", ans.text):
                correct += 1
            else:
                wrong.append(q["id"])
    # Measured: 75/103 answered, 74 of them with the labelled answer string, 1 without (q077)
    # (see evals/chat/calibration.py, which also reports the calibration and held-out halves).
    assert answered >= 70, answered
    assert correct >= 70, correct
    assert len(wrong) <= 2, wrong
