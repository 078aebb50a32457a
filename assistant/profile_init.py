"""`assistant profile init`: propose an industry profile from a knowledge base, for the user to review.

It reads the knowledge base's chunks and tables and proposes:
- aliases: names given to the industry in brackets or with 简称/又称 in the documents;
- domain terms: jieba TF-IDF key terms of the chunks (generic words left out);
- metrics and units: table headers with a unit (“销售额（亿元）”) and “<metric> … <number><unit>” in the text;
- the statistics series: a table with a year column and a numeric column of the top metric.
The YAML it writes carries comments saying where each proposal came from; nothing is final until the
user has read it. The recognition words (units, metric names, generic words) are data:
`assistant/data/profile_init.yaml`.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

from .analysis import load_yaml
from .errors import AssistantError, InputError
from .profile import PROFILE_FILE, profile_from_dict
from .textproc import private_tokenizer

RULES_FILE = "profile_init.yaml"


def kb_texts(kb) -> list[str]:
    """Every chunk text of the knowledge base (a KnowledgeBase, or any object with `chunks`)."""
    store = getattr(kb, "store", None)
    if store is not None:
        ids = [r[0] for r in store.all_rows()]
        return [c.text for c in store.get(ids).values()]
    return [c.text for c in getattr(kb, "chunks", [])]


def _place_names() -> set[str]:
    """Province-level names and their short forms (provinces.yaml): a place is never an industry's alias."""
    raw = load_yaml("provinces.yaml").get("provinces") or {}
    return {n for full, short in raw.items() for n in [full, *(short or [])]}


def propose_aliases(texts: list[str], industry: str) -> list[str]:
    """Names given to the industry in brackets or with 简称/又称; not a place in brackets inside a firm's
    name (某某养老服务（上海）有限公司)."""
    name = re.escape(industry)
    verbs = sorted(load_yaml(RULES_FILE).get("alias_verbs") or [], key=len, reverse=True)  # 以下简称 before 简称
    verb = "|".join(map(re.escape, verbs)) or "(?!)"
    pats = [rf"{name}[（(](?:{verb})?[“\"]?([\u4e00-\u9fffA-Za-z]{{2,8}})[”\"]?[）)](?!有限|股份|分公司|公司)",
            rf"([\u4e00-\u9fffA-Za-z]{{2,8}})[（(](?:即|{verb})?{name}[）)]",
            rf"{name}(?:，|,)?(?:{verb})[“\"]?([\u4e00-\u9fffA-Za-z]{{2,8}})"]
    places = _place_names()
    # a form of the verb the list lacks (下文简称) must not be read as part of the name
    has_verb = re.compile("|".join(re.escape(v[-2:]) for v in verbs if len(v) >= 2) or "(?!)")
    found = Counter(m for t in texts for p in pats for m in re.findall(p, t)
                    if m != industry and m not in places and not has_verb.search(m))
    return [w for w, _ in found.most_common(5)]


def propose_terms(texts: list[str], names: list[str], rules: dict, n: int = 15, tokenizer=None) -> list[str]:
    """TF-IDF key terms (nouns) of the chunks, tokenised with the package dictionary (or `tokenizer`); two key
    terms that recur side by side (冷链 + 物流) are proposed as one compound term first.
    Not the index's own tokenizer: it holds the words of the profile proposed last time, and proposing again
    with them gave other terms (a second `profile init --force` on the same sources drifted)."""
    import jieba.analyse
    import jieba.posseg

    tfidf = jieba.analyse.TFIDF()
    tok = getattr(tokenizer or private_tokenizer(), "_tok")
    tfidf.tokenizer, tfidf.postokenizer = tok, jieba.posseg.POSTokenizer(tok)
    generic = set(rules.get("generic_terms", [])) | set(rules.get("metric_words", []))
    text = "\n".join(texts)
    orgs = tuple(rules.get("org_suffixes", []))
    cands = [w for w in tfidf.extract_tags(text, topK=n * 4, allowPOS=("n", "nz", "vn", "nt", "eng"))
             if len(w) >= 2 and w not in generic and not re.fullmatch(r"[\d.%]+", w)
             and not (orgs and w.endswith(orgs))]
    keys = set(cands)  # a word of the industry's name may still start or end a compound (冷链 + 物流)
    tags = [w for w in cands if not any(w in x for x in names)]
    pairs: Counter = Counter()
    for t in texts:
        words = tok.lcut(t)
        pairs.update(a + b for a, b in zip(words, words[1:]) if a in keys and b in keys)
    compounds = [w for w, c in pairs.most_common() if c >= 2 and not any(w in x for x in names)]
    out = compounds + [w for w in tags if not any(w in c for c in compounds)]
    return out[:n]


