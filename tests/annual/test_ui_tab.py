"""The 年度总结 tab's handlers and the first page's calendar (the layout is built with the whole app)."""
import datetime as dt

from assistant.annual.workbook import is_performance_workbook
from assistant.config import Settings
from assistant.ui.annual_tab import AnnualHandlers, calendar_markdown
from assistant.ui.app import Workspace, build_app

from .conftest import SAMPLE_2025, SAMPLE_2026


def test_calendar_markdown_matches_cli_items():
    md = calendar_markdown(dt.date(2026, 11, 30))
    assert "年度总结报告" in md and "**还剩 15 天**" in md and "绩效数据采集" in md


def test_inspect_and_draft_handlers(tmp_path):
    ws = Workspace(Settings.from_env(index_dir=str(tmp_path / "idx")))
    h = AnnualHandlers(ws)
    msg, problems, rows, releases, chart, files = h.inspect(str(SAMPLE_2026), str(SAMPLE_2025))
    assert "2026年度" in msg and problems == [] and chart and files[0].endswith(".xlsx")
    assert any(r[1] == "订单培养学生" and r[5].startswith("+") for r in rows)
    assert [r[0] for r in releases][0] == "行业发展分析报告"
    rep = tmp_path / "行业发展分析报告.md"
    rep.write_text("# 示例行业发展分析报告（2026年）\n\n## 一、行业发展现状\n\n该行业全球最大。\n", encoding="utf-8")
    msg = h.inspect(str(SAMPLE_2026), None, [str(rep)])[0]
    assert "行业发展分析报告.md（行业发展分析报告）：客观性问题 1 条" in msg
    bad = tmp_path / "x.txt"
    bad.write_text("x", encoding="utf-8")
    assert h.inspect(str(bad), None)[0].startswith("出错：")
    msg, files = h.template()
    assert "空白模板" in msg and is_performance_workbook(files[0])
    msg, preview, files = h.draft(str(SAMPLE_2026), None, None, progress=lambda *a, **k: None)
    assert "已生成" in msg and "## 二、建设成效" in preview and any(f.endswith(".docx") for f in files)


def test_app_has_the_tab(tmp_path):
    app = build_app(Settings.from_env(index_dir=str(tmp_path / "idx")))
    names = {getattr(b, "label", None) for b in app.blocks.values()}
    assert "年度总结" in names and "时间节点" in names


def test_no_workbook_is_a_message(tmp_path):
    h = AnnualHandlers(Workspace(Settings.from_env(index_dir=str(tmp_path / "idx"))))
    assert h.inspect(None, None)[0].startswith("出错：请先上传本年度绩效数据工作簿")
