"""LLM path against a stub OpenAI-compatible chat-completions server on loopback."""
import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from fixtures import NEV_PROFILE  # noqa: E402
from assistant.config import Settings
from assistant.draft import draft_report, numbers_in
from assistant.llm import load_prompt, validate_output

pytestmark = pytest.mark.server


class Stub(BaseHTTPRequestHandler):
    mode = "ok"
    requests = []

    def log_message(self, *a):
        pass

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        Stub.requests.append(body)
        if Stub.mode == "error":
            self.send_response(500)
            self.end_headers()
            self.wfile.write(b'{"error": {"message": "boom"}}')
            return
        if Stub.mode == "slow":
            time.sleep(1.5)
        user = body["messages"][-1]["content"]
        ev = re.findall(r"^\[(E\d+)\]（[^）]*）(.+)$", user, flags=re.M)
        data = re.findall(r"^\[(D\d+)\] (.+)$", user, flags=re.M)
        lines = [f"{t.rstrip('。')}[{i}]。" for i, t in ev[:6]] + [f"{t.rstrip('。')}[{i}]。" for i, t in data]
        lines.append("该领域产值达到987654亿元[E1]。")  # fabricated number → dropped
        lines.append("行业前景广阔[E99]。")  # unknown id → dropped
        content = "".join(lines) + "\n\n" + "建议加强订单培养、学徒制、现场工程师培养和在职培训，优化专业设置和课程。"
        resp = {"id": "x", "object": "chat.completion", "created": 0, "model": body.get("model", "m"),
                "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
                "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}
        raw = json.dumps(resp, ensure_ascii=False).encode()
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)
        except (BrokenPipeError, ConnectionResetError):  # the client timed out first
            pass


@pytest.fixture()
def stub():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Stub)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    Stub.requests = []
    yield f"http://127.0.0.1:{srv.server_address[1]}/v1"
    srv.shutdown()
    srv.server_close()


def test_prompt_is_data():
    p = load_prompt("draft_section")
    assert {"evidence", "data", "section_title"} <= p.variables()


def test_validate_output_drops_bad_sentences():
    ev = {"E1": ("src:a", "2024年销量1286.6万辆，增长35.5%。")}
    paras, dropped = validate_output("2024年销量1286.6万辆[E1]。销量增长50%[E1]。见[E7]。无依据的数字12。总体向好。",
                                     ev, {}, "")
    kept = [s.text for p in paras for s in p]
    assert kept == ["2024年销量1286.6万辆。"]  # issue 12: an uncited sentence is dropped even without numbers
    assert len(dropped) == 4


def test_computed_figures_need_a_data_citation():
    ev = {"E1": ("src:a", "2024年销量1286.6万辆。")}
    data = {"D1": ("data:survey", "样本企业计划招聘1800人。")}
    paras, dropped = validate_output("样本企业计划招聘1800人[E1]。样本企业计划招聘1800人[D1]。", ev, data,
                                     "样本企业计划招聘1800人。")
    assert [s.text for p in paras for s in p] == ["样本企业计划招聘1800人。"]
    assert paras[0][0].cites == ["data:survey"] and "1800" in dropped[0][1]


def test_llm_path_validated(stub, data_files, fake_kb, tmp_path):
    Stub.mode = "ok"
    st = Settings(llm_base_url=stub, llm_model="stub", llm_timeout=5)
    res = draft_report("talent-demand", fake_kb, list(data_files.values()), 2026, tmp_path / "l.md", settings=st, profile=NEV_PROFILE)
    assert Stub.requests, "the stub server was not called"
    modes = {sd.id: sd.mode for sd in res.sections}
    assert "llm" in modes.values()
    text = res.markdown
    assert "987654" not in text and "[E" not in text
    for sd in res.sections:
        if sd.mode == "llm":
            assert any("987654" in n for n in sd.notes)
            for b in sd.blocks:
                for s in b.sentences:
                    allowed = set()
                    for k in s.cites:
                        allowed |= numbers_in(next(r.text for r in res.references if r.key == k), strip_cites=False)
                    assert numbers_in(s.text) <= allowed


@pytest.mark.parametrize("mode", ["error", "slow"])
def test_llm_error_and_timeout_fall_back(stub, mode, data_files, fake_kb, tmp_path):
    Stub.mode = mode
    st = Settings(llm_base_url=stub, llm_model="stub", llm_timeout=0.5)
    res = draft_report("talent-demand", fake_kb, list(data_files.values()), 2026, tmp_path / "f.md", settings=st, profile=NEV_PROFILE)
    assert all(sd.mode in ("llm-fallback", "deterministic") for sd in res.sections)
    assert any(sd.mode == "llm-fallback" for sd in res.sections)
    assert all(sd.text.strip() for sd in res.sections)
