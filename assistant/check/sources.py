"""Document-level source model: who a document's own source is, and how far that attribution reaches.

Decided once per document, before the rules run on sentences (cues and thresholds: `assistant/rules/sources.yaml`):

- the **header**: a byline in the first lines (来源：X, X发布, a title ending in （X）, a body's name alone, a release
  title such as ……统计公报 or X局关于……的通报);
- the **closing line**: a standalone 来源：X / （来源：X） / 数据来源：X as the document's last line, or a release's
  signature (a body's name alone, perhaps with a date line after it), or the providing body (X提供、（X供稿）),
  covering the excerpt;
- the **release layout**: a body's release (numbered sections in which nearly every sentence is a figure of the period
  and its 同比/环比 change) is that body's own data, even when the excerpt never names the body; so is an excerpt with
  no sections that carries a release's own layout marks (分三大门类看、按消费类型分、附注、指标解释) and states the
  period's change in most of its figure sentences;
- **round 9, whole-text sources**: a first line that opens with a body's name and a colon (国家统计局：1-2月份……、
  某部：上半年……, a flash or a headline; not a place or a newspaper) is a header; a release excerpt that starts after
  its byline is known by its **opening voice** (`release_voice`: in the first lines, period + 全国/规模以上/重点统计 +
  a figure + its change, at least three figure sentences, most of them stating the change, no source named in the text
  and no vague one) — that body's own data, like the release layout;
- **notes blocks**: a line starting 注：/说明：/资料来源： that names a source covers the figures above it, up to the
  previous heading or notes block;
- **round 10**: an issuing body's official title (某厅关于开展……的通知／意见／决定／实施方案) is a header — a notice's own
  targets and plans (2025年底前建设20个左右) are the body's, not figures needing a source; a first-lines sentence in which
  a body says it compiled the data (`author_lead`: 某中心通过采集……信息，经统计分析形成……报告如下; 某部对……信息进行了
  统计分析) is a header too, covering the numbered sections below it; a newspaper's own round-up (`reporter_byline`:
  本报记者、本报讯、（记者某某）) that names no source anywhere is not a release — neither the release layout, the opening
  voice nor the local release voice applies, so its figures stay unsourced.
- **round 13**: a closing author credit (the last line ends in （某局 张某）: a body and a person's name) makes the text
  that body's own report — its figures are sourced (`credit`), but not its forecasts, which need a method as the
  body's own; the credit does not cover the whole text for the other rules.
- **round 16**: a bulletin in numbered sections whose figures are nearly all period comparisons is a release even when
  policy sentences outnumber the figures (`_headed_release`: no source named or vague, no report voice, none of the
  community's own subject — talent, jobs, schools); an economic-operation report's title (……经济运行报告／经济运行
  情况综述, alone on a line, not numbered) is a header.
- **round 17**: that bulletin reports its figures and never explains them: an analysis's own reasoning anywhere in the
  text (`headed_release_not`: 表明、可见、得益于、主要原因、一方面) makes it a section of an industry analysis whose report
  kind was not detected, and its figures stay unsourced.
- **round 18**: a publisher's own statistical text that never names its publisher is known by the publisher's own
  accounting (`_own_statistics`: 据初步核算／经核算 + a year or period, a national or provincial scope, a figure and its
  comparison), at least three figure sentences, nobody else's source, none of our subject, voice or reasoning; its
  据测算 is then that publisher's own estimate, not a vague source. Anything short of that abstains: the figures stay
  unsourced. Written from batch u: a closing compiled-from line naming a body （根据某联合会有关数据整理） is a closing
  source line, and a paragraph opening with a numbered headline sentence (一、生产运行平稳。) is a release section.
- **round 26**: a release known by its byline is a release too (`release_header`: ……统计公报, a statistics bureau's or
  survey team's name, or a local office's opening voice `local_release_voice`) — its header already covered its figures,
  but `release` (which objectivity's own-release exception reads) was only set by the body's form, never beside a
  header; and an industry operation report in its own voice (`_industry_operation`, `own_industry`: its opening
  characterises the industry's economic operation, 某行业经济运行态势总体向好) is its publisher's own statistics: whole, not a
  release.
- **round 25**: a data release known by its title line (a period and 情况／数据／主要指标, perhaps a colon) over a list
  or a table of indicator figures and their changes (`_titled_release`); and a data page — label and value lines,
  distribution tables and percentiles, little or no prose, first line a layout line (`_data_sheet`) — is its own
  publisher's data. Both need no source named or vague and none of a report's voice or an analysis's reasoning.
- **round 36**: a plan's own title alone on a line (某省某设施“十四五”发展规划、某镇某产业振兴计划; not a title that reports on
  a plan: 解读、印发、《》) is a header, like a notice's title; and a release's opening voice may write the period's change
  before its figure (2022年3月份，全国居民消费价格同比上涨1.5%。).
- **round 37**: the publisher's own data-release sentence in the first lines (`author_lead`) need not open with 现将
  (2023年度，某产业和市场相关数据发布如下：).
- **round 38**: a local body's own progress report with no byline (`_own_work_report`, `own_work`: a jurisdiction in the
  first lines, most figure clauses the body's own work or its progress against the year's target, no reporter's voice,
  no other source); a provider credit may carry the editor's credit （县统计局供稿 编校:某某）.
- **round 39**: a release in bracket-numbered sections （（一）工业经济稳中承压。）, a local statistics office's GDP-accounting
  opening (根据地区生产总值统一核算结果,上半年全县实现……, in `local_release_voice`), and a local release known by its
  comparison with the enclosing jurisdiction (`_compared_release`: 同比增长4.9%,比全省平均增速高0.2个百分点).

A vague source (来源：网络、据相关媒体报道) is no source. The header, the closing line and the release layout cover the whole
document when the document is not one of the community's own report kinds (or when they name an authority); a
notes block covers only the paragraphs above it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .figures import find_figures
from .rules import blank_out


@dataclass
class SourceModel:
    header: str | None = None  # the byline line, as written
    closing: str | None = None  # the closing source line, as written
    release: bool = False  # the body is laid out as a release
    voice: bool = False  # the release is known by its opening voice (a period, a national scope, a figure, a change)
    whole: bool = False  # the document's own source covers every sentence
    credit: str | None = None  # round 13: a closing author credit （某局 张某）, covering figures but not forecasts
    own_stats: bool = False  # round 18: a publisher's own statistical text (its 据初步核算、据测算 are its own accounting)
    own_data: str | None = None  # round 19: the opening line declaring the report's own survey or collected data
    own_industry: bool = False  # round 26: an industry operation report in its own voice (its figures are its own)
    overview: bool = False  # round 31: a release known by its overview opening (period + scope + a figure-less verdict)
    own_work: bool = False  # round 38: a local body's own progress report (its figures, not its forecasts, are its own)
    newsroom: bool = False  # round 33: a reporter's story (本报讯、（记者某某）): its 我市 is the paper's city, no publisher
    notes: list[tuple[int, int]] = field(default_factory=list)  # (start, end) of text a notes block covers
    note_lines: list[int] = field(default_factory=list)  # paragraph starts of the notes blocks that name a source

    def covers(self, pos: int | None = None) -> bool:
        """The document's own source (or a notes block below `pos`) attributes what is at `pos`."""
        if self.whole:
            return True
        return pos is not None and any(s <= pos < e for s, e in self.notes)

    def describe(self) -> dict:
        return {"header": self.header, "closing": self.closing, "release": self.release, "voice": self.voice,
                "whole": self.whole, "notes": len(self.notes), "credit": self.credit, "own_stats": self.own_stats,
                "own_data": self.own_data, "own_industry": self.own_industry, "overview": self.overview,
                "own_work": self.own_work, "newsroom": self.newsroom}


