"""The full-text side of lexical candidate generation: word counts and candidate statements.

`LexicalMatcher` (matching/lexical.py) searches `claim_search` (SQLite FTS5 / PostgreSQL
tsvector) for the claims sharing a text's rarer words. This module answers its two questions of
the index, for many texts at once: how many claims each word matches (`DocumentFrequencies`,
`term_counts`), and which live claims rank best for each text's query (`candidate_statement`).
Both are plain SQL on both databases, held to the ORM statements of `app.claims.search` by
tests/matching/test_candidate_query.py: compiling hundreds of ORM SELECTs per statement cost
more than the databases spent answering them.
"""

import threading
import time
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from sqlalchemy import Row
from sqlalchemy import text
from sqlmodel import Session

from app.claims.search import PG_RANK
from app.claims.search import Mode
from app.claims.search import Term
from app.claims.search import fts5_expression
from app.claims.search import shape
from app.claims.search import tsquery_of_kind
from app.claims.search import values
from app.core import statistics
from app.matching.analysis import stem_english

# Statements of one batch (SQLite allows 500 SELECTs in one compound statement).
COUNTS_PER_STATEMENT = 200
# Candidate queries per statement. On SQLite a compound statement's cost grows faster than its
# parts: 1,000 queries captured from an import into a database of 29,000 claims took 1.04 s as
# statements of 100 and 0.46 s as statements of 10 (docs/benchmarks.md, "Bulk ingest, sixth
# pass"). PostgreSQL keeps 100.
QUERIES_PER_STATEMENT = {"sqlite": 10}
QUERIES_PER_STATEMENT_DEFAULT = 100
CACHE_FROM = 100  # document frequencies are remembered from this count up
CANDIDATE_POSTINGS = 500  # index entries the any-of-the-rare-words query may rank
# PostgreSQL's statistics answer a word's count from this estimate up (see _postgresql_common)
ESTIMATE_FROM = 2 * CANDIDATE_POSTINGS


def term_counts(session: Session, dialect: str, terms: list[Term]) -> list[tuple[int, int]]:
    """(index, number of claims matching the term) for each term, in one statement."""
    # Plain SQL on both: building and compiling hundreds of ORM SELECTs cost more than the
    # database spends answering them.
    if dialect == "sqlite":
        sql = " UNION ALL ".join(
            f"SELECT {index}, count(*) FROM claim_search WHERE claim_search MATCH ?"
            for index in range(len(terms))
        )
        params: list[str] = [fts5_expression([term], "any") for term in terms]
        return list(session.connection().exec_driver_sql(sql, tuple(params)))  # type: ignore[arg-type]
    if dialect == "postgresql":
        # The terms as arrays, one plan for all: a UNION ALL of a count per term was planned
        # part by part, about ten times the cost of this (docs/benchmarks.md, fifteenth pass).
        kinds, words = _term_arrays([([term], "any") for term in terms])[3:]
        rows = session.connection().exec_driver_sql(_POSTGRESQL_COUNTS, (kinds, words))
        return [(int(index), int(count)) for index, count in rows]
    raise ValueError(f"no full-text counts for {dialect}")  # pragma: no cover


# Each term's count on PostgreSQL: the terms come as arrays (kind, value), numbered from 1.
_POSTGRESQL_COUNTS = (
    "SELECT t.i - 1, (SELECT count(*) FROM claim_search WHERE claim_search.document @@ "
    f"{tsquery_of_kind('t.kind', 't.v')}) "
    "FROM unnest(%s::text[], %s::text[]) WITH ORDINALITY AS t(kind, v, i)"
)


def _term_arrays(
    queries: list[tuple[list[Term], Mode]],
) -> tuple[list[int], list[int], list[str], list[str], list[str]]:
    """The queries' terms as PostgreSQL arrays, one entry per term: the query's index, the
    term's position in it, the query's mode, the term's kind (`shape`) and value (`values`)."""
    arrays: tuple[list[Any], ...] = ([], [], [], [], [])
    for index, (terms, mode) in enumerate(queries):
        kinds = shape("postgresql", terms)
        for position, (kind, value) in enumerate(
            zip(kinds, values("postgresql", terms).values(), strict=True)
        ):
            for array, item in zip(arrays, (index, position, mode, kind, value), strict=True):
                array.append(item)
    return arrays  # type: ignore[return-value]


