"""The full-text index (`claim_search`) as derived data: find and rebuild rows that drifted.

Triggers keep the index in step with claims and attribution quotes (migration 0001); these
queries say which claims' rows are missing, extra or different from what the triggers would
write, and rebuild them. Compared by words, not bytes: the triggers append quotes in insertion
order and rebuild them in another, which is the same index.
"""

from collections import defaultdict

from sqlalchemy import text
from sqlmodel import Session

_PG_STALE = text(
    """
    SELECT c.id FROM claim c LEFT JOIN claim_search s ON s.claim_id = c.id
     WHERE s.claim_id IS NULL
        OR tsvector_to_array(s.document) IS DISTINCT FROM tsvector_to_array(
             to_tsvector('english', c.text) || to_tsvector('english', coalesce(
               (SELECT string_agg(a.quote, ' ') FROM attribution a
                 WHERE a.claim_id = c.id AND a.quote IS NOT NULL), '')))
    ORDER BY c.id
    """
)
_SQLITE_ROWS = text("SELECT rowid, text, quotes FROM claim_search")
_SQLITE_CLAIMS = text("SELECT id, text FROM claim")
_SQLITE_QUOTES = text("SELECT claim_id, quote FROM attribution WHERE quote IS NOT NULL")
_SQLITE_ORPHANS = text("SELECT rowid FROM claim_search WHERE rowid NOT IN (SELECT id FROM claim)")


def _words(value: str | None) -> list[str]:
    return sorted((value or "").split())


def stale_claim_ids(session: Session) -> list[int]:
    """Claims whose index row is missing or differs from their text and quotes."""
    if session.get_bind().dialect.name == "postgresql":
        return list(session.scalars(_PG_STALE))
    indexed = {row[0]: (row[1], row[2]) for row in session.execute(_SQLITE_ROWS)}
    quotes: dict[int, list[str]] = defaultdict(list)
    for claim_id, quote in session.execute(_SQLITE_QUOTES):
        quotes[claim_id].extend(quote.split())
    stale = []
    for claim_id, claim_text in session.execute(_SQLITE_CLAIMS):
        row = indexed.get(claim_id)
        if (
            row is None
            or row[0] != claim_text
            or _words(row[1]) != sorted(quotes.get(claim_id, []))
        ):
            stale.append(claim_id)
    return sorted(stale)


def orphan_rows(session: Session) -> list[int]:
    """Index rows whose claim no longer exists (PostgreSQL's foreign key rules these out)."""
    if session.get_bind().dialect.name == "postgresql":
        return []
    return sorted(session.scalars(_SQLITE_ORPHANS))


def rebuild(session: Session, *, claim_ids: list[int]) -> None:
    """Write these claims' index rows again, as the triggers would; drop orphan rows."""
    if session.get_bind().dialect.name == "postgresql":
        for claim_id in claim_ids:
            session.execute(text("SELECT claim_search_refresh(:id)"), {"id": claim_id})
        return
    orphans = orphan_rows(session)
    for claim_id in [*claim_ids, *orphans]:
        session.execute(text("DELETE FROM claim_search WHERE rowid = :id"), {"id": claim_id})
    for claim_id in claim_ids:
        session.execute(
            text(
                "INSERT INTO claim_search (rowid, text, quotes) "
                "SELECT c.id, c.text, coalesce((SELECT group_concat(a.quote, ' ') "
                "FROM attribution a WHERE a.claim_id = c.id AND a.quote IS NOT NULL), '') "
                "FROM claim c WHERE c.id = :id"
            ),
            {"id": claim_id},
        )