def _any(pats, text: str) -> bool:
    return any(p.search(text) for p in pats)


def build_source_model(ctx) -> SourceModel:
    """The document's source model (see the module docstring). `ctx` is a rules.Context."""
    defs, params = ctx.definitions, ctx.parameters
    paras = [p for p in ctx.doc.paragraphs if p.text.strip()]
    model = SourceModel()
    vague_line = defs.get("vague_source_line") or []

    heads = paras[:int(params.get("byline_lines", 4))]
    # round 33: in a reporter's story (本报讯、（记者某某）) 我市 is the paper's city, not a publisher's own voice
    newsroom = model.newsroom = any(_any(defs.get("reporter_byline") or [], p.text) for p in paras)
    bylines = (defs.get("byline") or []) + ([] if newsroom else defs.get("local_byline") or [])
    for p in heads:
        if p.kind != "table_row" and _any(bylines, p.text) and not _any(vague_line, p.text):
            model.header = p.text.strip()
            break

    reporter = _reporter_only(ctx, paras, newsroom)
    local_voice = False
    if model.header is None and not newsroom and not any(_any(vague_line, p.text) for p in paras):
        # a local statistics office's own voice (全市……同比增长): that office is the source
        model.header = _first_text_line(heads, defs.get("local_release_voice"))
        local_voice = model.header is not None
    if model.header is None:
        # round 10: the body says it compiled the data itself (某中心……经统计分析形成……报告如下)
        model.header = _first_text_line(heads, defs.get("author_lead"))

    tail = [p for p in paras[-3:] if p.kind == "text"]
    while tail and _any(defs.get("editor_line") or [], tail[-1].text):
        tail = tail[:-1]
    if tail and len(paras) > 1:
        last = tail[-1]
        closing = (_any(defs.get("source_closing") or [], last.text) or _any(defs.get("signature") or [], last.text)
                   or _any(defs.get("provider_line") or [], last.text))
        if closing and not _any(vague_line, last.text):
            model.closing = last.text.strip()

    if tail and model.closing is None and ctx.report is None and _any(defs.get("author_credit") or [], tail[-1].text):
        model.credit = tail[-1].text.strip()  # round 13: the last line ends in the author's credit （某局 张某）

    model.release = ctx.report is None and not reporter and _release_layout(ctx, paras)
    if model.header is None and not model.release and ctx.report is None and not reporter:
        model.release = model.voice = (_release_voice(ctx, paras, heads, vague_line)
                                       or _statistical_run(ctx, paras, vague_line)
                                       or _headed_release(ctx, paras, vague_line)
                                       or _titled_release(ctx, paras, vague_line)
                                       or _compared_release(ctx, paras, vague_line))
        if not model.release:
            model.release = _data_sheet(ctx, paras, vague_line)
        if not model.release:
            model.release = model.own_stats = _own_statistics(ctx, paras, heads, vague_line)
        if not model.release:
            model.own_industry = _industry_operation(ctx, paras, vague_line)
        if not model.release and not model.own_industry:
            model.overview = _overview_release(ctx, paras, vague_line)
        if not (model.release or model.own_industry or model.overview):
            model.own_work = _own_work_report(ctx, paras, heads, vague_line)

    if (model.header and not model.release and ctx.report is None and not reporter
            and (local_voice or _any(defs.get("release_header") or [], model.header))):
        # round 26: a release known by its byline — a statistics body's own title or name (……统计公报, 国家统计局
        # alone on a line) or a local office's opening voice (全省……同比增长): it is a release, like the forms above
        model.release = True
    named = [b for b in (model.header, model.closing) if b]
    if ctx.report is None:
        model.whole = bool(named) or model.release or model.own_industry or model.overview
    else:  # a community report: only a byline naming an authority (a bureau, an association, a profile body)
        pats = defs.get("authority") or []
        model.whole = any(any(a in b for a in ctx.authorities) or _any(pats, b) for b in named)

    model.own_data = _first_text_line(paras[:int(params.get("own_data_lines", 8))], defs.get("own_data_declaration"))
    _notes(ctx, model, vague_line)
    return model


