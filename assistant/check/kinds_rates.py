"""A rate's stated change in percentage points recomputed from what the document states (round 22).

Three ways the two rates are given:
- in one sentence, as two levels of the same rate (出租率为58.6%，上年为54.9%，提高3.7个百分点; 由41.2%升至47.5%，
  提高6.3个百分点; 比2023年的31.2%下降1.4个百分点): the change must be later − earlier;
- as a share with its part's and its whole's growth (光伏发电量……同比增长31.0%，占全部……发电量的比重为7.5%，比上年提高
  1.4个百分点, the whole ……同比增长6.0% stated before, paired by kinds_shares.share_pairs): last year's share is
  S × (1 + g_whole) ÷ (1 + g_part), and the change S minus that;
- in a table, a column headed 增减(百分点) beside the two rates' columns.

Tolerances from rounding: half a unit of the last digit of each number written (``half_unit``); for the derived
share, the spread of S, both growths and the change, and `slack` points more (a release's basis drift). The earlier
of two levels is read from their years, or from 上年/去年/由/从 before one of them; when the change is 比上年/同比 and
the two years are more than one apart, the earlier level is not the basis and nothing is read.
"""
from __future__ import annotations

import re

from .consistency import CHANGE, bounded_at, change_sign, half_unit, measure, metric_before
from .figures import find_figures
from .kinds_shares import _GROWTH, share_pairs
from .kinds_tables import YEAR_CELL, read_tables, value
from .kinds_words import Existence
from .rules import Rule, kind
from .structure import cn_to_int

_UP = re.compile(r"增|升|提|扩大|加快")
POINTS = re.compile(r"(?P<verb>提高|提升|上升|增加|下降|降低|回落|减少|下滑|扩大|收窄|缩小)了?\s*(?P<d>\d+(?:\.\d+)?)\s*个?百分点")
LEVEL = re.compile(r"(?<![\d.])(?P<x>\d+(?:\.\d+)?)\s*[%％](?!\s*个?百分点)")
_AS_CHANGE = re.compile(rf"(?:{CHANGE}|增速|增幅|降幅|涨幅)(?:了|为|达)?\s*$")
_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
_EARLIER = re.compile(r"上年|去年|由|从|上一年|上期")
_FILLER = re.compile(r"(?:19|20)\d\d\s*年(?:同期|末|底|度)?|上年同期|去年同期|上一年|上年|去年|上期|同期|同比|比|较|与|由|从|"
                     r"(?:升|降|增|提高|提升|上升|下降|降低|回落|增加|减少)(?:至|到)|为|是|达到?|的|相比|[，,\s]")
_BASIS_PREV = re.compile(r"同比|上年|去年|上一年")
GROWTH_IN = re.compile(rf"(?P<verb>{CHANGE})了?\s*(?P<g>\d+(?:\.\d+)?)\s*[%％]")
GROWTH_AFTER = re.compile(rf"^[^。；\d]{{0,8}}?[，,]?\s*(?:同比|比上年|较上年|比去年|较去年)(?P<verb>{CHANGE})了?\s*"
                          rf"(?P<g>\d+(?:\.\d+)?)\s*[%％]")
DELTA_AFTER = re.compile(r"^\s*[，,]\s*(?:同比|(?:比|较)(?:去年同期|上年同期|上年|去年|同期))(?P<verb>提高|提升|上升|增加|下降|降低|回落|"
                         r"减少|下滑|扩大|收窄|缩小)了?\s*(?P<d>\d+(?:\.\d+)?)\s*个?百分点")


# 增加值比增3.6%，增速高于全市规模工业2.6个百分点；…占全市规模工业的7.9%，比重较去年同期提高2.6个百分点 (round 34): a
# part's growth with its gap to the whole's growth, then the part's share of that whole and the share's change
GAP_AFTER = re.compile(r"[，,]\s*(?:增速|增幅)?(?:比|较)?(?P<dir>高于|低于|快于|慢于|超过|领先于?|落后于?)"
                       r"(?P<whole>[^，,；;。\d%％]{2,16}?)(?:的)?(?:增速|增幅|平均水平|平均)?\s*(?P<gap>\d+(?:\.\d+)?)\s*个?百分点")
