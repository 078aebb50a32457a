"""What the web app shows: pure functions from library results to Markdown, HTML and table rows.

Kept apart from the Gradio layout so they can be tested without a server.
"""
from __future__ import annotations

import html
from collections import OrderedDict

from ..check.render import learned_line

FILE_TYPE_CN = {"pdf": "PDF", "docx": "Word", "xlsx": "Excel", "csv": "CSV", "md": "Markdown", "txt": "文本",
                "html": "网页"}
LEVEL_CN = {"error": "错误", "warning": "警告", "info": "提示"}
LEVEL_FROM_CN = {v: k for k, v in LEVEL_CN.items()}
STAGE_CN = {"scan": "扫描文件", "load": "读取文件", "embed": "向量化", "index": "建立关键词索引"}
SOURCE_HEADERS = ["来源", "类型", "年份", "分块数", "文字"]
FAILURE_HEADERS = ["文件", "原因"]

CSS = """
.cie-header h1 {margin-bottom: 0.2em;}
.cie-muted {color: #6b7280; font-size: 0.92em;}
.cie-empty {color: #6b7280; padding: 1.2em; border: 1px dashed #d1d5db; border-radius: 8px; text-align: center;}
.cie-cite {border: 1px solid #e5e7eb; border-radius: 6px; padding: 0.35em 0.7em; margin: 0.35em 0;
           background: #fafafa;}
.cie-cite summary {cursor: pointer; font-weight: 600;}
.cie-cite .cie-passage {white-space: pre-wrap; margin-top: 0.4em; font-size: 0.93em; line-height: 1.6;}
.cie-finding {border-left: 4px solid #9ca3af; padding: 0.4em 0.8em; margin: 0.5em 0; background: #fafafa;
              border-radius: 0 6px 6px 0;}
.cie-finding.error {border-left-color: #dc2626;}
.cie-finding.warning {border-left-color: #d97706;}
.cie-finding.info {border-left-color: #2563eb;}
.cie-badge {display: inline-block; padding: 0 0.5em; border-radius: 4px; font-size: 0.85em; color: #fff;
            margin-right: 0.4em;}
.cie-badge.error {background: #dc2626;} .cie-badge.warning {background: #d97706;} .cie-badge.info {background: #2563eb;}
.cie-context {margin: 0.3em 0; line-height: 1.7; color: #374151;}
.cie-context mark {background: #fde68a; padding: 0 2px; border-radius: 2px;}
.cie-suggest {color: #065f46; font-size: 0.93em;}
.cie-crit h3 {margin: 0.8em 0 0.2em 0;}
.cie-status {font-size: 0.85em; color: #6b7280; margin-left: 0.5em;}
.cie-fulltext {white-space: pre-wrap; line-height: 1.8; max-height: 520px; overflow-y: auto;}
.cie-fulltext mark.error {background: #fecaca;} .cie-fulltext mark.warning {background: #fde68a;}
.cie-fulltext mark.info {background: #bfdbfe;}
"""


def esc(s) -> str:
    return html.escape(str(s if s is not None else ""), quote=True)


def empty(msg: str) -> str:
    return f'<div class="cie-empty">{esc(msg)}</div>'


# ------------------------------------------------------------------------------ knowledge base

def ocr_label(info) -> str:
    """识别文本（第2、3页） for sources whose scanned pages were read by OCR, 抽取 otherwise."""
    pages = getattr(info, "ocr_pages", None) or []
    return f"识别文本（第{'、'.join(map(str, pages))}页）" if pages else "抽取"


def source_rows(infos) -> list[list]:
    return [[i.source, FILE_TYPE_CN.get(i.file_type, i.file_type), i.year if i.year is not None else "—", i.chunks,
             ocr_label(i)] for i in infos]


def failure_rows(failures) -> list[list]:
    return [[f.source, f.reason] for f in failures]


def ingest_summary(report, rejected: list[tuple[str, str]]) -> str:
    lines = [f"**导入完成**：文件 {report.files_seen} 个，新增或更新 {report.files_indexed} 个，未变 {report.files_unchanged} 个，"
             f"删除 {report.files_removed} 个；新增分块 {report.chunks_added} 个，知识库共 {report.chunks_total} 个分块"
             f"（用时 {report.seconds:.1f} 秒）。"]
    n_fail = len(report.failures) + len(rejected)
    if n_fail:
        lines.append(f"\n注意：有 {n_fail} 个文件未能导入，原因见下表。")
    return "\n".join(lines)


