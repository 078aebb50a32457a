"""Rule kinds for wording: `existence` (tokens and patterns with context exceptions) and the test for whether
the text gives a figure for a vague change."""
from __future__ import annotations

import re

from .figures import YEAR_RE, find_figures
from .rules import Context, Rule, RuleFileError, _alternation, kind


# ------------------------------------------------------------------ objectivity and generic patterns
@kind("existence")
class Existence(Rule):
    """Flag tokens / patterns, minus exceptions, quoted words, attributed sentences or nearby figures.

    unless: any of  quoted      — inside “”「」《》 (a source's own words or a title)
                    attributed  — the sentence names a source (definitions.attribution)
                    figure      — a figure (number + unit) in the same clause
                    figure_sentence — a figure in the same sentence
                    sourced_scope — the sentence names a source, or a data source named earlier in the section
                                  (a news lead on a release or report) or the byline covers it
                    sourced_data — as sourced_scope, but the byline counts only when it names data (round 31); and
                                  (round 34) a speaker or news lead in an earlier sentence of the paragraph covers a
                                  ranking after it, except a first-of-its-kind claim (definitions.first_claim)
                    irrealis    — a wish, a requirement or a target stands before it in the sentence
                                  (希望……取得显著成效、……应有显著提升; definitions.irrealis): not a claim
                    comparator  — for a comparison (远超、远高于), only a figure on the compared-with side (in the
                                  clause after the word) or a pointer back (前者、见图) excuses it; a figure
                                  for one side only (增长83%，……远超人才供给) does not. Other matches use the other
                                  conditions.
                    inference   — the sentence (or a clause before the word) opens with an inference from the data just given (可见、由此可见、
                                  这表明; definitions.inference): the vague word sums up those figures
                    sourced_figure — its sentence names a source and gives a figure (……持续提高，据……统计，……占
                                  65.9%): a summary of the sourced data given with it
                    summary_lead — the word stands in a short, figure-free lead sentence (the first of its
                                  paragraph, or an enumerated point: 三是……) and the next sentence gives the change
                                  figures it sums up (round 11; see _summary_lead)
                    share_figure — a ranking backed by the share it rests on, in its clause or the clause next to it
                                  (占全国的14.3%，均居全国首位), or a figure-free ranking line detailed by the share in the
                                  next sentence (round 12; see _share_figure)
                    data_comparison — a level word (较高、相对较低) contrasted in its sentence with the opposite level of
                                  another group, or summing up the figure of the clause just before it
                                  (指数为0.83，就业景气相对较低): a comparison inside the data
                    figure_before — a figure earlier in the same paragraph (round 18: a record, 创历史新高, stated
                                  after the figures it sums up; a record that leads its paragraph is a claim)
                    prospect    — a future marker (将, definitions.prospect) stands before the word in its sentence and
                                  the word modifies no noun: what a plan or a cooperation is to bring (round 24)
                    title_copy  — the word stands in the document's title and the body states it again (round 24:
                                  one finding per statement, where the text states it; labellers leave the title copy
                                  of a lead's wording unlabelled, 标题副本不另标)
                    own_release — the document is a publisher's own statistical release (the source model reads it
                                  as one: a release layout, an opening voice, a headed bulletin or its own accounting)
                                  and the words are its summary of the state of affairs (稳中向好、良好态势:
                                  definitions.state_summary): the publisher's statistical voice, not a claim of ours
                                  (round 25)
                    carried_figure — the word's clause has no subject of its own (……同比增长11.5%，呈现较快增长态势) and
                                  the clause just before it in its sentence gives a change figure moving its way: the
                                  word sums up that figure (round 35; see _carried_figure)
                    policy_document — the document is a policy text (a notice, an implementation plan: its first lines
                                  carry the addressees, a document number or such a title; definitions.policy_document):
                                  its goals and requirements are policy wording (round 18)
    """
    extra_keys = {"unless", "headings"}

    def setup(self):
        self.rx = _alternation(self.path, self.line, self.spec.get("tokens"), self.spec.get("patterns"))
        if self.rx is None:
            raise RuleFileError(self.path, self.line, f"规则 {self.id} 需要 tokens 或 patterns")
        self.unless = set(self.spec.get("unless") or ["quoted"])
        bad = self.unless - {"quoted", "attributed", "sourced_scope", "figure", "figure_sentence", "figure_near", "question",
                             "irrealis", "data_comparison", "comparator", "inference", "sourced_figure", "summary_lead",
                             "share_figure", "figure_before", "policy_document", "title_copy", "prospect",
                             "own_release", "sourced_data", "carried_figure"}
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
            if "title_copy" in self.unless and p.kind == "title" and _stated_again(ctx, m.group(), p.end):
                continue
            if "quoted" in self.unless and ctx.doc.in_quotes(s, e):
                continue
            if "attributed" in self.unless and ctx.sentence_has("attribution", s):
                continue
            scoped = "sourced_scope" in self.unless or "sourced_data" in self.unless
            if scoped and (ctx.sentence_has("attribution", s) or (
                    not ctx.vague_source_in_sentence("attribution", s)
                    and (_byline_covers(ctx, s, data_only="sourced_scope" not in self.unless)
                         or ctx.lead_in_scope(s, data_only=True)
                         or ("sourced_data" in self.unless and _paragraph_source_before(ctx, s, e))))):
                continue
            if "comparator" in self.unless and FAR_COMPARISON.search(m.group()):
                if not _comparator_given(ctx, e):
                    out.append(self.finding(ctx, s, e))
                continue
            if "figure" in self.unless and _clause_has_figure(ctx, s, e):
                continue
            if "figure_sentence" in self.unless:
                ss, se = ctx.doc.sentence_at(s)
                if find_figures(text, ss, se):
                    continue
            if "figure_near" in self.unless and _figure_near(ctx, s, e):
                continue
            if "figure_before" in self.unless and p.kind == "text" and find_figures(text, p.start, s):
                continue
            if "policy_document" in self.unless and _policy_document(ctx):
                continue
            if "own_release" in self.unless and _own_release_summary(ctx, m.group()):
                continue
            if "summary_lead" in self.unless and _summary_lead(ctx, s, e):
                continue
            if "irrealis" in self.unless and _irrealis(ctx, s):
                continue
            if "prospect" in self.unless and _prospect(ctx, s, e):
                continue
            if "inference" in self.unless and _inference(ctx, s):
                continue
            if "sourced_figure" in self.unless and _sourced_figure(ctx, s):
                continue
            if "data_comparison" in self.unless and _data_comparison(ctx, s, e):
                continue
            if "carried_figure" in self.unless and _carried_figure(ctx, s, e):
                continue
            if "share_figure" in self.unless and _share_figure(ctx, s, e):
                continue
            if "question" in self.unless and re.search(r"[？?]\s*$", text[slice(*ctx.doc.sentence_at(s))]):
                continue
            out.append(self.finding(ctx, s, e))
        return out


