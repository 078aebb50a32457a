"""Consistency kinds for change stated in words (round 20): two statements of one metric's change that contradict
each other (持平 / 略有下降, 增长 / 下降), a from–to change whose verb goes against its two values (从A减少到B, B > A),
a trend word (逐年增加, 持续下降) against the year-by-year values given in its paragraph. (The table's 同比(%) column check
moved to kinds_tables in round 22.) The metric, year and period of a
statement are read with consistency.metric_before / year_before / period_before; no metric or word list in code (the
words are the rule's data)."""
from __future__ import annotations

import re

from .consistency import CHANGE, CHANGE_BEFORE, metric_before, period_before, year_before
from .figures import NUM as _NUM_RAW, Figure, find_figures, normalise, num_digits, years_in
from .kinds_tables import NUMBER, YEAR_CELL, cells as table_cells, find_cell
from .rules import Rule, kind

NUM = f"(?:{_NUM_RAW})"  # figures.NUM is an alternation: grouped before it is embedded
_DOWN_VERB = re.compile(r"下降|减少|降低|回落|下滑|降")  # the falling verbs of consistency.CHANGE
_CN_NUM = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _alt(words) -> str:
    return "|".join(sorted(map(re.escape, words or []), key=len, reverse=True))


def _count(txt: str) -> int:
    return int(txt) if txt.isdigit() else _CN_NUM.get(txt, 0)


class _WordsRule(Rule):
    """Shared set-up: the words of each direction and the words that make a statement not a report of a change."""
    extra_keys = {"up", "down", "flat", "skip", "compare", "adverbs", "scope_prefix", "window"}

    def setup(self):
        self.up, self.down, self.flat = (_alt(self.spec.get(k)) for k in ("up", "down", "flat"))
        self.skip = re.compile("|".join(self.spec.get("skip") or ["预计"]))
        self.scope = re.compile(self.spec.get("scope_prefix") or "^$")
        self.window = int(self.spec.get("window", 600))

    def direction(self, word: str) -> str:
        for name, alt in (("flat", self.flat), ("up", self.up), ("down", self.down)):
            if alt and re.fullmatch(alt, word):
                return name
        return ""

    def metric(self, text: str, pos: int, keep: int = 8) -> str:
        m = metric_before(text, pos, keep=keep + 4)
        return self.scope.sub("", m)[-keep:]

    def skipped(self, text: str, pos: int) -> bool:
        """A forecast, a negation, a condition or a turn (由降转升) in the statement's sentence before it."""
        s = max(text.rfind(c, 0, pos) for c in "。；！？\n") + 1
        return bool(self.skip.search(text[s:pos + 2]))


def _same_time(a, b) -> bool:
    """One year (or period) for two statements: equal, or one of them unstated (None)."""
    return a is None or b is None or a == b


