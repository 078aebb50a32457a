"""Evidence paragraphs that read like a report, from typed evidence sentences.

- routing: a section takes only the sentence types its outline lists (`accepts:`); definitions and
  caveats are never chosen on their own, only attached right after the figure they qualify (the next
  sentence of the same source passage);
- grouping: one paragraph per sub-topic (the outline's query), a one-sentence group joining the group
  it shares most terms with;
- order: by the year a sentence speaks of (targets, being future, come last);
- duplicates: a sentence whose figure (number + unit) is already in the section is dropped;
- attribution: the paragraph's lead source is named once (据《…》，); no 另据/此外 chains — the
  citation marks carry the rest;
- targets are written as targets (《X》提出的目标是：…), never as results;
- no sentence whose reference word (两者, 上述 ...) has lost its referent.

Interface: `admit(section, typer)` → predicate for evidence selection; `attach_qualifiers(evidence,
typer, banned)`; `compose_evidence(evidence, typer, seen_figures, title_of)` → paragraphs as lists of
(text, candidate) pairs, so this module does not depend on the drafter's block classes.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from ..analysis.tables import load_yaml
from ..outline import topic_cues
from .evidence import SELF_REF, bigrams, caption_or_byline, strip_connective, vague_fact
from .sentences import (LEAD, SentenceTyper, bare_verb_start, dangling_term, figures,  # noqa: F401 (LEAD re-exported)
                        frame_target, is_target_framed, load_rules, section_accepts)

QUALIFIER_TYPES = ("caveat", "definition")
_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
_ATTRIBUTED = re.compile(r"^(据|另据|又据|根据|按照|《)")
_CONNECTIVE = re.compile(r"^(另据|又据)")
# advice to whoever writes a report (引用时应注明…) is not a caveat for its readers
_WRITER_NOTE = re.compile(r"(引用|使用|编制|测算|审核)[^。]{0,12}(时|应|需|宜)")


def left_topics(section, reserved: tuple[str, ...]) -> tuple[str, ...]:
    """The reserved topics (draft_templates.yaml `reserved_topics` that a section of this outline names) that this
    section does not name: their sentences are left to the section that does."""
    return tuple(t for t in reserved if t not in section.topic_names)


def carries_topics(sent: str, topics: tuple[str, ...]) -> bool:
    """Whether a sentence carries the cues of one of these topics (topic_cues.yaml)."""
    return any(topic_cues()[t].search(sent) for t in topics)


def admit(section, typer: SentenceTyper, for_element: bool = False,
          leave: tuple[str, ...] = ()) -> Callable[[str], bool]:
    """Whether an evidence sentence may be chosen for this section on its own: its type is one the section
    takes and, unless it is wanted for a required element (whose patterns already tie it to the section),
    it carries the section's topic cues (outline `topic:`); a sentence with the cues of a topic in `leave` (another
    section's reserved topic: `left_topics`) is not (a published talent forecast goes to the forecast section only)."""
    accepts = section_accepts(section) - set(QUALIFIER_TYPES)

    rules = load_rules()
    tpl = load_yaml("draft_templates.yaml") if getattr(section, "specific", False) else None

    def ok(sent: str) -> bool:
        if rules.self_reference is not None and rules.self_reference.search(sent):
            return False
        if carries_topics(sent, leave):
            return False
        if typer.type_of(as_written(sent, rules)) not in accepts:
            return False
        if not for_element and not section.on_topic(sent):
            return False
        # a status section's fact gives a figure or names a document, not only a degree word (…不断提升)
        if tpl is not None and typer.type_of(sent) == "fact" and vague_fact(sent, tpl):
            return False
        # a generic “据报告统计” is repaired with the document's title when composing
        d = dangling_term(sent, rules)
        return d is None or bool(rules.generic_doc_lead and rules.generic_doc_lead.match(sent))
    return ok


