"""The 年度总结 tab and the first page's calendar in a real browser (Debian chromium + playwright).

Screenshots go to /tmp/ui-shots/annual_*.png for a person to look at."""
from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path

import openpyxl
import pytest

from .conftest import SAMPLE_2025, SAMPLE_2026

pytestmark = [pytest.mark.browser, pytest.mark.server]

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run"]
SHOTS = Path("/tmp/ui-shots")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("CI 环境缺少 /usr/bin/chromium")
        pytest.skip("需要 Debian chromium（apt-get install chromium fonts-noto-cjk）")
    from playwright.sync_api import sync_playwright

    from assistant.config import Settings
    from assistant.ui import launch

    settings = Settings(index_dir=tmp_path_factory.mktemp("annual-ui-index"))
    app, url = launch(settings, host="127.0.0.1", port=_free_port(), block=False, quiet=True)
    shots = tmp_path_factory.mktemp("annual-shots")
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
            pg = context.new_page()
            pg.set_default_timeout(90_000)
            pg.shots = shots
            pg.app_url = url
            pg.goto(url)
            pg.wait_for_selector("#calendar-table")
            yield pg
            context.close()
            browser.close()
    finally:
        app.close()
    SHOTS.mkdir(parents=True, exist_ok=True)
    for f in shots.glob("*.png"):
        shutil.copyfile(f, SHOTS / f.name)


def shot(pg, name: str) -> None:
    pg.screenshot(path=str(pg.shots / f"annual_{name}.png"), full_page=True)


def test_first_page_shows_the_calendar(page):
    page.wait_for_function("document.querySelector('#calendar-table').innerText.includes('年度总结报告')")
    text = page.inner_text("#calendar-table")
    assert "绩效数据采集" in text and "剩余天数" in text and "天" in text
    shot(page, "01_首页时间节点")


def test_broken_workbook_lists_its_problems(page, tmp_path):
    bad = tmp_path / "绩效数据_有问题.xlsx"
    shutil.copyfile(SAMPLE_2026, bad)
    wb = openpyxl.load_workbook(bad)
    wb["建设单位"]["D3"] = "火星"
    wb["人才培养"]["E2"] = -3
    wb.save(bad)
    page.get_by_role("tab", name="年度总结").click()
    page.set_input_files("#annual-data input[type=file]", str(bad))
    page.wait_for_timeout(800)
    page.click("#annual-inspect")
    page.wait_for_function("document.querySelector('#annual-msg').innerText.includes('数据问题')")
    problems = page.inner_text("#annual-problems")
    assert "所在省份" in problems and "不能为负数" in problems
    shot(page, "02_数据问题")


def test_indicator_table_chart_and_draft(page):
    page.goto(page.app_url)  # a fresh page: the upload boxes are empty again
    page.get_by_role("tab", name="年度总结").click()
    page.set_input_files("#annual-data input[type=file]", str(SAMPLE_2026))
    page.set_input_files("#annual-previous input[type=file]", str(SAMPLE_2025))
    page.wait_for_timeout(800)
    page.click("#annual-inspect")
    page.wait_for_function("document.querySelector('#annual-msg').innerText.includes('未发现问题')")
    page.wait_for_selector("#annual-chart img")
    table = page.inner_text("#annual-table")
    assert "建设单位数量" in table and "+3（+14.3%）" in table  # first rows (the table renders rows lazily)
    shot(page, "03_监测指标")
    page.click("#annual-draft")
    page.wait_for_function("document.querySelector('#annual-msg').innerText.includes('已生成')", timeout=180_000)
    preview = page.inner_text("#annual-preview")
    assert "建设成效" in preview and "存在问题" in preview and "下一年度工作计划" in preview
    assert "缺少数据" in preview  # named as missing, never shown as 0
    files = page.inner_text("#annual-files")
    assert ".docx" in files and "监测指标" in files
    shot(page, "04_起草完成")
