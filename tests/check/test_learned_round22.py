"""Issue 9, round 22: document-level cues of the learned layer and cue sets stored with the weights
(assistant/check/learned.py). A stand-in embedder only; no real model is loaded here."""
from __future__ import annotations

import numpy as np
import pytest

from assistant.check.findings import Finding
from assistant.check.learned import (ALL_CUES, CUES, DOC_CUES, ENV_SWITCH, LearnedFilter, apply_filter, context,
                                     features)

DIM = 8


class TinyEmbedder:
    def embed_passages(self, texts):
        return np.ones((len(texts), DIM), dtype=np.float32)


def cue(text: str, part: str, name: str, nth: int = 0) -> float:
    s = -1
    for _ in range(nth + 1):
        s = text.index(part, s + 1)
    return float(context(text, s, s + len(part))[1][ALL_CUES.index(name)])


def test_context_returns_every_cue_and_the_round19_ones_first():
    text = "某市会展行业协会\n全年举办展会86场。\n"
    s = text.index("86场")
    _, cues = context(text, s, s + 3)
    assert len(cues) == len(ALL_CUES) and ALL_CUES[:len(CUES)] == CUES


def test_issuer_in_the_opening_or_closing():
    assert cue("某省乡村旅游协会\n全年接待游客3200万人次。\n", "3200万", "issuer_opening") == 1.0
    assert cue("全年接待游客3200万人次。\n（来源：某省文旅研究院）\n", "3200万", "issuer_opening") == 1.0
    assert cue("乡村旅游持续升温\n全年接待游客3200万人次。\n", "3200万", "issuer_opening") == 0.0


def test_named_source_earlier_in_the_document_and_paragraph():
    text = ("据某市统计局发布的数据，全市快递业务量为5.6亿件。\n"
            "其中同城件1.2亿件。异地件4.1亿件。\n"
            "网点共有830个。\n")
    assert cue(text, "1.2亿件", "source_before") == 1.0
    assert cue(text, "1.2亿件", "source_paragraph") == 0.0  # a new paragraph
    assert cue(text, "1.2亿件", "source_distance") == pytest.approx(0.1)
    assert cue(text, "4.1亿件", "source_distance") == pytest.approx(0.2)
    assert cue(text, "4.1亿件", "paragraph_position") == pytest.approx(0.2)
    assert cue(text, "5.6亿件", "source_paragraph") == 1.0 and cue(text, "5.6亿件", "source_before") == 0.0
    plain = "全市快递业务量为5.6亿件。\n其中同城件1.2亿件。\n"
    assert cue(plain, "1.2亿件", "source_before") == 0.0 and cue(plain, "1.2亿件", "source_distance") == 1.0


def test_a_bare_source_lead_is_not_a_named_source():
    text = "据统计，全省茶园面积达到420万亩。\n"
    assert cue(text, "420万亩", "vague_lead") == 1.0
    assert cue(text, "420万亩", "source_paragraph") == 0.0
    named = "据某省农业农村厅统计，全省茶园面积达到420万亩。\n"
    assert cue(named, "420万亩", "vague_lead") == 0.0 and cue(named, "420万亩", "source_paragraph") == 1.0


def test_figure_share_recurrence_and_table_lines():
    text = ("全年完成货运量7.3亿吨，同比增长4.5%。\n"
            "行业运行总体平稳。\n"
            "| 指标 | 数值 |\n| 货运量 | 7.3 |\n")
    share = cue(text, "7.3亿吨", "fig_share")
    assert 0.0 < share < 1.0
    assert cue(text, "7.3亿吨", "fig_recurs") == 1.0 and cue(text, "7.3亿吨", "fig_in_table") == 1.0
    alone = "全年完成货运量7.3亿吨。\n行业运行总体平稳。\n"
    assert cue(alone, "7.3亿吨", "fig_recurs") == 0.0 and cue(alone, "7.3亿吨", "fig_in_table") == 0.0


def test_clause_cues_for_objectivity():
    text = "装机规模大幅增长，达到58吉瓦。\n"
    assert cue(text, "大幅增长", "fig_next_clause") == 1.0
    assert cue("装机规模大幅增长，前景广阔。\n", "大幅增长", "fig_next_clause") == 0.0
    assert cue("该地的领先科技公司发布了新品。\n", "领先", "name_after") == 1.0
    assert cue("该地的技术水平领先，新品不断。\n", "领先", "name_after") == 0.0


def test_features_pick_the_named_cues_from_the_full_vector():
    cues = np.arange(len(ALL_CUES), dtype=np.float32)
    names = ["vague_lead", "fig_clause"]
    x = features(np.zeros(DIM, np.float32), cues, "r", "warning", ["r"], names)
    assert x[DIM:DIM + 2].tolist() == [ALL_CUES.index("vague_lead"), 0.0]
    assert len(x) == DIM + 2 + 1 + 3