def attach_qualifiers(evidence: list[dict], typer: SentenceTyper, banned: list[str],
                      split: Callable[[str], list[str]]) -> None:
    """Give a chosen sentence with a figure the caveat or definition that follows it in its source
    passage (c["qualifiers"]); such a sentence may refer back (两者, 该数据) since its referent stays."""
    chosen = {c["text"] for c in evidence}
    pairs = []
    for c in evidence:
        if not figures(c["text"]):
            continue
        sents = split(c["hit"]["text"])
        if c["pos"] + 1 >= len(sents):
            continue
        nxt = sents[c["pos"] + 1]
        if nxt in chosen or not (10 <= len(nxt) <= 180) or nxt[-1] != "。":  # a question is no caveat
            continue
        if any(w in nxt for w in banned) or SELF_REF.search(nxt) or "如下" in nxt or _WRITER_NOTE.search(nxt) \
                or caption_or_byline(nxt):  # the photo caption under the sentence's paragraph
            continue
        pairs.append((c, nxt))
    for (c, nxt), t in zip(pairs, typer.types([n for _, n in pairs])):
        if t in QUALIFIER_TYPES and nxt not in chosen:
            c["qualifiers"] = [nxt]
            chosen.add(nxt)


def year_of(c: dict) -> int:
    m = _YEAR.search(c["text"])
    return int(m.group(1)) if m else int(c["hit"].get("year") or 0)


def _group(evidence: list[dict]) -> list[list[dict]]:
    """Sub-topic groups: by the outline's query, a single sentence joining the group it shares most
    terms with (when it shares any)."""
    by_q: dict[int, list[dict]] = {}
    for c in evidence:
        by_q.setdefault(c["query_index"], []).append(c)
    groups = [g for _, g in sorted(by_q.items())]
    merged: list[list[dict]] = []
    for g in groups:
        if len(g) == 1 and merged:
            b = bigrams(g[0]["text"])
            scores = [len(b & bigrams("".join(x["text"] for x in m))) / max(len(b), 1) for m in merged]
            best = max(range(len(merged)), key=scores.__getitem__)
            if scores[best] >= 0.15 and len(merged[best]) < 5:
                merged[best].append(g[0])
                continue
        merged.append(list(g))
    # a one-sentence paragraph joins its neighbour when they share terms, rather than standing as a snippet
    out: list[list[dict]] = []
    for g in merged:
        if out and (len(g) == 1 or len(out[-1]) == 1) and len(out[-1]) + len(g) <= 5:
            b = bigrams("".join(x["text"] for x in g))
            if len(b & bigrams("".join(x["text"] for x in out[-1]))) / max(len(b), 1) >= 0.08:
                out[-1] += g
                continue
        out.append(g)
    return out


def as_written(sent: str, rules) -> str:
    """A sentence as a draft writes it, for typing: its generic lead (规划要求，…) becomes a title (《规划》要求，…, the
    document's own in the draft), which can make it a plan's requirement (a target) where the bare sentence read as a
    fact."""
    m = rules.generic_doc_lead.match(sent) if rules.generic_doc_lead else None
    return _repair_generic_lead(sent, f"《{m.group(2)}》", rules) if m else sent


def _repair_generic_lead(text: str, title: str, rules) -> str | None:
    """据报告统计，… → 据《X》统计，…; 据统计，/数据显示，… (a lead naming no source) → 据《X》统计，/据《X》，…;
    None when the sentence has no such lead."""
    m = rules.generic_doc_lead.match(text) if rules.generic_doc_lead else None
    if m:
        return (m.group(1) or "") + title + text[m.end():]
    m = rules.anonymous_lead.match(text) if rules.anonymous_lead else None
    if m:
        return "据" + title + (m.groupdict().get("kept") or "") + "，" + text[m.end():]
    return None


def _plan_title(c: dict, title: str, rules) -> str:
    """The plan a target belongs to: a quoted plan title in the source passage (印发《…规划》), else one
    quoted inside the document title (《〈…规划〉解读》), else the document title."""
    pat = rules.plan_title
    if pat is None:
        return title
    for t in re.findall(r"《([^》]{4,40})》", c["hit"]["text"]):
        if pat.search(t):
            return f"《{t}》"
    inner = re.search(r"〈([^〉]{4,40})〉", title)
    if inner and pat.search(inner.group(1)):
        return f"《{inner.group(1)}》"
    return title


