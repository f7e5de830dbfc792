"""`sitrep feeds …`: register, list, remove, import and export sources; try one offline first.

Each module adds its commands to `feeds_app`: `documents` (parse, discover), `registry` (add,
list, remove), `packs` (OPML import and export). Like every CLI module they import only Typer
and light modules at the top.
"""

from __future__ import annotations

from shared.cli import command_group

feeds_app = command_group("News sources: register, list, remove, import, export; parse or discover them.",
                          no_args_is_help=True)



def policy(allow_private: bool):
    """Which addresses a fetch from the command line may reach (private ones only when allowed)."""
    from shared.netguard import AddressPolicy
    from shared.settings import get_settings

    return AddressPolicy(allow_private=allow_private or get_settings().allow_private_networks)


from services.ingest.cli import registry, packs, documents  # noqa: E402,F401,I001 — they add the commands, in this order

if __name__ == "__main__":
    feeds_app()
