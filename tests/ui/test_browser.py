"""End to end in a real browser: Debian chromium driven by Python playwright.

Uploads a file on 知识库 and finds it in the sources table, asks a question on 问答 and reads the
cited answer, runs a check on 审查 and reads a finding, drafts on 起草. Screenshots go to the test's
tmp dir and are copied to /tmp/ui-shots/ for a person to look at.
"""
from __future__ import annotations

import shutil
import os
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.server]

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run"]
SHOTS = Path("/tmp/ui-shots")


@pytest.fixture(scope="module")
def page(ui_server, tmp_path_factory):
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):  # .ci/run installs chromium: a missing browser there is a failure
            pytest.fail("CI 环境缺少 /usr/bin/chromium")
        pytest.skip("需要 Debian chromium（apt-get install chromium fonts-noto-cjk）")
    from playwright.sync_api import sync_playwright

    shots = tmp_path_factory.mktemp("shots")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
        pg = context.new_page()
        pg.set_default_timeout(60_000)
        pg.shots = shots
        pg.goto(ui_server[1])
        pg.wait_for_selector("#kb-sources")
        yield pg
        context.close()
        browser.close()
    SHOTS.mkdir(parents=True, exist_ok=True)
    for f in shots.glob("*.png"):
        shutil.copyfile(f, SHOTS / f.name)


def fill_until_held(pg, elem_id: str, text: str, tries: int = 6) -> None:
    """Type into a Gradio textbox and wait until the page holds the value.

    Once in a clean-clone CI run a single fill on the freshly shown 起草 tab never reached the field
    (the box was re-mounted after the fill): re-locate and fill again rather than wait on a lost fill.
    """
    fields = f"{elem_id} textarea, {elem_id} input"
    holds = f"[...document.querySelectorAll('{fields}')].some(e => e.value === {text!r})"
    for _ in range(tries):
        pg.locator(fields).first.fill(text)
        try:
            pg.wait_for_function(holds, timeout=10_000)
            return
        except Exception:
            pg.wait_for_timeout(1_000)
    raise AssertionError(f"{elem_id} 填入“{text}”后未保持")


def shot(pg, name: str) -> None:
    pg.screenshot(path=str(pg.shots / f"{name}.png"), full_page=True)


def test_page_is_chinese_and_lists_sources(page):
    page.wait_for_function("document.querySelector('#kb-sources').innerText.includes('2024_产销快报.md')")
    for tab in ("知识库", "起草", "审查", "问答"):
        assert page.get_by_role("tab", name=tab).is_visible()
    assert "个来源" in page.inner_text("#kb-status")
    shot(page, "01_知识库")


def test_upload_file_shows_in_sources(page, tmp_path):
    doc = tmp_path / "2025_换电运营简报.md"
    doc.write_text("# 2025年换电运营简报\n\n2025年上半年，示例城市换电站日均服务车辆3456车次，同比增长21.4%。\n",
                   encoding="utf-8")
    page.get_by_role("tab", name="知识库").click()
    page.set_input_files("#kb-upload input[type=file]", str(doc))
    page.wait_for_timeout(500)
    page.click("#kb-ingest")
    page.wait_for_function(
        "document.querySelector('#kb-sources').innerText.includes('2025_换电运营简报.md')", timeout=120_000)
    page.wait_for_selector("#kb-ingest-msg :text('导入完成')")
    shot(page, "02_知识库_上传后")


def test_ask_and_read_cited_answer(page):
    page.get_by_role("tab", name="问答").click()
    fill_until_held(page, "#chat-input", "2024年新能源汽车出口多少万辆？")
    page.click("#chat-send")
    page.wait_for_selector("#chatbot details.cie-cite")
    text = page.inner_text("#chatbot")
    assert "128.4万辆" in text and "[1]" in text and "2024_产销快报.md" in text
    page.locator("#chatbot details.cie-cite summary").last.click()
    page.wait_for_timeout(300)
    assert page.locator("#chatbot details.cie-cite").last.evaluate("d => d.open")
    fill_until_held(page, "#chat-input", "2024年我国光伏组件产量是多少？")
    page.click("#chat-send")
    page.wait_for_function("document.querySelector('#chatbot').innerText.includes('知识库中没有找到可靠的答案')")
    shot(page, "03_问答")