def _unit_pattern(rules: dict) -> str:
    units = sorted(rules.get("units", []), key=len, reverse=True)
    mags = sorted(rules.get("magnitude", []), key=len, reverse=True)
    return "(?:" + "|".join(map(re.escape, mags)) + ")?(?:" + "|".join(map(re.escape, units)) + ")"


def _header_metric(header: str, names: list[str], rules: dict) -> tuple[str, str] | None:
    m = re.fullmatch(r"\s*(.+?)\s*[（(]([^（）()]+)[）)]\s*", header)
    if not m or not re.fullmatch(_unit_pattern(rules) + "|%", m.group(2).strip()):
        return None
    metric = m.group(1)
    for n in sorted(names, key=len, reverse=True):
        metric = metric.replace(n, "")
    metric = metric.strip(" ：:-_")
    if len(metric) < 2 or any(w in metric for w in rules.get("not_levels", [])):
        return None
    return metric, m.group(2).strip()


def propose_metrics(texts: list[str], tables: list[tuple[str, str, list[dict]]], names: list[str],
                    rules: dict) -> list[tuple[str, str, int, str]]:
    """(metric, unit, count, where found) ranked: table headers count double."""
    found: Counter = Counter()
    where: dict[tuple[str, str], str] = {}
    for source, sheet, rows in tables:
        for h in rows[0].keys() if rows else []:
            mu = _header_metric(str(h), names, rules)
            if mu:
                found[mu] += 2
                where.setdefault(mu, f"表格 {source}“{sheet}”的列“{h}”")
    words = "|".join(map(re.escape, sorted(rules.get("metric_words", []), key=len, reverse=True)))
    rx = re.compile(rf"({words})[^，。；：\d]{{0,6}}?\d+(?:\.\d+)?\s*({_unit_pattern(rules)})(?![\u4e00-\u9fff]{{0,1}}[率比])")
    thresholds = tuple(rules.get("threshold_words", []))
    for t in texts:
        for m in rx.finditer(t):
            if thresholds and t[max(m.start() - 8, 0):m.start()].rstrip("年 ").endswith(thresholds):
                continue  # a statistical threshold (起点标准由年主营业务收入500万元…), not a metric of the industry
            mu = (m.group(1), m.group(2))
            found[mu] += 1
            where.setdefault(mu, f"文本“{m.group(0)[:24]}”")
    return [(m, u, c, where[(m, u)]) for (m, u), c in found.most_common(8)]


def propose_series(kb, metrics: list[tuple[str, str, int, str]], names: list[str], rules: dict) -> list[dict]:
    """The knowledge base's year series (`analysis.series.find_series_in_kb`, the finder drafting uses) of a
    proposed metric with a unit and at least three years: industry-named, higher-ranked metric, longest first."""
    from .analysis.series import find_series_in_kb

    cands, seen = [], set()
    for s in find_series_in_kb(kb)[0]:
        if (s.source, s.table, s.column) in seen:  # a source listed twice is read once
            continue
        seen.add((s.source, s.table, s.column))
        mu = _header_metric(f"{s.metric}（{s.unit}）", names, rules) if s.unit and not s.rate else None
        if not mu or mu[1] == "%" or len(s.values) < 3:
            continue
        named = any(n in " ".join([s.column, s.table, s.source]) for n in names)
        rank = next((i for i, (m, u, _, _) in enumerate(metrics) if (m, u) == mu), len(metrics))
        cands.append({"metric": mu[0], "unit": mu[1], "source": s.source, "sheet": s.table, "column": s.column,
                      "years": s.years, "_key": (not named, rank, -len(s.values))})
    cands.sort(key=lambda c: c["_key"])
    return cands


def _tables(kb) -> list[tuple[str, str, list[dict]]]:
    out = []
    for info in kb.sources():
        try:
            tabs = kb.tables(info.source) or {}
        except Exception:  # noqa: BLE001 - one unreadable source is skipped, not fatal
            continue
        out += [(info.source, str(sheet), rows) for sheet, rows in tabs.items()]
    return out


def propose(kb, industry: str) -> tuple[dict, dict]:
    """The proposed profile (a dict that validates as a profile) and the evidence for the comments."""
    rules = load_yaml(RULES_FILE)
    texts = kb_texts(kb)
    if not texts:
        raise InputError("知识库为空：请先用 assistant ingest 导入本行业的资料")
    tables = _tables(kb)
    aliases = propose_aliases(texts, industry)
    names = [industry, *aliases]
    metrics = propose_metrics(texts, tables, names, rules)
    series = propose_series(kb, metrics, names, rules)
    prof: dict = {"industry": industry}
    if aliases:
        prof["aliases"] = aliases
    prof["terms"] = propose_terms(texts, names, rules)
    if metrics:
        prof["metrics"] = [{"name": m, "unit": u} for m, u, _, _ in metrics]
    if series:
        s = series[0]
        prof["series"] = {"metric": s["metric"], "unit": s["unit"], "source": s["source"]}
    profile_from_dict(prof, where="建议的行业配置")  # what we write must load
    return prof, {"metrics": metrics, "series": series, "chunks": len(texts), "tables": len(tables)}


