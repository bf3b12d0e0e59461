"""The in-process vector index catching up with claim_embedding (app/matching/vectors.py)."""

import numpy as np
import pytest
from sqlalchemy import delete
from sqlalchemy import event
from sqlalchemy import insert
from sqlalchemy.engine import Engine
from sqlmodel import Session

from app.matching import vectors as vectors_module
from app.matching.vectors import VectorIndex
from app.matching.vectors import from_bytes
from app.matching.vectors import stacked
from app.matching.vectors import to_bytes
from app.tables import ClaimEmbedding
from tests.factories import Factory

MODEL = "test-axes"  # rows of this model only; the app's own rows (another model) are ignored


def axis(position: int) -> np.ndarray:
    vector = np.zeros(8, dtype=np.float32)
    vector[position] = 1.0
    return vector


def store(engine: Engine, claim_id: int, vector: np.ndarray) -> None:
    with engine.begin() as connection:
        connection.execute(delete(ClaimEmbedding).where(ClaimEmbedding.claim_id == claim_id))  # type: ignore[arg-type]
        connection.execute(
            insert(ClaimEmbedding),
            [{"claim_id": claim_id, "model": MODEL, "vector": to_bytes(vector)}],
        )


def test_catch_up_adds_new_rows_and_rows_committed_late_below_the_watermark(
    engine: Engine, factory: Factory
) -> None:
    early, middle, late = (factory.claim(text=f"Claim number {n} about tariffs") for n in range(3))
    assert early.id is not None
    assert middle.id is not None
    assert late.id is not None
    store(engine, middle.id, axis(1))
    store(engine, late.id, axis(2))
    index = VectorIndex(dim=8, model_id=MODEL)

    def catch_up() -> None:
        with Session(engine) as session:  # a request's own session sees what was committed
            index.sync(session, force=True)

    catch_up()
    assert len(index) == 2
    assert index.watermark == late.id
    # A claim whose transaction committed after a later claim's: below the watermark.
    store(engine, early.id, axis(0))
    catch_up()
    assert len(index) == 3
    assert index.search(axis(0), 1)[0][0] == early.id
    assert index.search(axis(0), 1)[0][1] > 0.99
    catch_up()  # nothing new: nothing is added twice
    assert len(index) == 3
    newest = factory.claim(text="A newer claim about interest rates")
    assert newest.id is not None
    store(engine, newest.id, axis(3))
    catch_up()
    assert len(index) == 4
    assert index.watermark == newest.id
    assert index.search(axis(3), 1)[0][0] == newest.id


def test_the_index_answers_alike_however_its_vectors_were_added_in_order() -> None:
    """A resumed import must match as the uninterrupted run did (issue 13). With the hybrid
    matcher, the candidates come from the approximate index, which the uninterrupted run grew a
    chunk at a time while the resumed process rebuilt it from the table in LOAD_BATCH batches.
    Added one thread at a time in id order, the graph (and so every answer) is the same; with
    several threads it would not be. The answers here are approximate (not the exact nearest),
    so the equality is the index's, not the data's."""
    rng = np.random.default_rng(7)
    centres = rng.normal(size=(60, 32)).astype(np.float32)
    vectors = centres[rng.integers(0, 60, 6000)] + 0.7 * rng.normal(size=(6000, 32)).astype(
        np.float32
    )
    ids = list(range(1, 6001))
    queries = vectors[rng.integers(0, 6000, 200)] + 0.3 * rng.normal(size=(200, 32)).astype(
        np.float32
    )

    def built(parts: list[int]) -> list[list[int]]:
        index = VectorIndex(dim=32, model_id=MODEL)
        start = 0
        for size in parts:
            index.add(ids[start : start + size], vectors[start : start + size])
            start += size
        assert len(index) == 6000
        return [[claim_id for claim_id, _ in index.search(q, 30)] for q in queries]

    uninterrupted = built([500] * 12)  # an import's chunks
    assert built([6000]) == uninterrupted  # a restarted process's catch-up, in one batch
    assert built([2500, 500, 500, 500, 1000, 1000]) == uninterrupted  # resumed mid-import
    # Not vacuous: the index is approximate here, so another graph could answer otherwise.
    normed = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    exact = [
        [ids[i] for i in np.argsort(-(normed @ (q / np.linalg.norm(q))))[:30]] for q in queries
    ]
    assert sum(set(a) != set(e) for a, e in zip(uninterrupted, exact, strict=True)) > 0


def test_stored_vectors_decode_in_one_piece_as_row_by_row() -> None:
    """`stacked` (a catch-up's batch decoded at once) gives what decoding each row gives."""
    rng = np.random.default_rng(3)
    rows = [to_bytes(v) for v in rng.normal(size=(5, 384)).astype(np.float32)]
    together = stacked(rows, 384)
    assert together.dtype == np.float32
    assert together.shape == (5, 384)
    assert np.array_equal(together, np.stack([from_bytes(blob) for blob in rows]))
    assert stacked([], 384).shape == (0, 384)


def test_a_stored_vector_of_another_size_is_refused_not_sliced() -> None:
    """383 + 385 values would reshape into two rows of 384, each wrong: refused instead."""
    rng = np.random.default_rng(4)
    short, long = (to_bytes(rng.normal(size=n).astype(np.float32)) for n in (383, 385))
    with pytest.raises(ValueError, match="384 float16"):
        stacked([short, long], 384)


@pytest.mark.parametrize("count", [4, 5])  # a multiple of the batch, and not
def test_a_catch_up_reads_the_table_a_batch_at_a_time(
    engine: Engine, factory: Factory, monkeypatch: pytest.MonkeyPatch, count: int
) -> None:
    """The table is read LOAD_BATCH rows a statement; every row gets in, in id order."""
    monkeypatch.setattr(vectors_module, "LOAD_BATCH", 2)
    ids = []
    for position in range(count):
        claim = factory.claim(text=f"Claim number {position} about the harbour budget")
        assert claim.id is not None
        store(engine, claim.id, axis(position))
        ids.append(claim.id)
    reads: list[str] = []

    def count_reads(_conn, _cursor, statement: str, *_args: object) -> None:
        if "FROM claim_embedding" in statement and statement.lstrip().startswith("SELECT"):
            reads.append(statement)

    index = VectorIndex(dim=8, model_id=MODEL)
    event.listen(engine, "before_cursor_execute", count_reads)
    try:
        with Session(engine) as session:
            index.sync(session, force=True)
    finally:
        event.remove(engine, "before_cursor_execute", count_reads)
    assert len(reads) == count // 2 + 1  # full batches, then a short or empty one
    assert len(index) == count
    assert index.watermark == max(ids)
    for position, claim_id in enumerate(ids):
        assert index.search(axis(position), 1)[0][0] == claim_id