def lead_filter(cue_names) -> LearnedFilter:
    """An evidence filter reading only 'a bare source lead in the sentence' (a finding with one is kept)."""
    n = DIM + len(cue_names) + 1 + 3
    w = np.zeros(n, np.float32)
    w[DIM + list(cue_names).index("vague_lead")] = 8.0
    return LearnedFilter({"evidence": {"w": w, "b": -4.0, "mean": np.zeros(n, np.float32),
                                       "scale": np.ones(n, np.float32), "threshold": 0.5,
                                       "rule_ids": ["evidence.unsourced-figure"], "cues": list(cue_names)}})


def finding(text: str, part: str) -> Finding:
    s = text.index(part)
    return Finding(rule_id="evidence.unsourced-figure", category="evidence", level="warning",
                   criterion="监测指标(二)·客观", section="", text=part, span=[s, s + len(part)], message="")


def test_a_filter_over_document_cues_decides_and_survives_save_and_load(monkeypatch, tmp_path):
    monkeypatch.delenv(ENV_SWITCH, raising=False)
    names = CUES + DOC_CUES
    path = tmp_path / "f.npz"
    lead_filter(names).save(path)
    model = LearnedFilter.load(path)
    assert model.params["evidence"]["cues"] == list(names)
    monkeypatch.setattr("assistant.check.learned.load_filter", lambda: model)
    text = "据统计，全省茶园面积达到420万亩。\n全省茶企共有1.5万家。\n"
    vague, plain = finding(text, "420万亩"), finding(text, "1.5万家")
    kept, note = apply_filter(text, [vague, plain], TinyEmbedder)
    assert kept == [vague] and [d["text"] for d in note["learned_dropped"]] == ["1.5万家"]


def test_weights_without_a_cue_list_read_the_round19_cues(tmp_path):
    n = DIM + len(CUES) + 1 + 3
    np.savez(tmp_path / "old.npz", **{"evidence.w": np.zeros(n, np.float32), "evidence.b": np.float32(0),
                                      "evidence.mean": np.zeros(n, np.float32),
                                      "evidence.scale": np.ones(n, np.float32),
                                      "evidence.threshold": np.float32(0.3),
                                      "evidence.rule_ids": np.array(["evidence.unsourced-figure"])})
    old = LearnedFilter.load(tmp_path / "old.npz")
    assert old.params["evidence"]["cues"] == list(CUES)
    text = "全省茶企共有1.5万家。\n"
    assert old.scores(text, [finding(text, "1.5万家")], TinyEmbedder()) == [pytest.approx(0.5)]


# --- the objectivity backstop, opt-in (`assistant check --deep`)

class WordEmbedder:
    """Dimension 0 is 1 when the clause holds the marker word, else dimension 1."""

    def __init__(self, word: str):
        self.word, self.seen = word, []

    def embed_passages(self, texts):
        self.seen.extend(texts)
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for i, t in enumerate(texts):
            out[i, 0 if self.word in t else 1] = 1.0
        return out


def backstop_filter() -> LearnedFilter:
    w = np.zeros(DIM, np.float32)
    w[0] = 6.0
    base = lead_filter(CUES + DOC_CUES)
    return LearnedFilter(base.params, {"w": w, "b": -3.0, "threshold": 0.6})


def added(a: int, b: int, p: float) -> Finding:
    return Finding(rule_id="objectivity.learned", category="objectivity", level="info", criterion="监测指标(二)·客观",
                   section="", text=f"{a}-{b}", span=[a, b], message=f"{p:.2f}")


def test_deep_adds_the_clauses_the_backstop_scores_high(monkeypatch):
    monkeypatch.delenv(ENV_SWITCH, raising=False)
    monkeypatch.setattr("assistant.check.learned.load_filter", backstop_filter)
    text = "园区服务体系日趋完善，企业满意度极高。\n入驻企业共有312家，服务体系日趋完善。\n“服务体系日趋完善”\n"
    emb = WordEmbedder("日趋完善")
    kept, note = apply_filter(text, [], lambda: emb, deep=True, make_finding=added)
    first = text.index("园区服务体系日趋完善")
    second = text.index("服务体系日趋完善。")
    assert [f.span for f in kept] == [[first, first + len("园区服务体系日趋完善")], [second, second + 8]]
    assert note["learned_deep"] == 2
    assert not any(any(c.isdigit() for c in t) for t in emb.seen)  # a clause with a figure is not read
    assert "“服务体系日趋完善”" not in emb.seen and "服务体系日趋完善" in emb.seen  # quotes skipped


def test_deep_leaves_clauses_a_rule_already_flagged(monkeypatch):
    monkeypatch.delenv(ENV_SWITCH, raising=False)
    monkeypatch.setattr("assistant.check.learned.load_filter", backstop_filter)
    text = "园区服务体系日趋完善，招商工作成效显著。\n"
    s = text.index("成效显著")
    rule = Finding(rule_id="objectivity.vague", category="objectivity", level="warning", criterion="监测指标(二)·客观",
                   section="", text="成效显著", span=[s, s + 4], message="")
    kept, note = apply_filter(text, [rule], lambda: WordEmbedder("成效显著"), deep=True, make_finding=added)
    assert kept == [rule] and note["learned_deep"] == 0


