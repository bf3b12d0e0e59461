"""A news-sized vocabulary for the generated claims (`--vocabulary news` of the ingest benches).

The generator's claims (bench/generate.py) are built from a few slot lists: 236 distinct words in
the whole of M. Real news has tens of thousands, most of them rare, and that changes what an
ingest engine does: full-text posting lists are short instead of all long, the fuzzy-word index
grows, caches hold more distinct strings. So this rewrites each generated claim as

    "{actor} {verb} {object} {qualifier}, citing {w1} {w2} {w3}{tail}."

where the three words are drawn by their frequency in English (wordfreq's `large` list, words of
three or more letters below its 300 most frequent), seeded by the claim's core (its text without
the generator's variant tail " again", " officially", " in a statement"), so the variants of one
claim keep the same words and still read as the same claim, while claims that differ in a slot
also differ in their words. About one word in five is written with a capital, as names are.

Still generated text, not news: a second reading beside the template data, not a quality set.
wordfreq (Apache-2.0 code; its data CC BY-SA 4.0, from Wikipedia, subtitles, news, books, web
text, Twitter and Reddit) is installed by hash: `make bench-vocabulary`.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Callable
from functools import lru_cache
from itertools import accumulate
from typing import Any

TAILS = (" again", " officially", " in a statement")
_WORD = re.compile(r"[a-z]{3,}")
SKIP_COMMON = 300  # function words: the templates have their own
WORDS = 3
CAPITALISED = 0.2


@lru_cache(maxsize=1)
def _lexicon() -> tuple[list[str], list[float]]:
    try:
        import wordfreq
    except ImportError as error:  # pragma: no cover - a bench extra
        raise SystemExit(
            f"--vocabulary news needs wordfreq ({error}): make bench-vocabulary"
        ) from None
    frequencies = wordfreq.get_frequency_dict("en", wordlist="large")
    ranked = sorted(frequencies.items(), key=lambda item: (-item[1], item[0]))
    kept = [(w, f) for w, f in ranked[SKIP_COMMON:] if _WORD.fullmatch(w)]
    return [w for w, _ in kept], list(accumulate(f for _, f in kept))


def _split(text: str) -> tuple[str, str]:
    body = text[:-1] if text.endswith(".") else text
    for tail in TAILS:
        if body.endswith(tail):
            return body[: -len(tail)], tail
    return body, ""


def news_text(text: str) -> str:
    """The claim with three words drawn for its core; the same core, the same words."""
    words, weights = _lexicon()
    core, tail = _split(text)
    rng = random.Random(hashlib.sha256(core.encode()).digest())
    drawn = rng.choices(words, cum_weights=weights, k=WORDS)
    drawn = [w.capitalize() if rng.random() < CAPITALISED else w for w in drawn]
    return f"{core}, citing {' '.join(drawn)}{tail}."


def rewrite(
    claims: dict[int, dict[str, Any]], fingerprint: Callable[[str, str | None], str]
) -> None:
    """Give every claim row a news-vocabulary text (and the fingerprint that goes with it)."""
    for claim in claims.values():
        claim["text"] = news_text(claim["text"])
        claim["fingerprint"] = fingerprint(claim["text"], claim["claimant"])
