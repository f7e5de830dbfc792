"""CSV cells: values spreadsheets would run as formulas are defused; JSON stays JSON."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from services.api.exports import _csv_lines


async def _rows(*rows):
    for row in rows:
        yield row


async def _csv(rows, columns) -> list[dict[str, str]]:
    text = b"".join([chunk async for chunk in _csv_lines(_rows(*rows), columns)]).decode()
    return list(csv.DictReader(io.StringIO(text)))


async def test_cells():
    rows = [
        {"a": '=HYPERLINK("http://x")', "b": {"k": [1, "x"]}, "c": None, "d": True},
        {"a": "-5", "b": 'plain, with "quotes"\nand a newline', "c": datetime(2020, 9, 27, tzinfo=UTC), "d": 3},
    ]
    first, second = await _csv(rows, ["a", "b", "c", "d"])
    assert first == {"a": '\'=HYPERLINK("http://x")', "b": '{"k":[1,"x"]}', "c": "", "d": "true"}
    assert second == {
        "a": "'-5",
        "b": 'plain, with "quotes"\nand a newline',
        "c": "2020-09-27T00:00:00+00:00",
        "d": "3",
    }


async def test_an_empty_export_still_has_its_header():
    assert b"".join([chunk async for chunk in _csv_lines(_rows(), ["x", "y"])]) == b"x,y\n"
