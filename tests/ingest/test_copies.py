"""Copy detection on ingest: body similarity, wire credits, headlines, out-of-order arrival."""

import random
from datetime import timedelta
from typing import Any

from fastapi.testclient import TestClient

from app.ingest.credits.reading import credits
from app.ingest.fingerprints import simhash
from app.ingest.fingerprints import similarity
from app.tables import LinkRelation
from tests.assertions import assert_consistent
from tests.factories import T0

VOCABULARY = [f"word{i}" for i in range(3000)]
CLAIM = {"text": "The port of Rotterdam will close for two days because of a strike."}


def body(seed: int, words: int = 220) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(VOCABULARY) for _ in range(words)) + "."


def at(hours: float) -> str:
    return (T0 + timedelta(hours=hours)).isoformat()


def article(
    slug: str,
    n: int,
    hours: float,
    *,
    kind: str = "newspaper",
    name: str | None = None,
    claims: list[dict[str, Any]] | None = None,
    **fields: Any,
) -> dict[str, Any]:
    return {
        "outlet": {"slug": slug, "name": name or slug.title(), "kind": kind},
        "article": {
            "url": f"https://{slug}.example/{n}",
            "title": f"Headline {slug} {n}",
            "published_at": at(hours),
            **fields,
        },
        "claims": claims if claims is not None else [CLAIM],
    }


def wire(n: int = 1, hours: float = 0, **fields: Any) -> dict[str, Any]:
    return article("wire", n, hours, kind="wire_agency", name="Global Wire", **fields)


def test_a_near_verbatim_body_is_a_detected_syndicated_copy(client: TestClient) -> None:
    text = body(1)
    original = client.post("/v1/ingest", json=wire(body=text)).json()
    edited = "ROTTERDAM - " + text + " Additional reporting by our local desk."
    copy = client.post("/v1/ingest", json=article("daily", 1, 3, body=edited)).json()
    link = copy["origin"]
    assert (link["origin"]["id"], link["relation"], link["provenance"]) == (
        original["article_id"],
        "syndicates",
        "detected",
    )
    assert link["reason"].startswith("body ")
    assert "% similar to Global Wire article" in link["reason"]
    assert "bits differ" in link["reason"]
    counts = assert_consistent(client, copy["claims"][0]["claim_id"])
    assert (counts["outlets"], counts["independent_origins"]) == (2, 1)


def test_unrelated_bodies_and_the_same_outlet_are_not_copies(client: TestClient) -> None:
    client.post("/v1/ingest", json=wire(body=body(1)))
    other = client.post("/v1/ingest", json=article("daily", 1, 3, body=body(2))).json()
    assert other["origin"] is None
    same_outlet = client.post("/v1/ingest", json=wire(2, 4, body=body(1))).json()
    assert same_outlet["origin"] is None


def test_a_credit_in_the_text_cites_that_outlets_article_on_the_same_claim(
    client: TestClient,
) -> None:
    original = client.post("/v1/ingest", json=wire()).json()
    rewrite = article(
        "daily",
        1,
        5,
        body="Dock workers walked out on Monday. The port will shut for two days, "
        "according to Global Wire, which first reported the plan.",
    )
    link = client.post("/v1/ingest", json=rewrite).json()["origin"]
    assert (link["origin"]["id"], link["relation"], link["provenance"]) == (
        original["article_id"],
        "cites",
        "detected",
    )
    assert link["reason"].startswith('credits Global Wire: "')
    assert "according to Global Wire" in link["reason"]
    assert link["reason"].endswith("reports the same claim")


def test_a_dateline_credit_by_initials_syndicates(client: TestClient) -> None:
    original = client.post("/v1/ingest", json=wire()).json()
    copy = article("daily", 1, 2, body="ROTTERDAM (GW) - The port will close for two days.")
    link = client.post("/v1/ingest", json=copy).json()["origin"]
    assert (link["origin"]["id"], link["relation"]) == (original["article_id"], "syndicates")
    assert link["reason"].startswith('credits Global Wire: "(GW)"')


def test_a_credit_without_a_shared_claim_links_nothing(client: TestClient) -> None:
    client.post("/v1/ingest", json=wire(claims=[{"text": "Something else happened."}]))
    copy = article("daily", 1, 2, author="Global Wire")
    assert client.post("/v1/ingest", json=copy).json()["origin"] is None


