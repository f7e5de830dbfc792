"""`GET /v1/tallies`: what each party claims of its own losses and of the other side's."""
