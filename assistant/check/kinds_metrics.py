"""Rule kinds for listed metrics: one metric with two values, growth against the previous year, future years
stated as fact, and contradictions with the knowledge base."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass

from ..safe_regex import compile_user
from ..textproc import sentence_spans
from .consistency import (LOWER_BOUND, UNIT_TAIL, UPPER_BOUND, half_unit, metric_before, parallel_subjects, period_before,
                          significant_digits, year_before)
from .figures import NUM, Figure, normalise, parse_num, years_in
from .rules import Rule, RuleFileError, kind
from .structure import Document


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
    bound: str = ""  # "lower" after 超过/突破/逾 or before 多/余; "upper" after 近/接近; "" for a stated value


PERIOD_RE = re.compile(r"(\d{1,2}\s*[-—～~至]\s*\d{1,2}\s*月|\d{1,2}\s*月(?:底|末)?|第?[一二三四1-4]\s*季度|上半年|下半年|"
                       r"前三季度|年底|年末|末|底)")
GROWTH_AFTER = re.compile(r"^[^。；\d]{0,14}?(?P<g>(?:同比|比上年|较上年|比去年|较去年)?(增长|增加|上升|提高|下降|减少|回落)了?\s*"
                          r"(\d+(?:\.\d+)?)\s*[%％])")
COMPARE_AFTER = re.compile(r"^[^。；\d]{0,6}?(?:比|较|相比)\s*(20\d\d)\s*年(?:的|同期的?)?\s*(\d+(?:\.\d+)?)\s*"
                           r"(万亿元|亿元|万元|万辆|辆|万台|万人|人|GWh|万个|个|家|所|亿|万)\s*"
                           r"(?:同比)?(增长|增加|上升|提高|下降|减少)了?\s*(\d+(?:\.\d+)?)\s*[%％]")


def extract_metric_values(ctx_text: str, doc: Document | None, metrics: list[str], strip: re.Pattern,
                          is_body=None, plain: re.Pattern | None = None) -> list[MetricValue]:
    """Metric values with an explicit year in the same sentence: 2024年某产品销量1286.6万台. The word between the
    metric and its number is a qualifier and part of the key (毕业生就业13.9万人 is not 毕业生15.2万人; round 24),
    unless `plain` says it only names the measure or is an adverb (毕业生人数, 出口量, 首次突破)."""
    metric_alt = "|".join(sorted(map(re.escape, metrics), key=len, reverse=True))
    rx = re.compile(rf"(?P<subj>[\u4e00-\u9fa5A-Za-z]{{0,10}}?)(?P<metric>{metric_alt})"
                    rf"(?P<qual>[\u4e00-\u9fa5]{{0,2}}?)(?P<verb>为|达到|达|是|约为|约|共计|共|合计|累计|实现|完成|超过|突破|逾|近|接近)?\s*"
                    rf"(?P<num>{NUM})\s*(?P<unit>万亿元|亿元|万元|亿辆|万辆|辆|万台|万人|人|GWh|万个|个|家|所|%|％|万|亿)"
                    rf"(?![\d\u4e00-\u9fa5]{{0,1}}[年月日])")
    out = []
    sent_iter = doc.sentences() if doc else sentence_spans(ctx_text)
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
            if "分别" in sent[m.start("metric"):m.start("num")] or _RANGE_AFTER.match(sent[m.end("unit"):]):
                continue  # values of several subjects, or a range (在0.97%至3.36%之间): not one value
            between = sent[yend:m.start("metric")]
            if re.search(r"[—\-～~至到]\s*20\d\d", sent[max(0, yend - 12):yend + 6]):
                continue  # a range like 2021—2035年, 从2012年到2021年
            if re.search(r"预计|预测|将|有望|目标|力争|规划|计划", sent[:m.start()]):
                continue  # forecasts and targets are not reported values
            pms = PERIOD_RE.findall(between)  # the period nearest the metric (8月…；1-8月全国产量 → 1-8月)
            period = re.sub(r"\s", "", pms[-1]) if pms else ""
            if period in ("末", "底", "年底", "年末"):
                period = "年末"
            subj = strip.sub("", m.group("subj"))
            unit = m.group("unit")
            if unit in ("%", "％") and re.search(r"增长|增速|同比|下降|提高", sent[max(0, m.start("metric") - 4):m.start("num")]):
                continue
            num = parse_num(m.group("num"))
            value, fam = normalise(num, unit)
            if not fam:  # a bare 万/亿: the measure is the word after it (17.79万吨, 6.3亿美元: two measures, round 24)
                tail = UNIT_TAIL.match(sent, m.end("unit"))
                fam = tail.group() if tail else ""
            fig = Figure(ss + m.start("num"), ss + m.end("unit"), num, unit, m.group("num") + unit)
            qual = "" if plain is None or plain.fullmatch(m.group("qual")) else m.group("qual")
            mv = MetricValue(key=(year, period, subj, m.group("metric") + qual, fam), value=value, unit=fam, fig=fig,
                             year=year, start=ss + m.start("metric"), bound=_bound(m, sent))
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
                mv.growth = sign * float(c.group(5))
                mv.growth_span = (ss + m.end("unit") + c.start(4), ss + m.end("unit") + c.end())
            out.append(mv)
    return out


def _words(words: set[str]) -> re.Pattern:
    return re.compile("|".join(sorted(map(re.escape, words), key=len, reverse=True)))


# the bound words of the growth check (consistency.LOWER_BOUND / UPPER_BOUND), and those written before an amount
_LOWER = _words(LOWER_BOUND | {"超", "突破", "多于"})
_UPPER = _words(UPPER_BOUND | {"近", "接近", "将近", "少于"})
_RANGE_AFTER = re.compile(r"^\s*(?:至|到|~|～|—|-)\s*\d")


def _bound(m: re.Match, sent: str) -> str:
    """首次突破1万亿元 / 均超5% / 1万多家 state a lower bound, 近1万亿元 an upper one: not values to compare exactly."""
    between = sent[m.end("metric"):m.start("num")]
    if _LOWER.search(between) or sent[m.end("unit"):m.end("unit") + 2].startswith(("多", "余", "以上")):
        return "lower"
    return "upper" if _UPPER.search(between) or sent[m.end("unit"):m.end("unit") + 2] == "以下" else ""


def within_bound(a: MetricValue, b: MetricValue) -> bool:
    """True when one of the two values is a bound and the other value honours it."""
    for bound, other in ((a, b), (b, a)):
        if bound.bound == "lower" and not other.bound and other.value >= bound.value:
            return True
        if bound.bound == "upper" and not other.bound and other.value <= bound.value:
            return True
    return bool(a.bound and b.bound)


class _MetricRule(Rule):
    extra_keys = {"metrics", "strip", "tolerance", "tolerance_pp", "plain_words"}

    def setup(self):
        self.metrics = list(self.spec.get("metrics") or [])
        if not self.metrics:
            raise RuleFileError(self.path, self.line, f"规则 {self.id} 需要 metrics 列表")
        self.strip = compile_user(self.spec.get("strip") or r"^(?:年度?|全年|底|末)?(?:我国|全国|中国|国内)?")
        self.tolerance = float(self.spec.get("tolerance", 0.005))
        self.tolerance_pp = float(self.spec.get("tolerance_pp", 1.0))
        self.plain = compile_user(self.spec.get("plain_words") or "")

    def values(self, ctx) -> list[MetricValue]:
        key = ("metric_values", tuple(self.metrics), self.strip.pattern, self.plain.pattern)
        if key not in ctx._cache:
            ctx._cache[key] = extract_metric_values(ctx.text, ctx.doc, self.metrics, self.strip, ctx.is_body,
                                                       self.plain)
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
            if a == b or (max(a, b) > 0 and abs(a - b) / max(a, b) <= self.tolerance) or within_bound(first, mv):
                continue
            if parallel_subjects(ctx.doc, first.start, mv.start):
                continue  # the same metric of another subject in a parallel paragraph (round 31)
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
        # a later year named in the title is the document's subject (关于申报2016年……项目的通知, issued in 2015): its
        # figures for that year are the notice's or the plan's, not facts stated early (round 24)
        titled = {y for y, _, _ in years_in(ctx.doc.title or "")}
        for f in ctx.figures():
            ss, se = ctx.doc.sentence_at(f.start)
            if (ss, se) in done:
                continue
            sent = text[ss:se]
            ys = [y for y in years_in(sent) if ss + y[2] <= f.start and not ctx.doc.in_quotes(ss + y[1], ss + y[2])]
            if not ys:
                continue
            year, ys_, ye = ys[-1]
            if year <= ref or year in titled or any(p.search(sent) for p in self.markers):
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
                for hv in extract_metric_values(h.text, None, self.metrics, self.strip, plain=self.plain):
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


_SUBJECT_END = re.compile(r"[)）]|完成|实现|达到|拥有|共有|累计")
_CHANGE_TAIL = re.compile(r"(?:同比|环比|比上年|较上年)?(?:增长|增加|上升|提高|下降|减少|降低)(?:了|为|达)?$")


def _rival(a: str, b: str) -> bool:
    """Two metric names that differ by a rival modifier (求职需求 / 岗位需求), not by an abbreviation or an added word
    (规上工业发电量 / 规模以上工业绝对发电量): what each has before their common ending, neither made of the other's
    characters."""
    common = len(os.path.commonprefix([a[::-1], b[::-1]]))
    ra, rb = a[:len(a) - common], b[:len(b) - common]
    return bool(ra and rb) and not (set(ra) <= set(rb) or set(rb) <= set(ra))


@kind("value_two_names")
class ValueTwoNames(Rule):
    """One precise value given for two differently named metrics of one kind (整体求职需求同比增长27.72% … 整体岗位需求
    同比增长27.72%): a value of at least `min_digits` significant digits, written twice in the body with the same
    change wording, under two metric names that share their head noun (需求) but differ before it. A figure repeated
    under its own name, or under names with different heads, is not reported."""
    extra_keys = {"min_digits", "unmodified_before", "whole_modifier", "name_start"}

    def setup(self):
        self.min_digits = int(self.spec.get("min_digits", 4))
        # a name whose own modifier is empty (以就业人数为基数: 以 is no modifier) is the other name, not its rival
        self.unmodified = set(self.spec.get("unmodified_before", ""))
        # a modifier that names the whole of its head (行业总收入): the same value under another name of that head
        # (经营收入) is the whole's other name, not a rival part (round 30)
        self.whole = re.compile(self.spec.get("whole_modifier") or r"(?!x)x")
        # where a name starts inside run-together text (要点 全国平均月薪 … 一、全国平均月薪): a heading's number
        self.name_start = re.compile(self.spec.get("name_start") or r"(?!x)x")

    def _rivals(self, a: str, b: str) -> bool:
        common = len(os.path.commonprefix([a[::-1], b[::-1]]))
        ra, rb = a[:len(a) - common], b[:len(b) - common]
        if (ra and ra[-1] in self.unmodified) or (rb and rb[-1] in self.unmodified):
            return False
        if self.whole.search(ra) or self.whole.search(rb):
            return False
        return _rival(a, b)

    def _metric(self, text: str, f) -> tuple[str, str]:
        name = metric_before(text, f.start, keep=24)  # whole names: an abbreviation is told by all its words
        name = _SUBJECT_END.split(name)[-1]  # the metric's own name, not the subject before its verb (企业完成产值)
        name = self.name_start.split(name)[-1]  # text run on from a heading before it is no part of the name
        tail = _CHANGE_TAIL.search(name)
        return (name[:tail.start()] if tail else name), (tail.group(0) if tail else "")

    def check(self, ctx):
        text, out, seen = ctx.text, [], {}
        for f in ctx.figures():
            if not ctx.is_body(f.start) or len(significant_digits(f.text)) < self.min_digits:
                continue
            name, change = self._metric(text, f)
            key = (f.text.replace(" ", ""), change)
            for first, first_name in seen.get(key, []):
                if len(name) >= 3 and len(first_name) >= 3 and name[-2:] == first_name[-2:] and self._rivals(name, first_name):
                    out.append(self.finding(ctx, f.start, f.end, metric=name[-4:], first_metric=first_name[-4:],
                                            first=first.text, first_line=ctx.doc.line_of(first.start)))
                    break
            seen.setdefault(key, []).append((f, name))
        return out


_RATE = re.compile(r"(?P<basis>同比|环比|比上年同期|比上年|较上年同期|较上年|比去年同期|比去年|较去年同期|较去年|比上月|较上月)?\s*"
                   r"(?P<verb>增长|增加|上升|提高|下降|减少|降低|回落)了?\s*(?P<num>\d+(?:\.\d+)?)\s*[%％]")
_MONTH_BASIS = re.compile(r"环比|上月")


@kind("restated_rate")
class RestatedRate(Rule):
    """A release's lead gives a metric's change (规上工业增加值同比增长8.4%) and a later paragraph restates the same
    metric's change for the same period with another rate (规上工业增加值增长3.7%; round 39). Read only where the
    metric is named in full in both (its clause's words before the change, or before the amount the change follows,
    at least `min_name` characters, equal), the later sentence's year and period are the lead's or none (it then
    restates the lead's), the bases do not differ
    (同比 against 环比), at most one of the two states an amount (two amounts of one name are two subjects or two
    periods: 累计 and 当月, 货物 and 旅客), neither sentence names a part or a derived rate before it (`skip`: 其中、
    两年平均…), the later rate is the first of its sentence, and the two rates differ beyond their rounding."""
    extra_keys = {"min_name", "skip"}

    def setup(self):
        self.min_name = int(self.spec.get("min_name", 4))
        self.skip = re.compile(self.spec.get("skip") or r"(?!x)x")

    def _name(self, text: str, m: re.Match) -> tuple[str, bool]:
        """(metric name, whether an amount is stated) of the change at `m`."""
        cs = max(text.rfind(c, 0, m.start()) for c in "，,。；;\n（(：:、") + 1
        if re.sub(r"[\s\d.%％]", "", text[cs:m.start()]):
            return metric_before(text, m.start(), keep=16), False
        if text[cs - 1:cs] not in "，,":
            return "", False
        ps = max(text.rfind(c, 0, cs - 1) for c in "，,。；;\n（(：:、") + 1
        num = re.search(r"\d", text[ps:cs - 1])
        return (metric_before(text, ps + num.start(), keep=16), True) if num else ("", False)

    def _rates(self, ctx):
        text, out = ctx.text, []
        for ss, se, sent in ctx.body_sentences():
            for i, m in enumerate(_RATE.finditer(text, ss, se)):
                name, amount = self._name(text, m)
                before = text[ss:m.start()]
                if len(name) < self.min_name or self.skip.search(before):
                    continue
                value = float(m.group("num")) * (-1 if re.search(r"下降|减少|降低|回落", m.group("verb")) else 1)
                month = bool(_MONTH_BASIS.search(before[-20:] + (m.group("basis") or "")))
                para = ctx.doc.paragraph_at(m.start())
                out.append((m, name, amount, period_before(text, m.start(), own=True), year_before(text, m.start()),
                            month, value, para.start if para else -1, i == 0))
        return out

    def check(self, ctx):
        rates, out = self._rates(ctx), []
        if not rates:
            return out
        lead = rates[0][7]
        for m, name, amount, period, year, month, value, para, _ in rates:
            if para != lead:
                continue
            for n, name2, amount2, period2, year2, month2, value2, para2, opens in rates:
                # a later paragraph with no period or year of its own restates the lead's (1-9月 … / 9月份 … is another);
                # a restatement opens its sentence: a rate listed after another shares that sentence's subject, which its
                # own name does not carry (人形机器人领域的招聘职位数同比增长409%，求职人数同比增长396%)
                if (para2 == lead or not opens or name2 != name or (amount and amount2) or month != month2
                        or period2 not in ("", period) or year2 not in (None, year)
                        or parallel_subjects(ctx.doc, m.start(), n.start())):
                    continue
                if abs(value - value2) > half_unit(m.group("num"), value=False) + half_unit(n.group("num"), value=False):
                    out.append(self.finding(ctx, n.start("verb"), n.end(), metric=name, text=n.group(), first=m.group(),
                                            first_line=ctx.doc.line_of(m.start())))
        return out
