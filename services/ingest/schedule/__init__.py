"""Schedule: when each source is due (`timing`), which instance checks it (`leases`), and what is kept
of its fetches (`fetch_state`)."""
