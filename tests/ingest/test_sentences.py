"""Sentence fingerprints (app/ingest/sentences.py): a few wire paragraphs inside a local story
are a copy; an independent report of the same event, with the same names, figures and one
quote, is not. The texts are made up for these tests."""

from datetime import timedelta
from typing import Any

from fastapi.testclient import TestClient

from app.core.config import Settings
from app.ingest import sentences
from app.ingest.fingerprints import containment
from app.ingest.fingerprints import minhash
from tests.factories import T0

WIRE = [
    "HALIFAX, Nova Scotia (Wire) - Nova Scotia Power restored electricity to 41,000 homes on "
    "Sunday after a winter storm brought down lines across the province on Saturday night.",
    "The utility said crews from New Brunswick and Maine had joined its own teams and that "
    "about 6,500 customers, most of them in Cape Breton, were still waiting for power.",
    '"We expect to have the last of them back by Monday evening," company spokesperson Jacqueline '
    "Foster told reporters at a briefing in Halifax.",
    "Environment Canada recorded gusts of 120 kilometres an hour on the Atlantic coast, and more "
    "than 40 centimetres of snow fell in parts of the Annapolis Valley.",
    "The province opened warming centres in 18 communities and asked residents who use "
    "generators to keep them outside and away from windows.",
    "Schools in three regional centres for education will stay closed on Monday, the Department "
    "of Education said in a statement late on Sunday.",
]

# A local paper's story: its own reporting around three of the six wire paragraphs, one of them
# lightly edited ("120 km/h", a trimmed clause), with no credit anywhere.
LOCAL = " ".join(
    [
        "Volunteers at the Truro fire hall spent Sunday handing out coffee and charging phones "
        "for neighbours who had spent a cold night without heat.",
        "Fire chief Daniel MacKay said about 60 people came through the doors before noon, many "
        "of them seniors from the apartment blocks on Prince Street.",
        WIRE[1],
        "Environment Canada recorded gusts of 120 km/h on the Atlantic coast, and more than 40 "
        "centimetres of snow fell in parts of the Annapolis Valley.",
        WIRE[4],
        "In Truro, the town's public works crews cleared fallen trees from Queen Street and "
        "Robie Street, and the library will open an hour early on Monday.",
    ]
)

# The same event reported by another newsroom: the same names, places and figures, and the
# spokesperson's quote word for word (both were at the briefing), but its own sentences.
INDEPENDENT = " ".join(
    [
        "About 6,500 Nova Scotia Power customers were still in the dark on Sunday evening, most "
        "of them in Cape Breton, a day after the storm tore through the province.",
        "The utility brought in line crews from New Brunswick and Maine and had restored power "
        "to 41,000 homes by late afternoon.",
        WIRE[2],
        "Gusts reached 120 kilometres an hour along the Atlantic coast, according to Environment "
        "Canada, and the Annapolis Valley was buried under more than 40 centimetres of snow.",
        "Warming centres are open in 18 communities; the province says generators belong "
        "outside, well away from windows.",
    ]
)


def _fingerprint(text: str) -> bytes:
    found = sentences.fingerprint(text)
    assert found is not None
    return found


def test_sentences_are_split_at_their_ends_and_kept_whole_across_abbreviations() -> None:
    split = sentences.split(
        "Officials in St. John's said the U.S. Coast Guard joined the search on Nov. 6 at dawn. "
        "Two ships and a plane searched an area of 400 square kilometres until dark on Tuesday."
    )
    assert [" ".join(words[:3]) for words in split] == ["officials in st", "two ships and"]
    assert sentences.fingerprint("Too short to be telling.") is None


def test_a_stored_fingerprint_keeps_per_sentence_hashes_only() -> None:
    stored = _fingerprint(" ".join(WIRE))
    read = sentences.read(stored)
    assert len(read) == len(WIRE)
    words = sentences.split(" ".join(WIRE))
    assert [len(s) for s in read] == [
        len({" ".join(w[i : i + 3]) for i in range(len(w) - 2)}) for w in words
    ]
    assert len(stored) == sum(2 + 4 * len(s) for s in read)  # a count and hashes, no words


