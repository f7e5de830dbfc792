"""Fetch: one politely bounded HTTP request per source check (conditional GET, per-host limits, size,
time and decompression budgets), feed discovery on a page, and opt-in full-text fetches."""
