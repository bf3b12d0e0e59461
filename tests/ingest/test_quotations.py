"""A copy carries a reporter's running text, not only a speaker's words (docs/matching.md,
"Quotations are no copy"): independent reports of one statement quote it word for word, and the
sentences they share are quotations; a local story carrying a wire's paragraphs carries some of
its narration too. Both directions of ingest, and the setting that turns the rule off."""

from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.core.config import Settings
from app.ingest import sentences
from tests.factories import T0

WIRE = [
    "The regional water authority will ration supply to 14 towns from Monday after the driest "
    "autumn in 60 years left its two reservoirs at a fifth of their capacity.",
    '"We have no choice but to act now, before the summer demand arrives and the reservoirs '
    'fall any lower," the director, Helena Markovic, said.',
    "Households will receive water for 18 hours a day, and the authority will fine businesses "
    "that fill swimming pools or wash vehicles with a hose.",
    '"If the rains do not come by February, we will have to cut supply further, and hospitals '
    'and schools will be the only ones spared," Markovic said.',
    "The authority said it would spend 12 million euros on emergency wells and on repairing "
    "leaks that lose about a third of the water it pumps.",
    "Farmers' groups said the restrictions would hit vegetable growers in the valley hardest "
    "and asked the government for compensation.",
]

# Another newsroom at the same news conference: its own narration and attributions, both of
# the director's sentences word for word.
INDEPENDENT = " ".join(
    [
        "Fourteen towns face water rationing from next week, the regional authority announced on "
        "Thursday, blaming an autumn without rain that has drained its reservoirs.",
        '"We have no choice but to act now, before the summer demand arrives and the reservoirs '
        'fall any lower," Markovic told reporters.',
        "Under the plan, taps will run for 18 hours a day, and businesses caught filling pools "
        "could be fined.",
        'She warned: "If the rains do not come by February, we will have to cut supply further, '
        'and hospitals and schools will be the only ones spared."',
        "Opposition councillors said years of neglected repairs had made the shortage worse.",
    ]
)

# A local paper's own story around two of the wire's paragraphs: one of its narration, one
# quotation.
LOCAL = " ".join(
    [
        "Cafe owners on the main square in Velden said on Thursday they would serve drinks in "
        "paper cups to save on washing up once the taps start running dry at night.",
        WIRE[2],
        WIRE[3],
        "The town hall will open its courtyard tap to residents from 6 a.m. on Monday, the mayor "
        "said.",
    ]
)


def _fingerprint(text: str) -> bytes:
    found = sentences.fingerprint(text)
    assert found is not None
    return found


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        pytest.param("He said \u201cwe will go on\u201d today.", ["we will go on"], id="curly"),
        pytest.param('He said "we will go on" today.', ["we will go on"], id="straight"),
        pytest.param(
            "Il a dit \u00ab nous irons jusqu'au bout \u00bb hier.",
            ["nous irons jusqu'au bout"],
            id="guillemets",
        ),
        pytest.param(
            "Er sagte \u201ewir machen weiter so\u201c am Montag.",
            ["wir machen weiter so"],
            id="german",
        ),
        pytest.param(
            "She said \u2018we won\u2019t stop now\u2019 and left.",
            ["we won\u2019t stop now"],
            id="british_single_marks_over_an_apostrophe",
        ),
    ],
)
def test_the_words_inside_quotation_marks(text: str, inside: list[str]) -> None:
    expected: set[int] = set()
    for words in inside:
        expected |= set(sentences._shingles(sentences._tokens(words)))
    assert sentences.quoted(text) == frozenset(expected)


def test_apostrophes_alone_quote_nothing() -> None:
    assert sentences.quoted("The mayor\u2019s plan isn\u2019t the council\u2019s.") == frozenset()


def test_two_shared_quotations_are_no_copy() -> None:
    wire, independent = _fingerprint(" ".join(WIRE)), _fingerprint(INDEPENDENT)
    found = sentences.reappearing(wire, independent, sentences.quoted(INDEPENDENT))
    assert (found.passages, found.narrated) == (2, 0)
    assert sentences.carries(wire, independent, min_sentences=2) is not None  # before the rule
    quoted = sentences.quoted(INDEPENDENT)
    assert sentences.carries(wire, independent, min_sentences=2, quotations=quoted) is None


def test_a_quotation_with_a_paragraph_of_narration_is_a_copy() -> None:
    wire, local = _fingerprint(" ".join(WIRE)), _fingerprint(LOCAL)
    found = sentences.carries(
        wire, local, min_sentences=2, quotations=sentences.quoted(" ".join(WIRE))
    )
    assert found is not None
    assert (found.passages, found.narrated) == (2, 1)


def _payload(slug: str, kind: str, body: str, hours: float) -> dict[str, Any]:
    return {
        "outlet": {"slug": slug, "name": slug.title(), "kind": kind},
        "article": {
            "url": f"https://{slug}.example/water",
            "title": f"Water story of {slug}",
            "published_at": (T0 + timedelta(hours=hours)).isoformat(),
            "body": body,
        },
        "claims": [{"text": "The regional water authority will ration supply to 14 towns."}],
    }


@pytest.mark.parametrize("wire_first", [True, False], ids=["wire_first", "wire_later"])
def test_ingest_keeps_the_independent_report_apart(client: TestClient, wire_first: bool) -> None:
    wire = _payload("wire", "wire_agency", " ".join(WIRE), 0)
    other = _payload("valley-radio", "broadcaster", INDEPENDENT, 1)
    first, second = (wire, other) if wire_first else (other, wire)
    client.post("/v1/ingest", json=first)
    answer = client.post("/v1/ingest", json=second).json()
    assert answer["origin"] is None
    assert answer["copies"] == []


@pytest.mark.parametrize("wire_first", [True, False], ids=["wire_first", "wire_later"])
def test_ingest_links_the_local_story_carrying_narration(
    client: TestClient, wire_first: bool
) -> None:
    wire = _payload("wire", "wire_agency", " ".join(WIRE), 0)
    local = _payload("velden-post", "newspaper", LOCAL, 3)
    if wire_first:
        client.post("/v1/ingest", json=wire)
        answer = client.post("/v1/ingest", json=local).json()
        assert answer["origin"]["relation"] == "syndicates"
    else:
        stored = client.post("/v1/ingest", json=local).json()
        answer = client.post("/v1/ingest", json=wire).json()
        assert [c["article_id"] for c in answer["copies"]] == [stored["article_id"]]


def test_the_setting_at_zero_counts_quotations_as_any_text() -> None:
    assert Settings().copy_narrated_passages == 1
    assert Settings(copy_narrated_passages=0).copy_narrated_passages == 0
    wire, independent = _fingerprint(" ".join(WIRE)), _fingerprint(INDEPENDENT)
    quoted = sentences.quoted(INDEPENDENT)
    found = sentences.carries(wire, independent, min_sentences=2, quotations=quoted, min_narrated=0)
    assert found is not None
