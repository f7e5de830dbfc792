"""`sitrep claims …` (extract from text, list, watch live) and `sitrep subscriptions …`.

`claims` and `subscriptions` add their commands to these groups; like every CLI module they
import only Typer and light modules at the top.
"""

from __future__ import annotations

from shared.cli import command_group

claims_app = command_group("Casualty and ceasefire claims: list them, watch them arrive, extract them from text.",
                           no_args_is_help=True)
subscriptions_app = command_group("Webhook subscriptions: who gets which claims.", no_args_is_help=True)

from services.alerts.cli import claims, subscriptions  # noqa: E402,F401 — they add the commands
