"""The default claim matcher: sentence embeddings and the lexical analysis, one calibrated score.

Candidates come from both indexes: the full-text index (the lexical matcher's rare-word query)
and the claim vectors (nearest neighbours of the text's embedding, any language). Each candidate
is scored by a logistic model over a few signals, fitted on the dev split of the labelled pairs
(`bench/calibrate_matching.py` fits it and prints the table below; docs/matching.md reports it):

- `semantic`: cosine similarity of the two embeddings (multilingual-e5-small by default);
- `lexical`: the lexical matcher's overlap (share of weighted canonical stems each finds in the
  other), only when both texts are in the same language, since it compares English stems;
- the lexical vetoes that fired (different numbers, one number missing, negation or denial,
  opposite direction, different names, a substituted word, different claimants), each with the
  words involved; numbers are compared across languages too;
- what both agree on, in one language (`agree_numbers`: the same numbers; `agree_names`: every
  name found in the other), as evidence for the same claim.

The model's probability that the two claims are the same is the score in [0, 1]; ingest links
at `CLAIMS_MATCH_LINK` and suggests from `CLAIMS_MATCH_SUGGEST`. An opposite direction or a
denial also caps the score below the suggest threshold's default: opposite meanings are never
linked nor suggested, whatever the embeddings say.
"""

import json
import math
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import select
from sqlmodel import Session

from app.core import scripts
from app.matching.analysis import analyse
from app.matching.analysis import words
from app.matching.base import Candidate
from app.matching.lexical import LexicalMatcher
from app.matching.lexical import Signals
from app.matching.lexical import Veto
from app.matching.lexical import signals
from app.matching.lexical import stored_analysis
from app.matching.vectors import ClaimVectors
from app.matching.vectors import from_bytes
from app.tables import Claim
from app.tables import ClaimEmbedding

# Fitted on the dev split by bench/calibrate_matching.py (never on the test split), which
# writes this file: the logistic model's intercept and weights, and the thresholds chosen with it.
CALIBRATION = Path(__file__).with_name("hybrid_calibration.json")
_calibration = json.loads(CALIBRATION.read_text(encoding="utf-8"))
INTERCEPT: float = _calibration["intercept"]
WEIGHTS: dict[str, float] = _calibration["weights"]
# Each signal's own link threshold (lowest with dev precision >= 0.95): the model's probability
# in one language and across languages, and the lexical score.
SIGNAL_LINKS: dict[str, float] = _calibration["signal_links"]
LINK = 0.8  # the common scale's link threshold, onto which each signal's own is mapped
SUGGEST: float = _calibration["suggest"]
SEMANTIC_CENTRE, SEMANTIC_SCALE = 0.9, 0.05  # feature: (cosine - centre) / scale; e5 sits in 0.7-1
# Disagreements that no similarity outweighs: the claims may be related (a suggestion for a
# person), but are never linked automatically; opposite meanings are not even suggested.
HARD = frozenset({"numbers", "polarity", "direction", "roles", "names"})
HARD_CAP = 0.6  # below LINK
OPPOSITE = frozenset({"polarity", "direction"})
OPPOSITE_CAP = 0.05  # below the suggest threshold
# Where `HybridMatcher.match` embeds its text: one thread, as the model takes one call at a time.
_QUERY_EMBEDDING = ThreadPoolExecutor(max_workers=1, thread_name_prefix="query-embedding")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Function words that tell the language of a short Latin-script claim apart.
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": _words("the of to in and a is for on with has have was will that by from are"),
    "es": _words("el la los las de del que en y un una por con para se es su al"),
    "fr": _words("le la les des du de et un une est pour dans que sur au aux en par"),
    "de": _words("der die das und ist nicht mit von den dem ein eine zu im auf für des"),
    "pt": _words("o os as do da dos das e um uma em no na com por para que não"),
}
_SCRIPTS = (
    # Kana, Han and Hangul as copy detection reads them (app/core/scripts.py).
    ("ja", re.compile(f"[{scripts.KANA}]")),
    ("zh", re.compile(f"[{scripts.HAN}]")),
    ("cyrillic", re.compile(r"[\u0400-\u04ff]")),
    ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("ko", re.compile(f"[{scripts.HANGUL}]")),
)


@lru_cache(maxsize=20_000)  # candidates come up again and again; their language does not change
def language(text: str) -> str:
    """A rough guess of a claim's language: enough to know whether English stems compare."""
    for name, pattern in _SCRIPTS:
        if pattern.search(text):
            return name
    counts = dict.fromkeys(_FUNCTION_WORDS, 0)
    for word in words(text):
        lower = word.casefold()
        for name, vocabulary in _FUNCTION_WORDS.items():
            if lower in vocabulary:
                counts[name] += 1
    best = max(counts, key=lambda name: (counts[name], name == "en"))
    # One shared little word ("as", "no", "de") is no evidence: English unless clearly not.
    return best if counts[best] >= 2 and counts[best] > counts["en"] else "en"


