"""assistant.chat: extractive answers with citations, abstention, and the validated LLM path
against a stub OpenAI-compatible server on loopback."""
from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from assistant import chat
from assistant.config import Settings
from assistant.errors import InputError
from assistant.textproc import split_sentences


def test_extractive_answer_cites_the_passage(ui_kb):
    ans = chat.answer("2024年新能源汽车出口多少万辆？", ui_kb)
    assert ans.grounded and ans.mode == "extractive"
    assert "128.4万辆" in ans.text
    assert "[1]" in ans.text
    assert ans.citations[0].n == 1
    assert ans.citations[0].source == "2024_产销快报.md"
    assert "128.4" in ans.citations[0].text


def test_every_sentence_carries_a_valid_citation(ui_kb):
    ans = chat.answer("截至2022年底全国充电基础设施累计数量是多少？", ui_kb)
    assert ans.grounded
    numbers = {c.n for c in ans.citations}
    for sent in split_sentences(ans.text):
        cited = {int(x) for g in chat.CITATION.findall(sent) for x in g.split(",")}
        assert cited and cited <= numbers, sent
    assert "521万台" in ans.text


@pytest.mark.parametrize("question", ["2024年我国光伏组件产量是多少？", "宁德时代2023年的净利润是多少？",
                                      "2023年全国快递业务量是多少亿件？"])
def test_abstains_when_evidence_is_weak(ui_kb, question):
    ans = chat.answer(question, ui_kb)
    assert not ans.grounded and ans.mode == "abstain"
    assert ans.text == chat.NOT_FOUND
    assert ans.citations == []
    assert ans.passages, "the closest passages are still shown"


def test_abstains_when_the_evidence_is_about_another_year(ui_kb):
    ans = chat.answer("2023年新能源汽车出口多少万辆？", ui_kb)  # the corpus has 2022 and 2024 only
    assert not ans.grounded and ans.text == chat.NOT_FOUND
    ans = chat.answer("2022年新能源汽车出口多少万辆？", ui_kb)
    assert ans.grounded and "67.9万辆" in ans.text and "128.4" not in ans.text


@pytest.mark.parametrize("question", ["2024年新能源汽车出口到欧洲多少万辆？",  # a place the passage does not name
                                      "截至2022年底广东省充电基础设施累计数量是多少？",
                                      "2024年新能源汽车进口多少万辆？"])  # another attribute (出口 is there)
def test_abstains_on_near_misses(ui_kb, question):
    ans = chat.answer(question, ui_kb)
    assert not ans.grounded and ans.mode == "abstain", ans.text


def test_focus_terms_name_the_asked_for_attribute():
    from tests.chat_helpers import sample_tokenizer

    tok = sample_tokenizer()
    assert chat.focus_terms("2025年新能源汽车出口多少万辆？", tok) == {"出口"}
    assert "编码" in chat.focus_terms("智能网联汽车测试员的国家职业编码是什么？", tok)
    assert chat.focus_terms("什么是求人倍率？", tok) == set()
    assert chat.focus_terms("报告通常包含哪几部分？", tok) == set()
    assert chat.focus_terms("2022年新能源汽车销量是多少？比2021年多了多少？", tok) == {"销量"}


def test_dense_similarities_rank_the_paraphrase_and_are_cached(ui_kb, monkeypatch):
    # sentences no other test embeds, so the first call must embed them and the second must not
    sents = ["2024年新能源汽车出口128.4万辆，同比增长6.7%（缓存测试）。", "我国负极材料产量约占全球90%（缓存测试）。"]
    q = "2024年卖到国外的电动车有多少？（缓存测试）"
    emb = chat._embedder(ui_kb)
    calls = []
    embed_passages, embed_query = emb.embed_passages, emb.embed_query
    monkeypatch.setattr(emb, "embed_passages", lambda xs: (calls.append(list(xs)), embed_passages(xs))[1])
    monkeypatch.setattr(emb, "embed_query", lambda x: (calls.append([x]), embed_query(x))[1])
    first = chat.dense_similarities(q, sents, ui_kb)
    assert first is not None and first[0] > first[1]
    assert sorted(x for c in calls for x in c) == sorted([*sents, q])
    calls.clear()
    assert chat.dense_similarities(q, sents, ui_kb) == first
    assert calls == []  # vectors came from the cache
    assert chat.dense_similarities(q, sents, object()) is None  # no embedder: lexical scoring only


def test_bad_arguments_are_named(ui_kb):
    with pytest.raises(InputError, match="问题为空"):
        chat.answer("  ", ui_kb)
    with pytest.raises(InputError, match="top_k 必须大于 0，当前为 0"):
        chat.answer("出口", ui_kb, top_k=0)


def test_split_sentences_skips_table_headers_and_joins_colon_lists():
    text = "表1：岗位 | 供需比\n表1｜岗位：电池工程师；供需比：0.16\n报告通常包括四部分：\n一是现状。\n二是需求。"
    out = chat.split_sentences(text)
    assert not any(" | " in s for s in out)
    assert "表1｜岗位：电池工程师；供需比：0.16" in out
    assert any(s.startswith("报告通常包括四部分：") and "二是需求" in s for s in out)