def kb_status(infos) -> str:
    if not infos:
        return "知识库为空：请上传资料（或运行 `assistant demo` 导入示例语料）。"
    return f"知识库共 {len(infos)} 个来源、{sum(i.chunks for i in infos)} 个分块。"


def hits_html(hits) -> str:
    if not hits:
        return empty("没有找到相关内容")
    parts = []
    for i, h in enumerate(hits, start=1):
        where = " · ".join(x for x in (h.source, f"第{h.page}页" if h.page else "", h.heading) if x)
        parts.append(f'<details class="cie-cite" open><summary>[{i}] {esc(where)}'
                     f'<span class="cie-status">（{esc(h.year or "年份未知")}，得分 {h.score:.4f}）</span></summary>'
                     f'<div class="cie-passage">{esc(h.text)}</div></details>')
    return "\n".join(parts)


# ------------------------------------------------------------------------------ chat

def _citation_block(c, open_: bool = False) -> str:
    label = c.label()
    meta = f" · {c.year}年" if c.year and str(c.year) not in label else ""
    return (f'<details class="cie-cite"{" open" if open_ else ""}><summary>[{c.n}] {esc(label)}{esc(meta)}</summary>'
            f'<div class="cie-passage">{esc(c.text)}</div></details>')


def answer_message(ans) -> str:
    """The assistant's chat message: the answer, then its numbered sources (expandable)."""
    if not ans.grounded:
        parts = [f"**{esc(ans.text)}**。", "", "以下是知识库中最接近的段落，供参考（未据此作答）："]
        parts += [_citation_block(c) for c in ans.passages[:3]] or ["（知识库中没有任何相关段落）"]
        return "\n".join(parts)
    from ..output_guard import sanitize

    parts = [esc(sanitize(ans.text)), "", "**来源**："]  # a model's Markdown link is never a link here
    parts += [_citation_block(c) for c in ans.citations]
    if ans.mode == "llm":
        parts.append('<div class="cie-muted">由大模型依据上述段落生成，引用已校验。</div>')
    return "\n".join(parts)


# ------------------------------------------------------------------------------ review

