"""Rule kinds for evidence: unsourced figures (with attribution scope), forecasts without a basis, gaps without
a baseline."""
from __future__ import annotations

import re

from .figures import Figure, find_figures
from .rules import DATA_WORDS, Rule, blank_out, kind
from .sources import own_data_covers


# ------------------------------------------------------------------ evidence
def in_contents(ctx, rule, pos: int) -> bool:
    """Round 13: the position is in a table of contents — after a 目录 heading that opens an outline (toc_head:
    目录一、…… / 目录第一章……) in its paragraph, followed by at least `toc_min_pages` entries ending in a page
    number (toc_page: 供给端特征 12人口结构变化趋势 12). A page number runs into the next entry and reads as a
    count (12人口 → 12人), an entry 市场需求与预测 16 reads as a forecast (round 16); a contents page states no
    statistics. `rule` carries toc_head, toc_page and toc_min_pages."""
    p = ctx.doc.paragraph_at(pos)
    if p is None or not rule.toc_head:
        return False
    key = ("contents", rule.id, p.start)
    if key not in ctx._cache:
        head = min((m.start() for r in rule.toc_head for m in [r.search(ctx.text, p.start, p.end)] if m), default=None)
        pages = 0 if head is None else sum(len(r.findall(ctx.text, head, p.end)) for r in rule.toc_page)
        ctx._cache[key] = head if pages >= rule.toc_min_pages else None
    head = ctx._cache[key]
    return head is not None and head <= pos


def repeated_paragraph(ctx, pos: int, least: int = 20) -> bool:
    """Round 16: the paragraph at `pos` repeats an earlier text paragraph word for word (a page that prints its text
    twice): its findings were reported at the first copy, so they are reported once."""
    para = ctx.doc.paragraph_at(pos)
    if para is None or para.kind != "text":
        return False
    key = ("repeated", para.start)
    if key not in ctx._cache:
        t = para.text.strip()
        ctx._cache[key] = len(t) >= least and any(
            q.kind == "text" and q.start < para.start and q.text.strip() == t for q in ctx.doc.paragraphs)
    return ctx._cache[key]


def later_paragraphs_of_lead(ctx, pos: int) -> list:
    """The text paragraphs after the document's first body paragraph, in its section, when `pos` is in that
    paragraph (a news lead that later paragraphs restate or explain); [] otherwise."""
    para = ctx.doc.paragraph_at(pos)
    first = next((p for p in ctx.doc.paragraphs if p.kind == "text" and p.text.strip()), None)
    if para is None or first is None or para.start != first.start:
        return []
    sec = ctx.doc.section_at(pos)
    end = sec.end if sec else len(ctx.text)
    return [q for q in ctx.doc.paragraphs if q.kind == "text" and para.start < q.start < end]


def unrestated_headline(ctx) -> list[tuple[int, int, str]]:
    """Round 20: the sentences of the document's title (its headline) when the title states a figure that no body
    paragraph gives again (标题：……预计2027年缺口将扩大到300万人；正文不再写300万). Where the body restates the headline
    figure, the body's sentence carries the claim and its source or method, and is judged there; a headline figure the
    body never gives stands alone, and is judged like a body sentence by the forecast and gap rules. [] otherwise."""
    key = ("headline",)
    if key not in ctx._cache:
        out: list[tuple[int, int, str]] = []
        title = next((p for p in ctx.doc.paragraphs if p.kind == "title" and p.text.strip()), None)
        if title is not None:
            figs = ctx.all_figures(title.start, title.end)
            body = "".join(q.text for q in ctx.doc.paragraphs if q.kind in ("text", "table_row", "heading"))
            body = re.sub(r"\s", "", body)
            if figs and not any(re.sub(r"\s", "", f.text) in body for f in figs):
                out = [(s, e, ctx.text[s:e]) for s, e in ctx.doc.sentences() if title.start <= s < title.end]
        ctx._cache[key] = out
    return ctx._cache[key]


