"""The hostile-input suite (issue 20): what an attacker tried, anonymous and with a key, on
either database. Every answer is below 500 and every error is in the one error shape; where
the right answer is known (a date outside the calendar, a control character), it is asserted.

The cases share one world and one app for the module (each is a single request), so several
hundred run in seconds; the tables are emptied when the module ends.
"""

import base64
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC
from datetime import datetime
from typing import Any

import orjson
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy import update

from app.core.columns import metadata
from app.core.config import Settings
from app.core.migrations import UNMODELLED_TABLES
from app.main import create_app
from app.tables import Article
from tests.factories import Factory

# --------------------------------------------------------------------------------------------
# The world and the two callers


@dataclass
class World:
    anonymous: TestClient
    keyed: TestClient
    claim_id: int
    article_id: int
    cursors: dict[str, tuple[str, dict[str, Any]]]  # listing -> (path, params of page 2)


def _cursor_params(client: TestClient, path: str, params: dict[str, Any]) -> dict[str, Any]:
    first = client.get(path, params={**params, "limit": 1})
    assert first.status_code == 200, first.text
    cursor = first.json()["next_cursor"]
    assert cursor is not None, path
    return {**params, "limit": 1, "cursor": cursor}


@pytest.fixture(scope="module")
def world(settings: Settings) -> Iterator[World]:
    app = create_app(settings)
    engine = app.state.engine
    factory = Factory(engine)
    reuters, wire = factory.outlet(slug="reuters"), factory.outlet(slug="wire")
    articles = [factory.article(reuters), factory.article(wire), factory.article(reuters)]
    claims = [factory.claim(text=f"Hostile world claim {n} about tariffs.") for n in range(3)]
    for claim in claims:
        for article in articles:
            factory.attribute(claim, article)
    secret = factory.api_key(scopes=["read", "write", "admin"], name="hostile")
    factory.api_key(scopes=["read"], name="second")
    with (
        TestClient(app) as anonymous,
        TestClient(app, headers={"Authorization": f"Bearer {secret}"}) as keyed,
    ):
        claim_id = claims[0].id
        listings = {
            "articles": ("/v1/articles", {}),
            "outlets": ("/v1/outlets", {}),
            "keys": ("/v1/keys", {}),
            "attributions": (f"/v1/claims/{claim_id}/attributions", {}),
            "outlet-claims": ("/v1/outlets/reuters/claims", {}),
            "claims-live": ("/v1/claims", {"collapse": "none"}),
            "claims-search": ("/v1/claims", {"q": "tariffs"}),
            **{
                f"claims{sort}": ("/v1/claims", {"sort": sort})
                for sort in ("-outlets", "first_reported_at", "-last_reported_at")
            },
        }
        cursors = {
            name: (path, _cursor_params(keyed, path, params))
            for name, (path, params) in listings.items()
        }
        yield World(anonymous, keyed, claim_id, articles[0].id, cursors)
    tables = [*UNMODELLED_TABLES, *(table.name for table in reversed(metadata.sorted_tables))]
    with engine.begin() as connection:
        for name in tables:
            connection.execute(text(f'DELETE FROM "{name}"'))
    engine.dispose()


@pytest.fixture(params=["anonymous", "keyed"])
def caller(request: pytest.FixtureRequest, world: World) -> TestClient:
    return world.anonymous if request.param == "anonymous" else world.keyed


def assert_answered(response: Any, *allowed: int) -> None:
    """Below 500, one of `allowed` if given, and an error in the one shape."""
    assert response.status_code < 500, response.text
    if allowed:
        assert response.status_code in allowed, response.text
    if response.status_code >= 400:
        assert response.headers["content-type"].startswith("application/json"), response.text
        body = response.json()
        assert set(body) == {"error"}, body
        assert set(body["error"]) == {"code", "message", "details"}, body
        assert isinstance(body["error"]["details"], list)


# --------------------------------------------------------------------------------------------
# Calendar bounds, with offsets

