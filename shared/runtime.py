"""Runs a service: logging, signals, the health/metrics endpoint, and a clean stop on SIGTERM."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Awaitable, Callable

from shared.logs import configure_logging, get_logger
from shared.observability.health import Health, embedded_server, health_app
from shared.settings import Settings, get_settings

ServiceMain = Callable[[Settings, asyncio.Event, Health], Awaitable[None]]

log = get_logger(__name__)


def run_service(name: str, main: ServiceMain, settings: Settings | None = None) -> None:
    settings = settings or get_settings()
    configure_logging(settings.log_level, settings.log_format, service=name)
    asyncio.run(serve(name, main, settings))


async def serve(name: str, main: ServiceMain, settings: Settings, stop: asyncio.Event | None = None) -> None:
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    health = Health()
    port = settings.metrics_port_for(name)
    server = embedded_server(health_app(health), settings.metrics_host, port)
    server_task = asyncio.create_task(server.serve(), name=f"{name}-health")
    log.info("service_starting", metrics=f"http://{settings.metrics_host}:{port}")
    try:
        await main(settings, stop, health)
    except Exception:
        log.exception("service_failed")  # the traceback goes to the logs; the command line says one line
        raise
    finally:
        server.should_exit = True
        await server_task
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.remove_signal_handler(sig)
        log.info("service_stopped")


async def first_of(*events: asyncio.Event, timeout: float) -> None:
    """Wait until any of `events` is set, or `timeout` seconds pass."""
    waiters = [asyncio.create_task(event.wait()) for event in events]
    try:
        await asyncio.wait(waiters, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for waiter in waiters:
            waiter.cancel()
