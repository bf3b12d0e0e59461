from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="IngestArticle")


@_attrs_define
class IngestArticle:
    """
    Attributes:
        url (str): Found by its canonical URL, created if new.
        title (str): Whitespace runs are collapsed to one space; never blank.
        published_at (datetime.datetime): RFC 3339 with an offset or Z; on or after 1800-01-01 and at most one day after
            now.
        author (None | str | Unset): Byline, e.g. `Reuters`.
        language (None | str | Unset):
        body (None | str | Unset): Full text, used only for copy detection: we keep SimHash and MinHash fingerprints and
            any credit to another outlet, never the body itself.
        canonical_url (None | str | Unset): The page's rel=canonical URL. Pointing at another outlet's page, it makes
            that page (if stored) or that outlet (if not) this article's origin.
        is_based_on (None | str | Unset): The page's JSON-LD `isBasedOn` URL: a credit to that page's outlet (`cites`).
    """

    url: str
    title: str
    published_at: datetime.datetime
    author: None | str | Unset = UNSET
    language: None | str | Unset = UNSET
    body: None | str | Unset = UNSET
    canonical_url: None | str | Unset = UNSET
    is_based_on: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        title = self.title

        published_at = self.published_at.isoformat()

        author: None | str | Unset
        if isinstance(self.author, Unset):
            author = UNSET
        else:
            author = self.author

        language: None | str | Unset
        if isinstance(self.language, Unset):
            language = UNSET
        else:
            language = self.language

        body: None | str | Unset
        if isinstance(self.body, Unset):
            body = UNSET
        else:
            body = self.body

        canonical_url: None | str | Unset
        if isinstance(self.canonical_url, Unset):
            canonical_url = UNSET
        else:
            canonical_url = self.canonical_url

        is_based_on: None | str | Unset
        if isinstance(self.is_based_on, Unset):
            is_based_on = UNSET
        else:
            is_based_on = self.is_based_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "url": url,
                "title": title,
                "published_at": published_at,
            }
        )
        if author is not UNSET:
            field_dict["author"] = author
        if language is not UNSET:
            field_dict["language"] = language
        if body is not UNSET:
            field_dict["body"] = body
        if canonical_url is not UNSET:
            field_dict["canonical_url"] = canonical_url
        if is_based_on is not UNSET:
            field_dict["is_based_on"] = is_based_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        title = d.pop("title")

        published_at = datetime.datetime.fromisoformat(d.pop("published_at"))

        def _parse_author(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        author = _parse_author(d.pop("author", UNSET))

        def _parse_language(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        language = _parse_language(d.pop("language", UNSET))

        def _parse_body(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        body = _parse_body(d.pop("body", UNSET))

        def _parse_canonical_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        canonical_url = _parse_canonical_url(d.pop("canonical_url", UNSET))

        def _parse_is_based_on(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        is_based_on = _parse_is_based_on(d.pop("is_based_on", UNSET))

        ingest_article = cls(
            url=url,
            title=title,
            published_at=published_at,
            author=author,
            language=language,
            body=body,
            canonical_url=canonical_url,
            is_based_on=is_based_on,
        )

        return ingest_article