@dataclass(frozen=True, slots=True)
class Scored:
    """A calibrated score and the signals behind it."""

    score: float
    semantic: float
    lexical: Signals
    cross_lingual: bool
    capped: bool = False  # a hard veto capped the score

    def explain(self) -> dict[str, Any]:
        return self.lexical.explain(self.semantic, cross_lingual=self.cross_lingual)


def features(semantic: float, lexical: Signals, cross_lingual: bool) -> dict[str, float]:
    """The logistic model's inputs for one pair: the semantic similarity (a weight for pairs in
    one language, another across languages), the lexical score and the vetoes that fired."""
    fired = {veto.name for veto in lexical.vetoes}
    centred = (semantic - SEMANTIC_CENTRE) / SEMANTIC_SCALE
    values = {
        "semantic": 0.0 if cross_lingual else centred,
        "semantic_cross": centred if cross_lingual else 0.0,
        "lexical": 0.0 if cross_lingual else lexical.score,
        "cross_lingual": 1.0 if cross_lingual else 0.0,
        # In one language, not one shared content word: another subject, however close the
        # embeddings (a short or odd text sits near everything).
        "disjoint": 1.0 if not cross_lingual and lexical.overlap == 0 else 0.0,
    }
    # Positive evidence in one language: the same numbers, the same names (across languages
    # the semantic weight of its own says it all: translated negatives keep their numbers).
    for agreed in ("numbers", "names"):
        values[f"agree_{agreed}"] = (
            1.0 if not cross_lingual and agreed in lexical.agreements else 0.0
        )
    for name in WEIGHTS:
        if name not in values:
            values[name] = 1.0 if name in fired else 0.0
    return values


def _onto(value: float, own: float) -> float:
    """Map a signal onto the common scale: its own link threshold `own` becomes LINK (monotone,
    piecewise linear, 0 -> 0 and 1 -> 1)."""
    if value <= own:
        return value * LINK / own
    return LINK + (value - own) * (1.0 - LINK) / (1.0 - own)


def across_languages(lexical: Signals) -> Signals:
    """What of the lexical signals holds across languages: numbers and claimants only."""
    return Signals(
        lexical.overlap,
        tuple(v for v in lexical.vetoes if v.name in {"numbers", "claimant"}),
        lexical.agreements & {"numbers"},
    )


def probability(semantic: float, lexical: Signals, cross_lingual: bool) -> float:
    """The logistic model's probability that two claims are the same."""
    if cross_lingual:
        lexical = across_languages(lexical)
    values = features(semantic, lexical, cross_lingual)
    z = INTERCEPT + sum(WEIGHTS[name] * value for name, value in values.items())
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


def calibrated(semantic: float, lexical: Signals, cross_lingual: bool) -> Scored:
    """One score in [0, 1] from the signals: the model's probability and (in one language) the
    lexical score, each mapped so that its own dev-chosen link threshold lands on LINK; the best
    of them, capped by the hard vetoes."""
    if cross_lingual:  # only what does not depend on the language compares across languages
        lexical = across_languages(lexical)
    model = probability(semantic, lexical, cross_lingual)
    if cross_lingual:
        score = _onto(model, SIGNAL_LINKS["model_cross"])
    else:
        score = max(
            _onto(model, SIGNAL_LINKS["model"]), _onto(lexical.score, SIGNAL_LINKS["lexical"])
        )
    fired = {veto.name for veto in lexical.vetoes}
    if fired & OPPOSITE:
        score = min(score, OPPOSITE_CAP)
    elif fired & HARD:
        score = min(score, HARD_CAP)
    return Scored(round(score, 4), semantic, lexical, cross_lingual, bool(fired & HARD))


def compare(
    a: str,
    b: str,
    semantic: float,
    *,
    a_claimant: str | None = None,
    b_claimant: str | None = None,
) -> Scored:
    """Score two claims whose embeddings' cosine is `semantic`."""
    cross = language(a) != language(b)
    return calibrated(
        semantic, signals(stored_analysis(a, a_claimant), stored_analysis(b, b_claimant)), cross
    )


