"""Sentence types for drafting: what kind of statement a candidate evidence sentence is.

Types (rules and wording in `assistant/data/sentence_types.yaml`):
fact · event · target · recommendation · definition · caveat.

Rules decide first (in the YAML's order); where every rule abstains, a linear classifier on the
sentence's embedding decides (`sentence_type_centroids.npz`: a logistic regression fitted on the dev
split of the labelled set by `python evals/draft/sentence_types.py --fit`; chosen over nearest
centroids by grouped cross-validation on dev). Without an embedder (or for another
embedding model than the centroids were fitted with) the YAML's `default` type is used.

Also here: helpers the composer and the evals share — figures in a sentence (number + unit, years
left out), dangling references, and writing a target as a target.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import yaml

from ..errors import InputError

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
RULES_FILE = DATA_DIR / "sentence_types.yaml"
TYPES = ("fact", "event", "target", "recommendation", "definition", "caveat")


@dataclass(frozen=True)
class Rule:
    id: str
    type: str
    pattern: re.Pattern
    unless: re.Pattern | None = None

    def matches(self, text: str) -> bool:
        return bool(self.pattern.search(text)) and not (self.unless and self.unless.search(text))


@dataclass(frozen=True)
class TypeRules:
    rules: tuple[Rule, ...]
    names: dict
    target_framing: re.Pattern
    target_rewrite: dict
    dangling_terms: tuple[str, ...]
    dangling_starts: tuple[str, ...]
    dangling_demonstrative: re.Pattern | None
    clause_preamble: re.Pattern | None
    generic_doc_lead: re.Pattern | None
    leads: dict
    anonymous_lead: re.Pattern | None
    plan_title: re.Pattern | None
    self_reference: re.Pattern | None
    default: str
    centroids_file: str


def _compile(pat: str, where: str) -> re.Pattern:
    try:
        return re.compile(pat)
    except re.error as e:
        raise InputError(f"句子类型规则 {where} 的正则无效：{pat!r}（{e}）") from e


@lru_cache(maxsize=4)
def load_rules(path: str | None = None) -> TypeRules:
    p = Path(path or RULES_FILE)
    try:
        raw = yaml.safe_load(p.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise InputError(f"无法读取句子类型规则 {p}：{e}") from e
    order = raw.get("order") or list(TYPES)
    bad = [t for t in order if t not in TYPES]
    if bad:
        raise InputError(f"句子类型规则 {p} 含未知类型：{', '.join(bad)}")
    rules = []
    for t in order:
        for r in raw.get("rules", {}).get(t) or []:
            rid = r.get("id", t)
            rules.append(Rule(id=rid, type=t, pattern=_compile(r["pattern"], rid),
                              unless=_compile(r["unless"], rid) if r.get("unless") else None))
    emb = raw.get("embedding") or {}
    return TypeRules(rules=tuple(rules), names=dict(raw.get("types") or {}),
                     target_framing=_compile(raw["target_framing"], "target_framing"),
                     target_rewrite=dict(raw.get("target_rewrite") or {}),
                     dangling_terms=tuple(raw.get("dangling_terms") or ()),
                     dangling_starts=tuple(raw.get("dangling_starts") or ()),
                     dangling_demonstrative=_compile(raw["dangling_demonstrative"], "dangling_demonstrative")
                     if raw.get("dangling_demonstrative") else None,
                     clause_preamble=_compile(raw["clause_preamble"], "clause_preamble")
                     if raw.get("clause_preamble") else None,
                     generic_doc_lead=_compile(raw["generic_doc_lead"], "generic_doc_lead")
                     if raw.get("generic_doc_lead") else None,
                     leads=dict(raw.get("leads") or {"default": "据{title}，"}),
                     anonymous_lead=_compile(raw["anonymous_lead"], "anonymous_lead")
                     if raw.get("anonymous_lead") else None,
                     plan_title=_compile(raw["plan_title"], "plan_title") if raw.get("plan_title") else None,
                     self_reference=_compile(raw["self_reference"], "self_reference")
                     if raw.get("self_reference") else None,
                     default=raw.get("default", "fact"), centroids_file=emb.get("centroids", ""))


def rule_type(text: str, rules: TypeRules | None = None) -> tuple[str, str] | None:
    """(type, rule id) of the first rule that fires, or None when every rule abstains."""
    rules = rules or load_rules()
    body = _strip_lead(text)
    for r in rules.rules:
        if r.matches(body):
            return r.type, r.id
    return None


_LEAD = re.compile(r"^(?:(?:另据|又据|据|根据)[^，。]{1,40}(?:显示|统计|报道|数据|测算|介绍)?，|(?:同时|此外|另外|与此同时)，)")
LEAD = _LEAD


def _strip_lead(text: str) -> str:
    """A sentence without an attribution lead-in (据《…》，), which says nothing about its type."""
    return _LEAD.sub("", text.strip())


# ---------------------------------------------------------------- figures and references

_YEARISH = re.compile(r"(?:19|20)\d\d(?:\s*[—\-－~至到]\s*(?:19|20)?\d\d)?\s*年(?:度|代|初|末|底)?|\d{1,2}\s*月(?:\d{1,2}\s*日)?|第[一二三四]季度")
_FIGURE = re.compile(r"(\d+(?:\.\d+)?)\s*(%|％|‰|[万亿千百]?[^\d\s，。、；：:（）()“”《》\[\],.;—\-])?")


def figures(text: str) -> set[str]:
    """Figures stated in a sentence: number plus the first one or two characters after it
    (1288.8万辆 → “1288.8万辆”), with years, months and dates left out, citation marks removed."""
    t = re.sub(r"\[\d+(?:[,，、]\d+)*\]", "", text)
    t = _YEARISH.sub(" ", t)
    out = set()
    for m in _FIGURE.finditer(t):
        num = m.group(1).rstrip("0").rstrip(".") if "." in m.group(1) else m.group(1)
        out.add(num + (m.group(2) or ""))
    return out


def has_figure(text: str) -> bool:
    return bool(figures(text))


def dangling_term(text: str, rules: TypeRules | None = None) -> str | None:
    """The first reference word that needs an antecedent (两者, 上述 ...), or None."""
    rules = rules or load_rules()
    m = rules.generic_doc_lead.match(text.strip()) if rules.generic_doc_lead else None
    if m:
        return m.group(2)  # 据报告统计 / 报道指出: which report?
    body = re.sub(r"《[^》]*》|“[^”]*”", "", _strip_lead(text))
    for w in rules.dangling_starts:
        if body.startswith(w):
            return w
    for w in rules.dangling_terms:
        if w in body:
            return w
    return _first_clause_demonstrative(body, rules)


def _first_clause_demonstrative(body: str, rules: TypeRules) -> str | None:
    """A demonstrative with its classifier or noun (这株, 这是, 此举, 该校) in the sentence's first clause that
    states something, past its time, 截至 and speaker clauses (2022年，/ 某某负责人表示，): its referent was in
    the source's sentence before. One in a later clause (…发布了规划，这是…) points at the clause before it."""
    if rules.dangling_demonstrative is None:
        return None
    for clause in re.split(r"[，,；;：:]", body):
        clause = clause.strip()
        if not clause or (rules.clause_preamble is not None and rules.clause_preamble.match(clause)
                          and not rules.dangling_demonstrative.search(clause)):
            continue
        m = rules.dangling_demonstrative.search(clause)
        return m.group(0) if m else None
    return None


