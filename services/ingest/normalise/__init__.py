"""Normalise: raw entries to identified, dated items with clean text, canonical URL and language."""
