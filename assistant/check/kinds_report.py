"""Rule kinds for the report as a whole: timeliness (report date window, data recency) and completeness
(sections, elements, substance, attached lists)."""
from __future__ import annotations

import re

from .figures import years_in
from .rules import Rule, RuleFileError, _compile, kind


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
        for sec, ds in ctx.found_sections():
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
        for sec, ds in ctx.found_sections():
            if sec.min_chars <= 0:
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