def _written(c: dict, text: str, typ: str, title: str, para: list, rules) -> tuple[str, bool, bool]:
    """(text as written, whether it names its source, whether it merged into the previous sentence)."""
    repaired = _repair_generic_lead(text, title, rules)
    text = repaired or _CONNECTIVE.sub("据", text)
    names = repaired is not None or bool(_ATTRIBUTED.match(text))
    if typ == "target" and (not is_target_framed(text, rules) or bare_verb_start(text)):
        plan = _plan_title(c, title, rules)
        prev = para[-1] if para else None
        if prev and prev[1]["hit"]["source"] == c["hit"]["source"] and prev[0].startswith(plan + "提出") \
                and prev[0].endswith("。"):
            # another target of the same plan: one sentence, 《X》提出的目标是：A；B。
            para[-1] = (prev[0][:-1] + "；" + LEAD.sub("", text), prev[1])
            return text, False, True
        return frame_target(text, plan, rules), True, False
    return text, names, False


@lru_cache(maxsize=1)
def _gap_forecast() -> tuple[re.Pattern, re.Pattern, str] | None:
    spec = load_yaml("draft_templates.yaml").get("gap_forecast") or {}
    if not spec.get("demand") or not spec.get("current"):
        return None
    return re.compile(spec["demand"]), re.compile(spec["current"]), spec.get("note", "")


def state_gap(text: str) -> str:
    """A forecast stating a projected demand and the current count of the same people in the same unit
    (到2027年某类技工需求120万人，现有85万人。) with the gap computed and its method (需求 − 现有, both figures
    in the sentence and cited with it) before its full stop (`gap_forecast` in draft_templates.yaml); any other
    sentence, and one that already states a gap, as it is."""
    spec = _gap_forecast()
    if spec is None or "缺口" in text or not text.endswith("。"):
        return text
    demand_p, current_p, note = spec
    d, c = demand_p.search(text), current_p.search(text)
    if not d or not c or d.group("unit") != c.group("unit"):
        return text
    who_c = c.group("who")
    if who_c and d.group("who")[-2:] not in who_c:  # another population
        return text
    dv, cv = float(d.group("value")), float(c.group("value"))
    if dv <= cv:
        return text
    places = max(len(v.partition(".")[2]) for v in (d.group("value"), c.group("value")))
    gap = f"{dv - cv:.{places}f}"
    return text[:-1] + note.format(year=d.group("year"), gap=gap, unit=d.group("unit")) + "。"


def _names_source(text: str) -> bool:
    return bool(_ATTRIBUTED.match(text)) or "提出的目标是" in text


def _title_key(title: str) -> str:
    """A document title compared without its brackets, dashes and spaces (《方案（2025-2027年）》 = 方案2025-2027年)."""
    return re.sub(r"\W", "", title)


def _names_own_title(text: str, title: str) -> bool:
    """The sentence itself names its source document (…办公厅发布《T》，… / …，《T》提出…): a 据《T》， lead before it
    would name the document twice."""
    key = _title_key(title)
    return bool(key) and any(_title_key(t) == key for t in re.findall(r"《([^《》]{2,80})》", text))


_TITLE = re.compile(r"《([^《》]{2,80})》")
_TRAILING_BRACKETS = re.compile(r"[（(][^（）()]*[)）]$")


@lru_cache(maxsize=1)
def _title_kinds() -> list[str]:
    return list(load_yaml("draft_templates.yaml").get("title_kinds") or [])


@lru_cache(maxsize=1)
def _own_speaker() -> re.Pattern | None:
    pattern = load_yaml("draft_templates.yaml").get("own_speaker")
    return re.compile(pattern) if pattern else None


def _lead(rules, typ: str, text: str) -> str:
    """The lead naming a paragraph's source (sentence_types.yaml `leads`): 《…》提出， for a recommendation, unless the
    sentence reports a speaker of its own (…校长某某表示，…: the document only reports it), which gets the default 据《…》，."""
    speaker = _own_speaker()
    if typ != "default" and speaker is not None and speaker.search(text):
        typ = "default"
    return rules.leads.get(typ, rules.leads["default"])


def _title_kind(title: str, kinds: list[str]) -> str | None:
    """The class noun a title ends with (draft_templates.yaml `title_kinds`), its trailing bracket (（2025-2027年）)
    left out: 方案 for 《某某专项行动方案（2025-2027年）》."""
    bare = _TRAILING_BRACKETS.sub("", title.strip())
    return next((k for k in kinds if bare.endswith(k) and len(bare) > len(k)), None)


