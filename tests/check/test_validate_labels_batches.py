"""evals/check/validate_labels.py: a batch is its ids' whole run of letters, so batch "a" leaves out "aa" documents."""
import yaml

from evals.check import validate_labels


def _doc(root, did, text, labels):
    (root / "docs" / f"{did}.txt").write_text(text, encoding="utf-8")
    (root / "labels" / f"{did}.yaml").write_text(yaml.safe_dump({"id": did, "labels": labels}, allow_unicode=True),
                                                 encoding="utf-8")


def _real(root):
    (root / "docs").mkdir(parents=True)
    (root / "labels").mkdir()
    texts = {"a01": "本月门店客流明显回升。", "aa01": "全年接待量达到36万人次，增长显著。", "aa02": "仓储面积扩大到8万平方米。"}
    _doc(root, "a01", texts["a01"], [{"category": "objectivity", "span": "明显回升"}])
    _doc(root, "aa01", texts["aa01"], [{"category": "evidence", "span": "36万人次"},
                                       {"category": "objectivity", "span": "增长显著"}])
    _doc(root, "aa02", texts["aa02"], [])
    records = [{"id": d, "kind": "news", "chars": len(t)} for d, t in texts.items()]
    (root / "records.yaml").write_text(yaml.safe_dump({"documents": records}, allow_unicode=True), encoding="utf-8")
    (root / "split.yaml").write_text(yaml.safe_dump({"twenty_third_test": ["a01"],
                                                     "twenty_sixth_test": ["aa01", "aa02"]}), encoding="utf-8")


def test_batch_of_takes_the_whole_letter_run():
    assert validate_labels.batch_of("c07") == "c"
    assert validate_labels.batch_of("aa07") == "aa"
    assert validate_labels.selected("aa07", "aa") and not validate_labels.selected("aa07", "a")
    assert validate_labels.selected("a07", "a") and not validate_labels.selected("a07", "aa")
    assert validate_labels.selected("c17", "c1") and not validate_labels.selected("c27", "c1")


def test_one_letter_batch_does_not_swallow_the_two_letter_batch(tmp_path, monkeypatch, capsys):
    _real(tmp_path)
    monkeypatch.setattr(validate_labels, "REAL", tmp_path)
    assert validate_labels.main("a") == 0
    out = capsys.readouterr().out
    assert "a: 1 documents, 11 characters; labels: objectivity 1" in out
    assert "aa:" not in out
    assert validate_labels.main("aa") == 0
    out = capsys.readouterr().out
    assert "aa: 2 documents" in out and "evidence 1, objectivity 1" in out
    assert "\na:" not in "\n" + out


def test_missing_two_letter_document_is_reported_under_its_own_batch(tmp_path, monkeypatch, capsys):
    _real(tmp_path)
    (tmp_path / "docs" / "aa02.txt").unlink()
    monkeypatch.setattr(validate_labels, "REAL", tmp_path)
    assert validate_labels.main("a") == 0
    assert validate_labels.main("aa") == 1
    assert "aa02: record without a document" in capsys.readouterr().out
