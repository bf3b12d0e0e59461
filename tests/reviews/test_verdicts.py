"""Normalised verdicts: the documented table, its fallbacks, and its coverage of the corpus."""

import json

import pytest
from fastapi.testclient import TestClient

from app.reviews.verdicts import SCORES
from app.reviews.verdicts import TABLE
from app.reviews.verdicts import normalise
from tests.reviews.test_import import FIXTURES
from tests.reviews.test_import import imported
from tests.reviews.test_import import load


@pytest.mark.parametrize(
    ("rating", "verdict"),
    [
        # en
        ("True", "true"),
        ("Mostly True", "mostly_true"),
        ("Half True", "mixed"),
        ("Misleading", "mostly_false"),
        ("Pants on Fire!", "false"),
        ("Unproven", "unproven"),
        ("Satire", "other"),
        # es
        ("Verdadero", "true"),
        ("Engañoso", "mostly_false"),
        ("Falso", "false"),
        ("Sin evidencia", "unproven"),
        # pt
        ("Verdadeiro", "true"),
        ("Impreciso", "mixed"),
        ("Exagerado", "mostly_false"),
        ("Não é verdade", "false"),
        ("Insustentável", "unproven"),
        # fr
        ("Vrai", "true"),
        ("Plutôt vrai", "mostly_true"),
        ("Trompeur", "mostly_false"),
        ("FAUX", "false"),
        ("Invérifiable", "unproven"),
        # de
        ("Richtig", "true"),
        ("Größtenteils richtig", "mostly_true"),
        ("Teilweise falsch", "mixed"),
        ("Irreführend", "mostly_false"),
        ("Falsch", "false"),
        ("Unbelegt", "unproven"),
        # a sentence: its first clause, or a phrase it starts with
        ("False. The photo was taken in 2015.", "false"),
        ("Falso \u2013 a foto é de 2015", "false"),
        (
            "There is no evidence that flu vaccines affect fertility; it misreads a survey.",
            "unproven",
        ),
        ("Not true at all", "false"),
        # unknown words
        ("Truly odd", "other"),
    ],
)
def test_common_ratings_in_five_languages(rating: str, verdict: str) -> None:
    assert normalise(rating) == (verdict, SCORES[verdict])  # type: ignore[index]


def test_unknown_words_fall_back_to_the_numeric_rating() -> None:
    assert normalise(None, 1, 5, 1) == ("false", 0.0)
    assert normalise("Truly odd", 4, 5, 1) == ("mostly_true", 0.75)
    assert normalise(None, 3, 6, 1) == ("mixed", 0.4)
    assert normalise("Mostly false", 5, 5, 1) == ("mostly_false", 0.25)  # the words win
    assert normalise(None, 3, None, None) is None
    assert normalise(None) is None


def test_every_table_entry_is_reachable_as_written() -> None:
    for verdict, ratings in TABLE.items():
        for rating in ratings:
            assert normalise(rating) == (verdict, SCORES[verdict]), rating


def test_the_corpus_ratings_are_covered() -> None:
    ratings: list[str] = []
    for path in sorted(FIXTURES.glob("*.json")):
        text = path.read_text(encoding="utf-8")
        for key in ("alternateName", "textualRating"):
            ratings += [
                value
                for value in _values(json.loads(text), key)
                if isinstance(value, str) and len(value) > 2  # not a language code
            ]
    mapped = [r for r in ratings if normalise(r) != ("other", None)]
    assert len(ratings) == 20
    assert mapped == ratings


def _values(node: object, key: str) -> list[object]:
    if isinstance(node, list):
        return [v for item in node for v in _values(item, key)]
    if isinstance(node, dict):
        found = [node[key]] if key in node else []
        return found + [v for value in node.values() for v in _values(value, key)]
    return []


def test_imported_reviews_show_their_verdict(client: TestClient) -> None:
    (item,) = imported(client, load("11-creativework-social.json"))["items"]
    review = client.get(f"/v1/reviews/{item['review_id']}").json()
    assert (review["textual_rating"], review["verdict"], review["verdict_score"]) == (
        "Misleading",
        "mostly_false",
        0.25,
    )
