"""Consistency kinds for shares stated beside counts and amounts: a count out of a stated whole whose share is
recomputed (在监测的132种产品中，有89种，占66.9%), and an amount whose share of a whole stated elsewhere is off by a whole
magnitude (1.51亿元，占全行业产值的28.9%, the whole being 5.32万亿元). Generic wording, no metric list."""
from __future__ import annotations

import math
import os
import re

from .consistency import CHANGE, bounded_at, change_sign, half_unit, measure, metric_before
from .figures import find_figures, normalise
from .rules import Rule, kind
from .structure import cn_to_int

_COUNT_UNIT = r"(?P<u>种|家|个|所|项|名|位|款|座|台|类|人|条|件)"
COUNT_TOTAL = re.compile(rf"(?:(?P<n>\d+)\s*{_COUNT_UNIT}[\u4e00-\u9fa5“”]{{0,14}}?(?:中|之中|当中)[，,]"
                         rf"|(?:共|共有|合计|总计)(?P<n2>\d+)\s*(?P<u2>种|家|个|所|项|名|位|款|座|台|类|人|条|件)[^。；]{{0,20}}?[，,]\s*其中)")
COUNT_SHARE = re.compile(rf"(?P<k>\d+)\s*{_COUNT_UNIT}[，,]?\s*(?:约)?占(?:比)?(?:为|约)?\s*(?P<x>\d+(?:\.\d+)?)\s*[%％]")

def _fraction(word: str) -> float | None:
    """The share a fraction word names (6成、六成 → 0.6; 半、半数、一半 → 0.5); None for anything else."""
    m = re.fullmatch(r"([1-9]|[一二两三四五六七八九])成", word)
    if m:
        return cn_to_int(m.group(1).replace("两", "二")) / 10
    return 0.5 if word in ("半", "半数", "一半") else None


@kind("count_share")
class CountShare(Rule):
    """A count out of a stated whole and its share (在重点监测的132种产品中，价格上涨的有89种，占66.9%; 共有N家，其中k家，
    占x%): k/N recomputed; the counts are exact, so only the rate's own rounding (and 0.05 point) is allowed.

    Round 34: the share may also open the next clause under a share noun (`share_nouns`: 占比、增长面…) and be written
    as a fraction word (36个行业中，25个行业实现增长，增长面近6成: 6成 = 60%). A fraction is a bound or a round figure:
    近/不到X (`below`) is wrong only when k/N is above X, 超过/逾/过X (`above`) only when below it, and X alone or
    约X only when k/N is `about` (0.1) or more away from it; each allows the half point of rounding of a %."""
    extra_keys = {"share_nouns", "below", "above", "about"}

    def setup(self):
        nouns = self.spec.get("share_nouns") or r"(?!x)x"
        below = "|".join(self.spec.get("below") or ["近", "将近", "接近", "不到", "不足"])
        above = "|".join(self.spec.get("above") or ["超过", "逾", "超", "过", "多于"])
        self.below, self.above = re.compile(rf"^(?:{below})$"), re.compile(rf"^(?:{above})$")
        self.about = float(self.spec.get("about", 0.1))
        # k个……，增长面近6成 / k家……，占比为x%: a clause opening with the share noun, after the count's own clause
        self.worded = re.compile(
            rf"(?P<k>\d+)\s*{_COUNT_UNIT}[^\d。；;，,、]{{0,14}}[，,]\s*(?:{nouns})\s*(?:为|达到?|约为?|是)?\s*"
            rf"(?P<q>{below}|{above}|约|大约)?\s*(?:(?P<x>\d+(?:\.\d+)?)\s*[%％]|(?P<f>[1-9一二两三四五六七八九]成|半数|一半|半))"
            r"(?!\s*(?:以上|以下|左右|多))")

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
                for p in self.worded.finditer(sent, t.end(), stop):
                    n, k = float(n_txt), float(p.group("k"))
                    if p.group("u") != unit or not 0 < k <= n or any(o.span[0] <= ss + p.start() < o.span[1] for o in out):
                        continue
                    if self._off(k / n, p):
                        at = ss + p.start("q") if p.group("q") else ss + p.start("x" if p.group("x") else "f")
                        out.append(self.finding(ctx, at, ss + p.end(), part=f"{p.group('k')}{unit}",
                                                total=f"{n_txt}{unit}", computed=f"{k / n * 100:.1f}%",
                                                stated=sent[at - ss:p.end()]))
        return out

    def _off(self, ratio: float, p) -> bool:
        """Does the count's share `ratio` contradict the share written (a %, or a fraction word with its bound)?"""
        if p.group("x"):
            x = float(p.group("x"))
            return abs(ratio * 100 - x) > half_unit(p.group("x"), value=False) + 0.05 and not p.group("q")
        x, q, eps = _fraction(p.group("f")), p.group("q") or "", 0.005
        if x is None:
            return False
        if self.below.match(q):
            return ratio > x + eps
        if self.above.match(q):
            return ratio < x - eps
        return abs(ratio - x) >= self.about + eps