@kind("unsourced_figure")
class UnsourcedFigure(Rule):
    """A sentence with a specific figure, and no attribution in its sentence or paragraph."""
    extra_keys = {"attribution", "own_data", "own_local", "self_report", "skip_sections", "skip_sentences", "skip_clauses", "skip_units",
                  "citation", "merge_runs", "toc_head", "toc_page", "toc_min_pages", "vague_span_not", "vague_extra",
                  "figure_extra", "vague_takeover", "closing_note_not"}

    def setup(self):
        # inline citations（来源：……）/[1] bind to the figures before them in the paragraph, not to later ones
        self.citation = self._pats("citation")
        self.attr_name = self.spec.get("attribution", "attribution")
        self.own_name = self.spec.get("own_data")
        self.local_name = self.spec.get("own_local")
        self.self_name = self.spec.get("self_report")
        self.skip_sections = list(self.spec.get("skip_sections") or [])
        self.skip_sentences = self._pats("skip_sentences")
        self.skip_clauses = self._pats("skip_clauses")
        self.skip_units = set(self.spec.get("skip_units") or [])
        # round 13: a table of contents states no statistics (its page numbers run into the next entry)
        self.toc_head = self._pats("toc_head")
        self.toc_page = self._pats("toc_page")
        self.toc_min_pages = int(self.spec.get("toc_min_pages", 3))
        self.merge_runs = bool(self.spec.get("merge_runs", True))
        # round 16: sentences where the finding keeps to its figures (another rule's finding on them is the sharper one)
        self.vague_span_not = self._pats("vague_span_not")
        # round 30: phrases vague for this rule only (有资料显示), not in the shared vague_attribution
        self.vague_extra = self._pats("vague_extra")
        # round 32: figures this rule reads that the shared figure model does not (两千万、2.8次、6个月): for this rule
        # only, since the objectivity rules excuse a trend word by a figure beside it (definitions.cn_figure is shared)
        self.figure_extra = self._pats("figure_extra")
        # round 36: a vague phrase that, with figures in its sentence, ends a named lead's scope (据了解)
        self.vague_takeover = self._pats("vague_takeover")
        # round 37: a closing source sentence that opens with a purpose clause (为了解……) introduces the report, not a note
        self.closing_note_not = self._pats("closing_note_not")

    def _extra_figures(self, ctx) -> list[Figure]:
        """Round 32: the matches of figure_extra in body text, as figures with no value (unit "cn")."""
        return [Figure(m.start(), m.end(), float("nan"), "cn", m.group()) for p in self.figure_extra
                for m in p.finditer(ctx.text) if m.end() > m.start() and ctx.is_body(m.start())]

    def check(self, ctx):
        out = []
        if self.self_name and ctx.self_report(self.self_name):
            return out  # an organisation's account of itself: its figures are its own data
        by_sentence: dict[tuple[int, int], list[Figure]] = {}
        figs_all = list(ctx.figures())
        taken = [(f.start, f.end) for f in figs_all]
        figs_all += [f for f in ctx.cn_figures(0) if ctx.is_body(f.start)
                     and not any(a < f.end and f.start < b for a, b in taken)]
        taken = [(f.start, f.end) for f in figs_all]
        figs_all += [f for f in self._extra_figures(ctx) if not any(a < f.end and f.start < b for a, b in taken)]
        figs_all.sort(key=lambda f: f.start)
        for f in figs_all:
            if f.unit in self.skip_units or self._quoted_phrase(ctx, f) or self.excepted(ctx.text, f.start, f.end):
                continue
            if self.skip_clauses and self._in_skipped_clause(ctx.text, f):
                continue
            if self.toc_head and self._in_contents(ctx, f.start):
                continue
            by_sentence.setdefault(ctx.doc.sentence_at(f.start), []).append(f)
        judged = []  # (sentence start, finding or None) in text order
        for (ss, se), figs in by_sentence.items():
            judged.append((ss, self._judge(ctx, ss, se, figs)))
        return self._merge_runs(ctx, judged)

    @staticmethod
    def _quoted_phrase(ctx, f: Figure) -> bool:
        """The figure is inside a quoted phrase or a title (“最缺工”的100个职业、《……》). Round 20: not inside quoted speech —
        a quotation long enough to hold a clause (quoted_speech_chars, default 20; with a comma or sentence end in it) is
        someone's statement of the figure, judged like the sentence around it."""
        most = int(ctx.parameters.get("quoted_speech_chars", 20))
        for qs, qe in ctx.doc.quote_spans():
            if qs <= f.start and f.end <= qe:
                inner = ctx.text[qs:qe]
                if not inner.startswith("《") and qe - qs > most and re.search(r"[，,。；;！？]", inner):
                    return False
                return True
        return False

    def _judge(self, ctx, ss: int, se: int, figs: list[Figure]):
        """The finding for one sentence's figures, or None when they are sourced (or not checked)."""
        if self.skip_sections and ctx.in_outline_section(ss, self.skip_sections) or repeated_paragraph(ctx, ss):
            return None
        sent = ctx.text[ss:se]
        fm = min((m.start() for p in self.skip_sentences for m in [p.search(sent)] if m), default=None)
        if fm is not None:
            # a forecast: its figures are the forecast rule's; figures in clauses before the forecast wording
            # (据……表示，2019年约30万，预计到2022年……) are still checked
            cut = max(sent.rfind(c, 0, fm) for c in "，；,;")
            while cut > 0:  # the clauses stating the forecast's basis (按照……估算、假设……) belong to it
                prev = max(sent.rfind(c, 0, cut) for c in "，；,;")
                if not self.BASIS.search(sent, prev + 1, cut):
                    break
                cut = prev
            cut += ss
            figs = [f for f in figs if f.end <= cut]
            if not figs:
                return None
        if self.own_name and (self._own_paragraph(ctx, ss) or self._own_table(ctx, ss)):
            return None
        if self._own_sample_section(ctx, ss):
            return None  # round 11: the section describing the report's own sample (样本说明)
        if (self._vague_in_sentence(ctx, ss) and not self._own_voice_line(ctx, ss)
                and not self._continued_lead(ctx, ss, se) and not self._own_accounting(ctx, ss, se)):
            # round 11: a vague source (据统计、数据显示) takes over from the document's own source too — a byline or a
            # headline naming a body — as it does from a lead (labelling policy; dev l02, l08)
            return self.finding(ctx, self._vague_start(ctx, ss, figs[0].start), figs[-1].end, n=len(figs))
        if own_data_covers(ctx, ss, se):
            return None  # round 19: the report's own declared data (sources.py)
        if ctx.byline_covers(ss) or ctx.source().credit or ctx.source().own_work:
            return None  # round 13: a closing author credit （某局 张某）; round 38: a body's own progress report —
            # the body's own figures (not its forecasts: those still state their basis)
        if ctx.headline_led(ss):
            return None  # a headline line above a lead that names the source (round 11)
        if self._restated_with_source(ctx, ss, figs):
            return None
        if not ctx.paragraph_has(self.attr_name, ss) and (self._lead_in_scope(ctx, ss) or self._report_lead(ctx, ss)):
            return None
        if ctx.paragraph_has(self.attr_name, ss) and self._named_after(ctx, ss):
            # the paragraph's source is named only after this sentence (and does not point back at it)
            if ctx.lead_in_scope(ss) and not self._taken_over_since_lead(ctx, ss):
                return None
            return self.finding(ctx, figs[0].start, figs[-1].end, n=len(figs))
        if ctx.paragraph_has(self.attr_name, ss):
            cites = self._citations(ctx, ss)
            if cites is None:
                return None  # a source named in running text covers the whole paragraph
            figs = [f for f in figs if not any(c >= f.end for c in cites)]
            if not figs:
                return None
        return self.finding(ctx, figs[0].start, figs[-1].end, n=len(figs))

    CAPTION_MAX = 40
    CELL_BAR = re.compile(r"\S\s*[|｜]\s*\S")

    @classmethod
    def _row(cls, para) -> bool:
        """A table row: a DOCX row, or a plain-text line of cells separated by bars (…… | 703 | 18.13% |)."""
        return para.kind == "table_row" or (para.kind == "text" and len(cls.CELL_BAR.findall(para.text)) >= 2
                                            and "。" not in para.text)

    def _own_table(self, ctx, ss: int) -> bool:
        """Round 21: a table row whose table is introduced by a paragraph reporting the organisation's own data
        (own_data: 学校2022届毕业生……; then an optional caption line, 表1 某届毕业生去向分布, and the rows): the rows
        break down that paragraph's own figures. Only the text paragraph right above the table (and its caption)."""
        paras = ctx.doc.paragraphs
        para = ctx.doc.paragraph_at(ss)
        if para is None or not self._row(para):
            return False
        i = paras.index(para)
        while i > 0 and self._row(paras[i - 1]):
            i -= 1
        above = [q for q in paras[max(0, i - 3):i] if q.text.strip()]
        if above and above[-1].kind == "text" and len(above[-1].text.strip()) <= self.CAPTION_MAX \
                and not re.search(r"[。！？!?]", above[-1].text):
            above = above[:-1]  # the table's caption
        return bool(above) and above[-1].kind == "text" and self._own_paragraph(ctx, above[-1].start)

    def _own_paragraph(self, ctx, pos: int) -> bool:
        """The paragraph at `pos` states its writer's own data (own_data), or a local government's (own_local: 我市、本省)
        — round 33: not in a reporter's story (本报讯、（记者某某）), where 我市 is the paper's city."""
        if ctx.paragraph_has(self.own_name, pos):
            return True
        return bool(self.local_name) and not ctx.source().newsroom and ctx.paragraph_has(self.local_name, pos)

    def _restated_with_source(self, ctx, ss: int, figs: list[Figure]) -> bool:
        """Round 11: a news lead states a figure first and a later paragraph of the same section gives it again with
        its source (导语：4.2万家企业实现营业收入超……；后文：某协会通报的数据显示，……4.2万家企业实现营业收入……) —
        the figure is sourced where it is restated. Only a figure written the same way (number and unit), only when
        the later paragraph names a source in running text, and only for the document's first body paragraph."""
        wanted = {f.text.replace(" ", "") for f in figs if not f.is_percent}
        for p in later_paragraphs_of_lead(ctx, ss):
            if not ctx._has_attribution(p.text) or ctx.vague_source_in_sentence(self.attr_name, p.start):
                continue
            if any(w in p.text.replace(" ", "") for w in wanted):
                return True
        return False

    def _report_lead(self, ctx, ss: int) -> bool:
        """Round 27: a wire story of a report — the document's first body paragraph names a body launching a named
        report (某研究院推出《……报告》、某平台发布《……洞察》; definitions.report_lead): the story is that report's
        excerpt, so its source covers the sections after it too (the lead scope stops at a heading; the report's own
        Part 1、一、 headings are still the report's). Not in a community report kind; a vague source in the sentence
        still takes over (checked before), and a paragraph naming its own source is judged by it."""
        pats = ctx.definitions.get("report_lead") or []
        if not pats or ctx.report is not None:
            return False
        key = ("report_lead",)
        if key not in ctx._cache:
            byline = ctx.byline()
            first = next((p for p in ctx.doc.paragraphs if p.kind == "text" and p.text.strip()
                          and not (byline and p.text.strip() == byline)), None)
            ok = (first is not None and any(p.search(first.text) for p in pats) and ctx._has_attribution(first.text)
                  and not ctx.vague_source_in_sentence(self.attr_name, first.start))
            ctx._cache[key] = first.end if ok else None
        lead_end = ctx._cache[key]
        return lead_end is not None and ss >= lead_end

    def _own_sample_section(self, ctx, ss: int) -> bool:
        """Round 11: the sentence is in a section whose heading says it describes the report's own sample or data
        (样本说明、调研对象、调查样本; definitions.own_data_heading): the counts there (样本数量：20家企业、创新药(8家))
        are the report's own data, like 本次调研、样本 in a paragraph (dev m22, two list lines)."""
        pats = ctx.definitions.get("own_data_heading") or []
        sec = ctx.doc.section_at(ss)
        return bool(pats and sec is not None and any(p.search(sec.title or sec.heading) for p in pats))

    def _continued_lead(self, ctx, ss: int, se: int) -> bool:
        """Round 14: the sentence's only vague source is a continuation word (据悉、另悉; definitions.continued_source)
        and an earlier paragraph of its section says the text was learnt from a named body (从某部获悉; definitions
        .continued_lead): 据悉 goes on with that same learning, it does not take over as a vague one (dev q11). After a
        lead that only says a body published a report (l05), or with no named lead, it stays vague."""
        pats = ctx.definitions.get("continued_source") or []
        leads = ctx.definitions.get("continued_lead") or []
        if not pats or not leads or not any(p.search(ctx.text, ss, se) for p in pats):
            return False
        rest = blank_out(ctx.text[ss:se], pats)
        vague = ctx.definitions.get(f"vague_{self.attr_name}") or []
        if any(p.search(rest) for p in vague):
            return False
        sec = ctx.doc.section_at(ss)
        start = sec.body_start if sec else 0
        para = ctx.doc.paragraph_at(ss)
        end = para.start if para else ss
        return any(q.kind == "text" and start <= q.start < end and any(p.search(q.text) for p in leads)
                   for q in ctx.doc.paragraphs)

    def _own_accounting(self, ctx, ss: int, se: int) -> bool:
        """Round 18: in a publisher's own statistical text (sources.py `_own_statistics`), 据测算／据初步核算 is that
        publisher's own accounting, not a vague source taking over: the sentence is vague only if another vague phrase
        remains once those words are set aside (definitions.own_stats_accounting). Round 38: likewise a local body's
        初步统计／初步测算 in its own progress report (`_own_work_report`) or in a text that closes on the body's own
        credit or signature (（县统计局供稿）, a bureau's name alone on the last line: definitions.own_work_accounting)."""
        src = ctx.source()
        own = src.own_work or bool(src.closing) and any(
            p.search(src.closing) for key in ("provider_line", "signature") for p in ctx.definitions.get(key) or [])
        key = "own_stats_accounting" if src.own_stats else "own_work_accounting" if own else None
        if key is None:
            return False
        rest = blank_out(ctx.text[ss:se], ctx.definitions.get(key) or [])
        return not any(p.search(rest) for p in ctx.definitions.get(f"vague_{self.attr_name}") or [])

    def _vague_in_sentence(self, ctx, ss: int) -> bool:
        """The sentence names only a vague source: one of the shared vague phrases (ctx.vague_source_in_sentence), or,
        round 30, one of this rule's own (vague_extra: 有资料显示 at a clause's start) with no other source left in the
        sentence once it is set aside. vague_extra stays out of the shared list because the objectivity rules excuse a
        trend word by a source in its sentence, and the figures there already state the trend."""
        if ctx.vague_source_in_sentence(self.attr_name, ss):
            return True
        if not self.vague_extra:
            return False
        s, e = ctx.doc.sentence_at(ss)
        if not any(p.search(ctx.text, s, e) for p in self.vague_extra):
            return False
        return not ctx._has_attribution(blank_out(ctx.text[s:e], self.vague_extra))

    def _lead_in_scope(self, ctx, ss: int) -> bool:
        """ctx.lead_in_scope, except that round 34 does not take a paragraph as the lead when its only source is one of
        this rule's vague phrases (vague_extra: 根据近期一项……调查、某企业负责人透露): what it does not name for its own
        figures, it does not name for the paragraphs after it either (ah33: the next paragraph's national totals). Round 36:
        nor after a takeover sentence that follows the last such paragraph (_taken_over: 据了解 with figures)."""
        if not ctx.lead_in_scope(ss):
            return False
        byline = ctx.byline()
        leads = [p for p in self._paragraphs_before(ctx, ss) if not (byline and p.text.strip() == byline)
                 and ctx._has_attribution(blank_out(p.text, self.vague_extra) if self.vague_extra else p.text)]
        return bool(leads) and not self._taken_over(ctx, leads[-1].end, ss)

    def _taken_over_since_lead(self, ctx, ss: int) -> bool:
        """Round 36: a takeover sentence (see _taken_over) stands after the last paragraph of the section that names a
        source, before the paragraph of `ss`."""
        leads = [p for p in self._paragraphs_before(ctx, ss) if ctx.paragraph_has(self.attr_name, p.start)]
        return bool(leads) and self._taken_over(ctx, leads[-1].end, ss)

    @staticmethod
    def _paragraphs_before(ctx, ss: int) -> list:
        """The text paragraphs of the section of `ss` (from its body) that come before the paragraph of `ss`."""
        sec = ctx.doc.section_at(ss)
        start = sec.body_start if sec else 0
        para = ctx.doc.paragraph_at(ss)
        end = para.start if para else ss
        return [p for p in ctx.doc.paragraphs if p.kind == "text" and start <= p.start < end]

    def _taken_over(self, ctx, start: int, end: int) -> bool:
        """Round 36: between the lead and the paragraph judged, a sentence states figures under a takeover phrase
        (vague_takeover: 据了解) and names no source: the reporter has gone on with what was learnt elsewhere, and the
        sentences after it (in its paragraph and the next ones) are no longer the lead's (ai34, aj02)."""
        if not self.vague_takeover:
            return False
        for s, e in ctx.doc.sentences():
            if s < start or s >= end or not ctx.is_body(s):
                continue
            if (any(p.search(ctx.text, s, e) for p in self.vague_takeover) and not ctx.sentence_has(self.attr_name, s)
                    and ctx.all_figures(s, e) and not (self.own_name and self._own_paragraph(ctx, s))):
                return True  # not where 据了解 describes the writer's own survey (本次问卷调查……收回有效样本93420份: aa05)
        return False

    def _vague_start(self, ctx, ss: int, first: int) -> int:
        """Round 16: a finding under a vague source starts at that source when it comes before the figures
        (据业内人士分析,如果按照……,……可以达到700万小时): the vague phrase is what the finding is about."""
        vague = ctx.definitions.get(f"vague_{self.attr_name}") or []
        if any(p.search(ctx.text, ss, ctx.doc.sentence_at(ss)[1]) for p in self.vague_span_not):
            return first
        starts = [m.start() for r in vague for m in r.finditer(ctx.text, ss, first) if m.end() > m.start()]
        return min(starts, default=first)

    @staticmethod
    def _own_voice_line(ctx, ss: int) -> bool:
        """The sentence is in the line the document's own source was read from (a local release's first line in its
        own voice: 最新统计数据显示，今年前11个月全市……): the phrase there is the publisher's, not a vague source."""
        header = ctx.source().header
        para = ctx.doc.paragraph_at(ss)
        return bool(header and para is not None and para.text.strip() == header)

    def _merge_runs(self, ctx, judged) -> list:
        """Round 10: consecutive unsourced sentences of one paragraph are one finding (from the first sentence's first
        figure to the last one's last figure; the text shows those two, 甲……乙) — a paragraph's figures are sourced together, and the labels name the
        paragraph's lead figure, not each breakdown sentence after it (其中……、分产业看……; dev: j07, k16, m13). A
        sourced sentence in between ends the run. Off with `merge_runs: false`."""
        out: list = []
        prev = None  # paragraph start of the last finding, while the figure sentence just before was flagged
        head = ""  # the text of the run's first finding
        for ss, f in judged:
            if f is None:
                prev = None
                continue
            para = ctx.doc.paragraph_at(ss)
            key = para.start if para is not None else None
            if self.merge_runs and prev is not None and key is not None and key == prev:
                # one finding over the run; its text names the run's first and last figures
                out[-1] = self.finding(ctx, out[-1].span[0], f.span[1], text=f"{head}……{f.text}")
                continue
            out.append(f)
            prev, head = key, f.text
        return out

    BASIS = re.compile(r"按照?[^，；]{2,40}?(?:估算|计算|测算|推算)|假设|假定|若|如果|基于")
    BACK = re.compile(r"^\s*(?:这是|以上|上述|这些|该|此|前述|其中)|(?:以上|上述)(?:数据|数字)")

    def _named_after(self, ctx, ss: int) -> bool:
        """The paragraph names its source in running text only in sentences after `ss`, none of which points back
        (这是……公布的、以上数据来自……)."""
        p = ctx.doc.paragraph_at(ss)
        if p is None:
            return False
        first = None
        for s, e in ctx.doc.sentences():
            if s < p.start or s >= p.end:
                continue
            # inline citations ([1]、（来源：……）) bind to the figures before them: only running text counts here
            if ctx.sentence_has(self.attr_name, s) and ctx._has_attribution(blank_out(ctx.text[s:e], self.citation)):
                first = (s, e)
                break
        if first is None or first[0] <= ss:
            return False
        # round 20: the source sentence opens right after a closing quotation mark (“……。”某主任表示,……): it names the
        # speaker of the quotation before it, so it points back
        opens = ctx.text[max(p.start, first[0] - 2):first[0] + 2]
        return not self.BACK.search(ctx.text[first[0]:first[1]]) and "”" not in opens \
            and not self._closing_note(ctx, p, *first)

    def _closing_note(self, ctx, para, s: int, e: int) -> bool:
        """Round 37: the paragraph's source sentence is its last one, states no figure of its own (a year or a count
        inside a 《title》 is the title's) and names data or a publication (DATA_WORDS: 数据来自某局、某平台今日公布《……
        报告》): a closing note, which can only be about the figures above it — it points back like 以上数据来自. Not one
        opening with a purpose clause (closing_note_not: 为了解……): that says why the report was made."""
        if ctx.text[e:para.end].strip() or not DATA_WORDS.search(ctx.text, s, e):
            return False
        if any(p.search(ctx.text[s:e]) for p in self.closing_note_not):
            return False  # 为了解……，某平台发布了《……》: why the report was made; the figures above are its background
        titles = [(m.start(), m.end()) for m in re.finditer(r"《[^》]*》", ctx.text[s:e])]
        return not any(not any(a <= f.start - s and f.end - s <= b for a, b in titles) for f in ctx.all_figures(s, e))

    def _in_contents(self, ctx, pos: int) -> bool:
        return in_contents(ctx, self, pos)

    def _in_skipped_clause(self, text: str, f: Figure) -> bool:
        """The figure's clause states a target or a bound (完成全年目标的74.7%、不少于30%), not a measured value."""
        cs = max(text.rfind(c, 0, f.start) for c in "，。；！？\n,;") + 1
        ends = [i for i in (text.find(c, f.end) for c in "，。；！？\n,;") if i != -1]
        return any(p.search(text, cs, min(ends) if ends else len(text)) for p in self.skip_clauses)

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
    extra_keys = {"triggers", "targets", "method", "horizon", "assumptions", "require", "extrapolated",
                  "toc_head", "toc_page", "toc_min_pages", "plan_source", "stated_by"}

    def setup(self):
        self.triggers = self._pats("triggers", required=True)
        self.plan_source = self._pats("plan_source")  # round 17: a cited plan's target (根据《某规划》，到2025年……)
        # round 29: a source clause that reports a statement (从某协会……获悉，／《某蓝皮书》称，) speaks the whole sentence
        self.stated_by = self._pats("stated_by")
        self.targets = self._pats("targets")
        self.parts = {k: self._pats(k) for k in ("method", "horizon", "assumptions")}
        self.require = list(self.spec.get("require") or ["method", "horizon", "assumptions"])
        self.names = {"method": "预测方法", "horizon": "预测期", "assumptions": "假设条件"}
        # round 14: a current-year outlook extrapolated from the year-to-date figures stated in the same sentence
        self.extrapolated = self._pats("extrapolated")
        # round 16: a table of contents' entry (市场需求与预测 16) is a heading, not a forecast
        self.toc_head = self._pats("toc_head")
        self.toc_page = self._pats("toc_page")
        self.toc_min_pages = int(self.spec.get("toc_min_pages", 3))

    def check(self, ctx):
        out = []
        text = ctx.text
        for ss, se, sent in list(ctx.body_sentences()) + unrestated_headline(ctx):
            m = next((mm for p in self.triggers for mm in [p.search(sent)] if mm), None)
            if not m or not ctx.all_figures(max(ss, ss + m.start() - 12), se) or repeated_paragraph(ctx, ss):
                continue
            if in_contents(ctx, self, ss + m.start()):
                continue
            if any(p.search(sent) for p in self.extrapolated):
                continue  # round 14: 前三季度……同比增长……，全年有望…… — the basis is the year-to-date data before it
            binds = ctx.sentence_has("attribution", ss) and self._source_binds_earlier(ctx, ss, ss + m.start())
            if any(p.search(sent) for p in self.targets) or ctx.sentence_has("attribution", ss) and not binds:
                continue
            later = self._source_only_after(ctx, ss) or self._source_spent_before(ctx, ss)
            if self._assumed(ctx, ss) or ((ctx.paragraph_has("attribution", ss) and not binds and not later
                                           or ctx.byline_covers(ss) or self._news_lead_covers(ctx, ss))
                                          and not self._ours(sent)):
                continue  # a stated assumption, or another body's forecast: reported in this paragraph, or the
                # document is that body's own text (its byline, closing source line or release layout)
            sec = ctx.doc.section_at(ss)
            para = ctx.doc.paragraph_at(ss)
            scopes = [sent, self._basis_text(ctx, para.start, para.end, ss) if para else ""]
            if sec:  # a method stated earlier in the section covers later forecasts, not earlier ones
                scopes.append(self._basis_text(ctx, sec.start, para.end if para else se, ss))
            missing = [k for k in self.require if not any(p.search(sc) for p in self.parts[k] for sc in scopes)]
            if missing:
                out.append(self.finding(ctx, ss + m.start(), se, missing="、".join(self.names[k] for k in missing)))
        return out

    def _basis_text(self, ctx, start: int, end: int, own: int) -> str:
        """Round 20: the text of [start, end) where another sentence may state the forecast's method: every sentence
        except those that work out a figure of their own and speak of no future (FUTURE; 按某标准测算,缺口超30万人 — that
        calculation is the gap's basis, not the basis of a forecast before or after it in the section). A sentence
        stating a method with no result of its own (本报告采用趋势外推法预测) or one about a forecast still counts."""
        parts = []
        for s, e in ctx.doc.sentences():
            if e <= start or s >= end:
                continue
            seg = ctx.text[max(s, start):min(e, end)]
            if s != own and find_figures(ctx.text, s, e) and not self.FUTURE.search(ctx.text, s, e):
                continue
            parts.append(seg)
        return "\n".join(parts)

    FUTURE = re.compile(r"将|预计|预测|预期|有望|可望|届时|未来")

    ASSUMPTION_LEAD = re.compile(r"假设[:：]|假设如下|(?:基本|主要|以下)假设|假定[:：]|假设条件[:：]?")
    OURS = re.compile(r"我们|本报告|本研究|笔者|课题组|本共同体")

    def _assumed(self, ctx, pos: int) -> bool:
        """Inside a list of stated assumptions: the paragraph or one of the two before it introduces them."""
        paras = ctx.doc.paragraphs
        para = ctx.doc.paragraph_at(pos)
        if para is None:
            return False
        i = paras.index(para)
        return any(self.ASSUMPTION_LEAD.search(q.text) for q in paras[max(0, i - 2):i + 1] if q.kind != "table_row")

    FORECAST_WORD = re.compile(r"预测|预计|估计|测算|展望|预期|推算")

    def _source_binds_earlier(self, ctx, ss: int, trig: int) -> bool:
        """The sentence's source is named before the forecast wording and stated data (a figure) stand between
        them, and the source names no forecast (据某联合会数据，2023年……7.3%，预计2025年……): the source covers
        the data, not the forecast after it (h21, h23). 据某机构预测，……将达到…… is that body's forecast."""
        text = ctx.text
        pats = ctx.defs("attribution")
        seg = text[ss:trig]
        if "vague_attribution" in ctx.definitions:
            seg = blank_out(seg, ctx.definitions["vague_attribution"])
        hits = [mm for p in pats for mm in p.finditer(seg)]
        if not hits or ctx.matches("attribution", trig, ctx.doc.sentence_at(ss)[1]):
            return False  # no source before the forecast, or one in or after its clause
        last = max(hits, key=lambda mm: mm.end())
        if self.FORECAST_WORD.search(last.group()) or self.FORECAST_WORD.search(text[ss + last.end():ss + last.end() + 6]):
            return False
        if self._stated(text, ss + last.end(), trig):
            return False
        return bool(find_figures(text, ss + last.end(), trig))

    def _stated(self, text: str, src_end: int, trig: int) -> bool:
        """Round 29: the source's clause ends in a verb of saying or learning (记者从某协会……大会上获悉，／会上发布的
        《某蓝皮书》称，; stated_by): what follows in the sentence — the data and the forecast after it — is that body's
        statement, so the forecast is that body's (labelling policy: another body's forecast needs no method). A source
        that names data (据某协会数据，……，预计……: h21, h23) covers the data only, as before. Round 36: a named document
        or report that 显示／表明 (《某指南》显示，……，预计……: aj34, w03) speaks the same way."""
        if not self.stated_by:
            return False
        while src_end > 0 and text[src_end - 1] in "，,：: ":
            src_end -= 1  # round 36: a source cue that takes its comma with it (数据显示，) ends its clause there
        cut = min((i for i in (text.find(c, src_end, trig) for c in "，,：:") if i != -1), default=-1)
        if cut == -1:
            return False
        clause = text[max(0, src_end - 12):cut]
        return any(p.search(clause) for p in self.stated_by)

    BACK = re.compile(r"^\s*(?:这是|以上|上述|这些|该|此|前述)|(?:以上|上述)(?:数据|数字|预测)")

    def _source_only_after(self, ctx, ss: int) -> bool:
        """Round 11: the paragraph names a source only in sentences after the forecast, and none of them points back
        (以上数据来自……): that source introduces the later data (据某部数据，现有……), not the forecast before it
        (dev n20, n21: 预计到2035年……占30%。……据某局数据，2022年……)."""
        p = ctx.doc.paragraph_at(ss)
        if p is None:
            return False
        for s, e in ctx.doc.sentences():
            if s < p.start or s >= p.end or not ctx.sentence_has("attribution", s):
                continue
            return s > ss and not self.BACK.search(ctx.text[s:e]) and not self._same_forecaster(ctx, ss, s, e)
        return False

    def _source_spent_before(self, ctx, ss: int) -> bool:
        """Round 17: the paragraph names a source only in sentences before the forecast, and the last of them is a
        plan's target (plan_source; 根据《某规划》，到2025年……将达到……): that source is the cited target's, and a later
        forecast for another horizon (预计到2030年……将达到……) is the writer's own, which needs its method — the
        mirror of _source_only_after. Not when the forecast points back to that source (该规划、上述预测……), nor
        when the cited body is itself a forecaster (某机构预测，……。但需求预计将……: its forecast goes on)."""
        p = ctx.doc.paragraph_at(ss)
        if p is None or self.BACK.search(ctx.text[ss:ss + 8]):
            return False
        cited = [(s, e) for s, e in ctx.doc.sentences() if p.start <= s < p.end and ctx.sentence_has("attribution", s)]
        if not cited or cited[-1][0] >= ss:
            return False
        s, e = cited[-1]
        own = ctx.text[s:e]
        if any(self.FORECAST_WORD.search(own[m.start():m.end() + 6]) for q in ctx.defs("attribution")
               for m in q.finditer(own)):
            return False  # the cited body is a forecaster (某机构预测，……): its forecast may go on (round 2)
        return (any(q.search(own) for q in self.plan_source) and any(q.search(own) for q in self.triggers + self.targets)
                and bool(find_figures(ctx.text, s, e)) and not self._same_forecaster(ctx, ss, s, e))

    FORECASTER = re.compile(r"\s*((?!我们|本报告|本文|笔者|课题组|本研究|本共同体|今年|明年|全年|未来|今后|目前|同时|此外|另外|"
                            r"因此|其中|初步|据此|由此|综合|总体|整体)[\u4e00-\u9fa5A-Za-z]{2,10}?)(?:预测|预计)")

    def _same_forecaster(self, ctx, ss: int, s: int, e: int) -> bool:
        """Round 16: the forecast sentence opens with its forecaster (某公司预测在2026—2045年期间……) and the later
        source sentence names that same body as the publisher (某公司……发布了《……展望》): the source is the
        forecast's own, given after its headline, not a source of later data (n20, n21)."""
        m = self.FORECASTER.match(ctx.text, ss, ctx.doc.sentence_at(ss)[1])  # match() anchors at the sentence start
        return bool(m) and m.group(1) in ctx.text[s:e]

    @staticmethod
    def _news_lead_covers(ctx, ss: int) -> bool:
        """Round 35: a paragraph naming no source of its own, in a story whose news lead (its first body paragraph,
        reporting published data: ctx.lead_in_scope(data_only=True), with a data word outside document titles) named
        the body: the reporter goes on with what that body said, forecasts included (记者在发布会上获悉，……，预计年均
        ……; ai24, ac15 labelled clean; no labelled forecast on t…ai sits under such a lead). A vague source in the
        sentence still takes over."""
        if ctx.paragraph_has("attribution", ss) or ctx.vague_source_in_sentence("attribution", ss):
            return False
        if not ctx.lead_in_scope(ss, data_only=True):
            return False
        # the lead reports data in its own words, not only through a document's title (《政府工作报告》明确……: a
        # market analysis quoting policy, whose forecasts are its own — a probe source, elderly care)
        byline = ctx.byline()
        lead = next((p for p in ctx.doc.paragraphs if p.kind == "text" and p.text.strip()
                     and not (byline and p.text.strip() == byline)), None)
        return lead is not None and bool(DATA_WORDS.search(re.sub(r"《[^》]*》", "", lead.text)))

    def _ours(self, sent: str) -> bool:
        return bool(self.OURS.search(sent))


