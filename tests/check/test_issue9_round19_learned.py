"""Issue 9, round 19: the learned filter over the rule findings (assistant/check/learned.py).

No test here loads the real embedder except the one marked slow; the others use a small deterministic stand-in.
"""
from __future__ import annotations

import numpy as np
import pytest

from assistant.check import check_text
from assistant.check import checker
from assistant.check.findings import Finding
from assistant.check.learned import (CUES, ENV_SWITCH, LearnedFilter, apply_filter, context, features,
                                     load_filter)

# a figure with no source anywhere: the rules raise an evidence finding on it
UNSOURCED = ("冷链物流企业营业收入2025年达到356亿元,比上年增长12.4%,占物流业收入的比重为2.1%。其中,冷库租赁收入91亿元。\n"
             "2025年,冷链物流各环节保持平稳运行。\n")


class StubEmbedder:
    """Unit vectors that depend only on the text's length (enough to exercise the plumbing)."""

    dim = 384

    def __init__(self):
        self.calls = 0

    def embed_passages(self, texts):
        self.calls += 1
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            out[i, len(t) % self.dim] = 1.0
        return out


def finding(category: str, text: str, part: str, rule_id: str = "evidence.unsourced-figure") -> Finding:
    s = text.index(part)
    return Finding(rule_id=rule_id, category=category, level="warning", criterion="监测指标(二)·客观", section="",
                   text=part, span=[s, s + len(part)], message="")


def source_filter(threshold: float = 0.5) -> LearnedFilter:
    """A filter whose only non-zero weight reads the cue 'a source cue in the sentence' (kept when present)."""
    rule_ids = ["evidence.unsourced-figure"]
    n = StubEmbedder.dim + len(CUES) + len(rule_ids) + 3
    w = np.zeros(n, dtype=np.float32)
    w[StubEmbedder.dim + CUES.index("source_sentence")] = 8.0
    params = {"w": w, "b": -4.0, "mean": np.zeros(n, np.float32), "scale": np.ones(n, np.float32),
              "threshold": threshold, "rule_ids": rule_ids}
    return LearnedFilter({"evidence": params})


@pytest.fixture
def learned_on(monkeypatch):
    monkeypatch.setenv(ENV_SWITCH, "1")  # the filter is opt-in since round 34


def test_shipped_weights_load_and_fit_the_features():
    model = load_filter()
    assert model is not None and "evidence" in model.params
    p = model.params["evidence"]
    assert 0.0 < p["threshold"] < 1.0
    x = features(np.zeros(384, np.float32), np.zeros(len(CUES), np.float32), "evidence.unsourced-figure", "warning",
                 p["rule_ids"])
    assert x.shape == p["w"].shape
    assert 0.0 <= float(model.probability("evidence", x)[0]) <= 1.0


def test_save_and_load_round_trip(tmp_path):
    path = tmp_path / "filter.npz"
    source_filter(0.4).save(path)
    back = LearnedFilter.load(path)
    assert back.params["evidence"]["threshold"] == pytest.approx(0.4)
    assert back.params["evidence"]["rule_ids"] == ["evidence.unsourced-figure"]


def test_filter_drops_a_low_scored_finding_and_keeps_a_high_scored_one(monkeypatch, learned_on):
    monkeypatch.setattr("assistant.check.learned.load_filter", source_filter)
    text = "据海关总署统计，全年水产品出口额为213亿美元。\n渔船数量减少到4.1万艘。\n"
    sourced = finding("evidence", text, "213亿美元")
    bare = finding("evidence", text, "4.1万艘")
    emb = StubEmbedder()
    kept, note = apply_filter(text, [sourced, bare], lambda: emb)
    assert kept == [sourced]
    assert note["learned_filter"] == "applied"
    assert [d["text"] for d in note["learned_dropped"]] == ["4.1万艘"]
    assert emb.calls == 1  # the sentences of all findings in one call


def test_filter_leaves_categories_it_does_not_read(monkeypatch, learned_on):
    monkeypatch.setattr("assistant.check.learned.load_filter", source_filter)
    text = "供热企业的服务水平显著提升。\n"
    obj = finding("objectivity", text, "显著提升", rule_id="objectivity.vague-change")
    emb = StubEmbedder()
    kept, note = apply_filter(text, [obj], lambda: emb)
    assert kept == [obj] and note["learned_filter"] == "not needed" and emb.calls == 0