SHARE_DELTA = re.compile(r"占(?P<whole>[^，,；;。\d%％]{2,16}?)(?:的)?(?:比重|比例|份额)?(?:为|达到?|是)?\s*(?P<x>\d+(?:\.\d+)?)\s*"
                         r"[%％][，,]\s*(?:比重|占比|比例|份额)?\s*(?:同比|(?:比|较)(?:去年同期|上年同期|上年|去年|同期))"
                         r"(?P<verb>提高|提升|上升|增加|下降|降低|回落|减少)了?\s*(?P<d>\d+(?:\.\d+)?)\s*个?百分点")
_GAP_DOWN = re.compile(r"低于|慢于|落后")


def _same_whole(a: str, b: str) -> bool:
    """Two names of one whole (全市规模工业 / 全部规模工业): equal, or one ending the other, scope words dropped."""
    a, b = (re.sub(r"^(?:全部|所有|整个)|的$", "", x) for x in (a, b))
    return len(a) >= 2 and len(b) >= 2 and (a.endswith(b) or b.endswith(a))


def _signed(verb: str, d: str) -> float:
    return float(d) if _UP.search(verb) else -float(d)


def _growth(verb: str, g: str) -> float:
    return float(g) / 100 if _UP.search(verb) else -float(g) / 100


