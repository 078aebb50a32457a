"""`--index`: a sentence that cites a knowledge-base source ([n] with a reference-list entry, or 据《title》 /
《title》显示) must not carry a figure that source does not contain. Works on any report, not only drafted ones:
references are read from the report's own list ([1] …, 1. …) and matched to the knowledge base's titles and
file names."""
from __future__ import annotations

import re
from pathlib import Path

from ..safe_regex import compile_user
from .figures import find_figures, num_digits
from .rules import Rule, kind

REF_LINE = re.compile(r"^\s*[\[［]\s*(\d{1,3})\s*[\]］]\s*(\S.{3,})$")
CITE = re.compile(r"[\[［]\s*(\d{1,3}(?:\s*[,，\-–]\s*\d{1,3})*)\s*[\]］]")
NAMED = re.compile(r"《([^》]{2,60})》")


def _norm(s: str) -> str:
    return re.sub(r"[\s《》“”\"'（）()\[\]［］:：,，.。_\-—]", "", s or "").lower()


def _cited_numbers(spec: str) -> list[int]:
    out: list[int] = []
    for part in re.split(r"[,，]", spec):
        a, _, b = re.sub(r"\s", "", part).replace("–", "-").partition("-")
        if a.isdigit():
            out.extend(range(int(a), int(b) + 1) if b.isdigit() and int(b) - int(a) < 20 else [int(a)])
    return out


def _number_forms(fig) -> list[str]:
    """How a figure's number can be written in a source (1286.6, 1,286.6; 12.5万 ↔ 125000)."""
    raw = fig.text
    num = num_digits(raw)
    forms = {num}
    if "." in num:
        forms.add(num.rstrip("0").rstrip("."))
    try:
        v = float(num)
        if v >= 1000 and "." not in num:
            forms.add(f"{int(v):,}")
    except ValueError:
        pass
    return [f for f in forms if f]


def _holds(body: str, number: str) -> bool:
    """Is `number` written in `body` as a number of its own (12 is not in 128.4 or 1288.8)?"""
    return re.search(r"(?<![\d.,])" + re.escape(number) + r"(?![\d]|[.,]\d)", body) is not None


_SOURCE_NUM = re.compile(r"(?<![\d.])\d+(?:,\d{3})*(?:\.\d+)?")
_PERCENT_UNITS = ("%", "％")
_POINT_UNITS = ("个百分点", "百分点")
DERIVED_UNITS = (*_PERCENT_UNITS, *_POINT_UNITS, "倍")


def _source_values(body: str, near: list[float], limit: int = 400) -> list[float]:
    """The source's numbers of the same order as `near` (the quantities the sentence states): within a
    factor of 20 of one of them (a share of a total ten times larger). Years are not quantities."""
    vals = []
    for m in _SOURCE_NUM.finditer(body):
        v = float(m.group().replace(",", ""))
        if v <= 0 or (1900 <= v <= 2100 and "." not in m.group()):
            continue
        if any(x / 20 <= v <= x * 20 for x in near):
            vals.append(v)
    return list(dict.fromkeys(vals))[:limit]


def derivable(fig, stated: list[float], source: list[float], sentence: str = "") -> bool:
    """Can a percentage, a change in points or a multiple be computed from a quantity the sentence
    states and another one of the sentence or of the cited source (growth, share, difference, ratio;
    average annual growth only where the sentence says 年均), within the rounding of the figure as
    written? A report may state what it computed from the source it cites; any other figure must be
    in the source as written."""
    num = num_digits(fig.text)
    decimals = len(num.split(".")[1]) if "." in num else 0
    tol = 0.5 * 10 ** -decimals + 1e-9
    v, unit = fig.value, fig.unit
    yearly = "年均" in sentence
    for a in stated:
        for b in [*stated, *source]:
            if a == b:
                continue
            for x, y in ((a, b), (b, a)):
                r = x / y
                if unit in _POINT_UNITS:
                    if abs(abs(x - y) - v) <= tol:
                        return True
                elif unit == "倍":
                    if abs(r - v) <= tol or abs(r - 1 - v) <= tol:
                        return True
                elif unit in _PERCENT_UNITS:
                    if abs(r * 100 - v) <= tol or abs(abs(r - 1) * 100 - v) <= tol:
                        return True
                    if yearly and any(abs(abs(r ** (1 / n) - 1) * 100 - v) <= tol for n in range(2, 11)):
                        return True
    return False