def test_validate_llm_answer_drops_uncited_and_unsupported_sentences():
    passages = ["2024年新能源汽车出口128.4万辆，同比增长6.7%。", "2022年出口67.9万辆。"]
    text = ("2024年新能源汽车出口128.4万辆[1]。出口同比增长9.9%[1]。2022年出口67.9万辆[2]。"
            "这是常识。引用不存在的段落[7]。")
    kept, dropped = chat.validate_llm_answer(text, 2, passages)
    assert [k[0] for k in kept] == ["2024年新能源汽车出口128.4万辆。", "2022年出口67.9万辆。"]
    assert [k[1] for k in kept] == [[1], [2]]
    assert len(dropped) == 3
    assert any("9.9" in d for d in dropped)


# ------------------------------------------------------------------------------ LLM stub server

class _Stub:
    reply = ""
    status = 200
    delay = 0.0
    requests: list = []


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        _Stub.requests.append((self.path, body))
        if _Stub.delay:
            time.sleep(_Stub.delay)
        try:
            self._reply(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout test)
            pass

    def _reply(self, body):
        if _Stub.status != 200:
            self.send_response(_Stub.status)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b'{"error": {"message": "boom"}}')
            return
        out = {"id": "x", "object": "chat.completion", "created": 0, "model": body.get("model", "m"),
               "choices": [{"index": 0, "finish_reason": "stop",
                            "message": {"role": "assistant", "content": _Stub.reply}}],
               "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}
        data = json.dumps(out, ensure_ascii=False).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture(scope="module")
def llm_url():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()
    server.server_close()


@pytest.fixture
def llm_settings(llm_url, ui_kb):
    _Stub.reply, _Stub.status, _Stub.delay = "", 200, 0.0
    _Stub.requests.clear()
    return Settings(index_dir=ui_kb.settings.index_dir, llm_base_url=llm_url, llm_model="stub", llm_timeout=2)


def test_llm_answer_is_validated_and_renumbered(ui_kb, llm_settings):
    hits = ui_kb.search("2024年新能源汽车出口多少万辆？", top_k=5)
    n = next(i for i, h in enumerate(hits, start=1) if "128.4" in h.text)
    _Stub.reply = f"2024年新能源汽车出口128.4万辆[{n}]。出口增长了99.9%[{n}]。"
    ans = chat.answer("2024年新能源汽车出口多少万辆？", ui_kb, llm_settings)
    assert ans.mode == "llm" and ans.grounded
    assert ans.text == "2024年新能源汽车出口128.4万辆[1]。"
    assert ans.citations[0].source == "2024_产销快报.md"
    assert any("99.9" in note for note in ans.notes)
    path, body = _Stub.requests[0]
    assert path.endswith("/chat/completions")
    prompt = "\n".join(m["content"] for m in body["messages"])
    assert "2024年新能源汽车出口多少万辆" in prompt and "[1]" in prompt


def test_llm_error_falls_back_to_extractive(ui_kb, llm_settings):
    _Stub.status = 500
    ans = chat.answer("2024年新能源汽车出口多少万辆？", ui_kb, llm_settings)
    assert ans.mode == "extractive" and "128.4万辆" in ans.text
    assert ans.notes and "改用抽取式" in ans.notes[0]


def test_llm_timeout_falls_back_to_extractive(ui_kb, llm_settings):
    _Stub.delay = 3.0  # the settings' timeout is 2 s
    t0 = time.perf_counter()
    ans = chat.answer("2024年新能源汽车出口多少万辆？", ui_kb, llm_settings)
    assert time.perf_counter() - t0 < 10
    assert ans.mode == "extractive" and "128.4万辆" in ans.text


def test_llm_output_without_valid_citations_falls_back(ui_kb, llm_settings):
    _Stub.reply = "新能源汽车出口很多。"
    ans = chat.answer("2024年新能源汽车出口多少万辆？", ui_kb, llm_settings)
    assert ans.mode == "extractive" and "[1]" in ans.text


def test_llm_is_not_asked_when_evidence_is_weak(ui_kb, llm_settings):
    _Stub.reply = "光伏组件产量为500GW[1]。"
    ans = chat.answer("2024年我国光伏组件产量是多少？", ui_kb, llm_settings)
    assert ans.mode == "abstain" and not _Stub.requests


def test_unknown_nouns_weigh_fully_and_colloquial_words_little(ui_kb):
    terms, unknown = chat.term_weights("2023年全国一共卖出去多少辆汽车？", ui_kb)
    assert not unknown  # 卖出去 is how a person asks, not a thing the knowledge base lacks
    assert terms["卖出去"] < max(terms.values()) * 0.5
    terms, unknown = chat.term_weights("智能网联汽车测试员的国家职业编码是什么？", ui_kb)
    assert "编码" in unknown


def test_a_paraphrased_question_is_answered_and_a_changed_owner_is_not(ui_kb):
    ans = chat.answer("2022年新能源车一共出口了多少辆？", ui_kb)
    assert ans.grounded and "67.9万辆" in ans.text, ans.text
    # the answer is at most three sentences, each with its citation
    assert 1 <= len(split_sentences(ans.text)) <= chat.MAX_SENTENCES <= 3
    ans = chat.answer("2024年动力电池的出口量是多少？", ui_kb)
    assert not ans.grounded, ans.text
