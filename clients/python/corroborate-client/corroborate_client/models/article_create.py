from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ArticleCreate")


@_attrs_define
class ArticleCreate:
    """
    Attributes:
        outlet (str): Slug of the outlet that published the article.
        url (str):
        title (str): Whitespace runs are collapsed to one space; never blank.
        published_at (datetime.datetime): RFC 3339 with an offset or Z; on or after 1800-01-01 and at most one day after
            now.
        author (None | str | Unset):
        language (None | str | Unset):
    """

    outlet: str
    url: str
    title: str
    published_at: datetime.datetime
    author: None | str | Unset = UNSET
    language: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        outlet = self.outlet

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

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "outlet": outlet,
                "url": url,
                "title": title,
                "published_at": published_at,
            }
        )
        if author is not UNSET:
            field_dict["author"] = author
        if language is not UNSET:
            field_dict["language"] = language

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        outlet = d.pop("outlet")

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

        article_create = cls(
            outlet=outlet,
            url=url,
            title=title,
            published_at=published_at,
            author=author,
            language=language,
        )

        return article_create
