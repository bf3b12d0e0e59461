"""Sentence fingerprints: which sentences of one body reappear in another.

A wire story inside a local one is often only three or four of the wire's paragraphs among the
newsroom's own: too little of either body for SimHash (the wholes differ) or for the MinHash
containment share (a third to a half of each body, where an independent report quoting the
same statement also reaches a third). What tells them apart is structure: a copy carries
*whole sentences* of the wire, several of them; an independent report of the same event shares
names, figures and perhaps one quoted sentence, but rarely two sentences of running text.

So each body keeps, per sentence, the sorted distinct 32-bit hashes of the sentence's word
3-gram shingles (`article.body_sentences`): a fingerprint, not the text (no word and no word
order can be read back), about 4 bytes per word. A sentence of the earlier article *reappears*
in the later one when at least SENTENCE_SHARE of its shingles are among the later body's: light
edits (a number restyled, a word changed, a clause trimmed) leave most of a sentence's shingles
in place, and words that merely belong to the same event (names, figures, "said on Tuesday")
cover a few. Sentences under MIN_SENTENCE_SHINGLES shingles (a byline, "(END)", a copyright
line) are not counted. copies.py decides with `reappearing`; docs/matching.md has the rule and
how its numbers were chosen.
"""

import hashlib
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from app.ingest.fingerprints import MIN_SHINGLES
from app.ingest.fingerprints import SHINGLE
from app.ingest.fingerprints import _tokens
from app.ingest.sentence_ends import BOUNDARY
from app.ingest.sentence_ends import abbreviated

# A sentence ends at . ! or ? (after any closing quote or bracket) followed by space and a
# capital (news style spells out a number that starts a sentence), or at a line break; in the
# other scripts, at their own full stops too (sentence_ends.py has every script's rule). A piece
# ending in an initial or a common abbreviation ("U.S.", "St.", "Gov.", "Sept.", a Cyrillic
# initial) is not a sentence yet, and pieces are joined until each has MIN_SENTENCE_WORDS words.
# Chinese and Japanese end a sentence at a full stop 。 (or a full-width ! or ?) with no space
# after it; one inside quotation marks or brackets ends a quoted sentence, not the reporter's
# ("「…当たる。停電の解消には数日かかる」と話している。" is one sentence).
_FULL_STOPS = frozenset("\u3002\uff01\uff1f")
_OPENING = frozenset("\u300c\u300e\u201c\uff08\u3008\u300a\u3010")
_CLOSING = frozenset("\u300d\u300f\u201d\uff09\u3009\u300b\u3011")
MIN_SENTENCE_WORDS = SHINGLE + 7  # 8 shingles
MIN_SENTENCE_SHINGLES = MIN_SENTENCE_WORDS - SHINGLE + 1
SENTENCE_SHARE = 0.5
MAX_SENTENCES = 400  # a longer body keeps its first 400 sentences
_COUNT = np.dtype("<u2")
_HASH = np.dtype("<u4")


def _full_stops(piece: str) -> list[str]:
    """A piece cut after each full-width full stop, ! or ? outside quotation marks and brackets
    (the piece itself when it has none: text in other scripts is cut by BOUNDARY alone)."""
    if _FULL_STOPS.isdisjoint(piece):
        return [piece]
    cut: list[str] = []
    depth = start = 0
    for at, char in enumerate(piece):
        if char in _OPENING:
            depth += 1
        elif char in _CLOSING:
            depth = max(0, depth - 1)
        elif char in _FULL_STOPS and depth == 0:
            cut.append(piece[start : at + 1])
            start = at + 1
    return [*cut, piece[start:]] if piece[start:].strip() else cut


