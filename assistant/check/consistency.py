"""Generic consistency kinds: magnitude slips in one metric, parts vs total, growth recomputed from two stated
values. No metric list: a figure's metric is the noun phrase before it in its clause (after time words and the
linking verb are removed), so the checks work for any industry's wording."""
from __future__ import annotations

import os
import re
from difflib import SequenceMatcher

from .figures import NUM, find_figures, normalise, num_digits, years_in
from .rules import Rule, kind

LEAD_TRIM = re.compile(r"^(?:[^，。；：、]*?(?:称|写道|表述中|摘要中|中|显示|表明|指出|统计|数据)[，,：:]\s*)")
TIME_WORDS = re.compile(r"(?:20\d\d\s*年(?:度|底|末)?|\d{1,2}\s*[-—至~]\s*\d{1,2}\s*月|\d{1,2}\s*月(?:份)?|全年|当年|年末|年底|"
                        r"上半年|下半年|前三季度|[一二三四]季度|本季度|同期|上年|去年|今年)")
VERB_TAIL = re.compile(r"(?:为|达到?|是|约为?|共计?|合计|累计|实现|完成|超过|突破|增至|降至|增加到|减少到|有|占)+$")
CLAUSE_SPLIT = "，。；！？\n,;：:（("
CHANGE = r"(?:增长|增加|上升|提高|提升|增|下降|减少|降低|回落|下滑|降)"
FALL = r"下降|减少|降低|回落|下滑|降"  # the change words of CHANGE that mean a fall


def change_sign(verb: str) -> int:
    """-1 for a change word that means a fall (下降、回落…), else 1."""
    return -1 if re.search(FALL, verb) else 1


def metric_before(text: str, pos: int, limit: int = 24, keep: int = 8) -> str:
    """The metric a figure at `pos` measures: the clause's words before it, minus time words and verbs (its last
    `keep` characters)."""
    start = max(text.rfind(c, 0, pos) for c in CLAUSE_SPLIT) + 1
    start = max(start, pos - limit)
    head = TIME_WORDS.sub("", text[start:pos])
    head = re.sub(r"[\s\d.%％]+", "", head)
    head = VERB_TAIL.sub("", head)
    head = re.sub(r"^(?:其中|另有|又|则|而|和|与|及|并|但|在|该|全|共同体|报告)", "", head)
    return head[-keep:]


PER_UNIT = re.compile(r"人均|生均|户均|平均|单位|每")
# the measure written after a bare magnitude (万吨、亿美元、万TEU): up to two characters, or Latin letters (round 24)
UNIT_TAIL = re.compile(r"[A-Za-z]{1,5}(?![A-Za-z])|[\u4e00-\u9fa5]{1,2}")


def measure(text: str, f) -> tuple[float, str]:
    """A figure's value in base units and its unit family; for a bare 万/亿 the word written after it (6.3亿美元 and
    17.79万吨 are two measures, not one value in two magnitudes; round 24)."""
    value, fam = normalise(f.value, f.unit)
    if not fam and f.unit:
        tail = UNIT_TAIL.match(text, f.end)
        fam = tail.group() if tail else ""
    return value, fam


def written_end(text: str, f) -> int:
    """Where a figure as written ends: after a bare 万/亿, after the measure written with it (104亿美元, 8600万件)."""
    return f.end + len(measure(text, f)[1]) if f.unit and not normalise(f.value, f.unit)[1] else f.end


def same_metric(a: str, b: str) -> bool:
    if len(a) < 2 or len(b) < 2 or bool(PER_UNIT.search(a)) != bool(PER_UNIT.search(b)):
        return False
    return a == b or (len(a) >= 4 and len(b) >= 4 and (a.endswith(b) or b.endswith(a)))


PERIOD = re.compile(r"\d{1,2}\s*[-—至~]\s*\d{1,2}\s*月|\d{1,2}\s*月(?:份)?|上半年|下半年|前三季度|第?[一二三四1-4]\s*季度|年末|年底|底|末")
# the cumulative periods (month_span reads them) and, for a figure's own period, every other period word: a single month
# or a period's end read last leaves the figure without a cumulative period
PERIOD_SPAN = re.compile(r"(?P<m1>\d{1,2})\s*月?\s*[-—–~至]\s*(?P<m2>\d{1,2})\s*月(?!\s*[末底])|第?(?P<q>[一二三四1-4])\s*季度(?!\s*[末底])|"
                         r"前三季度(?!\s*[末底])|上半年|下半年|全年")
PERIOD_OWN = re.compile(PERIOD_SPAN.pattern + r"|\d{1,2}\s*月(?:份)?|[末底]|当月|单月")
# a month written alone (8月, 7月当月), not the end of a span (1—8月, 1月至8月) nor a month's end (8月末)
SINGLE_MONTH = re.compile(r"(?<![\d—–~至-])(\d{1,2})\s*月(?:份)?(?!\s*(?:[末底]|[-—–~至]\s*\d))")
BASIS_BEFORE = re.compile(r"(?:较|比|与|同|相比|对比)\s*$")  # 增速较前三季度提高: a comparison's basis period
BASIS_AFTER = re.compile(rf"\s*(?:年|届)\s*(?:相比)?\s*(?:{CHANGE}|上涨|回升)")  # 2017年提高了: a basis, its 比 lost


def period_before(text: str, pos: int, sentence: bool = False, own: bool = False) -> str:
    """The period inside the year a figure refers to (上半年, 1—10月, 一季度, 年末); '' for the whole year. Read in
    the figure's clause, or with `sentence` from the start of its sentence (2024年1月，全省……约4.8亿吨).

    With `own`, the figure's own cumulative period (period_parts, round 24; one reader since round 25): read from the
    start of its sentence (to 。；; or a line break), over every period word (`PERIOD_OWN`: 全年, and a single month or
    a period's end, which month_span reads as no cumulative period), less a comparison's basis (增速较前三季度提高
    names the basis, not the figure's period)."""
    if own:
        s = max(text.rfind(c, 0, pos) for c in "。；;\n") + 1
        before = text[s:pos]
        found = [m.group() for m in PERIOD_OWN.finditer(before)
                 if not BASIS_BEFORE.search(before[max(0, m.start() - 3):m.start()])]
        return re.sub(r"\s", "", found[-1]) if found else ""
    s = max(text.rfind(c, 0, pos) for c in ("。；\n" if sentence else "。；\n，,")) + 1
    found = PERIOD.findall(text[s:pos])
    return re.sub(r"\s|份", "", found[-1]) if found else ""


_MASK_NUM = re.compile(r"\d+(?:[.,，]\d+)*")
_HAN = re.compile(r"[\u4e00-\u9fa5A-Za-z]")


def parallel_subjects(doc, a: int, b: int, min_ratio: float = 0.75) -> bool:
    """True when the metric names at `a` and `b` stand in two parallel paragraphs about different subjects: with the
    numbers masked the paragraphs are written alike (`min_ratio` of their characters in common), and before each
    metric's name some words differ — a province, company or product group named in one and not the other (湖北省…占比为
    25.56% / 河南省…占比为36.42%; 【A类】出口额… / 【B类】出口额…). The same metric of two subjects is not one value
    restated (round 31). A paragraph restated word for word with another value (only its numbers differ), or with words
    added on one side only, stays a mismatch."""
    pa, pb = doc.paragraph_at(a), doc.paragraph_at(b)
    if pa is None or pb is None or pa is pb:
        return False
    ta, tb = _MASK_NUM.sub("#", pa.text), _MASK_NUM.sub("#", pb.text)
    ca = len(_MASK_NUM.sub("#", pa.text[:a - pa.start]))
    cb = len(_MASK_NUM.sub("#", pb.text[:b - pb.start]))
    sm = SequenceMatcher(None, ta, tb, autojunk=False)
    if sm.ratio() < min_ratio:
        return False
    ops = [(ta[i1:min(i2, ca)], tb[j1:min(j2, cb)]) for op, i1, i2, j1, j2 in sm.get_opcodes()
           if op != "equal" and i1 < ca and j1 < cb]
    # words on both sides: each paragraph names its own subject (a source or a word added on one side only,
    # 据某统计，…, is no other subject)
    return bool(_HAN.search("".join(x for x, _ in ops)) and _HAN.search("".join(y for _, y in ops)))


def year_before(text: str, pos: int) -> int | None:
    s = max(text.rfind(c, 0, pos) for c in "。；\n") + 1
    ys = [y for y in years_in(text[s:pos])]
    return ys[-1][0] if ys else None


def significant_digits(txt: str) -> str:
    """The digits of a written number without the point and outer zeros ('3.5亿吨' and '35亿吨' → '35')."""
    return _written(txt).replace(".", "").strip("0")


@kind("magnitude_slip")
class MagnitudeSlip(Rule):
    """The same metric, year and mantissa written with two magnitudes (3.6亿元 / 3.6万元, 120万台 / 120亿台), or the
    same digits with the decimal point shifted (约35亿吨 in a headline, 约3.5亿吨 in the body): `shift_ratios`, only
    where the two are written with the same significant digits and refer to the same period of the year."""
    extra_keys = {"ratios", "shift_ratios"}

    def setup(self):
        self.ratios = [float(r) for r in (self.spec.get("ratios") or [1e4, 1e8, 1e3])]
        self.shift_ratios = [float(r) for r in (self.spec.get("shift_ratios") or [])]

    def check(self, ctx):
        text, out, seen = ctx.text, [], []
        for f in find_figures(text):
            para = ctx.doc.paragraph_at(f.start)
            # body text, and a headline or heading that states a figure (约35亿吨 in the title, 约3.5亿吨 below)
            if not para or para.kind not in ("text", "heading", "title"):
                continue
            if f.is_percent or f.unit in ("个百分点", "百分点", "倍"):
                continue
            value, fam = measure(text, f)
            metric = metric_before(text, f.start)
            year = year_before(text, f.start)
            period = period_before(text, f.start, sentence=True)
            digits = significant_digits(f.text)
            for g, gval, gfam, gmetric, gyear, gperiod, gdigits in seen:
                if gfam != fam or gyear != year or not same_metric(metric, gmetric) or gval <= 0 or value <= 0:
                    continue
                ratio = max(value, gval) / min(value, gval)
                slip = any(abs(ratio / r - 1) < 0.02 for r in self.ratios)
                shift = (len(digits) >= 2 and digits == gdigits and period == gperiod
                         and any(abs(ratio / r - 1) < 1e-6 for r in self.shift_ratios))
                if slip or shift:
                    here, there = f, g
                    if para.kind == "text" and ctx.doc.paragraph_at(g.start).kind != "text":
                        here, there = g, f  # a headline that disagrees with its body: the headline is flagged
                    out.append(self.finding(ctx, here.start, here.end, metric=metric, first=there.text,
                                            first_line=ctx.doc.line_of(there.start)))
                    break
            seen.append((f, value, fam, metric, year, period, digits))
        return out