def own_data_covers(ctx, ss: int, se: int) -> bool:
    """Round 19: whose figures — the opening declares the report's own data (own_data_declaration: 本报告基于我们对……的
    招聘数据分析、本次调查共回收……), so a figure sentence that names nobody is the report's own, in every section and table
    (a table laid out one cell a line included). Not a sentence about the world outside the sample (own_data_not: a market
    size, a whole industry's output, 全国、我国、全球 totals): that needs its own source, as before."""
    if not ctx.source().own_data:
        return False
    return not any(p.search(ctx.text, ss, se) for p in ctx.definitions.get("own_data_not") or [])


def _first_text_line(heads, pats) -> str | None:
    """The first text line among the first lines that a cue matches, as written."""
    return next((p.text.strip() for p in heads if pats and p.kind == "text" and _any(pats, p.text)), None)


def _reporter_only(ctx, paras, newsroom: bool) -> bool:
    """Round 10: a newspaper's own round-up — a reporter's byline (本报记者、本报讯、（记者某某）: `newsroom`) and no
    source named anywhere in the text. Its figures are the paper's report, not a statistics body's release: neither
    the release layout nor the opening voice applies."""
    return newsroom and not any(p.kind == "text" and ctx._has_attribution(p.text) for p in paras)


def _release_layout(ctx, paras) -> bool:
    """Numbered sections, nearly every body sentence a figure, most of them a period-on-period change, and no sign in
    the first lines of a paper, a commentary or an analysis (摘要、作者、本文、研究……)."""
    defs, params = ctx.definitions, ctx.parameters
    if any(_any(defs.get("release_not") or [], p.text) for p in paras[:3]):
        return False
    inline = list(defs.get("inline_heading") or [])  # round 18: 一、生产运行平稳。 opening a paragraph is its section's heading
    if not any(_any(defs.get("release_topic_not") or [], p.text) for p in paras):
        inline += defs.get("inline_heading_numbered") or []  # round 19: 1.提供住宿的某服务。, not in a text on our subject
    headings = [p for p in ctx.doc.paragraphs if p.kind == "heading" or p.kind == "text" and _any(inline, p.text)]
    numbered = [p for p in ctx.doc.paragraphs if p.kind == "text" and _any(defs.get("numbered_paragraph") or [], p.text)]
    if len(numbered) >= int(params.get("numbered_paragraph_min", 2)):
        headings += numbered  # round 24: 一、……二、…… opening paragraphs whose headings run into the text
    most = int(params.get("inline_heading_max_chars", 16))
    sents = [s for s in ctx.body_sentences() if not (inline and _any(inline, s[2]) and len(s[2].strip()) <= most)]
    least = int(params.get("release_min_sentences", 4))
    if len(headings) >= 2:
        least = min(least, int(params.get("release_min_sentences_sections", least)))
    if len(sents) < least:
        return False
    with_fig = [s for ss, se, s in sents if find_figures(ctx.text, ss, se)]
    if _marked_release(ctx, with_fig):
        return True
    if len(headings) < int(params.get("release_min_headings", 1)):
        return False
    period = [s for s in with_fig if _any(defs.get("release_period_figure") or [], s)]
    return (len(with_fig) / len(sents) >= float(params.get("release_min_figure_share", 0.7))
            and len(period) / len(sents) >= float(params.get("release_min_period_share", 0.5)))


