"""The default claim matcher: lexical, no model to download.

Candidates come from the full-text index (`claim_search`: SQLite FTS5 / PostgreSQL tsvector)
through the shared query layer (`app.claims.search`), asking for any of the text's content words;
the best-ranked ones are re-scored with `similarity`, a weighted overlap of canonical stems in
[0, 1] (stems compared exactly, or fuzzily with rapidfuzz for spelling variants such as
Zelensky/Zelenskiy), discounted when the two claims disagree on numbers, on polarity (one denies
what the other asserts), on direction (sanctions imposed vs lifted) or on who claims it.
docs/matching.md describes it and reports its precision and recall on the labelled set.
"""

from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlmodel import Session

from app.claims.models import Claim
from app.claims.search import MAX_TERMS, matching_claims, parse
from app.matching.analysis import Analysis, analyse, content_words
from app.matching.base import Candidate

FUZZY_CUTOFF = 85  # rapidfuzz ratio from which two stems are spelling variants of one word
FUZZY_MIN_LENGTH = 5
NUMBER_CONFLICT = 0.45  # both give numbers and they differ
NUMBER_MISSING = 0.85  # one gives a number the other does not
POLARITY_CONFLICT = 0.5  # one negates or denies, the other does not
DIRECTION_CONFLICT = 0.5  # up vs down, imposed vs lifted, allowed vs banned, won vs lost
CLAIMANT_CONFLICT = 0.7  # both name a claimant and the names share no word


def _covered(a: Analysis, b: Analysis) -> float:
    """Weight of a's tokens found in b: exactly, in b's claimant, or as a spelling variant."""
    covered = 0.0
    unmatched = [t for t in b.weights if t not in a.weights and len(t) >= FUZZY_MIN_LENGTH]
    for token, weight in a.weights.items():
        if token in b.weights or token in b.claimant:
            covered += weight
        elif unmatched and len(token) >= FUZZY_MIN_LENGTH and not token[0].isdigit():
            best = process.extractOne(
                token, unmatched, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
            )
            if best is not None:
                covered += weight * best[1] / 100
    return covered


def _conflicts(a: Analysis, b: Analysis) -> float:
    factor = 1.0
    if a.numbers and b.numbers and a.numbers != b.numbers:
        factor *= NUMBER_CONFLICT
    elif bool(a.numbers) != bool(b.numbers):
        factor *= NUMBER_MISSING
    if a.negated != b.negated:
        factor *= POLARITY_CONFLICT
    for concept in {direction[:-1] for direction in a.directions}:
        signs_a = {d[-1] for d in a.directions if d[:-1] == concept}
        signs_b = {d[-1] for d in b.directions if d[:-1] == concept}
        if signs_b and not signs_a & signs_b:
            factor *= DIRECTION_CONFLICT
            break
    if a.claimant and b.claimant and not a.claimant & b.claimant:
        factor *= CLAIMANT_CONFLICT
    return factor


def score(a: Analysis, b: Analysis) -> float:
    """Similarity of two analysed claims in [0, 1]; symmetric."""
    total = a.total + b.total
    if total == 0:
        return 0.0
    overlap = (_covered(a, b) + _covered(b, a)) / total
    return round(min(1.0, overlap * _conflicts(a, b)), 4)


class LexicalMatcher:
    """Full-text candidates re-ranked by `score`."""

    def __init__(self, *, candidates: int = 50) -> None:
        self.candidates = candidates

    def similarity(
        self, a: str, b: str, *, a_claimant: str | None = None, b_claimant: str | None = None
    ) -> float:
        """How surely two claims say the same thing, in [0, 1]."""
        return score(analyse(a, a_claimant), analyse(b, b_claimant))

    def match(
        self, session: Session, *, text: str, claimant: str | None = None, limit: int = 10
    ) -> list[Candidate]:
        """Live claims most likely to say the same as `text`, best first (ties: lower id)."""
        terms = parse(" ".join(content_words(text)[:MAX_TERMS]))
        if not terms:
            return []
        dialect = session.get_bind().dialect.name
        hits = matching_claims(dialect, terms, mode="any").subquery()
        rows = session.execute(
            select(Claim.id, Claim.text, Claim.claimant)
            .join(hits, hits.c.claim_id == Claim.id)
            .where(Claim.merged_into.is_(None))  # type: ignore[union-attr]
            .order_by(hits.c.rank.desc(), Claim.id)
            .limit(self.candidates)
        )
        query = analyse(text, claimant)
        scored = [
            Candidate(claim_id=row.id, score=score(query, analyse(row.text, row.claimant)))
            for row in rows
        ]
        scored = [candidate for candidate in scored if candidate.score > 0]
        scored.sort(key=lambda candidate: (-candidate.score, candidate.claim_id))
        return scored[:limit]
