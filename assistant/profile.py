"""Industry profile: what one community's industry is called and measured by.

Every 行业产教融合共同体 has its own industry. Nothing industry-specific lives in the package: the name,
aliases, domain terms, key metrics and units, optional statistics series and extra retrieval queries
live in one small YAML file per community (a sample's profile sits beside its corpus, e.g.
`corpus/nev/profile.yaml`; a user's is written by `assistant profile init` into the index folder).

Schema (all keys but `industry` optional; unknown keys are rejected with the file name):

    industry: 现代物流                       # the name used in titles, bylines and queries
    aliases: [物流业, 物流行业]               # other names of the same industry (queries, matching)
    community: 某某行业产教融合共同体          # the community's own name, for bylines
    terms: [冷链物流, 仓储配送]               # domain terms: fed to the jieba dictionary and to queries
    dictionary: [分拣员, 快递员]              # more words for the keyword tokenizer only (products, bodies,
                                             # job titles): never used as queries
    metrics:                                 # key metrics and their units, most important first
      - {name: 社会物流总额, unit: 万亿元}
      - {name: 快递业务量, unit: 亿件}
    authorities: [中国物流与采购联合会]        # bodies whose releases are primary statistics sources
    series:                                  # which statistics series the industry report uses
      metric: 社会物流总额
      unit: 万亿元
      source: 2021-2025_物流运行统计.md       # a knowledge-base source name (optional)
      market_total: {metric: 全球物流市场规模, unit: 万亿元, share: 全球占比}   # optional denominator (and share column, %) for share models
    queries:                                 # optional extra retrieval queries, by outline section id
      status: [社会物流总额 同比增长]
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError

PROFILE_FILE = "profile.yaml"  # the name a profile has inside an index folder
_KEYS = {"industry", "aliases", "community", "terms", "dictionary", "metrics", "authorities", "series", "queries"}
_SERIES_KEYS = {"metric", "unit", "source", "market_total", "bounds"}


@dataclass(frozen=True)
class Metric:
    name: str
    unit: str = ""


@dataclass(frozen=True)
class Profile:
    industry: str
    aliases: tuple[str, ...] = ()
    community: str | None = None
    terms: tuple[str, ...] = ()
    dictionary: tuple[str, ...] = ()
    metrics: tuple[Metric, ...] = ()
    authorities: tuple[str, ...] = ()
    series: dict[str, Any] = field(default_factory=dict)
    queries: dict[str, tuple[str, ...]] = field(default_factory=dict)
    path: Path | None = None  # where it was read from (None: built from --industry alone)

    @property
    def names(self) -> tuple[str, ...]:
        """The industry name first, then its aliases."""
        return (self.industry, *[a for a in self.aliases if a != self.industry])

    @property
    def vocabulary(self) -> tuple[str, ...]:
        """Words the keyword tokenizer must know for this industry: names, aliases, terms, dictionary words,
        metric names and authorities (added to the index's jieba dictionary at ingest and at search)."""
        return tuple(dict.fromkeys([*self.names, *self.terms, *self.dictionary, *(m.name for m in self.metrics),
                                    *self.authorities]))

    def extra_queries(self, section_id: str) -> tuple[str, ...]:
        return self.queries.get(section_id, ())

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"industry": self.industry}
        if self.aliases:
            out["aliases"] = list(self.aliases)
        if self.community:
            out["community"] = self.community
        if self.terms:
            out["terms"] = list(self.terms)
        if self.dictionary:
            out["dictionary"] = list(self.dictionary)
        if self.metrics:
            out["metrics"] = [{"name": m.name, "unit": m.unit} for m in self.metrics]
        if self.authorities:
            out["authorities"] = list(self.authorities)
        if self.series:
            out["series"] = dict(self.series)
        if self.queries:
            out["queries"] = {k: list(v) for k, v in self.queries.items()}
        return out


def _str_list(raw: Any, key: str, where: str) -> tuple[str, ...]:
    if raw is None:
        return ()
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list) or not all(isinstance(x, (str, int, float)) for x in raw):
        raise InputError(f"{where}：{key} 应为字符串列表")
    return tuple(str(x).strip() for x in raw if str(x).strip())