@kind("rate_points")
class RatePoints(Rule):
    """See the module's docstring: a change in percentage points that is not the difference of the two rates."""
    extra_keys = {"points_header", "slack", "derived_message", "table_message", "skip", "real_growth", "price_gap", "real_message",
                  "basis_drift"}

    def setup(self):
        self.points_header = re.compile(self.spec.get("points_header") or r"百分点")
        self.slack = float(self.spec.get("slack", 0.1))
        self.skip = re.compile(self.spec.get("skip") or r"(?!x)x")
        # value added and GDP grow at comparable prices while their shares are nominal: not recomputed
        self.real_growth = re.compile(self.spec.get("real_growth") or r"(?!x)x")
        # ...so last year's share derived from real growths is known only within the relative price move of the part
        # against the whole in a year: a share's change beyond even that move is still wrong (round 34)
        self.price_gap = float(self.spec.get("price_gap", 0.3))
        # a release's growths are on a comparable set of units while each year's share is on its own published set:
        # last year's share may drift by this fraction of the share (round 34: a 73.9% share's rise 1.45 points off)
        self.drift = float(self.spec.get("basis_drift", 0.0))

    def check(self, ctx):
        return self._levels(ctx) + self._derived(ctx) + self._gap(ctx) + self._table(ctx)

    def _off(self, s: float, x: str, gp: tuple, gw: tuple, dm, real: bool) -> tuple:
        """(is the stated change `dm` off, last year's share, the recomputed change, the lowest and highest change
        allowed) for a share `s` (written `x`) whose
        part grew by `gp` and whole by `gw` ((rate, its half unit in points)). Real growths (`real`) leave the share's
        change known only within the part's price move against the whole's (`price_gap`)."""
        g_part, g_whole = gp[0], gw[0]
        prev = s * (1 + g_whole) / (1 + g_part)
        computed = s - prev
        stated = _signed(dm.group("verb"), dm.group("d"))
        tol = (half_unit(dm.group("d"), value=False) + half_unit(x, value=False) * abs(1 - prev / s)
               + prev * (gp[1] / 100 / (1 + g_part) + gw[1] / 100 / (1 + g_whole)) + self.slack + s * self.drift)
        if real:
            lo, hi = s - prev * (1 + self.price_gap), s - prev / (1 + self.price_gap)
            return not lo - tol <= stated <= hi + tol, prev, computed, lo, hi
        return abs(stated - computed) > tol, prev, computed, computed, computed

    def _gap(self, ctx):
        """A share and its change stated after the part's growth and that growth's gap to the whole's (比增3.6%，增速高于
        全市规模工业2.6个百分点；…占全市规模工业的7.9%，比重较去年同期提高2.6个百分点): the whole grew 3.6 − 2.6 = 1.0%, so
        last year's share was 7.9 × 1.010 ÷ 1.036 ≈ 7.70%, a rise of about 0.2 points (round 34). Read in one sentence
        (to 。), with exactly one growth rate before the share and the gap's whole named as the share's."""
        out, text = [], ctx.text
        for m in SHARE_DELTA.finditer(text):
            if not ctx.is_body(m.start()):
                continue
            ss = max(text.rfind(c, 0, m.start()) for c in "。！？\n") + 1  # the sentence to 。, across ；
            end = min([i for i in (text.find(c, m.end()) for c in "。！？\n") if i >= 0] or [len(text)])
            sent = text[ss:end]
            m = SHARE_DELTA.match(sent, m.start() - ss)
            if self.skip.search(sent):
                continue
            before = sent[:m.start()]
            rates = list(GROWTH_IN.finditer(before))
            if len(rates) != 1 or len(LEVEL.findall(before)) != 1:
                continue
            r = rates[0]
            gm = GAP_AFTER.match(before, r.end())
            if not gm or not _same_whole(gm.group("whole"), m.group("whole")):
                continue
            g_part = _growth(r.group("verb"), r.group("g"))
            gap = float(gm.group("gap")) / 100 * (-1 if _GAP_DOWN.search(gm.group("dir")) else 1)
            g_whole = g_part - gap
            if g_part <= -1 or g_whole <= -1:
                continue
            h_part = half_unit(r.group("g"), value=False)
            real = bool(self.real_growth.search(before))
            bad, prev, computed, lo, hi = self._off(float(m.group("x")), m.group("x"), (g_part, h_part),
                                                    (g_whole, h_part + half_unit(gm.group("gap"), value=False)), m, real)
            if bad:
                part = re.sub(r"(?:同比|(?:比|较)(?:上年|去年)?)$", "", metric_before(before, r.start(), keep=12))
                out.append(self.finding(ctx, ss + m.start("verb"), ss + m.end(),
                                        self.spec.get("real_message" if real else "derived_message"),
                                        part=part, g_part=f"{r.group('g')}%", whole=m.group("whole"),
                                        g_whole=f"{g_whole * 100:.1f}%", share=f"{m.group('x')}%",
                                        prev=f"{prev:.2f}%", computed=f"{computed:+.2f}", lo=f"{lo:+.1f}",
                                        hi=f"{hi:+.1f}", gap=f"{self.price_gap:.0%}"))
        return out

    def _levels(self, ctx):
        out = []
        for ss, se, sent in ctx.body_sentences():
            if self.skip.search(sent):
                continue
            done = 0  # the end of the last change read: a level before it belongs to that change
            for pm in POINTS.finditer(sent):
                seg_start = max([done] + [sent.rfind(c, 0, pm.start()) + 1 for c in "；;"])
                levels = [m for m in LEVEL.finditer(sent, seg_start, pm.start())
                          if not _AS_CHANGE.search(sent[max(seg_start, m.start() - 8):m.start()])]
                done = pm.end()
                if len(levels) != 2:
                    continue
                p, q = levels
                if _FILLER.sub("", sent[p.end():q.start()]) or _FILLER.sub("", sent[q.end():pm.start()]):
                    continue  # another metric between the two levels, or between the level and its change
                pre_p, pre_q = sent[seg_start:p.start()], sent[p.end():q.start()]
                yp = _YEAR.findall(pre_p[-16:])
                yq = _YEAR.findall(pre_q)
                basis = sent[q.end():pm.start()]
                if yp and yq and yp[-1] != yq[-1]:
                    earlier, later = (p, q) if int(yp[-1]) < int(yq[-1]) else (q, p)
                    if _BASIS_PREV.search(basis) and abs(int(yp[-1]) - int(yq[-1])) > 1:
                        continue
                elif _EARLIER.search(pre_q[-8:]) and not _EARLIER.search(pre_p[-8:]):
                    earlier, later = q, p
                elif _EARLIER.search(pre_p[-8:]) and not _EARLIER.search(pre_q[-8:]):
                    earlier, later = p, q
                else:
                    continue
                d = _signed(pm.group("verb"), pm.group("d"))
                computed = float(later.group("x")) - float(earlier.group("x"))
                tol = (half_unit(pm.group("d"), value=False) + half_unit(later.group("x"), value=False)
                       + half_unit(earlier.group("x"), value=False) + 1e-9)
                if abs(d - computed) > tol:
                    out.append(self.finding(ctx, ss + pm.start(), ss + pm.end(), a=f"{earlier.group('x')}%",
                                            b=f"{later.group('x')}%", computed=f"{computed:+.2f}".rstrip("0")
                                            .rstrip(".")))
        return out

    def _derived(self, ctx):
        out, text = [], ctx.text
        for f, m, w in share_pairs(ctx, loose=True):
            tail = text[f.end + m.end():f.end + m.end() + 40]
            dm = DELTA_AFTER.match(tail)
            gp = GROWTH_IN.search(text[f.end:f.end + m.start("whole")])
            gw = GROWTH_AFTER.match(text[w.end:w.end + 40])
            if not (dm and gp and gw):
                continue
            real = bool(self.real_growth.search(m.group("whole") + text[max(0, f.start - 16):f.start]
                                                + text[max(0, w.start - 16):w.start]))
            s, x = float(m.group("x")), m.group("x")
            g_part, g_whole = _growth(gp.group("verb"), gp.group("g")), _growth(gw.group("verb"), gw.group("g"))
            if g_part <= -1 or g_whole <= -1:
                continue
            bad, prev, computed, lo, hi = self._off(s, x, (g_part, half_unit(gp.group("g"), value=False)),
                                                    (g_whole, half_unit(gw.group("g"), value=False)), dm, real)
            if bad:
                at = f.end + m.end() + dm.start("verb")
                out.append(self.finding(ctx, at, f.end + m.end() + dm.end(),
                                        self.spec.get("real_message" if real else "derived_message"),
                                        part=f.text, g_part=f"{gp.group('g')}%", whole=w.text,
                                        g_whole=f"{gw.group('g')}%", share=f"{x}%", prev=f"{prev:.2f}%",
                                        computed=f"{computed:+.2f}", lo=f"{lo:+.1f}", hi=f"{hi:+.1f}",
                                        gap=f"{self.price_gap:.0%}"))
        return out

    def _table(self, ctx):
        out = []
        for table in read_tables(ctx):
            col = next((k for k, c in enumerate(table.header) if self.points_header.search(c)), None)
            if col is None or col < 3:
                continue
            years = [YEAR_CELL.match(table.header[k]) for k in (col - 2, col - 1)]
            for row in table.rows:
                lead = len(table.header) - len(row.nums)  # header cells before the first number column
                j = col - lead
                if j < 2 or j >= len(row.nums) or len(row.nums) + 1 + len(row.units) != len(table.header):
                    continue
                a, b, d = row.nums[j - 2], row.nums[j - 1], row.nums[j]
                diff = value(b.text) - value(a.text)  # second column minus first
                if all(years):
                    if int(years[0].group(1)) > int(years[1].group(1)):
                        diff = -diff
                    stated, computed = value(d.text), diff
                else:
                    stated, computed = abs(value(d.text)), abs(diff)  # the order of the two columns is not known
                tol = (half_unit(d.text, value=False) + half_unit(a.text, value=False)
                       + half_unit(b.text, value=False) + 1e-9)
                if abs(stated - computed) > tol:
                    out.append(self.finding(ctx, d.start, d.end, self.spec.get("table_message"), name=row.name,
                                            header=table.header[col], a=a.text, b=b.text,
                                            computed=f"{abs(computed):.2f}"))
        return out


