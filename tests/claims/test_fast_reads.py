"""app/claims/fast.py serves the plainest list and detail requests outside FastAPI: prove that
it answers exactly what the FastAPI routes answer, takes only what it can, and keeps access
control, rate limits, metrics and logs."""

from collections.abc import Callable
from collections.abc import Iterator
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from starlette.routing import Match

from app.claims.fast import FastRead
from tests.assertions import assert_error
from tests.factories import Factory


@pytest.fixture
def corpus(factory: Factory) -> dict[str, int]:
    """Claims with ties, copies, disputes, no reports, and a merged claim."""
    outlets = [factory.outlet() for _ in range(4)]
    base = datetime(2025, 5, 29, 9, 0, tzinfo=UTC)
    articles = [
        factory.article(outlets[i % 4], published_at=(base + timedelta(hours=i)).isoformat())
        for i in range(8)
    ]
    factory.link(articles[4], articles[0], "syndicates", "wire copy")
    claims = [factory.claim(text=f"Claim number {i} about the budget.") for i in range(9)]
    for i, claim in enumerate(claims[:7]):
        for article in articles[: (i % 5) + 1]:
            factory.attribute(claim, article, stance="disputes" if i == 3 else "reports")
    merged = factory.claim(text="A duplicate of claim number 1.")
    factory.attribute(merged, articles[6])
    return {"first": claims[0].id or 0, "merged": merged.id or 0, "into": claims[1].id or 0}


@pytest.fixture
def slow_app(make_app: Callable[..., FastAPI]) -> FastAPI:
    """The same app without the fast routes: every request goes through FastAPI."""
    app = make_app()
    app.router.routes[:] = [r for r in app.router.routes if not isinstance(r, FastRead)]
    return app


@pytest.fixture
def both(app: FastAPI, slow_app: FastAPI) -> Iterator[tuple[TestClient, TestClient]]:
    with TestClient(app) as fast, TestClient(slow_app) as slow:
        yield fast, slow


def fast_route(app: FastAPI, path: str) -> FastRead:
    return next(r for r in app.router.routes if isinstance(r, FastRead) and r.path == path)


def matched(
    app: FastAPI, path: str, query: str = "", headers: dict[str, str] | None = None, **scope: Any
) -> bool:
    """Whether a fast route takes this request."""
    template = "/v1/claims" if path == "/v1/claims" else "/v1/claims/{claim_id}"
    request_scope = {
        "type": "http",
        "method": "GET",
        "path": path,
        "root_path": "",
        "query_string": query.encode(),
        "headers": [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()],
        "app": app,
        **scope,
    }
    match, _ = fast_route(app, template).matches(request_scope)
    return match is Match.FULL


def same_answer(fast: TestClient, slow: TestClient, url: str) -> Any:
    one, other = fast.get(url), slow.get(url)
    assert one.status_code == other.status_code, (url, one.text, other.text)
    assert one.content == other.content, url
    drop = {"x-request-id"}
    assert {k: v for k, v in one.headers.items() if k not in drop} == {
        k: v for k, v in other.headers.items() if k not in drop
    }, url
    return one