OUTSIDE = [
    "9999-12-31T23:59:59-14:00",
    "9999-12-31T23:59:59+14:00",
    "9999-12-31T23:59:59Z",
    "0001-01-01T00:00:00+14:00",
    "0001-01-01T00:00:00-14:00",
    "0001-01-01T00:00:00Z",
    "1799-12-31T23:59:59.999999Z",
    "1800-01-01T00:00:00+00:01",
    "3000-01-01T00:00:00Z",
    "2999-12-31T23:59:59-00:01",
]
ODD = [
    "9999-12-31",
    "0001-01-01",
    "2025-02-29T00:00:00Z",
    "2024-02-29T24:00:00Z",
    "2025-05-29T10:00:00+24:00",
    "+10000-01-01T00:00:00Z",
    "2025-05-29T10:00:00.99999999999Z",
    "2025-05-29T10:00:00",
    "2025-W22-4",
    "1e400",
]
INSIDE = ["1800-01-01T00:00:00Z", "2025-05-29T10:00:00+05:30", "2999-12-31T23:59:59Z", "2025-05-29"]
QUERY_TARGETS = [
    ("/v1/claims", "as_of"),
    ("/v1/claims/{claim}", "as_of"),
    ("/v1/claims/{claim}/timeline", "as_of"),
    ("/v1/claims/{claim}/corroboration", "as_of"),
    ("/v1/outlets/reuters/claims", "as_of"),
    ("/v1/claims", "since"),
    ("/v1/claims", "until"),
    ("/v1/articles", "since"),
    ("/v1/articles", "until"),
    ("/v1/outlets/reuters/claims", "until"),
]


@pytest.mark.parametrize("value", OUTSIDE + ODD + INSIDE)
@pytest.mark.parametrize(("path", "name"), QUERY_TARGETS)
def test_instants_in_queries(world: World, path: str, name: str, value: str) -> None:
    if name != "as_of" and len(value) == 10 and value in INSIDE:
        expected: tuple[int, ...] = (422,)  # since/until take instants, not days
    else:
        expected = (422,) if value in OUTSIDE else (200,) if value in INSIDE else (200, 422)
    url = path.format(claim=world.claim_id)
    assert_answered(world.anonymous.get(url, params={name: value}), *expected)


PUBLISHED_OUTSIDE = [*OUTSIDE, "2999-01-01T00:00:00Z", "2100-01-01T00:00:00Z"]


def _ingest(url: str, published_at: str) -> dict[str, Any]:
    return {
        "outlet": {"slug": "ingested", "name": "Ingested"},
        "article": {"url": url, "title": "T", "published_at": published_at},
        "claims": [{"text": "An ingested claim about the calendar."}],
    }


@pytest.mark.parametrize("value", PUBLISHED_OUTSIDE + ODD)
@pytest.mark.parametrize("route", ["articles", "ingest", "patch", "claim_date"])
def test_instants_in_bodies(world: World, route: str, value: str) -> None:
    url = f"https://calendar.example/{route}/{abs(hash(value))}"
    requests = {
        "articles": ("POST", "/v1/articles", {"outlet": "reuters", "url": url, "title": "T"}),
        "ingest": ("POST", "/v1/ingest", None),
        "patch": ("PATCH", f"/v1/articles/{world.article_id}", {}),
        "claim_date": ("POST", "/v1/claims", {"text": f"Dated {value}."}),
    }
    method, path, body = requests[route]
    if route == "ingest":
        body = _ingest(url, value)
    elif route == "claim_date":
        body = {**body, "claim_date": value}
    else:
        body = {**body, "published_at": value}
    assert_answered(world.anonymous.request(method, path, json=body), 401)
    expected = (422,) if value in PUBLISHED_OUTSIDE and route != "claim_date" else (422, 200, 201)
    if route == "claim_date" and value in ("9999-12-31", "0001-01-01"):
        expected = (422,)
    assert_answered(world.keyed.request(method, path, json=body), *expected)


