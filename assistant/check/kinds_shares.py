"""Consistency kinds for shares stated beside counts and amounts: a count out of a stated whole whose share is
recomputed (在监测的132种产品中，有89种，占66.9%), and an amount whose share of a whole stated elsewhere is off by a whole
magnitude (1.51亿元，占全行业产值的28.9%, the whole being 5.32万亿元). Generic wording, no metric list."""
from __future__ import annotations

import os
import re

from .consistency import CHANGE, half_unit, metric_before
from .figures import find_figures, normalise
from .rules import Rule, kind

_COUNT_UNIT = r"(?P<u>种|家|个|所|项|名|位|款|座|台|类|人|条|件)"
COUNT_TOTAL = re.compile(rf"(?:(?P<n>\d+)\s*{_COUNT_UNIT}[\u4e00-\u9fa5“”]{{0,14}}?(?:中|之中|当中)[，,]"
                         rf"|(?:共|共有|合计|总计)(?P<n2>\d+)\s*(?P<u2>种|家|个|所|项|名|位|款|座|台|类|人|条|件)[^。；]{{0,20}}?[，,]\s*其中)")
COUNT_SHARE = re.compile(rf"(?P<k>\d+)\s*{_COUNT_UNIT}[，,]?\s*(?:约)?占(?:比)?(?:为|约)?\s*(?P<x>\d+(?:\.\d+)?)\s*[%％]")

@kind("count_share")
class CountShare(Rule):
    """A count out of a stated whole and its share (在重点监测的132种产品中，价格上涨的有89种，占66.9%; 共有N家，其中k家，
    占x%): k/N recomputed; the counts are exact, so only the rate's own rounding (and 0.05 point) is allowed."""

    def check(self, ctx):
        out = []
        for ss, se, sent in ctx.body_sentences():
            totals = list(COUNT_TOTAL.finditer(sent))
            for i, t in enumerate(totals):
                n_txt, unit = t.group("n") or t.group("n2"), t.group("u") or t.group("u2")
                stop = totals[i + 1].start() if i + 1 < len(totals) else len(sent)
                for p in COUNT_SHARE.finditer(sent, t.end(), stop):
                    n, k, x = float(n_txt), float(p.group("k")), float(p.group("x"))
                    if p.group("u") != unit or not 0 < k <= n:
                        continue
                    computed = k / n * 100
                    if abs(computed - x) > half_unit(p.group("x"), value=False) + 0.05:
                        out.append(self.finding(ctx, ss + p.start(), ss + p.end(), part=f"{p.group('k')}{unit}",
                                                total=f"{n_txt}{unit}", computed=f"{computed:.1f}%", stated=f"{p.group('x')}%"))
        return out


# 1.51亿元，同比增长31.1%，占全行业产值的28.9%  (a figure's share of a whole stated elsewhere in the document)
SHARE_AFTER = re.compile(r"^[^。；\d]{0,4}?(?:[，,]\s*(?:同比|比上年|较上年)?" + CHANGE + r"了?\s*\d+(?:\.\d+)?\s*[%％])?"
                         r"[，,]\s*(?:约)?占(?P<whole>[\u4e00-\u9fa5]{2,12}?)的?(?:比重|比例|份额)?(?:为|约)?\s*"
                         r"(?P<x>\d+(?:\.\d+)?)\s*[%％]")


def share_pairs(ctx):
    """(figure, its stated share match, the earlier whole) for each amount followed by 占<whole>的x%, the whole being the
    nearest earlier figure of the same unit family whose metric ends like the share's whole (产值) and whose sentence
    names the whole's subject (全行业)."""
    text = ctx.text
    figs = [f for f in find_figures(text) if not f.is_percent and f.unit not in ("个百分点", "百分点", "倍")]
    for i, f in enumerate(figs):
        m = SHARE_AFTER.match(text[f.end:f.end + 60])
        if not m or not ctx.is_body(f.start):
            continue
        value, fam = normalise(f.value, f.unit)
        for w in reversed(figs[:i]):
            wval, wfam = normalise(w.value, w.unit)
            sibling = SHARE_AFTER.match(text[w.end:w.end + 60])  # another part of the same whole, not the whole
            if wfam == fam and wval > value and not sibling and _names(text, w, m.group("whole")):
                yield f, m, w
                break  # the nearest earlier whole decides


