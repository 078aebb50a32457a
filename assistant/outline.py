"""Report outlines: YAML files that define what a complete report contains.

The drafter fills each section; the checker verifies the same sections and required elements.
Built-in outlines live in `assistant/outlines/<report>.yaml`; users pass their own with --outline.
The report kinds are the `report:` keys of the built-in outline files.

Outlines name no industry: queries and element patterns may carry placeholders that an industry
profile fills (`Outline.expanded(profile)`): {industry} (the name), {alias} (other names), {metric}
(key metrics), {unit} (their units) and {term} (domain terms). A query expands to one query per value
(several placeholders: the values of each in step); a pattern becomes an alternation of the values.
Without a profile (or when the profile has no values for a placeholder) such queries and patterns are
left out and only the generic ones apply.
"""
from __future__ import annotations

import copy
import re
import string
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from .errors import InputError
from .safe_regex import compile_user

OUTLINE_DIR = Path(__file__).parent / "outlines"
PLACEHOLDERS = ("industry", "alias", "metric", "unit", "term")
_PLACEHOLDER = re.compile(r"\{(" + "|".join(PLACEHOLDERS) + r")\}")
_ANY_FIELD = re.compile(r"\{([^{}0-9,][^{}]*)\}")
MAX_QUERIES_PER_TEMPLATE = 2

_SECTION_KEYS = {"id", "title", "aliases", "purpose", "required_elements", "queries", "data", "accepts", "topic",
                 "target_chars", "min_chars", "filters", "subsections", "specific",
                 "issuer_order"}
_TOP_KEYS = {"report", "name", "title", "criterion", "sections"}



SENTENCE_TYPES = ("fact", "event", "target", "recommendation", "definition", "caveat")


def _accepts(s: dict, p) -> list[str]:
    acc = list(s.get("accepts") or [])
    bad = [t for t in acc if t not in SENTENCE_TYPES]
    if bad:
        raise InputError(f"提纲文件 {p} 章节 {s['id']} 的 accepts 含未知句子类型：{', '.join(map(str, bad))}"
                         f"（可选：{', '.join(SENTENCE_TYPES)}）")
    return acc

TOPIC_CUES = Path(__file__).parent / "data" / "topic_cues.yaml"


@lru_cache(maxsize=1)
def topic_cues() -> dict[str, re.Pattern]:
    """Named topic cue sets (data/topic_cues.yaml), each compiled into one pattern."""
    raw = yaml.safe_load(TOPIC_CUES.read_text(encoding="utf-8")) or {}
    return {name: re.compile("|".join(f"(?:{p})" for p in pats)) for name, pats in raw.items()}


def _topic(s: dict, p) -> str | tuple[str, ...]:
    """A section's topic: one cue set's name, or a list of names (a sentence matching any of them is on topic)."""
    topic = s.get("topic") or ""
    names = [topic] if isinstance(topic, str) else list(topic)
    for name in names:
        if name and name not in topic_cues():
            raise InputError(f"提纲文件 {p} 章节 {s['id']} 的 topic 未定义：{name}"
                             f"（可选：{', '.join(topic_cues())}，见 {TOPIC_CUES.name}）")
    return topic if isinstance(topic, str) else tuple(names)


