"""Credits an article's own URL gives: an agency's path segment ("/ap-…", "/afp/…")."""

import re
from urllib.parse import urlsplit

from app.core import agencies
from app.ingest.credits.reading import Credit
from app.tables import LinkRelation

# Credits that are not words in the text: a republisher's URL path ("/ap-…", "/afp/…") and the
# markup of the page (rel=canonical, JSON-LD isBasedOn), given in the payload.
_SEGMENT = re.compile(r"[^/]+")
_TITLE_WORD = re.compile(r"[\W_]*(\w+)")
# The agency's own label before a colon: its formats ("AP Explains: …"), not a subject.
_KICKER = re.compile(r"[\W_]*\w+\b[^:\n]{0,25}:")


def url_credits(url: str, title: str | None = None) -> list[Credit]:
    """Credits an article's own URL gives: an agency's path segment ("/ap/", "/ap-…", "/AFP/"),
    but not a slug's first word that is only the headline's ("/afp-charges-man-…" under "AFP
    charges man…", the Australian police; "/pti-announces-protest", the party)."""
    path = urlsplit(url).path
    first = _TITLE_WORD.match(title or "")
    for segment in _SEGMENT.findall(path)[:-1] + _SEGMENT.findall(path)[-1:]:
        whole = agencies.by_url_segment(segment)
        head = agencies.by_url_segment(segment.split("-", 1)[0]) if "-" in segment else None
        if whole is not None:
            return [Credit(whole.name, f"URL: /{segment}", LinkRelation.syndicates)]
        headline = (
            first is not None
            and first[1].casefold() == segment.split("-")[0].casefold()
            and _KICKER.match(title or "") is None  # "AP PHOTOS: …", "Reuters exclusive: …"
        )
        if head is not None and not headline:
            return [Credit(head.name, f"URL: /{segment}", LinkRelation.syndicates)]
    return []
