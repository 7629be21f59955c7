import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def _cli() -> list[str]:
    exe = Path(sys.executable).with_name("newsfacts")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "newsfacts"]


@pytest.fixture(scope="session", autouse=True)
def _private_regex_cache(tmp_path_factory):
    """Tests (and the commands they start) use their own regex cache, not the user's."""
    os.environ["NEWSFACTS_CACHE_DIR"] = str(tmp_path_factory.mktemp("regex-cache"))


@pytest.fixture(scope="session")
def cli() -> list[str]:
    """The installed command, as a user runs it."""
    return _cli()


@pytest.fixture(scope="session")
def sample1() -> Path:
    return SAMPLES / "putin-minsk-2022-12-19.txt"


@pytest.fixture(scope="session")
def sample2() -> Path:
    return SAMPLES / "kyiv-drones-minsk-press.txt"
