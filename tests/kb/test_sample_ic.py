"""The second sample (集成电路, corpus/ic): every source loads, its statistics sit in non-spreadsheet tables,
its profile and question sets fit its corpus, and both samples' builders reproduce the committed files."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from assistant.kb.ingest import load_file
from assistant.profile import load_profile

REPO = Path(__file__).resolve().parents[2]
IC = REPO / "corpus" / "ic"
NEV = REPO / "corpus" / "nev"
RETRIEVAL = REPO / "evals" / "retrieval"


def _ic_sources() -> list[Path]:
    return sorted(p for p in (IC / "sources").iterdir() if p.is_file())


@pytest.fixture(scope="module")
def ic_docs():
    return {p.name: load_file(p) for p in _ic_sources()}


def _text(doc) -> str:
    return "\n".join(b.text for b in doc.blocks)


def test_every_ic_source_loads_with_text_and_year(ic_docs):
    assert len(ic_docs) >= 14
    for name, doc in ic_docs.items():
        assert doc.blocks, name
        assert doc.year, name
        assert "\ufffd" not in _text(doc), name
    suffixes = {Path(n).suffix for n in ic_docs}
    assert suffixes >= {".md", ".txt", ".docx", ".pdf", ".html", ".xlsx"}
    encodings = {doc.encoding for n, doc in ic_docs.items() if n.endswith(".txt")}
    assert {"gb18030", "utf-8"} <= encodings


def test_ic_statistics_sit_in_non_spreadsheet_tables(ic_docs):
    """The output table (亿块, Markdown, a year without a value) and the sales table (亿元, DOCX)."""
    md = ic_docs["2020-2024_国家统计局_集成电路产量统计摘要.md"]
    rows = [b.text for b in md.blocks if b.kind.startswith("table")]
    assert any("产量（亿块）" in r for r in rows)
    assert any("2024" in r and "—" in r for r in rows)  # the year whose output was not yet published
    docx = ic_docs["2017-2022_集成电路产业销售额统计与结构分析.docx"]
    rows = [b.text for b in docx.blocks if b.kind.startswith("table")]
    assert any("销售额（亿元）" in r for r in rows)
    years = {int(y) for r in rows for y in re.findall(r"(?<!\d)(20\d\d)(?!\d)", r)}
    assert 2020 not in years and {2019, 2021} <= years  # a gap inside the series


def test_ic_profile_names_a_series_table_in_its_corpus(ic_docs):
    prof = load_profile(IC / "profile.yaml")
    assert prof.industry == "集成电路" and {"芯片", "半导体"} <= set(prof.aliases)
    assert prof.series["source"] in ic_docs
    table = [b.text for b in ic_docs[prof.series["source"]].blocks if b.kind.startswith("table")]
    assert any(prof.series["metric"] in r and prof.series["unit"] in r for r in table)
    outline_ids = set()
    for f in (REPO / "assistant" / "outlines").glob("*.yaml"):
        outline_ids |= {s["id"] for s in yaml.safe_load(f.read_text(encoding="utf-8"))["sections"]}
    assert set(prof.queries) <= outline_ids


def test_ic_sources_carry_no_term_of_the_other_sample(ic_docs):
    nev = load_profile(NEV / "profile.yaml")
    words = set(nev.names) | set(nev.terms)
    for name, doc in ic_docs.items():
        found = sorted(w for w in words if w in _text(doc))
        assert not found, (name, found)


def test_ic_synthetic_names_say_example():
    import pandas as pd

    survey = pd.read_excel(IC / "data" / "survey_2025.xlsx", sheet_name=0)
    postings = pd.read_csv(IC / "data" / "postings_2021_2025.csv")
    tech = pd.read_excel(IC / "data" / "tech_needs_2025.xlsx", sheet_name=0)
    names = set(survey["Company"]) | set(postings["企业名称"]) | set(tech["提出单位"])
    assert names and all("示例" in n for n in names)
    assert all("示例" in p.name for p in _ic_sources() if "企业案例" in p.name or "共同体概况" in p.name)


def test_ic_survey_headers_differ_from_the_first_sample():
    import pandas as pd

    ic = set(pd.read_excel(IC / "data" / "survey_2025.xlsx", sheet_name=0).columns)
    nev = set(pd.read_excel(NEV / "data" / "survey_2025.xlsx", sheet_name=0).columns)
    assert len(ic & nev) <= 2
    assert sum(1 for c in ic if c.isascii()) >= 4  # English headers such as "planned hires 2026"


@pytest.mark.parametrize("questions,sources", [
    ("ic_questions.jsonl", IC / "sources"),
    ("ic_paraphrased.jsonl", IC / "sources"),
    ("nev_paraphrased.jsonl", NEV / "sources"),
    ("questions.jsonl", NEV / "sources"),
])
def test_question_sets_validate_against_their_corpus(questions, sources, capsys):
    sys.path.insert(0, str(RETRIEVAL))
    try:
        import validate_questions
    finally:
        sys.path.remove(str(RETRIEVAL))
    rc = validate_questions.main(["--questions", str(RETRIEVAL / questions), "--sources", str(sources), "--quiet"])
    assert rc == 0, capsys.readouterr().out
    qs = [json.loads(x) for x in (RETRIEVAL / questions).read_text(encoding="utf-8").splitlines() if x.strip()]
    if questions != "questions.jsonl":
        assert sum(q["type"] == "paraphrase" for q in qs) * 3 >= len(qs)


def test_ic_unanswerable_set_is_well_formed():
    rows = [json.loads(x) for x in (REPO / "evals" / "chat" / "ic_unanswerable.jsonl").read_text(
        encoding="utf-8").splitlines() if x.strip()]
    assert len(rows) >= 15 and len({r["id"] for r in rows}) == len(rows)
    assert all(r["question"] and r["why"] for r in rows)


@pytest.mark.slow  # four full rebuilds (font subsetting, PDFs): about 10 s together
@pytest.mark.parametrize("sample,script,folder", [
    ("nev", "build_corpus.py", "sources"), ("nev", "build_data.py", "data"),
    ("ic", "build_corpus.py", "sources"), ("ic", "build_data.py", "data"),
])
def test_builders_reproduce_committed_files_byte_for_byte(sample, script, folder, tmp_path):
    root = REPO / "corpus" / sample
    subprocess.run([sys.executable, str(root / script), "--out", str(tmp_path)], check=True,
                   capture_output=True, cwd=str(tmp_path))
    built = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    assert built
    # every file the script writes is committed, byte for byte (the folder may also hold other scripts' files)
    missing = sorted(n for n in built if not (root / folder / n).is_file())
    assert not missing, f"built but not committed: {missing}"
    differ = sorted(n for n in built if built[n] != (root / folder / n).read_bytes())
    assert not differ, f"rebuild differs from the committed file(s): {differ}"
