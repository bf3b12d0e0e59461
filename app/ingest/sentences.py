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

Sentences end in every script (sentence_ends.py); before, outside Latin, only a line break
ended one, so a paragraph in Russian, Arabic or Hindi was one "sentence". The count of two
sentences was chosen on English wires, whose paragraphs are one sentence: so each piece of that
old cut (a paragraph there, a sentence in Latin) is a *passage*, cut again into its sentences,
and a copy carries sentences of two passages; an independent report quoting an official's
paragraph of three sentences is not a copy, a local story keeping one sentence of each of four
paragraphs is. The finer cut only divides a passage, never joins across two. The fingerprint
marks two sentences of one passage with a record of count 0, then the record of the shingles
spanning their boundary, so its shingles are exactly the old cut's; a body without another
script's letter or full stop has no such record and its bytes are what they were. Articles
stored before keep their coarse fingerprints (bodies are not kept) and need no migration: a
stored coarse origin has one passage per sentence, as before, and a new copy's shingles are
those its coarse fingerprint had, so it reads a new copy as it read an old one; a new origin's
passages are the old sentences, and it reads a stored copy as a new one. Code before this
change, reading a new fingerprint, skips the zero and bridge records (too short to count) but
counts sentences, not passages.
"""

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from app.ingest.fingerprints import MIN_SHINGLES
from app.ingest.fingerprints import SHINGLE
from app.ingest.fingerprints import _tokens
from app.ingest.sentence_ends import BOUNDARY
from app.ingest.sentence_ends import LATIN_BOUNDARY
from app.ingest.sentence_ends import abbreviated
from app.ingest.sentence_ends import latin_abbreviated
from app.ingest.sentence_ends import other_scripts

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


@dataclass(slots=True)
class _Sentence:
    tokens: list[str]
    text: list[str]
    soft_end: bool = False  # ends inside what the Latin rule and line breaks keep as one piece


def _pieces(body: str, *, every_script: bool) -> Iterator[str]:
    """The body cut at its boundaries (every script's, or the Latin rule and line breaks
    only), then at Chinese and Japanese full stops."""
    boundary = BOUNDARY if every_script else LATIN_BOUNDARY
    for part in boundary.split(body):
        yield from _full_stops(part)


def _joined(body: str, *, every_script: bool) -> list[_Sentence]:
    """Pieces joined into sentences of at least MIN_SENTENCE_WORDS tokens, not after an
    initial or an abbreviation; a short tail joins the last sentence."""
    sentences: list[_Sentence] = []
    pending = _Sentence([], [])
    is_abbreviated = abbreviated if every_script else latin_abbreviated
    for piece in _pieces(body, every_script=every_script):
        pending.tokens += _tokens(piece)
        if piece.strip():
            pending.text.append(piece.strip())
        if len(pending.tokens) >= MIN_SENTENCE_WORDS and not is_abbreviated(piece.rstrip()):
            sentences.append(pending)
            pending = _Sentence([], [])
    if pending.tokens:
        if sentences:
            last = sentences[-1]
            sentences[-1] = _Sentence(last.tokens + pending.tokens, last.text + pending.text)
        else:
            sentences.append(pending)
    return sentences


def _cut(body: str, *, every_script: bool) -> list[_Sentence]:
    """The body's first MAX_SENTENCES sentences as the Latin rule and line breaks cut them
    (passages); with `every_script`, each of them cut again where a sentence ends in any
    script, all but its last marked `soft_end`. So the finer cut only ever divides a passage:
    its sentences' shingles and the bridges between them are the passage's, and a passage is
    what a sentence was before (a Latin body, or one without another script's letter or full
    stop, is cut as it was)."""
    passages = _joined(body, every_script=False)[:MAX_SENTENCES]
    if not every_script or not other_scripts(body):
        return passages
    sentences: list[_Sentence] = []
    for passage in passages:
        finer = _joined(" ".join(passage.text), every_script=True)
        if [token for s in finer for token in s.tokens] != passage.tokens:
            finer = [passage]  # a cut that would change the tokens: the passage stays whole
        for sentence in finer[:-1]:
            sentence.soft_end = True
        sentences += finer
    return sentences


def split_texts(body: str) -> list[tuple[list[str], str]]:
    """The body's sentences as (tokens, text) pairs as the Latin rule and line breaks cut them,
    in every script: the text for sentence vectors (app/ingest/retold.py), whose threshold was
    chosen on that cut and whose stored vectors stay what they would be."""
    return [(s.tokens, " ".join(s.text)) for s in _cut(body, every_script=False)]


def split(body: str) -> list[list[str]]:
    """The body's sentences as token lists, cut where a sentence ends in any script, each of at
    least MIN_SENTENCE_WORDS tokens except when the whole body is shorter (fragments are joined
    to the next piece, a short tail to the last sentence)."""
    return [s.tokens for s in _cut(body, every_script=True)]


def _hash(shingle: str) -> int:
    digest = hashlib.blake2b(shingle.encode("utf-8"), digest_size=4).digest()
    return int.from_bytes(digest, "little")


def _record(hashes: list[int]) -> bytes:
    return np.array([len(hashes)], dtype=_COUNT).tobytes() + np.array(hashes, dtype=_HASH).tobytes()


def _shingles(tokens: list[str]) -> list[int]:
    return sorted(
        {_hash(" ".join(tokens[i : i + SHINGLE])) for i in range(len(tokens) - SHINGLE + 1)}
    )


def fingerprint(body: str) -> bytes | None:
    """Per sentence, its shingle count (uint16) then its sorted distinct shingle hashes
    (uint32 each); None for a body under MIN_SHINGLES shingles, as for the other fingerprints.
    Between two sentences that the Latin rule and line breaks keep in one piece (a paragraph in
    Russian, Arabic, Hindi...), a count of 0 and then the record of the shingles spanning
    their boundary: the passage they make is counted once (`reappearing`), and the body's
    shingles are those the cut before this one kept. A Latin body has no such record."""
    parts: list[bytes] = []
    total = 0
    previous: _Sentence | None = None
    for sentence in _cut(body, every_script=True):
        if previous is not None and previous.soft_end:
            bridge = _shingles(previous.tokens[1 - SHINGLE :] + sentence.tokens[: SHINGLE - 1])
            total += len(bridge)
            parts += [_record([]), _record(bridge)]
        hashes = _shingles(sentence.tokens)
        total += len(hashes)
        parts.append(_record(hashes))
        previous = sentence
    return b"".join(parts) if total >= MIN_SHINGLES else None


@dataclass(frozen=True, slots=True)
class _Stored:
    sentences: tuple[frozenset[int], ...]
    passages: tuple[int, ...]  # per sentence, the passage it is in
    bridges: tuple[frozenset[int], ...]  # per sentence, the shingles spanning it and the next


@lru_cache(maxsize=1024)
def _parse(stored: bytes) -> _Stored:
    """A stored fingerprint's sentences, passages and bridging shingles (cached: ingest
    compares one body with every article nearby in time). A record cut short ends it."""
    sentences: list[frozenset[int]] = []
    passages: list[int] = []
    bridges: list[frozenset[int]] = []
    offset, passage, bridged = 0, -1, False

    def record() -> frozenset[int] | None:
        nonlocal offset
        if offset + _COUNT.itemsize > len(stored):
            return None
        count = int(np.frombuffer(stored, dtype=_COUNT, count=1, offset=offset)[0])
        if offset + _COUNT.itemsize + count * _HASH.itemsize > len(stored):
            return None
        hashes = np.frombuffer(stored, dtype=_HASH, count=count, offset=offset + _COUNT.itemsize)
        offset += _COUNT.itemsize + count * _HASH.itemsize
        return frozenset(hashes.tolist())

    while (hashes := record()) is not None:
        if not hashes and sentences and not bridged:
            # A count of 0: the next record bridges two sentences of one passage.
            bridge = record()
            if bridge is None:
                break
            bridges[-1] = bridge
            bridged = True
            continue
        passage += 0 if bridged else 1
        bridged = False
        sentences.append(hashes)
        passages.append(passage)
        bridges.append(frozenset())
    return _Stored(tuple(sentences), tuple(passages), tuple(bridges))


def read(stored: bytes) -> tuple[frozenset[int], ...]:
    """The per-sentence hash sets of a stored fingerprint."""
    return _parse(stored).sentences


# A speaker's words in quotation marks, as news sets them: “…”, "…", «…», „…“, »…«, single
# curly marks (British style; not an apostrophe: the closing mark ends a word), 「…」, 『…』.
_QUOTATION = re.compile(
    '\u201c[^\u201d\n]*\u201d|"[^"\n]*"|\u00ab[^\u00bb\n]*\u00bb|\u201e[^\u201c\u201d\n]*[\u201c\u201d]'
    "|\u00bb[^\u00ab\n]*\u00ab|\u2018[^\u2018\n]*?\u2019(?!\\w)|\u300c[^\u300d]*\u300d|\u300e[^\u300f]*\u300f"
)


def quoted(body: str) -> frozenset[int]:
    """The shingles of a body that lie inside quotation marks: a speaker's words, which every
    reporter who heard them may give word for word (`reappearing`)."""
    found: set[int] = set()
    for match in _QUOTATION.finditer(body):
        found.update(_shingles(_tokens(match.group(0))))
    return frozenset(found)


@dataclass(frozen=True, slots=True)
class Reappearing:
    """How much of an earlier body's text is in a later one, sentence by sentence."""

    sentences: int  # sentences of the earlier body that reappear in the later one
    counted: int  # sentences of the earlier body long enough to count
    shingles: int  # distinct shingles of those reappearing sentences
    passages: int  # passages those sentences are in (a sentence alone is a passage)
    narrated: int  # of those passages, the ones with a sentence that is not a quotation

    def describe(self) -> str:
        found = f"{self.sentences} of {self.counted} sentences"
        if self.passages != self.sentences:
            found += f" in {self.passages} passages"
        return f"{found} ({self.shingles} 3-word shingles)"


