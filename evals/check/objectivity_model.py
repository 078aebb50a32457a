"""Learned objectivity backstop (issue 9, round 11): a logistic model on character n-grams of a clause.

The rules (assistant/rules/objectivity.yaml, kinds_words.py) are word lists; this model scores every body clause that
no rule flagged and would report the ones that read as evaluative or vague. It is trained and evaluated by
evals/check/train_objectivity_model.py. It was NOT wired into the checker: leave-one-batch-out showed no gain over
the rules (evals/check/README.md, "Learned objectivity backstop (round 11)"), so it lives here, with the evaluation,
applied with numpy only (Model.save/load write and read an .npz of n-grams, weights, intercept and threshold) in case a
later round wants to try again. The same clause splitting, skipping and span picking serve the evaluation and any
future wiring, so the figures measured would be the ones shipped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MODEL_PATH = Path(__file__).resolve().parent / "data" / "objectivity_model.npz"  # only written with --write
RULE_ID = "objectivity.learned"
NGRAM = (1, 4)
CLAUSE_END = re.compile(r"[。！？!?；;，,：:\n]")
DIGIT = re.compile(r"[0-9０-９]")
# a figure in the clause (Arabic digits, or a Chinese numeral with a unit of amount, share or multiple)
FIGURE = re.compile(r"[0-9０-９]|百分之|[一二两三四五六七八九十百千]+(?:万|亿|倍|成|个百分点)")
SOURCE = re.compile(r"据|来源|统计局|数据显示|调查显示|报告显示|监测|发布")
MIN_CLAUSE = 4


def clauses(text: str) -> list[tuple[int, int]]:
    """[start, end) of every clause: text between 。！？；，： and line breaks, stripped."""
    out, start = [], 0
    for m in CLAUSE_END.finditer(text + "\n"):
        s, e = start, m.start()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e - s >= MIN_CLAUSE:
            out.append((s, e))
        start = m.end()
    return out


SENT_END = re.compile(r"[。！？!?；;\n]")


def sentence_of(text: str, s: int, e: int) -> tuple[int, int]:
    """[start, end) of the sentence around the clause text[s:e]."""
    a = s
    while a > 0 and not SENT_END.match(text[a - 1]):
        a -= 1
    m = SENT_END.search(text, e)
    return a, (m.start() if m else len(text))


def context_features(text: str, s: int, e: int) -> list[str]:
    """The clause's n-grams plus whether the rest of its sentence carries a figure (labellers leave a degree word
    clean when the figure for it stands next to it)."""
    a, b = sentence_of(text, s, e)
    grams = features(text[s:e])
    if FIGURE.search(text[a:s]) or FIGURE.search(text[e:b]):
        grams.append("<SFIG>")
    return grams


def features(clause: str) -> list[str]:
    """Distinct character 1–4-grams (digits folded to 0) plus two cue tokens."""
    t = DIGIT.sub("0", clause)
    grams = {t[i:i + n] for n in range(NGRAM[0], NGRAM[1] + 1) for i in range(len(t) - n + 1)}
    if FIGURE.search(clause):
        grams.add("<FIG>")
    if SOURCE.search(clause):
        grams.add("<SRC>")
    return list(grams)


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    s = text.rfind("\n", 0, pos) + 1
    e = text.find("\n", pos)
    return s, (len(text) if e < 0 else e)


def _heading_like(text: str, s: int) -> bool:
    """A short line without sentence punctuation (a heading, caption or title line)."""
    ls, le = _line_bounds(text, s)
    line = text[ls:le].strip()
    return len(line) <= 30 and not re.search(r"[。！？；，,]", line)


def _inside(text: str, s: int, e: int, open_: str, close: str) -> bool:
    """The clause lies inside an open_…close_ pair (quotes, book title marks) that it does not close itself."""
    ls, _ = _line_bounds(text, s)
    before = text[ls:s]
    return before.count(open_) > before.count(close) or (open_ in text[s:e] and close in text[s:e]
                                                            and text[s:e].find(open_) == 0)


def skip_clause(text: str, s: int, e: int, skip_figures: bool | str = True) -> bool:
    """Headings, quotes, 《》 titles; with skip_figures a clause with a figure ("sentence": whose sentence has one)."""
    c = text[s:e]
    if _heading_like(text, s):
        return True
    if _inside(text, s, e, "“", "”") or _inside(text, s, e, "《", "》") or _inside(text, s, e, "「", "」"):
        return True
    if skip_figures == "sentence":
        a, b = sentence_of(text, s, e)
        return bool(FIGURE.search(text[a:b]))
    if skip_figures and FIGURE.search(c):
        return True
    return False


@dataclass
class Model:
    weights: dict[str, float]
    intercept: float
    threshold: float
    skip_figures: bool | str = True
    enabled: bool = False

    @classmethod
    def load(cls, path: str | Path = MODEL_PATH) -> "Model":
        z = np.load(path, allow_pickle=False)
        grams = [str(g) for g in z["grams"]]
        meta = z["meta"]  # intercept, threshold, skip_figures, enabled
        return cls(dict(zip(grams, z["weights"].astype(float).tolist())), float(meta[0]), float(meta[1]),
                   {0: False, 1: True, 2: "sentence"}[int(meta[2])], bool(meta[3]))

    def save(self, path: str | Path) -> None:
        grams = np.array(list(self.weights), dtype=str)
        w = np.array([self.weights[g] for g in self.weights], dtype=np.float32)
        meta = np.array([self.intercept, self.threshold, {False: 0.0, True: 1.0, "sentence": 2.0}[self.skip_figures], float(self.enabled)])
        np.savez_compressed(path, grams=grams, weights=w, meta=meta)

    def score(self, text: str, s: int, e: int) -> float:
        """Probability that the clause text[s:e] is evaluative or vague."""
        z = self.intercept + sum(self.weights.get(g, 0.0) for g in context_features(text, s, e))
        return float(1.0 / (1.0 + np.exp(-z)))

    def span(self, clause: str) -> tuple[int, int]:
        """The evaluative words: the highest-weighted 2–4-gram, grown by adjacent positive n-grams to ≤ 8 chars."""
        t = DIGIT.sub("0", clause)
        best, bs, be = -1e9, 0, min(len(clause), 2)
        for n in (2, 3, 4):
            for i in range(len(t) - n + 1):
                w = self.weights.get(t[i:i + n], 0.0)
                if w > best:
                    best, bs, be = w, i, i + n
        grown = True
        while grown and be - bs < 8:
            grown = False
            left = self.weights.get(t[bs - 2:be], 0.0) if bs >= 2 else -1
            right = self.weights.get(t[bs:be + 2], 0.0) if be + 2 <= len(t) and be + 2 - bs <= 4 else -1
            lc = self.weights.get(t[bs - 1:bs + 1], 0.0) if bs >= 1 else -1
            rc = self.weights.get(t[be - 1:be + 1], 0.0) if be < len(t) else -1
            if max(lc, rc, left, right) > 0.05:
                if max(lc, left) >= max(rc, right):
                    bs -= 1
                else:
                    be += 1
                grown = True
        return bs, be

    def flag(self, text: str, taken: list[tuple[int, int]], threshold: float | None = None,
             is_body=None) -> list[tuple[int, int, int, int, float]]:
        """(span start, span end, clause start, clause end, probability) for each body clause over the threshold
        that overlaps none of the `taken` spans (the rules' objectivity findings)."""
        thr = self.threshold if threshold is None else threshold
        out = []
        for s, e in clauses(text):
            if any(a < e and s < b for a, b in taken):
                continue
            if skip_clause(text, s, e, self.skip_figures) or (is_body is not None and not is_body(s)):
                continue
            p = self.score(text, s, e)
            if p >= thr:
                a, b = self.span(text[s:e])
                out.append((s + a, s + b, s, e, p))
        return out