@kind("dropped_magnitude")
class DroppedMagnitude(Rule):
    """A total written in the bare unit (资产总额10624.7元) inside a sentence that lists the same subject's other totals
    with a magnitude (总产值10398.5亿元、利润总额796.2亿元): as written it is thousands of times smaller than every
    sibling, and with the siblings' magnitude it would sit among them — the 万/亿 was most likely dropped."""
    extra_keys = {"total_words", "min_gap", "max_spread", "restated_len", "restated_message"}

    def setup(self):
        self.total = re.compile(self.spec.get("total_words") or "总")
        self.restated_len = int(self.spec.get("restated_len", 6))
        self.min_gap = float(self.spec.get("min_gap", 1000))
        self.spread = float(self.spec.get("max_spread", 20))

    def check(self, ctx):
        out, everywhere = [], None
        for ss, se, sent in ctx.body_sentences():
            figs = [f for f in find_figures(ctx.text, ss, se) if not f.is_percent]
            for f in figs:
                metric = metric_before(ctx.text, f.start)
                if normalise(1, f.unit)[0] != 1 or PER_UNIT.search(metric):
                    continue
                sibs = [g for g in figs if g is not f and normalise(1, g.unit)[0] > 1
                        and normalise(1, g.unit)[1] == f.unit and not PER_UNIT.search(metric_before(ctx.text, g.start))]
                vals = [normalise(g.value, g.unit)[0] for g in sibs]
                if not vals or f.value * self.min_gap > min(vals):
                    continue
                if self.total.search(metric):
                    fits = [g for g in sibs if min(vals) / self.spread <= f.value * normalise(1, g.unit)[0]
                            <= max(vals) * self.spread]
                else:
                    if everywhere is None:
                        everywhere = [g for g in find_figures(ctx.text) if ctx.is_body(g.start) and not g.is_percent]
                    fits = self._restated(ctx, f, metric, everywhere, ss, se)
                if fits:
                    msg = None if self.total.search(metric) else self.spec.get("restated_message")
                    out.append(self.finding(ctx, f.start, f.end, msg, text=f.text, metric=metric, sibling=fits[0].text,
                                            line=ctx.doc.line_of(fits[0].start)))
        return out

    @staticmethod
    def _numbered(text: str, pos: int) -> bool:
        """The figure's clause names its metric with a number besides time words (100岁及以上老年人口 / 60岁及以上老年
        人口): the metric reader drops digits, so two such names may be two groups."""
        start = max(text.rfind(c, 0, pos) for c in CLAUSE_SPLIT) + 1
        return bool(re.search(r"\d", TIME_WORDS.sub("", text[start:pos])))

    def _restated(self, ctx, f, metric: str, figs: list, ss: int, se: int) -> list:
        """The same metric (its name, at least `restated_len` characters, ending the other's) in another sentence with a
        magnitude (邮政寄递服务业务收入累计完成167.08万元 for the quarter, …收入完成66.72元 for its last month): read in
        that magnitude the bare figure sits within `max_spread` of it, as written thousands of times below (round 33)."""
        if len(metric) < self.restated_len or self._numbered(ctx.text, f.start):
            return []
        out = []
        for g in figs:
            scale, fam = normalise(1, g.unit)
            if ss <= g.start < se or scale <= 1 or fam != f.unit or not same_metric(metric, metric_before(ctx.text, g.start)):
                continue
            if self._numbered(ctx.text, g.start):
                continue
            gv = g.value * scale
            if gv / self.spread <= f.value * scale <= gv * self.spread and f.value * self.min_gap <= gv:
                out.append(g)
        return out


TOTAL_RE = re.compile(r"(?:合计|共计|共有|总计|总量|总数|总额|总投入|共提供|共开设|共|总)[^，。；\d]{0,8}?"
                      r"(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>万亿元|亿元|万元|元|万人次|人次|万人|人|万个|个|家|所|项|万台|台|名|门)")
# counts of institutions only: flows and amounts (人次、元) are often split into overlapping parts (因私出境、赴港澳台出境)
TOTAL_BEFORE_PARTS = re.compile(r"(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>家|所|项|个|门)[，,]\s*(?=其中)")
PART_RE = re.compile(r"(?P<name>[\u4e00-\u9fa5]{1,12}?)(?:为|达|有|约)?\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>万亿元|亿元|万元|元|万人次|人次|万人|人|万个|个|家|所|项|万台|台|名|门)")
SHARES_RE = re.compile(r"(?P<lead>[^。；]{0,30}?)分别为\s*(?P<list>\d+(?:\.\d+)?[%％](?:\s*[、和及与]\s*\d+(?:\.\d+)?[%％])+)")
SUM_CLAIM = re.compile(r"(?:之和|合计|总和|加总)(?:为|是|达)?\s*100(?:\.0+)?[%％]")
# a part that is itself a share of an earlier part (其中专任教师287人，“双师”素质124人，占专任教师比例43.2%) is nested
# a part named with its growth only, after 其中 (烟草制品业下降10.6%; 非烟工业同比增长10.4%; round 35)
NAMED_PART = re.compile(rf"(?P<name>[\u4e00-\u9fa5]{{2,12}}?)\s*(?:同比|比上年|较上年)?{CHANGE}了?\s*\d+(?:\.\d+)?\s*[%％]")
SHARE_OF = re.compile(r"^[，,]?\s*占(?P<of>[^，。；\d]{2,10}?)(?:的)?(?:比例|比重|比|总数)")
# one group of a range breakdown (0-17岁, 35—59岁, 10万元以下) and the last one, with the name of what is counted
# (60岁及以上户籍人口; round 34)
RANGE_ITEM = re.compile(r"(?P<lo>\d+)\s*(?:(?:[-—–~～]|至|到)\s*(?P<hi>\d+))?\s*(?P<u>[^\d\s、，,；;。]{0,2}?)\s*"
                        r"(?P<open>及以上|以上|及以下|以下)?")
RANGE_LAST = re.compile(r"(?P<lo>\d+)(?P<hi>)\s*(?P<u>[^\d\s、，,；;。]{0,2}?)\s*(?P<open>及以上|以上)的?(?P<noun>[\u4e00-\u9fa5]{2,12})")
YEAR_SPAN = re.compile(r"(?:19|20)\d\d\s*年?\s*[—–\-~至到]\s*(?:19|20)\d\d")


