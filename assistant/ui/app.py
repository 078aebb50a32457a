"""The Gradio layout and its event handlers. Handlers only call library functions
(`KnowledgeBase`, `chat.answer`, `draft.draft_report`, `check.check_file`) and render the results
with `views`; errors become Chinese messages in the page, never a crashed server.

API names (for gradio_client): /ingest, /sources, /remove, /search, /chat, /ask, /check (one file),
/check_batch (several files), /filter_findings, /draft.
"""
from __future__ import annotations

import json
import logging
import shutil
import tempfile
import threading
import time
import traceback
from pathlib import Path

import gradio as gr

from ..annual.calendar import report_year
from ..config import MAX_QUERY_CHARS, REQUEST_SECONDS, Settings, require_year
from ..errors import AssistantError
from ..outline import report_kinds
from ..profile import PROFILE_FILE, load_profile, resolve_profile
from ..safe_regex import time_budget
from . import annual_tab, views
from .uploads import (DATA_TYPES, KB_TYPES, OUTLINE_TYPES, REPORT_TYPES, check_type, copy_upload,
                      original_name, stage_kb_uploads, types_text)

log = logging.getLogger(__name__)

REPORT_KINDS = [(name, kind) for kind, name in report_kinds(from_data=True).items()]
CHECK_KINDS = [("自动识别", "auto")] + REPORT_KINDS + [("年度总结报告", "annual-summary")]


def index_industry(index_dir) -> str:
    """The industry named by the index's profile (prefills the 起草 tab), or "" when there is none."""
    try:
        return load_profile(Path(index_dir) / PROFILE_FILE).industry if (Path(index_dir) / PROFILE_FILE).is_file() else ""
    except AssistantError:
        return ""


def _fail(e: BaseException) -> str:
    """One Chinese line for the page; unexpected errors are logged with their traceback."""
    if isinstance(e, AssistantError):
        return f"出错：{e}"
    log.error("unexpected error in the web app:\n%s", traceback.format_exc())
    return f"出错：处理失败（{type(e).__name__}: {e}）"


class Workspace:
    """What the app's handlers share: the settings, the knowledge base (opened lazily, once),
    a lock that serialises writes to it, and a scratch folder for generated files."""

    def __init__(self, settings: Settings, kb=None):
        self.settings = settings
        self._kb = kb
        self._open_lock = threading.Lock()
        self.write_lock = threading.Lock()
        self.workdir = Path(tempfile.mkdtemp(prefix="cie-ui-"))

    @property
    def kb(self):
        if self._kb is None:
            with self._open_lock:
                if self._kb is None:
                    from ..kb import KnowledgeBase

                    self._kb = KnowledgeBase.open(settings=self.settings)
        return self._kb

    @property
    def uploads(self) -> Path:
        return Path(self.settings.index_dir) / "uploads"

    def run_dir(self, kind: str) -> Path:
        d = self.workdir / f"{kind}-{time.strftime('%Y%m%d-%H%M%S')}-{threading.get_ident() % 10000}"
        d.mkdir(parents=True, exist_ok=True)
        return d


# ------------------------------------------------------------------------------ handlers

