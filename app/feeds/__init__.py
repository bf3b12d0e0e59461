"""Feeds: an outlet's RSS/Atom feeds and sitemaps, and the crawler that reads them politely,
fetches each new article once and hands it to ingest (docs/feeds.md)."""
