"""Rule packs: YAML data (assistant/rules/*.yaml) loaded into one Python class per rule kind.

A pack file looks like

    pack: objectivity
    defaults: {category: objectivity, level: warning, criterion: 监测指标(二)·客观}
    definitions: {attribution: [regex, ...]}   # named pattern lists shared by all packs
    parameters: {release_min_figure_share: 0.7} # named numbers shared by all packs (thresholds of a stage)
    rules:
      - id: objectivity.absolute
        kind: existence
        message: ...
        tokens: [...]
        exceptions: [...]
        suggestion: ...

The engine implements only the kinds; every finding has the shape of `findings.Finding`.
A malformed pack (YAML syntax, unknown kind or key, bad regex) raises InputError naming the file
and line.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import yaml

from ..errors import InputError
from ..safe_regex import compile_user
from .figures import Figure, find_figures
from .findings import CATEGORIES, LEVELS, Finding
from .structure import Document, DocSection

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"
KINDS: dict[str, type["Rule"]] = {}
COMMON_KEYS = {"id", "kind", "level", "category", "criterion", "message", "suggestion", "tokens", "patterns",
               "exceptions", "description", "reports", "criteria", "enabled"}


def kind(name: str):
    def deco(cls):
        cls.kind_name = name
        KINDS[name] = cls
        return cls
    return deco


# ------------------------------------------------------------------ YAML with line numbers
class _LineLoader(yaml.SafeLoader):
    pass


def _construct_mapping(loader, node, deep=False):
    mapping = yaml.SafeLoader.construct_mapping(loader, node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _strip_lines(obj):
    if isinstance(obj, dict):
        return {k: _strip_lines(v) for k, v in obj.items() if k != "__line__"}
    if isinstance(obj, list):
        return [_strip_lines(v) for v in obj]
    return obj


class RuleFileError(InputError):
    def __init__(self, path: Path | str, line: int | None, problem: str):
        self.path, self.line, self.problem = str(path), line, problem
        where = f" 第 {line} 行" if line else ""
        super().__init__(f"规则文件 {path}{where}：{problem}")


def _compile(path: Path, line: int, pats: Iterable[str], what: str) -> list[re.Pattern]:
    out = []
    for p in pats or []:
        if not isinstance(p, str):
            raise RuleFileError(path, line, f"{what} 中的条目必须是字符串：{p!r}")
        try:
            out.append(compile_user(p))  # time-bounded; pathological patterns rejected here
        except InputError as e:
            raise RuleFileError(path, line, f"{what}：{e}") from e
    return out


def _alternation(path: Path, line: int, tokens: list[str] | None, patterns: list[str] | None) -> re.Pattern | None:
    parts = [re.escape(t) for t in sorted(tokens or [], key=len, reverse=True)]
    for p in _compile(path, line, patterns, "patterns"):
        parts.append(f"(?:{p.pattern})")
    if not parts:
        return None
    try:
        return compile_user("|".join(parts))
    except InputError as e:
        raise RuleFileError(path, line, str(e)) from e


# ------------------------------------------------------------------ context shared by rules
@dataclass
class Context:
    doc: Document
    outline: Any = None  # assistant.outline.Outline
    report: str | None = None
    report_year: int | None = None
    kb: Any = None
    mapping: dict[str, DocSection] = field(default_factory=dict)
    definitions: dict[str, list[re.Pattern]] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    authorities: list[str] = field(default_factory=list)  # the profile's bodies (--industry/--profile)
    parameters: dict[str, Any] = field(default_factory=dict)  # the packs' named numbers
    _figures: list[Figure] | None = None
    _cache: dict = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.doc.text

    def figures(self) -> list[Figure]:
        if self._figures is None:
            self._figures = [f for f in find_figures(self.text) if self.is_body(f.start)]
        return self._figures

    def is_body(self, pos: int) -> bool:
        p = self.doc.paragraph_at(pos)
        return bool(p) and p.kind == "text"

    def body_sentences(self):
        """(start, end, sentence) of every sentence in body text (not headings, tables or references)."""
        text = self.text
        for ss, se in self.doc.sentences():
            if self.is_body(ss):
                yield ss, se, text[ss:se]

    def found_sections(self):
        """(outline section, the document's section) for each outline section the document has."""
        if self.outline is None:
            return
        for sec in self.outline.sections:
            ds = self.mapping.get(sec.id)
            if ds is not None:
                yield sec, ds

    def defs(self, name: str) -> list[re.Pattern]:
        if name not in self.definitions:
            raise InputError(f"规则引用了未定义的 definitions.{name}")
        return self.definitions[name]

    def matches(self, name_or_pats, start: int, end: int) -> bool:
        pats = self.defs(name_or_pats) if isinstance(name_or_pats, str) else name_or_pats
        seg = self.text[start:end]
        if isinstance(name_or_pats, str) and f"vague_{name_or_pats}" in self.definitions:
            seg = blank_out(seg, self.definitions[f"vague_{name_or_pats}"])
        if name_or_pats == "attribution" and self.authorities and any(a in seg for a in self.authorities):
            return True
        return any(p.search(seg) for p in pats)

    # --- attribution scope (issue 9): a lead, a speaker, a named document or the byline covers what follows
    def source(self):
        """The document-level source model (sources.py): header, closing line, release layout, notes blocks."""
        if "source" not in self._cache:
            from .sources import build_source_model
            self._cache["source"] = build_source_model(self)
        return self._cache["source"]

    def byline(self) -> str | None:
        """The publisher named at the top of the document (来源：X, X发布, a title ending in （X）, a body's name
        alone, a release title), or None."""
        return self.source().header

    def byline_covers(self, pos: int | None = None) -> bool:
        """The document's own source covers `pos`: a byline, a closing 来源 line or the release layout covering the
        whole text (an authority, or any publisher when the document is not one of the community's report kinds),
        or a notes block (注：、资料来源：) below `pos` naming a source."""
        return self.source().covers(pos)

    def self_report(self, name: str) -> bool:
        """The document is an organisation's account of itself (a college's quality report, a self-assessment, a
        work summary): its title or first lines say so (definitions.<name>). Only when no report kind is set or
        detected, since the community's analysis reports must source their figures."""
        if self.report is not None or name not in self.definitions:
            return False
        key = ("self_report", name)
        if key not in self._cache:
            heads = [p.text for p in self.doc.paragraphs if p.text.strip()][:3]
            self._cache[key] = any(r.search(h) for h in heads for r in self.definitions[name])
        return self._cache[key]

    def vague_source_in_sentence(self, name: str, pos: int) -> bool:
        """The sentence names only a vague source (相关资料显示、据统计): that source takes over from any source named
        earlier, so the sentence's figures are not covered by the paragraph or the lead."""
        vague = self.definitions.get(f"vague_{name}")
        if not vague:
            return False
        s, e = self.doc.sentence_at(pos)
        named = any(not ANAPHOR.fullmatch(m.group().strip()) for r in vague for m in r.finditer(self.text, s, e))
        return named and not self.sentence_has(name, pos)

    def lead_in_scope(self, pos: int, data_only: bool = False) -> bool:
        """A source named in running text earlier in the same section (a news lead, a speaker, a named report)
        covers the paragraphs after it until the next heading. With `data_only`, only a news lead counts: the
        document's first body paragraph, reporting published data (a release, a report, statistics), not a
        speaker's opinion nor a source cited somewhere in a report's own section."""
        sec = self.doc.section_at(pos)
        start = sec.body_start if sec else 0
        para = self.doc.paragraph_at(pos)
        end = para.start if para else pos
        byline = self.byline()
        first = next((p for p in self.doc.paragraphs if p.kind == "text" and p.text.strip()
                      and not (byline and p.text.strip() == byline)), None)
        for p in self.doc.paragraphs:
            if p.start < start or p.start >= end or p.kind != "text" or (byline and p.text.strip() == byline):
                continue  # the byline is judged by byline_covers, not as a lead
            if data_only and p is not first:
                continue
            if not data_only:
                if self.paragraph_has("attribution", p.start):
                    return True
                continue
            rest = PREAMBLE.sub(lambda m: " " * len(m.group()), p.text)
            if DATA_WORDS.search(rest) and (rest == p.text and self.paragraph_has("attribution", p.start)
                                            or rest != p.text and self._has_attribution(rest)):
                return True
        return False

    def headline_led(self, pos: int) -> bool:
        """Round 11: `pos` is in the document's headline block — the title and the short lines after it (a subtitle, a
        headline figure: 国际航线同比增长超二点五倍), none a full sentence — and the lead, the first full paragraph
        right after that block, names a source in running text (not a vague one): the headline summarises the lead's
        data, so the lead's source covers it. The line length is parameters.headline_max_chars."""
        most = int(self.parameters.get("headline_max_chars", 40))
        para = self.doc.paragraph_at(pos)
        if para is None or para.kind != "text":
            return False
        seen = False
        for p in self.doc.paragraphs:
            t = p.text.strip()
            if not t:
                continue
            short = p.kind in ("title", "heading") or (p.kind == "text" and len(t) <= most
                                                       and not t.endswith(("。", "！", "？", "；")) and "。" not in t)
            if short:
                seen = seen or p.start == para.start
                continue
            # the first full paragraph: the lead
            return seen and p.kind == "text" and not self.vague_source_in_sentence("attribution", p.start) \
                and self._has_attribution(p.text)
        return False

    def _has_attribution(self, seg: str) -> bool:
        if "vague_attribution" in self.definitions:
            seg = blank_out(seg, self.definitions["vague_attribution"])
        if self.authorities and any(a in seg for a in self.authorities):
            return True
        return any(p.search(seg) for p in self.definitions.get("attribution") or [])

    def cn_figures(self, start: int, end: int | None = None) -> list[Figure]:
        """Figures written with Chinese numerals or multiples (七成、两倍、翻一番、千亿级、供需比0.38), from
        definitions.cn_figure; used by the evidence rules and the vague-amount check, not by consistency."""
        pats = self.definitions.get("cn_figure") or []
        seg = self.text[start:end]
        out = []
        for p in pats:
            for m in p.finditer(seg):
                if m.end() > m.start():
                    out.append(Figure(start + m.start(), start + m.end(), float("nan"), "cn", m.group()))
        return sorted(out, key=lambda f: f.start)

    def all_figures(self, start: int, end: int) -> list[Figure]:
        figs = find_figures(self.text, start, end)
        taken = [(f.start, f.end) for f in figs]
        figs += [f for f in self.cn_figures(start, end) if not any(a < f.end and f.start < b for a, b in taken)]
        return sorted(figs, key=lambda f: f.start)

    def sentence_has(self, name: str, pos: int) -> bool:
        s, e = self.doc.sentence_at(pos)
        key = (name, "s", s)
        if key not in self._cache:
            self._cache[key] = self.matches(name, s, e)
        return self._cache[key]

    def paragraph_has(self, name: str, pos: int) -> bool:
        p = self.doc.paragraph_at(pos)
        if not p:
            return False
        key = (name, "p", p.start)
        if key not in self._cache:
            self._cache[key] = self.matches(name, p.start, p.end)
        return self._cache[key]

    def section_has(self, name: str, pos: int) -> bool:
        s = self.doc.section_at(pos)
        if not s:
            return self.paragraph_has(name, pos)
        key = (name, "sec", s.start)
        if key not in self._cache:
            self._cache[key] = self.matches(name, s.start, s.end)
        return self._cache[key]

    def in_outline_section(self, pos: int, ids: Iterable[str]) -> bool:
        ids = set(ids)
        for oid, ds in self.mapping.items():
            if oid in ids and ds.start <= pos < ds.end:
                return True
        return False


DATA_WORDS = re.compile(r"数据|报告|统计|监测|调查|公报|周报|月报|年报|发布")
# “数据显示”“调查表明” with nothing before them point back at the source already named, not at a new one
ANAPHOR = re.compile(r"(?:统计)?(?:数据|统计|调查|研究|调研)(?:报告)?(?:结果)?(?:显示|表明)")
# a preamble naming the document a text was written under (根据《……通知》的要求编制) is not a data source
PREAMBLE = re.compile(r"(?:根据|按照|依据|为(?:贯彻)?落实|遵照)[^。；]{0,8}?《[^》]{2,80}?(?:通知|意见|办法|决定|方案|纲要|规定|指南)》"
                      r"(?:[^。；]{0,12}?(?:精神|要求|规定|部署))?")


def blank_out(seg: str, pats: list[re.Pattern]) -> str:
    """Replace every match of pats with spaces (same length), so vague attributions (据不完全统计、相关调查显示)
    cannot count as a source."""
    for p in pats:
        seg = p.sub(lambda m: " " * len(m.group()), seg)
    return seg


# ------------------------------------------------------------------ base rule
class Rule:
    kind_name = "?"
    extra_keys: set[str] = set()

    def __init__(self, spec: dict, path: Path, line: int, defaults: dict):
        self.path, self.line = path, line
        allowed = COMMON_KEYS | self.extra_keys
        unknown = set(spec) - allowed
        if unknown:
            raise RuleFileError(path, line, f"规则 {spec.get('id', '?')} 含未知字段：{', '.join(sorted(unknown))}"
                                f"（{self.kind_name} 类规则可用：{', '.join(sorted(allowed))}）")
        merged = {**defaults, **spec}
        for key in ("id", "level", "category", "criterion", "message"):
            if not merged.get(key):
                raise RuleFileError(path, line, f"规则 {spec.get('id', '?')} 缺少必填字段 {key}")
        self.spec = merged
        self.id: str = merged["id"]
        self.level: str = merged["level"]
        self.category: str = merged["category"]
        self.criterion: str = merged["criterion"]
        self.message: str = merged["message"]
        self.suggestion: str = merged.get("suggestion", "")
        self.reports: list[str] | None = merged.get("reports")
        self.criteria: dict[str, str] = merged.get("criteria") or {}
        self.enabled: bool = merged.get("enabled", True)
        if self.level not in LEVELS:
            raise RuleFileError(path, line, f"规则 {self.id} 的 level 必须是 {'/'.join(LEVELS)}，当前为 {self.level!r}")
        if self.category not in CATEGORIES:
            raise RuleFileError(path, line, f"规则 {self.id} 的 category 必须是 {'/'.join(CATEGORIES)}，当前为 {self.category!r}")
        self.exceptions = _compile(path, line, merged.get("exceptions"), "exceptions")
        self.setup()

    def setup(self) -> None:
        """Compile kind-specific keys (raise RuleFileError on bad values)."""

    def applies(self, ctx: Context) -> bool:
        if not self.enabled:
            return False
        if ctx.report is None:  # kind not detected: the generic span checks run, outline-bound ones do not
            return self.category in ("objectivity", "evidence", "consistency")
        return self.reports is None or ctx.report in self.reports

    def check(self, ctx: Context) -> list[Finding]:
        raise NotImplementedError

    def _pats(self, key: str, required: bool = False) -> list[re.Pattern]:
        val = self.spec.get(key)
        if val is None:
            if required:
                raise RuleFileError(self.path, self.line, f"规则 {self.id} 缺少字段 {key}")
            return []
        if isinstance(val, str):
            val = [val]
        return _compile(self.path, self.line, val, key)

    def excepted(self, text: str, s: int, e: int, window: int = 20) -> bool:
        """True when an exception pattern matches a span that covers [s, e)."""
        ws = max(0, s - window)
        seg = text[ws:e + window]
        for p in self.exceptions:
            for m in p.finditer(seg):
                if m.start() + ws <= s and m.end() + ws >= e:
                    return True
        return False

    def finding(self, ctx: Context, start: int, end: int, message: str | None = None, *, text: str | None = None,
                suggestion: str | None = None, section: str | None = None, **fmt) -> Finding:
        t = ctx.text[start:end] if text is None else text
        vals = defaultdict(str, {"text": t, **fmt})
        msg = (message or self.message).format_map(vals)
        sug = (suggestion if suggestion is not None else self.suggestion).format_map(vals)
        return Finding(rule_id=self.id, category=self.category, level=self.level,
                       criterion=self.criteria.get(ctx.report or "", self.criterion),
                       section=section or ctx.doc.section_title_at(start), text=t, span=[start, end],
                       message=msg, suggestion=sug, line=ctx.doc.line_of(start))


# ------------------------------------------------------------------ loading
@dataclass
class RuleSet:
    rules: list[Rule]
    definitions: dict[str, list[re.Pattern]]
    paths: list[str]
    parameters: dict[str, Any] = field(default_factory=dict)

    def by_id(self, rule_id: str) -> Rule:
        for r in self.rules:
            if r.id == rule_id:
                return r
        raise KeyError(rule_id)


VOCAB_REF = re.compile(r"\{\{(\w+)\}\}")


def _vocabulary(path: Path, raw) -> dict[str, str]:
    """A pack's `vocabulary:` — named word classes (measurable change predicates, action verbs…), each a list of
    plain words; a pattern of the same pack names one as {{name}} and gets the alternation of its words."""
    if raw is None:
        return {}
    line = raw.get("__line__") if isinstance(raw, dict) else None
    raw = _strip_lines(raw) if isinstance(raw, dict) else raw
    if not isinstance(raw, dict):
        raise RuleFileError(path, line, "vocabulary 必须是“名称: 词表”的映射")
    out = {}
    for name, words in raw.items():
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and w for w in words):
            raise RuleFileError(path, line, f"vocabulary.{name} 必须是非空的词语列表")
        out[name] = "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"
    return out


