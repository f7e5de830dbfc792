"""One readable line per alert: time, claimant → side, what, count, novelty, source."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from shared.readmodel.claims.display import count_of, what, who


def alert_line(payload: dict[str, Any]) -> str:
    """`09:41:07  Armenia → Azerbaijan  downed drone  3  new  Ministry of Defence of Armenia (en)`."""
    data = payload["data"]
    claim, evidence = data["claim"], data["evidence"]
    at = datetime.fromisoformat(payload["timestamp"]).astimezone().strftime("%H:%M:%S")
    source = evidence.get("source_owner") or evidence.get("title") or "?"
    if evidence.get("language"):
        source += f" ({evidence['language']})"
    copies = len(data.get("story", {}).get("sources") or [])
    if copies > 1:
        source += f", {copies} sources"
    parts = [at, who(claim), what(claim), count_of(claim), data["novelty"]["kind"], source]
    return "  ".join(part for part in parts if part)
