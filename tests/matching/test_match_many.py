"""`match_many` (what bulk ingest searches a run's claims with) answers what `match` answers for
each text: the same candidates, scores, signals and order, with both matchers."""

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from app.claims import merging
from app.core.config import Settings
from app.core.unit_of_work import transaction
from app.matching import vectors
from app.matching.base import Matcher
from app.matching.factory import build_matcher
from app.matching.lexical import LexicalMatcher
from app.tables import Claim
from tests.factories import Factory

STORED = [
    ("The port strike in Rotterdam ended after nine days.", None),
    ("Rotterdam dockers ended their strike after talks.", "Port authority"),
    ("Inflation in Norway fell to 3.1 percent in March.", "Statistics Norway"),
    ("Norway's central bank kept rates at 4.5 percent.", None),
    ("The mayor of Lyon resigned on Tuesday.", None),
    ("The mayor of Lyon did not resign on Tuesday.", None),
    ("Heavy rain closed the Brenner pass for two days.", None),
    ("A new bridge over the Danube opened in Vienna.", None),
    ("The central bank raised rates by 25 basis points.", None),
    ("Strike at the port of Antwerp enters its ninth day.", None),
]
QUERIES = [
    ("The Rotterdam port strike ended after nine days of talks.", None),
    ("Norway's inflation fell to 3.1% in March.", "Statistics Norway"),
    ("Norway's inflation fell to 3.1% in March.", None),
    ("The central bank of Norway raised rates.", None),
    ("Lyon's mayor quit on Tuesday.", None),
    ("Nothing here is stored anywhere.", None),
    ("", None),
    ("Der Bürgermeister von Lyon ist am Dienstag zurückgetreten.", None),
]


@pytest.fixture(params=["lexical", "hybrid", "lexical-paired"])
def matcher(request: pytest.FixtureRequest, settings: Settings) -> Iterator[Matcher]:
    name = "lexical" if request.param == "lexical-paired" else request.param
    built = build_matcher(settings.model_copy(update={"matcher": name}))
    if request.param == "lexical-paired":
        # A posting budget this small puts every word over it: the rarest ones searched in pairs.
        assert isinstance(built, LexicalMatcher)
        built.postings = 1
    yield built
    if name == "hybrid":
        vectors.activate(None)  # other tests expect the lexical default not to embed


def test_match_many_answers_what_match_answers_for_each_text(
    engine: Engine, factory: Factory, matcher: Matcher
) -> None:
    ids = [factory.claim(text=text, claimant=claimant).id for text, claimant in STORED]
    merged = factory.claim(text="The Rotterdam port strike is over after nine days.")
    with transaction(engine, write=True) as session:
        claim = session.get(Claim, merged.id)
        assert claim is not None
        assert ids[0] is not None
        merging.merge(session, claim=claim, into_id=ids[0])  # a merged claim is no candidate
    with transaction(engine, write=False) as session:
        expected = {
            item: matcher.match(session, text=item[0], claimant=item[1], limit=10)
            for item in QUERIES
        }
    with transaction(engine, write=False) as session:
        got = matcher.match_many(session, QUERIES, 10)  # type: ignore[attr-defined]
    assert got == expected
    assert [c.signals for item in QUERIES for c in got[item]] == [
        c.signals for item in QUERIES for c in expected[item]
    ]
    assert expected[QUERIES[0]]  # the comparison is not of empty answers