def _release_voice(ctx, paras, heads, vague_line) -> bool:
    """Round 9: a release excerpt that starts after its byline (no publisher, no sections, no layout marks), known by
    its opening voice: in the first lines, a sentence that opens with the period (1—8月份、2022年1-3月、一季度), then a
    national or statistical scope (全国、规模以上、重点统计), a figure and its change (同比、比上年) — the voice of the
    statistics body's own release; most figure sentences after it state the period's change. Not when any sentence
    names a source, vague or not (据了解、数据显示 with nothing before it, 据某部: the text then reports on the release
    and the lead scope judges it), nor when the first lines are a paper's or a commentary's (release_not)."""
    defs, params = ctx.definitions, ctx.parameters
    pats = defs.get("release_voice") or []
    if not pats or any(_any(defs.get("release_not") or [], p.text) for p in paras[:3]):
        return False
    if any(_any(vague_line, p.text) for p in paras):
        return False
    vague = defs.get("vague_attribution") or []
    if any(_any(vague, p.text) or p.kind == "text" and ctx._has_attribution(p.text) for p in paras):
        return False  # a vague source, or a source named in the text: news quoting, judged by the lead scope
    texts = [p for p in heads if p.kind in ("text", "title", "heading")]
    found = False
    for i, p in enumerate(texts):
        if p.kind != "text" and not (i + 1 < len(texts) and texts[i + 1].kind == "text"):
            continue
        line = p.text.strip()
        if i + 1 < len(texts) and not line.endswith(("。", "；", ";", "！", "？")):
            line += texts[i + 1].text.strip()  # a sentence broken across lines (……重点统计⏎企业共生产……)
        if _any(pats, line):
            found = True
            break
    if not found:
        return False
    sents = list(ctx.body_sentences())
    figs = [bool(find_figures(ctx.text, ss, se)) for ss, se, _ in sents]
    with_fig = [s for (ss, se, s), f in zip(sents, figs) if f]
    if len(with_fig) < int(params.get("voice_min_figure_sentences", 3)):
        return False
    change = [s for s in with_fig if _any(defs.get("release_change_figure") or [], s)]
    counted = len(sents) - _topic_lines(ctx, sents, figs)
    return (len(change) / len(with_fig) >= float(params.get("release_min_change_share", 0.6))
            and len(with_fig) / max(counted, 1) >= float(params.get("voice_min_figure_share", 0.7)))


def _voiced_or_sourced(ctx, paras, vague_line, extra: tuple[str, ...], text_sources_only: bool = False,
                       blank: list | None = None, figure_sources_only: bool = False,
                       voice: str = "stat_run_not") -> bool:
    """Does any paragraph carry a report's own voice (stat_run_not and the `extra` cue lists) or a vague source, or
    name a source (with `text_sources_only`, a named source counts in running text only, not in a heading; round 24:
    with `figure_sources_only`, only in a paragraph that states a figure)? Words matching `blank` are set aside first
    (round 18: a publisher's own 据初步核算). Round 38: `voice` names the list of a report's own voice (own_work_not for a
    body's progress report, which may well list its 措施 and say 一是、二是)."""
    defs = ctx.definitions
    cues = [p for key in (voice, *extra, "vague_attribution") for p in (defs.get(key) or [])] + list(vague_line)
    texts = [(p, blank_out(p.text, blank) if blank else p.text) for p in paras]

    def named(p, t) -> bool:
        if text_sources_only and p.kind != "text":
            return False
        if figure_sources_only and not find_figures(ctx.text, p.start, p.end):
            return False
        return ctx._has_attribution(t)

    return any(_any(cues, t) or named(p, t) for p, t in texts)


def _statistical_run(ctx, paras, vague_line) -> bool:
    """Round 15: a release excerpt with neither a publisher nor a national scope (2025年,全省规模以上工业增加值同比增长
    7.9%。／2025 年,某行业业务量完成 X 亿件,同比增长 Y%。), known only as a whole: its first sentence is a period, a
    metric, a figure and its change (stat_run_opening), and the whole text is a run of such sentences — nearly every
    body sentence a figure, nearly every figure sentence a change (stat_run_* parameters), no heading, no source named
    or vague, and none of a report's own voice (本报告、我们、建议、一是、总体看……: stat_run_not). The same opening
    inside a report — with headings, proposals or an argument around it, or in a document of a community report
    kind (the caller checks) — stays unsourced."""
    defs, params = ctx.definitions, ctx.parameters
    opening = defs.get("stat_run_opening") or []
    texts = [p for p in paras if p.kind != "table_row"]
    if not opening or not texts or texts[0].kind != "text" or not _any(opening, texts[0].text):
        return False
    if any(p.kind in ("heading", "title") for p in paras):
        return False
    if _voiced_or_sourced(ctx, texts, vague_line, ("release_not",)):
        return False
    sents = [s for s in ctx.body_sentences() if s[2].strip()]
    with_fig = [s for ss, se, s in sents if find_figures(ctx.text, ss, se)]
    if len(with_fig) < int(params.get("stat_run_min_figure_sentences", 5)):
        return False
    change = [s for s in with_fig if _any(defs.get("release_change_figure") or [], s)]
    return (len(with_fig) / len(sents) >= float(params.get("stat_run_min_figure_share", 0.8))
            and len(change) / len(with_fig) >= float(params.get("stat_run_min_change_share", 0.8)))


