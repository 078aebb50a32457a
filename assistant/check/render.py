"""Render a CheckResult as text, JSON, Markdown, or the reviewed DOCX with one Word comment per finding.
Every format renders only the Finding shape and the summary."""
from __future__ import annotations

import copy
import json
import re
from pathlib import Path

from ..errors import InputError
from .findings import CheckResult, Finding

FORMATS = ("text", "json", "markdown", "docx")
LEVEL_CN = {"error": "错误", "warning": "警告", "info": "提示"}
CATEGORY_CN = {"objectivity": "客观性", "evidence": "证据", "completeness": "完整性", "consistency": "一致性",
               "timeliness": "及时性"}
AUTHOR = "审查助手"


def render(result: CheckResult, fmt: str, out: str | Path | None = None, source_path: str | Path | None = None) -> str | None:
    """Render `result`. Returns the rendered string for text/json/markdown when `out` is None,
    else writes `out` and returns its path. DOCX is always written to a file (default: beside the source)."""
    if fmt not in FORMATS:
        raise InputError(f"未知的输出格式 {fmt!r}，可选：{', '.join(FORMATS)}")
    if fmt == "docx":
        src = source_path or result.document.path
        if out is None:
            base = Path(src) if src else Path("审查结果")
            out = base.with_name(base.stem + ".审查.docx")
        render_docx(result, out, src)
        return str(out)
    s = {"text": render_text, "json": render_json, "markdown": render_markdown}[fmt](result)
    if out is None:
        return s
    Path(out).write_text(s, encoding="utf-8")
    return str(out)


def render_json(result: CheckResult) -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2)


def _head(result: CheckResult) -> list[str]:
    s = result.summary
    kind = f"（{s['report']}）" if s.get("report") else ""
    return [f"报告类型：{s.get('report_name', '')}{kind}  报告年份：{s.get('report_year') or '未识别'}  "
            f"报告日期：{s.get('report_date') or '未识别'}  最新数据年份：{s.get('newest_data_year') or '—'}",
            f"共 {s['total']} 条：错误 {s['by_level']['error']}，警告 {s['by_level']['warning']}，提示 {s['by_level']['info']}"]\
        + learned_line(s)


def learned_line(s: dict) -> list[str]:
    """One line on the learned filter (assistant/check/learned.py) when it set findings aside or could not run, and
    one on the deep check's backstop when it was asked for."""
    out = []
    if s.get("learned_filter") == "applied" and s.get("learned_dropped"):
        out.append(f"学习过滤层：另有 {len(s['learned_dropped'])} 条规则提示经模型判断多为可接受的写法，未列出（见 JSON 的 learned_dropped）")
    elif s.get("learned_filter") == "unavailable":
        out.append(f"学习过滤层不可用（{s.get('learned_note', '')}），以上为规则的全部提示")
    deep = s.get("learned_deep")
    if isinstance(deep, int):
        out.append(f"深度审查：学习模型另标出 {deep} 处规则未标的可能主观或模糊的分句（objectivity.learned，提示级，仅供参考）")
    elif deep == "unavailable":
        out.append("深度审查不可用（模型或权重无法加载），以上不含学习模型补充的提示")
    return out


def render_text(result: CheckResult) -> str:
    lines = []
    name = result.document.path or "<文本>"
    for f in result.findings:
        lines.append(f"{name}:{f.line or 0}  {LEVEL_CN[f.level]}  [{f.rule_id}] {f.message}")
        lines.append(f"    章节：{f.section}  原文：“{_short(f.text)}”  依据：{f.criterion}")
        if f.suggestion:
            lines.append(f"    建议：{f.suggestion}")
    lines.append("")
    lines.extend(_head(result))
    for crit, c in result.summary["by_criterion"].items():
        lines.append(f"  {crit}：{c['status']}（错误 {c['error']}，警告 {c['warning']}，提示 {c['info']}）")
    for card in result.summary.get("scorecard", []):
        lines.append(f"  {card['indicator']} {card['section']}：{card['score']} 项有数据")
    return "\n".join(lines) + "\n"


def _short(t: str, n: int = 60) -> str:
    t = t.replace("\n", " ")
    return t if len(t) <= n else t[:n] + "…"


_MD_MARKER = re.compile(r"^\s*#{1,6}\s+")


def _md(t: str) -> str:
    """A value for a Markdown table cell or heading: pipes escaped, HTML made inert."""
    return t.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;")


