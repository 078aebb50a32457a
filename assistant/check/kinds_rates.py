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

from .consistency import CHANGE, half_unit
from .kinds_shares import share_pairs
from .kinds_tables import YEAR_CELL, read_tables, value
from .kinds_words import Existence
from .rules import Rule, kind

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


def _signed(verb: str, d: str) -> float:
    return float(d) if _UP.search(verb) else -float(d)


def _growth(verb: str, g: str) -> float:
    return float(g) / 100 if _UP.search(verb) else -float(g) / 100


@kind("rate_points")
class RatePoints(Rule):
    """See the module's docstring: a change in percentage points that is not the difference of the two rates."""
    extra_keys = {"points_header", "slack", "derived_message", "table_message", "skip", "real_growth"}

    def setup(self):
        self.points_header = re.compile(self.spec.get("points_header") or r"百分点")
        self.slack = float(self.spec.get("slack", 0.1))
        self.skip = re.compile(self.spec.get("skip") or r"(?!x)x")
        # value added and GDP grow at comparable prices while their shares are nominal: not recomputed
        self.real_growth = re.compile(self.spec.get("real_growth") or r"(?!x)x")

    def check(self, ctx):
        return self._levels(ctx) + self._derived(ctx) + self._table(ctx)

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
            if not (dm and gp and gw) or self.real_growth.search(m.group("whole")):
                continue
            if self.real_growth.search(text[max(0, f.start - 16):f.start] + text[max(0, w.start - 16):w.start]):
                continue
            s, x = float(m.group("x")), m.group("x")
            g_part, g_whole = _growth(gp.group("verb"), gp.group("g")), _growth(gw.group("verb"), gw.group("g"))
            if g_part <= -1 or g_whole <= -1:
                continue
            prev = s * (1 + g_whole) / (1 + g_part)
            computed = s - prev
            stated = _signed(dm.group("verb"), dm.group("d"))
            tol = (half_unit(dm.group("d"), value=False) + half_unit(x, value=False) * abs(1 - prev / s)
                   + prev * (half_unit(gp.group("g"), value=False) / 100 / (1 + g_part)
                             + half_unit(gw.group("g"), value=False) / 100 / (1 + g_whole)) + self.slack)
            if abs(stated - computed) > tol:
                at = f.end + m.end() + dm.start("verb")
                out.append(self.finding(ctx, at, f.end + m.end() + dm.end(), self.spec.get("derived_message"),
                                        part=f.text, g_part=f"{gp.group('g')}%", whole=w.text,
                                        g_whole=f"{gw.group('g')}%", share=f"{x}%", prev=f"{prev:.2f}%",
                                        computed=f"{computed:+.2f}"))
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


@kind("percent_points")
class PercentPoints(Existence):
    """`existence` over the rule's patterns (a rate's change written in %), less the shares whose stated change is
    their amount's (round 23): in a sentence where a share followed by 同比下降b% cannot have fallen by b — as points
    last year's share would be over 100%, and as a relative change too — the writer gives each share with its amount's
    change (分行业看，X增加值占比达96.05%，同比下降15.6%；Y增加值占比为2.45%，同比下降14.8%), and none of that
    sentence's share-then-change clauses is read as the share's change."""

    def check(self, ctx):
        out, text = [], ctx.text
        for f in super().check(ctx):
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
