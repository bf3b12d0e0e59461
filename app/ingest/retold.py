"""Sentence vectors: which sentences of one body are *retold* in another.

The sentence fingerprints (sentences.py) find wire text that a local story carries: whole
sentences, lightly edited, keeping at least half of their 3-word shingles. A local story that
retells the wire (tense changed, clauses merged, words reordered, numbers restyled) keeps the
wire's meaning sentence by sentence but few of its shingles. So each body also keeps one vector
per sentence from the packaged sentence-embedding model (app/matching/embedding.py,
multilingual-e5-small), quantised to int8 (`article.body_sentence_vectors`): a point in the
model's space, not the text, and no word can be read back from it as it could from a body.

A sentence of one article is *aligned* with the sentence of the other closest to it in meaning
when their cosine is at least CLAIMS_COPY_RETOLD_SIMILARITY (a sentence carried verbatim sits
near 1). CLAIMS_COPY_RETOLD_SENTENCES aligned sentences (each aligned with a different sentence
of the earlier article) make the later article a copy (copies.py), when no fingerprint rule
matched it first. Both numbers were chosen on the dev pairs (docs/matching.md, "Copy detection").

CPU is bounded: a body is embedded once, at ingest, in one batch of at most MAX_SENTENCES
sentences (the first ones, where a wire story and a wire's paragraphs in a local story sit);
comparing two stored bodies is one small matrix product, done only for articles inside the copy
window that no cheaper rule has already matched.
"""

import hashlib
import logging
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from app.core import scripts
from app.ingest import sentences
from app.matching.embedding import Embedder
from app.matching.embedding import ModelError
from app.matching.embedding import load_embedder

log = logging.getLogger(__name__)

MAX_SENTENCES = 30
_SCALE = 127.0
_HEADER = np.dtype([("dim", "<u2"), ("model", "<u4")])


def _model_tag(model_id: str) -> int:
    return int.from_bytes(hashlib.blake2b(model_id.encode(), digest_size=4).digest(), "little")


def embedder(model: str) -> Embedder | None:
    """The sentence-embedding model, or None (logged once) when it cannot be loaded: copy
    detection then runs on its other fingerprints."""
    try:
        return load_embedder(model)
    except ModelError as error:
        _warn_once(str(error))
        return None


@lru_cache(maxsize=1)
def _warn_once(message: str) -> None:
    log.warning("sentence vectors off, copy detection uses fingerprints only: %s", message)


def vectors(body: str, model: Embedder) -> bytes | None:
    """The int8 vectors of the body's first MAX_SENTENCES sentences long enough to count (as
    for the fingerprints), after a header naming the model; None when there are fewer than
    two such sentences. A sentence in a script without spaces (Chinese, Japanese, Thai...) gets
    none: the cosine was chosen on English, and independent reports of one event in those
    scripts reach it (docs/matching.md, "Copies in scripts without spaces")."""
    texts = [
        text
        for tokens, text in sentences.split_texts(body)
        if len(tokens) >= sentences.MIN_SENTENCE_WORDS and not scripts.has_unspaced(text)
    ][:MAX_SENTENCES]
    if len(texts) < 2:
        return None
    embedded = model.embed(texts)
    quantised = np.clip(np.rint(embedded * _SCALE), -127, 127).astype(np.int8)
    header = np.array([(quantised.shape[1], _model_tag(model.model_id))], dtype=_HEADER)
    return header.tobytes() + quantised.tobytes()


@lru_cache(maxsize=1024)
def read(stored: bytes) -> tuple[int, np.ndarray]:
    """(model tag, unit float32 rows) of stored vectors (cached: ingest compares one body with
    every article nearby in time)."""
    header = np.frombuffer(stored, dtype=_HEADER, count=1)[0]
    dim = int(header["dim"])
    rows = np.frombuffer(stored, dtype=np.int8, offset=_HEADER.itemsize).reshape(-1, dim)
    unit = rows.astype(np.float32)
    unit /= np.maximum(np.linalg.norm(unit, axis=1, keepdims=True), 1e-6)
    return int(header["model"]), unit


@dataclass(frozen=True, slots=True)
class Aligned:
    """How many sentences of an earlier body are retold in a later one."""

    sentences: int  # sentences of the earlier body some sentence of the later one aligns with
    counted: int  # sentences of the earlier body that have a vector
    lowest: float  # the lowest cosine among the aligned pairs

    def describe(self) -> str:
        return f"{self.sentences} of {self.counted} sentences"


def aligned(origin: bytes, copy: bytes, *, threshold: float) -> Aligned | None:
    """Each sentence of `copy` aligned with the sentence of `origin` nearest to it in meaning,
    when their cosine is at least `threshold`: how many distinct sentences of `origin` that
    reaches. None when the two were embedded by different models."""
    origin_model, origin_rows = read(origin)
    copy_model, copy_rows = read(copy)
    if origin_model != copy_model or origin_rows.shape[1] != copy_rows.shape[1]:
        return None
    cosines = copy_rows @ origin_rows.T
    best = cosines.argmax(axis=1)
    scores = cosines[np.arange(len(best)), best]
    kept = scores >= threshold
    reached = set(best[kept].tolist())
    lowest = float(scores[kept].min()) if kept.any() else 0.0
    return Aligned(len(reached), len(origin_rows), lowest)


def retells(
    origin: bytes | None, copy: bytes | None, *, threshold: float, min_sentences: int
) -> Aligned | None:
    """`aligned` when at least `min_sentences` sentences of `origin` are retold in `copy`;
    None otherwise, or when either has no vectors."""
    if origin is None or copy is None:
        return None
    found = aligned(origin, copy, threshold=threshold)
    if found is not None and found.sentences >= min_sentences:
        return found
    return None
