"""Keyword-query expansion: the industry's name for a question that uses an alias (from the index's
profile), and industry-neutral colloquial wording mapped to statistical terms (a data file)."""
from __future__ import annotations

import pytest

from assistant.config import Settings
from assistant.errors import InputError
from assistant.kb import KnowledgeBase
from assistant.kb.query import TERMS_FILE, Rule, expansion, load_rules
from assistant.profile import PROFILE_FILE, Profile


def test_alias_adds_the_industry_name():
    prof = Profile(industry="现代物流", aliases=("物流业", "快递"))
    assert expansion("快递一年送了多少件", prof, rules=()) == ["现代物流"]
    assert expansion("现代物流 快递 业务量", prof, rules=()) == []  # already named
    assert expansion("快递一年送了多少件", None, rules=()) == []  # no profile, no alias


def test_rules_apply_to_the_question_and_skip_words_already_asked():
    rules = (Rule(("卖了",), ("销量", "销售")), Rule(("销量",), ("产销",)))
    assert expansion("去年卖了多少", None, rules) == ["销量", "销售"]  # no chaining
    assert expansion("去年销量和销售", None, rules) == ["产销"]
    assert expansion("去年销量和产销", None, rules) == []


def test_shipped_rules_are_industry_neutral_and_load():
    rules = load_rules()
    assert rules and all(r.when and r.add for r in rules)
    assert "一季度" in expansion("头三个月产了多少", None)
    for prof_file in ("corpus/nev/profile.yaml", "corpus/ic/profile.yaml"):
        from assistant.profile import load_profile
        p = load_profile(prof_file)
        words = {w for r in rules for w in (*r.when, *r.add)}
        assert not words & set(p.vocabulary) - {m.name for m in p.metrics}, prof_file  # no sample terms


def test_a_bad_rule_names_the_file_and_item(tmp_path):
    bad = tmp_path / "terms.yaml"
    bad.write_text("rules:\n  - {when: [产了], add: [产量]}\n  - {when: []}\n", encoding="utf-8")
    with pytest.raises(InputError, match="rules 第 2 项"):
        load_rules(bad)
    assert TERMS_FILE.is_file()


def test_search_finds_the_formal_wording_of_a_colloquial_question(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text("# 年报\n\n2024年本行业产量1200万件，同比增长5%。\n", encoding="utf-8")
    (docs / "b.md").write_text("# 说明\n\n2024年本资料一共十页，共产出三份附表。\n", encoding="utf-8")
    index = tmp_path / "index"
    index.mkdir()
    (index / PROFILE_FILE).write_text("industry: 现代物流\n", encoding="utf-8")
    kb = KnowledgeBase(Settings(index_dir=index))
    assert kb.ingest([docs]).ok
    q = "2024年一共产了多少"
    assert kb.search(q, top_k=1, mode="keyword", expand=False)[0].source == "b.md"  # 一/共产
    assert kb.search(q, top_k=1, mode="keyword", expand=True)[0].source == "a.md"  # 产了 → 产量