def test_fast_and_fastapi_routes_answer_byte_for_byte_alike(
    app: FastAPI, both: tuple[TestClient, TestClient], corpus: dict[str, int], client: TestClient
) -> None:
    fast, slow = both
    merge = client.post(f"/v1/claims/{corpus['merged']}/merge", json={"into": corpus["into"]})
    assert merge.status_code == 200, merge.text
    urls = ["/v1/claims", "/v1/claims?limit=1", "/v1/claims?limit=200"]
    urls += [
        f"/v1/claims?sort={sort}&limit=3"
        for sort in ("-outlets", "-independent_origins", "first_reported_at")
    ]
    urls += ["/v1/claims?sort=-first_reported_at&limit=2", "/v1/claims?sort=-last_reported_at"]
    urls += ["/v1/claims?min_outlets=3", "/v1/claims?min_origins=2&limit=2&min_outlets=0"]
    urls += ["/v1/claims?cursor=bm90LWEtY3Vyc29y", "/v1/claims?limit=2&cursor=e30"]
    urls += ["/v1/claims?q=budget", "/v1/claims?q=claim%20number&sort=relevance&limit=2"]
    urls += ["/v1/claims?q=%22number%201%22", "/v1/claims?q=budg*&sort=-outlets&min_outlets=2"]
    urls += ["/v1/claims?q=!!", "/v1/claims?q=" + "x" * 500, "/v1/claims?q=nothing"]
    slug = fast.get(f"/v1/claims/{corpus['first']}").json()["corroboration"]["first_reported"]
    outlet = f"outlet={slug['outlet']}"
    urls += [f"/v1/claims?{outlet}", f"/v1/claims?{outlet}&sort=first_reported_at&limit=2"]
    urls += [f"/v1/claims?{outlet}&since=2025-05-29T09:00:00Z&until=2025-05-29T12:00:00%2B01:00"]
    urls += [f"/v1/claims?since=2025-05-29T10:00:00.5Z&{outlet}&q=budget", "/v1/claims?outlet=nope"]
    urls += ["/v1/claims?until=2025-05-29T09:30:00-00:00&min_outlets=2"]
    urls += [f"/v1/claims/{corpus['first']}", f"/v1/claims/{corpus['merged']}"]
    urls += ["/v1/claims/2147483647", "/v1/claims/1"]
    for url in urls:
        path, _, query = url.partition("?")
        assert matched(app, path, query), url
        same_answer(fast, slow, url)
    # Every page of every sort, following the cursors the fast path hands out.
    for sort in ("-outlets", "-last_reported_at", "first_reported_at"):
        url: str | None = f"/v1/claims?limit=2&sort={sort}"
        pages = 0
        while url is not None:
            body = same_answer(fast, slow, url).json()
            pages += 1
            cursor = body["next_cursor"]
            url = None if cursor is None else f"/v1/claims?limit=2&sort={sort}&cursor={cursor}"
        assert pages == 5  # 9 claims, 2 a page (the merged one is not listed)
    # And every page of a search by relevance.
    url = "/v1/claims?limit=2&q=claim"
    pages = 0
    while url is not None:
        body = same_answer(fast, slow, url).json()
        pages += 1
        cursor = body["next_cursor"]
        url = None if cursor is None else f"/v1/claims?limit=2&q=claim&cursor={cursor}"
    assert pages == 5


def test_errors_on_the_fast_path_are_the_routes_errors(
    app: FastAPI, both: tuple[TestClient, TestClient], corpus: dict[str, int]
) -> None:
    fast, slow = both
    assert matched(app, "/v1/claims/999999")
    assert_error(same_answer(fast, slow, "/v1/claims/999999"), 404, "not_found")
    assert matched(app, "/v1/claims", "cursor=bm90LWEtY3Vyc29y")
    assert_error(
        same_answer(fast, slow, "/v1/claims?cursor=bm90LWEtY3Vyc29y"), 422, "invalid_cursor"
    )
    # A cursor of another sort order is refused the same way.
    other = fast.get("/v1/claims?limit=1&sort=first_reported_at").json()["next_cursor"]
    assert_error(same_answer(fast, slow, f"/v1/claims?cursor={other}"), 422, "invalid_cursor")


@pytest.mark.parametrize(
    "query",
    [
        "limit=0",
        "limit=201",
        "limit=05",
        "limit=%2B5",
        "limit=",
        "limit=1&limit=2",
        "limit=abc",
        "min_outlets=-1",
        "min_outlets=2147483648",
        "min_origins=1.0",
        "sort=relevance",
        "sort=outlets",
        "q=",
        "q=%20%20",
        "q=" + "x" * 501,
        "q=a&q=b",
        "q=budget&sort=bogus",
        "cursor=abc%3D",
        "cursor=" + "a" * 1001,
        "outlet=Reuters",
        "outlet=a&outlet=b",
        "outlet=",
        "claimant=Someone",
        "since=2025-01-01T00:00:00",
        "since=2025-01-01",
        "since=1700-01-01T00:00:00Z",
        "until=tomorrow",
        "as_of=2025-05-30",
        "as_of_basis=published",
        "collapse=none",
        "format=json",
        "unknown=1",
    ],
)
def test_anything_else_goes_to_the_fastapi_route(
    app: FastAPI, both: tuple[TestClient, TestClient], corpus: dict[str, int], query: str
) -> None:
    assert not matched(app, "/v1/claims", query)
    fast, slow = both
    same_answer(fast, slow, f"/v1/claims?{query}")


