"""Every projection of the system: the same set is applied live by each writer and by a replay."""

from __future__ import annotations

from shared.projections import Projections
from shared.readmodel.claims.projection import ClaimsProjection
from shared.readmodel.deliveries.projection import DeliveriesProjection
from shared.readmodel.feeds.projection import FeedsProjection
from shared.readmodel.incidents.projection import IncidentsProjection
from shared.readmodel.stories.projection import StoriesProjection
from shared.readmodel.subscriptions.projection import SubscriptionsProjection


def all_projections() -> Projections:
    return Projections([
        FeedsProjection(), StoriesProjection(), IncidentsProjection(), ClaimsProjection(), SubscriptionsProjection(),
        DeliveriesProjection(),
    ])
