"""What copy detection keeps of a body: a SimHash fingerprint and a MinHash sketch.

SimHash (Charikar 2002) turns the body's word 3-gram shingles into one 64-bit number such that
near-identical bodies differ in few bits; `similarity` is the share of equal bits. A wire story
republished verbatim, or with a dateline and a paragraph added, stays above 0.9; unrelated
bodies sit near 0.5. Bodies shorter than MIN_SHINGLES give no fingerprint (too few shingles to be
telling). The credit a body gives is read in app/ingest/credits/reading.py.
"""

import hashlib
import unicodedata
from collections import Counter
from functools import cache
from typing import Any

import numpy as np

from app.core import scripts

SHINGLE = 3
MIN_SHINGLES = 30
BITS = 64


def _tokens(text: str) -> list[str]:
    """The body's words, a run of a script without spaces (Chinese, Japanese, Thai...) as its
    character bigrams (app/core/scripts.py): the "words" the shingles are made of."""
    return scripts.terms(unicodedata.normalize("NFKC", text).casefold())


def simhash(body: str) -> int | None:
    """The 64-bit SimHash of a body's word 3-gram shingles, or None for a short body."""
    tokens = _tokens(body)
    shingles = Counter(" ".join(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1))
    if sum(shingles.values()) < MIN_SHINGLES:
        return None
    # Sum the weights per byte value of each of the 8 byte positions, then per bit: 8 additions
    # per shingle instead of 64.
    per_byte = [Counter[int]() for _ in range(BITS // 8)]
    total = 0
    for shingle, count in shingles.items():
        digest = hashlib.blake2b(shingle.encode("utf-8"), digest_size=BITS // 8).digest()
        for position, value in enumerate(digest):
            per_byte[position][value] += count
        total += count
    fingerprint = 0
    for position, counts in enumerate(per_byte):
        for bit in range(8):
            ones = sum(count for value, count in counts.items() if value >> bit & 1)
            if 2 * ones > total:
                fingerprint |= 1 << (position * 8 + bit)
    return fingerprint


# ---- shingle containment (MinHash) -----------------------------------------------------------
# SimHash answers "is this the same body?"; it cannot say that one body is *inside* another (a
# trimmed copy, a wire story inside a longer local article): those differ in most bits. A MinHash
# of the distinct shingles estimates their Jaccard similarity J; with both set sizes kept, the
# share of one set inside the other follows: |A & B| = J (|A| + |B|) / (1 + J).

NUM_PERM = 128
_MINHASH_SEED = 1
_SCHEME = "affine32"  # 32-bit values: stored as uint32, the stored sketches need this scheme


def shingle_set(body: str) -> set[str]:
    """The distinct word 3-gram shingles of a body (what both fingerprints are built from)."""
    tokens = _tokens(body)
    return {" ".join(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)}


@cache
def _minhash_class() -> Any:
    # Imported on first use: datasketch imports scipy, which costs seconds at start-up in every
    # process (CLI, workers) that never fingerprints a body.
    from datasketch import MinHash

    return MinHash


def minhash(body: str) -> tuple[bytes, int] | None:
    """A MinHash of the body's distinct shingles (NUM_PERM x uint32, 512 bytes) and how many
    there are; None for a body under MIN_SHINGLES shingles."""
    shingles = shingle_set(body)
    if len(shingles) < MIN_SHINGLES:
        return None
    sketch = _minhash_class()(num_perm=NUM_PERM, seed=_MINHASH_SEED, scheme=_SCHEME)
    sketch.update_batch([shingle.encode("utf-8") for shingle in sorted(shingles)])
    return sketch.hashvalues.astype("<u4").tobytes(), len(shingles)


def _sketch(stored: bytes) -> Any:
    values = np.frombuffer(stored, dtype="<u4").astype(np.uint64)
    return _minhash_class()(
        num_perm=NUM_PERM, seed=_MINHASH_SEED, hashvalues=values, scheme=_SCHEME
    )


def containment(a: bytes, a_shingles: int, b: bytes, b_shingles: int) -> float:
    """Estimated share of A's shingles that are also B's, in [0, 1]."""
    if not a_shingles or not b_shingles or len(a) != len(b):
        return 0.0
    jaccard = _sketch(a).jaccard(_sketch(b))
    shared = jaccard * (a_shingles + b_shingles) / (1 + jaccard)
    return min(1.0, shared / a_shingles)


def to_signed(fingerprint: int) -> int:
    """A 64-bit fingerprint as the signed integer a BIGINT column holds."""
    return fingerprint - (1 << BITS) if fingerprint >= 1 << (BITS - 1) else fingerprint


def similarity(a: int, b: int) -> float:
    """Share of equal bits between two fingerprints (stored signed or not), in [0, 1]."""
    mask = (1 << BITS) - 1
    return 1 - ((a ^ b) & mask).bit_count() / BITS
