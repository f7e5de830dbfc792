import os
from pathlib import Path

import pytest

from tests.support.feed_server import FeedServer


def shared_data_dir() -> Path:
    default = Path(__file__).resolve().parents[3] / ".." / "shared" / "data"
    return Path(os.environ.get("SITREP_SHARED_DATA", default)).resolve()


FEEDS = shared_data_dir() / "feeds"


@pytest.fixture(scope="module")
def feed_server():
    with FeedServer() as server:
        yield server
