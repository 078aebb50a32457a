"""Composition: a section's opening, its data paragraphs (templates filled from the bindings) with
tables and charts, and its evidence paragraphs with connectives."""
from __future__ import annotations

import re
import string
from dataclasses import dataclass, field

from ..outline import Section
from ..textproc import NUMBER, SENTENCE_END, split_sentences
from .evidence import usable
from .references import attr_title
from .types import Block, Reference, SectionDraft, Sentence


@dataclass
class Context:
    """What the bindings provided for this run (merged, read-only during composition)."""
    templates: dict
    common: dict
    present: set[str]  # data flags (bindings.FLAGS) available in this run
    values: dict[str, dict] = field(default_factory=dict)  # binding -> template values
    chosen: dict[str, str | None] = field(default_factory=dict)  # binding -> template name (None: missing)
    blocks: dict[str, list[Block]] = field(default_factory=dict)
    data_refs: dict[str, Reference] = field(default_factory=dict)
    used_sentences: set[str] = field(default_factory=set)  # evidence sentences placed so far


def _applies(item: dict, present: set[str]) -> bool:
    return all(f in present for f in item.get("when", [])) and not any(f in present for f in item.get("unless", []))


def _fill(text: str, vals: dict) -> str | None:
    """The text with its values, or None when a value is absent in this run's data (the sentence is then
    left out). Placeholder names were checked against the providers when the outline was loaded."""
    names = [f for _, f, _, _ in string.Formatter().parse(text) if f]
    if any(vals.get(n) is None for n in names):
        return None
    return text.format(**vals)


def _sentence(item: dict, vals: dict, ctx: Context) -> Sentence | None:
    text = _fill(item["text"], vals)
    if not text:
        return None
    cite = item.get("cite") or []
    cites = [cite] if isinstance(cite, str) else list(cite)
    keys = [f"data:{c}" for c in cites if c in ctx.data_refs]
    has_num = bool(NUMBER.search(text))
    if len(keys) < len(cites) or (not keys and has_num):
        if has_num:
            return None  # a figure whose data reference is missing, or an uncited figure
        keys = []
    text = text if text[-1] in SENTENCE_END else text + "。"
    return Sentence(text=text, cites=keys, kind="data" if keys else "frame")


def template_blocks(binding: str, ctx: Context) -> list[Block]:
    """The binding's paragraphs: its chosen template's sentences that apply to the data present, or the
    `missing:` note when the binding had no data."""
    if binding not in ctx.chosen:
        return []
    name = ctx.chosen[binding]
    vals = {**ctx.common, **ctx.values.get(binding, {})}
    if name is None:
        note = ctx.templates.get("missing", {}).get(binding)
        return [Block(type="para", sentences=[Sentence(text=note.format(**ctx.common), kind="frame")])] if note else []
    blocks = []
    for para in ctx.templates["bindings"].get(name, []):
        sents = [s for item in para if _applies(item, ctx.present) for s in [_sentence(item, vals, ctx)] if s]
        if sents:
            blocks.append(Block(type="para", sentences=sents))
    return blocks


def opener(section: Section, ctx: Context) -> Sentence:
    """The section's first sentence: a data-dependent opener when the templates give one, else its purpose
    (digits spelled out: an uncited frame sentence states no figures)."""
    for item in ctx.templates.get("section_openers", {}).get(section.id, []):
        if _applies(item, ctx.present):
            return Sentence(text=item["text"], kind="frame")
    purpose = re.sub(r"\d", lambda m: "〇一二三四五六七八九"[int(m.group())], section.purpose.rstrip("。"))
    purpose = re.sub(r"([一二三四五六七八九])—([一二三四五六七八九])", r"\1至\2", purpose)
    return Sentence(text=ctx.templates["openers"]["default"].format(purpose=purpose + "。"), kind="frame")


def _evidence_paragraphs(evidence: list[dict], tpl: dict) -> list[Block]:
    paras: list[Block] = []
    prev_source, cur_q = None, None
    for c in evidence:
        h, s = c["hit"], c["text"]
        attributed = any(s.startswith(a) for a in tpl["attributed_starts"])
        if c["query_index"] != cur_q:
            paras.append(Block(type="para"))
            cur_q = c["query_index"]
            if not attributed:
                s = tpl["connectives"]["first"].format(title=attr_title(h)) + s
        elif h["source"] != prev_source:
            if not attributed:
                s = tpl["connectives"]["new_source"].format(title=attr_title(h)) + s
        else:
            same = tpl["connectives"]["same_source"]
            conn = same[len(paras[-1].sentences) % len(same)]
            if conn and not attributed and not re.match(r"^(同时|此外|另外|与此同时)", s):
                s = conn + s
        prev_source = h["source"]
        paras[-1].sentences.append(Sentence(text=s, cites=[f"src:{h['source']}"], kind="evidence",
                                            evidence_id=h["chunk_id"]))
    # Merge one-sentence topic paragraphs so the text does not read as a list of snippets.
    merged: list[Block] = []
    for p in paras:
        if merged and (len(p.sentences) == 1 or len(merged[-1].sentences) == 1) and len(merged[-1].sentences) < 4:
            merged[-1].sentences += p.sentences
        else:
            merged.append(p)
    return merged


def data_blocks(section: Section, ctx: Context) -> list[Block]:
    out: list[Block] = []
    for b in section.data:
        out += template_blocks(b, ctx)
        out += ctx.blocks.get(b, [])
    return out


def compose_section(section: Section, ctx: Context, evidence: list[dict]) -> SectionDraft:
    """Deterministic composition: opening, computed-figure paragraphs with tables/charts, then
    evidence paragraphs with connectives, one paragraph per retrieval topic."""
    sd = SectionDraft(id=section.id, title=section.title)
    data = data_blocks(section, ctx)
    merged = _evidence_paragraphs(evidence, ctx.templates)
    recs = any(b.startswith("recommendation") for b in section.data)
    # Recommendations read better with the evidence (policy basis) first.
    blocks = merged + data if recs else data + merged
    first = opener(section, ctx)
    if blocks and blocks[0].type == "para":
        blocks[0].sentences.insert(0, first)
    else:
        blocks.insert(0, Block(type="para", sentences=[first]))
    sd.blocks = blocks
    return sd


def section_plain(sd: SectionDraft) -> str:
    return "".join(s.text for b in sd.blocks for s in b.sentences) + "".join(
        b.caption + " ".join(b.headers) for b in sd.blocks)


def fill_missing_elements(section: Section, sd: SectionDraft, hits: list[dict], ctx: Context) -> None:
    """If a required element is still missing, add the best evidence sentence that carries it
    (a sentence already used in another section may be repeated); otherwise leave a note."""
    tpl = ctx.templates
    for e in section.required_elements:
        if e.found_in(section_plain(sd)):
            continue
        best = None
        for h in sorted(hits, key=lambda h: h["rank"]):
            for sent in split_sentences(h["text"]):
                if usable(sent, tpl) and e.found_in(sent) and sent not in section_plain(sd):
                    best = (h, sent)
                    break
            if best:
                break
        if best is None:
            sd.notes.append(f"缺少要素“{e.name}”：知识库中未检索到相关资料，请人工补充")
            continue
        h, sent = best
        if not any(sent.startswith(a) for a in tpl["attributed_starts"]):
            sent = tpl["connectives"]["new_source"].format(title=attr_title(h)) + sent
        paras = [b for b in sd.blocks if b.type == "para"]
        paras[-1].sentences.append(Sentence(text=sent, cites=[f"src:{h['source']}"], kind="evidence",
                                            evidence_id=h["chunk_id"]))