def _headed_release(ctx, paras, vague_line) -> bool:
    """Round 16: a bulletin or an official interpretation in numbered sections that names no publisher and whose
    sections mix policy sentences with figures (一、全国秋收进展顺利 … 各地持续加大……支持力度。2025年,全国某产品产量
    X 亿斤,比上年增长 Y%。). Known by its figures, not by their share: at least `headed_release_min_figure_sentences`
    figure sentences, nearly all of them a period comparison (同比、比上年、百分点: headed_release_min_period_share);
    at least one heading; no source named or vague anywhere; none of a report's own voice (stat_run_not) and none of
    the community's own subject (release_topic_not: talent, jobs, schools — a report of ours, not a bureau's
    bulletin); round 17: none of an analysis's own reasoning (headed_release_not: 表明、可见、得益于、主要原因 — a
    section of an industry analysis explains its figures, a bulletin only reports them); and not a paper or an
    analysis (release_not). Never in a document of a community report kind (the caller checks)."""
    defs, params = ctx.definitions, ctx.parameters
    if not defs.get("release_topic_not") or not any(p.kind == "heading" for p in paras):
        return False
    if any(_any(defs.get("release_not") or [], p.text) for p in paras[:3]):
        return False
    texts = [p for p in paras if p.kind != "table_row"]
    # round 24: a source named in a paragraph with no figure (遥感监测结果显示，……长势好于上年; 根据全国种植意向调查，……
    # 总体稳定) is the bulletin's own survey or monitoring behind a qualitative finding, not someone else's data
    if _voiced_or_sourced(ctx, texts, vague_line, ("release_topic_not", "headed_release_not"), text_sources_only=True,
                          figure_sources_only=True):
        return False
    with_fig = [s for ss, se, s in ctx.body_sentences() if s.strip() and find_figures(ctx.text, ss, se)]
    if len(with_fig) < int(params.get("headed_release_min_figure_sentences", 2)):
        return False
    period = [s for s in with_fig if _any(defs.get("release_period_figure") or [], s)]
    return len(period) / len(with_fig) >= float(params.get("headed_release_min_period_share", 0.8))


def _titled_release(ctx, paras, vague_line) -> bool:
    """Round 25: a data release known by its title line and the list under it (2016年1-9月全省某接待情况: / 2018年2月份
    主要某统计数据, then one indicator a line — numbered or not, or a table of indicators): the title, alone on the
    first line, names a period and ends in 情况／数据／统计数据／主要指标 (a colon or 如下 may follow), and is not an
    analysis's or a brief's (titled_release_title_not: 分析、现状、简报……). Under it: at least
    `voice_min_figure_sentences` figure sentences making up most of the body (voice_min_figure_share), most stating
    the period's change (release_min_change_share) — or a header line of the indicator table naming the comparison
    (同比、去年同期), which every row then states (a row of such a table, an indicator and its values, counts as a figure
    sentence: indicator_row); no source named or vague anywhere, none of a report's voice, an
    analysis's reasoning or the community's own subject, and not a paper's marks. Never in a document of a community
    report kind (the caller checks). The release names nobody else, so it is its own source."""
    defs, params = ctx.definitions, ctx.parameters
    title_pats = defs.get("titled_release_title") or []
    if not title_pats or not paras or paras[0].kind == "table_row":
        return False
    title = paras[0].text.strip()
    if not _any(title_pats, title) or _any(defs.get("titled_release_title_not") or [], title):
        return False
    if any(_any(defs.get("release_not") or [], p.text) for p in paras[:3]):
        return False
    texts = [p for p in paras if p.kind != "table_row"]
    if _voiced_or_sourced(ctx, texts, vague_line, ("release_topic_not", "headed_release_not"), text_sources_only=True):
        return False
    sents = [s for s in ctx.body_sentences() if s[2].strip() and s[2].strip() != title]
    rows = defs.get("indicator_row") or []  # a row of the indicator table: its values are figures without units
    figs = [bool(find_figures(ctx.text, ss, se)) or _any(rows, s) for ss, se, s in sents]
    with_fig = [s for (_, _, s), f in zip(sents, figs) if f]
    if len(with_fig) < int(params.get("voice_min_figure_sentences", 3)):
        return False
    counted = len(sents) - _topic_lines(ctx, sents, figs)
    if len(with_fig) / max(counted, 1) < float(params.get("voice_min_figure_share", 0.7)):
        return False
    header = [p for p in paras[1:1 + int(params.get("titled_release_header_lines", 3))]
              if not p.text.strip().endswith(("。", "；", ";")) and _any(defs.get("release_period_figure") or [], p.text)]
    change = [s for s in with_fig if _any(defs.get("release_change_figure") or [], s)]
    return bool(header) or len(change) / len(with_fig) >= float(params.get("release_min_change_share", 0.6))


