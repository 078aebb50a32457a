"""Rendering the composed 年度总结报告: numbered references (workbook sheets and knowledge-base sources),
Markdown, and the official Word layout through assistant/draft/export.py's building blocks."""
from __future__ import annotations

from pathlib import Path

from .compose import Part, Sent
from .indicators import Indicators
from .schema import load_schema

SENT_END = "。！？"


class References:
    """Numbers references in order of first citation: workbook sheets (this year's and last year's)
    and knowledge-base sources."""

    def __init__(self, res: Indicators, doc_refs: dict[str, dict], tpl: dict):
        self.order: list[str] = []
        self.labels: dict[str, str] = {}
        for spec in load_schema().sheets:
            self.labels[f"data:{spec.id}"] = tpl["data_reference"].format(
                file=Path(res.data_file).name, sheet=spec.name, year=res.year)
            if res.previous_file:
                self.labels[f"data:prev:{spec.id}"] = tpl["data_reference"].format(
                    file=Path(res.previous_file).name, sheet=spec.name, year=res.previous_year)
        for source, r in doc_refs.items():
            bits = [r["title"], source]
            if r["pages"]:
                bits.append("第" + "、".join(str(p) for p in sorted(r["pages"])) + "页")
            if r["year"]:
                bits.append(f"{r['year']}年")
            self.labels[f"src:{source}"] = "，".join(bits)

    def numbers(self, keys: list[str]) -> list[int]:
        out = []
        for k in keys:
            if k not in self.labels:
                continue
            if k not in self.order:
                self.order.append(k)
            out.append(self.order.index(k) + 1)
        return sorted(set(out))

    def listing(self) -> list[str]:
        return [f"[{i}] {self.labels[k]}" for i, k in enumerate(self.order, 1)]


def _marked(s: Sent, refs: References) -> str:
    nums = refs.numbers(s.cites)
    if not nums:
        return s.text
    m = "[" + ",".join(map(str, nums)) + "]"
    return s.text[:-1] + m + s.text[-1] if s.text and s.text[-1] in SENT_END else s.text + m


def render(title: str, byline: str, parts: list[Part], refs: References, figure_prefix: str = "") -> tuple[str, list]:
    """Markdown of the whole report, and the same content as resolved blocks for the DOCX writer."""
    md = [f"# {title}", "", byline, ""]
    blocks: list[tuple] = []
    tables = figures = 0
    for p in parts:
        if p.kind in ("h1", "h2"):
            md += [("## " if p.kind == "h1" else "### ") + p.text, ""]
            blocks.append((p.kind, p.text))
        elif p.kind == "para":
            text = "".join(_marked(s, refs) for s in p.sentences)
            if text:
                md += [text, ""]
                blocks.append(("para", text))
        elif p.kind == "table":
            tables += 1
            nums = refs.numbers(p.cites)
            cap = f"表{tables} {p.text}" + (f"（数据来源：[{','.join(map(str, nums))}]）" if nums else "")
            md += [cap, "", "| " + " | ".join(p.headers) + " |", "|" + "---|" * len(p.headers)]
            md += ["| " + " | ".join(str(c).replace("|", "/") for c in r) + " |" for r in p.rows] + [""]
            blocks.append(("table", cap, p.headers, p.rows))
        elif p.kind == "figure":
            figures += 1
            nums = refs.numbers(p.cites)
            cap = f"图{figures} {p.text}" + (f"（数据来源：[{','.join(map(str, nums))}]）" if nums else "")
            md += [f"![{cap}]({figure_prefix}{p.path})", "", cap, ""]
            blocks.append(("figure", cap, p.path))
    return "\n".join(md), blocks


def write_docx(title: str, byline: str, blocks: list, references: list[str], out: Path, run_dir: Path) -> Path:
    """The official layout of the other reports, through assistant/draft/export.py's building blocks."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from ..draft import export

    doc = export.new_document()
    export.add_title(doc, title)
    export.add_body(doc, byline, indent=False)
    doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    for b in blocks:
        if b[0] == "h1":
            export.add_heading(doc, b[1], 1)
        elif b[0] == "h2":
            export.add_heading(doc, b[1], 2)
        elif b[0] == "para":
            export.add_body(doc, b[1])
        elif b[0] == "table":
            export.add_caption(doc, b[1])
            export.add_table(doc, b[2], b[3])
        elif b[0] == "figure":
            if (run_dir / b[2]).is_file():
                export.add_picture(doc, run_dir / b[2])
            export.add_caption(doc, b[1])
    if references:
        export.add_heading(doc, "参考来源", 1)
    for line in references:
        export.add_body(doc, line, indent=False)
    out.parent.mkdir(parents=True, exist_ok=True)
    doc.save(out)
    return out

