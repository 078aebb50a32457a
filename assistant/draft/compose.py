"""Composition: a section's data paragraphs (templates filled from the bindings) with tables and charts,
findings-driven recommendations (recommend.py), and its evidence paragraphs (paragraphs.py)."""
from __future__ import annotations

import re
import string
from dataclasses import dataclass, field

from ..outline import Section
from ..textproc import NUMBER, SENTENCE_END
from .evidence import localize, other_industry, passage_sentences, usable
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
    stated_figures: set[str] = field(default_factory=set)  # figures written in the sections drafted so far
    facts: dict[str, dict] = field(default_factory=dict)  # data reference key -> computed facts
    typer: object = None  # sentences.SentenceTyper (the knowledge base's embedder), set per draft
    names: tuple[str, ...] = ()  # the industry's name and aliases (no topic signal within its own knowledge base)
    terms: tuple[str, ...] = ()  # the profile's domain terms (with the names: what marks a sentence as this industry's)
    reserved: tuple[str, ...] = ()  # reserved topics a section of this outline names (paragraphs.left_topics)
    # (section id, evidence candidate): a sentence a section would have chosen but left to the section reserving its
    # topic; given back when that section did not take it (pipeline.give_back_left)
    left: list[tuple[str, dict]] = field(default_factory=list)

    def about_other_industry(self, sent: str) -> bool:
        """A sentence about another industry, not this one (`evidence.other_industry` with the profile's names and
        terms)."""
        return other_industry(sent, self.own, self.templates)

    @property
    def own(self) -> tuple[str, ...]:
        """The industry's own names and profile terms: what marks a sentence as this industry's."""
        return (*self.names, *self.terms)


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


def data_blocks(section: Section, ctx: Context) -> list[Block]:
    out: list[Block] = []
    for b in section.data:
        out += template_blocks(b, ctx)
        out += ctx.blocks.get(b, [])
    return out


def _recommendation_blocks(ctx: Context) -> list[Block]:
    """Recommendations that each name the finding (shortage, decline, gap) behind them, with its figure."""
    from . import recommend

    sents = [Sentence(text=t, cites=[f"data:{c}"], kind="data")
             for t, c in recommend.recommendation_sentences(ctx.facts, set(ctx.data_refs),
                                                             stated=ctx.stated_figures)]
    return [Block(type="para", sentences=sents[i:i + 4]) for i in range(0, len(sents), 4)]


def _evidence_blocks(evidence: list[dict], ctx: Context, seen: set[str]) -> list[Block]:
    from .paragraphs import compose_evidence
    from .sentences import typer_for

    typer = ctx.typer or typer_for(None)
    return [Block(type="para", sentences=[
        Sentence(text=t, cites=[f"src:{c['hit']['source']}"], kind="evidence", evidence_id=c["hit"]["chunk_id"])
        for t, c in para]) for para in compose_evidence(evidence, typer, seen, attr_title)]


def compose_section(section: Section, ctx: Context, evidence: list[dict]) -> SectionDraft:
    """Deterministic composition: computed-figure paragraphs with tables/charts first, then evidence
    paragraphs (paragraphs.compose_evidence: one per sub-topic, ordered by year, a source named once,
    targets written as targets, no figure twice). No opener restating the outline's purpose."""
    from .sentences import figures

    sd = SectionDraft(id=section.id, title=section.title)
    data: list[Block] = []
    for b in section.data:
        recs = _recommendation_blocks(ctx) if b == "recommendation_facts" else []
        data += recs or template_blocks(b, ctx)
        data += ctx.blocks.get(b, [])
    seen = {f for blk in data for x in blk.sentences for f in figures(x.text)}
    sd.blocks = data + _evidence_blocks(evidence, ctx, seen)
    return sd


def section_plain(sd: SectionDraft) -> str:
    return "".join(s.text for b in sd.blocks for s in b.sentences) + "".join(
        b.caption + " ".join(b.headers) for b in sd.blocks)


def fill_missing_elements(section: Section, sd: SectionDraft, hits: list[dict], ctx: Context) -> None:
    """If a required element is still missing, add the best evidence sentence that carries it and is on the
    section's topic, in its own words or its document's title (a market projection's 预计…达到 is no policy
    target; a plan's target is, though it names no plan), and not used in another section already (a sentence is
    cited once per report). Otherwise leave a note."""
    tpl = ctx.templates
    missing: list[str] = []
    for e in section.required_elements:
        if e.found_in(section_plain(sd)):
            continue
        from .paragraphs import admit as admit_for, left_topics
        from .sentences import figures, typer_for

        best = None
        admit = admit_for(section, ctx.typer or typer_for(None), for_element=True,
                          leave=left_topics(section, ctx.reserved))
        seen = {f for b in sd.blocks for x in b.sentences for f in figures(x.text)}
        for h in sorted(hits, key=lambda h: h["rank"]):
            for _, sent in passage_sentences(h, ctx.own):
                sent = localize(sent, h, tpl) if usable(sent, tpl) else None
                if (sent is not None and e.found_in(sent) and sent not in section_plain(sd)
                        and sent not in ctx.used_sentences and admit(sent)
                        and not ctx.about_other_industry(sent)
                        and not figures(sent) & seen
                        and (section.on_topic(sent) or section.on_topic(attr_title(h)))):
                    best = (h, sent)
                    break
            if best:
                break
        if best is None:
            sd.notes.append(f"缺少要素“{e.name}”：知识库中未检索到相关资料，请人工补充")
            missing.append(e.name)
            continue
        h, sent = best
        ctx.used_sentences.add(sent)
        # a paragraph of its own, where its source is named once
        sd.blocks += _evidence_blocks([{"text": sent, "hit": h, "pos": 0, "query_index": 0}], ctx, seen)
    note = tpl.get("missing", {}).get("empty_section")
    if missing and note and not any(b.sentences for b in sd.blocks):
        # a section with nothing to cite says so in the draft, where the working group will see it
        sd.blocks.append(Block(type="para", sentences=[Sentence(text=note.format(elements="、".join(missing)),
                                                                 kind="frame")]))
