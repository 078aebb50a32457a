"""The real-document set (issue 9) and the hand-written consistency paragraphs.

    python -m evals.check --real            # only these two parts (fast)
    python -m evals.check --real --dev-only   # the dev half only, with its errors (for tuning rules)
    python -m evals.check --real --show-test   # also list the test halves' individual errors

Sets (real/split.yaml): the first round's halves `dev`/`test` (d01–d42), the second round's `fresh_dev` and its
former test half `fresh_dev_from_test` (f01–f52), then one batch per round from the third on (`BATCHES` below: g, h, i,
j, k, l, m…). Each batch was collected and labelled by others before any checker run, run once after that round's rules
were frozen, read once, and then moved to dev: only the newest batch in split.yaml is a test batch. Printed: the
current test batch (by labeller A, and by labeller B when `labels_b/` holds it), the dev set (the only data to tune on)
with each former batch as its own row, and the old d test half (read at the end of the first round).

From the seventh batch on, batches are labelled twice, by two labellers who did not see each other's labels: `labels/`
(labeller A, the figures quoted) and `labels_b/` (labeller B). `python evals/check/agreement.py` scores B against A
with the same matching rule, which is the ceiling any checker can reach against one labeller. From the twenty-first
batch on, a third person may adjudicate every disagreement between A and B by the policy, before any run
(`labels_adj/`); its row is printed beside A's, B's and the 合议 row, and `agreement.py --adjudicated` scores each
labeller against it.

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


def label_spans(did: str, text: str, labels: list[dict]) -> list[tuple[str, int, int, dict]]:
    """(category, start, end, label) of each label in the text."""
    spans = []
    for lab in labels:
        i = -1
        for _ in range(int(lab.get("occurrence", 1))):  # the n-th occurrence of a repeated phrase
            i = text.find(lab["span"], i + 1)
        if i < 0:
            raise SystemExit(f"标注片段不在原文中：{did}：{lab['span']!r}")
        spans.append((lab["category"], i, i + len(lab["span"]), lab))
    return spans


def agreed_labels(did: str, text: str) -> tuple[list[dict], list[dict]]:
    """The labels both labellers gave (A's span where a B label of the category overlaps it), and every label of
    either: the 合议 row asks a finding to match either labeller and counts as missed only what both labelled."""
    a, b = load_labels(did, "labels"), load_labels(did, "labels_b")
    sb = label_spans(did, text, b)
    both = [lab for c, s, e, lab in label_spans(did, text, a)
            if any(c2 == c and s2 < e and s < e2 for c2, s2, e2, _ in sb)]
    return both, a + b


class Score:
    def __init__(self):
        self.tp = defaultdict(int)
        self.fp = defaultdict(int)
        self.hit = defaultdict(int)
        self.miss = defaultdict(int)
        self.chars = defaultdict(int)
        self.fp_kind = defaultdict(int)
        self.errors: list[str] = []

    def add(self, did: str, kind: str, text: str, findings, labels, accepted=None) -> None:
        """Score one document. `labels` are the recall targets; a finding is right when it overlaps one of them or
        one of `accepted` (more labels that count as right but are not required: the other labeller's)."""
        spans = label_spans(did, text, labels)
        extra = label_spans(did, text, accepted or [])
        self.chars[kind] += len(text)
        for f in findings:
            if f.category not in CATS:
                continue
            if any(c == f.category and f.span[0] < e and s < f.span[1] for c, s, e, _ in spans + extra):
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


# The batches collected after the second round, in order: (split.yaml key, id letters, ordinal); after z the single
# letters were reused (a, b, c) and then two letters (aa, ...), so a batch is its ids' whole leading run of letters.
# The newest one present in split.yaml is the current test batch; every earlier one has been run once, read once and
# moved to dev.
BATCHES = (("third_test", "g", "三"), ("fourth_test", "h", "四"), ("fifth_test", "i", "五"), ("sixth_test", "j", "六"),
           ("seventh_test", "k", "七"), ("eighth_test", "l", "八"), ("ninth_test", "m", "九"),
           ("tenth_test", "n", "十"), ("eleventh_test", "o", "十一"), ("twelfth_test", "p", "十二"),
           ("thirteenth_test", "q", "十三"), ("fourteenth_test", "r", "十四"),
           ("fifteenth_test", "s", "十五"),
           ("sixteenth_test", "t", "十六"), ("seventeenth_test", "u", "十七"),
           ("eighteenth_test", "v", "十八"),
           ("nineteenth_test", "w", "十九"),
           ("twentieth_test", "x", "二十"),
           ("twenty_first_test", "y", "二十一"),
           ("twenty_second_test", "z", "二十二"),
           ("twenty_third_test", "a", "二十三"),
           ("twenty_fourth_test", "b", "二十四"),
           ("twenty_fifth_test", "c", "二十五"),
           ("twenty_sixth_test", "aa", "二十六"),
           ("twenty_seventh_test", "ab", "二十七"),
           ("twenty_eighth_test", "ac", "二十八"),
           ("twenty_ninth_test", "ad", "二十九"),
           ("thirtieth_test", "ae", "三十"),
           ("thirty_first_test", "af", "三十一"),
           ("thirty_second_test", "ag", "三十二"),
           ("thirty_third_test", "ah", "三十三"),
           ("thirty_fourth_test", "ai", "三十四"),
           ("thirty_fifth_test", "aj", "三十五"),
           ("thirty_sixth_test", "ak", "三十六"),
           ("thirty_seventh_test", "al", "三十七"), ("thirty_eighth_test", "am", "三十八"),
           ("thirty_ninth_test", "an", "三十九"))


def _split() -> dict:
    return yaml.safe_load((REAL / "split.yaml").read_text(encoding="utf-8"))


def current_test(split: dict | None = None) -> str | None:
    """The newest batch in split.yaml, unless split.yaml lists it under `moved_to_dev` (its run was read and the next
    round tunes on it before the next batch exists): the one test batch not yet tuned on."""
    split = _split() if split is None else split
    present = [key for key, _, _ in BATCHES if split.get(key)]
    if not present or present[-1] in (split.get("moved_to_dev") or []):
        return None
    return present[-1]


def halves(split: dict | None = None) -> tuple[dict, dict]:
    """Set keys -> split.yaml keys, and set keys -> printed names, for the current state of split.yaml."""
    split = _split() if split is None else split
    cur = current_test(split)
    earlier = [(k, letter, o) for k, letter, o in BATCHES if split.get(k) and k != cur]
    dev_keys = ("dev", "fresh_dev", "fresh_dev_from_test") + tuple(k for k, _, _ in earlier)
    sets = {"dev": dev_keys, "second_test_now_dev": ("fresh_dev_from_test",), "old_test": ("test",),
            "test": ("test",) + ((cur,) if cur else ())}
    letters = "、".join(f"第{o}批 {letter}" for _, letter, o in earlier)
    names = {"dev": f"开发集（d 开发集 + 全部 f + {letters}，可据此调规则）",
             "second_test_now_dev": "  其中第二轮测试集 f（第二轮末已逐条读过，第三轮移入开发集）",
             "old_test": "旧测试集 d（第一轮末已逐条读过，不再是未触及的数据；不据其逐条错误调规则）",
             "test": "测试集合计（旧测试集 d + 当前测试批）"}
    for k, letter, o in earlier:
        sets[f"{k}_now_dev"] = (k,)
        names[f"{k}_now_dev"] = f"  其中第{o}批 {letter}（第{o}轮末运行一次并逐条读过一次，之后移入开发集）"
    if cur:
        _, letter, o = next(b for b in BATCHES if b[0] == cur)
        sets[cur] = (cur,)
        names[cur] = f"第{o}批测试集（{letter} 批，由他人采集、两人分别标注，规则冻结后才运行；此处按标注者 A）"
        names[cur + ":labels_b"] = f"第{o}批测试集，按标注者 B（labels_b）"
        names[cur + ":agreed"] = (f"第{o}批测试集，两名标注者合议（与任一人的标注重合即算对；只有两人都标了的才算漏报；"
                                  f"误报只计两人都未标的）")
        names[cur + ":labels_adj"] = (f"第{o}批测试集，按裁定标注（labels_adj：A、B 的每处分歧由第三人按标注政策裁定，"
                                      f"仍在任何运行之前）")
    return sets, names


def load_labels(did: str, labels_dir: str = "labels") -> list[dict]:
    return yaml.safe_load((REAL / labels_dir / f"{did}.yaml").read_text(encoding="utf-8"))["labels"] or []


def has_labels(half: str, labels_dir: str = "labels_b") -> bool:
    """Whether every document of the set has a label file in `labels_dir` (a second labeller's, or the adjudicated)."""
    split = _split()
    ids = [did for key in halves(split)[0].get(half, (half,)) for did in split.get(key) or []]
    return bool(ids) and all((REAL / labels_dir / f"{did}.yaml").exists() for did in ids)


_RESULTS: dict = {}  # document id -> check result, so the rows that share documents check them once


def _check_doc(did: str):
    if did not in _RESULTS:
        _RESULTS[did] = check_file(REAL / "docs" / f"{did}.txt", categories=set(CATS))
    return _RESULTS[did]


def run_real(half: str, labels_dir: str = "labels") -> tuple[Score, dict]:
    """Score one set; `half` is a key of halves() or a split.yaml key; `labels_dir` picks the labeller."""
    records = {d["id"]: d for d in yaml.safe_load((REAL / "records.yaml").read_text(encoding="utf-8"))["documents"]}
    split = _split()
    score, kinds = Score(), defaultdict(int)
    ids = [did for key in halves(split)[0].get(half, (half,)) for did in split[key]]
    for did in ids:
        rec = records[did]
        res = _check_doc(did)
        if labels_dir == "agreed":
            labels, accepted = agreed_labels(did, res.document.text)
        else:
            labels, accepted = load_labels(did, labels_dir), None
        score.add(did, rec["kind"], res.document.text, res.findings, labels, accepted)
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
    for check in ("percent_points", "magnitude", "parts_total", "growth", "direction", "trend", "table_change",
                  "table_share", "rate_points", "translation", "pair_total", "metric", "period_parts", "points_amount",
                  "period_basis", "currency", "count_share", "contribution", "share_wholes", "fall_rise",
                  "group_mean"):
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
    split = _split()
    cur = current_test(split)
    sets, names = halves(split)
    rows_keys = ["dev", "second_test_now_dev"] + [k for k in sets if k.endswith("_now_dev") and k != "second_test_now_dev"]
    if not dev_only:
        rows_keys = ([cur] if cur else []) + rows_keys + ["old_test"] + (["test"] if cur else [])
    rows = [(h, "labels") for h in rows_keys]
    if cur and cur in rows_keys and has_labels(cur, "labels_b"):
        rows[1:1] = [(cur, "labels_b"), (cur, "agreed")] + ([(cur, "labels_adj")] if has_labels(cur, "labels_adj") else [])
    for half, labels_dir in rows:
        score, kinds = run_real(half, labels_dir)
        name = names[half] if labels_dir == "labels" else names[half + ":" + labels_dir]
        print(f" {name}：{sum(kinds.values())} 篇，识别类型 {kinds}")
        for c in CATS:
            print(score.line(c))
        fps, chars, rate = score.official_rate()
        print(f"  官方发布与新闻：误报 {fps} 条 / {chars} 字 = {rate:.2f} 条/万字")
        fps, chars, rate = score.all_rate()
        print(f"  全部文档：误报 {fps} 条 / {chars} 字 = {rate:.2f} 条/万字")
        if (half == "dev" and show_dev) or (half in ("old_test", cur) and show_test and labels_dir == "labels"):
            for e in score.errors:
                print("   " + e)
    out, errors = run_consistency()
    print("\n一致性段落（evals/check/data/consistency_paragraphs.yaml，手写，目标：召回≥0.85）")
    for ln in consistency_lines(out):
        print(ln)
    for e in errors:
        print("   " + e)
