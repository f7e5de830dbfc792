"""Reading a Server-Sent Events body in tests: its messages, and the next few of them in time."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass

import httpx


@dataclass
class Message:
    id: int
    event: str
    data: dict


async def sse_messages(response: httpx.Response) -> AsyncIterator[Message]:
    """Parses an SSE body into its messages, skipping comments and `retry`."""
    fields: dict[str, str] = {}
    async for line in response.aiter_lines():
        if line.startswith(":"):
            continue
        if line == "":
            if "data" in fields:
                yield Message(int(fields["id"]), fields["event"], json.loads(fields["data"]))
            fields = {}
        else:
            name, _, value = line.partition(": ")
            fields[name] = value


async def take(messages: AsyncIterator[Message], count: int, timeout: float = 15.0) -> list[Message]:
    async def collect() -> list[Message]:
        return [await anext(messages) for _ in range(count)]

    return await asyncio.wait_for(collect(), timeout)


async def until_line(lines: AsyncIterator[str], wanted: Callable[[str], bool], timeout: float = 15.0) -> list[str]:
    """The lines up to the first one `wanted` accepts, or up to the end of the body when none does;
    fails after `timeout` seconds."""
    async def read() -> list[str]:
        seen: list[str] = []
        async for line in lines:
            seen.append(line)
            if wanted(line):
                break
        return seen

    return await asyncio.wait_for(read(), timeout)
