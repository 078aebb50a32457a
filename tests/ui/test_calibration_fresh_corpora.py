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