def _paragraph_source_before(ctx: Context, s: int, e: int) -> bool:
    """Round 34: an earlier sentence of the paragraph reports a named speaker or a news lead (某会长指出、据某局介绍、记者从
    ……获悉、某联合会近日发布……; definitions.speaker_source, and a source that is not vague): a ranking the paragraph goes on
    to state (我国各类陶瓷产量已多年居世界首位) is that speaker's account, as a speaker covers the figures after it. A citation
    of a figure ([1]、据《报告》显示、根据海关统计) does not vouch for the writer's ranking after it, nor does any source for a
    first-of-its-kind claim (definitions.first_claim: 首个、首家), which is the writer's own."""
    if any(r.search(ctx.text[s:e]) for r in ctx.definitions.get("first_claim") or []):
        return False
    p = ctx.doc.paragraph_at(s)
    ss, _ = ctx.doc.sentence_at(s)
    return (p is not None and ss > p.start and ctx.matches("attribution", p.start, ss)
            and ctx.matches(ctx.definitions.get("speaker_source") or [], p.start, ss))


DATA_LINE = re.compile(r"数据|數據|资料|資料|统计|統計|调查|調查|报告|報告")


def _byline_covers(ctx: Context, pos: int, data_only: bool = False) -> bool:
    """The document's own source covers `pos` (`Context.byline_covers`). With `data_only` (round 31, `sourced_data`),
    only as a source of data — a notes block below it, a release or the publisher's own statistics, or a byline or
    closing line naming data (数据来源：……、据……统计、……报告) — not a line naming only the outlet that ran or reposted
    the article (来源：某新闻网): an outlet vouches for no ranking."""
    src = ctx.source()
    if not src.covers(pos):
        return False
    if not data_only:
        return True
    if any(a <= pos < b for a, b in src.notes) or src.release or src.own_stats or src.own_industry:
        return True
    return any(DATA_LINE.search(b) for b in (src.header, src.closing) if b)


def _stated_again(ctx: Context, words: str, after: int) -> bool:
    """The matched words stand again in a body paragraph after the title (which ends at `after`)."""
    text = ctx.text
    pos = text.find(words, after)
    while pos >= 0:
        q = ctx.doc.paragraph_at(pos)
        if q is not None and q.kind == "text":
            return True
        pos = text.find(words, pos + 1)
    return False


CHANGE_FIGURE = re.compile(r"(?:增长|增加|上升|提高|提升|下降|减少|回落|回升|加快|放缓|收窄|扩大|增幅|降幅|涨幅|增速|同比|环比|"
                           r"增|降|减)[^，。；,;]{0,8}?\d+(?:\.\d+)?|\d+(?:\.\d+)?\s*个?百分点|"
                           r"\d+(?:\.\d+)?\s*[%％]的?(?:增速|增幅|涨幅|降幅|速度|幅度)|"
                           # a multiple in Chinese numerals (增长超五倍、上涨两成) is a change figure too
                           r"(?:增长|增加|上升|提高|提升|扩大|上涨|下降|减少|降低)[^，。；,;]{0,4}?[一二两三四五六七八九十]+(?:倍|成)|"
                           # a from-to pair (从1977年的54.2亿元跃升到2012年的3382亿元) gives the change too
                           r"从[^，。；,;]{0,12}?\d[^，。；,;]{0,16}?(?:跃升|增长|增加|上升|提高|提升|扩大|攀升|下降|减少|降低|回落|跌|升|增|降)[^，。；,;]{0,2}?(?:到|至)[^，。；,;]{0,10}?\d+(?:\.\d+)?")
SUMMARY_LINE = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、．.](?!\d))")


CAUSE = re.compile(r"(?:因为?|由于)[^，。；,;：:]*$")
COMPARISON = re.compile(r"高于|低于|快于|慢于|超过|优于|大于|小于")


STATED_CHANGE = re.compile(r"增长|增加|上升|提升|提高|回升|上涨|攀升|下降|下滑|减少|降低|回落|放缓|下跌")
UP = re.compile(r"增长|增加|上升|提升|提高|回升|加快|扩大|增多|增强|反弹|走高|改善|好转|上涨|攀升|跃升|增")
DOWN = re.compile(r"下降|下滑|减少|降低|回落|放缓|减缓|收窄|缩小|恶化|减弱|走低|下跌|降|减")


def _direction(words: str) -> str | None:
    """'up', 'down' or None (a level or an amount, not a change) for a piece of wording."""
    d, u = DOWN.search(words), UP.search(words)
    if d and (not u or d.start() < u.start()):
        return "down"
    return "up" if u else None


def _agrees(direction: str | None, figure_text: str) -> bool:
    """A change figure supports a vague change when it moves the same way (or states no direction: 3个百分点)."""
    fd = _direction(re.sub(r"增速|增幅|涨幅|降幅", "", figure_text))
    return direction is None or fd is None or fd == direction


