"""Cursors: opaque, round-trip exactly, and refuse anything they did not issue."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter

from services.api.pagination import Keyset
from services.api.problems import ProblemError

STORIES = Keyset("stories", lambda row: (row["at"], row["id"]), TypeAdapter(tuple[datetime, str]))
EVENTS = Keyset("events", lambda row: (row,), TypeAdapter(tuple[int]))


@given(at=st.datetimes(timezones=st.just(UTC)), story_id=st.text(max_size=50))
def test_a_cursor_decodes_to_the_key_it_was_made_from(at, story_id):
    cursor = STORIES.encode({"at": at, "id": story_id})
    assert cursor.isascii() and "=" not in cursor
    assert STORIES.decode(cursor) == (at, story_id)


@given(st.text(max_size=100))
def test_any_other_text_is_a_bad_cursor_or_a_valid_key(text):
    try:
        key = EVENTS.decode(text)
    except ProblemError as error:
        assert error.status == 400 and error.kind == "bad-cursor"
    else:
        assert isinstance(key, tuple) and isinstance(key[0], int)


def test_a_cursor_of_another_list_is_refused():
    with pytest.raises(ProblemError):
        EVENTS.decode(STORIES.encode({"at": datetime(2020, 9, 27, tzinfo=UTC), "id": "x"}))
