"""Skipping lexical pairs that cannot reach a threshold, with the same decisions.

Bulk ingest scores each new claim against its ~40 full-text and in-chunk candidates, and keeps
only those at or above the suggest threshold; on the S benchmark data fewer than one pair in a
hundred gets there, yet `signals` costs about 50 us a pair, most of it the fuzzy spelling check
(rapidfuzz over every pair of unmatched words). `score_bound` is a cheap upper bound on
`signals(a, b).score`: the vetoes that do not depend on coverage (numbers, polarity, claimant,
direction), times an overlap counting every word that could be covered as fully covered. A pair
whose bound is below the threshold is skipped; every other pair is scored by `signals` itself, so
every score and signal that is kept is the one `signals` gives.

The bound is exact where it can be and generous where it must be:

* a word covered exactly (in the other's words, claimant, acronyms, or spelled out by an acronym
  of its own) is counted with its weight, as `_coverage` counts it;
* a word `_coverage` might cover as a spelling variant or a derived form counts its full weight
  (`_coverage` gives it at most that) only if the other claim has an unmatched word that is a
  *neighbour* of it: sharing a root (`_same_root`) or a rapidfuzz ratio of at least
  `FUZZY_CUTOFF - 1` (one point below the matcher's own, so a rounding difference cannot hide one).
  Neighbours are found once per word, when the word is first seen, against every word seen before
  (`_Neighbours`), so a pair asks a set, not rapidfuzz;
* vetoes that depend on coverage (names, substitution, roles) only lower a score: left out.

`tests/matching/test_bounds.py` runs the labelled pairs through both and checks that the bound
is never below the score and that ranking with a floor keeps exactly the candidates at or above it.
"""

import threading
from collections.abc import Collection
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from math import ceil
from math import floor

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz import process
from sqlmodel import Session

from app.matching.analysis import Analysis
from app.matching.base import Candidate
from app.matching.lexical import CLAIMANT_CONFLICT
from app.matching.lexical import DIRECTION_CONFLICT
from app.matching.lexical import FUZZY_CUTOFF
from app.matching.lexical import FUZZY_MIN_LENGTH
from app.matching.lexical import NUMBER_CONFLICT
from app.matching.lexical import NUMBER_MISSING
from app.matching.lexical import POLARITY_CONFLICT
from app.matching.lexical import ROOT_MIN_LENGTH
from app.matching.lexical import LexicalMatcher
from app.matching.lexical import Signals
from app.matching.lexical import _direction_conflict
from app.matching.lexical import _same_root
from app.matching.lexical import signals
from app.matching.lexical import stored_analysis

# Scores are rounded to 4 places and products of floats; a pair is skipped only when its bound
# is this far below the threshold, so neither can turn a kept pair into a skipped one.
MARGIN = 1e-3
_NEIGHBOUR_CUTOFF = FUZZY_CUTOFF - 1
# Length ratios outside which two words cannot reach the cutoff: ratio <= 200 * min / (la + lb).
_SHORTER = _NEIGHBOUR_CUTOFF / (200 - _NEIGHBOUR_CUTOFF) - 0.01
_LONGER = (200 - _NEIGHBOUR_CUTOFF) / _NEIGHBOUR_CUTOFF + 0.01
WORDS_INDEXED = 200_000  # words whose neighbours are kept; beyond, pairs ask rapidfuzz directly


def _neighbours(a: str, b: str) -> bool:
    """Whether `_coverage` could credit a with b or b with a as one word in two forms."""
    return (a[:ROOT_MIN_LENGTH] == b[:ROOT_MIN_LENGTH] and _same_root(a, b)) or fuzz.ratio(
        a, b, score_cutoff=_NEIGHBOUR_CUTOFF
    ) >= _NEIGHBOUR_CUTOFF