# 占比达96.05%，同比下降15.6%: a share followed by a fall of b% that cannot be the share's own change — neither as
# points (last year a + b > 100) nor relative (a ÷ (1 − b%) > 100) — is the change of the amount it describes
SHARE_FALL = re.compile(r"(?:占比|比重|份额|比例)[\u4e00-\u9fa5]{0,3}?(?:为|达到?|是)?\s*(?P<a>\d+(?:\.\d+)?)\s*[%％][，,]?\s*"
                        r"(?:同比|环比|(?:比|较)(?:上年|去年|上年同期|去年同期|同期))(?:下降|降低|回落|减少)了?\s*"
                        r"(?P<b>\d+(?:\.\d+)?)\s*[%％]")
_SHARE_THEN_CHANGE = re.compile(r"(?:占比|比重|份额|比例)[^。；，,]*?[%％][，,]?\s*(?:同比|环比|比|较)")


def _impossible_fall(a: float, b: float) -> bool:
    return a + b > 100 and (b >= 100 or a / (1 - b / 100) > 100)


def _relative_meant(text: str, a: float, b: float, x: float) -> bool:
    """The stated change `x` (%) of a rate from `a` to `b` is their relative change within the rounding of the three
    numbers as written, and not their difference: the writer meant a relative change."""
    nums = LEVEL.findall(text)
    if a <= 0 or b <= 0:
        return False
    hx = half_unit(nums[2], value=False)
    rel = abs(b / a - 1) * 100
    spread = (b / a) * (half_unit(nums[0], value=False) / a + half_unit(nums[1], value=False) / b) * 100
    return abs(rel - x) <= hx + spread + 1e-9 and abs(abs(b - a) - x) > hx + 1e-9