def _expand(path: Path, line: int | None, pattern, vocabulary: dict[str, str]):
    if not isinstance(pattern, str):
        return pattern
    def sub(m):
        if m.group(1) not in vocabulary:
            raise RuleFileError(path, line, f"模式引用了未定义的词表 vocabulary.{m.group(1)}：{pattern}")
        return vocabulary[m.group(1)]
    return VOCAB_REF.sub(sub, pattern)


def load_pack(path: Path) -> tuple[list[Rule], dict[str, list[re.Pattern]], dict[str, Any]]:
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
        raise RuleFileError(path, mark.line + 1 if mark else None,
                            f"YAML 格式错误：{getattr(e, 'problem', None) or e}") from e
    except UnicodeDecodeError as e:
        raise RuleFileError(path, None, "不是 UTF-8 编码") from e
    if not isinstance(raw, dict) or not isinstance(raw.get("rules"), list):
        raise RuleFileError(path, 1, "顶层需要 rules 列表")
    unknown = set(raw) - {"pack", "defaults", "definitions", "parameters", "vocabulary", "rules", "description",
                          "__line__"}
    if unknown:
        raise RuleFileError(path, raw.get("__line__"), f"顶层含未知字段：{', '.join(sorted(unknown))}")
    defaults = _strip_lines(raw.get("defaults") or {})
    vocabulary = _vocabulary(path, raw.get("vocabulary"))
    definitions = {}
    for name, pats in _strip_lines(raw.get("definitions") or {}).items():
        if not isinstance(pats, list):
            raise RuleFileError(path, raw["definitions"].get("__line__"), f"definitions.{name} 必须是正则列表")
        pats = [_expand(path, raw["definitions"].get("__line__"), p, vocabulary) for p in pats]
        definitions[name] = _compile(path, raw["definitions"].get("__line__"), pats, f"definitions.{name}")
    parameters = _strip_lines(raw.get("parameters") or {})
    if not isinstance(parameters, dict) or not all(isinstance(v, (int, float)) and not isinstance(v, bool)
                                                   for v in parameters.values()):
        raise RuleFileError(path, raw.get("__line__"), "parameters 必须是“名称: 数值”的映射")
    rules = []
    for item in raw["rules"]:
        if not isinstance(item, dict):
            raise RuleFileError(path, None, f"rules 中的条目必须是映射：{item!r}")
        line = item.get("__line__")
        spec = _strip_lines(item)
        for key in ("patterns", "exceptions"):
            if isinstance(spec.get(key), list):
                spec[key] = [_expand(path, line, p, vocabulary) for p in spec[key]]
        k = spec.get("kind") or defaults.get("kind")
        if k not in KINDS:
            raise RuleFileError(path, line, f"规则 {spec.get('id', '?')} 的 kind 未知：{k!r}（可用：{', '.join(sorted(KINDS))}）")
        rules.append(KINDS[k](spec, path, line, defaults))
    return rules, definitions, parameters