class _Neighbours:
    """Every word (of FUZZY_MIN_LENGTH or more) seen so far, each with its neighbours among them.

    Grows only, so any two indexed words know whether they are neighbours; a word arriving once
    the index is full is not indexed, and pairs with it are checked one by one. The words a call
    brings are compared in one `process.cdist` per length (rapidfuzz's many-to-many scorer, about
    six times faster than one `process.extract` per word on a news-sized vocabulary); the
    neighbours found are those one `process.extract` per word would find, in any order.
    """

    def __init__(self, size: int = WORDS_INDEXED) -> None:
        self.size = size
        self.of: dict[str, set[str]] = {}
        self._by_length: dict[int, list[str]] = {}
        self._by_prefix: dict[str, list[str]] = {}
        self._lock = threading.Lock()
        self.version = 0  # counts the words added: a neighbour set may have grown since

    def add(self, words: Collection[str]) -> bool:
        """Index the words; False if some could not be (the index is full)."""
        if all(word in self.of for word in words):
            return True
        with self._lock:
            new = sorted(word for word in words if word not in self.of)
            room = self.size - len(self.of)
            kept = new[: max(room, 0)]
            found = self._among_indexed(kept)
            self._among_themselves(kept, found)
            for word in kept:
                self._add(word, found[word])
            return len(kept) == len(new)

    def _among_indexed(self, words: list[str]) -> dict[str, set[str]]:
        """Each word's neighbours by ratio among the words indexed before this call."""
        found: dict[str, set[str]] = {word: set() for word in words}
        by_length: dict[int, list[str]] = {}
        for word in words:
            by_length.setdefault(len(word), []).append(word)
        for length, group in by_length.items():
            choices = [
                other
                for size in range(floor(length * _SHORTER), ceil(length * _LONGER) + 1)
                for other in self._by_length.get(size, ())
            ]
            if choices:
                _pairs(group, choices, found)
        return found

    @staticmethod
    def _among_themselves(words: list[str], found: dict[str, set[str]]) -> None:
        """Each word's neighbours by ratio among the words before it in the call."""
        for start in range(0, len(words), _ROWS):
            rows = words[start : start + _ROWS]
            for row, column in _above_cutoff(rows, words[: start + len(rows)]):
                if column < start + row:
                    found[rows[row]].add(words[column])

    def _add(self, word: str, found: set[str]) -> None:
        prefix = word[:ROOT_MIN_LENGTH]
        found.update(o for o in self._by_prefix.get(prefix, ()) if _same_root(word, o))
        # In this order for readers in other threads (they take no lock): a word is indexed
        # (in `of`) only once its neighbours know it and the version says something changed,
        # so a reach gathered before it is gathered again.
        for other in found:
            self.of[other].add(word)
        self._by_length.setdefault(len(word), []).append(word)
        self._by_prefix.setdefault(prefix, []).append(word)
        self.version += 1
        self.of[word] = found


_ROWS = 64  # rows of one cdist matrix (a byte a pair: at most 13 MB against 200,000 words)


def _above_cutoff(rows: list[str], columns: list[str]) -> list[tuple[int, int]]:
    """(row, column) of every pair with a ratio of at least the neighbour cutoff. The cutoff is
    applied to the exact ratio before it is stored as a byte (83.87 gives 0, not 84)."""
    scores = process.cdist(
        rows,
        columns,
        scorer=fuzz.ratio,
        score_cutoff=_NEIGHBOUR_CUTOFF,
        dtype=np.uint8,
        workers=1,
    )
    found = np.nonzero(scores)
    return list(zip(found[0].tolist(), found[1].tolist(), strict=True))


def _pairs(words: list[str], choices: list[str], found: dict[str, set[str]]) -> None:
    """Add to `found` every choice at the neighbour cutoff of each word."""
    for start in range(0, len(words), _ROWS):
        rows = words[start : start + _ROWS]
        for row, column in _above_cutoff(rows, choices):
            found[rows[row]].add(choices[column])


_index = _Neighbours()


@dataclass(slots=True, eq=False)
class Prepared:
    """A claim's analysis with the sets the bound asks of it, computed once per text."""

    analysis: Analysis
    keys: AbstractSet[str]  # its words (its analysis's weights' keys)
    covers: AbstractSet[str]  # words of another claim it covers exactly (not counting acronyms)
    # Tuples, not sets: a few words each, and kept per cached text (a set costs 700 bytes).
    long: tuple[str, ...]  # words a fuzzy match may involve (FUZZY_MIN_LENGTH or longer)
    fuzzy: tuple[str, ...]  # the long words not starting with a digit
    spelled_out: tuple[tuple[str, str], ...]  # word -> initials of an acronym it is part of
    total: float
    indexed: bool  # every long word has its neighbours in the index
    # (index version, the neighbours of its fuzzy words as of that version): one attribute, so
    # that a thread never sees one version with another version's words.
    reach: tuple[int, frozenset[str]] = (-1, frozenset())

    def reach_now(self) -> frozenset[str]:
        """Every indexed word that is a neighbour of one of its fuzzy words."""
        version, words = self.reach
        if version != _index.version:
            version = _index.version  # read before the sets: they are at least this new
            words = frozenset().union(*(_index.of[token] for token in self.fuzzy))
            self.reach = (version, words)
        return words


def _long(words: Iterable[str]) -> tuple[str, ...]:
    """The words a fuzzy match may involve (FUZZY_MIN_LENGTH or longer), in order."""
    return tuple(t for t in words if len(t) >= FUZZY_MIN_LENGTH)


def prepare(analysis: Analysis) -> Prepared:
    """The sets the bound needs for one analysis."""
    weights = analysis.weights
    # The analysis's own dict keys, not a copy: a cached Prepared is kept per text, and a
    # frozenset of a claim's dozen words costs about 700 bytes. `covers` is the same object
    # when it holds no more (a quarter of news claims).
    keys = weights.keys()
    long = _long(keys)
    covers: AbstractSet[str] = keys
    if analysis.acronyms or not analysis.claimant <= keys:
        covers = frozenset(keys) | analysis.claimant | frozenset(analysis.acronyms)
    spelled_out = {token: initials for initials, run in analysis.acronyms.items() for token in run}
    return Prepared(
        analysis=analysis,
        keys=keys,
        covers=covers,
        long=long,
        fuzzy=tuple(t for t in long if not t[0].isdigit()),
        spelled_out=tuple(spelled_out.items()),
        total=analysis.total,
        indexed=_index.add(long),
    )


