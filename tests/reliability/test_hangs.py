"""Hangs: user-supplied regex patterns (outlines, rule packs) and unbounded user input."""
from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

from assistant import safe_regex
from assistant.errors import InputError

from .conftest import HANG_TIMEOUT, REPO, run_cli_subprocess

CATASTROPHIC = [r"(a|a)*b", r"(\w+\s?)+$", r"(x+x+)+y", r"^(中|中)+\d$"]


def outline_with_pattern(tmp_path: Path, pattern: str, name: str = "bad.yaml") -> Path:
    raw = yaml.safe_load((REPO / "assistant" / "outlines" / "talent-demand.yaml").read_text(encoding="utf-8"))
    raw["sections"][0]["required_elements"][0]["patterns"] = [pattern]
    p = tmp_path / name
    p.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return p


@pytest.mark.parametrize("pattern", CATASTROPHIC)
def test_catastrophic_pattern_rejected_at_compile_fast(pattern):
    t0 = time.perf_counter()
    with pytest.raises(InputError, match="灾难性回溯"):
        safe_regex.compile_user(pattern, safe_regex.M, "测试")
    assert time.perf_counter() - t0 < 10


def test_ordinary_patterns_pass_and_behave_like_re():
    import re

    for p in [r"数据来源|资料来源", r"\d{4}\s*[年—-]\s*\d{4}", r"据.{0,20}(统计|发布|数据)", r"^#+\s*(\S+)$"]:
        rx = safe_regex.compile_user(p, safe_regex.M)
        text = "# 标题\n据中汽协统计，2021—2025年数据来源如下"
        assert [m.span() for m in rx.finditer(text)] == [m.span() for m in re.finditer(p, text, re.M)]


def test_runtime_timeout_turns_into_input_error():
    rx = safe_regex.compile_user(r"^(.+)+X$", safe_regex.M)  # quadratic in `regex`: passes the probes
    t0 = time.perf_counter()
    with pytest.raises(InputError, match="匹配超时"):
        rx.search("aaaa X aaaa" * 4000)
    assert time.perf_counter() - t0 < 40


def test_time_budget_bounds_a_whole_request():
    rx = safe_regex.compile_user(r"^(.+)+X$", safe_regex.M)
    t0 = time.perf_counter()
    with pytest.raises(InputError):
        with safe_regex.time_budget(0.5):
            for _ in range(100):
                rx.search("aaaa X aaaa" * 300)
    assert time.perf_counter() - t0 < 10


def test_outline_with_catastrophic_pattern_is_rejected_at_load(tmp_path):
    from assistant.outline import load_outline

    with pytest.raises(InputError, match="提纲文件.*灾难性回溯"):
        load_outline(path=outline_with_pattern(tmp_path, r"(\w+\s?)+$"))


def test_check_with_hostile_outline_fails_fast_with_one_line(tmp_path):
    report = tmp_path / "r.md"
    report.write_text("# 行业人才需求预测报告\n\n" + "aaaa X aaaa" * 20 + "\n", encoding="utf-8")
    r = run_cli_subprocess("check", str(report), "--outline", str(outline_with_pattern(tmp_path, r"(x+x+)+y")))
    assert r.returncode == 2 and "Traceback" not in r.stderr and "灾难性回溯" in r.stderr


def test_check_with_issue_pattern_on_long_line_finishes(tmp_path):
    """The issue's `^(.+)+X$` froze `check` with `re`; with the time-bounded engine it ends."""
    report = tmp_path / "r.md"
    report.write_text("# 行业人才需求预测报告\n\n## 报告说明\n\n" + "aaaa X aaaa" * 3000 + "\n", encoding="utf-8")
    r = run_cli_subprocess("check", str(report), "--format", "json",
                           "--outline", str(outline_with_pattern(tmp_path, r"^(.+)+X$")))
    assert r.returncode in (0, 1, 2) and "Traceback" not in r.stderr
    if r.returncode == 2:
        assert "超时" in r.stderr


def test_draft_with_hostile_outline_fails_fast(tmp_path, empty_index):
    r = run_cli_subprocess("draft", "--report", "talent-demand", "--industry", "示例行业", "--index", str(empty_index), "--year", "2026",
                           "--outline", str(outline_with_pattern(tmp_path, r"(a|a)*b")), "--out", str(tmp_path / "o.md"))
    assert r.returncode == 2 and "灾难性回溯" in r.stderr and "Traceback" not in r.stderr


def test_rule_pack_with_catastrophic_pattern_is_rejected(tmp_path):
    from assistant.check.rules import load_rules

    pack = tmp_path / "bad.yaml"
    pack.write_text(yaml.safe_dump({"rules": [{"id": "x1", "kind": "existence", "level": "warning",
                                               "category": "objectivity", "criterion": "监测指标(二)", "message": "m",
                                               "patterns": [r"(\w+\s?)+$"]}]}, allow_unicode=True), encoding="utf-8")
    with pytest.raises(InputError, match="bad.yaml.*灾难性回溯"):
        load_rules([pack])


def test_long_query_refused_before_embedding(empty_index):
    from assistant.config import MAX_QUERY_CHARS, Settings
    from assistant.kb import KnowledgeBase

    kb = KnowledgeBase(Settings(index_dir=empty_index))
    t0 = time.perf_counter()
    with pytest.raises(InputError, match="查询过长"):
        kb.search("电" * (MAX_QUERY_CHARS + 1))
    with pytest.raises(InputError, match="问题过长"):
        from assistant.chat import answer
        answer("问" * 1_000_000, kb)
    assert time.perf_counter() - t0 < 5
    assert kb.embedding._embedder is None  # refused before the model was even loaded


def test_check_text_length_is_bounded():
    from assistant.check import check_text
    from assistant.config import MAX_CHECK_CHARS

    with pytest.raises(InputError, match="过长"):
        check_text("# 报告\n\n" + "文" * (MAX_CHECK_CHARS + 1), report="talent-demand")


def test_search_cli_long_query_one_line(cli, empty_index):
    rc, out, err = cli("search", "电" * 5000, "--index", str(empty_index))
    assert rc == 2 and err.startswith("错误：查询过长") and len(err.strip().splitlines()) == 1


@pytest.mark.server
def test_web_draft_with_hostile_outline_answers_and_server_stays_up(small_kb, tmp_path):
    import socket

    import httpx
    from gradio_client import Client, handle_file

    from assistant.ui import launch

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app, url = launch(small_kb.settings, host="127.0.0.1", port=port, block=False, quiet=True, kb=small_kb)
    try:
        client = Client(url, verbose=False)
        job = client.submit("talent-demand", 2026, handle_file(str(outline_with_pattern(tmp_path, r"(x+x+)+y"))),
                            None, "示例行业", api_name="/draft")
        assert httpx.get(url, timeout=10).status_code == 200  # pages still answer meanwhile
        msg = job.result(timeout=HANG_TIMEOUT)[0]
        assert msg.startswith("出错：") and "灾难性回溯" in msg
        assert httpx.get(url, timeout=10).status_code == 200
    finally:
        app.close()