# One text's candidates on SQLite (the statement `candidate_rows` builds), one part of a UNION:
# its best `limit` matches by bm25 (ties: lower id) that are live claims, with their rows.
# Whether a match is a live claim is asked of the index on `merged_into` (a covering probe for
# (NULL, id)), and claim rows are read for the kept matches only: reading every match's row
# before ranking was over half of the query at 29,000 claims. A full-text row with no claim
# (drift `corroborate repair` removes) is skipped before the limit, as the join did.
_SQLITE_CANDIDATES = (
    "SELECT * FROM (SELECT {index} AS query, -h.bm25 AS rank, claim.id AS id, "
    "claim.text AS text, claim.claimant AS claimant FROM "
    "(SELECT claim_search.rowid AS id, bm25(claim_search, 2.0, 1.0) AS bm25 "
    "FROM claim_search WHERE claim_search MATCH ? AND EXISTS "
    "(SELECT 1 FROM claim AS live INDEXED BY ix_claim_merged_into "
    "WHERE live.merged_into IS NULL AND live.id = claim_search.rowid) "
    "ORDER BY bm25, claim_search.rowid LIMIT {limit}) AS h JOIN claim ON claim.id = h.id)"
)
# The same part without the probe: the best `limit` matches, live or not, each with its claim
# row if it has one and whether that claim is live. When every one of them is, they are the
# best `limit` live ones, and the answer is `_SQLITE_CANDIDATES`'; a query with a merged or
# claimless match among them is asked again with the probe. The probe of every match was about
# a fifth of SQLite's time in the candidate statements of an import (docs/benchmarks.md,
# seventeenth pass), and an import meets merged claims among a query's best few rarely.
_SQLITE_CANDIDATES_UNPROBED = (
    "SELECT * FROM (SELECT {index} AS query, -h.bm25 AS rank, h.id AS id, "
    "claim.text AS text, claim.claimant AS claimant, "
    "claim.id IS NOT NULL AND claim.merged_into IS NULL AS live FROM "
    "(SELECT claim_search.rowid AS id, bm25(claim_search, 2.0, 1.0) AS bm25 "
    "FROM claim_search WHERE claim_search MATCH ? "
    "ORDER BY bm25, claim_search.rowid LIMIT {limit}) AS h LEFT JOIN claim ON claim.id = h.id)"
)


def _sqlite_candidates(
    session: Session, queries: list[tuple[list[Term], Mode]], limit: int
) -> list[Row[Any]]:
    """The rows as SQLite gives them: (query, rank, id, text, claimant), by position and by
    name (an unprobed part's rows carry `live` after them). Not copied into tuples of their
    own: 66,000 rows on S, about 1 % of an import's samples."""
    connection = session.connection()
    matches = [fts5_expression(terms, mode) for terms, mode in queries]
    sql = " UNION ALL ".join(
        _SQLITE_CANDIDATES_UNPROBED.format(index=index, limit=int(limit))
        for index in range(len(queries))
    )
    rows = connection.exec_driver_sql(sql, tuple(matches)).all()  # type: ignore[arg-type]
    again = sorted({row[0] for row in rows if not row[5]})
    if again:
        skipped = set(again)
        rows = [row for row in rows if row[0] not in skipped]
        sql = " UNION ALL ".join(
            _SQLITE_CANDIDATES.format(index=index, limit=int(limit)) for index in again
        )
        rows += connection.exec_driver_sql(sql, tuple(matches[index] for index in again)).all()  # type: ignore[arg-type]
    return rows


def candidate_statement(
    session: Session, dialect: str, queries: list[tuple[list[Term], Mode]], limit: int
) -> Any:
    """Rows (query, rank, id, text, claimant): each query's best `limit` live claims."""
    if dialect == "sqlite":
        return _sqlite_candidates(session, queries, limit)
    # Plain SQL, as on SQLite: compiling the ORM form of 100 queries cost the client about as
    # much as the server spent answering them (docs/benchmarks.md, "Bulk ingest, eighth pass").
    # The queries come as arrays and run under one plan: a UNION ALL of one part per query was
    # planned part by part, three times this statement's cost (fifteenth pass).
    sql = _POSTGRESQL_CANDIDATES.format(limit=int(limit))
    return session.connection().exec_driver_sql(sql, _term_arrays(queries))  # type: ignore[arg-type]


