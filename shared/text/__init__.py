"""Text folding that every comparison shares: digits of every script, repeated host boilerplate."""