def _figure_near(ctx: Context, s: int, e: int) -> bool:
    """The text gives a figure for the change: any figure in the same clause, or a change figure moving the same
    way (增长3.2%、回落0.2个百分点) elsewhere in the sentence, or in the next sentences (which may open the next
    paragraph). Vague amounts and levels (较多、相对较高、强劲的需求) are not changes: only their own clause counts,
    so an unrelated change figure nearby does not excuse them."""
    if _clause_has_figure(ctx, s, e):
        return True
    if _prose_heading(ctx, s):
        return False  # round 29: a numbered heading of a prose document is answered by its own clause only
    if _rate_change(ctx.text, s, e):
        return _rate_figure_near(ctx, s)
    text = ctx.text
    direction = _direction(text[s:e])
    ss, se = ctx.doc.sentence_at(s)
    semi = text.find("；", e, se)
    semi = text.find(";", e, se) if semi < 0 else semi
    # round 13: a level given as a cause (因市场需求量大、工作机会较多，投递次数同比增长58.6%) is not given by the change figure
    # after it: that figure is the effect's
    cause = direction is None and CAUSE.search(text, max(ss, s - 20), s) is not None
    if not cause and any(_agrees(direction, m.group()) for m in CHANGE_FIGURE.finditer(text, e, semi if semi >= 0 else se)):
        return True
    group = max(ss, text.rfind("；", ss, s) + 1, text.rfind(";", ss, s) + 1)
    if COMPARISON.search(text[s:e]) and find_figures(text, group, s):
        return True  # 涨幅明显高于…: the two figures compared stand earlier in the sentence
    earlier = list(CHANGE_FIGURE.finditer(text, group, s))
    cs = max(text.rfind(c, 0, s) for c in "，。；！？\n,;") + 1
    if len(earlier) >= 2 and (re.search(r"增速|增幅|涨幅|降幅|速度", text[cs:e]) or _same_subject(text, group, earlier[-1].end(), s)):
        return True  # 2021年增长186%，2022年增长36%，增速明显回落: the change follows from the two figures
    if direction is None:
        return False
    if any(STATED_CHANGE.search(m.group()) and _direction(m.group()) == direction
           and _same_subject(text, group, m.end(), s) for m in earlier):
        return True  # 薪酬较上周下降1.0%，……因此整体薪酬小幅下降: the vague word sums up the figure before it
    if _sums_up_previous(ctx, ss, s, direction):
        return True
    if _levels_given(ctx, ss, se, s, e, direction):
        return True
    para = ctx.doc.paragraph_at(s)
    # a numbered summary line (二、……略有增长。) is detailed by the paragraphs under it; other sentences by the
    # next two sentences (which may open the next paragraph)
    ahead = 6 if para is not None and SUMMARY_LINE.match(para.text) else 2
    pos = se
    for _ in range(ahead):
        while pos < len(text):
            q = ctx.doc.paragraph_at(pos)
            if text[pos].isspace() or q is None:
                pos += 1
                continue
            if q.kind == "heading":
                return False
            if q.kind == "text":
                break
            pos += 1
        ns, ne = ctx.doc.sentence_at(pos)
        if ns >= ne:
            return False
        # the later figure must be about what the vague clause names (its own clause counts: 制造业以82.5%的增速位居
        # 行业用人需求增长榜首), not another metric of the same release
        if any(_agrees(direction, m.group()) and (_same_subject(text, ns, _clause_end(text, m.end(), ne), s, strict=True)
                                                  or _same_measure(text, s, e, m.start(), ne))
               and _same_basis(text[ss:se], text[ns:_clause_end(text, m.end(), ne)]) for m in CHANGE_FIGURE.finditer(text, ns, ne)):
            return True
        pos = ne
    return False


# Round 11: a lead sentence that the figures after it detail. Its words are a heading-like summary of those figures
# (航班效益指标显著提升。上半年……提高0.9小时……提高6.4个百分点), so they are covered by them whatever subject each figure
# names. One scope rule for the change, trend, steady-summary and state-of-affairs classes.
LEAD_OPENER = re.compile(r"^\s*(?:[一二三四五六七八九十]是|首先|其次|再次|最后|分[\u4e00-\u9fa5]{1,6}看|从[\u4e00-\u9fa5]{1,8}看)[，,：:]?")
FORECAST = re.compile(r"预计|预测|有望|将会?(?:达到|突破|超过)")
STATE = re.compile(r"态势|势头|稳中|向好")  # summaries of the state of affairs (稳中有进、态势良好) also sum up change figures
LEAD_TREND = re.compile(r"持续|不断|稳步|逐步|继续")  # a trend stated before the word (持续领跑): the figures give that trend
COLLECTIVE = re.compile(r"指标|部分|各项|各类|多项|[两三四五几]大|主要|品类|领域|规模|水平|效益")
LEAD_MAX = 36  # characters of a lead (without its opener): longer sentences carry their own argument


def _change_figures(text: str, s: int, e: int) -> list[str]:
    """Change figures in text[s:e], without 增加值 (value added, a level) read as 增加."""
    return [m.group() for m in CHANGE_FIGURE.finditer(text[s:e].replace("增加值", "＿＿＿"))]


