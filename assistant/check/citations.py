"""`--index`: a sentence that cites a knowledge-base source ([n] with a reference-list entry, or 据《title》 /
《title》显示) must not carry a figure that source does not contain. Works on any report, not only drafted ones:
references are read from the report's own list ([1] …, 1. …) and matched to the knowledge base's titles and
file names."""
from __future__ import annotations

import re
from pathlib import Path

from .figures import find_figures
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
    num = re.match(r"[\d,\.]+", raw).group().replace(",", "")
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


@kind("kb_citation")
class KBCitation(Rule):
    """With --index: a figure in a sentence citing a knowledge-base source that the source does not contain."""
    extra_keys = {"top_k", "min_match"}

    def setup(self):
        self.top_k = int(self.spec.get("top_k", 20))
        self.min_match = float(self.spec.get("min_match", 85))

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
        for ss, se in ctx.doc.sentences():
            if not ctx.is_body(ss) or REF_LINE.match(text[ss:se]):
                continue
            sent = text[ss:se]
            cited = [refs[n] for m in CITE.finditer(sent) for n in _cited_numbers(m.group(1)) if n in refs]
            cited += [hit for m in NAMED.finditer(sent) for hit in [self._match(m.group(1), sources)] if hit]
            figs = [f for f in find_figures(text, ss, se) if not re.match(r"20\d\d$", f.text)]
            if not cited or not figs:
                continue
            query = re.sub(r"[\[［]\d+[\]］]", "", sent)
            bodies = [(s, t, self._source_text(ctx, s, query)) for s, t in dict.fromkeys(cited)]
            bodies = [(s, t, b) for s, t, b in bodies if b is not None]
            if not bodies:
                continue
            for f in figs:
                if not any(form in b for _, _, b in bodies for form in _number_forms(f)):
                    names = "、".join(f"《{t}》" for _, t, _ in bodies)
                    out.append(self.finding(ctx, f.start, f.end, source=names))
        return out