def test_the_same_headline_alone_is_only_a_candidate(client: TestClient) -> None:
    original = client.post("/v1/ingest", json=wire()).json()
    copy = article("daily", 1, 10)
    copy["article"]["title"] = "HEADLINE wire 1"
    body_ = client.post("/v1/ingest", json=copy).json()
    assert body_["origin"] is None
    assert body_["copy_candidates"] == [
        {
            "article_id": original["article_id"],
            "outlet": "wire",
            "reason": "same headline as Global Wire article "
            f'{original["article_id"]} "Headline wire 1" of 2025-05-29 09:00 UTC; '
            "no other signal, so not linked",
        }
    ]
    later = article("paper", 1, 60)
    later["article"]["title"] = "Headline wire 1"
    assert client.post("/v1/ingest", json=later).json()["copy_candidates"] == []


def test_the_same_headline_turns_a_citation_into_syndication(client: TestClient) -> None:
    client.post("/v1/ingest", json=wire())
    copy = article("daily", 1, 2, body="The port closes, Global Wire reported on Monday.")
    copy["article"]["title"] = "Headline wire 1"
    link = client.post("/v1/ingest", json=copy).json()["origin"]
    assert link["relation"] == "syndicates"
    assert link["reason"].endswith("; same headline")


def test_an_original_arriving_after_its_copies_adopts_them(client: TestClient) -> None:
    text = body(7)
    verbatim = client.post("/v1/ingest", json=article("daily", 1, 4, body=text)).json()
    credited = client.post(
        "/v1/ingest",
        json=article("paper", 1, 5, body="The port shuts, according to Global Wire."),
    ).json()
    assert verbatim["origin"] is None
    assert credited["origin"] is None
    original = client.post("/v1/ingest", json=wire(body=text)).json()
    adopted = {link["article_id"]: link for link in original["copies"]}
    assert sorted(adopted) == sorted([verbatim["article_id"], credited["article_id"]])
    assert adopted[verbatim["article_id"]]["relation"] == "syndicates"
    assert adopted[credited["article_id"]]["relation"] == "cites"
    assert adopted[credited["article_id"]]["reason"].startswith('credits Global Wire: "')
    counts = assert_consistent(client, original["claims"][0]["claim_id"])
    assert (counts["outlets"], counts["independent_origins"]) == (3, 1)
    assert client.post("/v1/ingest", json=wire(body=text)).json()["changed"] is False


def test_a_stated_origin_replaces_a_detected_one(client: TestClient) -> None:
    text = body(3)
    client.post("/v1/ingest", json=wire(body=text))
    other = client.post("/v1/ingest", json=article("agency", 1, 1)).json()
    copy = article("daily", 1, 2, body=text)
    assert client.post("/v1/ingest", json=copy).json()["origin"]["provenance"] == "detected"
    copy["origin"] = {"url": "https://agency.example/1", "relation": "cites", "reason": "we know"}
    link = client.post("/v1/ingest", json=copy).json()["origin"]
    assert (link["origin"]["id"], link["provenance"], link["reason"]) == (
        other["article_id"],
        "stated",
        "we know",
    )


def test_simhash_similarity() -> None:
    text = body(11, 400)
    fingerprint = simhash(text)
    assert fingerprint is not None
    assert similarity(fingerprint, fingerprint) == 1.0
    edited = simhash("LONDON (Wire) - " + text + " Extra closing sentence for the print edition.")
    assert edited is not None
    assert similarity(fingerprint, edited) >= 0.85
    unrelated = simhash(body(12, 400))
    assert unrelated is not None
    assert similarity(fingerprint, unrelated) < 0.7
    assert simhash("Too short to tell.") is None


def test_credits_are_found_in_bylines_datelines_and_text() -> None:
    found = credits(
        author="By Jane Doe and Global Wire",
        body="LONDON (Reuters) - Text. More text, according to The Moscow Times. End.\n— AP\n",
    )
    assert [(c.name, c.quote, c.relation) for c in found] == [
        ("Reuters", "(Reuters)", LinkRelation.syndicates),
        ("AP", "— AP", LinkRelation.syndicates),
        ("Jane Doe", "byline: By Jane Doe and Global Wire", LinkRelation.syndicates),
        ("Global Wire", "byline: By Jane Doe and Global Wire", LinkRelation.syndicates),
        ("The Moscow Times", "More text, according to The Moscow Times.", LinkRelation.cites),
    ]
    assert found[-1].key == "moscow times"
