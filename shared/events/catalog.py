"""Imports every payload module so the registry knows all event types."""

from shared.events import claims, feeds, incidents, news, stories, subscriptions, webhooks  # noqa: F401