def _compared_release(ctx, paras, vague_line) -> bool:
    """Round 39: a local release known by its comparison with the enclosing jurisdiction (1-8月,某市规模以上服务业营业收入
    796.74亿元,同比增长4.9%,比全省平均增速高0.2个百分点; 固定资产投资同比增长11.6%,增速高出全市6.6个百分点): the lower
    jurisdiction's statistics office measures its own figures against the higher one's (jurisdiction_comparison). With
    it: at least `compared_release_min_figure_sentences` figure sentences, most of them stating the period's change
    (release_min_change_share); no source named in running text or vague anywhere, none of a report's own voice or an
    analysis's reasoning, no paper's marks in the first lines (release_not). Never in a reporter's story or a document
    of a community report kind (the caller checks)."""
    defs, params = ctx.definitions, ctx.parameters
    pats = defs.get("jurisdiction_comparison") or []
    if not pats or not any(p.kind == "text" and _any(pats, p.text) for p in paras):
        return False
    if any(_any(defs.get("release_not") or [], p.text) for p in paras[:3]):
        return False
    texts = [p for p in paras if p.kind != "table_row"]
    if _voiced_or_sourced(ctx, texts, vague_line, ("headed_release_not",), text_sources_only=True):
        return False
    with_fig = [s for ss, se, s in ctx.body_sentences() if s.strip() and find_figures(ctx.text, ss, se)]
    return _mostly(with_fig, defs.get("release_change_figure") or [],
                   int(params.get("compared_release_min_figure_sentences", 2)),
                   float(params.get("release_min_change_share", 0.6)))


def _data_sheet(ctx, paras, vague_line) -> bool:
    """Round 25: a data page — a platform's or a body's sheet of its own figures laid out as data, not written as an
    argument (职位类别 / 地区 / 平均月薪 lines, then distribution tables 区间 | 占比 and a list of percentiles): at
    least `data_sheet_min_lines` non-empty lines, of which at least `data_sheet_min_layout_share` are layout lines
    (table rows, cells split by |, or short lines with no sentence end: labels and values), opening with a layout line
    (not a heading or a paragraph of prose: an article's table stands under its argument), and no source named or
    vague, none of a report's voice or an analysis's reasoning anywhere. Whose figures they are is then the page's
    own publisher's (the byline scope), as for a release; never in a document of a community report kind."""
    defs, params = ctx.definitions, ctx.parameters
    least = int(params.get("data_sheet_min_lines", 0))
    if not least or len(paras) < least:
        return False
    most = int(params.get("data_sheet_line_max_chars", 30))

    def layout(p) -> bool:
        t = p.text.strip()
        return (p.kind == "table_row" or "|" in t
                or p.kind != "heading" and len(t) <= most and not t.endswith(("。", "；", ";", "！", "？", "，", ",")))

    if not layout(paras[0]) or paras[0].kind == "heading":
        return False
    if sum(layout(p) for p in paras) / len(paras) < float(params.get("data_sheet_min_layout_share", 0.85)):
        return False
    texts = [p for p in paras if p.kind != "table_row" and "|" not in p.text]
    return not _voiced_or_sourced(ctx, texts, vague_line, ("headed_release_not", "release_not"), text_sources_only=True)


def _own_statistics(ctx, paras, heads, vague_line) -> bool:
    """Round 18: a statistics body's or an association's own statistical text that never names its publisher (据初步
    核算,2025年全国某产业增加值X亿元,比上年增长Y%。其中……。据测算,全年从业人员Z万人。), told from a writer's report by
    the text alone. All of: (1) the publisher's voice in the first lines (own_stats_voice: perhaps its own accounting
    据初步核算／据测算, then a year or period, a national or provincial scope 全国、我国、全省、规模以上, a figure and its
    comparison 比上年、同比、较2024年); (2) a statistical text: at least `own_stats_min_figure_sentences` figure
    sentences, at least `own_stats_min_figure_share` of the counted sentences; (3) nobody else's data: no source named
    in running text and no vague source once the publisher's accounting words (own_stats_accounting) are set aside;
    (4) nothing of our own reports: none of the community's subject (release_topic_not), a report's voice and
    proposals (stat_run_not), an analysis's reasoning (headed_release_not) or a paper's marks (release_not). Never in
    a document of a community report kind (the caller checks). When any part is missing the figures stay unsourced."""
    defs, params = ctx.definitions, ctx.parameters
    voice, accounting = defs.get("own_stats_voice") or [], defs.get("own_stats_accounting") or []
    if not voice or not defs.get("release_topic_not"):
        return False
    if not any(p.kind == "text" and _any(voice, p.text) for p in heads):
        return False
    texts = [p for p in paras if p.kind != "table_row"]
    if any(_any(defs.get("release_not") or [], p.text) for p in paras[:3]):
        return False
    if _voiced_or_sourced(ctx, texts, vague_line, ("release_topic_not", "headed_release_not"), text_sources_only=True,
                          blank=list(accounting) + list(defs.get("own_stats_topic_ok") or [])):
        return False
    sents = [s for s in ctx.body_sentences() if s[2].strip()]
    figs = [bool(find_figures(ctx.text, ss, se)) for ss, se, _ in sents]
    if sum(figs) < int(params.get("own_stats_min_figure_sentences", 3)):
        return False
    counted = len(sents) - _topic_lines(ctx, sents, figs)
    return sum(figs) / max(counted, 1) >= float(params.get("own_stats_min_figure_share", 0.5))


