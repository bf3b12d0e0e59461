"""GET /v1/claimreview: every review as one schema.org DataFeed, cursor-paged."""

from typing import Any

from fastapi.testclient import TestClient

from tests.assertions import all_pages
from tests.assertions import assert_error
from tests.reviews import fidelity
from tests.reviews.jsonld import check_node
from tests.reviews.jsonld import expand
from tests.reviews.test_claimreview import export

# Two ClaimReviews, a MediaReview, a claims:search answer, a DataFeed, a @graph.
SOME = [
    "04-lemonde-fr-coronavirus-rhume.json",
    "15-politifact-en-mariah-carey-mediareview.json",
    "16-africa-check-en-flat-earth-claims-search.json",
    "18-lupa-pt-graph.json",
    "21-correctiv-de-windkraft.json",
    "32-teyit-tr-datafeed.json",
]


def feed_pages(client: TestClient, limit: int) -> list[dict[str, Any]]:
    """Every page of the feed, following the Link header."""
    pages, url = [], f"/v1/claimreview?limit={limit}"
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == "application/ld+json"
        pages.append(response.json())
        link = response.headers.get("link")
        if link is None:
            assert "x-next-cursor" not in response.headers
            break
        assert link.endswith('>; rel="next"')
        assert response.headers["x-next-cursor"] in link
        url = link[1 : link.index(">")].removeprefix("http://testserver")
    return pages


def test_the_feed_pages_through_every_review_as_the_claim_export_gives_it(
    client: TestClient,
) -> None:
    for name in SOME:
        response = client.post("/v1/import/claimreview", json=fidelity.documents()[name])
        assert response.status_code == 200, response.text
    pages = feed_pages(client, limit=2)
    assert len(pages) == 3
    items = []
    for page in pages:
        assert (page["@context"], page["@type"]) == ("https://schema.org", "DataFeed")
        (expanded,) = expand(page)
        assert check_node(expanded) == []
        for element in page["dataFeedElement"]:
            assert element["@type"] == "DataFeedItem"
            (item,) = element["item"]
            items.append(item)
    assert len(items) == 6
    assert [item["@type"] for item in items].count("MediaReview") == 1
    # Each item is the review as its claim's export gives it.
    exported = {}
    for claim in all_pages(client, "/v1/claims"):
        document = export(client, claim["id"])
        for node in document.get("@graph", [document]):
            exported[node["url"]] = {k: v for k, v in node.items() if k != "@context"}
    assert {item["url"]: item for item in items} == exported


def test_an_empty_feed_and_a_forged_cursor(client: TestClient) -> None:
    (page,) = feed_pages(client, limit=50)
    assert page["dataFeedElement"] == []
    assert_error(client.get("/v1/claimreview?cursor=bm90LWEtY3Vyc29y"), 422, "invalid_cursor")
