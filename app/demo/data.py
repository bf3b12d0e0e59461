"""The founding story (shared/seeds/000_b41d213ba2bca6d0.txt) as demo data.

Reuters, The Moscow Times and The Japan Times reported Putin's demand for a written halt to NATO
enlargement on 2025-05-29; The Japan Times ran the Reuters story verbatim (same headline), so the
claim has 3 outlets but 2 independent origins. The seed names the outlets, headlines and date;
the URLs follow each outlet's URL scheme and the times of day are illustrative, chosen only so
that the wire story precedes its copy. Quotes are headlines, the only verbatim text the seed has;
the Moscow Times headline supports just the NATO and sanctions claims, so it is attributed those.
"""

from datetime import UTC
from datetime import datetime
from typing import Any

PUBLISHED = datetime(2025, 5, 29, tzinfo=UTC)
REUTERS_HEADLINE = "Putin\u2019s demands for peace include an end to NATO enlargement, sources say"
MOSCOW_TIMES_HEADLINE = "Putin Wants End to NATO Expansion, Sanctions Relief for Peace in Ukraine"

OUTLETS: list[dict[str, Any]] = [
    {
        "slug": "reuters",
        "name": "Reuters",
        "domain": "reuters.com",
        "country": "GB",
        "language": "en",
        "kind": "wire_agency",
        "owner_group": "Thomson Reuters",
    },
    {
        "slug": "the-moscow-times",
        "name": "The Moscow Times",
        "domain": "themoscowtimes.com",
        "country": "NL",
        "language": "en",
        "kind": "online",
    },
    {
        "slug": "the-japan-times",
        "name": "The Japan Times",
        "domain": "japantimes.co.jp",
        "country": "JP",
        "language": "en",
        "kind": "newspaper",
    },
]

REUTERS_URL = (
    "https://www.reuters.com/world/europe/"
    "putins-demands-peace-include-end-nato-enlargement-sources-say-2025-05-29"
)
MOSCOW_TIMES_URL = (
    "https://www.themoscowtimes.com/2025/05/29/"
    "putin-wants-end-to-nato-expansion-sanctions-relief-for-peace-in-ukraine"
)
JAPAN_TIMES_URL = (
    "https://www.japantimes.co.jp/news/2025/05/29/world/politics/"
    "putin-demands-peace-end-nato-enlargement"
)

ARTICLES: list[dict[str, Any]] = [
    {
        "key": "reuters",
        "outlet": "reuters",
        "url": REUTERS_URL,
        "title": REUTERS_HEADLINE,
        "published_at": PUBLISHED.replace(hour=9),
        "language": "en",
    },
    {
        "key": "moscow-times",
        "outlet": "the-moscow-times",
        "url": MOSCOW_TIMES_URL,
        "title": MOSCOW_TIMES_HEADLINE,
        "published_at": PUBLISHED.replace(hour=12),
        "language": "en",
    },
    {
        "key": "japan-times",
        "outlet": "the-japan-times",
        "url": JAPAN_TIMES_URL,
        "title": REUTERS_HEADLINE,
        "published_at": PUBLISHED.replace(hour=15),
        "language": "en",
    },
]

LINKS: list[dict[str, Any]] = [
    {
        "article": "japan-times",
        "origin": "reuters",
        "relation": "syndicates",
        "reason": "verbatim Reuters wire copy: same headline and text as the Reuters report",
    }
]


def _wire(sourcing: str = "unknown") -> list[dict[str, Any]]:
    """Attributions to the Reuters report and its verbatim Japan Times copy."""
    return [{"article": key, "sourcing": sourcing} for key in ("reuters", "japan-times")]


CLAIMS: list[dict[str, Any]] = [
    {
        "text": "Vladimir Putin demands a written commitment from Western powers to halt "
        "NATO's eastward enlargement as a condition for ending the war in Ukraine.",
        "claimant": "Vladimir Putin",
        "attributions": [
            {"article": "reuters", "quote": REUTERS_HEADLINE, "sourcing": "anonymous"},
            {"article": "moscow-times", "quote": MOSCOW_TIMES_HEADLINE},
            {"article": "japan-times", "quote": REUTERS_HEADLINE, "sourcing": "anonymous"},
        ],
    },
    {
        "text": "Vladimir Putin demands partial relief from Western sanctions as a condition "
        "for ending the war in Ukraine.",
        "claimant": "Vladimir Putin",
        "attributions": [
            {"article": "reuters", "sourcing": "anonymous"},
            {"article": "moscow-times", "quote": MOSCOW_TIMES_HEADLINE},
            {"article": "japan-times", "sourcing": "anonymous"},
        ],
    },
    {
        "text": "A halt to NATO enlargement would bar Ukraine, Georgia and Moldova from future "
        "NATO membership.",
        "claimant": None,
        "attributions": _wire(),
    },
    {
        "text": "Vladimir Putin wants the question of frozen Russian assets resolved as part "
        "of a peace settlement.",
        "claimant": "Vladimir Putin",
        "attributions": _wire("anonymous"),
    },
    {
        "text": "Vladimir Putin demands that Ukraine commit to neutrality.",
        "claimant": "Vladimir Putin",
        "attributions": _wire("anonymous"),
    },
    {
        "text": "Vladimir Putin demands protection of the rights of Russian-speaking "
        "populations in Ukraine.",
        "claimant": "Vladimir Putin",
        "attributions": _wire("anonymous"),
    },
    {
        "text": "The Kremlin is drafting a peace memorandum setting out Russia's conditions "
        "for ending the war.",
        "claimant": None,
        "attributions": _wire("anonymous"),
    },
    {
        "text": "Ukraine has submitted its version of a peace memorandum and urged Russia to "
        "present its own without delay.",
        "claimant": "Ukrainian government",
        "attributions": _wire("official"),
    },
    {
        "text": "Russia's conditions are an attempt to stall negotiations while gaining "
        "ground militarily.",
        "claimant": "Ukrainian officials and European governments",
        "attributions": _wire("official"),
    },
    {
        "text": "Decisions about Ukraine's NATO aspirations are a sovereign matter that "
        "outside powers cannot dictate.",
        "claimant": "Volodymyr Zelenskiy's administration",
        "attributions": _wire("official"),
    },
]