def batch_summary(rows: list[dict]) -> str:
    """The several-report table (one row per report: kind, date, on time, counts per criterion and level)."""
    from ..check.summary import columns

    cols = columns(rows)
    out = [f"**共审查 {len(rows)} 份报告**（在下方选择一份查看详情；汇总表可下载）", "",
           "| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for r in rows:
        out.append("| " + " | ".join(esc(r.get(c, "")).replace("|", "｜") for c in cols) + " |")
    return "\n".join(out)


def check_summary(result, source_name: str = "") -> str:
    s = result.summary
    name = s.get("report_name") or result.report or ""
    lv = s.get("by_level", {})
    how = f"按《{esc(name)}》审查" if s.get("report") else esc(name)
    lines = [f"**{esc(source_name)}**：{how}，共 {s.get('total', len(result.findings))} 条问题"
             f"（错误 {lv.get('error', 0)}，警告 {lv.get('warning', 0)}，提示 {lv.get('info', 0)}）。"]
    crit = s.get("by_criterion", {})
    if crit:
        lines.append("")
        lines.append("| 监测指标 | 结论 | 错误 | 警告 | 提示 |")
        lines.append("|---|---|---|---|---|")
        for k, c in crit.items():
            lines.append(f"| {k} | {c.get('status', '')} | {c.get('error', 0)} | {c.get('warning', 0)} | {c.get('info', 0)} |")
    missing = [x["title"] for x in s.get("sections", []) if not x.get("found")]
    if missing:
        lines.append("")
        lines.append("未找到的章节：" + "、".join(missing))
    for note in learned_line(s):  # what the learned filter set aside, or that it could not run
        lines += ["", esc(note)]
    return "\n".join(lines)


def _context(text: str, span, width: int = 60) -> str:
    a, b = int(span[0]), int(span[1])
    if b <= a or a < 0 or b > len(text):
        return ""
    lo, hi = max(0, a - width), min(len(text), b + width)
    pre, mark, post = text[lo:a], text[a:b], text[b:hi]
    return ("…" if lo else "") + esc(pre) + f"<mark>{esc(mark)}</mark>" + esc(post) + ("…" if hi < len(text) else "")


def findings_html(result, levels: list[str] | None = None) -> str:
    """Findings grouped by monitoring criterion, each with its flagged text highlighted in context."""
    if result is None:
        return empty("上传报告并点击“开始审查”后，问题将按监测指标分组显示在这里")
    wanted = {LEVEL_FROM_CN.get(x, x) for x in (levels or LEVEL_CN)}
    shown = [f for f in result.findings if f.level in wanted]
    if not result.findings:
        return empty("未发现问题")
    if not shown:
        return empty("当前筛选条件下没有问题")
    text = result.document.text if result.document is not None else ""
    groups: "OrderedDict[str, list]" = OrderedDict()
    for f in sorted(shown, key=lambda f: (f.criterion, f.span[0])):
        groups.setdefault(f.criterion or "其他", []).append(f)
    status = {k: v.get("status", "") for k, v in result.summary.get("by_criterion", {}).items()}
    out = []
    for crit, items in groups.items():
        out.append(f'<div class="cie-crit"><h3>{esc(crit)}<span class="cie-status">{esc(status.get(crit, ""))}'
                   f' · {len(items)} 条</span></h3>')
        for f in items:
            where = f.section or "全文"
            # A document-level finding (a missing section) points at the title: no context to show.
            ctx = "" if where == "全文" else _context(text, f.span)
            out.append(
                f'<div class="cie-finding {esc(f.level)}"><span class="cie-badge {esc(f.level)}">{LEVEL_CN.get(f.level, f.level)}</span>'
                f'<b>{esc(f.message)}</b> <span class="cie-muted">［{esc(where)}{f" · 第{f.line}行" if f.line else ""} · {esc(f.rule_id)}］</span>'
                + (f'<div class="cie-context">{ctx}</div>' if ctx else "")
                + (f'<div class="cie-suggest">建议：{esc(f.suggestion)}</div>' if f.suggestion else "")
                + "</div>")
        out.append("</div>")
    return "\n".join(out)


def marked_fulltext(result, levels: list[str] | None = None, limit: int = 60000) -> str:
    """The whole document with every flagged span marked (the more severe level wins on overlaps)."""
    if result is None or result.document is None:
        return empty("尚未审查")
    wanted = {LEVEL_FROM_CN.get(x, x) for x in (levels or LEVEL_CN)}
    text = result.document.text[:limit]
    spans = sorted(((f.span[0], f.span[1], f.level, f.message) for f in result.findings
                    if f.level in wanted and f.span[1] > f.span[0] and f.span[1] <= len(text)),
                   key=lambda x: (x[0], -x[1]))
    out, pos = [], 0
    for a, b, level, msg in spans:
        if a < pos:
            continue
        out.append(esc(text[pos:a]))
        out.append(f'<mark class="{esc(level)}" title="{esc(msg)}">{esc(text[a:b])}</mark>')
        pos = b
    out.append(esc(text[pos:]))
    more = "\n…（全文过长，仅显示前部）" if len(result.document.text) > limit else ""
    return f'<div class="cie-fulltext">{"".join(out)}{esc(more)}</div>'


# Gradio's own upload-size error is English and raised in the browser; translate it where it appears.
TRANSLATE_JS = r"""
() => {
  const rules = [
    [/File\(s\) exceed the maximum allowed size of ([^:]+):\s*/, (m, size) => `文件超过单个文件大小上限（${size}），未上传：`],
    [/^\s*Error\s*$/, () => "错误"],
    [/Invalid file type/, () => "不支持的文件类型"],
  ];
  const fix = (node) => {
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    let t;
    while ((t = walker.nextNode())) {
      for (const [rx, f] of rules) {
        if (rx.test(t.nodeValue)) t.nodeValue = t.nodeValue.replace(rx, f);
      }
    }
  };
  new MutationObserver((muts) => muts.forEach((m) => m.addedNodes.forEach((n) => {
    if (n.nodeType === 1 && n.closest && n.closest(".toast-wrap, .toast-body, [data-testid='toast-body']")) fix(n);
    else if (n.nodeType === 1 && n.querySelector && n.querySelector(".toast-body, [data-testid='toast-body']")) fix(n);
    else if (n.nodeType === 3 && n.parentElement && n.parentElement.closest(".toast-body, [data-testid='toast-body']")) fix(n.parentElement);
  }))).observe(document.body, {childList: true, subtree: true});
}
"""
