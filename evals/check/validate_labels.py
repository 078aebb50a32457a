"""Check the real-document set's files against each other, without running (or importing) the checker.

    python evals/check/validate_labels.py            # all batches (d, f, g, h, i)
    python evals/check/validate_labels.py h          # only batch h (ids h01…, not a two-letter batch such as hh01…)
    python evals/check/validate_labels.py k labels_b # the second labeller's files (real/labels_b) for batch k

For every document in real/docs: a record in records.yaml with the right `chars`, a labels file whose id matches, a
known category for every label, and every label span found in the text: `occurrence: n` needs at least n copies; a
span without `occurrence` that occurs more than once, with no other label of the same span giving an `occurrence`, is
reported as ambiguous (the eval takes the first copy). Also:
every record and every split.yaml id has a document, and no id is in two split keys. Exit status 1 on any error;
ambiguous spans are warnings.
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import yaml

REAL = Path(__file__).resolve().parent / "real"
CATS = {"objectivity", "evidence", "consistency", "timeliness"}
SPLIT_KEYS = ("dev", "test", "fresh_dev", "fresh_dev_from_test", "third_test", "fourth_test", "fifth_test", "sixth_test",
              "seventh_test", "eighth_test", "ninth_test", "tenth_test", "eleventh_test",
              "twelfth_test", "thirteenth_test", "fourteenth_test", "fifteenth_test",
              "sixteenth_test", "seventeenth_test", "eighteenth_test",
              "nineteenth_test", "twentieth_test", "twenty_first_test",
              "twenty_second_test", "twenty_third_test", "twenty_fourth_test",
              "twenty_fifth_test", "twenty_sixth_test", "twenty_seventh_test",
              "twenty_eighth_test", "twenty_ninth_test", "thirtieth_test",
              "thirty_first_test", "thirty_second_test",
              "thirty_third_test", "thirty_fourth_test",
              "thirty_fifth_test", "thirty_sixth_test",
              "thirty_seventh_test", "thirty_eighth_test",
              "thirty_ninth_test")  # keep in step with real.BATCHES


def batch_of(did: str) -> str:
    """A document id's batch: its whole leading run of letters ("c07" -> "c", "aa07" -> "aa")."""
    m = re.match(r"[a-z]+", did)
    return m.group(0) if m else did


def selected(did: str, prefix: str) -> bool:
    """Whether `did` is asked for: a prefix of letters names one batch exactly (so "a" leaves out "aa07"), any other
    prefix (e.g. "c1") is matched as the start of the id."""
    if not prefix:
        return True
    return batch_of(did) == prefix if prefix.isalpha() else did.startswith(prefix)


def main(prefix: str = "", labels_dir: str = "labels") -> int:
    errors: list[str] = []
    warnings: list[str] = []
    records = {d["id"]: d for d in yaml.safe_load((REAL / "records.yaml").read_text(encoding="utf-8"))["documents"]}
    docs = {p.stem: p for p in sorted((REAL / "docs").glob("*.txt")) if selected(p.stem, prefix)}
    counts: Counter = Counter()
    for did, path in docs.items():
        text = path.read_text(encoding="utf-8")
        rec = records.get(did)
        if rec is None:
            errors.append(f"{did}: no record in records.yaml")
        elif int(rec.get("chars", -1)) != len(text):
            errors.append(f"{did}: records.yaml chars {rec.get('chars')} != {len(text)}")
        lab_path = REAL / labels_dir / f"{did}.yaml"
        if not lab_path.exists():
            errors.append(f"{did}: no labels file")
            continue
        lab_doc = yaml.safe_load(lab_path.read_text(encoding="utf-8"))
        if lab_doc.get("id") != did:
            errors.append(f"{did}: labels file id is {lab_doc.get('id')!r}")
        labels = lab_doc.get("labels") or []
        with_occ = {lab.get("span") for lab in labels if lab.get("occurrence") is not None}
        for lab in labels:
            cat, span = lab.get("category"), lab.get("span")
            if cat not in CATS:
                errors.append(f"{did}: unknown category {cat!r}")
            if not span:
                errors.append(f"{did}: empty span")
                continue
            n = text.count(span)
            occ = lab.get("occurrence")
            if n == 0:
                errors.append(f"{did}: span not in text: {span!r}")
            elif occ is not None and int(occ) > n:
                errors.append(f"{did}: occurrence {occ} but only {n} copies: {span!r}")
            elif occ is None and n > 1 and span not in with_occ:
                warnings.append(f"{did}: span occurs {n} times, no occurrence key (first copy used): {span!r}")
            counts[(batch_of(did), cat)] += 1
    for did in records:
        if selected(did, prefix) and did not in docs:
            errors.append(f"{did}: record without a document")
    split = yaml.safe_load((REAL / "split.yaml").read_text(encoding="utf-8"))
    seen: dict[str, str] = {}
    for key in SPLIT_KEYS:
        for did in split.get(key) or []:
            if not selected(did, prefix):
                continue
            if did not in docs:
                errors.append(f"split {key}: {did} has no document")
            if did in seen:
                errors.append(f"split: {did} in both {seen[did]} and {key}")
            seen[did] = key
    for did in docs:
        if did not in seen:
            warnings.append(f"{did}: in no split key")
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("ERROR:", e)
    batches = sorted({b for b, _ in counts} | {batch_of(d) for d in docs})
    for b in batches:
        n_docs = sum(1 for d in docs if batch_of(d) == b)
        chars = sum(len(docs[d].read_text(encoding="utf-8")) for d in docs if batch_of(d) == b)
        per = ", ".join(f"{c} {counts[(b, c)]}" for c in sorted(CATS) if counts[(b, c)])
        print(f"{b}: {n_docs} documents, {chars} characters; labels: {per or 'none'}")
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
