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