def render_markdown(result: CheckResult) -> str:
    s = result.summary
    lines = [f"# 审查结果：{_md(result.document.title or result.document.path or '文本')}", ""]
    lines += [f"- {h}" for h in _head(result)]
    lines += ["", "## 按监测指标汇总", "", "| 依据 | 结论 | 错误 | 警告 | 提示 |", "|---|---|---|---|---|"]
    for crit, c in s["by_criterion"].items():
        lines.append(f"| {crit} | {c['status']} | {c['error']} | {c['warning']} | {c['info']} |")
    if s.get("scorecard"):
        lines += ["", "## 年度总结：六项监测指标", "", "| 指标 | 章节 | 有数据 | 缺失或无数字的数量 |", "|---|---|---|---|"]
        for card in s["scorecard"]:
            miss = "、".join(f"{q['name']}（{q['status']}）" for q in card["quantities"] if q["status"] != "有数据") or "—"
            lines.append(f"| {card['indicator']} | {card['found_section'] or '未找到'} | {card['score']} | {_md(miss)} |")
    lines += ["", "## 问题清单", "", "| 行 | 级别 | 类别 | 章节 | 原文 | 问题 | 建议 | 规则 |", "|---|---|---|---|---|---|---|---|"]
    for f in result.findings:
        lines.append(f"| {f.line or ''} | {LEVEL_CN[f.level]} | {CATEGORY_CN[f.category]} | {_md(f.section)} | "
                     f"{_md(_short(f.text, 40))} | {_md(f.message)} | {_md(f.suggestion)} | `{f.rule_id}` |")
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------ DOCX
def _comment_text(f: Finding) -> str:
    t = f"【{LEVEL_CN[f.level]}·{CATEGORY_CN[f.category]}】{f.message}"
    if f.suggestion:
        t += f"\n建议：{f.suggestion}"
    return t + f"\n（{f.criterion}；{f.rule_id}）"


def _split_run(run, k: int):
    """Split `run` at character k; return the new second run."""
    from docx.text.run import Run

    t = run.text
    new_r = copy.deepcopy(run._r)
    run._r.addnext(new_r)
    second = Run(new_r, run._parent)
    run.text = t[:k]
    second.text = t[k:]
    return second


def _runs_for(paragraph, a: int, b: int):
    """Runs covering paragraph characters [a, b), splitting runs at a and b. None if the paragraph's
    runs do not reproduce its text (hyperlinks, fields): the caller then uses all runs."""
    runs = paragraph.runs
    if not runs or "".join(r.text for r in runs) != paragraph.text:
        return None
    for x in (a, b):
        pos = 0
        for r in paragraph.runs:
            n = len(r.text)
            if pos < x < pos + n:
                _split_run(r, x - pos)
                break
            pos += n
    out, pos = [], 0
    for r in paragraph.runs:
        n = len(r.text)
        if n and pos >= a and pos + n <= b:
            out.append(r)
        pos += n
    return out or None


def _set_cjk_font(document, name: str = "宋体") -> None:
    from docx.oxml.ns import qn

    style = document.styles["Normal"]
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), name)


def _build_docx(result: CheckResult):
    """A DOCX rebuilt from a parsed Markdown/TXT/PDF document: one paragraph per parsed paragraph."""
    import docx

    d = docx.Document()
    _set_cjk_font(d)
    targets = []
    for p in result.document.paragraphs:
        t = p.text
        if p.kind in ("title", "heading"):
            marker = _MD_MARKER.match(t)  # Markdown "## " is syntax, not heading text
            shift = marker.end() if marker else 0
            para = d.add_heading(t[shift:], level=0 if p.kind == "title" else min(max(p.level, 1), 9))
            para._cie_shift = shift  # comment offsets are in the parsed text, which kept the marker
        else:
            para = d.add_paragraph(t)
        targets.append(para)
    return d, targets


def render_docx(result: CheckResult, out: str | Path, source_path: str | Path | None = None) -> None:
    import docx

    doc = result.document
    if source_path and str(source_path).lower().endswith(".docx") and doc.file_type == "docx":
        d = docx.Document(str(source_path))
        body_paras = d.paragraphs
        tables = d.tables

        def target(p):
            if p.ref and p.ref[0] == "p":
                return body_paras[p.ref[1]], True
            if p.ref and p.ref[0] == "t":
                return tables[p.ref[1]].rows[p.ref[2]].cells[0].paragraphs[0], False
            return None, False
    else:
        d, built = _build_docx(result)
        index = {id(p): built[i] for i, p in enumerate(doc.paragraphs)}

        def target(p):
            return index.get(id(p)), True
    first_nonempty = next((p for p in doc.paragraphs if p.text.strip()), None)
    for f in result.findings:
        s, e = f.span
        p = doc.paragraph_at(s)
        if p is None or not p.text.strip():
            p = first_nonempty
            s, e = (p.start, p.end) if p else (0, 0)
        if p is None:
            continue
        para, exact = target(p)
        if para is None:
            continue
        shift = getattr(para, "_cie_shift", 0)
        a, b = max(0, s - p.start - shift), min(len(p.text) - shift, e - p.start - shift)
        runs = _runs_for(para, a, b) if exact and b > a else None
        if runs is None:
            runs = [r for r in para.runs if r.text] or para.runs
            if not runs:
                runs = [para.add_run(" ")]
        d.add_comment(runs, text=_comment_text(f), author=AUTHOR, initials="审")
    try:
        d.save(str(out))
    except OSError as e:
        raise InputError(f"无法写入 {out}：{e}") from e