@kind("parts_total")
class PartsTotal(Rule):
    """Parts listed after a total (合计N，其中A、B、其他C) that exceed it, or that are declared exhaustive (其余、
    其他) and do not add up; shares of one whole given with 分别为 that do not add up to 100%."""
    extra_keys = {"rest_words", "tolerance", "metric_word", "over_message", "averages", "respondents", "answers",
                  "own_rates", "share_words", "counted", "counted_message", "sibling_total", "group_verbs",
                  "group_tail", "reference_words", "complement_prefix", "complement_pairs", "named_message"}

    def setup(self):
        self.rest = self._pats("rest_words") or [re.compile("其他|其余|剩余|另有")]
        self.respondents = re.compile(self.spec.get("respondents") or r"(?!x)x")
        self.answers = re.compile(self.spec.get("answers") or r"(?!x)x")
        self.averages = re.compile(self.spec.get("averages") or r"人均|平均")
        self.own_rates = re.compile(self.spec.get("own_rates") or r"(?!x)x")
        self.share_words = re.compile(self.spec.get("share_words") or r"占比|比重|比例|构成|份额|结构")
        self.metric_word = re.compile(self.spec.get("metric_word") or r"[\u4e00-\u9fa5]{2}[额量]$")
        self.tol = float(self.spec.get("tolerance", 0.005))
        self.counted = re.compile(self.spec.get("counted") or r"(?!x)x")
        # a clause after a semicolon that names a total of its own (；集体企业实现利润总额…) starts a sibling total
        # with its own parts: the list of the first total's parts ends there (round 30)
        self.sibling = re.compile(self.spec.get("sibling_total") or r"(?!x)x")
        # 本科、硕士和博士毕业生选择留京工作的比例: each group's own share doing something (round 32)
        self.group_verbs = re.compile(self.spec.get("group_verbs") or r"(?!x)x")
        self.group_tail = tuple(self.spec.get("group_tail") or ["的比例", "的比率"])
        # 出口1524.7亿元，已超2020年全年的1503.6亿元: an amount a part is compared with is not a part (round 33)
        self.reference = re.compile(self.spec.get("reference_words") or r"(?!x)x")
        # two parts named after 其中 that are each other's complement (烟草制品业 / 非烟工业; 城镇 / 农村): together
        # they are all of the total (round 35)
        self.complement_prefix = self.spec.get("complement_prefix") or ""
        self.complement_pairs = [tuple(p) for p in (self.spec.get("complement_pairs") or [])]

    def check(self, ctx):
        out, prev, seen = [], (None, "", 0), set()
        for ss, se, sent in ctx.body_sentences():
            para = ctx.doc.paragraph_at(ss)
            out.extend(self._totals(ctx, ss, sent))
            out.extend(self._counted(ctx, ss, seen))
            out.extend(self._shares(ctx, ss, sent, prev[1] if prev[0] is para else ""))
            out.extend(self._ranges(ctx, ss, sent))
            out.extend(self._named(ctx, ss, sent, (prev[2], prev[1]) if prev[0] is para else None))
            if prev[0] is para:
                out.extend(self._part_over(ctx, ss, sent, prev[1]))
            prev = (para, sent, ss)
        return out

    def _part_over(self, ctx, ss, sent, prev: str):
        """A sentence opening with 其中 after a sentence with one amount of its unit (吞吐量1441.20万TEU，同比增长13.26%。
        其中，沿海港口完成12939.90万TEU，内河港口完成147.30万TEU): no part may exceed that total, whatever the
        parts' overlap. The unit is read with a Latin-letter unit written after the number (万TEU, 亿kWh), which the
        figure reader leaves unnamed (round 23)."""
        head = re.match(r"^\s*其中\s*[，,：:]?", sent)
        if not head:
            return []
        before = self._amounts(prev)
        after = self._amounts(sent)
        for f, v, unit in after:
            same = [(g, w) for g, w, u in before if u == unit]
            if len(same) != 1 or sum(1 for _, _, u in after if u == unit) < 2:
                continue
            total, tv = same[0]
            label = _total_label(prev, total.start)
            name = metric_before(sent, f.start, keep=12)
            if self.averages.search(name + prev[:total.start]):
                continue  # an average (平均月薪、人均收入) is not the sum of its groups' averages
            own, word = self.metric_word.search(label), self.metric_word.search(name)
            if own and word and own.group() != word.group():
                continue
            if v - tv > self._slack(tv, (f.text, f.unit), (total.text, total.unit)) and f.start >= head.end():
                latin = self._unit(sent, f)
                return [self.finding(ctx, ss + f.start, ss + f.end + len(latin), self.spec.get("over_message"),
                                     total=total.text + self._unit(prev, total))]
        return []

    @classmethod
    def _amounts(cls, txt: str) -> list:
        """(figure, value in base units, unit) of every level of an amount in `txt`: not a %, a multiple, a bound, a
        change (比上年增加241.3万亩) or part of a compound number (23兆1200亿); a bare 万/亿 names no measure."""
        out = []
        for f in find_figures(txt):
            if f.is_percent or f.unit in ("个百分点", "百分点", "倍") or bounded_at(txt, f):
                continue
            before = txt[max(0, f.start - 4):f.start]
            if re.search(r"[兆万亿\d]$", before) or CHANGED.search(before):
                continue
            value, fam = normalise(f.value, f.unit)
            unit = fam + cls._unit(txt, f)
            if unit:
                out.append((f, value, unit))
        return out

    def _counted(self, ctx, ss: int, seen: set):
        """A total named with the count of its parts (七大支柱产业实现工业总产值74.5亿元；全市三类园林工程完成产值18.6亿元)
        followed after 其中 — in its sentence, or in the next sentence of its paragraph when that one opens with 其中 —
        by exactly that many amounts of its unit: the parts are all of it, so their sum must be the total within
        `tolerance` (round 29). A different number of amounts (a part's own part, two measures per part) is not read."""
        text = ctx.text
        para = ctx.doc.paragraph_at(ss)
        if para is None:
            return []
        end = text.find("。", ss, para.end)
        end = para.end if end < 0 else end
        m = self.counted.search(text, ss, end)
        if not m or m.start() in seen:
            return []
        seen.add(m.start())
        n = _count_of(m.group("n"))
        total = next((a for a in self._amounts(text[m.end():end]) if not re.search(r"[，,；;：:。]", text[m.end():m.end() + a[0].start])), None)
        if total is None or n < 2:
            return []
        f, tv, unit = total
        t_end = m.end() + f.end
        if self.averages.search(text[ss:t_end]):
            return []
        k = text.find("其中", t_end, end)
        if k >= 0:
            lo, hi = k + 2, end
        else:
            nxt = re.match(r"[。\s]*其中", text[end:para.end])
            if not nxt:
                return []
            lo = end + nxt.end()
            hi = text.find("。", lo, para.end)
            hi = para.end if hi < 0 else hi
        parts = [(g, v) for g, v, u in self._amounts(text[lo:hi]) if u == unit]
        if len(parts) != n:
            return []
        s = sum(v for _, v in parts)
        if abs(s - tv) <= self._slack(tv, (f.text, f.unit), *((g.text, g.unit) for g, _ in parts)):
            return []
        scale = tv / f.value if f.value else 1.0
        return [self.finding(ctx, m.end() + f.start, t_end, self.spec.get("counted_message"), n=m.group("n"),
                             parts=f"{round(s / scale, 4):g}{f.unit}")]

    def _slack(self, total: float, *written: tuple[str, str]) -> float:
        """How far parts may miss their total: `tolerance` of the total, or the rounding of every number written when
        that is smaller (half a unit of each last digit, in base units: 2173.96亿元 and its parts 709.29亿元 + 1466.67亿元
        agree within 0.015亿元, where a relative 0.5% hid a 2.00亿元 gap; round 35). Coarse figures keep the relative
        tolerance (4.2万个 against parts 2.3 + 1.5 + 0.6万个 is still read as the 0.2万 it is over)."""
        rounding = sum(half_unit(num) * normalise(1, unit)[0] for num, unit in written)
        return min(rounding, total * self.tol) + 1e-9 * total

    @staticmethod
    def _unit(txt: str, f) -> str:
        """The Latin-letter unit written right after a figure the reader gives no measure unit (万TEU, 亿kWh)."""
        latin = re.match(r"([A-Za-z]{1,5})(?![A-Za-z])", txt[f.end:f.end + 6])
        return latin.group(1) if latin and normalise(1, f.unit)[1] == "" else ""

    def _totals(self, ctx, ss, sent):
        m, siblings_only = TOTAL_RE.search(sent), False
        if not m or "其中" not in sent[m.end():]:
            # a figure followed at once by 其中 is the total of what follows (学校52所，其中甲类学校36所、乙类学校24所);
            # without a total word the parts may be overlapping subsets (其中本科院校……、“双一流”高校……), so only
            # sibling categories (names ending in the same noun) are added up
            m, siblings_only = TOTAL_BEFORE_PARTS.search(sent), True
            if not m:
                return []
        total, fam = normalise(float(m.group("num")), m.group("unit"))
        tail = sent[sent.index("其中", m.end()) + 2:]
        sibling = self.sibling.search(tail)
        tail = tail[:sibling.start()] if sibling else tail
        # a second 其中 opens a part's own breakdown (其中本科2535人，2193人选择升学，其中1696人…): what follows it
        # is inside a part, not beside it, so the list of the total's parts ends there (round 31)
        nested = tail.find("其中")
        tail = tail[:nested] if nested >= 0 else tail
        # the total's metric word (零售总额 → 零售额): a figure after 其中 named by another metric word (批发业销售额,
        # 住宿业营业额) is not one of its parts but a figure beside it (round 23)
        label = _total_label(sent, m.start("num"))
        own = self.metric_word.search(label)
        parts, rest = [], False
        names: list[str] = []
        written: list[tuple[str, str]] = []
        for p in PART_RE.finditer(tail):
            v, pf = normalise(float(p.group("num")), p.group("unit"))
            if pf != fam:
                continue
            word = self.metric_word.search(p.group("name"))
            if own and word and word.group() != own.group():
                continue
            clause = re.split(r"[，,；;、：:]", tail[:p.start("num")])[-1]
            if self.reference.search(clause):
                continue
            of = SHARE_OF.match(tail[p.end():p.end() + 24])
            if of and any(of.group("of").rstrip("数") in n for n in names):
                continue
            names.append(p.group("name"))
            parts.append(v)
            written.append((p.group("num"), p.group("unit")))
            last_end = p.end()
            rest = rest or any(r.search(p.group("name")) for r in self.rest)
        if len(parts) < 2:
            return []
        if siblings_only and len({n[-2:] for n in names}) != 1:
            return []
        s = sum(parts)
        # a total written as a minimum (力争实现总产值104亿元以上、超过…) is not exceeded by parts above it (round 31)
        floor = bool(re.match(r"\s*(?:以上|多|余)", sent[m.end():m.end() + 3])
                     or re.search(r"(?:超过|逾|突破|不低于|高于)\s*$", sent[max(0, m.start("num") - 3):m.start("num")]))
        slack = self._slack(total, (m.group("num"), m.group("unit")), *written)
        over = s - total > slack and not floor
        short = rest and total - s > slack
        if not (over or short):
            return []
        scale = total / float(m.group("num")) if float(m.group("num")) else 1.0
        # without a total word the span runs over the parts too: the total and its parts are read together
        end = ss + sent.index("其中", m.end()) + 2 + last_end if siblings_only else ss + m.end()
        return [self.finding(ctx, ss + m.start(), end, total=m.group("num") + m.group("unit"),
                             parts=f"{round(s / scale, 4):g}{m.group('unit')}")]

    def _shares(self, ctx, ss, sent, prev: str = ""):
        m = SHARES_RE.search(sent)
        if not m or not self.share_words.search(m.group("lead") + sent[m.end():m.end() + 6]):
            return []
        own = re.split(r"[，,：:]", m.group("lead"))[-1].strip()
        if self.own_rates.search(own) and not self.share_words.search(own):
            # the list's own clause names a rate (就业率、落实率、合格率分别为…): each value is a rate within its own
            # group, not a part of one whole, even after a share word in an earlier clause (round 26)
            return []
        if self._group_rates(own, m.group("list")):
            return []
        before = sent[:m.start("list")]
        if YEAR_SPAN.search(before) or len({y for y, _, _ in years_in(before)}) >= 2 or SERIES.search(sent):
            return []  # the same share in several years (2016年—2018年的比例分别为…, 近5年……), not the parts of one whole
        if re.search(r"占[^，。；]{0,30}?[和与及、][^，。；]{0,20}?的?(?:比重|比例|份额)", before):
            return []  # one part's shares of several wholes (占总产出和增加值的比重分别为65.7%和50.2%)
        if self.respondents.search(before) and self.answers.search(before):
            # the shares of respondents who gave each answer (受访企业中开展……业务的比例): answers may overlap; a
            # survey's respondents by kind (受访企业中大型、中型、小型企业的占比) are still the parts of one whole
            return []
        vals = [float(x) for x in re.findall(r"\d+(?:\.\d+)?", m.group("list"))]
        vals += self._lead_share(prev, m.group("lead"))
        s = sum(vals)
        claimed = SUM_CLAIM.search(sent)
        # an enumeration of a whole (大型、中型、小型 / 第一、二、三产业) whose shares exceed 100%, or a stated 100%
        if s > 100.5 or (claimed and abs(s - 100) > 0.5):
            span = claimed.span() if claimed else m.span("list")
            return [self.finding(ctx, ss + span[0], ss + span[1], total="100%", parts=f"{s:g}%")]
        return []

    def _ranges(self, ctx, ss: int, sent: str):
        """Groups named by ranges that tile a scale from its bottom to an open top (0-17岁、18-34岁、35-59岁、60岁及以上
        户籍人口分别为…; 10万元以下、10-50万元、50万元及以上的企业分别有…): every unit falls in exactly one group, so the
        amounts listed after 分别为 must add up to the total of the same name (户籍人口 ending the total's name,
        全县户籍人口为112635人) stated before in the paragraph, within the rounding of the digits written (round 34).
        The ranges must run from 0 (or open with 以下) to 以上, each starting where the last ended or one after; as
        many amounts as groups, all of one unit family; the total the nearest earlier amount of that family and name."""
        out, text = [], ctx.text
        para = ctx.doc.paragraph_at(ss)
        for m in re.finditer(r"分别(?:为|是|有)", sent):
            head = re.split(r"[，,；;：:。]", sent[:m.start()])[-1]
            first = re.search(r"\d", head)
            if not first:
                continue
            items = re.split(r"[、和与]|及(?!以[上下])", head[first.start():])
            groups = [RANGE_ITEM.fullmatch(x.strip()) for x in items[:-1]] + [RANGE_LAST.fullmatch(items[-1].strip())]
            if len(groups) < 2 or not all(groups) or not self._tiles(groups):
                continue
            noun = groups[-1].group("noun")
            if len({g.group("u") for g in groups if g.group("u")}) > 1 or len(noun) < 2:
                continue
            rest = sent[m.end():]
            lst = re.match(r"\s*[^，,；;。\d]{0,2}?(?P<list>\d[^，,；;。]*)", rest)
            if not lst:
                continue
            figs = [f for f in find_figures(lst.group("list")) if not f.is_percent]
            seps = [lst.group("list")[a.end:b.start] for a, b in zip(figs, figs[1:])]
            if len(figs) != len(groups) or any(not re.fullmatch(r"[^\d，,；;。]{0,3}?[、和及与]\s*", x) for x in seps):
                continue
            fams = {_counted_unit(lst.group("list"), f) for f in figs}
            if len(fams) != 1 or not next(iter(fams)) or any(bounded_at(lst.group("list"), f) for f in figs):
                continue
            fam = fams.pop()
            lo = para.start if para else 0
            at = ss + m.end() + lst.start("list")
            before = text[lo:ss + m.start()]
            totals = [(f, normalise(f.value, f.unit)[0]) for f in find_figures(before)
                      if not f.is_percent and not bounded_at(before, f) and _counted_unit(before, f) == fam
                      and not CHANGED.search(before[max(0, f.start - 4):f.start])]
            total = next(((f, v) for f, v in reversed(totals)
                          if metric_before(text, lo + f.start, keep=12).endswith(noun)), None)
            if total is None:
                continue
            f, tv = total
            parts = [normalise(g.value, g.unit)[0] for g in figs]
            half = sum(half_unit(g.text) * normalise(1, g.unit)[0] for g in figs) + half_unit(f.text) * normalise(1, f.unit)[0]
            if abs(sum(parts) - tv) > half + 1e-9:
                scale = tv / f.value if f.value else 1.0
                out.append(self.finding(ctx, at + figs[0].start, at + figs[-1].end, total=f.text,
                                        parts=f"{round(sum(parts) / scale, 4):g}{f.unit}"))
        return out

    def _named(self, ctx, ss: int, sent: str, prev: tuple | None = None):
        """A total followed by 其中 and its two complementary parts named with their growths only (规模以上工业完成增加值
        2173.96亿元，…其中，烟草制品业下降10.6%，非烟工业增长10.4%), whose amounts the document states later, each in
        a clause naming the part, with the total's metric (增加值) and period (1-8月): the two parts are all of the
        total, so their amounts must add up to it within the rounding of the three numbers written (round 35).
        Complements are X and 非X (the rest of 非X after its stem ending like the total's subject: 非烟工业 / 规模以上
        工业) or a pair of `complement_pairs` (城镇 / 农村). 其中 may open the next sentence of the total's paragraph
        (`prev`: the sentence before, with its start)."""
        k = sent.find("其中")
        if k < 0:
            return []
        tail = sent[k + 2:]
        if k == 0 and prev and not self._amounts(sent[:k]):
            ss, sent = prev
            k = len(sent)
        totals = self._amounts(sent[:k])
        if len(totals) != 1 or bounded_at(sent[:k], totals[0][0]):
            return []
        t, tv, unit = totals[0]
        names = []
        for clause in re.split(r"[，,；;、。]", tail.lstrip("，,：: ")):
            m = NAMED_PART.fullmatch(clause.strip())
            if not m:
                break
            names.append(m.group("name"))
        if len(names) != 2 or not self._complements(sent[:t.start], *names):
            return []
        text, t_at = ctx.text, ss + t.start
        # 总 dropped: 社会消费品零售总额 and its parts' 城镇消费品零售额 share the metric's ending
        metric, period = metric_before(text, t_at, keep=12).replace("总", ""), period_before(text, t_at, own=True)
        if self.averages.search(metric):
            return []
        # a part named with the total's metric (烟草制品业增加值下降10.6%) is looked for by its subject
        names = [n[:len(n) - _common_tail(n, metric)] if _common_tail(n, metric) >= 2 else n for n in names]
        rest, base = text[ss + len(sent):], ss + len(sent)
        parts = []
        for name in names:
            part = None
            for g, v, u in self._amounts(rest):
                at = base + g.start
                clause = text[max(text.rfind(c, 0, at) for c in "。；;\n，,") + 1:at]
                hit = [i for i in (mm.start() for mm in re.finditer(re.escape(name), clause))
                       if not (self.complement_prefix and clause[:i].endswith(self.complement_prefix))]
                if (u != unit or not hit or not ctx.is_body(at) or bounded_at(rest, g)
                        or period_before(text, at, own=True) != period):
                    continue
                if _common_tail(metric, metric_before(text, at, keep=12).replace("总", "")) < 2:
                    continue
                part = (g, v)
                break
            if part is None:
                return []
            parts.append(part)
        got = sum(v for _, v in parts)
        tol = sum(half_unit(g.text) * normalise(1, g.unit)[0] for g, _ in parts) + half_unit(t.text) * normalise(1, t.unit)[0]
        if abs(got - tv) <= tol + 1e-9 * tv:
            return []
        scale = tv / t.value if t.value else 1.0
        return [self.finding(ctx, t_at, ss + written_end(sent, t), self.spec.get("named_message"),
                             total=sent[t.start:written_end(sent, t)], a=parts[0][0].text, b=parts[1][0].text,
                             parts=f"{round(got / scale, 4):g}{t.unit}")]

    def _complements(self, head: str, a: str, b: str) -> bool:
        """Are `a` and `b` each other's complement under the total named in `head`? 非X with X (the words of 非X after
        its stem ending like the total's subject, ≥2 characters: 非烟工业 under 规模以上工业, stem 烟 opening 烟草制品业),
        or one word of a `complement_pairs` pair in each."""
        for x, y in ((a, b), (b, a)):
            if not self.complement_prefix or not y.startswith(self.complement_prefix):
                continue
            rest = y[len(self.complement_prefix):]
            for i in range(1, len(rest) - 1):
                if rest[i:] in head and x.startswith(rest[:i]) and len(x) > i:
                    return True
        return any((p in a and q in b) or (q in a and p in b) for p, q in self.complement_pairs)

    @staticmethod
    def _tiles(groups) -> bool:
        """Do the ranges run from the scale's bottom (0, or 以下) to an open top (以上), each starting where the one
        before ended (or one after)?"""
        first, last = groups[0], groups[-1]
        if not (first.group("hi") and int(first.group("lo")) == 0 and not first.group("open")
                or not first.group("hi") and first.group("open") in ("以下", "及以下")):
            return False
        if last.group("open") not in ("以上", "及以上") or last.group("hi"):
            return False
        end = int(first.group("hi") or first.group("lo"))
        for g in groups[1:]:
            if int(g.group("lo")) not in (end, end + 1):
                return False
            if g is not last:
                if not g.group("hi") or g.group("open") or int(g.group("hi")) <= int(g.group("lo")):
                    return False
                end = int(g.group("hi"))
        return True

    def _group_rates(self, own: str, values: str) -> bool:
        """The list's clause names groups that do something, then the proportion (本科、硕士和博士毕业生选择留京工作的
        比例分别为…): each value is the share of its own group that does it, not a part of one whole. Read only when
        the groups are enumerated before the action verb and there are as many groups as values; options listed
        after the verb (选择A、B和C的比例) are still the parts of one whole (round 32)."""
        if not own.endswith(self.group_tail):
            return False
        v = self.group_verbs.search(own)
        if not v or v.start() == 0:
            return False
        groups = [g for g in re.split(r"[、和与及]", own[:v.start()]) if g]
        return len(groups) >= 2 and len(groups) == len(re.findall(r"\d+(?:\.\d+)?", values))

    @staticmethod
    def _lead_share(prev: str, lead: str) -> list[float]:
        """The leading part given alone in the sentence before (轻工业类展览……全国占比为47.3%。重工业类、服务业类和
        农业类展览，全国占比分别为29.3%、25.1%和6.6%): the same share of the same whole ('全国占比'), one percentage
        in that sentence, no survey (answers to a multiple-choice question may add up to more than 100%)."""
        key = _lead_share_key(lead)
        if not key or not prev or key not in prev or SURVEY.search(prev + lead) or "分别" in prev:
            return []
        pcts = re.findall(r"(\d+(?:\.\d+)?)\s*[%％]", prev)
        one = re.search(re.escape(key) + r"(?:为|达|约|是)?\s*(\d+(?:\.\d+)?)\s*[%％]", prev)
        return [float(one.group(1))] if one and len(pcts) == 1 else []


