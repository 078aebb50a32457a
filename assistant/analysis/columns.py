"""Header mapping: a data table's column names → the internal fields of its table kind.

Order of evidence, per header: an override from the user's `--columns` file; the field's first name
(`exact`); any of its Chinese or English synonyms (`synonym`); else the most similar synonym by
rapidfuzz (`fuzzy`, score ≥ the threshold in `assistant/data/columns.yaml`). Headers are compared
after normalising width, case, spacing and a trailing unit in brackets ("现有人数（人）" → 现有人数).
Planned-hiring columns carry a year in the header ("计划招聘_2026", "2026年计划招聘", "plan_2026");
without a year the caller decides which year they mean (`PlanColumn.year is None`).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import InputError

_UNIT_TAIL = re.compile(r"\s*[（(\[【][^（）()\[\]【】]*[）)\]】]\s*$")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


@dataclass(frozen=True)
class FieldMatch:
    field: str
    column: str  # the header as written in the file
    how: str  # override | exact | synonym | fuzzy
    score: float = 100.0
    year: int | None = None  # plan columns: the year in the header

    def how_text(self) -> str:
        return {"override": "映射文件指定", "exact": "精确", "synonym": "同义词",
                "fuzzy": f"相似度 {self.score:.0f}"}.get(self.how, self.how)

    def to_dict(self) -> dict:
        return {"field": self.field, "column": self.column, "how": self.how, "score": round(self.score, 1),
                "year": self.year}


def normalize_header(h: Any) -> str:
    """Width, case, spacing and separators normalised; a trailing unit in brackets removed."""
    s = unicodedata.normalize("NFKC", str(h if h is not None else "")).strip().lower()
    prev = None
    while prev != s:
        prev, s = s, _UNIT_TAIL.sub("", s)
    s = re.sub(r"[_\-—–/·:：.,，、]+", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    if not s.isascii():
        s = s.replace(" ", "")
    return s


def _names(spec: dict) -> list[str]:
    names = spec.get("names") or []
    return [names] if isinstance(names, str) else [str(n) for n in names]


def _score(header: str, name: str) -> float:
    """Similarity 0—100 of a normalised header and a normalised field name.

    English: rapidfuzz WRatio (word order and extra words tolerated). Chinese: edit-distance ratio, or,
    when a name of 3+ characters appears whole in the header ("岗位类别" in "岗位类别名称"), a score that
    grows with the share of the header it covers."""
    from rapidfuzz import fuzz

    if header.isascii() and name.isascii():
        return float(fuzz.WRatio(header, name))
    score = float(fuzz.ratio(header, name))
    if len(name) >= 3 and name in header:
        score = max(score, 60 + 40 * len(name) / len(header))
    return score


def match_header(header: str, fields: dict, threshold: float, exclude: set[str] = frozenset()) -> FieldMatch | None:
    """The single best field for one header (None below the threshold)."""
    cands = candidates(header, fields, threshold, exclude)
    return cands[0] if cands else None


def candidates(header: str, fields: dict, threshold: float, exclude: set[str] = frozenset()) -> list[FieldMatch]:
    """Every field this header could be, best first: exact, then synonym, then fuzzy by score."""
    h = normalize_header(header)
    if not h:
        return []
    out: list[FieldMatch] = []
    for name, spec in fields.items():
        if name in exclude:
            continue
        names = [normalize_header(n) for n in _names(spec)]
        if not names:
            continue
        if h == names[0]:
            out.append(FieldMatch(name, str(header), "exact"))
        elif h in names[1:]:
            out.append(FieldMatch(name, str(header), "synonym"))
        else:
            best = max(_score(h, n) for n in names)
            if best >= threshold:
                out.append(FieldMatch(name, str(header), "fuzzy", float(best)))
    rank = {"exact": 0, "synonym": 1, "fuzzy": 2}
    return sorted(out, key=lambda m: (rank[m.how], -m.score))


def plan_match(header: str, spec: dict, threshold: float) -> FieldMatch | None:
    """A planned-hiring column: the header without its year matches the plan field's names."""
    years = _YEAR.findall(str(header))
    rest = _YEAR.sub(" ", str(header))
    rest = re.sub(r"年度?|年份", " ", rest) if years else rest
    m = match_header(rest, {"plan": spec}, threshold)
    if m is None or (m.how == "fuzzy" and not years):  # without a year only a listed name counts
        return None
    return FieldMatch("plan", str(header), m.how, m.score, int(years[0]) if len(years) == 1 else None)


