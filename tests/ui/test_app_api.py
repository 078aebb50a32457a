"""The launched app, called through its API with gradio_client (in process, loopback)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.server


def _rows(table) -> list[list]:
    return table["data"] if isinstance(table, dict) else table


def test_sources_table(client):
    rows, _dropdown, status = client.predict(api_name="/sources")
    names = [r[0] for r in _rows(rows)]
    assert "2024_产销快报.md" in names
    assert _rows(rows)[0][1] in {"PDF", "Word", "Excel", "CSV", "Markdown", "文本", "网页"}
    assert "个来源" in status


def test_search(client):
    html = client.predict("2024年新能源汽车出口", 3, api_name="/search")
    assert "2024_产销快报.md" in html and "128.4" in html


def test_chat_answers_with_numbered_citations(client):
    history, box = client.predict("2024年新能源汽车出口多少万辆？", [], api_name="/chat")
    assert box == ""
    reply = history[-1]["content"][0]["text"] if isinstance(history[-1]["content"], list) else history[-1]["content"]
    assert "128.4万辆" in reply and "[1]" in reply
    assert "<details" in reply and "2024_产销快报.md" in reply


def test_chat_abstains(client):
    history, _ = client.predict("2024年我国光伏组件产量是多少？", [], api_name="/chat")
    reply = history[-1]["content"][0]["text"] if isinstance(history[-1]["content"], list) else history[-1]["content"]
    assert "知识库中没有找到可靠的答案" in reply
    assert "最接近的段落" in reply


def test_ask_returns_the_answer_as_data(client):
    ans = client.predict("2024年新能源汽车出口多少万辆？", api_name="/ask")
    assert ans["grounded"] is True and ans["citations"][0]["source"] == "2024_产销快报.md"


def test_ingest_upload_then_remove(client, tmp_path):
    from gradio_client import handle_file

    doc = tmp_path / "2025_换电站简报.md"
    doc.write_text("# 2025年换电站简报\n\n截至2025年6月底，全国换电站累计建成4321座，同比增长17.3%。\n", encoding="utf-8")
    bad = tmp_path / "表格.exe"
    bad.write_bytes(b"MZ")
    msg, rows, failures, _dd, _status = client.predict([handle_file(doc), handle_file(bad)], api_name="/ingest")
    assert "导入完成" in msg
    assert "2025_换电站简报.md" in [r[0] for r in _rows(rows)]
    fails = _rows(failures)
    assert fails[0][0] == "表格.exe" and "不支持的文件类型" in fails[0][1]

    history, _ = client.predict("截至2025年6月底全国换电站累计建成多少座？", [], api_name="/chat")
    reply = history[-1]["content"][0]["text"] if isinstance(history[-1]["content"], list) else history[-1]["content"]
    assert "4321座" in reply and "2025_换电站简报.md" in reply

    msg, rows, _dd, _status = client.predict("2025_换电站简报.md", api_name="/remove")
    assert "已删除来源" in msg
    assert "2025_换电站简报.md" not in [r[0] for r in _rows(rows)]


def test_bad_uploads_do_not_crash(client, tmp_path):
    from gradio_client import handle_file

    only_bad = tmp_path / "说明.doc"
    only_bad.write_bytes(b"\xd0\xcf\x11\xe0")
    broken = tmp_path / "坏.pdf"
    broken.write_bytes(b"%PDF-1.4 broken")
    msg, rows, failures, _dd, _status = client.predict([handle_file(only_bad)], api_name="/ingest")
    assert "没有可导入的文件" in msg
    assert "不支持的文件类型“.doc”" in _rows(failures)[0][1]
    msg, rows, failures, _dd, _status = client.predict([handle_file(broken)], api_name="/ingest")
    assert "坏.pdf" in [f[0] for f in _rows(failures)]
    ok = tmp_path / "2025_补充说明.md"
    ok.write_text("# 补充说明\n\n示例文字。\n", encoding="utf-8")
    msg, rows, failures, _dd, _status = client.predict([handle_file(ok)], api_name="/ingest")
    assert "导入完成" in msg and not _rows(failures), "a failed upload is not retried on the next one"
    msg, *_ = client.predict(None, api_name="/ingest")
    assert "请先选择" in msg
    msg, *_ = client.predict("不存在的来源.md", api_name="/remove")
    assert msg.startswith("出错：") and "没有来源" in msg
    # the server still answers
    assert "128.4" in client.predict("2024年新能源汽车出口", 3, api_name="/search")


def test_check_groups_findings_and_offers_downloads(client, report_md):
    from gradio_client import handle_file

    summary, findings, fulltext, files, = client.predict(handle_file(report_md), "auto", ["错误", "警告", "提示"],
                                                         api_name="/check")
    assert "行业人才需求预测报告" in summary
    assert "监测指标(二)·客观" in findings and "<mark>遥遥领先</mark>" in findings
    assert "遥遥领先" in fulltext
    names = sorted(Path(f).name for f in files)
    assert names == ["人才需求预测报告.审查.docx", "人才需求预测报告.审查.json"]
    data = json.loads(Path(next(f for f in files if f.endswith(".json"))).read_text(encoding="utf-8"))
    assert any(f["rule_id"] == "objectivity.absolute" for f in data["findings"])


def test_check_rejects_wrong_type(client, tmp_path):
    from gradio_client import handle_file

    bad = tmp_path / "报告.xlsx"
    bad.write_bytes(b"PK")
    summary, *_ = client.predict(handle_file(bad), "auto", ["错误"], api_name="/check")
    assert "不支持的文件类型" in summary


def test_draft_needs_an_industry_and_never_uses_sample_data(client):
    msg, preview, files = client.predict("talent-demand", 2026, None, [], "", api_name="/draft")
    assert msg.startswith("出错：") and "行业名称" in msg and not files
    msg, preview, files = client.predict("talent-demand", 2026, None, [], "新能源汽车", api_name="/draft")
    assert "已生成" in msg and "未上传数据文件" in msg and "示例数据" not in msg, msg
    assert preview.startswith("# 新能源汽车") and "[1]" in preview
    # no survey or postings were given: nothing from the bundled sample data appears
    assert "条岗位记录" not in preview and "合成样例" not in preview and "问卷调查于" not in preview
    suffixes = sorted(Path(f).suffix for f in files)
    assert ".docx" in suffixes and ".md" in suffixes and ".xlsx" not in suffixes


def test_auth_is_required_when_configured(ui_kb):
    import httpx

    from assistant.ui import launch
    from tests.ui.conftest import free_port

    app, url = launch(ui_kb.settings, port=free_port(), block=False, quiet=True, kb=ui_kb, auth=("审查员", "pw-123"))
    try:
        r = httpx.get(url + "config", timeout=10)
        assert r.status_code == 401
        from gradio_client import Client

        c = Client(url, auth=("审查员", "pw-123"), verbose=False)
        assert "128.4" in c.predict("2024年新能源汽车出口", 3, api_name="/search")
    finally:
        app.close(verbose=False)


def test_serve_arguments():
    from assistant.errors import InputError
    from assistant.ui.serve import parse_auth, parse_size

    assert parse_auth("a:b:c") == ("a", "b:c")
    with pytest.raises(InputError, match="用户名:密码"):
        parse_auth("nopassword")
    assert parse_size("50MB") == "50mb"
    with pytest.raises(InputError, match="max-file-size"):
        parse_size("lots")


def test_check_batch_summary_and_downloads(client, report_md, tmp_path):
    """Issue 9: several reports at once; one row per report in the summary, downloads include the workbook."""
    from gradio_client import handle_file

    news = tmp_path / "新闻稿.md"
    news.write_text("某市统计局发布数据显示，全市工业增加值增长5.1%，用工需求有所回升。\n", encoding="utf-8")
    summary, findings, fulltext, files = client.predict([handle_file(report_md), handle_file(news)], "auto",
                                                        ["错误", "警告", "提示"], api_name="/check_batch")
    assert "共审查 2 份报告" in summary and "| 新闻稿.md | 未识别 |" in summary
    assert "行业人才需求预测报告" in summary
    assert "审查汇总.xlsx" in sorted(Path(f).name for f in files)
