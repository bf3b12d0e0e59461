"""The outbox: events written in the same transaction as the change they describe.

Low in the import order (it imports only `app.core` and tables), so that every domain can record
events; `app.events` reads the outbox and delivers it (webhooks, the live stream).
"""
