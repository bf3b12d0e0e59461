"""The key two headlines are compared by: the same story under two house styles gets one key.

Case, punctuation, whitespace and Unicode forms are ignored, and so are what wires and sites put
around a headline: slugs in front ("UPDATE 2-", "EXCLUSIVE-", "RPT-", "Exclusive:", "BREAKING:")
and an agency's name behind ("… - Reuters", "… | AP News"). The key is stored on every article
(`article.headline_key`), so "the same headline" is an indexed equality.
"""

import re
import unicodedata

from app.core.agencies import capitals_only_names
from app.core.agencies import names

_SLUG_WORDS = (
    "UPDATE|WRAPUP|WRAP|REFILE|CORRECTED|CORRECTION|RPT|REPEAT|EXCLUSIVE|BREAKING|INSIGHT|"
    "ANALYSIS|FACTBOX|EXPLAINER|TIMELINE|FOCUS|BRIEF|URGENT|FLASH|ALERT|FEATURE|INTERVIEW|"
    "PREVIEW|SNAP|ADVISORY|LIVE|WATCH|VIDEO|UPDATED|BREAKINGVIEWS|GLOBAL MARKETS|"
    "EMERGING MARKETS|US STOCKS|EUROPE STOCKS|ASIA STOCKS|FOREX|TREASURIES|PRECIOUS|OIL|GRAINS"
)
# Slugs may be stacked ("RPT-UPDATE 1-"); a number may follow ("UPDATE 2-").
_PREFIX = re.compile(
    rf"^\s*(?:(?:{_SLUG_WORDS})(?:\s+\d+)?\s*(?:-|:|\u2013|\u2014)+\s*)+", re.IGNORECASE
)
# An abbreviation that is also a word ("MAP", "APP", "TAP") is an agency only in capitals:
# "Flood zones - map" keeps its last word.
_AGENCY_SUFFIX = re.compile(
    r"\s+(?:-|\||\u2013|\u2014)\s+(?:(?i:"
    + "|".join(re.escape(name) for name in names())
    + r")|"
    + "|".join(re.escape(name) for name in capitals_only_names())
    + r")(?i:\s+news)?\s*$"
)
_WORD = re.compile(r"\w+")
MAX_KEY = 1000


def headline_key(title: str) -> str:
    """The comparison key of a headline (lower-case words separated by single spaces)."""
    text = unicodedata.normalize("NFKC", title)
    text = _PREFIX.sub("", text)
    text = _AGENCY_SUFFIX.sub("", text)
    return " ".join(_WORD.findall(text.casefold()))[:MAX_KEY]