def render_yaml(prof: dict, info: dict, index_dir: str) -> str:
    """The profile as YAML with review comments."""
    def dump(obj) -> str:
        return yaml.safe_dump(obj, allow_unicode=True, sort_keys=False, width=100).rstrip()

    lines = [f"# 行业配置（由 assistant profile init 根据知识库 {index_dir} 的 {info['chunks']} 个分块、"
             f"{info['tables']} 张表格建议生成）。",
             "# 请逐项核对后再起草：删去不准确的术语和指标，补充别称、共同体名称（community）和权威统计机构（authorities）。",
             dump({"industry": prof["industry"]})]
    if prof.get("aliases"):
        lines += ["# 别称：文档中以括号或“简称/又称”给出的名称", dump({"aliases": prof["aliases"]})]
    else:
        lines += ["# aliases: [别称1, 别称2]      # 未在文档中找到别称，可手工填写"]
    lines += ["# community: 某某行业产教融合共同体   # 共同体名称（用于编制单位），可选",
              "# 领域术语：知识库分块的 TF-IDF 关键词（jieba），加入本知识库的分词词典（导入和检索时）并用于起草检索",
              dump({"terms": prof["terms"]}),
              "# dictionary: [产品名, 岗位名, 机构简称]   # 可选：只加入分词词典、不作检索词的本行业词语"]
    if prof.get("metrics"):
        lines.append("# 关键指标与单位（按出现次数排序；表头中的指标计两次）：")
        lines += [f"#   {m}（{u}）：{c} 次，例：{w}" for m, u, c, w in info["metrics"]]
        lines.append(dump({"metrics": prof["metrics"]}))
    else:
        lines.append("# metrics: 未找到“指标 数字 单位”的组合，请手工填写，如 - {name: 产值, unit: 亿元}")
    if prof.get("series"):
        lines.append("# 统计序列：含年份列和数值列的表格（首选标明本行业、指标排名靠前、年份最多者）。候选：")
        lines += [f"#   {c['source']}“{c['sheet']}”列“{c['column']}”：{c['years'][0]}—{c['years'][-1]}年，{len(c['years'])}个年份"
                  for c in info["series"][:5]]
        lines.append(dump({"series": prof["series"]}))
    else:
        lines.append("# series: 知识库中没有含年份列和数值列的统计表；导入后重新运行，或手工填写 {metric, unit, source}")
    lines += ["# queries:   # 可选：按提纲章节ID补充本行业特有的检索词，如 status: [某某 产能 利用率]",
              "# authorities: [某某行业协会]   # 可选：本行业的权威统计机构", ""]
    return "\n".join(lines)


def init_profile(industry: str, index_dir: str | Path, out: str | Path | None = None, force: bool = False,
                 kb=None) -> Path:
    """Write the proposed profile (default <index>/profile.yaml) and return its path."""
    industry = (industry or "").strip()
    if not industry:
        raise InputError("请用 --industry 给出行业名称")
    index_dir = Path(index_dir)
    target = Path(out) if out else index_dir / PROFILE_FILE
    if target.exists() and not force:
        raise InputError(f"{target} 已存在：请先核对或改名，或用 --out 另存、--force 覆盖")
    if kb is None:
        from .kb import KnowledgeBase
        kb = KnowledgeBase.open(index_dir, must_exist=True)
    prof, info = propose(kb, industry)
    text = render_yaml(prof, info, str(index_dir))
    profile_from_dict(yaml.safe_load(text), where=str(target))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    if target.resolve() == (index_dir / PROFILE_FILE).resolve() and hasattr(kb, "sync_vocabulary"):
        kb.sync_vocabulary()  # the index's keyword tokens now include the profile's terms
    return target


def main_profile(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="assistant profile", description="行业配置：根据知识库建议本行业的名称、术语、指标和统计序列")
    sub = ap.add_subparsers(dest="action", required=True)
    p = sub.add_parser("init", help="根据知识库生成行业配置草稿（供人工核对）")
    p.add_argument("--industry", required=True, metavar="名称", help="行业名称，如 现代物流")
    p.add_argument("--index", required=True, metavar="DIR", help="知识库目录")
    p.add_argument("--out", default=None, metavar="FILE", help="输出文件（默认 <知识库目录>/profile.yaml）")
    p.add_argument("--force", action="store_true", help="覆盖已有文件")
    args = ap.parse_args(argv)
    try:
        path = init_profile(args.industry, args.index, args.out, args.force)
    except AssistantError as e:
        print(f"错误：{e}", file=sys.stderr)
        return 2
    print(path)
    print("已生成行业配置草稿：请核对其中的术语、指标和统计序列后再起草。", file=sys.stderr)
    return 0