def _industry_operation(ctx, paras, vague_line) -> bool:
    """Round 26: an industry operation report in its own voice, with its title and byline cut from the excerpt (1-6月
    某行业经济运行态势总体向好，主要经济运行指标……／行业经济运行呈现向好的态势): an association's or a federation's
    periodic summary of its industry's statistics (its above-scale or member enterprises), so its figures are the
    publisher's own, like a release. Known by a sentence in the opening (`industry_operation_chars`) that characterises
    the industry's economic operation (industry_operation_voice: an industry, 经济运行, then 态势、情况、总体…; an
    analysis's 行业运行态势良好 or 运营状态 is not it), at
    least `industry_operation_min_figure_sentences` figure sentences, no vague source anywhere (one beside a named
    body, 据某署相关数据显示, is that body's) and not a paper's or a
    commentary's opening (release_not). A source named in a sentence still speaks for that sentence (the rules read it
    first); never in a reporter's round-up or a document of a community report kind (the caller checks)."""
    defs, params = ctx.definitions, ctx.parameters
    pats = defs.get("industry_operation_voice") or []
    if not pats:
        return False
    most = int(params.get("industry_operation_chars", 400))
    if not any(p.kind == "text" and _any(pats, ctx.text[p.start:min(p.end, most)]) for p in paras if p.start < most):
        return False  # in running text: a numbered heading (一、某行业经济运行情况) is a report's section (round 16)
    if any(_any(defs.get("release_not") or [], p.text) for p in paras[:3]):
        return False
    vague = list(defs.get("vague_attribution") or []) + list(vague_line)
    if any(_any(vague, p.text) and not ctx._has_attribution(p.text) for p in paras):
        return False  # a vague source (a body named with it, 据某署相关数据显示, is a named source)
    figs = [s for ss, se, s in ctx.body_sentences() if s.strip() and find_figures(ctx.text, ss, se)]
    return len(figs) >= int(params.get("industry_operation_min_figure_sentences", 3))


def _overview_release(ctx, paras, vague_line) -> bool:
    """Round 31: a statistical release whose title and byline the excerpt lost, known by its overview opening — the
    first sentence names the period and the jurisdiction or the whole sector, and gives the period's verdict with no
    figure (2月份,我国某行业生产形势保持增长态势。／一季度,全省某经济呈现稳中有进的态势。; overview_opening) — the
    fixed opening of a body's periodic release of its own statistics, which a news item (a figure or a named source in
    its lead) does not use. Then: at least `overview_min_figure_sentences` figure sentences, at least
    `overview_min_change_share` of them stating the period's change, at least one stating the jurisdiction's own total
    (全国规模以上……完成、全省完成……; overview_figure_scope); no source named in a paragraph with a figure and
    no vague source anywhere; not a paper's or a commentary's opening (release_not) and none of an analysis's reasoning
    (headed_release_not). Never in a reporter's round-up or a document of a community report kind (the caller
    checks). The publisher is then the source of the figures, as for the other release forms; a sentence naming a vague
    source is still judged by it."""
    defs, params = ctx.definitions, ctx.parameters
    pats = defs.get("overview_opening") or []
    first = next((p for p in paras if p.kind == "text"), None)
    if not pats or first is None or not _any(pats, first.text):
        return False
    if any(_any(defs.get("release_not") or [], p.text) for p in paras[:3]):
        return False
    texts = [p for p in paras if p.kind != "table_row"]
    if _voiced_or_sourced(ctx, texts, vague_line, ("headed_release_not",), text_sources_only=True,
                          figure_sources_only=True):
        return False
    with_fig = [s for ss, se, s in ctx.body_sentences() if s.strip() and find_figures(ctx.text, ss, se)]
    if len(with_fig) < int(params.get("overview_min_figure_sentences", 3)):
        return False
    if not any(_any(defs.get("overview_figure_scope") or [], s) for s in with_fig):
        return False  # no figure stated for the jurisdiction (全国……完成、全省……): a sector's figures, not a release's
    change = [s for s in with_fig if _any(defs.get("release_change_figure") or [], s)]
    return len(change) / len(with_fig) >= float(params.get("overview_min_change_share", 0.5))


