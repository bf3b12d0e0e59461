"""Copy detection and credits on the labelled article pairs pinned from below (issue 14).

The full measurement runs every pair through ingest (`bench/article_pairs.py report`, figures in
docs/matching.md); this test scores the same pairs with the same functions and default
thresholds, without a database, so that a change that makes detection worse fails.
"""

import json
from pathlib import Path
from typing import Any

import pytest

from app.core import agencies
from app.core.config import Settings
from app.ingest import sentences
from app.ingest.credits.credited import decide
from app.ingest.credits.reading import credits
from app.ingest.credits.urls import url_credits
from app.ingest.fingerprints import containment
from app.ingest.fingerprints import minhash
from app.ingest.fingerprints import simhash
from app.ingest.fingerprints import similarity
from app.tables import Outlet
from app.tables import OutletKind

PAIRS = Path(__file__).resolve().parent.parent / "data" / "article_pairs.jsonl"


def load(path: Path = PAIRS) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def is_copy(pair: dict[str, Any], settings: Settings) -> bool:
    a, b = pair["a"]["body"], pair["b"]["body"]
    sa, sb, ma, mb = simhash(a), simhash(b), minhash(a), minhash(b)
    if sa is not None and sb is not None and similarity(sa, sb) >= settings.copy_body_similarity:
        return True
    assert ma is not None
    assert mb is not None
    share = max(containment(*ma, *mb), containment(*mb, *ma))
    if share >= settings.copy_containment:
        return True
    carried = sentences.carries(
        sentences.fingerprint(a),
        sentences.fingerprint(b),
        min_sentences=settings.copy_shared_sentences,
        quotations=sentences.quoted(b),
        min_narrated=settings.copy_narrated_passages,
    )
    return carried is not None


def credited(pair: dict[str, Any], settings: Settings) -> str | None:
    b = pair["b"]
    found = credits(author=b.get("author"), body=b["body"], title=b["title"])
    found += url_credits(b["url"], b["title"])
    resolved = []
    for credit in found:
        agency = None if credit.ambiguous else agencies.by_key(credit.key)
        if agency is not None:
            outlet = Outlet(
                id=agencies.AGENCIES.index(agency) + 1,
                slug=agency.slug,
                name=agency.name,
                kind=OutletKind.wire_agency,
            )
            resolved.append((credit, outlet))
    decision = decide(resolved)
    if decision is None or decision.confidence < settings.credit_min_confidence:
        return None
    return decision.outlet.slug


def test_the_set_is_as_documented() -> None:
    pairs = load()
    assert len(pairs) == 360
    assert {p["split"] for p in pairs} == {"dev", "test"}
    dev_stories = {p["story"] for p in pairs if p["split"] == "dev"}
    assert dev_stories.isdisjoint({p["story"] for p in pairs if p["split"] == "test"})


@pytest.mark.parametrize("split", ["dev", "test"])
def test_syndicates_and_credited_origins_meet_the_targets(split: str) -> None:
    settings = Settings()
    pairs = [p for p in load() if p["split"] == split]
    predicted = [p for p in pairs if is_copy(p, settings)]
    assert sum(p["copy"] for p in predicted) / len(predicted) >= 0.98
    for kind, floor in (("verbatim", 0.95), ("trimmed", 0.95), ("wire_inside_local", 0.85)):
        members = [p for p in pairs if p["class"] == kind]
        assert sum(p in predicted for p in members) / len(members) >= floor, kind
    claims = [(p, credited(p, settings)) for p in pairs]
    made = [(p, slug) for p, slug in claims if slug is not None]
    assert sum(slug == p["credit"] for p, slug in made) / len(made) >= 0.95
    labelled = [(p, slug) for p, slug in claims if p["credit"] is not None]
    assert sum(slug == p["credit"] for p, slug in labelled) / len(labelled) >= 0.95


@pytest.mark.parametrize(
    "name",
    ["article_pairs_heldout.jsonl", "article_pairs_heldout2.jsonl", "article_pairs_heldout4.jsonl"],
)
def test_the_seen_held_out_sets_stay_at_the_targets(name: str) -> None:
    """These held-out sets have been looked at (their READMEs and docs/matching.md say when),
    so they guard against regressions only: the body rules on every copy class, and
    credited-origin precision."""
    settings = Settings()
    pairs = load(PAIRS.parent / name)
    predicted = [p for p in pairs if is_copy(p, settings)]
    assert sum(p["copy"] for p in predicted) / len(predicted) >= 0.98
    for kind, floor in (("verbatim", 0.95), ("trimmed", 0.95), ("wire_inside_local", 0.85)):
        members = [p for p in pairs if p["class"] == kind]
        assert sum(p in predicted for p in members) / len(members) >= floor, kind
    made = [(p, slug) for p in pairs if (slug := credited(p, settings)) is not None]
    assert sum(slug == p["credit"] for p, slug in made) / len(made) >= 0.95


def test_the_third_held_out_set_s_credits_stay_right() -> None:
    """Held-out 3 is seen too (docs/matching.md), and misses the copy targets on retold local
    stories, so only its credits are pinned: never wrong, and the agencies' credits in other
    languages found (this database-free scoring resolves agencies only, not stored outlets)."""
    settings = Settings()
    pairs = load(PAIRS.parent / "article_pairs_heldout3.jsonl")
    made = [(p, slug) for p in pairs if (slug := credited(p, settings)) is not None]
    assert sum(slug == p["credit"] for p, slug in made) / len(made) >= 0.95
    labelled = [p for p in pairs if p["credit"] is not None]
    found = sum(credited(p, settings) == p["credit"] for p in labelled)
    assert found / len(labelled) >= 0.65
    assert credited(next(p for p in pairs if p["id"] == "h3005-3"), settings) == "efe"


@pytest.mark.parametrize(
    "name", ["article_pairs_edited_dev.jsonl", "article_pairs_edited_test.jsonl"]
)
def test_desk_edited_copies_meet_the_targets(name: str) -> None:
    """The desk-edited pairs (written blind, 2026-12-05; dev chose the credit lines, test was
    reported once): wire paragraphs edited by a paper's desk inside its own story are copies,
    reports of the same briefing or press release are not, credits are read right."""
    settings = Settings()
    pairs = load(PAIRS.parent / name)
    predicted = [p for p in pairs if is_copy(p, settings)]
    assert sum(p["copy"] for p in predicted) / len(predicted) >= 0.98
    for kind, floor in (("trimmed", 0.95), ("wire_inside_local", 0.85)):
        members = [p for p in pairs if p["class"] == kind]
        assert sum(p in predicted for p in members) / len(members) >= floor, kind
    made = [(p, slug) for p in pairs if (slug := credited(p, settings)) is not None]
    assert sum(slug == p["credit"] for p, slug in made) / len(made) >= 0.95