# Round 12: a change of a growth rate (增速提升、增长加快、增长放缓、加快增长、增幅明显提升) is not given by a growth figure
# (利润总额增长加快。……同比增长13.4%: the 13.4% is the growth, not how much faster it is): only a figure for the rate's own
# change counts, in percentage points or from one rate to another (加快1.1个百分点、由5.2%提高到7.9%), or two growth rates of
# the same basis just before it (2021年增长186%，2022年增长36%，增速明显回落).
RATE_WORDS = re.compile(r"增速|增幅|涨幅|降幅|增势|(?:加快|加速)增长|增长[\u4e00-\u9fa5]{0,3}?(?:加快|放缓|趋缓|提速|减速)")
# round 16: a share (比例、占比、比重) changes like a rate: a count or another metric's growth does not give it (女性从业者
# 比例增长明显，数量达到599人), only percentage points or a from-to pair of shares
RATE_BEFORE = re.compile(r"(?:增速|增幅|涨幅|降幅|增势|比例|占比|比重)(?:(?:比|较)[\u4e00-\u9fa5]{1,4}?)?(?:也|还|均|都|继续|仍|持续|不断|逐步|逐渐|明显|有所|进一步|正在|在)*$")
RATE_GROWTH_BEFORE = re.compile(r"增长(?:也|还|均|都|继续|仍|持续|不断|逐步|逐渐|明显|有所|进一步|正在|在)*$")
RATE_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*个?百分点|(?:降|升|回落|下滑|提高|提升|加快|放缓|回升|收窄|扩大)(?:至|到)\s*\d+(?:\.\d+)?\s*[%％]|(?:由|从)[^，。；,;]{0,12}?\d+(?:\.\d+)?\s*[%％][^，。；,;]{0,12}?(?:到|至)[^，。；,;]{0,6}?"
                         r"\d+(?:\.\d+)?\s*[%％]")


# round 19: the growth rate itself given after the word in its sentence (增速略有下降，出口额达80.3亿美元，同比下降0.3%; 增幅在
# 逐渐收窄，一至四季度同比增速分别为10.5%、10.6%……): labellers take the rate next to the vague word as its figure (dev: v06 ×2,
# q34 clean by both; no labelled rate change has one); not for a share (比例增长明显，出口额同比增长12.4%)
SHARE_WORD = re.compile(r"比例|占比|比重")
RATE_AFTER = re.compile(r"(?:增长|增加|上升|提高|提升|下降|减少|回落|回升|增速|增幅|降幅|涨幅|同比|环比)[^，。；,;]{0,8}?\d+(?:\.\d+)?\s*[%％]")


def _rate_change(text: str, s: int, e: int) -> bool:
    """The vague words state a change of a growth rate: they name the rate (增速提升、增长加快), or follow it (增速持续回升、
    增长持续放缓: the trend word is matched on its own). A level of a rate (降幅较大) is not a change of it."""
    words = text[s:e]
    if RATE_WORDS.search(words):
        rest = re.sub(r"增速|增幅|涨幅|降幅|增势|增长", "", words)
        return bool(UP.search(rest) or DOWN.search(rest))
    head = text[max(0, s - 8):s]
    if RATE_BEFORE.search(head) and (UP.search(words) or DOWN.search(words)):
        return True
    return bool(RATE_GROWTH_BEFORE.search(head)) and bool(re.search(r"加快|放缓|趋缓|提速|减速", words))


def _next_start(ctx: Context, pos: int):
    """The start of the sentence after `pos` (blanks and sentence-ending marks skipped) and its paragraph, None at
    the text's end."""
    text = ctx.text
    while pos < len(text) and (text[pos].isspace() or text[pos] in "。！？!?"):
        pos += 1
    return pos, (ctx.doc.paragraph_at(pos) if pos < len(text) else None)


def _rate_figure_near(ctx: Context, s: int) -> bool:
    """A figure for the change of the rate in the sentence, the next two sentences (up to a heading), or two growth
    figures of the same basis earlier in the sentence's clause group."""
    text = ctx.text
    ss, se = ctx.doc.sentence_at(s)
    if RATE_FIGURE.search(text, ss, se):
        return True
    # a share (比例、占比、比重) is not given by a growth rate (round 16), only a growth rate's change is
    if RATE_AFTER.search(text, s, se) and not SHARE_WORD.search(text, max(ss, s - 8), s + 4):
        return True
    group = max(ss, text.rfind("；", ss, s) + 1, text.rfind(";", ss, s) + 1)
    earlier = _change_figures(text, group, s)
    if len(earlier) >= 2 and not (YEAR_ON_YEAR.search(text, group, s) and PERIOD_ON_PERIOD.search(text, group, s)):
        return True
    pos = se
    for _ in range(2):
        pos, q = _next_start(ctx, pos)
        if q is None or q.kind == "heading":
            return False
        ns, ne = ctx.doc.sentence_at(pos)
        if ns >= ne:
            return False
        if RATE_FIGURE.search(text, ns, ne):
            return True
        pos = ne
    return False


def _summary_lead(ctx: Context, s: int, e: int) -> bool:
    text = ctx.text
    if _rate_change(text, s, e):
        return _rate_figure_near(ctx, s)
    ss, se = ctx.doc.sentence_at(s)
    para = ctx.doc.paragraph_at(s)
    if para is None or para.kind != "text" or find_figures(text, ss, se) or ctx.cn_figures(ss, se):
        return False
    sent = text[ss:se]
    opener = LEAD_OPENER.match(sent)
    if opener is None and text[para.start:ss].strip():
        return False  # neither the paragraph's first sentence nor an enumerated point
    body = re.sub(r"\s", "", sent[opener.end() if opener else 0:])
    if len(body) > LEAD_MAX:
        return False
    words = text[s:e]
    direction = _direction(words)
    if direction is None and not STATE.search(words) and not LEAD_TREND.search(text, ss, e):
        return False  # a level or an amount (活跃、需求大) is not summed up by change figures
    pos = se
    for _ in range(2):  # the next sentence, or the one after it when the next is another short lead (稳中有进。……显著提升。上半年……)
        pos, q = _next_start(ctx, pos)
        if q is None or q.kind != "text":
            return False
        ns, ne = ctx.doc.sentence_at(pos)
        if ns >= ne or FORECAST.search(text, ns, ne):
            return False  # a forecast (预计……有望达到15%) does not give the change the lead states
        if _same_basis(text[ss:se], text[ns:ne]) and any(_agrees(direction, f) for f in _change_figures(text, ns, ne)):
            # the figures are the lead's own: they name its subject (高技术产业持续领跑。……高技术产业增加值增长6.7%), or the lead
            # names a set or a bare measure that they detail (部分领域、效益指标、两大产品、市场规模); a figure for another
            # metric (冷库利用率稳步提高。冷链物流总额增长6.8%) does not cover it
            cs = max(text.rfind(c, ss, s) for c in "，,；;：:") + 1
            return bool(COLLECTIVE.search(text, max(cs, ss), s)) or _same_subject(text, ns, ne, s)
        if find_figures(text, ns, ne) or len(re.sub(r"\s", "", text[ns:ne])) > LEAD_MAX:
            return False
        pos = ne
    return False


