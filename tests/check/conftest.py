from __future__ import annotations

import re
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


def md_to_docx(src: Path, dst: Path) -> Path:
    """A DOCX as a person would write it: Word heading styles, body paragraphs, one table."""
    import docx

    d = docx.Document()
    for line in src.read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            continue
        m = re.match(r"^(#{1,6})\s+(.*)$", line)
        if m:
            d.add_heading(m.group(2), level=len(m.group(1)) - 1)
        else:
            d.add_paragraph(line)
    d.save(str(dst))
    return dst


@pytest.fixture
def sample_docx(tmp_path) -> Path:
    return md_to_docx(FIXTURES / "sample_industry.md", tmp_path / "sample_industry.docx")
