import pytest

from tests.conftest import shared_data_dir
from tools.feed_server import FeedServer

FEEDS = shared_data_dir() / "feeds"


@pytest.fixture(scope="module")
def feed_server():
    with FeedServer() as server:
        yield server