MEASURE = re.compile(r"增速|增幅|降幅|涨幅")


def _same_measure(text: str, s: int, e: int, fs: int, limit: int) -> bool:
    """The vague words name a rate of change (电力生产增速加快) and the later figure's clause gives the same rate
    (增速比10月份加快3.2个百分点): the figure is the one the vague words leave out."""
    own = {m.group() for m in MEASURE.finditer(text, s, e)}
    if not own:
        return False
    cs = max(text.rfind(c, 0, fs) for c in "，。；！？\n,;") + 1
    return any(m.group() in own for m in MEASURE.finditer(text, cs, _clause_end(text, fs, limit)))


# round 21: a degree word before a comparative (明显高于、显著低于、大大超过) is the same class as 远高于: only the compared-with
# side's figure (or a pointer back) excuses it, not a figure for one side (同比增长10.8%，明显高于全国平均水平)
FAR_COMPARISON = re.compile(r"^(?:远远?|明显|显著|大大)(?:超过|超出|超|高于|低于|大于|小于|好于|优于|差于|少于|多于|快于|慢于)")
POINTER = re.compile(r"前者|后者|上述|以上|[（(]?见(?:图|表)")


def _comparator_given(ctx: Context, e: int) -> bool:
    """The clause after a comparison word gives the compared-with side's figure, or points back at figures given."""
    text = ctx.text
    ends = [i for i in (text.find(c, e) for c in "，。；！？\n,;") if i != -1]
    ce = min(ends) if ends else len(text)
    return bool(find_figures(text, e, ce)) or bool(ctx.cn_figures(e, ce)) or bool(POINTER.search(text, e, ce))


def _policy_document(ctx: Context) -> bool:
    """Round 18: the text is a policy document (a notice, a plan): one of its first lines (parameters.policy_head_lines;
    a notice's title may run over three lines before its document number and addressees) matches
    definitions.policy_document. Only when no report kind is set or detected: a community's report is not a notice."""
    key = ("policy_document",)
    if key not in ctx._cache:
        pats = ctx.definitions.get("policy_document") or []
        most = int(ctx.parameters.get("policy_head_lines", 6))
        heads = [p.text for p in ctx.doc.paragraphs if p.text.strip()][:most]
        ctx._cache[key] = ctx.report is None and any(r.search(h) for h in heads for r in pats)
    return ctx._cache[key]


def _own_release_summary(ctx: Context, words: str) -> bool:
    """Round 25: the words summarise the state of affairs (definitions.state_summary) in a document the source model
    reads as a publisher's own statistical release (sources.py: release layout, opening voice, headed bulletin, own
    accounting). Such a summary (全县经济稳中向好、保持良好态势) is the statistics body's own characterisation of the
    period it reports, which labellers leave clean (c17, c36, b06, a32, v40, z37); the same words in an association's
    or a newspaper's analysis are claims and stay flagged."""
    return any(p.search(words) for p in ctx.defs("state_summary")) and ctx.source().release


def _irrealis(ctx: Context, s: int) -> bool:
    """A wish, requirement or target (definitions.irrealis) stands earlier in the sentence, before the word."""
    pats = ctx.definitions.get("irrealis") or []
    ss, _ = ctx.doc.sentence_at(s)
    return any(p.search(ctx.text, ss, s) for p in pats)


def _prospect(ctx: Context, s: int, e: int) -> bool:
    """Round 24: a future marker (definitions.prospect: 将) stands earlier in the sentence, and the word is not a
    modifier (……适应产业蓬勃发展的人才 states the present state inside the plan): the praise is what a plan or a
    cooperation is to bring."""
    text = ctx.text
    if text[e:e + 1] == "的":
        return False
    ss, _ = ctx.doc.sentence_at(s)
    return any(p.search(text, ss, s) for p in ctx.definitions.get("prospect") or [])


def _sourced_figure(ctx: Context, s: int) -> bool:
    """The sentence names a source and gives a figure (……占比持续提高，据……统计，……占65.9%): the trend sums up the
    sourced data given with it. (A source and figure in the next sentence only was tried and left out: on dev it
    excused three labelled trends, h01, h21, h25, for one false flag, f42.)"""
    text = ctx.text
    ss, se = ctx.doc.sentence_at(s)
    return bool(find_figures(text, ss, se)) and ctx.sentence_has("attribution", s)


DATA_BASIS = re.compile(r"同比|环比|比上年|比上月|百分点")


def _inference(ctx: Context, s: int) -> bool:
    """An inference cue (definitions.inference) opens the sentence or a clause before the word: 可见热度逐渐回落 sums up
    the data given just before it."""
    text = ctx.text
    ss, _ = ctx.doc.sentence_at(s)
    head = text[ss:s]
    cue = next((m for p in ctx.definitions.get("inference") or [] for m in [p.search(head)] if m), None)
    if cue is None:
        return False
    # the data it sums up: a figure or a period comparison before the cue, in its sentence or the sentence before
    # (由此可见 opening a text sums up nothing, g30)
    ps = ss
    q = ss - 1
    while q >= 0 and text[q].isspace():
        q -= 1
    if q >= 0:
        ps, _ = ctx.doc.sentence_at(q)
    before = ps, ss + cue.start()
    return bool(find_figures(text, *before)) or bool(DATA_BASIS.search(text, *before))


LEVEL = re.compile(r"(?:(?:相对|较为|比较)?较|相对|较为|比较)(高|低|大|小|多|少|旺|强|弱)(?=[，。；、,;]|$)")
OPPOSITE = {"高": "低", "低": "高", "大": "小", "小": "大", "多": "少", "少": "多", "旺": "弱", "强": "弱", "弱": "强"}