class Handlers:
    def __init__(self, ws: Workspace):
        self.ws = ws

    # knowledge base -----------------------------------------------------------------------
    def _sources_view(self):
        infos = self.ws.kb.sources()
        return views.source_rows(infos), gr.update(choices=[i.source for i in infos], value=None), views.kb_status(infos)

    def sources(self):
        """The sources table, the remove dropdown and a one-line status."""
        try:
            return self._sources_view()
        except Exception as e:
            return [], gr.update(choices=[], value=None), _fail(e)

    def ingest(self, files, progress=gr.Progress()):
        """Stage the uploads (type checks, safe unzip) into <index>/uploads/ and ingest that folder."""
        if not files:
            rows, dd, status = self.sources()
            return "请先选择要上传的文件（或一个文件夹的 zip 压缩包）。", rows, [], dd, status
        files = files if isinstance(files, list) else [files]
        spans = {"load": (0.0, 0.3), "embed": (0.3, 0.95), "index": (0.95, 1.0), "scan": (0.0, 0.0)}

        def on_progress(stage: str, done: int, total: int, detail: str = "") -> None:
            lo, hi = spans.get(stage, (0.0, 1.0))
            frac = lo + (hi - lo) * (done / total if total else 1.0)
            label = views.STAGE_CN.get(stage, stage)
            progress(frac, desc=f"{label} {done}/{total} {Path(detail).name if detail else ''}".strip())

        try:
            with self.ws.write_lock:
                progress(0.0, desc="接收上传文件")
                staged = stage_kb_uploads([getattr(f, "name", f) for f in files], self.ws.uploads)
                failures = [[n, r] for n, r in staged.rejected]
                if not staged.files:
                    rows, dd, status = self._sources_view()
                    return "没有可导入的文件：所有上传的文件都未通过检查，原因见下表。", rows, failures, dd, status
                report = self.ws.kb.ingest([self.ws.uploads], progress=on_progress)
                # A file that failed is not in the knowledge base; keeping it would fail every later upload.
                root = self.ws.uploads.resolve()
                for f in report.failures:
                    bad = (root / f.source).resolve()
                    if bad.is_file() and bad.is_relative_to(root):
                        bad.unlink()
                failures += views.failure_rows(report.failures)
                rows, dd, status = self._sources_view()
                return views.ingest_summary(report, staged.rejected), rows, failures, dd, status
        except Exception as e:
            rows, dd, status = self.sources()
            return _fail(e), rows, [], dd, status

    def remove(self, source):
        if not source:
            rows, dd, status = self.sources()
            return "请先在下拉框中选择要删除的来源。", rows, dd, status
        try:
            with self.ws.write_lock:
                n = self.ws.kb.remove_source(source)
                # An uploaded file left in the uploads folder would come back on the next upload.
                up = (self.ws.uploads / source).resolve()
                if up.is_file() and up.is_relative_to(self.ws.uploads.resolve()):
                    up.unlink()
                rows, dd, status = self._sources_view()
            return f"已删除来源 **{views.esc(source)}**（{n} 个分块）。", rows, dd, status
        except Exception as e:
            rows, dd, status = self.sources()
            return _fail(e), rows, dd, status

    def search(self, query, top_k=5):
        try:
            if not (query or "").strip():
                return views.empty("请输入检索内容")
            hits = self.ws.kb.search(query, top_k=int(top_k or 5))
            return views.hits_html(hits)
        except Exception as e:
            return views.empty(_fail(e))

    # chat ------------------------------------------------------------------------------------
    def ask(self, question: str) -> dict:
        """API only: the Answer as a dict (text, citations, grounded, mode, passages)."""
        from ..chat import answer

        try:
            return answer(question, self.ws.kb, self.ws.settings).to_dict()
        except Exception as e:
            return {"question": question, "text": _fail(e), "citations": [], "grounded": False, "mode": "error",
                    "passages": [], "coverage": 0.0, "notes": []}

    def chat(self, message: str, history: list | None):
        """Chatbot turn: append the question and the cited answer (or the abstention)."""
        from ..chat import answer

        history = list(history or [])
        message = (message or "").strip()
        if not message:
            return history, ""
        history.append({"role": "user", "content": message})
        try:
            if self.ws.kb.count() == 0:
                reply = "知识库为空，请先在「知识库」页上传资料。"
            else:
                reply = views.answer_message(answer(message, self.ws.kb, self.ws.settings))
        except Exception as e:
            reply = _fail(e)
        history.append({"role": "assistant", "content": reply})
        return history, ""

    # review ----------------------------------------------------------------------------------
    def check(self, file, kind, levels):
        """Check one or several uploaded reports. Returns the summary (with a table of all reports when there are
        several), the first report's findings and marked text, the downloads, and the state for drill-down."""
        blank = (views.findings_html(None), views.marked_fulltext(None), None, None)
        uploads = [f for f in (file if isinstance(file, (list, tuple)) else [file]) if f]
        if not uploads:
            return ("请先上传要审查的报告（DOCX、Markdown、TXT 或 PDF），可一次上传多份。", *blank)
        run = self.ws.run_dir("check")
        kb = self.ws.kb if self.ws.kb.count() else None
        names, results, files, rows = [], [], [], []
        for up in uploads:
            name, result, made, row = self._check_one(up, kind, kb, run)
            names.append(name)
            results.append(result)
            files.extend(made)
            rows.append(row)
        if len(uploads) > 1:
            from ..check.summary import write_summary

            try:
                files.append(str(write_summary(rows, run / "审查汇总.xlsx")))
            except Exception as e:  # noqa: BLE001 - the per-report downloads are still useful
                log.warning("summary workbook failed: %s", e)
        state = {"names": names, "results": results, "rows": rows, "current": 0}
        first = next((i for i, r in enumerate(results) if r is not None), None)
        if first is None:
            if len(uploads) == 1:
                return (f"出错：{names[0]}：{rows[0]['结论'].removeprefix('审查失败：')}。", *blank)
            return (views.batch_summary(rows), *blank[:2], files or None, state)
        state["current"] = first
        head = views.batch_summary(rows) + "\n\n" if len(uploads) > 1 else ""
        r = results[first]
        return (head + views.check_summary(r, names[first]), views.findings_html(r, levels),
                views.marked_fulltext(r, levels), files or None, state)

    def _check_one(self, up, kind, kb, run):
        from ..check import check_file, render
        from ..check.summary import summary_row

        path = getattr(up, "name", up)
        name = original_name(path)
        reason = check_type(name, REPORT_TYPES)
        if reason:
            return name, None, [], summary_row(name, None, error=reason)
        try:
            src = copy_upload(path, run)
            with time_budget(REQUEST_SECONDS):  # user patterns cannot hold a worker for long
                result = check_file(src, report=None if kind in (None, "", "auto") else kind, kb=kb)
            made = []
            try:
                render(result, "docx", run / f"{src.stem}.审查.docx", source_path=src)
                made.append(str(run / f"{src.stem}.审查.docx"))
            except Exception as e:  # the JSON is still useful when the commented DOCX cannot be built
                log.warning("commented DOCX failed: %s", e)
            render(result, "json", run / f"{src.stem}.审查.json")
            made.append(str(run / f"{src.stem}.审查.json"))
            return name, result, made, summary_row(name, result)
        except Exception as e:  # noqa: BLE001 - one bad file must not stop the others
            return name, None, [], summary_row(name, None, error=_fail(e).removeprefix("出错："))

    def pick_choices(self, state):
        names = (state or {}).get("names") or []
        value = names[(state or {}).get("current", 0)] if names else None
        return gr.update(choices=names, value=value, visible=len(names) > 1)

    def pick(self, state, name, levels):
        """Drill down into one report of the batch."""
        if not state or name not in (state.get("names") or []):
            return gr.update(), gr.update(), gr.update(), state
        i = state["names"].index(name)
        state["current"] = i
        r = state["results"][i]
        head = views.batch_summary(state["rows"]) + "\n\n"
        if r is None:
            return head + f"**{views.esc(name)}**：{views.esc(state['rows'][i].get('结论', ''))}", \
                views.findings_html(None), views.marked_fulltext(None), state
        return (head + views.check_summary(r, name), views.findings_html(r, levels), views.marked_fulltext(r, levels),
                state)

    def filter_findings(self, result, levels):
        if isinstance(result, dict):  # the batch state
            names = result.get("results") or []
            result = names[result.get("current", 0)] if names else None
        return views.findings_html(result, levels), views.marked_fulltext(result, levels)

    # drafting --------------------------------------------------------------------------------
    def draft(self, kind, year, outline, data_files, industry="", progress=gr.Progress()):
        from ..draft import DraftProgress, draft_report

        try:
            year = require_year(int(year), "报告年度")
        except (TypeError, ValueError):
            return "出错：请填写报告年度（如 2026）。", "", None
        except AssistantError as e:
            return _fail(e), "", None
        if kind not in dict((v, k) for k, v in REPORT_KINDS):
            return f"出错：未知的报告类型：{kind}", "", None
        industry = (industry or "").strip()
        index_dir = Path(self.ws.settings.index_dir)
        if not industry and not (index_dir / PROFILE_FILE).is_file():
            return ("出错：请填写行业名称（知识库中没有行业配置；也可在命令行运行 assistant profile init "
                    "生成行业配置）。"), "", None
        try:
            profile = resolve_profile(industry or None, None, index_dir)
            run = self.ws.run_dir("draft")
            notes = []
            if data_files:
                files = data_files if isinstance(data_files, list) else [data_files]
                data = []
                for f in files:
                    p = getattr(f, "name", f)
                    reason = check_type(original_name(p), DATA_TYPES)
                    if reason:
                        return f"出错：{original_name(p)}：{reason}。", "", None
                    data.append(str(copy_upload(p, run / "data")))
            else:
                data = []
                notes.append("未上传数据文件：报告只依据知识库中的资料起草，问卷、招聘和供给分析部分说明缺少的数据。")
            outline_path = None
            if outline:
                p = getattr(outline, "name", outline)
                reason = check_type(original_name(p), OUTLINE_TYPES)
                if reason:
                    return f"出错：提纲 {original_name(p)}：{reason}。", "", None
                outline_path = str(copy_upload(p, run / "outline"))

            class UIProgress(DraftProgress):
                def on_draft_start(self, report, sections):
                    progress(0.02, desc=f"分析数据（共 {len(sections)} 章）")

                def on_section_start(self, section_id, title, index, total):
                    progress(0.05 + 0.85 * index / max(total, 1), desc=f"起草第 {index + 1}/{total} 章：{title}")

                def on_section_end(self, section_id, title, index, total, mode):
                    progress(0.05 + 0.85 * (index + 1) / max(total, 1), desc=f"已完成第 {index + 1}/{total} 章")

                def on_export_start(self, out):
                    progress(0.93, desc="导出 Word、Markdown 和清单")

            name = dict((v, k) for k, v in REPORT_KINDS)[kind]
            out = run / f"{name}（{year}年）.docx"
            with time_budget(REQUEST_SECONDS):
                res = draft_report(kind, self.ws.kb, data, year, out, outline_path=outline_path,
                                   settings=self.ws.settings, progress=UIProgress(), run_dir=run / "run",
                                   profile=profile)
            outputs = [str(p) for p in res.outputs if Path(p).is_file()]
            modes = {}
            for s in getattr(res, "sections", []) or []:
                modes[getattr(s, "mode", "")] = modes.get(getattr(s, "mode", ""), 0) + 1
            status = [f"已生成《{res.title or name}》（{len(getattr(res, 'sections', []) or [])} 章，用时 "
                      f"{getattr(res, 'seconds', 0.0):.1f} 秒）。可在左下方“下载”框中下载 Word、Markdown 和 Excel 清单。"] + notes
            return "\n\n".join(status), res.markdown, outputs
        except Exception as e:
            return _fail(e), "", None


