"""Full-text search over claim text and attribution quotes (the `claim_search` index).

User input is parsed into terms — words, "quoted phrases" and prefixes (`enlarge*`) — and rendered
for the backend without splicing raw input into query syntax: terms are reduced to word
characters, and what reaches the database travels as bound parameters. Quotes, operators,
parentheses and other punctuation act as separators, so no input can break the query.
"""

import re
from dataclasses import dataclass
from typing import Any
from typing import Literal

from sqlalchemy import Select
from sqlalchemy import bindparam
from sqlalchemy import func
from sqlalchemy import literal_column
from sqlalchemy import select
from sqlalchemy import table
from sqlalchemy import text
from sqlalchemy.sql.elements import ColumnElement

from app.core import scripts

MAX_TERMS = 16
MAX_WORD_LENGTH = 64
# A word keeps its combining marks and joiners: "हिन्दी" is one word, not "ह", "न", "द"
# (app/core/scripts.py, `word`; PostgreSQL's parser keeps it whole too).
_WORD = re.compile(scripts.word(r"[\w]"), re.UNICODE)
_TOKEN = re.compile(rf'"(?P<phrase>[^"]*)"|(?P<word>{_WORD.pattern})(?P<star>\*)?', re.UNICODE)
_CONFIG = literal_column("'english'::regconfig")

Mode = Literal["all", "any"]


@dataclass(frozen=True, slots=True)
class Term:
    """A word, or a phrase of several words in order; `prefix` makes a single word a prefix."""

    words: tuple[str, ...]
    prefix: bool = False


def parse(query: str) -> list[Term]:
    """The search terms in free text (at most MAX_TERMS); empty when nothing is searchable."""
    terms: list[Term] = []
    for match in _TOKEN.finditer(query):
        if match.group("phrase") is not None:
            words = tuple(w[:MAX_WORD_LENGTH] for w in _WORD.findall(match.group("phrase")))
            if words:
                terms.append(Term(words))
        else:
            word = match.group("word")[:MAX_WORD_LENGTH]
            terms.append(Term((word,), prefix=bool(match.group("star"))))
        if len(terms) == MAX_TERMS:
            break
    return terms


def fts5_expression(terms: list[Term], mode: Mode = "all") -> str:
    """An SQLite FTS5 MATCH expression: each term a quoted string, joined by AND or OR."""
    parts = []
    for term in terms:
        quoted = '"' + " ".join(term.words) + '"'
        parts.append(f"{quoted}*" if term.prefix else quoted)
    return (" AND " if mode == "all" else " OR ").join(parts)


def _tsquery(term: Term) -> ColumnElement[Any]:
    words = " ".join(term.words)
    if term.prefix:  # a single \w+ word, so ":*" is the only operator in the string
        return func.to_tsquery(_CONFIG, f"{words}:*")
    if len(term.words) > 1:
        return func.phraseto_tsquery(_CONFIG, words)
    return func.plainto_tsquery(_CONFIG, words)


_TSQUERY_SQL = {
    "prefix": "to_tsquery('english'::regconfig, %s)",
    "phrase": "phraseto_tsquery('english'::regconfig, %s)",
    "word": "plainto_tsquery('english'::regconfig, %s)",
}


def tsquery_sql(terms: list[Term], mode: Mode) -> tuple[str, list[str]]:
    """`matching_claims`' PostgreSQL tsquery as plain SQL for the driver (%s placeholders), with
    its values: the same functions and operators, for statements too many to compile each."""
    operator = " && " if mode == "all" else " || "
    sql = ""
    for kind in shape("postgresql", terms):
        sql = _TSQUERY_SQL[kind] if not sql else f"({sql}{operator}{_TSQUERY_SQL[kind]})"
    return sql, list(values("postgresql", terms).values())


def tsquery_of_kind(kind: str, value: str) -> str:
    """SQL of one term's tsquery (`_TSQUERY_SQL`) when its kind ("prefix", "phrase", "word",
    as `shape` names them) and value (as `values` gives it) are columns: for statements that
    take their terms as arrays rather than as SQL written out per term."""
    cases = " ".join(
        f"WHEN '{name}' THEN {sql.replace('%s', value)}" for name, sql in _TSQUERY_SQL.items()
    )
    return f"CASE {kind} {cases} END"


def shape(dialect: str, terms: list[Term]) -> tuple[str, ...]:
    """What of the terms changes the SQL text of `ranked` (SQLite: nothing, one MATCH string)."""
    if dialect != "postgresql":
        return ()
    return tuple(
        "prefix" if term.prefix else "phrase" if len(term.words) > 1 else "word" for term in terms
    )