def _names(text: str, w, whole: str) -> bool:
    metric = metric_before(text, w.start)
    s = max(text.rfind(c, 0, w.start) for c in "。；\n") + 1
    common = len(os.path.commonprefix([metric[::-1], whole[::-1]]))  # the ending the two names share
    subject = re.sub("总$", "", whole[:len(whole) - common])  # 全行业(总)产值, 全行业主营收入 → 全行业
    return common >= 2 and len(subject) >= 2 and subject in text[s:w.start]


def _share(f, w) -> float:
    return normalise(f.value, f.unit)[0] / normalise(w.value, w.unit)[0] * 100


@kind("share_magnitude")
class ShareMagnitude(Rule):
    """A figure whose stated share of a whole cannot be right by a whole magnitude: 1.51亿元，占全行业产值的28.9%, where
    the document gives 全行业……总产值5.32万亿元 (1.51亿 is 0.003% of it: 亿 written for 万亿). Only ratios of `ratios`
    (10⁴, 10⁸, 10³) are reported here; a share merely off is `share_recompute`'s."""
    extra_keys = {"ratios"}

    def setup(self):
        self.ratios = [float(r) for r in (self.spec.get("ratios") or [1e4, 1e8, 1e3])]

    def check(self, ctx):
        out = []
        for f, m, w in share_pairs(ctx):
            share, stated = _share(f, w), float(m.group("x"))
            if stated > 0 and share > 0 and any(abs(stated / share / r - 1) < 0.03 for r in self.ratios):
                out.append(self.finding(ctx, f.start, f.end, whole=m.group("whole"), first=w.text,
                                        first_line=ctx.doc.line_of(w.start), stated=f"{m.group('x')}%",
                                        computed=f"{share:.2g}%"))
        return out


@kind("share_recompute")
class ShareRecompute(Rule):
    """The same pairs as `share_magnitude`, when the stated share is off beyond the rounding of the digits written
    (3.07万亿元，占全行业产值的57.1%, the whole being 5.32万亿元: 57.7%), and by at least `min_pp` points. Bounded values (近、逾、约、超过) and wholes
    more than `max_ratio` times the stated share's implied whole apart are left to `share_magnitude`."""
    extra_keys = {"max_ratio", "min_pp"}

    def setup(self):
        self.max_ratio = float(self.spec.get("max_ratio", 1.5))
        self.min_pp = float(self.spec.get("min_pp", 0.2))  # below this, a release's basis drift rather than a slip

    def check(self, ctx):
        out, text = [], ctx.text
        for f, m, w in share_pairs(ctx):
            share, stated = _share(f, w), float(m.group("x"))
            if stated <= 0 or not 1 / self.max_ratio < stated / share < self.max_ratio:
                continue
            if any(re.search(r"(?:近|逾|约|超过|将近|接近|不足|不到)\s*$", text[max(0, g.start - 3):g.start]) or
                   re.match(r"\s*(?:余|多)", text[g.end:g.end + 2]) for g in (f, w)):
                continue
            spread = share * (half_unit(f.text) / max(f.value, 1e-9) + half_unit(w.text) / max(w.value, 1e-9))
            if abs(share - stated) > max(spread + half_unit(m.group("x"), value=False) + 0.05, self.min_pp):
                out.append(self.finding(ctx, f.start, f.end + m.end(), whole=m.group("whole"),
                                        first=w.text, first_line=ctx.doc.line_of(w.start), stated=f"{m.group('x')}%",
                                        computed=f"{share:.1f}%"))
        return out