def report_kinds(from_data: bool = False) -> dict[str, str]:
    """Built-in report kinds → report names, read from the outline files (their `report:` and `name:`).
    `from_data`: only the reports drafted from data bindings (some section names `data:`)."""
    out = {}
    for f in sorted(OUTLINE_DIR.glob("*.yaml")):
        try:
            raw = yaml.safe_load(f.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError:
            continue
        if not isinstance(raw, dict) or not raw.get("report"):
            continue
        if from_data and not any(isinstance(s, dict) and s.get("data") for s in raw.get("sections") or []):
            continue
        out[str(raw["report"])] = str(raw.get("name") or raw["report"])
    return out


REPORT_KINDS = tuple(report_kinds())


def _placeholder_values(profile) -> dict[str, list[str]]:
    if profile is None:
        return {}
    return {"industry": [profile.industry], "alias": [a for a in profile.aliases if a != profile.industry],
            "metric": [m.name for m in profile.metrics],
            "unit": list(dict.fromkeys(m.unit for m in profile.metrics if m.unit)), "term": list(profile.terms)}


def expand_query(template: str, values: dict[str, list[str]], limit: int = MAX_QUERIES_PER_TEMPLATE) -> list[str]:
    """One query per value of the template's placeholders (several placeholders advance together);
    [] when a placeholder has no value."""
    names = list(dict.fromkeys(_PLACEHOLDER.findall(template)))
    if not names:
        return [template]
    lists = [values.get(n) or [] for n in names]
    if not all(lists):
        return []
    n = min(max(len(x) for x in lists), limit)
    return list(dict.fromkeys(
        _PLACEHOLDER.sub(lambda m: lists[names.index(m.group(1))][i % len(lists[names.index(m.group(1))])], template)
        for i in range(n)))


def expand_pattern(pattern: str, values: dict[str, list[str]]) -> str | None:
    """The pattern with each placeholder as an alternation of its (escaped) values; None when one has none."""
    def alt(m):
        vals = values.get(m.group(1)) or []
        return "(?:" + "|".join(re.escape(v) for v in sorted(vals, key=len, reverse=True)) + ")" if vals else None
    if not _PLACEHOLDER.search(pattern):
        return pattern
    missing = [n for n in _PLACEHOLDER.findall(pattern) if not values.get(n)]
    return None if missing else _PLACEHOLDER.sub(alt, pattern)


@dataclass
class Element:
    """A required element of a section (e.g. 数据来源), recognised by any of its regex patterns."""

    id: str
    name: str
    patterns: list[str]

    def regexes(self) -> list:
        """The patterns compiled with a time bound (user outlines may carry pathological ones); patterns
        with unfilled placeholders (outline not expanded with a profile) are left out."""
        return [compile_user(p, re.M, f"要素 {self.id}") for p in self.patterns if not _PLACEHOLDER.search(p)]

    def found_in(self, text: str) -> bool:
        """Any pattern matches; patterns with unfilled placeholders (outline not expanded) are skipped."""
        return any(rx.search(text) for rx in self.regexes())


@dataclass
class Section:
    id: str
    title: str
    purpose: str = ""
    aliases: list[str] = field(default_factory=list)
    required_elements: list[Element] = field(default_factory=list)
    queries: list[str] = field(default_factory=list)
    data: list[str] = field(default_factory=list)
    target_chars: int = 600
    min_chars: int = 150
    filters: dict = field(default_factory=dict)
    accepts: list[str] = field(default_factory=list)  # sentence types the section takes (draft/sentences.py)
    # a named cue set in data/topic_cues.yaml its evidence sentences must match ("" = any), or several names (a
    # section comparing two sides, 供需匹配, takes a sentence matching either side's set)
    topic: str | tuple[str, ...] = ""
    # a status section (outline `specific: true`): a statement of fact it quotes gives a figure or names a document,
    # not only a degree word (…不断提升, …快速健全; draft/evidence.vague_fact)
    specific: bool = False
    # a policy section (outline `issuer_order: true`): with a tight budget a national document's sentence comes
    # before a province's, a province's before a city's (draft/evidence.issuer_level)
    issuer_order: bool = False

    @property
    def topic_names(self) -> tuple[str, ...]:
        """The names of the section's topic cue sets (none without a topic)."""
        names = (self.topic,) if isinstance(self.topic, str) else tuple(self.topic)
        return tuple(n for n in names if n)

    def on_topic(self, sent: str) -> bool:
        """Whether an evidence sentence carries one of the section's topic cues (always, without a topic)."""
        names = self.topic_names
        return not names or any(topic_cues()[n].search(sent) for n in names)

    @property
    def names(self) -> list[str]:
        """Title and aliases: every name under which a report may carry this section."""
        return [self.title, *self.aliases]


@dataclass
class Outline:
    report: str
    name: str
    title: str
    criterion: str
    sections: list[Section]
    path: str
    profile: object = None  # the industry profile the outline was expanded with (None: generic)

    def section(self, section_id: str) -> Section:
        for s in self.sections:
            if s.id == section_id:
                return s
        raise InputError(f"提纲 {self.path} 中没有章节 {section_id!r}")

    def report_title(self, year: int, industry: str | None = None) -> str:
        name = industry or (self.profile.industry if self.profile is not None else "")
        return self.title.format(industry=name, year=year)

    def data_names(self) -> list[str]:
        """Every data binding the outline's sections name, in order of first use."""
        return list(dict.fromkeys(b for s in self.sections for b in s.data))

    def expanded(self, profile) -> "Outline":
        """A copy with the queries and element patterns filled from `profile` (see the module doc),
        the profile's extra queries for each section appended. `profile=None` keeps the generic ones."""
        values = _placeholder_values(profile)
        out = copy.deepcopy(self)
        out.profile = profile
        for sec in out.sections:
            queries = [q for t in sec.queries for q in expand_query(t, values)]
            if profile is not None:
                queries += list(profile.extra_queries(sec.id))
            sec.queries = list(dict.fromkeys(queries))
            for e in sec.required_elements:
                e.patterns = [x for x in (expand_pattern(p, values) for p in e.patterns) if x]
        return out


def builtin_outline_path(report: str) -> Path:
    kinds = report_kinds()
    if report not in kinds:
        raise InputError(f"未知的报告类型 {report!r}，可选：{', '.join(kinds)}")
    return OUTLINE_DIR / f"{report}.yaml"


def load_outline(report: str | None = None, path: str | Path | None = None) -> Outline:
    """Load an outline by report kind (built-in) or from a user file. Errors name the file and key.

    Parsed files are cached by path and modification time (YAML parsing dominates a small check);
    each caller gets its own copy."""
    p = Path(path) if path else builtin_outline_path(report or "")
    if not p.is_file():
        raise InputError(f"提纲文件不存在：{p}")
    return copy.deepcopy(_parse_outline(str(p.resolve()), p.stat().st_mtime_ns))


@lru_cache(maxsize=32)
def _parse_outline(path: str, mtime_ns: int) -> Outline:
    p = Path(path)
    try:
        raw = yaml.safe_load(p.read_text(encoding="utf-8"))
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"第 {mark.line + 1} 行" if mark else ""
        raise InputError(f"提纲文件 {p} {where} YAML 格式错误：{getattr(e, 'problem', e)}") from e
    if not isinstance(raw, dict) or not isinstance(raw.get("sections"), list):
        raise InputError(f"提纲文件 {p} 缺少 sections 列表")
    if "industry" in raw:
        raise InputError(f"提纲文件 {p} 含 industry 字段：提纲不再写行业名称，请用 --industry 名称 或 --profile 行业配置.yaml")
    unknown = set(raw) - _TOP_KEYS
    if unknown:
        raise InputError(f"提纲文件 {p} 含未知字段：{', '.join(sorted(unknown))}")
    sections = []
    for i, s in enumerate(raw["sections"]):
        if not isinstance(s, dict) or "id" not in s or "title" not in s:
            raise InputError(f"提纲文件 {p} 第 {i + 1} 个章节缺少 id 或 title")
        bad = set(s) - _SECTION_KEYS
        if bad:
            raise InputError(f"提纲文件 {p} 章节 {s['id']} 含未知字段：{', '.join(sorted(bad))}")
        elements = []
        for e in s.get("required_elements") or []:
            if not isinstance(e, dict) or not {"id", "name", "patterns"} <= set(e):
                raise InputError(f"提纲文件 {p} 章节 {s['id']} 的 required_elements 需含 id、name、patterns")
            for pat in e["patterns"] if isinstance(e["patterns"], list) else [e["patterns"]]:
                compile_user(pat, re.M, f"提纲文件 {p} 章节 {s['id']} 要素 {e['id']}")
            elements.append(Element(id=e["id"], name=e["name"], patterns=list(e["patterns"])))
        for q in s.get("queries") or []:
            bad_fields = [f for f in _ANY_FIELD.findall(str(q)) if f not in PLACEHOLDERS]
            if bad_fields:
                raise InputError(f"提纲文件 {p} 章节 {s['id']} 的检索词 {q!r} 含未知占位符 "
                                 f"{{{bad_fields[0]}}}（可用：{'、'.join('{' + x + '}' for x in PLACEHOLDERS)}）")
        sections.append(Section(
            id=s["id"], title=s["title"], purpose=s.get("purpose", ""), aliases=list(s.get("aliases") or []),
            required_elements=elements, queries=list(s.get("queries") or []), data=list(s.get("data") or []),
            target_chars=_count(p, s, "target_chars", 600), min_chars=_count(p, s, "min_chars", 150),
            filters=dict(s.get("filters") or {}), accepts=_accepts(s, p), topic=_topic(s, p),
            specific=bool(s.get("specific", False)), issuer_order=bool(s.get("issuer_order", False)),
        ))
    if not sections:
        raise InputError(f"提纲文件 {p} 的 sections 列表为空，至少需要一个章节")
    _check_title(p, raw.get("title", p.stem))
    return Outline(report=raw.get("report", p.stem), name=raw.get("name", p.stem), title=raw.get("title", p.stem),
                   criterion=raw.get("criterion", "监测指标(二)"), sections=sections, path=str(p))


TITLE_FIELDS = ("industry", "year")


def _count(p: Path, s: dict, key: str, default: int) -> int:
    """A section's character count (target_chars, min_chars): a whole number, 0 or more."""
    v = s.get(key, default)
    if isinstance(v, bool) or not isinstance(v, (int, str)) or not str(v).strip().isdigit():
        raise InputError(f"提纲文件 {p} 章节 {s['id']} 的 {key} 应为不小于 0 的整数（字数），当前为 {v!r}")
    return int(v)


def _check_title(p: Path, title) -> None:
    """The title may use only {industry} and {year}: found at load, not after the whole draft is done."""
    if not isinstance(title, str):
        raise InputError(f"提纲文件 {p} 的 title 应为文字，当前为 {title!r}")
    try:
        fields = [f for _, f, _, _ in string.Formatter().parse(title) if f is not None]
    except ValueError as e:
        raise InputError(f"提纲文件 {p} 的 title 格式错误（{e}）：{title!r}；花括号只能用于 "
                         f"{', '.join('{' + f + '}' for f in TITLE_FIELDS)}") from e
    unknown = [f for f in fields if f not in TITLE_FIELDS]
    if unknown:
        raise InputError(f"提纲文件 {p} 的 title 含未知字段 {', '.join('{' + f + '}' for f in unknown)}；"
                         f"可用：{', '.join('{' + f + '}' for f in TITLE_FIELDS)}")
