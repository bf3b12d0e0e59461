"""The hybrid matcher with the real packaged model (multilingual-e5-small): embeddings stored
with their claims, the vector index, cross-language candidates, vetoes and explanations."""

from pathlib import Path

import numpy as np
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy import delete
from sqlalchemy import select

from app.core.config import Settings
from app.core.unit_of_work import transaction
from app.matching import embedding
from app.matching import vectors
from app.matching.analysis import normalise_news
from app.matching.embedding import DEFAULT_MODEL
from app.matching.embedding import ModelError
from app.matching.embedding import load_embedder
from app.matching.factory import build_matcher
from app.matching.hybrid import HybridMatcher
from app.matching.hybrid import language
from app.tables import Claim
from app.tables import ClaimEmbedding
from tests.factories import Factory

NATO = "Putin demands a written pledge from Western leaders to stop enlarging NATO eastwards."


def stored(engine: Engine) -> dict[int, tuple[str, np.ndarray]]:
    with transaction(engine, write=False) as session:
        rows = session.execute(select(ClaimEmbedding)).scalars().all()
        return {row.claim_id: (row.model, vectors.from_bytes(row.vector)) for row in rows}


def test_the_packaged_model_embeds_offline_into_unit_vectors() -> None:
    model = load_embedder(DEFAULT_MODEL)
    assert (model.model_id, model.dim) == (DEFAULT_MODEL, 384)
    out = model.embed([NATO, "Путин требует письменных гарантий нерасширения НАТО на восток."])
    assert out.shape == (2, 384)
    assert np.allclose(np.linalg.norm(out, axis=1), 1.0, atol=1e-5)
    unrelated = model.embed(["Rents rose sharply in Lisbon last year."])[0]
    # The Russian rendering of the claim is nearer to it than an unrelated English sentence.
    assert float(out[0] @ out[1]) > float(out[0] @ unrelated) + 0.05


def test_the_packaged_weights_are_checked_against_their_pinned_hash(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(embedding.PACKAGED_SHA256, "e5-small-q4.bin", "0" * 64)
    with pytest.raises(ModelError, match="expected 0000"):
        embedding._load(DEFAULT_MODEL)


def test_an_unknown_model_spec_is_refused_with_the_choices(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="not a packaged model"):
        embedding._load(str(tmp_path))


def test_news_wording_is_normalised_before_matching() -> None:
    assert normalise_news("UPDATE 2-U.S. inflation rose 1.4 per cent") == "US inflation rose 1.4%"
    assert normalise_news("EXCLUSIVE-Deal worth $4bn, 411k barrels") == (
        "Deal worth $4 billion, 411000 barrels"
    )
    model = load_embedder(DEFAULT_MODEL)
    a, b = model.embed(["WRAPUP 1-Sales rose 5 percent", "Sales rose 5%"])
    assert float(a @ b) == pytest.approx(1.0, abs=1e-5)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (NATO, "en"),
        ("OpenAI's board reinstated Sam Altman as chief executive.", "en"),
        ("El Banco de México recortó su tasa de interés en 50 puntos.", "es"),
        ("Die deutsche Wirtschaft ist 2023 um 0,3 Prozent geschrumpft.", "de"),
        ("Путин требует гарантий.", "cyrillic"),
        ("トルコで地震、12人死亡", "ja"),
    ],
)
def test_language_is_told_well_enough_to_know_when_stems_compare(text: str, expected: str) -> None:
    assert language(text) == expected


def hybrid() -> HybridMatcher:
    matcher = build_matcher(Settings(matcher="hybrid"))
    assert isinstance(matcher, HybridMatcher)
    return matcher


def test_opposite_meanings_are_neither_linked_nor_suggested() -> None:
    matcher = hybrid()
    for a, b in [
        ("Apple's quarterly sales rise 5%", "Apple's quarterly sales tank 5%"),
        ("The Fed raised interest rates by a quarter point", "The Fed cut interest rates by a "
         "quarter point"),
        ("The Kremlin confirmed the talks", "The Kremlin denied the talks"),
    ]:  # fmt: skip
        scored = matcher.scored(a, b)
        assert scored.score < matcher.suggest, (a, b, scored)
        assert {"direction", "polarity"} & {v.name for v in scored.lexical.vetoes}


