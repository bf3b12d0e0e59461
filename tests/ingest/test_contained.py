"""A body inside another counts as a copy only when whole sentences came with the shingles
(copies.contained): a short independent report of the same event shares names, figures and a
quotation, which can make half of its 3-word shingles (held-out 22's Malay, Thai and Chinese
independents, held-out 3's h3012-4); a copy, even trimmed or inside a local story, keeps the
wire's sentences."""

from pathlib import Path
from typing import Any

import pytest

from app.core.config import Settings
from app.ingest import sentences
from app.ingest.copies import contained
from app.ingest.copies import partial_copy
from app.ingest.fingerprints import minhash
from app.tables import Article
from tests.ingest.test_article_pairs import load

DATA = Path(__file__).resolve().parent.parent / "data"


def fingerprinted(body: str) -> Article:
    """An article (not stored) with the body fingerprints copy detection compares."""
    sketch = minhash(body)
    assert sketch is not None
    return Article(
        url="https://example.org/x",
        title="x",
        body_minhash=sketch[0],
        body_shingles=sketch[1],
        body_sentences=sentences.fingerprint(body),
    )


def _pair(name: str, id: str) -> dict[str, Any]:
    return next(pair for pair in load(DATA / name) if pair["id"] == id)


@pytest.mark.parametrize(
    ("name", "id", "copy"),
    [
        ("article_pairs_heldout22.jsonl", "24004-5", False),
        ("article_pairs_heldout22.jsonl", "24006-5", False),
        ("article_pairs_heldout22.jsonl", "24008-5", False),
        ("article_pairs_heldout3.jsonl", "h3012-4", False),
        ("article_pairs_heldout22.jsonl", "24004-3", True),
        ("article_pairs_heldout22.jsonl", "24004-1", True),
        # Inside a local story whose shared sentences are mostly a statement's words.
        ("article_pairs_heldout17.jsonl", "19006-1", True),
    ],
)
def test_a_body_inside_another_is_a_copy_only_with_its_sentences(
    name: str, id: str, copy: bool
) -> None:
    pair = _pair(name, id)
    later, earlier = fingerprinted(pair["b"]["body"]), fingerprinted(pair["a"]["body"])
    settings = Settings()
    found = partial_copy(later, earlier)
    assert found is not None
    assert found[0] >= settings.copy_containment  # MinHash alone says so
    quotations = sentences.quoted(pair["b"]["body"])
    assert (contained(later, earlier, settings, quotations) is not None) is copy


def test_without_sentence_fingerprints_containment_alone_decides() -> None:
    pair = _pair("article_pairs_heldout22.jsonl", "24004-5")
    later, earlier = fingerprinted(pair["b"]["body"]), fingerprinted(pair["a"]["body"])
    later.body_sentences = None
    assert contained(later, earlier, Settings(), frozenset()) is not None