def profile_from_dict(raw: Any, where: str = "行业配置") -> Profile:
    """Validate a parsed profile mapping; errors name the file (`where`) and the key."""
    if not isinstance(raw, dict):
        raise InputError(f"{where}：应为 YAML 映射（键: 值）")
    unknown = sorted(set(raw) - _KEYS)
    if unknown:
        raise InputError(f"{where}：未知的键 {', '.join(map(str, unknown))}（可用：{', '.join(sorted(_KEYS))}）")
    name = str(raw.get("industry") or "").strip()
    if not name:
        raise InputError(f"{where}：缺少 industry（行业名称）")
    metrics = []
    for i, m in enumerate(raw.get("metrics") or [], 1):
        if isinstance(m, str):
            m = {"name": m}
        if not isinstance(m, dict) or not str(m.get("name") or "").strip():
            raise InputError(f"{where}：metrics 第 {i} 项应为 {{name: 指标, unit: 单位}}")
        metrics.append(Metric(str(m["name"]).strip(), str(m.get("unit") or "").strip()))
    series = raw.get("series") or {}
    if not isinstance(series, dict):
        raise InputError(f"{where}：series 应为映射")
    bad = sorted(set(series) - _SERIES_KEYS)
    if bad:
        raise InputError(f"{where}：series 中未知的键 {', '.join(bad)}（可用：{', '.join(sorted(_SERIES_KEYS))}）")
    queries = raw.get("queries") or {}
    if not isinstance(queries, dict):
        raise InputError(f"{where}：queries 应为“章节ID: [检索词, ...]”的映射")
    return Profile(
        industry=name,
        aliases=_str_list(raw.get("aliases"), "aliases", where),
        community=(str(raw["community"]).strip() or None) if raw.get("community") else None,
        terms=_str_list(raw.get("terms"), "terms", where),
        dictionary=_str_list(raw.get("dictionary"), "dictionary", where),
        metrics=tuple(metrics),
        authorities=_str_list(raw.get("authorities"), "authorities", where),
        series=dict(series),
        queries={str(k): _str_list(v, f"queries.{k}", where) for k, v in queries.items()},
    )


def load_profile(path: str | Path) -> Profile:
    p = Path(path)
    if not p.is_file():
        raise InputError(f"找不到行业配置文件：{p}")
    try:
        raw = yaml.safe_load(p.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as e:
        mark = getattr(e, "problem_mark", None)
        line = f" 第 {mark.line + 1} 行" if mark else ""
        raise InputError(f"行业配置文件{line}无法解析：{p}") from e
    prof = profile_from_dict(raw, where=str(p))
    return Profile(**{**prof.__dict__, "path": p})


def save_profile(profile: Profile, path: str | Path, header: str = "") -> Path:
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(profile.to_dict(), allow_unicode=True, sort_keys=False)
    p.write_text((header + "\n" if header else "") + text, encoding="utf-8")
    return p


def resolve_profile(industry: str | None = None, profile_path: str | Path | None = None,
                    index_dir: str | Path | None = None) -> Profile:
    """The profile a run uses: `--profile FILE`, else the index's own `profile.yaml`, else `--industry NAME`
    alone (a minimal profile). `--industry` given with a profile overrides its name. Never defaults silently:
    with none of the three, raise an error that says how to name the industry."""
    prof: Profile | None = None
    if profile_path:
        prof = load_profile(profile_path)
    elif index_dir and (Path(index_dir) / PROFILE_FILE).is_file():
        prof = load_profile(Path(index_dir) / PROFILE_FILE)
    if prof is not None:
        if industry and industry.strip() and industry.strip() != prof.industry:
            prof = Profile(**{**prof.__dict__, "industry": industry.strip()})
        return prof
    if industry and industry.strip():
        return Profile(industry=industry.strip())
    raise InputError("未指定行业：请用 --industry 名称 或 --profile 行业配置.yaml，"
                     "或先运行 assistant profile init 在知识库中保存行业配置")
