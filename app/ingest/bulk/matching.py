"""Matching a claim against the claims created earlier in the same chunk.

Those claims are not in the database yet, so the matcher's own candidate search (full text,
nearest neighbours) cannot find them. One by one, each line would have committed them before the
next line looked; here the chunk keeps them in memory and offers the same candidates: a claim
created earlier is a candidate when it shares a telling word's stem with the text (what the
full-text search asks for) or, for a matcher with embeddings, when it is near in meaning, and it
is scored by the matcher's own pair score with the same signals.
"""

import weakref
from collections import defaultdict
from functools import lru_cache
from typing import TYPE_CHECKING
from typing import Any

from app.ingest.bulk.rows import ClaimRow
from app.ingest.bulk.rows import Scored
from app.matching.analysis import content_words
from app.matching.analysis import stem_english
from app.matching.base import Matcher
from app.matching.bounds import MARGIN
from app.matching.bounds import prepared
from app.matching.bounds import signals_from
from app.matching.lexical import LexicalMatcher
from app.matching.lexical import signals
from app.matching.lexical import stored_analysis
from app.matching.overlap_postings import Postings

if TYPE_CHECKING:
    import numpy as np


def _hybrid(matcher: Matcher) -> bool:
    # By class name: importing the hybrid matcher loads numpy and the model code, which a
    # service running the lexical matcher never needs.
    return type(matcher).__name__ == "HybridMatcher"


# A chunk claim that shares no telling word is a hybrid candidate from this cosine up; below it
# the calibrated score cannot reach the suggest threshold (docs/matching.md).
_NEAR_COSINE = 0.6


@lru_cache(maxsize=4_096)
def _keys(text: str) -> frozenset[str]:
    # Stems, as the full-text index keeps words (FTS5's porter, PostgreSQL's english): a stored
    # "Protesters blocked highways" is a candidate for "Protester blocks highway", so a chunk's.
    # Remembered: a new claim's text is asked for its candidates, then added under the same keys.
    return frozenset(stem_english(word.casefold()) for word in content_words(text))


class ChunkClaims:
    """The claims created so far in a chunk, searchable as the matcher would search the table."""

    def __init__(self, matcher: Matcher) -> None:
        self.matcher = matcher
        self.claims: list[ClaimRow] = []
        self._by_word: dict[str, list[int]] = defaultdict(list)
        self._vectors: list[np.ndarray] = []
        self._embedder = matcher.vectors.embedder if _hybrid(matcher) else None  # type: ignore[attr-defined]
        # The lexical matcher's pairs are bounded against all the chunk's claims at once first.
        self._postings = Postings() if isinstance(matcher, LexicalMatcher) else None

    def prepare(self, texts: list[str]) -> None:
        """Embed every text of the chunk in one model call (later lookups hit the cache)."""
        if self._embedder is not None and texts:
            self._embedder.embed(list(dict.fromkeys(texts)))

    def add(self, claim: ClaimRow) -> None:
        index = len(self.claims)
        self.claims.append(claim)
        for word in _keys(claim.text):
            self._by_word[word].append(index)
        if self._postings is not None:
            self._postings.add(prepared(claim.text, claim.claimant))
        if self._embedder is not None:
            # As the claim's vector is stored (float16) and read back by the matcher's search,
            # so a chunk's pair gets the semantic signal a stored pair gets, to the last digit.
            from app.matching.vectors import from_bytes
            from app.matching.vectors import to_bytes

            self._vectors.append(from_bytes(to_bytes(self._embedder.embed([claim.text])[0])))

    def candidates(self, text: str, claimant: str | None) -> list[Scored]:
        """Chunk claims the matcher would offer for `text`, with score and signals."""
        if not self.claims:
            return []
        found: set[int] = set()
        for word in _keys(text):
            found.update(self._by_word.get(word, ()))
        near: set[int] = set()
        if self._embedder is not None:
            import numpy as np

            embedded = self._embedder.embed([text])[0]
            cosines = np.stack(self._vectors) @ embedded
            near = {int(i) for i in np.nonzero(cosines >= _NEAR_COSINE)[0]}
        scored: list[Scored] = []
        if isinstance(self.matcher, LexicalMatcher):
            # Only candidates at or above the suggest threshold are used (as a link or a
            # suggestion): pairs that cannot get there are not scored (app/matching/bounds.py).
            threshold = self.matcher.suggest
            query = prepared(text, claimant)
            assert self._postings is not None
            # Those the postings rule out, `signals_from` would rule out too (overlap_postings).
            for index in self._postings.may_reach(query, threshold - MARGIN, sorted(found)):
                claim = self.claims[index]
                lexical = signals_from(query, prepared(claim.text, claim.claimant), threshold)
                if lexical is not None and lexical.score >= threshold and lexical.score > 0:
                    scored.append(Scored(claim, lexical.score, lexical.explain()))
            return scored
        hybrid = _hybrid(self.matcher)
        if hybrid:
            from app.matching.hybrid import compare
        for index in sorted(found | near):
            claim = self.claims[index]
            if hybrid:
                semantic = float(np.dot(embedded, self._vectors[index]))
                result = compare(
                    text, claim.text, semantic, a_claimant=claimant, b_claimant=claim.claimant
                )
                score, why = result.score, result.explain()
                keep = index in found or score >= self.matcher.suggest
            else:
                score, why = pair_score(self.matcher, text, claimant, claim.text, claim.claimant)
                keep = score > 0
            if keep:
                scored.append(Scored(claim, score, why))
        return scored


def pair_score(
    matcher: Matcher, text: str, claimant: str | None, other: str, other_claimant: str | None
) -> tuple[float, dict[str, Any] | None]:
    """The matcher's score for two texts, with the signals its `match` would report."""
    if _hybrid(matcher):
        result = matcher.scored(  # type: ignore[attr-defined]
            text, other, a_claimant=claimant, b_claimant=other_claimant
        )
        return result.score, result.explain()
    if isinstance(matcher, LexicalMatcher):
        why = signals(stored_analysis(text, claimant), stored_analysis(other, other_claimant))
        return why.score, why.explain()
    score = matcher.similarity(text, other, a_claimant=claimant, b_claimant=other_claimant)
    return score, None


_PAIRS = 65_536  # remembered pair scores per matcher (about 10 MB), then forgotten at once
_similarities: "weakref.WeakKeyDictionary[Matcher, dict[tuple[Any, ...], float]]" = (
    weakref.WeakKeyDictionary()
)


def similarity(
    matcher: Matcher, text: str, claimant: str | None, other: str, other_claimant: str | None
) -> float:
    """`matcher.similarity`, remembered: a line compares each of its claims with those its
    article already carries, and a story's articles carry the same claims, so the same pairs
    come up again for every article of the story (the score is a pure function of the pair)."""
    known = _similarities.get(matcher)
    if known is None:
        known = _similarities[matcher] = {}
    key = (text, claimant, other, other_claimant)
    score = known.get(key)
    if score is None:
        if len(known) >= _PAIRS:
            known.clear()
        score = known[key] = matcher.similarity(
            text, other, a_claimant=claimant, b_claimant=other_claimant
        )
    return score
