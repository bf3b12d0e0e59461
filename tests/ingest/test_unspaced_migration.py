"""Stored fingerprints of bodies in scripts without spaces (migration 3600): cleared, since
bodies are not kept to fingerprint them again; a re-sent article gets new ones; and a copy in
Japanese is found through ingest."""

from datetime import timedelta
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy import text

from app.ingest import sentences
from app.ingest.fingerprints import minhash
from tests.factories import T0
from tests.ingest.migration_support import cleared_after_upgrade
from tests.ingest.migration_support import fingerprint_database
from tests.ingest.migration_support import fingerprinted
from tests.ingest.test_article_pairs import load

DEV = Path(__file__).resolve().parent.parent / "data" / "article_pairs_unspaced_dev.jsonl"
BEFORE = "3500_sqlite_deferred_quotes"
ENGLISH = " ".join(f"The port authority said ship {i} would wait another day." for i in range(8))
KOREAN = " ".join(
    f"부산항 신항의 {i}번 터미널에서 크레인이 강풍에 넘어져 작업이 중단됐다." for i in range(8)
)


def _pair(story: int, k: int) -> dict[str, Any]:
    return next(pair for pair in load(DEV) if pair["id"] == f"{story}-{k}")


def test_the_migration_clears_the_fingerprints_of_bodies_in_those_scripts_only(
    tmp_path: Path,
) -> None:
    """Run as alembic runs it, on the test backend: articles whose title is Japanese, Chinese
    or Thai, or whose language tag says so, lose their body fingerprints; English and Korean
    (a Han character in a Korean title too) keep theirs."""
    ja = _pair(20001, 0)["a"]
    with fingerprint_database(tmp_path, "corroborate_unspaced") as (url, engine):
        cleared = [
            fingerprinted(engine, ja["title"], None, ja["body"]),
            fingerprinted(engine, "น้ำปิงล้นตลิ่ง", None, _pair(20006, 0)["a"]["body"]),
            # A Latin title over a Chinese body, said by the language tag.
            fingerprinted(engine, "Harbin ice festival", "zh-Hans", _pair(20003, 0)["a"]["body"]),
        ]
        kept = [
            fingerprinted(engine, "Port strike", "en", ENGLISH),
            fingerprinted(engine, "美 대선 부산항 크레인", None, KOREAN),
            fingerprinted(engine, "크레인 넘어져", "ko", KOREAN + " 2"),
        ]
        rows = cleared_after_upgrade(url, engine, BEFORE)
    assert [rows[i] for i in cleared] == [True, True, True]
    assert [rows[i] for i in kept] == [False, False, False]


def _payload(article: dict[str, Any], slug: str, hours: float, url: str) -> dict[str, Any]:
    return {
        "outlet": {"slug": slug, "name": slug.title(), "kind": article["outlet"]["kind"]},
        "article": {
            "url": url,
            "title": article["title"],
            "published_at": (T0 + timedelta(hours=hours)).isoformat(),
            "body": article["body"],
        },
        "claims": [{"text": f"Claim of the unspaced test {slug}: {article['title']}"}],
    }


def test_a_japanese_copy_is_found_and_a_cleared_article_is_fingerprinted_again_when_resent(
    client: TestClient, engine: Engine
) -> None:
    pair = _pair(20001, 2)  # the wire's first four paragraphs inside a local story
    wire = _payload(pair["a"], "unspaced-wire", 0, "https://unspaced-wire.example/1")
    original = client.post("/v1/ingest", json=wire).json()
    local = _payload(pair["b"], "unspaced-local", 2, "https://unspaced-local.example/1")
    copy = client.post("/v1/ingest", json=local).json()
    assert copy["origin"]["origin"]["id"] == original["article_id"]
    assert copy["origin"]["relation"] == "syndicates"

    columns = "body_simhash, body_minhash, body_shingles, body_sentences"
    with engine.begin() as connection:  # what migration 3600 does to a stored article
        connection.execute(
            text(
                f"UPDATE article SET {', '.join(f'{c} = NULL' for c in columns.split(', '))} "
                "WHERE id = :id"
            ),
            {"id": original["article_id"]},
        )
    client.post("/v1/ingest", json=wire)
    with engine.connect() as connection:
        row = connection.execute(
            text(f"SELECT {columns} FROM article WHERE id = :id"), {"id": original["article_id"]}
        ).one()
    sketch = minhash(pair["a"]["body"])
    assert sketch is not None
    assert row[0] is not None
    assert (bytes(row[1]), row[2]) == sketch
    assert bytes(row[3]) == sentences.fingerprint(pair["a"]["body"])
