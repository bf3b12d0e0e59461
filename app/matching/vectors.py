"""Claim embeddings: stored with their claim, and an approximate index kept in step.

Every live claim's embedding is a row of `claim_embedding` (float16, L2-normalised), written in
the same flush, and so the same transaction, as the claim itself (`_after_flush`): a new claim
gets one, a changed text a new one, a merged claim loses its own (it is no longer a candidate).
Deleting a claim deletes its row (foreign key, ON DELETE CASCADE).

Each process keeps an approximate nearest-neighbour index per database (usearch HNSW, int8),
built from the table on first use (or loaded from `CLAIMS_VECTOR_INDEX_PATH`, written by
`corroborate reindex`) and caught up on later calls with the rows other processes committed
since. The index only proposes candidates: each is checked against the claim table (live, not
merged) and re-scored from its stored vector, so an entry the index still holds for a merged or
rolled-back claim costs a slot, never a wrong answer. docs/matching.md explains the scaling.
"""

import json
import threading
import time
from collections.abc import Iterable
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from sqlalchemy import delete
from sqlalchemy import event
from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session

from app.matching.embedding import Embedder
from app.tables import Claim
from app.tables import ClaimEmbedding

# Ids below the highest one seen that a catch-up still looks at: on PostgreSQL a claim created
# in a transaction that commits after a later claim's would otherwise be missed for good.
LOOKBACK = 1000
SYNC_INTERVAL = 0.25  # seconds between two catch-ups of one index (writes of this process are
# added at once; the lexical candidates cover what another process committed meanwhile)
LOAD_BATCH = 2_000


def to_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype="<f2").tobytes()


