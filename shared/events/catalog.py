"""Imports every payload module so the registry knows all event types."""

from shared.events import feeds, news, stories  # noqa: F401