@kind("percent_points")
class PercentPoints(Existence):
    """`existence` over the rule's patterns (a rate's change written in %), less the shares whose stated change is
    their amount's (round 23): in a sentence where a share followed by 同比下降b% cannot have fallen by b — as points
    last year's share would be over 100%, and as a relative change too — the writer gives each share with its amount's
    change (分行业看，X增加值占比达96.05%，同比下降15.6%；Y增加值占比为2.45%，同比下降14.8%), and none of that
    sentence's share-then-change clauses is read as the share's change.

    `yearly` (round 24): a rate's change stated per year (报考率每年提高10%左右, 年均提高) with no level of the rate in
    the match is a yearly relative rise as readily as a change in points: not flagged. Nor is a change whose two
    levels are stated with it and whose % is their ratio, not their difference (出租率由50.0%提高到56.0%，提高了12.0%:
    a relative change, meant and right).

    `change_rates` (round 25): the change in % of a rate of change itself (增速同比下降43.5%, 增长率比上年回落27.4%) is a
    relative fall as readily as a fall in points when the text gives no level of that rate: flagged only with a level
    in the match or earlier in its clause (同比增长8.9%，增速同比下降了2.3%). A rate of change that measures the change
    of another rate named before it (比例增幅达12.4%: the share's rise) is that share's, and read as before."""
    extra_keys = Existence.extra_keys | {"yearly", "change_rates", "rate_words"}

    def setup(self):
        super().setup()
        yearly = self.spec.get("yearly")
        self.yearly = re.compile(yearly) if yearly else None
        change_rates = self.spec.get("change_rates")
        self.change_rates = re.compile(change_rates) if change_rates else None
        self.rate_words = re.compile(self.spec.get("rate_words") or r"率|比例|占比|比重|份额")

    def _levelless_change_rate(self, text: str, f) -> bool:
        """A rate of change (增速, 增长率) is the rate whose change the match states, and no level of it is written in
        the match or earlier in its clause (the text after the last 。；; or line break)."""
        if not self.change_rates or len(LEVEL.findall(f.text)) > 1:  # the change itself is the match's last %
            return False
        head = re.split(r"\d", f.text, maxsplit=1)[0]
        m = self.change_rates.search(head)
        if not m or self.rate_words.search(re.sub(self.change_rates, "", head[:m.start()])):
            return False
        start = max(text.rfind(c, 0, f.span[0]) for c in "。；;\n") + 1
        return not LEVEL.search(text, start, f.span[0])

    def check(self, ctx):
        out, text = [], ctx.text
        for f in super().check(ctx):
            levels = [float(x) for x in LEVEL.findall(f.text)]
            if self.yearly and self.yearly.search(f.text) and len(levels) < 2:
                continue
            if len(levels) == 3 and _relative_meant(f.text, *levels):
                continue
            if self._levelless_change_rate(text, f):
                continue
            if _SHARE_THEN_CHANGE.match(f.text):
                para = ctx.doc.paragraph_at(f.span[0])
                lo = max(text.rfind("。", para.start, f.span[0]) + 1, para.start)
                hi = text.find("。", f.span[1], para.end)
                hi = para.end if hi < 0 else hi
                if any(_impossible_fall(float(m.group("a")), float(m.group("b")))
                       for m in SHARE_FALL.finditer(text, lo, hi)):
                    continue
            out.append(f)
        return out


# 同比下降近9个百分点 / 高于招聘薪资5.2个百分点: a change or a gap in points (round 24)
_POINTS_AT = re.compile(r"(?:近|约|逾|超过|将近|接近)?\s*\d+(?:\.\d+)?\s*个?百分点")


