"""Situation: what the parties of a conflict claim, read from the claims table (PostgreSQL).

Figures like those of the situation page and `GET /v1/tallies`, over a time range and beside the
pipeline's dashboards. A claim's `side` is the party that suffered the loss; a total is the party's
own when it names itself.
"""

from __future__ import annotations

from grafana_foundation_sdk.builders.dashboard import Dashboard

from . import panels as p
from . import sql

CONFLICTS = """
SELECT conflict FROM claims WHERE conflict IS NOT NULL GROUP BY conflict ORDER BY count(*) DESC, conflict
"""

CLAIMS_PER_PARTY_PER_DAY = """
SELECT $__timeGroupAlias(published_at, 1d), coalesce(claimant_party, 'not a party') AS metric, count(*) AS claims
FROM claims
WHERE $__timeFilter(published_at) AND conflict IN ($conflict)
GROUP BY 1, 2
ORDER BY 1, 2
"""

LATEST_TOTALS = """
WITH latest AS (
  SELECT DISTINCT ON (claimant_party, side, category, subject)
         claimant_party, side, category, subject, coalesce(count_min, count_max) AS figure, published_at,
         lower(claimant_party) = lower(side) AS own
  FROM claims
  WHERE kind = 'casualty' AND basis = 'total' AND NOT historical AND conflict IN ($conflict)
    AND claimant_party IS NOT NULL AND side IS NOT NULL AND published_at <= $__timeTo()
  ORDER BY claimant_party, side, category, subject, published_at DESC, first_observed_at DESC
)
SELECT side AS "Losses of",
       category || coalesce(' · ' || subject, '') AS "What",
       max(figure) FILTER (WHERE own) AS "By themselves",
       max(published_at) FILTER (WHERE own) AS "Their total of",
       (array_agg(figure ORDER BY published_at DESC) FILTER (WHERE NOT own))[1] AS "By the other side",
       string_agg(claimant_party, ', ' ORDER BY claimant_party) FILTER (WHERE NOT own) AS "Other side",
       max(published_at) FILTER (WHERE NOT own) AS "Other side's total of"
FROM latest
GROUP BY side, category, subject
ORDER BY side, category, subject NULLS FIRST
"""

CEASEFIRE_EVENTS = """
SELECT published_at AS "time",
       'ceasefire ' || replace(category, '_', ' ') || coalesce(' — ' || claimant, '') || ': ' || left(sentence, 300)
         AS text,
       'ceasefire,' || category AS tags
FROM claims
WHERE kind = 'ceasefire' AND $__timeFilter(published_at)
  AND (conflict IN ($conflict)
       OR conflict IS NULL AND parties ?| (SELECT array_agg(DISTINCT claimant_party) FROM claims
                                           WHERE conflict IN ($conflict) AND claimant_party IS NOT NULL))
ORDER BY 1
"""


def build() -> Dashboard:
    return (
        p.new_dashboard("sitrep-situation", "sitrep / Situation",
                        "What each party of a conflict claims: claims per day, the latest totals side by side, "
                        "ceasefire calls, agreements, violations and collapses as annotations.")
        .time("now-30d", "now")
        .refresh("1m")
        .with_variable(sql.variable("conflict", "Conflict", CONFLICTS))
        .annotation(sql.annotation("Ceasefire", "orange", CEASEFIRE_EVENTS))
        .with_panel(sql.bars_panel(
            "Claims per party per day", "Casualty and ceasefire claims of the selected conflicts by the party "
            "whose channels make them (published day, UTC).", sql.SqlQuery(CLAIMS_PER_PARTY_PER_DAY, "time_series"),
        ))
        .with_panel(sql.table_panel(
            "Latest totals, side by side", "Per party that suffered them and per subject: the latest running "
            "total that party claims of its own losses, and the latest one the other side claims, as of the "
            "end of the time range.", sql.SqlQuery(LATEST_TOTALS),
        ))
    )
