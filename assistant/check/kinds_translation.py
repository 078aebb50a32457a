"""A figure given in Chinese and again in an English line of the same document that disagrees (round 22): 全国奶类产量
3 712万吨 in the Chinese text, "milk production was 31.71 million tons" in its English version.

No metric list: figures are paired by unit family and by order. An English line's figures (a number, an optional
thousand/million/billion, a unit word mapped to a Chinese unit family by the rule's data) are aligned in order with the
Chinese figures of the document (``figures.find_figures``, normalised to base units). A figure that matches none is
reported when its neighbours did match and exactly one unmatched Chinese figure of its family lies between (or, at
either end, right next to) its neighbours' counterparts: that figure is the one it translates. An English figure with
no such counterpart (an added remark, a unit converted: 1.5万亩 → 1,000 hectares) is not read.

Tolerance from rounding: the two values agree when they differ by no more than half a unit of the last digit of each
as written (37.1 million tons for 3 712万吨; 5.2% for 5.24%).
"""
from __future__ import annotations

import re

from .consistency import half_unit
from .figures import find_figures, normalise
from .rules import Rule, kind

_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_LATIN = re.compile(r"[A-Za-z]")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _english(line: str) -> bool:
    letters, cjk = len(_LATIN.findall(line)), len(_CJK.findall(line))
    return letters >= 20 and cjk * 4 < letters


@kind("translation_mismatch")
class TranslationMismatch(Rule):
    """See the module's docstring."""
    extra_keys = {"english_units", "currency_prefix", "same_family", "max_words"}

    def setup(self):
        self.units = {k.lower(): v for k, v in self.spec["english_units"].items()}  # the unit words are the rule's data
        self.same = self.spec.get("same_family") or {}
        words = "|".join(sorted((re.escape(k) for k in self.units if k != "%"), key=len, reverse=True))
        gap = int(self.spec.get("max_words", 2))
        prefix = self.spec.get("currency_prefix") or {}
        pre = "|".join(sorted(map(re.escape, prefix), key=len, reverse=True)) or "(?!x)x"
        self.prefix = {k.lower(): v for k, v in prefix.items()}
        self.rx = re.compile(
            rf"(?:(?P<cur>{pre})\s*)?(?<![\d.,])(?P<num>{_NUM})(?:\s*(?P<scale>thousand|million|billion|trillion)\b)?"
            rf"(?:\s*(?P<pct>%)|(?:\s+[A-Za-z-]+){{0,{gap}}}?\s+(?P<unit>{words})\b)?", re.I)

    def _family(self, unit: str) -> str:
        return self.same.get(unit, unit)

    def _english_figures(self, text, ls, le):
        out = []
        for m in self.rx.finditer(text, ls, le):
            if m.group("pct"):
                fam = "%"
            elif m.group("cur"):
                fam = self.prefix[m.group("cur").lower()]
            elif m.group("unit"):
                fam = self.units[m.group("unit").lower()]
            else:
                continue
            scale = _SCALE[m.group("scale").lower()] if m.group("scale") else 1.0
            raw = m.group("num")
            v = float(raw.replace(",", "")) * scale
            half = half_unit(raw.replace(",", ""), value=False) * scale
            out.append((m.start("num") if not m.group("cur") else m.start(), m.end(), v, half, self._family(fam)))
        return out

    def check(self, ctx):
        text, lines, pos = ctx.text, [], 0
        for line in text.split("\n"):
            lines.append((pos, pos + len(line), _english(line)))
            pos += len(line) + 1
        english = [(ls, le) for ls, le, en in lines if en]
        if not english:
            return []
        chinese = []  # (start, value, half, family, text, line start)
        for ls, le, en in lines:
            if en:
                continue
            for f in find_figures(text, ls, le):
                v, fam = normalise(f.value, f.unit)
                fam = self._family(fam)
                if not fam or fam not in self.units.values() and fam not in self.same.values():
                    continue
                scale = v / f.value if f.value else 1.0
                chinese.append((f.start, v, half_unit(f.text, value=False) * scale, fam, f.text, ls))
        out = []
        for ls, le in english:
            out += self._align(ctx, self._english_figures(text, ls, le), chinese)
        return out

    def _align(self, ctx, eng, chinese):
        matched, last, used = [], -1, set()
        for s, e, v, h, fam in eng:
            hit = next((i for i, c in enumerate(chinese) if i > last and c[3] == fam
                        and abs(c[1] - v) <= c[2] + h + 1e-9 * max(abs(v), 1)), None)
            matched.append(hit)
            if hit is not None:
                last = hit
                used.add(hit)
        out = []
        for k, (s, e, v, h, fam) in enumerate(eng):
            if matched[k] is not None:
                continue
            before = next((matched[i] for i in range(k - 1, -1, -1) if matched[i] is not None), None)
            after = next((matched[i] for i in range(k + 1, len(eng)) if matched[i] is not None), None)
            if before is None and after is None:
                continue
            if before is not None and after is not None:
                cands = [i for i in range(before + 1, after) if chinese[i][3] == fam and i not in used]
            elif after is not None:  # the first English figure: the Chinese figure of its family right before
                prev = [i for i in range(after) if chinese[i][3] == fam and chinese[i][5] == chinese[after][5]]
                cands = prev[-1:] if prev and prev[-1] not in used else []
            else:  # the last: the one right after
                nxt = [i for i in range(before + 1, len(chinese))
                       if chinese[i][3] == fam and chinese[i][5] == chinese[before][5]]
                cands = nxt[:1] if nxt and nxt[0] not in used else []
            if len(cands) != 1:
                continue
            c = chinese[cands[0]]
            out.append(self.finding(ctx, s, e, chinese=c[4], chinese_line=ctx.doc.line_of(c[0])))
        return out