def split_texts(body: str) -> list[tuple[list[str], str]]:
    """The body's sentences as (tokens, text) pairs, split as `split` splits them (the text
    for sentence vectors, app/ingest/retold.py)."""
    sentences: list[tuple[list[str], str]] = []
    pending: list[str] = []
    text: list[str] = []
    for piece in (cut for part in BOUNDARY.split(body) for cut in _full_stops(part)):
        pending += _tokens(piece)
        if piece.strip():
            text.append(piece.strip())
        if len(pending) >= MIN_SENTENCE_WORDS and not abbreviated(piece.rstrip()):
            sentences.append((pending, " ".join(text)))
            pending, text = [], []
    if pending:
        if sentences:
            tokens, words = sentences[-1]
            sentences[-1] = (tokens + pending, " ".join([words, *text]))
        else:
            sentences.append((pending, " ".join(text)))
    return sentences[:MAX_SENTENCES]


def split(body: str) -> list[list[str]]:
    """The body's sentences as token lists, each of at least MIN_SENTENCE_WORDS tokens except
    when the whole body is shorter (fragments are joined to the next piece, a short tail to the
    last sentence)."""
    return [tokens for tokens, _ in split_texts(body)]


def _hash(shingle: str) -> int:
    digest = hashlib.blake2b(shingle.encode("utf-8"), digest_size=4).digest()
    return int.from_bytes(digest, "little")


def fingerprint(body: str) -> bytes | None:
    """Per sentence, its shingle count (uint16) then its sorted distinct shingle hashes
    (uint32 each); None for a body under MIN_SHINGLES shingles, as for the other fingerprints."""
    parts: list[bytes] = []
    total = 0
    for tokens in split(body):
        hashes = sorted(
            {_hash(" ".join(tokens[i : i + SHINGLE])) for i in range(len(tokens) - SHINGLE + 1)}
        )
        total += len(hashes)
        parts.append(np.array([len(hashes)], dtype=_COUNT).tobytes())
        parts.append(np.array(hashes, dtype=_HASH).tobytes())
    return b"".join(parts) if total >= MIN_SHINGLES else None


@lru_cache(maxsize=1024)
def read(stored: bytes) -> tuple[frozenset[int], ...]:
    """The per-sentence hash sets of a stored fingerprint (cached: ingest compares one body
    with every article nearby in time)."""
    sentences: list[frozenset[int]] = []
    offset = 0
    while offset + _COUNT.itemsize <= len(stored):
        count = int(np.frombuffer(stored, dtype=_COUNT, count=1, offset=offset)[0])
        offset += _COUNT.itemsize
        hashes = np.frombuffer(stored, dtype=_HASH, count=count, offset=offset)
        sentences.append(frozenset(hashes.tolist()))
        offset += count * _HASH.itemsize
    return tuple(sentences)


@dataclass(frozen=True, slots=True)
class Reappearing:
    """How much of an earlier body's text is in a later one, sentence by sentence."""

    sentences: int  # sentences of the earlier body that reappear in the later one
    counted: int  # sentences of the earlier body long enough to count
    shingles: int  # distinct shingles of those reappearing sentences

    def describe(self) -> str:
        return f"{self.sentences} of {self.counted} sentences ({self.shingles} 3-word shingles)"


@lru_cache(maxsize=64)
def _all_hashes(stored: bytes) -> frozenset[int]:
    return frozenset().union(*read(stored))


def reappearing(origin: bytes, copy: bytes) -> Reappearing:
    """Which of `origin`'s sentences reappear in `copy` (at least SENTENCE_SHARE of their
    shingles anywhere in it)."""
    in_copy = _all_hashes(copy)
    found = counted = shingles = 0
    for sentence in read(origin):
        if len(sentence) < MIN_SENTENCE_SHINGLES:
            continue
        counted += 1
        hits = len(sentence & in_copy)
        if hits >= SENTENCE_SHARE * len(sentence):
            found += 1
            shingles += len(sentence)
    return Reappearing(found, counted, shingles)


def carries(origin: bytes | None, copy: bytes | None, *, min_sentences: int) -> Reappearing | None:
    """`reappearing` when `copy` carries at least `min_sentences` sentences of `origin` making
    at least MIN_SHINGLES shingles together (a copyright line and a sign-off are not a story);
    None otherwise, or when either has no fingerprint."""
    if origin is None or copy is None:
        return None
    found = reappearing(origin, copy)
    if found.sentences >= min_sentences and found.shingles >= MIN_SHINGLES:
        return found
    return None
