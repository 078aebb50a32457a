"""evals/check/agreement.py: labeller B scored against labeller A with the checker's matching rule."""
import yaml

from evals.check import agreement, real


def _write(root, did, text, labels_a, labels_b):
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "labels").mkdir(exist_ok=True)
    (root / "labels_b").mkdir(exist_ok=True)
    (root / "docs" / f"{did}.txt").write_text(text, encoding="utf-8")
    for d, labs in (("labels", labels_a), ("labels_b", labels_b)):
        (root / d / f"{did}.yaml").write_text(yaml.safe_dump({"id": did, "labels": labs}, allow_unicode=True),
                                               encoding="utf-8")


def test_agreement_counts_overlap_and_category(tmp_path, monkeypatch):
    text = "产量大幅增长。销量为120万辆。行业蓬勃发展。"
    _write(tmp_path, "x01", text,
           [{"category": "objectivity", "span": "大幅增长"}, {"category": "evidence", "span": "120万辆"},
            {"category": "objectivity", "span": "蓬勃发展"}],
           [{"category": "objectivity", "span": "产量大幅"}, {"category": "objectivity", "span": "120万辆"}])
    (tmp_path / "records.yaml").write_text(yaml.safe_dump({"documents": [{"id": "x01", "kind": "news"}]}),
                                           encoding="utf-8")
    (tmp_path / "split.yaml").write_text(yaml.safe_dump({"seventh_test": ["x01"]}), encoding="utf-8")
    monkeypatch.setattr(agreement, "REAL", tmp_path)
    monkeypatch.setattr(real, "REAL", tmp_path)
    score, n = agreement.agreement("seventh_test")
    assert n == 1
    # B's 产量大幅 overlaps A's 大幅增长; B's 120万辆 has the wrong category
    assert (score.tp["objectivity"], score.fp["objectivity"]) == (1, 1)
    assert (score.hit["objectivity"], score.miss["objectivity"]) == (1, 1)
    assert score.miss["evidence"] == 1
    assert real.has_labels("seventh_test")
