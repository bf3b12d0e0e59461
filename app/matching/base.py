"""The matcher interface: what ingest and /v1/claims/match need from any claim matcher.

The default is the lexical matcher (app/matching/lexical.py). Another one (sentence embeddings,
say) plugs in by implementing `Matcher` and naming its factory in `CLAIMS_MATCHER`
(`package.module:factory`, called with the settings); nothing in ingest changes.
"""

import importlib
from dataclasses import dataclass
from typing import Protocol

from sqlmodel import Session

from app.core.config import Settings


@dataclass(frozen=True, slots=True)
class Candidate:
    """A stored claim that may say the same thing, with a similarity score in [0, 1]."""

    claim_id: int
    score: float


class Matcher(Protocol):
    """Finds the stored claims that say the same thing as a text."""

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
    """The matcher the settings name: `lexical`, or `module:factory` called with the settings."""
    name = settings.matcher
    if name == "lexical":
        from app.matching.lexical import LexicalMatcher

        return LexicalMatcher(candidates=settings.match_candidates)
    module_name, _, attribute = name.partition(":")
    if not attribute:
        raise ValueError(f"CLAIMS_MATCHER must be 'lexical' or 'module:factory', not {name!r}")
    factory = getattr(importlib.import_module(module_name), attribute)
    return factory(settings)  # type: ignore[no-any-return]
