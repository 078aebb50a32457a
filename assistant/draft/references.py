"""References: data references for computed figures, document references for evidence, numbered in
order of first citation across the assembled report."""
from __future__ import annotations

import json
import re
from pathlib import Path

from ..config import CORPUS_DIR
from ..textproc import name_as_read
from .types import Reference


class References:
    """Numbers references in order of first citation across the assembled report."""

    def __init__(self, docs: dict[str, Reference], data: dict[str, Reference]):
        self.by_key = {**docs, **{r.key: r for r in data.values()}}
        self.order: list[str] = []

    def number(self, key: str) -> int | None:
        if key not in self.by_key:
            return None
        if key not in self.order:
            self.order.append(key)
        return self.order.index(key) + 1

    def listing(self) -> list[Reference]:
        return [self.by_key[k] for k in self.order]


def is_sample(path: Path) -> bool:
    """A bundled sample's data file (synthetic: labelled as such in the reference)."""
    try:
        path.resolve().relative_to(CORPUS_DIR.resolve())
        return True
    except ValueError:
        return False


def data_ref(key: str, label: str, path: Path | None, year: int | None, source: str | None = None) -> Reference:
    src = source or (path.name if path else "")
    tag = "，合成样例" if path is not None and is_sample(path) else ""
    yr = f"，{year}" if year else ""
    return Reference(key=f"data:{key}", label=f"{label}（{src}{yr}{tag}）", source=src, title=label,
                     year=year, kind="data")


def clean_title(title: str | None, source: str) -> str:
    """A readable document title: drop “发布时间：…” tails and a digit run into its end (…新动能1); numbered
    headings (一、… / （一）…) fall back to the file name."""
    t = re.sub(r"[，,；;\s]*(数据)?(来源|发布时间|发布日期)[：:][^（）()]*(?=[）)])", "", (title or "").strip())
    t = re.sub(r"[（(]\s*[）)]", "", t)  # a bracket that held only the source
    t = re.sub(r"\s*(发布时间|发布日期|来源)[：:].*$", "", t)
    t = re.sub(r"(?<=[\u4e00-\u9fff”」])(?<!第)\d$", "", t)  # a page's footnote or column number run into the title
    if not t or re.match(r"^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[\.、]|第.+[章节]|\d{4}(-\d{4})?_)",
                         t) or len(t) > 48:
        base = t if re.match(r"^\d{4}(-\d{4})?_", t) else name_as_read(Path(source).stem, title)  # as ingest read it
        stem = re.sub(r"^\d{4}(-\d{4})?_", "", base)
        parts = stem.split("_")  # <year>_<publisher>_<title>: the title, not the publisher run into it
        t = parts[1] if len(parts) == 2 and len(parts[1]) >= 4 else stem.replace("_", "")
    if t.startswith("《") and t.endswith("》") and t.count("《") == 1:
        t = t[1:-1]
    return t


def attr_title(hit: dict) -> str:
    """The title in book-title marks; a title quoting another (《规划》要点解读) nests as 《〈规划〉要点解读》."""
    t = clean_title(hit.get("title"), hit["source"])
    return "《" + t.replace("《", "〈").replace("》", "〉") + "》"


def doc_reference(hit: dict) -> Reference:
    return Reference(key=f"src:{hit['source']}", label="", source=hit["source"], title=hit.get("title") or "",
                     year=hit.get("year"), kind="document")


def finish_doc_label(ref: Reference) -> None:
    t = clean_title(ref.title, ref.source)
    parts = [t if "《" in t else f"《{t}》", ref.source]
    if ref.pages:
        parts.append("第" + "、".join(str(p) for p in sorted(set(ref.pages))) + "页")
    if ref.year:
        parts.append(f"{ref.year}年")
    ref.label = "，".join(parts)


def doc_refs_from_run(run_dir: Path) -> dict[str, Reference]:
    """Document references (with pages and cited text) from every section's evidence file."""
    refs: dict[str, Reference] = {}
    for f in sorted((run_dir / "evidence").glob("*.json")):
        ev = json.loads(f.read_text(encoding="utf-8"))
        sd_file = run_dir / "sections" / f.name
        used_ids = set()
        if sd_file.is_file():
            sd = json.loads(sd_file.read_text(encoding="utf-8"))
            used_ids = {s.get("evidence_id") for b in sd["blocks"] for s in b.get("sentences", [])}
        for h in ev["hits"]:
            if h["chunk_id"] not in used_ids:
                continue
            key = f"src:{h['source']}"
            r = refs.setdefault(key, doc_reference(h))
            if not r.text:  # the title belongs to the source (connectives quote it)
                r.text = clean_title(h.get("title"), h["source"])
            if h.get("page") and h["page"] > 0:
                r.pages.append(int(h["page"]))
            if h.get("year") and (not r.year or h["year"] > r.year):
                r.year = h["year"]
            r.text += "\n" + h["text"]
    return refs