def values(dialect: str, terms: list[Term]) -> dict[str, str]:
    """The bind values of `ranked` for these terms."""
    if dialect != "postgresql":
        return {"fts_query": fts5_expression(terms)}
    return {
        f"term_{i}": " ".join(term.words) + (":*" if term.prefix else "")
        for i, term in enumerate(terms)
    }


_TSQUERY_OF_KIND = {"prefix": "to_tsquery", "phrase": "phraseto_tsquery", "word": "plainto_tsquery"}


# PostgreSQL's rank by mode. A search (`all`) ranks by cover density (`ts_rank_cd`), which
# rewards the terms standing close together. Candidate generation (`any`: claims holding one of
# a text's rarer words) ranks by `ts_rank`, a deliberate change of ranking: `ts_rank_cd` of an OR
# counted every occurrence of any word, so a claim repeating one word outranked one holding
# two of the words; `ts_rank` damps a word's repeats and rewards claims holding more of the
# text's distinct words, which a paraphrase does, and costs half as much (docs/benchmarks.md,
# "fifteenth pass": the S import and one of 60,000 attributions link the same claims; of 53
# merge suggestions one differs each way).
PG_RANK: dict[Mode, str] = {"all": "ts_rank_cd", "any": "ts_rank"}


def ranked(dialect: str, kinds: tuple[str, ...]) -> tuple[Any, Any, Any]:
    """(FROM and WHERE of the claims matching every term, their rank, their claim id) with the
    terms as bind parameters (`values`), for statements compiled once per `shape`. The rank
    and the matches are the very expressions of `matching_claims`, so ranks (and cursors) agree.
    """
    if dialect == "postgresql":
        query = None
        for i, kind in enumerate(kinds):
            term = getattr(func, _TSQUERY_OF_KIND[kind])(_CONFIG, bindparam(f"term_{i}"))
            query = term if query is None else query.op("&&")(term)
        document = literal_column("claim_search.document")
        matches = select().select_from(table("claim_search")).where(document.op("@@")(query))
        rank = getattr(func, PG_RANK["all"])(document, query)
        return matches, rank, literal_column("claim_search.claim_id")
    # Constants inline: a bound constant would make the ORDER BY another expression to compute.
    rank = -func.bm25(literal_column("claim_search"), literal_column("2.0"), literal_column("1.0"))
    matches = (
        select().select_from(table("claim_search")).where(text("claim_search MATCH :fts_query"))
    )
    return matches, rank, literal_column("claim_search.rowid")


def matching_claims(dialect: str, terms: list[Term], mode: Mode = "all") -> Select[Any]:
    """SELECT claim_id, rank (higher is more relevant) of the claims matching the terms.

    `all` needs every term (search); `any` needs one (candidate generation for matching).
    """
    if not terms:
        raise ValueError("no search terms")
    if dialect == "postgresql":
        query = _tsquery(terms[0])
        for term in terms[1:]:
            query = query.op("&&" if mode == "all" else "||")(_tsquery(term))
        document = literal_column("claim_search.document")
        return (
            select(
                literal_column("claim_search.claim_id").label("claim_id"),
                getattr(func, PG_RANK[mode])(document, query).label("rank"),
            )
            .select_from(table("claim_search"))
            .where(document.op("@@")(query))
        )
    # bm25 is lower-is-better; negated so that higher is better everywhere. Text weighs 2, quotes 1.
    rank = -func.bm25(literal_column("claim_search"), 2.0, 1.0)
    return (
        select(literal_column("claim_search.rowid").label("claim_id"), rank.label("rank"))
        .select_from(table("claim_search"))
        .where(
            # unique: several of these queries can be combined into one statement (a UNION).
            text("claim_search MATCH :fts_query").bindparams(
                bindparam("fts_query", fts5_expression(terms, mode), unique=True)
            )
        )
    )


def search(
    session: Any, *, query: str, mode: Mode = "all", limit: int = 50
) -> list[tuple[int, float]]:
    """(claim id, rank) of the best-matching claims for free text, most relevant first."""
    terms = parse(query)
    if not terms:
        return []
    dialect = session.get_bind().dialect.name
    matches = matching_claims(dialect, terms, mode).subquery()
    rows = session.execute(
        select(matches.c.claim_id, matches.c.rank)
        .order_by(matches.c.rank.desc(), matches.c.claim_id)
        .limit(limit)
    )
    return [(int(row.claim_id), float(row.rank)) for row in rows]