def _common_tail(a: str, b: str) -> int:
    return len(os.path.commonprefix([a[::-1], b[::-1]]))


_COUNTS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _count_of(n: str) -> int:
    """The number a count word names (七 → 7, 5 → 5)."""
    return int(n) if n.isdigit() else _COUNTS.get(n, 0)


def _counted_unit(txt: str, f) -> str:
    """A figure's unit family, or after a bare 万/亿 the measure written with it up to a list separator (3.16万户、 → 户)."""
    fam = normalise(f.value, f.unit)[1]
    if fam or not f.unit:
        return fam
    tail = re.match(r"[A-Za-z]{1,5}(?![A-Za-z])|[^\d\s、，,；;。：:和及与（(]{1,2}", txt[f.end:f.end + 3])
    return tail.group() if tail else ""


def _total_label(txt: str, pos: int) -> str:
    """The words just before a total's number, linking verbs and 总 dropped (零售总额为 → 零售额)."""
    return re.sub(r"(?:为|达到?|约|是|有|完成|实现)?\s*$", "", txt[max(0, pos - 10):pos]).replace("总", "")


CHANGED = re.compile(r"(?:增加|减少|增长|下降|提高|降低|扩大|缩小|多|少)了?\s*$")


def bounded_at(txt: str, f) -> bool:
    """Is figure `f` written as a bound (近、约、超过、突破…X, X余/多), not an exact value?"""
    return bool(re.search(r"(?:近|约|逾|超过|将近|接近|不足|不到|突破)\s*$", txt[max(0, f.start - 3):f.start])
                or re.match(r"\s*(?:余|多)", txt[f.end:f.end + 2]))


SERIES = re.compile(r"(?:近|连续|过去|最近)\s*[\d一二两三四五六七八九十]+\s*年|历年|逐年|各年度?|\d+\s*年来")
SHARE_KEY = re.compile(r"(?P<key>[\u4e00-\u9fa5]{2}(?:占比|比重|份额))")
SURVEY = re.compile(r"受访|调查|问卷|样本|选择|认为|多选")


def _lead_share_key(lead: str) -> str:
    keys = SHARE_KEY.findall(lead)
    return keys[-1] if keys else ""


# 从2002年的100万吨到2009年的361万吨（…），增长了3.6倍: with each value's year and 的 written, the change verb before 到
# may be left out, and a parenthesis may follow the later value (round 34); `dated` tells the two forms apart
FROM_TO = re.compile(r"(?:从|由)\s*(?P<ya>(?:19|20)\d\d\s*年(?:底|末)?(?P<da>的)?)?\s*(?P<a>\d+(?:\.\d+)?)\s*"
                     r"(?P<ua>[^\d\s，。；]{0,3}?)\s*"
                     rf"(?P<cv>{CHANGE})?(?:到|至)\s*(?P<yb>(?:19|20)\d\d\s*年(?:底|末)?(?P<db>的)?)?\s*(?P<b>\d+(?:\.\d+)?)\s*"
                     rf"(?P<ub>[^\d\s，。；]{{0,3}}?)(?:[（(][^（()）。；]{{0,40}}[）)])?"
                     rf"[，,]?\s*(?:同比)?(?P<verb>{CHANGE})了?\s*(?P<g>\d+(?:\.\d+)?)\s*(?P<pu>[%％]|倍)")
_SCI_UNIT = r"×\s*10\d?\s*[a-zA-Z\u4e00-\u9fa5]{0,2}"  # 6459.02×10⁴t written as ×104t
DELTA = re.compile(rf"(?P<v>{NUM})\s*(?P<u>{_SCI_UNIT}|[\u4e00-\u9fa5]{{0,4}}?)[，,]\s*"
                   rf"(?:(?:比上年|比去年|较上年|同比|(?:比|较)(?:19|20)\d\d年(?:同期)?)净?|净)"  # 净增长D: the change itself
                   rf"(?P<dv>增加|减少|增长|下降)\s*(?P<d>{NUM})\s*(?P<du>{_SCI_UNIT}|[\u4e00-\u9fa5]{{0,4}}?)[，,]\s*(?:同比)?"
                   rf"(?:增长|下降|(?:增速|增幅|增长率|降幅)(?:为|达)?)\s*(?P<g>\d+(?:\.\d+)?)\s*[%％]")