@kind("points_of_amount")
class PointsOfAmount(Rule):
    """Percentage points written for the change of an amount (产量为20482.75万件。同比下降近1.86个百分点; 减少1029.68万件，
    同比下降近9个百分点) or for the gap between two amounts (平均期望薪资高于招聘薪资5.2个百分点, 薪资 given in 元 in the
    document): points measure the change of a rate; an amount's change is in % (round 24).

    Read only where the structure is certain. A change clause that holds nothing but its basis and verb (`change`:
    同比下降近) belongs to the figure just before it — the last figure of its sentence, or, when the sentence opens with
    the change, of the sentence before in the same paragraph: that figure must be an amount (not a %, 百分点 or 倍) with
    no rate word (`rate_words`: 增速、比重、贡献、拉动……) in its name or between it and the change. A comparison clause
    with no figure (`compare`: X高于Y / X较Y高出) is read when it holds no rate word and the compared word's last two
    characters name, elsewhere in the document, figures given in an amount unit and never in %."""
    extra_keys = {"rate_words", "change", "compare", "skip", "gap_message", "average_change", "average_rates"}

    def setup(self):
        self.rate = re.compile(self.spec.get("rate_words") or r"率|比重|占比|比例|份额|增速|增幅|[%％]")
        self.change = re.compile(self.spec.get("change") or r"^(?:同比|环比)?(?:提高|上升|增加|增长|下降|减少)了?$")
        self.compare = self._pats("compare") or [re.compile(r"(?:高于|低于)(?P<other>[\u4e00-\u9fa5]{2,12}?)$")]
        self.skip = re.compile(self.spec.get("skip") or r"(?!x)x")
        # 两年平均增长10.9个百分点: an average growth over years is the growth of the level the sentence states,
        # whatever rates and gaps stand between (round 36)
        self.average = re.compile(self.spec.get("average_change") or r"(?!x)x")
        self.average_rates = re.compile(self.spec.get("average_rates") or r"率|比重|占比|比例|份额")

    def check(self, ctx):
        out = []
        figures = ctx.figures()
        for ss, se, sent in ctx.body_sentences():
            if self.skip.search(sent):
                continue
            for m in _POINTS_AT.finditer(sent):
                cs = max(sent.rfind(c, 0, m.start()) for c in "，,；;：:") + 1
                head = sent[cs:m.start()].strip()
                if self.average.match(head):
                    f = self._level_of_sentence(ctx, figures, ss + cs, ss)
                    if f is not None:
                        out.append(self.finding(ctx, ss + cs + sent[cs:].index(head[0]), ss + m.end(), amount=f.text))
                    continue
                if self.change.match(head):
                    f = self._amount_before(ctx, figures, ss + cs, ss)
                    if f is not None:
                        out.append(self.finding(ctx, ss + cs + sent[cs:].index(head[0]), ss + m.end(), amount=f.text))
                    continue
                c = next((c for c in (p.search(head) for p in self.compare) if c), None)
                if c and not re.search(r"\d", head) and not self.rate.search(head) and self._amount_word(ctx, figures, c.group("other")):
                    out.append(self.finding(ctx, ss + cs + c.start(), ss + m.end(), self.spec.get("gap_message"),
                                            amount=c.group("other")))
        return out

    def _amount_before(self, ctx, figures, clause_start: int, sent_start: int):
        """The amount a change clause at `clause_start` describes, or None when it is not certainly an amount."""
        text = ctx.text
        before = [f for f in figures if sent_start <= f.start and f.end <= clause_start]
        if not before and clause_start == sent_start:  # the sentence opens with the change: the sentence before
            para = ctx.doc.paragraph_at(sent_start)
            prev_start = max(text.rfind(c, para.start, sent_start - 1) for c in "。；;！？") + 1
            before = [f for f in figures if max(prev_start, para.start) <= f.start and f.end < sent_start]
        if not before:
            return None
        f = before[-1]
        if f.is_percent or "百分点" in f.unit or f.unit == "倍" or not f.unit:
            return None  # a rate, a change in points, a multiple, or a bare number (an index, a ratio)
        if self.rate.search(text[f.end:clause_start]) or self.rate.search(metric_before(text, f.start)):
            return None
        return f

    def _level_of_sentence(self, ctx, figures, clause_start: int, sent_start: int):
        """The amount an average-growth clause describes: the last amount of its sentence before it (rates, gaps in
        points and ranks may stand between), or None when a rate word (`average_rates`: 占比、比重…) stands between or
        names it — then the average may be that rate's change."""
        text = ctx.text
        amounts = [f for f in figures if sent_start <= f.start and f.end <= clause_start and f.unit
                   and not f.is_percent and "百分点" not in f.unit and f.unit != "倍"]
        if not amounts:
            return None
        f = amounts[-1]
        if self.average_rates.search(text[f.end:clause_start]) or self.average_rates.search(metric_before(text, f.start)):
            return None
        return f

    def _amount_word(self, ctx, figures, word: str) -> bool:
        """The word's head (last two characters) names amounts in this document and never a %."""
        head, amounts = word[-2:], 0
        for f in figures:
            if "百分点" in f.unit or not metric_before(ctx.text, f.start).endswith(head):
                continue  # (the gaps in points themselves are what is checked)
            if f.is_percent:
                return False
            amounts += bool(f.unit) and f.unit != "倍"
        return amounts > 0