def test_check_and_read_a_finding(page, report_md):
    page.get_by_role("tab", name="审查").click()
    page.set_input_files("#check-upload input[type=file]", str(report_md))
    page.wait_for_timeout(500)
    page.click("#check-run")
    page.wait_for_selector("#check-findings .cie-finding")
    findings = page.inner_text("#check-findings")
    assert "监测指标(二)·客观" in findings and "遥遥领先" in findings
    assert page.locator("#check-findings mark").count() > 0
    page.wait_for_function("(() => { const t = document.querySelector('#check-files').innerText;"
                           " return t.includes('审查') && t.includes('docx') && t.includes('json'); })()")
    shot(page, "04_审查")
    page.get_by_label("错误").uncheck()
    page.get_by_label("提示").uncheck()
    page.wait_for_function("!document.querySelector('#check-findings').innerText.includes('缺少章节')")
    assert "遥遥领先" in page.inner_text("#check-findings")
    shot(page, "05_审查_仅警告")


def test_draft_with_industry_name(page):
    page.get_by_role("tab", name="起草").click()
    page.locator("#draft-run").wait_for(state="visible")
    fill_until_held(page, "#draft-industry", "新能源汽车")
    page.click("#draft-run")
    try:  # the per-section progress is shown while drafting (a few seconds): catch it if we can
        page.wait_for_function("document.body.innerText.includes('起草第')", timeout=15_000)
        shot(page, "06a_起草_进度")
    except Exception:
        pass
    try:
        page.wait_for_function("document.querySelector('#draft-files').innerText.includes('docx')", timeout=180_000)
    except Exception:  # once in a full clean-clone run the draft never finished: keep what the page said
        shot(page, "06x_起草_未完成")
        raise AssertionError("起草未完成；页面起草区文字：" + page.inner_text("#draft-files")[:300]
                             + " | " + page.inner_text("#draft-preview")[:300])
    preview = page.inner_text("#draft-preview")
    assert "[1]" in preview
    shot(page, "06_起草")


def test_oversized_upload_gets_a_chinese_message(page, ui_kb, tmp_path):
    from assistant.ui import launch
    from tests.ui.conftest import free_port

    app, url = launch(ui_kb.settings, port=free_port(), block=False, quiet=True, kb=ui_kb, max_file_size="1kb")
    try:
        big = tmp_path / "大文件.md"
        big.write_text("# 大文件\n\n" + "数据" * 2000, encoding="utf-8")
        page.goto(url)
        page.wait_for_selector("#kb-sources")
        page.set_input_files("#kb-upload input[type=file]", str(big))
        page.wait_for_function("document.body.innerText.includes('文件超过单个文件大小上限')")
        shot(page, "07_超过大小上限")
        assert "单个不超过 1KB" in page.inner_text("body")
    finally:
        app.close(verbose=False)


def test_empty_knowledge_base_says_what_to_do(page, tmp_path):
    from assistant.config import Settings
    from assistant.ui import launch
    from tests.ui.conftest import free_port

    app, url = launch(Settings(index_dir=tmp_path / "empty-index"), port=free_port(), block=False, quiet=True)
    try:
        page.goto(url)
        page.wait_for_function("(document.querySelector('#kb-status') || {innerText: ''}).innerText.includes('知识库为空')")
        shot(page, "00_空知识库")
        page.get_by_role("tab", name="问答").click()
        fill_until_held(page, "#chat-input", "2024年新能源汽车出口多少万辆？")
        page.click("#chat-send")
        page.wait_for_function("document.querySelector('#chatbot').innerText.includes('知识库为空')")
    finally:
        app.close(verbose=False)


def test_check_several_reports_and_drill_down(page, ui_server, report_md, tmp_path):
    """Issue 9: upload two reports, read the summary table, open the second one."""
    page.goto(ui_server[1])  # earlier tests may have left the page on a server they have since closed
    page.wait_for_selector("#kb-sources")
    news = tmp_path / "统计新闻.md"
    news.write_text("某市统计局发布数据显示，全市工业增加值增长5.1%。\n\n用工需求有所回升，合作企业较多。\n", encoding="utf-8")
    page.get_by_role("tab", name="审查").click()
    for level in ("错误", "警告", "提示"):  # an earlier test may have left some levels unticked
        page.get_by_label(level).check()
    page.set_input_files("#check-upload input[type=file]", [str(report_md), str(news)])
    page.click("#check-run")
    page.wait_for_function("(() => { const t = document.querySelector('#check-summary').innerText;"
                           " return t.includes('份报告') && t.includes('统计新闻.md'); })()")
    assert "未识别" in page.inner_text("#check-summary")
    page.locator("#check-pick input").click()
    page.get_by_role("option", name="统计新闻.md").click()
    page.wait_for_function("document.querySelector('#check-findings').innerText.includes('有所回升')")
    shot(page, "05_审查_多份报告")
