"""POST /v1/import/claimreview over real-world-style markup: never a 500, idempotent."""

import json
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy import func
from sqlalchemy import select

from app.core.unit_of_work import transaction
from app.matching.hybrid import HybridMatcher
from app.tables import Article
from app.tables import Attribution
from app.tables import Claim
from app.tables import Outlet
from app.tables import Review
from tests.assertions import assert_error
from tests.factories import Factory

FIXTURES = Path(__file__).resolve().parent.parent / "data" / "claimreview"

# file -> [(type, outcome, reason, appearances added)] for a first import into an empty database
EXPECTED: dict[str, list[tuple[str, str, str | None, int]]] = {
    "01-google-docs-single.json": [("ClaimReview", "created", None, 1)],
    "02-politifact-style.json": [("ClaimReview", "created", None, 0)],
    "03-fullfact-style.json": [("ClaimReview", "created", None, 2)],
    "04-afp-array.json": [("ClaimReview", "created", None, 1), ("ClaimReview", "created", None, 0)],
    "05-yoast-graph.json": [("ClaimReview", "created", None, 1)],
    "06-fact-check-tools-claims-search.json": [
        ("ClaimReview", "created", None, 0),
        ("ClaimReview", "linked", None, 0),
        ("ClaimReview", "created", None, 0),
    ],
    "07-datacommons-feed.json": [
        ("ClaimReview", "created", None, 0),
        ("ClaimReview", "created", None, 0),
    ],
    "08-prefixed-terms.json": [("ClaimReview", "created", None, 0)],
    "09-messy.json": [
        ("ClaimReview", "skipped", "missing_url", 0),
        ("ClaimReview", "skipped", "missing_claim", 0),
        ("ClaimReview", "skipped", "missing_rating", 0),
        ("ClaimReview", "created", None, 0),
        ("ClaimReview", "created", None, 0),
        ("ClaimReview", "skipped", "already_imported", 0),  # same URL up to its fragment
        ("ClaimReview", "skipped", "invalid_url", 0),
        ("NewsArticle", "skipped", "unsupported_type", 0),
        ("ClaimReview", "created", None, 0),
    ],
    "10-snopes-style.json": [("ClaimReview", "created", None, 0)],
    "11-creativework-social.json": [("ClaimReview", "created", None, 3)],
}


