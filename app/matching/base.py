"""The matcher interface: what ingest and /v1/claims/match need from any claim matcher.

The default is the hybrid matcher (app/matching/hybrid.py: sentence embeddings and the lexical
analysis); the lexical matcher (app/matching/lexical.py) needs no model. Another one plugs in
by implementing `Matcher` and naming its factory in `CLAIMS_MATCHER` (`package.module:factory`,
called with the settings); nothing in ingest changes.
"""

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from sqlmodel import Session

from app.core.config import Settings


@dataclass(frozen=True, slots=True)
class Candidate:
    """A stored claim that may say the same thing, with a similarity score in [0, 1]."""

    claim_id: int
    score: float
    # Why: the signals behind the score (semantic, lexical, vetoes with their words), if known.
    signals: dict[str, Any] | None = field(default=None, compare=False)


class Matcher(Protocol):
    """Finds the stored claims that say the same thing as a text."""

    link: float  # score from which a text is taken to be the candidate claim
    suggest: float  # score from which a candidate is offered as a possible match

    def similarity(
        self, a: str, b: str, *, a_claimant: str | None = None, b_claimant: str | None = None
    ) -> float:
        """How surely two claims say the same thing, in [0, 1]."""
        ...

    def match(
        self, session: Session, *, text: str, claimant: str | None = None, limit: int = 10
    ) -> list[Candidate]:
        """Live (not merged) claims most likely to say the same as `text`, best first."""
        ...


def build_matcher(settings: Settings) -> Matcher:
    """The matcher the settings name, with the settings' thresholds where they set any."""
    matcher = _build(settings)
    # A plugged-in matcher that states no thresholds gets the lexical matcher's.
    matcher.link = (
        settings.match_link if settings.match_link is not None else getattr(matcher, "link", 0.75)
    )
    matcher.suggest = (
        settings.match_suggest
        if settings.match_suggest is not None
        else getattr(matcher, "suggest", 0.5)
    )
    return matcher


def _build(settings: Settings) -> Matcher:
    """The matcher the settings name: `hybrid` (sentence embeddings and lexical analysis),
    `lexical`, or `module:factory` called with the settings."""
    name = settings.matcher
    if name == "lexical":
        from app.matching.lexical import LexicalMatcher

        return LexicalMatcher(candidates=settings.match_candidates)
    if name == "hybrid":
        from app.matching import vectors
        from app.matching.embedding import load_embedder
        from app.matching.hybrid import HybridMatcher
        from app.matching.lexical import LexicalMatcher

        index_path = Path(settings.vector_index_path) if settings.vector_index_path else None
        store = vectors.store(load_embedder(settings.embedding_model), index_path=index_path)
        return HybridMatcher(
            vectors=store,
            lexical=LexicalMatcher(candidates=settings.match_candidates),
            vector_candidates=settings.match_candidates,
        )
    module_name, _, attribute = name.partition(":")
    if not attribute:
        raise ValueError(
            f"CLAIMS_MATCHER must be 'hybrid', 'lexical' or 'module:factory', not {name!r}"
        )
    factory = getattr(importlib.import_module(module_name), attribute)
    return factory(settings)  # type: ignore[no-any-return]