def test_an_article_stored_at_the_end_of_the_calendar_keeps_its_timeline(
    world: World, settings: Settings
) -> None:
    """Data stored before publication times were bounded still answers."""
    engine = world.keyed.app.state.engine  # type: ignore[attr-defined]
    late = datetime(9999, 12, 31, 23, 0, tzinfo=UTC)
    with engine.begin() as connection:
        before = connection.execute(
            update(Article).where(Article.id == world.article_id).values(published_at=late)
        )
        assert before.rowcount == 1
    try:
        for bucket in ("hour", "day", "week"):
            response = world.anonymous.get(
                f"/v1/claims/{world.claim_id}/timeline", params={"bucket": bucket}
            )
            assert_answered(response, 200)
            assert response.json()["points"][-1]["end"].startswith("9999-12-31T23:59:59")
        assert_answered(world.anonymous.get("/v1/articles", params={"limit": 1}), 200)
    finally:
        with engine.begin() as connection:
            connection.execute(
                update(Article)
                .where(Article.id == world.article_id)
                .values(published_at=datetime(2025, 5, 29, 10, tzinfo=UTC))
            )


def _claimreview(n: int, claim_date: str, appearance_date: str, review_date: str) -> Any:
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"https://checker.example/reviews/{n}",
        "claimReviewed": f"The calendar claim number {n} ends somewhere",
        "datePublished": review_date,
        "itemReviewed": {
            "@type": "Claim",
            "datePublished": claim_date,
            "appearance": {
                "@type": "NewsArticle",
                "url": f"https://calendar-news.example/{n}",
                "headline": "The calendar ends",
                "datePublished": appearance_date,
            },
        },
        "author": {"@type": "Organization", "name": "Checker"},
        "reviewRating": {"@type": "Rating", "alternateName": "False"},
    }


@pytest.mark.parametrize("value", [*OUTSIDE[:6], "9999-12-31", "0001-01-01"])
@pytest.mark.parametrize("field", ["claim", "appearance", "review"])
def test_instants_in_claimreview_imports(world: World, field: str, value: str) -> None:
    dates = {"claim": "2025-05-01", "appearance": "2025-05-02", "review": "2025-05-03"}
    dates[field] = value
    n = abs(hash((field, value)))
    document = _claimreview(n, dates["claim"], dates["appearance"], dates["review"])
    response = world.keyed.post("/v1/import/claimreview", json=document)
    # The node is refused whole (all-or-nothing), with the reason: nothing outside the calendar
    # is stored, and as nothing else was imported the request answers 422.
    assert_answered(response, 422)
    (item,) = response.json()["error"]["details"]
    assert item["reason"] == "rejected", item


# --------------------------------------------------------------------------------------------
# Forged cursors


def _forge(cursor: str, position: Any) -> str:
    payload = orjson.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    payload["p"] = position
    return base64.urlsafe_b64encode(orjson.dumps(payload)).rstrip(b"=").decode()


FORGERIES: dict[str, Any] = {
    "end-of-calendar": ["9999-12-31T23:59:59-14:00", 1],
    "start-of-calendar": ["0001-01-01T00:00:00+14:00", 1],
    "naive-instant": ["2025-05-29T10:00:00", 1],
    "huge-id": [1, 2**62],
    "float-id": [1, 1.5],
    "nan-like": ["NaN", "Infinity"],
    "nested": [[[[]]], {"a": 1}],
    "nulls": [None, None],
    "too-long": [1, 2, 3],
    "not-a-list": "p",
    "huge-float": [1e308, 1],
    "bool": [True, False],
}