# 1.51亿元，同比增长31.1%，占全行业产值的28.9%  (a figure's share of a whole stated elsewhere in the document)
SHARE_AFTER = re.compile(r"^[^。；\d]{0,4}?(?:[，,]\s*(?:同比|比上年|较上年)?" + CHANGE + r"了?\s*\d+(?:\.\d+)?\s*[%％])?"
                         r"[，,]\s*(?:约)?占(?P<whole>[\u4e00-\u9fa5]{2,12}?)的?(?:比重|比例|份额)?(?:为|约)?\s*"
                         r"(?P<x>\d+(?:\.\d+)?)\s*[%％]")


def share_pairs(ctx, loose: bool = False, scoped: bool = False):
    """(figure, its stated share match, the earlier whole) for each amount followed by 占<whole>的x%, the whole being the
    nearest earlier figure of the same unit family whose metric ends like the share's whole (产值) and whose sentence
    names the whole's subject (全行业). With `loose`, the subject may be a scope word only (全部) or be named anywhere
    in the whole's paragraph before it (round 22's rate_points, which also needs both growths to agree). With `scoped`,
    a scope word opening the subject (占全部建筑业总产值的 → 建筑业) need not be written beside the whole (round 33's
    share_magnitude: a whole magnitude off is a slip whatever the pairing's looseness)."""
    text = ctx.text
    figs = [f for f in find_figures(text) if not f.is_percent and f.unit not in ("个百分点", "百分点", "倍")]
    for i, f in enumerate(figs):
        m = SHARE_AFTER.match(text[f.end:f.end + 60])
        if not m or not ctx.is_body(f.start):
            continue
        value, fam = measure(text, f)  # a bare 万/亿 with its measure word (亿美元, 万吨): round 24
        for w in reversed(figs[:i]):
            wval, wfam = measure(text, w)
            sibling = SHARE_AFTER.match(text[w.end:w.end + 60])  # another part of the same whole, not the whole
            if wfam == fam and wval > value and not sibling and _names(text, w, m.group("whole"), loose, scoped):
                yield f, m, w
                break  # the nearest earlier whole decides


def _names(text: str, w, whole: str, loose: bool = False, scoped: bool = False) -> bool:
    metric = metric_before(text, w.start)
    s = max(text.rfind(c, 0, w.start) for c in "。；\n") + 1
    common = len(os.path.commonprefix([metric[::-1], whole[::-1]]))  # the ending the two names share
    subject = re.sub("总$", "", whole[:len(whole) - common])  # 全行业(总)产值, 全行业主营收入 → 全行业
    if loose and common >= 3:
        subject = re.sub(r"^(?:全部|所有|整个|全)", "", subject)
        return not subject or subject in text[text.rfind("\n", 0, w.start) + 1:w.start]
    if scoped:
        bare = re.sub(r"^(?:全部|所有|整个)", "", subject)
        if subject and not bare:
            return common >= 3  # 占全部建筑业总产值 for 建筑业总产值: the whole's whole name, only its scope added
        subject = bare
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
        for f, m, w in share_pairs(ctx, scoped=True):
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


