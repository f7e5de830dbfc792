"""How many copies of each topic a cluster keeps, and how many must have a write."""

from __future__ import annotations

import pytest

from shared.kafka.topics import replication_for


@pytest.mark.parametrize(("brokers", "factor", "configs"), [
    (1, 1, {}),
    (2, 2, {}),
    (3, 3, {"min.insync.replicas": "2"}),
    (5, 3, {"min.insync.replicas": "2"}),
])
def test_three_copies_two_in_sync_once_there_are_three_brokers(brokers, factor, configs):
    assert replication_for(brokers) == (factor, configs)


def test_a_cluster_that_lists_no_broker_still_asks_for_one_copy():
    assert replication_for(0) == (1, {})
