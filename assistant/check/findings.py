"""The one shape every checker finding takes, and the summary per monitoring criterion."""
from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

CATEGORIES = ("objectivity", "evidence", "completeness", "consistency", "timeliness")
LEVELS = ("error", "warning", "info")


@dataclass
class Finding:
    """One flag raised by one rule on one span of the document's plain text."""

    rule_id: str
    category: str  # objectivity | evidence | completeness | consistency | timeliness
    level: str  # error | warning | info
    criterion: str  # e.g. 监测指标(二)·客观
    section: str  # title of the section the span lies in ("全文" for document-level findings)
    text: str  # the matched text (document-level findings: the name of what is missing)
    span: list[int]  # [start, end) offsets into CheckResult.document.text (document-level: the title's span)
    message: str
    suggestion: str = ""
    line: int | None = None  # 1-based line of span[0] in the plain text

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def summarize(findings: list[Finding], extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """Counts per level, category and criterion; a criterion passes when it has no error."""
    by_level = Counter(f.level for f in findings)
    by_category = Counter(f.category for f in findings)
    criteria: dict[str, dict[str, Any]] = {}
    for f in findings:
        c = criteria.setdefault(f.criterion, {"total": 0, "error": 0, "warning": 0, "info": 0, "rules": {}})
        c["total"] += 1
        c[f.level] += 1
        c["rules"][f.rule_id] = c["rules"].get(f.rule_id, 0) + 1
    for c in criteria.values():
        c["status"] = "不通过" if c["error"] else ("需复核" if c["warning"] else "通过")
    out: dict[str, Any] = {
        "total": len(findings),
        "by_level": {lv: by_level.get(lv, 0) for lv in LEVELS},
        "by_category": {cat: by_category.get(cat, 0) for cat in CATEGORIES},
        "by_criterion": dict(sorted(criteria.items())),
    }
    if extra:
        out.update(extra)
    return out


@dataclass
class CheckResult:
    """Findings, summary and the parsed document they point into."""

    findings: list[Finding]
    summary: dict[str, Any]
    document: Any  # structure.Document
    report: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"findings": [f.to_dict() for f in self.findings], "summary": self.summary}

    @property
    def has_errors(self) -> bool:
        return any(f.level == "error" for f in self.findings)