# round 22: 木质家具……占家具行业累计利润的60.08%，金属家具……占25.23%，……，其他家具制造业占9.02%
_SHARE_CLAUSE = re.compile(r"^\s*(?:[^，,；;。：:]*?分别为)?\s*(?P<name>[^，,；;。：:\d]{1,24}?)占(?P<of>[^，,；;。\d%％]{0,16}?)"
                           r"(?:的)?(?:比重|比例|份额)?(?:为|是|达)?\s*(?P<x>\d+(?:\.\d+)?)\s*[%％]\s*$")


@kind("shares_sum")
class SharesSum(Rule):
    """Consecutive clauses of one sentence, each a part and its share (X占…a%), the last part being the rest (其他、
    其余): the parts then make the whole, so their shares must sum to 100 within the rounding of the shares written
    (n half units of the last digit). Two parts naming different wholes, bounded shares (约、近、超过) and survey
    sentences (several answers) are not read. The rest's clause is flagged."""
    extra_keys = {"rest", "skip", "min_parts"}

    def setup(self):
        self.rest = re.compile(self.spec.get("rest") or r"^(?:其他|其它|其余)")
        self.skip = re.compile(self.spec.get("skip") or r"(?!x)x")
        self.min_parts = int(self.spec.get("min_parts", 3))

    def check(self, ctx):
        out = []
        for ss, se, sent in ctx.body_sentences():
            if "占" not in sent or self.skip.search(sent):
                continue
            run, pos = [], 0
            for piece in re.split(r"([，,；;。：:])", sent) + [""]:
                m = _SHARE_CLAUSE.match(piece) if piece not in "，,；;。：:" or not piece else None
                if piece and piece in "，,；;。：:":
                    pos += len(piece)
                    continue
                if m and not re.search(CHANGE, m.group("of")):
                    run.append((m, ss + pos))
                else:
                    out += self._run(ctx, run)
                    run = []
                pos += len(piece)
        return out

    def _run(self, ctx, run):
        if len(run) < self.min_parts or not self.rest.match(run[-1][0].group("name").strip()):
            return []
        wholes = {m.group("of").strip() for m, _ in run if m.group("of").strip()}
        if len(wholes) > 1:
            return []
        got = sum(float(m.group("x")) for m, _ in run)
        tol = sum(half_unit(m.group("x"), value=False) for m, _ in run) + 1e-9
        if abs(got - 100) <= tol:
            return []
        m, at = run[-1]
        start = at + m.start("name")
        places = max(len(m.group("x").split(".", 1)[1]) if "." in m.group("x") else 0 for m, _ in run)
        return [self.finding(ctx, start, at + m.end("x") + 1, n=len(run), parts=f"{got:.{places}f}%")]


@kind("pair_total")
class PairTotal(Rule):
    """A total and, after it in the same paragraph, its two complementary parts (国内/国际, 城镇/农村: the rule's `pairs`)
    of the same unit family, named like the total (their metrics end with the total's last `min_common` or more
    characters and differ only by the pair's words): the parts must sum to the total within the rounding of the
    three numbers written. 全行业完成货邮周转量263.2亿吨公里 …… 国内航线……76.8亿吨公里；国际航线……184.6亿吨公里 (261.4).
    Bounded figures (近、约、超过) are not read."""
    extra_keys = {"pairs", "min_common", "window", "averages"}

    def setup(self):
        self.pairs = [tuple(p) for p in (self.spec.get("pairs") or [["国内", "国际"]])]
        # averages (人均、平均) of two complementary groups do not add up to the whole's average (round 23)
        self.averages = re.compile(self.spec.get("averages") or r"人均|平均")
        self.min_common = int(self.spec.get("min_common", 3))
        self.window = int(self.spec.get("window", 300))

    def check(self, ctx):
        text, out = ctx.text, []
        figs = [f for f in find_figures(text) if not f.is_percent and f.unit not in ("个百分点", "百分点", "倍")
                and ctx.is_body(f.start)]
        names = [metric_before(text, f.start, keep=16) for f in figs]
        for i, t in enumerate(figs):
            if (any(w in names[i] for pair in self.pairs for w in pair) or bounded_at(text, t)
                    or self.averages.search(names[i])):
                continue
            tv, fam = measure(text, t)
            para_end = text.find("\n", t.end)
            stop = min(t.end + self.window, para_end if para_end >= 0 else len(text))
            later = [(f, n) for f, n in zip(figs[i + 1:], names[i + 1:]) if f.start < stop
                     and measure(text, f)[1] == fam]
            for a_word, b_word in self.pairs:
                a = next(((f, n) for f, n in later if a_word in n), None)
                b = next(((f, n) for f, n in later if b_word in n), None)
                if (not a or not b or bounded_at(text, a[0]) or bounded_at(text, b[0])
                        or self.averages.search(a[1] + b[1])):
                    continue
                common = _common_tail(names[i], a[1], b[1])
                if common < self.min_common:
                    continue
                got = normalise(a[0].value, a[0].unit)[0] + normalise(b[0].value, b[0].unit)[0]
                tol = sum(half_unit(f.text, value=False) * normalise(1, f.unit)[0] for f in (t, a[0], b[0]))
                if abs(got - tv) > tol + 1e-9 * tv:
                    first, other = sorted((a[0], b[0]), key=lambda f: f.start)
                    scale = normalise(1, t.unit)[0]
                    out.append(self.finding(ctx, first.start, first.end, total=t.text, b=other.text,
                                            parts=f"{got / scale:g}{t.unit}", total_line=ctx.doc.line_of(t.start)))
                break
        return out