# The candidates of each of many texts on PostgreSQL. Each text's query is the OR of its terms'
# tsqueries (AND when its mode is `all`), folded left in term order as `matching_claims` writes
# it (the aggregates of migration 3200), and ranked as it ranks (`PG_RANK`). Then, per query: its
# matches by rank (ties: lower id), walked in that order asking the claim's primary key whether
# each is live until `limit` are kept, and the kept claims' rows. Joining every match to its
# claim before ranking read ~700 claim rows per query of a large import for the 30 it kept
# (docs/benchmarks.md, "Bulk ingest, eighth pass"). The ORDER BY next to the LIMIT makes which
# `limit` are kept the statement's choice, not the plan's; the rows come in no order, and
# `_run_queries` sorts them.
_POSTGRESQL_CANDIDATES = (
    "SELECT q.i AS query, h.rank AS rank, claim.id AS id, claim.text AS text, "
    "claim.claimant AS claimant FROM "
    "(SELECT t.i, bool_and(t.mode = 'any') AS any_, CASE WHEN bool_and(t.mode = 'any') "
    "THEN tsquery_or_agg(t.q ORDER BY t.j) ELSE tsquery_and_agg(t.q ORDER BY t.j) END AS q "
    f"FROM (SELECT u.i, u.j, u.mode, {tsquery_of_kind('u.kind', 'u.v')} AS q "
    "FROM unnest(%s::int[], %s::int[], %s::text[], %s::text[], %s::text[]) "
    "AS u(i, j, mode, kind, v)) AS t GROUP BY t.i) AS q "
    "CROSS JOIN LATERAL (SELECT ranked.id, ranked.rank FROM "
    "(SELECT claim_search.claim_id AS id, "
    f"CASE WHEN q.any_ THEN {PG_RANK['any']}(claim_search.document, q.q) "
    f"ELSE {PG_RANK['all']}(claim_search.document, q.q) END AS rank "
    "FROM claim_search WHERE claim_search.document @@ q.q "
    "ORDER BY rank DESC, claim_search.claim_id) AS ranked "
    "WHERE EXISTS (SELECT 1 FROM claim AS live "
    "WHERE live.id = ranked.id AND live.merged_into IS NULL) "
    "ORDER BY ranked.rank DESC, ranked.id LIMIT {limit}) AS h "
    "JOIN claim ON claim.id = h.id"
)


