"""The README's main job (`assistant demo`) end to end on the sample corpus, without serving."""
from __future__ import annotations

import json

import pytest

from assistant.cli import main


@pytest.mark.slow
def test_demo_main_job(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["demo", "--index", str(tmp_path / "idx"), "--out", str(out), "--no-serve"]) == 0
    assert (tmp_path / "idx" / "profile.yaml").is_file()  # the sample's profile is installed in the index
    printed = capsys.readouterr().out
    assert "== 5/5" in printed
    names = {p.name for p in out.iterdir()}
    for report in ("行业发展分析报告_2026", "行业人才需求预测报告_2026"):
        assert {f"{report}.docx", f"{report}.md", f"{report}.review.json"} <= names
        review = json.loads((out / f"{report}.review.json").read_text(encoding="utf-8"))
        # our own drafts must pass our own checker without error-level findings
        assert review["summary"]["by_level"]["error"] == 0, review["findings"]
    assert any(n.endswith(".xlsx") for n in names)


def test_samples_are_listed_from_the_corpus_folder(tmp_path, monkeypatch, capsys):
    import assistant.demo as demo

    (tmp_path / "abc" / "sources").mkdir(parents=True)
    (tmp_path / "abc" / "profile.yaml").write_text("industry: 示例行业\n", encoding="utf-8")
    (tmp_path / "no_profile" / "sources").mkdir(parents=True)
    monkeypatch.setattr(demo, "CORPUS_DIR", tmp_path)
    assert list(demo.samples()) == ["abc"]
    assert main(["demo", "--sample", "xyz", "--index", str(tmp_path / "idx"), "--no-serve"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：") and "abc" in err and err.count("\n") == 1


def test_bundled_samples_include_nev():
    from assistant.demo import samples

    assert "nev" in samples()