def _data_comparison(ctx: Context, s: int, e: int) -> bool:
    """A level word that compares groups inside a source's data: the sentence is in a source's scope (it names the
    source, or a news lead or the document's own source covers it), and either it also gives the opposite level for
    another group (大型企业……较高，中小微型企业……相对较低), or the clause just before it gives the figure it sums up
    (CIER指数为0.83，就业景气相对较低). Without a source the same sentence is the text's own vague judgement."""
    text = ctx.text
    m = LEVEL.search(text[s:e])
    if m is None or m.end() != e - s:
        return False
    if not (ctx.sentence_has("attribution", s) or ctx.paragraph_has("attribution", s) or ctx.byline_covers(s)
            or ctx.lead_in_scope(s, data_only=True)) or ctx.vague_source_in_sentence("attribution", s):
        return False
    ss, se = ctx.doc.sentence_at(s)
    other = OPPOSITE[m.group(1)]
    if any(mm.group(1) == other for mm in LEVEL.finditer(text, ss, se)):
        return True
    cs = max(text.rfind(c, ss, s) for c in "，；,;")
    if cs <= ss:
        return False
    ps = max(ss, max(text.rfind(c, ss, cs) for c in "，；,;") + 1)
    return bool(find_figures(text, ps, cs)) and not STATED_CHANGE.search(text, ps, cs)


def _sums_up_previous(ctx: Context, ss: int, s: int, direction: str) -> bool:
    """The sentence before (same paragraph) gives two or more values of one unit moving the vague word's way
    (毛入学率只有0.26%，2002年达到15%，2019年达到51.6%。毛入学率快速上升……), and the vague clause names what they
    measure: the vague word sums up a series already given. Round 35: values given after years of their own are read in
    the order of those years, and a sentence that names a later or other year than the series' last is not its summary."""
    text = ctx.text
    para = ctx.doc.paragraph_at(s)
    if para is None or ss <= para.start:
        return False
    ps, pe = ctx.doc.sentence_at(ss - 1)
    if ps < para.start:
        return False
    figs = [f for f in find_figures(text, ps, pe) if f.value == f.value]
    if len(figs) < 2 or len({f.unit for f in figs}) != 1:
        return False
    years = _years_of(text, ps, figs)
    if years:
        own = [int(m.group(1)) for m in YEAR_RE.finditer(text, ss, s)]
        if own and max(own) != max(years):
            return False  # 2019年……较2015年……。2020年……需求迅速激增: the sentence speaks of another year than the series
        figs = [f for _, f in sorted(zip(years, figs), key=lambda yf: yf[0])]
    rising = figs[-1].value > figs[0].value
    if (direction == "up") != rising or figs[-1].value == figs[0].value:
        return False
    return _same_subject(text, ps, pe, s)


def _years_of(text: str, start: int, figs: list) -> list[int] | None:
    """Round 35: the year each value is given after (2017年，32.8%……，2016年这个比例为36%，在2013年则为51%), so a series
    written newest first reads in the order of its years; None when a value has no year of its own or two share one."""
    years, prev = [], start
    for f in figs:
        ys = list(YEAR_RE.finditer(text, prev, f.start))
        if not ys:
            return None
        years.append(int(ys[-1].group(1)))
        prev = f.end
    return years if len(set(years)) == len(years) else None


# Round 32: the values the change runs between, given as levels rather than as a change figure. (1) In the sentence, a
# bare change clause (……出国率7.56%，相对上年的11.15%，略有下降; ……分别为23.76%、21.96%、20.75%，相对有所下降): the
# clause says nothing but the change, and the clauses before it give two or more values of one unit that move its way.
# (2) In the next sentence, a series of the same measure (升学率也明显上升。……升学比例依次为25.41%、25.43%、31.42%). A
# comparison with values not given (与过去4届相比略有下降) is still a claim.
BARE_CHANGE = re.compile(r"^\s*(?:而|但|则|且|并)?(?:相对|相比|总体|整体|总的来看)?(?:而言|来说|看)?(?:均|都|也|已|则|仍)?$")
BASE_BEFORE = re.compile(r"(?:相对|相比|较|比|与|对比)(?:于)?[^，。；,;\d]{0,6}$")
SERIES = re.compile(r"(?:分别|依次|先后)(?:为|是|达|达到)?")


def _moves(figs: list, text: str, direction: str) -> bool:
    """The values (one unit) move the way of `direction`, from the base (the one after 相对/较/比) or the first to the other or last."""
    if len(figs) < 2 or len({f.unit for f in figs}) != 1:
        return False
    base = next((f for f in figs if BASE_BEFORE.search(text, max(0, f.start - 10), f.start)), None)
    old, new = (base, next(f for f in figs if f is not base)) if base is not None and len(figs) == 2 else (figs[0], figs[-1])
    if old.value == new.value:
        return False
    return (new.value > old.value) == (direction == "up")


def _levels_given(ctx: Context, ss: int, se: int, s: int, e: int, direction: str) -> bool:
    text = ctx.text
    cs = max(text.rfind(c, ss, s) for c in "，,；;") + 1
    group = max(ss, text.rfind("；", ss, s) + 1, text.rfind(";", ss, s) + 1)
    if cs > group and BARE_CHANGE.match(text[cs:s]) and not CHANGE_FIGURE.search(text, group, cs):
        figs = [f for f in find_figures(text, group, cs) if f.value == f.value]
        if _moves(figs, text, direction):
            return True
    pos = se
    pos, q = _next_start(ctx, pos)
    if q is None or q.kind != "text":
        return False
    ns, ne = ctx.doc.sentence_at(pos)
    m = SERIES.search(text, ns, ne)
    if m is None or FORECAST.search(text, ns, ne):
        return False  # targets or a forecast (预计……将分别接近a和b) are not the values the change ran between
    ce = _clause_end(text, m.end(), ne)
    figs = [f for f in find_figures(text, m.end(), ce) if f.value == f.value]
    return (len(figs) >= 2 and _moves(figs, text, direction) and not CHANGE_FIGURE.search(text, m.end(), ce)
            and _same_subject(text, ns, m.start(), s))