# (the rate may be named as a noun after the change: 同比增长883.3万吨，增速6.8%; round 26)
# 68151个，同比减少30981个，降幅为31.25%；环比增加22662个，环比增长40.09%  (one value, several deltas)
DELTA_SEG = re.compile(r"^[，,；;]\s*(?:比上年|比去年|较上年|同比|环比|比上季度|较上季度)(?P<dv>增加|减少)\s*(?P<d>\d+(?:\.\d+)?)\s*"
                       r"(?P<du>[\u4e00-\u9fa5]{0,2}?)[，,]\s*(?:同比|环比)?(?P<gv>增长|下降|增幅为|降幅为|增长率为|增速为)\s*"
                       r"(?P<g>\d+(?:\.\d+)?)\s*[%％]")
COUNT_UNITS = {"个", "人", "名", "家", "项", "所"}
GROWTH_AFTER = re.compile(rf"^[，,]?\s*(?P<all>(?:同比|比上年|较上年)?(?P<verb>{CHANGE})了?\s*(?P<g>\d+(?:\.\d+)?)\s*[%％])")
# a level's growth written right after it, with its basis (比去年同期增长5.15%; round 25's parts of a total)
PART_GROWTH = re.compile(rf"[，,]?\s*(?P<all>(?P<basis>同比|环比|(?:比|较)(?:上年|去年|上一年)(?:同期)?)(?P<verb>{CHANGE})了?"
                         rf"\s*(?P<g>\d+(?:\.\d+)?)\s*[%％])")
# a rate stated as a change (同比增长10.2%、下降3%、增长了8.9%): the classes of a total (round 32)
RATE_STATED = re.compile(rf"(?P<verb>{CHANGE}|上涨|回升)了?\s*(?P<g>\d+(?:\.\d+)?)\s*[%％]")
# a part's growth with no basis written (其中猪肉8.0万吨，增长2.0%): the basis of its total's growth (round 27)
BARE_GROWTH = re.compile(rf"[，,]\s*(?P<all>(?P<verb>增长|下降|减少|增加)了?\s*(?P<g>\d+(?:\.\d+)?)\s*[%％])")
COMPARE = re.compile(rf"^[，,]?\s*(?:比|较)\s*(?:(?P<y>20\d\d)\s*年|上年|去年|上一年)(?:同期)?的?\s*(?P<a>\d+(?:\.\d+)?)\s*(?P<ua>[^\d\s，。；]{{0,3}}?)\s*"
                     rf"(?P<verb>{CHANGE})了?\s*(?P<g>\d+(?:\.\d+)?)\s*[%％]")

# 需求人数和求职人数分别减少了29.5万人和29.7万人，各下降了6.1%和6.8%  (two changes of two levels stated before)
RESPECTIVE = re.compile(r"分别(?P<dv>增加|减少)了?\s*(?P<d1>\d+(?:\.\d+)?)\s*(?P<u1>[\u4e00-\u9fa5]{0,3}?)\s*(?:和|、|与)\s*"
                        r"(?P<d2>\d+(?:\.\d+)?)\s*(?P<u2>[\u4e00-\u9fa5]{1,3}?)[，,]\s*(?:各|分别)?(?:同比|环比)?"
                        r"(?P<gv>增长|下降|增加|减少)了?\s*(?P<g1>\d+(?:\.\d+)?)\s*[%％]\s*(?:和|、|与)?\s*"
                        r"(?P<g2>\d+(?:\.\d+)?)\s*[%％]")
CHANGE_BEFORE = re.compile(rf"(?:{CHANGE}|分别{CHANGE})了?\s*$")
# 需求人数增加15.6万人，增长了3.9%；求职人数减少了17.3万人，下降了4.8%  (one change and its rate per clause, each for one
# of two levels stated before; round 36)
CHANGE_CLAUSE = re.compile(r"(?P<name>[\u4e00-\u9fa5]{2,12}?)(?:同比|环比)?(?P<dv>增加|减少)了?\s*(?P<d>\d+(?:\.\d+)?)\s*(?P<du>[\u4e00-\u9fa5]{1,3}?)[，,]\s*"
                           r"(?:同比|环比)?(?P<gv>增长|下降)了?\s*(?P<g>\d+(?:\.\d+)?)\s*[%％]")

OWN_BASIS = re.compile(r"同比|环比|比|较|相比|相较")
# 从2015年的A增长至2023年的B，年均增速约X% / 2015—2023年，X由A增至B，年均增长X%  (a compound annual rate)
_NUM = r"\d+(?:\.\d+)?"
ANNUAL = re.compile(rf"(?:(?P<r1>(?:19|20)\d\d)\s*(?:年)?\s*[—–\-~至到]\s*(?P<r2>(?:19|20)\d\d)\s*年[^。；]{{0,24}}?)?"
                    rf"(?:从|由)\s*(?:(?P<y1>(?:19|20)\d\d)\s*年(?:底|末)?的?)?\s*(?P<a>{_NUM})\s*(?P<ua>[^\d\s，。；]{{0,3}}?)\s*"
                    rf"(?:{CHANGE}|发展|扩大|攀升|跃升)(?:到|至)\s*(?:(?P<y2>(?:19|20)\d\d)\s*年(?:底|末)?的?)?\s*(?:近|约|超过|逾)?\s*"
                    rf"(?P<b>{_NUM})\s*(?P<ub>[^\d\s，。；]{{0,3}}?)"
                    rf"[，,]?\s*(?P<all>(?:年均|年平均|每年平均|平均每年)以?(?:复合)?(?:增速|增长率|增幅|增长|下降|降幅)?(?:为|达|达到|约为?)?"
                    rf"(?P<q>超过|逾|高于|不低于|不足|低于|不到|不超过|将近|接近|近|约)?\s*(?P<g>{_NUM})\s*[%％](?P<q2>以上|以下)?"
                    rf"(?:的(?:速度|比例|幅度|速率)?(?:增长|递增|下降|递减))?)")
# (从2015年的500亿元发展到2019年的近900亿元，每年平均以5%的比例增长: the level's verb may be 发展、扩大, the later
# value a bound, the rate written 每年平均以x%的速度增长; round 36)
# the period of an average annual rate stated in the sentence before, in the same paragraph: 从2005年到2013年，… / 2005—2013年，…
RATE_PERIOD = re.compile(r"(?P<r1>(?:19|20)\d\d)\s*年?\s*(?:[—–\-~]|至|到)\s*(?P<r2>(?:19|20)\d\d)\s*年")
LOWER_BOUND, UPPER_BOUND = {"超过", "逾", "高于", "不低于", "以上"}, {"不足", "低于", "不到", "不超过", "以下"}

BOUNDED = re.compile(r"(?:近|逾|超过|不足|不到|将近)\s*\d|\d\s*(?:余|多)[万亿千百]?[\u4e00-\u9fa5]")


def _written(txt: str) -> str:
    """The first number in `txt` as written, thousands separators removed ('6 459.02×104t' → '6459.02')."""
    m = re.search(r"\d", txt)
    return re.match(r"\d+(?:\.\d+)?", num_digits(txt[m.start():])).group() if m else ""


def number(txt: str) -> float:
    return float(_written(txt) or 0)


def half_unit(txt: str, value: bool = True) -> float:
    """Half a unit of the last written digit: '2.66' → 0.005, '30%' → 0.5. A value's last trailing zero before the
    point may be a rounded digit ('1200亿元' may be 1 204): it counts as unwritten ('1200' → 5, '200' → 5)."""
    digits = _written(txt)
    if not digits:
        return 0.5
    if "." in digits:
        return 0.5 * 10 ** -len(digits.split(".", 1)[1])
    if value and digits.strip("0"):
        return 0.5 * 10 ** min(len(digits) - len(digits.rstrip("0")), 1)
    return 0.5


def relative_half_units(earlier: str | tuple, later: str) -> float | None:
    """Relative rounding of a ratio later/earlier, from the digits as written; `earlier` may be (value, change, sign)
    texts when the earlier value is computed from the later one and its change (475万, 比上年减少29.5万 → 504.5万):
    then the two share the value's rounding, and the spread is taken over the corners of both roundings."""
    if isinstance(earlier, tuple):
        value, change, sign = earlier
        v, hv, d, hd = number(value), half_unit(value), number(change), half_unit(change)
        if v <= 0 or v - sign * d <= 0:
            return None
        ratio = v / (v - sign * d)
        corners = [(v + a) / (v + a - sign * (d + b)) for a in (-hv, hv) for b in (-hd, hd) if v + a - sign * (d + b) > 0]
        return max(abs(c / ratio - 1) for c in corners) if len(corners) == 4 else None
    a, b = number(earlier), number(later)
    if a <= 0 or b <= 0:
        return None
    return half_unit(earlier) / a + half_unit(later) / b


def _span_before(text: str, pos: int) -> tuple[str | None, str | None]:
    """The one year span (2005—2013年、从2005年到2013年) of the sentence before `pos`, in the same paragraph; (None, None)
    when there is none, or more than one (then the period is ambiguous)."""
    para = text.rfind("\n", 0, pos) + 1
    end = max(text.rfind(c, para, pos) for c in "。；")
    if end < para:
        return None, None
    start = max(max(text.rfind(c, para, end) for c in "。；") + 1, para)
    spans = list(RATE_PERIOD.finditer(text, start, end))
    return (spans[0].group("r1"), spans[0].group("r2")) if len(spans) == 1 else (None, None)


