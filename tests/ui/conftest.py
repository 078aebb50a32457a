"""Fixtures for the web app tests: a small knowledge base of its own (the UI tests ingest into it
and remove from it, so the shared `mixed_kb` stays untouched), a launched app on a free loopback
port, and a sample report for the checker."""
from __future__ import annotations

import socket
from pathlib import Path

import pytest

from tests.conftest import build_mixed_corpus

REPORT_MD = """# 新能源汽车行业人才需求预测报告（2025年）

发布时间：2025年3月

## 一、行业发展现状

我国新能源汽车产业遥遥领先，是全球最好的产业。2024年新能源汽车产量1288.8万辆。

## 二、人才需求预测

预计2026年人才缺口将达到200万人。
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def ui_kb(tmp_path_factory):
    from assistant.config import Settings
    from assistant.kb import KnowledgeBase

    corpus = build_mixed_corpus(tmp_path_factory.mktemp("ui-corpus") / "docs")
    kb = KnowledgeBase(Settings(index_dir=tmp_path_factory.mktemp("ui-index")))
    report = kb.ingest([corpus])
    assert report.ok, report.failures
    return kb


@pytest.fixture(scope="session")
def report_md(tmp_path_factory) -> Path:
    p = tmp_path_factory.mktemp("reports") / "人才需求预测报告.md"
    p.write_text(REPORT_MD, encoding="utf-8")
    return p


@pytest.fixture(scope="session")
def ui_server(ui_kb):
    """The app launched in this process on a free loopback port: yields (app, url)."""
    from assistant.ui import launch

    app, url = launch(ui_kb.settings, host="127.0.0.1", port=free_port(), block=False, quiet=True, kb=ui_kb,
                      concurrency=4)
    try:
        yield app, url
    finally:
        app.close(verbose=False)


@pytest.fixture(scope="session")
def client(ui_server):
    from gradio_client import Client

    return Client(ui_server[1], verbose=False)
