"""What the samples' synthetic-data builders (corpus/<sample>/build_data.py) share: fictional enterprises,
technology needs drawn from a fixed list, byte-reproducible XLSX files, and the command that writes the
four data files. Each sample keeps its own tables (positions, shares, headers); this module keeps the order
of the random draws, so a seed gives the same files byte for byte.

Not part of the package: the scripts put corpus/ on sys.path and `import synthetic`. What stays in each
script (survey and postings loops) draws its random numbers in a sample-specific order.
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import pathlib
from dataclasses import dataclass
from typing import Callable

import numpy as np
import pandas as pd

HERE = pathlib.Path(__file__).resolve().parent
FIXED_TIME = dt.datetime(2026, 1, 15, 9, 0, 0)


def _normalize_zip():
    """corpus/nev/build_corpus.py's zip normaliser (a script in a folder without __init__)."""
    spec = importlib.util.spec_from_file_location("nev_build_corpus", HERE / "nev" / "build_corpus.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.normalize_zip


@dataclass(frozen=True)
class Firms:
    """How fictional enterprises are drawn: province (name, abbreviation) and type weights, name words."""
    regions: list[tuple[str, str]]
    region_w: np.ndarray
    type_suffix: dict[str, str]  # enterprise type -> name suffix (…示例…有限公司)
    type_w: np.ndarray
    words: list[str]
    sizes: list[str]
    size_p: list[float]


def make_enterprises(rng, firms: Firms, n: int) -> list[dict]:
    types = list(firms.type_suffix)
    ents, used = [], set()
    for _ in range(n):
        prov, abbr = firms.regions[rng.choice(len(firms.regions), p=firms.region_w / firms.region_w.sum())]
        etype = types[rng.choice(len(types), p=firms.type_w / firms.type_w.sum())]
        while True:
            name = f"{abbr}{firms.words[rng.integers(len(firms.words))]}{firms.type_suffix[etype]}"
            if name not in used:
                used.add(name)
                break
        size = str(rng.choice(firms.sizes, p=firms.size_p))
        ents.append({"name": name, "prov": prov, "type": etype, "size": size})
    return ents


TECH_COLUMNS = ("技术需求", "提出单位", "需求描述", "紧迫程度", "技术领域", "期望合作方式")


def build_tech(rng, ents: list[dict], needs: list[tuple[str, str, str]], field_types: dict[str, list[str]],
               columns: tuple[str, ...] = TECH_COLUMNS, training_field: str = "人才培训") -> pd.DataFrame:
    """One row per (need, field, description): a proposing enterprise of a fitting type, urgency, cooperation."""
    rows = []
    for need, field, desc in needs:
        cands = [e for e in ents if e["type"] in field_types[field]] or ents
        e = cands[rng.integers(len(cands))]
        urg = str(rng.choice(["高", "中", "低"], p=[0.4, 0.45, 0.15]))
        coop = "人员培训" if field == training_field else str(
            rng.choice(["联合攻关", "技术服务", "成果转化", "人员培训"], p=[0.4, 0.3, 0.2, 0.1]))
        rows.append(dict(zip(columns, (need, e["name"], desc, urg, field, coop))))
    return pd.DataFrame(rows)


def write_xlsx(path: pathlib.Path, sheet: str, df: pd.DataFrame, note: str, author: str, normalize_zip) -> None:
    """The table and a 说明 sheet, with fixed document properties and a normalised zip (byte-reproducible)."""
    with pd.ExcelWriter(path, engine="openpyxl") as xw:
        df.to_excel(xw, sheet_name=sheet, index=False)
        pd.DataFrame({"说明": [note]}).to_excel(xw, sheet_name="说明", index=False)
        wb = xw.book
        wb.properties.creator = author
        wb.properties.created = FIXED_TIME
        wb.properties.modified = FIXED_TIME
    normalize_zip(path)


@dataclass(frozen=True)
class Sample:
    """One sample's builders and file details."""
    description: str
    default_out: pathlib.Path
    seed: int
    author: str
    note: str  # the synthetic-data statement written into every XLSX
    survey_sheet: str
    company_column: str  # the survey's enterprise column (for the summary line)
    enterprises: Callable  # rng -> enterprises
    survey: Callable  # (rng, ents) -> DataFrame
    postings: Callable
    tech: Callable
    supply: Callable  # () -> DataFrame


def main(sample: Sample, argv=None) -> None:
    """`build_data.py [--out DIR]`: draw the enterprises, then survey, postings and technology needs in that
    order from one seeded generator, and write the four files."""
    ap = argparse.ArgumentParser(description=sample.description)
    ap.add_argument("--out", type=pathlib.Path, default=sample.default_out,
                    help="output folder (default: data/ beside this script)")
    out = ap.parse_args(argv).out
    normalize_zip = _normalize_zip()
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(sample.seed)
    ents = sample.enterprises(rng)
    survey = sample.survey(rng, ents)
    postings = sample.postings(rng, ents)
    tech = sample.tech(rng, ents)
    supply = sample.supply()
    write_xlsx(out / "survey_2025.xlsx", sample.survey_sheet, survey,
               sample.note + " 问卷：2025年共同体成员企业岗位需求调查（虚构）。", sample.author, normalize_zip)
    postings.to_csv(out / "postings_2021_2025.csv", index=False, encoding="utf-8-sig")
    write_xlsx(out / "tech_needs_2025.xlsx", "技术需求", tech, sample.note + " 技术需求条目为虚构示例。", sample.author,
               normalize_zip)
    supply.to_csv(out / "talent_supply_2025.csv", index=False, encoding="utf-8-sig")
    print(f"survey rows={len(survey)} enterprises={survey[sample.company_column].nunique()}; "
          f"postings rows={len(postings)}; tech rows={len(tech)}; supply rows={len(supply)}")
