"""The matcher interface: what ingest and /v1/claims/match need from any claim matcher.

The default is the hybrid matcher (app/matching/hybrid.py: sentence embeddings and the lexical
analysis); the lexical matcher (app/matching/lexical.py) needs no model. Another one plugs in
by implementing `Matcher` and naming its factory in `CLAIMS_MATCHER` (`package.module:factory`,
called with the settings); nothing in ingest changes.
"""

from dataclasses import dataclass
from dataclasses import field
from typing import Any
from typing import Protocol

from sqlmodel import Session


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
