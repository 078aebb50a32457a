"""The 年度总结 tab (performance workbook → problems, indicator table and chart → drafted summary) and the
notice's calendar shown on the first page. Handlers only call assistant.annual; errors become one line.

API names (for gradio_client): /annual_template, /annual_inspect, /annual_draft.
"""
from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import gradio as gr

from . import views
from .uploads import copy_upload, original_name

log = logging.getLogger(__name__)

PROBLEM_HEADERS = ["工作表", "行", "列", "问题", "填写内容"]
RELEASE_HEADERS = ["报告或清单", "发布日期", "第一季度内", "状态"]


def calendar_markdown(today: dt.date | None = None) -> str:
    """The same items and days left as `assistant calendar`, as a Markdown table."""
    from ..annual.calendar import CALENDAR_HEADERS, calendar_rows, due_items

    today = today or dt.date.today()
    rows = calendar_rows(due_items(today))
    lines = [f"**通知规定的时间节点**（今天 {today.year}年{today.month}月{today.day}日）", "",
             "| " + " | ".join(CALENDAR_HEADERS) + " |", "|" + "---|" * len(CALENDAR_HEADERS)]
    for r in rows:
        cells = [views.esc(c) for c in r]
        if r[2] == "进行中":
            cells[3] = f"**{cells[3]}**"
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


class AnnualHandlers:
    def __init__(self, ws):
        self.ws = ws

    def _stage(self, file, run: Path) -> Path | None:
        if not file:
            return None
        path = getattr(file, "name", file)
        name = original_name(path)
        if not name.lower().endswith(".xlsx"):
            from ..errors import InputError
            raise InputError(f"{name}：绩效数据应为 XLSX 工作簿（可先下载模板填写）")
        return copy_upload(path, run)

    def _inputs(self, data, previous, run: Path) -> tuple[Path, Path | None]:
        from ..annual.workbook import is_performance_workbook
        from ..errors import InputError

        cur, prev = self._stage(data, run), self._stage(previous, run)
        if cur is None:
            raise InputError("请先上传本年度绩效数据工作簿（没有时可先下载空白模板填写）")
        for p in (cur, prev):
            if p is not None and not is_performance_workbook(p):
                raise InputError(f"{original_name(str(p))} 不是绩效数据工作簿（应含“建设单位”等工作表）")
        return cur, prev

    def template(self):
        """A blank workbook for this year (the same as `assistant template performance`)."""
        from ..annual.workbook import write_workbook

        try:
            year = dt.date.today().year
            out = write_workbook(year, self.ws.run_dir("annual-template") / f"绩效数据_{year}_模板.xlsx")
            return f"已生成 {year} 年度空白模板：按“填表说明”填写后上传。", [str(out)]
        except Exception as e:
            from .app import _fail
            return _fail(e), None

    def _reports(self, files, run: Path) -> list[str]:
        """Published report files for indicator (二): staged and type-checked like the 审查 tab's uploads."""
        from ..errors import InputError
        from .uploads import REPORT_TYPES, check_type

        out = []
        for f in files or []:
            path = getattr(f, "name", f)
            reason = check_type(original_name(path), REPORT_TYPES)
            if reason:
                raise InputError(f"{original_name(path)}：{reason}")
            out.append(str(copy_upload(path, run / "reports")))
        return out

    def inspect(self, data, previous, reports=None):
        """Validate and compute: status, problems, indicator table, releases (with the checker's counts
        for uploaded reports), chart, downloads."""
        from ..annual.indicators import release_rows, table_rows, write_table

        empty = ([], [], [], None, None)
        try:
            run = self.ws.run_dir("annual")
            cur, prev = self._inputs(data, previous, run)
            from ..annual.indicators import compute

            res = compute(cur, previous=prev, reports=self._reports(reports, run))
            problems = [[p.sheet, p.row or "", p.column, p.message, p.value] for p in res.problems]
            rows = table_rows(res)
            if not res.previous_year:
                rows = [[r[0], r[1], r[2], r[3], "", "", r[6]] for r in rows]
            xlsx = write_table(res, run / f"监测指标_{res.year}.xlsx")  # with the (一) chart beside it
            chart = xlsx.parent / f"{xlsx.stem}_建设单位分布.png"
            chart = chart if chart.is_file() else None
            missing = sum(1 for q in res.quantities if q.value is None)
            msg = []
            msg.append(f"{res.year}年度：计算了 {len(res.quantities)} 个数量，其中缺少数据 {missing} 个"
                       + (f"，已与 {res.previous_year} 年度比较" if res.previous_year else "，未上传上年度工作簿，不计算变化"))
            msg.append(f"**发现 {len(res.problems)} 个数据问题**，请按下表修改后重新上传。" if res.problems
                       else "数据校验未发现问题。")
            for c in res.report_checks:
                msg.append(f"{views.esc(c['file'])}（{c['report']}）：客观性问题 {c['objectivity']} 条、完整性问题 "
                           f"{c['completeness']} 条（错误级 {c['completeness_errors']} 条）→ {c['objective']}、{c['complete']}")
            return ("\n\n".join(msg), problems, rows, release_rows(res), str(chart) if chart else None, [str(xlsx)])
        except Exception as e:
            from .app import _fail
            return (_fail(e), *empty)

    def draft(self, data, previous, reports=None, progress=gr.Progress()):
        """Draft the 年度总结报告; returns status, preview Markdown and downloads (DOCX, MD, XLSX)."""
        from ..annual.summary import draft_summary
        from ..draft import DraftProgress

        try:
            run = self.ws.run_dir("annual-draft")
            cur, prev = self._inputs(data, previous, run)
            kb = None
            try:
                kb = self.ws.kb if self.ws.kb.count() else None
            except Exception as e:  # no knowledge base yet: draft from the workbook alone
                log.info("annual draft without a knowledge base: %s", e)

            class Bar(DraftProgress):
                def on_draft_start(self, report, sections):
                    progress(0.0, desc="计算监测指标")

                def on_section_start(self, section_id, title, index, total):
                    progress(index / total, desc=f"起草：{title}（{index + 1}/{total}）")

                def on_export_start(self, out):
                    progress(0.95, desc="导出 Word 和 Excel")

            res = draft_summary(cur, run / "年度总结报告.docx", previous=prev, kb=kb,
                                index_dir=str(self.ws.settings.index_dir), progress=Bar(),
                                reports=self._reports(reports, run))
            status = [
                f"已生成《{res.title}》（{res.seconds:.1f} 秒）"
                + ("" if kb else "；知识库为空，典型案例和背景需人工补充") + "。可在下方下载 Word、Markdown 和监测指标表。"]
            preview = res.markdown.replace("](年度总结报告_charts/", f"](/gradio_api/file={run}/年度总结报告_charts/")
            return "\n\n".join(status), preview, [str(p) for p in res.outputs]
        except Exception as e:
            from .app import _fail
            return _fail(e), "", None