@lru_cache(maxsize=64)
def _all_hashes(stored: bytes) -> frozenset[int]:
    parsed = _parse(stored)
    return frozenset().union(*parsed.sentences, *parsed.bridges)


def reappearing(
    origin: bytes, copy: bytes, quotations: frozenset[int] = frozenset()
) -> Reappearing:
    """Which of `origin`'s sentences reappear in `copy` (at least SENTENCE_SHARE of their
    shingles anywhere in it), and in how many of its passages; a sentence reappears as a
    quotation when most of the shingles it shares are among `quotations` (`quoted` of the body
    whose text is at hand, the copy's or the origin's: a quotation is in marks in both)."""
    in_copy = _all_hashes(copy)
    parsed = _parse(origin)
    found = counted = shingles = 0
    passages: set[int] = set()
    narrated: set[int] = set()
    previous_bridge: frozenset[int] = frozenset()
    before = False  # whether the sentence before reappears
    for sentence, passage, bridge in zip(
        parsed.sentences, parsed.passages, parsed.bridges, strict=True
    ):
        here = len(sentence) >= MIN_SENTENCE_SHINGLES and len(sentence & in_copy) >= (
            SENTENCE_SHARE * len(sentence)
        )
        counted += len(sentence) >= MIN_SENTENCE_SHINGLES
        if here:
            found += 1
            shingles += len(sentence)
            passages.add(passage)
            shared = sentence & in_copy
            if 2 * len(shared & quotations) < len(shared):
                narrated.add(passage)
        # The shingles spanning two reappearing sentences of one passage reappear with them,
        # as they did when the passage was one sentence.
        if before and here and previous_bridge:
            shingles += len(previous_bridge)
        before, previous_bridge = here, bridge
    return Reappearing(found, counted, shingles, len(passages), len(narrated))


def carries(
    origin: bytes | None,
    copy: bytes | None,
    *,
    min_sentences: int,
    quotations: frozenset[int] = frozenset(),
    min_narrated: int = 1,
) -> Reappearing | None:
    """`reappearing` when `copy` carries sentences of at least `min_sentences` passages of
    `origin` making at least MIN_SHINGLES shingles together (a copyright line and a sign-off
    are not a story), at least `min_narrated` of them a reporter's running text, not only a
    speaker's words in quotation marks (reporters who heard one statement give it word for
    word); None otherwise, or when either has no fingerprint."""
    if origin is None or copy is None:
        return None
    found = reappearing(origin, copy, quotations)
    if (
        found.passages >= min_sentences
        and found.shingles >= MIN_SHINGLES
        and found.narrated >= min_narrated
    ):
        return found
    return None
