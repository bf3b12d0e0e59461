"""Ingest a local paper's article with some origins stored, and read the credited origin.

The credit tests of passes 9, 10 and 12 and the pass-9 review ask the same question through
the API: with these outlets stored (each by one article on an unrelated claim), which outlet
does ingest credit for an article with this body, and how sure is it?
"""

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from fastapi.testclient import TestClient

from tests.factories import T0

LOCAL_PAPER = {"slug": "local-paper", "name": "Local Paper", "kind": "newspaper"}


def store(client: TestClient, outlets: Mapping[str, tuple[str, ...]]) -> None:
    """One article of each outlet: slug -> (name, domain) or (name, domain, kind)."""
    for n, (slug, (name, domain, *kind)) in enumerate(outlets.items()):
        payload = {
            "outlet": {
                "slug": slug,
                "name": name,
                "kind": kind[0] if kind else "online",
                "domain": domain,
            },
            "article": {
                "url": f"https://www.{domain}/story-{slug}",
                "title": f"Another story of {name}",
                "published_at": (T0 + timedelta(hours=n * 0.01)).isoformat(),
            },
            "claims": [{"text": f"An unrelated claim of {name}: a bridge reopened."}],
        }
        assert client.post("/v1/ingest", json=payload).status_code in (200, 201)


def credited_origin(
    client: TestClient,
    body: str,
    *,
    stored: Mapping[str, tuple[str, ...]],
    title: str,
    claim: str,
    author: str | None = None,
    outlet: dict[str, Any] | None = None,
) -> tuple[str, float] | None:
    """(slug, confidence) of the origin ingest credits for the local paper's article, if any."""
    store(client, stored)
    article: dict[str, Any] = {
        "url": "https://local-paper.example/news/story-1",
        "title": title,
        "published_at": (T0 + timedelta(hours=3)).isoformat(),
        "body": body,
    }
    if author is not None:
        article["author"] = author
    payload = {"outlet": outlet or LOCAL_PAPER, "article": article, "claims": [{"text": claim}]}
    response = client.post("/v1/ingest", json=payload)
    assert response.status_code in (200, 201), response.text
    found = response.json()["credited_origin"]
    return None if found is None else (found["outlet"]["slug"], found["confidence"])


BAR = 0.7  # a credit counts from this confidence (credited.decide)


def assert_credits(found: tuple[str, float] | None, slug: str) -> None:
    """The decision credits this outlet, at or above the bar."""
    assert found is not None
    assert found[0] == slug
    assert found[1] >= BAR


def assert_credits_nobody(found: tuple[str, float] | None) -> None:
    """Nothing is credited, or only below the bar (a proposal for review)."""
    assert found is None or found[1] < BAR


def assert_answer(found: tuple[str, float] | None, expected: str | None) -> None:
    """A review probe's answer: the expected outlet at or above the bar, or (None) nobody."""
    if expected is None:
        assert found is None or found[1] < BAR, found
    else:
        assert found is not None, found
        assert found[0] == expected, found
        assert found[1] >= BAR, found


# An outlet as the network, edition and service tests store it: (name, domain, language,
# country, kind), each but the name possibly None (kind: "online").
Fields = tuple[str, str | None, str | None, str | None, str | None]


def _outlet(slug: str, fields: Fields) -> dict[str, Any]:
    name, domain, language, country, kind = fields
    found = {"slug": slug, "name": name, "kind": kind or "online"}
    found |= {k: v for k, v in (("domain", domain), ("language", language)) if v}
    return found | ({"country": country} if country else {})


def store_outlets(client: TestClient, outlets: Mapping[str, Fields]) -> None:
    """One article of each outlet, with its language and country, on an unrelated claim."""
    for n, (slug, fields) in enumerate(outlets.items()):
        payload = {
            "outlet": _outlet(slug, fields),
            "article": {
                "url": f"https://{fields[1] or slug + '.example'}/story-{slug}-{n}",
                "title": f"Another story of {fields[0]}",
                "published_at": (T0 + timedelta(hours=n * 0.01)).isoformat(),
            },
            "claims": [{"text": f"An unrelated claim number {n}: a bridge reopened in town {n}."}],
        }
        response = client.post("/v1/ingest", json=payload)
        assert response.status_code in (200, 201), response.text


def credited_by_local(
    client: TestClient,
    body: str,
    *,
    language: str | None,
    country: str | None = None,
    author: str | None = None,
    own: tuple[str, Fields] | None = None,
) -> tuple[str, float] | None:
    """(slug, confidence) of the origin credited for an article of the local paper (or of
    `own`: slug and fields), its outlet of this language and country."""
    outlet = dict(LOCAL_PAPER) if own is None else _outlet(*own)
    outlet |= {k: v for k, v in (("language", language), ("country", country)) if v}
    article: dict[str, Any] = {
        "url": f"https://{outlet.get('domain') or outlet['slug'] + '.example'}/news/story-1",
        "title": "County to add six health inspectors",
        "published_at": (T0 + timedelta(hours=3)).isoformat(),
        "body": body,
    }
    if author is not None:
        article["author"] = author
    payload = {
        "outlet": outlet,
        "article": article,
        "claims": [{"text": "The county will add six health inspectors next year."}],
    }
    response = client.post("/v1/ingest", json=payload)
    assert response.status_code in (200, 201), response.text
    found = response.json()["credited_origin"]
    return None if found is None else (found["outlet"]["slug"], found["confidence"])


def answer_probe(
    client: TestClient,
    outlets: Mapping[str, Fields],
    stored: list[str],
    *,
    author: str | None,
    body: str,
    language: str | None,
    country: str | None,
    expected: str | None,
) -> None:
    """A review probe: these of the outlets stored, the local paper's article ingested, and
    its credited origin the expected one (assert_answer)."""
    store_outlets(client, {slug: outlets[slug] for slug in stored})
    found = credited_by_local(client, body, author=author, language=language, country=country)
    assert_answer(found, expected)