# ------------------------------------------------------------------------------ layout

def build_app(settings: Settings | None = None, kb=None, concurrency: int = 2,
              max_file_size: str | int | None = None) -> gr.Blocks:
    """The whole web app. `kb` may be given (tests); otherwise it is opened from settings on first use."""
    settings = settings or Settings.from_env()
    ws = Workspace(settings, kb)
    h = Handlers(ws)
    llm = f"已配置大模型（{settings.llm_model}）" if settings.llm_enabled else "未配置大模型：问答为抽取式，起草为确定性生成"
    limit = f"（单个不超过 {str(max_file_size).upper()}）" if max_file_size else ""
    prefill_industry = index_industry(settings.index_dir)
    # examples in the page come from the index's own industry, never from a bundled sample
    example_query = f"{prefill_industry}人才需求" if prefill_industry else "行业人才需求"
    example_question = f"{prefill_industry}的人才缺口有多大？" if prefill_industry else "本行业的人才缺口有多大？"

    with gr.Blocks(title="产教融合共同体报告助手", analytics_enabled=False) as app:
        app.workspace = ws  # for tests and launch()
        gr.Markdown(f"# 产教融合共同体报告助手\n<span class='cie-muted'>{llm}</span>",  # no server paths
                    elem_classes=["cie-header"])
        kb_status = gr.Markdown(elem_id="kb-status")
        with gr.Accordion("时间节点", open=True, elem_id="calendar"):
            gr.Markdown(annual_tab.calendar_markdown, elem_id="calendar-table")  # recomputed on each page load

        with gr.Tabs():
            # ---------------------------------------------------------------- 知识库
            with gr.Tab("知识库", id="kb"):
                with gr.Row():
                    with gr.Column(scale=2):
                        up = gr.File(label="上传资料（可多选）", file_count="multiple", type="filepath",
                                     elem_id="kb-upload", height=160)
                        gr.Markdown(f"<span class='cie-muted'>支持 PDF、Word（DOCX）、Excel（XLSX）、CSV、Markdown、TXT、HTML，"
                                    f"或一个文件夹的 ZIP 压缩包{limit}；其他类型会列在“未能导入的文件”中。</span>")
                        ingest_btn = gr.Button("导入知识库", variant="primary", elem_id="kb-ingest")
                        ingest_msg = gr.Markdown(elem_id="kb-ingest-msg")
                        failures = gr.Dataframe(headers=views.FAILURE_HEADERS, value=[], label="未能导入的文件",
                                                interactive=False, wrap=True, elem_id="kb-failures")
                    with gr.Column(scale=3):
                        sources = gr.Dataframe(headers=views.SOURCE_HEADERS, value=[], label="来源",
                                               interactive=False, wrap=True, elem_id="kb-sources",
                                               column_widths=["55%", "15%", "12%", "18%"])
                        with gr.Row():
                            to_remove = gr.Dropdown(label="选择要删除的来源", choices=[], scale=3, elem_id="kb-remove-choice",
                                                    allow_custom_value=True)
                            remove_btn = gr.Button("删除来源", variant="stop", scale=1, elem_id="kb-remove")
                        remove_msg = gr.Markdown()
                with gr.Accordion("检索测试", open=False):
                    with gr.Row():
                        query = gr.Textbox(label="检索内容", placeholder=f"如：{example_query}", scale=4,
                                           max_length=MAX_QUERY_CHARS)
                        top_k = gr.Slider(1, 20, value=5, step=1, label="返回条数", scale=1)
                    search_btn = gr.Button("检索")
                    hits = gr.HTML(views.empty("输入检索内容后点击“检索”"))

            # ---------------------------------------------------------------- 起草
            with gr.Tab("起草", id="draft"):
                with gr.Row():
                    with gr.Column(scale=1):
                        kind = gr.Radio(REPORT_KINDS, value="talent-demand", label="报告类型")
                        industry = gr.Textbox(value=prefill_industry, label="行业名称",
                                              placeholder="如：现代物流（知识库有行业配置时自动填入）",
                                              elem_id="draft-industry")
                        year = gr.Number(value=report_year("talent-demand"), precision=0, label="报告年度",
                                         info="默认为尚未截止的编制周期（第一季度发布的报告，4–12 月起草时为下一年）")
                        outline = gr.File(label="提纲（可选，YAML；不上传则用内置提纲）", file_count="single",
                                          type="filepath", height=150)
                        data = gr.File(label=f"数据文件（可选，{types_text(DATA_TYPES)}）", file_count="multiple",
                                       type="filepath", height=150)
                        gr.Markdown("<span class='cie-muted'>不上传数据文件时，只依据知识库资料起草，"
                                    "不会使用任何示例数据。</span>")
                        draft_btn = gr.Button("生成初稿", variant="primary", elem_id="draft-run")
                        draft_msg = gr.Markdown()
                        draft_files = gr.File(label="下载（Word / Markdown / Excel 清单）", file_count="multiple",
                                              interactive=False, height=220, elem_id="draft-files")
                    with gr.Column(scale=2):
                        preview = gr.Markdown("<div class='cie-empty'>生成后在此预览初稿（含引用编号和参考来源）</div>",
                                              label="预览", elem_id="draft-preview", max_height=900)

            # ---------------------------------------------------------------- 审查
            with gr.Tab("审查", id="check"):
                result_state = gr.State(None)
                with gr.Row():
                    with gr.Column(scale=1):
                        report_file = gr.File(label="上传报告（DOCX、MD、TXT、PDF，可多份）", file_count="multiple",
                                              type="filepath", elem_id="check-upload", height=160)
                        if limit:
                            gr.Markdown(f"<span class='cie-muted'>单个文件{limit.strip('（）')}</span>")
                        check_kind = gr.Dropdown(CHECK_KINDS, value="auto", label="报告类型")
                        levels = gr.CheckboxGroup(list(views.LEVEL_CN.values()), value=list(views.LEVEL_CN.values()),
                                                  label="显示级别")
                        check_btn = gr.Button("开始审查", variant="primary", elem_id="check-run")
                        check_api_file = gr.File(file_count="single", type="filepath", visible=False)
                        check_api_btn = gr.Button(visible=False)
                        check_files = gr.File(label="下载（带批注的 Word / JSON）", file_count="multiple",
                                              interactive=False, height=170, elem_id="check-files")
                    with gr.Column(scale=2):
                        check_msg = gr.Markdown(elem_id="check-summary")
                        check_pick = gr.Dropdown([], label="查看某份报告的详情", visible=False, elem_id="check-pick",
                                                 interactive=True)
                        findings = gr.HTML(views.findings_html(None), elem_id="check-findings")
                        with gr.Accordion("全文标注", open=False):
                            fulltext = gr.HTML(views.marked_fulltext(None))

            annual_tab.build_tab(ws)  # 年度总结

            # ---------------------------------------------------------------- 问答
            with gr.Tab("问答", id="chat"):
                chatbot = gr.Chatbot(label="问答（答案只依据知识库，并标注来源编号）", height=560, elem_id="chatbot",
                                     placeholder=f"<div class='cie-empty'>在下方输入问题，例如：{views.esc(example_question)}</div>",
                                     buttons=["copy"], feedback_options=None)
                with gr.Row():
                    question = gr.Textbox(placeholder="输入问题后按回车", show_label=False, scale=5, elem_id="chat-input",
                                          max_length=MAX_QUERY_CHARS)
                    ask_btn = gr.Button("提问", variant="primary", scale=1, elem_id="chat-send")
                clear = gr.Button("清空对话", size="sm")
                gr.Markdown("<span class='cie-muted'>证据不足时会回答“知识库中没有找到可靠的答案”，并列出最接近的段落。</span>")

        # ---------------------------------------------------------------- events
        writes = dict(concurrency_limit=1, concurrency_id="kb-write")
        app.load(h.sources, None, [sources, to_remove, kb_status], api_name="sources")
        ingest_btn.click(h.ingest, [up], [ingest_msg, sources, failures, to_remove, kb_status], api_name="ingest",
                         **writes)
        remove_btn.click(h.remove, [to_remove], [remove_msg, sources, to_remove, kb_status], api_name="remove", **writes)
        search_btn.click(h.search, [query, top_k], [hits], api_name="search")
        query.submit(h.search, [query, top_k], [hits], api_visibility="private")
        draft_btn.click(h.draft, [kind, year, outline, data, industry], [draft_msg, preview, draft_files], api_name="draft",
                        concurrency_limit=1, concurrency_id="draft")
        check_btn.click(h.check, [report_file, check_kind, levels],
                        [check_msg, findings, fulltext, check_files, result_state], api_name="check_batch").then(
            h.pick_choices, [result_state], [check_pick], api_visibility="private")
        # /check keeps its single-file API contract (gradio_client callers pass one file)
        check_api_btn.click(h.check, [check_api_file, check_kind, levels],
                            [check_msg, findings, fulltext, check_files, result_state], api_name="check")
        check_pick.input(h.pick, [result_state, check_pick, levels], [check_msg, findings, fulltext, result_state],
                         api_visibility="private")
        levels.change(h.filter_findings, [result_state, levels], [findings, fulltext], api_name="filter_findings")
        ask_btn.click(h.chat, [question, chatbot], [chatbot, question], api_name="chat")
        question.submit(h.chat, [question, chatbot], [chatbot, question], api_visibility="private")
        clear.click(lambda: ([], ""), None, [chatbot, question], api_visibility="private")
        gr.api(h.ask, api_name="ask")
    app.queue(default_concurrency_limit=concurrency, max_size=256)
    return app