def test_fall_through_by_method_path_headers_and_settings(
    app: FastAPI, make_app: Callable[..., FastAPI], corpus: dict[str, int]
) -> None:
    claim = str(corpus["first"])
    assert matched(app, f"/v1/claims/{claim}")
    assert not matched(app, f"/v1/claims/{claim}", "as_of=2025-05-30")
    for path in ("/v1/claims/0", "/v1/claims/01", "/v1/claims/2147483648", "/v1/claims/x"):
        assert not matched(app, path), path
    assert not matched(app, "/v1/claims/match")
    assert not matched(app, "/v1/claims", method="HEAD")
    assert not matched(app, "/v1/claims", method="POST")
    assert not matched(app, "/v1/claims/", "limit=1")
    assert not matched(app, "/v1/claims", headers={"Authorization": "Bearer cor_x"})
    assert not matched(app, "/v1/claims", headers={"X-API-Key": "cor_x"})
    assert not matched(app, "/v1/claims", headers={"Accept": "text/csv"})
    assert not matched(app, "/v1/claims", headers={"Accept": "application/x-ndjson"})
    assert matched(app, "/v1/claims", headers={"Accept": "application/json, text/csv;q=0.5"})
    closed = make_app(public_read=False)
    assert not matched(closed, "/v1/claims")
    with TestClient(closed) as anonymous:
        assert_error(anonymous.get("/v1/claims"), 401, "unauthorized")
        assert_error(anonymous.get(f"/v1/claims/{claim}"), 401, "unauthorized")


def test_the_fast_path_is_rate_limited_like_the_route(
    make_app: Callable[..., FastAPI], corpus: dict[str, int]
) -> None:
    app = make_app(
        rate_limit_enabled=True, rate_limit_anonymous_burst=2, rate_limit_anonymous_per_second=0.001
    )
    with TestClient(app) as anonymous:
        assert matched(app, "/v1/claims", "limit=1")
        statuses = [anonymous.get("/v1/claims?limit=1").status_code for _ in range(2)]
        assert statuses == [200, 200]
        refused = anonymous.get(f"/v1/claims/{corpus['first']}")
        assert_error(refused, 429, "rate_limited")
        assert int(refused.headers["Retry-After"]) >= 1
        # The FastAPI route shares the bucket: the address is out of tokens there too.
        assert_error(anonymous.get("/v1/claims?q=budget"), 429, "rate_limited")


def test_metrics_and_logs_name_the_routes_template(
    anon_client: TestClient, corpus: dict[str, int], caplog: pytest.LogCaptureFixture
) -> None:
    from tests.core.test_observability import access_lines
    from tests.core.test_observability import sample

    caplog.set_level("INFO", logger="app.access")
    before = anon_client.get("/metrics").text
    anon_client.get("/v1/claims?limit=2")
    anon_client.get(f"/v1/claims/{corpus['first']}")
    after = anon_client.get("/metrics").text
    for route in ("/v1/claims", "/v1/claims/{claim_id}"):
        labels = {"method": "GET", "route": route, "status": "200"}
        name = "corroborate_http_requests_total"
        assert sample(after, name, **labels) - sample(before, name, **labels) == 1, route
    lines = [line for line in access_lines(caplog) if line["path"].startswith("/v1/claims")]
    assert [(line["route"], line["status"], line["key"]) for line in lines] == [
        ("/v1/claims", 200, None),
        ("/v1/claims/{claim_id}", 200, None),
    ]
