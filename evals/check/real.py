"""The real-document set (issue 9) and the hand-written consistency paragraphs.

    python -m evals.check --real            # only these two parts (fast)
    python -m evals.check --real --dev-only   # the dev half only, with its errors (for tuning rules)
    python -m evals.check --real --show-test   # also list the test halves' individual errors

Sets (real/split.yaml): the first round's halves `dev`/`test` (d01–d42), the second round's `fresh_dev` and its
former test half `fresh_dev_from_test` (f01–f52; read at the end of the second round, moved to dev in the third),
the third round's `third_test` (g01–g32; read once at the end of the third round, dev from the fourth round on), the
fourth round's `fourth_test` (h01–h35; run once after the fourth round's freeze and read once, dev from the fifth round
on), the fifth round's `fifth_test` (i01–i34; run once after the fifth round's freeze and read once, dev from the sixth
round on), the sixth round's `sixth_test` (j01–j28; run once after the sixth round's freeze and read once, dev from the
seventh round on), the seventh round's `seventh_test` (k01–k34; run once after the seventh round's freeze and read once,
dev from the eighth round on) and, once someone else adds it, `eighth_test` (l01–, never seen by the rule writer).
Printed: the eighth test batch when present, the dev set (d dev + all f + g + h + i + j + k, the only data to tune on)
with the former second-round test and the third to seventh batches each as their own row, and the old d test half (read
at the end of the first round).

The seventh and eighth batches are labelled twice, by two labellers who did not see each other's labels: `labels/` (labeller A, the
figures quoted) and `labels_b/` (labeller B). `python evals/check/agreement.py` scores A against B with the same
matching rule, which is the ceiling any checker can reach against one labeller.

Real set: evals/check/real/{records.yaml, split.yaml, docs/*.txt, labels/*.yaml}. Each document is checked as a
new user would check it (no --report: the kind is detected or the detector abstains). A finding is a true positive
when its category matches a label's and its span overlaps the label's span; every sentence outside the labels is
labelled clean, so any other objectivity, evidence or consistency finding is a false flag.
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import yaml

from assistant.check import check_file, check_text

REAL = Path(__file__).resolve().parent / "real"
DATA = Path(__file__).resolve().parent / "data"
CATS = ("objectivity", "evidence", "consistency")
OFFICIAL = {"release", "news"}


class Score:
    def __init__(self):
        self.tp = defaultdict(int)
        self.fp = defaultdict(int)
        self.hit = defaultdict(int)
        self.miss = defaultdict(int)
        self.chars = defaultdict(int)
        self.fp_kind = defaultdict(int)
        self.errors: list[str] = []

    def add(self, did: str, kind: str, text: str, findings, labels) -> None:
        spans = []
        for lab in labels:
            i = -1
            for _ in range(int(lab.get("occurrence", 1))):  # the n-th occurrence of a repeated phrase
                i = text.find(lab["span"], i + 1)
            if i < 0:
                raise SystemExit(f"标注片段不在原文中：{did}：{lab['span']!r}")
            spans.append((lab["category"], i, i + len(lab["span"]), lab))
        self.chars[kind] += len(text)
        for f in findings:
            if f.category not in CATS:
                continue
            if any(c == f.category and f.span[0] < e and s < f.span[1] for c, s, e, _ in spans):
                self.tp[f.category] += 1
            else:
                self.fp[f.category] += 1
                self.fp_kind[kind] += 1
                self.errors.append(f"误报 {did}（{kind}）[{f.rule_id}] “{f.text[:40]}” — {f.message[:60]}")
        for c, s, e, lab in spans:
            if any(f.category == c and f.span[0] < e and s < f.span[1] for f in findings):
                self.hit[c] += 1
            else:
                self.miss[c] += 1
                span = lab["span"].replace("\n", "⏎")
                self.errors.append(f"漏报 {did}（{kind}）[{c}/{lab.get('family', '')}] “{span}”")

    def line(self, cat: str) -> str:
        tp, fp, hit, miss = self.tp[cat], self.fp[cat], self.hit[cat], self.miss[cat]
        p = tp / (tp + fp) if tp + fp else float("nan")
        r = hit / (hit + miss) if hit + miss else float("nan")
        return f"  {cat:<12} precision {p:5.3f} ({tp}/{tp + fp})   recall {r:5.3f} ({hit}/{hit + miss})"

    def official_rate(self) -> tuple[int, int, float]:
        chars = sum(v for k, v in self.chars.items() if k in OFFICIAL)
        fps = sum(v for k, v in self.fp_kind.items() if k in OFFICIAL)
        return fps, chars, (fps / chars * 10000 if chars else float("nan"))

    def all_rate(self) -> tuple[int, int, float]:
        chars, fps = sum(self.chars.values()), sum(self.fp_kind.values())
        return fps, chars, (fps / chars * 10000 if chars else float("nan"))


HALVES = {
    "eighth_test": ("eighth_test",),
    "dev": ("dev", "fresh_dev", "fresh_dev_from_test", "third_test", "fourth_test", "fifth_test", "sixth_test",
            "seventh_test"),
    "second_test_now_dev": ("fresh_dev_from_test",),
    "third_test_now_dev": ("third_test",),
    "fourth_test_now_dev": ("fourth_test",),
    "fifth_test_now_dev": ("fifth_test",),
    "sixth_test_now_dev": ("sixth_test",),
    "seventh_test_now_dev": ("seventh_test",),
    "old_test": ("test",),
    "test": ("test", "eighth_test"),
}
HALF_NAMES = {
    "eighth_test": "第八批测试集（l 批，由他人采集、两人分别标注，规则冻结后才运行；此处按标注者 A）",
    "dev": "开发集（d 开发集 + 全部 f + 第三批 g + 第四批 h + 第五批 i + 第六批 j + 第七批 k，可据此调规则）",
    "second_test_now_dev": "  其中第二轮测试集 f（第二轮末已逐条读过，第三轮移入开发集）",
    "third_test_now_dev": "  其中第三批 g（第三轮末已逐条读过一次，第四轮移入开发集）",
    "fourth_test_now_dev": "  其中第四批 h（第四轮末运行一次并逐条读过一次，第五轮移入开发集）",
    "fifth_test_now_dev": "  其中第五批 i（第五轮末运行一次并逐条读过一次，第六轮移入开发集）",
    "sixth_test_now_dev": "  其中第六批 j（第六轮末运行一次并逐条读过一次，第七轮移入开发集）",
    "seventh_test_now_dev": "  其中第七批 k（第七轮末运行一次并逐条读过一次，第八轮移入开发集；按标注者 A）",
    "old_test": "旧测试集 d（第一轮末已逐条读过，不再是未触及的数据；不据其逐条错误调规则）",
    "test": "测试集合计（旧测试集 d + 第八批）",
}


def load_labels(did: str, labels_dir: str = "labels") -> list[dict]:
    return yaml.safe_load((REAL / labels_dir / f"{did}.yaml").read_text(encoding="utf-8"))["labels"] or []


def has_second_labeller(half: str) -> bool:
    split = yaml.safe_load((REAL / "split.yaml").read_text(encoding="utf-8"))
    ids = [did for key in HALVES.get(half, (half,)) for did in split.get(key) or []]
    return bool(ids) and all((REAL / "labels_b" / f"{did}.yaml").exists() for did in ids)


_RESULTS: dict = {}  # document id -> check result, so the rows that share documents check them once


def _check_doc(did: str):
    if did not in _RESULTS:
        _RESULTS[did] = check_file(REAL / "docs" / f"{did}.txt", categories=set(CATS))
    return _RESULTS[did]


def run_real(half: str, labels_dir: str = "labels") -> tuple[Score, dict]:
    """Score one set; `half` is a key of HALVES or a split.yaml key; `labels_dir` picks the labeller."""
    records = {d["id"]: d for d in yaml.safe_load((REAL / "records.yaml").read_text(encoding="utf-8"))["documents"]}
    split = yaml.safe_load((REAL / "split.yaml").read_text(encoding="utf-8"))
    score, kinds = Score(), defaultdict(int)
    ids = [did for key in HALVES.get(half, (half,)) for did in split[key]]
    for did in ids:
        rec = records[did]
        labels = load_labels(did, labels_dir)
        res = _check_doc(did)
        score.add(did, rec["kind"], res.document.text, res.findings, labels)
        kinds[res.summary.get("report") or "未识别"] += 1
    return score, dict(kinds)


def run_consistency() -> tuple[dict, list[str]]:
    """Per check: recall over the positive paragraphs' spans, precision over all consistency findings."""
    items = yaml.safe_load((DATA / "consistency_paragraphs.yaml").read_text(encoding="utf-8"))["paragraphs"]
    out: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    errors = []
    for it in items:
        res = check_text(it["text"], report="industry-analysis", categories={"consistency"})
        text = res.document.text
        spans = [(text.find(s), text.find(s) + len(s)) for s in it["spans"]]
        c = out[it["check"]]
        for f in res.findings:
            if any(f.span[0] < e and s < f.span[1] for s, e in spans):
                c["tp"] += 1
            else:
                c["fp"] += 1
                errors.append(f"误报 {it['id']} [{f.rule_id}] “{f.text}” — {f.message[:50]}")
        for s, e in spans:
            if any(f.span[0] < e and s < f.span[1] for f in res.findings):
                c["hit"] += 1
            else:
                c["miss"] += 1
                errors.append(f"漏报 {it['id']} “{text[s:e]}”")
    return out, errors