YEAR_ON_YEAR = re.compile(r"同比|比上年|较上年|上年同期|去年同期|比去年|较去年")
PERIOD_ON_PERIOD = re.compile(r"环比|比上(?:个)?(?:季度|月|周)|较上(?:个)?(?:季度|月|周)|与上(?:个)?(?:季度|月|周)相比")


def _same_basis(vague_sentence: str, figure_text: str) -> bool:
    """A change stated against the previous period (环比) is not given by a year-on-year figure (同比), nor the other
    way round; a side that names no basis agrees with either."""
    def basis(t: str) -> str | None:
        y, q = YEAR_ON_YEAR.search(t), PERIOD_ON_PERIOD.search(t)
        return None if bool(y) == bool(q) else ("yoy" if y else "pop")
    a, b = basis(vague_sentence), basis(figure_text)
    return a is None or b is None or a == b


def _clause_end(text: str, pos: int, limit: int) -> int:
    ends = [i for i in (text.find(c, pos, limit) for c in "，；,;。") if i != -1]
    return min(ends) if ends else limit


JOINT = {"供需": ("需求", "供给", "求职"), "供求": ("需求", "供给", "求职"), "产销": ("生产", "销售", "产量", "销量"),
         "进出口": ("进口", "出口")}
# round 16: a basis word may open the carried-on clause (……同比增长18.3%，同比保持较快增长)
# round 35: 呈现 also carries it on (……同比增长11.5%，呈现较快增长态势)
CONTINUATION = re.compile(r"\s*(?:同比|环比)?(?:继续|仍然?|依然|也|并|且|延续|连续|持续|保持|呈现?出?)")
# words that name no subject of their own: measures, periods, scopes (企业效益 and 国有控股企业增加值 share only 企业)
GENERIC = {"人数", "数量", "规模", "水平", "环比", "同比", "整体", "总体", "因此", "其中", "本周", "本月", "本季", "今年",
           "季度", "年度", "月份", "上年", "去年", "同期", "企业", "行业", "产业", "全国", "全省", "全市", "地区"}


def _same_subject(text: str, fs: int, fe: int, s: int, strict: bool = False) -> bool:
    """The vague word's clause names what the figure measured: a two-character word (not a generic one such as
    人数、规模) of the clause before the vague word also stands in text[fs:fe], the sentence up to the figure. With
    `strict` (a figure in a later sentence), a clause that names nothing (……，有所增长) is taken to carry on."""
    cs = max(text.rfind(c, 0, s) for c in "，。；！？\n,;") + 1
    subject, fig = text[cs:s], text[fs:fe]
    for joint, parts in JOINT.items():  # a joint subject (供需人数) is detailed by its parts (需求人数、求职人数)
        if joint in subject:
            subject += "，" + "，".join(parts)
    if CONTINUATION.match(subject):
        return True  # 同比增长4.7%，继续保持小幅增长: the clause carries on the subject of the figure before it
    if strict and not any(subject[i:i + 2] not in GENERIC and all("\u4e00" <= ch <= "\u9fa5" for ch in subject[i:i + 2])
                          for i in range(len(subject) - 1)):
        return True
    return any(subject[i:i + 2] in fig for i in range(len(subject) - 1)
               if subject[i:i + 2] not in GENERIC and "\u4e00" <= subject[i] <= "\u9fa5")


# Round 35: a clause that opens with the predicate (or only adverbs before it) carries on the subject of the clause before it
CARRIED_PREDICATE = re.compile(r"(?:继续|仍然?|依然)?(?:保持|呈现?出?)")  # the state the figure is in (保持/呈现……态势)
CARRIED_OPENER = re.compile(r"^\s*(?:同比|环比)?(?:继续|仍然?|依然|也|并|且|均|都|整体|总体)*\s*$")


def _carried_figure(ctx: Context, s: int, e: int) -> bool:
    """The word's clause names nothing before the word (……同比增长33.7%，保持较快增长态势; ……增长11.5%，呈现较快增长
    态势) and the clause right before it, in the same sentence, gives a change figure moving the word's way: the word is
    the writer's summary of that figure. A clause with a subject of its own (……增长3.0%，鲜切花、水果等均呈现良好增长
    态势) is about something the figure does not measure."""
    text = ctx.text
    ss, _ = ctx.doc.sentence_at(s)
    cs = max(text.rfind(c, ss, s) for c in "，,；;")
    if cs <= ss or not CARRIED_OPENER.match(text[cs + 1:s]):
        return False
    ps = max(ss, max(text.rfind(c, ss, cs) for c in "，,；;") + 1)
    if not CARRIED_PREDICATE.match(text, s):
        return False  # 连续三年较多增长 claims more than the one year's figure before it
    direction = _direction(text[s:e])
    return any(STATED_CHANGE.search(m.group()) and _agrees(direction, m.group())
               for m in CHANGE_FIGURE.finditer(text, ps, cs))


def _clause_has_figure(ctx: Context, s: int, e: int) -> bool:
    text = ctx.text
    cs = max(text.rfind(c, 0, s) for c in "，。；！？\n,;") + 1
    ends = [i for i in (text.find(c, e) for c in "，。；！？\n,;") if i != -1]
    ce = min(ends) if ends else len(text)
    cs = _after_section_number(ctx, cs)
    return (bool(find_figures(text, cs, ce)) or bool(ctx.cn_figures(cs, ce))
            or (_direction(text[s:e]) is None and _quantity_follows(ctx, ce)))


