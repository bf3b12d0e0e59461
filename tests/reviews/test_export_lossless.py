"""What was imported is exported with the same identifiers and values (issue 15)."""

from typing import Any

from fastapi.testclient import TestClient

from tests.reviews.jsonld import check_node
from tests.reviews.jsonld import expand
from tests.reviews.test_claimreview import export
from tests.reviews.test_import import imported
from tests.reviews.test_import import load


def exported(client: TestClient, document: Any) -> list[dict[str, Any]]:
    report = imported(client, document)
    nodes = []
    for item in report["items"]:
        body = export(client, item["claim_id"])
        for node in body.get("@graph", [body]):
            if node["url"] == item["url"]:
                nodes.append(node)
        for expanded in expand(body):
            assert check_node(expanded) == []
    return nodes


def test_identifiers_times_and_rating_types_come_back_as_given(client: TestClient) -> None:
    (node,) = exported(client, load("11-creativework-social.json"))
    assert (
        node["url"] == "https://vishvas-style.example/english/politics/fact-check-manmohan-quote/"
    )
    assert node["author"] == {
        "@type": "Organization",
        "name": "Vishvas Style News",
        "url": "https://vishvas-style.example/",
    }
    assert node["datePublished"] == "2024-05-21T18:30:00+05:30"
    assert node["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 2,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "Misleading",
    }
    assert node["itemReviewed"]["author"] == {"@type": "Person", "name": "Social media users"}
    assert node["itemReviewed"]["datePublished"] == "2024-05-20"


def test_string_ratings_stay_strings(client: TestClient) -> None:
    first, _ = exported(client, load("04-afp-array.json"))
    assert first["datePublished"] == "2025-02-14T16:45:00+01:00"
    assert first["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": "1",
        "bestRating": "5",
        "worstRating": "1",
        "alternateName": "Faux",
    }


def test_a_trailing_slash_and_a_long_claimant_are_kept(client: TestClient) -> None:
    long_name = "Members of the " + "very " * 50 + "long committee"
    document = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": "https://slash-check.example/2024/check/",
        "datePublished": "2024-06-01",
        "author": {
            "@type": "Organization",
            "name": "Slash Check",
            "url": "https://slash-check.example/about",
        },
        "claimReviewed": "A committee said something.",
        "reviewRating": {"@type": "Rating", "ratingValue": 1.5, "alternateName": "Mostly false"},
        "itemReviewed": {"@type": "Claim", "author": {"@type": "Organization", "name": long_name}},
    }
    (node,) = exported(client, document)
    assert node["url"] == "https://slash-check.example/2024/check/"
    assert node["author"]["url"] == "https://slash-check.example/about"
    assert node["datePublished"] == "2024-06-01"
    assert node["reviewRating"]["ratingValue"] == 1.5
    assert node["itemReviewed"]["author"] == {"@type": "Organization", "name": long_name}


def test_a_review_without_author_exports_its_site_as_author(client: TestClient) -> None:
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": "https://plain.example/r",
        "claimReviewed": "Plain.",
        "reviewRating": {"alternateName": "True"},
    }
    (node,) = exported(client, review)
    assert node["author"] == {
        "@type": "Organization",
        "name": "plain.example",
        "url": "https://plain.example",
    }


def test_posts_and_videos_export_without_the_headline_they_never_had(client: TestClient) -> None:
    (node,) = exported(client, load("11-creativework-social.json"))
    assert node["itemReviewed"]["appearance"] == [
        {
            "@type": "CreativeWork",
            "url": "https://x.com/someone/status/1790000000000000000",
            "datePublished": "2024-05-18T04:30:00Z",
            "publisher": {"@type": "Organization", "name": "x.com", "url": "https://x.com"},
        },
        {
            "@type": "CreativeWork",
            "url": "https://www.youtube.com/watch?v=abc123",
            "datePublished": "2024-05-19T02:30:00Z",
            "publisher": {
                "@type": "Organization",
                "name": "youtube.com",
                "url": "https://youtube.com",
            },
        },
        # Published without a date: dated by the claim's date on import, exported without one.
        {
            "@type": "CreativeWork",
            "url": "https://www.facebook.com/someone/posts/456",
            "publisher": {
                "@type": "Organization",
                "name": "facebook.com",
                "url": "https://facebook.com",
            },
        },
    ]
