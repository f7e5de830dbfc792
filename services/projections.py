"""Every projection of the system: the same set is applied live by each writer and by a replay."""

from __future__ import annotations

from services.alerts.projections import ClaimsProjection, DeliveriesProjection, SubscriptionsProjection
from services.dedupe.projections import StoriesProjection
from services.ingest.projections import FeedsProjection
from shared.projections import Projections


def all_projections() -> Projections:
    return Projections([
        FeedsProjection(), StoriesProjection(), ClaimsProjection(), SubscriptionsProjection(), DeliveriesProjection(),
    ])