def load(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def counts(engine: Engine) -> tuple[int, ...]:
    with transaction(engine, write=False) as session:
        return tuple(
            session.scalar(select(func.count()).select_from(model)) or 0
            for model in (Outlet, Article, Claim, Attribution, Review)
        )


def imported(client: TestClient, document: Any) -> dict[str, Any]:
    response = client.post("/v1/import/claimreview", json=document)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_fixture_set_is_varied_enough() -> None:
    assert len(EXPECTED) >= 8
    assert sorted(EXPECTED) == sorted(p.name for p in FIXTURES.glob("*.json"))


def test_each_document_imports_and_reimporting_changes_nothing(
    client: TestClient, engine: Engine
) -> None:
    for name in sorted(EXPECTED):
        _import_twice(client, engine, name)


def _import_twice(client: TestClient, engine: Engine, name: str) -> None:
    report = imported(client, load(name))
    got = [
        (item["type"], item["outcome"], item["reason"], item["appearances_added"])
        for item in report["items"]
    ]
    assert got == EXPECTED[name], name
    assert [item["index"] for item in report["items"]] == list(range(len(got)))
    assert (report["created"], report["linked"], report["skipped"]) == tuple(
        sum(outcome == wanted for _, outcome, _, _ in got)
        for wanted in ("created", "linked", "skipped")
    )
    for item in report["items"]:
        if item["outcome"] == "skipped":
            assert item["message"]
            assert item["review_id"] is None or item["reason"] == "already_imported"
        else:
            assert item["review_id"] is not None
            assert item["claim_id"] is not None
    before = counts(engine)
    again = imported(client, load(name))
    assert counts(engine) == before
    assert (again["created"], again["linked"]) == (0, 0)
    for first, second in zip(report["items"], again["items"], strict=True):
        if first["outcome"] != "skipped":
            assert (second["reason"], second["review_id"]) == (
                "already_imported",
                first["review_id"],
            )
        else:
            assert second["reason"] == first["reason"]


def test_the_whole_set_in_one_request(client: TestClient, engine: Engine) -> None:
    documents = [load(name) for name in sorted(EXPECTED)]
    report = imported(client, documents[:5] + documents[6:])  # a list of documents...
    report_tools = imported(client, documents[5])  # ...and the claims:search shape apart
    assert (
        report["created"] + report["linked"] + report_tools["created"] + report_tools["linked"]
        == counts(engine)[4]
    )
    assert counts(engine)[4] == 17


def test_fields_are_read_from_each_markup_style(client: TestClient) -> None:
    for name in sorted(EXPECTED):
        imported(client, load(name))

    def review(url: str) -> dict[str, Any]:
        for claim in client.get("/v1/claims", params={"limit": 200}).json()["items"]:
            for item in client.get(f"/v1/claims/{claim['id']}/reviews").json()["items"]:
                if item["url"] == url:
                    return {**item, "claim": client.get(f"/v1/claims/{claim['id']}").json()}
        raise AssertionError(f"no review at {url}")

    google = review("https://science-watch.example/news/science/worldisflat.html")
    assert (google["textual_rating"], google["rating_value"], google["best_rating"]) == (
        "False",
        1.0,
        5.0,
    )
    assert google["publisher"] == {
        "name": "Example.com science watch",
        "site": "science-watch.example",
    }
    assert google["claim"]["claimant"] == "Square World Society"
    assert google["claim"]["claim_date"] == "2016-06-20"
    (appearance,) = google["claim"]["attributions"]
    assert appearance["outlet"]["name"] == "Square World Society"
    assert appearance["article"]["published_at"] == "2016-06-22T00:00:00Z"

    afp = review("https://factuel.agence.example/doc.agence.123ABC")
    assert (afp["language"], afp["review_date"], afp["textual_rating"]) == (
        "fr",
        "2025-02-14",
        "Faux",
    )
    assert afp["claim"]["attributions"][0]["article"]["published_at"] == "2025-02-12T20:03:00Z"

    yoast = review("https://checkdesk.example/reports/maize-price-claim")
    assert yoast["publisher"] == {"name": "CheckDesk Africa", "site": "checkdesk.example"}
    assert yoast["title"] == "Did maize prices really triple in a year?"
    (maize,) = yoast["claim"]["attributions"]
    assert maize["article"]["url"] == (
        "https://dailynation-style.example/news/maize-prices-triple-2024-08-12"
    )
    assert maize["outlet"]["name"] == "The Daily Example"

    tools = review("https://checagem.example/agua-quente-virus")
    assert (tools["language"], tools["review_date"], tools["publisher"]["site"]) == (
        "pt",
        "2020-03-13",
        "checagem.example",
    )
    assert tools["claim"]["claimant"] == "Chain message"

    prefixed = review("https://rdfa-check.example/verdicts/2022/bus-fares")
    assert (prefixed["textual_rating"], prefixed["rating_value"], prefixed["worst_rating"]) == (
        "Misleading",
        3.0,
        0.0,
    )
    assert prefixed["language"] == "en-US"

    messy = review("https://sloppy.example/odd-numbers")
    assert (messy["rating_value"], messy["textual_rating"], messy["language"]) == (
        None,
        "Half true",
        "es",
    )
    assert messy["publisher"]["name"] == "Sloppy Checks"
    unicode = review("https://sloppy.example/unicode")
    assert unicode["claim"]["text"] == "Le café coûte 10 €"
    assert unicode["claim"]["claimant"] == "Un élu"

    snopes = review("https://rumour-desk.example/fact-check/shark-in-the-subway")
    assert (snopes["publisher"]["name"], snopes["rating_value"], snopes["textual_rating"]) == (
        "Rumour Desk",
        None,
        "Fake",
    )
    assert snopes["review_date"] == "2021-07-03"


def test_reviews_link_to_an_existing_claim_by_text_and_claimant(
    client: TestClient, factory: Factory
) -> None:
    claim = factory.claim(
        text="The world is flat!", claimant="square world society"
    )  # same up to case and punctuation
    report = imported(client, load("01-google-docs-single.json"))
    (item,) = report["items"]
    assert (item["outcome"], item["claim_id"]) == ("linked", claim.id)
    assert item["message"] == f"claim {claim.id} has the same text and claimant"


def test_reviews_of_a_reworded_claim_link_through_the_claim_matcher(
    client: TestClient, factory: Factory
) -> None:
    claim = factory.claim(
        text="Spain, Ireland and Norway will recognise a Palestinian state.", claimant=None
    )
    unrelated = factory.claim(
        text="Volkswagen will close three factories in Germany.", claimant=None
    )
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": "https://checker.example/reviews/palestine",
        "claimReviewed": "Ireland, Spain and Norway are to recognize the state of Palestine.",
        "reviewRating": {"@type": "Rating", "alternateName": "True"},
        "author": {"@type": "Organization", "name": "Checker"},
    }
    (item,) = imported(client, review)["items"]
    assert (item["outcome"], item["claim_id"]) == ("linked", claim.id)
    assert item["message"].startswith(f"matched claim {claim.id} with score ")
    assert float(item["message"].rsplit(" ", 1)[1]) >= HybridMatcher.link
    reviews = client.get(f"/v1/claims/{claim.id}/reviews").json()["items"]
    assert [r["url"] for r in reviews] == ["https://checker.example/reviews/palestine"]
    assert client.get(f"/v1/claims/{unrelated.id}/reviews").json()["items"] == []