def _count(n: str) -> int:
    """The number a count word names (三 → 3, 两 → 2, 3 → 3); 0 for anything else."""
    return cn_to_int(n.replace("两", "二")) or 0


@kind("contribution_recompute")
class ContributionRecompute(Rule):
    """A contribution rate of parts to a whole's growth (以上三个行业合计对全市战略性新兴产业增加值增长贡献率达91.6%)
    recomputed from what the paragraph states: each part's amount and growth (电气机械和器材制造业增加值55.5亿元，同比
    增长6.4%) and the whole's (战略性新兴产业增加值238.8亿元，同比增长9.8%) give their increments, A·g/(1+g), and the rate
    is the parts' increments over the whole's (round 35). The parts are the `pattern`'s count of amounts-with-growth
    written last before it (以上/上述N个…), of the whole's unit family, after the whole, in its paragraph; the whole is
    the nearest earlier amount-with-growth whose name ends with the whole named in the clause (全市 dropped).

    Growths of value added are at comparable prices while amounts are nominal, so the recomputed rate is known only
    within the parts' price move against the whole's (`price_gap`, as rate_points): a stated rate is reported when it
    lies outside the recomputed one times (1 + price_gap) either way, with the rounding of every growth written, and
    at least `min_pp` points from it."""
    extra_keys = {"pattern", "price_gap", "min_pp", "scope"}

    def setup(self):
        self.pattern = re.compile(self.spec.get("pattern") or r"(?!x)x")
        self.price_gap = float(self.spec.get("price_gap", 0.3))
        self.min_pp = float(self.spec.get("min_pp", 5.0))
        self.scope = re.compile(self.spec.get("scope") or r"(?!x)x")

    def _with_growth(self, text: str, figs, lo: int, hi: int) -> list:
        """(figure, value, unit family, growth as a fraction, its half unit as a fraction) of every amount in [lo, hi)
        followed by its growth (…亿元，同比增长6.4%)."""
        out = []
        for f in figs:
            if not lo <= f.start < hi:
                continue
            g = _GROWTH.match(text, f.end, f.end + 30)
            if not g:
                continue
            value, fam = measure(text, f)
            sign = change_sign(g.group("v"))
            out.append((f, value, fam, sign * float(g.group("g")) / 100, half_unit(g.group("g"), value=False) / 100))
        return out

    def check(self, ctx):
        text, out = ctx.text, []
        figs = [f for f in find_figures(text) if not f.is_percent and f.unit not in ("个百分点", "百分点", "倍")
                and not bounded_at(text, f)]
        for m in self.pattern.finditer(text):
            if not ctx.is_body(m.start()):
                continue
            para = ctx.doc.paragraph_at(m.start())
            n, whole = _count(m.group("n")), self.scope.sub("", m.group("whole").strip())
            items = self._with_growth(text, figs, para.start, m.start())
            if n < 1 or len(whole) < 2 or len(items) < n + 1:
                continue
            parts = items[-n:]
            fams = {fam for _, _, fam, _, _ in parts}
            w = next((it for it in reversed(items[:-n]) if metric_before(text, it[0].start, keep=24).endswith(whole)), None)
            if w is None or len(fams) != 1 or w[2] not in fams or any(1 + g <= 0 for _, _, _, g, _ in parts + [w]):
                continue
            w_inc = w[1] * w[3] / (1 + w[3])
            if w_inc <= 0:
                continue
            inc = sum(v * g / (1 + g) for _, v, _, g, _ in parts)
            computed = inc / w_inc * 100
            stated = float(m.group("x"))
            # rounding of the growths written: relative, the largest part's and the whole's
            rel = max(h / abs(g) for _, _, _, g, h in parts if g) + w[4] / abs(w[3])
            hi = computed * (1 + self.price_gap) * (1 + rel) + half_unit(m.group("x"), value=False)
            lo = computed / ((1 + self.price_gap) * (1 + rel)) - half_unit(m.group("x"), value=False)
            if (stated > hi or stated < lo) and abs(stated - computed) >= self.min_pp:
                out.append(self.finding(ctx, m.start("rate"), m.end("rate"), n=n,
                                        whole=w[0].text, whole_growth=f"{w[3] * 100:g}%",
                                        parts="、".join(p[0].text for p in parts), computed=f"{computed:.1f}%",
                                        lo=f"{max(lo, 0):.0f}%", hi=f"{hi:.0f}%"))
        return out