def load_rules(paths: Iterable[str | Path] | None = None) -> RuleSet:
    """Load every pack in assistant/rules (or the given files / folders)."""
    from . import (annual, citations, consistency, kinds_evidence, kinds_metrics, kinds_report,  # noqa: F401
                   kinds_rates, kinds_shares, kinds_tables, kinds_translation, kinds_trends,  # noqa: F401
                   kinds_words)

    files: list[Path] = []
    for p in (paths or [RULES_DIR]):
        p = Path(p)
        if p.is_dir():
            files.extend(sorted(p.glob("*.yaml")))
        elif p.is_file():
            files.append(p)
        else:
            raise InputError(f"规则文件不存在：{p}")
    rules: list[Rule] = []
    definitions: dict[str, list[re.Pattern]] = {}
    parameters: dict[str, Any] = {}
    ids: dict[str, str] = {}
    for f in files:
        rs, defs, params = load_pack(f)
        parameters.update(params)
        for r in rs:
            if r.id in ids:
                raise RuleFileError(f, r.line, f"规则 id 重复：{r.id}（已在 {ids[r.id]} 中定义）")
            ids[r.id] = str(f)
        rules.extend(rs)
        for k, v in defs.items():
            definitions.setdefault(k, []).extend(v)
    return RuleSet(rules=rules, definitions=definitions, paths=[str(f) for f in files], parameters=parameters)