def _quantity_follows(ctx: Context, ce: int) -> bool:
    """Round 30: the clause after the word's clause, in the same sentence, is nothing but the quantity of what the
    word's clause names (……的平均薪酬较高，分别为a元和b元；……的需求旺盛，同比涨幅达16.5%): it opens with a verb of
    quantity and no subject of its own (definitions.quantity_clause) and ends with its figure. The word is then the
    writer's summary of the figure the sentence gives. A clause with a subject of its own (……工作机会较多，投递次数
    同比增长58.6%) or going on after its figure (为7亿多农村人口脱贫致富做出了贡献) gives another quantity. Only for
    levels and amounts (the caller asks `_direction` first): a change word's next clause may give the level
    (占比有所提高，约为62%) or a change on another basis (比上月略有减少，同比增长1.5%), not the change itself."""
    text = ctx.text
    if ce >= len(text) or text[ce] not in "，," or "quantity_clause" not in ctx.definitions:
        return False
    ends = [i for i in (text.find(c, ce + 1) for c in "，。；！？\n,;") if i != -1]
    ne = min(ends) if ends else len(text)
    ns = ce + 1
    while ns < ne and text[ns].isspace():
        ns += 1
    m = next((m for r in ctx.defs("quantity_clause") if (m := r.match(text, ns, ne))), None)
    if m is None:
        return False
    figures = find_figures(text, ns, ne)
    tail = int(ctx.parameters.get("quantity_clause_tail", 2))
    return bool(figures) and figures[0].start <= m.end() + 1 and len(text[figures[-1].end:ne].strip()) <= tail


def _after_section_number(ctx: Context, pos: int) -> int:
    """Round 29: where a paragraph's text starts after its section number (1.2 人才缺口明显: 1.2 is a number of the
    outline, not 1.2 人), or `pos` when the paragraph at `pos` has none (definitions.section_number)."""
    p = ctx.doc.paragraph_at(pos)
    if p is None or "section_number" not in ctx.definitions:
        return pos
    line = ctx.text[p.start:p.end]
    m = next((m for r in ctx.defs("section_number") if (m := r.match(line))), None)
    return max(pos, p.start + m.end()) if m else pos


def _prose_document(ctx: Context) -> bool:
    """Round 29: fewer of the document's body sentences carry a figure than parameters.prose_max_figure_share (an
    analysis, a community or association text, not a data release or a statistical bulletin)."""
    if "prose_document" not in ctx._cache:
        limit = ctx.parameters.get("prose_max_figure_share")
        sentences = [(ss, se) for ss, se, sent in ctx.body_sentences() if sent.strip()]
        with_figure = sum(1 for ss, se in sentences if find_figures(ctx.text, ss, se))
        ctx._cache["prose_document"] = (limit is not None and bool(sentences)
                                        and with_figure / len(sentences) < float(limit))
    return ctx._cache["prose_document"]


def _prose_heading(ctx: Context, s: int) -> bool:
    """Round 29: the word stands in a numbered heading line (2、……稳步增长; 1.1 ……大幅缩小; definitions.numbered_line)
    of a prose document. There the heading is the author's claim and the policy asks for a figure in its own clause:
    the figures of the lines below it do not answer it. In a release, whose sentences nearly all carry figures, a
    numbered headline sums up the figures under it and is left to them; so is a document whose own source (a byline,
    a closing source line) covers every sentence: a publisher summing up its own data (sources.py, like own_release)."""
    p = ctx.doc.paragraph_at(s)
    if p is None or "numbered_line" not in ctx.definitions:
        return False
    line = ctx.text[p.start:p.end]
    return (any(r.match(line) for r in ctx.defs("numbered_line")) and _prose_document(ctx)
            and not ctx.source().whole)


SHARE = re.compile(r"占[^，。；,;]{0,14}?\d+(?:\.\d+)?\s*[%％]|(?:占比|比重|份额|渗透率)[^，。；,;\d]{0,4}\d+(?:\.\d+)?\s*[%％]")


def _clause_bounds(text: str, lo: int, hi: int, pos: int) -> tuple[int, int]:
    cs = max(lo, max(text.rfind(c, lo, pos) for c in "，；,;") + 1)
    ends = [i for i in (text.find(c, pos, hi) for c in "，；,;") if i != -1]
    return cs, (min(ends) if ends else hi)


def _share_figure(ctx: Context, s: int, e: int) -> bool:
    """Round 12: a ranking shown by the share it rests on. The share stands in the ranking's clause or the clause just
    before or after it in the sentence (北京……占全国14.3%，均居全国首位; 占比8.8%，排名第一), or, when the ranking's
    sentence gives no figure at all (a heading-like line: 北京人工智能相关岗位数量全国第一), in the next sentence. A figure
    for another measure (完成3016.1万辆，……位居全球第一) is not the ranking's basis; round 34: a rank with no scope word
    (definitions.list_rank: 排名第一、位居榜首) is backed by any figure in its sentence."""
    text = ctx.text
    ss, se = ctx.doc.sentence_at(s)
    cs, ce = _clause_bounds(text, ss, se, s)
    lo = _clause_bounds(text, ss, se, cs - 2)[0] if cs - 1 > ss else cs
    if SHARE.search(text, lo, ce):
        return True
    if ce < se:  # the clause after counts when it goes on with the share itself (居全国首位，占全国的19.1%)
        hi = _clause_bounds(text, ss, se, ce + 1)[1]
        m = SHARE.search(text, ce + 1, hi)
        if m and re.match(r"\s*(?:占|其?份额|其?占比)", text[ce + 1:hi]) and m.start() == ce + 1 + len(text[ce + 1:hi]) - len(text[ce + 1:hi].lstrip()):
            return True
    if find_figures(text, ss, se):
        # Round 34: a rank with no scope (位居榜首、排名第一) beside figures in its sentence is the order of the data the
        # text lists (上海以13888元平均月薪位居榜首，连续四个季度位居第一); a scoped one (位居全球第一) is not excused here
        return any(r.search(text[s:e]) for r in ctx.definitions.get("list_rank") or [])
    pos = se
    pos, q = _next_start(ctx, pos)
    if q is None or q.kind == "heading" and q.start != pos:
        return False
    ns, ne = ctx.doc.sentence_at(pos)
    return ns < ne and bool(SHARE.search(text, ns, ne))