@kind("fall_after_rise")
class FallAfterRise(Rule):
    """A clause that opens with the size of a fall (`fall_words`: 降幅比上月回落4.1个百分点, 降幅收窄) right after a rate
    stated as a rise (同比增长32.0%): a figure that grew has no fall to narrow or widen (round 36). The rate read is the
    last one stated before the clause in its sentence (增长a%、下降b%、增长-c%); when that is a fall (两年平均下降1.9%，降幅
    比一季度收窄) the clause is its own. Read only a clause that opens with the fall word, so that it names no other
    subject (拉动……降幅收窄; 利润降幅收窄 after 营业收入增长 are about another figure), right after the clause that ends
    with the rate (…增长9.4%，…而东北地区继续下降，降幅为13.0%: the fall is another region's)."""
    extra_keys = {"fall_words", "rise", "fall"}

    def setup(self):
        self.fall_words = re.compile(self.spec.get("fall_words") or r"降幅|跌幅")
        self.rise = re.compile(self.spec.get("rise") or r"增长|上升|上涨|提高|增加")
        self.fall = re.compile(self.spec.get("fall") or r"下降|减少|降低|回落|下滑|下跌")
        verbs = f"{self.rise.pattern}|{self.fall.pattern}"
        self.rate = re.compile(rf"(?P<verb>{verbs})了?\s*(?P<neg>[-－−])?\s*\d+(?:\.\d+)?\s*[%％](?!\s*个?百分点)")

    def check(self, ctx):
        out = []
        for ss, se, sent in ctx.body_sentences():
            for m in re.finditer(r"(?:^|[，,；;])\s*", sent):
                head = self.fall_words.match(sent, m.end())
                if not head:
                    continue
                rates = list(self.rate.finditer(sent, 0, m.start()))
                if not rates:
                    continue
                last = rates[-1]
                if not self.rise.fullmatch(last.group("verb")) or last.group("neg"):
                    continue
                if sent[last.end():m.start()].strip():
                    continue  # the rate must end the clause just before (…增长9.4%，…而东北地区继续下降，降幅为…)
                end = min([i for i in (sent.find(c, head.end()) for c in "，,；;。") if i >= 0] or [len(sent)])
                out.append(self.finding(ctx, ss + head.start(), ss + end, rate=last.group(),
                                        fall=head.group()))
        return out


@kind("count_share_change")
class CountShareChange(Rule):
    """A count, its share, then a change in % (亏损企业211家，占16.2%，同比增长1.01%): the % may be the count's own
    growth or the share's change written in % for points. When no whole number of units a year before gives the
    count's growth within the rounding of the rate written (211 ÷ 1.0101 = 208.9: 209 gives 0.96%, 208 gives 1.44%),
    the change is the share's, and a share's change is in points (round 36). `pattern` names the groups n (the count),
    x (the share), verb and g (the change)."""
    extra_keys = {"pattern", "fall"}

    def setup(self):
        self.pattern = re.compile(self.spec["pattern"])
        self.fall = re.compile(self.spec.get("fall") or r"下降|降低|减少")

    def check(self, ctx):
        out = []
        for ss, se, sent in ctx.body_sentences():
            for m in self.pattern.finditer(sent):
                n, g_txt = int(m.group("n")), m.group("g")
                g = float(g_txt) * (-1 if self.fall.search(m.group("verb")) else 1)
                h = half_unit(g_txt, value=False)
                if n < 1 or g == 0 or g <= -100:
                    continue
                base = n / (1 + g / 100)
                near = {b for b in (int(base), int(base) + 1) if b >= 1}
                if any(abs((n / b - 1) * 100 - g) <= h + 1e-9 for b in near):
                    continue  # a whole count a year before gives the growth: it may be the count's own
                out.append(self.finding(ctx, ss + m.start("verb"), ss + m.end(), count=m.group("n") + m.group("u"),
                                        share=m.group("x") + "%"))
        return out