@kind("growth_recompute")
class GrowthRecompute(Rule):
    """A stated growth rate that does not match the two values it relates (从A增长到B，增长X%; 2023年…A；2024年…B，
    增长X%; 比上年增加D，增长X%; B，比2023年的A增长X%), beyond rounding; an average annual rate (年均增长X%) is
    recomputed as the compound rate over the years between the two values."""
    extra_keys = {"tolerance_pp", "comparable_words", "parts_message", "parts_window", "parts_skip", "parts_slack",
                  "parts_max", "classes", "classes_message", "classes_slack"}

    def setup(self):
        self.tol = float(self.spec.get("tolerance_pp", 1.0))
        # 从三大门类看 / 分三次产业看: a breakdown of a total into all of its classes (round 32)
        self.classes = re.compile(self.spec.get("classes") or r"(?!x)x")
        self.classes_slack = float(self.spec.get("classes_slack", 0.1))
        self.comparable = re.compile("|".join(self.spec.get("comparable_words") or ["可比口径"]))
        self.parts_window = int(self.spec.get("parts_window", 300))
        self.parts_skip = re.compile(self.spec.get("parts_skip") or r"(?!x)x")
        self.parts_slack = float(self.spec.get("parts_slack", 0.1))
        self.parts_max = int(self.spec.get("parts_max", 4))

    def _bad(self, a: float, b: float, g: float, rel: float | None = None, g_half: float | None = None) -> tuple[bool, float]:
        """Beyond rounding: with the digits of the two values (relative half-units `rel`, summed) and of the rate
        (`g_half`, in points) known, the recomputed rate must fall outside the interval they allow; without them,
        the configured tolerance (tolerance_pp, or 3% of the rate) applies."""
        if a <= 0:
            return False, 0.0
        computed = (b / a - 1) * 100
        if rel is None or g_half is None:
            return abs(computed - g) > max(self.tol, abs(g) * 0.03), computed
        # beyond the rounding of the digits, and beyond 0.5% of the rate itself (a release's 35.1% against 35.03%
        # recomputed is the comparable-basis drift of official statistics, not a slip)
        return abs(computed - g) > max(g_half + (b / a) * rel * 100, abs(g) * 0.005) + 1e-6, computed

    def _emit(self, ctx, out, a, b, g, s, e, prev, cur, years: int = 1, rel: float | None = None, g_txt: str = "",
              g_scale: float = 1, stated: str = ""):
        """`rel`: the relative rounding of the two values as written (see `relative_half_units`); `g_txt`: the rate as
        written, `g_scale` its points per written unit (100 for 倍), `stated` how the message quotes it. With both,
        a rate is wrong only when no rounding of the written digits explains it."""
        line_start = max(ctx.text.rfind(c, 0, s) for c in "\n。") + 1
        if self.comparable.search(ctx.text[line_start:e]):
            return  # 按可比口径计算: the rate is not computed from the raw values given
        g_half = None
        if rel is not None and g_txt and not BOUNDED.search(ctx.text[line_start:e]):
            rel /= max(years, 1)  # a compound rate's rounding spreads over its years
            g_half = half_unit(g_txt, value=False) * g_scale  # (近3000万、逾20%、100余家: bounds, so only the configured tolerance applies)
        if years > 1 and a > 0 and b > 0:  # compound annual rate, compared as a yearly growth from a to a·(1+r)
            b = a * (b / a) ** (1 / years)
        bad, computed = self._bad(a, b, g, rel, g_half)
        if bad and not any(f.span[0] < e and s < f.span[1] for f in out):
            shown = f"{computed:.2f}%" if g_half is not None and g_half < 0.05 else f"{computed:.1f}%"
            out.append(self.finding(ctx, s, e, stated=stated or f"{g:g}%", computed=shown, prev=prev, cur=cur))

    def check(self, ctx):
        text, out = ctx.text, []
        for m in FROM_TO.finditer(text):
            if not ctx.is_body(m.start()):
                continue
            if not m.group("cv") and not (m.group("da") and m.group("db")):
                continue  # 从A到B with no change verb is a range unless each end is a year's value (2002年的A)
            a, ua = normalise(float(m.group("a")), m.group("ua") or m.group("ub"))
            b, ub = normalise(float(m.group("b")), m.group("ub"))
            g = float(m.group("g")) * (-1 if re.search("下降|减少|降低|回落|下滑|降", m.group("verb")) else 1)
            # 从A增加到B，增长了X倍: X times A added, a growth of X·100% — not B/A (round 33)
            times = m.group("pu") == "倍"
            if times and g <= 0:
                continue
            if ua == ub:
                self._emit(ctx, out, a, b, g * (100 if times else 1), m.start("verb"), m.end(), m.group("a") + m.group("ua"),
                           m.group("b") + m.group("ub"), rel=relative_half_units(m.group("a"), m.group("b")),
                           g_txt=m.group("g"), g_scale=100 if times else 1,
                           stated=m.group("g") + "倍" if times else "")
        for m in DELTA.finditer(text):
            if not ctx.is_body(m.start()):
                continue
            v, d = number(m.group("v")), number(m.group("d"))
            if re.sub(r"\s", "", m.group("u") or "") != re.sub(r"\s", "", m.group("du") or ""):
                continue
            sign = -1 if m.group("dv") in ("减少", "下降") else 1
            g = float(m.group("g")) * sign
            self._emit(ctx, out, v - sign * d, v, g, m.end("du"), m.end(), f"{v - sign * d:g}{m.group('u')}", m.group("v") + m.group("u"),
                       rel=relative_half_units((m.group("v"), m.group("d"), sign), m.group("v")), g_txt=m.group("g"))
        self._annual(ctx, out)
        self._deltas(ctx, out)
        self._pairs(ctx, out)
        self._respective(ctx, out)
        self._two_changes(ctx, out)
        self._parts(ctx, out)
        self._classes(ctx, out)
        return out

    def _classes(self, ctx, out):
        """A total's growth rate followed by its breakdown into a counted set of classes (从三大门类看，采矿业增长a%，
        制造业增长b%，电力…增长c%): the classes are all of the total, so its rate is a weighted mean of theirs and
        cannot lie outside their range. Read only when the breakdown sentence gives exactly that many rates and
        no other percentage, and the total is the one rate stated between the paragraph's previous sentence start
        and the breakdown (round 32)."""
        text = ctx.text
        for ss, se, sent in ctx.body_sentences():
            m = self.classes.search(sent)
            if not m:
                continue
            para = ctx.doc.paragraph_at(ss)
            n = _count_of(m.group("n"))
            tail = sent[m.end():]
            rates = list(RATE_STATED.finditer(tail))
            if n < 2 or len(rates) != n or len(re.findall(r"[%％]", tail)) != n:
                continue
            # the total: the one rate stated from the previous sentence's start (same paragraph) to the breakdown
            prev_end = max(text.rfind(c, para.start, ss - 1) for c in "。；;！？") + 1
            lo = max(para.start, prev_end)
            span = text[lo:ss + m.start()]
            totals = list(RATE_STATED.finditer(span))
            if len(totals) != 1 or self.comparable.search(span + sent):
                continue
            t = totals[0]
            g = change_sign(t.group("verb")) * float(t.group("g"))
            gs = [change_sign(r.group("verb")) * float(r.group("g")) for r in rates]
            h = max([half_unit(t.group("g"), value=False)] + [half_unit(r.group("g"), value=False) for r in rates])
            h += self.classes_slack
            if min(gs) - h <= g <= max(gs) + h:
                continue
            at, end = lo + t.start(), lo + t.end()
            if not any(x.span[0] < end and at < x.span[1] for x in out):
                out.append(self.finding(ctx, at, end, self.spec.get("classes_message"), stated=f"{g:g}%",
                                        n=m.group("n"), low=f"{min(gs):g}%", high=f"{max(gs):g}%"))

    def _growth_after(self, ctx, f):
        """(basis, signed rate, rate as written) of the growth stated right after a level (，比去年同期增长5.15%)."""
        end = written_end(ctx.text, f)  # 104亿美元，同比上升51.4% (round 32)
        m = PART_GROWTH.match(ctx.text, end, end + 40) or BARE_GROWTH.match(ctx.text, end, end + 40)
        if not m:
            return None
        sign = change_sign(m.group("verb"))
        basis = m.groupdict().get("basis")
        if basis and basis != "环比":
            basis = "同比"  # 同比、比上年、较去年同期: one basis, the same period a year before (round 27)
        return basis, sign * float(m.group("g")), m.group("g")

    def _parts(self, ctx, out):
        """A total with its growth, followed within `parts_window` characters by the first k (2…`parts_max`) levels of
        its unit, each with its growth on the same written basis, that add up to the total within the rounding of
        their digits (过夜游客422.00万人次 + 一日游游客438.03万人次 = 入境游客860.03万人次): the parts of that total, so
        its growth is recomputed from theirs (last year's total = Σ part ÷ (1 + its growth)) (round 25). Levels
        that are bounds, changes or averages, and totals of value added or at comparable prices (`parts_skip`: real
        growth does not add up at current values) are not read."""
        text = ctx.text
        levels = []
        for f in ctx.figures():
            if f.is_percent or not f.unit or "百分点" in f.unit or f.unit == "倍" or bounded_at(text, f):
                continue
            ss = max(text.rfind(c, 0, f.start) for c in "。；;\n") + 1
            before = text[ss:f.start]
            if CHANGED.search(before[-6:]) or "分别" in before or PER_UNIT.search(metric_before(text, f.start)):
                continue
            growth = self._growth_after(ctx, f)
            value, fam = measure(text, f)
            if growth and fam and value > 0 and len(_written(f.text).replace(".", "").lstrip("0")) >= 2:
                levels.append((f, value, fam, growth, before))
        for i, (t, tv, fam, (basis, g, g_txt), before) in enumerate(levels):
            if self.parts_skip.search(before) or self.comparable.search(before):
                continue
            parts = [p for p in levels[i + 1:] if p[0].start - t.end <= self.parts_window and p[2] == fam]
            for k in range(2, min(self.parts_max, len(parts)) + 1):
                run = parts[:k]
                if not basis or any(p[3][0] not in (basis, None) or p[1] >= tv or p[3][1] <= -100 for p in run):
                    break
                scale = tv / t.value
                half = half_unit(t.text) * scale + sum(half_unit(p[0].text) * p[1] / p[0].value for p in run)
                if abs(sum(p[1] for p in run) - tv) > half + 1e-9:
                    continue
                lo = hi = 0.0
                for sign in (-1, 1):  # the corners of the parts' and the total's rounding
                    prev = sum((p[1] - sign * half_unit(p[0].text) * p[1] / p[0].value)
                               / (1 + (p[3][1] + sign * half_unit(p[3][2], value=False)) / 100) for p in run)
                    r = ((tv + sign * half_unit(t.text) * scale) / prev - 1) * 100
                    lo, hi = (r, hi) if sign < 0 else (lo, r)
                h = half_unit(g_txt, value=False) + self.parts_slack
                if g + h < lo or g - h > hi:
                    t_end = written_end(text, t)
                    gm = PART_GROWTH.match(text, t_end, t_end + 40)
                    at, end = gm.start("all"), gm.end()
                    if not any(x.span[0] < end and at < x.span[1] for x in out):
                        out.append(self.finding(ctx, at, end, self.spec.get("parts_message"), stated=f"{g:g}%",
                                                computed=f"{(lo + hi) / 2:.2f}%", total=text[t.start:t_end],
                                                parts="、".join(self._shown(text, p[0]) for p in run)))
                break

    @staticmethod
    def _shown(text: str, f) -> str:
        """A figure as written, with the measure after a bare 万/亿 (46.68亿美元)."""
        return f.text + text[f.end:written_end(text, f)]

    def _respective(self, ctx, out):
        """Two changes stated 分别 for two levels given just before (the two nearest levels in one sentence, in the
        same order), each with its rate: each rate is recomputed from its level and change."""
        text = ctx.text
        matches = [m for m in RESPECTIVE.finditer(text) if ctx.is_body(m.start())]
        taken = [m.span() for m in matches]
        for m in matches:
            unit = m.group("u2")
            if (m.group("u1") or unit) != unit:
                continue
            levels = [f for f in ctx.figures() if f.end <= m.start() and m.start() - f.end < 400 and f.unit == unit
                      and not CHANGE_BEFORE.search(re.sub("约|近|逾|超过|共", "", text[max(0, f.start - 8):f.start]))
                      and not any(a <= f.start < b for a, b in taken)]
            if len(levels) < 2:
                continue
            l1, l2 = levels[-2], levels[-1]
            between = text[l1.end:l2.start]
            if re.search("[。；\n]", between):
                continue  # the two levels must be listed in one sentence
            sign = -1 if m.group("dv") == "减少" else 1
            gsign = -1 if m.group("gv") in ("下降", "减少") else 1
            for lvl, d_txt, g_txt in ((l1, m.group("d1"), m.group("g1")), (l2, m.group("d2"), m.group("g2"))):
                v, d, before = lvl.value, float(d_txt), len(out)
                self._emit(ctx, out, v - sign * d, v, gsign * float(g_txt), m.start("gv"), m.end(),
                           f"{v - sign * d:g}{unit}", lvl.text,
                           rel=relative_half_units((lvl.text, d_txt, sign), lvl.text), g_txt=g_txt)
                if len(out) > before:
                    out[-1].level = "warning"  # the levels were paired by position, not by name: a warning

    def _two_changes(self, ctx, out):
        """A sentence of exactly two change clauses, each a change and its rate for one named level (需求人数增加15.6万人，
        增长了3.9%；求职人数减少了17.3万人，下降了4.8%), after a sentence that states exactly two levels of that unit
        (招聘各类人员约433.7万人，进入市场的求职者约354.2万人): the levels are paired with the changes in order, as
        `_respective` pairs them, and each rate is recomputed from its level and change (round 36). The levels are read
        in the sentence before — in the same paragraph or, when the change sentence opens its paragraph, the paragraph
        before — and must be its only two figures of that unit, none of them a change; the change verb and the rate's
        verb must agree (增加/增长, 减少/下降), and neither clause may name a basis of its own (客运量环比增加…；较2019年
        月均客运量增加…: two changes of one level). A warning: the pairing is by position, not by name."""
        text = ctx.text
        figures = [f for f in ctx.figures() if not f.is_percent]
        prev = None
        for ss, se, sent in ctx.body_sentences():
            prev, before_span = (ss, se), prev
            ms = list(CHANGE_CLAUSE.finditer(sent))
            if len(ms) != 2 or len(RATE_STATED.findall(sent)) != 2:
                continue
            if any((m.group("dv") == "增加") != (m.group("gv") == "增长") for m in ms):
                continue
            # the comparison is stated once for both (与去年同期相比，…): a clause naming its own basis (环比增加…；较2019年
            # …增加…) may be a second change of the same level
            heads = [re.split(r"[，,；;：:]", sent[:m.start("dv")])[-1] for m in ms]
            if any(OWN_BASIS.search(h) for h in heads):
                continue
            fams = {normalise(1, m.group("du"))[1] for m in ms}
            unit = fams.pop() if len(fams) == 1 else ""
            para = ctx.doc.paragraph_at(ss)
            if para is None or before_span is None:
                continue
            lo, hi = before_span
            if lo < para.start and text[para.start:ss].strip():
                continue  # the sentence before is in another paragraph, and this one does not open its own
            if not unit:
                continue
            prev_unit = [f for f in figures if lo <= f.start and f.end <= hi and measure(text, f)[1] == unit]
            if len(prev_unit) != 2 or any(CHANGE_BEFORE.search(text[max(lo, f.start - 8):f.start]) for f in prev_unit):
                continue
            for lvl, m in zip(prev_unit, ms):
                sign = -1 if m.group("dv") == "减少" else 1
                gsign = -1 if m.group("gv") == "下降" else 1
                v, d = measure(text, lvl)[0], normalise(float(m.group("d")), m.group("du"))[0]
                if not lvl.value or not d:
                    continue
                scale = v / lvl.value
                # the rounding is read from the digits only when level and change are written in one magnitude
                one = abs(d / float(m.group("d")) / scale - 1) < 1e-9
                rel = relative_half_units((lvl.text, m.group("d"), sign), lvl.text) if one else None
                before = len(out)
                self._emit(ctx, out, v - sign * d, v, gsign * float(m.group("g")), ss + m.start("gv"), ss + m.end(),
                           f"{(v - sign * d) / scale:g}{lvl.unit}", lvl.text, rel=rel, g_txt=m.group("g"))
                if len(out) > before:
                    out[-1].level = "warning"

    def _annual(self, ctx, out):
        for m in ANNUAL.finditer(ctx.text):
            if not ctx.is_body(m.start("a")):
                continue
            y1, y2 = (m.group("y1"), m.group("y2")) if m.group("y1") and m.group("y2") else (m.group("r1"), m.group("r2"))
            inferred = not (y1 or y2 or m.group("y1") or m.group("y2"))  # no year at all in the sentence
            if inferred:  # no year in the sentence: the span stated in the sentence before, same paragraph
                y1, y2 = _span_before(ctx.text, m.start())
            if not (y1 and y2) or int(y2) <= int(y1):
                continue
            before = len(out)
            a, ua = normalise(float(m.group("a")), m.group("ua") or m.group("ub"))
            b, ub = normalise(float(m.group("b")), m.group("ub"))
            g = float(m.group("g")) * (-1 if re.search("下降|降幅|递减", m.group("all")) else 1)
            bound = {m.group("q"), m.group("q2")}
            if a > 0 and b > 0 and (bound & LOWER_BOUND or bound & UPPER_BOUND):
                rate = ((b / a) ** (1 / (int(y2) - int(y1))) - 1) * 100
                if (bound & LOWER_BOUND and rate >= g) or (bound & UPPER_BOUND and rate <= g):
                    continue  # 超过20% / 不足5%: a bound, and the recomputed rate lies within it
            if ua == ub:
                self._emit(ctx, out, a, b, g, m.start("all"), m.end(), m.group("a") + m.group("ua"),
                           f"{m.group('b')}{m.group('ub')}（{y1}—{y2}年，年均）", years=int(y2) - int(y1),
                           rel=relative_half_units(m.group("a"), m.group("b")), g_txt=m.group("g"))
                if inferred and len(out) > before:
                    out[-1].level = "warning"  # the period was read from the sentence before: a warning

    def _deltas(self, ctx, out):
        text = ctx.text
        for f in ctx.figures():
            if f.is_percent:
                continue
            pos = f.end
            for _ in range(3):
                m = DELTA_SEG.match(text[pos:pos + 60])
                if not m:
                    break
                du = m.group("du") or f.unit
                if du != f.unit and not (du in COUNT_UNITS and f.unit in COUNT_UNITS):
                    break
                sign = -1 if m.group("dv") == "减少" else 1
                g = float(m.group("g")) * (-1 if m.group("gv") in ("下降", "降幅为") else 1)
                d = float(m.group("d"))
                self._emit(ctx, out, f.value - sign * d, f.value, g, pos + m.start("gv"), pos + m.end(),
                           f"{f.value - sign * d:g}{f.unit}", f.text,
                           rel=relative_half_units((f.text, m.group("d"), sign), f.text), g_txt=m.group("g"))
                pos += m.end()

    def _pairs(self, ctx, out):
        """A level followed by 比上年的A增长g% (its basis written beside it: no year needed, round 27), and the same
        metric in two years, the later one followed by its growth rate."""
        text = ctx.text
        values = []
        for f in ctx.figures():
            if f.is_percent:
                continue
            v, fam = measure(text, f)
            end = written_end(text, f)  # 8600万件，比上年的7200万件增长…
            c = COMPARE.match(text[end:end + 40])
            if c:
                a, fa = normalise(float(c.group("a")), c.group("ua") or f.unit)
                g = float(c.group("g")) * change_sign(c.group("verb"))
                if fa == fam:
                    self._emit(ctx, out, a, v, g, end + c.start("verb"), end + c.end(), c.group("a") + c.group("ua"), f.text,
                               rel=relative_half_units(c.group("a"), f.text), g_txt=c.group("g"))
                continue
            year = year_before(text, f.start)
            if year is None:
                continue
            values.append((year, metric_before(text, f.start), measure(text, f), f,
                           period_before(text, f.start, sentence=True)))  # the period read where the year is read
        for year, metric, (v, fam), f, period in values:
            after = text[f.end:f.end + 40]
            gm = GROWTH_AFTER.match(after)
            if not gm:
                continue
            prev = [p for p in values if p[0] == year - 1 and p[2][1] == fam and same_metric(p[1], metric)
                    and p[4] == period]
            if not prev:
                continue
            g = float(gm.group("g")) * (-1 if re.search("下降|减少|降低|回落|下滑|降", gm.group("verb")) else 1)
            pv = prev[-1]
            self._emit(ctx, out, pv[2][0], v, g, f.end + gm.start("all"), f.end + gm.end(), pv[3].text, f.text,
                       rel=relative_half_units(pv[3].text, f.text), g_txt=gm.group("g"))


