"""schema.org ClaimReview JSON-LD: the shared shapes, and rendering a claim with its reviews.

Reading what fact-checkers publish lives in `app/reviews/reading.py`.
"""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, Literal

from app.reviews.models import JsonLd
from app.tables import Claim, Review

CONTEXT = "https://schema.org"

AppearanceKind = Literal["article", "post", "media"]
_UNTITLED = {"post": "Post on {}", "media": "Video on {}"}


def untitled(kind: AppearanceKind, domain: str | None) -> str:
    """The title given to a post or video imported without a headline (an article needs one)."""
    return _UNTITLED.get(kind, "Post on {}").format(domain or "the web")


def untitled_kind(title: str, domain: str | None) -> AppearanceKind | None:
    """The kind of a post or video whose title `untitled` made, so its export has no headline."""
    for kind in ("post", "media"):
        if title == untitled(kind, domain):  # type: ignore[arg-type]
            return kind  # type: ignore[return-value]
    return None


@dataclass(slots=True)
class Appearance:
    """A work in which the claim appears (schema.org `appearance` / `firstAppearance`)."""

    url: str | None
    headline: str | None = None
    date_published: date | datetime | None = None
    publisher_name: str | None = None
    publisher_site: str | None = None
    # Social posts and videos are appearances too; a headline is optional for them.
    kind: AppearanceKind = "article"

    def problem(self) -> str | None:
        """Why this appearance cannot be recorded as an article, if it cannot."""
        if not self.url:
            return "no url"
        if not self.headline and self.kind == "article":
            return "no headline (an article needs a title; posts and videos do not)"
        if self.date_published is None:
            return "no datePublished (an article needs a publication date)"
        return None


@dataclass(slots=True)
class Incoming:
    """One ClaimReview or Claim found in an imported document, as plain fields."""

    index: int
    type: str
    url: str | None = None
    claim_text: str | None = None
    claimant: str | None = None
    claim_date: date | None = None
    appearances: list[Appearance] = field(default_factory=list)
    title: str | None = None
    review_date: date | None = None
    publisher_name: str | None = None
    publisher_url: str | None = None
    textual_rating: str | None = None
    rating_value: Any = None
    best_rating: Any = None
    worst_rating: Any = None
    language: Any = None
    warnings: list[str] = field(default_factory=list)
    # The values as given, for a lossless export (see `Review.original`).
    original: dict[str, Any] = field(default_factory=dict)


# ---- rendering ------------------------------------------------------------------------------


def _number(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value.is_integer() else value


def _instant(value: datetime) -> str:
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _without_none(node: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in node.items() if value is not None}


def _organization(name: str, site: str | None) -> JsonLd:
    return _without_none(
        {"@type": "Organization", "name": name, "url": f"https://{site}" if site else None}
    )


def _creative_work(appearance: Appearance) -> JsonLd:
    published = appearance.date_published
    return _without_none(
        {
            "@type": "CreativeWork",
            "url": appearance.url,
            "headline": appearance.headline,
            "datePublished": _instant(published) if isinstance(published, datetime) else None,
            "publisher": _organization(appearance.publisher_name, appearance.publisher_site)
            if appearance.publisher_name
            else None,
        }
    )


def _claim_node(claim: Claim, appearances: list[Appearance]) -> JsonLd:
    works = [_creative_work(appearance) for appearance in appearances]
    # When the claim was made or entered public discourse: its date if known, else the UTC
    # date of its first report.
    made = claim.claim_date
    first = appearances[0].date_published if appearances else None
    if made is None and isinstance(first, datetime):
        made = first.astimezone(UTC).date()
    return _without_none(
        {
            "@type": "Claim",
            "text": claim.text,
            # Whether the claimant is a person or an organisation is not recorded: no @type.
            "author": {"name": claim.claimant} if claim.claimant else None,
            "datePublished": made.isoformat() if made else None,
            "appearance": works or None,
            "firstAppearance": works[0] if works else None,
        }
    )


def _given(original: dict[str, Any], name: str, stored: Any, rendered: Any) -> Any:
    """The value as the fact-checker gave it when one was imported and kept, else ours."""
    if stored is None or original.get(name) is None:
        return rendered
    return original[name]


def _review_node(review: Review, claim: Claim, item: JsonLd) -> JsonLd:
    original = review.original or {}
    given_rating = original.get("reviewRating") or {}
    rating = _without_none(
        {
            "@type": "Rating",
            **{
                name: _given(given_rating, name, stored, _number(stored))
                for name, stored in (
                    ("ratingValue", review.rating_value),
                    ("bestRating", review.best_rating),
                    ("worstRating", review.worst_rating),
                )
            },
            "alternateName": review.textual_rating,
        }
    )
    given_item = original.get("itemReviewed") or {}
    if given_item:
        item = dict(item)
        if claim.claimant and isinstance(given_item.get("author"), dict):
            item["author"] = given_item["author"]
        if claim.claim_date and given_item.get("datePublished"):
            item["datePublished"] = given_item["datePublished"]
    author = _organization(review.publisher_name, review.publisher_site)
    if isinstance(original.get("author"), dict):
        author = {**author, **original["author"]}
    published = review.review_date.isoformat() if review.review_date else None
    return _without_none(
        {
            "@type": "ClaimReview",
            "url": original.get("url", review.url),
            "name": review.title,
            "datePublished": _given(original, "datePublished", review.review_date, published),
            "inLanguage": review.language,
            "author": author,
            "claimReviewed": claim.text,
            "reviewRating": rating,
            "itemReviewed": item,
        }
    )


def render(*, claim: Claim, appearances: list[Appearance], reviews: list[Review]) -> JsonLd:
    """A Claim node when there is no review, one ClaimReview, or a @graph of several."""
    item = _claim_node(claim, appearances)
    if not reviews:
        return {"@context": CONTEXT, **item}
    nodes = [_review_node(review, claim, item) for review in reviews]
    if len(nodes) == 1:
        return {"@context": CONTEXT, **nodes[0]}
    return {"@context": CONTEXT, "@graph": nodes}