def from_bytes(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<f2").astype(np.float32)


def stacked(blobs: Sequence[bytes], dim: int) -> np.ndarray:
    """Many stored vectors as one float32 matrix, decoded in one piece: an array per row left
    tens of megabytes of small freed blocks behind a large index's load, which glibc kept."""
    size = 2 * dim  # float16
    if any(len(blob) != size for blob in blobs):
        raise ValueError(f"a stored vector is not {dim} float16 values")
    joined = np.frombuffer(b"".join(blobs), dtype="<f2")
    return joined.reshape(len(blobs), dim).astype(np.float32)


class VectorIndex:
    """One database's claim vectors in an in-process HNSW index (usearch)."""

    def __init__(self, *, dim: int, model_id: str) -> None:
        from usearch.index import Index

        self.dim = dim
        self.model_id = model_id
        self._index = Index(ndim=dim, metric="cos", dtype="i8", connectivity=16)
        self._lock = threading.RLock()
        self.watermark = 0  # the highest claim id the index has caught up to
        self._synced_at = 0.0

    def __len__(self) -> int:
        return len(self._index)

    def replace(self, ids: Sequence[int], vectors: np.ndarray) -> None:
        """Index these vectors, replacing what the index holds for the ids (a changed text, or
        an id SQLite handed out again after a delete)."""
        with self._lock:
            keys = np.asarray(ids, dtype=np.uint64)
            held = keys[np.asarray(self._index.contains(keys), dtype=bool).reshape(-1)]
            if len(held):
                self._index.remove(held)
            self.add(ids, vectors)

    def add(self, ids: Sequence[int], vectors: np.ndarray) -> None:
        """Index the vectors of ids the index does not hold yet."""
        with self._lock:
            keys = np.asarray(ids, dtype=np.uint64)
            fresh = ~np.asarray(self._index.contains(keys), dtype=bool).reshape(-1)
            if fresh.any():
                self._index.add(keys[fresh], vectors[fresh], threads=1)
            if len(ids):
                self.watermark = max(self.watermark, int(max(ids)))

    def search(self, vector: np.ndarray, count: int) -> list[tuple[int, float]]:
        """Up to `count` (claim id, cosine similarity) pairs, nearest first."""
        with self._lock:
            if len(self._index) == 0:
                return []
            found = self._index.search(vector, count, threads=1)
        return [
            (int(key), 1.0 - float(distance))
            for key, distance in zip(found.keys, found.distances, strict=True)
        ]

    def sync(self, session: Session, *, force: bool = False) -> None:
        """Add the embeddings committed since the last catch-up (at most every SYNC_INTERVAL)."""
        now = time.monotonic()
        if not force and now - self._synced_at < SYNC_INTERVAL:
            return
        with self._lock:
            self._synced_at = now
            if self.watermark:
                self._fill_gaps(session)
            low = self.watermark
            while True:
                rows = session.execute(
                    select(ClaimEmbedding.claim_id, ClaimEmbedding.vector)
                    .where(
                        ClaimEmbedding.claim_id > low,  # type: ignore[arg-type]
                        ClaimEmbedding.model == self.model_id,  # type: ignore[arg-type]
                    )
                    .order_by(ClaimEmbedding.claim_id)
                    .limit(LOAD_BATCH)
                ).all()
                if not rows:
                    return
                ids = [row[0] for row in rows]
                self.add(ids, stacked([row[1] for row in rows], self.dim))
                if len(rows) < LOAD_BATCH:
                    return
                low = ids[-1]

    def _fill_gaps(self, session: Session) -> None:
        """Add what committed late below the watermark (the last LOOKBACK ids). Only the ids are
        read: the vectors of the few the index lacks, not of all LOOKBACK rows every time."""
        recent = np.asarray(
            session.scalars(
                select(ClaimEmbedding.claim_id).where(
                    ClaimEmbedding.claim_id > self.watermark - LOOKBACK,  # type: ignore[arg-type]
                    ClaimEmbedding.claim_id <= self.watermark,  # type: ignore[arg-type]
                    ClaimEmbedding.model == self.model_id,  # type: ignore[arg-type]
                )
            ).all(),
            dtype=np.uint64,
        )
        if not len(recent):
            return
        present = np.asarray(self._index.contains(recent), dtype=bool).reshape(-1)
        missing = [int(claim_id) for claim_id in recent[~present]]
        if not missing:
            return
        rows = session.execute(
            select(ClaimEmbedding.claim_id, ClaimEmbedding.vector)
            .where(
                ClaimEmbedding.claim_id.in_(missing),  # type: ignore[attr-defined]
                ClaimEmbedding.model == self.model_id,  # type: ignore[arg-type]
            )
            .order_by(ClaimEmbedding.claim_id)  # added in id order, as everywhere
        ).all()
        if rows:
            self.add([row[0] for row in rows], stacked([row[1] for row in rows], self.dim))

    def save(self, path: Path) -> None:
        with self._lock:
            self._index.save(str(path))
            meta = {"model": self.model_id, "watermark": self.watermark, "size": len(self)}
            Path(f"{path}.json").write_text(json.dumps(meta))

    def load(self, path: Path) -> bool:
        """Take the index saved at `path` if it was built with this model; False otherwise."""
        meta_path = Path(f"{path}.json")
        if not path.is_file() or not meta_path.is_file():
            return False
        meta = json.loads(meta_path.read_text())
        if meta.get("model") != self.model_id:
            return False
        with self._lock:
            self._index.load(str(path))
            self.watermark = int(meta.get("watermark", 0))
        return True


class ClaimVectors:
    """The embedder and the per-database indexes of this process."""

    def __init__(self, embedder: Embedder, *, index_path: Path | None = None) -> None:
        self.embedder = embedder
        self.index_path = index_path
        self._indexes: dict[str, VectorIndex] = {}
        self._lock = threading.Lock()

    def index(self, session: Session) -> VectorIndex:
        """This database's index, caught up with what was committed since the last call."""
        key = str(session.get_bind().url)
        with self._lock:
            index = self._indexes.get(key)
            if index is None:
                index = VectorIndex(dim=self.embedder.dim, model_id=self.embedder.model_id)
                if self.index_path is not None:
                    index.load(self.index_path)
                self._indexes[key] = index
        index.sync(session)
        return index

    def rebuild(self, session: Session) -> VectorIndex:
        """A new index for this database from the table alone (never from a saved file, which
        may still hold what was just removed), in place of the one held."""
        index = VectorIndex(dim=self.embedder.dim, model_id=self.embedder.model_id)
        index.sync(session, force=True)
        with self._lock:
            self._indexes[str(session.get_bind().url)] = index
        return index

    def forget(self) -> None:
        """Drop every in-process index (they are rebuilt from the table on next use)."""
        with self._lock:
            self._indexes.clear()

    def write(self, session: OrmSession, claims: Iterable[tuple[int, str]]) -> None:
        """Store (and index) the embeddings of these (claim id, text) pairs, replacing any."""
        pairs = list(claims)
        if not pairs:
            return
        ids = [claim_id for claim_id, _ in pairs]
        vectors = self.embedder.embed([text for _, text in pairs])
        connection = session.connection()
        connection.execute(
            delete(ClaimEmbedding).where(ClaimEmbedding.claim_id.in_(ids))  # type: ignore[attr-defined]
        )
        connection.execute(
            ClaimEmbedding.__table__.insert(),  # type: ignore[attr-defined]
            [
                {"claim_id": claim_id, "model": self.embedder.model_id, "vector": to_bytes(vector)}
                for claim_id, vector in zip(ids, vectors, strict=True)
            ],
        )
        key = str(session.get_bind().url)
        index = self._indexes.get(key)
        if index is not None:
            index.replace(ids, vectors)

    def remove(self, session: OrmSession, claim_ids: Sequence[int]) -> None:
        if claim_ids:
            session.connection().execute(
                delete(ClaimEmbedding).where(ClaimEmbedding.claim_id.in_(claim_ids))  # type: ignore[attr-defined]
            )


def reindex(session: Session, *, vectors: ClaimVectors, batch: int = 256) -> tuple[int, int]:
    """Make `claim_embedding` match the live claims and the model (embed what is missing, drop
    what is merged or from another model), then rebuild this process's index (and save it to
    the configured path). Returns (embedded, removed)."""
    model = vectors.embedder.model_id
    stale = select(ClaimEmbedding.claim_id).where(
        (ClaimEmbedding.model != model)  # type: ignore[arg-type]
        | ClaimEmbedding.claim_id.in_(  # type: ignore[attr-defined]
            select(Claim.id).where(Claim.merged_into.is_not(None))  # type: ignore[union-attr]
        )
    )
    removed = list(session.scalars(stale))
    for start in range(0, len(removed), 1000):
        vectors.remove(session, removed[start : start + 1000])
    embedded = 0
    after = 0
    while True:
        rows = session.execute(
            select(Claim.id, Claim.text)
            .outerjoin(ClaimEmbedding, ClaimEmbedding.claim_id == Claim.id)  # type: ignore[arg-type]
            .where(
                Claim.merged_into.is_(None),  # type: ignore[union-attr]
                ClaimEmbedding.claim_id.is_(None),  # type: ignore[union-attr]
                Claim.id > after,  # type: ignore[operator]
            )
            .order_by(Claim.id)
            .limit(batch)
        ).all()
        if not rows:
            break
        vectors.write(session, [(row.id, row.text) for row in rows])
        embedded += len(rows)
        after = rows[-1].id
    session.flush()
    index = vectors.rebuild(session)
    if vectors.index_path is not None:
        index.save(vectors.index_path)
    return embedded, len(removed)


# The process's store, set when a matcher that uses embeddings is built: every session then
# writes embeddings for the claims it creates or changes (one store per process and model).
_active: ClaimVectors | None = None
_stores: dict[str, ClaimVectors] = {}
_stores_lock = threading.Lock()


def store(embedder: Embedder, *, index_path: Path | None = None) -> ClaimVectors:
    """The process's one store for this model (made active): every matcher built with the
    model shares its indexes, and the flush hook writes through it."""
    with _stores_lock:
        found = _stores.get(embedder.model_id)
        if found is None:
            found = _stores[embedder.model_id] = ClaimVectors(embedder, index_path=index_path)
        elif index_path is not None:
            found.index_path = index_path
    activate(found)
    return found


def activate(vectors: ClaimVectors | None) -> None:
    global _active
    _active = vectors


def active() -> ClaimVectors | None:
    return _active


@event.listens_for(OrmSession, "after_flush")
def _after_flush(session: OrmSession, _context: object) -> None:
    """Embeddings follow their claims, in the transaction that changed them."""
    vectors = _active
    if vectors is None:
        return
    written: list[tuple[int, str]] = []
    removed: list[int] = []
    for obj in session.new:
        if isinstance(obj, Claim) and obj.id is not None and obj.merged_into is None:
            written.append((obj.id, obj.text))
    for obj in session.dirty:
        if not isinstance(obj, Claim) or obj.id is None:
            continue
        state = obj._sa_instance_state  # type: ignore[attr-defined]
        if obj.merged_into is not None and state.attrs.merged_into.history.has_changes():
            removed.append(obj.id)
        elif state.attrs.text.history.has_changes():
            written.append((obj.id, obj.text))
    if written or removed:
        vectors.remove(session, removed)
        vectors.write(session, written)
