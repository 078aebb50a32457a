"""Query normalisation for keyword search: the words a document would use, added to how people ask.

Two data sources, no industry in code:
- the index's industry profile: a question that names the industry by an alias (a colloquial or
  shorter name) also searches for the industry's own name, which is what statistics and reports use;
- `assistant/data/query_terms.yaml`: industry-neutral colloquial wording of statistical questions
  (产了多少 → 产量, 头三个月 → 一季度), each rule a list of phrases and the words they add.

Only the keyword side is expanded: the query's embedding is left as asked (the dense model already
relates paraphrases, and appended words would shift it). The retrieval eval measures each part.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ..errors import InputError

TERMS_FILE = Path(__file__).resolve().parent.parent / "data" / "query_terms.yaml"


@dataclass(frozen=True)
class Rule:
    when: tuple[str, ...]  # any of these phrases in the query …
    add: tuple[str, ...]  # … adds these words (unless the query already has them)


@lru_cache(maxsize=4)
def load_rules(path: Path = TERMS_FILE) -> tuple[Rule, ...]:
    """Rules from a YAML list of {when: [phrase, ...], add: [word, ...]}; a bad entry names file and item."""
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    items = raw.get("rules") if isinstance(raw, dict) else None
    if not isinstance(items, list):
        raise InputError(f"{path}：应有 rules: 列表")
    out = []
    for i, item in enumerate(items, 1):
        when = item.get("when") if isinstance(item, dict) else None
        add = item.get("add") if isinstance(item, dict) else None
        when = [when] if isinstance(when, str) else when
        add = [add] if isinstance(add, str) else add
        if not (isinstance(when, list) and when and isinstance(add, list) and add
                and all(isinstance(x, str) and x.strip() for x in [*when, *add])):
            raise InputError(f"{path}：rules 第 {i} 项应为 {{when: [短语, ...], add: [词, ...]}}")
        out.append(Rule(tuple(w.strip() for w in when), tuple(a.strip() for a in add)))
    return tuple(out)


def expansion(query: str, profile=None, rules: tuple[Rule, ...] | None = None) -> list[str]:
    """Words to add to `query` for keyword search (none already in it), in rule order."""
    rules = load_rules(TERMS_FILE) if rules is None else rules
    extra: list[str] = []
    if profile is not None:
        names = [n for n in profile.names if n]
        if names and names[0] not in query and any(a in query for a in names[1:]):
            extra.append(names[0])
    for r in rules:  # on the question as asked: chaining rules (产了 → 产量 → 产销) lost on the eval's dev half
        if any(w in query for w in r.when):
            extra += [a for a in r.add if a not in query]
    return list(dict.fromkeys(extra))
