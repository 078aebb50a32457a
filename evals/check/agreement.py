"""Agreement between the two labellers of a batch: labeller B's labels scored against labeller A's with the rule the
checker is scored by (same category, overlapping span), and the other way round.

    python evals/check/agreement.py            # the current test batch, else the newest twice-labelled one
    python evals/check/agreement.py --key KEY  # any split key whose documents have labels/ and labels_b/ files
    python evals/check/agreement.py --list     # also list every label the two labellers disagree on
    python evals/check/agreement.py --pooled   # every twice-labelled batch, one row each, then pooled: the ceiling
    python evals/check/agreement.py --adjudicated  # A and B each scored against the adjudicated labels (labels_adj/)

B's precision against A is A's recall against B and vice versa, so one table says it all. Agreement is the ceiling of
any checker scored against one labeller: a checker that copied labeller B exactly would score these figures.
"""
from __future__ import annotations

import argparse
from collections import defaultdict
import sys
from pathlib import Path
from types import SimpleNamespace

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))

from evals.check import real  # noqa: E402
from evals.check.real import CATS, REAL, Score, label_spans, load_labels  # noqa: E402


def as_findings(text: str, labels: list[dict], who: str) -> list[SimpleNamespace]:
    """A labeller's labels in the shape of checker findings (category, span, rule_id, text, message)."""
    return [SimpleNamespace(category=c, span=(s, e), rule_id=f"{who}/{lab.get('family', '')}", text=lab["span"],
                            message="") for c, s, e, lab in label_spans(f"标注者 {who}", text, labels)]


def agreement(key: str, score: Score | None = None, who: str = "labels_b",
              against: str = "labels") -> tuple[Score, int]:
    """The labels in `who` scored as findings against the labels in `against` (by default B against A)."""
    split = yaml.safe_load((REAL / "split.yaml").read_text(encoding="utf-8"))
    records = {d["id"]: d for d in yaml.safe_load((REAL / "records.yaml").read_text(encoding="utf-8"))["documents"]}
    score, n = score or Score(), 0
    for did in split.get(key) or []:
        for folder in (who, against):
            if not (REAL / folder / f"{did}.yaml").exists():
                raise SystemExit(f"{folder} 缺少 {did} 的标注文件：{REAL / folder / (did + '.yaml')}")
        text = (REAL / "docs" / f"{did}.txt").read_text(encoding="utf-8")
        score.add(did, records[did]["kind"], text, as_findings(text, load_labels(did, who), who),
                  load_labels(did, against))
        n += 1
    return score, n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--key", default=None)
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--pooled", action="store_true")
    ap.add_argument("--adjudicated", action="store_true")
    args = ap.parse_args(argv)
    if args.pooled:
        return pooled()
    if args.key is None:
        split = real._split()
        twice = [k for k, _, _ in real.BATCHES if split.get(k) and real.has_labels(k)]
        args.key = real.current_test(split) or twice[-1]
    if args.adjudicated:
        for who, name in (("labels", "A"), ("labels_b", "B")):
            score, n = agreement(args.key, who=who, against="labels_adj")
            print(f"标注者 {name} 对照裁定标注（{args.key}，{n} 篇）：一名标注者能达到的上限")
            print_score(score, f"{name} 标了而裁定未标")
        return 0
    score, n = agreement(args.key)
    print(f"两名标注者的一致性（{args.key}，{n} 篇；B 对照 A：precision = B 的标注中 A 也标了的比例，recall = A 的标注中 B 也标了的比例）")
    print_score(score)
    if args.list:
        for e in score.errors:
            print("   " + e.replace("误报", "仅 B").replace("漏报", "仅 A"))
    return 0


def print_score(score: Score, extra: str = "B 标了而 A 未标") -> None:
    for c in CATS:
        tp, fp, hit, miss = score.tp[c], score.fp[c], score.hit[c], score.miss[c]
        p = tp / (tp + fp) if tp + fp else float("nan")
        r = hit / (hit + miss) if hit + miss else float("nan")
        f1 = 2 * p * r / (p + r) if p + r else float("nan")
        print(f"  {c:<12} precision {p:5.3f} ({tp}/{tp + fp})   recall {r:5.3f} ({hit}/{hit + miss})   F1 {f1:5.3f}")
    fps, chars, rate = score.official_rate()
    print(f"  {extra}（官方发布与新闻）：{fps} 条 / {chars} 字 = {rate:.2f} 条/万字")


def pooled() -> int:
    """Every twice-labelled batch scored B against A, then all of them pooled; and how many batches a second
    labeller would pass the issue's targets on (P ≥ 0.9 and R ≥ 0.85 per category, ≤ 2 extra flags per 10k)."""
    split, total, passed, keys = real._split(), Score(), defaultdict(int), []
    for key, letter, _ in real.BATCHES:
        if not split.get(key) or not real.has_labels(key):
            continue
        score, n = agreement(key)
        agreement(key, total)
        keys.append(letter)
        print(f"批次 {letter}（{n} 篇）")
        print_score(score)
        for c in ("objectivity", "evidence"):
            tp, fp, hit, miss = score.tp[c], score.fp[c], score.hit[c], score.miss[c]
            passed[c] += bool(tp + fp and hit + miss and tp / (tp + fp) >= 0.9 and hit / (hit + miss) >= 0.85)
        passed["official"] += score.official_rate()[2] <= 2
    print(f"合计（{len(keys)} 批：{'、'.join(keys)}）")
    print_score(total)
    print(f"  第二名标注者达到目标的批数（共 {len(keys)} 批）：objectivity {passed['objectivity']}，evidence "
          f"{passed['evidence']}，官方发布与新闻多标≤2条/万字 {passed['official']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
