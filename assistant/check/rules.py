"""Rule packs: YAML data (assistant/rules/*.yaml) loaded into one Python class per rule kind.

A pack file looks like

    pack: objectivity
    defaults: {category: objectivity, level: warning, criterion: 监测指标(二)·客观}
    definitions: {attribution: [regex, ...]}   # named pattern lists shared by all packs
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
from .figures import FIGURE_RE, Figure, find_figures, normalise, years_in
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

    def defs(self, name: str) -> list[re.Pattern]:
        if name not in self.definitions:
            raise InputError(f"规则引用了未定义的 definitions.{name}")
        return self.definitions[name]

    def matches(self, name_or_pats, start: int, end: int) -> bool:
        pats = self.defs(name_or_pats) if isinstance(name_or_pats, str) else name_or_pats
        seg = self.text[start:end]
        if isinstance(name_or_pats, str) and f"vague_{name_or_pats}" in self.definitions:
            seg = blank_out(seg, self.definitions[f"vague_{name_or_pats}"])
        return any(p.search(seg) for p in pats)

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
        return self.enabled and (self.reports is None or ctx.report in self.reports)

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


# ------------------------------------------------------------------ objectivity and generic patterns
@kind("existence")
class Existence(Rule):
    """Flag tokens / patterns, minus exceptions, quoted words, attributed sentences or nearby figures.

    unless: any of  quoted      — inside “”「」《》 (a source's own words or a title)
                    attributed  — the sentence names a source (definitions.attribution)
                    figure      — a figure (number + unit) in the same clause
                    figure_sentence — a figure in the same sentence
    """
    extra_keys = {"unless", "headings"}

    def setup(self):
        self.rx = _alternation(self.path, self.line, self.spec.get("tokens"), self.spec.get("patterns"))
        if self.rx is None:
            raise RuleFileError(self.path, self.line, f"规则 {self.id} 需要 tokens 或 patterns")
        self.unless = set(self.spec.get("unless") or ["quoted"])
        bad = self.unless - {"quoted", "attributed", "figure", "figure_sentence"}
        if bad:
            raise RuleFileError(self.path, self.line, f"规则 {self.id} 的 unless 含未知条件：{', '.join(bad)}")
        self.headings = bool(self.spec.get("headings", True))

    def check(self, ctx):
        out = []
        text = ctx.text
        for m in self.rx.finditer(text):
            s, e = m.span()
            if s == e:
                continue
            p = ctx.doc.paragraph_at(s)
            if p is None or p.kind == "table_row" or (p.kind in ("heading", "title") and not self.headings):
                continue
            if self.excepted(text, s, e):
                continue
            if "quoted" in self.unless and ctx.doc.in_quotes(s, e):
                continue
            if "attributed" in self.unless and ctx.sentence_has("attribution", s):
                continue
            if "figure" in self.unless and _clause_has_figure(ctx, s, e):
                continue
            if "figure_sentence" in self.unless:
                ss, se = ctx.doc.sentence_at(s)
                if find_figures(text, ss, se):
                    continue
            out.append(self.finding(ctx, s, e))
        return out


def _clause_has_figure(ctx: Context, s: int, e: int) -> bool:
    text = ctx.text
    cs = max(text.rfind(c, 0, s) for c in "，。；！？\n,;") + 1
    ends = [i for i in (text.find(c, e) for c in "，。；！？\n,;") if i != -1]
    ce = min(ends) if ends else len(text)
    return bool(find_figures(text, cs, ce)) or bool(ctx.cn_figures(cs, ce))


# ------------------------------------------------------------------ evidence
@kind("unsourced_figure")
class UnsourcedFigure(Rule):
    """A sentence with a specific figure, and no attribution in its sentence or paragraph."""
    extra_keys = {"attribution", "own_data", "skip_sections", "skip_sentences", "skip_units", "citation"}

    def setup(self):
        # inline citations（来源：……）/[1] bind to the figures before them in the paragraph, not to later ones
        self.citation = self._pats("citation")
        self.attr_name = self.spec.get("attribution", "attribution")
        self.own_name = self.spec.get("own_data")
        self.skip_sections = list(self.spec.get("skip_sections") or [])
        self.skip_sentences = self._pats("skip_sentences")
        self.skip_units = set(self.spec.get("skip_units") or [])

    def check(self, ctx):
        out = []
        by_sentence: dict[tuple[int, int], list[Figure]] = {}
        figs_all = list(ctx.figures())
        taken = [(f.start, f.end) for f in figs_all]
        figs_all += [f for f in ctx.cn_figures(0) if ctx.is_body(f.start)
                     and not any(a < f.end and f.start < b for a, b in taken)]
        figs_all.sort(key=lambda f: f.start)
        for f in figs_all:
            if f.unit in self.skip_units or ctx.doc.in_quotes(f.start, f.end) or self.excepted(ctx.text, f.start, f.end):
                continue
            by_sentence.setdefault(ctx.doc.sentence_at(f.start), []).append(f)
        for (ss, se), figs in by_sentence.items():
            if self.skip_sections and ctx.in_outline_section(ss, self.skip_sections):
                continue
            sent = ctx.text[ss:se]
            if any(p.search(sent) for p in self.skip_sentences):
                continue
            if self.own_name and ctx.paragraph_has(self.own_name, ss):
                continue
            if ctx.paragraph_has(self.attr_name, ss):
                cites = self._citations(ctx, ss)
                if cites is None:
                    continue  # a source named in running text covers the whole paragraph
                figs = [f for f in figs if not any(c >= f.end for c in cites)]
                if not figs:
                    continue
            out.append(self.finding(ctx, figs[0].start, figs[-1].end, n=len(figs)))
        return out

    def _citations(self, ctx, pos: int) -> list[int] | None:
        """Start offsets of inline citations in the paragraph, or None when the paragraph's attribution is
        (also) in running text, which then covers the whole paragraph."""
        if not self.citation:
            return None
        p = ctx.doc.paragraph_at(pos)
        if not p:
            return None
        key = ("cites", p.start)
        if key not in ctx._cache:
            seg = ctx.text[p.start:p.end]
            starts = [p.start + m.start() for c in self.citation for m in c.finditer(seg)]
            rest = blank_out(seg, self.citation)
            if f"vague_{self.attr_name}" in ctx.definitions:
                rest = blank_out(rest, ctx.definitions[f"vague_{self.attr_name}"])
            running = any(a.search(rest) for a in ctx.defs(self.attr_name))
            lead = any(st - p.start <= 2 for st in starts)  # “（来源：……）”开头：覆盖整段
            ctx._cache[key] = None if (running or lead or not starts) else sorted(starts)
        return ctx._cache[key]


@kind("forecast")
class Forecast(Rule):
    """A forecast with a figure must state its method and assumptions (and a horizon)."""
    extra_keys = {"triggers", "targets", "method", "horizon", "assumptions", "require"}

    def setup(self):
        self.triggers = self._pats("triggers", required=True)
        self.targets = self._pats("targets")
        self.parts = {k: self._pats(k) for k in ("method", "horizon", "assumptions")}
        self.require = list(self.spec.get("require") or ["method", "horizon", "assumptions"])
        self.names = {"method": "预测方法", "horizon": "预测期", "assumptions": "假设条件"}

    def check(self, ctx):
        out = []
        text = ctx.text
        for ss, se in ctx.doc.sentences():
            if not ctx.is_body(ss):
                continue
            sent = text[ss:se]
            m = next((mm for p in self.triggers for mm in [p.search(sent)] if mm), None)
            if not m or not ctx.all_figures(ss, se):
                continue
            if any(p.search(sent) for p in self.targets) or ctx.sentence_has("attribution", ss):
                continue
            sec = ctx.doc.section_at(ss)
            para = ctx.doc.paragraph_at(ss)
            scopes = [sent, text[para.start:para.end] if para else ""]
            if sec:  # a method stated earlier in the section covers later forecasts, not earlier ones
                scopes.append(text[sec.start:para.end if para else se])
            missing = [k for k in self.require if not any(p.search(sc) for p in self.parts[k] for sc in scopes)]
            if missing:
                out.append(self.finding(ctx, ss + m.start(), se, missing="、".join(self.names[k] for k in missing)))
        return out


@kind("gap_baseline")
class GapBaseline(Rule):
    """A gap (缺口) with a figure must say what it is measured against."""
    extra_keys = {"triggers", "baseline", "vague_triggers"}

    def setup(self):
        self.triggers = self._pats("triggers", required=True)
        self.baseline = self._pats("baseline", required=True)
        # 缺口 described by an evaluative word and no figure at all (缺口巨大、缺口持续扩大)
        self.vague_triggers = self._pats("vague_triggers")

    def check(self, ctx):
        out = []
        text = ctx.text
        for ss, se in ctx.doc.sentences():
            if not ctx.is_body(ss):
                continue
            sent = text[ss:se]
            m = next((mm for p in self.triggers for mm in [p.search(sent)] if mm), None)
            if not m or ctx.doc.in_quotes(ss + m.start(), ss + m.end()):
                continue
            figs = [f for f in ctx.all_figures(ss, se) if not f.is_percent]
            if not figs:
                vm = next((mm for p in self.vague_triggers for mm in [p.search(sent)] if mm), None)
                if vm is None or ctx.doc.in_quotes(ss + vm.start(), ss + vm.end()):
                    continue
                para = ctx.doc.paragraph_at(ss)
                scope = text[para.start:para.end] if para else sent
                if any(p.search(scope) for p in self.baseline) or self.excepted(text, ss + vm.start(), ss + vm.end()):
                    continue
                out.append(self.finding(ctx, ss + vm.start(), ss + vm.end()))
                continue
            para = ctx.doc.paragraph_at(ss)
            scope = text[para.start:para.end] if para else sent
            if any(p.search(scope) for p in self.baseline):
                continue
            if self.excepted(text, ss + m.start(), ss + m.end()):
                continue
            f0 = min(figs, key=lambda f: abs(f.start - (ss + m.start())))
            s, e = min(ss + m.start(), f0.start), max(ss + m.end(), f0.end)
            out.append(self.finding(ctx, s, e))
        return out


# ------------------------------------------------------------------ consistency
@dataclass
class MetricValue:
    key: tuple  # (year, period, subject, metric)
    value: float  # in base units
    unit: str
    fig: Figure
    year: int
    start: int  # start of the metric name
    growth: float | None = None  # stated growth (%) right after the value
    growth_span: tuple[int, int] | None = None
    compare: tuple[int, float, Figure] | None = None  # 比2023年的949.5万辆 → (2023, value, figure)


PERIOD_RE = re.compile(r"(\d{1,2}\s*[-—～~至]\s*\d{1,2}\s*月|\d{1,2}\s*月(?:底|末)?|第?[一二三四1-4]\s*季度|上半年|下半年|"
                       r"前三季度|年底|年末|末|底)")
GROWTH_AFTER = re.compile(r"^[^。；\d]{0,14}?(?P<g>(?:同比|比上年|较上年|比去年|较去年)?(增长|增加|上升|提高|下降|减少|回落)了?\s*"
                          r"(\d+(?:\.\d+)?)\s*[%％])")
COMPARE_AFTER = re.compile(r"^[^。；\d]{0,6}?(?:比|较|相比)\s*(20\d\d)\s*年(?:的|同期的?)?\s*(\d+(?:\.\d+)?)\s*"
                           r"(万亿元|亿元|万元|万辆|辆|万台|万人|人|GWh|万个|个|家|所|亿|万)\s*"
                           r"(?:同比)?(增长|增加|上升|提高|下降|减少)了?\s*(\d+(?:\.\d+)?)\s*[%％]")


def extract_metric_values(ctx_text: str, doc: Document | None, metrics: list[str], strip: re.Pattern,
                          is_body=None) -> list[MetricValue]:
    """Metric values with an explicit year in the same sentence: 2024年新能源汽车销量1286.6万辆."""
    metric_alt = "|".join(sorted(map(re.escape, metrics), key=len, reverse=True))
    rx = re.compile(rf"(?P<subj>[\u4e00-\u9fa5A-Za-z]{{0,10}}?)(?P<metric>{metric_alt})"
                    rf"(?:[\u4e00-\u9fa5]{{0,2}}?)(?:为|达到|达|是|约为|约|共计|共|合计|累计|实现|完成|超过|突破)?\s*"
                    rf"(?P<num>\d+(?:,\d{{3}})*(?:\.\d+)?)\s*(?P<unit>万亿元|亿元|万元|亿辆|万辆|辆|万台|万人|人|GWh|万个|个|家|所|%|％|万|亿)"
                    rf"(?![\d\u4e00-\u9fa5]{{0,1}}[年月日])")
    out = []
    sent_iter = doc.sentences() if doc else [(m.start(), m.end()) for m in re.finditer(r"[^。！？\n]+[。！？]?", ctx_text)]
    for ss, se in sent_iter:
        if is_body and not is_body(ss):
            continue
        sent = ctx_text[ss:se]
        ys = years_in(sent)
        if not ys:
            continue
        for m in rx.finditer(sent):
            prior = [y for y in ys if y[2] <= m.start("metric")]
            if not prior:
                continue
            year, _, yend = prior[-1]
            if "分别" in sent[m.start("metric"):m.start("num")]:
                continue
            between = sent[yend:m.start("metric")]
            if re.search(r"[—\-～~至]\s*20\d\d", sent[max(0, yend - 12):yend + 6]):
                continue  # a range like 2021—2035年
            if re.search(r"预计|预测|将|有望|目标|力争|规划|计划", sent[:m.start()]):
                continue  # forecasts and targets are not reported values
            pm = PERIOD_RE.search(between)
            period = re.sub(r"\s", "", pm.group()) if pm else ""
            if period in ("末", "底", "年底", "年末"):
                period = "年末"
            subj = strip.sub("", m.group("subj"))
            unit = m.group("unit")
            if unit in ("%", "％") and re.search(r"增长|增速|同比|下降|提高", sent[max(0, m.start("metric") - 4):m.start("num")]):
                continue
            num = float(m.group("num").replace(",", ""))
            value, fam = normalise(num, unit)
            fig = Figure(ss + m.start("num"), ss + m.end("unit"), num, unit, m.group("num") + unit)
            mv = MetricValue(key=(year, period, subj, m.group("metric"), fam), value=value, unit=fam, fig=fig,
                             year=year, start=ss + m.start("metric"))
            after = sent[m.end("unit"):]
            g = GROWTH_AFTER.match(after)
            if g and not re.search(r"[，,]\s*(?:其中|占)", after[:g.start("g")]):
                sign = -1 if g.group(2) in ("下降", "减少", "回落") else 1
                mv.growth = sign * float(g.group(3))
                mv.growth_span = (ss + m.end("unit") + g.start("g"), ss + m.end("unit") + g.end("g"))
            c = COMPARE_AFTER.match(after)
            if c:
                cv, cfam = normalise(float(c.group(2)), c.group(3))
                sign = -1 if c.group(4) in ("下降", "减少") else 1
                mv.compare = (int(c.group(1)), cv, Figure(ss + m.end("unit") + c.start(2), ss + m.end("unit") + c.end(3),
                                                        float(c.group(2)), c.group(3), c.group(2) + c.group(3)))
                mv.growth = sign * float(c.group(6))
                mv.growth_span = (ss + m.end("unit") + c.start(4), ss + m.end("unit") + c.end())
            out.append(mv)
    return out


class _MetricRule(Rule):
    extra_keys = {"metrics", "strip", "tolerance", "tolerance_pp"}

    def setup(self):
        self.metrics = list(self.spec.get("metrics") or [])
        if not self.metrics:
            raise RuleFileError(self.path, self.line, f"规则 {self.id} 需要 metrics 列表")
        self.strip = compile_user(self.spec.get("strip") or r"^(?:年度?|全年|底|末)?(?:我国|全国|中国|国内)?")
        self.tolerance = float(self.spec.get("tolerance", 0.005))
        self.tolerance_pp = float(self.spec.get("tolerance_pp", 1.0))

    def values(self, ctx) -> list[MetricValue]:
        key = ("metric_values", tuple(self.metrics), self.strip.pattern)
        if key not in ctx._cache:
            ctx._cache[key] = extract_metric_values(ctx.text, ctx.doc, self.metrics, self.strip, ctx.is_body)
        return ctx._cache[key]


@kind("metric_consistency")
class MetricConsistency(_MetricRule):
    """The same metric (subject, year, period) given two different values; 万/亿 slips."""
    extra_keys = _MetricRule.extra_keys | {"scale_message"}

    def check(self, ctx):
        out = []
        seen: dict[tuple, MetricValue] = {}
        for mv in self.values(ctx):
            first = seen.get(mv.key)
            if first is None:
                seen[mv.key] = mv
                continue
            a, b = first.value, mv.value
            if a == b or (max(a, b) > 0 and abs(a - b) / max(a, b) <= self.tolerance):
                continue
            ratio = max(a, b) / min(a, b) if min(a, b) > 0 else 0
            subj = f"{mv.key[0]}年{mv.key[1]}{mv.key[2]}{mv.key[3]}"
            if 9000 <= ratio <= 11000:
                msg = self.spec.get("scale_message") or self.message
            else:
                msg = self.message
            out.append(self.finding(ctx, mv.fig.start, mv.fig.end, msg, metric=subj, first=first.fig.text,
                                    first_line=ctx.doc.line_of(first.fig.start)))
        return out


@kind("growth_check")
class GrowthCheck(_MetricRule):
    """Recompute a stated growth rate from the two figures it relates."""
    extra_keys = _MetricRule.extra_keys | {"from_to"}

    def setup(self):
        super().setup()
        self.from_to = self._pats("from_to")

    def _check_pair(self, ctx, prev_value: float, cur_value: float, stated: float, span, **fmt):
        if prev_value <= 0:
            return None
        computed = (cur_value / prev_value - 1) * 100
        if abs(computed - stated) <= max(self.tolerance_pp, abs(stated) * 0.03):
            return None
        return self.finding(ctx, span[0], span[1], stated=f"{stated:g}%", computed=f"{computed:.1f}%", **fmt)

    def check(self, ctx):
        out = []
        values = self.values(ctx)
        by_key: dict[tuple, MetricValue] = {}
        for mv in values:
            by_key.setdefault(mv.key, mv)
        for mv in values:
            if mv.growth is None:
                continue
            if mv.compare:
                prev_value = mv.compare[1]
                basis = mv.compare[2].text
            else:
                y, period, subj, metric, fam = mv.key
                prev = by_key.get((y - 1, period, subj, metric, fam))
                if prev is None:
                    continue
                prev_value, basis = prev.value, prev.fig.text
            f = self._check_pair(ctx, prev_value, mv.value, mv.growth, mv.growth_span,
                                 cur=mv.fig.text, prev=basis)
            if f:
                out.append(f)
        # 从A增长到B，增长X% in one sentence
        for p in self.from_to:
            for m in p.finditer(ctx.text):
                if not ctx.is_body(m.start()):
                    continue
                try:
                    a, ua = normalise(float(m.group("a").replace(",", "")), m.group("ua") or m.group("ub"))
                    b, ub = normalise(float(m.group("b").replace(",", "")), m.group("ub"))
                    g = float(m.group("g"))
                except (IndexError, ValueError):
                    continue
                if ua != ub:
                    continue
                if re.search(r"下降|减少|降至|降低", m.group()):
                    g = -g
                f = self._check_pair(ctx, a, b, g, m.span("g") if m.end("g") > 0 else m.span(),
                                     cur=m.group("b") + m.group("ub"), prev=m.group("a") + (m.group("ua") or ""))
                if f:
                    f.span = [m.start("g"), m.end()]
                    f.text = ctx.text[m.start("g"):m.end()]
                    out.append(f)
        return out


@kind("future_year")
class FutureYear(Rule):
    """A figure stated as fact for a year after the report's own date."""
    extra_keys = {"forecast_markers"}

    def setup(self):
        self.markers = self._pats("forecast_markers", required=True)

    def check(self, ctx):
        ref = ctx.doc.report_date.year if ctx.doc.report_date else None
        if ref is None:
            return []
        out = []
        text = ctx.text
        done = set()
        for f in ctx.figures():
            ss, se = ctx.doc.sentence_at(f.start)
            if (ss, se) in done:
                continue
            sent = text[ss:se]
            ys = [y for y in years_in(sent) if ss + y[2] <= f.start and not ctx.doc.in_quotes(ss + y[1], ss + y[2])]
            if not ys:
                continue
            year, ys_, ye = ys[-1]
            if year <= ref or any(p.search(sent) for p in self.markers):
                continue
            done.add((ss, se))
            out.append(self.finding(ctx, ss + ys_, f.end, year=year, ref=ref))
        return out


@kind("kb_contradiction")
class KBContradiction(_MetricRule):
    """With --index: a metric value that differs from what the knowledge base says for that year."""
    extra_keys = _MetricRule.extra_keys | {"top_k"}

    def check(self, ctx):
        if ctx.kb is None:
            return []
        out = []
        top_k = int(self.spec.get("top_k", 5))
        seen = set()
        for mv in self.values(ctx):
            year, period, subj, metric, fam = mv.key
            if mv.key in seen:
                continue
            seen.add(mv.key)
            query = f"{year}年{period}{subj}{metric}"
            try:
                hits = ctx.kb.search(query, top_k=top_k, year_min=None, year_max=None, sources=None)
            except Exception as e:  # noqa: BLE001 - a broken index must not kill the whole check
                ctx.extra.setdefault("warnings", []).append(f"知识库检索失败：{e}")
                return out
            agree, disagree = False, None
            for h in hits:
                for hv in extract_metric_values(h.text, None, self.metrics, self.strip):
                    if hv.key != mv.key:
                        continue
                    if abs(hv.value - mv.value) <= self.tolerance * max(hv.value, mv.value):
                        agree = True
                    elif disagree is None:
                        disagree = (h, hv)
            if disagree and not agree:
                h, hv = disagree
                src = f"{h.source}" + (f" 第{h.page}页" if getattr(h, "page", None) else "")
                out.append(self.finding(ctx, mv.fig.start, mv.fig.end, metric=query, kb_value=hv.fig.text, source=src))
        return out


# ------------------------------------------------------------------ timeliness
@kind("report_date")
class ReportDate(Rule):
    """The report's own date must fall in the window set for its kind (e.g. Q1 of the report year)."""
    extra_keys = {"windows", "missing_message", "missing_level"}

    def setup(self):
        self.windows = self.spec.get("windows") or {}
        for k, w in self.windows.items():
            if not isinstance(w, dict) or not {"start", "end"} <= set(w):
                raise RuleFileError(self.path, self.line, f"规则 {self.id} windows.{k} 需含 start、end（MM-DD）")

    def check(self, ctx):
        from datetime import date
        doc = ctx.doc
        w = self.windows.get(ctx.report or "") or self.windows.get("default")
        if not w:
            return []
        if doc.report_date is None:
            f = self.finding(ctx, doc.title_span[0], doc.title_span[1], self.spec.get("missing_message"),
                             text=doc.title or "", section="全文")
            f.level = self.spec.get("missing_level", "warning")
            return [f]
        year = ctx.report_year or doc.report_date.year
        (sm, sd), (em, ed) = (map(int, w["start"].split("-")), map(int, w["end"].split("-")))
        start, end = date(year, sm, sd), date(year, em, ed)
        if start <= doc.report_date <= end:
            return []
        s, e = doc.report_date_span
        return [self.finding(ctx, s, e, date=doc.report_date.isoformat(), window=f"{start.isoformat()}至{end.isoformat()}",
                             year=year, section=doc.section_title_at(s))]


@kind("data_recency")
class DataRecency(Rule):
    """The newest year of cited data must not be older than report_year - max_age."""
    extra_keys = {"max_age", "forecast_markers"}

    def setup(self):
        self.max_age = int(self.spec.get("max_age", 2))
        self.markers = self._pats("forecast_markers")

    def check(self, ctx):
        if not ctx.report_year:
            return []
        newest, where = None, None
        text = ctx.text
        for f in ctx.figures():
            ss, se = ctx.doc.sentence_at(f.start)
            sent = text[ss:se]
            if any(p.search(sent) for p in self.markers):
                continue
            ys = [y for y in years_in(sent) if ss + y[2] <= f.start and y[0] <= ctx.report_year
                  and not ctx.doc.in_quotes(ss + y[1], ss + y[2])]
            if ys and (newest is None or ys[-1][0] > newest):
                newest, where = ys[-1][0], (ss + ys[-1][1], ss + ys[-1][2])
        ctx.extra["newest_data_year"] = newest
        if newest is None or newest >= ctx.report_year - self.max_age:
            return []
        return [self.finding(ctx, where[0], where[1], newest=newest, year=ctx.report_year,
                             oldest_ok=ctx.report_year - self.max_age)]


# ------------------------------------------------------------------ completeness
@kind("required_sections")
class RequiredSections(Rule):
    def check(self, ctx):
        if ctx.outline is None:
            return []
        out = []
        s, e = ctx.doc.title_span
        for sec in ctx.outline.sections:
            if sec.id not in ctx.mapping:
                out.append(self.finding(ctx, s, e, text=sec.title, section="全文", title=sec.title,
                                        names="、".join(sec.names), purpose=sec.purpose))
        return out


@kind("required_elements")
class RequiredElements(Rule):
    def check(self, ctx):
        if ctx.outline is None:
            return []
        out = []
        for sec in ctx.outline.sections:
            ds = ctx.mapping.get(sec.id)
            if ds is None:
                continue
            body = ctx.text[ds.start:ds.end]
            for el in sec.required_elements:
                if not el.found_in(body):
                    out.append(self.finding(ctx, *ds.heading_span,
                                            element=el.name, title=sec.title, section=ds.title))
        return out


@kind("min_substance")
class MinSubstance(Rule):
    def check(self, ctx):
        if ctx.outline is None:
            return []
        out = []
        for sec in ctx.outline.sections:
            ds = ctx.mapping.get(sec.id)
            if ds is None or sec.min_chars <= 0:
                continue
            n = len(re.sub(r"\s", "", ctx.text[ds.body_start:ds.end]))
            if n < sec.min_chars:
                out.append(self.finding(ctx, *ds.heading_span, chars=n,
                                        min_chars=sec.min_chars, title=sec.title, section=ds.title))
        return out


@kind("required_lists")
class RequiredLists(Rule):
    """An attached list (e.g. 人才供需清单) must be present as a heading followed by table rows."""
    extra_keys = {"lists"}

    def setup(self):
        self.lists = []
        for item in self.spec.get("lists") or []:
            if not isinstance(item, dict) or "name" not in item or "patterns" not in item:
                raise RuleFileError(self.path, self.line, f"规则 {self.id} 的 lists 条目需含 name、patterns")
            self.lists.append((item["name"], _compile(self.path, self.line, item["patterns"], "lists.patterns"),
                               set(item.get("reports") or []), int(item.get("min_rows", 2))))

    def check(self, ctx):
        out = []
        paras = ctx.doc.paragraphs
        for name, pats, reports, min_rows in self.lists:
            if reports and ctx.report not in reports:
                continue
            ok = False
            for i, p in enumerate(paras):
                if p.kind == "table_row" or not any(r.search(p.text) for r in pats):
                    continue
                rows = 0
                for q in paras[i + 1:i + 200]:
                    if q.kind == "heading":
                        break
                    if q.kind == "table_row" or "\t" in q.text:
                        rows += 1
                if rows >= min_rows:
                    ok = True
                    break
            if not ok:
                s, e = ctx.doc.title_span
                out.append(self.finding(ctx, s, e, text=name, section="全文", name=name))
        return out


# ------------------------------------------------------------------ loading
@dataclass
class RuleSet:
    rules: list[Rule]
    definitions: dict[str, list[re.Pattern]]
    paths: list[str]

    def by_id(self, rule_id: str) -> Rule:
        for r in self.rules:
            if r.id == rule_id:
                return r
        raise KeyError(rule_id)


def load_pack(path: Path) -> tuple[list[Rule], dict[str, list[re.Pattern]]]:
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
    unknown = set(raw) - {"pack", "defaults", "definitions", "rules", "description", "__line__"}
    if unknown:
        raise RuleFileError(path, raw.get("__line__"), f"顶层含未知字段：{', '.join(sorted(unknown))}")
    defaults = _strip_lines(raw.get("defaults") or {})
    definitions = {}
    for name, pats in _strip_lines(raw.get("definitions") or {}).items():
        if not isinstance(pats, list):
            raise RuleFileError(path, raw["definitions"].get("__line__"), f"definitions.{name} 必须是正则列表")
        definitions[name] = _compile(path, raw["definitions"].get("__line__"), pats, f"definitions.{name}")
    rules = []
    for item in raw["rules"]:
        if not isinstance(item, dict):
            raise RuleFileError(path, None, f"rules 中的条目必须是映射：{item!r}")
        line = item.get("__line__")
        spec = _strip_lines(item)
        k = spec.get("kind") or defaults.get("kind")
        if k not in KINDS:
            raise RuleFileError(path, line, f"规则 {spec.get('id', '?')} 的 kind 未知：{k!r}（可用：{', '.join(sorted(KINDS))}）")
        rules.append(KINDS[k](spec, path, line, defaults))
    return rules, definitions


def load_rules(paths: Iterable[str | Path] | None = None) -> RuleSet:
    """Load every pack in assistant/rules (or the given files / folders)."""
    from . import annual  # noqa: F401 - registers the annual-summary kinds

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
    ids: dict[str, str] = {}
    for f in files:
        rs, defs = load_pack(f)
        for r in rs:
            if r.id in ids:
                raise RuleFileError(f, r.line, f"规则 id 重复：{r.id}（已在 {ids[r.id]} 中定义）")
            ids[r.id] = str(f)
        rules.extend(rs)
        for k, v in defs.items():
            definitions.setdefault(k, []).extend(v)
    return RuleSet(rules=rules, definitions=definitions, paths=[str(f) for f in files])
