"""`sitrep up`: runs every service as a child process with interleaved, prefixed logs.

Ctrl-C or SIGTERM stops the children with SIGTERM (then SIGKILL after a grace period); a child that
dies on its own is restarted with a growing pause.
"""

from __future__ import annotations

import asyncio
import signal
import sys

SERVICES = ("ingest", "dedupe", "alerts", "api")
GRACE_SECONDS = 20.0


async def _pipe(prefix: str, stream: asyncio.StreamReader) -> None:
    while line := await stream.readline():
        sys.stdout.write(f"{prefix} | {line.decode(errors='replace')}")
        sys.stdout.flush()


async def _keep_running(name: str, stop: asyncio.Event, children: dict[str, asyncio.subprocess.Process]) -> None:
    pause = 1.0
    width = max(map(len, SERVICES))
    while not stop.is_set():
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "services.cli", "run", name,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
        )
        children[name] = proc
        await asyncio.gather(_pipe(name.ljust(width), proc.stdout), proc.wait())
        if stop.is_set():
            return
        print(f"{name.ljust(width)} | exited with status {proc.returncode}; restarting in {pause:.0f}s", flush=True)
        try:
            await asyncio.wait_for(stop.wait(), pause)
        except TimeoutError:
            pause = min(pause * 2, 30.0)


async def supervise(services: tuple[str, ...] = SERVICES) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    children: dict[str, asyncio.subprocess.Process] = {}
    runners = [asyncio.create_task(_keep_running(name, stop, children)) for name in services]
    await stop.wait()
    print("stopping every service…", flush=True)
    for proc in children.values():
        if proc.returncode is None:
            proc.send_signal(signal.SIGTERM)
    try:
        await asyncio.wait_for(asyncio.gather(*runners), GRACE_SECONDS)
    except TimeoutError:
        for proc in children.values():
            if proc.returncode is None:
                proc.kill()
        await asyncio.gather(*runners, return_exceptions=True)
    print("all services stopped", flush=True)
