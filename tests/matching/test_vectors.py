"""The in-process vector index catching up with claim_embedding (app/matching/vectors.py)."""

import numpy as np
from sqlalchemy import delete
from sqlalchemy import insert
from sqlalchemy.engine import Engine
from sqlmodel import Session

from app.matching.vectors import VectorIndex
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
