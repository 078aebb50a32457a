"""The adjudicated labels (labels_adj/) as a row of the real-set report and as a yardstick in agreement.py."""
from __future__ import annotations

import shutil

from evals.check import agreement, real


def test_adjudicated_row_appears_only_when_every_document_has_a_file(tmp_path, monkeypatch):
    root = tmp_path / "real"
    shutil.copytree(real.REAL, root, ignore=shutil.ignore_patterns("labels_adj"))
    monkeypatch.setattr(real, "REAL", root)
    monkeypatch.setattr(agreement, "REAL", root)
    key = "twentieth_test"
    assert not real.has_labels(key, "labels_adj")
    ids = real._split()[key]
    (root / "labels_adj").mkdir()
    for did in ids[:-1]:
        shutil.copy(root / "labels" / f"{did}.yaml", root / "labels_adj" / f"{did}.yaml")
    assert not real.has_labels(key, "labels_adj")
    shutil.copy(root / "labels" / f"{ids[-1]}.yaml", root / "labels_adj" / f"{ids[-1]}.yaml")
    assert real.has_labels(key, "labels_adj")
    # A scored against a copy of itself agrees perfectly; B against it is the usual B-against-A figure.
    a, n = agreement.agreement(key, who="labels", against="labels_adj")
    assert n == len(ids) and a.fp["objectivity"] == 0 and a.miss["objectivity"] == 0
    b, _ = agreement.agreement(key, who="labels_b", against="labels_adj")
    b0, _ = agreement.agreement(key)
    assert (b.tp, b.fp, b.miss) == (b0.tp, b0.fp, b0.miss) and b.fp["objectivity"] > 0
