"""The chat's abstain rule on the sample corpus: the labelled answerable questions against the
unanswerable set (evals/chat/unanswerable.jsonl). Guards the calibration in assistant/chat.py."""
from __future__ import annotations

import json
import re

import pytest

from assistant import chat
from tests.conftest import REPO

pytestmark = pytest.mark.slow


def _load(rel: str) -> list[dict]:
    return [json.loads(x) for x in (REPO / rel).read_text(encoding="utf-8").splitlines() if x.strip()]


def test_no_answer_to_unanswerable_questions(sample_kb):
    answered = [q["question"] for q in _load("evals/chat/unanswerable.jsonl")
                if chat.answer(q["question"], sample_kb).grounded]
    assert answered == []


def test_most_answerable_questions_are_answered_from_the_right_source(sample_kb):
    qs = _load("evals/retrieval/questions.jsonl")
    answered = correct = 0
    for q in qs:
        ans = chat.answer(q["question"], sample_kb)
        if ans.grounded:
            answered += 1
            correct += re.sub(r"\s+", "", q["answer"]) in re.sub(r"\s+", "", ans.text)
    # Measured: 78/103 answered, 67 of them with the labelled answer string (see evals/chat/calibration.py).
    assert answered >= 70, answered
    assert correct >= 60, correct