@kind("gap_baseline")
class GapBaseline(Rule):
    """A gap (缺口) with a figure must say what it is measured against: in its paragraph, or in the two short
    paragraphs (list lines) just before it, where a demand and a supply are often given line by line."""
    extra_keys = {"triggers", "baseline", "vague_triggers", "need_before"}

    @staticmethod
    def _scope(ctx, ss: int, sent: str) -> str:
        para = ctx.doc.paragraph_at(ss)
        if para is None:
            return sent
        paras = ctx.doc.paragraphs
        i = paras.index(para)
        start = para.start
        for q in reversed(paras[max(0, i - 2):i]):
            if q.kind != "text" or len(q.text) > 80:
                break
            start = q.start
        return ctx.text[start:para.end]

    def _based(self, ctx, ss: int, se: int) -> bool:
        """The gap's baseline is stated in its scope (its paragraph and the short lines just before it). Round 30: a
        baseline cue counts in the gap's own sentence or in a sentence that states a figure (需求120万人，供给80万人): a
        sentence with no figure — a metaphor (相比我国文物保护这辆“大车”) or a general remark (人才供给与市场需求之间存在
        差距) — gives no base to measure the gap's figure against."""
        para = ctx.doc.paragraph_at(ss)
        scope = self._scope(ctx, ss, ctx.text[ss:se])
        start = (para.end - len(scope)) if para is not None else ss
        for p in self.baseline:
            for m in p.finditer(ctx.text, start, para.end if para is not None else se):
                s, e = ctx.doc.sentence_at(m.start())
                if s == ss or m.end() > e or ctx.all_figures(s, e):
                    return True
        return False

    def _explained_later(self, ctx, ss: int) -> bool:
        """Round 16: a news lead states the gap (某行业存在超过X万的供需缺口) and a later paragraph of its section gives
        the supply and the demand it is measured by (从业人员约为Y万,但市场需求超过Z万) — the lead summarises, the body
        explains, as a restated figure is sourced where it is restated (round 11). Only for the document's first body
        paragraph."""
        return any(any(b.search(q.text) for b in self.baseline) for q in later_paragraphs_of_lead(ctx, ss))

    def setup(self):
        self.triggers = self._pats("triggers", required=True)
        self.baseline = self._pats("baseline", required=True)
        # 缺口 described by an evaluative word and no figure at all (缺口巨大、缺口持续扩大)
        self.vague_triggers = self._pats("vague_triggers")
        # round 28: a need (headcount) stated before this gap in its own paragraph
        self.need_before = self._pats("need_before")

    CLAUSE_END = "，,；;：:"

    MAGNITUDE = re.compile(r"\d+(?:\.\d+)?\s*(?:万|亿|千|百)(?!分)")

    def _near(self, ctx, ss: int, se: int, gs: int, ge: int, figs: list[Figure]) -> bool:
        """Round 35: a figure (not a percent) or a bare magnitude (超过100万) stands in the gap's clause or in the clause
        just before or after it (缺口达30万人；需求50万，缺口30万；缺口较大，约30万人). Figures only further away in the sentence size something else — an example after
        the gap's explanation (巨大的人才缺口，正是产业飞速发展的体现，以……为例，……可创造100万元的营收: ai07)."""
        text = ctx.text
        cuts = [i for i in range(ss, se) if text[i] in self.CLAUSE_END]
        before = [i for i in cuts if i < gs]
        after = [i for i in cuts if i >= ge]
        lo = before[-2] + 1 if len(before) >= 2 else ss
        hi = after[1] if len(after) >= 2 else se
        return any(lo <= f.start and f.end <= hi for f in figs) or bool(self.MAGNITUDE.search(text, lo, hi))

    def _need_before(self, ctx, gap_end: int) -> bool:
        """Round 28: the gap's own paragraph states a need in headcount before it, with no other gap between
        (人才需求将达到X万人，人才缺口为Y万人; 需求量约为X万，……仅有Z人持证。整体缺口超Y万): the gap is measured
        against that need. A pattern of need_before ends at 缺口; it must end at this gap's trigger (`gap_end`)."""
        para = ctx.doc.paragraph_at(gap_end - 1)
        if para is None or not self.need_before:
            return False
        seg = ctx.text[para.start:gap_end]
        return any(m.end() == len(seg) for p in self.need_before for m in p.finditer(seg))

    def check(self, ctx):
        out = []
        text = ctx.text
        for ss, se, sent in list(ctx.body_sentences()) + unrestated_headline(ctx):
            m = next((mm for p in self.triggers for mm in [p.search(sent)] if mm), None)
            if not m or ctx.doc.in_quotes(ss + m.start(), ss + m.end()) or repeated_paragraph(ctx, ss):
                continue
            figs = [f for f in ctx.all_figures(ss, se) if not f.is_percent]
            if figs and not any(self._near(ctx, ss, se, ss + g.start(), ss + g.end(), figs) for p in self.triggers
                                for g in p.finditer(sent)):
                continue  # round 35: the sentence's figures are another clause's (缺口，正是……的体现，以……为例，……100万元)
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
            if self._based(ctx, ss, se) or self._explained_later(ctx, ss):
                continue
            if self._need_before(ctx, ss + m.end()):
                continue
            if self.excepted(text, ss + m.start(), ss + m.end()):
                continue
            f0 = min(figs, key=lambda f: abs(f.start - (ss + m.start())))
            s, e = min(ss + m.start(), f0.start), max(ss + m.end(), f0.end)
            out.append(self.finding(ctx, s, e))
        return out