def test_who_did_what_to_whom_is_not_the_same_claim() -> None:
    scored = hybrid().scored("Argentina beat France in the final", "France beat Argentina in "
                             "the final")  # fmt: skip
    assert scored.score < hybrid().link
    assert [v.name for v in scored.lexical.vetoes] == ["roles"]


def test_creating_changing_merging_and_deleting_keep_embeddings_in_step(
    client: TestClient, engine: Engine, factory: Factory
) -> None:
    hybrid()  # the process's store is active: every flush writes embeddings
    a = factory.claim(text=NATO, claimant="Vladimir Putin")
    b = factory.claim(text="Putin wants partial relief from Western sanctions.")
    rows = stored(engine)
    assert set(rows) == {a.id, b.id}
    assert {model for model, _ in rows.values()} == {DEFAULT_MODEL}
    expected = load_embedder(DEFAULT_MODEL).embed([NATO])[0]
    assert np.allclose(rows[a.id][1], expected, atol=2e-3)  # float16 on disk

    changed = client.patch(f"/v1/claims/{b.id}", json={"text": "Putin wants sanctions lifted."})
    assert changed.status_code == 200, changed.text
    new_vector = stored(engine)[b.id][1]
    assert not np.allclose(new_vector, rows[b.id][1], atol=2e-3)

    merged = client.post(f"/v1/claims/{b.id}/merge", json={"into": a.id})
    assert merged.status_code == 200, merged.text
    assert set(stored(engine)) == {a.id}  # a merged claim is no longer a candidate

    deleted = client.delete(f"/v1/claims/{a.id}", params={"cascade": "true"})
    assert deleted.status_code == 204, deleted.text
    assert stored(engine) == {}


def test_match_finds_a_translation_through_the_vector_index_and_explains_itself(
    client: TestClient, factory: Factory
) -> None:
    hybrid()
    nato = factory.claim(text=NATO, claimant="Vladimir Putin")
    factory.claim(text="Rents rose sharply in Lisbon last year.")
    russian = (
        "Путин требует от Запада письменного обязательства прекратить расширение НАТО на восток."
    )
    body = client.get("/v1/claims/match", params={"text": russian}).json()
    assert body["items"][0]["claim"]["id"] == nato.id  # no shared word: found by its vector
    signals = body["items"][0]["signals"]
    assert signals["cross_lingual"] is True
    assert signals["lexical"] is None
    assert signals["semantic"] > 0.85
    assert body["items"][0]["score"] >= body["suggest_threshold"]


def test_reindex_embeds_what_is_missing_and_rebuilds_the_index(
    engine: Engine, factory: Factory, tmp_path: Path
) -> None:
    vectors.activate(None)  # claims written while no embedding matcher runs
    try:
        ids = [factory.claim(text=f"Claim number {n} about port strikes.").id for n in range(3)]
    finally:
        matcher = hybrid()
    assert stored(engine) == {}
    store = matcher.vectors
    store.index_path = tmp_path / "claims.usearch"
    with transaction(engine, write=True) as session:
        assert vectors.reindex(session, vectors=store) == (3, 0)
    assert set(stored(engine)) == set(ids)
    assert (tmp_path / "claims.usearch").is_file()
    loaded = vectors.VectorIndex(dim=384, model_id=DEFAULT_MODEL)
    assert loaded.load(tmp_path / "claims.usearch")
    assert len(loaded) == 3
    # Rebuilt from the table, not from the saved file: a deleted claim leaves the saved index.
    with transaction(engine, write=True) as session:
        session.execute(delete(Claim).where(Claim.id == ids[0]))  # type: ignore[arg-type]
        assert vectors.reindex(session, vectors=store) == (0, 0)
    again = vectors.VectorIndex(dim=384, model_id=DEFAULT_MODEL)
    assert again.load(tmp_path / "claims.usearch")
    assert len(again) == 2
    store.index_path = None