def build_tab(ws) -> None:
    """The 年度总结 tab; call inside `gr.Tabs()`."""
    h = AnnualHandlers(ws)
    with gr.Tab("年度总结", id="annual"):
        with gr.Row():
            with gr.Column(scale=1):
                data = gr.File(label="本年度绩效数据工作簿（XLSX）", file_count="single", type="filepath",
                               elem_id="annual-data", height=130)
                previous = gr.File(label="上一年度绩效数据工作簿（可选，用于比较）", file_count="single",
                                   type="filepath", elem_id="annual-previous", height=130)
                gr.Markdown("<span class='cie-muted'>没有工作簿时先下载空白模板（与命令 <code>assistant template "
                            "performance</code> 相同），按“填表说明”填写后上传。</span>")
                template_btn = gr.Button("下载空白模板", size="sm", elem_id="annual-template")
                reports = gr.File(label="已发布的报告（可选，DOCX/MD/TXT/PDF：审查是否客观、全面）", file_count="multiple",
                                  type="filepath", elem_id="annual-reports", height=110)
                with gr.Row():
                    inspect_btn = gr.Button("校验并计算指标", variant="secondary", elem_id="annual-inspect")
                    draft_btn = gr.Button("起草年度总结报告", variant="primary", elem_id="annual-draft")
                msg = gr.Markdown(elem_id="annual-msg")
                files = gr.File(label="下载（Word / Markdown / 监测指标 Excel）", file_count="multiple",
                                interactive=False, height=170, elem_id="annual-files")
            with gr.Column(scale=2):
                problems = gr.Dataframe(headers=PROBLEM_HEADERS, value=[], label="数据问题（工作表、行、列）",
                                        interactive=False, wrap=True, elem_id="annual-problems", max_height=260)
                table = gr.Dataframe(headers=["监测指标", "数量", "本年", "单位", "上年", "变化", "数据来源"], value=[],
                                     label="六项监测指标", interactive=False, wrap=True, elem_id="annual-table",
                                     max_height=520, column_widths=["8%", "32%", "10%", "7%", "10%", "15%", "18%"])
                with gr.Row():
                    releases = gr.Dataframe(headers=RELEASE_HEADERS, value=[], label="(二) 报告和清单发布情况",
                                            interactive=False, wrap=True, elem_id="annual-releases", scale=1,
                                            column_widths=["38%", "24%", "14%", "24%"])
                    chart = gr.Image(label="(一) 建设单位分布", type="filepath", elem_id="annual-chart", height=300,
                                     scale=1)
        with gr.Accordion("年度总结报告预览", open=True):
            preview = gr.Markdown("<div class='cie-empty'>起草后在此预览（含引用编号和参考来源）</div>",
                                  elem_id="annual-preview", max_height=900)
    template_btn.click(h.template, None, [msg, files], api_name="annual_template")
    inspect_btn.click(h.inspect, [data, previous, reports], [msg, problems, table, releases, chart, files],
                      api_name="annual_inspect")
    draft_btn.click(h.draft, [data, previous, reports], [msg, preview, files], api_name="annual_draft",
                    concurrency_limit=1, concurrency_id="draft")