def test_wire_paragraphs_inside_a_local_story_are_carried() -> None:
    wire, local = _fingerprint(" ".join(WIRE)), _fingerprint(LOCAL)
    found = sentences.carries(wire, local, min_sentences=Settings().copy_shared_sentences)
    assert found is not None
    assert (found.sentences, found.counted) == (3, 6)
    # What the rule adds: as shingle sets, neither body is mostly inside the other.
    w, m = minhash(" ".join(WIRE)), minhash(LOCAL)
    assert w is not None
    assert m is not None
    assert max(containment(*w, *m), containment(*m, *w)) < Settings().copy_containment


def test_an_independent_report_sharing_names_figures_and_a_quote_is_not() -> None:
    wire, independent = _fingerprint(" ".join(WIRE)), _fingerprint(INDEPENDENT)
    assert sentences.reappearing(wire, independent).sentences == 1  # the quote
    assert sentences.carries(wire, independent, min_sentences=2) is None


def test_shared_boilerplate_alone_is_not_a_copy() -> None:
    footer = (
        " Copyright 2026 Wire Services Ltd. This material may not be published, broadcast, "
        "rewritten or redistributed without written permission."
    )
    one = " ".join(WIRE[:3]) + footer
    other = " ".join(INDEPENDENT.split(". ")[:2]) + "." + footer
    found = sentences.reappearing(_fingerprint(one), _fingerprint(other))
    assert found.sentences == 1
    assert sentences.carries(_fingerprint(one), _fingerprint(other), min_sentences=1) is None


def _payload(slug: str, kind: str, body: str, hours: float) -> dict[str, Any]:
    return {
        "outlet": {"slug": slug, "name": slug.title(), "kind": kind},
        "article": {
            "url": f"https://{slug}.example/storm",
            "title": f"Storm story of {slug}",
            "published_at": (T0 + timedelta(hours=hours)).isoformat(),
            "body": body,
        },
        "claims": [{"text": "Nova Scotia Power restored electricity to 41,000 homes."}],
    }


def test_ingest_links_the_local_story_to_the_wire(client: TestClient) -> None:
    first = client.post("/v1/ingest", json=_payload("wire", "wire_agency", " ".join(WIRE), 0))
    copy = client.post("/v1/ingest", json=_payload("truro-news", "newspaper", LOCAL, 3)).json()
    assert copy["origin"]["origin"]["id"] == first.json()["article_id"]
    assert copy["origin"]["relation"] == "syndicates"
    assert copy["origin"]["reason"].startswith("3 of 6 sentences (")
    assert "reappear in this article (sentence fingerprints)" in copy["origin"]["reason"]


def test_the_wire_arriving_after_the_local_story_adopts_it(client: TestClient) -> None:
    stored = client.post("/v1/ingest", json=_payload("truro-news", "newspaper", LOCAL, 3)).json()
    assert stored["origin"] is None
    original = client.post(
        "/v1/ingest", json=_payload("wire", "wire_agency", " ".join(WIRE), 0)
    ).json()
    assert [c["article_id"] for c in original["copies"]] == [stored["article_id"]]
    assert original["copies"][0]["relation"] == "syndicates"


def test_ingest_does_not_link_the_independent_report(client: TestClient) -> None:
    client.post("/v1/ingest", json=_payload("wire", "wire_agency", " ".join(WIRE), 0))
    other = client.post(
        "/v1/ingest", json=_payload("coast-radio", "broadcaster", INDEPENDENT, 2)
    ).json()
    assert other["origin"] is None


def test_a_dateline_credit_on_a_body_retelling_the_wire_links_as_its_copy(
    client: TestClient,
) -> None:
    # No sentence but the quote reappears, so the fingerprints alone would call it a rewrite;
    # the dateline says it is the wire's copy and the sentence vectors agree: three of the
    # wire's sentences are told again (app/ingest/retold.py). A credited story telling other
    # things stays a rewrite (tests/ingest/test_retold.py).
    first = client.post("/v1/ingest", json=_payload("wire", "wire_agency", " ".join(WIRE), 0))
    rewrite = _payload("coast-radio", "broadcaster", "HALIFAX (Wire) - " + INDEPENDENT, 2)
    link = client.post("/v1/ingest", json=rewrite).json()["origin"]
    assert link["origin"]["id"] == first.json()["article_id"]
    assert link["relation"] == "syndicates"
    assert link["reason"].startswith('credits Wire: "(Wire)"')
    assert "sentences of it are retold in this article (sentence vectors" in link["reason"]
