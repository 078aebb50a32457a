"""Every probe folder's SOURCES.md lists each of its source files (and nothing that is not there)."""
from __future__ import annotations

import re
from pathlib import Path

PROBES = Path(__file__).resolve().parents[2] / "evals" / "draft" / "probe"


def test_sources_md_lists_every_source_file():
    folders = [d for d in sorted(PROBES.iterdir()) if (d / "sources").is_dir()]
    assert folders
    for d in folders:
        listing = (d / "SOURCES.md").read_text(encoding="utf-8")
        assert re.search(r"^行业：\S+", listing, re.M), d
        files = {p.name for p in (d / "sources").iterdir() if p.is_file()}
        rows = {m.group(1).strip() for m in re.finditer(r"^\|\s*([^|]+?\.(?:txt|md|html|pdf|docx))\s*\|", listing, re.M)}
        assert files - rows == set(), f"{d.name}: not in SOURCES.md"
        assert rows - files == set(), f"{d.name}: listed but missing"
        for row in re.finditer(r"^\|[^|]+\.(?:txt|md|html|pdf|docx)\s*\|\s*(\S+)\s*\|", listing, re.M):
            assert row.group(1).startswith("http"), row.group(0)