def test_a_claim_that_only_shares_words_is_not_linked(client: TestClient, factory: Factory) -> None:
    existing = factory.claim(text="Russia demands sanctions relief.", claimant=None)
    review = {
        "@type": "ClaimReview",
        "url": "https://checker.example/reviews/eu-sanctions",
        "claimReviewed": "The EU extends sanctions on Russia.",
        "reviewRating": {"alternateName": "True"},
    }
    (item,) = imported(client, review)["items"]
    assert item["outcome"] == "created"
    assert item["claim_id"] != existing.id


ODD: list[Any] = [
    {
        "claims": [
            {
                "text": "t",
                "claimant": "c" * 300,
                "claimReview": [
                    {
                        "url": "https://odd.example/long-claimant",
                        "textualRating": "False",
                        "publisher": {"name": "P" * 59 + " Q"},
                    }
                ],
            }
        ]
    },
    [],
    {},
    {"claims": []},
    {"@graph": []},
    [None, 1, "x", [[]]],
    {"@type": "DataFeed", "dataFeedElement": "nonsense"},
    {"claims": [None, {"claimReview": "x"}, {"claimReview": [None, {}]}]},
    {
        "@type": "ClaimReview",
        "url": "https://a.example/x",
        "claimReviewed": "y" * 2500,
        "reviewRating": {"alternateName": "False"},
    },
    {
        "@type": "ClaimReview",
        "url": "https://a.example/x",
        "claimReviewed": "z",
        "reviewRating": {"alternateName": "F" * 500, "ratingValue": "1e400"},
        "itemReviewed": {
            "appearance": {
                "url": "https://b.example/",
                "headline": "h",
                "datePublished": "2024-01-01",
            }
        },
    },
]


def test_odd_documents_never_fail(client: TestClient) -> None:
    for document in ODD:
        response = client.post("/v1/import/claimreview", json=document)
        if response.status_code == 422:
            error = assert_error(response, 422, "nothing_imported")
            assert all(detail["reason"] for detail in error["details"]), error
            continue
        report = imported(client, document)
        assert report["created"] + report["linked"] + report["skipped"] == len(report["items"])


def test_a_rejected_node_writes_nothing(client: TestClient, engine: Engine) -> None:
    response = client.post(
        "/v1/import/claimreview",
        json={
            "@type": "ClaimReview",
            "url": "https://a.example/x",
            "claimReviewed": "y" * 2500,
            "reviewRating": {"alternateName": "False"},
        },
    )
    error = assert_error(response, 422, "nothing_imported")
    (item,) = error["details"]
    assert (item["index"], item["reason"]) == (0, "rejected")
    assert "2000" in item["message"]
    assert "2000" in error["message"]
    assert counts(engine) == (0, 0, 0, 0, 0)


def test_not_json_or_too_many_nodes_is_422(client: TestClient) -> None:
    response = client.post(
        "/v1/import/claimreview", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert_error(response, 422, "validation_error")
    many = [{"@type": "ClaimReview"}] * 1001
    error = assert_error(
        client.post("/v1/import/claimreview", json=many), 422, "too_many_documents"
    )
    assert error["details"] == [{"found": 1001, "max": 1000}]


def test_a_252_character_claimant_is_stored_whole(client: TestClient) -> None:
    report = imported(
        client,
        {
            "claims": [
                {
                    "text": "A claim by a long-winded speaker.",
                    "claimant": "word " * 50 + "tail",
                    "claimReview": [
                        {
                            "url": "https://odd.example/long-claimant",
                            "textualRating": "False",
                            "publisher": {"name": "Fact " * 20},
                        }
                    ],
                }
            ]
        },
    )
    (item,) = report["items"]
    assert item["outcome"] == "created", item
    claim = client.get(f"/v1/claims/{item['claim_id']}").json()
    assert claim["claimant"] == "word " * 50 + "tail"  # 254 characters, stored whole
    assert item["warnings"] == []


def test_a_claimant_beyond_the_column_is_cut_at_a_word_with_a_warning(
    client: TestClient,
) -> None:
    report = imported(
        client,
        {
            "claims": [
                {
                    "text": "A claim by a very long-winded speaker.",
                    "claimant": "word " * 120 + "tail",
                    "claimReview": [
                        {
                            "url": "https://odd.example/longer-claimant",
                            "textualRating": "False",
                            "publisher": {"name": "Odd"},
                        }
                    ],
                }
            ]
        },
    )
    (item,) = report["items"]
    claim = client.get(f"/v1/claims/{item['claim_id']}").json()
    assert claim["claimant"] == " ".join(["word"] * 99) + "…"
    assert item["warnings"] == [
        "claimant is 604 characters; stored as the first 494 (claimants hold at most 500), "
        "cut at a word boundary and ending in '…'"
    ]