def title_once(para: list[tuple[str, dict]], kinds: list[str]) -> list[tuple[str, dict]]:
    """A paragraph names a document in full once: a sentence whose first title is the one the sentence before it
    wrote out (a plan quoted sentence after sentence) calls it 该方案/该规划… there."""
    out: list[tuple[str, dict]] = []
    before: set[str] = set()  # the titles the sentence before wrote (as quoted, before this rewriting)
    for t, c in para:
        m = _TITLE.search(t)
        named = {_title_key(x) for x in _TITLE.findall(t)}
        if m and _title_key(m.group(1)) in before and (kind := _title_kind(m.group(1), kinds)):
            t = t[:m.start()] + "该" + kind + t[m.end():]
        before = named
        out.append((t, c))
    return out


def _split_by_attribution(para: list[tuple[str, dict]]) -> list[list[tuple[str, dict]]]:
    """A reader takes a sentence that does not name its source as coming from the source named (or led)
    before it in the paragraph: a sentence of another source that does not name itself starts a new
    paragraph (which then gets its own 据《…》 lead), and so does a sentence naming another source after
    a run that names none."""
    out: list[list[tuple[str, dict]]] = [[]]
    current = None  # the source the running text is attributed to
    for t, c in para:
        src = c["hit"]["source"]
        if current is not None and src != current and (
                not _names_source(t) or not any(_names_source(x) for x, _ in out[-1])):
            # an unnamed sentence of another source, or a named one after an unnamed run (which then gets
            # its own lead instead of passing as the named source's)
            out.append([])
        if _names_source(t) or current is None or src != current:
            current = src
        out[-1].append((t, c))
    return [p for p in out if p]


def compose_evidence(evidence: list[dict], typer: SentenceTyper, seen_figures: set[str],
                     title_of: Callable[[dict], str]) -> list[list[tuple[str, dict]]]:
    """Paragraphs of (text as written, candidate). `seen_figures` (figures already in the section,
    e.g. the computed ones) is updated with every figure placed.

    A paragraph names one source: a sentence naming another source (its own 据…统计 lead, a target of
    another document) opens a new paragraph; a paragraph that names none gets 据《…》， on its first
    sentence."""
    rules = load_rules()
    kinds = _title_kinds()
    paras: list[list[tuple[str, dict]]] = []
    for group in _group(evidence):
        group.sort(key=lambda c: (year_of(c), c["hit"]["source"], c["pos"]))
        para: list[tuple[str, dict]] = []
        named: set[str] = set()
        for c in group:
            text = strip_connective(c["text"])  # a candidate made outside evidence_sentences too
            figs = figures(text)
            if figs & seen_figures:
                continue  # the same figure twice
            src, title = c["hit"]["source"], title_of(c["hit"])
            generic = bool(rules.generic_doc_lead and rules.generic_doc_lead.match(text))
            if not generic and dangling_term(text, rules) is not None:
                continue  # a reference word without its referent
            text, names, merged = _written(c, state_gap(text), typer.type_of(c["text"]), title, para, rules)
            seen_figures |= figs
            if merged:
                continue
            if names and named and src not in named:  # a second named source: new paragraph
                carry: list[tuple[str, dict]] = []  # its own source's unnamed sentences go with it
                while para and para[-1][1]["hit"]["source"] == src and para[-1][1] is not para[0][1]:
                    carry.insert(0, para.pop())
                paras.append(para)
                para, named = carry, set()
            if names:
                named.add(src)
            para.append((text, c))
            for q in c.get("qualifiers", []):
                qf = figures(q)
                if not (qf & seen_figures):
                    seen_figures |= qf
                    para.append((q, c))
        paras.append(para)
    out = []
    for para in (q for p in paras if p for q in _split_by_attribution(p)):
        if not any(_names_source(t) for t, _ in para) and not _names_own_title(para[0][0], title_of(para[0][1]["hit"])):
            t, c = para[0]
            para[0] = (_lead(rules, typer.type_of(c["text"]), t).format(title=title_of(c["hit"])) + t, c)
        out.append(title_once(para, kinds))
    return out
