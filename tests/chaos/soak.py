"""`make chaos`: the long runs, on a PostgreSQL and Kafka of their own (deploy/local scripts on
other ports and another state directory), never on the shared stack. Prints the counts.

- soak: more items and kills than the in-suite test, plus a Kafka broker restart and a
  PostgreSQL restart under the running services, a subscriber that times out and one that is
  down for a while (one broker).
- cluster: three brokers; one killed with SIGKILL mid-flow and brought back, then all three
  restarted one by one.

`SITREP_CHAOS_RUNS` picks them (default `soak,cluster`).
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import uuid
from pathlib import Path

import asyncpg

from shared.migrate import upgrade
from tests.chaos.harness import ChaosRun
from tests.chaos.infra import OwnStack
from tests.chaos.plan import CLUSTER, SOAK, Plan

RUNS = {"soak": SOAK, "cluster": CLUSTER}


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


async def run(name: str, plan: Plan, base: OwnStack) -> None:
    stack = base.with_brokers(plan.brokers)
    for other in {1, 3} - {plan.brokers}:  # the two layouts share their first ports
        await asyncio.to_thread(base.with_brokers(other).stop_kafka_started_here)
    print(f"chaos {name}: own stack in {stack.state_dir} (PostgreSQL :{stack.pg_port}, Kafka {stack.bootstrap})",
          flush=True)
    await asyncio.to_thread(stack.up)
    url = await fresh_database(stack)
    logs = Path(tempfile.mkdtemp(prefix=f"sitrep-chaos-{name}-logs-"))
    print(f"chaos {name}: {plan.items} items over {plan.feeds} feeds for {plan.flow_seconds:.0f}s; service logs in {logs}",
          flush=True)
    chaos = ChaosRun(plan, url, stack.bootstrap, f"chaos{uuid.uuid4().hex[:8]}.", logs, stack=stack)
    try:
        report = await chaos.run()
    except BaseException:
        print("\n".join([f"chaos {name} FAILED; measured so far:", *chaos.report.lines()]), flush=True)
        raise
    print("\n".join([f"chaos {name}: every invariant held", *report.lines()]), flush=True)


async def main() -> int:
    base = OwnStack.from_env()
    names = os.environ.get("SITREP_CHAOS_RUNS", "soak,cluster").split(",")
    try:
        for name in names:
            await run(name, RUNS[name], base)
    finally:
        if "cluster" in names:
            await asyncio.to_thread(base.with_brokers(CLUSTER.brokers).stop_kafka_started_here)
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