def test_fallback_without_the_embedder_keeps_every_finding(monkeypatch, learned_on):
    monkeypatch.setattr(checker, "_section_embedder", lambda: None)
    plain = check_text(UNSOURCED, learned=False)
    assert any(f.category == "evidence" for f in plain.findings)
    res = check_text(UNSOURCED)
    assert res.summary["learned_filter"] == "unavailable"
    assert [f.to_dict() for f in res.findings] == [f.to_dict() for f in plain.findings]
    assert plain.summary["learned_filter"] == "off"


def test_fallback_without_weights(monkeypatch, learned_on):
    monkeypatch.setattr("assistant.check.learned.load_filter", lambda: None)
    f = finding("evidence", UNSOURCED, "356亿元")
    kept, note = apply_filter(UNSOURCED, [f], lambda: StubEmbedder())
    assert kept == [f] and note["learned_filter"] == "unavailable"


def test_fallback_when_the_embedder_fails(monkeypatch, learned_on):
    class Broken(StubEmbedder):
        def embed_passages(self, texts):
            raise RuntimeError("engine")
    monkeypatch.setattr("assistant.check.learned.load_filter", source_filter)
    f = finding("evidence", UNSOURCED, "356亿元")
    kept, note = apply_filter(UNSOURCED, [f], lambda: Broken())
    assert kept == [f] and note["learned_filter"] == "unavailable"


def test_switched_off_by_the_environment(monkeypatch):
    monkeypatch.setenv(ENV_SWITCH, "0")
    f = finding("evidence", UNSOURCED, "356亿元")
    kept, note = apply_filter(UNSOURCED, [f], lambda: pytest.fail("the embedder must not load"))
    assert kept == [f] and note == {"learned_filter": "off"}


def test_context_cues():
    text = "“市场热度空前”，一位店主说。\n门店数量继续增加。全年新开门店1200家。\n"
    s = text.index("热度空前")
    _, cues = context(text, s, s + 4)
    assert cues[CUES.index("quoted")] == 1.0
    s = text.index("继续增加")
    sentence, cues = context(text, s, s + 4)
    assert sentence == "门店数量继续增加" and cues[CUES.index("fig_next")] == 1.0
    assert cues[CUES.index("fig_clause")] == 0.0 and cues[CUES.index("quoted")] == 0.0


def test_cli_accepts_no_learned(tmp_path, capsys):
    from assistant.cli import main
    path = tmp_path / "r.md"
    path.write_text(UNSOURCED, encoding="utf-8")
    code = main(["check", str(path), "--format", "json", "--no-learned"])
    assert code in (0, 1)
    assert '"learned_filter": "off"' in capsys.readouterr().out


@pytest.mark.slow
def test_real_embedder_scores_an_unsourced_figure(learned_on):
    res = check_text(UNSOURCED)
    assert res.summary["learned_filter"] == "applied"
    kept = [f for f in res.findings if f.category == "evidence"]
    dropped = res.summary["learned_dropped"]
    assert kept or dropped
    assert all(0.0 <= d["learned_score"] < 1.0 for d in dropped)


def test_web_summary_says_what_the_filter_set_aside_or_that_it_could_not_run():
    from types import SimpleNamespace

    from assistant.ui.views import check_summary

    base = {"report_name": "行业发展分析报告", "total": 2, "by_level": {"warning": 2}}
    dropped = SimpleNamespace(summary={**base, "learned_filter": "applied", "learned_dropped": [{}, {}, {}]},
                              report=None, findings=[])
    assert "另有 3 条" in check_summary(dropped, "某报告.docx")
    off = SimpleNamespace(summary={**base, "learned_filter": "unavailable", "learned_note": "嵌入模型无法加载，仅用规则"},
                          report=None, findings=[])
    assert "学习过滤层不可用" in check_summary(off, "某报告.docx")
    plain = SimpleNamespace(summary={**base, "learned_filter": "off"}, report=None, findings=[])
    assert "学习过滤层" not in check_summary(plain, "某报告.docx")
