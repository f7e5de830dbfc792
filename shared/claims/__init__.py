"""Casualty and ceasefire claims in text: `extract.extract_claims` takes text and its context (the
article's date, the source's owner) and returns `model.Claim`s. Pure and deterministic: no I/O, and
importing it loads no database, broker or web framework."""