def is_target_framed(text: str, rules: TypeRules | None = None) -> bool:
    """A target sentence written as a target (提出/目标/规划/预计 ...), not as an achievement."""
    return bool((rules or load_rules()).target_framing.search(text))


# a sentence opening with the verb of a subject left in the sentence before (…联合印发《X》。提出到2027年，…)
_BARE_VERB = re.compile(r"^(?:提出|明确|要求|强调)(?![的了过])")


def bare_verb_start(text: str) -> bool:
    """A sentence opening with 提出/明确/要求/强调 whose subject was in the source's sentence before."""
    return bool(_BARE_VERB.match(text))


def frame_target(text: str, title: str | None, rules: TypeRules | None = None) -> str:
    """Write a plan's target as a target: 《X》提出的目标是：到2025年…; one opening with a bare 提出 gets the plan as
    its subject (《X》提出到2027年，…); unchanged when already framed."""
    rules = rules or load_rules()
    if title and bare_verb_start(text):
        # 提出到2027年，…: the source's subject (某部印发《X》。提出…) was the sentence before; the plan says it
        return title + text
    if is_target_framed(text, rules):
        return text
    body = _strip_lead(text)
    lead = rules.target_rewrite["with_title" if title else "plain"].format(title=title or "")
    return lead + body


# ---------------------------------------------------------------- classifier

@dataclass
class Typed:
    text: str
    type: str
    by: str  # rule | embedding | default
    rule: str = ""
    score: float = 0.0


