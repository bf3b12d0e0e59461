"""The matcher the settings name (`CLAIMS_MATCHER`): built here, apart from the protocol in
app/matching/base.py, so that the protocol the matchers implement does not import them."""

import importlib
from pathlib import Path

from app.core.config import Settings
from app.matching.base import Matcher


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
