"""The read model: one folder per noun (feeds, stories, claims, subscriptions, deliveries), each with
`tables.py` (on `shared.schema.metadata`), `projection.py` (kept in step with the events) and, where
more than one service writes the noun, `commands.py` (validate, then append one event)."""
