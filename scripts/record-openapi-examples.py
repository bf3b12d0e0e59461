"""Record one request and answer per operation against the demo data, as OpenAPI examples.

Writes app/core/openapi_examples.json ({operationId: {"request": body, "response": body}}),
which app/core/contract.py puts into the schema; then run `corroborate openapi`. Run it again
when an operation is added or an answer changes shape (tests/test_contract.py says which
operation has no example, and checks every example against its schema).

    .venv/bin/python scripts/record-openapi-examples.py

Everything runs in-process on a scratch SQLite database with the demo loaded; lists in answers
are cut to two items, and the API key shown is a placeholder.
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "app" / "core" / "openapi_examples.json"
KEY_PLACEHOLDER = "crb_0123456789abcdef0123456789abcdef"
MAX_ITEMS = 2

NATO = "NATO's eastward enlargement"
NEW_CLAIM = {
    "text": "The ceasefire talks will resume in Istanbul next week.",
    "claimant": "Turkish foreign ministry",
    "claim_date": "2025-06-02",
}
NEW_OUTLET = {
    "slug": "example-times",
    "name": "The Example Times",
    "domain": "example-times.com",
    "country": "GB",
    "language": "en",
    "kind": "newspaper",
}
NEW_ARTICLE = {
    "outlet": "example-times",
    "url": "https://example-times.com/world/ceasefire-talks",
    "title": "Ceasefire talks to resume in Istanbul",
    "published_at": "2025-06-02T08:30:00Z",
    "author": "A. Reporter",
    "language": "en",
}
INGEST = {
    "outlet": {"slug": "example-times", "name": "The Example Times"},
    "article": {
        "url": "https://example-times.com/world/ceasefire-talks-2",
        "title": "Istanbul to host ceasefire talks",
        "published_at": "2025-06-02T10:00:00Z",
    },
    "claims": [{"text": NEW_CLAIM["text"], "claimant": NEW_CLAIM["claimant"]}],
}
BATCH = [
    INGEST,
    {
        "outlet": {"slug": "example-times", "name": "The Example Times"},
        "article": {
            "url": "https://example-times.com/world/talks-venue",
            "title": "Talks venue confirmed",
            "published_at": "2025-06-02T12:00:00Z",
        },
        "claims": [{"text": NEW_CLAIM["text"], "claimant": NEW_CLAIM["claimant"]}],
    },
]
REVIEW = {
    "publisher": {"name": "Factcheck Example", "site": "factcheck.example"},
    "url": "https://factcheck.example/reviews/istanbul-talks",
    "title": "Will talks resume in Istanbul?",
    "review_date": "2025-06-03",
    "textual_rating": "Mostly true",
    "rating_value": 4,
    "best_rating": 5,
    "worst_rating": 1,
    "language": "en",
}
CLAIMREVIEW_IMPORT = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "url": "https://factcheck.example/reviews/frozen-assets",
    "datePublished": "2025-06-04",
    "author": {"@type": "Organization", "name": "Factcheck Example", "url": "https://factcheck.example"},
    "claimReviewed": "Russia's frozen assets will be returned as part of a peace deal.",
    "reviewRating": {"@type": "Rating", "ratingValue": 2, "bestRating": 5, "worstRating": 1,
                     "alternateName": "Misleading"},
    "itemReviewed": {
        "@type": "Claim",
        "author": {"@type": "Person", "name": "Vladimir Putin"},
        "appearance": [{
            "@type": "CreativeWork",
            "url": "https://example-times.com/world/frozen-assets",
            "headline": "Putin links frozen assets to peace",
            "datePublished": "2025-06-01T12:00:00Z",
            "publisher": {"@type": "Organization", "name": "The Example Times"},
        }],
    },
}  # fmt: skip


def _cut(value: Any) -> Any:
    if isinstance(value, list):
        return [_cut(item) for item in value[:MAX_ITEMS]]
    if isinstance(value, dict):
        return {key: _cut(item) for key, item in value.items()}
    return value


def _setup(directory: str) -> str:
    """Migrate a scratch database, load the demo; an admin+write key."""
    os.environ["CLAIMS_DATABASE_URL"] = f"sqlite:///{directory}/examples.db"
    os.environ["CLAIMS_RATE_LIMIT_ENABLED"] = "false"
    os.environ["CLAIMS_LOG_LEVEL"] = "warning"
    # Subscriptions target a receiver on this machine (never contacted: no job consumer),
    # so private addresses are let through for the recording.
    os.environ["CLAIMS_WEBHOOK_ALLOW_PRIVATE"] = "true"
    os.environ["CLAIMS_FEEDS_ALLOW_PRIVATE"] = "true"  # the example feed is on loopback
    os.environ["CLAIMS_JOBS_CONSUMER"] = "false"
    os.environ["CLAIMS_IMPORTS_DIRECTORY"] = f"{directory}/imports"
    cli = [sys.executable, "-c", "from app.cli import main; main()"]
    subprocess.run([*cli, "migrate"], check=True, capture_output=True, cwd=ROOT)
    subprocess.run([*cli, "demo", "load"], check=True, capture_output=True, cwd=ROOT)
    made = subprocess.run(
        [*cli, "keys", "create", "--scope", "write", "--scope", "admin", "--name", "examples"],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    return made.stdout.strip()


def record() -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as directory:
        key = _setup(directory)
        from fastapi.testclient import TestClient

        from app.main import create_app

        with TestClient(create_app(), headers={"Authorization": f"Bearer {key}"}) as client:
            return _scenario(client)


def _scenario(client: Any) -> dict[str, Any]:
    examples: dict[str, Any] = {}

    def call(operation: str, method: str, path: str, *, body: Any = None, **params: Any) -> Any:
        answer = client.request(method, path, json=body, params=params or None)
        assert answer.status_code < 300, (operation, answer.status_code, answer.text)
        example: dict[str, Any] = {}
        if body is not None:
            example["request"] = body
        if answer.content and answer.headers["content-type"].startswith(
            ("application/json", "application/ld+json")
        ):
            example["response"] = _cut(answer.json())
        examples[operation] = example
        return answer.json() if "json" in answer.headers.get("content-type", "") else None

    call("health-live", "GET", "/healthz")
    call("health-ready", "GET", "/readyz")
    claims = call("claims-list", "GET", "/v1/claims", limit=2)
    nato = next(item for item in claims["items"] if NATO in item["text"])
    claim_id = nato["id"]
    call("claims-get", "GET", f"/v1/claims/{claim_id}")
    call("claims-corroboration", "GET", f"/v1/claims/{claim_id}/corroboration")
    call("claims-timeline", "GET", f"/v1/claims/{claim_id}/timeline", bucket="hour")
    attributions = call("claims-attributions", "GET", f"/v1/claims/{claim_id}/attributions")
    call("claims-match", "GET", "/v1/claims/match", text="Putin wants NATO to stop expanding")
    call("claims-claimreview", "GET", f"/v1/claims/{claim_id}/claimreview")
    call("outlets-list", "GET", "/v1/outlets", limit=2)
    call("outlets-get", "GET", "/v1/outlets/reuters")
    call("outlets-claims", "GET", "/v1/outlets/reuters/claims", limit=2)
    call("articles-list", "GET", "/v1/articles", limit=2)
    article_id = attributions["items"][0]["article"]["id"]
    call("articles-get", "GET", f"/v1/articles/{article_id}")

    call("outlets-create", "POST", "/v1/outlets", body=NEW_OUTLET)
    call("outlets-update", "PATCH", "/v1/outlets/example-times", body={"owner_group": "Example"})
    article = call("articles-create", "POST", "/v1/articles", body=NEW_ARTICLE)
    call("articles-update", "PATCH", f"/v1/articles/{article['id']}", body={"author": "B. Writer"})
    link = {"origin_article_id": article_id, "relation": "cites", "reason": "quotes Reuters"}
    call("articles-link", "POST", f"/v1/articles/{article['id']}/links", body=link)
    call("articles-unlink", "DELETE", f"/v1/articles/{article['id']}/links/{article_id}")
    claim = call("claims-create", "POST", "/v1/claims", body=NEW_CLAIM)
    call("claims-update", "PATCH", f"/v1/claims/{claim['id']}", body={"claim_date": "2025-06-01"})
    attribution = call(
        "claims-attribute",
        "POST",
        f"/v1/claims/{claim['id']}/attributions",
        body={"article_id": article["id"], "stance": "reports", "sourcing": "official"},
    )
    call(
        "claims-update-attribution",
        "PATCH",
        f"/v1/claims/{claim['id']}/attributions/{attribution['id']}",
        body={"quote": "Talks will resume in Istanbul next week."},
    )
    review = call("reviews-create", "POST", f"/v1/claims/{claim['id']}/reviews", body=REVIEW)
    call("reviews-list", "GET", f"/v1/claims/{claim['id']}/reviews")
    call("reviews-get", "GET", f"/v1/reviews/{review['id']}")
    call("reviews-import", "POST", "/v1/import/claimreview", body=CLAIMREVIEW_IMPORT)
    call("ingest-one", "POST", "/v1/ingest", body=INGEST)
    batch = "".join(json.dumps(line) + "\n" for line in BATCH)
    answer = client.post(
        "/v1/ingest/batch", content=batch, headers={"Content-Type": "application/x-ndjson"}
    )
    assert answer.status_code == 200, answer.text
    examples["ingest-batch"] = {"request": batch, "response": _cut(answer.json())}
    metrics = client.get("/metrics")
    assert metrics.status_code == 200, metrics.text
    lines = [line for line in metrics.text.splitlines() if "claims_" in line][:6]
    examples["health-metrics"] = {"response": "\n".join(lines) + "\n"}
    kept = examples["claims-create"]
    second = call("claims-create", "POST", "/v1/claims", body={"text": "Talks resume in Istanbul."})
    examples["claims-create"] = kept
    call("claims-merge", "POST", f"/v1/claims/{second['id']}/merge", body={"into": claim["id"]})
    call(
        "claims-unattribute",
        "DELETE",
        f"/v1/claims/{claim['id']}/attributions/{attribution['id']}",
    )
    call("reviews-delete", "DELETE", f"/v1/reviews/{review['id']}")
    call("reviews-search", "GET", "/v1/reviews/search", text="NATO enlargement", limit=2)
    call("reviews-feed", "GET", "/v1/claimreview", limit=2)
    _imports(client, examples)
    _review_queue(client, call)
    _subscriptions(client, call)
    _feeds(call)
    created = call("keys-create", "POST", "/v1/keys", body={"name": "scraper", "scopes": ["write"]})
    examples["keys-create"]["response"]["key"] = KEY_PLACEHOLDER
    call("keys-list", "GET", "/v1/keys", limit=2)
    call("keys-get", "GET", f"/v1/keys/{created['id']}")
    call("keys-revoke", "DELETE", f"/v1/keys/{created['id']}")
    call("claims-delete", "DELETE", f"/v1/claims/{claim['id']}", cascade="true")
    call("articles-delete", "DELETE", f"/v1/articles/{article['id']}", cascade="true")
    call("outlets-delete", "DELETE", "/v1/outlets/example-times", cascade="true")
    return examples


SAME_HEADLINE = "Port strike ends after three days"


def _imports(client: Any, examples: dict[str, Any]) -> None:
    upload = "".join(json.dumps(line) + "\n" for line in BATCH[:1])
    answer = client.post(
        "/v1/imports", content=upload, headers={"Content-Type": "application/x-ndjson"}
    )
    assert answer.status_code == 202, answer.text
    job = answer.json()
    examples["imports-create"] = {"request": upload, "response": _cut(job)}
    for operation, path in (
        ("imports-get", f"/v1/imports/{job['id']}"),
        ("imports-errors", f"/v1/imports/{job['id']}/errors"),
    ):
        found = client.get(path)
        assert found.status_code == 200, found.text
        examples[operation] = {"response": _cut(found.json())}


def _review_queue(client: Any, call: Any) -> None:
    """Three outlets run one headline with nothing else in common: the third article's two
    copy candidates wait in the review queue; one is accepted, the other rejected."""
    for hour, slug in ((8, "harbour-news"), (9, "quay-daily"), (10, "dock-times")):
        line = {
            "outlet": {"slug": slug, "name": slug.replace("-", " ").title()},
            "article": {
                "url": f"https://{slug}.example/port-strike",
                "title": SAME_HEADLINE,
                "published_at": f"2025-06-02T{hour:02d}:00:00Z",
            },
            "claims": [{"text": "Dock workers ended their strike after three days."}],
        }
        answer = client.post("/v1/ingest", json=line)
        assert answer.status_code < 300, answer.text
    items = call("review-list", "GET", "/v1/review", kind="copy", limit=2)["items"]
    call("review-get", "GET", f"/v1/review/{items[0]['id']}")
    call("review-accept", "POST", f"/v1/review/{items[0]['id']}/accept")
    call("review-reject", "POST", f"/v1/review/{items[1]['id']}/reject")


def _feeds(call: Any) -> None:
    body = {"url": "http://127.0.0.1:8081/world/rss.xml", "min_delay_seconds": 10}
    created = call("feeds-create", "POST", "/v1/outlets/reuters/feeds", body=body)
    call("feeds-list", "GET", "/v1/outlets/reuters/feeds", limit=2)
    call("feeds-get", "GET", f"/v1/outlets/reuters/feeds/{created['id']}")
    call("feeds-enable", "POST", f"/v1/outlets/reuters/feeds/{created['id']}/enable")
    call("feeds-delete", "DELETE", f"/v1/outlets/reuters/feeds/{created['id']}")


def _subscriptions(client: Any, call: Any) -> None:
    body = {
        "url": "http://127.0.0.1:8080/hooks/corroborate",
        "description": "our newsroom's claim tracker",
        "event_types": ["claim.corroboration_changed", "claim.disputed"],
        "claims_query": "min_origins=2&q=NATO",
    }
    created = call("events-subscribe", "POST", "/v1/subscriptions", body=body)
    created_id = created["id"]
    call("events-subscriptions", "GET", "/v1/subscriptions", limit=2)
    call("events-subscription", "GET", f"/v1/subscriptions/{created_id}")
    call("events-update", "PATCH", f"/v1/subscriptions/{created_id}", body={"active": False})
    call("events-update", "PATCH", f"/v1/subscriptions/{created_id}", body={"active": True})
    call("events-list", "GET", "/v1/events", limit=2)
    from app.core.config import get_settings
    from app.events import delivery

    # A report that changes the NATO claim's counts, then the dispatcher: a delivery is due.
    listed = client.get("/v1/claims", params={"limit": 200}).json()["items"]
    nato = next(item for item in listed if NATO in item["text"])
    line = {
        "outlet": {"slug": "kyiv-independent", "name": "The Kyiv Independent"},
        "article": {
            "url": "https://kyiv-independent.example/putin-nato-demands",
            "title": "Putin repeats demand for a written halt to NATO enlargement",
            "published_at": "2025-05-30T08:00:00Z",
        },
        "claims": [{"text": nato["text"], "claimant": nato["claimant"]}],
    }
    answer = client.post("/v1/ingest", json=line)
    assert answer.status_code < 300, answer.text
    delivery.dispatch_once(client.app.state.engine, get_settings())
    found = call("events-deliveries", "GET", f"/v1/subscriptions/{created_id}/deliveries")
    path = f"/v1/subscriptions/{created_id}/deliveries/{found['items'][0]['id']}/redeliver"
    call("events-redeliver", "POST", path)
    call("events-unsubscribe", "DELETE", f"/v1/subscriptions/{created_id}")


def main() -> None:
    examples = record()
    OUTPUT.write_text(
        json.dumps(dict(sorted(examples.items())), indent=2, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    print(f"wrote {len(examples)} examples to {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
