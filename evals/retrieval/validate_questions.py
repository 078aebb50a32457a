#!/usr/bin/env python3
"""Validate a retrieval question set against the corpus it was written for.

Default: evals/retrieval/questions.jsonl against corpus/nev/sources/; other sets with
--questions FILE --sources DIR (e.g. evals/retrieval/ic_questions.jsonl with corpus/ic/sources).

Checks, for every question:
  * required fields and allowed `type`; unique ids
  * `gold_source` is the basename of an existing file in the sources folder
  * `answer` occurs in the gold document's extracted text (whitespace-insensitive)
  * `answer` occurs in NO other source document (so the gold uniquely answers it)
Warnings (not failures): decimal numbers from the answer that also occur in other documents
(look-alike figures), and text documents outside 400-1500 Chinese characters.

Text extraction: .md/.txt/.csv/.html read directly (UTF-8, UTF-8-BOM or GB18030; HTML tags
stripped), .docx via python-docx (paragraphs + tables), .pdf via pdfplumber, .xlsx via openpyxl.

Usage: python evals/retrieval/validate_questions.py [--questions FILE] [--sources DIR] [--quiet]
Exit status 0 when all checks pass.
"""
from __future__ import annotations

import argparse
import collections
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
SOURCES = ROOT / "corpus" / "nev" / "sources"
QUESTIONS = pathlib.Path(__file__).resolve().parent / "questions.jsonl"
TYPES = {"numeric", "paraphrase", "term", "distractor"}


def read_text_file(path: pathlib.Path) -> str:
    raw = path.read_bytes()
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    raise ValueError(f"cannot decode {path}")


def extract(path: pathlib.Path) -> str:
    ext = path.suffix.lower()
    if ext in (".md", ".txt", ".csv"):
        return read_text_file(path)
    if ext in (".html", ".htm"):
        from bs4 import BeautifulSoup

        return BeautifulSoup(read_text_file(path), "html.parser").get_text("\n")
    if ext == ".docx":
        import docx

        d = docx.Document(str(path))
        parts = [p.text for p in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                parts.append("\t".join(c.text for c in row.cells))
        return "\n".join(parts)
    if ext == ".pdf":
        import pdfplumber

        with pdfplumber.open(str(path)) as pdf:
            return "\n".join(page.extract_text() or "" for page in pdf.pages)
    if ext == ".xlsx":
        import openpyxl

        wb = openpyxl.load_workbook(str(path), read_only=True, data_only=True)
        parts = []
        for ws in wb.worksheets:
            parts.append(ws.title)
            for row in ws.iter_rows(values_only=True):
                parts.append("\t".join("" if v is None else str(v) for v in row))
        return "\n".join(parts)
    raise ValueError(f"unsupported format: {path}")


def norm(s: str) -> str:
    return re.sub(r"\s+", "", s)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description="Validate a retrieval question set against its corpus.")
    ap.add_argument("--questions", type=pathlib.Path, default=QUESTIONS, help="JSONL question set")
    ap.add_argument("--sources", type=pathlib.Path, default=SOURCES, help="folder of source documents")
    ap.add_argument("--quiet", action="store_true", help="print errors and the summary only")
    args = ap.parse_args(argv)
    quiet, sources, questions = args.quiet, args.sources, args.questions
    if not sources.is_dir() or not questions.is_file():
        print(f"ERROR missing {sources if not sources.is_dir() else questions}")
        return 2
    docs = {p.name: extract(p) for p in sorted(sources.iterdir()) if p.is_file()}
    ndocs = {k: norm(v) for k, v in docs.items()}
    errors, warnings = [], []

    for name, text in docs.items():
        if pathlib.Path(name).suffix in (".xlsx", ".csv"):
            continue
        n = len(re.findall(r"[\u4e00-\u9fff]", text))
        if not 400 <= n <= 1500:
            warnings.append(f"{name}: {n} Chinese characters (expected 400-1500)")

    seen, by_type, by_gold = set(), collections.Counter(), collections.Counter()
    lines = [ln for ln in questions.read_text(encoding="utf-8").splitlines() if ln.strip()]
    for i, line in enumerate(lines, 1):
        try:
            q = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"line {i}: invalid JSON ({e})")
            continue
        qid = q.get("id", f"line{i}")
        missing = [k for k in ("id", "question", "gold_source", "answer", "type") if not q.get(k)]
        if missing:
            errors.append(f"{qid}: missing fields {missing}")
            continue
        if qid in seen:
            errors.append(f"{qid}: duplicate id")
        seen.add(qid)
        if q["type"] not in TYPES:
            errors.append(f"{qid}: bad type {q['type']!r}")
        by_type[q["type"]] += 1
        gold = q["gold_source"]
        by_gold[gold] += 1
        if gold not in ndocs:
            errors.append(f"{qid}: gold_source not found in {sources}: {gold}")
            continue
        ans = norm(q["answer"])
        if ans not in ndocs[gold]:
            errors.append(f"{qid}: answer {q['answer']!r} not in gold {gold}")
        others = [n for n, t in ndocs.items() if n != gold and ans in t]
        if others:
            errors.append(f"{qid}: answer {q['answer']!r} also appears in {others}")
        for num in re.findall(r"\d+\.\d+", q["answer"]):
            pat = re.compile(r"(?<![\d.])" + re.escape(num) + r"(?![\d])")
            also = [n for n, t in ndocs.items() if n != gold and pat.search(t)]
            if also:
                warnings.append(f"{qid}: number {num} also in {also}")

    if not quiet:
        for w in warnings:
            print("WARN ", w)
    for e in errors:
        print("ERROR", e)
    print(f"{len(lines)} questions; by type: {dict(by_type)}; gold documents used: {len(by_gold)}/{len(docs)}")
    unused = sorted(set(docs) - set(by_gold))
    if unused:
        print("documents without questions:", unused)
    print("OK" if not errors else f"FAILED with {len(errors)} errors")
    return 0 if not errors else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
