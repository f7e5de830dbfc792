"""`make chaos`: the long run. More items and kills than the in-suite test, plus a Kafka broker
restart and a PostgreSQL restart under the running services, a subscriber that times out and one
that is down for a while. Runs on a PostgreSQL and a broker of its own (deploy/local scripts on
other ports and another state directory), never on the shared stack. Prints the counts."""

from __future__ import annotations

import asyncio
import sys
import tempfile
import uuid
from pathlib import Path

import asyncpg

from shared.migrate import upgrade
from tests.chaos.harness import ChaosRun
from tests.chaos.infra import OwnStack
from tests.chaos.plan import SOAK


async def fresh_database(stack: OwnStack) -> str:
    name = f"sitrep_chaos_{uuid.uuid4().hex[:10]}"
    conn = await asyncpg.connect(stack.admin_dsn)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    url = stack.admin_dsn.rsplit("/", 1)[0].replace("postgresql://", "postgresql+asyncpg://", 1) + "/" + name
    await asyncio.to_thread(upgrade, url)
    return url


async def main() -> int:
    stack = OwnStack.from_env()
    print(f"chaos: own stack in {stack.state_dir} (PostgreSQL :{stack.pg_port}, Kafka :{stack.kafka_port})", flush=True)
    await asyncio.to_thread(stack.up)
    url = await fresh_database(stack)
    logs = Path(tempfile.mkdtemp(prefix="sitrep-chaos-logs-"))
    print(f"chaos: {SOAK.items} items over {SOAK.feeds} feeds for {SOAK.flow_seconds:.0f}s; service logs in {logs}",
          flush=True)
    run = ChaosRun(SOAK, url, stack.bootstrap, f"chaos{uuid.uuid4().hex[:8]}.", logs, stack=stack)
    try:
        report = await run.run()
    except BaseException:
        print("\n".join(["chaos soak FAILED; measured so far:", *run.report.lines()]), flush=True)
        raise
    print("\n".join(["chaos soak: every invariant held", *report.lines()]), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
