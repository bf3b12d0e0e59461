"""Assertions shared by API tests."""

from typing import Any

import httpx


def assert_error(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    """The response is an error with this status and code, in exactly the one error shape."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}, body
    assert set(body["error"]) == {"code", "message", "details"}, body
    assert body["error"]["code"] == code, body
    assert isinstance(body["error"]["message"], str)
    assert body["error"]["message"]
    assert isinstance(body["error"]["details"], list)
    return body["error"]


DEFAULT_METHOD = {
    "collapse": ["syndicates", "cites"],
    "as_of": None,
    "as_of_basis": "published",
    "version": "1",
}


def corroboration_from_attributions(attributions: list[dict[str, Any]]) -> dict[str, Any]:
    """The corroboration a client can derive from a claim's attributions list."""
    reporting = [a for a in attributions if a["stance"] in ("reports", "supports")]
    first = min(
        reporting, key=lambda a: (a["article"]["published_at"], a["article"]["id"]), default=None
    )
    credited: dict[str, bool] = {}
    for a in reporting:
        origin = a["independent_origin"]
        slug = origin["outlet"]["slug"]
        credited[slug] = credited.get(slug, True) and origin["credited"]
    return {
        "outlets": len({a["outlet"]["slug"] for a in reporting}),
        "independent_origins": len({a["independent_origin"]["outlet"]["slug"] for a in reporting}),
        "credited_origins": sum(credited.values()),
        "articles": len(reporting),
        "disputing_outlets": len(
            {a["outlet"]["slug"] for a in attributions if a["stance"] == "disputes"}
        ),
        "first_reported": None
        if first is None
        else {
            "at": first["article"]["published_at"],
            "outlet": first["outlet"]["slug"],
            "outlet_name": first["outlet"]["name"],
            "article_id": first["article"]["id"],
        },
        "last_reported_at": max((a["article"]["published_at"] for a in reporting), default=None),
        "method": DEFAULT_METHOD,
    }


def all_pages(client: Any, url: str, **params: Any) -> list[dict[str, Any]]:
    """Every item of a cursor-paged listing."""
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        query = {**params, **({"cursor": cursor} if cursor else {})}
        response = client.get(url, params=query)
        assert response.status_code == 200, response.text
        body = response.json()
        items.extend(body["items"])
        cursor = body["next_cursor"]
        if cursor is None:
            return items


def assert_consistent(client: Any, claim_id: int) -> dict[str, Any]:
    """A claim's counts agree in the list, in its detail, with its attributions list, and with
    the same counts computed on the fly (the explanation endpoint)."""
    detail = client.get(f"/v1/claims/{claim_id}").json()
    attributions = all_pages(client, f"/v1/claims/{claim_id}/attributions", limit=7)
    listed = {c["id"]: c for c in all_pages(client, "/v1/claims", limit=200)}
    assert listed[claim_id]["corroboration"] == detail["corroboration"]
    assert corroboration_from_attributions(attributions) == detail["corroboration"]
    explained = client.get(f"/v1/claims/{claim_id}/corroboration").json()
    assert explained["corroboration"] == detail["corroboration"]
    return detail["corroboration"]