@pytest.mark.parametrize("forgery", sorted(FORGERIES))
@pytest.mark.parametrize(
    "listing",
    [
        "articles",
        "outlets",
        "keys",
        "attributions",
        "outlet-claims",
        "claims-live",
        "claims-search",
        "claims-outlets",
        "claimsfirst_reported_at",
        "claims-last_reported_at",
    ],
)
def test_forged_cursors(world: World, listing: str, forgery: str) -> None:
    path, params = world.cursors[listing]
    forged = {**params, "cursor": _forge(params["cursor"], FORGERIES[forgery])}
    answered = world.keyed.get(path, params=forged)
    assert_answered(answered, 200, 422)
    if answered.status_code == 422:
        assert answered.json()["error"]["code"] in ("invalid_cursor", "validation_error")


# --------------------------------------------------------------------------------------------
# Full-text search syntax

SEARCHES = [
    '"unterminated',
    '""',
    "*",
    "**",
    "a*b*",
    "NEAR(a b, 2)",
    "a NEAR/2 b",
    "-a",
    "a -b",
    "AND",
    "OR OR OR",
    "NOT",
    "a & b | !c",
    "a <-> b",
    ":*",
    "tariffs:*",
    "^tariffs",
    "(a OR b",
    "{a} [b]",
    "col:value",
    "'",
    "\\",
    "%_",
    "\u202etariffs",
    "t\u200bariffs",
    "日本語 検索",
    "x" * 500,
    "a " * 249,
]


@pytest.mark.parametrize("q", SEARCHES)
@pytest.mark.parametrize("path", ["/v1/claims", "/v1/outlets/reuters/claims"])
def test_search_syntax_is_text(caller: TestClient, path: str, q: str) -> None:
    assert_answered(caller.get(path, params={"q": q}), 200, 422)


@pytest.mark.parametrize("q", SEARCHES[::3])
def test_match_syntax_is_text(caller: TestClient, q: str) -> None:
    assert_answered(caller.get("/v1/claims/match", params={"text": q}), 200, 422)


# --------------------------------------------------------------------------------------------
# NUL and control characters, in every encoding and every body

CONTROLS = ["\u0000", "\u0001", "\u0008", "\u000b", "\u000c", "\u001b", "\u001f"]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-be"]


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("control", CONTROLS)
def test_control_characters_in_json_bodies(world: World, encoding: str, control: str) -> None:
    body = json.dumps({"text": f"a{control}b claim"}).encode(encoding)
    headers = {"content-type": "application/json"}
    response = world.keyed.post("/v1/claims", content=body, headers=headers)
    assert_answered(response, 422)
    assert response.json()["error"]["code"] == "validation_error"
    assert_answered(world.anonymous.post("/v1/claims", content=body, headers=headers), 401)


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_clean_text_in_every_encoding_is_stored(world: World, encoding: str) -> None:
    body = json.dumps({"text": f"Encoded {encoding} claim\ttab"}).encode(encoding)
    response = world.keyed.post(
        "/v1/claims", content=body, headers={"content-type": "application/json"}
    )
    assert_answered(response, 201)
    assert response.json()["text"] == f"Encoded {encoding} claim tab"


@pytest.mark.parametrize("control", CONTROLS)
@pytest.mark.parametrize("field", ["claim", "title", "outlet", "quote"])
def test_control_characters_in_ndjson_lines(world: World, control: str, field: str) -> None:
    n = abs(hash((control, field)))
    payload = _ingest(f"https://ndjson.example/{n}", "2025-05-29T10:00:00Z")
    target = {
        "claim": payload["claims"][0],
        "title": payload["article"],
        "outlet": payload["outlet"],
        "quote": payload["claims"][0],
    }[field]
    target[{"claim": "text", "title": "title", "outlet": "name", "quote": "quote"}[field]] = (
        f"x{control}y"
    )
    good = _ingest(f"https://ndjson.example/good-{n}", "2025-05-29T10:00:00Z")
    good["claims"][0]["text"] = f"A clean NDJSON claim {n}."
    body = orjson.dumps(payload) + b"\n" + orjson.dumps(good) + b"\n"
    headers = {"content-type": "application/x-ndjson"}
    response = world.keyed.post("/v1/ingest/batch", content=body, headers=headers)
    assert_answered(response, 200)
    lines = response.json()["lines"]
    assert [line["status"] for line in lines] == [422, 201]
    assert lines[0]["error"]["code"] == "validation_error"
    assert_answered(world.anonymous.post("/v1/ingest/batch", content=body, headers=headers), 401)