_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def month_span(p: str) -> tuple[int, int] | None:
    """The months a cumulative period covers (一季度 → 1–3, 上半年 → 1–6, 1—10月 → 1–10, 全年 → 1–12); None for a
    single month, a period end (一季度末) or no period: a single month may be the month or the months up to it."""
    m = PERIOD_SPAN.fullmatch(p)
    if not m:
        return None
    if m.group("m1"):
        a, b = int(m.group("m1")), int(m.group("m2"))
        return (a, b) if 1 <= a < b <= 12 else None
    if m.group("q"):
        q = _QUARTERS[m.group("q")]
        return 3 * q - 2, 3 * q
    return {"前三季度": (1, 9), "上半年": (1, 6), "下半年": (7, 12), "全年": (1, 12)}[p]


@kind("period_parts")
class PeriodParts(Rule):
    """A total over part of a period larger than the same metric's total over the whole period that contains it (一季度
    水泥产量6860万吨 … 上半年水泥产量2940万吨; 1—6月 above 前三季度): a flow cannot shrink as its months add up (round
    24). Read only where that is certain: the same metric name (equal after time words and verbs are removed), the
    same year (or none stated in either sentence, and no 上年/去年/同期 before either figure), the same unit (a bare
    万/亿 with the measure written after it), both periods stated (quarters, halves, 前三季度, M—N月, 全年; not a single
    month, not a period's end). Not compared: averages, prices, stocks and counts (`not_flow`, count units), changes
    (比上年增加…), bounds (近、超过、余), sentences listing several values (分别), and targets or forecasts (`skip`:
    a year's target may be passed within the year)."""
    extra_keys = {"not_flow", "count_units", "tolerance", "other_year", "skip", "cover_window", "cover_message",
                  "cover_strip"}

    def setup(self):
        self.not_flow = re.compile(self.spec.get("not_flow") or r"人均|平均|价格|余额|存量|指数")
        self.counts = set(self.spec.get("count_units") or COUNT_UNITS)
        self.other_year = re.compile(self.spec.get("other_year") or r"上年|去年|同期|上一年")
        self.tol = float(self.spec.get("tolerance", 0.005))
        self.skip = re.compile(self.spec.get("skip") or r"(?!x)x")
        self.cover_window = int(self.spec.get("cover_window", 0))
        self.cover_strip = re.compile(self.spec.get("cover_strip") or r"(?!x)x")

    def _values(self, ctx, months: bool = False):
        """(figure, months, year, metric, unit, value) of every flow figure with a cumulative period; with `months`,
        also those of one month (8月实现出口39.4亿美元, 7月当月…), as (m, m) with the flag `single`."""
        text, out = ctx.text, []
        for f in ctx.figures():
            if f.is_percent or not f.unit or "百分点" in f.unit or f.unit == "倍" or f.unit in self.counts:
                continue
            ss = max(text.rfind(c, 0, f.start) for c in "。；;\n") + 1
            before = text[ss:f.start]
            if ("分别" in before or bounded_at(text, f) or CHANGED.search(before[-6:]) or self.other_year.search(before)
                    or self.skip.search(before)):
                continue
            own = period_before(text, f.start, own=True)
            span, single = month_span(own), False
            if span is None and months and re.fullmatch(r"\d{1,2}月份?|当月|单月", own):
                ones = SINGLE_MONTH.findall(before)
                if ones and 1 <= int(ones[-1]) <= 12:
                    span, single = (int(ones[-1]),) * 2, own not in ("当月", "单月")
            metric = metric_before(text, f.start, keep=16)  # the whole name: 东部地区……收入 is not 中部地区……收入
            if span is None or len(metric) < (2 if months else 3) or self.not_flow.search(metric):
                continue
            value, fam = measure(text, f)
            if not fam:
                continue
            out.append((f, span, year_before(text, f.start), metric, fam, value) + ((single,) if months else ()))
        return out

    def _covers(self, ctx):
        """A cumulative total (1月至9月…累计出口226.1亿美元) and, within `cover_window` characters before it, figures of
        the same flow whose periods cover it exactly, one after another (上半年 105.9, 7月当月 35.4, 8月 39.4, 9月 41.1):
        their sum must be the total (round 29). Read only where the cover is certain: one candidate for each start
        month, the same year and unit, names that end alike once `cover_strip` (累计、实现…) is removed, and a month
        written alone (8月, not 8月当月) read as that month only when its value is below a cumulative from month 1
        that ends before it (a cumulative to month 8 could not be)."""
        if not self.cover_window:
            return []
        text, out = ctx.text, []
        values = self._values(ctx, months=True)
        key = lambda metric: self.cover_strip.sub("", metric)
        for w, wspan, wyear, wmetric, wfam, wvalue, wsingle in values:
            if wsingle or wspan[0] == wspan[1]:
                continue
            wk = key(wmetric)
            cands = [v for v in values if v[0].start < w.start and w.start - v[0].end <= self.cover_window
                     and v[1] != wspan and v[2] == wyear and v[4] == wfam and len(key(v[3])) >= 2
                     and (wk.endswith(key(v[3])) or key(v[3]).endswith(wk))]
            chain, month = [], wspan[0]
            while month <= wspan[1]:
                here = [v for v in cands if v[1][0] == month and v[1][1] <= wspan[1]]
                if len(here) != 1:
                    chain = []
                    break
                chain.append(here[0])
                month = here[0][1][1] + 1
            if len(chain) < 2:
                continue
            firsts = [v for v in chain if v[1][0] == 1 and not v[6]]
            if any(v[6] and not any(c[1][1] < v[1][0] and v[5] < c[5] for c in firsts) for v in chain):
                continue  # a month written alone that may be the cumulative to that month
            total = sum(v[5] for v in chain)
            slack = sum(half_unit(v[0].text) * v[5] / v[0].value for v in chain + [(w, 0, 0, 0, 0, wvalue)] if v[0].value)
            if abs(total - wvalue) > max(slack, wvalue * self.tol):
                scale = wvalue / w.value if w.value else 1.0
                tail = UNIT_TAIL.match(text, w.end) if not normalise(w.value, w.unit)[1] else None  # 万标箱
                out.append(self.finding(ctx, w.start, tail.end() if tail else w.end, self.spec.get("cover_message"),
                                        metric=wmetric, parts="+".join(v[0].text for v in chain),
                                        total=f"{round(total / scale, 4):g}"))
        return out

    def check(self, ctx):
        values, out, flagged = self._values(ctx), self._covers(ctx), set()
        for f, span, year, metric, fam, value in values:
            for g, gspan, gyear, gmetric, gfam, gvalue in values:
                inside = gspan[0] <= span[0] and span[1] <= gspan[1] and span != gspan
                if (inside and (year, metric, fam) == (gyear, gmetric, gfam) and value > gvalue * (1 + self.tol)
                        and f.start not in flagged):
                    flagged.add(f.start)
                    out.append(self.finding(ctx, f.start, f.end, metric=metric, whole=g.text,
                                            whole_line=ctx.doc.line_of(g.start)))
        return out