def _common_tail(*names: str) -> int:
    return len(os.path.commonprefix([n[::-1] for n in names]))


# a level's growth right after it (basis optional: 增长10.6% / 比去年同期增长12%)
# (after the measure word the figure reader leaves out: 4.20亿|吨, 1137.1亿元|人民币)
_GROWTH = re.compile(rf"(?:[A-Za-z]{{1,5}}|[\u4e00-\u9fa5]{{1,3}})?\s*[，,]\s*(?P<all>(?:同比|(?:比|较)(?:上年|去年|上一年)(?:同期)?)?"
                     rf"(?P<v>{CHANGE})了?\s*(?P<g>\d+(?:\.\d+)?)\s*[%％])")
# …，占（整体的）x%，占比较上年提升y个百分点
# (or …，占（整体的）比重为x%，比上年提高y个百分点: the share word written with the level, none with the move; round 27)
_SHARE_MOVE = re.compile(r"[，,]\s*占(?P<whole>[^，,。；;\d%％]{0,20}?)(?:的)?(?P<word>比重|比例|份额)?(?:为|达)?\s*"
                         r"(?P<x>\d+(?:\.\d+)?)\s*[%％][，,]\s*(?P<move>(?:(?:其?占比|所占比重|比重|份额)|(?(word)|(?!)))\s*(?:较|比)?\s*"
                         r"(?:上年|去年|上一年)?(?:同期)?(?:同比)?"
                         rf"(?P<v>{CHANGE})了?\s*(?P<y>\d+(?:\.\d+)?)\s*个?百分点)")


