"""Rendering shared by the Markdown and Word outputs: section headings, table and figure numbers,
citation markers. `layout` walks the sections once and numbers everything; `assemble` (Markdown)
and `export.write_docx` (Word) only write its items."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable

from ..outline import Outline
from ..profile import Profile
from ..textproc import SENTENCE_END
from .references import References, finish_doc_label
from .types import Block, Sentence, SectionDraft

CN_NUM = "一二三四五六七八九十"


def heading(index: int, title: str) -> str:
    return f"{CN_NUM[index] if index < 10 else index + 1}、{title}"


def marker(nums: list[int]) -> str:
    return "[" + ",".join(str(n) for n in sorted(set(nums))) + "]" if nums else ""


def cite_text(text: str, nums: list[int]) -> str:
    """The sentence with its citation marker before the closing punctuation: “…万辆[1,3]。”"""
    m = marker(nums)
    if not m:
        return text
    return text[:-1] + m + text[-1] if text and text[-1] in SENTENCE_END else text + m


@dataclass
class Item:
    """One rendered unit: heading | para | table | figure | reference."""
    kind: str
    text: str = ""  # heading, paragraph text, caption line or reference entry
    block: Block | None = None
    section: SectionDraft | None = None
    cited: list[int] = field(default_factory=list)


def layout(sections: list[SectionDraft], number: Callable[[str], int | None]) -> list[Item]:
    """Headings, paragraphs with citation markers, and numbered table/figure captions, in order.
    `number(key)` gives a reference's number (or None); the reference section is left empty here."""
    items: list[Item] = []
    tcount = fcount = 0
    for i, sd in enumerate(sections):
        items.append(Item("heading", heading(i, sd.title), section=sd))
        if sd.id == "references":
            continue
        for b in sd.blocks:
            if b.type == "para":
                parts, cited = [], []
                for s in b.sentences:
                    t, nums = render_sentence(s, number)
                    parts.append(t)
                    cited += nums
                items.append(Item("para", "".join(parts), b, sd, cited))
            elif b.type in ("table", "figure"):
                if b.type == "table":
                    tcount += 1
                    label = f"表{tcount}"
                else:
                    fcount += 1
                    label = f"图{fcount}"
                n = number(f"data:{b.cite}") if b.cite else None
                text = f"{label} {b.caption}" + (f"（数据来源：[{n}]）" if n else "")
                items.append(Item(b.type, text, b, sd, [n] if n else []))
    return items


def render_sentence(s: Sentence, number: Callable[[str], int | None]) -> tuple[str, list[int]]:
    nums = [n for n in (number(k) for k in s.cites) if n]
    return cite_text(s.text, nums), nums


def byline(templates: dict, profile: Profile, year: int) -> str:
    """“编制单位：…　编制日期：YYYY年M月”: this month when drafting in the first quarter of the report
    year, otherwise March (the notice asks for publication within the first quarter)."""
    today = time.localtime()
    date = f"{year}年{today.tm_mon}月" if today.tm_year == year and today.tm_mon <= 3 else f"{year}年3月"
    return templates.get("byline", "").format(compiler=compiler(templates, profile), date=date)


def compiler(templates: dict, profile: Profile) -> str:
    """The compiling body: the community's own name when the profile gives it."""
    if profile.community:
        return profile.community + "工作专班"
    return templates["compiler"].format(industry=profile.industry)


def assemble(title: str, sections: list[SectionDraft], outline: Outline, refs: References,
             figure_prefix: str = "", subtitle: str = "") -> str:
    """Render the Markdown; numbers references, tables and figures; fills SectionDraft.text."""
    out = [f"# {title}", ""] + ([subtitle, ""] if subtitle else [])
    bodies: dict[str, list[str]] = {}
    cites: dict[str, list[int]] = {}
    order: list[SectionDraft] = []
    for it in layout(sections, refs.number):
        sd = it.section
        if it.kind == "heading":
            order.append(sd)
            bodies[sd.id], cites[sd.id] = [], []
            continue
        body = bodies[sd.id]
        cites[sd.id] += it.cited
        if it.kind == "para":
            body += [it.text, ""]
        elif it.kind == "table":
            b = it.block
            body += [it.text, "", "| " + " | ".join(b.headers) + " |", "|" + "---|" * len(b.headers)]
            body += ["| " + " | ".join(str(c).replace("|", "/") for c in r) + " |" for r in b.rows]
            body.append("")
        elif it.kind == "figure":
            body += [f"![{it.text.split('（数据来源')[0]}]({figure_prefix}{it.block.path})", "", it.text, ""]
    for sd in order:
        sd.text = "\n".join(bodies[sd.id]).strip()
        sd.citations = sorted(set(cites[sd.id]))
    lines = []
    for i, r in enumerate(refs.listing(), 1):
        if r.kind == "document":
            finish_doc_label(r)
        lines.append(f"[{i}] {r.label}")
    for sd in order:
        if sd.id == "references":
            sd.text = "\n".join(lines) if lines else "（本报告未引用外部来源）"
            sd.citations = list(range(1, len(lines) + 1))
            bodies[sd.id] = [sd.text.replace("\n", "\n\n") if lines else sd.text, ""]
    for i, sd in enumerate(order):
        out += [f"## {heading(i, sd.title)}", ""] + bodies[sd.id]
    return "\n".join(out).rstrip() + "\n"
