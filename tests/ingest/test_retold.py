"""Sentence vectors (app/ingest/retold.py): a local story that retells a wire's sentences in
other words, and credits the wire, is its copy; the same retelling with no credit is only a
candidate for review; a rewrite that tells other things stays a rewrite. The texts are made up
for these tests (the wire is the one of test_sentences.py)."""

from datetime import timedelta
from typing import Any

import numpy as np
from fastapi.testclient import TestClient

from app.core.config import Settings
from app.ingest import retold
from app.ingest import sentences
from app.matching.embedding import load_embedder
from tests.factories import T0
from tests.ingest.test_sentences import WIRE

# Three of the wire's sentences told again in the paper's own words (new word order, merged
# clauses, "some 6,500"), between two sentences of its own: no sentence keeps half its shingles.
RETOLD = [
    "Volunteers at the Truro fire hall spent Sunday handing out coffee and charging phones "
    "for neighbours who had spent a cold night without heat.",
    "By Sunday, Nova Scotia Power had brought electricity back to 41,000 homes, a day after the "
    "winter storm knocked down lines all over the province.",
    "Crews from Maine and New Brunswick were working alongside the utility's own teams, and some "
    "6,500 customers were still without power, mostly in Cape Breton.",
    "Warming centres have opened in 18 communities, and the province is telling people with "
    "generators to run them outdoors, away from windows.",
    "In Truro, public works crews cleared fallen trees from Queen Street and Robie Street, and "
    "the library will open an hour early on Monday.",
]
# A story on the same claim that tells other things: the politics of the outage.
REACTION = [
    "Opposition members at Province House said on Sunday that Nova Scotia Power had been warned "
    "for years that its lines were too exposed to winter storms.",
    "The Progressive Conservative critic for energy called for an independent review of the "
    "utility's storm spending once every customer is reconnected.",
    "A spokesperson for the premier said the government would wait for the utility's own report "
    "before deciding whether a review is needed.",
    "Consumer advocates noted that rates rose by almost seven per cent last year, while outage "
    "times have grown longer in rural counties.",
]


def _vectors(text: str) -> bytes:
    found = retold.vectors(text, load_embedder(Settings().embedding_model))
    assert found is not None
    return found


def test_stored_vectors_are_int8_per_sentence_after_a_model_header() -> None:
    stored = _vectors(" ".join(WIRE))
    _, rows = retold.read(stored)
    assert rows.shape == (len(WIRE), 384)
    assert len(stored) == 6 + len(WIRE) * 384  # the header, then one byte per dimension
    assert np.allclose(np.linalg.norm(rows, axis=1), 1.0, atol=1e-5)
    assert " ".join(WIRE).encode() not in stored
    long_body = " ".join(WIRE * 10)
    assert retold.read(_vectors(long_body))[1].shape[0] == retold.MAX_SENTENCES
    assert (
        retold.vectors("Too short to be telling.", load_embedder("multilingual-e5-small-q4"))
        is None
    )


def test_a_retelling_aligns_where_the_fingerprints_see_nothing() -> None:
    wire, local = " ".join(WIRE), " ".join(RETOLD)
    carried = sentences.reappearing(_fingerprint(wire), _fingerprint(local))
    assert carried.sentences == 0
    settings = Settings()
    found = retold.retells(
        _vectors(wire),
        _vectors(local),
        threshold=settings.copy_retold_similarity,
        min_sentences=settings.copy_retold_sentences,
    )
    assert found is not None
    assert (found.sentences, found.counted) == (3, 6)
    assert found.lowest >= settings.copy_retold_similarity
    other = retold.aligned(_vectors(wire), _vectors(" ".join(REACTION)), threshold=0.925)
    assert other is not None
    assert other.sentences == 0


def test_vectors_of_different_models_are_not_compared() -> None:
    stored = _vectors(" ".join(WIRE))
    other_model = stored[:2] + bytes(4) + stored[6:]
    assert retold.aligned(stored, other_model, threshold=0.5) is None


def _fingerprint(text: str) -> bytes:
    found = sentences.fingerprint(text)
    assert found is not None
    return found