@kind("share_direction")
class ShareDirection(Rule):
    """A part's share said to rise (or fall) while the part grew slower (or faster) than its whole: 民营企业进出口
    828.8亿元，增长10.6%，占72.9%，占比较上年提升了1个百分点, the whole 1137.1亿元 having grown 12%. The whole is the
    nearest earlier level of the same measure, within `window` characters, that has its own growth and of which the part
    is the stated share (within the rounding of the digits); last year's share is x·(1+g_whole)/(1+g_part). Flagged only
    when every rounding of the two growth rates and of the share gives the opposite direction (round 26)."""
    extra_keys = {"window"}

    def setup(self):
        self.window = int(self.spec.get("window", 800))

    def check(self, ctx):
        text, out = ctx.text, []
        figs = [f for f in find_figures(text) if not f.is_percent and f.unit not in ("个百分点", "百分点", "倍")]
        for i, f in enumerate(figs):
            g = _GROWTH.match(text, f.end, f.end + 30)
            if not g or not ctx.is_body(f.start) or bounded_at(text, f):
                continue
            m = _SHARE_MOVE.match(text, g.end(), g.end() + 80)
            if not m:
                continue
            value, fam = measure(text, f)
            x = float(m.group("x"))
            whole = None
            # the nearest earlier level that is the whole, else the nearest later one (…占全市的比重为37.1%，比上年提高
            # 6.3个百分点；全市…129.9亿元，同比增长12.6%; round 27)
            near = [w for w in reversed(figs[:i]) if f.start - w.end <= self.window]
            near += [w for w in figs[i + 1:] if w.start >= m.end() and w.start - m.end() <= self.window]
            for w in near:
                wval, wfam = measure(text, w)
                wg = _GROWTH.match(text, w.end, w.end + 30)
                if wfam != fam or wval <= value or not wg or bounded_at(text, w):
                    continue
                share = value / wval * 100
                spread = share * (half_unit(f.text) / max(f.value, 1e-9) + half_unit(w.text) / max(w.value, 1e-9))
                if abs(share - x) <= spread + half_unit(m.group("x"), value=False) + 0.05:
                    whole = (w, wg)
                    break
            if not whole:
                continue
            w, wg = whole
            gp, gt = _signed(g), _signed(wg)
            hp, ht = half_unit(g.group("g"), value=False), half_unit(wg.group("g"), value=False)
            hx = half_unit(m.group("x"), value=False)
            changes = [(x + dx) - (x + dx) * (1 + (gt + dt) / 100) / (1 + (gp + dp) / 100)
                       for dx in (-hx, hx) for dt in (-ht, ht) for dp in (-hp, hp)]
            rise = change_sign(m.group("v")) > 0
            if (rise and max(changes) < 0) or (not rise and min(changes) > 0):
                s, e = m.start("move"), m.end("move")
                out.append(self.finding(ctx, s, e, part=f.text, part_growth=g.group("all"),
                                        whole=w.text, whole_growth=wg.group("all"),
                                        first_line=ctx.doc.line_of(w.start)))
        return out


def _signed(g) -> float:
    return float(g.group("g")) * change_sign(g.group("v"))


# 利润178亿元，增长1.23% / 利润总额同比增长2.1%: an amount's growth, its level optional (round 29)
_AMOUNT_GROWTH = (r"[^，,；;。\d%％]{0,8}?(?:\d+(?:\.\d+)?\s*[万亿千百]*[\u4e00-\u9fa5]{0,2}\s*[，,]?)?\s*"
                  rf"(?:同比|(?:比|较)(?:上年|去年|上一年)(?:同期)?)?(?P<v>{CHANGE})了?\s*(?P<g>\d+(?:\.\d+)?)\s*[%％]")
# …利润率（为5.7%，）同比提高0.15个百分点
_RATIO_MOVE = (r"(?:为\s*\d+(?:\.\d+)?\s*[%％][，,]?)?\s*(?:同比|(?:比|较)(?:上年|去年|上一年)(?:同期)?)?"
               rf"(?P<v>{CHANGE})了?\s*(?P<x>\d+(?:\.\d+)?)\s*个?百分点")


@kind("margin_direction")
class MarginDirection(Rule):
    """A revenue margin said to rise (or fall) in the sentence that gives its profit growing slower (or faster) than
    its revenue: 主营业务收入2817亿元，同比增长1.41%；利润178亿元，增长1.23%；销售利润率同比增加0.02个百分点. The margin
    is profit over revenue (`ratio`, `numerator`, `denominator`: a margin on costs or assets is not read), so its
    direction is that of (1 + g_profit)/(1 + g_revenue); flagged only when every rounding of the two growth rates gives
    the opposite direction, with one growth of each in the sentence before the move and no 其中 between (round 29). Not in
    a statistics body's own release (`source().release`): its growths are computed on a comparable sample (可比口径) and
    its margins on this year's, so the two may legitimately disagree (the reason round 26 declined the check)."""
    extra_keys = {"ratio", "numerator", "denominator"}

    def setup(self):
        self.move = re.compile(f"(?:{self.spec['ratio']}){_RATIO_MOVE}")
        self.num = re.compile(f"(?:{self.spec['numerator']}){_AMOUNT_GROWTH}")
        self.den = re.compile(f"(?:{self.spec['denominator']}){_AMOUNT_GROWTH}")

    def check(self, ctx):
        out = []
        if ctx.source().release:
            return out  # a statistics body's release states growths on a comparable sample and margins on this year's
        for ss, se, sent in ctx.body_sentences():
            for m in self.move.finditer(sent):
                before = sent[:m.start()]
                num, den = list(self.num.finditer(before)), list(self.den.finditer(before))
                if len(num) != 1 or len(den) != 1:
                    continue
                a, b = sorted((num[0], den[0]), key=lambda g: g.start())
                if "其中" in sent[a.start():b.start()]:
                    continue  # a part's profit beside the whole's revenue
                gp, gr = (float(g.group("g")) * change_sign(g.group("v")) for g in (num[0], den[0]))
                hp, hr = (half_unit(g.group("g"), value=False) for g in (num[0], den[0]))
                ratios = [(100 + gp + dp) / (100 + gr + dr) - 1 for dp in (-hp, hp) for dr in (-hr, hr)]
                rise = change_sign(m.group("v")) > 0
                if float(m.group("x")) > 0 and ((rise and max(ratios) < 0) or (not rise and min(ratios) > 0)):
                    out.append(self.finding(ctx, ss + m.start(), ss + m.end(),
                                            profit=num[0].group().strip("，, "), revenue=den[0].group().strip("，, ")))
        return out