@kind("direction_words")
class DirectionWords(_WordsRule):
    """Two statements of one metric's change, for one subject, year, period and basis (同比 / 环比), near each other,
    that go different ways: one says 持平 or 基本稳定, the other 略有下降 or 增长x%; or one says 增长, the other 下降. The
    metric is the noun phrase before the statement, or, for a statement that opens its clause (……812万吨，同比增长3.4%),
    the metric of the figure that ends the clause before. Also a from–to change (从A减少到B) whose verb goes against
    the two values."""
    extra_keys = _WordsRule.extra_keys | {"chain_basis", "whole_year", "from_to_message", "part_words", "basis_words",
                                          "compare_tail", "compare_head", "min_metric", "from_to_skip", "fixed_basis",
                                          "metric_chars", "measure_basis"}

    def setup(self):
        super().setup()
        cmp = "|".join(self.spec.get("compare") or ["同比", "环比"])
        adv = _alt(self.spec.get("adverbs"))
        self.chain = re.compile(self.spec.get("chain_basis") or "环比")
        self.from_to_skip = re.compile(self.spec.get("from_to_skip") or "排名|名次|第")
        self.whole_year = re.compile(self.spec.get("whole_year") or "全年")
        self.part = re.compile(self.spec.get("part_words") or "其中|分别")
        self.fixed = re.compile(self.spec.get("fixed_basis") or r"(?:比|较|与)\s*(?:19|20)\d\d\s*年|年均")
        self.basis = re.compile(cmp + "|" + (self.spec.get("basis_words") or "上月|上季度") + "|" + self.fixed.pattern)
        self.compare_tail = re.compile(r"(?:" + (self.spec.get("compare_tail") or "较|与|同") + r")+$")
        self.compare_in = re.compile(r"^(?:" + (self.spec.get("compare_head") or "较|与|比") + ")")
        self.min_metric = int(self.spec.get("min_metric", 4))
        self.keep = int(self.spec.get("metric_chars", 16))  # the whole name with its subject (铜矿砂…/铝矿砂…进口量)
        # a basis clause (以人民币计, 按可比口径计算) names the measure, not the metric (round 30)
        self.measure = re.compile(self.spec.get("measure_basis") or r"(?!x)x")
        words = "|".join(a for a in (self.flat, self.up, self.down) if a)
        self.rx = re.compile(rf"(?P<cmp>(?:{cmp})\s*)?(?P<adv>(?:{adv})\s*)?(?P<w>{words})"
                             rf"(?P<fig>了?\s*(?:为|达)?\s*{NUM}\s*(?:[%％]|个?百分点|[\u4e00-\u9fa5]{{0,3}}?))?"
                             r"(?=$|[，。；,;：、！？）)\n])")
        year = r"(?:(?:19|20)\d\d\s*年(?:底|末)?的?)?"
        self.from_to = re.compile(rf"(?:从|由)\s*{year}\s*(?P<a>{NUM})\s*(?P<ua>[^\d\s，。；,;]{{0,4}}?)\s*"
                                  rf"(?P<v>{CHANGE})(?:到|至)\s*(?:(?:19|20)\d\d\s*年(?:底|末)?的?)?\s*(?P<b>{NUM})\s*"
                                  r"(?P<ub>[^\d\s，。；,;]{0,4}?)(?=$|[，。；,;、）)\n])")

    def time_at(self, ctx, pos: int, back: int = 4) -> tuple:
        """(year, period) a statement refers to: what its sentence states before it (a year alone is the whole year),
        else what the nearest sentence before it states (up to `back` sentences: 一季度……持平。分货类看，……略有下降);
        (None, None) when no time is stated — then it matches any."""
        text = ctx.text
        for _ in range(back + 1):
            ss, _se = ctx.doc.sentence_at(pos)
            year = year_before(text, pos)
            period = period_before(text, pos, sentence=True)
            if year is not None or period or self.whole_year.search(text[ss:pos]):
                return year, period or "全年"
            if ss <= 0:
                break
            pos = ss - 1
        return None, None

    def statements(self, ctx):
        text, out = ctx.text, []
        for ss, se, sent in ctx.body_sentences():
            found = []
            for m in self.rx.finditer(sent):
                pos = ss + m.start()
                d = self.direction(m.group("w"))
                if not d or self.skipped(text, pos) or self.part.search(sent[:m.start()]):
                    continue  # 其中、分别: a part or several subjects, not the metric as a whole
                clause = max(text.rfind(c, ss, pos) for c in "，,；;：") + 1
                head = text[max(clause, ss):pos].strip()
                if not head:  # ……812万吨，同比增长3.4%: the metric of the figure that ends the clause before
                    figs = [f for f in find_figures(text, ss, clause) if not f.is_percent and f.end >= clause - 2]
                    if not figs:
                        continue
                    metric = self.metric(text, figs[-1].start, keep=self.keep)
                elif re.search(r"[\d%％]", head[-6:]):
                    continue  # a figure before the word in its clause (达到50%以上增长): not a plain statement
                else:
                    metric = self.metric(text, pos, keep=self.keep)
                metric = self.compare_tail.sub("", self.measure.sub("", metric))
                if len(metric) < self.min_metric or self.compare_in.search(metric):
                    continue  # 较去年同期产量增加: the subject is in the clause before, not read here
                # the measure: the last basis clause of the sentence before the statement, outside a closed
                # parenthesis (以美元计 … （以人民币计…）; 按可比口径计算，…): two measures of one change may differ
                # in sign, so statements on different bases are not compared (round 30)
                open_text = re.sub(r"[（(][^（()）]*[）)]", "", sent[:m.start()])
                bases_m = list(self.measure.finditer(open_text))
                measure = re.sub(r"\s", "", bases_m[-1].group()) if bases_m else ""
                # the basis: the last comparison named in the sentence up to the statement (与上季度相比，……增加了…)
                bases = list(self.basis.finditer(sent[:m.end("cmp") if m.group("cmp") else m.start()]))
                last = bases[-1].group() if bases else ""
                # 环比 / 比2019年、年均 (a basis of its own, named as written) / 同比 and no basis named
                basis = "chain" if self.chain.search(last) else (
                    re.sub(r"\s", "", last) if self.fixed.fullmatch(last) else "year")
                year, period = self.time_at(ctx, pos)
                found.append(dict(metric=metric, dir=d, basis=basis, measure=measure, start=pos, end=ss + m.end(),
                                  word=text[pos:ss + m.end()].strip(), year=year, period=period,
                                  para=ctx.doc.paragraph_at(pos)))
            # one metric stated twice in one sentence is a list over subjects (一线城市……指数下降；二线城市……指数回升)
            names = [f["metric"] for f in found]
            out.extend(f for f in found if names.count(f["metric"]) == 1)
        return out

    def check(self, ctx):
        out, stated = [], self.statements(ctx)
        for i, s in enumerate(stated):
            for f in stated[:i]:
                if (f["metric"] != s["metric"] or f["dir"] == s["dir"] or f["basis"] != s["basis"]
                        or f["measure"] != s["measure"]
                        or not _same_time(f["year"], s["year"]) or not _same_time(f["period"], s["period"])
                        or s["start"] - f["end"] > self.window):
                    continue
                if f["para"] is s["para"] and ctx.doc.sentence_at(f["start"]) == ctx.doc.sentence_at(s["start"]):
                    continue  # one sentence: 由持平转为增长, 环比增长而同比下降 are read as one statement
                out.append(self.finding(ctx, s["start"], s["end"], metric=s["metric"], first=f["word"],
                                        first_line=ctx.doc.line_of(f["start"])))
                break
        out.extend(self._from_to(ctx))
        return out

    def _from_to(self, ctx):
        text, out = ctx.text, []
        for m in self.from_to.finditer(text):
            if not ctx.is_body(m.start()) or self.skipped(text, m.start()):
                continue
            clause = text[max(text.rfind(c, 0, m.start()) for c in "，。；,;\n") + 1:m.end()]
            if self.from_to_skip.search(clause) or any(re.search(r"[-－−负]\s*$", text[max(0, m.start(g) - 3):m.start(g)])
                                                           for g in ("a", "b")):
                continue  # a rank (排名从15上升到8) or a negative value (从-2.1%提高到1.5%): the number is not the amount
            d = "down" if _DOWN_VERB.fullmatch(m.group("v")) else "up"
            a, fa = normalise(float(num_digits(m.group("a"))), m.group("ua") or m.group("ub"))
            b, fb = normalise(float(num_digits(m.group("b"))), m.group("ub"))
            if fa != fb or a == b or (b > a) == (d == "up"):
                continue
            out.append(self.finding(ctx, m.start("v"), m.end(), self.spec.get("from_to_message"), verb=m.group("v"),
                                    a=m.group("a") + m.group("ua"), b=m.group("b") + m.group("ub"),
                                    actual="增加" if b > a else "减少"))
        return out


