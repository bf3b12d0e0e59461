"""ClaimReview shapes that used to import nothing or lose fields (issue 15), read exactly."""

from typing import Any

from fastapi.testclient import TestClient

from tests.assertions import assert_error
from tests.reviews.test_import import imported
from tests.reviews.test_import import load


def claim_of(client: TestClient, item: dict[str, Any]) -> dict[str, Any]:
    body: dict[str, Any] = client.get(f"/v1/claims/{item['claim_id']}").json()
    return body


def test_a_creative_work_item_with_social_appearances(client: TestClient) -> None:
    (item,) = imported(client, load("11-creativework-social.json"))["items"]
    assert (
        item["url"] == "https://vishvas-style.example/english/politics/fact-check-manmohan-quote/"
    )
    assert item["warnings"] == [
        "url '/english/politics/fact-check-manmohan-quote/' resolved to "
        "'https://vishvas-style.example/english/politics/fact-check-manmohan-quote/'",
        "url 'www.facebook.com/someone/posts/456' resolved to "
        "'https://www.facebook.com/someone/posts/456'",
        "appearance https://www.facebook.com/someone/posts/456 has no datePublished; dated by "
        "the claim's date 2024-05-20 (exported without one)",
    ]
    claim = claim_of(client, item)
    assert claim["text"] == (
        'Manmohan Singh\'s speech said minorities have the "first claim" on all resources'
    )
    assert (claim["claimant"], claim["claim_date"]) == ("Social media users", "2024-05-20")
    articles = sorted(
        (a["article"]["url"], a["article"]["title"], a["article"]["published_at"])
        for a in claim["attributions"]
    )
    assert articles == [
        # No date of its own: dated by the claim's date.
        (
            "https://www.facebook.com/someone/posts/456",
            "Post on facebook.com",
            "2024-05-20T00:00:00Z",
        ),
        ("https://www.youtube.com/watch?v=abc123", "Video on youtube.com", "2024-05-19T02:30:00Z"),
        (
            "https://x.com/someone/status/1790000000000000000",
            "Post on x.com",
            "2024-05-18T04:30:00Z",
        ),
    ]
    (review,) = client.get(f"/v1/claims/{item['claim_id']}/reviews").json()["items"]
    assert review["title"] == "Fact Check: Viral post misquotes Manmohan Singh's 2006 speech"


BARE_ITEM = {
    "@context": "https://schema.org",
    "@type": "DataFeedItem",
    "dateCreated": "2024-03-01T10:00:00Z",
    "item": [
        {
            "@type": ["ClaimReview"],
            "url": "https://feed-check.example/reviews/bare-item",
            "claimReviewed": "Drinking hot water cures the flu.",
            "author": {"@type": "Organization", "name": "Feed Check"},
            "reviewRating": {"@type": "Rating", "alternateName": "False"},
        }
    ],
}

BARE_CLAIM = {
    "text": "The moon landing was filmed in a studio.",
    "claimant": "Viral post",
    "claimDate": "2019-07-20T00:00:00Z",
    "claimReview": [
        {
            "publisher": {"name": "Checagem", "site": "checagem.example"},
            "url": "https://checagem.example/lua",
            "title": "N&atilde;o, o pouso na Lua n&atilde;o foi filmado em est&uacute;dio",
            "reviewDate": "2019-07-21T00:00:00Z",
            "textualRating": "Falso",
            "languageCode": "pt",
        }
    ],
}


def test_a_bare_data_feed_item_imports_like_its_feed(client: TestClient) -> None:
    (item,) = imported(client, BARE_ITEM)["items"]
    assert (item["type"], item["outcome"], item["url"]) == (
        "ClaimReview",
        "created",
        "https://feed-check.example/reviews/bare-item",
    )


def test_a_bare_claims_search_claim_imports_like_the_response(client: TestClient) -> None:
    (item,) = imported(client, BARE_CLAIM)["items"]
    assert (item["outcome"], item["url"]) == ("created", "https://checagem.example/lua")
    claim = claim_of(client, item)
    assert (claim["text"], claim["claimant"], claim["claim_date"]) == (
        "The moon landing was filmed in a studio.",
        "Viral post",
        "2019-07-20",
    )
    (review,) = client.get(f"/v1/claims/{item['claim_id']}/reviews").json()["items"]
    assert review["title"] == "Não, o pouso na Lua não foi filmado em estúdio"


def test_relative_claims_search_urls_resolve_against_the_publisher_site(
    client: TestClient,
) -> None:
    claim = {**BARE_CLAIM, "claimReview": [{**BARE_CLAIM["claimReview"][0], "url": "/lua-2"}]}
    (item,) = imported(client, claim)["items"]
    assert (item["outcome"], item["url"]) == ("created", "https://checagem.example/lua-2")


def test_a_relative_url_without_a_base_is_refused_with_its_reason(client: TestClient) -> None:
    review = {
        "@type": "ClaimReview",
        "url": "/2020/05/no-base",
        "claimReviewed": "Something was said.",
        "reviewRating": {"alternateName": "False"},
    }
    error = assert_error(
        client.post("/v1/import/claimreview", json=review), 422, "nothing_imported"
    )
    assert [(d["index"], d["reason"]) for d in error["details"]] == [(0, "invalid_url")]


def test_a_partial_import_answers_200_with_each_outcome(client: TestClient) -> None:
    broken = {"@type": "ClaimReview", "claimReviewed": "No url here."}
    report = imported(client, [BARE_ITEM, broken])
    assert [(i["outcome"], i["reason"]) for i in report["items"]] == [
        ("created", None),
        ("skipped", "missing_url"),
    ]


def test_a_document_with_no_review_answers_422(client: TestClient) -> None:
    error = assert_error(client.post("/v1/import/claimreview", json=[]), 422, "nothing_imported")
    assert (error["message"], error["details"]) == (
        "nothing could be imported: no ClaimReview found",
        [],
    )
    error = assert_error(
        client.post("/v1/import/claimreview", json={"@type": "NewsArticle", "url": "x"}),
        422,
        "nothing_imported",
    )
    assert error["message"] == (
        "nothing could be imported: node 0: a node of type NewsArticle is not a ClaimReview, "
        "a MediaReview or a Claim"
    )
    assert error["details"] == [
        {
            "index": 0,
            "type": "NewsArticle",
            "url": None,
            "reason": "unsupported_type",
            "message": "a node of type NewsArticle is not a ClaimReview, a MediaReview or a Claim",
            "warnings": [],
        }
    ]