def _plain(x: float) -> str:
    """`x` to four significant digits, without an exponent (53058, 476.2)."""
    return f"{x:.{max(0, 3 - int(math.floor(math.log10(abs(x))))) if x else 0}f}"


# an amount followed by its share, the whole named or left out (…340.24万人，占毕业生总数的71.45%; …66.59万人，占13.68%)
_SHARE_ANY = re.compile(r"^[^。；;\d]{0,4}?(?:[，,]\s*(?:同比|比上年|较上年)?" + CHANGE + r"了?\s*\d+(?:\.\d+)?\s*[%％])?"
                        r"[，,]\s*占(?P<whole>[^，,；;。\d%％]{0,12}?)的?(?:比重|比例|份额|比)?(?:为|是|达)?\s*"
                        r"(?P<x>\d+(?:\.\d+)?)\s*[%％]")


@kind("share_wholes")
class ShareWholes(Rule):
    """Two amounts of one metric in one sentence, each with its share of the same whole (就业的人数为340.24万人，占毕业生
    总数的71.45%；个体经营的人数为66.59万人，占13.68%: the second share's whole left out is the first's): each amount over
    its share is the whole, so the two must give the same whole within the rounding of the four numbers written and
    `min_rel` (round 35). The two metrics end alike (人数, ≥2 characters) and are of one unit family; a share after 其中
    between them (a part's share of the first amount), a share of another whole, bounded values and changes are not read.
    Wholes more than `max_ratio` apart are a magnitude slip, `share_magnitude`'s. (Traditional 萬/億 need nothing here:
    the rules read the document in Simplified, `structure.simplified_document`.)"""
    extra_keys = {"min_rel", "max_ratio"}

    def setup(self):
        self.min_rel = float(self.spec.get("min_rel", 0.01))
        self.max_ratio = float(self.spec.get("max_ratio", 1.5))

    def check(self, ctx):
        text, out = ctx.text, []
        for ss, se, _ in ctx.body_sentences():
            sent = text[ss:se]
            items = []
            for f in find_figures(sent):
                if f.is_percent or f.unit in ("个百分点", "百分点", "倍") or bounded_at(sent, f):
                    continue
                if re.search(r"(?:增加|减少|增长|下降|提高|降低|多|少)了?\s*$", sent[max(0, f.start - 4):f.start]):
                    continue
                m = _SHARE_ANY.match(sent[f.end:f.end + 40])
                if m and not re.search(r"约|近|超过|不足|逾", m.group()):
                    items.append((f, m))
            for (f1, m1), (f2, m2) in zip(items, items[1:]):
                w1, w2 = m1.group("whole").strip(), m2.group("whole").strip()
                if (w2 and w2 != w1) or not w1 or "其中" in sent[f1.end:f2.start]:
                    continue
                (v1, fam1), (v2, fam2) = measure(sent, f1), measure(sent, f2)
                if fam1 != fam2 or not fam1:
                    continue
                n1, n2 = metric_before(sent, f1.start, keep=12), metric_before(sent, f2.start, keep=12)
                if len(os.path.commonprefix([n1[::-1], n2[::-1]])) < 2:
                    continue
                x1, x2 = float(m1.group("x")), float(m2.group("x"))
                if x1 <= 0 or x2 <= 0:
                    continue
                a, b = v1 / x1, v2 / x2
                tol = (half_unit(f1.text) / f1.value + half_unit(f2.text) / f2.value
                       + half_unit(m1.group("x"), value=False) / x1 + half_unit(m2.group("x"), value=False) / x2 + self.min_rel)
                if abs(a / b - 1) > tol and 1 / self.max_ratio < a / b < self.max_ratio:
                    scale = v1 / f1.value
                    s, e = ss + f2.end + m2.group().index("占"), ss + f2.end + m2.end()
                    out.append(self.finding(ctx, s, e, first=ctx.text[ss + f1.start:ss + f1.end], x1=m1.group("x") + "%",
                                            w1=_plain(a * 100 / scale) + f1.unit, second=ctx.text[ss + f2.start:ss + f2.end],
                                            x2=m2.group("x") + "%", w2=_plain(b * 100 / scale) + f1.unit, whole=w1))
        return out


