import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from fixtures import NEV_PROFILE, FakeKB, make_fixtures  # noqa: E402


@pytest.fixture(scope="session")
def data_files(tmp_path_factory):
    return {k: str(v) for k, v in make_fixtures(tmp_path_factory.mktemp("data")).items()}


@pytest.fixture()
def fake_kb():
    return FakeKB()


@pytest.fixture()
def profile():
    return NEV_PROFILE
