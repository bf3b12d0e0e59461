"""Full-text query parsing and matching: phrases, prefixes, hostile input, ranking."""

import pytest
from sqlmodel import Session

from app.claims.search import Term
from app.claims.search import fts5_expression
from app.claims.search import parse
from app.claims.search import search
from tests.factories import Factory


def test_parse_words_phrases_and_prefixes() -> None:
    assert parse('NATO "written halt" enlarge*') == [
        Term(("NATO",)),
        Term(("written", "halt")),
        Term(("enlarge",), prefix=True),
    ]


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ('"', []),
        ("*", []),
        ("NEAR(", ["NEAR"]),
        ("'; drop table claim; --", ["drop", "table", "claim"]),
        ('a AND (b OR "c', ["a", "AND", "b", "OR", "c"]),
        ("col:value ^start -minus", ["col", "value", "start", "minus"]),
    ],
)
def test_hostile_input_reduces_to_plain_words(query: str, words: list[str]) -> None:
    assert [w for term in parse(query) for w in term.words] == words


def test_terms_are_bounded() -> None:
    assert len(parse("w " * 100)) == 16
    assert parse("x" * 500)[0].words == ("x" * 64,)


def test_fts5_expression_quotes_every_term() -> None:
    terms = parse('NEAR "a b" c*')
    assert fts5_expression(terms) == '"NEAR" AND "a b" AND "c"*'
    assert fts5_expression(terms, "any") == '"NEAR" OR "a b" OR "c"*'


@pytest.fixture
def claims(factory: Factory) -> dict[str, int]:
    made = {
        "nato": factory.claim(text="Putin demands a written halt to NATO enlargement."),
        "sanctions": factory.claim(text="Russia demands partial sanctions relief."),
        "assets": factory.claim(text="The question of frozen assets must be resolved."),
    }
    factory.attribute(made["assets"], factory.article(), quote="NATO was not mentioned here")
    return {key: claim.id for key, claim in made.items()}  # type: ignore[misc]


def ids(session: Session, query: str, mode: str = "all") -> list[int]:
    return [claim_id for claim_id, _ in search(session, query=query, mode=mode)]  # type: ignore[arg-type]


def test_words_match_text_and_quotes_with_text_hits_ranked_first(
    session: Session, claims: dict[str, int]
) -> None:
    assert ids(session, "NATO") == [claims["nato"], claims["assets"]]


def test_all_terms_are_required_by_default(session: Session, claims: dict[str, int]) -> None:
    assert ids(session, "demands relief") == [claims["sanctions"]]
    assert sorted(ids(session, "demands relief", "any")) == sorted(
        [claims["nato"], claims["sanctions"]]
    )


def test_phrases_and_prefixes(session: Session, claims: dict[str, int]) -> None:
    assert ids(session, '"written halt"') == [claims["nato"]]
    assert ids(session, '"halt written"') == []
    assert ids(session, "enlarg*") == [claims["nato"]]
    assert ids(session, "sanction") == [claims["sanctions"]]  # stemmed


@pytest.mark.parametrize(
    "query", ['"', "*", "NEAR(", "'; drop table claim", "a AND (b", "((((", "\x00", "é*", "-", "OR"]
)
def test_hostile_queries_never_fail(session: Session, claims: dict[str, int], query: str) -> None:
    assert isinstance(ids(session, query), list)


def test_words_with_combining_marks_are_searched_whole(factory: Factory, session: Session) -> None:
    """ "हिन्दी" is one word (app/core/scripts.py, `word`), not the letters "ह", "न", "द" between
    its vowel signs, which PostgreSQL's index (whole words) never holds."""
    hindi = factory.claim(text="सरकार ने हिन्दी दिवस पर नई शिक्षा नीति की घोषणा की।").id
    tamil = factory.claim(text="சென்னையில் நான்கு மாவட்டங்களில் பள்ளிகளுக்கு விடுமுறை.").id
    assert ids(session, "हिन्दी") == [hindi]
    assert ids(session, '"शिक्षा नीति"') == [hindi]
    assert ids(session, "பள்ளிகளுக்கு") == [tamil]
