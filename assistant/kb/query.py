"""Query normalisation for keyword search: the words a document would use, added to how people ask.

Two data sources, no industry in code:
- the index's industry profile: a question that names the industry by an alias (a colloquial or
  shorter name) also searches for the industry's own name, which is what statistics and reports use;
- `assistant/data/query_terms.yaml`: industry-neutral colloquial wording of statistical questions
  (产了多少 → 产量, 头三个月 → 一季度), each rule a list of phrases and the words they add; and how a
  colloquial two-digit year is read (“07年” → 2007, but not “近10年”, “25年来”: `short_years`).

Only the keyword side is expanded: the query's embedding is left as asked (the dense model already
relates paraphrases, and appended words would shift it). The retrieval eval measures each part.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
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


@dataclass(frozen=True)
class ShortYears:
    future: int  # a two-digit year yy is 20yy up to this many years after the present one, else 19yy
    not_after: tuple[str, ...]  # words before “NN年” that make it a number of years (近10年)
    not_before: tuple[str, ...]  # words after it that do (10年来, 80年代)


# “NN年”, not when a digit other than a month’s follows (“15年10个月” is a span; “23年5月” is a year)
_SHORT_YEAR = re.compile(r"(?<![\d.．])(\d{2})年(?!(?!\d{1,2}月)\d)")


@lru_cache(maxsize=4)
def load_short_years(path: Path = TERMS_FILE) -> ShortYears | None:
    """The `short_years:` entry of the terms file (None when absent); a bad entry names the file."""
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    item = raw.get("short_years") if isinstance(raw, dict) else None
    if item is None:
        return None
    lists = [item.get(k) if isinstance(item, dict) else None for k in ("not_after", "not_before")]
    future = item.get("future") if isinstance(item, dict) else None
    if not (isinstance(future, int) and 0 <= future < 100
            and all(isinstance(x, list) and all(isinstance(w, str) and w.strip() for w in x) for x in lists)):
        raise InputError(f"{path}：short_years 应为 {{future: 年数, not_after: [词, ...], not_before: [词, ...]}}")
    return ShortYears(future, *(tuple(sorted({w.strip() for w in x}, key=len, reverse=True)) for x in lists))


def short_year_spans(query: str, rule: ShortYears | None = None,
                     this_year: int | None = None) -> list[tuple[int, int, str]]:
    """(start, end, four-digit year) of each colloquial two-digit year of `query` (“07年那一格” → 2007), in order;
    a number of years (“近10年”, “整整25年”, “10年来”, “80年代”) is none. The one reader of such years: retrieval adds
    the years to the keyword query (`short_years`), the chat writes them into the question."""
    rule = load_short_years(TERMS_FILE) if rule is None else rule
    if rule is None:
        return []
    this_year = date.today().year if this_year is None else this_year
    out: list[tuple[int, int, str]] = []
    for m in _SHORT_YEAR.finditer(query):
        before, after = query[:m.start()], query[m.end():]
        if any(before.endswith(w) for w in rule.not_after) or any(after.startswith(w) for w in rule.not_before):
            continue
        yy = int(m.group(1))
        out.append((m.start(1), m.end(1), str(2000 + yy if 2000 + yy <= this_year + rule.future else 1900 + yy)))
    return out


def short_years(query: str, rule: ShortYears | None = None, this_year: int | None = None) -> list[str]:
    """Four-digit years for the colloquial two-digit years of `query` (“07年那一格” → 2007), in order, less those
    the query already writes in full (`short_year_spans`)."""
    return list(dict.fromkeys(y for _, _, y in short_year_spans(query, rule, this_year) if y not in query))
