"""The optional LLM path of drafting: the model writes a section's prose from the selected evidence and
the computed sentences; `assistant.llm.validate_output` keeps only sentences whose citations and figures
check out. Tables and figures always come from the deterministic draft."""
from __future__ import annotations

from ..llm import load_prompt, validate_output
from ..output_guard import fence
from .types import Block, SectionDraft


def llm_compose_section(backend, section, ctx, evidence: list[dict], det, report_name: str = ""):
    """Draft a section's prose with the LLM; tables/figures come from the deterministic draft.

    Returns a SectionDraft, or None when the validated output is too thin or misses a required
    element (the caller then keeps the deterministic draft). Raises LLMError on backend failure.
    """
    from .sentences import is_target_framed, section_accepts, type_name, typer_for

    prompt = load_prompt("draft_section")
    typer = getattr(ctx, "typer", None) or typer_for(None)
    ev_map: dict[str, tuple[str, str]] = {}
    ev_lines = []
    for i, c in enumerate(evidence, 1):
        h = c["hit"]
        ev_map[f"E{i}"] = (f"src:{h['source']}", h["text"])
        quals = "".join(c.get("qualifiers", []))  # the caveat or definition that qualifies its figure
        ev_lines.append(fence(f"[E{i}]（{type_name(typer.type_of(c['text']))}；{h.get('title') or h['source']}，"
                              f"{h.get('year') or ''}）{c['text']}{quals}"))
    data_map: dict[str, tuple[str, str]] = {}
    data_lines = []
    j = 0
    for b in det.blocks:
        for s in b.sentences:
            if s.kind == "data" and s.cites:
                j += 1
                data_map[f"D{j}"] = (s.cites[0], s.text)
                data_lines.append(fence(f"[D{j}] {s.text}"))
    computed = "\n".join(ctx.data_refs[k.split(":", 1)[1]].text for k in {v[0] for v in data_map.values()}
                         if k.split(":", 1)[1] in ctx.data_refs)
    system, user = prompt.render(
        report_name=report_name, section_title=section.title, purpose=section.purpose,
        required="、".join(e.name for e in section.required_elements) or "无",
        target_chars=section.target_chars or 300, evidence="\n".join(ev_lines) or "（无）",
        data="\n".join(data_lines) or "（无）",
        accepts="、".join(type_name(t) for t in sorted(section_accepts(section))))
    raw = backend.complete(system, user)
    ids = {f"E{i}": c["hit"]["chunk_id"] for i, c in enumerate(evidence, 1)}
    paragraphs, dropped = validate_output(raw, ev_map, data_map, computed, chunk_ids=ids)
    # a plan's target must stay a target: drop a target sentence that reads as an achievement
    for p in paragraphs:
        for sent in list(p):
            if sent.cites and typer.type_of(sent.text) == "target" and not is_target_framed(sent.text):
                p.remove(sent)
                dropped.append((sent.text, "把规划目标写成了已实现的结果"))
    paragraphs = [p for p in paragraphs if p]
    sd = SectionDraft(id=section.id, title=section.title, mode="llm")
    sd.blocks = [Block(type="para", sentences=p) for p in paragraphs]
    sd.blocks += [b for b in det.blocks if b.type != "para"]
    sd.notes = [f"已删除：{s}（{why}）" for s, why in dropped]
    prose = sum(len(s.text) for p in paragraphs for s in p)
    text = "".join(s.text for p in paragraphs for s in p)
    missing = [e.name for e in section.required_elements if not e.found_in(text)]
    det_prose = sum(len(s.text) for b in det.blocks for s in b.sentences)
    if prose < 0.4 * det_prose or missing:
        det.notes.append(f"LLM 输出经校验后不足（保留{prose}字，缺少要素：{'、'.join(missing) or '无'}），已改用确定性起草")
        det.notes += sd.notes
        return None
    return sd
