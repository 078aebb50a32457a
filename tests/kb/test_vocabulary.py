"""The index's industry profile is in its keyword tokenizer at ingest as well as at search, so the BM25
tokens of the chunks and of a query agree; a profile written or changed later re-tokenises the index."""
from __future__ import annotations

import pytest

from assistant.config import Settings
from assistant.kb import KnowledgeBase
from assistant.profile import PROFILE_FILE
from assistant.textproc import ChineseTokenizer

# Words the package dictionary splits: the profile must make them single tokens.
TERM, WORD, ALIAS = "晶圆制造", "刻蚀机台", "芯片"
PROFILE = f"industry: 集成电路\naliases: [{ALIAS}]\nterms: [{TERM}]\ndictionary: [{WORD}]\n"
DOCS = {
    "a.md": f"# 产能简报\n\n2024年本地{TERM}产能提升，新建两座{WORD}，良率稳定。\n",
    "b.md": "# 其他资料\n\n2024年本地物流园区扩建，冷链仓储面积增加。\n",
}


def stored_tokens(kb: KnowledgeBase, source: str) -> set[str]:
    rows = kb.store.connect().execute("SELECT tokens FROM chunks WHERE source=?", (source,)).fetchall()
    return {t for (toks,) in rows for t in toks.split()}


@pytest.fixture()
def docs(tmp_path):
    d = tmp_path / "docs"
    d.mkdir()
    for name, text in DOCS.items():
        (d / name).write_text(text, encoding="utf-8")
    return d


def test_the_package_dictionary_alone_splits_the_terms():
    tokens = ChineseTokenizer().tokenize(f"{TERM}{WORD}")
    assert TERM not in tokens and WORD not in tokens  # otherwise the tests below prove nothing


def test_profile_terms_are_tokens_at_ingest(tmp_path, docs):
    index = tmp_path / "index"
    index.mkdir()
    (index / PROFILE_FILE).write_text(PROFILE, encoding="utf-8")
    kb = KnowledgeBase(Settings(index_dir=index))
    assert kb.ingest([docs]).ok
    assert {TERM, WORD} <= stored_tokens(kb, "a.md")
    assert kb.tokens_current() and kb.verify()["tokens_ok"]
    # the query side uses the same tokenizer: the term is one token there too, and finds the chunk
    assert TERM in kb.tokenizer.tokenize(f"{TERM}产能") and ALIAS in kb.tokenizer.tokenize(f"{ALIAS}产能")
    assert kb.search(f"{WORD}", top_k=1, mode="keyword")[0].source == "a.md"
    # a second index without the profile is not affected (each index has its own tokenizer)
    other = KnowledgeBase(Settings(index_dir=tmp_path / "other"))
    assert TERM not in other.tokenizer.tokenize(TERM)


def test_words_added_to_the_shared_tokenizer_stay_out_of_an_index(tmp_path):
    from assistant.textproc import default_tokenizer

    word = "良率爬坡"  # a word no other test uses: the shared tokenizer keeps it for the session
    assert word not in ChineseTokenizer().tokenize(word)
    default_tokenizer().add_words([word])  # e.g. a draft run with --profile and no index
    assert word not in KnowledgeBase(Settings(index_dir=tmp_path / "index")).tokenizer.tokenize(word)


def test_a_profile_written_after_ingest_retokenises(tmp_path, docs):
    kb = KnowledgeBase(Settings(index_dir=tmp_path / "index"))
    assert kb.ingest([docs]).ok
    assert TERM not in stored_tokens(kb, "a.md")
    (kb.folder / PROFILE_FILE).write_text(PROFILE, encoding="utf-8")
    assert not kb.tokens_current() and not kb.verify()["tokens_ok"]
    assert kb.sync_vocabulary() == kb.count()
    assert {TERM, WORD} <= stored_tokens(kb, "a.md") and kb.tokens_current()
    assert kb.sync_vocabulary() == 0  # nothing changed since
    assert kb.search(WORD, top_k=1, mode="keyword")[0].source == "a.md"
    # a profile edited by hand is picked up by the next ingest, even with no file changed
    (kb.folder / PROFILE_FILE).write_text(PROFILE.replace(f"dictionary: [{WORD}]\n", ""), encoding="utf-8")
    rep = KnowledgeBase(Settings(index_dir=kb.folder)).ingest([docs])
    assert rep.files_unchanged == 2
    assert WORD not in stored_tokens(kb, "a.md") and TERM in stored_tokens(kb, "a.md")


def test_verify_repairs_stale_tokens(tmp_path, docs):
    kb = KnowledgeBase(Settings(index_dir=tmp_path / "index"))
    assert kb.ingest([docs]).ok
    (kb.folder / PROFILE_FILE).write_text(PROFILE, encoding="utf-8")
    fresh = KnowledgeBase(Settings(index_dir=kb.folder))
    with fresh.writing():
        res = fresh.verify(repair=True)
    assert res["tokens_ok"] is False and res["repaired"]
    assert TERM in stored_tokens(fresh, "a.md") and fresh.verify()["tokens_ok"]
