"""A fresh chat question folder can name a corpus outside corpus/ (evals/chat/calibration.fresh_corpora)."""
import pytest

from evals.chat.calibration import REPO, fresh_corpora


def test_a_folder_without_corpora_yaml_adds_nothing(tmp_path):
    assert fresh_corpora(tmp_path) == {}


def test_corpora_yaml_names_folders_relative_to_the_repo(tmp_path):
    (tmp_path / "corpora.yaml").write_text("robot: evals/draft/probe/industrial_robot/sources\n", encoding="utf-8")
    got = fresh_corpora(tmp_path)
    assert got == {"robot": (REPO / "evals/draft/probe/industrial_robot/sources").resolve()}
    assert any(got["robot"].glob("*.txt"))


def test_a_missing_corpus_folder_stops_with_a_one_line_error(tmp_path):
    (tmp_path / "corpora.yaml").write_text("other: evals/no/such/folder\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="找不到语料目录 evals/no/such/folder"):
        fresh_corpora(tmp_path)


def test_the_retrieval_eval_asks_a_fresh_folder_on_its_own_corpus_too():
    import sys
    sys.path.insert(0, str(REPO / "evals" / "retrieval"))
    from run import fresh_questions
    questions, corpora, files = fresh_questions("fresh14", {}, [])
    assert questions and {q["sample"] for q in questions} == {"robot"}
    assert set(corpora) == {"robot"}
    assert {p.parent for p, _ in files} == {corpora["robot"]}
    with pytest.raises(SystemExit, match="找不到新出题目录"):
        fresh_questions("no_such_fresh_folder", {}, [])