_SPAN = re.compile(r"(?P<y1>(?:19|20)\d\d)\s*年?\s*(?:[—–\-~～]|至|到)\s*(?P<y2>(?:19|20)\d\d)\s*年")
_RECENT = re.compile(r"(?:近|连续|最近|过去)\s*(?P<n>\d+|[两二三四五六七八九十])\s*年|(?P<n2>\d+|[两二三四五六七八九十])\s*年来")
_SINCE = re.compile(r"(?P<y>(?:19|20)\d\d)\s*年(?:以来|起|开始)|(?P<after>此后|之后|随后)")
_LIST = re.compile(rf"分别为\s*(?P<list>{NUM}\s*[^\d\s、，。；和及与]{{0,4}}(?:\s*[、和及与]\s*{NUM}\s*[^\d\s、，。；和及与]{{0,4}})+)")
_COMPARATIVE = re.compile(r"的|小于|大于|低于|高于|少于|多于|超过|不足|有|为|达|是|约")


@kind("trend_contradicted")
class TrendContradicted(_WordsRule):
    """A trend word (逐年增加, 持续下降) for a metric, against the year-by-year values its paragraph gives: values with a
    year before them in their clause (2021年…312家), or a 分别为 list under a span of years (2020—2023年……分别为a、b、c和d),
    of one unit family, whose metric (the noun phrase before each, or the one before it when none) ends in a word of
    the trend's metric; or, when the paragraph gives none, the rows of a table right before or after it, led by a
    year, in the one column whose heading ends in a word of the trend's metric. The years are those the trend covers
    (2019—2022年、近三年、2021年以来、此后); at least `min_years` of them. Levels only: changes (增加20家、增长5%) are
    not part of a series."""
    extra_keys = _WordsRule.extra_keys | {"trend_up", "trend_down", "min_years", "table_message"}

    def setup(self):
        super().setup()
        self.trend_up, self.trend_down = _alt(self.spec.get("trend_up")), _alt(self.spec.get("trend_down"))
        self.rx = re.compile(rf"(?P<up>{self.trend_up})|(?P<down>{self.trend_down})")
        self.min_years = int(self.spec.get("min_years", 3))

    def _series(self, ctx, para, trend_metric: str) -> dict:
        """year → [(value, family, figure)] for the paragraph's level figures that belong to the trend's metric."""
        text, series, last_metric = ctx.text, {}, ""
        listed = set()
        for lm in _LIST.finditer(text, para.start, para.end):
            s = max(text.rfind(c, para.start, lm.start()) for c in "。；") + 1
            spans = list(_SPAN.finditer(text, max(s, para.start), lm.start()))
            figs = [f for f in find_figures(text, lm.start("list"), lm.end("list")) if f.unit]
            if len(spans) != 1 or not figs:
                continue
            y1, y2 = int(spans[0].group("y1")), int(spans[0].group("y2"))
            if y2 - y1 + 1 != len(figs):
                continue
            m = self.metric(text, spans[0].start(), keep=24) or self.metric(text, lm.start(), keep=24)
            for y, f in zip(range(y1, y2 + 1), figs):
                listed.add(f.start)
                series.setdefault(y, []).append((normalise(f.value, f.unit), f, m))
        for f in find_figures(text, para.start, para.end):
            if f.start in listed or not f.unit or self.skipped(text, f.start):
                continue  # (预计2030年……: a forecast is not a year's value)
            before = re.sub(r"约|近|逾|超过|共|达到?|为|了", "", text[max(para.start, f.start - 10):f.start])
            if CHANGE_BEFORE.search(before) or re.search(CHANGE + r"[^，。；\d]{0,4}$", before):
                continue  # a change (增加20家、增长5%), not a level
            clause = max(text.rfind(c, para.start, f.start) for c in "，,；;。：") + 1
            ys = years_in(text[max(clause, para.start):f.start])
            if not ys:
                continue
            m = _COMPARATIVE.sub("", self.metric(text, f.start, keep=24))
            m = re.sub(r"[和与及、]$", "", m)
            m = m or last_metric
            last_metric = m
            series.setdefault(ys[-1][0], []).append((normalise(f.value, f.unit), f, m))
        def named(v) -> bool:  # the figure's head noun (产量, 企业, 数量) is in the trend's name
            return len(v[2]) >= 2 and v[2][-2:] in trend_metric

        # a unit family some figure of which is named like the trend (新增数量……802家) takes its other figures too
        # (新成立的有624家): two values for one year then make the series ambiguous, and it is not read
        families = {v[0][1] for vals in series.values() for v in vals if named(v)}
        kept = {}
        for y, vals in series.items():
            vals = [v for v in vals if not v[2] or named(v) or v[0][1] in families]
            if vals:
                kept[y] = vals
        return kept

    def _covered(self, text: str, sent_start: int, pos: int, years: list[int]) -> list[int]:
        head = text[sent_start:pos]
        span = list(_SPAN.finditer(head))
        if span:
            y1, y2 = int(span[-1].group("y1")), int(span[-1].group("y2"))
            return [y for y in years if y1 <= y <= y2]
        recent = list(_RECENT.finditer(head))
        if recent:
            n = _count(recent[-1].group("n") or recent[-1].group("n2"))
            return years[-n:] if n else []
        since = list(_SINCE.finditer(head))
        if since:
            if since[-1].group("y"):
                return [y for y in years if y >= int(since[-1].group("y"))]
            before = years_in(head[:since[-1].start()])
            return [y for y in years if y >= before[-1][0]] if before else []
        return years

    def _table_series(self, ctx, para, trend_metric: str) -> dict:
        """year → [(value, figure, column name)] from a table right before or after the trend's paragraph (blank
        lines and one caption line between): rows led by a year, the one column whose heading's head noun (before
        its unit in brackets) is in the trend's name."""
        paras = [p for p in ctx.doc.paragraphs if ctx.text[p.start:p.end].strip()]
        idx = next((i for i, p in enumerate(paras) if p is para), None)
        if idx is None:
            return {}
        for step in (1, -1):
            rows, i, caption = [], idx + step, 0
            while 0 <= i < len(paras):
                cells = table_cells(ctx.text[paras[i].start:paras[i].end])
                line = ctx.text[paras[i].start:paras[i].end]
                if paras[i].kind == "table_row" or (len(cells) >= 3 and len(line) <= 100
                                                     and not re.search("[。，,；]", line)):
                    rows.append((paras[i], cells))
                elif rows or caption:
                    break
                else:
                    caption += 1  # 表1 ……: one caption line between the text and its table
                i += step
            if step < 0:
                rows.reverse()
            series = self._columns(ctx, rows, trend_metric)
            if series:
                return series
        return {}

    @staticmethod
    def _columns(ctx, rows, trend_metric: str) -> dict:
        if len(rows) < 2:
            return {}
        header = rows[0][1]
        names = [re.sub(r"[(（][^)）]*[)）]", "", c).strip() for c in header]
        cols = [j for j, n in enumerate(names) if j and len(n) >= 2 and n[-2:] in trend_metric]
        if len(cols) != 1:
            return {}
        j, series = cols[0], {}
        for q, cells in rows[1:]:
            year = YEAR_CELL.match(cells[0]) if cells else None
            if not year or len(cells) != len(header) or not NUMBER.match(cells[j]):
                continue
            line = ctx.text[q.start:q.end]
            at = find_cell(line, cells[j], line.find(cells[0]) + len(cells[0]))
            if at < 0:
                continue
            value = float(cells[j].replace("－", "-").replace("−", "-"))
            fig = Figure(q.start + at - len(cells[j]), q.start + at, value, "", cells[j])
            series.setdefault(int(year.group(1)), []).append(((value, "table"), fig, names[j]))
        return series

    def check(self, ctx):
        text, out = ctx.text, []
        for ss, se, sent in ctx.body_sentences():
            for m in self.rx.finditer(sent):
                pos = ss + m.start()
                if self.skipped(text, pos):
                    continue
                trend_metric = self.metric(text, pos, keep=24)
                if len(trend_metric) < 2:
                    continue
                para = ctx.doc.paragraph_at(pos)
                series, msg = self._series(ctx, para, trend_metric), None
                if not series:
                    series, msg = self._table_series(ctx, para, trend_metric), self.spec.get("table_message")
                years = self._covered(text, ss, pos, sorted(series))
                if len(years) < self.min_years or any(len(series[y]) != 1 for y in years):
                    continue  # too short, or two values for one year (two metrics): not a series
                vals = [series[y][0] for y in years]
                if len({v[0][1] for v in vals}) != 1:
                    continue
                up = bool(m.group("up"))
                for (y0, v0), (y1, v1) in zip(zip(years, vals), zip(years[1:], vals[1:])):
                    a, b = v0[0][0], v1[0][0]
                    if (up and b < a) or (not up and b > a):
                        out.append(self.finding(ctx, pos, ss + m.end(), msg, metric=trend_metric[-8:], y0=y0, y1=y1,
                                                a=v0[1].text, b=v1[1].text,
                                                actual="减少" if b < a else "增加"))
                        break
        return out
