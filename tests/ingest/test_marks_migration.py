"""Stored fingerprints of bodies whose words were cut at combining marks (migration 3700):
cleared for the Indic scripts and Persian, kept where a mark is occasional (Arabic, Urdu,
Turkish) and for every other script."""

from pathlib import Path
from typing import Any

from tests.ingest.migration_support import cleared_after_upgrade
from tests.ingest.migration_support import fingerprint_database
from tests.ingest.migration_support import fingerprinted
from tests.ingest.test_article_pairs import load
from tests.ingest.test_unspaced_migration import ENGLISH

DEV = Path(__file__).resolve().parent.parent / "data" / "article_pairs_marks_dev.jsonl"
BEFORE = "3600_unspaced_fingerprints"
ARABIC = " ".join(
    f"وقالت وزارة الصحة إن {i} أشخاص أصيبوا أيضًا في الحادث الذي وقع صباح اليوم." for i in range(8)
)


def _wire(story: int) -> dict[str, Any]:
    return next(pair for pair in load(DEV) if pair["id"] == f"{story}-0")["a"]


def test_the_migration_clears_the_fingerprints_of_bodies_cut_at_marks_only(
    tmp_path: Path,
) -> None:
    """Run as alembic runs it, on the test backend: articles whose title is Hindi, Bengali,
    Tamil, or Persian with a non-joiner, or whose language tag says so, lose their body
    fingerprints; English, Arabic, Urdu and Turkish keep theirs."""
    with fingerprint_database(tmp_path, "corroborate_marks") as (url, engine):
        cleared = [  # Hindi, Bengali, Tamil, Persian titles
            fingerprinted(engine, _wire(story)["title"], None, _wire(story)["body"])
            for story in (21001, 21003, 21004, 21006)
        ]
        # A Latin title over a Hindi body, and a Persian title without a non-joiner: said by
        # the language tag.
        cleared.append(fingerprinted(engine, "Kedarnath", "hi-IN", _wire(21002)["body"]))
        persian = _wire(21006)["body"] + " ۲"
        cleared.append(fingerprinted(engine, "زلزله در کرمان", "fa", persian))
        kept = [
            fingerprinted(engine, "Port strike", "en", ENGLISH),
            fingerprinted(engine, "إصابات في حادث", "ar", ARABIC),
            fingerprinted(engine, _wire(21005)["title"], None, _wire(21005)["body"]),
            fingerprinted(engine, "İzmir'de yangın", "tr", ENGLISH + " İzmir"),
        ]
        rows = cleared_after_upgrade(url, engine, BEFORE)
    assert [rows[i] for i in cleared] == [True] * 6
    assert [rows[i] for i in kept] == [False] * 4
