"""`make demo`: the demo corpus served from 127.0.0.1 as live feeds, a local webhook receiver, and
each alert printed as one line. One job per module: `corpus` (the feeds and their items),
`schedule` (when each item appears, when a source fails), `server`, `receiver`, `printer`,
`runner` (a fresh demo database, the services, the sources, the subscription)."""