def index_words(items: Iterable[tuple[str, str | None]]) -> None:
    """Index the long words of many claims in one call, so that `prepared` finds them indexed:
    one `_Neighbours.add` for a chunk instead of one per text (cdist batches by the call).
    Each claim once: a run's candidates are the same few stored claims again and again (on the
    S data 66,000 candidate rows of 2,200 claims)."""
    words: set[str] = set()
    for text, claimant in dict.fromkeys(items):
        words.update(_long(stored_analysis(text, claimant).weights))
    _index.add(words)


@lru_cache(maxsize=20_000)
def prepared(text: str, claimant: str | None) -> Prepared:
    """`prepare` of the claim's (cached) analysis."""
    return prepare(stored_analysis(text, claimant))


def _covered_bound(a: Prepared, b: Prepared) -> float:
    """At least the weight `_coverage(a, b)` finds covered."""
    analysis = a.analysis
    exact = a.keys & b.covers
    if analysis.claimant and analysis.claimant & b.analysis.claimant:
        exact |= a.keys & analysis.claimant
    if a.spelled_out:
        exact |= {token for token, initials in a.spelled_out if initials in b.keys}
    weights = analysis.weights
    covered = 0.0
    for token in exact:
        covered += weights[token]
    unmatched = [token for token in b.long if token not in a.keys]
    if not unmatched:
        return covered
    indexed = a.indexed and b.indexed
    if indexed and a.reach_now().isdisjoint(unmatched):
        return covered
    for token in a.fuzzy:
        if token in exact:
            continue
        if indexed:
            if not _index.of[token].isdisjoint(unmatched):
                covered += weights[token]
        elif any(_neighbours(token, other) for other in unmatched):
            covered += weights[token]
    return covered


def _factor_bound(x: Analysis, y: Analysis) -> float:
    """The product of the vetoes that do not depend on coverage (the others only lower it)."""
    factor = 1.0
    if x.numbers != y.numbers:
        both = x.numbers - y.numbers and y.numbers - x.numbers
        factor *= NUMBER_CONFLICT if both else NUMBER_MISSING
    if x.negated != y.negated:
        factor *= POLARITY_CONFLICT
    if x.claimant and y.claimant and not x.claimant & y.claimant:
        factor *= CLAIMANT_CONFLICT
    if (x.directions or y.directions) and _direction_conflict(x, y):
        factor *= DIRECTION_CONFLICT
    return factor


def _overlap_bound(a: Prepared, b: Prepared) -> float:
    total = a.total + b.total
    if total == 0:
        return 0.0
    return min(1.0, (_covered_bound(a, b) + _covered_bound(b, a)) / total)


def score_bound(a: Prepared, b: Prepared) -> float:
    """An upper bound on `signals(a.analysis, b.analysis).score` (before rounding)."""
    return _factor_bound(a.analysis, b.analysis) * _overlap_bound(a, b)


def signals_from(a: Prepared, b: Prepared, threshold: float) -> Signals | None:
    """`signals(a, b)` if its score may reach `threshold`; None when it cannot (by the bound)."""
    if threshold > 0:
        cut = threshold - MARGIN
        # The vetoes first: they are cheaper than the overlap and often enough on their own.
        factor = _factor_bound(a.analysis, b.analysis)
        if factor < cut:
            return None
        total = a.total + b.total
        if total == 0:
            return None if cut > 0 else signals(a.analysis, b.analysis)
        covered = _covered_bound(a, b)
        # Then one side's coverage, with all of the other's weight taken as covered: a bound
        # too (b covers at most its own weight), and enough for about half of an import's pairs.
        if factor * min(1.0, (covered + b.total) / total) < cut:
            return None
        if factor * min(1.0, (covered + _covered_bound(b, a)) / total) < cut:
            return None
    return signals(a.analysis, b.analysis)


def match_many_above(
    matcher: LexicalMatcher,
    session: Session,
    items: list[tuple[str, str | None]],
    limit: int,
    threshold: float,
) -> dict[tuple[str, str | None], list[Candidate]]:
    """`matcher.match_many`'s candidates that score at least `threshold`: the same candidates,
    scores, signals and order, without scoring the pairs that cannot get there."""
    rows = matcher.candidate_rows_many(session, [text for text, _ in items])
    # One call for the chunk's texts and their candidates: their words are compared in one batch.
    index_words([*items, *(pair for text, _ in items for pair in rows[text].values())])
    found: dict[tuple[str, str | None], list[Candidate]] = {}
    for text, claimant in dict.fromkeys(items):
        query = prepared(text, claimant)
        scored = []
        for claim_id, (other, other_claimant) in rows[text].items():
            why = signals_from(query, prepared(other, other_claimant), threshold)
            if why is not None and why.score >= threshold and why.score > 0:
                scored.append(Candidate(claim_id=claim_id, score=why.score, signals=why.explain()))
        scored.sort(key=lambda candidate: (-candidate.score, candidate.claim_id))
        found[(text, claimant)] = scored[:limit]
    return found
