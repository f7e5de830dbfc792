"""A programmable HTTP/1.1 server on 127.0.0.1 for feed tests.

Routes answer with a fixed response, a sequence of responses (the last one
repeats), or a function of the request, so a test can make a feed change over
time, lie about its length, stall, or dribble its body.  It runs its own event
loop in a thread, so sync tests, async tests and services in other processes
can all use it::

    with FeedServer() as server:
        server.route("/feed.xml", Response(body=rss, headers={"ETag": '"v1"'}))
        fetch(server.url("/feed.xml"))
        assert server.requests_for("/feed.xml")[0].headers["user-agent"]
"""

from __future__ import annotations

import asyncio
import itertools
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from email.utils import formatdate
from http import HTTPStatus
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    query: str
    headers: dict[str, str]
    body: bytes
    received_at: float = field(default_factory=time.monotonic)
    """`time.monotonic()` when the request had been read."""


@dataclass(frozen=True)
class Response:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | str = b""
    delay: float = 0.0
    """Seconds to wait before sending anything."""
    chunks: Sequence[bytes] | Repeat | None = None
    """Send the body as these chunks (chunked encoding) instead of `body`."""
    chunk_delay: float = 0.0
    """Seconds to wait before each chunk: a slow body."""
    content_length: int | None = None
    """Announce this length instead of the real one."""

    @property
    def payload(self) -> bytes:
        return self.body.encode() if isinstance(self.body, str) else self.body


class Repeat:
    """`count` copies of `chunk` made as they are sent (endless when None): a gigabyte costs no memory.

    `sent` counts the chunks handed to the connection, so a test sees when the client stopped reading.
    """

    def __init__(self, chunk: bytes, count: int | None = None) -> None:
        self.chunk = chunk
        self.count = count
        self.sent = 0

    def __iter__(self):
        for chunk in itertools.repeat(self.chunk) if self.count is None else itertools.repeat(self.chunk, self.count):
            self.sent += 1
            yield chunk

    @property
    def sent_bytes(self) -> int:
        return self.sent * len(self.chunk)


Handler = Callable[[Request], Response]
RouteSpec = Response | Sequence[Response] | Handler


def conditional(body: bytes | str, *, etag: str | None = None, last_modified: str | None = None,
                headers: dict[str, str] | None = None) -> Handler:
    """A handler that answers 304 when the client's validators match."""

    def handle(request: Request) -> Response:
        validators = {}
        if etag:
            validators["ETag"] = etag
        if last_modified:
            validators["Last-Modified"] = last_modified
        if (etag and request.headers.get("if-none-match") == etag) or (
            last_modified and not etag and request.headers.get("if-modified-since") == last_modified
        ):
            return Response(304, validators)
        return Response(200, {**(headers or {}), **validators}, body)

    return handle


class FeedServer:
    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self.host = host
        self.port = port
        self.requests: list[Request] = []
        self._routes: dict[str, RouteSpec] = {}
        self._served: dict[str, int] = {}
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.base_events.Server | None = None
        self._thread: threading.Thread | None = None

    # -- configuration -------------------------------------------------
    def route(self, path: str, spec: RouteSpec) -> None:
        with self._lock:
            self._routes[path] = spec
            self._served[path] = 0

    def url(self, path: str = "/") -> str:
        return f"http://{self.host}:{self.port}{path}"

    def requests_for(self, path: str) -> list[Request]:
        with self._lock:
            return [r for r in self.requests if r.path == path]

    # -- lifecycle -----------------------------------------------------
    def start(self) -> FeedServer:
        ready = threading.Event()
        self._loop = asyncio.new_event_loop()

        def run() -> None:
            asyncio.set_event_loop(self._loop)
            self._server = self._loop.run_until_complete(
                asyncio.start_server(self._serve, self.host, self.port)
            )
            self.port = self._server.sockets[0].getsockname()[1]
            ready.set()
            self._loop.run_forever()

        self._thread = threading.Thread(target=run, name="feed-server", daemon=True)
        self._thread.start()
        ready.wait(5)
        return self

    def stop(self) -> None:
        if not self._loop or not self._server:
            return

        async def shutdown() -> None:
            self._server.close()
            for task in asyncio.all_tasks():
                if task is not asyncio.current_task():
                    task.cancel()

        asyncio.run_coroutine_threadsafe(shutdown(), self._loop).result(5)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)
        self._loop.close()

    def __enter__(self) -> FeedServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    async def __aenter__(self) -> FeedServer:
        return self.start()

    async def __aexit__(self, *exc: object) -> None:
        self.stop()

    # -- serving -------------------------------------------------------
    def _pick(self, request: Request) -> Response:
        with self._lock:
            self.requests.append(request)
            spec = self._routes.get(request.path)
            if spec is None:
                return Response(404, body="not found")
            served = self._served[request.path]
            self._served[request.path] = served + 1
        if isinstance(spec, Response):
            return spec
        if callable(spec):
            return spec(request)
        return spec[min(served, len(spec) - 1)]

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while request := await _read_request(reader):
                response = self._pick(request)
                await _write_response(writer, request, response)
                if request.headers.get("connection", "").lower() == "close":
                    break
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.CancelledError):
            pass
        finally:
            writer.close()


async def _read_request(reader: asyncio.StreamReader) -> Request | None:
    line = await reader.readline()
    if not line.strip():
        return None
    method, target, _ = line.decode("latin-1").split(" ", 2)
    headers: dict[str, str] = {}
    while (header := await reader.readline()) not in (b"\r\n", b"\n", b""):
        name, _, value = header.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    body = await reader.readexactly(int(headers.get("content-length", 0) or 0))
    parts = urlsplit(target)
    return Request(method, parts.path, parts.query, headers, body)


async def _write_response(writer: asyncio.StreamWriter, request: Request, response: Response) -> None:
    if response.delay:
        await asyncio.sleep(response.delay)
    reason = HTTPStatus(response.status).phrase if response.status in HTTPStatus._value2member_map_ else ""
    head = [f"HTTP/1.1 {response.status} {reason}", f"Date: {formatdate(usegmt=True)}"]
    names = {name.lower() for name in response.headers}
    head += [f"{name}: {value}" for name, value in response.headers.items()]
    chunked = response.chunks is not None
    if chunked:
        head.append("Transfer-Encoding: chunked")
    elif "content-length" not in names and response.status not in (204, 304):
        length = response.content_length if response.content_length is not None else len(response.payload)
        head.append(f"Content-Length: {length}")
    writer.write(("\r\n".join(head) + "\r\n\r\n").encode("latin-1"))
    if request.method == "HEAD":
        await writer.drain()
        return
    if not chunked:
        writer.write(response.payload)
        await writer.drain()
        return
    for chunk in response.chunks or ():
        if response.chunk_delay:
            await asyncio.sleep(response.chunk_delay)
        writer.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
        await writer.drain()  # at the client's pace: an unread body piles up in no buffer
    writer.write(b"0\r\n\r\n")
    await writer.drain()