def test_deep_is_off_by_default_and_unavailable_without_backstop_weights(monkeypatch):
    monkeypatch.delenv(ENV_SWITCH, raising=False)
    text = "园区服务体系日趋完善。\n"
    monkeypatch.setattr("assistant.check.learned.load_filter", backstop_filter)
    kept, note = apply_filter(text, [], lambda: WordEmbedder("日趋完善"), make_finding=added)
    assert kept == [] and "learned_deep" not in note
    monkeypatch.setattr("assistant.check.learned.load_filter", lambda: lead_filter(CUES + DOC_CUES))
    kept, note = apply_filter(text, [], lambda: WordEmbedder("日趋完善"), deep=True, make_finding=added)
    assert kept == [] and note["learned_deep"] == "unavailable"
    kept, note = apply_filter(text, [], lambda: None, deep=True, make_finding=added)
    assert kept == [] and note["learned_deep"] == "unavailable"


def test_backstop_weights_survive_save_and_load(tmp_path):
    backstop_filter().save(tmp_path / "b.npz")
    back = LearnedFilter.load(tmp_path / "b.npz")
    assert back.backstop["threshold"] == pytest.approx(0.6) and back.backstop["w"][0] == pytest.approx(6.0)
    lead_filter(CUES + DOC_CUES).save(tmp_path / "n.npz")
    assert LearnedFilter.load(tmp_path / "n.npz").backstop is None


def test_check_text_deep_adds_info_findings_with_section_and_line(monkeypatch):
    from assistant.check import check_text
    from assistant.check import checker
    monkeypatch.delenv(ENV_SWITCH, raising=False)
    monkeypatch.setattr("assistant.check.learned.load_filter", backstop_filter)
    monkeypatch.setattr(checker, "_section_embedder", lambda: WordEmbedder("前景向好"))
    text = "# 一、总体情况\n\n全年新增会员单位45家。\n\n行业发展前景向好。\n"
    plain = check_text(text)
    res = check_text(text, deep=True)
    new = [f for f in res.findings if f.rule_id == "objectivity.learned"]
    assert len(new) == 1 and new[0].text == "行业发展前景向好" and new[0].level == "info"
    assert new[0].line == 5 and new[0].section == res.document.section_title_at(new[0].span[0])
    assert res.summary["learned_deep"] == 1 and "learned_deep" not in plain.summary
    from assistant.check.render import learned_line
    assert any("深度审查" in line for line in learned_line(res.summary))


def test_cli_accepts_deep(tmp_path, capsys):
    from assistant.cli import main
    path = tmp_path / "r.md"
    path.write_text("园区服务体系日趋完善。\n", encoding="utf-8")
    assert main(["check", str(path), "--format", "json", "--deep"]) in (0, 1)
    assert '"learned_deep": "off"' in capsys.readouterr().out  # the test suite switches the learned layer off


@pytest.mark.slow
def test_real_embedder_deep_check_adds_only_unflagged_clauses(monkeypatch):
    from assistant.check import check_text
    monkeypatch.delenv(ENV_SWITCH, raising=False)
    text = ("园区今年引进企业共27家。\n园区的营商环境可谓是天下无双，令人叹为观止，大家都赞不绝口。\n"
            "园区的营商环境可谓是天下无双，令人叹为观止，大家都赞不绝口。\n")
    res = check_text(text, deep=True)
    assert isinstance(res.summary["learned_deep"], int)
    new = [f for f in res.findings if f.rule_id == "objectivity.learned"]
    assert len(new) == res.summary["learned_deep"]
    rules = [f for f in res.findings if f.category == "objectivity" and f.rule_id != "objectivity.learned"]
    assert all(not (r.span[0] < n.span[1] and n.span[0] < r.span[1]) for n in new for r in rules)
    assert all(not any(c.isdigit() for c in n.text) for n in new)


def test_the_filter_reads_only_the_round19_cues_when_its_weights_name_no_other():
    from assistant.check.learned import ALL_CUES, CUES, context, features
    text = "据市统计局发布，全市园艺企业产值增长12.5%。其中花卉企业产值达到3.2亿元，同比增长8%。"
    s = text.index("3.2亿元")
    sent_a, full = context(text, s, s + 5)
    sent_b, short = context(text, s, s + 5, extended=False)
    assert sent_a == sent_b and len(full) == len(ALL_CUES) and len(short) == len(CUES)
    assert list(short) == list(full[:len(CUES)])
    vec = [0.0] * 4
    assert list(features(vec, full, "r", "warning", ["r"])) == list(features(vec, short, "r", "warning", ["r"]))
    names = ["fig_clause", "span_len"]   # a model over a subset of the round-19 cues reads the same columns of either
    assert list(features(vec, full, "r", "warning", ["r"], names)) == list(features(vec, short, "r", "warning", ["r"], names))