def map_headers(headers: list[str], kind_cfg: dict, threshold: float,
                overrides: dict[str, str] | None = None) -> tuple[dict[str, FieldMatch], list[FieldMatch], list[str]]:
    """Map a table's headers. Returns (field → match, plan columns, override errors).

    One header maps to at most one field; the strongest evidence is assigned first."""
    fields = kind_cfg.get("fields", {})
    headers = [str(h) for h in headers]
    used: set[str] = set()
    out: dict[str, FieldMatch] = {}
    plans: list[FieldMatch] = []
    errors: list[str] = []
    norm = {normalize_header(h): h for h in headers}
    for key, col in (overrides or {}).items():
        col = str(col)
        hit = col if col in headers else norm.get(normalize_header(col))
        if hit is None:
            errors.append(f"映射文件指定的列“{col}”（{key}）不在表中")
            continue
        m = re.fullmatch(r"plan_?((?:19|20)\d{2})?", key)
        if m and "plan" in fields:
            y = int(m.group(1)) if m.group(1) else None
            if y is None:
                ys = _YEAR.findall(hit)
                y = int(ys[0]) if len(ys) == 1 else None
            plans.append(FieldMatch("plan", hit, "override", 100.0, y))
        elif key in fields:
            out[key] = FieldMatch(key, hit, "override")
        else:
            errors.append(f"映射文件中的字段“{key}”不是该类表格的字段（可用：{', '.join(fields)}）")
            continue
        used.add(hit)
    plan_spec = fields.get("plan") if fields.get("plan", {}).get("by_year") else None
    if plan_spec is not None and not plans:
        for h in headers:
            if h in used:
                continue
            pm = plan_match(h, plan_spec, threshold)
            if pm is not None:
                plans.append(pm)
                used.add(h)
    others = {k: v for k, v in fields.items() if k not in out and not (plan_spec is not None and k == "plan")}
    cands = [c for h in headers if h not in used for c in candidates(h, others, threshold)]
    rank = {"exact": 0, "synonym": 1, "fuzzy": 2}
    for c in sorted(cands, key=lambda m: (rank[m.how], -m.score)):
        if c.field in out or c.column in used:
            continue
        out[c.field] = c
        used.add(c.column)
    return out, plans, errors


def load_overrides(path: str | Path | None) -> dict[str, dict[str, str]]:
    """A `--columns` file: {table kind: {field: column name}}. Errors name the file and the key."""
    if not path:
        return {}
    p = Path(path)
    if not p.is_file():
        raise InputError(f"列名映射文件不存在：{p}")
    try:
        raw = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as e:
        raise InputError(f"列名映射文件 {p} 无法解析（应为 YAML：表格类型 → 字段: 列名）") from e
    if not isinstance(raw, dict):
        raise InputError(f"列名映射文件 {p} 应为“表格类型: {{字段: 列名}}”的映射")
    from .tables import TABLE_KINDS

    out: dict[str, dict[str, str]] = {}
    for kind, m in raw.items():
        if kind not in TABLE_KINDS:
            raise InputError(f"列名映射文件 {p}：未知的表格类型“{kind}”（可用：{', '.join(TABLE_KINDS)}）")
        if not isinstance(m, dict) or not all(isinstance(v, (str, int)) for v in m.values()):
            raise InputError(f"列名映射文件 {p}：{kind} 下应为“字段: 列名”")
        out[kind] = {str(k): str(v) for k, v in m.items()}
    return out
