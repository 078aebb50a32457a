from __future__ import annotations

from pathlib import Path

import pytest

from evals.check.build_data import md_to_docx

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def sample_docx(tmp_path) -> Path:
    return md_to_docx(FIXTURES / "sample_industry.md", tmp_path / "sample_industry.docx")