class SentenceTyper:
    """Rules first; the embedding centroids where every rule abstains.

    embedder: any object with `embed_passages(list[str]) -> np.ndarray` and a `name`."""

    def __init__(self, embedder=None, rules: TypeRules | None = None, centroids: dict | None = None):
        self.rules = rules or load_rules()
        self.embedder = embedder
        self.centroids = centroids if centroids is not None else self._load_centroids()
        self._cache: dict[str, Typed] = {}

    def _load_centroids(self) -> dict | None:
        if self.embedder is None or not self.rules.centroids_file:
            return None
        p = DATA_DIR / self.rules.centroids_file
        if not p.is_file():
            return None
        z = np.load(p, allow_pickle=False)
        if str(z["model"]) != getattr(self.embedder, "name", ""):
            return None  # fitted with another model: vectors are not comparable
        bias = z["bias"] if "bias" in z.files else np.zeros(len(z["types"]), dtype=np.float32)
        return {"types": [str(t) for t in z["types"]], "vectors": z["vectors"], "bias": bias}

    def classify(self, texts: list[str], use_rules: bool = True) -> list[Typed]:
        out: list[Typed | None] = []
        pending = []
        for i, t in enumerate(texts):
            hit = rule_type(t, self.rules) if use_rules else None
            if hit:
                out.append(Typed(t, hit[0], "rule", hit[1], 1.0))
            else:
                out.append(None)
                pending.append(i)
        if pending and self.centroids is not None:
            vecs = self.embedder.embed_passages([_strip_lead(texts[i]) for i in pending])
            scores = vecs @ self.centroids["vectors"].T + self.centroids.get("bias", 0.0)
            for i, row in zip(pending, scores):
                j = int(np.argmax(row))
                out[i] = Typed(texts[i], self.centroids["types"][j], "embedding", "", float(row[j]))
        return [o or Typed(texts[i], self.rules.default, "default") for i, o in enumerate(out)]

    def types(self, texts: list[str]) -> list[str]:
        """Types of many sentences (one embedding batch for the new ones; results are cached)."""
        new = list(dict.fromkeys(t for t in texts if t not in self._cache))
        for t in self.classify(new):
            self._cache[t.text] = t
        return [self._cache[t].type for t in texts]

    def type_of(self, text: str) -> str:
        return self.types([text])[0]


def fit_centroids(texts: list[str], labels: list[str], embedder, path: Path | None = None,
                  method: str = "logreg", vectors: np.ndarray | None = None) -> dict:
    """A linear scorer per type from labelled sentences (method "logreg": multinomial logistic
    regression, C=10; "centroid": normalised mean vectors); saved when `path` is given."""
    vecs = vectors if vectors is not None else embedder.embed_passages([_strip_lead(t) for t in texts])
    lab = np.array(labels)
    if method == "logreg":
        from sklearn.linear_model import LogisticRegression

        lr = LogisticRegression(C=10, max_iter=3000).fit(vecs, lab)
        types, w, b = [str(t) for t in lr.classes_], lr.coef_, lr.intercept_
    else:
        types = [t for t in TYPES if t in set(labels)]
        w = np.stack([vecs[lab == t].mean(axis=0) for t in types])
        w /= np.linalg.norm(w, axis=1, keepdims=True)
        b = np.zeros(len(types))
    out = {"types": types, "vectors": w.astype(np.float32), "bias": b.astype(np.float32)}
    if path is not None:
        np.savez(path, model=np.array(getattr(embedder, "name", "")), method=np.array(method), **{
            "types": np.array(types), "vectors": out["vectors"], "bias": out["bias"]})
    return out


@lru_cache(maxsize=2)
def _typer_for(embedder_id: int, embedder) -> SentenceTyper:
    return SentenceTyper(embedder)


def typer_for(kb=None) -> SentenceTyper:
    """The typer with the knowledge base's embedder when it has one (no second model load)."""
    emb = getattr(getattr(kb, "embedding", None), "embedder", None) if kb is not None else None
    if emb is not None and not hasattr(emb, "embed_passages"):
        emb = None
    return _typer_for(id(emb), emb)


# ---------------------------------------------------------------- routing

def section_accepts(section) -> set[str]:
    """Types the outline section takes (`accepts:`); without it, statements of fact, events and targets."""
    acc = getattr(section, "accepts", None) or ["fact", "event", "target"]
    return set(acc)


def type_name(t: str) -> str:
    """The Chinese name of a type (目标或规划), without its explanation."""
    return re.split(r"[（(]", load_rules().names.get(t, t))[0]