def _own_work_report(ctx, paras, heads, vague_line) -> bool:
    """Round 38: a local body's own progress report with its title and byline cut from the excerpt (全市新增城镇就业……,
    完成全年目标数65.3%；完成各类职业培训……人次、受理投诉举报……起；初步统计,1-10月份,全县完成工业增加值……): the
    jurisdiction (own_work_scope: 全市、全县……) in a text line of the first lines, at least
    `own_work_min_figure_sentences` figure clauses (sentences split at ；), at least `own_work_min_share` of them
    stating the body's own work or its progress against the year's target (own_work_figure: 完成、新增、发放、受理……
    + a figure; 目标、年计划 + a share). Not when a source is named in running text or a vague one anywhere once the
    body's own 初步统计／初步测算 (own_work_accounting) is set aside, when a report's or a reporter's voice (own_work_not:
    本报告、建议、记者、获悉) or an analysis's reasoning (headed_release_not) shows, nor under a paper's or a
    commentary's opening (release_not). Never in a reporter's story or a document of a community report kind (the caller
    checks): a reporter's story in the same words (记者获悉, 本报讯) keeps its figures unsourced."""
    defs, params = ctx.definitions, ctx.parameters
    scope, work = defs.get("own_work_scope") or [], defs.get("own_work_figure") or []
    if not scope or not work or not any(p.kind == "text" and _any(scope, p.text) for p in heads):
        return False
    if any(_any(defs.get("release_not") or [], p.text) for p in paras[:3]):
        return False
    texts = [p for p in paras if p.kind != "table_row"]
    if _voiced_or_sourced(ctx, texts, vague_line, ("headed_release_not",), text_sources_only=True,
                          blank=list(defs.get("own_work_accounting") or []), voice="own_work_not"):
        return False
    figs = [c for ss, se, _ in ctx.body_sentences() for c in _clauses(ctx.text, ss, se)]
    return _mostly(figs, work, int(params.get("own_work_min_figure_sentences", 3)),
                   float(params.get("own_work_min_share", 0.5)))


def _mostly(units: list[str], patterns: list, min_units: int, min_share: float) -> bool:
    """At least `min_units` figure units, and at least `min_share` of them matching one of `patterns`."""
    return bool(units) and len(units) >= min_units and sum(1 for u in units if _any(patterns, u)) / len(units) >= min_share


def _clauses(text: str, ss: int, se: int) -> list[str]:
    """The figure-bearing clauses (split at ；) of the sentence text[ss:se]: a progress report runs one item a clause."""
    out, start = [], ss
    for i in range(ss, se + 1):
        if i == se or text[i] in "；;":
            if text[start:i].strip() and find_figures(text, start, i):
                out.append(text[start:i])
            start = i + 1
    return out


def _topic_lines(ctx, sents, figs) -> int:
    """Round 12: a release's own signposts, not counted against its figure share — a short headline-sentence with no
    figure (利润总额稳步增长。) followed in its paragraph by a figure sentence, and a short line with no sentence end
    (总体运行情况) standing alone above a paragraph (release_topic_max_chars)."""
    most = int(ctx.parameters.get("release_topic_max_chars", 20))
    paras = [p for p in ctx.doc.paragraphs if p.text.strip()]

    def para_of(pos):
        return next((p for p in paras if p.start <= pos < p.end), None)

    n = 0
    for i, ((ss, se, s), f) in enumerate(zip(sents, figs)):
        body = s.strip()
        if f or not body or len(body) > most:
            continue
        p = para_of(ss)
        if p is None:
            continue
        if body == p.text.strip() and not body.endswith(("。", "；", ";", "！", "？", "，", ",", "：", ":")):
            if p is not paras[-1]:
                n += 1  # a sub-heading line above a paragraph
            continue
        if body.endswith("。") and i + 1 < len(sents) and figs[i + 1] and para_of(sents[i + 1][0]) is p:
            n += 1  # a headline-sentence opening its paragraph's figures
    return n


def _marked_release(ctx, with_fig) -> bool:
    """A release excerpt that names no publisher and has no numbered sections, known by its own layout: breakdown
    openers (分三大门类看、按消费类型分) and notes-block titles (附注、指标解释、调查方法), with most figure sentences stating
    the period's change. Counted over the whole text, so a notes block full of definitions does not dilute it."""
    defs, params = ctx.definitions, ctx.parameters
    markers = sum(len(pat.findall(p.text)) for p in ctx.doc.paragraphs for pat in defs.get("release_marker") or [])
    if markers < int(params.get("release_min_markers", 2)):
        return False
    if len(with_fig) < int(params.get("release_min_figure_sentences", 3)):
        return False
    change = [s for s in with_fig if _any(defs.get("release_change_figure") or [], s)]
    return len(change) / len(with_fig) >= float(params.get("release_min_change_share", 0.6))


def _notes(ctx, model: SourceModel, vague_line) -> None:
    """A notes line that names a source covers the text paragraphs above it, back to the previous heading or notes
    line; the closing line is not a notes block (it covers the whole excerpt)."""
    pats = ctx.definitions.get("source_notes") or []
    if not pats:
        return
    paras = ctx.doc.paragraphs
    block_start = 0
    for p in paras:
        if p.kind == "heading":
            block_start = p.end
            continue
        if p.kind != "text" or not _any(pats, p.text):
            continue
        if _any(vague_line, p.text) or not ctx._has_attribution(p.text + "。") and not _names_after_label(p.text):
            block_start = p.end
            continue
        if model.closing is None or p.text.strip() != model.closing:
            model.notes.append((block_start, p.start))
            model.note_lines.append(p.start)
        block_start = p.end


def _names_after_label(text: str) -> bool:
    """资料来源：X / 数据来源：X — the label itself says a source follows; 注：/说明： must name one (checked by the
    attribution cues)."""
    head = text.lstrip(" （(")
    return head.startswith(("资料来源", "数据来源", "来源")) and len(head.split("：", 1)[-1].split(":", 1)[-1].strip()) >= 2
