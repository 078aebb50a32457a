"""Annual-summary mode: the 年度总结报告 outline and a scorecard against the six 监测指标.

The outline (assistant/outlines/annual-summary.yaml) has one section per indicator
(ids indicator1 … indicator6); each section's required_elements are the quantities that
indicator is judged on. The scorecard says, for each quantity, whether it is reported with a
figure, only mentioned, or missing.
"""
from __future__ import annotations

from pathlib import Path

from ..outline import OUTLINE_DIR, Outline, load_outline
from .figures import find_figures
from .rules import Rule, RuleFileError, kind

ANNUAL_REPORT = "annual-summary"
ANNUAL_OUTLINE = OUTLINE_DIR / "annual-summary.yaml"
ALL_REPORTS = ("industry-analysis", "talent-demand", ANNUAL_REPORT)


def load_report_outline(report: str, path: str | Path | None = None) -> Outline:
    """`load_outline` for the two drafting outlines, plus the annual-summary outline (checker only)."""
    if path:
        return load_outline(path=path)
    if report == ANNUAL_REPORT:
        return load_outline(path=ANNUAL_OUTLINE)
    return load_outline(report)


@kind("indicator_scorecard")
class IndicatorScorecard(Rule):
    """Each indicator quantity of the annual summary must be reported with a figure."""
    extra_keys = {"criteria_by_section", "no_figure_message"}

    def setup(self):
        self.by_section = self.spec.get("criteria_by_section") or {}
        if not isinstance(self.by_section, dict):
            raise RuleFileError(self.path, self.line, f"规则 {self.id} 的 criteria_by_section 必须是映射")

    def check(self, ctx):
        if ctx.outline is None:
            return []
        out, card = [], []
        text = ctx.text
        doc = ctx.doc
        for sec in ctx.outline.sections:
            if sec.id not in self.by_section or not sec.required_elements:
                continue
            crit = self.by_section[sec.id]
            ds = ctx.mapping.get(sec.id)
            scopes = [(ds.start, ds.end)] if ds else []
            scopes.append((0, len(text)))
            items = []
            for el in sec.required_elements:
                status, where, figure = "缺失", None, None
                for a, b in scopes:
                    seg = text[a:b]
                    for rx in el.regexes():
                        for m in rx.finditer(seg):
                            s = a + m.start()
                            if not ctx.is_body(s):
                                continue
                            ss, se = doc.sentence_at(s)
                            figs = find_figures(text, ss, se)
                            if figs:
                                status, where, figure = "有数据", (s, a + m.end()), figs[0].text
                                break
                            if where is None:
                                status, where = "仅提及", (s, a + m.end())
                        if status == "有数据":
                            break
                    if status != "缺失":
                        break
                items.append({"id": el.id, "name": el.name, "status": status, "figure": figure,
                              "span": list(where) if where else None})
                if status == "缺失":
                    s, e = ds.heading_span if ds else tuple(doc.title_span)
                    f = self.finding(ctx, s, e, quantity=el.name, indicator=crit, title=sec.title,
                                     section=ds.title if ds else "全文")
                elif status == "仅提及":
                    f = self.finding(ctx, where[0], where[1], self.spec.get("no_figure_message"),
                                     quantity=el.name, indicator=crit, title=sec.title)
                else:
                    continue
                f.criterion = crit
                out.append(f)
            done = sum(1 for i in items if i["status"] == "有数据")
            card.append({"indicator": crit, "section": sec.title, "found_section": ds.heading if ds else None,
                         "score": f"{done}/{len(items)}", "quantities": items})
        ctx.extra["scorecard"] = card
        return out