class HybridMatcher:
    """Full-text and nearest-neighbour candidates, scored by `calibrated`."""

    link = LINK  # chosen on the dev split with the weights (bench/calibrate_matching.py)
    suggest = SUGGEST

    def __init__(
        self, *, vectors: ClaimVectors, lexical: LexicalMatcher, vector_candidates: int = 30
    ) -> None:
        self.vectors = vectors
        self.lexical = lexical
        self.vector_candidates = vector_candidates

    def scored(
        self, a: str, b: str, *, a_claimant: str | None = None, b_claimant: str | None = None
    ) -> Scored:
        vectors = self.vectors.embedder.embed([a, b])
        return compare(
            a, b, float(vectors[0] @ vectors[1]), a_claimant=a_claimant, b_claimant=b_claimant
        )

    def similarity(
        self, a: str, b: str, *, a_claimant: str | None = None, b_claimant: str | None = None
    ) -> float:
        """How surely two claims say the same thing, in [0, 1]."""
        return self.scored(a, b, a_claimant=a_claimant, b_claimant=b_claimant).score

    def match(
        self, session: Session, *, text: str, claimant: str | None = None, limit: int = 10
    ) -> list[Candidate]:
        """Live claims most likely to say the same as `text`, best first (ties: lower id)."""
        # The model embeds the text on another thread (its C engine releases the GIL) while
        # this one reads the full-text candidates with their vectors and analyses them: the two
        # overlap instead of adding up. The nearest neighbours need the embedding, so come after.
        pending = _QUERY_EMBEDDING.submit(self.vectors.embedder.embed, [text])
        found = self.lexical.candidate_rows(session, text)
        rows = self._rows(session, list(found))
        for row in rows.values():
            stored_analysis(row.text, row.claimant)  # cached: `_ranked` finds it done
            language(row.text)
        index = self.vectors.index(session)
        query = pending.result()[0]
        nearest = [claim_id for claim_id, _ in index.search(query, self.vector_candidates)]
        others = [claim_id for claim_id in dict.fromkeys(nearest) if claim_id not in found]
        if others:
            rows.update(self._rows(session, others))
        if not rows:
            return []
        return self._ranked(text, claimant, query, found, list(rows.values()), limit)

    def match_many(
        self, session: Session, items: list[tuple[str, str | None]], limit: int = 10
    ) -> dict[tuple[str, str | None], list[Candidate]]:
        """`match` for many (text, claimant) pairs: the texts embedded in one model call, the
        full-text candidates searched together, the candidates' rows read in one statement."""
        items = list(dict.fromkeys(items))
        texts = list(dict.fromkeys(text for text, _ in items))
        if not texts:
            return {}
        queries = dict(zip(texts, self.vectors.embedder.embed(texts), strict=True))
        found = self.lexical.candidate_rows_many(session, texts)
        index = self.vectors.index(session)
        ids: dict[str, list[int]] = {}
        for text in texts:
            nearest = [
                claim_id for claim_id, _ in index.search(queries[text], self.vector_candidates)
            ]
            ids[text] = list(dict.fromkeys([*found[text], *nearest]))
        rows = self._rows(
            session, list(dict.fromkeys(i for found_ids in ids.values() for i in found_ids))
        )
        return {
            (text, claimant): self._ranked(
                text,
                claimant,
                queries[text],
                found[text],
                [rows[i] for i in ids[text] if i in rows],
                limit,
            )
            for text, claimant in items
        }

    def _rows(self, session: Session, ids: list[int]) -> dict[int, Any]:
        """The live claims among `ids` with their stored vectors (embedded when missing)."""
        rows: dict[int, Any] = {}
        for start in range(0, len(ids), 500):
            for row in session.execute(
                select(Claim.id, Claim.text, Claim.claimant, ClaimEmbedding.vector)
                .outerjoin(ClaimEmbedding, ClaimEmbedding.claim_id == Claim.id)  # type: ignore[arg-type]
                .where(Claim.id.in_(ids[start : start + 500]), Claim.merged_into.is_(None))  # type: ignore[union-attr]
            ):
                rows[row.id] = row
        missing = [row for row in rows.values() if row.vector is None]
        if missing:
            embedded = self.vectors.embedder.embed([row.text for row in missing])
            for row, vector in zip(missing, embedded, strict=True):
                rows[row.id] = _Row(row.id, row.text, row.claimant, vector)
        return rows

    def _ranked(
        self,
        text: str,
        claimant: str | None,
        query: np.ndarray,
        found: dict[int, Any],
        rows: list[Any],
        limit: int,
    ) -> list[Candidate]:
        analysed = analyse(text, claimant)
        query_language = language(text)
        candidates: list[Candidate] = []
        for row in rows:
            vector = row.vector if isinstance(row, _Row) else from_bytes(row.vector)
            semantic = float(np.dot(query, vector))
            lexical = signals(analysed, stored_analysis(row.text, row.claimant))
            result = calibrated(semantic, lexical, language(row.text) != query_language)
            # The index always has nearest neighbours, related or not: one that shares no
            # telling word is a candidate only when it is at least worth suggesting.
            if row.id in found or result.score >= self.suggest:
                candidates.append(Candidate(row.id, result.score, result.explain()))
        candidates.sort(key=lambda candidate: (-candidate.score, candidate.claim_id))
        return candidates[:limit]


@dataclass(frozen=True, slots=True)
class _Row:
    """A candidate whose vector was embedded here (none stored yet)."""

    id: int
    text: str
    claimant: str | None
    vector: np.ndarray


__all__ = ["HybridMatcher", "Scored", "Veto", "calibrated", "compare", "language"]
