"""Import -> export -> import is a fixed point on the essential fields, for every sample document.

Essential fields (issue 15): claimReviewed, reviewRating with its value types, author name and
url, itemReviewed author and date, datePublished, url, appearances.
"""

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from tests.assertions import all_pages
from tests.reviews.test_claimreview import _empty_database
from tests.reviews.test_claimreview import export
from tests.reviews.test_import import EXPECTED
from tests.reviews.test_import import imported
from tests.reviews.test_import import load


def essentials(client: TestClient) -> dict[str, dict[str, Any]]:
    """Every review in the database as exported, by its exported url, on the essential fields."""
    found: dict[str, dict[str, Any]] = {}
    for claim in all_pages(client, "/v1/claims"):
        document = export(client, claim["id"])
        for node in document.get("@graph", [document]):
            if node.get("@type") != "ClaimReview":
                continue
            item = node["itemReviewed"]
            rating = node["reviewRating"]
            found[node["url"]] = {
                "claimReviewed": node["claimReviewed"],
                "reviewRating": {k: (v, type(v).__name__) for k, v in rating.items()},
                "author": (node["author"].get("name"), node["author"].get("url")),
                "datePublished": node.get("datePublished"),
                "item": (item.get("author"), item.get("datePublished")),
                "appearances": sorted(a["url"] for a in item.get("appearance", [])),
                "firstAppearance": item.get("firstAppearance", {}).get("url"),
            }
    return found


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_import_export_import_is_a_fixed_point(
    client: TestClient, engine: Engine, name: str
) -> None:
    report = imported(client, load(name))
    first = essentials(client)
    assert len(first) == report["created"] + report["linked"]
    documents = [export(client, claim["id"]) for claim in all_pages(client, "/v1/claims")]
    _empty_database(engine)
    again = imported(client, documents)
    assert again["skipped"] == 0, again
    assert essentials(client) == first
