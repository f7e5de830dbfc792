"""Debian's headless Chromium, driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`).

The protocol's messages are JSON, each ended by a NUL byte; Chromium reads them on its fd 3 and
writes on its fd 4. No browser download, no extra library: the system's `chromium` and a pipe.
"""

from __future__ import annotations

import asyncio
import base64
import fcntl
import itertools
import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

FLAGS = (
    "--headless", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--no-first-run", "--no-default-browser-check", "--disable-background-networking", "--disable-sync",
    "--disable-component-update", "--disable-default-apps", "--disable-extensions", "--mute-audio",
    "--window-size=1280,1400",
)


def chromium_path() -> str | None:
    return shutil.which("chromium")


class BrowserError(RuntimeError):
    pass


class Page:
    """One tab: commands go to its session; its events are kept to be waited for or read."""

    def __init__(self, browser: Chromium, session_id: str) -> None:
        self.browser = browser
        self.session_id = session_id
        self.events: list[dict[str, Any]] = []
        self._arrived = asyncio.Event()

    async def send(self, method: str, **params: Any) -> dict[str, Any]:
        return await self.browser.send(method, session_id=self.session_id, **params)

    def _event(self, message: dict[str, Any]) -> None:
        self.events.append(message)
        self._arrived.set()

    async def wait_for_event(self, method: str, timeout: float = 15, since: int = 0) -> dict[str, Any]:
        async def arrived() -> dict[str, Any]:
            while True:
                for event in self.events[since:]:
                    if event["method"] == method:
                        return event
                self._arrived.clear()
                await self._arrived.wait()

        return await asyncio.wait_for(arrived(), timeout)

    async def navigate(self, url: str) -> None:
        mark = len(self.events)
        await self.send("Page.navigate", url=url)
        await self.wait_for_event("Page.loadEventFired", since=mark)

    async def evaluate(self, expression: str) -> Any:
        """The expression's value (awaited if it is a promise), as JSON."""
        answer = await self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in answer:
            raise BrowserError(json.dumps(answer["exceptionDetails"])[:2000])
        return answer["result"].get("value")

    async def wait_until(self, expression: str, timeout: float = 20) -> Any:
        """Evaluates `expression` until it is truthy; returns its value."""
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            value = await self.evaluate(expression)
            if value:
                return value
            if asyncio.get_running_loop().time() > deadline:
                raise TimeoutError(f"still falsy after {timeout} s: {expression}")
            await asyncio.sleep(0.2)

    async def screenshot(self, path: Path) -> Path:
        shot = await self.send("Page.captureScreenshot", format="png", captureBeyondViewport=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(shot["data"]))
        return path

    def exceptions(self) -> list[dict[str, Any]]:
        return [event["params"] for event in self.events if event["method"] == "Runtime.exceptionThrown"]


class Chromium:
    def __init__(self, process: subprocess.Popen, to_browser: int, from_browser: int) -> None:
        self.process = process
        self._to_browser = to_browser
        self._from_browser = from_browser
        self._ids = itertools.count(1)
        self._pending: dict[int, asyncio.Future] = {}
        self._pages: dict[str, Page] = {}
        self._reader: asyncio.Task | None = None

    async def _read(self) -> None:
        loop = asyncio.get_running_loop()
        reader = asyncio.StreamReader(limit=64 * 1024 * 1024)
        await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), os.fdopen(self._from_browser, "rb"))
        while True:
            try:
                raw = await reader.readuntil(b"\0")
            except asyncio.IncompleteReadError:
                break
            message = json.loads(raw[:-1])
            if "id" in message and message["id"] in self._pending:
                self._pending.pop(message["id"]).set_result(message)
            elif "sessionId" in message and message["sessionId"] in self._pages:
                self._pages[message["sessionId"]]._event(message)
        for future in self._pending.values():
            future.set_exception(BrowserError("chromium closed its pipe"))

    async def send(self, method: str, session_id: str | None = None, **params: Any) -> dict[str, Any]:
        message_id = next(self._ids)
        message: dict[str, Any] = {"id": message_id, "method": method, "params": params}
        if session_id is not None:
            message["sessionId"] = session_id
        future = asyncio.get_running_loop().create_future()
        self._pending[message_id] = future
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        answer = await asyncio.wait_for(future, 30)
        if "error" in answer:
            raise BrowserError(f"{method}: {answer['error']}")
        return answer.get("result", {})

    async def new_page(self) -> Page:
        target = await self.send("Target.createTarget", url="about:blank")
        attached = await self.send("Target.attachToTarget", targetId=target["targetId"], flatten=True)
        page = Page(self, attached["sessionId"])
        self._pages[page.session_id] = page
        await page.send("Page.enable")
        await page.send("Runtime.enable")
        return page


def _above_4(fd: int) -> int:
    """The descriptor moved to 10 or above, so that placing two of them on 3 and 4 in the child
    cannot overwrite one with the other."""
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD, 10)
    os.close(fd)
    return moved


@asynccontextmanager
async def chromium() -> AsyncIterator[Chromium]:
    """A headless Chromium with a fresh profile, closed (and its profile removed) on exit."""
    path = chromium_path()
    if path is None:
        raise BrowserError("chromium is not installed (make ensure-tools installs Debian's package)")
    to_browser_read, to_browser_write = os.pipe()
    from_browser_read, from_browser_write = os.pipe()
    to_browser_read, from_browser_write = _above_4(to_browser_read), _above_4(from_browser_write)

    def as_fd_3_and_4() -> None:  # runs in the child between fork and exec
        os.dup2(to_browser_read, 3)
        os.dup2(from_browser_write, 4)

    with tempfile.TemporaryDirectory(prefix="sitrep-chromium-") as profile:
        process = subprocess.Popen(
            [path, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            preexec_fn=as_fd_3_and_4, pass_fds=(3, 4), close_fds=True,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        os.close(to_browser_read)
        os.close(from_browser_write)
        browser = Chromium(process, to_browser_write, from_browser_read)
        browser._reader = asyncio.create_task(browser._read())
        try:
            yield browser
        finally:
            try:
                await asyncio.wait_for(browser.send("Browser.close"), 5)
            except (BrowserError, TimeoutError, OSError):
                pass
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(10)
            os.close(to_browser_write)
            browser._reader.cancel()
