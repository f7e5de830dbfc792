import uuid
from datetime import UTC, datetime

import pytest

from shared.events import Event, EventDecodeError, UnknownEventType, payload_model
from shared.events.feeds import FeedRegistered, FeedSettings
from shared.ids import uuid7


def test_uuid7_is_version_7_and_sorts_by_creation():
    ids = [uuid7() for _ in range(2000)]
    assert all(i.version == 7 and i.variant == uuid.RFC_4122 for i in ids)
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)


def test_event_round_trips_through_cloudevents_json():
    payload = FeedRegistered(feed_id="f1", settings=FeedSettings(url="https://example.org/rss", official=True))
    event = Event.new(payload, stream_id="feed-f1", source="sitrep/test", subject="f1")
    decoded = Event.from_json(event.to_json())
    assert decoded == event
    assert decoded.payload() == payload
    ce = event.to_cloudevent()
    assert ce["specversion"] == "1.0" and ce["type"] == "feed.registered" and ce["dataversion"] == 1


def test_caused_events_carry_the_trace():
    first = Event(type="x.happened", data={}, stream_id="s", source="t")
    second = Event(type="y.happened", data={}, stream_id="s", source="t", correlation_id=first.correlation_id, causation_id=first.id)
    assert first.correlation_id == first.id
    assert second.correlation_id == first.id and second.causation_id == first.id


@pytest.mark.parametrize(
    "raw",
    [b"", b"not json", b"[1,2]", b'{"specversion": "0.3"}', b'{"specversion": "1.0", "type": "x"}',
     b'{"specversion":"1.0","id":"1","source":"s","type":"t","time":"nope","streamid":"s","data":{}}',
     b'{"specversion":"1.0","id":"1","source":"s","type":"t","time":"2020-01-01T00:00:00+00:00","streamid":"s","data":[]}'],
)
def test_malformed_messages_are_refused_with_a_reason(raw):
    with pytest.raises(EventDecodeError):
        Event.from_json(raw)


def test_unknown_type_or_version_is_reported():
    with pytest.raises(UnknownEventType):
        payload_model("feed.registered", 99)
    event = Event(type="no.such.thing", data={}, stream_id="s", source="t", time=datetime.now(UTC))
    with pytest.raises(UnknownEventType):
        event.payload()