def consistency_lines(out: dict) -> list[str]:
    lines, tot = [], defaultdict(int)
    for check in ("percent_points", "magnitude", "parts_total", "growth"):
        c = out.get(check, {})
        for k in ("tp", "fp", "hit", "miss"):
            tot[k] += c.get(k, 0)
        lines.append(_pr(check, c))
    lines.append(_pr("合计", tot))
    return lines


def _pr(name: str, c) -> str:
    tp, fp, hit, miss = c.get("tp", 0), c.get("fp", 0), c.get("hit", 0), c.get("miss", 0)
    p = tp / (tp + fp) if tp + fp else float("nan")
    r = hit / (hit + miss) if hit + miss else float("nan")
    return f"  {name:<15} recall {r:5.3f} ({hit}/{hit + miss})   precision {p:5.3f} ({tp}/{tp + fp})"


def report(show_test: bool = False, show_dev: bool = True, dev_only: bool = False) -> None:
    print("\n真实文档集（evals/check/real，按文档分为开发集与测试集；目标：P≥0.9、R≥0.85、官方发布与新闻误报≤2条/万字）")
    split = yaml.safe_load((REAL / "split.yaml").read_text(encoding="utf-8"))
    halves = ("dev", "second_test_now_dev", "third_test_now_dev", "fourth_test_now_dev", "fifth_test_now_dev",
              "sixth_test_now_dev", "seventh_test_now_dev")
    if not dev_only:
        # the eighth batch (l01–) is collected by someone else; it is printed only once it is in split.yaml
        halves = (("eighth_test",) if split.get("eighth_test") else ()) + halves + ("old_test",) + (
            ("test",) if split.get("eighth_test") else ())
    rows = [(h, "labels") for h in halves]
    if "eighth_test" in halves and has_second_labeller("eighth_test"):
        rows.insert(1, ("eighth_test", "labels_b"))
    for half, labels_dir in rows:
        score, kinds = run_real(half, labels_dir)
        name = HALF_NAMES[half] if labels_dir == "labels" else "第八批测试集，按标注者 B（labels_b）"
        print(f" {name}：{sum(kinds.values())} 篇，识别类型 {kinds}")
        for c in CATS:
            print(score.line(c))
        fps, chars, rate = score.official_rate()
        print(f"  官方发布与新闻：误报 {fps} 条 / {chars} 字 = {rate:.2f} 条/万字")
        fps, chars, rate = score.all_rate()
        print(f"  全部文档：误报 {fps} 条 / {chars} 字 = {rate:.2f} 条/万字")
        if (half == "dev" and show_dev) or (half in ("old_test", "eighth_test") and show_test and labels_dir == "labels"):
            for e in score.errors:
                print("   " + e)
    out, errors = run_consistency()
    print("\n一致性段落（evals/check/data/consistency_paragraphs.yaml，手写，目标：召回≥0.85）")
    for ln in consistency_lines(out):
        print(ln)
    for e in errors:
        print("   " + e)
