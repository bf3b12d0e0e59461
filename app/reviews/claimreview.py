"""schema.org ClaimReview JSON-LD: the shared shapes, and rendering a claim with its reviews.

Reading what fact-checkers publish lives in `app/reviews/reading.py`.
"""

from dataclasses import dataclass
from dataclasses import field
from datetime import UTC
from datetime import date
from datetime import datetime
from typing import Any
from typing import Literal

from app.reviews.models import JsonLd
from app.tables import Claim
from app.tables import Review

CONTEXT = "https://schema.org"

AppearanceKind = Literal["article", "post", "media"]
_UNTITLED = {"post": "Post on {}", "media": "Video on {}", "article": "Page on {}"}


def untitled(kind: AppearanceKind, domain: str | None) -> str:
    """The title given to an appearance imported without a headline (an article needs one)."""
    return _UNTITLED[kind].format(domain or "the web")


def untitled_kind(title: str, domain: str | None) -> AppearanceKind | None:
    """The kind of an appearance whose title `untitled` made, so its export has no headline."""
    for kind in ("post", "media", "article"):
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
    # Social posts and videos are appearances too; a headline is optional for every kind.
    kind: AppearanceKind = "article"
    # Published without a date: dated by the claim (else the review) on import, and exported
    # without one, as it came.
    undated: bool = False

    def problem(self) -> str | None:
        """Why this appearance cannot be recorded as an article, if it cannot."""
        if not self.url:
            return "no url"
        if self.date_published is None:
            return "no datePublished, and neither a claim date nor a review date to date it by"
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
    # MediaReview: the MediaManipulationRatingEnumeration value, as given.
    media_category: str | None = None
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


def _as_given(item: JsonLd, undated: set[str], given_urls: dict[str, str]) -> JsonLd:
    """The claim node with its appearances' URLs as the review gave them, and no datePublished
    on those it gave without one."""

    def strip(work: JsonLd) -> JsonLd:
        url = work.get("url")
        if url in undated:
            work = {key: value for key, value in work.items() if key != "datePublished"}
        if url in given_urls:
            work = {**work, "url": given_urls[url]}
        return work

    item = dict(item)
    if "appearance" in item:
        item["appearance"] = [strip(work) for work in item["appearance"]]
    if "firstAppearance" in item:
        item["firstAppearance"] = strip(item["firstAppearance"])
    return item


def _review_node(review: Review, claim: Claim, item: JsonLd) -> JsonLd:
    original = review.original or {}
    given_rating = original.get("reviewRating") or {}
    rating = _without_none(
        {
            "@type": "Rating",
            **{
                # `-1` on every field means "no numeric rating": kept only to be given back.
                name: given_rating.get(name)
                if given_rating.get("unrated")
                else _given(given_rating, name, stored, _number(stored))
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
    undated = set(original.get("undatedAppearances") or ())
    given_urls = original.get("appearanceUrls") or {}
    if undated or given_urls:
        item = _as_given(item, undated, given_urls)
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


def _media_object(appearance: Appearance) -> JsonLd:
    published = appearance.date_published
    return _without_none(
        {
            "@type": "MediaObject",
            "url": appearance.url,
            "uploadDate": _instant(published) if isinstance(published, datetime) else None,
        }
    )


def _media_review_node(review: Review, claim: Claim, claim_review: JsonLd) -> JsonLd:
    """A MediaReview (schema.org 13+ form): the media item with its appearances, the claim it
    was taken to make, and the authenticity category as the fact-checker gave it."""
    original = review.original or {}
    claim_node = claim_review["itemReviewed"]
    works = [
        _media_object(Appearance(url=w["url"], date_published=_parse_instant(w)))
        for w in claim_node.get("appearance", [])
    ]
    item = _without_none(
        {
            "@type": "MediaReviewItem",
            "creator": claim_node.get("author"),
            "interpretedAsClaim": _without_none(
                {
                    "@type": "Claim",
                    "text": claim.text,
                    "datePublished": claim_node.get("datePublished"),
                }
            ),
            "mediaItemAppearance": works or None,
        }
    )
    category = original.get("mediaAuthenticityCategory") or review.media_authenticity_category
    node = {
        key: value
        for key, value in claim_review.items()
        if key not in ("claimReviewed", "itemReviewed", "reviewRating")
    }
    rating = claim_review["reviewRating"]
    return _without_none(
        {
            **node,
            "@type": "MediaReview",
            "mediaAuthenticityCategory": category,
            "originalMediaContextDescription": original.get("originalMediaContextDescription"),
            "originalMediaLink": original.get("originalMediaLink"),
            "reviewRating": rating if set(rating) - {"@type"} else None,
            "itemReviewed": item,
        }
    )


def _parse_instant(work: JsonLd) -> datetime | None:
    value = work.get("datePublished")
    return datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None


def review_node(*, claim: Claim, appearances: list[Appearance], review: Review) -> JsonLd:
    """One review as a ClaimReview (or MediaReview) node, without @context."""
    node = _review_node(review, claim, _claim_node(claim, appearances))
    if review.media_authenticity_category or (review.original or {}).get("@type") == (
        "MediaReview"
    ):
        return _media_review_node(review, claim, node)
    return node


def render(*, claim: Claim, appearances: list[Appearance], reviews: list[Review]) -> JsonLd:
    """A Claim node when there is no review, one ClaimReview, or a @graph of several."""
    item = _claim_node(claim, appearances)
    if not reviews:
        return {"@context": CONTEXT, **item}
    nodes = [review_node(claim=claim, appearances=appearances, review=review) for review in reviews]
    if len(nodes) == 1:
        return {"@context": CONTEXT, **nodes[0]}
    return {"@context": CONTEXT, "@graph": nodes}