@pytest.mark.parametrize("escape", ["%00", "%01", "%1F", "%1b", "%0B"])
@pytest.mark.parametrize("where", ["claimant", "q", "outlet-path", "cursor"])
def test_control_characters_in_urls(caller: TestClient, escape: str, where: str) -> None:
    url = {
        "claimant": f"/v1/claims?claimant=a{escape}b",
        "q": f"/v1/claims?q=a{escape}b",
        "outlet-path": f"/v1/outlets/a{escape}b",
        "cursor": f"/v1/articles?cursor=a{escape}b",
    }[where]
    response = caller.get(url)
    assert_answered(response, 422)
    assert response.json()["error"]["code"] == "validation_error"


# --------------------------------------------------------------------------------------------
# Huge, nested and malformed bodies


def _deep(depth: int, opener: bytes, closer: bytes) -> bytes:
    return b'{"text": ' + opener * depth + closer * depth + b"}"


BODIES: dict[str, bytes] = {
    "deep-arrays-100": _deep(100, b"[", b"]"),
    "deep-arrays-100k": _deep(100_000, b"[", b"]"),
    "deep-objects-10k": b'{"text": ' + b'{"a":' * 10_000 + b"1" + b"}" * 10_000 + b"}",
    "truncated": b'{"text": "abc',
    "not-json": b"text=abc",
    "empty": b"",
    "null": b"null",
    "bare-string": b'"text"',
    "invalid-utf8": b'{"text": "\xff\xfe"}',
    "lone-surrogate": b'{"text": "\\ud800 claim"}',
    "huge-number": b'{"text": "a", "claim_date": ' + b"9" * 5000 + b"}",
    "huge-exponent": b'{"text": "a", "claimant": 1e999999}',
    "duplicate-keys": b'{"text": "one", "text": "two claim"}',
    "many-keys": b"{" + b",".join(b'"k%d": 1' % n for n in range(20_000)) + b"}",
    "long-text": json.dumps({"text": "w" * 2001}).encode(),
    "nan": b'{"text": NaN}',
    "bom-then-garbage": b"\xef\xbb\xbf\xff",
    "raw-nul": b'{"text": "a\x00b"}',
}


@pytest.mark.parametrize("name", sorted(BODIES))
@pytest.mark.parametrize("path", ["/v1/claims", "/v1/ingest", "/v1/import/claimreview"])
def test_malformed_bodies(world: World, path: str, name: str) -> None:
    headers = {"content-type": "application/json"}
    keyed = world.keyed.post(path, content=BODIES[name], headers=headers)
    # The ClaimReview import takes any JSON-LD and reports each node it skips (200; 422 when
    # nothing could be imported).
    lenient = path == "/v1/import/claimreview" or name == "duplicate-keys"
    assert_answered(keyed, 400, 413, 422, *((201, 200) if lenient else ()))
    assert_answered(world.anonymous.post(path, content=BODIES[name], headers=headers), 401)


@pytest.mark.parametrize("declared", ["application/x-ndjson", "application/json", "text/plain"])
def test_a_large_body_without_a_key_is_never_read(world: World, declared: str) -> None:
    chunks_read = 0

    def body() -> Iterator[bytes]:
        nonlocal chunks_read
        for _ in range(64):  # 4 MiB, over the ordinary limit
            chunks_read += 1
            yield b"x" * 65536

    headers = {"content-type": declared}
    for path in ("/v1/ingest/batch", "/v1/claims"):
        chunks_read = 0
        response = world.anonymous.post(path, content=body(), headers=headers)
        assert_answered(response, 401)
        assert chunks_read <= 1