class DocumentFrequencies:
    """How many claims each search term matches, remembered for a while.

    Candidate generation asks only for the rarer words of a text (see `LexicalMatcher.match`),
    which needs each word's document frequency. Counting a common word in the full-text index
    costs milliseconds, and frequencies drift slowly, so counts from CACHE_FROM up are kept for
    `ttl` seconds; rarer words are counted every time (cheap, and a word that has just appeared
    in a new claim must count at once).

    Bulk ingest gives each chunk counts of its own (`counts_of_its_own`): which words a claim
    searches for then depends on the database and the input alone, never on when or by which
    thread a count was kept, so an import resumed after a crash matches as an uninterrupted one
    did and the same file imported twice gives the same database (docs/benchmarks.md, "Bulk
    ingest, eighth pass": it costs about 4 % of an import on PostgreSQL at 30,000 claims).
    """

    def __init__(self, *, ttl: float = 600.0, size: int = 50_000) -> None:
        self.ttl = ttl
        self.size = size
        self._counts: OrderedDict[tuple[str, Term], tuple[float, int]] = OrderedDict()
        self._common: dict[str, tuple[float, int, dict[str, int]]] = {}
        self._lock = threading.Lock()

    def get(self, session: Session, term: Term) -> int:
        """Claims whose text or quotes contain the term."""
        bind = session.get_bind()
        key = (str(bind.url), term)
        now = time.monotonic()
        with self._lock:
            cached = self._counts.get(key)
            if cached is not None and cached[0] > now:
                self._counts.move_to_end(key)
                return cached[1]
        dialect = bind.dialect.name
        if dialect == "postgresql" and len(term.words) == 1:
            # PostgreSQL's own statistics already know the frequent lexemes (ANALYZE keeps the
            # most common elements of the tsvector column): counting those would be the slow part.
            common = self._postgresql_common(session, str(bind.url), now)
            lexeme = stem_english(term.words[0].casefold())
            if lexeme in common:
                return common[lexeme]
        [(_, count)] = term_counts(session, dialect, [term])
        if count >= CACHE_FROM:  # rare words are cheap to count, and must never be missed when new
            self._remember(key, now, count)
        return count

    def get_many(self, session: Session, terms: list[Term]) -> dict[Term, int]:
        """`get` for many terms at once: the ones not remembered counted in one statement."""
        bind = session.get_bind()
        url = str(bind.url)
        dialect = bind.dialect.name
        now = time.monotonic()
        found: dict[Term, int] = {}
        with self._lock:
            for term in terms:
                cached = self._counts.get((url, term))
                if cached is not None and cached[0] > now:
                    self._counts.move_to_end((url, term))
                    found[term] = cached[1]
        if dialect == "postgresql":
            common: dict[str, int] | None = None
            for term in terms:
                if term not in found and len(term.words) == 1:
                    if common is None:
                        common = self._postgresql_common(session, url, now)
                    lexeme = stem_english(term.words[0].casefold())
                    if lexeme in common:
                        found[term] = common[lexeme]
        missing = list(dict.fromkeys(term for term in terms if term not in found))
        for start in range(0, len(missing), COUNTS_PER_STATEMENT):
            part = missing[start : start + COUNTS_PER_STATEMENT]
            for index, count in term_counts(session, dialect, part):
                term = part[index]
                found[term] = int(count or 0)
                if found[term] >= CACHE_FROM:
                    self._remember((url, term), now, found[term])
        return found

    def _remember(self, key: tuple[str, Term], now: float, count: int) -> None:
        with self._lock:
            self._counts[key] = (now + self.ttl, count)
            self._counts.move_to_end(key)
            while len(self._counts) > self.size:
                self._counts.popitem(last=False)

    def _postgresql_common(self, session: Session, url: str, now: float) -> dict[str, int]:
        """Estimated claim counts of the lexemes PostgreSQL's statistics list as most common."""
        generation = statistics.generation()  # before the read: a later ANALYZE makes it stale
        cached = self._common.get(url)
        if cached is not None and cached[0] > now and cached[1] == generation:
            return cached[2]
        row = session.execute(
            text(
                "SELECT s.most_common_elems::text::text[], s.most_common_elem_freqs, c.reltuples "
                "FROM pg_stats s JOIN pg_class c ON c.relname = s.tablename "
                "WHERE s.tablename = 'claim_search' AND s.attname = 'document' "
                "AND s.schemaname = current_schema()"
            )
        ).one_or_none()
        common: dict[str, int] = {}
        if row is not None and row[0] is not None:
            rows = max(float(row[2] or 0), 0.0)
            estimates = zip(row[0], row[1], strict=False)
            # Only words estimated at twice the posting budget or more: they alone cost a count's
            # milliseconds, and an estimate off by half leaves them over it. Below that, a word
            # is counted exactly, so that which words a claim searches for does not hang on when
            # the tables were last analysed (a resumed import matches as an uninterrupted one).
            common = {
                lexeme: estimate
                for lexeme, frequency in estimates
                if (estimate := int(frequency * rows)) >= ESTIMATE_FROM
            }
        with self._lock:
            self._common[url] = (now + self.ttl, generation, common)
        return common


_OWN_COUNTS: ContextVar[DocumentFrequencies | None] = ContextVar("own_counts", default=None)


@contextmanager
def counts_of_its_own() -> Iterator[None]:
    """Inside the block, the lexical matcher keeps word counts for this block alone.

    Bulk ingest runs each chunk (and each line it falls back to alone) in such a block: the
    chunk neither uses counts another thread or an earlier chunk kept (from another snapshot,
    maybe minutes old) nor leaves counts taken in its own uncommitted transaction to others.
    """
    token = _OWN_COUNTS.set(DocumentFrequencies())
    try:
        yield
    finally:
        _OWN_COUNTS.reset(token)


def own_counts() -> DocumentFrequencies | None:
    """The counts of the enclosing `counts_of_its_own` block, if any."""
    return _OWN_COUNTS.get()
