"""Findings of the rules as frozen at an earlier commit on one batch, for train_objectivity_model.py --frozen.

    git archive 109a566 assistant | tar -x -C /tmp/r10          # the rules frozen before batch n's one run
    cd /tmp && HF_HUB_OFFLINE=1 python /path/to/evals/check/frozen_rules_findings.py /tmp/r10 n /tmp/frozen_n.pkl

Run from outside the repository so that the old `assistant` package (first on sys.path) is the one imported.
"""
import pickle
import sys
from pathlib import Path

old_root, prefix, out_path = sys.argv[1], sys.argv[2], sys.argv[3]
sys.path.insert(0, old_root)
import assistant  # noqa: E402
from assistant.check import check_file  # noqa: E402

assert assistant.__file__.startswith(str(Path(old_root).resolve())), assistant.__file__
docs = Path(__file__).resolve().parent / "real" / "docs"
out = {}
for p in sorted(docs.glob(f"{prefix}[0-9]*.txt")):
    res = check_file(p, categories={"objectivity", "evidence", "consistency"})
    out[p.stem] = {"text": res.document.text,
                   "findings": [(f.rule_id, f.category, f.level, tuple(f.span), f.text) for f in res.findings]}
pickle.dump(out, open(out_path, "wb"))
print(prefix, len(out), "documents")