def test_too_many_claims_in_one_ingest(world: World) -> None:
    payload = _ingest("https://many.example/1", "2025-05-29T10:00:00Z")
    payload["claims"] = [{"text": f"Claim {n}."} for n in range(201)]
    assert_answered(world.keyed.post("/v1/ingest", json=payload), 422)


# --------------------------------------------------------------------------------------------
# Headers, methods and the low-severity list


HEADS = [
    "/healthz",
    "/readyz",
    "/v1/claims",
    "/v1/claims?format=csv",
    "/v1/claims/{claim}",
    "/v1/claims/{claim}/timeline",
    "/v1/outlets",
    "/v1/outlets/reuters",
    "/v1/articles",
    "/v1/claims/999999",
]


@pytest.mark.parametrize("path", HEADS)
def test_head_answers_like_get_without_a_body(world: World, caller: TestClient, path: str) -> None:
    url = path.format(claim=world.claim_id)
    got, head = caller.get(url), caller.head(url)
    assert head.status_code == got.status_code
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]


def test_head_on_a_post_only_route_is_405(caller: TestClient) -> None:
    response = caller.head("/v1/ingest")
    assert (response.status_code, response.headers["allow"]) == (405, "POST")


AUTH_HEADERS: dict[str, list[tuple[str, str]]] = {
    "two-authorization": [("Authorization", "Bearer a"), ("Authorization", "Bearer b")],
    "two-x-api-key": [("X-API-Key", "a"), ("X-API-Key", "b")],
    "basic": [("Authorization", "Basic dXNlcjpwYXNz")],
    "empty-bearer": [("Authorization", "Bearer ")],
    "huge-key": [("X-API-Key", "k" * 8000)],
    "disagreeing": [("Authorization", "Bearer a"), ("X-API-Key", "b")],
    "unknown": [("Authorization", "Bearer cor_unknown")],
}


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("name", sorted(AUTH_HEADERS))
def test_odd_authorization_headers_are_401(world: World, name: str, method: str) -> None:
    client = TestClient(world.anonymous.app)
    response = client.request(method, "/v1/claims", headers=AUTH_HEADERS[name], content=b"{")
    assert_answered(response, 401)


@pytest.mark.parametrize(
    "name",
    [
        "\u200b",
        "\u200b\u200c\u200d",
        "\u202e\u202c",
        "\u2066\u2069",
        "\ufeff",
        "\u00ad",
        " \u200f ",
    ],
)
@pytest.mark.parametrize("field", ["outlet", "claim", "claimant"])
def test_invisible_names_are_blank(world: World, name: str, field: str) -> None:
    path, body = {
        "outlet": ("/v1/outlets", {"slug": "invisible", "name": name}),
        "claim": ("/v1/claims", {"text": name}),
        "claimant": ("/v1/claims", {"text": "A visible claim.", "claimant": name}),
    }[field]
    assert_answered(world.keyed.post(path, json=body), 422)


def test_a_zero_width_space_does_not_make_a_second_claim(world: World) -> None:
    first = world.keyed.post("/v1/claims", json={"text": "Zero width spaces hide nothing."})
    assert_answered(first, 201)
    again = world.keyed.post(
        "/v1/claims", json={"text": "Zero wi\u200bdth spa\u2060ces hide nothing."}
    )
    assert_answered(again, 409)
    assert again.json()["error"]["details"][0]["existing_id"] == first.json()["id"]


@pytest.mark.parametrize(
    "url",
    [
        "https://ports.example:0/a",
        "https://ports.example:00/a",
        "https://ports.example:0000/a",
        "https://ports.example:65536/a",
        "https://ports.example:-1/a",
        "https://ports.example:/a",
    ],
)
def test_impossible_ports_are_refused(world: World, url: str) -> None:
    body = {"outlet": "reuters", "url": url, "title": "T", "published_at": "2025-05-29T10:00:00Z"}
    response = world.keyed.post("/v1/articles", json=body)
    if url.endswith(":/a"):  # an empty port is the default port
        assert_answered(response, 201, 409)
    else:
        assert_answered(response, 422)
