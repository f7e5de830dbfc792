"""Webhook delivery, apart from what decides an alert: the durable queue, the worker that leases and
sends, the sender (SSRF guard, no redirects, bounded answers), Standard Webhooks signing, the retry
schedule, the circuit breaker per endpoint, and the signed test ping."""