def _payload(slug: str, kind: str, body: str, hours: float) -> dict[str, Any]:
    return {
        "outlet": {"slug": slug, "name": slug.title(), "kind": kind},
        "article": {
            "url": f"https://{slug}.example/storm-retold",
            "title": f"Storm, as {slug} tells it",
            "published_at": (T0 + timedelta(hours=hours)).isoformat(),
            "body": body,
        },
        "claims": [{"text": "Nova Scotia Power restored electricity to 41,000 homes."}],
    }


def _wire(client: TestClient) -> int:
    response = client.post("/v1/ingest", json=_payload("wire", "wire_agency", " ".join(WIRE), 0))
    assert response.status_code in (200, 201), response.text
    return response.json()["article_id"]


def test_a_credited_retelling_is_the_wire_s_copy(client: TestClient) -> None:
    wire_id = _wire(client)
    body = " ".join(RETOLD) + "\n\u2014 Wire"
    link = client.post("/v1/ingest", json=_payload("truro-news", "newspaper", body, 3)).json()
    origin = link["origin"]
    assert origin["origin"]["id"] == wire_id
    assert origin["relation"] == "syndicates"
    assert origin["reason"].startswith('credits Wire: "\u2014 Wire"')
    assert (
        "; 3 of 6 sentences of it are retold in this article (sentence vectors" in origin["reason"]
    )


def test_the_wire_arriving_after_a_credited_retelling_adopts_it_as_a_copy(
    client: TestClient,
) -> None:
    body = " ".join(RETOLD) + "\n\u2014 Wire"
    stored = client.post("/v1/ingest", json=_payload("truro-news", "newspaper", body, 3)).json()
    original = client.post(
        "/v1/ingest", json=_payload("wire", "wire_agency", " ".join(WIRE), 0)
    ).json()
    assert [c["article_id"] for c in original["copies"]] == [stored["article_id"]]
    assert original["copies"][0]["relation"] == "syndicates"


def test_an_uncredited_retelling_is_a_candidate_not_a_link(client: TestClient) -> None:
    wire_id = _wire(client)
    found = client.post(
        "/v1/ingest", json=_payload("truro-news", "newspaper", " ".join(RETOLD), 3)
    ).json()
    assert found["origin"] is None
    [candidate] = found["copy_candidates"]
    assert candidate["article_id"] == wire_id
    assert "are retold in this article" in candidate["reason"]
    assert candidate["reason"].endswith("no credit, so not linked")
    # Stored for review, alone (no same-headline summary appended), against the wire.
    [item] = client.get("/v1/review", params={"kind": "copy"}).json()["items"]
    assert item["article"]["id"] == found["article_id"]
    assert item["origin_article"]["id"] == wire_id
    assert item["reason"] == candidate["reason"]


def test_a_credited_story_telling_other_things_stays_a_rewrite(client: TestClient) -> None:
    _wire(client)
    body = " ".join(REACTION) + "\n\u2014 Wire"
    link = client.post("/v1/ingest", json=_payload("coast-radio", "broadcaster", body, 2)).json()
    assert link["origin"]["relation"] == "cites"
    assert link["origin"]["reason"].endswith("; the bodies differ, so a rewrite")


# Someone spoke to the wire once; the story is the paper's own (the trap of the article pairs).
TOLD = [
    *REACTION[:2],
    "The critic, who told the Wire in an interview last spring that the lines were too exposed, "
    "said nothing had changed since then.",
    *REACTION[2:],
]


def test_told_the_wire_is_no_credit_for_the_story(client: TestClient) -> None:
    _wire(client)
    found = client.post(
        "/v1/ingest", json=_payload("coast-radio", "broadcaster", " ".join(TOLD), 2)
    ).json()
    assert found["origin"] is None
    assert found["credited_origin"] is None
    # Below the confidence bar: a credit for a person to decide on, not a link.
    [item] = client.get("/v1/review", params={"kind": "credited_origin"}).json()["items"]
    assert item["article"]["id"] == found["article_id"]
    assert "told the Wire" in item["evidence"]


def test_the_wire_arriving_later_does_not_adopt_a_told_story(client: TestClient) -> None:
    client.post("/v1/ingest", json=_payload("coast-radio", "broadcaster", " ".join(TOLD), 2))
    original = client.post(
        "/v1/ingest", json=_payload("wire", "wire_agency", " ".join(WIRE), 0)
    ).json()
    assert original["copies"] == []
