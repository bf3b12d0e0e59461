"""The full-text index over claim text and quotes follows every write (triggers in migrations)."""

from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy import text

from tests.factories import Factory


def matches(engine: Engine, word: str) -> list[int]:
    if engine.dialect.name == "postgresql":
        sql = (
            "SELECT claim_id FROM claim_search "
            "WHERE document @@ plainto_tsquery('english', :q) ORDER BY 1"
        )
    else:
        sql = "SELECT rowid FROM claim_search WHERE claim_search MATCH :q ORDER BY 1"
    with engine.connect() as connection:
        return list(connection.scalars(text(sql), {"q": word}))


def test_claim_text_is_indexed_and_reindexed_on_update(client: TestClient, engine: Engine) -> None:
    claim = client.post("/v1/claims", json={"text": "Putin demands sanctions relief"}).json()
    assert matches(engine, "sanctions") == [claim["id"]]
    assert matches(engine, "demanded") == [claim["id"]]  # stemmed
    client.patch(f"/v1/claims/{claim['id']}", json={"text": "Kremlin wants frozen assets returned"})
    assert matches(engine, "sanctions") == []
    assert matches(engine, "frozen") == [claim["id"]]


def test_quotes_are_indexed_and_follow_attribution_changes(
    client: TestClient, engine: Engine, factory: Factory
) -> None:
    claim = factory.claim(text="A claim about talks.")
    url = f"/v1/claims/{claim.id}/attributions"
    first = client.post(
        url, json={"article_id": factory.article().id, "quote": "the memorandum is drafted"}
    ).json()
    client.post(url, json={"article_id": factory.article().id, "quote": "neutrality demanded"})
    client.post(url, json={"article_id": factory.article().id})
    assert matches(engine, "memorandum") == [claim.id]
    assert matches(engine, "neutrality") == [claim.id]

    client.patch(f"{url}/{first['id']}", json={"quote": "a ceasefire is near"})
    assert matches(engine, "memorandum") == []
    assert matches(engine, "ceasefire") == [claim.id]

    client.delete(f"{url}/{first['id']}")
    assert matches(engine, "ceasefire") == []
    assert matches(engine, "neutrality") == [claim.id]


def test_deleted_claims_leave_the_index(
    client: TestClient, engine: Engine, factory: Factory
) -> None:
    claim = factory.claim(text="Ephemeral statement.")
    factory.attribute(claim, factory.article(), quote="ephemeral quote")
    assert matches(engine, "ephemeral") == [claim.id]
    client.delete(f"/v1/claims/{claim.id}", params={"cascade": True})
    assert matches(engine, "ephemeral") == []


def test_one_statement_inserting_many_quotes_indexes_each_claim(
    engine: Engine, factory: Factory
) -> None:
    # The bulk ingest writes a chunk's attributions with one statement (a COPY on PostgreSQL,
    # whose search rows a statement trigger refreshes once per claim).
    first, second = factory.claim(text="First claim."), factory.claim(text="Second claim.")
    articles = [factory.article().id for _ in range(3)]
    rows = [
        (first.id, articles[0], "a zeppelin overhead"),
        (first.id, articles[1], "the harbour closed"),
        (second.id, articles[0], None),
        (second.id, articles[2], "a quiet harbour"),
    ]
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO attribution (claim_id, article_id, stance, quote, sourcing, "
                "created_at, updated_at) VALUES "
                + ", ".join(
                    f"(:c{i}, :a{i}, 'reports', :q{i}, 'unknown', :t, :t)" for i in range(len(rows))
                )
            ),
            {
                "t": "2026-01-01 00:00:00",
                **{
                    f"{k}{i}": v
                    for i, row in enumerate(rows)
                    for k, v in zip("caq", row, strict=True)
                },
            },
        )
    assert matches(engine, "zeppelin") == [first.id]
    assert matches(engine, "harbour") == sorted([first.id, second.id])
    assert matches(engine, "claim") == sorted([first.id, second.id])