_PCT = re.compile(r"(?<![\d.])\d+(?:\.\d+)?\s*[%％]")


@kind("whole_between_groups")
class WholeBetweenGroups(Rule):
    """A rate or share of a whole written in the same words as the same rate of its two complementary groups (对2020届
    毕业生…月薪酬在3000元占的比例最大，为19.30% / 对2020届男性毕业生…为28.66% / 对2020届女性毕业生…为20.99%): the
    whole's rate is the groups' rates weighted by their sizes, so it lies between them (round 36). Read only where the
    three are certain to be one rate: each figure is a percentage, and its sentence up to it — earlier percentages
    masked, every other number kept — is the same in all three once the group's word (`pairs`: 男性/女性, 城镇/农村…)
    is taken out, and at least `min_prefix` characters long; the whole's names neither group. Reported when the whole
    is outside the groups' range by more than the rounding of the three numbers and `slack` points."""
    extra_keys = {"pairs", "min_prefix", "slack"}

    def setup(self):
        self.pairs = [tuple(p) for p in (self.spec.get("pairs") or [])]
        self.min_prefix = int(self.spec.get("min_prefix", 8))
        self.slack = float(self.spec.get("slack", 0.1))

    def check(self, ctx):
        text, out = ctx.text, []
        rates = []  # (sentence prefix with earlier percentages masked, figure start, end, value as written)
        for ss, se, sent in ctx.body_sentences():
            for m in _PCT.finditer(sent):
                key = _PCT.sub("#%", sent[:m.start()]).strip()
                if len(re.findall(r"[\u4e00-\u9fa5]", key)) >= self.min_prefix:
                    rates.append((key, ss + m.start(), ss + m.end(), re.match(r"\d+(?:\.\d+)?", m.group()).group()))
        for p, q in self.pairs:
            wholes, groups = {}, {p: {}, q: {}}
            for key, s, e, x in rates:
                has = [w for w in (p, q) if w in key]
                if not has:
                    wholes.setdefault(key, []).append((s, e, x))
                elif len(has) == 1 and key.count(has[0]) == 1:
                    groups[has[0]].setdefault(key.replace(has[0], "", 1), []).append((s, e, x))
            for key, ws in wholes.items():
                gp, gq = groups[p].get(key, []), groups[q].get(key, [])
                if len(ws) != 1 or len(gp) != 1 or len(gq) != 1:
                    continue
                (s, e, x), xa, xb = ws[0], gp[0][2], gq[0][2]
                w, a, b = float(x), float(xa), float(xb)
                h = half_unit(x, value=False) + max(half_unit(xa, value=False), half_unit(xb, value=False)) + self.slack
                if min(a, b) - h <= w <= max(a, b) + h:
                    continue
                out.append(self.finding(ctx, s, e, p=p, q=q, a=xa + "%", b=xb + "%"))
        return out