@kind("kb_citation")
class KBCitation(Rule):
    """With --index: a figure in a sentence citing a knowledge-base source that the source does not contain."""
    extra_keys = {"top_k", "min_match", "computed_cues"}

    def setup(self):
        self.top_k = int(self.spec.get("top_k", 20))
        self.min_match = float(self.spec.get("min_match", 85))
        cues = self.spec.get("computed_cues")
        self.computed = compile_user(cues, where=f"{self.id}.computed_cues") if cues else None

    def _sources(self, ctx) -> list[tuple[str, str]]:
        try:
            return [(s.source, s.title or "") for s in ctx.kb.sources()]
        except Exception as e:  # noqa: BLE001 - a broken index must not kill the check
            ctx.extra.setdefault("warnings", []).append(f"知识库来源列表读取失败：{e}")
            return []

    def _match(self, name: str, sources) -> tuple[str, str] | None:
        from rapidfuzz import fuzz

        n = _norm(name)
        if len(n) < 2:
            return None
        best, best_key = None, (0.0, 0)
        for src, title in sources:
            for cand in (_norm(title), _norm(Path(src).stem)):
                if len(cand) < 4:  # 产销、signals: too short to identify a document
                    continue
                sc = 100.0 if (cand in n or n in cand) else fuzz.partial_ratio(n, cand)
                if (sc, len(cand)) > best_key:
                    best, best_key = (src, title or Path(src).stem), (sc, len(cand))
        return best if best_key[0] >= self.min_match else None

    def _references(self, ctx, sources) -> dict[int, tuple[str, str]]:
        refs = {}
        for p in ctx.doc.paragraphs:
            m = REF_LINE.match(p.text)
            if m:
                hit = self._match(m.group(2), sources)
                if hit:
                    refs[int(m.group(1))] = hit
        return refs

    def _source_text(self, ctx, src: str, query: str) -> str | None:
        key = ("kbtext", src, query)
        if key not in ctx._cache:
            try:
                try:
                    hits = ctx.kb.search(query, top_k=self.top_k, sources=[src], mode="keyword")
                except TypeError:  # a knowledge base without search modes
                    hits = ctx.kb.search(query, top_k=self.top_k, year_min=None, year_max=None, sources=[src])
                ctx._cache[key] = "\n".join(h.text for h in hits if h.source == src)
            except Exception as e:  # noqa: BLE001
                ctx.extra.setdefault("warnings", []).append(f"知识库检索失败：{e}")
                ctx._cache[key] = None
        return ctx._cache[key]

    def check(self, ctx):
        if ctx.kb is None:
            return []
        sources = self._sources(ctx)
        if not sources:
            return []
        refs = self._references(ctx, sources)
        text, out = ctx.text, []
        for ss, se, sent in ctx.body_sentences():
            if REF_LINE.match(sent):
                continue
            cited = [refs[n] for m in CITE.finditer(sent) for n in _cited_numbers(m.group(1)) if n in refs]
            cited += [hit for m in NAMED.finditer(sent) for hit in [self._match(m.group(1), sources)] if hit]
            figs = [f for f in find_figures(text, ss, se) if not re.match(r"20\d\d$", f.text)]
            if not cited or not figs or (self.computed is not None and self.computed.search(sent)):
                continue
            query = re.sub(r"[\[［]\d+[\]］]", "", sent)
            bodies = [(s, t, self._source_text(ctx, s, query)) for s, t in dict.fromkeys(cited)]
            bodies = [(s, t, b) for s, t, b in bodies if b is not None]
            if not bodies:
                continue
            stated = [f.value for f in figs if f.unit not in DERIVED_UNITS]
            points = [f.value for f in figs if f.unit in _PERCENT_UNITS]
            joined = "\n".join(b for *_, b in bodies)
            for f in figs:
                if not any(_holds(b, form) for _, _, b in bodies for form in _number_forms(f)):
                    if f.unit in DERIVED_UNITS:
                        base = points if f.unit in _POINT_UNITS else stated
                        if base and derivable(f, base, _source_values(joined, base), sent):
                            continue
                    names = "、".join(f"《{t}》" for _, t, _ in bodies)
                    out.append(self.finding(ctx, f.start, f.end, source=names))
        return out
