"""Following claims: webhook subscriptions and their deliveries, and the live event stream.

Reads the outbox (`app.outbox`); docs/events.md describes the types, payloads, signatures and
delivery guarantees.
"""