@kind("same_period_basis")
class SamePeriodBasis(Rule):
    """A change measured against the year it belongs to (华东理工大学2021年毕业生中，…人数较2021年增加…; …2021届毕业生…。
    …毕业生较2021届上升了4.3%): a year compared with itself is a period mix-up — the basis year is most likely the
    year before. The figure's year is the one year (or cohort, 届) named before the comparison in its sentence, or,
    when its sentence names none, in the sentence before it in the same paragraph; any other year there, or a part
    of a year after the basis (较2021年初、较2021年上半年、较2021年12月), and the comparison is not read (round 32)."""
    extra_keys = {"basis", "sub_period", "skip", "now_words"}

    def setup(self):
        self.basis = re.compile(self.spec.get("basis") or r"(?:较|比|与)\s*(?P<y>(?:19|20)\d\d)\s*(?:年|届)")
        self.sub = re.compile(self.spec.get("sub_period") or r"^(?:初|底|末|同期|上半年|下半年|前|第|[一二三四1-4]季|\d|[一二三四五六七八九十]+月)")
        self.skip = re.compile(self.spec.get("skip") or r"(?!x)x")
        self.now = re.compile(self.spec.get("now_words") or r"(?!x)x")

    @staticmethod
    def _years(txt: str) -> set[int]:
        """The years and cohorts (2021年、2021届、2019—2021) named in `txt`, less those named as a comparison's basis
        (比2022年增加…: the basis of an earlier comparison, not the figure's own year), and less those followed at once
        by a change (占2017年提高了10.6个百分点: a basis whose 比 was lost, round 33)."""
        return {int(m.group(1)) for m in re.finditer(r"(?<!\d)((?:19|20)\d\d)\s*(?=年|届|—|-|～|~|至)", txt)
                if not BASIS_BEFORE.search(txt[max(0, m.start() - 4):m.start()])
                and not BASIS_AFTER.match(txt, m.end())}

    def check(self, ctx):
        text, out = ctx.text, []
        for ss, se, sent in ctx.body_sentences():
            for m in self.basis.finditer(sent):
                after = sent[m.end():m.end() + 14]
                if self.sub.match(after) or not re.match(rf"\s*(?:相比|相较)?[，,]?\s*(?:[\u4e00-\u9fa5]{{0,4}}?)(?:{CHANGE}|上涨|回升)了?\s*\d", after):
                    continue
                y = int(m.group("y"))
                before = sent[:m.start()]
                years = self._years(before)
                if self.now.search(before):
                    continue  # 今年、目前…较2021年: the figure's own time is another one
                if not years:
                    if len(_HAN.findall(before)) < 4:
                        continue  # 与2021年相比，…: a comparison that opens its sentence names no subject to date
                    para = ctx.doc.paragraph_at(ss)
                    ps = max(text.rfind(c, para.start if para else 0, ss - 1) for c in "。；;！？") + 1
                    if para is None or ps < para.start or ps >= ss:
                        continue
                    prev = text[ps:ss]
                    before = prev + before
                    years = self._years(prev)
                if years != {y} or self.skip.search(before + sent[m.end():]):
                    continue
                out.append(self.finding(ctx, ss + m.start(), ss + m.end() + len(after.split("，")[0].split("。")[0]),
                                        year=str(y)))
        return out


@kind("currency_slip")
class CurrencySlip(Rule):
    """An amount in a foreign currency (亿韩元) written once, for a domestic subject (its sentence names a province,
    city, county or the whole country before it), in a text that names that currency's country or region nowhere
    else: a currency nobody in the text deals in is most likely a slip for 元 (四川省…地区生产总值为12739.24亿韩元,
    round 32). Not read: a currency written twice or more, a text that names its country (韩国、对韩出口), and 美元
    (used for any trade without naming a country; not in `currencies`)."""
    extra_keys = {"currencies", "domestic"}

    def setup(self):
        self.currencies = {k: re.compile(v) for k, v in (self.spec.get("currencies") or {}).items()}
        self.domestic = re.compile(self.spec.get("domestic") or r"(?!x)x")
        names = "|".join(sorted(self.currencies, key=len, reverse=True)) or r"(?!x)x"
        self.amount = re.compile(rf"(?<![\d.])(?P<num>{NUM})\s*(?:万亿|亿|万|千)?\s*(?P<cur>{names})")

    def check(self, ctx):
        text, out = ctx.text, []
        for m in self.amount.finditer(text):
            cur = m.group("cur")
            if not ctx.is_body(m.start()) or text.count(cur) != 1:
                continue
            ss = max(text.rfind(c, 0, m.start()) for c in "。；;！？\n") + 1
            if not self.domestic.search(text[ss:m.start()]):
                continue
            if self.currencies[cur].search(text.replace(cur, "")):
                continue  # the text names the currency's country or region: its amounts may be in that currency
            out.append(self.finding(ctx, m.start(), m.end(), currency=cur))
        return out


@kind("bare_magnitude")
class BareMagnitude(Rule):
    """A per-unit amount (人均、平均、每…: `PER_UNIT`) written with a bare 万 or 亿 and no measure after it
    (月平均薪水12000万) in a text whose other per-unit amounts are written in 元 within `max_spread` times of its
    mantissa (白领月薪8894元, 9000元): as written it is ten thousand times theirs — the 万 most likely stands for 元
    (round 39). A bare 万 after a count (缺口达1500万, 从业人员约3000万) names people and is not read: the metric must be
    a per-unit one."""
    extra_keys = {"min_value", "max_spread", "currency"}

    def setup(self):
        self.min_value = float(self.spec.get("min_value", 1000))
        self.spread = float(self.spec.get("max_spread", 5))
        self.currency = self.spec.get("currency") or "元"

    def check(self, ctx):
        text, out = ctx.text, []
        figs = [f for f in ctx.figures() if ctx.is_body(f.start) and not f.is_percent]
        per_unit = [f for f in figs if f.unit == self.currency and PER_UNIT.search(metric_before(text, f.start))]
        for f in figs:
            if f.unit not in ("万", "亿") or f.value < self.min_value or UNIT_TAIL.match(text, f.end):
                continue
            if not PER_UNIT.search(metric_before(text, f.start)):
                continue
            near = [g for g in per_unit if f.value / self.spread <= g.value <= f.value * self.spread]
            if near:
                out.append(self.finding(ctx, f.start, f.end, text=f.text, sibling=near[0].text,
                                        line=ctx.doc.line_of(near[0].start)))
        return out
