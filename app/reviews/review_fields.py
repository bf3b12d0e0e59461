"""A ClaimReview's review fields, cleaned for storage: numbers, scale, language, category.

Reading the markup lives in `app/reviews/reading.py`; this turns what was read into a
`ReviewCreate`, dropping (with a warning) what cannot be stored.
"""

import difflib
from typing import Any
from typing import get_args

from pydantic import TypeAdapter
from pydantic import ValidationError

from app.core.types import LanguageTag
from app.reviews.claimreview import Incoming
from app.reviews.models import MediaAuthenticity
from app.reviews.models import Publisher
from app.reviews.models import ReviewCreate
from app.reviews.models import check_scale
from app.reviews.reading import domain_of
from app.reviews.reading import local_name
from app.reviews.reading import text_of

_LANGUAGE = TypeAdapter(LanguageTag)


_MEDIA_CATEGORIES = {name.lower(): name for name in get_args(MediaAuthenticity)}


def media_category(value: str | None, warnings: list[str]) -> str | None:
    """The MediaManipulationRatingEnumeration member a given value names, else None."""
    if value is None:
        return None
    name = local_name(value).rsplit("/", 1)[-1].strip()
    if name.lower() in _MEDIA_CATEGORIES:
        return _MEDIA_CATEGORIES[name.lower()]
    # "DecontexualizedContent" was published: one letter off a known member is that member.
    close = difflib.get_close_matches(name.lower(), _MEDIA_CATEGORIES, n=1, cutoff=0.9)
    if close:
        warnings.append(
            f"mediaAuthenticityCategory {value!r} read as {_MEDIA_CATEGORIES[close[0]]!r}"
        )
        return _MEDIA_CATEGORIES[close[0]]
    warnings.append(f"mediaAuthenticityCategory {value!r} is not a schema.org member; ignored")
    return None


def _rating_number(value: Any, name: str, warnings: list[str]) -> float | None:
    text = text_of(value)
    if text is None:
        return None
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        warnings.append(f"{name} {text!r} is not a number; ignored")
        return None
    if number != number or abs(number) > 1e6:
        warnings.append(f"{name} {text!r} is out of range; ignored")
        return None
    return number


def review_create(node: Incoming, *, url: str) -> ReviewCreate | None:
    """The review fields of an incoming ClaimReview, cleaned; None when it has no verdict."""
    warnings = node.warnings
    value = _rating_number(node.rating_value, "ratingValue", warnings)
    best = _rating_number(node.best_rating, "bestRating", warnings)
    worst = _rating_number(node.worst_rating, "worstRating", warnings)
    try:
        check_scale(value, best, worst)
    except ValueError as exc:
        warnings.append(f"numeric rating ignored: {exc}")
        value = best = worst = None
    textual = (node.textual_rating or "")[:200] or None
    category = media_category(node.media_category, warnings)
    if textual is None and value is None and category is None:
        return None
    language = _language(node.language, warnings)
    site = domain_of(node.publisher_url) or domain_of(url)
    name = node.publisher_name or site or "Unknown publisher"
    if node.publisher_name is None:
        warnings.append(f"no author/publisher name; using {name!r}")
    title = node.title[:1000] if node.title else None
    return ReviewCreate(
        publisher=Publisher(name=name[:200], site=site),
        url=url,
        title=title,
        review_date=node.review_date,
        textual_rating=textual,
        rating_value=value,
        best_rating=best,
        worst_rating=worst,
        language=language,
        media_authenticity_category=category,
    )


def _language(value: Any, warnings: list[str]) -> str | None:
    if isinstance(value, dict):  # {"@type": "Language", "name": "English", "alternateName": "en"}
        value = value.get("alternateName") or value.get("name")
    text = text_of(value)
    if text is None:
        return None
    try:
        return _LANGUAGE.validate_python(text)
    except ValidationError:
        warnings.append(f"inLanguage {text!r} is not a BCP 47 tag; ignored")
        return None
